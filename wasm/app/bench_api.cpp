// The C side of the benchmark contract that web/bench.js puts on window
// (benchLoad, benchScrollTo, benchAdd, benchInfo; docs/benchmarks.md), so a
// harness can drive this page the way it drives other annotators. The real
// work happens here, through the app's own paths: the text becomes an
// article (index, hash), the annotations (read by the page into columns)
// are checked and anchored like the W3C importer does and go through the
// editor, the reading view lays out and draws them.
#ifdef __EMSCRIPTEN__
#include <emscripten.h>

#include <imgui.h>

#include <cstdint>
#include <string>

#include "app/app.h"

namespace {
cm::app::App* app() { return cm::app::running_app(); }
std::string g_id;
}  // namespace

extern "C" {

// Adds the text as an article (or finds it) and opens it; returns its id.
EMSCRIPTEN_KEEPALIVE const char* cm_bench_text(const char* text, size_t size) {
    if (!app() || !text) return "";
    cm::ArticleDraft d;
    d.ok = true;
    d.text.assign(text, size);
    d.meta.title = "Benchmark fixture";
    g_id = app()->add_article_now(std::move(d));
    return g_id.c_str();
}

// Replaces every annotation (one undo step) with W3C annotations the page
// has read into columns (formats/span_columns.h), for the open article:
// spans as (start, end, label) triples, links as (from, to, relation)
// triples of span indices, and the strings — label names, relation names,
// then each span's exact quote — one after another in UTF-8 with their byte
// lengths. Returns how many spans were placed, -1 if refused.
EMSCRIPTEN_KEEPALIVE int cm_bench_columns(const uint32_t* spans, uint32_t span_count, const uint32_t* links,
                                          uint32_t link_count, const char* strings, const uint32_t* string_lengths,
                                          uint32_t label_count, uint32_t relation_count) {
    if (!app() || (span_count && !spans) || (link_count && !links) || !strings || !string_lengths) return -1;
    cm::formats::SpanColumns c;
    size_t at = 0, next = 0;
    const auto take = [&] {
        std::string s(strings + at, string_lengths[next]);
        at += string_lengths[next++];
        return s;
    };
    for (uint32_t i = 0; i < label_count; ++i) c.label_names.push_back(take());
    for (uint32_t i = 0; i < relation_count; ++i) c.relation_names.push_back(take());
    for (uint32_t k = 0; k < span_count; ++k) {
        c.start.push_back(spans[3 * k]);
        c.end.push_back(spans[3 * k + 1]);
        c.label.push_back(spans[3 * k + 2]);
        c.exact.push_back(take());
    }
    for (uint32_t k = 0; k < link_count; ++k) {
        c.from.push_back(links[3 * k]);
        c.to.push_back(links[3 * k + 1]);
        c.relation.push_back(links[3 * k + 2]);
    }
    return app()->replace_with_columns(c);
}

// Scrolls the open article to a fraction of its length at the next frame.
EMSCRIPTEN_KEEPALIVE void cm_bench_scroll(double fraction) {
    if (app()) app()->workspace().view().scroll_to_fraction(fraction);
}

// Adds one span over [start, end) of the open article with the named label
// (as a reader's selection and key would); returns its id, 0 if refused.
EMSCRIPTEN_KEEPALIVE double cm_bench_add(double start, double end, const char* label) {
    if (!app() || !label) return 0;
    const cm::Document* doc = app()->workspace().view().document();
    if (!doc) return 0;
    cm::SpanRequest r;
    r.doc = doc->meta.id;
    for (const cm::Label& l : app()->editor().annotations().labels)
        if (l.name == label) r.label = l.id;
    r.ranges.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
    return static_cast<double>(app()->editor().add_span(r));
}

// 1 once the last frame drew the open article, laid out in full.
EMSCRIPTEN_KEEPALIVE int cm_bench_shown() {
    return app() && app()->workspace().view().document() && app()->workspace().view().laid_out() ? 1 : 0;
}

// Spans on the open article (what the view can show), the frame count and
// the app's own CPU time in the last frame.
EMSCRIPTEN_KEEPALIVE int cm_bench_rendered() {
    if (!app() || !app()->workspace().view().document()) return 0;
    const std::string& id = app()->workspace().view().document()->meta.id;
    int n = 0;
    for (const auto& [sid, s] : app()->editor().annotations().spans)
        if (s.doc == id) ++n;
    return n;
}
EMSCRIPTEN_KEEPALIVE double cm_bench_frame_ms() { return app() ? app()->last_frame_ms() : 0; }
EMSCRIPTEN_KEEPALIVE double cm_bench_ui_ms() { return app() ? app()->last_ui_ms() : 0; }
// What the last frame handed the GPU: vertices, and draw calls.
EMSCRIPTEN_KEEPALIVE int cm_bench_vertices() { return ImGui::GetCurrentContext() ? ImGui::GetIO().MetricsRenderVertices : 0; }
EMSCRIPTEN_KEEPALIVE int cm_bench_draw_calls() {
    const ImDrawData* dd = ImGui::GetCurrentContext() ? ImGui::GetDrawData() : nullptr;
    int n = 0;
    for (int i = 0; dd && i < dd->CmdListsCount; ++i) n += dd->CmdLists[i]->CmdBuffer.Size;
    return n;
}
EMSCRIPTEN_KEEPALIVE double cm_bench_save_ms() { return app() ? app()->last_save_ms() : 0; }
EMSCRIPTEN_KEEPALIVE double cm_bench_frames() { return app() ? static_cast<double>(app()->frame_count()) : 0; }

}  // extern "C"
#endif
