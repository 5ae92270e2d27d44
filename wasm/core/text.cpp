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

Text::Text(std::string_view bytes) { *this = TextBuilder(std::string(bytes)).finish(); }

TextBuilder::TextBuilder(std::string utf8) : in_(std::move(utf8)) {
    out_.byte_start_.clear();
    out_.u16_start_.clear();
    out_.utf8_.reserve(in_.size());
    out_.cps_.reserve(in_.size() + 5);  // an upper bound (see step); trimmed by finish()
    out_.byte_start_.reserve(in_.size() + 5);
    out_.u16_start_.reserve(in_.size() + 5);
}

bool TextBuilder::step(size_t max_bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(in_.data());
    const size_t n = in_.size();
    const size_t stop = max_bytes >= n - pos_ ? n : pos_ + max_bytes;
    // At most one code point per byte (plus a sequence running past stop):
    // sized up front and written by index, trimmed below (no push_back in
    // the loop, which -Os does not inline).
    size_t count = out_.cps_.size();
    const size_t room = count + (stop - pos_) + 4;
    out_.cps_.resize(room);
    out_.byte_start_.resize(room);
    out_.u16_start_.resize(room);
    char32_t* cps = out_.cps_.data();
    uint32_t* bytes = out_.byte_start_.data();
    uint32_t* units = out_.u16_start_.data();
    // Valid input is the output as it is: its bytes are appended a run at a
    // time, and only an ill-formed sequence is written out as U+FFFD.
    size_t run = pos_;  // start of the valid bytes not yet appended
    while (pos_ < stop) {
        DecodedChar d{p[pos_], 1, true};
        if (p[pos_] >= 0x80) d = decode_one(p + pos_, n - pos_);
        if (d.ok) {
            bytes[count] = static_cast<uint32_t>(out_.utf8_.size() + (pos_ - run));
        } else {
            out_.utf8_.append(in_, run, pos_ - run);
            bytes[count] = static_cast<uint32_t>(out_.utf8_.size());
            append_utf8(out_.utf8_, kReplacementChar);
            run = pos_ + d.taken;
            ++out_.invalid_;
        }
        units[count] = u16_;
        cps[count] = d.cp;
        ++count;
        u16_ += d.cp >= 0x10000 ? 2 : 1;
        pos_ += d.taken;
    }
    out_.utf8_.append(in_, run, pos_ - run);
    out_.cps_.resize(count);
    out_.byte_start_.resize(count);
    out_.u16_start_.resize(count);
    return done();
}

Text TextBuilder::finish() {
    while (!step(in_.size())) {
    }
    out_.byte_start_.push_back(static_cast<uint32_t>(out_.utf8_.size()));
    out_.u16_start_.push_back(u16_);
    // No shrink_to_fit: for a big text it would copy ~12 bytes per code
    // point in one go (the freeze this class exists to avoid); the slack is
    // the text's multi-byte characters' share, at most 3/4 of the reserve.
    in_ = std::string();
    pos_ = 0;
    return std::move(out_);
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
