#include "ui/project_menu.h"

#include <imgui.h>

#include <cstdio>

#include "core/formats/formats.h"
#include "ui/item_rects.h"

namespace cm::ui {

namespace {

std::string megabytes(double bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1e6);
    return buf;
}

}  // namespace

void ProjectMenu::offer_import(std::string name, std::string text) {
    name_ = std::move(name);
    text_ = std::move(text);
    problems_.clear();
    stage_ = Stage::Choose;
}

void ProjectMenu::open_article_file() {
    if (actions_.pick_article_file) actions_.pick_article_file();
}

void ProjectMenu::import_file() {
    if (actions_.pick_import_file) actions_.pick_import_file();
}

void ProjectMenu::compare_file() {
    if (actions_.pick_compare_file) actions_.pick_compare_file();
}

void ProjectMenu::export_project(Annotator& an, bool with_text) {
    const std::string where = actions_.export_project ? actions_.export_project(with_text) : "";
    an.flash(where.empty() ? "Export failed." : (with_text ? "Exported the project to " : "Exported the annotations to ") + where + ".");
}

void ProjectMenu::export_as(const std::string& format) {
    if (!actions_.export_format) return;
    auto [where, left_out] = actions_.export_format(format);
    export_name_ = format;
    export_where_ = where;
    export_left_out_ = std::move(left_out);
    show_export_report_ = true;
}

void ProjectMenu::draw_menu(Annotator& an, const platform::StorageStatus& storage) {
    const bool open = ImGui::BeginMenu("File");
    remember_item("menu:File");
    if (!open) return;
    const bool open_article = ImGui::MenuItem("Open an article (.txt, .md, .html)\xE2\x80\xA6", nullptr, false,
                                              !storage.read_only && actions_.pick_article_file);
    remember_item("file:open-article");
    if (open_article) open_article_file();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Or paste an article (Ctrl+V) or drop files on the page.");
    ImGui::Separator();
    const bool export_all = ImGui::MenuItem("Export project (.json)");
    remember_item("file:export");
    if (export_all) export_project(an, true);
    if (ImGui::MenuItem("Export annotations only (.json, without the article texts)")) export_project(an, false);
    if (ImGui::BeginMenu("Export as")) {
        for (const formats::FormatInfo& f : formats::export_formats()) {
            const bool go = ImGui::MenuItem(f.name);
            remember_item(std::string("export-as:") + f.name);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", f.description);
            if (go) export_as(f.name);
        }
        ImGui::EndMenu();
    }
    remember_item("file:export-as");
    const bool import = ImGui::MenuItem("Import project or W3C annotations (.json)\xE2\x80\xA6", nullptr, false, !storage.read_only && actions_.pick_import_file);
    remember_item("file:import");
    if (import) import_file();
    // Reading a colleague's file changes nothing of mine, so a read-only tab may compare.
    const bool compare = ImGui::MenuItem("Compare with a colleague's file (.json)\xE2\x80\xA6", nullptr, false,
                                         static_cast<bool>(actions_.pick_compare_file));
    remember_item("file:compare");
    if (ImGui::IsItemHovered()) {  // wrapped: one long line would cover the menu
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
        ImGui::TextUnformatted("Their project file (from File \xE2\x86\x92 Export project) beside yours: agreement figures, "
                               "the differences in the text, and adopting theirs one by one. Nothing is merged until you adopt.");
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    if (compare) compare_file();
    ImGui::Separator();
    const bool aside = ImGui::MenuItem("Export the unreadable saved data", nullptr, false, storage.has_aside);
    remember_item("file:export-aside");
    if (aside) {
        const std::string where = actions_.export_aside ? actions_.export_aside() : "";
        an.flash(where.empty() ? "Nothing to export." : "Exported the unreadable saved data to " + where + ".");
    }
    ImGui::Separator();
    ImGui::TextDisabled("Work is saved in %s", storage.where.c_str());
    if (storage.quota > 0)
        ImGui::TextDisabled("Using %s of %s%s", megabytes(storage.usage).c_str(), megabytes(storage.quota).c_str(),
                            storage.persisted ? " (kept: the browser will not clear it on its own)" : "");
    ImGui::EndMenu();
}

void ProjectMenu::draw_dialogs(Annotator& an) {
    // What a standard format could not hold, said right after exporting.
    if (show_export_report_) {
        const char* report = "Export";
        if (!ImGui::IsPopupOpen(report)) ImGui::OpenPopup(report);
        ImGui::SetNextWindowSize(ImVec2(560, 0), ImGuiCond_Always);  // height 0: fit the content every frame
        if (ImGui::BeginPopupModal(report, nullptr, ImGuiWindowFlags_NoSavedSettings)) {
            if (export_where_.empty()) ImGui::TextWrapped("The %s export could not be written.", export_name_.c_str());
            else ImGui::TextWrapped("Exported as %s to %s.", export_name_.c_str(), export_where_.c_str());
            if (export_left_out_.empty()) {
                ImGui::TextWrapped("Everything fitted into the format.");
            } else {
                ImGui::TextWrapped("What the format could not hold:");
                for (const std::string& l : export_left_out_) ImGui::TextWrapped("\xE2\x80\xA2 %s", l.c_str());
            }
            const bool close = ImGui::Button("Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
            remember_item("export:close");
            if (close) {
                show_export_report_ = false;
                ImGui::CloseCurrentPopup();
            }
            ImGui::EndPopup();
        }
        return;
    }
    if (stage_ == Stage::None) return;
    const char* title = "Import a project";
    if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    ImGui::SetNextWindowSize(ImVec2(560, 0), ImGuiCond_Always);  // height 0: fit the content every frame
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    if (stage_ == Stage::Choose) {
        ImGui::TextWrapped("Import \xE2\x80\x9C%s\xE2\x80\x9D (%zu bytes):", name_.c_str(), text_.size());
        ImGui::Spacing();
        ImportMode mode{};
        bool go = false;
        if (ImGui::Button("Merge into my work")) go = true, mode = ImportMode::Merge;
        remember_item("import:merge");
        ImGui::SameLine();
        if (ImGui::Button("Replace my work")) go = true, mode = ImportMode::Replace;
        remember_item("import:replace");
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            stage_ = Stage::None;
            ImGui::CloseCurrentPopup();
        }
        ImGui::TextDisabled("Merge keeps both; Replace swaps your annotations for the file's. Either is one undo step.");
        if (go && actions_.import_text) {
            problems_ = actions_.import_text(text_, mode);
            imported_ = true;
            for (const ImportProblem& p : problems_) imported_ = imported_ && !p.fatal;
            text_.clear();
            stage_ = Stage::Result;
            an.flash(imported_ ? "Imported \xE2\x80\x9C" + name_ + "\xE2\x80\x9D. Ctrl+Z undoes it."
                               : "Nothing was imported: the file could not be read.");
        }
    } else {
        if (imported_ && problems_.empty()) ImGui::TextWrapped("Imported \xE2\x80\x9C%s\xE2\x80\x9D with no problems.", name_.c_str());
        else if (imported_)
            ImGui::TextWrapped("Imported \xE2\x80\x9C%s\xE2\x80\x9D. %zu %s found; what was done about each:", name_.c_str(),
                               problems_.size(), problems_.size() == 1 ? "problem was" : "problems were");
        else
            ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D was not imported, and your work is unchanged:", name_.c_str());
        if (!problems_.empty()) {
            ImGui::BeginChild("problems", ImVec2(0, 220), true);
            for (const ImportProblem& p : problems_) ImGui::TextWrapped("\xE2\x80\xA2 %s", to_string(p).c_str());
            ImGui::EndChild();
        }
        if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            stage_ = Stage::None;
            ImGui::CloseCurrentPopup();
        }
        remember_item("import:close");
    }
    ImGui::EndPopup();
}

void draw_save_state(const platform::StorageStatus& s) {
    using State = platform::StorageStatus::State;
    const char* text = "";
    ImVec4 colour = ImGui::GetStyle().Colors[ImGuiCol_TextDisabled];
    if (s.read_only) {
        text = "Read-only";
        colour = ImVec4(0.75f, 0.45f, 0.05f, 1);
    } else if (s.state == State::Saving) {
        text = "Saving\xE2\x80\xA6";
    } else if (s.state == State::Saved) {
        text = "Saved";
    } else if (s.state == State::Failed) {
        text = "Not saved";
        colour = ImVec4(0.8f, 0.15f, 0.1f, 1);
    } else {
        text = "Nothing to save yet";
    }
    const float w = ImGui::CalcTextSize(text).x + ImGui::GetStyle().WindowPadding.x * 2;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowWidth() - w));
    ImGui::TextColored(colour, "%s", text);
    remember_item("save-state");
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        if (s.state == State::Failed) ImGui::TextWrapped("Not saved: %s", s.message.c_str());
        else if (!s.message.empty()) ImGui::TextWrapped("%s", s.message.c_str());
        ImGui::TextWrapped("Your work is saved in %s, on this computer only.", s.where.c_str());
        if (s.quota > 0) ImGui::TextWrapped("Using %s of %s.", megabytes(s.usage).c_str(), megabytes(s.quota).c_str());
        if (s.read_only) ImGui::TextWrapped("Another tab or window is saving; this one only reads.");
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

}  // namespace cm::ui
