// Word and paragraph boundaries, and how double/triple-click drags grow a
// selection.
// Print std::pair values (ranges) in failure messages.
#define CATCH_CONFIG_ENABLE_PAIR_STRINGMAKER
#include <catch2/catch.hpp>

#include <initializer_list>
#include <string>
#include <utility>

#include "core/selection.h"
#include "core/text_boundaries.h"

using cm::extend_selection;
using cm::paragraph_at;
using cm::SelectUnit;
using cm::unit_range_at;
using cm::word_at;
using Range = std::pair<size_t, size_t>;

TEST_CASE("is_word_char", "[boundaries]") {
    CHECK(cm::is_word_char('a'));
    CHECK(cm::is_word_char('Z'));
    CHECK(cm::is_word_char('7'));
    CHECK(cm::is_word_char(0xE9));     // é
    CHECK(cm::is_word_char(0x301));    // combining acute
    CHECK(cm::is_word_char(0x4E2D));   // 中
    CHECK_FALSE(cm::is_word_char(' '));
    CHECK_FALSE(cm::is_word_char('_'));
    CHECK_FALSE(cm::is_word_char(','));
    CHECK_FALSE(cm::is_word_char(0x2019));  // ’
    CHECK_FALSE(cm::is_word_char(0x2014));  // —
    CHECK_FALSE(cm::is_word_char(0x201C));  // “
    CHECK_FALSE(cm::is_word_char(0xFFFD));
}

TEST_CASE("word_at: an apostrophe between letters is part of the word", "[boundaries]") {
    // H0 u1 a2 w3 e4 i5 ’6 s7 _8 C9 E10 O11
    const std::u32string t = U"Huawei\u2019s CEO";
    for (size_t cp = 0; cp < 8; ++cp) {
        INFO("cp " << cp);
        CHECK(word_at(t, cp) == Range{0, 8});
    }
    CHECK(word_at(t, 8) == Range{8, 9});
    CHECK(word_at(t, 9) == Range{9, 12});
    CHECK(word_at(t, 11) == Range{9, 12});
    CHECK(word_at(t, 12) == Range{9, 12});  // the end: the last character's word
    CHECK(word_at(t, 99) == Range{9, 12});
}

namespace {

// One word_at case: the text, the offset clicked, the word expected.
struct WordCase {
    const char32_t* text;
    size_t cp;
    Range want;
};

void check_words(std::initializer_list<WordCase> cases) {
    for (const WordCase& c : cases) {
        INFO("cp " << c.cp << " of a " << std::u32string(c.text).size() << "-character text");
        CHECK(word_at(c.text, c.cp) == c.want);
    }
}

}  // namespace

TEST_CASE("word_at: apostrophes, combining marks, dates", "[boundaries]") {
    check_words({
        {U"don't", 3, {0, 5}},
        // Not between letters: a mark of its own.
        {U"boys\u2019 toys", 4, {4, 5}},
        {U"boys\u2019 toys", 1, {0, 4}},
        {U"\u2019tis", 0, {0, 1}},
        {U"\u2019tis", 2, {1, 4}},
        // A combining mark stays in its word.
        {U"cafe\u0301 au lait", 1, {0, 5}},
        {U"2013-04-25", 1, {0, 4}},
        {U"2013-04-25", 4, {4, 5}},
    });
}

TEST_CASE("word_at: space runs, punctuation, newlines", "[boundaries]") {
    check_words({
        // a0 _1 nbsp2 _3 _4 b5
        {U"a \u00A0  b", 1, {1, 5}},
        {U"a \u00A0  b", 3, {1, 5}},
        {U"a \u00A0  b", 5, {5, 6}},
        // H0 e1 l2 l3 o4 ,5 _6 w7 o8 r9 l10 d11 ?12 !13
        {U"Hello, world?!", 5, {5, 6}},
        {U"Hello, world?!", 6, {6, 7}},
        {U"Hello, world?!", 12, {12, 13}},
        {U"Hello, world?!", 13, {13, 14}},
        {U"a\u2014b", 1, {1, 2}},
        {U"\u201CHi\u201D", 0, {0, 1}},
        {U"\u201CHi\u201D", 1, {1, 3}},
        // A newline selects nothing.
        {U"ab\ncd", 2, {2, 2}},
        {U"ab\ncd", 3, {3, 5}},
        {U"", 0, {0, 0}},
    });
}

TEST_CASE("paragraph_at", "[boundaries]") {
    // a0 b1 \n2 c3 d4 \n5 \n6 e7 f8
    const std::u32string t = U"ab\ncd\n\nef";
    CHECK(paragraph_at(t, 0) == Range{0, 2});
    CHECK(paragraph_at(t, 1) == Range{0, 2});
    CHECK(paragraph_at(t, 2) == Range{0, 2});  // a '\n' belongs to the paragraph it ends
    CHECK(paragraph_at(t, 3) == Range{3, 5});
    CHECK(paragraph_at(t, 5) == Range{3, 5});
    CHECK(paragraph_at(t, 6) == Range{6, 6});  // the blank line
    CHECK(paragraph_at(t, 7) == Range{7, 9});
    CHECK(paragraph_at(t, 9) == Range{7, 9});
    CHECK(paragraph_at(t, 50) == Range{7, 9});
    CHECK(paragraph_at(U"", 0) == Range{0, 0});
    CHECK(paragraph_at(U"one line", 3) == Range{0, 8});
}

TEST_CASE("unit_range_at", "[selection]") {
    const std::u32string t = U"Huawei\u2019s CEO\nsaid so.";
    CHECK(unit_range_at(t, 3, SelectUnit::Character) == Range{3, 3});
    CHECK(unit_range_at(t, 99, SelectUnit::Character) == Range{21, 21});
    CHECK(unit_range_at(t, 3, SelectUnit::Word) == Range{0, 8});
    CHECK(unit_range_at(t, 16, SelectUnit::Word) == Range{13, 17});
    CHECK(unit_range_at(t, 3, SelectUnit::Paragraph) == Range{0, 12});
    CHECK(unit_range_at(t, 16, SelectUnit::Paragraph) == Range{13, 21});
}

TEST_CASE("TextSelection begin/end/empty", "[selection]") {
    const cm::TextSelection forwards{2, 7}, backwards{7, 2}, caret{4, 4};
    CHECK(forwards.begin() == 2);
    CHECK(forwards.end() == 7);
    CHECK(backwards.begin() == 2);
    CHECK(backwards.end() == 7);
    CHECK_FALSE(backwards.empty());
    CHECK(caret.empty());
}

TEST_CASE("extend_selection by characters", "[selection]") {
    const std::u32string t = U"one two";
    const auto s = extend_selection(t, {5, 5}, 2, SelectUnit::Character);
    CHECK(s.anchor == 5);
    CHECK(s.caret == 2);
    const auto clamped = extend_selection(t, {1, 1}, 40, SelectUnit::Character);
    CHECK(clamped.anchor == 1);
    CHECK(clamped.caret == 7);
}

TEST_CASE("extend_selection by words, forwards and backwards", "[selection]") {
    // o0 n1 e2 _3 t4 w5 o6 _7 t8 h9 r10 e11 e12 _13 f14 o15 u16 r17 (size 18)
    const std::u32string t = U"one two three four";
    const Range three{8, 13};
    REQUIRE(word_at(t, 10) == three);
    // Each case: where the pointer's caret is, and the {anchor, caret} expected.
    auto expect = [&](std::initializer_list<std::pair<size_t, Range>> cases) {
        for (const auto& [hit, want] : cases) {
            INFO("hit " << hit);
            const auto s = extend_selection(t, three, hit, SelectUnit::Word);
            CHECK(Range{s.anchor, s.caret} == want);
        }
    };
    SECTION("inside the first word: just that word") {
        // The caret right after the word (pointer on the right half of its
        // last letter) does not grab the following space.
        expect({{8, {8, 13}}, {10, {8, 13}}, {13, {8, 13}}});
    }
    SECTION("forwards: whole words up to the pointer") {
        // After the space: the space only; inside "four" and beyond: all of it.
        expect({{14, {8, 14}}, {15, {8, 18}}, {17, {8, 18}}, {18, {8, 18}}, {500, {8, 18}}});
    }
    SECTION("backwards: the anchor moves to the end of the first word") {
        // Before the space: the space only; inside "two": all of it.
        expect({{7, {13, 7}}, {6, {13, 4}}, {4, {13, 4}}, {3, {13, 3}}, {1, {13, 0}}, {0, {13, 0}}});
    }
}

TEST_CASE("extend_selection by paragraphs", "[selection]") {
    // a0 b1 \n2 c3 d4 \n5 \n6 e7 f8
    const std::u32string t = U"ab\ncd\n\nef";
    const Range cd = paragraph_at(t, 4);
    REQUIRE(cd == Range{3, 5});
    const auto fwd = extend_selection(t, cd, 8, SelectUnit::Paragraph);
    CHECK(fwd.anchor == 3);
    CHECK(fwd.caret == 9);
    const auto back = extend_selection(t, cd, 1, SelectUnit::Paragraph);
    CHECK(back.anchor == 5);
    CHECK(back.caret == 0);
    const auto same = extend_selection(t, cd, 4, SelectUnit::Paragraph);
    CHECK(same.anchor == 3);
    CHECK(same.caret == 5);
}
