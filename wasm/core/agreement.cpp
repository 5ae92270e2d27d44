#include "agreement.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <tuple>

#include "editor.h"

namespace cm {

namespace {

using SpanList = std::vector<const Span*>;

// Position order within a document: start, end, id.
bool position_before(const Span* x, const Span* y) {
    return std::make_tuple(x->start(), x->end(), x->id) < std::make_tuple(y->start(), y->end(), y->id);
}

// Every document's spans in position order, built once per comparison.
std::map<std::string, SpanList> spans_by_doc(const Annotations& a) {
    std::map<std::string, SpanList> out;
    for (const auto& entry : a.spans) out[entry.second.doc].push_back(&entry.second);
    for (auto& entry : out) std::sort(entry.second.begin(), entry.second.end(), position_before);
    return out;
}

const SpanList& spans_of(const std::map<std::string, SpanList>& by_doc, const std::string& doc) {
    static const SpanList kNone;
    const auto it = by_doc.find(doc);
    return it == by_doc.end() ? kNone : it->second;
}

std::map<Id, std::string> label_names(const Annotations& a) {
    std::map<Id, std::string> out;
    for (const Label& l : a.labels) out[l.id] = l.name;
    return out;
}

const std::string& name_in(const std::map<Id, std::string>& names, Id label) {
    static const std::string kNone;
    const auto it = names.find(label);
    return it == names.end() ? kNone : it->second;
}

// The one-to-one matching of two documents' span lists (each in position order).
SpanMatching match_lists(const Annotations& mine, const SpanList& ms, const Annotations& theirs, const SpanList& ts,
                         const MatchOptions& options) {
    const std::map<Id, std::string> mine_names = label_names(mine), their_names = label_names(theirs);
    struct Candidate {
        uint32_t overlap, span_union;
        bool same_label;
        size_t i, j;
    };
    // reach[j]: the furthest end among theirs' first j + 1 spans. It never
    // decreases, so the spans that all end before a start are a prefix.
    std::vector<uint32_t> reach(ts.size());
    for (size_t j = 0; j < ts.size(); ++j) reach[j] = std::max(ts[j]->end(), j ? reach[j - 1] : 0u);
    std::vector<Candidate> candidates;
    for (size_t i = 0; i < ms.size(); ++i) {
        const Span& m = *ms[i];
        const uint32_t m_length = span_length(m);
        const std::string& m_name = name_in(mine_names, m.label);
        const size_t first =
            static_cast<size_t>(std::upper_bound(reach.begin(), reach.end(), m.start()) - reach.begin());
        for (size_t j = first; j < ts.size() && ts[j]->start() < m.end(); ++j) {
            const Span& t = *ts[j];
            if (t.end() <= m.start()) continue;
            const bool same_label = m_name == name_in(their_names, t.label);
            if (options.same_label && !same_label) continue;
            if (options.mode == MatchMode::Exact && m.ranges != t.ranges) continue;
            const uint32_t overlap = overlap_length(m, t);
            if (overlap == 0) continue;
            candidates.push_back(Candidate{overlap, m_length + span_length(t) - overlap, same_label, i, j});
        }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
        if (x.overlap != y.overlap) return x.overlap > y.overlap;
        if (x.span_union != y.span_union) return x.span_union < y.span_union;
        if (x.same_label != y.same_label) return x.same_label;
        return std::tie(x.i, x.j) < std::tie(y.i, y.j);
    });
    std::vector<size_t> partner(ms.size(), SIZE_MAX);  // mine's index -> theirs' index
    std::vector<bool> taken(ts.size(), false);
    std::vector<const Candidate*> chosen(ms.size(), nullptr);
    for (const Candidate& c : candidates) {
        if (partner[c.i] != SIZE_MAX || taken[c.j]) continue;
        partner[c.i] = c.j;
        taken[c.j] = true;
        chosen[c.i] = &c;
    }
    SpanMatching out;
    for (size_t i = 0; i < ms.size(); ++i) {
        if (!chosen[i]) {
            out.mine_only.push_back(ms[i]->id);
            continue;
        }
        const Span& t = *ts[partner[i]];
        out.pairs.push_back(
            SpanPair{ms[i]->id, t.id, chosen[i]->overlap, ms[i]->ranges == t.ranges, chosen[i]->same_label});
    }
    for (size_t j = 0; j < ts.size(); ++j)
        if (!taken[j]) out.theirs_only.push_back(ts[j]->id);
    return out;
}

void append(SpanMatching& to, SpanMatching from) {
    to.pairs.insert(to.pairs.end(), from.pairs.begin(), from.pairs.end());
    to.mine_only.insert(to.mine_only.end(), from.mine_only.begin(), from.mine_only.end());
    to.theirs_only.insert(to.theirs_only.end(), from.theirs_only.begin(), from.theirs_only.end());
}

SpanMatching match_docs(const Annotations& mine, const std::map<std::string, SpanList>& mine_by_doc,
                        const Annotations& theirs, const std::map<std::string, SpanList>& their_by_doc,
                        const std::vector<std::string>& docs, const MatchOptions& options) {
    SpanMatching out;
    std::set<std::string> seen;  // a document listed twice is compared once
    for (const std::string& doc : docs)
        if (seen.insert(doc).second)
            append(out, match_lists(mine, spans_of(mine_by_doc, doc), theirs, spans_of(their_by_doc, doc), options));
    return out;
}

double ratio(size_t part, size_t whole) {
    return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

void add_counts(Prf& p, const Prf& q) {
    p.both += q.both;
    p.mine_only += q.mine_only;
    p.theirs_only += q.theirs_only;
}

Prf with_scores(const Prf& counts) { return make_prf(counts.both, counts.mine_only, counts.theirs_only); }

// Label-aware scores (per name and overall) from a same_label matching, plus
// the label-blind score from the matching that ignores labels.
SpanScores span_scores(const Annotations& mine, const Annotations& theirs, const SpanMatching& by_label,
                       const SpanMatching& any_label) {
    const std::map<Id, std::string> mine_names = label_names(mine), their_names = label_names(theirs);
    SpanScores out;
    for (const SpanPair& p : by_label.pairs) ++out.by_label[name_in(mine_names, mine.span(p.mine)->label)].both;
    for (Id id : by_label.mine_only) ++out.by_label[name_in(mine_names, mine.span(id)->label)].mine_only;
    for (Id id : by_label.theirs_only) ++out.by_label[name_in(their_names, theirs.span(id)->label)].theirs_only;
    Prf overall;
    for (auto& entry : out.by_label) {
        add_counts(overall, entry.second);
        entry.second = with_scores(entry.second);
    }
    out.overall = with_scores(overall);
    out.any_label = make_prf(any_label.pairs.size(), any_label.mine_only.size(), any_label.theirs_only.size());
    return out;
}

std::optional<LabelRole> role_of(const Annotations& a, Id span) {
    const Span* s = a.span(span);
    const Label* l = s ? a.label(s->label) : nullptr;
    return l ? std::optional<LabelRole>(l->role) : std::nullopt;
}

RelationAgreement relation_agreement(const Annotations& mine, const std::set<Id>& mine_scope,
                                     const Annotations& theirs, const std::set<Id>& their_scope,
                                     const SpanMatching& matching) {
    std::map<Id, Id> to_theirs, to_mine;
    for (const SpanPair& p : matching.pairs) {
        to_theirs[p.mine] = p.theirs;
        to_mine[p.theirs] = p.mine;
    }
    const auto in = [](const std::set<Id>& scope, const Relation& r) {
        return scope.count(r.from) != 0 && scope.count(r.to) != 0;
    };
    const auto mapped = [](const std::map<Id, Id>& m, const Relation& r) {
        return m.count(r.from) != 0 && m.count(r.to) != 0;
    };
    using Key = std::tuple<RelationType, Id, Id>;  // in theirs' span ids
    std::map<Key, size_t> their_keys;              // a count, in case a file repeats a relation
    size_t their_all = 0, their_matched = 0;
    for (const auto& entry : theirs.relations) {
        const Relation& r = entry.second;
        if (!in(their_scope, r)) continue;
        ++their_all;
        if (!mapped(to_mine, r)) continue;
        ++their_matched;
        ++their_keys[Key{r.type, r.from, r.to}];
    }
    size_t mine_all = 0, mine_matched = 0, both = 0;
    for (const auto& entry : mine.relations) {
        const Relation& r = entry.second;
        if (!in(mine_scope, r)) continue;
        ++mine_all;
        if (!mapped(to_theirs, r)) continue;
        ++mine_matched;
        const auto it = their_keys.find(Key{r.type, to_theirs.at(r.from), to_theirs.at(r.to)});
        if (it != their_keys.end() && it->second > 0) {
            --it->second;
            ++both;
        }
    }
    RelationAgreement out;
    out.on_matched_spans = make_prf(both, mine_matched - both, their_matched - both);
    out.all = make_prf(both, mine_all - both, their_all - both);
    return out;
}

EntityAgreement entity_agreement(const Annotations& mine, const Annotations& theirs, const SpanMatching& matching) {
    EntityAgreement out;
    for (const SpanPair& p : matching.pairs) {
        const auto mine_role = role_of(mine, p.mine), their_role = role_of(theirs, p.theirs);
        if (!mine_role || !their_role || !can_have_entity(*mine_role) || !can_have_entity(*their_role)) continue;
        ++out.pairs;
        const Entity* m = mine.entity(mine.span(p.mine)->entity);
        const Entity* t = theirs.entity(theirs.span(p.theirs)->entity);
        if (m && t)
            ++(same_entity(*m, *t) ? out.same : out.different);
        else if (m)
            ++out.mine_only_linked;
        else if (t)
            ++out.theirs_only_linked;
        else
            ++out.neither_linked;
    }
    out.agreement = ratio(out.same, out.pairs - out.neither_linked);
    return out;
}

std::set<Id> span_ids_in(const std::map<std::string, SpanList>& by_doc, const std::vector<std::string>& docs) {
    std::set<Id> out;
    for (const std::string& doc : docs)
        for (const Span* s : spans_of(by_doc, doc)) out.insert(s->id);
    return out;
}

// --- adjudication ---

// A label or entity of mine for one of theirs: an existing id, or one to create.
struct Target {
    Id id = kNoId;
    bool create = false;
};

Target label_for(const Annotations& mine, const Label& their) {
    for (const Label& l : mine.labels)
        if (l.name == their.name) return Target{l.id, false};
    return Target{kNoId, true};
}

Target entity_for(const Annotations& mine, const Entity& their) {
    for (const auto& [id, e] : mine.entities)
        if (e.name == their.name) return Target{id, false};
    for (const auto& [id, e] : mine.entities)
        if (same_entity(e, their)) return Target{id, false};
    return Target{kNoId, true};
}

// Aliases as the editor stores them: no empty ones, no repeats, not the name.
std::vector<std::string> tidy_aliases(const Entity& e) {
    std::vector<std::string> out;
    for (const std::string& s : e.aliases)
        if (!s.empty() && s != e.name && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    return out;
}

std::vector<Range> tidy_ranges(const std::vector<Range>& ranges) {
    return normalise_ranges(ranges, std::numeric_limits<uint32_t>::max());
}

// Creates in `next` the label or entity of theirs that mine lacks.
Id planned_label(Annotations& next, const Target& target, const Label& their) {
    if (!target.create) return target.id;
    const Id id = next.next_id++;
    next.labels.push_back(Label{id, their.name, their.color, their.role});
    return id;
}

Id planned_entity(Annotations& next, const Target& target, const Entity* their) {
    if (!their) return kNoId;
    if (!target.create) return target.id;
    const Id id = next.next_id++;
    next.entities[id] = Entity{id, their->name, their->kind, tidy_aliases(*their), their->external_id};
    return id;
}

}  // namespace

uint32_t span_length(const Span& s) {
    uint32_t n = 0;
    for (const Range& r : s.ranges) n += r.empty() ? 0 : r.end - r.start;
    return n;
}

uint32_t overlap_length(const Span& a, const Span& b) {
    // Both range lists are sorted and disjoint: one merge pass.
    uint32_t n = 0;
    size_t i = 0, j = 0;
    while (i < a.ranges.size() && j < b.ranges.size()) {
        const Range &x = a.ranges[i], &y = b.ranges[j];
        const uint32_t lo = std::max(x.start, y.start), hi = std::min(x.end, y.end);
        if (hi > lo) n += hi - lo;
        if (x.end < y.end)
            ++i;
        else
            ++j;
    }
    return n;
}

SpanMatching match_spans(const Annotations& mine, const Annotations& theirs, const std::string& doc,
                         const MatchOptions& options) {
    return match_lists(mine, mine.spans_in(doc), theirs, theirs.spans_in(doc), options);
}

SpanMatching match_documents(const Annotations& mine, const Annotations& theirs,
                             const std::vector<std::string>& docs, const MatchOptions& options) {
    return match_docs(mine, spans_by_doc(mine), theirs, spans_by_doc(theirs), docs, options);
}

std::vector<std::string> annotated_documents(const Annotations& mine, const Annotations& theirs) {
    std::set<std::string> docs;
    for (const auto& entry : mine.spans) docs.insert(entry.second.doc);
    for (const auto& entry : theirs.spans) docs.insert(entry.second.doc);
    return std::vector<std::string>(docs.begin(), docs.end());
}

std::string label_name(const Annotations& a, const Span& s) {
    const Label* l = a.label(s.label);
    return l ? l->name : std::string();
}

bool same_entity(const Entity& a, const Entity& b) {
    const auto names = [](const Entity& e) {
        std::set<std::string> out(e.aliases.begin(), e.aliases.end());
        out.insert(e.name);
        out.erase(std::string());
        return out;
    };
    const std::set<std::string> x = names(a), y = names(b);
    return std::any_of(x.begin(), x.end(), [&y](const std::string& s) { return y.count(s) != 0; });
}

Prf make_prf(size_t both, size_t mine_only, size_t theirs_only) {
    Prf p;
    p.both = both;
    p.mine_only = mine_only;
    p.theirs_only = theirs_only;
    p.precision = ratio(both, both + mine_only);
    p.recall = ratio(both, both + theirs_only);
    p.f1 = ratio(2 * both, 2 * both + mine_only + theirs_only);
    return p;
}

LabelAgreement label_agreement(const std::vector<std::pair<std::string, std::string>>& pairs) {
    LabelAgreement out;
    std::set<std::string> names;
    for (const auto& [m, t] : pairs) {
        names.insert(m);
        names.insert(t);
    }
    out.categories.assign(names.begin(), names.end());
    const size_t k = out.categories.size();
    out.table.assign(k, std::vector<size_t>(k, 0));
    const auto index = [&out](const std::string& name) {
        return static_cast<size_t>(std::lower_bound(out.categories.begin(), out.categories.end(), name) -
                                   out.categories.begin());
    };
    for (const auto& [m, t] : pairs) ++out.table[index(m)][index(t)];
    out.pairs = pairs.size();
    if (out.pairs == 0) return out;
    // Marginals in integers, so "expected is exactly 1" is an exact test.
    uint64_t chance = 0;  // sum over categories of mine's count * theirs' count
    for (size_t c = 0; c < k; ++c) {
        uint64_t row = 0, column = 0;
        for (size_t d = 0; d < k; ++d) {
            row += out.table[c][d];
            column += out.table[d][c];
        }
        chance += row * column;
        out.agreeing += out.table[c][c];
    }
    const uint64_t n = out.pairs;
    const double total = static_cast<double>(n);
    out.observed = static_cast<double>(out.agreeing) / total;
    out.expected = static_cast<double>(chance) / (total * total);
    if (chance == n * n)
        out.kappa = 1.0;  // one category on both sides: every pair agrees
    else
        out.kappa = (out.observed - out.expected) / (1.0 - out.expected);
    return out;
}

AgreementReport compare_annotations(const Annotations& mine, const Annotations& theirs,
                                    const AgreementOptions& options) {
    AgreementReport out;
    out.documents = options.documents.empty() ? annotated_documents(mine, theirs) : options.documents;
    const auto mine_by_doc = spans_by_doc(mine), their_by_doc = spans_by_doc(theirs);
    const auto match = [&](MatchMode mode, bool same_label) {
        return match_docs(mine, mine_by_doc, theirs, their_by_doc, out.documents, MatchOptions{mode, same_label});
    };
    const SpanMatching overlap_blind = match(MatchMode::Overlap, false);
    out.exact = span_scores(mine, theirs, match(MatchMode::Exact, true), match(MatchMode::Exact, false));
    out.overlap = span_scores(mine, theirs, match(MatchMode::Overlap, true), overlap_blind);

    std::vector<std::pair<std::string, std::string>> names;
    for (const SpanPair& p : overlap_blind.pairs)
        names.emplace_back(label_name(mine, *mine.span(p.mine)), label_name(theirs, *theirs.span(p.theirs)));
    out.labels = label_agreement(names);

    out.relations = relation_agreement(mine, span_ids_in(mine_by_doc, out.documents), theirs,
                                       span_ids_in(their_by_doc, out.documents), overlap_blind);
    out.entities = entity_agreement(mine, theirs, overlap_blind);
    return out;
}

std::vector<DiffItem> diff_document(const Annotations& mine, const Annotations& theirs, const std::string& doc,
                                    MatchMode mode) {
    const SpanMatching m = match_spans(mine, theirs, doc, MatchOptions{mode, false});
    std::vector<DiffItem> out;
    for (const SpanPair& p : m.pairs) {
        const Span &x = *mine.span(p.mine), &y = *theirs.span(p.theirs);
        out.push_back(DiffItem{DiffKind::Both, p.mine, p.theirs, std::min(x.start(), y.start()),
                               std::max(x.end(), y.end()), p.same_label, p.same_ranges});
    }
    for (Id id : m.mine_only) {
        const Span& s = *mine.span(id);
        out.push_back(DiffItem{DiffKind::MineOnly, id, kNoId, s.start(), s.end(), false, false});
    }
    for (Id id : m.theirs_only) {
        const Span& s = *theirs.span(id);
        out.push_back(DiffItem{DiffKind::TheirsOnly, kNoId, id, s.start(), s.end(), false, false});
    }
    std::sort(out.begin(), out.end(), [](const DiffItem& x, const DiffItem& y) {
        return std::make_tuple(x.start, x.end, x.kind, x.mine, x.theirs) <
               std::make_tuple(y.start, y.end, y.kind, y.mine, y.theirs);
    });
    return out;
}

Id adopt_theirs(Editor& editor, const Annotations& theirs, Id their_span) {
    const Span* ts = theirs.span(their_span);
    const Label* tl = ts ? theirs.label(ts->label) : nullptr;
    if (!tl) return kNoId;
    const Annotations& mine = editor.annotations();
    const Target label = label_for(mine, *tl);
    const LabelRole role = label.create ? tl->role : mine.label(label.id)->role;
    const Entity* te = can_have_entity(role) ? theirs.entity(ts->entity) : nullptr;
    const Target entity = te ? entity_for(mine, *te) : Target{};

    // The whole change as one undoable step: replace_all checks every
    // invariant and changes nothing if it is refused.
    Annotations next = mine;
    Span s;
    s.label = planned_label(next, label, *tl);
    s.entity = planned_entity(next, entity, te);
    s.id = next.next_id++;
    s.doc = ts->doc;
    s.ranges = tidy_ranges(ts->ranges);
    s.note = ts->note;
    for (const auto& [key, value] : ts->attributes)
        if (!value.empty()) s.attributes[key] = value;
    s.created = s.modified = editor.now();
    next.spans[s.id] = s;
    if (!editor.replace_all(std::move(next), "Adopt their span")) return kNoId;
    return s.id;
}

bool adopt_theirs_pair(Editor& editor, const Annotations& theirs, Id my_span, Id their_span,
                       const AdoptParts& parts) {
    const Annotations& mine = editor.annotations();
    const Span* found = mine.span(my_span);
    const Span* ts = theirs.span(their_span);
    if (!found || !ts) return false;
    const Span ms = *found;  // a copy: the commands below change the map
    const Label* tl = theirs.label(ts->label);
    if (parts.label && !tl) return false;
    const Target label = parts.label ? label_for(mine, *tl) : Target{ms.label, false};
    const Label* existing = label.create ? nullptr : mine.label(label.id);
    if (!label.create && !existing) return false;
    const LabelRole role = label.create ? tl->role : existing->role;
    const std::vector<Range> ranges = parts.ranges ? tidy_ranges(ts->ranges) : ms.ranges;
    // The entity mine should end with: theirs (found or to create), none, or mine's.
    const Entity* te = nullptr;
    Target entity{ms.entity, false};
    if (!can_have_entity(role)) {
        entity = Target{};
    } else if (parts.entity) {
        te = theirs.entity(ts->entity);
        entity = te ? entity_for(mine, *te) : Target{};
    }

    Annotations next = mine;
    const Id label_id = planned_label(next, label, parts.label ? *tl : *existing);
    const Id entity_id = te ? planned_entity(next, entity, te) : entity.id;
    Span& changed = next.spans.at(my_span);
    changed.label = label_id;
    changed.ranges = ranges;
    changed.entity = entity_id;
    // As Editor::relabel_span: a new label drops the relations its role cannot have.
    for (Id r : label_id == ms.label ? std::vector<Id>{} : next.relations_of(my_span)) {
        const Relation& rel = next.relations.at(r);
        const auto from = role_of(next, rel.from), to = role_of(next, rel.to);
        if (!from || !to || !relation_fits(rel.type, *from, *to)) next.relations.erase(r);
    }
    if (next.spans.at(my_span).label == ms.label && next.spans.at(my_span).ranges == ms.ranges &&
        next.spans.at(my_span).entity == ms.entity && next.relations.size() == mine.relations.size() &&
        next.next_id == mine.next_id)
        return true;  // already theirs
    changed.modified = editor.now();
    return editor.replace_all(std::move(next), "Adopt their version");
}

bool drop_mine(Editor& editor, Id my_span) { return editor.delete_span(my_span); }

}  // namespace cm
