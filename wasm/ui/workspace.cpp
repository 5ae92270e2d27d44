#include "ui/item_rects.h"
#include "ui/workspace.h"

#include <algorithm>
#include <cstdlib>
#include <string>

#include "platform/platform.h"
#include "ui/help_overlay.h"
#include "ui/side_panel.h"

namespace cm::ui {

void Workspace::open(int index) {
    if (index < 0 || index >= static_cast<int>(corpus_.documents.size())) return;
    open_ = index;
    view_.set_document(&corpus_.documents[static_cast<size_t>(index)]);
    annotator_.set_document(view_.document());
}

// An annotation picked in a panel, a link marker or by N / P: open its
// article if needed and scroll it into view.
void Workspace::follow_jump() {
    const auto jump = annotator_.take_jump();
    if (!jump) return;
    const int index = corpus_.index_of(jump->doc);
    if (index < 0) return;
    if (index != open_) open(index);
    view_.clear_selection();
    view_.reveal(jump->start, jump->end);
}

void Workspace::draw_menu() {
    if (!ImGui::BeginMenuBar()) return;
    project_menu_.draw_menu(annotator_, storage_);
    Editor& ed = annotator_.editor();
    if (ImGui::BeginMenu("Edit")) {
        const std::string undo = ed.can_undo() ? "Undo " + ed.undo_name() : std::string("Undo");
        const std::string redo = ed.can_redo() ? "Redo " + ed.redo_name() : std::string("Redo");
        const bool editable = !annotator_.read_only;
        if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, editable && ed.can_undo())) ed.undo();
        if (ImGui::MenuItem(redo.c_str(), "Ctrl+Shift+Z", false, editable && ed.can_redo())) ed.redo();
        ImGui::Separator();
        const bool has = annotator_.selected_span() != nullptr;
        if (ImGui::MenuItem("Link the selected claim\xE2\x80\xA6", "L", false, has)) annotator_.start_link();
        if (ImGui::MenuItem("Delete the selected annotation", "Del", false, has)) annotator_.delete_selected();
        if (ImGui::MenuItem("Next annotation", "N")) annotator_.step(+1);
        if (ImGui::MenuItem("Previous annotation", "P")) annotator_.step(-1);
        ImGui::Separator();
        ImGui::MenuItem("Snap selections to whole words", "W", &annotator_.snap_to_words);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("Follow the system theme", nullptr, theme_ == ThemeChoice::System)) theme_ = ThemeChoice::System;
        if (ImGui::MenuItem("Light theme", nullptr, theme_ == ThemeChoice::Light)) theme_ = ThemeChoice::Light;
        if (ImGui::MenuItem("Dark theme", nullptr, theme_ == ThemeChoice::Dark)) theme_ = ThemeChoice::Dark;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("Keys", "?", annotator_.show_help)) annotator_.show_help = !annotator_.show_help;
        ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
}

void Workspace::draw_status(float height) {
    ImGui::Separator();
    ImGui::BeginChild("status", ImVec2(0, height), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::Indent(ImGui::GetStyle().WindowPadding.x);
    const TextSelection& s = view_.selection();
    const double now = platform::now_seconds();
    if (!annotator_.message().empty() && now - annotator_.message_time() < 6) {
        ImGui::TextUnformatted(annotator_.message().c_str());
    } else if (annotator_.linking()) {
        ImGui::TextUnformatted("Link: click a speaker, source or claim (or N / P and Enter). Esc cancels.");
    } else if (const Span* sel = annotator_.selected_span()) {
        ImGui::Text("%s  \xE2\x80\xA2  L link, Del delete, 1\xE2\x80\x93" "9 relabel, Enter inspect", annotator_.describe(*sel).c_str());
    } else if (view_.document() && !s.empty()) {
        ImGui::Text("Selection %zu\xE2\x80\x93%zu  \xE2\x80\xA2  %zu characters", s.begin(), s.end(), s.end() - s.begin());
    } else if (view_.document()) {
        ImGui::TextDisabled("Select text and press 1\xE2\x80\x93" "9 to label it; click an annotation to select it; ? lists every key.");
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
    draw_save_state(storage_);
    ImGui::Unindent(ImGui::GetStyle().WindowPadding.x);
    ImGui::EndChild();
}

void Workspace::draw_notices() {
    for (size_t i = 0; i < notices_.size();) {
        const Palette& pal = palette();
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(pal.warning_bg));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.warning_text));
        ImGui::PushID(static_cast<int>(i));
        const float wrap = ImGui::GetContentRegionAvail().x - 120;
        const float h = ImGui::CalcTextSize(notices_[i].c_str(), nullptr, false, wrap).y + 16;
        ImGui::BeginChild("notice", ImVec2(0, h), false, ImGuiWindowFlags_NoScrollbar);
        ImGui::SetCursorPos(ImVec2(10, 8));
        ImGui::PushTextWrapPos(wrap);
        ImGui::TextUnformatted(notices_[i].c_str());
        ImGui::PopTextWrapPos();
        ImGui::SameLine(ImGui::GetWindowWidth() - 90);
        ImGui::PopStyleColor();
        const bool dismiss = ImGui::Button("Dismiss");
        remember_item("notice-dismiss:" + std::to_string(i));
        ImGui::EndChild();
        ImGui::PopID();
        ImGui::PopStyleColor();
        if (dismiss) notices_.erase(notices_.begin() + static_cast<std::ptrdiff_t>(i));
        else ++i;
    }
}

std::string Workspace::view_anchor() const {
    if (!view_.document()) return "";
    return view_.document()->meta.id + " " + std::to_string(view_.anchor_cp());
}

void Workspace::restore_view_anchor(const std::string& anchor) {
    const size_t space = anchor.find(' ');
    if (space == std::string::npos) return;
    const int index = corpus_.index_of(anchor.substr(0, space));
    if (index < 0) return;
    open(index);
    const size_t cp = std::strtoul(anchor.c_str() + space + 1, nullptr, 10);
    if (cp > 0 && cp <= view_.document()->text.size()) view_.reveal(cp, cp);
}

void Workspace::draw(const FontSet& fonts, float width, float height) {
    clear_item_rects();
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
    list_width_ = std::clamp(list_width_, 180.0f, std::max(180.0f, width * 0.3f));

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

    if (annotator_.text_selection_consumed) {
        view_.clear_selection();
        annotator_.text_selection_consumed = false;
    }
    follow_jump();
    panel_width_ = std::clamp(panel_width_, 260.0f, std::max(260.0f, width * 0.4f));
    const float reader_w = std::max(200.0f, ImGui::GetContentRegionAvail().x - panel_width_ - 6);
    ImGui::BeginChild("reader", ImVec2(reader_w, body_h), false);
    draw_notices();
    ImGui::PushFont(fonts.reading);
    view_.draw(fonts.reading, ImGui::GetFontSize());
    ImGui::PopFont();
    ImGui::EndChild();

    // The side panels, behind their own splitter.
    ImGui::SameLine(0, 0);
    ImGui::InvisibleButton("panel_splitter", ImVec2(6, body_h));
    if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    if (ImGui::IsItemActive()) panel_width_ -= ImGui::GetIO().MouseDelta.x;
    const ImVec2 pa = ImGui::GetItemRectMin(), pb = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddLine(ImVec2((pa.x + pb.x) * 0.5f, pa.y), ImVec2((pa.x + pb.x) * 0.5f, pb.y),
                                        ImGui::GetColorU32(ImGuiCol_Separator));
    ImGui::SameLine(0, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 8));
    ImGui::BeginChild("panels", ImVec2(0, body_h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::BeginDisabled(annotator_.read_only);  // another tab saves: this one only reads
    draw_side_panel(annotator_, fonts);
    ImGui::EndDisabled();
    ImGui::EndChild();
    ImGui::PopStyleVar();
    // Keys after the panels: a field that took the keyboard this frame wins.
    if (view_.document()) annotator_.handle_keys();

    draw_status(status_h);
    ImGui::End();
    draw_help_overlay(annotator_, fonts);
    project_menu_.draw_dialogs(annotator_);
    if (article_hooks_.add) article_dialog_.draw(annotator_, article_hooks_);
}

}  // namespace cm::ui
