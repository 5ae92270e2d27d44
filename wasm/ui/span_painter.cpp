#include "ui/span_painter.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "ui/dash_lines.h"
#include "ui/theme.h"

namespace cm::ui {

namespace {

const char* zone_name(ZoneKind k) {
    switch (k) {
        case ZoneKind::Comments: return "Reader comments";
        case ZoneKind::Furniture: return "Page furniture";
        default: return "Article body";
    }
}

}  // namespace

ImU32 rgb_to_u32(uint32_t rgb, float alpha) {
    return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, static_cast<int>(std::lround(alpha * 255)));
}

ImU32 ink_color(uint32_t rgb, float alpha) {
    if (!palette().dark) return rgb_to_u32(rgb, alpha);
    auto lift = [](uint32_t c) { return static_cast<uint32_t>(c + (255 - c) * 0.4f); };
    const uint32_t r = lift((rgb >> 16) & 0xFF), g = lift((rgb >> 8) & 0xFF), b = lift(rgb & 0xFF);
    return rgb_to_u32((r << 16) | (g << 8) | b, alpha);
}

void SpanPainter::refresh(const Annotator& an) {
    if (an.document() == doc_ && an.editor().revision() == revision_) return;
    doc_ = an.document();
    revision_ = an.editor().revision();
    spans_.clear();
    level_.clear();
    index_.build({});
    if (!doc_) return;
    spans_ = an.model().spans_in(doc_->meta.id);
    std::vector<IntervalIndex::Item> items;
    items.reserve(spans_.size());
    for (size_t i = 0; i < spans_.size(); ++i)
        items.push_back({spans_[i]->start(), spans_[i]->end(), static_cast<uint32_t>(i)});
    index_.build(std::move(items));
    // Interval colouring: each span takes the lowest row free of the spans
    // still open at its start; longer spans first at equal starts, so an
    // outer span sits on the row nearest the text.
    std::vector<const Span*> order = spans_;
    std::stable_sort(order.begin(), order.end(), [](const Span* a, const Span* b) {
        return a->start() != b->start() ? a->start() < b->start() : a->end() > b->end();
    });
    std::vector<uint32_t> row_end;  // per row: where its last span ends
    for (const Span* s : order) {
        size_t row = 0;
        while (row < row_end.size() && row_end[row] > s->start()) ++row;
        if (row == row_end.size()) row_end.push_back(0);
        row_end[row] = s->end();
        level_[s->id] = static_cast<int>(std::min<size_t>(row, kMaxLevels - 1));
    }
}

std::vector<const Span*> SpanPainter::visible_spans(const TextGeometry& g, const Annotator&) const {
    // O(log n + k) with the interval index, wherever the view is in a long article.
    std::vector<const Span*> out;
    hits_.clear();
    index_.query(static_cast<uint32_t>(g.visible_begin()), static_cast<uint32_t>(g.visible_end()), hits_);
    out.reserve(hits_.size());
    for (const uint32_t i : hits_) out.push_back(spans_[i]);
    return out;
}

void SpanPainter::draw_below_text(ImDrawList* dl, const TextGeometry& g, const Annotator& an) {
    refresh(an);
    if (!doc_) return;
    const Palette& pal = palette();
    const Annotations& m = an.model();

    // Zones: a quiet bar in the left margin and the zone's name where it starts.
    for (const auto& [id, z] : m.zones) {
        if (z.doc != doc_->meta.id || z.kind == ZoneKind::Body) continue;
        if (z.range.end < g.visible_begin() || z.range.start > g.visible_end()) continue;
        g.rects(z.range.start, z.range.end, rects_);
        if (rects_.empty()) continue;
        const ImU32 bar = z.kind == ZoneKind::Comments ? IM_COL32(0x88, 0x77, 0xCC, 0x90) : IM_COL32(0x99, 0x99, 0x99, 0x80);
        const float x = g.origin.x - 14;
        dl->AddRectFilled(ImVec2(x, std::max(rects_.front().y0, g.view_top)),
                          ImVec2(x + 4, std::min(rects_.back().y1, g.view_bottom)), bar, 2);
        const char* name = zone_name(z.kind);
        ImFont* ui = ImGui::GetIO().FontDefault;  // at its own size, so it stays crisp
        const float fs = ui->FontSize * ImGui::GetIO().FontGlobalScale;
        dl->AddText(ui, fs, ImVec2(g.origin.x, rects_.front().y0 - fs - 2), pal.muted, name);
    }

    // Tints behind the glyphs (not the whole line box, so lines stay apart).
    const float tint = pal.dark ? 0.30f : 0.20f;
    for (const Span* s : visible_spans(g, an)) {
        const Label* l = m.label(s->label);
        if (!l) continue;
        const ImU32 col = rgb_to_u32(l->color, s->id == an.selected() ? tint * 1.8f : tint);
        for (const Range& r : s->ranges) {
            g.rects(r.start, r.end, rects_);
            for (const LayoutRect& q : rects_) {
                if (q.y1 < g.view_top || q.y0 > g.view_bottom) continue;
                const float top = q.y0 + g.glyph_top - 1, bottom = q.y0 + g.glyph_top + g.font_size + 1;
                dl->AddRectFilled(ImVec2(q.x0, top), ImVec2(q.x1, bottom), col);  // square: 4 vertices, not ~30
            }
        }
    }
}

Dash underline_pattern(const Annotations& m, const Label& l) {
    if (l.role == LabelRole::Claim) return dash::kSolid;
    if (l.role == LabelRole::Speaker) return dash::kDashed;
    if (l.role == LabelRole::Source) return dash::kDotted;
    // The reader's own labels: each another dash (they repeat after five).
    size_t k = 0;
    for (const Label& other : m.labels) {
        if (other.id == l.id) break;
        k += other.role == LabelRole::Other;
    }
    return dash::kOwn[k % std::size(dash::kOwn)];
}

void SpanPainter::draw_above_text(ImDrawList* dl, const TextGeometry& g, const Annotator& an) {
    if (!doc_) return;
    const Annotations& m = an.model();
    const float thick = 2.0f, gap = 1.0f;
    for (const Span* s : visible_spans(g, an)) {
        const Label* l = m.label(s->label);
        if (!l) continue;
        const ImU32 col = ink_color(l->color, 1.0f);
        const int level = level_.count(s->id) ? level_.at(s->id) : 0;
        const Dash pattern = underline_pattern(m, *l);
        for (size_t i = 0; i < s->ranges.size(); ++i) {
            g.rects(s->ranges[i].start, s->ranges[i].end, rects_);
            for (const LayoutRect& q : rects_) {
                if (q.y1 < g.view_top || q.y0 > g.view_bottom) continue;
                const float y = q.y0 + g.glyph_top + g.font_size + 1.5f + level * (thick + gap);
                dash_line(dl, ImVec2(q.x0, y), q.x1 - q.x0, true, thick, pattern, col);
            }
            // The gap between two ranges of one span: a faint dotted bridge,
            // so "…," he told X, "…" reads as one claim.
            if (i + 1 < s->ranges.size() && !rects_.empty()) {
                std::vector<LayoutRect> next;
                g.layout->range_rects(s->ranges[i + 1].start, s->ranges[i + 1].start + 1, 0, next);
                if (!next.empty() && next.front().y0 + g.origin.y == rects_.back().y0) {
                    const float y = rects_.back().y0 + g.glyph_top + g.font_size + 1.5f + level * (thick + gap);
                    const float x0 = rects_.back().x1, x1 = next.front().x0 + g.origin.x;
                    dash_line(dl, ImVec2(x0, y), x1 - x0, true, 1, dash::kFine, ink_color(l->color, 0.45f));
                }
            }
        }
    }

    // The selected annotation gets a frame in its label colour.
    auto frame = [&](const Span& s, float alpha, bool dashed) {
        const Label* l = m.label(s.label);
        const ImU32 col = ink_color(l ? l->color : 0x808080, alpha);
        for (const Range& r : s.ranges) {
            g.rects(r.start, r.end, rects_);
            for (LayoutRect q : rects_) {
                if (q.y1 < g.view_top || q.y0 > g.view_bottom) continue;
                q.x0 -= 2, q.x1 += 2, q.y0 += g.glyph_top - 3, q.y1 = q.y0 + g.font_size + 6 + kMaxLevels * (thick + gap);
                if (dashed) dashed_box(dl, ImVec2(q.x0, q.y0), ImVec2(q.x1, q.y1), 1.5f, dash::kFrame, col);
                else dl->AddRect(ImVec2(q.x0, q.y0), ImVec2(q.x1, q.y1), col, 3, 0, 2.0f);
            }
        }
    };
    if (an.highlighted_entity)
        for (const Span* s : visible_spans(g, an))
            if (s->entity == an.highlighted_entity) frame(*s, 0.9f, true);
    if (const Span* cand = m.span(an.link_candidate()); cand && cand->doc == doc_->meta.id) frame(*cand, 1.0f, true);
    if (const Span* sel = an.selected_span(); sel && sel->doc == doc_->meta.id) frame(*sel, 1.0f, false);
}

void SpanPainter::tooltip(const Annotator& an, size_t cp) const {
    const std::vector<Id> here = an.spans_at(cp);
    const ZoneKind zone = an.document() ? an.model().zone_at(an.document()->meta.id, static_cast<uint32_t>(cp)) : ZoneKind::Body;
    if (here.empty()) return;
    ImGui::BeginTooltip();
    ImGui::PushFont(ImGui::GetIO().FontDefault);
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    for (size_t i = 0; i < here.size(); ++i) {
        const Span* s = an.model().span(here[i]);
        const Label* l = s ? an.model().label(s->label) : nullptr;
        if (!s || !l) continue;
        if (i) ImGui::Separator();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(rgb_to_u32(l->color)), "\xE2\x96\xA0");  // ■
        ImGui::SameLine();
        ImGui::Text("%s", l->name.c_str());
        if (const Entity* e = an.model().entity(s->entity)) {
            ImGui::SameLine();
            ImGui::TextDisabled("\xE2\x86\x92 %s (%s)", e->name.c_str(), to_string(e->kind));
        }
        if (auto q = s->attributes.find("quote"); q != s->attributes.end()) {
            ImGui::SameLine();
            ImGui::TextDisabled("\xE2\x80\xA2 %s quote", q->second.c_str());
        }
        ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D", an.span_text(*s, 160).c_str());
        if (!s->note.empty()) ImGui::TextDisabled("Note: %s", s->note.c_str());
        const size_t links = an.model().relations_of(s->id).size();
        if (links) ImGui::TextDisabled("%zu link%s", links, links == 1 ? "" : "s");
    }
    if (zone != ZoneKind::Body) ImGui::TextDisabled("In the %s", zone == ZoneKind::Comments ? "reader comments" : "page furniture");
    if (here.size() > 1) ImGui::TextDisabled("Click again to select the next one.");
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::EndTooltip();
}

}  // namespace cm::ui
