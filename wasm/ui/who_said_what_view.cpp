#include "ui/who_said_what_view.h"

#include <imgui.h>

#include <algorithm>

#include "platform/storage.h"
#include "ui/item_rects.h"
#include "ui/rich_text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace cm::ui {

namespace {

constexpr size_t kClaimsPerCell = 4;  // more behind "+N more", so a big speaker row stays short
constexpr size_t kClaimChars = 160;

}  // namespace

void WhoSaidWhatView::refresh(Annotator& an) {
    if (!watch_.changed(an) && !dirty_) return;
    dirty_ = false;
    table_ = analysis::who_said_what(an.model(), an.corpus(), options_);
    cell_text_.assign(table_.rows.size(), {});
    for (size_t r = 0; r < table_.rows.size(); ++r) {
        cell_text_[r].resize(table_.columns.size());
        for (size_t c = 0; c < table_.columns.size(); ++c)
            for (const analysis::AttributedClaim& ac : table_.rows[r].cells[c]) {
                const Span* s = an.model().span(ac.claim);
                cell_text_[r][c].push_back(s ? one_line(analysis::text_of(an.corpus(), *s), kClaimChars) : "");
            }
    }
    expanded_.assign(table_.rows.size(), 0);
}

void WhoSaidWhatView::draw_cell(Annotator& an, size_t row, size_t col) {
    const auto& claims = table_.rows[row].cells[col];
    const ImU32 muted = palette().muted;
    const size_t shown = expanded_[row] ? claims.size() : std::min(claims.size(), kClaimsPerCell);
    for (size_t i = 0; i < shown; ++i) {
        const analysis::AttributedClaim& ac = claims[i];
        RichText t;
        t.add("\xE2\x80\x9C" + cell_text_[row][col][i] + "\xE2\x80\x9D ");
        if (!ac.sources.empty()) t.add("via " + analysis::join_names(ac.sources), nullptr, muted);
        ImGui::PushID(static_cast<int>(i));
        if (i > 0) ImGui::Dummy(ImVec2(0, 2));
        if (t.draw("claim")) an.jump_to(ac.claim);
        remember_item("who:claim:" + std::to_string(ac.claim));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show it in the article");
        ImGui::PopID();
    }
    if (shown < claims.size()) {
        const std::string more = "+" + std::to_string(claims.size() - shown) + " more";
        if (ImGui::SmallButton(more.c_str())) expanded_[row] = 1;
    }
}

void WhoSaidWhatView::draw(Annotator& an, const FontSet& fonts) {
    // The toolbar: filter, the no-speaker row, export, and what is shown.
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    input_text_with_hint("##filter", "Filter: speaker, claim or source", options_.filter);
    remember_item("who:filter");
    if (options_.filter != applied_filter_) {
        applied_filter_ = options_.filter;
        dirty_ = true;
    }
    ImGui::SameLine();
    if (ImGui::Checkbox("Claims without a speaker", &options_.include_no_speaker)) dirty_ = true;
    ImGui::SameLine();
    const bool export_csv = ImGui::Button("Export CSV");
    remember_item("who:export");
    refresh(an);
    if (export_csv) {
        const std::string where = platform::save_file(
            "who-said-what.csv", "text/csv", analysis::who_said_what_csv(table_, an.model(), an.corpus()));
        an.flash(where.empty() ? "Export failed." : "Exported the who-said-what table to " + where + ".");
    }
    size_t speakers = 0;
    for (const auto& r : table_.rows) speakers += r.no_speaker ? 0 : 1;
    muted_text(std::to_string(speakers) + (speakers == 1 ? " speaker, " : " speakers, ") +
               std::to_string(table_.claims) + (table_.claims == 1 ? " claim in " : " claims in ") +
               std::to_string(table_.columns.size()) + (table_.columns.size() == 1 ? " article" : " articles"));
    if (table_.rows.empty()) {
        ImGui::Spacing();
        muted_text_wrapped(options_.filter.empty()
                               ? "No claims yet. Mark claims (1) and link them to their speakers (L) and the table "
                                 "fills in: one row per speaker, one column per article."
                               : "Nothing matches the filter.");
        return;
    }

    const int columns = 2 + static_cast<int>(table_.columns.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInner | ImGuiTableFlags_BordersOuterH |
                                  ImGuiTableFlags_Sortable;
    if (!ImGui::BeginTable("who_said_what", columns, flags, ImGui::GetContentRegionAvail())) return;
    const float em = ImGui::GetFontSize();
    // Articles share the width left by the first two columns, down to a
    // readable minimum (then the table scrolls sideways, speakers frozen).
    const float article_w = std::max(em * 10, (ImGui::GetContentRegionAvail().x - em * 14.5f - 24) /
                                                   static_cast<float>(std::max<size_t>(1, table_.columns.size())));
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("Speaker", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoHide, em * 10, 0);
    ImGui::TableSetupColumn("Claims", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort |
                                          ImGuiTableColumnFlags_PreferSortDescending,
                            em * 3.5f, 1);
    for (size_t c = 0; c < table_.columns.size(); ++c) {
        const Document* d = an.corpus().find(table_.columns[c]);
        std::string head = d ? (d->meta.outlet.empty() ? one_line(d->meta.title, 28) : d->meta.outlet) : table_.columns[c];
        head += "##col" + std::to_string(c);
        ImGui::TableSetupColumn(head.c_str(), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort, article_w,
                                static_cast<ImGuiID>(2 + c));
    }
    // The header row, with each article's full title on hover.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < columns; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        ImGui::TableHeader(ImGui::TableGetColumnName(c));
        if (c >= 2 && ImGui::IsItemHovered())
            if (const Document* d = an.corpus().find(table_.columns[static_cast<size_t>(c - 2)]))
                ImGui::SetTooltip("%s", d->meta.title.c_str());
    }
    if (ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs(); sort && sort->SpecsDirty) {
        if (sort->SpecsCount > 0) {
            const ImGuiTableColumnSortSpecs& s = sort->Specs[0];
            options_.order = s.ColumnUserID == 0 ? analysis::SpeakerOrder::ByName : analysis::SpeakerOrder::ByClaims;
            // The header's arrow: descending claims and ascending names are the natural orders.
            const bool ascending = s.SortDirection == ImGuiSortDirection_Ascending;
            options_.reverse = options_.order == analysis::SpeakerOrder::ByName ? !ascending : ascending;
        }
        sort->SpecsDirty = false;
        dirty_ = true;
    }
    for (size_t r = 0; r < table_.rows.size(); ++r) {
        const analysis::SpeakerRow& row = table_.rows[r];
        ImGui::TableNextRow();
        ImGui::PushID(static_cast<int>(r));
        ImGui::TableSetColumnIndex(0);
        if (row.no_speaker) {
            muted_text_wrapped("No speaker linked");
        } else {
            ImGui::PushFont(fonts.ui_bold);
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(row.speaker.name.c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopFont();
            if (!row.speaker.entity) {
                muted_text("not in the cast");
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("This speaker's span is not linked to an entity (E names it), so other mentions "
                                      "of the same person are in rows of their own.");
            }
        }
        remember_item("who:row:" + (row.no_speaker ? std::string("-") : row.speaker.name));
        ImGui::TableSetColumnIndex(1);
        ImGui::Text("%zu", row.claims);
        for (size_t c = 0; c < table_.columns.size(); ++c) {
            if (!ImGui::TableSetColumnIndex(static_cast<int>(2 + c))) continue;
            ImGui::PushID(static_cast<int>(c));
            draw_cell(an, r, c);
            ImGui::PopID();
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace cm::ui
