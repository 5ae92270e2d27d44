// Draws annotations under and over the article text so overlaps stay
// readable: a light tint per label behind the glyphs, and one underline
// per span below them, stacked by nesting depth. Underline patterns differ
// by role (claim solid, speaker dashed, source dotted) so labels can be told
// apart without colour. The text itself never moves.
#pragma once
#include <imgui.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "core/interval_index.h"
#include "ui/annotator.h"
#include "ui/dash_lines.h"
#include "ui/text_geometry.h"

namespace cm::ui {

// A label's underline pattern: claims
// solid, speakers dashed, sources dotted, the reader's own labels each
// another dash, so labels differ without colour.
Dash underline_pattern(const Annotations& m, const Label& l);

class SpanPainter {
public:
    // Zones and label tints: call before the text is drawn.
    void draw_below_text(ImDrawList* dl, const TextGeometry& g, const Annotator& an);
    // Underlines, the selected annotation's frame, entity and link-candidate outlines.
    void draw_above_text(ImDrawList* dl, const TextGeometry& g, const Annotator& an);
    // Label, entity and note of the annotations under the pointer.
    void tooltip(const Annotator& an, size_t cp) const;

    static constexpr int kMaxLevels = 3;  // deeper nesting shares the last underline row

private:
    void refresh(const Annotator& an);
    std::vector<const Span*> visible_spans(const TextGeometry& g, const Annotator& an) const;

    const Document* doc_ = nullptr;
    uint64_t revision_ = ~uint64_t(0);
    std::vector<const Span*> spans_;        // of the open document, by start
    IntervalIndex index_;                   // over spans_: what the visible lines show
    mutable std::vector<uint32_t> hits_;    // scratch for the index's answers
    std::unordered_map<Id, int> level_;     // underline row of each span
    mutable std::vector<LayoutRect> rects_;  // scratch, reused every frame
};

// 0xRRGGBB with an alpha (0-1) as an ImGui colour.
ImU32 rgb_to_u32(uint32_t rgb, float alpha = 1.0f);
// A label colour for lines and outlines on the current page: on a dark page
// it is lifted towards white, so dark labels (Okabe-Ito blue) keep contrast.
ImU32 ink_color(uint32_t rgb, float alpha = 1.0f);

}  // namespace cm::ui
