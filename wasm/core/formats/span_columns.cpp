#include "core/formats/span_columns.h"

#include <optional>
#include <set>
#include <tuple>

#include "core/quote_anchor.h"

namespace cm::formats {

namespace {

// Label ids by name; names not yet labels become labels of role Other.
std::vector<Id> label_ids(const std::vector<std::string>& names, Annotations& a) {
    std::vector<Id> ids;
    for (const std::string& name : names) {
        Id id = kNoId;
        for (const Label& l : a.labels)
            if (l.name == name) id = l.id;
        if (id == kNoId && !name.empty()) {
            id = a.next_id++;
            a.labels.push_back(Label{id, name, suggested_label_color(a.labels.size()), LabelRole::Other});
        }
        ids.push_back(id);
    }
    return ids;
}

}  // namespace

ColumnsImport import_columns(const SpanColumns& c, const Document& doc, const Annotations& current) {
    ColumnsImport out;
    const size_t n = c.start.size();
    if (c.end.size() != n || c.label.size() != n || c.exact.size() != n || c.to.size() != c.from.size() ||
        c.relation.size() != c.from.size()) {
        out.problem = "the columns differ in length";
        return out;
    }
    Annotations& a = out.annotations;
    a.labels = current.labels;
    a.next_id = current.next_id;
    const std::vector<Id> labels = label_ids(c.label_names, a);
    const size_t length = doc.text.size();

    std::vector<Id> span_of(n, kNoId);  // column index -> placed span
    for (size_t k = 0; k < n; ++k) {
        const Id label = c.label[k] < labels.size() ? labels[c.label[k]] : kNoId;
        if (label == kNoId) {
            ++out.left_out;
            continue;
        }
        std::optional<Range> position;
        if (c.start[k] < c.end[k] && c.end[k] <= length) position = Range{c.start[k], c.end[k]};
        // The quote is checked where the offsets say; only a mismatch pays for the search.
        if (position && !c.exact[k].empty() && doc.text.slice(position->start, position->end) != c.exact[k]) {
            const Anchoring found = anchor(doc.text, position, Quote{c.exact[k], "", ""});
            position = found.range;
            if (position) ++out.reanchored;
        }
        if (!position) {
            ++out.left_out;
            continue;
        }
        Span s;
        s.id = a.next_id++;
        s.doc = doc.meta.id;
        s.label = label;
        s.ranges = {*position};
        span_of[k] = s.id;
        a.spans.emplace(s.id, std::move(s));
        ++out.placed;
    }

    std::set<std::tuple<RelationType, Id, Id>> linked;  // a link given twice is one link
    for (size_t k = 0; k < c.from.size(); ++k) {
        RelationType type{};
        const bool known = c.relation[k] < c.relation_names.size() && parse(c.relation_names[c.relation[k]], type);
        const Id from = c.from[k] < n ? span_of[c.from[k]] : kNoId, to = c.to[k] < n ? span_of[c.to[k]] : kNoId;
        const Span* fs = a.span(from);
        const Span* ts = a.span(to);
        const Label* fl = fs ? a.label(fs->label) : nullptr;
        const Label* tl = ts ? a.label(ts->label) : nullptr;
        if (!known || !fl || !tl || from == to || !relation_fits(type, fl->role, tl->role)) {
            ++out.relations_left_out;
            continue;
        }
        if (!linked.emplace(type, from, to).second) continue;
        Relation r;
        r.id = a.next_id++;
        r.type = type;
        r.from = from;
        r.to = to;
        a.relations.emplace(r.id, r);
    }
    out.ok = true;
    return out;
}

}  // namespace cm::formats
