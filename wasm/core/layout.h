// Line breaking and hit-testing for a document text, in code points.
// Knows nothing about fonts or drawing: the caller passes a glyph-advance
// function, so tests can lay out text with fake metrics.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "text.h"

namespace cm {

using AdvanceFn = std::function<float(char32_t)>;

struct LayoutLine {
    uint32_t begin = 0;      // first code point
    uint32_t end = 0;        // one past the last; excludes the line's '\n'
    uint32_t paragraph = 0;  // index of the '\n'-separated paragraph
    float y = 0;             // top, from the layout's top
    float width = 0;         // caret x at `end`
    bool ends_paragraph = false;  // a '\n' (or the text end) follows `end`
};

struct LayoutRect {
    float x0, y0, x1, y1;
};

class TextLayout {
public:
    // Breaks text into lines no wider than wrap_width (a word longer than
    // that is broken between characters). Spaces at a break hang past the
    // edge, as in every word processor; a no-break space never breaks.
    void build(const Text& text, const AdvanceFn& advance, float line_height, float wrap_width);

    // The same, a few paragraphs at a time (a 20 MB article is laid out
    // across frames): begin(), then step() until it returns true. Until
    // then lines() covers the paragraphs laid out so far.
    void begin(const Text& text, float line_height, float wrap_width);
    bool step(const AdvanceFn& advance, size_t max_code_points);
    bool complete() const { return text_ == nullptr; }
    double progress() const;

    const std::vector<LayoutLine>& lines() const { return lines_; }
    float line_height() const { return line_height_; }
    float height() const { return lines_.size() * line_height_; }
    size_t size() const { return x_.empty() ? 0 : x_.size() - 1; }  // code points laid out

    // The line at a y (clamped into the layout).
    size_t line_at_y(float y) const;
    // The line containing code point cp; a cp at a wrap point belongs to
    // the line it starts.
    size_t line_of(size_t cp) const;
    // Lines [first, last) that intersect [y0, y1).
    std::pair<size_t, size_t> lines_between(float y0, float y1) const;

    // Caret offset nearest to a point (left of a glyph's middle -> before it).
    size_t hit_test(float x, float y) const;
    // The code point under a point (what a double-click picks a word from):
    // the glyph whose box contains x, clamped to the line's first and last.
    size_t char_at(float x, float y) const;
    // Top-left of the caret before code point cp.
    float x_of(size_t cp) const;
    float y_of(size_t cp) const { return lines_.empty() ? 0 : lines_[line_of(cp)].y; }

    // One rectangle per line covered by [begin, end). A range that runs past
    // a line's '\n' gets `newline_width` extra so selected line ends show.
    void range_rects(size_t begin, size_t end, float newline_width, std::vector<LayoutRect>& out) const;

private:
    std::vector<LayoutLine> lines_;
    std::vector<float> x_;  // x of each code point within its line; size()+1
    float line_height_ = 0;
    // While laying out: the text, the width and where the next paragraph starts.
    const Text* text_ = nullptr;
    float wrap_width_ = 1;
    size_t next_ = 0;
    uint32_t paragraph_ = 0;
};

// Owns a TextLayout and rebuilds it only when what it depends on changes:
// the text (by identity and revision), the wrap width or the font.
class LayoutCache {
public:
    struct Key {
        const Text* text = nullptr;
        uint64_t text_revision = 0;
        float wrap_width = -1;
        float font_key = -1;  // anything that changes glyph advances (font size, face)
        float line_height = -1;
        bool operator==(const Key& o) const {
            return text == o.text && text_revision == o.text_revision && wrap_width == o.wrap_width &&
                   font_key == o.font_key && line_height == o.line_height;
        }
    };

    // Returns true when it had to rebuild. With `more`, lays out only while
    // more() says there is time left this frame (at least one slice), and
    // carries on at the next call with the same key; complete() says when
    // it is done.
    bool ensure(const Key& key, const AdvanceFn& advance, const std::function<bool()>& more = {});
    bool complete() const { return valid_ && layout_.complete(); }
    double progress() const { return valid_ ? layout_.progress() : 0.0; }
    const TextLayout& layout() const { return layout_; }
    int rebuild_count() const { return rebuilds_; }
    void invalidate() { valid_ = false; }

private:
    TextLayout layout_;
    Key key_;
    bool valid_ = false;
    int rebuilds_ = 0;
};

}  // namespace cm
