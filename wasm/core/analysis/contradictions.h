// The contradiction view's pairs: every cluster-to-cluster "contradicts"
// relation (each side all the cluster's claims, with its gloss), then every
// claim-to-claim "contradicts" link not already covered by its clusters'
// relation. Each side's claims in corpus order.
#pragma once
#include <string>
#include <vector>

#include "core/annotations.h"
#include "core/corpus.h"

namespace cm::analysis {

struct ContradictionSide {
    Id cluster = kNoId;  // kNoId for a single claim's side
    std::string gloss;
    std::vector<Id> claims;
};

struct Contradiction {
    Id relation = kNoId;  // a ClusterRelation id when between clusters, else a Relation id
    bool between_clusters = false;
    ContradictionSide a, b;
};

std::vector<Contradiction> contradictions(const Annotations& a, const Corpus& corpus);

// The claims of a cluster in corpus order (documents as listed, then position).
std::vector<Id> cluster_claims_in_order(const Annotations& a, const Corpus& corpus, Id cluster);

}  // namespace cm::analysis
