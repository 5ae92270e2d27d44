#include "ui/inspector_claim.h"

#include <imgui.h>

#include "core/analysis/attribution.h"
#include "core/analysis/timeline.h"
#include "ui/corpus_views.h"
#include "ui/item_rects.h"
#include "ui/widgets.h"

namespace cm::ui {

namespace {

BoundField& date_field() {
    static BoundField f;
    return f;
}

BoundField::Commit commit_date(Annotator& an) {
    return [&an](Id id, const std::string& text) {
        if (an.refuse_if_read_only()) return;
        if (!text.empty() && !analysis::is_iso_date(text)) {
            an.flash("\xE2\x80\x9C" + text + "\xE2\x80\x9D is not a date: write YYYY, YYYY-MM or YYYY-MM-DD.");
            return;
        }
        an.editor().set_attribute(id, "date", text);
    };
}

}  // namespace

void flush_claim_fields(Annotator& an) { date_field().flush(commit_date(an)); }

std::string cluster_title(const Annotator& an, const Cluster& c, size_t max_chars) {
    if (!c.gloss.empty()) return one_line(c.gloss, max_chars);
    for (const Id id : c.claims)
        if (const Span* s = an.model().span(id))
            return "\xE2\x80\x9C" + one_line(analysis::text_of(an.corpus(), *s), max_chars) + "\xE2\x80\x9D";
    return "(empty)";
}

void draw_claim_date(Annotator& an, const Span& claim) {
    const auto it = claim.attributes.find("date");
    const std::string value = it == claim.attributes.end() ? std::string() : it->second;
    ImGui::AlignTextToFramePadding();
    muted_text("Said on");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    date_field().draw(
        claim.id, value, [](std::string& t) { return input_text_with_hint("##said_on", "YYYY-MM-DD", t); },
        commit_date(an));
    remember_item("inspector:said-on");
    if (ImGui::IsItemHovered() && !ImGui::IsItemActive())
        ImGui::SetTooltip("When it was said, if not on the article's date: the timeline orders claims by it.");
}

void draw_claim_cluster(Annotator& an, const FontSet& fonts, const Span& claim) {
    section_heading(fonts.ui_bold, "Cluster");
    const Annotations& m = an.model();
    if (const Cluster* c = m.cluster(m.cluster_of(claim.id))) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(cluster_title(an, *c, 120).c_str());
        ImGui::PopTextWrapPos();
        muted_text(std::to_string(c->claims.size()) + (c->claims.size() == 1 ? " claim" : " claims"));
        if (ImGui::Button("Show the cluster")) request_corpus_tab(CorpusTab::Clusters, c->id);
        remember_item("inspector:show-cluster");
        ImGui::SameLine();
        if (ImGui::Button("Leave it") && !an.refuse_if_read_only()) an.editor().remove_from_cluster(claim.id);
        remember_item("inspector:leave-cluster");
        return;
    }
    muted_text_wrapped("Group it with the claims of other articles that state the same thing.");
    if (ImGui::Button("New cluster") && !an.refuse_if_read_only()) an.editor().create_cluster("", {claim.id});
    remember_item("inspector:new-cluster");
    ImGui::SameLine();
    ImGui::BeginDisabled(m.clusters.empty());
    if (ImGui::Button("Add to\xE2\x80\xA6")) ImGui::OpenPopup("add_to_cluster");
    remember_item("inspector:add-to-cluster");
    ImGui::EndDisabled();
    if (ImGui::BeginPopup("add_to_cluster")) {
        for (const auto& [id, c] : m.clusters) {
            ImGui::PushID(static_cast<int>(id));
            const bool pick = ImGui::Selectable(cluster_title(an, c).c_str());
            remember_item("inspector:cluster:" + std::to_string(id));
            if (pick && !an.refuse_if_read_only()) an.editor().add_to_cluster(id, claim.id);
            ImGui::PopID();
        }
        ImGui::EndPopup();
    }
}

}  // namespace cm::ui
