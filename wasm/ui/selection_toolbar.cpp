#include "ui/selection_toolbar.h"

#include <imgui_internal.h>  // FindWindowByName: last frame's size of a bar

#include <algorithm>
#include <string>

#include "ui/span_painter.h"

namespace cm::ui {

namespace {

constexpr ImGuiWindowFlags kBarFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                       ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove;

// Places a bar at anchor, kept inside the view (it is one frame late on its size).
void place(ImVec2 anchor, ImVec2 view_min, ImVec2 view_max, const char* id) {
    ImGuiWindow* w = ImGui::FindWindowByName(id);
    const ImVec2 size = w ? w->Size : ImVec2(360, 40);
    ImVec2 p = anchor;
    p.x = std::clamp(p.x - size.x * 0.5f, view_min.x + 4, std::max(view_min.x + 4, view_max.x - size.x - 4));
    if (p.y + size.y > view_max.y - 4) p.y = view_max.y - size.y - 4;
    p.y = std::max(p.y, view_min.y + 4);
    ImGui::SetNextWindowPos(p);
}

bool label_button(const Label& l, int index) {
    const ImU32 col = rgb_to_u32(l.color, 1.0f);
    ImGui::PushID(static_cast<int>(l.id));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFrameHeight();
    std::string text = index < 9 ? std::to_string(index + 1) + "  " + l.name : l.name;
    const bool pressed = ImGui::Button(("    " + text).c_str());
    // A colour square inside the button's left padding.
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x + 7, p.y + h * 0.3f), ImVec2(p.x + 7 + h * 0.4f, p.y + h * 0.7f), col, 2);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Label the selection as %s (key %d)", l.name.c_str(), index + 1);
    ImGui::PopID();
    return pressed;
}

}  // namespace

void draw_selection_toolbar(Annotator& an, size_t sel_begin, size_t sel_end, ImVec2 anchor, ImVec2 view_min, ImVec2 view_max) {
    const char* id = "##selection_toolbar";
    place(anchor, view_min, view_max, id);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 6));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 6);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1);
    ImGui::Begin(id, nullptr, kBarFlags);
    ImGui::PushFont(ImGui::GetIO().FontDefault);  // the UI font, not the article's
    const auto& labels = an.model().labels;
    for (size_t i = 0; i < labels.size(); ++i) {
        if (i) ImGui::SameLine(0, 4);
        if (label_button(labels[i], static_cast<int>(i))) an.label_range(sel_begin, sel_end, labels[i].id);
    }
    if (const Span* sel = an.selected_span(); sel && an.document() && sel->doc == an.document()->meta.id) {
        ImGui::SameLine(0, 10);
        if (ImGui::Button("+ Part")) an.add_range_to_selected();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Add the selection as another part of the selected annotation (A)");
    }
    ImGui::SameLine(0, 10);
    if (ImGui::Button("Zone\xE2\x80\xA6")) an.open_zone_menu = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Mark the selection as article body, reader comments or page furniture (Z)");
    ImGui::SameLine(0, 10);
    ImGui::Checkbox("Words", &an.snap_to_words);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Grow the selection to whole words when labelling (W)");

    if (an.open_zone_menu) {
        ImGui::OpenPopup("zone_menu");
        an.open_zone_menu = false;
    }
    if (ImGui::BeginPopup("zone_menu")) {
        ImGui::TextDisabled("Mark the selection as");
        const struct { const char* name; const char* key; ZoneKind kind; } kinds[] = {
            {"Article body", "B", ZoneKind::Body},
            {"Reader comments", "C", ZoneKind::Comments},
            {"Page furniture", "F", ZoneKind::Furniture},
        };
        const ImGuiIO& io = ImGui::GetIO();
        for (const auto& k : kinds) {
            bool typed = false;
            for (const ImWchar c : io.InputQueueCharacters) typed |= (c == k.key[0] || c == k.key[0] + 32);
            if (ImGui::MenuItem(k.name, k.key) || typed) {
                const Document* d = an.document();
                if (d && an.editor().add_zone(d->meta.id, Range{uint32_t(sel_begin), uint32_t(sel_end)}, k.kind))
                    an.flash(std::string("Marked as ") + k.name + ".");
                an.text_selection_consumed = true;
                ImGui::CloseCurrentPopup();
            }
        }
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleVar(3);
}

void draw_claim_link_chooser(Annotator& an, ImVec2 anchor) {
    const Span* other = an.model().span(an.claim_link_pending());
    if (!other) return;
    ImGui::SetNextWindowPos(anchor, ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 6));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 6);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1);
    ImGui::Begin("##claim_link", nullptr, kBarFlags);
    ImGui::PushFont(ImGui::GetIO().FontDefault);
    ImGui::TextUnformatted("This claim\xE2\x80\xA6");
    ImGui::SameLine();
    if (ImGui::Button("1  is the same claim")) an.finish_claim_link(RelationType::SameClaim);
    ImGui::SameLine(0, 4);
    if (ImGui::Button("2  supports")) an.finish_claim_link(RelationType::Supports);
    ImGui::SameLine(0, 4);
    if (ImGui::Button("3  contradicts")) an.finish_claim_link(RelationType::Contradicts);
    ImGui::SameLine(0, 4);
    if (ImGui::Button("Cancel")) an.cancel_link();
    ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleVar(3);
}

}  // namespace cm::ui
