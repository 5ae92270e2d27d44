// The C side of the page's JavaScript API (web/claimmark.js wraps these
// into window.claimmark). Offsets are code points, like everything we store.
// Strings returned live until the next call; the page copies them at once.
#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <imgui.h>

#include <nlohmann/json.hpp>
#include <string>

#include "app/app.h"
#include "core/annotations_json.h"
#include "ui/item_rects.h"
#include "ui/search_panel.h"

namespace {

using nlohmann::json;
std::string g_out;

const char* out(const json& j) {
    // "replace" instead of throwing: exceptions are off in the web build.
    g_out = j.dump(-1, ' ', false, json::error_handler_t::replace);
    return g_out.c_str();
}

cm::app::App* app() { return cm::app::running_app(); }

// The Search tab (ui/search_panel.h): its query, the count, any error, the
// current hit and the hits its list drew last frame (all of them would be
// thousands).
json search_state() {
    const cm::ui::SearchPanelView v = cm::ui::search_panel_view();
    auto hit_json = [&](int i) {
        const cm::SearchHit& h = v.result.hits[static_cast<size_t>(i)];
        return json{{"index", i}, {"doc", h.doc}, {"start", h.start}, {"end", h.end}, {"span", h.span}};
    };
    json shown = json::array();
    for (int i : v.shown) shown.push_back(hit_json(i));
    return {{"query", v.query},
            {"hits", v.result.hits.size()},
            {"articles", v.result.documents_with_hits},
            {"noteHits", v.result.note_hits},
            {"capped", v.result.capped},
            {"error", v.result.error},
            {"current", v.current >= 0 ? hit_json(v.current) : json(nullptr)},
            {"shown", shown}};
}

// Reviewing attribution suggestions (ui/suggestion_review.h): whether it is
// on, the current one's place among those still open, and what it proposes.
json suggestions_state(const cm::ui::SuggestionReview& r) {
    json current = nullptr;
    if (const cm::Suggestion* s = r.current()) {
        const cm::Label* label = nullptr;
        for (const cm::Label& l : app()->editor().annotations().labels)
            if (!label && l.role == s->role) label = &l;
        json ranges = json::array();
        for (const cm::Range& x : s->ranges) ranges.push_back({x.start, x.end});
        current = {{"index", r.current_index()}, {"role", cm::to_string(s->role)}, {"label", label ? label->name : ""},
                   {"start", s->start()}, {"end", s->end()}, {"ranges", ranges}, {"why", s->why},
                   {"confidence", s->confidence}, {"entity", s->entity}};
    }
    json open = json::object();
    for (const cm::LabelRole role : {cm::LabelRole::Claim, cm::LabelRole::Speaker, cm::LabelRole::Source})
        open[cm::to_string(role)] = r.open_count(role);
    json panel = nullptr;  // the floating panel, in logical pixels of the canvas
    if (r.active()) {
        const ImVec4& p = r.panel_rect();
        panel = {{"x", p.x}, {"y", p.y}, {"width", p.z}, {"height", p.w}};
    }
    return {{"active", r.active()}, {"doc", r.active() ? json(r.document_id()) : json(nullptr)},
            {"index", r.position()}, {"count", r.open_count()}, {"total", r.total()},
            {"accepted", r.accepted()}, {"rejected", r.rejected()}, {"open", open}, {"current", current},
            {"panel", panel}};
}

// Comparing with a colleague's file (ui/comparison.h): the figures exactly as
// the Compare tab shows them, and the open article's disagreements.
json compare_state(const cm::ui::Comparison& c) {
    if (!c.active()) return {{"active", false}, {"error", c.error()}};
    json rows = json::array();
    for (const cm::ui::ScoreRow& r : c.rows())
        rows.push_back({{"label", r.label}, {"mine", r.mine}, {"theirs", r.theirs}, {"both", r.both},
                        {"precision", r.precision}, {"recall", r.recall}, {"f1", r.f1}});
    json items = json::array();
    const char* kinds[] = {"mine-only", "theirs-only", "differs"};
    for (const cm::ui::Disagreement& d : c.disagreements())
        items.push_back({{"kind", kinds[static_cast<int>(d.kind)]}, {"mine", d.mine}, {"theirs", d.theirs},
                         {"start", d.start}, {"end", d.end}, {"detail", d.detail}, {"text", d.text}});
    const cm::AgreementReport& r = c.report();
    return {{"active", true}, {"error", c.error()}, {"file", c.file_name()}, {"fileDocuments", c.file_documents()},
            {"documents", c.their_documents()}, {"scopeDocuments", c.scope_documents()},
            {"scope", c.scope == cm::ui::CompareScope::AllArticles ? "all" : "this"},
            {"mode", c.mode == cm::MatchMode::Exact ? "exact" : "overlap"}, {"rows", rows},
            {"kappa", {{"pairs", r.labels.pairs}, {"kappa", r.labels.kappa}}},
            {"relations", {{"both", r.relations.all.both}, {"mineOnly", r.relations.all.mine_only},
                           {"theirsOnly", r.relations.all.theirs_only}}},
            {"disagreements", items}, {"kept", c.kept()}};
}

const cm::Document* doc_by_id(const char* id) {
    return (app() && id) ? app()->corpus().find(id) : nullptr;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* cm_documents() {
    json list = json::array();
    if (app()) {
        for (const cm::Document& d : app()->corpus().documents) {
            list.push_back({{"id", d.meta.id}, {"title", d.meta.title}, {"outlet", d.meta.outlet},
                            {"date", d.meta.date}, {"length", d.text.size()}, {"warnings", d.warnings}});
        }
    }
    return out(list);
}

EMSCRIPTEN_KEEPALIVE const char* cm_text(const char* id) {
    const cm::Document* d = doc_by_id(id);
    return d ? d->text.utf8().c_str() : nullptr;
}

EMSCRIPTEN_KEEPALIVE int cm_open(const char* id) {
    if (!app()) return 0;
    const int i = app()->corpus().index_of(id ? id : "");
    if (i < 0) return 0;
    app()->workspace().open(i);
    return 1;
}

// Opens the document if needed and scrolls [start, end) into view over the
// next frames; cm_reveal_pending() says when that is done.
EMSCRIPTEN_KEEPALIVE int cm_reveal(const char* id, double start, double end) {
    const cm::Document* d = doc_by_id(id);
    if (!d || start < 0 || end < start || end > static_cast<double>(d->text.size())) return 0;
    cm_open(id);
    app()->workspace().view().reveal(static_cast<size_t>(start), static_cast<size_t>(end));
    return 1;
}

EMSCRIPTEN_KEEPALIVE int cm_reveal_pending() { return app() && app()->workspace().view().reveal_pending() ? 1 : 0; }

// Rectangles of [start, end) in the open document, in logical (CSS) pixels
// relative to the canvas.
EMSCRIPTEN_KEEPALIVE const char* cm_rects(double start, double end) {
    json rects = json::array();
    if (app() && start >= 0 && end >= start) {
        for (const cm::LayoutRect& r : app()->workspace().view().screen_rects(static_cast<size_t>(start), static_cast<size_t>(end)))
            rects.push_back({{"x", r.x0}, {"y", r.y0}, {"width", r.x1 - r.x0}, {"height", r.y1 - r.y0}});
    }
    return out(rects);
}

EMSCRIPTEN_KEEPALIVE const char* cm_selection() {
    if (!app() || !app()->workspace().view().document()) return out(nullptr);
    const auto& view = app()->workspace().view();
    const cm::TextSelection& s = view.selection();
    return out({{"docId", view.document()->meta.id}, {"start", s.begin()}, {"end", s.end()}, {"text", view.selected_text()}});
}

// Plain selected text, for the page's copy event.
EMSCRIPTEN_KEEPALIVE const char* cm_selection_text() {
    g_out = app() ? app()->workspace().view().selected_text() : std::string();
    return g_out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* cm_state() {
    if (!app()) return out(nullptr);
    const auto& view = app()->workspace().view();
    const auto& an = app()->workspace().annotator();
    const auto& d = app()->display();
    json items = json::array();
    for (const cm::ui::ItemRect& r : app()->workspace().list_items())
        items.push_back({{"x", r.x}, {"y", r.y}, {"width", r.width}, {"height", r.height}});
    json markers = json::array();
    for (const auto& m : view.link_overlay().markers())
        markers.push_back({{"target", m.target}, {"x", m.min.x}, {"y", m.min.y}, {"width", m.max.x - m.min.x}, {"height", m.max.y - m.min.y}});
    const auto& st = app()->workspace().storage_status();
    const cm::Preferences& prefs = app()->workspace().preferences();
    const char* save_states[] = {"idle", "saving", "saved", "failed"};
    json save = {{"state", save_states[static_cast<int>(st.state)]}, {"message", st.message}, {"readOnly", st.read_only},
                 {"where", st.where}, {"hasAside", st.has_aside}};
    return out({{"frames", app()->frame_count()},
                {"save", save},
                {"notices", app()->workspace().notices()},
                {"linkMarkers", markers},
                {"listItems", items},
                {"openDoc", view.document() ? json(view.document()->meta.id) : json(nullptr)},
                {"corpusTab", cm::ui::tab_name(app()->workspace().corpus_views().current())},
                {"framesWithoutView", app()->workspace().frames_without_view()},
                {"scrollY", view.scroll_y()},
                {"lineHeight", view.line_height()},
                {"layoutBuilds", view.layout_builds()},
                {"laidOut", view.laid_out()},
                {"missingGlyphs", {{"count", view.missing_glyphs().count}, {"first", view.missing_glyphs().first}}},
                {"pendingInput", app()->pending_input()},
                {"selectedAnnotation", an.selected()},
                {"linking", an.linking()},
                {"linkCandidate", an.link_candidate()},
                {"claimLinkPending", an.claim_link_pending()},
                {"snapToWords", an.snap_to_words},
                {"helpOpen", an.show_help},
                {"focusRequest", an.focus_inspector ? "inspector" : an.focus_entity_field ? "entity" : ""},
                {"typing", ImGui::GetIO().WantTextInput},  // a text field has the keyboard
                {"tooltip", view.tooltip_annotations()},
                {"highlightedEntity", an.highlighted_entity},
                {"message", an.message()},
                {"task", app()->workspace().task() ? json{{"label", app()->workspace().task()->label},
                                                          {"progress", app()->workspace().task()->progress}}
                                                    : json(nullptr)},
                {"suggestions", suggestions_state(an.suggestions)},
                {"compare", compare_state(app()->workspace().comparison())},
                {"search", search_state()},
                {"canUndo", app()->editor().can_undo()},
                {"undoName", app()->editor().undo_name()},
                {"canRedo", app()->editor().can_redo()},
                {"revision", app()->editor().revision()},
                {"pixelRatio", d.pixel_ratio},
                {"framebuffer", {d.fb_width, d.fb_height}},
                {"reading", {{"textSize", prefs.text_size}, {"lineSpacing", prefs.line_spacing}, {"columnEm", prefs.column_em},
                             {"theme", prefs.theme}}},
                {"layout", {{"listWidth", prefs.list_width}, {"panelWidth", prefs.panel_width}}},
                {"paletteOpen", app()->workspace().palette_open()},
                {"guide", prefs.guide_done ? json(nullptr) : json(app()->workspace().guide_step())}});
}

// Saves now if anything is unsaved: the page calls this on pagehide and
// when it becomes hidden, so no edit waits on a timer that may never fire.
EMSCRIPTEN_KEEPALIVE void cm_flush_save() {
    if (app()) app()->flush_save();
}

// A file the reader picked or dropped: its name and its bytes, undecoded.
EMSCRIPTEN_KEEPALIVE void cm_receive_file(const char* name, const char* data, size_t size) {
    if (app() && name && data) app()->receive_file(name, std::string(data, size));
}

// A colleague's project file picked with File -> Compare: compared with mine, never imported.
EMSCRIPTEN_KEEPALIVE void cm_receive_compare_file(const char* name, const char* data, size_t size) {
    if (app() && name && data) app()->workspace().compare_with(name, std::string(data, size));
}

// A big file went to the page's import worker (web/import-worker.js): the
// status bar says so until its draft arrives through cm_receive_draft.
EMSCRIPTEN_KEEPALIVE void cm_import_started(const char* name) {
    if (app() && name) app()->import_started(name);
}

// What the import worker made of a file: the draft as JSON (draft_to_json)
// and its text, as UTF-8 bytes.
EMSCRIPTEN_KEEPALIVE void cm_receive_draft(const char* name, const char* draft_json, const char* text, size_t size) {
    if (app() && name && draft_json && text) app()->receive_draft(name, draft_json, std::string(text, size));
}

// Text pasted while the canvas has focus: a new article, unless a text
// field has the keyboard (then ImGui pastes it into the field).
EMSCRIPTEN_KEEPALIVE void cm_receive_paste(const char* text) {
    if (app() && text) app()->receive_paste(text);
}

// A named widget's rectangle as drawn last frame (ui/item_rects.h), or null.
EMSCRIPTEN_KEEPALIVE const char* cm_item(const char* name) {
    const auto r = cm::ui::item_rect(name ? name : "");
    if (!r) return out(nullptr);
    return out({{"x", (*r)[0]}, {"y", (*r)[1]}, {"width", (*r)[2]}, {"height", (*r)[3]}});
}

// The whole annotation model as JSON (docs/data-model.md).
EMSCRIPTEN_KEEPALIVE const char* cm_model() {
    if (!app()) return out(nullptr);
    // The annotations JSON has no clusters (the project file has them): add
    // them here so tests see the whole model.
    const cm::Annotations& a = app()->editor().annotations();
    json j = json::parse(cm::annotations_to_json(a));
    json clusters = json::array(), relations = json::array();
    for (const auto& [id, c] : a.clusters) clusters.push_back({{"id", id}, {"gloss", c.gloss}, {"claims", c.claims}});
    for (const auto& [id, r] : a.cluster_relations)
        relations.push_back({{"id", id}, {"type", cm::to_string(r.type)}, {"from", r.from}, {"to", r.to}});
    j["clusters"] = std::move(clusters);
    j["cluster_relations"] = std::move(relations);
    g_out = j.dump();
    return g_out.c_str();
}

}  // extern "C"
#endif
