// The annotation list (see annotation_list.h). The filtered rows are cached
// and rebuilt only when the model or a filter changes; only the visible rows
// are drawn (ImGuiListClipper), so a corpus of thousands of spans stays cheap.
#include "ui/item_rects.h"
#include "ui/annotation_list.h"

#include <algorithm>
#include <cfloat>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "ui/theme.h"
#include "ui/widgets.h"

namespace cm::ui {

namespace {

struct Filters {
    bool all_articles = false;
    std::string text;
    std::set<Id> hidden_labels;  // hidden rather than shown, so new labels show
    bool zones[3] = {true, true, true};  // ZoneKind order
    bool operator==(const Filters& o) const {
        return all_articles == o.all_articles && text == o.text && hidden_labels == o.hidden_labels &&
               std::equal(std::begin(zones), std::end(zones), std::begin(o.zones));
    }
};

struct ListState {
    Filters filters;
    // The cache: rows for these filters at this revision of this document.
    Filters built_for;
    uint64_t built_revision = UINT64_MAX;
    std::string built_doc;
    std::vector<Id> rows;
    size_t in_scope = 0;
    Id last_selected = kNoId;
};

ListState& state() {
    static ListState s;
    return s;
}

bool passes(const Annotator& an, const Span& s, const Filters& f, const std::u32string& needle) {
    if (f.hidden_labels.count(s.label)) return false;
    if (!f.zones[static_cast<size_t>(an.model().zone_at(s.doc, s.start()))]) return false;
    if (needle.empty()) return true;
    if (contains_folded(fold_case(an.span_text(s)), needle)) return true;
    if (const Entity* e = an.model().entity(s.entity); e && contains_folded(fold_case(e->name), needle)) return true;
    return !s.note.empty() && contains_folded(fold_case(s.note), needle);
}

void rebuild(const Annotator& an, ListState& st, uint64_t revision, const std::string& doc) {
    st.built_for = st.filters;
    st.built_revision = revision;
    st.built_doc = doc;
    st.rows.clear();
    st.in_scope = 0;
    const std::u32string needle = fold_case(st.filters.text);
    auto add_doc = [&](const std::string& id) {
        for (const Span* s : an.model().spans_in(id)) {
            ++st.in_scope;
            if (passes(an, *s, st.filters, needle)) st.rows.push_back(s->id);
        }
    };
    if (!st.filters.all_articles) {
        if (!doc.empty()) add_doc(doc);
        return;
    }
    // Corpus order, then reading order; spans of documents not in the corpus last.
    std::set<std::string> seen;
    for (const Document& d : an.corpus().documents) {
        add_doc(d.meta.id);
        seen.insert(d.meta.id);
    }
    std::set<std::string> others;
    for (const auto& entry : an.model().spans)
        if (!seen.count(entry.second.doc)) others.insert(entry.second.doc);
    for (const std::string& id : others) add_doc(id);
}

void draw_filters(Annotator& an, ListState& st) {
    Filters& f = st.filters;
    if (ImGui::RadioButton("This article", !f.all_articles)) f.all_articles = false;
    ImGui::SameLine();
    if (ImGui::RadioButton("All articles", f.all_articles)) f.all_articles = true;
    remember_item("list-scope:all");
    ImGui::SetNextItemWidth(-FLT_MIN);
    input_text_with_hint("##filter", "Filter by text, entity or note\xE2\x80\xA6", f.text);

    const ImGuiStyle& style = ImGui::GetStyle();
    const float box = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x;
    Flow labels;
    for (const Label& l : an.model().labels) {
        bool shown = !f.hidden_labels.count(l.id);
        labels.next(box + label_chip_width(l));
        if (label_checkbox(l, &shown)) {
            if (shown) f.hidden_labels.erase(l.id);
            else f.hidden_labels.insert(l.id);
        }
    }
    Flow zones;
    const char* names[] = {"Body", "Comments", "Furniture"};
    for (size_t i = 0; i < 3; ++i) {
        zones.next(box + ImGui::CalcTextSize(names[i]).x);
        ImGui::Checkbox(names[i], &f.zones[i]);
    }
}

void draw_rows(Annotator& an, ListState& st) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeight();
    const float pad = 4.0f;
    const bool two_lines = st.filters.all_articles;
    const float row_h = line * (two_lines ? 2.0f : 1.0f) + pad * 2;
    const float gap = 2.0f;
    const float pitch = row_h + gap;

    ImGui::BeginChild("rows", ImVec2(0, 0), false);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(style.ItemSpacing.x, gap));

    // A selection made elsewhere (the text, N / P) scrolls into view once.
    if (an.selected() != st.last_selected) {
        st.last_selected = an.selected();
        const auto it = std::find(st.rows.begin(), st.rows.end(), an.selected());
        if (it != st.rows.end()) {
            const float y = static_cast<float>(it - st.rows.begin()) * pitch;
            const float top = ImGui::GetScrollY(), h = ImGui::GetWindowHeight();
            if (y < top || y + pitch > top + h) ImGui::SetScrollY(std::max(0.0f, y - (h - pitch) * 0.5f));
        }
    }

    const Palette& pal = palette();
    ImFont* font = ImGui::GetFont();
    const float font_size = ImGui::GetFontSize();
    const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
    const float swatch_w = line * 0.8f + style.ItemInnerSpacing.x;
    Id clicked = kNoId;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(st.rows.size()), pitch);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Id id = st.rows[static_cast<size_t>(i)];
            const Span* s = an.model().span(id);
            if (!s) {  // gone since the cache was built; the next frame rebuilds it
                ImGui::Dummy(ImVec2(0, row_h));
                continue;
            }
            ImGui::PushID(static_cast<int>(id));
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float w = ImGui::GetContentRegionAvail().x;
            if (ImGui::Selectable("##row", id == an.selected(), 0, ImVec2(w, row_h))) clicked = id;
            remember_item("list:" + std::to_string(id));
            if (ImGui::IsItemHovered()) {
                std::string tip = an.describe(*s);
                if (!s->note.empty()) tip += "\n\n" + one_line(s->note, 200);
                ImGui::SetTooltip("%s", tip.c_str());
            }

            const Label* l = an.model().label(s->label);
            const Entity* e = an.model().entity(s->entity);
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const float x = p.x + pad, right = p.x + w - pad;
            draw_swatch(dl, ImVec2(x, p.y + pad), l ? l->color : 0x808080);
            // The entity sits at the right end of the first line; the excerpt gets what is left.
            float text_right = right;
            if (e) {
                const std::string who = "\xE2\x86\x92 " + e->name;  // →
                const float who_w = std::min(ImGui::CalcTextSize(who.c_str()).x, (right - x) * 0.45f);
                const ImVec4 clip(right - who_w, p.y, right, p.y + row_h);
                dl->AddText(font, font_size, ImVec2(right - who_w, p.y + pad), pal.muted, who.c_str(), nullptr, 0,
                            &clip);
                text_right = right - who_w - style.ItemSpacing.x;
            }
            const std::string excerpt = one_line(an.span_text(*s, 400), 60);
            const ImVec4 clip(x, p.y, text_right, p.y + row_h);
            dl->AddText(font, font_size, ImVec2(x + swatch_w, p.y + pad), text_col, excerpt.c_str(), nullptr, 0, &clip);
            if (two_lines) {
                const Document* d = an.doc_of(*s);
                const std::string where = d ? d->meta.title : s->doc;
                const ImVec4 clip2(x, p.y, right, p.y + row_h);
                dl->AddText(font, font_size, ImVec2(x + swatch_w, p.y + pad + line), pal.muted, where.c_str(), nullptr,
                            0, &clip2);
            }
            ImGui::PopID();
        }
    }
    ImGui::PopStyleVar();
    if (st.rows.empty()) {
        if (st.in_scope == 0) {
            muted_text_wrapped(st.filters.all_articles || an.document()
                                   ? "No annotations yet. Select text and press 1\xE2\x80\x93" "9."
                                   : "Open an article, or choose All articles.");
        } else {
            muted_text_wrapped("Nothing matches the filters.");
        }
    }
    ImGui::EndChild();
    if (clicked != kNoId) an.jump_to(clicked);
}

}  // namespace

void draw_annotation_list(Annotator& an, const FontSet& /*fonts*/) {
    ListState& st = state();
    draw_filters(an, st);

    const std::string doc = an.document() ? an.document()->meta.id : std::string();
    const uint64_t revision = an.editor().revision();
    if (!(st.filters == st.built_for) || revision != st.built_revision || doc != st.built_doc)
        rebuild(an, st, revision, doc);

    muted_text(std::to_string(st.rows.size()) + " of " + std::to_string(st.in_scope));
    ImGui::Separator();
    draw_rows(an, st);
}

}  // namespace cm::ui
