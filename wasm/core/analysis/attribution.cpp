#include "core/analysis/attribution.h"

#include <algorithm>
#include <set>

namespace cm::analysis {

namespace {

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == 0xA0; }

}  // namespace

LinkIndex::LinkIndex(const Annotations& a) {
    for (const auto& entry : a.relations) {
        const Relation& r = entry.second;
        from_[r.from].push_back(&r);
        touching_[r.from].push_back(&r);
        if (r.to != r.from) touching_[r.to].push_back(&r);
    }
}

const std::vector<const Relation*>& LinkIndex::from(Id span) const {
    static const std::vector<const Relation*> none;
    const auto it = from_.find(span);
    return it == from_.end() ? none : it->second;
}

const std::vector<const Relation*>& LinkIndex::touching(Id span) const {
    static const std::vector<const Relation*> none;
    const auto it = touching_.find(span);
    return it == touching_.end() ? none : it->second;
}

std::string text_of(const Corpus& corpus, const Span& s) {
    const Document* d = corpus.find(s.doc);
    if (!d) return "";
    std::string out;
    for (const Range& r : s.ranges) {
        if (!out.empty()) out += " \xE2\x80\xA6 ";
        out += d->text.slice(r.start, r.end);
    }
    return out;
}

Party party_of(const Annotations& a, const Corpus& corpus, const Span& span) {
    Party p;
    p.span = span.id;
    if (const Entity* e = a.entity(span.entity)) {
        p.entity = e->id;
        p.name = e->name;
    } else {
        p.name = text_of(corpus, span);
    }
    return p;
}

std::vector<Party> parties_of(const Annotations& a, const Corpus& corpus, const LinkIndex& links, const Span& claim,
                              RelationType type) {
    std::vector<Party> out;
    for (const Relation* r : links.from(claim.id)) {
        if (r->type != type) continue;
        const Span* end = a.span(r->to);
        if (!end) continue;
        Party p = party_of(a, corpus, *end);
        const bool seen = std::any_of(out.begin(), out.end(), [&](const Party& q) {
            return p.entity != kNoId ? q.entity == p.entity : (q.entity == kNoId && q.name == p.name);
        });
        if (!seen) out.push_back(std::move(p));
    }
    return out;
}

std::string join_names(const std::vector<Party>& parties, const char* separator) {
    std::string out;
    for (const Party& p : parties) out += (out.empty() ? "" : separator) + p.name;
    return out;
}

Context context_of(const Corpus& corpus, const Span& s, size_t around) {
    Context c;
    const Document* d = corpus.find(s.doc);
    if (!d || s.ranges.empty()) return c;
    const std::u32string& cps = d->text.codepoints();
    const size_t start = std::min<size_t>(s.start(), cps.size()), end = std::min<size_t>(s.end(), cps.size());
    // Back to the paragraph's start, or `around` code points, then forward to a space.
    size_t b = start;
    while (b > 0 && cps[b - 1] != '\n' && start - b < around) --b;
    const bool cut_before = b > 0 && cps[b - 1] != '\n';
    if (cut_before)
        while (b < start && !is_space(cps[b])) ++b;
    while (b < start && is_space(cps[b])) ++b;
    size_t e = end;
    while (e < cps.size() && cps[e] != '\n' && e - end < around) ++e;
    const bool cut_after = e < cps.size() && cps[e] != '\n';
    if (cut_after)
        while (e > end && !is_space(cps[e - 1])) --e;
    while (e > end && is_space(cps[e - 1])) --e;
    c.before = (cut_before ? "\xE2\x80\xA6" : "") + std::string(d->text.slice(b, start));
    c.text = text_of(corpus, s);
    c.after = std::string(d->text.slice(end, e)) + (cut_after ? "\xE2\x80\xA6" : "");
    return c;
}

std::vector<const Span*> claims_in_order(const Annotations& a, const Corpus& corpus) {
    std::vector<const Span*> out;
    std::set<std::string> listed;
    auto add_doc = [&](const std::string& doc) {
        if (!listed.insert(doc).second) return;
        for (const Span* s : a.spans_in(doc)) {
            const Label* l = a.label(s->label);
            if (l && l->role == LabelRole::Claim) out.push_back(s);
        }
    };
    for (const Document& d : corpus.documents) add_doc(d.meta.id);
    std::set<std::string> others;
    for (const auto& entry : a.spans)
        if (!listed.count(entry.second.doc)) others.insert(entry.second.doc);
    for (const std::string& doc : others) add_doc(doc);
    return out;
}

}  // namespace cm::analysis
