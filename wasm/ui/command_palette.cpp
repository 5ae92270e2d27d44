#include "ui/command_palette.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>

#include "ui/item_rects.h"
#include "ui/widgets.h"

namespace cm::ui {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

std::vector<size_t> CommandPalette::matches(const std::vector<PaletteCommand>& commands, const std::string& query) {
    std::vector<std::string> words;
    const std::string q = lower(query);
    for (size_t i = 0; i < q.size();) {
        const size_t j = q.find(' ', i);
        const size_t end = j == std::string::npos ? q.size() : j;
        if (end > i) words.push_back(q.substr(i, end - i));
        i = end + 1;
    }
    std::vector<size_t> out;
    for (size_t i = 0; i < commands.size(); ++i) {
        const std::string name = lower(commands[i].name);
        if (std::all_of(words.begin(), words.end(), [&](const std::string& w) { return name.find(w) != std::string::npos; }))
            out.push_back(i);
    }
    return out;
}

void CommandPalette::draw(const std::function<std::vector<PaletteCommand>()>& commands) {
    const char* title = "Commands";
    if (open_requested_) {
        open_requested_ = false;
        open_ = true;
        query_.clear();
        selected_ = 0;
        ImGui::OpenPopup(title);
    }
    if (!open_) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + 60), ImGuiCond_Always,
                            ImVec2(0.5f, 0));
    ImGui::SetNextWindowSize(ImVec2(560, 0), ImGuiCond_Always);
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar)) {
        open_ = false;
        return;
    }
    const std::vector<PaletteCommand> all = commands();
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (input_text_with_hint("##query", "Type a command or an article's title", query_)) selected_ = 0;
    remember_item("palette:query");
    const std::vector<size_t> found = matches(all, query_);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)) && selected_ + 1 < found.size()) ++selected_;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)) && selected_ > 0) --selected_;
    selected_ = std::min(selected_, found.empty() ? size_t{0} : found.size() - 1);
    const PaletteCommand* chosen = nullptr;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) && !found.empty()) chosen = &all[found[selected_]];
    const float row = ImGui::GetTextLineHeightWithSpacing();
    ImGui::BeginChild("list", ImVec2(0, row * static_cast<float>(std::min<size_t>(std::max<size_t>(found.size(), 1), 12)) + 8));
    if (found.empty()) muted_text("Nothing matches.");
    for (size_t k = 0; k < found.size(); ++k) {
        const PaletteCommand& c = all[found[k]];
        ImGui::PushID(static_cast<int>(k));
        if (ImGui::Selectable(c.name.c_str(), k == selected_)) chosen = &c;
        if (k == selected_ && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)) ||
                               ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))))
            ImGui::SetScrollHereY();
        remember_item("palette:" + c.name);
        if (!c.shortcut.empty()) {
            ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(c.shortcut.c_str()).x);
            ImGui::TextDisabled("%s", c.shortcut.c_str());
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
    muted_text("\xE2\x86\x91 \xE2\x86\x93 choose, Enter runs, Esc closes.");
    const bool close = chosen || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (close) {
        open_ = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    if (chosen) chosen->run();  // after the popup closed: the command may open another
}

}  // namespace cm::ui
