#include "ui/contradiction_view.h"

#include <imgui.h>

#include "ui/item_rects.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace cm::ui {

namespace {

constexpr size_t kClaimsPerSide = 6;

}  // namespace

void ContradictionView::refresh(Annotator& an) {
    if (!watch_.changed(an)) return;
    const Annotations& m = an.model();
    const analysis::LinkIndex links(m);
    pairs_.clear();
    auto side = [&](const analysis::ContradictionSide& s) {
        Side out;
        const size_t n = s.claims.size();
        if (s.cluster)
            out.heading = (s.gloss.empty() ? std::string("A cluster") : "\xE2\x80\x9C" + s.gloss + "\xE2\x80\x9D") + "  \xC2\xB7  " +
                          std::to_string(n) + (n == 1 ? " claim" : " claims");
        else
            out.heading = s.gloss.empty() ? std::string("A claim") : "A claim of \xE2\x80\x9C" + s.gloss + "\xE2\x80\x9D";
        for (const Id id : s.claims) out.claims.push_back(make_claim_card(m, an.corpus(), links, id));
        return out;
    };
    for (const analysis::Contradiction& c : analysis::contradictions(m, an.corpus()))
        pairs_.push_back({c, side(c.a), side(c.b)});
}

void ContradictionView::draw_side(Annotator& an, const FontSet& fonts, const Side& side, const char* id) {
    ImGui::PushID(id);
    ImGui::PushFont(fonts.ui_bold);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(side.heading.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    for (size_t i = 0; i < side.claims.size() && i < kClaimsPerSide; ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y * 2));
        draw_claim_card(an, fonts, side.claims[i], "card", 0, "contradiction:claim:" + std::to_string(side.claims[i].claim));
        ImGui::PopID();
    }
    if (side.claims.size() > kClaimsPerSide)
        muted_text("and " + std::to_string(side.claims.size() - kClaimsPerSide) + " more in the Clusters tab");
    ImGui::PopID();
}

void ContradictionView::draw(Annotator& an, const FontSet& fonts) {
    refresh(an);
    ImGui::BeginChild("contradictions_scroll", ImVec2(0, 0), false);
    ImGui::PushFont(fonts.ui_bold);
    ImGui::Text("%zu %s", pairs_.size(), pairs_.size() == 1 ? "contradiction" : "contradictions");
    ImGui::PopFont();
    if (pairs_.empty()) {
        muted_text_wrapped("None marked yet. Link two claims as contradicting (select a claim, L, click the other "
                           "claim, 3), or mark two clusters as contradicting in the Clusters tab.");
        ImGui::EndChild();
        return;
    }
    for (size_t i = 0; i < pairs_.size(); ++i) {
        const Pair& p = pairs_[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::Spacing();
        ImGui::TextColored(ImVec4(0.8f, 0.25f, 0.15f, 1), "%s",
                           p.c.between_clusters ? "These clusters contradict each other" : "These claims contradict each other");
        remember_item("contradiction:" + std::to_string(i));
        const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuter |
                                      ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX;
        if (ImGui::BeginTable("pair", 2, flags)) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            draw_side(an, fonts, p.a, "a");
            ImGui::TableSetColumnIndex(1);
            draw_side(an, fonts, p.b, "b");
            ImGui::EndTable();
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace cm::ui
