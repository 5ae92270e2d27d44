#include "layout.h"

#include <algorithm>
#include <cmath>

namespace cm {

namespace {

bool is_breaking_space(char32_t c) { return c == ' ' || c == '\t' || c == 0x2009 || c == 0x200B; }
// A line may break after these (hyphens and dashes), as well as after spaces.
bool breaks_after(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2013 || c == 0x2014 || c == '/'; }

}  // namespace

void TextLayout::build(const Text& text, const AdvanceFn& advance, float line_height, float wrap_width) {
    begin(text, line_height, wrap_width);
    step(advance, static_cast<size_t>(-1));
}

void TextLayout::begin(const Text& text, float line_height, float wrap_width) {
    lines_.clear();
    x_.clear();
    x_.reserve(text.size() + 1);  // filled paragraph by paragraph
    line_height_ = line_height;
    wrap_width_ = std::max(wrap_width, 1.0f);
    text_ = &text;
    next_ = 0;
    paragraph_ = 0;
}

double TextLayout::progress() const {
    if (!text_) return 1.0;
    return text_->size() == 0 ? 0.0 : static_cast<double>(next_) / static_cast<double>(text_->size() + 1);
}

bool TextLayout::step(const AdvanceFn& advance, size_t max_code_points) {
    if (!text_) return true;
    const auto& cps = text_->codepoints();
    const size_t n = cps.size();
    const float wrap_width = wrap_width_;
    auto emit = [&](size_t b, size_t e, float width, bool ends_para) {
        LayoutLine l;
        l.begin = static_cast<uint32_t>(b);
        l.end = static_cast<uint32_t>(e);
        l.paragraph = paragraph_;
        l.y = lines_.size() * line_height_;
        l.width = width;
        l.ends_paragraph = ends_para;
        lines_.push_back(l);
    };

    // Whole paragraphs: a step ends after the one that passes the limit.
    const size_t limit = max_code_points >= n + 1 - next_ ? n + 1 : next_ + max_code_points;
    while (next_ <= n && next_ < limit) {
        const size_t para_begin = next_;
        size_t para_end = para_begin;
        while (para_end < n && cps[para_end] != '\n') ++para_end;
        x_.resize(para_end + 1);

        size_t line_begin = para_begin;
        size_t last_break = 0;  // 0 = none yet on this line (a break at 0 is never useful)
        float x = 0;
        for (size_t i = para_begin; i < para_end; ++i) {
            const char32_t c = cps[i];
            const float adv = advance(c);
            // A loop, not an if: the word carried to the new line may still
            // be too wide with c (after a narrow word), so break it again at c.
            while (!is_breaking_space(c) && x + adv > wrap_width && i > line_begin) {
                const size_t brk = (last_break > line_begin) ? last_break : i;
                const float shift = brk < i ? x_[brk] : x;
                emit(line_begin, brk, shift, false);
                for (size_t j = brk; j < i; ++j) x_[j] -= shift;
                x -= shift;
                line_begin = brk;
                last_break = 0;
            }
            x_[i] = x;
            x += adv;
            if (is_breaking_space(c) || breaks_after(c)) last_break = i + 1;
        }
        x_[para_end] = x;  // caret at the paragraph end ('\n' or text end)
        emit(line_begin, para_end, x, true);
        ++paragraph_;
        next_ = para_end + 1;
    }
    if (next_ > n) text_ = nullptr;
    return complete();
}

size_t TextLayout::line_at_y(float y) const {
    if (lines_.empty() || y <= 0) return 0;
    const size_t i = static_cast<size_t>(y / line_height_);
    return std::min(i, lines_.size() - 1);
}

size_t TextLayout::line_of(size_t cp) const {
    if (lines_.empty()) return 0;
    auto it = std::upper_bound(lines_.begin(), lines_.end(), cp,
                               [](size_t v, const LayoutLine& l) { return v < l.begin; });
    return it == lines_.begin() ? 0 : static_cast<size_t>(it - lines_.begin()) - 1;
}

std::pair<size_t, size_t> TextLayout::lines_between(float y0, float y1) const {
    if (lines_.empty() || y1 <= 0 || y0 >= height()) return {0, 0};
    const size_t first = line_at_y(y0);
    const size_t last = std::min(lines_.size(), static_cast<size_t>(std::ceil(y1 / line_height_)));
    return {first, std::max(first, last)};
}

size_t TextLayout::hit_test(float x, float y) const {
    if (lines_.empty()) return 0;
    if (y < 0) return 0;
    if (y >= height()) return size();
    const LayoutLine& l = lines_[line_at_y(y)];
    // First glyph whose middle is right of x.
    size_t lo = l.begin, hi = l.end;
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        const float right = (mid + 1 < l.end) ? x_[mid + 1] : l.width;
        if ((x_[mid] + right) * 0.5f <= x) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

size_t TextLayout::char_at(float x, float y) const {
    if (lines_.empty()) return 0;
    const LayoutLine& l = lines_[line_at_y(y)];
    if (l.begin == l.end) return l.begin;
    // Last glyph starting at or left of x.
    const auto first = x_.begin() + static_cast<std::ptrdiff_t>(l.begin);
    const auto last = x_.begin() + static_cast<std::ptrdiff_t>(l.end);
    const auto it = std::upper_bound(first, last, x);
    return it == first ? l.begin : static_cast<size_t>(it - x_.begin()) - 1;
}

float TextLayout::x_of(size_t cp) const {
    if (lines_.empty()) return 0;
    cp = std::min(cp, size());
    const LayoutLine& l = lines_[line_of(cp)];
    return cp >= l.end ? l.width : x_[cp];
}

void TextLayout::range_rects(size_t begin, size_t end, float newline_width, std::vector<LayoutRect>& out) const {
    end = std::min(end, size());
    if (lines_.empty() || begin >= end) return;  // after clamping: x_ has size()+1 entries
    const size_t first = line_of(begin);
    const size_t last = line_of(end > 0 ? end - 1 : 0);
    for (size_t i = first; i <= last && i < lines_.size(); ++i) {
        const LayoutLine& l = lines_[i];
        const float x0 = begin > l.begin ? x_[begin] : 0.0f;
        float x1 = end < l.end ? x_[end] : l.width;
        if (end > l.end && l.ends_paragraph) x1 += newline_width;
        if (x1 > x0) out.push_back({x0, l.y, x1, l.y + line_height_});
    }
}

bool LayoutCache::ensure(const Key& key, const AdvanceFn& advance, const std::function<bool()>& more) {
    const bool rebuild = !valid_ || !(key == key_);
    if (rebuild) {
        layout_.begin(*key.text, key.line_height, key.wrap_width);
        key_ = key;
        valid_ = true;
        ++rebuilds_;
    }
    if (!more) {
        layout_.step(advance, static_cast<size_t>(-1));
        return rebuild;
    }
    constexpr size_t kSlice = 32 * 1024;  // code points between looks at the clock
    do {
        if (layout_.step(advance, kSlice)) break;
    } while (more());
    return rebuild;
}

}  // namespace cm
