// Claim clusters across articles: each cluster with its gloss, its claims in
// context and its relations to other clusters (contradicts / supports); and
// the claims in no cluster yet, to tick and group. Every action is one
// undoable editor command.
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "ui/annotator.h"
#include "ui/claim_card.h"
#include "ui/fonts.h"
#include "ui/model_watch.h"
#include "ui/widgets.h"

namespace cm::ui {

class ClustersView {
public:
    void draw(Annotator& an, const FontSet& fonts);
    // Scrolls to a cluster on the next frame (from the inspector).
    void focus(Id cluster) { focus_ = cluster; }

private:
    struct RelationLine {
        Id relation = kNoId, other = kNoId;
        ClusterRelationType type = ClusterRelationType::Supports;
        bool outgoing = true;
    };
    struct ClusterEntry {
        Id id = kNoId;
        std::vector<ClaimCard> claims;
        std::vector<RelationLine> relations;
    };
    void refresh(Annotator& an);
    void draw_cluster(Annotator& an, const FontSet& fonts, const ClusterEntry& c);
    void draw_unclustered(Annotator& an, const FontSet& fonts);
    void relate_menu(Annotator& an, Id cluster, ClusterRelationType type, const char* label);

    ModelWatch watch_;
    std::vector<ClusterEntry> clusters_;    // by first claim's position in the corpus
    std::vector<ClaimCard> unclustered_;    // corpus order
    std::map<Id, std::string> short_gloss_; // for menus: the gloss, else the first claim's words
    std::set<Id> checked_;                  // unclustered claims ticked for grouping
    std::string new_gloss_, filter_;
    size_t unclustered_shown_ = 100;
    std::map<Id, BoundField> gloss_fields_;
    Id focus_ = kNoId;
};

}  // namespace cm::ui
