// An immutable document text with exact conversions between the three
// offset units ClaimMark deals in:
//   - code points: the unit of every stored and exported offset (the W3C Web
//     Annotation model counts code points);
//   - UTF-8 bytes: how the text is stored and drawn;
//   - UTF-16 code units: how JavaScript strings count.
// Conversions never split a code point: an offset that falls inside one is
// rounded down to the code point's start.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cm {

class TextBuilder;

class Text {
public:
    Text();
    // Takes arbitrary bytes; ill-formed UTF-8 is replaced by U+FFFD and
    // counted in invalid_sequences().
    explicit Text(std::string_view utf8);

    const std::string& utf8() const { return utf8_; }
    const std::u32string& codepoints() const { return cps_; }
    size_t size() const { return cps_.size(); }  // in code points
    size_t size_bytes() const { return utf8_.size(); }
    size_t size_utf16() const { return u16_start_.back(); }
    size_t invalid_sequences() const { return invalid_; }
    char32_t at(size_t cp) const { return cps_[cp]; }

    // All take an offset in [0, size-in-that-unit] and clamp beyond it.
    size_t byte_of(size_t cp) const;
    size_t utf16_of(size_t cp) const;
    size_t cp_of_byte(size_t byte) const;
    size_t cp_of_utf16(size_t unit) const;

    // The UTF-8 text of the code point range [begin, end).
    std::string_view slice(size_t begin, size_t end) const;

private:
    friend class TextBuilder;
    std::string utf8_;
    std::u32string cps_;
    std::vector<uint32_t> byte_start_;  // size()+1 entries, last = size_bytes()
    std::vector<uint32_t> u16_start_;   // size()+1 entries, last = size_utf16()
    size_t invalid_ = 0;
};

// Builds a Text a slice at a time, so a 20 MB article can be indexed across
// frames without freezing the page (the result equals Text(utf8)).
class TextBuilder {
public:
    explicit TextBuilder(std::string utf8);
    // Indexes about max_bytes more input; true once all of it is done.
    bool step(size_t max_bytes);
    bool done() const { return pos_ >= in_.size(); }
    double progress() const { return in_.empty() ? 1.0 : static_cast<double>(pos_) / in_.size(); }
    // The finished text (steps to the end first if needed).
    Text finish();

private:
    std::string in_;
    size_t pos_ = 0;
    uint32_t u16_ = 0;  // UTF-16 units so far
    Text out_;
};

}  // namespace cm
