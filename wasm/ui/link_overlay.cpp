#include "ui/link_overlay.h"

#include <algorithm>
#include <cmath>

#include "ui/span_painter.h"
#include "ui/theme.h"

namespace cm::ui {

namespace {

// The UI font at its own size: crisp, unlike a scaled reading font.
ImFont* ui_font() { return ImGui::GetIO().FontDefault; }
float ui_size() { return ui_font()->FontSize * ImGui::GetIO().FontGlobalScale; }
float text_width(const std::string& text) { return ui_font()->CalcTextSizeA(ui_size(), 1e9f, 0, text.c_str()).x; }

void pill(ImDrawList* dl, ImVec2 at, const std::string& text, ImU32 border, ImVec2* min_out, ImVec2* max_out) {
    const Palette& pal = palette();
    ImFont* f = ui_font();
    const float fs = ui_size();
    const ImVec2 size = f->CalcTextSizeA(fs, 1e9f, 0, text.c_str());
    const ImVec2 min(at.x, at.y), max(at.x + size.x + 12, at.y + size.y + 6);
    dl->AddRectFilled(min, max, pal.page, 4);
    dl->AddRect(min, max, border, 4, 0, 1.5f);
    dl->AddText(f, fs, ImVec2(min.x + 6, min.y + 3), pal.text, text.c_str());
    if (min_out) *min_out = min;
    if (max_out) *max_out = max;
}

}  // namespace

Id LinkOverlay::marker_at(ImVec2 p) const {
    for (const Marker& m : markers_)
        if (p.x >= m.min.x && p.x < m.max.x && p.y >= m.min.y && p.y < m.max.y) return m.target;
    return kNoId;
}

void LinkOverlay::draw(ImDrawList* dl, const TextGeometry& g, const Annotator& an) {
    markers_.clear();
    const Span* sel = an.selected_span();
    const Document* doc = an.document();
    if (!sel || !doc || sel->doc != doc->meta.id) return;
    const Annotations& m = an.model();

    g.rects(sel->start(), sel->ranges.front().end, rects_);
    if (rects_.empty()) return;
    const ImVec2 from((rects_.front().x0 + rects_.front().x1) * 0.5f, rects_.front().y0 + g.glyph_top - 2);

    float top_y = g.view_top + 6, bottom_y = g.view_bottom - 6, side_y = g.view_top + 6;
    for (const Id rid : m.relations_of(sel->id)) {
        const Relation* r = m.relation(rid);
        if (!r) continue;
        const bool outgoing = r->from == sel->id;
        const Span* other = m.span(outgoing ? r->to : r->from);
        if (!other) continue;
        const Label* ol = m.label(other->label);
        const ImU32 col = ink_color(ol ? ol->color : 0x808080, 1.0f);
        const std::string what = std::string(Annotator::relation_phrase(r->type, outgoing)) + " \xE2\x80\x9C" +
                                 an.span_text(*other, 36) + "\xE2\x80\x9D";

        if (other->doc != doc->meta.id) {  // another article: a marker at the right edge
            const Document* od = an.doc_of(*other);
            const std::string text = "\xE2\x86\x92 " + what + "  (" + (od ? Annotator::clip_utf8(od->meta.title, 28) : other->doc) + ")";
            Marker mk{{}, {}, other->id};
            const float w = text_width(text) + 12;
            pill(dl, ImVec2(std::max(g.view_left + 4, g.view_right - w - 18), side_y), text, col, &mk.min, &mk.max);
            side_y = mk.max.y + 4;
            markers_.push_back(mk);
            continue;
        }
        std::vector<LayoutRect> orects;
        g.rects(other->start(), other->ranges.front().end, orects);
        if (orects.empty()) continue;
        const LayoutRect& o = orects.front();
        if (o.y1 < g.view_top || o.y0 > g.view_bottom) {  // above or below: a marker at that edge
            const bool above = o.y1 < g.view_top;
            const std::string text = std::string(above ? "\xE2\x86\x91 " : "\xE2\x86\x93 ") + what;
            Marker mk{{}, {}, other->id};
            const float y = above ? top_y : bottom_y - ui_size() - 6;
            pill(dl, ImVec2(g.origin.x + g.column_width * 0.5f, y), text, col, &mk.min, &mk.max);
            if (above) top_y = mk.max.y + 4;
            else bottom_y = mk.min.y - 4;
            markers_.push_back(mk);
            continue;
        }
        // On screen: an arc over the text from this span to the other, with
        // an arrow at the relation's target and its name at the top.
        const ImVec2 to((o.x0 + o.x1) * 0.5f, o.y0 + g.glyph_top - 2);
        const float lift = std::clamp(std::fabs(to.x - from.x) * 0.25f + std::fabs(to.y - from.y) * 0.3f, 24.0f, 90.0f);
        const float top = std::min(from.y, to.y) - lift;
        // Ends nearly above each other would give a thin loop: spread it.
        const float spread = std::max(0.0f, 70.0f - std::fabs(to.x - from.x)) * 0.5f;
        const float dir = to.x >= from.x ? 1.0f : -1.0f;
        const ImVec2 c1(from.x - dir * spread, top), c2(to.x + dir * spread, top);
        dl->AddBezierCubic(from, c1, c2, to, col, 2.0f);
        const ImVec2 head = outgoing ? to : from;
        dl->AddTriangleFilled(ImVec2(head.x - 5, head.y - 8), ImVec2(head.x + 5, head.y - 8), head, col);
        const ImVec2 mid((from.x + to.x) * 0.5f, top + (std::min(from.y, to.y) - top) * 0.25f - 8);
        Marker mk{{}, {}, other->id};
        std::string name = Annotator::relation_phrase(r->type, outgoing);
        const float w = text_width(name) + 12;
        pill(dl, ImVec2(mid.x - w * 0.5f, std::max(g.view_top + 2, mid.y - 10)), name, col, &mk.min, &mk.max);
        markers_.push_back(mk);
    }
}

}  // namespace cm::ui
