// A text selection in code points, and how mouse gestures grow it:
// a drag after a double-click extends by whole words, after a triple-click
// by whole paragraphs (as in every word processor).
#pragma once
#include <algorithm>
#include <cstddef>
#include <string>

namespace cm {

struct TextSelection {
    size_t anchor = 0;  // where the gesture started
    size_t caret = 0;   // where it is now; may be before the anchor
    size_t begin() const { return std::min(anchor, caret); }
    size_t end() const { return std::max(anchor, caret); }
    bool empty() const { return anchor == caret; }
};

enum class SelectUnit { Character, Word, Paragraph };

// The unit-sized range a click at cp selects (empty for Character).
std::pair<size_t, size_t> unit_range_at(const std::u32string& text, size_t cp, SelectUnit unit);

// The selection for a drag that started on `origin` (the range the first
// click selected) and is now at caret offset `hit`.
TextSelection extend_selection(const std::u32string& text, std::pair<size_t, size_t> origin, size_t hit, SelectUnit unit);

}  // namespace cm
