// The application: window, ImGui context, the corpus and the workspace, and
// one frame of the main loop. Shared by the web and desktop builds.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "app/article_intake.h"
#include "app/autosave.h"
#include "app/gl_renderer.h"
#include "app/overview_painter.h"
#include "app/glfw_input.h"
#include "core/formats/span_columns.h"
#include "core/corpus.h"
#include "core/editor.h"
#include "platform/platform.h"
#include "ui/fonts.h"
#include "ui/workspace.h"

struct GLFWwindow;

namespace cm::app {

struct Options {
    int exit_after_frames = -1;  // desktop smoke test: quit after this many frames
    std::string open;            // document id or index to open at start
    std::string open_file;       // desktop: a UTF-8 text file to add and open
    std::string theme;           // "light", "dark" or "" (follow the system)
    std::string import_file;     // desktop: a project file to offer for import
    std::string compare_file;    // desktop: a colleague's project file to compare with
};

Options parse_options(int argc, char** argv);

class App {
public:
    bool init(const Options& options);
    bool frame();  // false when the app should quit
    void shutdown();

    const Corpus& corpus() const { return corpus_; }
    ui::Workspace& workspace() { return *workspace_; }
    Editor& editor() { return *editor_; }
    uint64_t frame_count() const { return frames_; }
    const platform::Display& display() const { return display_; }
    GLFWwindow* window() const { return window_; }
    size_t pending_input() const { return input_.pending(); }
    // Saves now if anything is unsaved (the page is being hidden or closed).
    void flush_save();
    // A file the reader opened or dropped: a project (.json) is offered for
    // import, anything else as a new article.
    void receive_file(const std::string& name, std::string text);
    // Text pasted outside any text field: offered as a new article.
    void receive_paste(const std::string& text);
    // A big file the page converts in its import worker: started, and its
    // draft (JSON without the text, and the text) when it is done.
    void import_started(const std::string& name);
    void receive_draft(const std::string& name, const std::string& draft_json, std::string text);
    // For the benchmark contract (bench_api.cpp): adds an article at once
    // (or finds it) and opens it; returns its id.
    std::string add_article_now(ArticleDraft draft);
    // Replaces the annotations with ones already parsed (formats/span_columns.h)
    // for the open article; how many spans it placed (-1: refused).
    int replace_with_columns(const formats::SpanColumns& columns);
    // The app's own CPU time in the last frame, from its start to the end of
    // its draw submission (ms).
    double last_frame_ms() const { return last_frame_ms_; }
    // Of that, the part before the GL calls (input, layout, the views, ImGui's lists).
    double last_ui_ms() const { return last_ui_ms_; }
    double last_save_ms() const { return autosave_.last_save_ms(); }

private:
    void apply_theme_if_changed();
    void handle_app_keys();
    void save_preferences(bool now);
    ui::ProjectActions project_actions();
    std::vector<ImportProblem> import_text(const std::string& text, ImportMode mode);
    void add_document(Document d, bool replace_earlier);
    void move_to_version(Document& from, const Document& to);
    void offer_article(const std::string& name, const std::string& bytes);
    void offer_draft(ArticleDraft draft);
    std::function<void(Document, bool)> add_document_fn();

    Options options_;
    GLFWwindow* window_ = nullptr;
    Corpus corpus_;
    std::unique_ptr<Editor> editor_;  // the annotations and their undo history
    std::unique_ptr<ui::Workspace> workspace_;
    ui::FontSet fonts_;
    GlRenderer renderer_;
    OverviewPainter overview_;
    InputQueue input_;
    platform::Display display_;
    Autosave autosave_;
    ArticleIntake intake_;
    uint64_t frames_ = 0;
    double last_frame_ms_ = 0, last_ui_ms_ = 0;
    int theme_applied_ = -1;
    Preferences saved_prefs_, pending_prefs_;  // as stored; as last seen changing
    double prefs_changed_at_ = 0;  // 0 light, 1 dark
};

// The running app, for the page's JavaScript API (web) .
App* running_app();

}  // namespace cm::app
