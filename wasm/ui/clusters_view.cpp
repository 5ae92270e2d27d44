#include "ui/clusters_view.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>

#include "core/analysis/contradictions.h"
#include "ui/item_rects.h"
#include "ui/theme.h"

namespace cm::ui {

namespace {

const char* relation_words(ClusterRelationType t, bool outgoing) {
    if (t == ClusterRelationType::Contradicts) return "Contradicts";
    return outgoing ? "Supports" : "Supported by";
}

}  // namespace

void ClustersView::refresh(Annotator& an) {
    if (!watch_.changed(an)) return;
    const Annotations& m = an.model();
    const analysis::LinkIndex links(m);
    clusters_.clear();
    unclustered_.clear();
    short_gloss_.clear();
    std::map<Id, size_t> first_position;  // cluster -> order of its first claim
    const std::vector<const Span*> claims = analysis::claims_in_order(m, an.corpus());
    for (size_t i = 0; i < claims.size(); ++i) {
        const Id c = m.cluster_of(claims[i]->id);
        if (c) first_position.emplace(c, i);
        else unclustered_.push_back(make_claim_card(m, an.corpus(), links, claims[i]->id));
    }
    for (const auto& [id, cluster] : m.clusters) {
        ClusterEntry e;
        e.id = id;
        for (const Id claim : analysis::cluster_claims_in_order(m, an.corpus(), id))
            e.claims.push_back(make_claim_card(m, an.corpus(), links, claim));
        for (const Id rid : m.cluster_relations_of(id)) {
            const ClusterRelation* r = m.cluster_relation(rid);
            e.relations.push_back({rid, r->from == id ? r->to : r->from, r->type, r->from == id});
        }
        short_gloss_[id] = !cluster.gloss.empty() ? cluster.gloss
                           : e.claims.empty()     ? std::string("(empty)")
                                                  : "\xE2\x80\x9C" + one_line(e.claims.front().context.text, 48) + "\xE2\x80\x9D";
        clusters_.push_back(std::move(e));
    }
    std::stable_sort(clusters_.begin(), clusters_.end(), [&](const ClusterEntry& a, const ClusterEntry& b) {
        const auto pa = first_position.find(a.id), pb = first_position.find(b.id);
        const size_t xa = pa == first_position.end() ? SIZE_MAX : pa->second;
        const size_t xb = pb == first_position.end() ? SIZE_MAX : pb->second;
        return xa < xb;
    });
    // Ticks on claims that are gone or now clustered go.
    for (auto it = checked_.begin(); it != checked_.end();)
        it = (!m.span(*it) || m.cluster_of(*it)) ? checked_.erase(it) : std::next(it);
}

void ClustersView::relate_menu(Annotator& an, Id cluster, ClusterRelationType type, const char* label) {
    const std::string popup = std::string(label) + "##popup";
    if (ImGui::SmallButton(label)) ImGui::OpenPopup(popup.c_str());
    remember_item(std::string("clusters:") + (type == ClusterRelationType::Contradicts ? "contradicts" : "supports") +
                  ":" + std::to_string(cluster));
    if (!ImGui::BeginPopup(popup.c_str())) return;
    muted_text(type == ClusterRelationType::Contradicts ? "This cluster contradicts\xE2\x80\xA6" : "This cluster supports\xE2\x80\xA6");
    bool any = false;
    for (const ClusterEntry& other : clusters_) {
        if (other.id == cluster) continue;
        any = true;
        ImGui::PushID(static_cast<int>(other.id));
        const bool pick = ImGui::Selectable(short_gloss_[other.id].c_str());
        remember_item("clusters:relate-to:" + std::to_string(other.id));
        if (pick && !an.refuse_if_read_only()) {
            if (an.editor().relate_clusters(type, cluster, other.id)) an.flash("Related the clusters.");
            else an.flash("These clusters are related that way already.");
        }
        ImGui::PopID();
    }
    if (!any) muted_text("No other cluster yet.");
    ImGui::EndPopup();
}

void ClustersView::draw_cluster(Annotator& an, const FontSet& fonts, const ClusterEntry& c) {
    const Cluster* cluster = an.model().cluster(c.id);
    if (!cluster) return;
    ImGui::PushID(static_cast<int>(c.id));
    if (focus_ == c.id) {
        ImGui::SetScrollHereY(0.1f);
        focus_ = kNoId;
    }
    // The gloss: what the claims say, in the reader's words.
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 7);
    gloss_fields_[c.id].draw(
        c.id, cluster->gloss,
        [](std::string& t) { return input_text_with_hint("##gloss", "Gloss: what these claims state", t); },
        [&an](Id id, const std::string& text) {
            if (!an.refuse_if_read_only()) an.editor().set_gloss(id, text);
        });
    remember_item("clusters:gloss:" + std::to_string(c.id));
    ImGui::SameLine();
    if (ImGui::SmallButton("Delete") && !an.refuse_if_read_only()) an.editor().delete_cluster(c.id);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Deletes the cluster and its relations; the claims stay.");
    muted_text(std::to_string(c.claims.size()) + (c.claims.size() == 1 ? " claim" : " claims"));
    for (const ClaimCard& card : c.claims) {
        ImGui::PushID(static_cast<int>(card.claim));
        ImGui::Indent();
        const float width = ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - 8;
        ImGui::BeginGroup();
        draw_claim_card(an, fonts, card, "card", width, "clusters:claim:" + std::to_string(card.claim));
        ImGui::EndGroup();
        ImGui::SameLine();
        if (remove_button("leave", "Take this claim out of the cluster") && !an.refuse_if_read_only())
            an.editor().remove_from_cluster(card.claim);
        remember_item("clusters:leave:" + std::to_string(card.claim));
        ImGui::Spacing();
        ImGui::Unindent();
        ImGui::PopID();
    }
    for (const RelationLine& r : c.relations) {
        ImGui::PushID(static_cast<int>(r.relation));
        const bool contra = r.type == ClusterRelationType::Contradicts;
        ImGui::TextColored(contra ? ImVec4(0.8f, 0.25f, 0.15f, 1) : ImVec4(0.2f, 0.55f, 0.3f, 1), "%s",
                           relation_words(r.type, r.outgoing));
        ImGui::SameLine();
        ImGui::TextUnformatted(short_gloss_[r.other].c_str());
        ImGui::SameLine();
        if (remove_button("unrelate", "Remove this relation") && !an.refuse_if_read_only())
            an.editor().unrelate_clusters(r.relation);
        ImGui::PopID();
    }
    relate_menu(an, c.id, ClusterRelationType::Contradicts, "Contradicts\xE2\x80\xA6");
    ImGui::SameLine();
    relate_menu(an, c.id, ClusterRelationType::Supports, "Supports\xE2\x80\xA6");
    ImGui::PopID();
}

void ClustersView::draw_unclustered(Annotator& an, const FontSet& fonts) {
    section_heading(fonts.ui_bold, ("Claims in no cluster (" + std::to_string(unclustered_.size()) + ")").c_str());
    if (unclustered_.empty()) {
        muted_text_wrapped("Every claim is in a cluster.");
        return;
    }
    // Grouping the ticked claims: into a new cluster, or an existing one.
    const size_t n = checked_.size();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    input_text_with_hint("##new_gloss", "Gloss for a new cluster", new_gloss_);
    remember_item("clusters:new-gloss");
    ImGui::SameLine();
    ImGui::BeginDisabled(n == 0);
    const std::string make = "New cluster from " + std::to_string(n) + (n == 1 ? " claim" : " claims");
    if (ImGui::Button(make.c_str()) && !an.refuse_if_read_only()) {
        const std::vector<Id> ids(checked_.begin(), checked_.end());
        const Id id = an.editor().create_cluster(new_gloss_, ids);
        if (id) {
            checked_.clear();
            new_gloss_.clear();
            focus_ = id;
        }
    }
    remember_item("clusters:create");
    ImGui::SameLine();
    if (ImGui::Button("Add to\xE2\x80\xA6")) ImGui::OpenPopup("add_to");
    remember_item("clusters:add-to");
    ImGui::EndDisabled();
    if (ImGui::BeginPopup("add_to")) {
        for (const ClusterEntry& c : clusters_) {
            ImGui::PushID(static_cast<int>(c.id));
            const bool pick = ImGui::Selectable(short_gloss_[c.id].c_str());
            remember_item("clusters:add-to:" + std::to_string(c.id));
            if (pick && !an.refuse_if_read_only()) {
                an.editor().add_to_cluster(c.id, std::vector<Id>(checked_.begin(), checked_.end()));
                checked_.clear();
                focus_ = c.id;
            }
            ImGui::PopID();
        }
        if (clusters_.empty()) muted_text("No cluster yet.");
        ImGui::EndPopup();
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    input_text_with_hint("##filter", "Filter claims", filter_);
    const std::u32string needle = fold_case(filter_);
    size_t shown = 0;
    for (const ClaimCard& card : unclustered_) {
        if (!needle.empty() && !contains_folded(fold_case(card.context.text), needle) &&
            !contains_folded(fold_case(card.speakers), needle))
            continue;
        if (shown++ >= unclustered_shown_) {
            if (ImGui::Button("Show more")) unclustered_shown_ += 100;
            break;
        }
        ImGui::PushID(static_cast<int>(card.claim));
        bool on = checked_.count(card.claim) > 0;
        if (ImGui::Checkbox("##tick", &on)) {
            if (on) checked_.insert(card.claim);
            else checked_.erase(card.claim);
        }
        remember_item("clusters:tick:" + std::to_string(card.claim));
        ImGui::SameLine();
        ImGui::BeginGroup();
        draw_claim_card(an, fonts, card, "card");
        ImGui::EndGroup();
        ImGui::Spacing();
        ImGui::PopID();
    }
}

void ClustersView::draw(Annotator& an, const FontSet& fonts) {
    refresh(an);
    ImGui::BeginChild("clusters_scroll", ImVec2(0, 0), false);
    ImGui::PushFont(fonts.ui_bold);
    ImGui::Text("%zu %s", clusters_.size(), clusters_.size() == 1 ? "cluster" : "clusters");
    ImGui::PopFont();
    muted_text_wrapped("A cluster groups the claims of several articles that state the same thing. Tick claims "
                       "below and make a cluster, or use the inspector's Cluster section; then mark clusters as "
                       "contradicting or supporting each other.");
    for (const ClusterEntry& c : clusters_) {
        ImGui::Separator();
        ImGui::Spacing();
        draw_cluster(an, fonts, c);
        ImGui::Spacing();
    }
    ImGui::Separator();
    draw_unclustered(an, fonts);
    ImGui::EndChild();
}

}  // namespace cm::ui
