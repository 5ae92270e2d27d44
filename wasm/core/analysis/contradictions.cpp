#include "core/analysis/contradictions.h"

#include <algorithm>

#include "core/analysis/attribution.h"

namespace cm::analysis {

namespace {

// Corpus position of a span: (document index, start, id); unknown documents last.
struct Position {
    int doc;
    uint32_t start;
    Id id;
    bool operator<(const Position& o) const {
        if (doc != o.doc) return doc < o.doc;
        return start != o.start ? start < o.start : id < o.id;
    }
};

Position position(const Corpus& corpus, const Span& s) {
    const int i = corpus.index_of(s.doc);
    return {i < 0 ? static_cast<int>(corpus.documents.size()) : i, s.start(), s.id};
}

ContradictionSide side_of_cluster(const Annotations& a, const Corpus& corpus, Id cluster) {
    ContradictionSide s;
    s.cluster = cluster;
    if (const Cluster* c = a.cluster(cluster)) s.gloss = c->gloss;
    s.claims = cluster_claims_in_order(a, corpus, cluster);
    return s;
}

}  // namespace

std::vector<Id> cluster_claims_in_order(const Annotations& a, const Corpus& corpus, Id cluster) {
    std::vector<Id> out;
    const Cluster* c = a.cluster(cluster);
    if (!c) return out;
    std::vector<std::pair<Position, Id>> ordered;
    for (const Id id : c->claims)
        if (const Span* s = a.span(id)) ordered.push_back({position(corpus, *s), id});
    std::sort(ordered.begin(), ordered.end());
    for (const auto& entry : ordered) out.push_back(entry.second);
    return out;
}

std::vector<Contradiction> contradictions(const Annotations& a, const Corpus& corpus) {
    std::vector<Contradiction> out;
    for (const auto& [id, r] : a.cluster_relations) {
        if (r.type != ClusterRelationType::Contradicts) continue;
        out.push_back({id, true, side_of_cluster(a, corpus, r.from), side_of_cluster(a, corpus, r.to)});
    }
    for (const auto& [id, r] : a.relations) {
        if (r.type != RelationType::Contradicts) continue;
        const Span* from = a.span(r.from);
        const Span* to = a.span(r.to);
        if (!from || !to) continue;
        const Id cf = a.cluster_of(r.from), ct = a.cluster_of(r.to);
        if (cf && ct && a.find_cluster_relation(ClusterRelationType::Contradicts, cf, ct)) continue;  // shown above
        Contradiction c;
        c.relation = id;
        c.a.claims = {r.from};
        c.b.claims = {r.to};
        if (cf) c.a.gloss = a.cluster(cf)->gloss;
        if (ct) c.b.gloss = a.cluster(ct)->gloss;
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace cm::analysis
