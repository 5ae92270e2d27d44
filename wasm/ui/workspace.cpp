#include "ui/item_rects.h"
#include "ui/workspace.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "platform/platform.h"
#include "ui/compare_panel.h"
#include "ui/help_overlay.h"
#include "core/formats/formats.h"
#include "ui/search_panel.h"
#include "ui/side_panel.h"
#include "ui/widgets.h"

namespace cm::ui {

void Workspace::open(int index) {
    if (index < 0 || index >= static_cast<int>(corpus_.documents.size())) return;
    open_ = index;
    request_corpus_tab(CorpusTab::Article);  // picking an article shows it
    view_.set_document(&corpus_.documents[static_cast<size_t>(index)]);
    annotator_.set_document(view_.document());
}

void Workspace::compare_with(const std::string& file_name, const std::string& text) {
    if (!comparison_.load(file_name, text, annotator_, platform::wall_clock_seconds())) {
        annotator_.flash("Nothing was compared: the file could not be used.");
        return;  // the dialog says why
    }
    annotator_.flash(comparison_.message());
    request_side_tab("Compare");
}

// An annotation picked in a panel, a link marker or by N / P: open its
// article if needed and scroll it into view.
void Workspace::follow_jump() {
    const auto jump = annotator_.take_jump();
    if (!jump) return;
    const int index = corpus_.index_of(jump->doc);
    if (index < 0) return;
    if (index != open_) open(index);
    request_corpus_tab(CorpusTab::Article);  // a jump from a corpus view shows the article
    view_.clear_selection();
    view_.reveal(jump->start, jump->end);
}

void Workspace::draw_menu() {
    if (!ImGui::BeginMenuBar()) return;
    project_menu_.draw_menu(annotator_, storage_);
    Editor& ed = annotator_.editor();
    const bool edit_menu = ImGui::BeginMenu("Edit");
    remember_item("menu:Edit");
    if (edit_menu) {
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
        if (ImGui::MenuItem("Suggest attributions in this article", "S", false, view_.document() != nullptr))
            annotator_.suggestions.start(annotator_);
        remember_item("edit:suggest");
        ImGui::Separator();
        ImGui::MenuItem("Snap selections to whole words", "W", &annotator_.snap_to_words);
        ImGui::EndMenu();
    }
    draw_view_menu();
    const bool help = ImGui::BeginMenu("Help");
    remember_item("menu:Help");
    if (help) {
        if (ImGui::MenuItem("Keys and colours", "?", annotator_.show_help)) annotator_.show_help = !annotator_.show_help;
        if (ImGui::MenuItem("Show the first-run guide again")) {
            prefs_.guide_done = false;
            guide_.restart(annotator_.model());
        }
        remember_item("help:guide");
        if (ImGui::MenuItem("All commands\xE2\x80\xA6", ImGui::GetIO().ConfigMacOSXBehaviors ? "Cmd+K" : "Ctrl+K")) palette_.open();
        remember_item("help:commands");
        if (ImGui::MenuItem("About ClaimMark")) show_about_ = true;
        remember_item("help:about");
        ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
}

ThemeChoice Workspace::theme() const {
    if (prefs_.theme == "light") return ThemeChoice::Light;
    if (prefs_.theme == "dark") return ThemeChoice::Dark;
    return ThemeChoice::System;
}

void Workspace::set_theme(ThemeChoice t) {
    prefs_.theme = t == ThemeChoice::Light ? "light" : t == ThemeChoice::Dark ? "dark" : "system";
}

void Workspace::focus_search() { focus_search_field(); }

void Workspace::change_text_size(int steps) {
    prefs_.text_size = steps == 0 ? Preferences::kDefaultText : std::round(prefs_.text_size) + 2.0f * static_cast<float>(steps);
    prefs_.clamp();
    annotator_.flash("Text size " + std::to_string(static_cast<int>(prefs_.text_size)) + " px.");
}

void Workspace::draw_view_menu() {
    const bool open = ImGui::BeginMenu("View");
    remember_item("menu:View");
    if (!open) return;
    const ThemeChoice t = theme();
    if (ImGui::MenuItem("Follow the system theme", nullptr, t == ThemeChoice::System)) set_theme(ThemeChoice::System);
    if (ImGui::MenuItem("Light theme", nullptr, t == ThemeChoice::Light)) set_theme(ThemeChoice::Light);
    if (ImGui::MenuItem("Dark theme", nullptr, t == ThemeChoice::Dark)) set_theme(ThemeChoice::Dark);
    ImGui::Separator();
    const bool mac = ImGui::GetIO().ConfigMacOSXBehaviors;
    if (ImGui::MenuItem("Larger text", mac ? "Cmd+=" : "Ctrl+=")) change_text_size(+1);
    if (ImGui::MenuItem("Smaller text", mac ? "Cmd+-" : "Ctrl+-")) change_text_size(-1);
    if (ImGui::MenuItem("Default text size", mac ? "Cmd+0" : "Ctrl+0")) change_text_size(0);
    ImGui::Separator();
    // Sliders in the menu: the text reflows behind it as they move.
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    int size = static_cast<int>(std::round(prefs_.text_size));
    if (ImGui::SliderInt("Text size", &size, static_cast<int>(Preferences::kMinText), static_cast<int>(Preferences::kMaxText), "%d px"))
        prefs_.text_size = static_cast<float>(size);
    remember_item("view:text-size");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    ImGui::SliderFloat("Line spacing", &prefs_.line_spacing, Preferences::kMinSpacing, Preferences::kMaxSpacing, "%.2f");
    remember_item("view:line-spacing");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    int chars = static_cast<int>(std::round(prefs_.column_em * 2));  // about two characters per font size
    if (ImGui::SliderInt("Line length", &chars, static_cast<int>(Preferences::kMinColumn * 2),
                         static_cast<int>(Preferences::kMaxColumn * 2), "about %d characters"))
        prefs_.column_em = static_cast<float>(chars) / 2;
    remember_item("view:line-length");
    if (ImGui::MenuItem("Default reading settings")) {
        const Preferences d;
        prefs_.text_size = d.text_size;
        prefs_.line_spacing = d.line_spacing;
        prefs_.column_em = d.column_em;
    }
    prefs_.clamp();
    ImGui::EndMenu();
}

std::vector<PaletteCommand> Workspace::palette_commands() {
    const bool mac = ImGui::GetIO().ConfigMacOSXBehaviors;
    const std::string mod = mac ? "Cmd+" : "Ctrl+";
    Editor& ed = annotator_.editor();
    const bool editable = !annotator_.read_only;
    std::vector<PaletteCommand> c;
    auto add = [&](std::string name, std::string keys, std::function<void()> run) {
        c.push_back({std::move(name), std::move(keys), std::move(run)});
    };
    if (editable && project_menu_.can_pick_files()) add("Open an article (.txt, .md, .html)\xE2\x80\xA6", "", [this] { project_menu_.open_article_file(); });
    add("Export project (.json)", "", [this] { project_menu_.export_project(annotator_, true); });
    add("Export annotations only (.json, without the article texts)", "", [this] { project_menu_.export_project(annotator_, false); });
    for (const formats::FormatInfo& f : formats::export_formats()) {
        const std::string name = f.name;
        add("Export as " + name, "", [this, name] { project_menu_.export_as(name); });
    }
    if (editable && project_menu_.can_pick_files())
        add("Import project or W3C annotations (.json)\xE2\x80\xA6", "", [this] { project_menu_.import_file(); });
    if (project_menu_.can_compare())
        add("Compare with a colleague's file (.json)\xE2\x80\xA6", "", [this] { project_menu_.compare_file(); });
    if (comparison_.active()) {
        add("Show the Compare panel", "", [] { request_side_tab("Compare"); });
        add("Stop comparing", "", [this] { comparison_.stop(annotator_); });
    }
    if (editable && ed.can_undo()) add("Undo " + ed.undo_name(), mod + "Z", [&ed] { ed.undo(); });
    if (editable && ed.can_redo()) add("Redo " + ed.redo_name(), mod + "Shift+Z", [&ed] { ed.redo(); });
    if (view_.document() && editable)
        add("Suggest attributions in this article", "S", [this] { annotator_.suggestions.start(annotator_); });
    add("Next annotation", "N", [this] { annotator_.step(+1); });
    add("Previous annotation", "P", [this] { annotator_.step(-1); });
    if (annotator_.selected_span()) {
        add("Link the selected claim\xE2\x80\xA6", "L", [this] { annotator_.start_link(); });
        add("Delete the selected annotation", "Del", [this] { annotator_.delete_selected(); });
    }
    add(std::string(annotator_.snap_to_words ? "Stop snapping" : "Snap") + " selections to whole words", "W",
        [this] { annotator_.snap_to_words = !annotator_.snap_to_words; });
    for (const CorpusTab t : {CorpusTab::Article, CorpusTab::WhoSaidWhat, CorpusTab::Clusters, CorpusTab::Contradictions,
                              CorpusTab::Timeline}) {
        const std::string name = tab_name(t);
        add(t == CorpusTab::Article ? std::string("Show the article") : "Show " + name + " (across articles)", "",
            [t] { request_corpus_tab(t); });
    }
    add("Search the corpus", mod + "F", [] { focus_search_field(); });
    for (const char* tab : {"Inspector", "Annotations", "Cast", "Labels", "Search"}) {
        const std::string name = tab;
        add("Show the " + name + " panel", "", [name] { request_side_tab(name); });
    }
    add("Follow the system theme", "", [this] { set_theme(ThemeChoice::System); });
    add("Light theme", "", [this] { set_theme(ThemeChoice::Light); });
    add("Dark theme", "", [this] { set_theme(ThemeChoice::Dark); });
    add("Larger text", mod + "=", [this] { change_text_size(+1); });
    add("Smaller text", mod + "-", [this] { change_text_size(-1); });
    add("Default text size", mod + "0", [this] { change_text_size(0); });
    add("Keys and colours (help)", "?", [this] { annotator_.show_help = true; });
    add("Show the first-run guide again", "", [this] {
        prefs_.guide_done = false;
        guide_.restart(annotator_.model());
    });
    add("About ClaimMark", "", [this] { show_about_ = true; });
    for (size_t i = 0; i < corpus_.documents.size(); ++i) {
        const int index = static_cast<int>(i);
        add("Open \xE2\x80\x9C" + corpus_.documents[i].meta.title + "\xE2\x80\x9D", "", [this, index] { open(index); });
    }
    return c;
}

void Workspace::draw_about() {
    const char* title = "About ClaimMark";
    if (show_about_) {
        ImGui::OpenPopup(title);
        show_about_ = false;
    }
    ImGui::SetNextWindowSize(ImVec2(520, 0), ImGuiCond_Always);
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    ImGui::TextUnformatted("ClaimMark " CM_VERSION ", built " CM_BUILD_DATE);
    ImGui::Spacing();
    ImGui::TextWrapped("%s", "Your articles and annotations never leave this device: there is no server and no account. "
                             "Work is saved on this device as you go, and goes elsewhere only in the files you export.");
    ImGui::Spacing();
    muted_text_wrapped(("Saved in: " + (storage_.where.empty() ? std::string("this browser") : storage_.where)).c_str());
    ImGui::Spacing();
    if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
    remember_item("about:close");
    ImGui::EndPopup();
}

void Workspace::draw_status(float height) {
    ImGui::Separator();
    ImGui::BeginChild("status", ImVec2(0, height), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::Indent(ImGui::GetStyle().WindowPadding.x);
    const TextSelection& s = view_.selection();
    const double now = platform::now_seconds();
    if (task_) {
        if (task_->progress >= 0) {
            const std::string pct = std::to_string(static_cast<int>(task_->progress * 100)) + "%";
            // A text line high, not a frame: the status strip is one line.
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4, 0));
            ImGui::ProgressBar(static_cast<float>(task_->progress), ImVec2(ImGui::GetFontSize() * 8, ImGui::GetTextLineHeight()),
                               pct.c_str());
            ImGui::PopStyleVar();
            remember_item("status:task-progress");
            ImGui::SameLine();
        }
        ImGui::TextUnformatted(task_->label.c_str());
    } else if (!annotator_.message().empty() && now - annotator_.message_time() < 6) {
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
                                   ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoBackground;  // the frame is cleared to WindowBg: no full-screen quad to blend
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("ClaimMark", nullptr, flags);
    ImGui::PopStyleVar();
    draw_menu();

    const float status_h = ImGui::GetFrameHeight();
    const float body_h = ImGui::GetContentRegionAvail().y - status_h - ImGui::GetStyle().ItemSpacing.y;
    prefs_.list_width = std::clamp(prefs_.list_width, 180.0f, std::max(180.0f, width * 0.3f));

    // Corpus panel.
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 8));
    ImGui::BeginChild("corpus", ImVec2(prefs_.list_width, body_h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
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
    remember_item("splitter:articles");
    if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    if (ImGui::IsItemActive()) prefs_.list_width += ImGui::GetIO().MouseDelta.x;
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddLine(ImVec2((a.x + b.x) * 0.5f, a.y), ImVec2((a.x + b.x) * 0.5f, b.y),
                                        ImGui::GetColorU32(ImGuiCol_Separator));
    ImGui::SameLine(0, 0);

    if (annotator_.text_selection_consumed) {
        view_.clear_selection();
        annotator_.text_selection_consumed = false;
    }
    follow_jump();
    prefs_.panel_width = std::clamp(prefs_.panel_width, 260.0f, std::max(260.0f, width * 0.4f));
    // A view across articles takes the panels' room too: a table of five
    // articles, or two claims side by side, needs the width. (The tab shown
    // is expected before the tab bar is drawn, a click on a tab included.)
    const CorpusTab expected = corpus_views_.upcoming();
    const bool article = expected == CorpusTab::Article;
    const float reader_w = article ? std::max(200.0f, ImGui::GetContentRegionAvail().x - prefs_.panel_width - 6)
                                   : ImGui::GetContentRegionAvail().x;
    comparison_.update(annotator_);  // the diff marks; cheap unless my annotations, the article or a setting changed
    ImGui::BeginChild("reader", ImVec2(reader_w, body_h), false);
    const CorpusTab tab = corpus_views_.draw_tab_bar();
    draw_notices();
    if (tab != expected) {
        ++frames_without_view_;  // this frame's width was for the other tab: the next one draws it
    } else if (tab == CorpusTab::Article) {
        ImGui::PushFont(fonts.reading);
        view_.set_reading(prefs_.line_spacing, prefs_.column_em);
        view_.draw(fonts.reading, ImGui::GetFontSize());
        ImGui::PopFont();
    } else {
        ImGui::BeginDisabled(annotator_.read_only);
        corpus_views_.draw_view(tab, annotator_, fonts);
        ImGui::EndDisabled();
    }
    ImGui::EndChild();

    if (article) {
        // The side panels, behind their own splitter.
        ImGui::SameLine(0, 0);
        ImGui::InvisibleButton("panel_splitter", ImVec2(6, body_h));
        remember_item("splitter:panels");
        if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
        if (ImGui::IsItemActive()) prefs_.panel_width -= ImGui::GetIO().MouseDelta.x;
        const ImVec2 pa = ImGui::GetItemRectMin(), pb = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddLine(ImVec2((pa.x + pb.x) * 0.5f, pa.y), ImVec2((pa.x + pb.x) * 0.5f, pb.y),
                                            ImGui::GetColorU32(ImGuiCol_Separator));
        ImGui::SameLine(0, 0);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 8));
        ImGui::BeginChild("panels", ImVec2(0, body_h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
        draw_side_panel(annotator_, fonts, comparison_);  // read-only: the panels that edit are disabled
        ImGui::EndChild();
        ImGui::PopStyleVar();
    }
    // Keys after the panels: a field that took the keyboard this frame wins.
    if (view_.document()) annotator_.handle_keys(corpus_views_.current() == CorpusTab::Article);

    draw_status(status_h);
    ImGui::End();
    draw_help_overlay(annotator_, fonts, storage_);
    if (!prefs_.guide_done && view_.document()) guide_.draw(annotator_, view_, prefs_.guide_done);
    draw_about();
    palette_.draw([this] { return palette_commands(); });
    project_menu_.draw_dialogs(annotator_);
    draw_compare_error(comparison_);
    if (article_hooks_.add) article_dialog_.draw(annotator_, article_hooks_);
}

}  // namespace cm::ui
