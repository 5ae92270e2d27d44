#include "app/app.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "platform/assets.h"
#include "core/article_import.h"
#include "core/article_versions.h"
#include "core/formats/formats.h"
#include "core/formats/tar.h"
#include "core/formats/w3c.h"
#include "core/preferences.h"
#include "core/project_json.h"
#include "platform/gl.h"
#include "platform/storage.h"
#include "ui/theme.h"

namespace cm::app {

namespace {

App* g_app = nullptr;

Corpus load_bundled_corpus() {
    const auto manifest = platform::find_asset("corpus/manifest.json");
    if (!manifest) {
        Corpus c;
        c.problems.push_back("The bundled corpus is missing from this build.");
        return c;
    }
    return load_corpus(*manifest, [](const std::string& file) -> std::optional<std::string> {
        const auto data = platform::find_asset("corpus/" + file);
        if (!data) return std::nullopt;
        return std::string(*data);
    });
}

}  // namespace

App* running_app() { return g_app; }

Options parse_options(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const bool has_value = i + 1 < argc;
        if (!std::strcmp(argv[i], "--exit-after-frames") && has_value) o.exit_after_frames = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--open") && has_value) o.open = argv[++i];
        else if (!std::strcmp(argv[i], "--open-file") && has_value) o.open_file = argv[++i];
        else if (!std::strcmp(argv[i], "--theme") && has_value) o.theme = argv[++i];
        else if (!std::strcmp(argv[i], "--import") && has_value) o.import_file = argv[++i];
        else if (!std::strcmp(argv[i], "--compare") && has_value) o.compare_file = argv[++i];
        else std::fprintf(stderr, "claimmark: ignoring unknown argument %s\n", argv[i]);
    }
    return o;
}

bool App::init(const Options& options) {
    options_ = options;
    glfwSetErrorCallback([](int code, const char* what) { std::fprintf(stderr, "GLFW error %d: %s\n", code, what); });
    if (!glfwInit()) {
        platform::report_fatal("Could not initialise the window system (GLFW).");
        return false;
    }
#ifdef __EMSCRIPTEN__
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // An opaque canvas with no depth or stencil buffer: the UI needs neither,
    // and the browser then need not clear them each frame nor blend the
    // canvas with the page.
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
#else
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
#endif
    window_ = glfwCreateWindow(1280, 800, "ClaimMark", nullptr, nullptr);
    if (!window_) {
        platform::report_fatal("Could not create an OpenGL 3 / WebGL2 context.");
        return false;
    }
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // ImGui's settings live in the preferences (browser storage), not a file
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    ImGui_ImplGlfw_InitForOpenGL(window_, false);
    if (std::string error; !renderer_.init(error) || !overview_.init(error)) {
        platform::report_fatal("ClaimMark cannot draw on this device: " + error + ".");
        return false;
    }
    overview_.install();
    input_.install(window_);
    platform::on_wheel(window_, [](float dx, float dy) {
        ImGuiIO& wio = ImGui::GetIO();
        wio.MouseWheelH += dx;
        wio.MouseWheel += dy;
    });
    // ImGui's GLFW clipboard is a stub on the web; route it through the platform.
    io.ClipboardUserData = window_;
    io.SetClipboardTextFn = [](void* w, const char* text) {
        platform::set_clipboard(static_cast<GLFWwindow*>(w), text);
    };
    io.GetClipboardTextFn = [](void* w) -> const char* {
        static std::string last;
        last = platform::clipboard(static_cast<GLFWwindow*>(w));
        return last.c_str();
    };

    corpus_ = load_bundled_corpus();
    editor_ = std::make_unique<Editor>(
        [this](const std::string& doc) -> std::optional<size_t> {
            const Document* d = corpus_.find(doc);
            if (!d) return std::nullopt;
            return d->text.size();
        },
        [] { return platform::wall_clock_seconds(); });
    {
        Annotations fresh;
        fresh.labels = default_labels(fresh.next_id);
        editor_->reset(std::move(fresh));
    }
    std::string view_anchor;
    std::vector<std::string> notices;
    autosave_.open(corpus_, *editor_, view_anchor, notices);  // may add documents to the corpus
    workspace_ = std::make_unique<ui::Workspace>(corpus_, *editor_);
    for (std::string& n : notices) workspace_->add_notice(std::move(n));
    workspace_->project_menu().set_actions(project_actions());
    workspace_->set_article_hooks(
        {[this](ArticleDraft d, bool replace) { intake_.add(std::move(d), replace, add_document_fn()); },
         [this](const DocumentMeta& meta, const std::string& id) {
             const int i = earlier_version_of(corpus_, meta, id);
             if (i < 0) return std::make_pair(static_cast<const DocumentMeta*>(nullptr), size_t{0});
             const DocumentMeta& m = corpus_.documents[static_cast<size_t>(i)].meta;
             return std::make_pair(&m, annotations_on(editor_->annotations(), m.id));
         }});
    workspace_->preferences() = saved_prefs_ = pending_prefs_ = preferences_from_json(platform::load_preferences());
    if (!workspace_->preferences().imgui_ini.empty()) ImGui::LoadIniSettingsFromMemory(workspace_->preferences().imgui_ini.c_str());
    if (options.theme == "dark") workspace_->set_theme(ui::ThemeChoice::Dark);
    if (options.theme == "light") workspace_->set_theme(ui::ThemeChoice::Light);
    int open_index = corpus_.documents.empty() ? -1 : 0;
    if (!options.open.empty()) {
        const int by_id = corpus_.index_of(options.open);
        open_index = by_id >= 0 ? by_id : std::atoi(options.open.c_str());
    }
    if (!options.open_file.empty()) {
        if (auto bytes = platform::read_file(options.open_file)) {
            DocumentMeta meta;
            meta.file = options.open_file;
            meta.title = options.open_file.substr(options.open_file.find_last_of("/\\") + 1);
            meta.id = "file:" + meta.title;
            corpus_.documents.push_back(make_document(std::move(meta), *bytes));
            open_index = static_cast<int>(corpus_.documents.size()) - 1;
        } else {
            std::fprintf(stderr, "claimmark: cannot read %s\n", options.open_file.c_str());
        }
    }
    workspace_->open(open_index);
    if (options.open.empty() && options.open_file.empty()) workspace_->restore_view_anchor(view_anchor);
    if (!options.import_file.empty()) {
        if (auto bytes = platform::read_file(options.import_file)) receive_file(options.import_file, std::move(*bytes));
        else std::fprintf(stderr, "claimmark: cannot read %s\n", options.import_file.c_str());
    }
    if (!options.compare_file.empty()) {
        if (auto bytes = platform::read_file(options.compare_file)) workspace_->compare_with(options.compare_file, *bytes);
        else std::fprintf(stderr, "claimmark: cannot read %s\n", options.compare_file.c_str());
    }
    for (const std::string& w : open_index >= 0 ? corpus_.documents[static_cast<size_t>(open_index)].warnings
                                                : std::vector<std::string>{})
        std::fprintf(stderr, "claimmark: warning: %s\n", w.c_str());
    g_app = this;
    return true;
}

void App::apply_theme_if_changed() {
    bool dark = platform::system_prefers_dark();
    if (workspace_->theme() == ui::ThemeChoice::Light) dark = false;
    if (workspace_->theme() == ui::ThemeChoice::Dark) dark = true;
    if (static_cast<int>(dark) == theme_applied_) return;
    ui::apply_theme(dark);
    theme_applied_ = dark;
}

bool App::frame() {
    const double frame_start = platform::now_seconds();
    display_ = platform::sync_display(window_);
    apply_theme_if_changed();
    if (fonts_.ensure(display_.pixel_ratio, ui::FontSizes{15.0f, workspace_->preferences().text_size})) {
        renderer_.destroy_fonts_texture();
        renderer_.create_fonts_texture();
    }
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(display_.width, display_.height);
    io.DisplayFramebufferScale = ImVec2(display_.pixel_ratio, display_.pixel_ratio);
    input_.apply(io, display_.pointer_scale);

    ImGui::NewFrame();
    overview_.begin_frame();
    handle_app_keys();
    intake_.step(0.008, add_document_fn());  // a big article: a slice per frame
    if (intake_.busy()) workspace_->set_task(ui::Workspace::Task{intake_.label(), intake_.progress()});
    else workspace_->set_task(std::nullopt);
    workspace_->set_storage_status(autosave_.status());
    workspace_->draw(fonts_, display_.width, display_.height);
    ImGui::Render();
    last_ui_ms_ = (platform::now_seconds() - frame_start) * 1000.0;

    glViewport(0, 0, display_.fb_width, display_.fb_height);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    renderer_.render(ImGui::GetDrawData(), display_.fb_width, display_.fb_height);
    last_frame_ms_ = (platform::now_seconds() - frame_start) * 1000.0;
    glfwSwapBuffers(window_);

    autosave_.tick(corpus_, *editor_, workspace_->view_anchor(), platform::now_seconds());
    save_preferences(false);
    if (++frames_ == 1) platform::notify_ready();
    return options_.exit_after_frames < 0 || static_cast<int64_t>(frames_) < options_.exit_after_frames;
}

void App::flush_save() {
    autosave_.flush(corpus_, *editor_, workspace_->view_anchor());
    save_preferences(true);
}

// Ctrl/Cmd with + (or =), - and 0: the reading text size, as a browser's
// zoom would (the page keeps the browser from zooming the whole canvas);
// Ctrl/Cmd+K: the command palette; Ctrl/Cmd+F: search the corpus.
void App::handle_app_keys() {
    const ImGuiIO& io = ImGui::GetIO();
    if (!(io.KeyCtrl || io.KeySuper) || io.WantTextInput) return;
    if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD)) workspace_->change_text_size(+1);
    if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT)) workspace_->change_text_size(-1);
    if (ImGui::IsKeyPressed(GLFW_KEY_0) || ImGui::IsKeyPressed(GLFW_KEY_KP_0)) workspace_->change_text_size(0);
    if (ImGui::IsKeyPressed(GLFW_KEY_K)) workspace_->open_palette();
    if (ImGui::IsKeyPressed(GLFW_KEY_F)) workspace_->focus_search();
}

// Saves the preferences (and ImGui's window settings) a moment after they
// change, or at once when the page is going away.
void App::save_preferences(bool now) {
    ImGuiIO& io = ImGui::GetIO();
    Preferences& p = workspace_->preferences();
    if (io.WantSaveIniSettings) {
        p.imgui_ini = ImGui::SaveIniSettingsToMemory();
        io.WantSaveIniSettings = false;
    }
    const double t = platform::now_seconds();
    if (p != saved_prefs_) {
        if (pending_prefs_ != p) {
            pending_prefs_ = p;
            prefs_changed_at_ = t;
        }
        if (now || t - prefs_changed_at_ > 0.5) {
            platform::save_preferences(preferences_to_json(p));
            saved_prefs_ = p;
        }
    }
}

void App::receive_file(const std::string& name, std::string text) {
    auto ends_with = [&](const char* ext) {
        const size_t n = std::strlen(ext);
        return name.size() >= n && name.compare(name.size() - n, n, ext) == 0;
    };
    const bool project = ends_with(".json") || ends_with(".jsonld");  // ours, or W3C annotations
    if (project) workspace_->project_menu().offer_import(name, std::move(text));
    else offer_article(name, text);
}

void App::receive_paste(const std::string& text) {
    if (workspace_->typing() || text.empty()) return;  // the field that has the keyboard takes it
    offer_article("", text);  // no file name: messages say "the pasted text"
}

void App::offer_article(const std::string& name, const std::string& bytes) { offer_draft(draft_article(name, bytes)); }

void App::import_started(const std::string& name) { intake_.converting(name); }

void App::receive_draft(const std::string& name, const std::string& draft_json, std::string text) {
    intake_.converted(name);
    offer_draft(draft_from_json(draft_json, std::move(text)));
}

std::function<void(Document, bool)> App::add_document_fn() {
    return [this](Document d, bool replace) { add_document(std::move(d), replace); };
}

void App::offer_draft(ArticleDraft draft) {
    if (!draft.ok) {
        workspace_->annotator().flash(draft.error);  // names the file (or the pasted text) itself
        return;
    }
    workspace_->article_dialog().offer(std::move(draft));
}

std::string App::add_article_now(ArticleDraft draft) {
    Document doc = make_article(draft);
    const std::string id = doc.meta.id;
    add_document(std::move(doc), false);  // opens it (an existing one too)
    return id;
}

int App::replace_with_columns(const formats::SpanColumns& columns) {
    const Document* doc = workspace_->view().document();
    if (!doc) return -1;
    formats::ColumnsImport c = formats::import_columns(columns, *doc, editor_->annotations());
    if (!c.ok) return -1;
    const int spans = static_cast<int>(c.placed);
    return editor_->replace_all(std::move(c.annotations), "load the benchmark annotations") ? spans : -1;
}

// The corpus may reallocate: the view is re-pointed by reopening by index.
void App::add_document(Document d, bool replace_earlier) {
    const int existing = corpus_.index_of(d.meta.id);
    if (existing >= 0) {
        workspace_->open(existing);
        workspace_->annotator().flash("That article is already open here: the same text has the same id.");
        return;
    }
    const int earlier = replace_earlier ? earlier_version_of(corpus_, d.meta, d.meta.id) : -1;
    corpus_.documents.push_back(std::move(d));
    const Document& added = corpus_.documents.back();
    if (earlier >= 0) move_to_version(corpus_.documents[static_cast<size_t>(earlier)], added);
    workspace_->open(static_cast<int>(corpus_.documents.size()) - 1);
}

// The earlier version stays in the corpus (an undo may move annotations
// back onto it, and anything that could not be placed stays there).
void App::move_to_version(Document& from, const Document& to) {
    VersionMove mv = move_to_new_version(editor_->annotations(), from, to);
    if (!editor_->replace_all(std::move(mv.annotations), "move annotations to the new version")) {
        workspace_->add_notice("The annotations of \xE2\x80\x9C" + from.meta.title +
                               "\xE2\x80\x9D could not be moved onto the new version; they stay on the earlier one.");
        return;
    }
    const std::string title = from.meta.title;
    from.meta.title += " (earlier version)";
    std::string msg = "Added the new version of \xE2\x80\x9C" + title + "\xE2\x80\x9D: " + std::to_string(mv.moved) +
                      (mv.moved == 1 ? " annotation" : " annotations") + " moved onto it (" + std::to_string(mv.shifted) +
                      " found at new places). Edit \xE2\x86\x92 Undo moves them back.";
    if (mv.orphans.empty()) {
        workspace_->annotator().flash(msg);
        return;
    }
    msg += " " + std::to_string(mv.orphans.size()) + " could not be placed, because their text is not in the new version; they stay on \xE2\x80\x9C" +
           from.meta.title + "\xE2\x80\x9D:";
    for (size_t i = 0; i < mv.orphans.size() && i < 8; ++i) msg += (i ? "; " : " ") + mv.orphans[i];
    if (mv.orphans.size() > 8) msg += "; and " + std::to_string(mv.orphans.size() - 8) + " more";
    workspace_->add_notice(msg + ".");
}

// Adds the file's new documents, then applies its annotations as one undo
// step; the reading view is re-pointed because the corpus may have grown.
std::vector<ImportProblem> App::import_text(const std::string& text, ImportMode mode) {
    // A W3C Web Annotation file is read (and re-anchored) by its own reader,
    // then goes through the project import, so merging works the same way.
    std::vector<ImportProblem> w3c_problems;
    std::string project_text;
    const bool project = text.find("\"format\": \"claimmark\"") != std::string::npos ||
                         text.find("\"format\":\"claimmark\"") != std::string::npos;  // pretty or compact
    const bool w3c = text.find("\"@context\"") != std::string::npos && !project;
    if (w3c) {
        formats::W3cImport w = formats::import_w3c(text, corpus_.documents);
        w3c_problems = std::move(w.problems);
        if (!w.ok) return w3c_problems;
        project_text = project_to_json(w.annotations, corpus_.documents);
    }
    ProjectImport r = import_project(w3c ? project_text : text, corpus_.documents, editor_->annotations(), mode);
    r.problems.insert(r.problems.begin(), w3c_problems.begin(), w3c_problems.end());
    if (!r.ok) return r.problems;
    const std::string open_id = workspace_->view().document() ? workspace_->view().document()->meta.id : "";
    for (Document& d : r.new_documents) corpus_.documents.push_back(std::move(d));
    workspace_->open(open_id.empty() ? 0 : corpus_.index_of(open_id));
    if (!editor_->replace_all(std::move(r.annotations), mode == ImportMode::Merge ? "merge a project" : "import a project"))
        r.problems.push_back({"", "the imported annotations did not fit the open articles", "nothing was changed", true});
    return r.problems;
}

ui::ProjectActions App::project_actions() {
    ui::ProjectActions a;
    a.export_project = [this](bool with_text) {
        ProjectWriteOptions o;
        o.include_text = with_text;
        return platform::save_file(with_text ? "claimmark-project.json" : "claimmark-annotations.json",
                                   "application/json", project_to_json(editor_->annotations(), corpus_.documents, o));
    };
#ifdef __EMSCRIPTEN__
    a.pick_import_file = [] { platform::pick_file(".json,.jsonld,application/json,application/ld+json"); };
#endif
#ifdef __EMSCRIPTEN__
    a.pick_compare_file = [] { platform::pick_file(".json,application/json", "compare"); };
#endif
#ifdef __EMSCRIPTEN__
    a.pick_article_file = [] { platform::pick_file(".txt,.md,.markdown,.html,.htm,text/plain,text/html,text/markdown"); };
#endif
    a.export_format = [this](const std::string& format) {
        std::pair<std::string, std::vector<std::string>> result;
        const auto e = formats::export_as(format, editor_->annotations(), corpus_.documents);
        if (!e || e->files.empty()) return result;
        result.second = e->left_out;
        if (e->files.size() == 1) {
            const bool json = e->files[0].name.find(".json") != std::string::npos;
            result.first = platform::save_file(e->files[0].name, json ? "application/json" : "text/plain", e->files[0].content);
        } else {  // several files: one archive, so the browser does not ask about many downloads
            const std::string folder = "claimmark-" + format;
            result.first = platform::save_file(folder + ".tar", "application/x-tar",
                                               formats::tar_archive(folder, e->files,
                                                                    static_cast<long long>(platform::wall_clock_seconds())));
        }
        return result;
    };
    a.import_text = [this](const std::string& text, ImportMode mode) { return import_text(text, mode); };
    a.export_aside = [] {
        const std::string raw = platform::storage_aside_text();
        return raw.empty() ? std::string() : platform::save_file("claimmark-unreadable-saved-data.json", "application/json", raw);
    };
    return a;
}

void App::shutdown() {
    flush_save();
    overview_.shutdown();
    renderer_.shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
    g_app = nullptr;
}

}  // namespace cm::app
