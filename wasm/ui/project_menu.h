// The File menu and its dialogs: export the project (with or without the
// article texts), import one (replace or merge, then every problem listed),
// export saved data that could not be read, and where the work is kept.
// The app supplies the actions (they touch the corpus and storage).
#pragma once
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/project_json.h"
#include "platform/storage.h"
#include "ui/annotator.h"

namespace cm::ui {

struct ProjectActions {
    std::function<std::string(bool with_text)> export_project;  // returns where it went ("" = failed)
    std::function<void()> pick_import_file;                      // the app calls offer_import with the text
    // Imports as one undoable step; returns the problems found (fatal ones mean nothing changed).
    std::function<std::vector<ImportProblem>(const std::string& text, ImportMode mode)> import_text;
    std::function<std::string()> export_aside;                   // the unreadable saved data
    std::function<void()> pick_article_file;                     // .txt, .md, .html: the app offers it
    std::function<void()> pick_compare_file;                     // a colleague's project: the app compares it
    // A standard format by name (core/formats/formats.h): where it went, and
    // what the format could not hold.
    std::function<std::pair<std::string, std::vector<std::string>>(const std::string& format)> export_format;
};

class ProjectMenu {
public:
    void set_actions(ProjectActions a) { actions_ = std::move(a); }
    // A file the reader picked: asks replace or merge.
    void offer_import(std::string name, std::string text);
    void draw_menu(Annotator& an, const platform::StorageStatus& storage);
    // The menu's actions, also for the command palette.
    void open_article_file();
    void import_file();
    void compare_file();
    bool can_compare() const { return static_cast<bool>(actions_.pick_compare_file); }
    bool can_pick_files() const { return static_cast<bool>(actions_.pick_import_file); }
    void export_project(Annotator& an, bool with_text);
    void export_as(const std::string& format);
    void draw_dialogs(Annotator& an);
    bool import_pending() const { return stage_ != Stage::None; }

private:
    enum class Stage { None, Choose, Result };
    ProjectActions actions_;
    Stage stage_ = Stage::None;
    std::string name_, text_;
    std::vector<ImportProblem> problems_;
    bool imported_ = false;
    std::string export_name_, export_where_;
    std::vector<std::string> export_left_out_;
    bool show_export_report_ = false;
};

// "Saved", "Saving…", "Not saved: …" and a tooltip with where and how much.
void draw_save_state(const platform::StorageStatus& s);

}  // namespace cm::ui
