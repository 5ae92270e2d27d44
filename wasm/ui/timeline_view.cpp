#include "ui/timeline_view.h"

#include <imgui.h>

#include "ui/item_rects.h"
#include "ui/rich_text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace cm::ui {

namespace {

constexpr size_t kPage = 300;  // rows drawn before "Show more": each is a wrapped paragraph
const ImU32 kContradiction = IM_COL32(200, 64, 38, 255);

}  // namespace

void TimelineView::refresh(Annotator& an) {
    if (!watch_.changed(an)) return;
    const Annotations& m = an.model();
    timeline_ = analysis::claim_timeline(m, an.corpus());
    rows_.clear();
    for (const analysis::TimelineEntry& e : timeline_.entries) {
        Row r;
        r.speakers = e.speakers.empty() ? std::string("no speaker linked") : analysis::join_names(e.speakers);
        const Span* s = m.span(e.claim);
        r.claim = s ? "\xE2\x80\x9C" + one_line(analysis::text_of(an.corpus(), *s), 300) + "\xE2\x80\x9D" : "";
        if (const Document* d = s ? an.corpus().find(s->doc) : nullptr)
            r.article = d->meta.outlet.empty() ? "\xE2\x80\x9C" + one_line(d->meta.title, 60) + "\xE2\x80\x9D" : d->meta.outlet;
        for (const Id earlier : e.contradicts_earlier)
            if (const Span* o = m.span(earlier))
                r.contradicts += (r.contradicts.empty() ? "" : "; ") +
                                 ("\xE2\x80\x9C" + one_line(analysis::text_of(an.corpus(), *o), 80) + "\xE2\x80\x9D");
        rows_.push_back(std::move(r));
    }
}

void TimelineView::draw(Annotator& an, const FontSet& fonts) {
    refresh(an);
    ImGui::PushFont(fonts.ui_bold);
    ImGui::Text("%zu dated %s", rows_.size(), rows_.size() == 1 ? "claim" : "claims");
    ImGui::PopFont();
    if (timeline_.undated > 0) {
        ImGui::SameLine();
        muted_text("\xC2\xB7 " + std::to_string(timeline_.undated) +
                   (timeline_.undated == 1 ? " claim has no date" : " claims have no date"));
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("A claim takes its article's date, or its own (the inspector's Said on field).");
    }
    if (rows_.empty()) {
        muted_text_wrapped("A claim is dated by its article's date, or by its own date (select it and fill in the "
                           "inspector's Said on field) when the article reports something said earlier.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("timeline", 3, flags, ImGui::GetContentRegionAvail())) return;
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed, em * 5.5f);
    ImGui::TableSetupColumn("Speaker", ImGuiTableColumnFlags_WidthFixed, em * 8);
    ImGui::TableSetupColumn("Claim, where it was reported, and what it contradicts",
                            ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    const ImU32 muted = palette().muted;
    const size_t shown = std::min(rows_.size(), shown_);
    for (size_t k = 0; k < shown; ++k) {
        const analysis::TimelineEntry& e = timeline_.entries[k];
        const Row& r = rows_[k];
        ImGui::TableNextRow();
        ImGui::PushID(static_cast<int>(k));
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(e.date.c_str());
        if (e.dated_by_claim) {
            muted_text("said on");
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("The claim's own date, not its article's.");
        }
        ImGui::TableSetColumnIndex(1);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(r.speakers.c_str());
        ImGui::PopTextWrapPos();
        ImGui::TableSetColumnIndex(2);
        RichText t;
        t.add(r.claim + " ").add("in " + r.article, nullptr, muted);
        if (!r.contradicts.empty()) t.add("\n").add("Contradicts earlier " + r.contradicts, nullptr, kContradiction);
        if (t.draw("claim")) an.jump_to(e.claim);
        remember_item("timeline:row:" + std::to_string(e.claim));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show it in the article");
        ImGui::PopID();
    }
    if (shown < rows_.size()) {  // inside the table: it scrolls, the space below it is taken
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(2);
        if (ImGui::Button(("Show " + std::to_string(std::min(kPage, rows_.size() - shown)) + " more").c_str()))
            shown_ += kPage;
    }
    ImGui::EndTable();
}

}  // namespace cm::ui
