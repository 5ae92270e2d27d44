#include "text.h"

#include <algorithm>

#include "utf8.h"

namespace cm {

namespace {

// Index i such that starts[i] <= off < starts[i+1], clamped to the end.
size_t floor_index(const std::vector<uint32_t>& starts, size_t off) {
    if (off >= starts.back()) return starts.size() - 1;
    auto it = std::upper_bound(starts.begin(), starts.end(), static_cast<uint32_t>(off));
    return static_cast<size_t>(it - starts.begin()) - 1;
}

}  // namespace

Text::Text() : byte_start_{0}, u16_start_{0} {}

Text::Text(std::string_view bytes) {
    DecodeResult d = decode_utf8(bytes);
    cps_ = std::move(d.codepoints);
    invalid_ = d.invalid_sequences;
    byte_start_.resize(cps_.size() + 1);
    u16_start_.resize(cps_.size() + 1);
    utf8_.reserve(bytes.size() + invalid_ * 2);
    uint32_t u16 = 0;
    for (size_t i = 0; i < cps_.size(); ++i) {
        byte_start_[i] = static_cast<uint32_t>(utf8_.size());
        u16_start_[i] = u16;
        append_utf8(utf8_, cps_[i]);
        u16 += static_cast<uint32_t>(utf16_length(cps_[i]));
    }
    byte_start_[cps_.size()] = static_cast<uint32_t>(utf8_.size());
    u16_start_[cps_.size()] = u16;
}

size_t Text::byte_of(size_t cp) const { return byte_start_[std::min(cp, size())]; }
size_t Text::utf16_of(size_t cp) const { return u16_start_[std::min(cp, size())]; }
size_t Text::cp_of_byte(size_t byte) const { return floor_index(byte_start_, byte); }
size_t Text::cp_of_utf16(size_t unit) const { return floor_index(u16_start_, unit); }

std::string_view Text::slice(size_t begin, size_t end) const {
    end = std::min(end, size());
    begin = std::min(begin, end);
    const size_t b = byte_start_[begin];
    return std::string_view(utf8_).substr(b, byte_start_[end] - b);
}

}  // namespace cm
