// The Compare tab (see compare_panel.h). Everything shown comes from the
// Comparison's cached figures; only the visible disagreement rows are drawn.
#include "ui/item_rects.h"
#include "ui/compare_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>

#include "ui/text_marks.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace cm::ui {

namespace {

void draw_header(Annotator& an, Comparison& c, const FontSet& fonts) {
    ImGui::PushFont(fonts.ui_bold);
    ImGui::TextWrapped("Comparing with \xE2\x80\x9C%s\xE2\x80\x9D", c.file_name().c_str());
    ImGui::PopFont();
    const size_t here = c.their_documents().size();
    std::string line = "Loaded " + format_time(c.loaded_at()) + "; " + std::to_string(here) + " of their " +
                       std::to_string(c.file_documents()) + (c.file_documents() == 1 ? " article" : " articles") +
                       (here == 1 ? " is" : " are") + " open here.";
    if (c.problems()) line += " " + std::to_string(c.problems()) + " problem(s) while reading it (skipped parts).";
    muted_text_wrapped(line);
    if (ImGui::Button("Stop comparing")) c.stop(an);
    remember_item("compare:stop");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Forget their file and the marks; your annotations stay as they are.");
}

void draw_settings(Comparison& c) {
    ImGui::AlignTextToFramePadding();
    muted_text("Scope");
    ImGui::SameLine(70);
    if (ImGui::RadioButton("This article", c.scope == CompareScope::ThisArticle)) c.scope = CompareScope::ThisArticle;
    remember_item("compare:scope-this");
    ImGui::SameLine();
    if (ImGui::RadioButton("All their articles", c.scope == CompareScope::AllArticles)) c.scope = CompareScope::AllArticles;
    remember_item("compare:scope-all");
    ImGui::AlignTextToFramePadding();
    muted_text("Match");
    ImGui::SameLine(70);
    if (ImGui::RadioButton("Exact", c.mode == MatchMode::Exact)) c.mode = MatchMode::Exact;
    remember_item("compare:mode-exact");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Two spans match when their ranges are identical.");
    ImGui::SameLine();
    if (ImGui::RadioButton("Overlap", c.mode == MatchMode::Overlap)) c.mode = MatchMode::Overlap;
    remember_item("compare:mode-overlap");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Two spans match when they share at least one character (one-to-one, largest overlap first).");
}

void draw_scores(const Comparison& c) {
    if (c.scope_documents().empty()) {
        muted_text_wrapped("Their file does not have this article: choose All their articles, or open one of theirs.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("scores", 7, flags)) return;
    ImGui::TableSetupColumn("Label", ImGuiTableColumnFlags_WidthStretch);
    const char* heads[] = {"Mine", "Theirs", "Both", "P", "R", "F1"};
    for (const char* h : heads) ImGui::TableSetupColumn(h);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    const char* tips[] = {"Spans by label name", "Your spans", "Their spans", "Matched, with the same label",
                          "Precision: both / mine", "Recall: both / theirs (their file is the reference)",
                          "F1: 2 \xC3\x97 both / (mine + theirs)"};
    for (int i = 0; i < 7; ++i) {
        ImGui::TableSetColumnIndex(i);
        ImGui::TableHeader(ImGui::TableGetColumnName(i));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tips[i]);
    }
    const size_t n = c.rows().size();
    for (size_t i = 0; i < n; ++i) {
        const ScoreRow& r = c.rows()[i];
        ImGui::TableNextRow();
        const bool total = i + 2 >= n;  // "All labels" and "Any label"
        ImGui::TableSetColumnIndex(0);
        if (total) muted_text(r.label);
        else ImGui::TextUnformatted(r.label.c_str());
        if (total && ImGui::IsItemHovered())
            ImGui::SetTooltip(i + 1 == n ? "Spans matched by their text alone, whatever their labels"
                                         : "Every label together (a match needs the same label)");
        ImGui::TableSetColumnIndex(1);
        ImGui::Text("%zu", r.mine);
        ImGui::TableSetColumnIndex(2);
        ImGui::Text("%zu", r.theirs);
        ImGui::TableSetColumnIndex(3);
        ImGui::Text("%zu", r.both);
        ImGui::TableSetColumnIndex(4);
        ImGui::TextUnformatted(r.precision.c_str());
        ImGui::TableSetColumnIndex(5);
        ImGui::TextUnformatted(r.recall.c_str());
        ImGui::TableSetColumnIndex(6);
        ImGui::TextUnformatted(r.f1.c_str());
    }
    ImGui::EndTable();
    remember_item("compare:table");
}

std::string two(double x) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", x);
    return buf;
}

void draw_agreement(const Comparison& c) {
    if (c.scope_documents().empty()) return;
    const AgreementReport& r = c.report();
    const LabelAgreement& k = r.labels;
    if (k.pairs == 0) ImGui::TextWrapped("Label agreement (Cohen's kappa): n/a, no matched spans.");
    else
        ImGui::TextWrapped("Label agreement (Cohen's kappa): %s on %zu matched %s", two(k.kappa).c_str(), k.pairs,
                           k.pairs == 1 ? "pair" : "pairs");
    remember_item("compare:kappa");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Spans matched by overlap whatever their labels; observed agreement %s, by chance %s.",
                          two(k.observed).c_str(), two(k.expected).c_str());
    const Prf& rel = r.relations.all;
    const size_t rel_total = 2 * rel.both + rel.mine_only + rel.theirs_only;
    ImGui::TextWrapped("Relations: F1 %s (both %zu, mine only %zu, theirs only %zu)",
                       rel_total ? two(rel.f1).c_str() : "n/a", rel.both, rel.mine_only, rel.theirs_only);
    if (ImGui::IsItemHovered()) {
        const Prf& m = r.relations.on_matched_spans;
        const size_t m_total = 2 * m.both + m.mine_only + m.theirs_only;
        ImGui::SetTooltip("A relation agrees when both have its type between spans matched by overlap.\n"
                          "Only where both found the two spans: F1 %s (both %zu, mine only %zu, theirs only %zu).",
                          m_total ? two(m.f1).c_str() : "n/a", m.both, m.mine_only, m.theirs_only);
    }
    const EntityAgreement& e = r.entities;
    const size_t decided = e.same + e.different + e.mine_only_linked + e.theirs_only_linked;
    if (decided == 0) ImGui::TextWrapped("Entity links: n/a, no matched speaker or source is linked.");
    else ImGui::TextWrapped("Entity links: %zu of %zu agree (%s)", e.same, decided, two(e.agreement).c_str());
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Matched speakers and sources: same entity %zu, different %zu, only mine linked %zu, "
                          "only theirs linked %zu, neither %zu.",
                          e.same, e.different, e.mine_only_linked, e.theirs_only_linked, e.neither_linked);
}

// A swatch as the text shows it: an outlined box and its margin bar.
void legend_item(MarkKind kind, const char* text) {
    const ImU32 col = TextMarks::color(kind, palette().dark);
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float slot = kind == MarkKind::MineOnly ? 0 : kind == MarkKind::Both ? 1 : 2;
    dl->AddRectFilled(ImVec2(p.x + slot * 5, p.y + 1), ImVec2(p.x + slot * 5 + 3, p.y + h - 1), col);
    dl->AddRect(ImVec2(p.x + 17, p.y + 2), ImVec2(p.x + 31, p.y + h - 2), col);
    ImGui::Dummy(ImVec2(35, h));
    ImGui::SameLine(0, 2);
    ImGui::TextUnformatted(text);
}

void draw_legend() {
    legend_item(MarkKind::MineOnly, "only mine");
    ImGui::SameLine();
    legend_item(MarkKind::Both, "both");
    ImGui::SameLine();
    legend_item(MarkKind::TheirsOnly, "only theirs");
    remember_item("compare:legend");
    muted_text_wrapped("In the text: a box around each span; in the left margin a bar, left for mine, middle for "
                       "both (labels may differ), right for theirs.");
}

const char* kind_name(const Disagreement& d) {
    switch (d.kind) {
        case Disagreement::Kind::MineOnly: return "Only mine";
        case Disagreement::Kind::TheirsOnly: return "Only theirs";
        case Disagreement::Kind::Differs: return "Differs";
    }
    return "";
}

MarkKind mark_of(const Disagreement& d) {
    return d.kind == Disagreement::Kind::MineOnly ? MarkKind::MineOnly
           : d.kind == Disagreement::Kind::TheirsOnly ? MarkKind::TheirsOnly
                                                       : MarkKind::Both;
}

void draw_disagreements(Annotator& an, Comparison& c, const FontSet& fonts) {
    ImGui::PushFont(fonts.ui_bold);
    ImGui::Text("Disagreements in this article (%zu)", c.disagreements().size());
    ImGui::PopFont();
    if (c.kept()) {
        ImGui::SameLine();
        const bool show = ImGui::SmallButton(("Show kept (" + std::to_string(c.kept()) + ")").c_str());
        remember_item("compare:show-kept");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("List again the differences you settled with Keep mine.");
        if (show) {
            c.show_kept_again();
            c.update(an);
        }
    }
    if (!an.document()) {
        muted_text_wrapped("Open an article to go through its differences.");
        return;
    }
    if (!c.open_article_is_theirs()) {
        muted_text_wrapped("Their file does not have this article.");
        return;
    }
    if (c.disagreements().empty()) {
        muted_text_wrapped("None left: here your annotations and theirs agree.");
        return;
    }
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeight(), pad = 4, gap = 2;
    const float row_h = ImGui::GetFrameHeight() + line + pad * 3;
    const Palette& pal = palette();
    ImFont* font = ImGui::GetFont();
    const float font_size = ImGui::GetFontSize();
    // Settled after the loop: an action rebuilds the list the rows point into.
    enum class Action { None, Jump, Adopt, Keep, Remove } action = Action::None;
    size_t target = 0;
    static std::pair<Id, Id> s_current{kNoId, kNoId};  // the row last clicked (mine, theirs), highlighted
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(style.ItemSpacing.x, gap));
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(c.disagreements().size()), row_h + gap);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const size_t index = static_cast<size_t>(i);
            const Disagreement& d = c.disagreements()[index];
            const std::string n = std::to_string(index);
            ImGui::PushID(i);
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float w = ImGui::GetContentRegionAvail().x;
            const bool current = s_current == std::make_pair(d.mine, d.theirs);
            if (ImGui::Selectable("##row", current, ImGuiSelectableFlags_AllowItemOverlap, ImVec2(w, row_h)))
                action = Action::Jump, target = index;
            ImGui::SetItemAllowOverlap();
            remember_item("compare:row:" + n);
            if (ImGui::IsItemHovered() && !d.text.empty()) ImGui::SetTooltip("%s", d.text.c_str());
            const ImVec2 after = ImGui::GetCursorScreenPos();

            // First line: the kind in its mark colour and what differs, the buttons at the right.
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const ImU32 col = TextMarks::color(mark_of(d), pal.dark);
            dl->AddRectFilled(ImVec2(p.x, p.y + pad), ImVec2(p.x + 3, p.y + row_h - pad), col);
            const float x = p.x + 8, right = p.x + w - pad;
            const bool mine_only = d.kind == Disagreement::Kind::MineOnly;
            const char* first = mine_only ? "Remove mine" : "Adopt theirs";
            const float bw1 = ImGui::CalcTextSize(first).x + style.FramePadding.x * 2;
            const float bw2 = ImGui::CalcTextSize("Keep mine").x + style.FramePadding.x * 2;
            const float bx = right - bw1 - bw2 - style.ItemInnerSpacing.x;
            const float ty = p.y + pad + (ImGui::GetFrameHeight() - line) * 0.5f;
            const std::string head = std::string(kind_name(d)) + (d.detail.empty() ? "" : ": " + d.detail);
            const ImVec4 clip(x, p.y, bx - style.ItemSpacing.x, p.y + row_h);
            dl->AddText(font, font_size, ImVec2(x, ty), ImGui::GetColorU32(ImGuiCol_Text), head.c_str(), nullptr, 0, &clip);
            const ImVec4 clip2(x, p.y, right, p.y + row_h);
            dl->AddText(font, font_size, ImVec2(x, p.y + pad * 2 + ImGui::GetFrameHeight()), pal.muted, d.text.c_str(),
                        nullptr, 0, &clip2);

            ImGui::SetCursorScreenPos(ImVec2(bx, p.y + pad));
            ImGui::BeginDisabled(an.read_only);  // it edits: another tab saves (Comparison refuses it too)
            if (ImGui::Button(first)) action = mine_only ? Action::Remove : Action::Adopt, target = index;
            ImGui::EndDisabled();
            remember_item((mine_only ? "compare:remove:" : "compare:adopt:") + n);
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && an.read_only)
                ImGui::SetTooltip("Read-only here: another tab is saving this project.");
            else if (ImGui::IsItemHovered())
                ImGui::SetTooltip(mine_only ? "They did not mark it: delete yours (one undo step)."
                                            : "Make yours like theirs: label, extent and entity link (one undo step).");
            ImGui::SameLine(0, style.ItemInnerSpacing.x);
            if (ImGui::Button("Keep mine")) action = Action::Keep, target = index;
            remember_item("compare:keep:" + n);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("Your version stands: take this off the list (Show kept brings it back).");
            ImGui::SetCursorScreenPos(after);
            ImGui::PopID();
        }
    }
    ImGui::PopStyleVar();
    if (action == Action::None) return;
    const Disagreement d = c.disagreements()[target];  // a copy: the actions rebuild the list
    s_current = {d.mine, d.theirs};
    switch (action) {
        case Action::Jump:
            if (d.mine != kNoId) an.jump_to(d.mine);
            else {
                an.select(kNoId);
                an.reveal(d.start, d.end);
            }
            break;
        case Action::Adopt: c.adopt_theirs(an, d); break;
        case Action::Remove: c.remove_mine(an, d); break;
        case Action::Keep: c.keep_mine(an, d); break;
        case Action::None: break;
    }
    c.update(an);  // the list is right on the next frame's first draw
}

}  // namespace

void draw_compare_panel(Annotator& an, Comparison& c, const FontSet& fonts) {
    c.update(an);
    draw_header(an, c, fonts);
    if (!c.active()) return;  // stopped just now
    ImGui::Separator();
    draw_settings(c);
    c.update(an);  // a setting changed: the figures below follow in this frame
    draw_scores(c);
    draw_agreement(c);
    ImGui::Spacing();
    draw_legend();
    ImGui::Separator();
    draw_disagreements(an, c, fonts);
}

void draw_compare_error(Comparison& c) {
    const char* title = "Compare with a colleague's file";
    if (c.error().empty()) return;
    if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    ImGui::SetNextWindowSize(ImVec2(520, 0), ImGuiCond_Always);  // height 0: fit the content
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    ImGui::TextWrapped("%s", c.error().c_str());
    ImGui::Spacing();
    const bool close = ImGui::Button("Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    remember_item("compare:error-close");
    if (close) {
        c.clear_error();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace cm::ui
