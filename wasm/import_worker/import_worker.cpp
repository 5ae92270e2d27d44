// The import worker's module: the core's article conversion (draft_article),
// built as its own small WebAssembly module that web/import-worker.js runs in
// a Web Worker, so converting a 20 MB page never blocks the reading page.
// One file at a time: the result stays here until the next conversion.
#include <emscripten/emscripten.h>

#include <string>
#include <string_view>

#include "core/article_import.h"

namespace {
cm::ArticleDraft g_draft;
std::string g_json;
}  // namespace

extern "C" {

// Converts a file's bytes; returns the draft as JSON (draft_to_json), its
// text is at cm_converted_text() for cm_converted_size() bytes.
EMSCRIPTEN_KEEPALIVE const char* cm_convert(const char* name, const char* data, size_t size) {
    g_draft = cm::draft_article(name ? name : "", std::string_view(data, size));
    g_json = cm::draft_to_json(g_draft);
    return g_json.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* cm_converted_text() { return g_draft.text.data(); }
EMSCRIPTEN_KEEPALIVE size_t cm_converted_size() { return g_draft.text.size(); }

}  // extern "C"
