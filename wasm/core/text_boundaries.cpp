#include "text_boundaries.h"

#include <algorithm>

namespace cm {

namespace {

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == 0xA0 || (c >= 0x2000 && c <= 0x200A); }

// Unicode's White_Space property: what a labelled range never starts or ends with.
bool is_white_space(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Letter-like for word selection; punctuation blocks and symbols are not.
bool letter_like(char32_t c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
    if (c == 0xD7 || c == 0xF7) return false;
    if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows, shapes
    if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
    if (c >= 0xFE30 && c <= 0xFE4F) return false;
    if (c >= 0xFF00 && c <= 0xFF0F) return false;
    return c != 0xFFFD;
}

// A boundary with word characters on both sides cuts a word in two.
bool inside_word(const std::u32string& t, size_t at) {
    return at > 0 && at < t.size() && letter_like(t[at - 1]) && letter_like(t[at]);
}

}  // namespace

bool is_word_char(char32_t c) { return letter_like(c); }

std::pair<size_t, size_t> word_at(const std::u32string& t, size_t cp) {
    const size_t n = t.size();
    if (n == 0) return {0, 0};
    cp = std::min(cp, n - 1);
    if (t[cp] == '\n') return {cp, cp};
    // Inside a word: letters, plus apostrophes that have letters on both sides.
    auto in_word = [&](size_t i) {
        if (letter_like(t[i])) return true;
        return is_apostrophe(t[i]) && i > 0 && i + 1 < n && letter_like(t[i - 1]) && letter_like(t[i + 1]);
    };
    if (in_word(cp)) {
        size_t b = cp, e = cp + 1;
        while (b > 0 && in_word(b - 1)) --b;
        while (e < n && in_word(e)) ++e;
        return {b, e};
    }
    if (is_space(t[cp])) {
        size_t b = cp, e = cp + 1;
        while (b > 0 && is_space(t[b - 1])) --b;
        while (e < n && is_space(t[e])) ++e;
        return {b, e};
    }
    return {cp, cp + 1};
}

std::pair<size_t, size_t> paragraph_at(const std::u32string& t, size_t cp) {
    const size_t n = t.size();
    cp = std::min(cp, n);
    size_t b = cp, e = cp;
    while (b > 0 && t[b - 1] != '\n') --b;
    while (e < n && t[e] != '\n') ++e;
    return {b, e};
}

std::pair<size_t, size_t> tidy_range(const std::u32string& text, size_t begin, size_t end, bool to_words) {
    end = std::min(end, text.size());
    begin = std::min(begin, end);
    size_t b = begin, e = end;
    while (b < e && is_white_space(text[b])) ++b;
    while (e > b && is_white_space(text[e - 1])) --e;
    if (b == e) return {begin, begin};
    if (to_words) {
        if (inside_word(text, b))
            while (b > 0 && letter_like(text[b - 1])) --b;
        if (inside_word(text, e))
            while (e < text.size() && letter_like(text[e])) ++e;
    }
    return {b, e};
}

std::vector<std::pair<size_t, size_t>> find_all(const std::u32string& text, const std::u32string& needle,
                                                bool whole_words) {
    std::vector<std::pair<size_t, size_t>> out;
    if (needle.empty()) return out;
    for (size_t at = text.find(needle); at != std::u32string::npos;) {
        const size_t end = at + needle.size();
        const bool touches = (at > 0 && letter_like(text[at - 1])) || (end < text.size() && letter_like(text[end]));
        if (whole_words && touches) {
            at = text.find(needle, at + 1);  // a later, overlapping occurrence may still stand alone
            continue;
        }
        out.emplace_back(at, end);
        at = text.find(needle, end);
    }
    return out;
}

}  // namespace cm
