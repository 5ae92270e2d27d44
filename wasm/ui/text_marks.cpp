#include "ui/text_marks.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "ui/theme.h"

namespace cm::ui {

void TextMarks::set(const std::string& name, std::vector<TextMark> marks) {
    ++version_;
    if (marks.empty()) {
        layers_.erase(name);
        return;
    }
    std::stable_sort(marks.begin(), marks.end(), [](const TextMark& a, const TextMark& b) {
        return std::tie(a.doc, a.start) < std::tie(b.doc, b.start);
    });
    layers_[name] = std::move(marks);
}

const std::vector<TextMark>* TextMarks::layer(const std::string& name) const {
    const auto it = layers_.find(name);
    return it == layers_.end() ? nullptr : &it->second;
}

ImU32 TextMarks::color(MarkKind kind, bool dark) {
    switch (kind) {
        case MarkKind::Hit: return dark ? IM_COL32(150, 120, 20, 110) : IM_COL32(255, 214, 60, 120);
        case MarkKind::CurrentHit: return dark ? IM_COL32(230, 150, 30, 170) : IM_COL32(255, 150, 20, 150);
        case MarkKind::MineOnly: return dark ? IM_COL32(90, 160, 255, 255) : IM_COL32(30, 100, 220, 255);
        case MarkKind::TheirsOnly: return dark ? IM_COL32(255, 120, 90, 255) : IM_COL32(200, 60, 30, 255);
        case MarkKind::Both: return dark ? IM_COL32(110, 200, 120, 255) : IM_COL32(40, 140, 60, 255);
    }
    return IM_COL32(128, 128, 128, 255);
}

template <class Fn>
void TextMarks::visible(const TextGeometry& g, const std::string& doc, Fn fn) const {
    if (!g.layout) return;
    const uint32_t vb = static_cast<uint32_t>(g.visible_begin()), ve = static_cast<uint32_t>(g.visible_end());
    for (const auto& [name, marks] : layers_) {
        // Marks are sorted by start; none is longer than a document, so start
        // the scan at the first mark of this document.
        auto it = std::lower_bound(marks.begin(), marks.end(), doc,
                                   [](const TextMark& m, const std::string& d) { return m.doc < d; });
        for (; it != marks.end() && it->doc == doc && it->start <= ve; ++it) {
            if (it->end < vb) continue;
            g.rects(it->start, it->end, rects_);
            for (const LayoutRect& r : rects_) {
                if (r.y1 < g.view_top || r.y0 > g.view_bottom) continue;
                fn(*it, r);
            }
        }
    }
}

void TextMarks::draw_below_text(ImDrawList* dl, const TextGeometry& g, const std::string& doc) const {
    const bool dark = palette().dark;
    visible(g, doc, [&](const TextMark& m, const LayoutRect& r) {
        if (m.kind != MarkKind::Hit && m.kind != MarkKind::CurrentHit) return;
        const float y0 = std::floor(r.y0 + g.glyph_top) - 1, y1 = y0 + std::round(g.font_size) + 3;
        dl->AddRectFilled(ImVec2(std::floor(r.x0), y0), ImVec2(std::ceil(r.x1), y1), color(m.kind, dark), 2.0f);
    });
}

void TextMarks::draw_above_text(ImDrawList* dl, const TextGeometry& g, const std::string& doc) const {
    const bool dark = palette().dark;
    visible(g, doc, [&](const TextMark& m, const LayoutRect& r) {
        const ImU32 col = color(m.kind, dark);
        const float y0 = std::floor(r.y0 + g.glyph_top) - 2, y1 = y0 + std::round(g.font_size) + 5;
        if (m.kind == MarkKind::CurrentHit) {
            dl->AddRect(ImVec2(std::floor(r.x0) - 1, y0), ImVec2(std::ceil(r.x1) + 1, y1), col, 2.0f, 0, 2.0f);
            return;
        }
        if (m.kind == MarkKind::Hit) return;
        // Diff marks: a thin box around the text and a bar in the left margin,
        // the bar's position telling mine (left), both (middle), theirs (right).
        dl->AddRect(ImVec2(std::floor(r.x0) - 1, y0), ImVec2(std::ceil(r.x1) + 1, y1), col, 0, 0, 1.0f);
        const float slot = m.kind == MarkKind::MineOnly ? 0 : m.kind == MarkKind::Both ? 1 : 2;
        const float x = std::floor(g.origin.x) - 34 + slot * 6;
        dl->AddRectFilled(ImVec2(x, y0), ImVec2(x + 4, y1), col);
    });
}

}  // namespace cm::ui
