#include "selection.h"

#include "text_boundaries.h"

namespace cm {

std::pair<size_t, size_t> unit_range_at(const std::u32string& text, size_t cp, SelectUnit unit) {
    cp = std::min(cp, text.size());
    switch (unit) {
        case SelectUnit::Word: return word_at(text, cp);
        case SelectUnit::Paragraph: return paragraph_at(text, cp);
        case SelectUnit::Character: break;
    }
    return {cp, cp};
}

TextSelection extend_selection(const std::u32string& text, std::pair<size_t, size_t> origin, size_t hit, SelectUnit unit) {
    hit = std::min(hit, text.size());
    if (unit == SelectUnit::Character) return {origin.first, hit};
    // Grow by whole units towards the pointer, keeping the origin unit selected.
    if (hit > origin.second) {
        // The unit that ends at or after hit; a caret right after a unit stays
        // there (so hit == origin.second keeps the origin, as on the left side).
        const auto r = unit_range_at(text, hit - 1, unit);
        return {origin.first, std::max(origin.second, r.second)};
    }
    if (hit < origin.first) {
        const auto r = unit_range_at(text, hit, unit);
        return {origin.second, std::min(origin.first, r.first)};
    }
    return {origin.first, origin.second};
}

}  // namespace cm
