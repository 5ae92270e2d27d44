#include "project_json.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <tuple>

#include "annotations_json.h"
#include "editor.h"
#include "json_read.h"
#include "quote_anchor.h"
#include "sha256.h"

namespace cm {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;  // writes keys in the documented order

constexpr const char* kFormat = "claimmark";

// ============================== writing ==============================

ordered_json document_json(const Document& d, bool include_text) {
    ordered_json o;
    o["id"] = d.meta.id;
    o["sha256"] = d.sha256.empty() ? sha256_hex(d.text.utf8()) : d.sha256;
    o["title"] = d.meta.title;
    o["outlet"] = d.meta.outlet;
    o["author"] = d.meta.author;
    o["date"] = d.meta.date;
    if (!d.meta.date_note.empty()) o["date_note"] = d.meta.date_note;
    if (include_text) o["text"] = d.text.utf8();
    return o;
}

ordered_json label_json(const Label& l) {
    return ordered_json{{"id", l.id}, {"name", l.name}, {"color", format_color(l.color)}, {"role", to_string(l.role)}};
}

ordered_json entity_json(const Entity& e) {
    ordered_json o{{"id", e.id}, {"name", e.name}, {"kind", to_string(e.kind)}, {"aliases", e.aliases}};
    if (!e.external_id.empty()) o["external_id"] = e.external_id;
    return o;
}

// A range with its quote and kQuoteContext code points either side, when the
// document's text is known.
ordered_json range_json(const Range& r, const Text* text) {
    ordered_json o{{"start", r.start}, {"end", r.end}};
    if (text) {
        const Quote q = quote_of(*text, r);
        o["exact"] = q.exact;
        o["prefix"] = q.prefix;
        o["suffix"] = q.suffix;
    }
    return o;
}

ordered_json span_json(const Span& s, const Text* text) {
    ordered_json ranges = ordered_json::array();
    for (const Range& r : s.ranges) ranges.push_back(range_json(r, text));
    return span_to_json(s, std::move(ranges));
}

ordered_json relation_json(const Relation& r) {
    return ordered_json{{"id", r.id}, {"type", to_string(r.type)}, {"from", r.from}, {"to", r.to}};
}

ordered_json cluster_json(const Cluster& c) {
    return ordered_json{{"id", c.id}, {"gloss", c.gloss}, {"claims", c.claims}};
}

ordered_json cluster_relation_json(const ClusterRelation& r) {
    return ordered_json{{"id", r.id}, {"type", to_string(r.type)}, {"from", r.from}, {"to", r.to}};
}

ordered_json zone_json(const Zone& z) {
    return ordered_json{
        {"id", z.id}, {"doc", z.doc}, {"start", z.range.start}, {"end", z.range.end}, {"kind", to_string(z.kind)}};
}

// ============================== reading ==============================

const json* member(const json& o, const char* key) {
    const auto it = o.find(key);
    return it == o.end() ? nullptr : &*it;
}

bool as_u32(const json& v, uint32_t& out) {
    if (!v.is_number_unsigned() || v.get<uint64_t>() > UINT32_MAX) return false;
    out = static_cast<uint32_t>(v.get<uint64_t>());
    return true;
}

bool as_id(const json& v, Id& out) { return as_u32(v, out) && out != kNoId; }

std::string str(uint32_t n) { return std::to_string(n); }
std::string str(const Range& r) { return str(r.start) + "-" + str(r.end); }
std::string in_quotes(const std::string& s) { return "\"" + s + "\""; }

bool is_sha256(const std::string& s) {
    return s.size() == 64 &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// ASCII case folding, for matching entity names (other scripts match exactly).
std::string fold(const std::string& s) {
    std::string out = s;
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Reads a file into a standalone state (the file's own ids), then builds the
// result for the mode. Every problem names its JSON path.
class Importer {
public:
    Importer(const std::vector<Document>& corpus, ProjectImport& out, StoredTextFn stored_texts)
        : corpus_(corpus), out_(out), stored_texts_(std::move(stored_texts)) {}

    void run(std::string_view text, const Annotations& current, ImportMode mode) {
        json j;
        if (!parse_file(text, j)) return;
        section(j, "documents", [this](const json& o, const std::string& p) { read_document(o, p); });
        section(j, "labels", [this](const json& o, const std::string& p) { read_label(o, p); });
        section(j, "entities", [this](const json& o, const std::string& p) { read_entity(o, p); });
        section(j, "annotations", [this](const json& o, const std::string& p) { read_span(o, p); });
        section(j, "relations", [this](const json& o, const std::string& p) { read_relation(o, p); });
        section(j, "zones", [this](const json& o, const std::string& p) { read_zone(o, p); });
        section(j, "clusters", [this](const json& o, const std::string& p) { read_cluster(o, p); });
        section(j, "cluster_relations", [this](const json& o, const std::string& p) { read_cluster_relation(o, p); });
        for (const auto& entry : docs_) {
            const DocTarget& d = entry.second;
            if (d.problem != SIZE_MAX)
                out_.problems[d.problem].done =
                    d.skipped == 0 ? "nothing in the file refers to it"
                                   : "skipped the " + std::to_string(d.skipped) + " annotation(s) and zone(s) in it";
        }

        Annotations result;
        if (mode == ImportMode::Replace) {
            result = std::move(in_);
            result.next_id = owners_.empty() ? 1 : owners_.rbegin()->first + 1;
        } else {
            result = merge(current);
        }
        const std::string broken = invariants(result);
        if (!broken.empty()) {  // a bug here, not in the file: never hand over a broken state
            out_.new_documents.clear();
            fatal("the imported state breaks a rule of the model (" + broken.substr(0, broken.find('\n')) + ")");
            return;
        }
        out_.annotations = std::move(result);
        out_.ok = true;
    }

private:
    // A document of the file as the loaded state sees it.
    struct DocTarget {
        std::string id;   // its id in the loaded state
        int corpus = -1;  // index of the open document it is, or
        int added = -1;   // index in new_documents, or neither: not available
        // When it is not available: the problem that says so, and how many
        // annotations and zones were skipped for it.
        size_t problem = SIZE_MAX, skipped = 0;
    };

    void problem(const std::string& path, const std::string& what, const std::string& done) {
        out_.problems.push_back(ImportProblem{path, what, done, false});
    }
    void fatal(const std::string& what) {
        out_.problems.push_back(ImportProblem{"", what, "nothing was loaded", true});
    }

    // --- the file as a whole ---

    bool parse_file(std::string_view text, json& j) {
        std::string error;
        if (!parse_json(text, j, error)) {
            fatal("the file is not valid JSON (" + error + ")");
            return false;
        }
        if (!j.is_object()) {
            fatal("the file is not a ClaimMark project: it must be a JSON object");
            return false;
        }
        const json* format = member(j, "format");
        if (!format || !format->is_string() || format->get<std::string>() != kFormat) {
            const json* schema = member(j, "schema");
            if (schema && schema->is_string() && schema->get<std::string>() == "claimmark/annotations")
                fatal("this is a ClaimMark annotations state, not a project file (\"format\" must be \"claimmark\")");
            else
                fatal("the file is not a ClaimMark project: \"format\" must be \"claimmark\"");
            return false;
        }
        const json* version = member(j, "version");
        if (!version || !version->is_number_integer()) {
            fatal("\"version\" is missing or not a whole number");
            return false;
        }
        if (*version != kProjectFormatVersion) {
            const bool newer = *version > kProjectFormatVersion;
            fatal(newer ? "the file was written by a newer ClaimMark (format version " + version->dump() +
                              "); this version reads version " + std::to_string(kProjectFormatVersion)
                        : "format version " + version->dump() + " does not exist (this version reads version " +
                              std::to_string(kProjectFormatVersion) + ")");
            return false;
        }
        return true;
    }

    // A top-level list: each entry that is an object goes to `read`.
    void section(const json& j, const char* key, const std::function<void(const json&, const std::string&)>& read) {
        const std::string path = json_at("", key);
        const json* items = member(j, key);
        if (!items) return;  // an empty list
        if (!items->is_array()) {
            problem(path, "\"" + std::string(key) + "\" is not a list", "ignored it");
            return;
        }
        for (size_t i = 0; i < items->size(); ++i) {
            const json& o = (*items)[i];
            if (o.is_object())
                read(o, json_at(path, i));
            else
                problem(json_at(path, i), "is not an object", "skipped it");
        }
    }

    // --- field helpers: `what` names the object kind in "skipped this <what>" ---

    // Optional string: absent gives `fallback`; another type gives it too, listed.
    std::string opt_string(const json& o, const std::string& path, const char* key, const std::string& fallback) {
        const json* v = member(o, key);
        if (!v) return fallback;
        if (v->is_string()) return v->get<std::string>();
        problem(json_at(path, key), "\"" + std::string(key) + "\" is not a string",
                fallback.empty() ? "left it empty" : "used " + in_quotes(fallback));
        return fallback;
    }

    // Optional enum name: absent gives `fallback`; an unknown name too, listed.
    template <class Enum>
    Enum opt_name(const json& o, const std::string& path, const char* key, Enum fallback, const char* choices) {
        const json* v = member(o, key);
        Enum out = fallback;
        if (!v || (v->is_string() && parse(v->get<std::string>(), out))) return out;
        problem(json_at(path, key), "\"" + std::string(key) + "\" must be one of " + choices + ", not " + v->dump(),
                std::string("used ") + in_quotes(to_string(fallback)));
        return fallback;
    }

    double opt_time(const json& o, const std::string& path, const char* key) {
        const json* v = member(o, key);
        if (!v) return 0;
        if (v->is_number()) return v->get<double>();
        problem(json_at(path, key), "\"" + std::string(key) + "\" is not a number", "used 0 (unknown)");
        return 0;
    }

    // A required id (1 to 2^32-1) that no other object of the file has.
    bool read_id(const json& o, const std::string& path, const std::string& what, Id& out) {
        const json* v = member(o, "id");
        if (!v || !as_id(*v, out)) {
            problem(json_at(path, "id"), "\"id\" is missing or not a whole number from 1 to 4294967295",
                    "skipped this " + what);
            return false;
        }
        const auto it = owners_.find(out);
        if (it != owners_.end()) {
            problem(json_at(path, "id"), "id " + str(out) + " is also used by " + it->second, "skipped this " + what);
            return false;
        }
        return true;
    }
    void keep_id(Id id, const std::string& what, const std::string& path) {
        owners_.emplace(id, what + " " + str(id));
        paths_.emplace(id, path);
    }

    // A required reference to another object; false (listed) when it is not a valid id.
    bool read_ref(const json& o, const std::string& path, const char* key, const std::string& what, Id& out) {
        const json* v = member(o, key);
        if (v && as_id(*v, out)) return true;
        problem(json_at(path, key), "\"" + std::string(key) + "\" is missing or not a whole number from 1 to 4294967295",
                "skipped this " + what);
        return false;
    }

    // --- documents ---

    const Text* text_of(const DocTarget& d) const {
        if (d.corpus >= 0) return &corpus_[static_cast<size_t>(d.corpus)].text;
        if (d.added >= 0) return &out_.new_documents[static_cast<size_t>(d.added)].text;
        return nullptr;
    }

    void read_document(const json& o, const std::string& path) {
        ++out_.file_documents;
        std::optional<std::string> text;
        if (const json* v = member(o, "text")) {
            if (v->is_string())
                text = v->get<std::string>();
            else
                problem(json_at(path, "text"), "\"text\" is not a string", "read this document without its text");
        } else if (const json* idv = member(o, "id"); idv && idv->is_string() && stored_texts_) {
            text = stored_texts_(idv->get<std::string>());  // kept apart from the project (browser storage)
        }
        std::string declared;  // the file's sha256
        if (const json* v = member(o, "sha256")) {
            if (v->is_string() && is_sha256(v->get<std::string>()))
                declared = v->get<std::string>();
            else
                problem(json_at(path, "sha256"), "\"sha256\" is not 64 lowercase hex digits", "ignored it");
        }
        std::string hash = declared, normal;
        if (text) {
            normal = normalise_newlines(*text);
            if (normal != *text)
                problem(json_at(path, "text"), "the text has carriage returns or a byte-order mark",
                        "removed them as when opening an article (ranges are re-anchored by their quotes)");
            hash = sha256_hex(normal);
            if (!declared.empty() && declared != hash && declared != sha256_hex(*text))
                problem(json_at(path, "sha256"), "\"sha256\" does not match the text", "used the text's own SHA-256");
        }

        std::string id;
        if (const json* v = member(o, "id"); v && v->is_string() && !v->get<std::string>().empty()) {
            id = v->get<std::string>();
        } else if (!hash.empty()) {
            id = hash.substr(0, 16);
            problem(json_at(path, "id"), "\"id\" is missing or not a non-empty string",
                    "used the first 16 digits of its SHA-256, " + in_quotes(id));
        } else {
            problem(json_at(path, "id"), "\"id\" is missing or not a non-empty string, and there is no text to name it by",
                    "skipped this document");
            return;
        }
        if (docs_.count(id)) {
            problem(json_at(path, "id"), "document " + in_quotes(id) + " is listed twice", "skipped this entry");
            return;
        }
        DocumentMeta meta;
        meta.id = id;
        meta.title = opt_string(o, path, "title", id);
        meta.outlet = opt_string(o, path, "outlet", "");
        meta.author = opt_string(o, path, "author", "");
        meta.date = opt_string(o, path, "date", "");
        meta.date_note = opt_string(o, path, "date_note", "");

        DocTarget target;
        int match = -1;  // an open document with this text: the one with this id first, then any
        if (!hash.empty()) {
            const int same_id = index_of(id);
            if (same_id >= 0 && sha256_of(static_cast<size_t>(same_id)) == hash) match = same_id;
            for (size_t i = 0; i < corpus_.size() && match < 0; ++i)
                if (sha256_of(i) == hash) match = static_cast<int>(i);
        }
        if (match >= 0) {
            target.corpus = match;
            target.id = corpus_[static_cast<size_t>(match)].meta.id;
            note_open(target.id);
            report_meta_differences(path, corpus_[static_cast<size_t>(match)].meta, meta, o);
        } else if (const int same_id = index_of(id); same_id >= 0) {
            target.corpus = same_id;
            target.id = id;
            note_open(id);
            if (!hash.empty())
                problem(path, "the open document " + in_quotes(id) + " has other text (its SHA-256 differs)",
                        "kept the open text: ranges whose quotes moved are re-anchored, those whose quotes are gone "
                        "are skipped, zones stay at their offsets");
            report_meta_differences(path, corpus_[static_cast<size_t>(same_id)].meta, meta, o);
        } else if (text) {
            Document d;
            d.meta = std::move(meta);
            d.text = Text(normal);
            d.sha256 = hash;
            target.added = static_cast<int>(out_.new_documents.size());
            target.id = id;
            out_.new_documents.push_back(std::move(d));
        } else {
            target.id = id;
            target.problem = out_.problems.size();
            problem(path, "document " + in_quotes(id) + " is not open and this file does not hold its text", "");
        }
        docs_.emplace(id, std::move(target));
    }

    // Two entries of the file may be the same open text: listed once.
    void note_open(const std::string& id) {
        auto& open = out_.open_documents;
        if (std::find(open.begin(), open.end(), id) == open.end()) open.push_back(id);
    }

    void report_meta_differences(const std::string& path, const DocumentMeta& open, const DocumentMeta& file,
                                 const json& o) {
        std::vector<std::string> fields;
        const auto check = [&](const char* key, const std::string& a, const std::string& b) {
            if (member(o, key) && a != b) fields.push_back(key);
        };
        check("title", open.title, file.title);
        check("outlet", open.outlet, file.outlet);
        check("author", open.author, file.author);
        check("date", open.date, file.date);
        if (fields.empty()) return;
        std::string list;
        for (size_t i = 0; i < fields.size(); ++i)
            list += (i == 0 ? "" : i + 1 == fields.size() ? " and " : ", ") + fields[i];
        problem(path, "the open document " + in_quotes(open.id) + " has another " + list, "kept the open document's");
    }

    const std::string& sha256_of(size_t corpus_index) {
        auto it = corpus_hashes_.find(corpus_index);
        if (it == corpus_hashes_.end()) {
            const Document& d = corpus_[corpus_index];
            it = corpus_hashes_.emplace(corpus_index, d.sha256.empty() ? sha256_hex(d.text.utf8()) : d.sha256).first;
        }
        return it->second;
    }

    int index_of(const std::string& id) const {
        for (size_t i = 0; i < corpus_.size(); ++i)
            if (corpus_[i].meta.id == id) return static_cast<int>(i);
        return -1;
    }

    // The document an annotation or zone names: one of the file's, else an
    // open one with that id. Null (listed unless already) if there is none.
    const DocTarget* document(const json& o, const std::string& path, const std::string& what) {
        const json* v = member(o, "doc");
        if (!v || !v->is_string()) {
            problem(json_at(path, "doc"), "\"doc\" is missing or not a string", "skipped this " + what);
            return nullptr;
        }
        const std::string id = v->get<std::string>();
        auto it = docs_.find(id);
        if (it == docs_.end()) {
            DocTarget t;
            t.id = id;
            t.corpus = index_of(id);
            it = docs_.emplace(id, t).first;
        }
        DocTarget& target = it->second;
        if (text_of(target)) return &target;
        if (target.problem == SIZE_MAX) {
            target.problem = out_.problems.size();
            problem(json_at(path, "doc"), "document " + in_quotes(id) + " is neither in this file nor open", "");
        }
        ++target.skipped;
        return nullptr;
    }

    // --- labels, entities ---

    void read_label(const json& o, const std::string& path) {
        Label l;
        if (!read_id(o, path, "label", l.id)) return;
        l.name = opt_string(o, path, "name", "");
        if (l.name.empty()) {
            problem(json_at(path, "name"), "the label has no name", "skipped this label");
            return;
        }
        for (const Label& other : in_.labels) {
            if (other.name == l.name) {
                problem(json_at(path, "name"), "the name " + in_quotes(l.name) + " is also used by label " + str(other.id),
                        "skipped this label");
                return;
            }
        }
        l.color = suggested_label_color(in_.labels.size());
        if (const json* v = member(o, "color")) {
            if (!v->is_string() || !parse_color(v->get<std::string>(), l.color)) {
                l.color = suggested_label_color(in_.labels.size());
                problem(json_at(path, "color"), "\"color\" must be a colour like \"#E69F00\", not " + v->dump(),
                        "used the default colour " + format_color(l.color));
            }
        }
        l.role = opt_name(o, path, "role", LabelRole::Other, "claim, speaker, source, other");
        keep_id(l.id, "label", path);
        in_.labels.push_back(std::move(l));
    }

    void read_entity(const json& o, const std::string& path) {
        Entity e;
        if (!read_id(o, path, "entity", e.id)) return;
        e.name = opt_string(o, path, "name", "");
        if (e.name.empty()) {
            problem(json_at(path, "name"), "the entity has no name", "skipped this entity (its mentions lose the link)");
            return;
        }
        e.kind = opt_name(o, path, "kind", EntityKind::Person, "person, organisation, outlet, document");
        if (const json* v = member(o, "aliases")) {
            bool dropped = false;
            if (!v->is_array()) {
                problem(json_at(path, "aliases"), "\"aliases\" is not a list", "ignored it");
            } else {
                for (const json& alias : *v) {
                    const bool ok =
                        alias.is_string() && !alias.get<std::string>().empty() && alias.get<std::string>() != e.name &&
                        std::find(e.aliases.begin(), e.aliases.end(), alias.get<std::string>()) == e.aliases.end();
                    if (ok)
                        e.aliases.push_back(alias.get<std::string>());
                    else
                        dropped = true;
                }
            }
            if (dropped)
                problem(json_at(path, "aliases"), "some aliases are not strings, empty, repeated or the name itself",
                        "dropped those");
        }
        e.external_id = opt_string(o, path, "external_id", "");
        keep_id(e.id, "entity", path);
        in_.entities.emplace(e.id, std::move(e));
    }

    // --- annotations ---

    // One range, checked against the text and re-anchored by its quote if
    // needed. Nothing when it cannot be placed (listed).
    std::optional<Range> read_range(const json& r, const std::string& path, const Text& text) {
        uint32_t start = 0, end = 0;
        const json* s = r.is_object() ? member(r, "start") : nullptr;
        const json* e = r.is_object() ? member(r, "end") : nullptr;
        if (!s || !e || !as_u32(*s, start) || !as_u32(*e, end)) {
            problem(path, "a range must be an object with whole-number \"start\" and \"end\"",
                    "skipped this annotation");
            return std::nullopt;
        }
        const Range given{start, end};
        const auto quote = [&](const char* key) {
            const json* v = member(r, key);
            if (v && !v->is_string())
                problem(json_at(path, key), "\"" + std::string(key) + "\" is not a string", "ignored it");
            return v && v->is_string() ? v->get<std::string>() : std::string();
        };
        const Quote q{quote("exact"), quote("prefix"), quote("suffix")};
        const Anchoring placed = anchor(text, given, q.exact.empty() ? std::nullopt : std::optional<Quote>(q));
        if (!placed.what.empty()) problem(path, placed.what, placed.range ? placed.done : "skipped this annotation");
        return placed.range;
    }

    void read_span(const json& o, const std::string& path) {
        Span s;
        if (!read_id(o, path, "annotation", s.id)) return;
        const DocTarget* doc = document(o, path, "annotation");
        if (!doc) return;
        s.doc = doc->id;
        const Text& text = *text_of(*doc);
        if (!read_ref(o, path, "label", "annotation", s.label)) return;
        const Label* label = in_.label(s.label);
        if (!label) {
            problem(json_at(path, "label"), "label " + str(s.label) + " does not exist (or was skipped)",
                    "skipped this annotation");
            return;
        }
        const json* ranges = member(o, "ranges");
        if (!ranges || !ranges->is_array() || ranges->empty()) {
            problem(json_at(path, "ranges"), "\"ranges\" is missing or not a non-empty list", "skipped this annotation");
            return;
        }
        for (size_t k = 0; k < ranges->size(); ++k) {
            const std::optional<Range> r = read_range((*ranges)[k], json_at(json_at(path, "ranges"), k), text);
            if (!r) return;
            s.ranges.push_back(*r);
        }
        std::vector<Range> tidy = normalise_ranges(s.ranges, text.size());
        if (tidy != s.ranges)
            problem(json_at(path, "ranges"), "the ranges overlap, touch or are out of order", "sorted and joined them");
        s.ranges = std::move(tidy);

        if (const json* v = member(o, "entity")) {
            Id entity = kNoId;
            if (!as_id(*v, entity))
                problem(json_at(path, "entity"), "\"entity\" is not a whole number from 1 to 4294967295",
                        "left the annotation without an entity");
            else if (!in_.entity(entity))
                problem(json_at(path, "entity"), "entity " + str(entity) + " does not exist (or was skipped)",
                        "left the annotation without an entity");
            else if (!can_have_entity(label->role))
                problem(json_at(path, "entity"),
                        std::string("only speaker and source annotations can point to an entity (this one's role is ") +
                            to_string(label->role) + ")",
                        "left the annotation without an entity");
            else
                s.entity = entity;
        }
        s.note = opt_string(o, path, "note", "");
        if (const json* v = member(o, "attributes")) {
            bool dropped = !v->is_object();
            if (v->is_object()) {
                for (const auto& [key, value] : v->items()) {
                    if (key.empty() || !value.is_string() || value.get<std::string>().empty())
                        dropped = true;
                    else
                        s.attributes[key] = value.get<std::string>();
                }
            }
            if (dropped)
                problem(json_at(path, "attributes"),
                        "\"attributes\" must be an object of non-empty strings with non-empty names",
                        "dropped the attributes that are not");
        }
        s.created = opt_time(o, path, "created");
        s.modified = opt_time(o, path, "modified");
        keep_id(s.id, "annotation", path);
        in_.spans.emplace(s.id, std::move(s));
    }

    // --- relations, zones ---

    void read_relation(const json& o, const std::string& path) {
        Relation r;
        if (!read_id(o, path, "relation", r.id)) return;
        const json* type = member(o, "type");
        if (!type || !type->is_string() || !parse(type->get<std::string>(), r.type)) {
            problem(json_at(path, "type"),
                    "\"type\" must be one of said_by, reported_by, same_claim, supports, contradicts, not " +
                        (type ? type->dump() : std::string("missing")),
                    "skipped this relation");
            return;
        }
        if (!read_ref(o, path, "from", "relation", r.from) || !read_ref(o, path, "to", "relation", r.to)) return;
        const std::pair<const char*, Id> ends[] = {{"from", r.from}, {"to", r.to}};
        for (const auto& [key, id] : ends) {
            if (!in_.span(id)) {
                problem(json_at(path, key), "annotation " + str(id) + " does not exist (or was skipped)",
                        "skipped this relation");
                return;
            }
        }
        std::string wrong = fit_problem(in_, r, file_relations_);
        if (!wrong.empty()) {
            problem(path, wrong, "skipped this relation");
            return;
        }
        keep_id(r.id, "relation", path);
        in_.relations.emplace(r.id, r);
        file_relations_.emplace(std::make_tuple(r.type, r.from, r.to), r.id);
    }

    // The relations of a state by type, from and to, so that finding a repeat
    // does not look through all of them for each one read.
    using RelationIndex = std::map<std::tuple<RelationType, Id, Id>, Id>;

    // Why a relation cannot be in `a` (self-link, roles, repeat); "" if it
    // can. `index` holds a's relations.
    static std::string fit_problem(const Annotations& a, const Relation& r, const RelationIndex& index) {
        if (r.from == r.to) return "the relation links annotation " + str(r.from) + " to itself";
        const LabelRole from = a.label(a.span(r.from)->label)->role, to = a.label(a.span(r.to)->label)->role;
        if (!relation_fits(r.type, from, to))
            return std::string(to_string(r.type)) + " must link a claim to a " + to_string(relation_target_role(r.type)) +
                   " (here: " + to_string(from) + " to " + to_string(to) + ")";
        if (const auto same = index.find(std::make_tuple(r.type, r.from, r.to)); same != index.end())
            return "the relation repeats relation " + str(same->second);
        return "";
    }

    void read_zone(const json& o, const std::string& path) {
        Zone z;
        if (!read_id(o, path, "zone", z.id)) return;
        const DocTarget* doc = document(o, path, "zone");
        if (!doc) return;
        z.doc = doc->id;
        const json* s = member(o, "start");
        const json* e = member(o, "end");
        if (!s || !e || !as_u32(*s, z.range.start) || !as_u32(*e, z.range.end)) {
            problem(path, "a zone needs whole-number \"start\" and \"end\"", "skipped this zone");
            return;
        }
        const size_t length = text_of(*doc)->size();
        if (z.range.empty() || z.range.end > length) {
            problem(path,
                    "range " + str(z.range) + " is empty or past the end of the text (" + std::to_string(length) +
                        " characters)",
                    "skipped this zone");
            return;
        }
        z.kind = opt_name(o, path, "kind", ZoneKind::Body, "body, comments, furniture");
        if (const Zone* other = overlapping(in_, z)) {
            problem(path, "the zone overlaps zone " + str(other->id) + " (" + str(other->range) + ")",
                    "skipped this zone");
            return;
        }
        keep_id(z.id, "zone", path);
        in_.zones.emplace(z.id, z);
    }

    // --- clusters ---

    void read_cluster(const json& o, const std::string& path) {
        Cluster c;
        if (!read_id(o, path, "cluster", c.id)) return;
        c.gloss = opt_string(o, path, "gloss", "");
        const std::string cpath = json_at(path, "claims");
        const json* claims = member(o, "claims");
        if (!claims || !claims->is_array()) {
            problem(cpath, "\"claims\" is missing or not a list", "skipped this cluster");
            return;
        }
        for (size_t k = 0; k < claims->size(); ++k) {
            const std::string at = json_at(cpath, k);
            Id span = kNoId;
            std::string wrong;
            if (!as_id((*claims)[k], span))
                wrong = "is not a whole number from 1 to 4294967295";
            else if (!in_.span(span))
                wrong = "annotation " + str(span) + " does not exist (or was skipped)";
            else if (const LabelRole role = in_.label(in_.span(span)->label)->role; role != LabelRole::Claim)
                wrong = "annotation " + str(span) + " is not a claim (its role is " + to_string(role) + ")";
            else if (std::find(c.claims.begin(), c.claims.end(), span) != c.claims.end())
                wrong = "annotation " + str(span) + " is listed twice";
            else if (const auto other = file_members_.find(span); other != file_members_.end())
                wrong = "annotation " + str(span) + " is already in cluster " + str(other->second);
            if (!wrong.empty()) {
                problem(at, wrong, "left it out of the cluster");
                continue;
            }
            c.claims.push_back(span);
        }
        if (c.claims.empty()) {
            problem(path, "the cluster has no claims" + std::string(claims->empty() ? "" : " left"),
                    "skipped this cluster");
            return;
        }
        std::sort(c.claims.begin(), c.claims.end());  // the order means nothing
        for (Id span : c.claims) file_members_.emplace(span, c.id);
        keep_id(c.id, "cluster", path);
        in_.clusters.emplace(c.id, std::move(c));
    }

    void read_cluster_relation(const json& o, const std::string& path) {
        ClusterRelation r;
        if (!read_id(o, path, "cluster relation", r.id)) return;
        const json* type = member(o, "type");
        if (!type || !type->is_string() || !parse(type->get<std::string>(), r.type)) {
            problem(json_at(path, "type"),
                    "\"type\" must be one of supports, contradicts, not " +
                        (type ? type->dump() : std::string("missing")),
                    "skipped this cluster relation");
            return;
        }
        if (!read_ref(o, path, "from", "cluster relation", r.from) ||
            !read_ref(o, path, "to", "cluster relation", r.to))
            return;
        const std::pair<const char*, Id> ends[] = {{"from", r.from}, {"to", r.to}};
        for (const auto& [key, id] : ends) {
            if (!in_.cluster(id)) {
                problem(json_at(path, key), "cluster " + str(id) + " does not exist (or was skipped)",
                        "skipped this cluster relation");
                return;
            }
        }
        const std::string wrong = cluster_fit_problem(in_, r);
        if (!wrong.empty()) {
            problem(path, wrong, "skipped this cluster relation");
            return;
        }
        keep_id(r.id, "cluster relation", path);
        in_.cluster_relations.emplace(r.id, r);
    }

    // Why a cluster relation cannot be in `a` (self-link, repeat); "" if it can.
    static std::string cluster_fit_problem(const Annotations& a, const ClusterRelation& r) {
        if (r.from == r.to) return "the cluster relation links cluster " + str(r.from) + " to itself";
        if (const ClusterRelation* same = a.find_cluster_relation(r.type, r.from, r.to))
            return "the cluster relation repeats cluster relation " + str(same->id);
        return "";
    }

    static const Zone* overlapping(const Annotations& a, const Zone& z) {
        for (const auto& entry : a.zones) {
            const Zone& x = entry.second;
            if (x.doc == z.doc && x.range.start < z.range.end && z.range.start < x.range.end) return &x;
        }
        return nullptr;
    }

    // --- merge ---

    const std::string& path_of(Id incoming) const { return paths_.at(incoming); }

    // The open entity an incoming one is: same external id, else same name,
    // else a name or alias in common (ignoring ASCII case). Entities with
    // different external ids never match.
    static Id match_entity(const Annotations& current, const Entity& e) {
        const auto names = [](const Entity& x) {
            std::set<std::string> out{fold(x.name)};
            for (const std::string& a : x.aliases) out.insert(fold(a));
            return out;
        };
        const std::set<std::string> mine = names(e);
        Id by_name = kNoId, by_alias = kNoId;
        for (const auto& [id, c] : current.entities) {
            const bool both_ids = !c.external_id.empty() && !e.external_id.empty();
            if (both_ids && c.external_id == e.external_id) return id;
            if (both_ids) continue;
            if (!by_name && fold(c.name) == fold(e.name)) by_name = id;
            if (!by_alias) {
                const std::set<std::string> theirs = names(c);
                if (std::any_of(mine.begin(), mine.end(), [&](const std::string& n) { return theirs.count(n) > 0; }))
                    by_alias = id;
            }
        }
        return by_name ? by_name : by_alias;
    }

    Annotations merge(const Annotations& current) {
        Annotations a = current;
        std::map<Id, Id> labels, entities, spans;  // incoming id -> id in the result

        for (const Label& l : in_.labels) {
            auto it = std::find_if(a.labels.begin(), a.labels.end(), [&](const Label& x) { return x.name == l.name; });
            if (it == a.labels.end()) {
                Label added = l;
                added.id = a.next_id++;
                labels[l.id] = added.id;
                a.labels.push_back(added);
                continue;
            }
            labels[l.id] = it->id;
            const auto looks = [](const Label& x) {
                return "colour " + format_color(x.color) + ", role " + to_string(x.role);
            };
            if (it->color != l.color || it->role != l.role)
                problem(path_of(l.id),
                        "the open project also has a label " + in_quotes(l.name) + ", with " + looks(*it) +
                            " (this file: " + looks(l) + ")",
                        "kept the open project's label for both");
        }

        for (const auto& [id, e] : in_.entities) {
            const Id match = match_entity(current, e);
            if (!match) {
                Entity added = e;
                added.id = a.next_id++;
                entities[id] = added.id;
                a.entities.emplace(added.id, added);
                continue;
            }
            entities[id] = match;
            Entity& kept = a.entities.at(match);
            std::set<std::string> known{fold(kept.name)};
            for (const std::string& alias : kept.aliases) known.insert(fold(alias));
            std::vector<std::string> more{e.name};
            more.insert(more.end(), e.aliases.begin(), e.aliases.end());
            for (const std::string& name : more)
                if (known.insert(fold(name)).second) kept.aliases.push_back(name);
            if (kept.external_id.empty()) kept.external_id = e.external_id;
            if (kept.kind != e.kind)
                problem(path_of(id),
                        "entity " + in_quotes(e.name) + " is the open project's " + in_quotes(kept.name) +
                            ", whose kind is " + to_string(kept.kind) + " (this file: " + to_string(e.kind) + ")",
                        "kept " + std::string(to_string(kept.kind)));
        }

        // Existing spans by what makes them the same annotation.
        std::map<std::tuple<std::string, Id, std::vector<Range>>, Id> existing;
        for (const auto& [id, s] : current.spans) existing.emplace(std::make_tuple(s.doc, s.label, s.ranges), id);
        for (const auto& [id, incoming] : in_.spans) {
            Span s = incoming;
            s.label = labels.at(s.label);
            if (s.entity) s.entity = entities.at(s.entity);
            const Label* label = a.label(s.label);
            if (s.entity && !can_have_entity(label->role)) {
                problem(path_of(id),
                        "in the open project its label " + in_quotes(label->name) + " has the role " +
                            to_string(label->role) + ", and only speakers and sources can point to an entity",
                        "left the annotation without an entity");
                s.entity = kNoId;
            }
            const auto same = existing.find(std::make_tuple(s.doc, s.label, s.ranges));
            if (same != existing.end()) {
                spans[id] = same->second;
                const Span& old = current.spans.at(same->second);
                if (old.entity != s.entity || old.note != s.note || old.attributes != s.attributes)
                    problem(path_of(id),
                            "the open project has the same annotation (" + str(old.id) +
                                ") with another entity, note or attributes",
                            "kept the open project's");
                continue;
            }
            s.id = a.next_id++;
            spans[id] = s.id;
            a.spans.emplace(s.id, s);
        }

        RelationIndex index;
        for (const auto& [id, x] : a.relations) index.emplace(std::make_tuple(x.type, x.from, x.to), id);
        for (const auto& [id, incoming] : in_.relations) {
            Relation r = incoming;
            r.from = spans.at(r.from);
            r.to = spans.at(r.to);
            const std::string wrong = fit_problem(a, r, index);
            if (wrong.rfind("the relation repeats", 0) == 0) continue;  // already there: not duplicated
            if (!wrong.empty()) {
                problem(path_of(id), wrong + " once merged", "skipped this relation");
                continue;
            }
            r.id = a.next_id++;
            a.relations.emplace(r.id, r);
            index.emplace(std::make_tuple(r.type, r.from, r.to), r.id);
        }

        for (const auto& [id, incoming] : in_.zones) {
            Zone z = incoming;
            if (const Zone* other = overlapping(a, z)) {
                if (other->range != z.range || other->kind != z.kind)
                    problem(path_of(id),
                            "the zone overlaps zone " + str(other->id) + " (" + str(other->range) + ", " +
                                to_string(other->kind) + ") of the open project",
                            "skipped this zone");
                continue;
            }
            z.id = a.next_id++;
            a.zones.emplace(z.id, z);
        }

        merge_clusters(current, a, spans);
        return a;
    }

    // A file's cluster whose claims are already in one open cluster is that
    // cluster: it gains the claims it lacks. Claims in no open cluster come
    // along; a claim the open project has in a cluster stays there.
    void merge_clusters(const Annotations& current, Annotations& a, const std::map<Id, Id>& spans) {
        std::map<Id, Id> clusters;  // incoming id -> id in the result
        for (const auto& [id, incoming] : in_.clusters) {
            std::vector<Id> claims;    // mapped, still claims once merged
            std::set<Id> holders;      // the result's clusters that hold some of them
            for (Id span : incoming.claims) {
                const Id mapped = spans.at(span);
                const Span& s = a.spans.at(mapped);
                const Label* label = a.label(s.label);
                if (label->role != LabelRole::Claim) {
                    problem(path_of(id),
                            "annotation " + str(span) + " is not a claim in the open project (its label " +
                                in_quotes(label->name) + " has the role " + to_string(label->role) + ")",
                            "left it out of the cluster");
                    continue;
                }
                claims.push_back(mapped);
                if (const Id holder = a.cluster_of(mapped)) holders.insert(holder);
            }
            if (claims.empty()) {
                problem(path_of(id), "none of the cluster's claims is a claim once merged", "skipped this cluster");
                continue;
            }
            if (holders.empty()) {
                Cluster added{a.next_id++, incoming.gloss, {}};
                std::sort(claims.begin(), claims.end());
                claims.erase(std::unique(claims.begin(), claims.end()), claims.end());
                added.claims = std::move(claims);
                clusters[id] = added.id;
                a.clusters.emplace(added.id, std::move(added));
                continue;
            }
            const Id into = *holders.begin();
            clusters[id] = into;
            std::vector<Id> loose;  // in no cluster yet
            for (Id span : claims)
                if (!a.cluster_of(span)) loose.push_back(span);
            Cluster& kept = a.clusters.at(into);
            kept.claims.insert(kept.claims.end(), loose.begin(), loose.end());
            std::sort(kept.claims.begin(), kept.claims.end());
            kept.claims.erase(std::unique(kept.claims.begin(), kept.claims.end()), kept.claims.end());
            std::string list;
            for (Id h : holders) list += (list.empty() ? "" : ", ") + str(h);
            if (holders.size() > 1)
                problem(path_of(id), "the open project has the cluster's claims in clusters " + list,
                        "kept the open project's clusters and added the other claims to cluster " + str(into));
            else if (kept.gloss != incoming.gloss && current.clusters.count(into))
                problem(path_of(id),
                        "the open project has the same cluster (" + str(into) + ") with the gloss " +
                            in_quotes(kept.gloss) + " (this file: " + in_quotes(incoming.gloss) + ")",
                        "kept the open project's");
        }

        for (const auto& [id, incoming] : in_.cluster_relations) {
            const auto from = clusters.find(incoming.from), to = clusters.find(incoming.to);
            if (from == clusters.end() || to == clusters.end()) {
                problem(path_of(id), "one of its clusters was skipped", "skipped this cluster relation");
                continue;
            }
            ClusterRelation r = incoming;
            r.from = from->second;
            r.to = to->second;
            const std::string wrong = cluster_fit_problem(a, r);
            if (wrong.rfind("the cluster relation repeats", 0) == 0) continue;  // already there: not duplicated
            if (!wrong.empty()) {
                problem(path_of(id), wrong + " once merged", "skipped this cluster relation");
                continue;
            }
            r.id = a.next_id++;
            a.cluster_relations.emplace(r.id, r);
        }
    }

    // The editor's own check, against the open and the new documents.
    std::string invariants(const Annotations& a) const {
        std::map<std::string, size_t> lengths;
        for (const Document& d : corpus_) lengths.emplace(d.meta.id, d.text.size());
        for (const Document& d : out_.new_documents) lengths.emplace(d.meta.id, d.text.size());
        Editor check(
            [&lengths](const std::string& doc) -> std::optional<size_t> {
                const auto it = lengths.find(doc);
                return it == lengths.end() ? std::nullopt : std::optional<size_t>(it->second);
            },
            nullptr);
        check.reset(a);
        return check.check_invariants();
    }

    const std::vector<Document>& corpus_;
    ProjectImport& out_;
    Annotations in_;                         // the file's state, with its own ids
    RelationIndex file_relations_;           // in_'s relations
    std::map<Id, Id> file_members_;          // in_'s clustered claims -> their cluster
    std::map<std::string, DocTarget> docs_;  // by the file's document id
    std::map<Id, std::string> owners_;       // which object of the file holds each id
    std::map<Id, std::string> paths_;        // the JSON path of each object kept
    std::map<size_t, std::string> corpus_hashes_;
    StoredTextFn stored_texts_;
};

}  // namespace

std::string project_to_json(const Annotations& a, const std::vector<Document>& documents,
                            const ProjectWriteOptions& options) {
    std::map<std::string, const Text*> texts;
    for (const Document& d : documents) texts.emplace(d.meta.id, &d.text);
    const auto text_of = [&texts](const std::string& doc) -> const Text* {
        const auto it = texts.find(doc);
        return it == texts.end() ? nullptr : it->second;
    };

    // Written element by element, never the whole tree in memory at once
    // (building and freeing that took a third of a 10k-annotation autosave),
    // in exactly the layout nlohmann's dump gives the tree: 2-space indents
    // when pretty, none when compact (tests/unit/test_project_json.cpp).
    std::string out;
    // Replace rather than throw on invalid UTF-8: the web build has no exceptions.
    nlohmann::detail::serializer<ordered_json> writer(nlohmann::detail::output_adapter<char>(out), ' ',
                                                      json::error_handler_t::replace);
    const bool pretty = options.pretty;
    const unsigned step = pretty ? 2 : 0;
    const std::string nl = pretty ? "\n" : "", key_indent(step, ' '), item_indent(2 * step, ' ');
    const auto value = [&](const ordered_json& v) { writer.dump(v, pretty, false, step, 2 * step); };
    const auto key = [&](const char* name, bool first) {
        out += first ? "{" : ",";
        out += nl;
        out += key_indent;
        out += '"';
        out += name;
        out += pretty ? "\": " : "\":";
    };
    // "name": [ … ] with to_json(item) for each item (of a list, or an id → object table).
    const auto list = [&](const char* name, const auto& items, const auto& to_json) {
        key(name, false);
        if (items.empty()) {
            out += "[]";
            return;
        }
        out += '[';
        const char* sep = "";
        for (const auto& item : items) {
            out += sep;
            out += nl;
            out += item_indent;
            sep = ",";
            value(to_json(item));
        }
        out += nl;
        out += key_indent;
        out += ']';
    };
    key("format", true);
    value(kFormat);
    key("version", false);
    value(kProjectFormatVersion);
    list("documents", documents, [&](const Document& d) { return document_json(d, options.include_text); });
    list("labels", a.labels, label_json);
    list("entities", a.entities, [](const auto& entry) { return entity_json(entry.second); });
    list("annotations", a.spans, [&](const auto& entry) { return span_json(entry.second, text_of(entry.second.doc)); });
    list("relations", a.relations, [](const auto& entry) { return relation_json(entry.second); });
    list("zones", a.zones, [](const auto& entry) { return zone_json(entry.second); });
    list("clusters", a.clusters, [](const auto& entry) { return cluster_json(entry.second); });
    list("cluster_relations", a.cluster_relations, [](const auto& entry) { return cluster_relation_json(entry.second); });
    out += nl;
    out += '}';
    return out;
}

std::string to_string(const ImportProblem& p) {
    return (p.path.empty() ? "" : p.path + ": ") + p.what + "; " + p.done + ".";
}

ProjectImport import_project(std::string_view json_text, const std::vector<Document>& corpus,
                             const Annotations& current, ImportMode mode, const StoredTextFn& stored_texts) {
    ProjectImport out;
    Importer(corpus, out, stored_texts).run(json_text, current, mode);
    return out;
}

}  // namespace cm
