// Evaluation against hand-labelled gold files (docs/suggestions.md): read_gold,
// score_suggestions and format_scores of core/suggest.h.
#include "core/suggest.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/json_read.h"
#include "lexicon.h"

namespace cm {

namespace {

using nlohmann::json;
using suggest_detail::fold;

bool gold_range(const json& o, const std::string& path, const Text& text, Range& out, std::string& error) {
    const auto t = o.find("text");
    if (t != o.end()) {
        if (!t->is_string() || t->get<std::string>().empty()) {
            error = path + "/text: must be a non-empty string";
            return false;
        }
        const std::string needle = t->get<std::string>();
        size_t occurrence = 0;
        const auto occ = o.find("occurrence");
        if (occ != o.end()) {
            if (!occ->is_number_unsigned()) {
                error = path + "/occurrence: must be a number, 0 for the first";
                return false;
            }
            occurrence = occ->get<size_t>();
        }
        size_t at = text.utf8().find(needle);
        for (size_t k = 0; k < occurrence && at != std::string::npos; ++k) at = text.utf8().find(needle, at + 1);
        if (at == std::string::npos) {
            error = path + "/text: \"" + needle + "\" (occurrence " + std::to_string(occurrence) + ") is not in the text";
            return false;
        }
        out.start = static_cast<uint32_t>(text.cp_of_byte(at));
        out.end = static_cast<uint32_t>(text.cp_of_byte(at + needle.size()));
        return true;
    }
    const auto s = o.find("start");
    const auto e = o.find("end");
    if (s == o.end() || e == o.end() || !s->is_number_unsigned() || !e->is_number_unsigned() ||
        s->get<size_t>() >= e->get<size_t>() || e->get<size_t>() > text.size()) {
        error = path + ": give \"text\" (and \"occurrence\") or \"start\" < \"end\" within the text";
        return false;
    }
    out.start = static_cast<uint32_t>(s->get<size_t>());
    out.end = static_cast<uint32_t>(e->get<size_t>());
    return true;
}

std::string name_of(const Text& text, const std::vector<Range>& ranges, const std::string& entity) {
    if (!entity.empty()) return fold(entity);
    std::string s;
    for (const Range& r : ranges) s += (s.empty() ? "" : " ") + std::string(text.slice(r.start, r.end));
    return fold(s);
}

size_t overlap_size(const std::vector<Range>& a, const std::vector<Range>& b) {
    size_t n = 0;
    for (const Range& x : a)
        for (const Range& y : b)
            if (x.start < y.end && y.start < x.end) n += std::min(x.end, y.end) - std::max(x.start, y.start);
    return n;
}

std::string percent(double v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%5.1f", v * 100);
    return buf;
}

}  // namespace

bool read_gold(std::string_view json_text, const Text& text, Gold& out, std::string& error) {
    out = Gold{};
    json j;
    if (!parse_json(json_text, j, error)) return false;
    if (!j.is_object() || !j.contains("spans") || !j["spans"].is_array()) {
        error = "/spans: the gold file must be an object with a \"spans\" list";
        return false;
    }
    std::map<std::string, size_t> ids;
    const json& spans = j["spans"];
    for (size_t i = 0; i < spans.size(); ++i) {
        const std::string path = json_at("/spans", i);
        const json& o = spans[i];
        GoldSpan g;
        if (!o.is_object() || !o.contains("id") || !o["id"].is_string() || !o.contains("role") || !o["role"].is_string() ||
            !parse(o["role"].get<std::string>(), g.role) || g.role == LabelRole::Other) {
            error = path + ": needs an \"id\" and a \"role\" (claim, speaker or source)";
            return false;
        }
        g.id = o["id"].get<std::string>();
        if (ids.count(g.id)) {
            error = path + "/id: \"" + g.id + "\" is used twice";
            return false;
        }
        if (o.contains("entity")) {
            if (!o["entity"].is_string()) {
                error = path + "/entity: must be a string";
                return false;
            }
            g.entity = o["entity"].get<std::string>();
        }
        if (o.contains("ranges")) {
            if (!o["ranges"].is_array() || o["ranges"].empty()) {
                error = path + "/ranges: must be a non-empty list";
                return false;
            }
            for (size_t k = 0; k < o["ranges"].size(); ++k) {
                Range r;
                if (!o["ranges"][k].is_object()) {
                    error = json_at(path + "/ranges", k) + ": must be an object";
                    return false;
                }
                if (!gold_range(o["ranges"][k], json_at(path + "/ranges", k), text, r, error)) return false;
                g.ranges.push_back(r);
            }
        } else {
            Range r;
            if (!gold_range(o, path, text, r, error)) return false;
            g.ranges.push_back(r);
        }
        std::sort(g.ranges.begin(), g.ranges.end());
        ids.emplace(g.id, out.spans.size());
        out.spans.push_back(std::move(g));
    }
    if (j.contains("links")) {
        const json& links = j["links"];
        if (!links.is_array()) {
            error = "/links: must be a list";
            return false;
        }
        for (size_t i = 0; i < links.size(); ++i) {
            const std::string path = json_at("/links", i);
            const json& o = links[i];
            GoldLink l;
            if (!o.is_object() || !o.contains("from") || !o.contains("to") || !o.contains("type") ||
                !o["from"].is_string() || !o["to"].is_string() || !o["type"].is_string() ||
                !parse(o["type"].get<std::string>(), l.type)) {
                error = path + ": needs \"from\", \"to\" (span ids) and a \"type\" (said_by, reported_by)";
                return false;
            }
            const auto f = ids.find(o["from"].get<std::string>());
            const auto t = ids.find(o["to"].get<std::string>());
            if (f == ids.end() || t == ids.end()) {
                error = path + ": \"from\" or \"to\" is not the id of a span";
                return false;
            }
            l.from = f->second;
            l.to = t->second;
            if (!relation_fits(l.type, out.spans[l.from].role, out.spans[l.to].role)) {
                error = path + ": a " + to_string(l.type) + " link cannot join these roles";
                return false;
            }
            out.links.push_back(l);
        }
    }
    return true;
}

void score_suggestions(const Text& text, const Suggestions& got, const Gold& gold, Scores& into) {
    ++into.documents;
    const size_t ng = got.spans.size(), nk = gold.spans.size();
    std::vector<long> exact_of(ng, -1), overlap_of(ng, -1);  // suggestion -> gold span
    // Exact matches first; overlap matches prefer the largest overlap.
    std::vector<bool> gold_exact(nk, false), gold_overlap(nk, false);
    for (size_t i = 0; i < ng; ++i)
        for (size_t k = 0; k < nk; ++k)
            if (!gold_exact[k] && gold.spans[k].role == got.spans[i].role && gold.spans[k].ranges == got.spans[i].ranges) {
                gold_exact[k] = true;
                exact_of[i] = static_cast<long>(k);
                break;
            }
    for (size_t i = 0; i < ng; ++i) {
        if (exact_of[i] >= 0 && !gold_overlap[static_cast<size_t>(exact_of[i])]) {
            overlap_of[i] = exact_of[i];
            gold_overlap[static_cast<size_t>(exact_of[i])] = true;
        }
    }
    for (size_t i = 0; i < ng; ++i) {
        if (overlap_of[i] >= 0) continue;
        size_t best = 0;
        for (size_t k = 0; k < nk; ++k) {
            if (gold_overlap[k] || gold.spans[k].role != got.spans[i].role) continue;
            const size_t o = overlap_size(got.spans[i].ranges, gold.spans[k].ranges);
            if (o > best) {
                best = o;
                overlap_of[i] = static_cast<long>(k);
            }
        }
        if (overlap_of[i] >= 0) gold_overlap[static_cast<size_t>(overlap_of[i])] = true;
    }
    for (size_t i = 0; i < ng; ++i) {
        const int role = static_cast<int>(got.spans[i].role);
        if (role > 2) continue;
        ++(exact_of[i] >= 0 ? into.exact[role].tp : into.exact[role].fp);
        ++(overlap_of[i] >= 0 ? into.overlap[role].tp : into.overlap[role].fp);
    }
    for (size_t k = 0; k < nk; ++k) {
        const int role = static_cast<int>(gold.spans[k].role);
        if (!gold_exact[k]) ++into.exact[role].fn;
        if (!gold_overlap[k]) ++into.overlap[role].fn;
    }
    // Links.
    auto score_links = [&](const std::vector<long>& map, Counts& c) {
        std::vector<bool> hit(gold.links.size(), false);
        for (const SuggestedLink& l : got.links) {
            bool ok = false;
            if (map[l.from] >= 0 && map[l.to] >= 0)
                for (size_t g = 0; g < gold.links.size() && !ok; ++g)
                    if (!hit[g] && gold.links[g].type == l.type &&
                        gold.links[g].from == static_cast<size_t>(map[l.from]) &&
                        gold.links[g].to == static_cast<size_t>(map[l.to]))
                        hit[g] = ok = true;
            ++(ok ? c.tp : c.fp);
        }
        for (bool h : hit) c.fn += h ? 0 : 1;
    };
    score_links(exact_of, into.links_exact);
    score_links(overlap_of, into.links_overlap);
    std::vector<bool> hit(gold.links.size(), false);
    for (const SuggestedLink& l : got.links) {
        bool ok = false;
        const Suggestion& to = got.spans[l.to];
        const std::string name = name_of(text, to.ranges, to.entity);
        if (overlap_of[l.from] >= 0)
            for (size_t g = 0; g < gold.links.size() && !ok; ++g) {
                const GoldLink& gl = gold.links[g];
                if (hit[g] || gl.type != l.type || gl.from != static_cast<size_t>(overlap_of[l.from])) continue;
                const GoldSpan& gt = gold.spans[gl.to];
                if (name_of(text, gt.ranges, gt.entity) == name) hit[g] = ok = true;
            }
        ++(ok ? into.links_entity.tp : into.links_entity.fp);
    }
    for (bool h : hit) into.links_entity.fn += h ? 0 : 1;
}

std::string format_scores(const Scores& s) {
    std::string out = "documents: " + std::to_string(s.documents) + "\n";
    out += "                          precision  recall     F1     tp    fp    fn\n";
    auto row = [&](const std::string& name, const Counts& c) {
        std::string line = name;
        line.resize(26, ' ');
        line += percent(c.precision()) + "%    " + percent(c.recall()) + "%  " + percent(c.f1()) + "%";
        char buf[48];
        std::snprintf(buf, sizeof buf, "  %5zu %5zu %5zu\n", c.tp, c.fp, c.fn);
        out += line + buf;
    };
    const char* names[3] = {"claim", "speaker", "source"};
    for (int r = 0; r < 3; ++r) row(std::string(names[r]) + " (exact)", s.exact[r]);
    for (int r = 0; r < 3; ++r) row(std::string(names[r]) + " (overlap)", s.overlap[r]);
    row("links (exact ends)", s.links_exact);
    row("links (overlapping ends)", s.links_overlap);
    row("links (by entity)", s.links_entity);
    return out;
}

}  // namespace cm
