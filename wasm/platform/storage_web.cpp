// Browser side of platform/storage.h: thin calls into window.claimmarkStore
// (web/storage.js), which does the IndexedDB and localStorage work.
#include <emscripten.h>

#include <cstdlib>
#include <string>

#include "platform/storage.h"

namespace cm::platform {

namespace {

// Strings from JS: malloc'd UTF-8, owned by the caller.
std::string take(char* p) {
    if (!p) return {};
    std::string s(p);
    std::free(p);
    return s;
}

EM_JS(char*, js_store_string, (const char* what), {
    const s = window.claimmarkStore;
    const key = UTF8ToString(what);
    let v = "";
    if (key === "json") v = s.initial ? s.initial.json : "";
    else if (key === "view") v = s.initial ? (s.initial.view || "") : "";
    else if (key === "problems") v = s.problems.join("\n");
    else if (key === "message") v = s.status.message;
    else if (key === "state") v = s.status.state;
    else if (key === "backend") v = s.backend;
    else if (key === "aside") v = s.asideText() || "";
    const n = lengthBytesUTF8(v) + 1;
    const p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});

EM_JS(char*, js_load_preferences, (), {
    let v = "";
    try { v = localStorage.getItem("claimmark.preferences") || ""; } catch (e) { /* defaults, then */ }
    const n = lengthBytesUTF8(v) + 1;
    const p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});
EM_JS(void, js_save_preferences, (const char* json), {
    try { localStorage.setItem("claimmark.preferences", UTF8ToString(json)); } catch (e) { /* best effort */ }
});

EM_JS(int, js_store_has_text, (const char* id), { return window.claimmarkStore.hasText(UTF8ToString(id)) ? 1 : 0; });
// Big texts travel as bytes (a copy, where decoding 10 MB to a string and
// cloning it for IndexedDB took most of a frame); small ones as strings, for
// the localStorage journal.
EM_JS(void, js_store_put_text, (const char* id, const char* text, size_t size), {
    const s = window.claimmarkStore;
    s.putText(UTF8ToString(id), size > s.TEXT_JOURNAL_MAX ? HEAPU8.slice(text, text + size) : UTF8ToString(text, size));
});
EM_JS(char*, js_store_take_text, (const char* id), {
    const v = window.claimmarkStore.takeText(UTF8ToString(id));
    if (v == null) return 0;
    if (v instanceof Uint8Array) {  // stored as bytes (big texts)
        const p = _malloc(v.length + 1);
        HEAPU8.set(v, p);
        HEAPU8[p + v.length] = 0;
        return p;
    }
    const n = lengthBytesUTF8(v) + 1;
    const p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});

EM_JS(int, js_store_has_initial, (), { return window.claimmarkStore.initial ? 1 : 0; });
EM_JS(int, js_store_version, (), { return window.claimmarkStore.version; });
EM_JS(double, js_store_number, (const char* what), {
    const s = window.claimmarkStore;
    const key = UTF8ToString(what);
    if (key === "usage") return s.usage;
    if (key === "quota") return s.quota;
    if (key === "readOnly") return s.readOnly ? 1 : 0;
    if (key === "persisted") return s.persisted ? 1 : 0;
    if (key === "aside") return s.hasAside() ? 1 : 0;
    return 0;
});
EM_JS(void, js_store_save, (const char* json, const char* view), {
    window.claimmarkStore.save(UTF8ToString(json), UTF8ToString(view));
});
EM_JS(void, js_store_save_view, (const char* view), {
    window.claimmarkStore.saveView(UTF8ToString(view));
});
EM_JS(void, js_store_set_aside, (const char* reason), {
    window.claimmarkStore.setAsideInitial(UTF8ToString(reason));
});
// Bytes, not a C string: an archive holds NULs.
EM_JS(void, js_download, (const char* name, const char* mime, const char* data, size_t size), {
    const blob = new Blob([HEAPU8.slice(data, data + size)], { type: UTF8ToString(mime) });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
});

EM_JS(void, js_pick_file, (const char* accept, const char* purpose), {
    window.claimmarkStore.pickFile(UTF8ToString(accept), UTF8ToString(purpose));
});

int g_version = -1;

}  // namespace

std::optional<StoredState> storage_open(std::vector<std::string>& problems) {
    const std::string all = take(js_store_string("problems"));
    for (size_t from = 0; from < all.size();) {
        const size_t nl = all.find('\n', from);
        problems.push_back(all.substr(from, nl == std::string::npos ? std::string::npos : nl - from));
        if (nl == std::string::npos) break;
        from = nl + 1;
    }
    if (!js_store_has_initial()) return std::nullopt;
    return StoredState{take(js_store_string("json")), take(js_store_string("view"))};
}

void storage_save(const StoredState& state) { js_store_save(state.json.c_str(), state.view.c_str()); }

void storage_save_view(const std::string& view) { js_store_save_view(view.c_str()); }

bool storage_poll(StorageStatus& out) {
    const int v = js_store_version();
    if (v == g_version) return false;
    g_version = v;
    const std::string state = take(js_store_string("state"));
    out.state = state == "saving" ? StorageStatus::State::Saving
              : state == "saved"  ? StorageStatus::State::Saved
              : state == "failed" ? StorageStatus::State::Failed
                                  : StorageStatus::State::Idle;
    out.message = take(js_store_string("message"));
    const std::string backend = take(js_store_string("backend"));
    out.where = backend == "indexeddb" ? "this browser (IndexedDB)" : "this browser's local storage";
    out.read_only = js_store_number("readOnly") != 0;
    out.persisted = js_store_number("persisted") != 0;
    out.usage = js_store_number("usage");
    out.quota = js_store_number("quota");
    out.has_aside = js_store_number("aside") != 0;
    return true;
}

void storage_set_aside(const std::string& reason) { js_store_set_aside(reason.c_str()); }

std::string storage_aside_text() { return take(js_store_string("aside")); }

std::string save_file(const std::string& name, const std::string& mime, const std::string& content) {
    js_download(name.c_str(), mime.c_str(), content.data(), content.size());
    return "your downloads";
}

void pick_file(const std::string& accept, const std::string& purpose) { js_pick_file(accept.c_str(), purpose.c_str()); }

bool storage_keeps_texts_apart() { return true; }
bool storage_has_text(const std::string& doc_id) { return js_store_has_text(doc_id.c_str()) != 0; }
void storage_put_text(const std::string& doc_id, const std::string& text) {
    js_store_put_text(doc_id.c_str(), text.data(), text.size());
}
std::optional<std::string> storage_take_text(const std::string& doc_id) {
    char* p = js_store_take_text(doc_id.c_str());
    if (!p) return std::nullopt;
    return take(p);
}

std::string load_preferences() { return take(js_load_preferences()); }
void save_preferences(const std::string& json) { js_save_preferences(json.c_str()); }

}  // namespace cm::platform
