// ArticleDraft <-> JSON (article_import.h), for the web's import worker.
#include <nlohmann/json.hpp>

#include "article_import.h"

namespace cm {

using json = nlohmann::json;

namespace {

const char* format_name(ArticleFormat f) {
    switch (f) {
        case ArticleFormat::Markdown: return "markdown";
        case ArticleFormat::Html: return "html";
        case ArticleFormat::Text: break;
    }
    return "text";
}

std::string str(const json& o, const char* key) {
    const auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> strings(const json& o, const char* key) {
    std::vector<std::string> out;
    const auto it = o.find(key);
    if (it == o.end() || !it->is_array()) return out;
    for (const json& v : *it)
        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

}  // namespace

std::string draft_to_json(const ArticleDraft& d) {
    const DocumentMeta& m = d.meta;
    const json j = {{"ok", d.ok},
                    {"error", d.error},
                    {"format", format_name(d.format)},
                    {"meta",
                     {{"title", m.title}, {"outlet", m.outlet}, {"author", m.author}, {"date", m.date},
                      {"date_note", m.date_note}, {"file", m.file}}},
                    {"sha256", d.sha256},
                    {"notes", d.notes},
                    {"warnings", d.warnings}};
    // Replace, not throw, on bad UTF-8 (there is none: drafts are valid UTF-8).
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

ArticleDraft draft_from_json(std::string_view json_text, std::string text) {
    ArticleDraft d;
    const json j = json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        d.error = "The converted article could not be read (the import worker sent something else).";
        return d;
    }
    const auto ok = j.find("ok");
    d.ok = ok != j.end() && ok->is_boolean() && ok->get<bool>();
    d.error = str(j, "error");
    const std::string format = str(j, "format");
    d.format = format == "html" ? ArticleFormat::Html : format == "markdown" ? ArticleFormat::Markdown : ArticleFormat::Text;
    const auto meta = j.find("meta");
    const json m = meta != j.end() && meta->is_object() ? *meta : json::object();
    d.meta.title = str(m, "title");
    d.meta.outlet = str(m, "outlet");
    d.meta.author = str(m, "author");
    d.meta.date = str(m, "date");
    d.meta.date_note = str(m, "date_note");
    d.meta.file = str(m, "file");
    d.sha256 = str(j, "sha256");
    d.notes = strings(j, "notes");
    d.warnings = strings(j, "warnings");
    d.text = std::move(text);
    if (d.ok && d.text.empty()) {
        d.ok = false;
        d.error = "The converted article arrived without its text.";
    }
    return d;
}

}  // namespace cm
