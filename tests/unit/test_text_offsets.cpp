// Text: conversions between code point, UTF-8 byte and UTF-16 offsets.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "core/text.h"
#include "core/utf8.h"

using cm::Text;

// "a“b😀c": a = 1 byte / 1 unit, “ = 3 bytes / 1 unit, b = 1 / 1,
// 😀 = 4 bytes / 2 units (a surrogate pair), c = 1 / 1.
//   cp:     0  1  2  3  4  5(end)
//   byte:   0  1  4  5  9  10
//   utf16:  0  1  2  3  5  6
static const char* const kMixed = "a\xE2\x80\x9C" "b\xF0\x9F\x98\x80" "c";

TEST_CASE("Text sizes in all three units", "[text]") {
    const Text t(kMixed);
    CHECK(t.size() == 5);
    CHECK(t.size_bytes() == 10);
    CHECK(t.size_utf16() == 6);
    CHECK(t.invalid_sequences() == 0);
    CHECK(t.at(1) == 0x201C);
    CHECK(t.at(3) == 0x1F600);
    CHECK(t.utf8() == kMixed);

    const Text astral("\xF0\x9F\x98\x80\xF0\x9F\x98\x80");  // two emoji
    CHECK(astral.size() == 2);
    CHECK(astral.size_utf16() == 4);
    CHECK(astral.size_bytes() == 8);
}

TEST_CASE("byte_of and utf16_of", "[text]") {
    const Text t(kMixed);
    const size_t bytes[] = {0, 1, 4, 5, 9, 10};
    const size_t units[] = {0, 1, 2, 3, 5, 6};
    for (size_t cp = 0; cp <= 5; ++cp) {
        INFO("cp " << cp);
        CHECK(t.byte_of(cp) == bytes[cp]);
        CHECK(t.utf16_of(cp) == units[cp]);
    }
    // Past the end clamps to the end.
    CHECK(t.byte_of(6) == 10);
    CHECK(t.byte_of(1000) == 10);
    CHECK(t.utf16_of(1000) == 6);
}

TEST_CASE("cp_of_byte rounds down inside a multi-byte character", "[text]") {
    const Text t(kMixed);
    //                        byte: 0  1  2  3  4  5  6  7  8  9  10
    const size_t expected[] = {0, 1, 1, 1, 2, 3, 3, 3, 3, 4, 5};
    for (size_t b = 0; b <= 10; ++b) {
        INFO("byte " << b);
        CHECK(t.cp_of_byte(b) == expected[b]);
    }
    CHECK(t.cp_of_byte(11) == 5);
    CHECK(t.cp_of_byte(size_t(-1)) == 5);
}

TEST_CASE("cp_of_utf16 rounds down inside a surrogate pair", "[text]") {
    const Text t(kMixed);
    //                        unit: 0  1  2  3  4  5  6
    const size_t expected[] = {0, 1, 2, 3, 3, 4, 5};
    for (size_t u = 0; u <= 6; ++u) {
        INFO("utf16 unit " << u);
        CHECK(t.cp_of_utf16(u) == expected[u]);
    }
    CHECK(t.cp_of_utf16(7) == 5);
    CHECK(t.cp_of_utf16(1000) == 5);
}

TEST_CASE("slice returns the exact UTF-8 of a code point range", "[text]") {
    const Text t(kMixed);
    CHECK(t.slice(0, 1) == "a");
    CHECK(t.slice(1, 2) == "\xE2\x80\x9C");
    CHECK(t.slice(1, 4) == "\xE2\x80\x9C" "b\xF0\x9F\x98\x80");
    CHECK(t.slice(3, 4) == "\xF0\x9F\x98\x80");
    CHECK(t.slice(4, 5) == "c");
    CHECK(t.slice(0, 5) == kMixed);
    CHECK(t.slice(2, 2).empty());
    // Clamped: an end past the text, and a begin past the end.
    CHECK(t.slice(3, 99) == "\xF0\x9F\x98\x80" "c");
    CHECK(t.slice(7, 9).empty());
    CHECK(t.slice(4, 2).empty());
}

TEST_CASE("empty text", "[text]") {
    for (const Text& t : {Text(), Text("")}) {
        CHECK(t.size() == 0);
        CHECK(t.size_bytes() == 0);
        CHECK(t.size_utf16() == 0);
        CHECK(t.byte_of(0) == 0);
        CHECK(t.byte_of(3) == 0);
        CHECK(t.utf16_of(3) == 0);
        CHECK(t.cp_of_byte(0) == 0);
        CHECK(t.cp_of_byte(3) == 0);
        CHECK(t.cp_of_utf16(3) == 0);
        CHECK(t.slice(0, 4).empty());
    }
}

TEST_CASE("ill-formed input is stored as U+FFFD and offsets count it once", "[text]") {
    // 'a', a truncated 3-byte sequence, 'b', a stray byte, 'c'.
    const Text t("a\xE2\x80" "b\xFF" "c");
    CHECK(t.invalid_sequences() == 2);
    CHECK(t.codepoints() == std::u32string{'a', 0xFFFD, 'b', 0xFFFD, 'c'});
    CHECK(t.utf8() == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
    CHECK(t.size_bytes() == 9);
    CHECK(t.size_utf16() == 5);
    CHECK(t.byte_of(2) == 4);
    CHECK(t.byte_of(4) == 8);
    CHECK(t.slice(1, 2) == "\xEF\xBF\xBD");
}

TEST_CASE("TextBuilder, a slice at a time, builds the same Text as the constructor", "[text]") {
    // Every kind of character and of ill-formed sequence, cut at every size
    // of slice, so slices end inside sequences and between them.
    const std::string input = std::string("a\xE2\x80\x9C" "b\xF0\x9F\x98\x80" "c\xE2\x80" "d\xFF" "e\xC3\xA9\xED\xA0\x80" "f") +
                              "\xF0\x9F\x98" + "g\xCC\x81\n";
    const Text whole(input);
    REQUIRE(whole.invalid_sequences() == 6);  // the surrogate ED A0 80 is three
    for (size_t slice = 1; slice <= input.size(); ++slice) {
        INFO("slice of " << slice << " bytes");
        cm::TextBuilder b(input);
        int steps = 0;
        double last = -1;
        while (!b.step(slice)) {
            CHECK(b.progress() > last);
            last = b.progress();
            ++steps;
        }
        CHECK(b.progress() == 1.0);
        // It really stopped on the way (a step ends after a whole character, up to 4 bytes).
        CHECK(steps >= static_cast<int>(input.size() / std::max<size_t>(slice, 4)) - 1);
        const Text t = b.finish();
        CHECK(t.utf8() == whole.utf8());
        CHECK(t.codepoints() == whole.codepoints());
        CHECK(t.invalid_sequences() == whole.invalid_sequences());
        CHECK(t.size_utf16() == whole.size_utf16());
        for (size_t cp = 0; cp <= whole.size(); ++cp) {
            CHECK(t.byte_of(cp) == whole.byte_of(cp));
            CHECK(t.utf16_of(cp) == whole.utf16_of(cp));
        }
    }
    // The offsets agree with an independent count: bytes of each code point
    // as UTF-8, and UTF-16 units.
    size_t bytes = 0, units = 0;
    for (size_t cp = 0; cp < whole.size(); ++cp) {
        CHECK(whole.byte_of(cp) == bytes);
        CHECK(whole.utf16_of(cp) == units);
        bytes += cm::utf8_length(whole.at(cp));
        units += cm::utf16_length(whole.at(cp));
    }
    CHECK(bytes == whole.size_bytes());
    CHECK(cm::TextBuilder("").finish().size() == 0);
}
