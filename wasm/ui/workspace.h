// The main window: menu bar, the corpus panel, the reading view, the side
// panels (inspector, annotations, cast, labels) and a status bar. Owns what
// the reader has open and selected; the app owns the data and the editor.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/corpus.h"
#include "core/editor.h"
#include "core/preferences.h"
#include "ui/annotator.h"
#include "ui/document_list.h"
#include "ui/first_run_guide.h"
#include "ui/fonts.h"
#include "ui/article_dialog.h"
#include "ui/command_palette.h"
#include "ui/comparison.h"
#include "ui/corpus_views.h"
#include "ui/project_menu.h"
#include "ui/reading_view.h"
#include "ui/theme.h"

namespace cm::ui {

class Workspace {
public:
    Workspace(const Corpus& corpus, Editor& editor) : corpus_(corpus), annotator_(editor, corpus) {
        view_.set_annotator(&annotator_);
    }

    // Draws everything to fill a width × height area (logical pixels).
    void draw(const FontSet& fonts, float width, float height);

    void open(int index);
    int open_index() const { return open_; }
    ReadingView& view() { return view_; }
    const ReadingView& view() const { return view_; }
    Annotator& annotator() { return annotator_; }
    const Annotator& annotator() const { return annotator_; }

    const std::vector<ItemRect>& list_items() const { return list_items_; }
    ProjectMenu& project_menu() { return project_menu_; }
    ArticleDialog& article_dialog() { return article_dialog_; }
    // Comparing with a colleague's project file (ui/comparison.h).
    Comparison& comparison() { return comparison_; }
    const Comparison& comparison() const { return comparison_; }
    // Their file, picked or given on the command line: compared, or the reason not.
    void compare_with(const std::string& file_name, const std::string& text);
    // How a new article joins the corpus (the app owns it).
    void set_article_hooks(ArticleHooks hooks) { article_hooks_ = std::move(hooks); }
    // True while a text field has the keyboard (a paste then goes to the field).
    bool typing() const { return ImGui::GetIO().WantTextInput; }
    // Shown above the article until dismissed (storage problems and the like).
    void add_notice(std::string text) { notices_.push_back(std::move(text)); }
    const std::vector<std::string>& notices() const { return notices_; }
    void set_storage_status(const platform::StorageStatus& s) {
        storage_ = s;
        annotator_.read_only = s.read_only;
    }
    const platform::StorageStatus& storage_status() const { return storage_; }
    // Work going on in the background (a big article coming in), shown in
    // the status bar with how far along it is (progress < 0: not known).
    struct Task {
        std::string label;
        double progress = -1;
    };
    void set_task(std::optional<Task> task) { task_ = std::move(task); }
    const std::optional<Task>& task() const { return task_; }
    // Where the reader is, for the next visit: "<doc id> <code point>".
    std::string view_anchor() const;
    void restore_view_anchor(const std::string& anchor);
    ThemeChoice theme() const;
    void set_theme(ThemeChoice t);
    // The reader's preferences: the app loads and saves them, the views use them.
    Preferences& preferences() { return prefs_; }
    const Preferences& preferences() const { return prefs_; }
    int guide_step() const { return guide_.step(); }
    // Ctrl/Cmd + and −: the reading text a step larger or smaller; 0 resets.
    void change_text_size(int steps);
    // Ctrl/Cmd+K: every command by typing.
    void open_palette() { palette_.open(); }
    bool palette_open() const { return palette_.is_open(); }
    // The tabs above the article: who said what, clusters, contradictions, timeline.
    CorpusViews& corpus_views() { return corpus_views_; }
    // Frames that drew no view under the corpus tabs because the tab changed
    // after the layout around it was chosen (a click the prediction missed).
    uint64_t frames_without_view() const { return frames_without_view_; }
    // Ctrl/Cmd+F: the Search tab, with the caret in its field.
    void focus_search();

private:
    void draw_menu();
    void draw_status(float height);
    void follow_jump();
    void draw_notices();
    void draw_view_menu();
    void draw_about();
    std::vector<PaletteCommand> palette_commands();

    const Corpus& corpus_;
    Annotator annotator_;
    ReadingView view_;
    ProjectMenu project_menu_;
    ArticleDialog article_dialog_;
    Comparison comparison_;
    ArticleHooks article_hooks_;
    std::optional<Task> task_;
    std::vector<std::string> notices_;
    platform::StorageStatus storage_;
    int open_ = -1;
    Preferences prefs_;
    FirstRunGuide guide_;
    CommandPalette palette_;
    CorpusViews corpus_views_;
    uint64_t frames_without_view_ = 0;
    bool show_about_ = false;
    std::vector<ItemRect> list_items_;
};

}  // namespace cm::ui
