// What a selection becomes when it is labelled (tidy_range), and finding
// every occurrence of a phrase (find_all, for "mark all mentions").
// Print std::pair values (ranges) in failure messages.
#define CATCH_CONFIG_ENABLE_PAIR_STRINGMAKER
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/text_boundaries.h"

using cm::find_all;
using cm::tidy_range;
using Range = std::pair<size_t, size_t>;
using Ranges = std::vector<Range>;

namespace {

// The text a range covers, so failures read as words rather than offsets.
std::u32string cut(const std::u32string& t, Range r) { return t.substr(r.first, r.second - r.first); }

std::string narrow(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) out += c < 0x80 ? static_cast<char>(c) : '?';
    return out;
}

std::string tidy_text(const std::u32string& t, size_t begin, size_t end, bool to_words) {
    return narrow(cut(t, tidy_range(t, begin, end, to_words)));
}

}  // namespace

TEST_CASE("tidy_range drops white space at both ends, including no-break spaces and newlines", "[tidy]") {
    // _0 _1 H2 u3 a4 w5 e6 i7 _8 s9 a10 i11 d12 nbsp13 \n14 \t15
    const std::u32string t = U"  Huawei said\u00A0\n\t";
    CHECK(tidy_range(t, 0, t.size(), false) == Range{2, 13});
    CHECK(tidy_range(t, 0, t.size(), true) == Range{2, 13});
    CHECK(tidy_range(t, 1, 14, false) == Range{2, 13});
    CHECK(tidy_range(t, 2, 13, false) == Range{2, 13});  // already tidy
    // Other Unicode spaces count too: thin space, ideographic space, line separator.
    const std::u32string u = U"\u2009\u3000quote\u2028";
    CHECK(tidy_range(u, 0, u.size(), false) == Range{2, 7});
    // Inner white space stays.
    CHECK(tidy_text(t, 0, t.size(), false) == "Huawei said");
}

TEST_CASE("tidy_range with to_words grows a range that starts or ends inside a word to the whole word", "[tidy]") {
    // T0 h1 e2 _3 C4 E5 O6 _7 s8 a9 i10 d11 _12 i13 t14 .15
    const std::u32string t = U"The CEO said it.";
    CHECK(tidy_text(t, 5, 10, true) == "CEO said");  // both ends inside words
    CHECK(tidy_text(t, 5, 10, false) == "EO sa");    // without to_words: as selected
    CHECK(tidy_text(t, 4, 11, true) == "CEO said");  // end inside a word only
    CHECK(tidy_text(t, 5, 12, true) == "CEO said");  // start inside a word only
    CHECK(tidy_text(t, 4, 12, true) == "CEO said");  // already on word boundaries
    CHECK(tidy_text(t, 3, 13, true) == "CEO said");  // spaces trimmed, no growth
    CHECK(tidy_text(t, 9, 10, true) == "said");      // one letter
    CHECK(tidy_text(t, 14, 16, true) == "it.");      // punctuation is not a word: the end stays
    CHECK(tidy_text(t, 15, 16, true) == ".");
    CHECK(tidy_text(t, 0, 1, true) == "The");   // at the text's start
    CHECK(tidy_text(t, 13, 14, true) == "it");  // next to punctuation
    // Trimming first, then growing: "  sa" inside "said".
    CHECK(tidy_text(t, 7, 10, true) == "said");
}

TEST_CASE("tidy_range: apostrophes and quotes are not word characters", "[tidy]") {
    // H0 u1 a2 w3 e4 i5 ’6 s7 _8 “9 d10 o11 n12 '13 t14 ”15
    const std::u32string t = U"Huawei\u2019s \u201Cdon't\u201D";
    CHECK(tidy_range(t, 0, 6, true) == Range{0, 6});    // "Huawei" without the possessive stays so
    CHECK(tidy_range(t, 1, 4, true) == Range{0, 6});    // "uaw" grows to "Huawei"
    CHECK(tidy_range(t, 9, 16, true) == Range{9, 16});  // the quote marks stay when selected
    CHECK(tidy_range(t, 11, 12, true) == Range{10, 13});
}

TEST_CASE("tidy_range: an all-space range comes back empty at its start", "[tidy]") {
    const std::u32string t = U"a  \u00A0\n b";
    CHECK(tidy_range(t, 1, 6, true) == Range{1, 1});
    CHECK(tidy_range(t, 2, 4, false) == Range{2, 2});
    CHECK(tidy_range(t, 3, 3, true) == Range{3, 3});  // already empty
    CHECK(tidy_range(U"", 0, 0, true) == Range{0, 0});
}

TEST_CASE("tidy_range keeps offsets inside the text", "[tidy]") {
    const std::u32string t = U"word ";
    CHECK(tidy_range(t, 2, 99, true) == Range{0, 4});
    CHECK(tidy_range(t, 99, 99, true) == Range{5, 5});
    CHECK(tidy_range(t, 3, 1, false) == Range{1, 1});  // a reversed range is treated as empty
}

TEST_CASE("find_all finds every occurrence, left to right, without overlaps", "[find]") {
    const std::u32string t = U"Ren said. Mr. Ren, Ren\u2019s firm, Rennes, wren";
    CHECK(find_all(t, U"Ren", false) == Ranges{{0, 3}, {14, 17}, {19, 22}, {31, 34}});
    CHECK(find_all(U"aaaa", U"aa", false) == Ranges{{0, 2}, {2, 4}});
    CHECK(find_all(U"aaa", U"aa", false) == Ranges{{0, 2}});
    CHECK(find_all(t, U"Zhengfei", false).empty());
    CHECK(find_all(t, U"", false).empty());
    CHECK(find_all(U"", U"Ren", true).empty());
    CHECK(find_all(U"Ren", U"Ren", true) == Ranges{{0, 3}});  // the whole text
}

TEST_CASE("find_all with whole_words skips occurrences that touch a word character", "[find]") {
    // R0 e1 n2 _3 s4 a5 i6 d7 .8 _9 M10 r11 .12 _13 R14 e15 n16 ,17 _18 R19 e20 n21 ’22 s23
    // _24 f25 i26 r27 m28 ,29 _30 R31 e32 n33 n34 e35 s36 ,37 _38 w39 r40 e41 n42
    const std::u32string t = U"Ren said. Mr. Ren, Ren\u2019s firm, Rennes, wren";
    CHECK(find_all(t, U"Ren", true) == Ranges{{0, 3}, {14, 17}, {19, 22}});  // "Ren’s" counts: ’ is no letter
    // Case matters, and "wren" is a longer word.
    CHECK(find_all(U"wren Ren", U"ren", true).empty());
    CHECK(find_all(U"Mr. Ren", U"Mr. Ren", true) == Ranges{{0, 7}});
    // A rejected candidate does not hide an overlapping one that stands alone.
    CHECK(find_all(U"aa a", U"a", true) == Ranges{{3, 4}});
    CHECK(find_all(U"xab ab", U"ab", true) == Ranges{{4, 6}});
    CHECK(find_all(U"-ab-", U"ab", true) == Ranges{{1, 3}});
    CHECK(find_all(U"xa-a-a", U"a-a", true) == Ranges{{3, 6}});  // starts inside the rejected "a-a" at 1
    CHECK(find_all(U"xa-a-a", U"a-a", false) == Ranges{{1, 4}});
}
