// UTF-8 decoding (including the "maximal subpart" replacement rule for
// ill-formed input) and encoding.
#include <catch2/catch.hpp>

#include <string>

#include "core/utf8.h"

using cm::decode_utf8;
using cm::encode_utf8;

namespace {

constexpr char32_t R = cm::kReplacementChar;

std::u32string cps(std::string_view bytes) { return decode_utf8(bytes).codepoints; }
size_t bad(std::string_view bytes) { return decode_utf8(bytes).invalid_sequences; }

}  // namespace

TEST_CASE("decode: well-formed characters of every length", "[utf8]") {
    CHECK(cps("a") == U"\u0061");
    CHECK(cps("\xC3\xA9") == U"\u00E9");              // é
    CHECK(cps("\xE2\x80\x9C") == U"\u201C");          // “
    CHECK(cps("\xF0\x9F\x98\x80") == U"\U0001F600");  // 😀
    // A combining mark stays a code point of its own.
    CHECK(cps("e\xCC\x81") == std::u32string{0x65, 0x301});
    CHECK(cps("a\xE2\x80\x9C" "b\xF0\x9F\x98\x80" "c") == std::u32string{'a', 0x201C, 'b', 0x1F600, 'c'});
    CHECK(bad("a\xC3\xA9\xE2\x80\x9C\xF0\x9F\x98\x80") == 0);
    CHECK(cps("").empty());
    CHECK(cps(std::string_view("a\0b", 3)) == std::u32string{'a', 0, 'b'});
}

TEST_CASE("decode: range limits of each length", "[utf8]") {
    CHECK(cps("\x7F") == std::u32string{0x7F});
    CHECK(cps("\xC2\x80") == std::u32string{0x80});
    CHECK(cps("\xDF\xBF") == std::u32string{0x7FF});
    CHECK(cps("\xE0\xA0\x80") == std::u32string{0x800});
    CHECK(cps("\xED\x9F\xBF") == std::u32string{0xD7FF});  // last before the surrogates
    CHECK(cps("\xEE\x80\x80") == std::u32string{0xE000});  // first after them
    CHECK(cps("\xEF\xBF\xBF") == std::u32string{0xFFFF});
    CHECK(cps("\xF0\x90\x80\x80") == std::u32string{0x10000});
    CHECK(cps("\xF4\x8F\xBF\xBF") == std::u32string{0x10FFFF});
}

TEST_CASE("decode: a lone continuation byte is one U+FFFD", "[utf8]") {
    CHECK(cps("\x80") == std::u32string{R});
    CHECK(bad("\x80") == 1);
    CHECK(cps("a\xBF" "b") == std::u32string{'a', R, 'b'});
    CHECK(cps("\x80\x80") == std::u32string{R, R});
    CHECK(bad("\x80\x80") == 2);
}

TEST_CASE("decode: a truncated sequence is one U+FFFD and does not eat the next character", "[utf8]") {
    CHECK(cps("\xE2\x80" "A") == std::u32string{R, 'A'});
    CHECK(bad("\xE2\x80" "A") == 1);
    CHECK(cps("\xF0\x9F\x98") == std::u32string{R});  // at the very end
    CHECK(bad("\xF0\x9F\x98") == 1);
    CHECK(cps("x\xC3") == std::u32string{'x', R});
    CHECK(cps("\xC3" "A") == std::u32string{R, 'A'});
    // A new lead byte ends the broken sequence and starts a good one.
    CHECK(cps("\xE2\x80\xC3\xA9") == std::u32string{R, 0xE9});
    CHECK(cps("\xF0\x9F\xF0\x9F\x98\x80") == std::u32string{R, 0x1F600});
    CHECK(bad("\xF0\x9F\xF0\x9F\x98\x80") == 1);
}

TEST_CASE("decode: overlongs, surrogates and values past U+10FFFF", "[utf8]") {
    // The lead byte alone is the maximal subpart, so every byte is one U+FFFD.
    CHECK(cps("\xC0\x80") == std::u32string{R, R});
    CHECK(bad("\xC0\x80") == 2);
    CHECK(cps("\xC1\xBF") == std::u32string{R, R});
    CHECK(cps("\xE0\x80\x80") == std::u32string{R, R, R});
    CHECK(bad("\xE0\x80\x80") == 3);
    CHECK(cps("\xE0\x9F\xBF") == std::u32string{R, R, R});
    CHECK(cps("\xF0\x80\x80\x80") == std::u32string{R, R, R, R});
    CHECK(cps("\xED\xA0\x80") == std::u32string{R, R, R});  // U+D800
    CHECK(bad("\xED\xA0\x80") == 3);
    CHECK(cps("\xED\xBF\xBF") == std::u32string{R, R, R});  // U+DFFF
    CHECK(cps("\xF4\x90\x80\x80") == std::u32string{R, R, R, R});  // U+110000
    CHECK(bad("\xF4\x90\x80\x80") == 4);
}

TEST_CASE("decode: bytes F5..FF can never start a sequence", "[utf8]") {
    CHECK(cps("\xF5\xF8\xFC\xFE\xFF") == std::u32string{R, R, R, R, R});
    CHECK(bad("\xF5\xF8\xFC\xFE\xFF") == 5);
    CHECK(cps("\xF5\x80\x80\x80") == std::u32string{R, R, R, R});
    CHECK(cps("a\xFF" "b") == std::u32string{'a', R, 'b'});
}

TEST_CASE("decode: the Unicode Table 3-8 example", "[utf8]") {
    // Unicode 15 §3.9, Table 3-8: 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64.
    const char bytes[] = "\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64";
    const auto r = decode_utf8(bytes);
    CHECK(r.codepoints == std::u32string{'a', R, R, R, 'b', R, 'c', R, R, 'd'});
    CHECK(r.invalid_sequences == 6);
}

TEST_CASE("encode: exact bytes and lengths", "[utf8]") {
    CHECK(encode_utf8(U"a") == "a");
    CHECK(encode_utf8(U"\u00E9") == "\xC3\xA9");
    CHECK(encode_utf8(U"\u201C") == "\xE2\x80\x9C");
    CHECK(encode_utf8(U"\U0001F600") == "\xF0\x9F\x98\x80");
    CHECK(encode_utf8(U"\U0010FFFF") == "\xF4\x8F\xBF\xBF");
    // Code points that have no UTF-8 form are written as U+FFFD.
    CHECK(encode_utf8(std::u32string{0xD800}) == "\xEF\xBF\xBD");
    CHECK(encode_utf8(std::u32string{0x110000}) == "\xEF\xBF\xBD");

    CHECK(cm::utf8_length(0x7F) == 1);
    CHECK(cm::utf8_length(0x80) == 2);
    CHECK(cm::utf8_length(0x7FF) == 2);
    CHECK(cm::utf8_length(0x800) == 3);
    CHECK(cm::utf8_length(0xDC00) == 3);
    CHECK(cm::utf8_length(0xFFFF) == 3);
    CHECK(cm::utf8_length(0x10000) == 4);
    CHECK(cm::utf8_length(0x110000) == 3);
    CHECK(cm::utf16_length(0xFFFF) == 1);
    CHECK(cm::utf16_length(0x10000) == 2);
}

TEST_CASE("encode then decode round-trips every kind of code point", "[utf8]") {
    const std::u32string sample = {0x0,    'z',     0x7F,    0x80,    0xE9,     0x7FF,    0x800,   0x201C,
                                   0xD7FF, 0xE000,  0xFFFD,  0xFFFF,  0x10000,  0x1F600,  0x10FFFF, 0x301};
    const std::string bytes = encode_utf8(sample);
    size_t expected_bytes = 0;
    for (char32_t c : sample) expected_bytes += cm::utf8_length(c);
    CHECK(bytes.size() == 1 + 1 + 1 + 2 + 2 + 2 + 3 + 3 + 3 + 3 + 3 + 3 + 4 + 4 + 4 + 2);
    CHECK(bytes.size() == expected_bytes);
    const auto back = decode_utf8(bytes);
    CHECK(back.codepoints == sample);
    CHECK(back.invalid_sequences == 0);
}
