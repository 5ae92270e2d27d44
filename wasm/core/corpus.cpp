#include "corpus.h"

#include "sha256.h"

#include <nlohmann/json.hpp>

namespace cm {

using nlohmann::json;

const Document* Corpus::find(std::string_view id) const {
    const int i = index_of(id);
    return i < 0 ? nullptr : &documents[static_cast<size_t>(i)];
}

int Corpus::index_of(std::string_view id) const {
    for (size_t i = 0; i < documents.size(); ++i)
        if (documents[i].meta.id == id) return static_cast<int>(i);
    return -1;
}

std::string normalise_newlines(std::string_view raw) {
    if (raw.size() >= 3 && raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
    std::string out;
    out.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\r') {
            out += '\n';
            if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
        } else {
            out += raw[i];
        }
    }
    return out;
}

Document make_document(DocumentMeta meta, std::string_view raw) {
    Document d;
    d.meta = std::move(meta);
    d.text = Text(normalise_newlines(raw));
    d.sha256 = sha256_hex(d.text.utf8());
    if (const size_t bad = d.text.invalid_sequences(); bad > 0) d.warnings.push_back(invalid_utf8_warning(bad));
    return d;
}

std::string invalid_utf8_warning(size_t bad) {
    return std::to_string(bad) + (bad == 1 ? " invalid UTF-8 sequence was" : " invalid UTF-8 sequences were") +
           " replaced by \xEF\xBF\xBD (U+FFFD). Offsets count the replacement as one character.";
}

namespace {

std::string string_field(const json& o, const char* key) {
    auto it = o.find(key);
    return (it != o.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

}  // namespace

Corpus load_corpus(std::string_view manifest_json, const ReadFileFn& read_file) {
    Corpus c;
    // No exceptions on the web build: parse without throwing and check types.
    const json m = json::parse(manifest_json.begin(), manifest_json.end(), nullptr, false);
    if (m.is_discarded()) {
        c.problems.push_back("The corpus manifest is not valid JSON.");
        return c;
    }
    const json* docs = nullptr;
    if (m.is_object()) {
        auto it = m.find("documents");
        if (it != m.end() && it->is_array()) docs = &*it;
    }
    if (!docs) {
        c.problems.push_back("The corpus manifest has no \"documents\" list.");
        return c;
    }
    for (size_t i = 0; i < docs->size(); ++i) {
        const json& e = (*docs)[i];
        const std::string where = "documents[" + std::to_string(i) + "]";
        if (!e.is_object()) {
            c.problems.push_back(where + " is not an object; skipped.");
            continue;
        }
        DocumentMeta meta;
        meta.id = string_field(e, "id");
        meta.file = string_field(e, "file");
        meta.title = string_field(e, "headline");
        meta.outlet = string_field(e, "outlet");
        meta.author = string_field(e, "author");
        meta.date = string_field(e, "date");
        meta.date_note = string_field(e, "date_note");
        if (meta.id.empty() || meta.file.empty()) {
            c.problems.push_back(where + " needs an \"id\" and a \"file\"; skipped.");
            continue;
        }
        if (c.index_of(meta.id) >= 0) {
            c.problems.push_back(where + ": the id \"" + meta.id + "\" is used twice; skipped.");
            continue;
        }
        std::optional<std::string> raw = read_file(meta.file);
        if (!raw) {
            c.problems.push_back(where + ": cannot read \"" + meta.file + "\"; skipped.");
            continue;
        }
        if (meta.title.empty()) meta.title = meta.id;
        c.documents.push_back(make_document(std::move(meta), *raw));
    }
    return c;
}

}  // namespace cm
