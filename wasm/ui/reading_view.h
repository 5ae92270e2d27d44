// The article reading view: our own widget over core/layout. Draws only the
// visible lines with their annotations, handles mouse selection (drag,
// shift-click, double-click word, triple-click paragraph), clicks on
// annotations and links, copy, and keyboard scrolling.
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

#include "core/corpus.h"
#include "core/layout.h"
#include "core/selection.h"
#include "ui/annotator.h"
#include "ui/link_overlay.h"
#include "ui/overview_strip.h"
#include "ui/span_painter.h"
#include "ui/text_geometry.h"

namespace cm::ui {

class ReadingView {
public:
    void set_document(const Document* doc);
    void set_annotator(Annotator* an) { an_ = an; }
    // Line height and longest line, in font sizes (the reader's preferences).
    void set_reading(float line_spacing, float column_em) {
        line_spacing_ = line_spacing;
        column_em_ = column_em;
    }
    const Document* document() const { return doc_; }

    // Draws into the remaining content region of the current window.
    void draw(ImFont* font, float font_size);

    const TextSelection& selection() const { return sel_; }
    std::string selected_text() const;
    void select(size_t begin, size_t end);
    void clear_selection() { sel_ = {}; }
    bool dragging() const { return dragging_; }

    // Scrolls so [begin, end) is visible (applied over the next frames);
    // reveal_pending() is false once a frame has been drawn there.
    void reveal(size_t begin, size_t end);
    bool reveal_pending() const { return reveal_state_ != RevealState::None; }

    // Screen rectangles (logical pixels) of a range, as drawn last frame.
    std::vector<LayoutRect> screen_rects(size_t begin, size_t end) const;
    float scroll_y() const { return scroll_y_; }
    // Scrolls to a fraction of the article (0 top, 1 bottom) at the next frame.
    void scroll_to_fraction(double f);
    // The code point at 30% of the view's height (where reveal() puts a range),
    // so saving and restoring it brings the reader back to the same place.
    size_t anchor_cp() const;
    float line_height() const { return cache_.layout().line_height(); }
    int layout_builds() const { return cache_.rebuild_count(); }
    bool laid_out() const { return cache_.complete(); }
    const LinkOverlay& link_overlay() const { return links_; }
    const std::vector<Id>& tooltip_annotations() const { return hover_ids_; }
    const OverviewStrip& overview() const { return overview_; }

    // Characters of the open article the reading font cannot show (they
    // appear as U+FFFD), counted once per article and font when the header is drawn.
    struct Missing {
        const Document* doc = nullptr;
        const ImFont* font = nullptr;
        size_t count = 0;
        char32_t first = 0;
    };
    const Missing& missing_glyphs() const { return missing_; }

private:
    void handle_mouse(const TextLayout& layout, bool hovered);
    void handle_keys(float view_height);
    void draw_header(float column_x, float column_w);
    void draw_layout_progress(float column_x, float column_w);
    void draw_bars();

    const Document* doc_ = nullptr;
    Annotator* an_ = nullptr;
    float line_spacing_ = 1.55f, column_em_ = 36;
    SpanPainter painter_;
    OverviewStrip overview_;
    LinkOverlay links_;
    TextGeometry geo_;
    ImVec2 view_min_, view_max_;
    LayoutCache cache_;
    TextSelection sel_;
    std::pair<size_t, size_t> drag_origin_{0, 0};
    SelectUnit drag_unit_ = SelectUnit::Character;
    bool dragging_ = false;
    int click_count_ = 0;
    double last_click_time_ = -1;
    ImVec2 last_click_pos_;
    double pointer_still_since_ = 0;  // for the hover tooltip's delay
    std::vector<Id> hover_ids_;       // what the tooltip shows this frame

    Missing missing_;

    ImVec2 text_origin_;  // screen position of the layout's (0, 0) last frame
    float scroll_y_ = 0;
    float pending_scroll_ = -1;

    enum class RevealState { None, Requested, Scrolled };
    RevealState reveal_state_ = RevealState::None;
    size_t reveal_begin_ = 0, reveal_end_ = 0;
};

}  // namespace cm::ui
