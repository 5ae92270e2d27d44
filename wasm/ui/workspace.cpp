#include "ui/workspace.h"

#include <algorithm>
#include <string>


namespace cm::ui {

void Workspace::open(int index) {
    if (index < 0 || index >= static_cast<int>(corpus_.documents.size())) return;
    open_ = index;
    view_.set_document(&corpus_.documents[static_cast<size_t>(index)]);
}

void Workspace::draw_menu() {
    if (!ImGui::BeginMenuBar()) return;
    if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("Follow the system theme", nullptr, theme_ == ThemeChoice::System)) theme_ = ThemeChoice::System;
        if (ImGui::MenuItem("Light theme", nullptr, theme_ == ThemeChoice::Light)) theme_ = ThemeChoice::Light;
        if (ImGui::MenuItem("Dark theme", nullptr, theme_ == ThemeChoice::Dark)) theme_ = ThemeChoice::Dark;
        ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
}

void Workspace::draw_status(float height) {
    ImGui::Separator();
    ImGui::BeginChild("status", ImVec2(0, height), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::Indent(ImGui::GetStyle().WindowPadding.x);
    const TextSelection& s = view_.selection();
    if (view_.document() && !s.empty()) {
        ImGui::Text("Selection %zu\xE2\x80\x93%zu  \xE2\x80\xA2  %zu characters", s.begin(), s.end(), s.end() - s.begin());
    } else if (view_.document()) {
        ImGui::TextDisabled("Drag over text to select it; double-click a word, triple-click a paragraph.");
    }
    if (!corpus_.problems.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.8f, 0.3f, 0.1f, 1), "  %zu corpus problem(s)", corpus_.problems.size());
        if (ImGui::IsItemHovered()) {
            std::string all;
            for (const auto& p : corpus_.problems) all += p + "\n";
            ImGui::SetTooltip("%s", all.c_str());
        }
    }
    ImGui::Unindent(ImGui::GetStyle().WindowPadding.x);
    ImGui::EndChild();
}

void Workspace::draw(const FontSet& fonts, float width, float height) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(width, height));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("ClaimMark", nullptr, flags);
    ImGui::PopStyleVar();
    draw_menu();

    const float status_h = ImGui::GetFrameHeight();
    const float body_h = ImGui::GetContentRegionAvail().y - status_h - ImGui::GetStyle().ItemSpacing.y;
    list_width_ = std::clamp(list_width_, 180.0f, std::max(180.0f, width * 0.45f));

    // Corpus panel.
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 8));
    ImGui::BeginChild("corpus", ImVec2(list_width_, body_h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PushFont(fonts.ui_bold);
    ImGui::TextUnformatted("Articles");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("(%zu)", corpus_.documents.size());
    const int picked = draw_document_list(corpus_, open_, fonts.ui_bold, list_items_);
    if (picked >= 0) open(picked);
    ImGui::EndChild();
    ImGui::PopStyleVar();

    // A thin splitter to resize the panel.
    ImGui::SameLine(0, 0);
    ImGui::InvisibleButton("splitter", ImVec2(6, body_h));
    if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    if (ImGui::IsItemActive()) list_width_ += ImGui::GetIO().MouseDelta.x;
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddLine(ImVec2((a.x + b.x) * 0.5f, a.y), ImVec2((a.x + b.x) * 0.5f, b.y),
                                        ImGui::GetColorU32(ImGuiCol_Separator));
    ImGui::SameLine(0, 0);

    ImGui::BeginChild("reader", ImVec2(0, body_h), false);
    ImGui::PushFont(fonts.reading);
    view_.draw(fonts.reading, ImGui::GetFontSize());
    ImGui::PopFont();
    ImGui::EndChild();

    draw_status(status_h);
    ImGui::End();
}

}  // namespace cm::ui
