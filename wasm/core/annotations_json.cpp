#include "annotations_json.h"

#include <cstdint>
#include <cstdio>
#include <limits>
#include <nlohmann/json.hpp>

#include "json_read.h"

namespace cm {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;  // writes keys in the documented order

constexpr const char* kSchema = "claimmark/annotations";

// --- writing ---

ordered_json label_json(const Label& l) {
    return ordered_json{{"id", l.id}, {"name", l.name}, {"color", format_color(l.color)}, {"role", to_string(l.role)}};
}

ordered_json span_json(const Span& s) {
    ordered_json ranges = ordered_json::array();
    for (const Range& r : s.ranges) ranges.push_back(ordered_json::array({r.start, r.end}));
    return span_to_json(s, std::move(ranges));
}

ordered_json entity_json(const Entity& e) {
    ordered_json o{{"id", e.id}, {"name", e.name}, {"kind", to_string(e.kind)}, {"aliases", e.aliases}};
    if (!e.external_id.empty()) o["external_id"] = e.external_id;
    return o;
}

ordered_json zone_json(const Zone& z) {
    return ordered_json{
        {"id", z.id}, {"doc", z.doc}, {"start", z.range.start}, {"end", z.range.end}, {"kind", to_string(z.kind)}};
}

ordered_json relation_json(const Relation& r) {
    return ordered_json{{"id", r.id}, {"type", to_string(r.type)}, {"from", r.from}, {"to", r.to}};
}

template <class T, class Fn>
ordered_json array_of(const std::map<Id, T>& objects, Fn to_json) {
    ordered_json out = ordered_json::array();
    for (const auto& entry : objects) out.push_back(to_json(entry.second));
    return out;
}

// --- reading ---

// Reads the fields of one object, naming it in every error ("span 12: ...").
class Fields {
public:
    Fields(const json& o, std::string where, std::vector<std::string>& errors)
        : o_(o), where_(std::move(where)), errors_(errors), errors_before_(errors.size()) {}

    bool has(const char* key) const { return o_.find(key) != o_.end(); }
    // True when none of this object's fields had a problem.
    bool ok() const { return errors_.size() == errors_before_; }

    bool id(const char* key, Id& out) { return whole(key, out); }

    template <class Number>
    bool whole(const char* key, Number& out) {
        const json* v = get(key);
        if (!v) return false;
        if (!v->is_number_unsigned() || v->get<uint64_t>() > std::numeric_limits<Number>::max())
            return fail(key, "a whole number from 0 to " + std::to_string(std::numeric_limits<Number>::max()));
        out = static_cast<Number>(v->get<uint64_t>());
        return true;
    }

    bool number(const char* key, double& out) {
        const json* v = get(key);
        if (!v) return false;
        if (!v->is_number()) return fail(key, "a number");
        out = v->get<double>();
        return true;
    }

    bool string(const char* key, std::string& out) {
        const json* v = get(key);
        if (!v) return false;
        if (!v->is_string()) return fail(key, "a string");
        out = v->get<std::string>();
        return true;
    }

    template <class Enum>
    bool name(const char* key, Enum& out, const char* choices) {
        std::string s;
        if (!string(key, s)) return false;
        return parse(s, out) || fail(key, std::string("one of ") + choices + ", not \"" + s + "\"");
    }

    // Present and of the given type, or an error.
    const json* typed(const char* key, json::value_t type, const char* type_name) {
        const json* v = get(key);
        if (v && v->type() != type) {
            fail(key, type_name);
            return nullptr;
        }
        return v;
    }

    bool fail(const std::string& key, const std::string& expected) {
        error("\"" + key + "\" must be " + expected);
        return false;
    }
    void error(const std::string& what) { errors_.push_back(where_ + ": " + what); }

private:
    const json* get(const char* key) {
        const auto it = o_.find(key);
        if (it != o_.end()) return &*it;
        error("\"" + std::string(key) + "\" is missing");
        return nullptr;
    }

    const json& o_;
    std::string where_;
    std::vector<std::string>& errors_;
    size_t errors_before_;
};

// "span 12" when the id can be read, else "spans[3]".
std::string where_of(const json& o, const char* kind, const char* array, size_t index) {
    const auto it = o.find("id");
    if (it != o.end() && it->is_number_unsigned()) return std::string(kind) + " " + std::to_string(it->get<uint64_t>());
    return std::string(array) + "[" + std::to_string(index) + "]";
}

bool read_label(Fields& f, const json&, Label& l) {
    f.id("id", l.id);
    f.string("name", l.name);
    f.name("role", l.role, "claim, speaker, source, other");
    std::string color;
    if (f.string("color", color) && !parse_color(color, l.color)) f.fail("color", "a colour like \"#E69F00\"");
    return f.ok();
}

void read_ranges(Fields& f, const json* ranges, std::vector<Range>& out) {
    if (!ranges) return;
    for (const json& r : *ranges) {
        const bool pair = r.is_array() && r.size() == 2 && r[0].is_number_unsigned() && r[1].is_number_unsigned() &&
                          r[0].get<uint64_t>() <= UINT32_MAX && r[1].get<uint64_t>() <= UINT32_MAX;
        if (!pair) {
            f.fail("ranges", "a list of [start, end] pairs of whole numbers");
            return;
        }
        out.push_back(Range{static_cast<uint32_t>(r[0].get<uint64_t>()), static_cast<uint32_t>(r[1].get<uint64_t>())});
    }
}

void read_attributes(Fields& f, const json& o, std::map<std::string, std::string>& out) {
    const auto it = o.find("attributes");
    if (it == o.end()) return;
    if (!it->is_object()) {
        f.fail("attributes", "an object of strings");
        return;
    }
    for (const auto& [key, value] : it->items()) {
        if (!value.is_string()) {
            f.fail("attributes", "an object of strings");
            return;
        }
        out[key] = value.get<std::string>();
    }
}

bool read_span(Fields& f, const json& o, Span& s) {
    f.id("id", s.id);
    f.string("doc", s.doc);
    f.id("label", s.label);
    read_ranges(f, f.typed("ranges", json::value_t::array, "a list of [start, end] pairs"), s.ranges);
    if (f.has("entity")) f.id("entity", s.entity);  // optional fields: absent means none
    if (f.has("note")) f.string("note", s.note);
    read_attributes(f, o, s.attributes);
    f.number("created", s.created);
    f.number("modified", s.modified);
    return f.ok();
}

bool read_entity(Fields& f, const json&, Entity& e) {
    f.id("id", e.id);
    f.string("name", e.name);
    f.name("kind", e.kind, "person, organisation, outlet, document");
    if (const json* aliases = f.typed("aliases", json::value_t::array, "a list of strings")) {
        for (const json& alias : *aliases) {
            if (!alias.is_string()) return f.fail("aliases", "a list of strings");
            e.aliases.push_back(alias.get<std::string>());
        }
    }
    if (f.has("external_id")) f.string("external_id", e.external_id);
    return f.ok();
}

bool read_zone(Fields& f, const json&, Zone& z) {
    f.id("id", z.id);
    f.string("doc", z.doc);
    f.whole("start", z.range.start);
    f.whole("end", z.range.end);
    f.name("kind", z.kind, "body, comments, furniture");
    return f.ok();
}

bool read_relation(Fields& f, const json&, Relation& r) {
    f.id("id", r.id);
    f.name("type", r.type, "said_by, reported_by, same_claim, supports, contradicts");
    f.id("from", r.from);
    f.id("to", r.to);
    return f.ok();
}

// Reads each object of a top-level array with `read(fields, object, value)`
// and hands the good ones to `keep(value, fields)`.
template <class T, class Read, class Keep>
void read_array(Fields& top, const char* array, const char* kind, std::vector<std::string>& errors, Read read,
                Keep keep) {
    const json* items = top.typed(array, json::value_t::array, "a list");
    if (!items) return;
    for (size_t i = 0; i < items->size(); ++i) {
        const json& o = (*items)[i];
        const std::string where = where_of(o, kind, array, i);
        if (!o.is_object()) {
            errors.push_back(where + ": must be an object");
            continue;
        }
        Fields f(o, where, errors);
        T value;
        if (read(f, o, value)) keep(std::move(value), f);
    }
}

// Into a map keyed by id; the label list keeps its order instead.
template <class T, class Read>
void read_objects(Fields& top, const char* array, const char* kind, std::map<Id, T>& out, Read read,
                  std::vector<std::string>& errors) {
    read_array<T>(top, array, kind, errors, read, [&out](T value, Fields& f) {
        const Id id = value.id;
        if (!out.emplace(id, std::move(value)).second) f.error("the id is used twice");
    });
}

// The schema and version; false if the rest must not be read.
bool check_header(const json& j, std::vector<std::string>& errors) {
    const auto schema = j.find("schema");
    if (schema == j.end() || !schema->is_string() || schema->get<std::string>() != kSchema) {
        errors.push_back(std::string("This is not a ClaimMark annotations file: \"schema\" must be \"") + kSchema +
                         "\".");
        return false;
    }
    const auto version = j.find("version");
    if (version == j.end() || !version->is_number_integer()) {
        errors.push_back("\"version\" is missing or not a whole number.");
        return false;
    }
    if (*version != kAnnotationsSchemaVersion) {
        errors.push_back("Version " + version->dump() +
                         " of the annotations format is not supported: this version of ClaimMark reads version " +
                         std::to_string(kAnnotationsSchemaVersion) + ".");
        return false;
    }
    return true;
}

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> out;
    size_t begin = 0;
    while (begin < s.size()) {
        size_t end = s.find('\n', begin);
        if (end == std::string::npos) end = s.size();
        out.push_back(s.substr(begin, end - begin));
        begin = end + 1;
    }
    return out;
}

}  // namespace

ordered_json span_to_json(const Span& s, ordered_json ranges) {
    ordered_json o{{"id", s.id}, {"doc", s.doc}, {"label", s.label}, {"ranges", std::move(ranges)}};
    if (s.entity != kNoId) o["entity"] = s.entity;
    if (!s.note.empty()) o["note"] = s.note;
    if (!s.attributes.empty()) {
        ordered_json attributes = ordered_json::object();
        for (const auto& [key, value] : s.attributes) attributes[key] = value;  // std::map: sorted keys
        o["attributes"] = std::move(attributes);
    }
    o["created"] = s.created;
    o["modified"] = s.modified;
    return o;
}

std::string annotations_to_json(const Annotations& a, int indent) {
    ordered_json j;
    j["schema"] = kSchema;
    j["version"] = kAnnotationsSchemaVersion;
    j["next_id"] = a.next_id;
    ordered_json labels = ordered_json::array();
    for (const Label& l : a.labels) labels.push_back(label_json(l));
    j["labels"] = std::move(labels);
    j["spans"] = array_of(a.spans, span_json);
    j["entities"] = array_of(a.entities, entity_json);
    j["zones"] = array_of(a.zones, zone_json);
    j["relations"] = array_of(a.relations, relation_json);
    // Replace rather than throw on invalid UTF-8: the web build has no exceptions.
    return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

AnnotationsLoad annotations_from_json(std::string_view text, const DocLengthFn& doc_length) {
    AnnotationsLoad out;
    json j;
    std::string error;
    if (!parse_json(text, j, error)) {
        out.errors.push_back("The annotations are not valid JSON: " + error);
        return out;
    }
    if (!j.is_object()) {
        out.errors.push_back("The annotations must be a JSON object.");
        return out;
    }
    if (!check_header(j, out.errors)) return out;

    Annotations a;
    Fields top(j, "annotations", out.errors);
    top.id("next_id", a.next_id);
    read_array<Label>(top, "labels", "label", out.errors, read_label,
                      [&a](Label l, Fields&) { a.labels.push_back(std::move(l)); });
    read_objects(top, "spans", "span", a.spans, read_span, out.errors);
    read_objects(top, "entities", "entity", a.entities, read_entity, out.errors);
    read_objects(top, "zones", "zone", a.zones, read_zone, out.errors);
    read_objects(top, "relations", "relation", a.relations, read_relation, out.errors);
    if (!out.errors.empty()) return out;  // invariants would only repeat them

    Editor check(doc_length, [] { return 0.0; });
    check.reset(a);
    out.errors = split_lines(check.check_invariants());
    if (out.errors.empty()) out.annotations = std::move(a);
    return out;
}

}  // namespace cm
