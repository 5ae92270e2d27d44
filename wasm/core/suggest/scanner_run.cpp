// The scan's order (Suggester::run) and its result (finish: overlaps dropped,
// links redirected, sorted), and the public entry points of core/suggest.h.
#include "scanner.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace cm::suggest_detail {

Suggestions Suggester::run() {
    find_limit();
    load_known();
    tokenize();
    n_ = static_cast<int>(tok_.size());
    pair_quotes();
    find_sentences();
    find_runs();
    gather_evidence();
    share_evidence();
    // In document order, so a pronoun resolves against what came before.
    quote_of_open_.assign(tok_.size(), -1);
    for (size_t q = 0; q < quotes_.size(); ++q) quote_of_open_[quotes_[q].open] = static_cast<int>(q);
    quote_claim_.assign(quotes_.size(), ClaimSource{});
    used_.assign(tok_.size(), false);
    speaker_run_.assign(runs_.size(), false);
    for (int i = 0; i < n_; ++i) {
        if (quote_of_open_[i] >= 0) {
            do_quote(quote_of_open_[i]);
            continue;
        }
        if (in_quote_[i] >= 0 || used_[i] || tok_[i].kind != Kind::Word) continue;
        if (tok_[i].low == "according" && i + 1 < n_ && tok_[i + 1].low == "to")
            do_according(i);
        else if (verb_at(i))
            do_indirect(i);
    }
    return finish();
}

// ---- the result ----

bool Suggester::excluded(uint32_t cp) const {
    if (!opt_.known || opt_.doc.empty()) return false;
    const ZoneKind z = opt_.known->zone_at(opt_.doc, cp);
    return z == ZoneKind::Comments || z == ZoneKind::Furniture;
}

Suggestions Suggester::finish() {
    std::vector<Suggestion>& spans = out_.spans;
    const size_t n = spans.size();
    std::vector<size_t> order(n);
    for (size_t i = 0; i < n; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (spans[a].confidence != spans[b].confidence) return spans[a].confidence > spans[b].confidence;
        return spans[a].end() - spans[a].start() > spans[b].end() - spans[b].start();
    });
    std::vector<long> target(n, -1);  // kept: itself; dropped: the span that replaces it, or -2
    std::map<uint32_t, std::pair<uint32_t, size_t>> taken[3];  // per role: start -> (end, span)
    for (size_t i : order) {
        const Suggestion& s = spans[i];
        const int role = static_cast<int>(s.role);
        if (role > 2 || s.ranges.empty()) continue;
        bool zone_out = false;
        for (const Range& r : s.ranges) zone_out = zone_out || excluded(r.start);
        if (zone_out) {
            target[i] = -2;
            continue;
        }
        long clash = -1;
        for (const Range& r : s.ranges) {
            auto it = taken[role].lower_bound(r.end);  // first range starting at or after our end
            if (it != taken[role].begin()) {
                --it;
                if (it->second.first > r.start) clash = static_cast<long>(it->second.second);
            }
            if (clash >= 0) break;
        }
        if (clash >= 0) {
            target[i] = clash;
            continue;
        }
        target[i] = static_cast<long>(i);
        for (const Range& r : s.ranges) taken[role][r.start] = {r.end, i};
    }
    std::vector<size_t> kept;
    for (size_t i = 0; i < n; ++i)
        if (target[i] == static_cast<long>(i)) kept.push_back(i);
    std::sort(kept.begin(), kept.end(), [&](size_t a, size_t b) {
        return std::make_pair(spans[a].start(), spans[a].end()) < std::make_pair(spans[b].start(), spans[b].end());
    });
    std::vector<long> new_index(n, -1);
    for (size_t k = 0; k < kept.size(); ++k) new_index[kept[k]] = static_cast<long>(k);
    Suggestions result;
    for (size_t i : kept) result.spans.push_back(std::move(spans[i]));
    // Links: redirected to the surviving span; one per claim and type
    // (the most confident target), and only between roles that fit.
    std::map<std::pair<size_t, int>, size_t> best;  // (claim, type) -> link
    for (const SuggestedLink& l : out_.links) {
        if (l.from >= n || l.to >= n || target[l.from] < 0 || target[l.to] < 0) continue;
        const long f = new_index[static_cast<size_t>(target[l.from])];
        const long t = new_index[static_cast<size_t>(target[l.to])];
        if (f < 0 || t < 0 || f == t) continue;
        const SuggestedLink nl{static_cast<size_t>(f), static_cast<size_t>(t), l.type};
        if (!relation_fits(nl.type, result.spans[nl.from].role, result.spans[nl.to].role)) continue;
        const auto key = std::make_pair(nl.from, static_cast<int>(nl.type));
        const auto it = best.find(key);
        if (it == best.end()) {
            best.emplace(key, result.links.size());
            result.links.push_back(nl);
        } else if (result.spans[nl.to].confidence > result.spans[result.links[it->second].to].confidence) {
            result.links[it->second] = nl;
        }
    }
    std::sort(result.links.begin(), result.links.end(), [](const SuggestedLink& a, const SuggestedLink& b) {
        return std::make_tuple(a.from, static_cast<int>(a.type), a.to) <
               std::make_tuple(b.from, static_cast<int>(b.type), b.to);
    });
    for (Suggestion& s : result.spans) s.confidence = std::round(s.confidence * 100) / 100;
    return result;
}

}  // namespace cm::suggest_detail

namespace cm {

namespace {

using nlohmann::ordered_json;
using suggest_detail::Suggester;

}  // namespace

Suggestions suggest(const Text& text, const SuggestOptions& options) {
    Suggester s(text, options);
    return s.run();
}

ordered_json suggestions_json(const Text& text, const Suggestions& s) {
    ordered_json spans = ordered_json::array();
    for (size_t i = 0; i < s.spans.size(); ++i) {
        const Suggestion& g = s.spans[i];
        ordered_json ranges = ordered_json::array();
        for (const Range& r : g.ranges)
            ranges.push_back(
                ordered_json{{"start", r.start}, {"end", r.end}, {"exact", std::string(text.slice(r.start, r.end))}});
        ordered_json o{{"index", i}, {"label", to_string(g.role)}, {"ranges", std::move(ranges)}, {"why", g.why},
                       {"confidence", g.confidence}};
        if (!g.entity.empty()) o["entity"] = g.entity;
        if (g.entity_id != kNoId) o["entity_id"] = g.entity_id;
        spans.push_back(std::move(o));
    }
    ordered_json links = ordered_json::array();
    for (const SuggestedLink& l : s.links) links.push_back(ordered_json{{"from", l.from}, {"to", l.to}, {"type", to_string(l.type)}});
    return ordered_json{{"suggestions", std::move(spans)}, {"links", std::move(links)}};
}

std::string suggestions_to_json(const Text& text, const Suggestions& s) {
    // Replace, not throw, on invalid UTF-8 (a Text holds none, but slices are cut by code point anyway).
    return suggestions_json(text, s).dump(2, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace cm
