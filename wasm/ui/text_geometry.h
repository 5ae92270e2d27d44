// Where the reading view put the text this frame: what the annotation
// painters need to turn code-point ranges into screen rectangles.
#pragma once
#include <imgui.h>

#include <vector>

#include "core/layout.h"

namespace cm::ui {

struct TextGeometry {
    const TextLayout* layout = nullptr;
    ImVec2 origin;                          // screen position of the layout's (0, 0)
    float view_top = 0, view_bottom = 0;    // the visible band, screen y
    float view_left = 0, view_right = 0;    // the reading view's edges, screen x
    float column_width = 0;
    float font_size = 0;
    float glyph_top = 0;                    // from a line's top to its glyph box
    size_t first_line = 0, last_line = 0;   // visible lines [first, last)

    // The visible code points [begin, end).
    size_t visible_begin() const {
        return first_line < layout->lines().size() ? layout->lines()[first_line].begin : layout->size();
    }
    size_t visible_end() const {
        return last_line == 0 ? 0 : (last_line <= layout->lines().size() ? layout->lines()[last_line - 1].end : layout->size());
    }
    // Screen rectangles of [begin, end), one per line, clipped to visible lines.
    void rects(size_t begin, size_t end, std::vector<LayoutRect>& out) const {
        out.clear();
        layout->range_rects(begin, end, 0, out);
        for (LayoutRect& r : out) {
            r.x0 += origin.x, r.x1 += origin.x, r.y0 += origin.y, r.y1 += origin.y;
        }
    }
};

}  // namespace cm::ui
