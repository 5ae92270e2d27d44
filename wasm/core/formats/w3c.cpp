#include "w3c.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "core/editor.h"
#include "core/sha256.h"
#include "core/json_read.h"
#include "core/quote_anchor.h"

namespace cm::formats {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

constexpr const char* kAnnoContext = "http://www.w3.org/ns/anno.jsonld";
constexpr const char* kDataTerm = "urn:claimmark:vocab#data";
constexpr const char* kShaPrefix = "urn:sha256:";
constexpr const char* kDocPrefix = "urn:claimmark:doc:";
constexpr const char* kSpanPrefix = "urn:claimmark:annotation:";
constexpr const char* kRelationPrefix = "urn:claimmark:relation:";
constexpr const char* kZonePrefix = "urn:claimmark:zone:";
constexpr const char* kEntityPrefix = "urn:claimmark:entity:";
constexpr const char* kClusterPrefix = "urn:claimmark:cluster:";
constexpr const char* kClusterRelationPrefix = "urn:claimmark:cluster-relation:";
constexpr const char* kClusterTag = "claim-cluster";  // the tag that makes a linking annotation a cluster
constexpr const char* kWikidata = "http://www.wikidata.org/entity/";
constexpr const char* kUntagged = "Untagged";

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// ============================== times ==============================

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's
// algorithms, exact for every date).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civil_from_days(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
}

constexpr double kLastTime = 253402300799.0;  // 9999-12-31T23:59:59Z

// Seconds since the epoch as xsd:dateTime in UTC, to the millisecond
// ("2023-11-14T22:13:20.5Z"); nothing for unknown (0) or out-of-range times.
std::optional<std::string> format_time(double t) {
    if (!(t > 0 && t <= kLastTime)) return std::nullopt;
    const int64_t ms = std::llround(t * 1000.0);
    const int64_t secs = ms / 1000, frac = ms % 1000;
    int64_t y = 0;
    unsigned mo = 0, d = 0;
    civil_from_days(secs / 86400, y, mo, d);
    const int64_t in_day = secs % 86400;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d", static_cast<int>(y), mo, d,
                  static_cast<int>(in_day / 3600), static_cast<int>(in_day / 60 % 60), static_cast<int>(in_day % 60));
    std::string out = buf;
    if (frac != 0) {
        std::snprintf(buf, sizeof buf, ".%03d", static_cast<int>(frac));
        std::string f = buf;
        while (f.back() == '0') f.pop_back();
        out += f;
    }
    return out + "Z";
}

// Reads "YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]" (no zone = UTC).
std::optional<double> parse_time(const std::string& s) {
    size_t i = 0;
    const auto digits = [&](size_t n, int64_t& out) {
        out = 0;
        for (size_t k = 0; k < n; ++k, ++i) {
            if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    const auto lit = [&](char c) { return i < s.size() && s[i++] == c; };
    int64_t y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    if (!digits(4, y) || !lit('-') || !digits(2, mo) || !lit('-') || !digits(2, d)) return std::nullopt;
    if (i >= s.size() || (s[i] != 'T' && s[i] != 't' && s[i] != ' ')) return std::nullopt;
    ++i;
    if (!digits(2, h) || !lit(':') || !digits(2, mi) || !lit(':') || !digits(2, sec)) return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return std::nullopt;
    int64_t frac = 0, scale = 1;
    if (i < s.size() && s[i] == '.') {
        ++i;
        const size_t first = i;
        for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
            if (i - first < 9) {  // nanoseconds at most
                frac = frac * 10 + (s[i] - '0');
                scale *= 10;
            }
        }
        if (i == first) return std::nullopt;
    }
    int64_t offset = 0;
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
        ++i;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        const int64_t sign = s[i++] == '-' ? -1 : 1;
        int64_t oh = 0, om = 0;
        if (!digits(2, oh) || !lit(':') || !digits(2, om)) return std::nullopt;
        offset = sign * (oh * 3600 + om * 60);
    }
    if (i != s.size()) return std::nullopt;
    const int64_t secs = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 +
                         mi * 60 + sec - offset;
    // One rounding: the nearest double to the decimal the string writes.
    return static_cast<double>(secs * scale + frac) / static_cast<double>(scale);
}

// ============================== writing ==============================

const char* kind_type(EntityKind k) {
    switch (k) {
        case EntityKind::Person:
            return "Person";
        case EntityKind::Organisation:
        case EntityKind::Outlet:
            return "Organization";
        case EntityKind::Document:
            return "Text";
    }
    return "Person";
}

// An IRI for an entity: its Wikidata entity, its external id when that is
// already an absolute IRI, else a ClaimMark URN.
std::string entity_iri(const Entity& e) {
    const std::string qid = wikidata_qid(e.external_id);
    if (!qid.empty()) return kWikidata + qid;
    const size_t colon = e.external_id.find(':');
    if (colon != std::string::npos && colon > 0 && e.external_id.find(' ') == std::string::npos) return e.external_id;
    return kEntityPrefix + std::to_string(e.id);
}

class W3cWriter {
public:
    W3cWriter(const Annotations& a, const std::vector<Document>& documents) : a_(a), docs_(documents) {
        for (const Document& d : documents) sources_.emplace(d.meta.id, kShaPrefix + sha256_hex(d.text.utf8()));
    }

    Export run() {
        ordered_json items = ordered_json::array();
        std::set<Id> mentioned;
        for (const auto& [id, s] : a_.spans) {
            items.push_back(span(s));
            if (s.entity) mentioned.insert(s.entity);
        }
        for (const auto& entry : a_.relations) items.push_back(relation(entry.second));
        for (const auto& entry : a_.zones) items.push_back(zone(entry.second));
        for (const auto& entry : a_.clusters) items.push_back(cluster(entry.second));
        for (const auto& entry : a_.cluster_relations) items.push_back(cluster_relation(entry.second));
        const size_t unmentioned = a_.entities.size() - mentioned.size();
        tally_.add("entity without mentions", "entities without mentions",
                   "left out: W3C annotations carry an entity only as the body of a mention", unmentioned);

        ordered_json j;
        j["@context"] = ordered_json::array(
            {kAnnoContext, ordered_json{{"claimmark", ordered_json{{"@id", kDataTerm}, {"@type", "@json"}}}}});
        j["id"] = "urn:claimmark:collection";
        j["type"] = "AnnotationCollection";
        j["label"] = "ClaimMark annotations";
        j["total"] = items.size();
        j["claimmark"] = extension();
        j["first"] = ordered_json{{"id", "urn:claimmark:collection:page:1"},
                                  {"type", "AnnotationPage"},
                                  {"startIndex", 0},
                                  {"items", std::move(items)}};
        Export out;
        out.files.push_back(
            ExportFile{"annotations.w3c.jsonld", j.dump(2, ' ', false, json::error_handler_t::replace) + "\n"});
        out.left_out = tally_.lines();
        return out;
    }

private:
    // The collection's ClaimMark details: which document each source is,
    // and the labels with their colours and roles.
    ordered_json extension() const {
        ordered_json documents = ordered_json::array();
        for (const Document& d : docs_.all()) {
            ordered_json o{{"source", source_of(d.meta.id)}, {"id", d.meta.id}, {"title", d.meta.title}};
            if (!d.meta.outlet.empty()) o["outlet"] = d.meta.outlet;
            if (!d.meta.date.empty()) o["date"] = d.meta.date;
            documents.push_back(std::move(o));
        }
        ordered_json labels = ordered_json::array();
        for (const Label& l : a_.labels)
            labels.push_back(
                ordered_json{{"name", l.name}, {"color", format_color(l.color)}, {"role", to_string(l.role)}});
        return ordered_json{{"version", 1}, {"documents", std::move(documents)}, {"labels", std::move(labels)}};
    }

    std::string source_of(const std::string& doc) const {
        const auto it = sources_.find(doc);
        return it == sources_.end() ? kDocPrefix + doc : it->second;
    }

    ordered_json target(const std::string& doc, const Range& r, const Text* text) const {
        ordered_json selectors = ordered_json::array();
        selectors.push_back(ordered_json{{"type", "TextPositionSelector"}, {"start", r.start}, {"end", r.end}});
        if (text) {
            const Quote q = quote_of(*text, r);
            selectors.push_back(ordered_json{
                {"type", "TextQuoteSelector"}, {"exact", q.exact}, {"prefix", q.prefix}, {"suffix", q.suffix}});
        }
        return ordered_json{{"source", source_of(doc)}, {"selector", std::move(selectors)}};
    }

    // One value as itself, several as a list (the model allows both).
    static ordered_json one_or_list(ordered_json list) {
        return list.size() == 1 ? ordered_json(list[0]) : std::move(list);
    }

    void times(ordered_json& o, const Span& s) {
        for (const auto& [key, t] : {std::make_pair("created", s.created), std::make_pair("modified", s.modified)}) {
            const std::optional<std::string> iso = format_time(t);
            if (iso) o[key] = *iso;
            if (t != 0 && (!iso || parse_time(*iso) != t))
                tally_.add("time", "times",
                           iso ? "rounded to the millisecond (xsd:dateTime)" : "left out: before 1970 or after 9999");
        }
    }

    ordered_json span(const Span& s) {
        const Document* d = docs_.find(s.doc);
        ordered_json bodies = ordered_json::array(), motivation = ordered_json::array();
        const auto body = [&](const char* purpose, ordered_json b) {
            motivation.push_back(purpose);
            bodies.push_back(std::move(b));
        };
        body("tagging", ordered_json{{"type", "TextualBody"}, {"purpose", "tagging"}, {"value", label_name(a_, s)}});
        if (const Entity* e = a_.entity(s.entity)) {
            ordered_json extra{{"kind", to_string(e->kind)}, {"aliases", e->aliases}};
            if (!e->external_id.empty()) extra["external_id"] = e->external_id;
            body("identifying", ordered_json{{"type", "SpecificResource"},
                                             {"purpose", "identifying"},
                                             {"source", ordered_json{{"id", entity_iri(*e)},
                                                                     {"type", kind_type(e->kind)},
                                                                     {"name", e->name},
                                                                     {"claimmark", std::move(extra)}}}});
        }
        if (!s.note.empty())
            body("commenting", ordered_json{{"type", "TextualBody"}, {"purpose", "commenting"}, {"value", s.note}});

        ordered_json o{{"id", kSpanPrefix + std::to_string(s.id)},
                       {"type", "Annotation"},
                       {"motivation", one_or_list(std::move(motivation))}};
        times(o, s);
        o["body"] = one_or_list(std::move(bodies));
        ordered_json targets = ordered_json::array();
        for (const Range& r : s.ranges) targets.push_back(target(s.doc, r, d ? &d->text : nullptr));
        o["target"] = one_or_list(std::move(targets));
        if (!s.attributes.empty()) {
            ordered_json attributes = ordered_json::object();
            for (const auto& [key, value] : s.attributes) attributes[key] = value;
            o["claimmark"] = ordered_json{{"attributes", std::move(attributes)}};
        }
        if (!d)
            tally_.add("annotation in a document not given", "annotations in documents not given",
                       "written without TextQuoteSelector (no text to quote)");
        return o;
    }

    static ordered_json relation(const Relation& r) {
        return ordered_json{{"id", kRelationPrefix + std::to_string(r.id)},
                            {"type", "Annotation"},
                            {"motivation", "linking"},
                            {"body", ordered_json{{"type", "TextualBody"}, {"value", to_string(r.type)}}},
                            {"target", ordered_json::array({kSpanPrefix + std::to_string(r.from),
                                                            kSpanPrefix + std::to_string(r.to)})}};
    }

    // A cluster: a linking annotation tagged "claim-cluster" whose targets
    // are its claims' annotations, with its gloss as a describing body.
    static ordered_json cluster(const Cluster& c) {
        ordered_json bodies = ordered_json::array(
            {ordered_json{{"type", "TextualBody"}, {"purpose", "tagging"}, {"value", kClusterTag}}});
        if (!c.gloss.empty())
            bodies.push_back(ordered_json{{"type", "TextualBody"}, {"purpose", "describing"}, {"value", c.gloss}});
        ordered_json targets = ordered_json::array();
        for (Id span : c.claims) targets.push_back(kSpanPrefix + std::to_string(span));
        return ordered_json{{"id", kClusterPrefix + std::to_string(c.id)},
                            {"type", "Annotation"},
                            {"motivation", "linking"},
                            {"body", one_or_list(std::move(bodies))},
                            {"target", std::move(targets)}};
    }

    // A cluster relation: a linking annotation tagged with its type whose
    // targets are the two cluster annotations (from, then to).
    static ordered_json cluster_relation(const ClusterRelation& r) {
        return ordered_json{
            {"id", kClusterRelationPrefix + std::to_string(r.id)},
            {"type", "Annotation"},
            {"motivation", "linking"},
            {"body", ordered_json{{"type", "TextualBody"}, {"purpose", "tagging"}, {"value", to_string(r.type)}}},
            {"target", ordered_json::array({kClusterPrefix + std::to_string(r.from),
                                            kClusterPrefix + std::to_string(r.to)})}};
    }

    ordered_json zone(const Zone& z) const {
        const Document* d = docs_.find(z.doc);
        return ordered_json{{"id", kZonePrefix + std::to_string(z.id)},
                            {"type", "Annotation"},
                            {"motivation", "classifying"},
                            {"body", ordered_json{{"type", "TextualBody"}, {"value", to_string(z.kind)}}},
                            {"target", target(z.doc, z.range, d ? &d->text : nullptr)}};
    }

    const Annotations& a_;
    Documents docs_;
    std::map<std::string, std::string> sources_;  // document id -> "urn:sha256:…"
    Tally tally_;
};

// ============================== reading ==============================

const json* member(const json& o, const char* key) {
    if (!o.is_object()) return nullptr;
    const auto it = o.find(key);
    return it == o.end() ? nullptr : &*it;
}

// JSON-LD allows "id"/"@id" and "type"/"@type".
const json* member_ld(const json& o, const char* key) {
    if (const json* v = member(o, key)) return v;
    return member(o, (std::string("@") + key).c_str());
}

std::string string_of(const json* v) { return v && v->is_string() ? v->get<std::string>() : std::string(); }

// A string or a list of strings (JSON-LD's one-or-many).
std::vector<std::string> strings_of(const json* v) {
    std::vector<std::string> out;
    if (!v) return out;
    if (v->is_string()) out.push_back(v->get<std::string>());
    if (v->is_array())
        for (const json& x : *v)
            if (x.is_string()) out.push_back(x.get<std::string>());
    return out;
}

bool has(const std::vector<std::string>& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

bool has_type(const json& o, const char* type) { return has(strings_of(member_ld(o, "type")), type); }

// Calls f(item, path) for one value or for each value of a list.
template <class F>
void each(const json& v, const std::string& path, F f) {
    if (v.is_array()) {
        for (size_t k = 0; k < v.size(); ++k) f(v[k], json_at(path, k));
    } else {
        f(v, path);
    }
}

bool as_u32(const json& v, uint32_t& out) {
    if (!v.is_number_unsigned() || v.get<uint64_t>() > UINT32_MAX) return false;
    out = static_cast<uint32_t>(v.get<uint64_t>());
    return true;
}

std::string fold(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

class W3cReader {
public:
    W3cReader(const std::vector<Document>& documents, W3cImport& out) : docs_(documents), out_(out) {}

    void run(std::string_view text) {
        json j;
        std::string error;
        if (!parse_json(text, j, error)) {
            fatal("the file is not valid JSON (" + error + ")");
            return;
        }
        std::vector<std::pair<const json*, std::string>> items;
        if (!collect(j, items)) return;

        std::vector<std::pair<const json*, std::string>> links;
        for (const auto& [item, path] : items) {
            if (!item->is_object()) {
                problem(path, "is not an object", "skipped it");
            } else if (!has_type(*item, "Annotation") && member_ld(*item, "type")) {
                problem(path, "is not an Annotation (its \"type\" is " + member_ld(*item, "type")->dump() + ")",
                        "skipped it");
            } else if (is_link(*item)) {
                links.emplace_back(item, path);
            } else {
                read_annotation(*item, path);
            }
        }
        // Clusters before the links between them (and the span links).
        for (const auto& [item, path] : links)
            if (is_cluster(*item)) read_cluster(*item, path);
        for (const auto& [item, path] : links)
            if (!is_cluster(*item)) read_link(*item, path);

        a_.next_id = next_;
        const std::string broken = invariants();
        if (!broken.empty()) {  // a bug here, not in the file: never hand over a broken state
            fatal("the imported state breaks a rule of the model (" + broken.substr(0, broken.find('\n')) + ")");
            return;
        }
        out_.annotations = std::move(a_);
        out_.ok = true;
    }

private:
    void problem(const std::string& path, const std::string& what, const std::string& done) {
        out_.problems.push_back(ImportProblem{path, what, done, false});
    }
    void fatal(const std::string& what) {
        out_.problems.push_back(ImportProblem{"", what, "nothing was loaded", true});
    }

    // --- the file's shape ---

    // The annotations of a collection (its embedded pages), a page, one
    // annotation or a list; false (fatal) when it is none of these.
    bool collect(const json& j, std::vector<std::pair<const json*, std::string>>& items) {
        if (j.is_array()) {
            for (size_t k = 0; k < j.size(); ++k) items.emplace_back(&j[k], json_at("", k));
            return true;
        }
        if (!j.is_object()) {
            fatal("the file is not W3C Web Annotation JSON: it must be an object or a list");
            return false;
        }
        if (has_type(j, "AnnotationCollection")) {
            read_extension(j);
            const json* page = member(j, "first");
            std::string path = "/first";
            if (!page) return true;  // an empty collection
            for (int n = 0; page; ++n) {
                if (!page->is_object()) {
                    fatal("the collection's pages are not in the file (" + path +
                          " is a link): fetch the pages and import them");
                    return false;
                }
                page_items(*page, path, items);
                page = member(*page, "next");
                path += "/next";
                if (n > 10000) break;
            }
            return true;
        }
        if (has_type(j, "AnnotationPage")) {
            page_items(j, "", items);
            return true;
        }
        if (has_type(j, "Annotation") || member(j, "target")) {
            items.emplace_back(&j, "");
            return true;
        }
        fatal("the file is not W3C Web Annotation JSON: no Annotation, AnnotationPage or AnnotationCollection");
        return false;
    }

    void page_items(const json& page, const std::string& path,
                    std::vector<std::pair<const json*, std::string>>& items) {
        const json* list = member(page, "items");
        if (!list) return;
        if (!list->is_array()) {
            problem(json_at(path, "items"), "\"items\" is not a list", "ignored it");
            return;
        }
        for (size_t k = 0; k < list->size(); ++k) items.emplace_back(&(*list)[k], json_at(json_at(path, "items"), k));
    }

    // The collection's "claimmark" details, when ClaimMark wrote the file.
    void read_extension(const json& j) {
        const json* ext = member(j, "claimmark");
        if (!ext) return;
        if (!ext->is_object()) {
            problem("/claimmark", "is not an object", "ignored it");
            return;
        }
        if (const json* documents = member(*ext, "documents"); documents && documents->is_array()) {
            for (const json& d : *documents) {
                const std::string source = string_of(member(d, "source")), id = string_of(member(d, "id"));
                if (!source.empty() && !id.empty()) source_ids_.emplace(source, id);
            }
        }
        const json* labels = member(*ext, "labels");
        if (!labels || !labels->is_array()) return;
        for (size_t k = 0; k < labels->size(); ++k) {
            const json& l = (*labels)[k];
            const std::string path = json_at("/claimmark/labels", k);
            const std::string name = string_of(member(l, "name"));
            if (name.empty() || find_label(name)) {
                problem(path,
                        name.empty() ? "the label has no name" : "the label " + short_quote(name) + " is listed twice",
                        "skipped it");
                continue;
            }
            Label& added = add_label(name);
            const std::string color = string_of(member(l, "color"));
            if (!color.empty() && !parse_color(color, added.color))
                problem(json_at(path, "color"),
                        "\"color\" must be a colour like \"#E69F00\", not " + short_quote(color),
                        "used " + format_color(added.color));
            const std::string role = string_of(member(l, "role"));
            if (!role.empty() && !parse(role, added.role))
                problem(json_at(path, "role"),
                        "\"role\" must be claim, speaker, source or other, not " + short_quote(role),
                        std::string("used ") + to_string(added.role));
        }
    }

    // --- labels, entities, documents ---

    Label* find_label(const std::string& name) {
        for (Label& l : a_.labels)
            if (l.name == name) return &l;
        return nullptr;
    }

    // A new label: the next suggested colour; the role its name says
    // ("claim", "speaker", "source" in any case), else other.
    Label& add_label(const std::string& name) {
        Label l;
        l.id = next_++;
        l.name = name;
        l.color = suggested_label_color(a_.labels.size());
        if (!parse(fold(name), l.role)) l.role = LabelRole::Other;
        a_.labels.push_back(l);
        return a_.labels.back();
    }

    Id label_for(const std::string& name) {
        Label* l = find_label(name);
        return l ? l->id : add_label(name).id;
    }

    // The entity an identifying body names; one per source IRI.
    Id entity_for(const json& source) {
        std::string iri = source.is_string() ? source.get<std::string>() : string_of(member_ld(source, "id"));
        std::string name = string_of(member(source, "name"));
        if (name.empty()) name = string_of(member(source, "label"));
        const std::string qid = wikidata_qid(iri);
        if (name.empty()) name = qid.empty() ? iri : qid;
        if (name.empty()) return kNoId;
        const std::string key = iri.empty() ? "name:" + name : iri;
        if (const auto it = entity_keys_.find(key); it != entity_keys_.end()) return it->second;

        Entity e;
        e.id = next_++;
        e.name = name;
        const std::string type = string_of(member_ld(source, "type"));
        e.kind = type == "Organization" ? EntityKind::Organisation
                 : type == "Text"       ? EntityKind::Document
                                        : EntityKind::Person;
        e.external_id = !qid.empty() ? qid : starts_with(iri, kEntityPrefix) ? std::string() : iri;
        if (const json* ext = member(source, "claimmark")) {
            const std::string kind = string_of(member(*ext, "kind"));
            if (!kind.empty()) parse(kind, e.kind);
            if (const json* ext_id = member(*ext, "external_id"); ext_id && ext_id->is_string())
                e.external_id = ext_id->get<std::string>();
            if (const json* aliases = member(*ext, "aliases"))
                for (const std::string& alias : strings_of(aliases))
                    if (!alias.empty() && alias != e.name && !has(e.aliases, alias)) e.aliases.push_back(alias);
        }
        entity_keys_.emplace(key, e.id);
        a_.entities.emplace(e.id, e);
        return e.id;
    }

    const std::string& sha256_of(const Document& d) {
        auto it = hashes_.find(&d);
        if (it == hashes_.end()) it = hashes_.emplace(&d, sha256_hex(d.text.utf8())).first;
        return it->second;
    }

    const Document* by_id(const std::string& id) const { return docs_.find(id); }

    // The given document a target's source names, or null.
    const Document* document_of(const std::string& source, const std::string& path) {
        const auto named = source_ids_.find(source);
        const std::string id = named != source_ids_.end()        ? named->second
                               : starts_with(source, kDocPrefix) ? source.substr(std::string(kDocPrefix).size())
                                                                 : std::string();
        if (starts_with(source, kShaPrefix)) {
            const std::string hex = source.substr(std::string(kShaPrefix).size());
            const Document* same_id = by_id(id);
            if (same_id && sha256_of(*same_id) == hex) return same_id;
            for (const Document& d : docs_.all())
                if (sha256_of(d) == hex) return &d;
            if (same_id && changed_.insert(source).second)
                problem(path,
                        "the text of document " + short_quote(id) + " is not the one annotated (its SHA-256 differs)",
                        "re-anchored its annotations by their quotes where needed");
        }
        return by_id(id);
    }

    // --- annotations ---

    static bool is_link(const json& o) {
        if (!has(strings_of(member(o, "motivation")), "linking")) return false;
        const json* target = member(o, "target");
        if (!target) return false;
        bool all_iris = true;
        each(*target, "", [&](const json& t, const std::string&) {
            all_iris = all_iris && (t.is_string() || (t.is_object() && !member(t, "source") && !member(t, "selector")));
        });
        return all_iris;
    }

    struct Placed {
        const Document* doc = nullptr;
        std::vector<Range> ranges;
        std::string source, exact, why;  // why: set when it cannot be placed
    };

    // The ranges an annotation's targets name, placed in one document.
    Placed place(const json& target, const std::string& path) {
        Placed p;
        each(target, json_at(path, "target"), [&](const json& t, const std::string& tpath) {
            if (!p.why.empty()) return;
            const json* src = member(t, "source");
            const std::string source =
                t.is_string() ? t.get<std::string>()
                : src         ? (src->is_string() ? src->get<std::string>() : string_of(member_ld(*src, "id")))
                              : string_of(member_ld(t, "id"));
            if (p.source.empty()) p.source = source;
            if (!src || t.is_string()) {
                p.why = "it targets " + (source.empty() ? std::string("nothing") : "\"" + source + "\"") +
                        " as a whole, not a part of a text";
                return;
            }
            const Document* d = document_of(source, tpath);
            if (!d) {
                p.why = "its document \"" + source + "\" is not open";
                return;
            }
            if (p.doc && d != p.doc) {
                problem(tpath, "the target is in another document than the annotation's first target",
                        "left this target out");
                return;
            }
            p.doc = d;
            std::optional<Range> position;
            std::optional<Quote> quote;
            std::string spath = json_at(tpath, "selector");
            const json* selector = member(t, "selector");
            if (selector) {
                each(*selector, spath, [&](const json& s, const std::string&) {
                    if (has_type(s, "TextPositionSelector")) {
                        Range r;
                        const json* start = member(s, "start");
                        const json* end = member(s, "end");
                        if (start && end && as_u32(*start, r.start) && as_u32(*end, r.end)) position = r;
                    } else if (has_type(s, "TextQuoteSelector") && member(s, "exact")) {
                        quote = Quote{string_of(member(s, "exact")), string_of(member(s, "prefix")),
                                      string_of(member(s, "suffix"))};
                    }
                });
            }
            if (quote && p.exact.empty()) p.exact = quote->exact;
            const Anchoring found = anchor(d->text, position, quote);
            if (!found.range) {
                p.why = found.what;
                return;
            }
            if (!found.what.empty()) problem(tpath, found.what, found.done);
            p.ranges.push_back(*found.range);
        });
        if (p.why.empty() && p.ranges.empty()) p.why = "it has no target in a text";
        return p;
    }

    void orphan(const std::string& path, const std::string& id, const Placed& p, const std::string& label) {
        out_.orphans.push_back(Orphan{path, id, p.source, label, p.exact, p.why});
        if (!id.empty()) orphan_ids_.insert(id);
        problem(path, "the annotation cannot be placed: " + p.why, "listed it as an orphan");
    }

    double time_of(const json& o, const std::string& path, const char* key) {
        const json* v = member(o, key);
        if (!v) return 0;
        const std::optional<double> t = v->is_string() ? parse_time(v->get<std::string>()) : std::nullopt;
        if (t) return *t;
        problem(json_at(path, key), "\"" + std::string(key) + "\" is not a date and time like 2023-11-14T22:13:20Z",
                "left it unknown");
        return 0;
    }

    void read_annotation(const json& o, const std::string& path) {
        const std::string id = string_of(member_ld(o, "id"));
        const std::vector<std::string> motivation = strings_of(member(o, "motivation"));
        const std::string default_purpose = motivation.size() == 1 ? motivation[0] : std::string();

        std::string tag, note, zone_kind;
        const json* entity_source = nullptr;
        const auto add_note = [&](const std::string& text) {
            if (!text.empty()) note += (note.empty() ? "" : "\n\n") + text;
        };
        if (const json* body = member(o, "body")) {
            each(*body, json_at(path, "body"), [&](const json& b, const std::string& bpath) {
                if (b.is_string()) {
                    problem(bpath, "a body that is only a link (" + short_quote(b.get<std::string>()) + ")",
                            "ignored it");
                    return;
                }
                std::string purpose = string_of(member(b, "purpose"));
                if (purpose.empty()) purpose = default_purpose;
                const json* value = member(b, "value");
                const json* source = member(b, "source");
                if (value && value->is_string()) {
                    ZoneKind k;
                    if (purpose == "tagging" && tag.empty())
                        tag = value->get<std::string>();
                    else if (purpose == "tagging")
                        problem(bpath, "a second tag " + short_quote(value->get<std::string>()),
                                "kept the first, " + short_quote(tag));
                    else if (purpose == "classifying" && parse(value->get<std::string>(), k))
                        zone_kind = value->get<std::string>();
                    else if (purpose.empty() || purpose == "commenting" || purpose == "describing")
                        add_note(value->get<std::string>());
                    else {
                        problem(bpath, "a body with the purpose " + short_quote(purpose), "kept its text in the note");
                        add_note(value->get<std::string>());
                    }
                } else if (source && purpose == "identifying") {
                    if (entity_source)
                        problem(bpath, "a second identifying body", "kept the first");
                    else
                        entity_source = source;
                } else {
                    problem(bpath, "a body ClaimMark cannot hold (neither text nor an identifying resource)",
                            "ignored it");
                }
            });
        }
        if (const json* value = member(o, "bodyValue"); value && value->is_string())
            add_note(value->get<std::string>());

        const json* target = member(o, "target");
        if (!target) {
            Placed none;
            none.why = "it has no target";
            orphan(path, id, none, tag);
            return;
        }
        const Placed p = place(*target, path);
        if (!p.why.empty()) {
            orphan(path, id, p, tag);
            return;
        }

        if (tag.empty() && !zone_kind.empty() && has(motivation, "classifying")) {
            read_zone(p, zone_kind, path);
            return;
        }
        if (!zone_kind.empty())
            problem(json_at(path, "body"), "a zone kind (" + short_quote(zone_kind) + ") on a tagged annotation",
                    "ignored it");
        Span s;
        s.id = next_++;
        s.doc = p.doc->meta.id;
        if (tag.empty()) {
            problem(path, "the annotation has no tagging body", "gave it the label " + short_quote(kUntagged));
            tag = kUntagged;
        }
        s.label = label_for(tag);
        s.ranges = normalise_ranges(p.ranges, p.doc->text.size());
        if (s.ranges != p.ranges)
            problem(json_at(path, "target"), "the targets overlap, touch or are out of order",
                    "sorted and joined them");
        if (entity_source) {
            const Id e = entity_for(*entity_source);
            const Label* label = a_.label(s.label);
            if (!e)
                problem(json_at(path, "body"), "the identifying body has neither an id nor a name", "ignored it");
            else if (!can_have_entity(label->role))
                problem(json_at(path, "body"),
                        "only speaker and source annotations can name an entity (" + short_quote(label->name) +
                            " has the role " + to_string(label->role) + ")",
                        "left the annotation without an entity");
            else
                s.entity = e;
        }
        s.note = note;
        if (const json* ext = member(o, "claimmark")) {
            if (const json* attributes = member(*ext, "attributes"); attributes && attributes->is_object())
                for (const auto& [key, value] : attributes->items())
                    if (!key.empty() && value.is_string() && !value.get<std::string>().empty())
                        s.attributes[key] = value.get<std::string>();
        }
        s.created = time_of(o, path, "created");
        s.modified = time_of(o, path, "modified");
        if (!id.empty()) {
            if (!spans_by_iri_.emplace(id, s.id).second)
                problem(json_at(path, "id"), "id " + short_quote(id) + " is used twice", "links name the first");
        }
        a_.spans.emplace(s.id, std::move(s));
    }

    void read_zone(const Placed& p, const std::string& kind, const std::string& path) {
        Zone z;
        z.id = next_++;
        z.doc = p.doc->meta.id;
        z.range = Range{p.ranges.front().start, p.ranges.back().end};
        parse(kind, z.kind);
        if (p.ranges.size() > 1)
            problem(json_at(path, "target"), "a zone with several targets", "made one zone from the first to the last");
        for (const auto& entry : a_.zones) {
            const Zone& x = entry.second;
            if (x.doc == z.doc && x.range.start < z.range.end && z.range.start < x.range.end) {
                problem(path, "the zone overlaps an earlier one", "skipped this zone");
                return;
            }
        }
        a_.zones.emplace(z.id, z);
    }

    // --- clusters ---

    // A linking annotation with a "claim-cluster" tag.
    static bool is_cluster(const json& o) {
        bool tagged = false;
        if (const json* body = member(o, "body"))
            each(*body, "", [&](const json& b, const std::string&) {
                tagged = tagged || (string_of(member(b, "purpose")) == "tagging" &&
                                    string_of(member(b, "value")) == kClusterTag);
            });
        return tagged;
    }

    // The target IRIs of a link, in order.
    static std::vector<std::string> link_ends(const json& o) {
        std::vector<std::string> ends;
        if (const json* target = member(o, "target"))
            each(*target, "", [&](const json& t, const std::string&) {
                ends.push_back(t.is_string() ? t.get<std::string>() : string_of(member_ld(t, "id")));
            });
        return ends;
    }

    void read_cluster(const json& o, const std::string& path) {
        const std::string id = string_of(member_ld(o, "id"));
        Cluster c;
        const auto skipped = [&](const std::string& what) {
            problem(path, what, "skipped this cluster");
            if (!id.empty()) skipped_clusters_.insert(id);
        };
        each(*member(o, "body"), json_at(path, "body"), [&](const json& b, const std::string& bpath) {
            const std::string purpose = string_of(member(b, "purpose"));
            const json* value = member(b, "value");
            if (purpose == "tagging") {
                if (!value || !value->is_string() || value->get<std::string>() != kClusterTag)
                    problem(bpath, "a cluster's second tag", "ignored it");
            } else if (value && value->is_string() && (purpose.empty() || purpose == "describing" ||
                                                      purpose == "commenting")) {
                const std::string text = value->get<std::string>();
                if (!text.empty()) c.gloss += (c.gloss.empty() ? "" : "\n\n") + text;
            } else {
                problem(bpath, "a body ClaimMark cannot hold on a cluster", "ignored it");
            }
        });
        const std::vector<std::string> ends = link_ends(o);
        for (size_t k = 0; k < ends.size(); ++k) {
            const std::string at = json_at(json_at(path, "target"), k);
            const auto it = spans_by_iri_.find(ends[k]);
            std::string wrong;
            if (it == spans_by_iri_.end())
                wrong = "annotation " + short_quote(ends[k]) +
                        (orphan_ids_.count(ends[k]) ? " is an orphan" : " is not in the file (or was skipped)");
            else if (role(it->second) != LabelRole::Claim)
                wrong = "annotation " + short_quote(ends[k]) + " is not a claim (its role is " +
                        to_string(role(it->second)) + ")";
            else if (std::find(c.claims.begin(), c.claims.end(), it->second) != c.claims.end())
                wrong = "annotation " + short_quote(ends[k]) + " is listed twice";
            else if (a_.cluster_of(it->second))
                wrong = "annotation " + short_quote(ends[k]) + " is already in another cluster";
            if (!wrong.empty()) {
                problem(at, wrong, "left it out of the cluster");
                continue;
            }
            c.claims.push_back(it->second);
        }
        if (c.claims.empty()) {
            skipped("the cluster has no claims" + std::string(ends.empty() ? "" : " left"));
            return;
        }
        std::sort(c.claims.begin(), c.claims.end());
        c.id = next_++;
        if (!id.empty() && !clusters_by_iri_.emplace(id, c.id).second)
            problem(json_at(path, "id"), "id " + short_quote(id) + " is used twice", "links name the first");
        a_.clusters.emplace(c.id, std::move(c));
    }

    // A link between two clusters: its body names supports or contradicts.
    void read_cluster_link(const std::string& type_name, const std::vector<std::string>& ends,
                           const std::string& path) {
        ClusterRelation r;
        if (!parse(type_name, r.type)) {
            problem(json_at(path, "body"),
                    "a link between clusters needs a body naming supports or contradicts, not " +
                        (type_name.empty() ? std::string("nothing") : short_quote(type_name)),
                    "skipped this link");
            return;
        }
        if (ends.size() != 2) {
            problem(json_at(path, "target"), "a link needs two targets (from, to), not " + std::to_string(ends.size()),
                    "skipped this link");
            return;
        }
        Id ids[2] = {kNoId, kNoId};
        for (size_t k = 0; k < 2; ++k) {
            const auto it = clusters_by_iri_.find(ends[k]);
            if (it != clusters_by_iri_.end()) {
                ids[k] = it->second;
                continue;
            }
            problem(json_at(json_at(path, "target"), k),
                    (skipped_clusters_.count(ends[k]) ? "cluster " + short_quote(ends[k]) + " was skipped"
                                                      : short_quote(ends[k]) + " is not a cluster of the file"),
                    "skipped this link");
            return;
        }
        r.from = ids[0];
        r.to = ids[1];
        std::string wrong;
        if (r.from == r.to)
            wrong = "the link joins a cluster to itself";
        else if (a_.find_cluster_relation(r.type, r.from, r.to))
            wrong = "the link is repeated";
        if (!wrong.empty()) {
            problem(path, wrong, "skipped this link");
            return;
        }
        r.id = next_++;
        a_.cluster_relations.emplace(r.id, r);
    }

    // --- links ---

    void read_link(const json& o, const std::string& path) {
        std::string type_name;
        if (const json* body = member(o, "body"))
            each(*body, json_at(path, "body"), [&](const json& b, const std::string&) {
                if (type_name.empty()) type_name = b.is_string() ? b.get<std::string>() : string_of(member(b, "value"));
            });
        {
            const std::vector<std::string> ends = link_ends(o);
            if (std::any_of(ends.begin(), ends.end(), [this](const std::string& e) {
                    return clusters_by_iri_.count(e) > 0 || skipped_clusters_.count(e) > 0;
                })) {
                read_cluster_link(type_name, ends, path);
                return;
            }
        }
        Relation r;
        if (!parse(type_name, r.type)) {
            problem(json_at(path, "body"),
                    "a link needs a body naming said_by, reported_by, same_claim, supports or contradicts, not " +
                        (type_name.empty() ? std::string("nothing") : short_quote(type_name)),
                    "skipped this link");
            return;
        }
        std::vector<std::string> ends;
        each(*member(o, "target"), "", [&](const json& t, const std::string&) {
            ends.push_back(t.is_string() ? t.get<std::string>() : string_of(member_ld(t, "id")));
        });
        if (ends.size() != 2) {
            problem(json_at(path, "target"), "a link needs two targets (from, to), not " + std::to_string(ends.size()),
                    "skipped this link");
            return;
        }
        Id span_ids[2] = {kNoId, kNoId};
        for (size_t k = 0; k < 2; ++k) {
            const auto it = spans_by_iri_.find(ends[k]);
            if (it != spans_by_iri_.end()) {
                span_ids[k] = it->second;
                continue;
            }
            problem(json_at(json_at(path, "target"), k),
                    "annotation " + short_quote(ends[k]) +
                        (orphan_ids_.count(ends[k]) ? " is an orphan" : " is not in the file (or was skipped)"),
                    "skipped this link");
            return;
        }
        r.from = span_ids[0];
        r.to = span_ids[1];
        const LabelRole from = role(r.from), to = role(r.to);
        std::string wrong;
        if (r.from == r.to)
            wrong = "the link joins an annotation to itself";
        else if (!relation_fits(r.type, from, to))
            wrong = std::string(to_string(r.type)) + " must link a claim to a " +
                    to_string(relation_target_role(r.type)) + " (here: " + to_string(from) + " to " + to_string(to) +
                    ")";
        if (wrong.empty() && !links_.emplace(r.type, r.from, r.to).second) wrong = "the link is repeated";
        if (!wrong.empty()) {
            problem(path, wrong, "skipped this link");
            return;
        }
        r.id = next_++;
        a_.relations.emplace(r.id, r);
    }

    LabelRole role(Id span) const {
        const Label* l = a_.label(a_.span(span)->label);
        return l ? l->role : LabelRole::Other;
    }

    std::string invariants() const {
        Editor check(
            [this](const std::string& doc) -> std::optional<size_t> {
                const Document* d = by_id(doc);
                return d ? std::optional<size_t>(d->text.size()) : std::nullopt;
            },
            nullptr);
        check.reset(a_);
        return check.check_invariants();
    }

    Documents docs_;
    W3cImport& out_;
    Annotations a_;
    Id next_ = 1;
    std::set<std::tuple<RelationType, Id, Id>> links_;  // relations kept, to refuse repeats
    std::map<std::string, std::string> source_ids_;     // target source -> document id (the collection's list)
    std::map<std::string, Id> entity_keys_;             // identifying source IRI -> entity
    std::map<std::string, Id> spans_by_iri_;            // annotation id in the file -> span
    std::map<std::string, Id> clusters_by_iri_;         // cluster annotation id in the file -> cluster
    std::set<std::string> skipped_clusters_;            // cluster annotation ids that were skipped
    std::set<std::string> orphan_ids_;
    std::set<std::string> changed_;  // sources whose text changed (listed once)
    std::map<const Document*, std::string> hashes_;
};

}  // namespace

Export export_w3c(const Annotations& a, const std::vector<Document>& documents) {
    return W3cWriter(a, documents).run();
}

W3cImport import_w3c(std::string_view json_text, const std::vector<Document>& documents) {
    W3cImport out;
    W3cReader(documents, out).run(json_text);
    return out;
}

}  // namespace cm::formats
