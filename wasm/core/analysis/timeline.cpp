#include "core/analysis/timeline.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

namespace cm::analysis {

bool is_iso_date(const std::string& s) {
    auto digits = [&](size_t from, size_t n) {
        for (size_t i = from; i < from + n; ++i)
            if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
        return true;
    };
    if (!(s.size() == 4 || s.size() == 7 || s.size() == 10) || !digits(0, 4)) return false;
    if (s.size() == 4) return true;
    if (s[4] != '-' || !digits(5, 2)) return false;
    const int year = std::atoi(s.substr(0, 4).c_str()), month = std::atoi(s.substr(5, 2).c_str());
    if (month < 1 || month > 12) return false;
    if (s.size() == 7) return true;
    if (s[7] != '-' || !digits(8, 2)) return false;
    const int day = std::atoi(s.substr(8, 2).c_str());
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int max = days[month - 1] + (month == 2 && leap ? 1 : 0);
    return day >= 1 && day <= max;
}

bool claims_contradict(const Annotations& a, Id x, Id y) {
    for (const Id rid : a.relations_of(x)) {
        const Relation* r = a.relation(rid);
        if (r && r->type == RelationType::Contradicts && (r->from == y || r->to == y)) return true;
    }
    const Id cx = a.cluster_of(x), cy = a.cluster_of(y);
    return cx && cy && cx != cy && a.find_cluster_relation(ClusterRelationType::Contradicts, cx, cy);
}

Timeline claim_timeline(const Annotations& a, const Corpus& corpus) {
    Timeline t;
    struct Keyed {
        TimelineEntry entry;
        size_t order;  // corpus order, for ties
    };
    std::vector<Keyed> dated;
    const std::vector<const Span*> claims = claims_in_order(a, corpus);
    const LinkIndex links(a);
    for (size_t i = 0; i < claims.size(); ++i) {
        const Span& c = *claims[i];
        TimelineEntry e;
        e.claim = c.id;
        const auto own = c.attributes.find("date");
        if (own != c.attributes.end() && is_iso_date(own->second)) {
            e.date = own->second;
            e.dated_by_claim = true;
        } else if (const Document* d = corpus.find(c.doc); d && is_iso_date(d->meta.date)) {
            e.date = d->meta.date;
        } else {
            ++t.undated;
            continue;
        }
        e.speakers = parties_of(a, corpus, links, c, RelationType::SaidBy);
        e.cluster = a.cluster_of(c.id);
        dated.push_back({std::move(e), i});
    }
    // ISO dates order as strings; a month sorts before its days ("2013-04" < "2013-04-01").
    std::stable_sort(dated.begin(), dated.end(), [](const Keyed& x, const Keyed& y) {
        return x.entry.date != y.entry.date ? x.entry.date < y.entry.date : x.order < y.order;
    });
    // Each claim's contradicting claims, kept when they come earlier.
    std::map<Id, size_t> index;
    for (size_t i = 0; i < dated.size(); ++i) index[dated[i].entry.claim] = i;
    for (size_t i = 0; i < dated.size(); ++i) {
        TimelineEntry& e = dated[i].entry;
        std::set<size_t> earlier;
        auto consider = [&](Id other) {
            const auto it = index.find(other);
            if (it != index.end() && it->second < i) earlier.insert(it->second);
        };
        for (const Relation* r : links.touching(e.claim)) {
            if (r->type == RelationType::Contradicts) consider(r->from == e.claim ? r->to : r->from);
        }
        if (e.cluster)
            for (const Id crid : a.cluster_relations_of(e.cluster)) {
                const ClusterRelation* cr = a.cluster_relation(crid);
                if (!cr || cr->type != ClusterRelationType::Contradicts) continue;
                if (const Cluster* other = a.cluster(cr->from == e.cluster ? cr->to : cr->from))
                    for (const Id member : other->claims) consider(member);
            }
        for (const size_t j : earlier) e.contradicts_earlier.push_back(dated[j].entry.claim);
    }
    for (Keyed& k : dated) t.entries.push_back(std::move(k.entry));
    return t;
}

}  // namespace cm::analysis
