// Line breaking, hit-testing and selection rectangles with fake metrics:
// every glyph is 10 wide and lines are 20 high unless a test says otherwise.
// Print std::pair values (ranges) in failure messages.
#define CATCH_CONFIG_ENABLE_PAIR_STRINGMAKER
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "core/layout.h"
#include "core/text.h"

using cm::LayoutCache;
using cm::LayoutRect;
using cm::Text;
using cm::TextLayout;

namespace {

const cm::AdvanceFn kMono = [](char32_t) { return 10.0f; };

TextLayout lay_out(const Text& t, float wrap_width) {
    TextLayout l;
    l.build(t, kMono, 20.0f, wrap_width);
    return l;
}

// "[begin,end)" per line, e.g. "[0,8) [8,11)", so a failure shows every line.
std::string spans(const TextLayout& l) {
    std::ostringstream s;
    for (const auto& line : l.lines()) s << (s.tellp() > 0 ? " " : "") << '[' << line.begin << ',' << line.end << ')';
    return s.str();
}

std::string rects_str(const std::vector<LayoutRect>& rs) {
    std::ostringstream s;
    for (const auto& r : rs) s << '{' << r.x0 << ',' << r.y0 << ',' << r.x1 << ',' << r.y1 << '}';
    return s.str();
}

std::vector<LayoutRect> rects(const TextLayout& l, size_t begin, size_t end, float newline_width = 5) {
    std::vector<LayoutRect> out;
    l.range_rects(begin, end, newline_width, out);
    return out;
}

}  // namespace

TEST_CASE("layout: wraps at spaces, which hang past the edge", "[layout]") {
    // a0 a1 a2 _3 b4 b5 b6 _7 c8 c9 c10: "aaa bbb " is 80 wide; the space
    // at 70..80 hangs past the 70 edge instead of starting line 2.
    const Text t("aaa bbb ccc");
    const TextLayout l = lay_out(t, 70);
    REQUIRE(spans(l) == "[0,8) [8,11)");
    const auto& ls = l.lines();
    CHECK(ls[0].width == 80.0f);
    CHECK(ls[0].y == 0.0f);
    CHECK(ls[0].paragraph == 0);
    CHECK_FALSE(ls[0].ends_paragraph);
    CHECK(ls[1].width == 30.0f);
    CHECK(ls[1].y == 20.0f);
    CHECK(ls[1].paragraph == 0);
    CHECK(ls[1].ends_paragraph);
    CHECK(l.height() == 40.0f);
    CHECK(l.size() == 11);

    // Wide enough for everything: one line.
    CHECK(spans(lay_out(t, 110)) == "[0,11)");
    // A run of spaces hangs as a whole.
    const TextLayout runs = lay_out(Text("aa   bb"), 40);
    CHECK(spans(runs) == "[0,5) [5,7)");
    CHECK(runs.lines()[0].width == 50.0f);
}

TEST_CASE("layout: breaks at the last space that fits", "[layout]") {
    // a0 b1 _2 c3 d4 _5 e6 f7 _8 g9 h10 (W 75: "ab cd " is 60, "ab cd ef" 80)
    const TextLayout l = lay_out(Text("ab cd ef gh"), 75);
    CHECK(spans(l) == "[0,6) [6,11)");
    CHECK(l.lines()[0].width == 60.0f);
    CHECK(l.lines()[1].width == 50.0f);
    CHECK(l.x_of(6) == 0.0f);
    CHECK(l.x_of(9) == 30.0f);
}

TEST_CASE("layout: a no-break space never breaks", "[layout]") {
    // a0 b1 _2 c3 d4 nbsp5 e6 f7: "cd ef" must move down as one.
    const TextLayout nb = lay_out(Text("ab cd\xC2\xA0" "ef"), 75);
    CHECK(spans(nb) == "[0,3) [3,8)");
    CHECK(nb.lines()[0].width == 30.0f);
    CHECK(nb.lines()[1].width == 50.0f);
    // The same with an ordinary space breaks after it.
    CHECK(spans(lay_out(Text("ab cd ef"), 75)) == "[0,6) [6,8)");
}

TEST_CASE("layout: a word longer than the line is broken between characters", "[layout]") {
    const TextLayout l = lay_out(Text("abcdefghij"), 35);
    CHECK(spans(l) == "[0,3) [3,6) [6,9) [9,10)");
    CHECK(l.lines()[0].width == 30.0f);
    CHECK(l.lines()[3].width == 10.0f);
    CHECK(l.lines()[3].y == 60.0f);

    // After a short word, the long one starts its own line first.
    CHECK(spans(lay_out(Text("a bcdefg"), 35)) == "[0,2) [2,5) [5,8)");
    // Even a single glyph wider than the line gets a line of its own.
    CHECK(spans(lay_out(Text("abc"), 5)) == "[0,1) [1,2) [2,3)");
}

TEST_CASE("layout: a long word after a narrow one still respects the width", "[layout]") {
    // Narrow 'i' and space (1 wide), 'm' 10 wide; W 35. "i " fits, then
    // "mmmm" (40) is too long for any line: it must still be cut at 30.
    const cm::AdvanceFn narrow_i = [](char32_t c) { return (c == 'i' || c == ' ') ? 1.0f : 10.0f; };
    TextLayout l;
    l.build(Text("i mmmm"), narrow_i, 20.0f, 35.0f);
    CHECK(spans(l) == "[0,2) [2,5) [5,6)");
    for (const auto& line : l.lines()) CHECK(line.width <= 35.0f);
    CHECK(l.x_of(4) == 20.0f);
    CHECK(l.x_of(5) == 0.0f);
}

TEST_CASE("layout: breaks after hyphens and dashes", "[layout]") {
    // a0 b1 -2 c3 d4: "ab-" on line 1, "cd" on line 2.
    const TextLayout hy = lay_out(Text("ab-cd"), 35);
    CHECK(spans(hy) == "[0,3) [3,5)");
    CHECK(hy.lines()[0].width == 30.0f);
    // a0 a1 a2 a3 —4 b5 b6 b7 b8
    const TextLayout dash = lay_out(Text("aaaa\xE2\x80\x94" "bbbb"), 75);
    CHECK(spans(dash) == "[0,5) [5,9)");
    CHECK(dash.lines()[0].width == 50.0f);
    CHECK(dash.lines()[1].width == 40.0f);
    CHECK(spans(lay_out(Text("and/or"), 45)) == "[0,4) [4,6)");
}

TEST_CASE("layout: newlines make paragraphs; blank lines are kept", "[layout]") {
    // a0 b1 \n2 \n3 c4 d5
    const TextLayout l = lay_out(Text("ab\n\ncd"), 100);
    REQUIRE(spans(l) == "[0,2) [3,3) [4,6)");
    const auto& ls = l.lines();
    CHECK(ls[0].paragraph == 0);
    CHECK(ls[1].paragraph == 1);
    CHECK(ls[2].paragraph == 2);
    CHECK(ls[1].y == 20.0f);
    CHECK(ls[2].y == 40.0f);
    CHECK(ls[1].width == 0.0f);
    for (const auto& line : ls) CHECK(line.ends_paragraph);

    CHECK(spans(lay_out(Text("\n\n"), 100)) == "[0,0) [1,1) [2,2)");
    CHECK(spans(lay_out(Text("ab\n"), 100)) == "[0,2) [3,3)");
    CHECK(spans(lay_out(Text(""), 100)) == "[0,0)");

    // Wrapping inside the second paragraph keeps its paragraph index.
    // a0 b1 \n2 c3 c4 c5 _6 d7 d8 d9
    const TextLayout w = lay_out(Text("ab\nccc ddd"), 35);
    REQUIRE(spans(w) == "[0,2) [3,7) [7,10)");
    CHECK(w.lines()[1].paragraph == 1);
    CHECK(w.lines()[2].paragraph == 1);
    CHECK_FALSE(w.lines()[1].ends_paragraph);
    CHECK(w.lines()[2].y == 40.0f);
}

TEST_CASE("layout: x_of, y_of and line_of", "[layout]") {
    const Text t("aaa bbb ccc\nxy");  // lines [0,8) [8,11) [12,14)
    const TextLayout l = lay_out(t, 70);
    REQUIRE(spans(l) == "[0,8) [8,11) [12,14)");
    CHECK(l.x_of(0) == 0.0f);
    CHECK(l.x_of(3) == 30.0f);
    CHECK(l.x_of(7) == 70.0f);
    // A wrap point belongs to the line it starts.
    CHECK(l.line_of(8) == 1);
    CHECK(l.x_of(8) == 0.0f);
    CHECK(l.y_of(8) == 20.0f);
    // The '\n' is at the end of its line.
    CHECK(l.line_of(11) == 1);
    CHECK(l.x_of(11) == 30.0f);
    CHECK(l.y_of(11) == 20.0f);
    CHECK(l.x_of(13) == 10.0f);
    CHECK(l.y_of(13) == 40.0f);
    CHECK(l.x_of(14) == 20.0f);
    CHECK(l.x_of(99) == 20.0f);
    CHECK(l.y_of(99) == 40.0f);
}

TEST_CASE("layout: char_at picks the glyph under the point", "[layout]") {
    const Text t("aaa bbb ccc\nxy");  // lines [0,8) [8,11) [12,14)
    const TextLayout l = lay_out(t, 70);
    REQUIRE(spans(l) == "[0,8) [8,11) [12,14)");
    CHECK(l.char_at(0, 5) == 0);
    CHECK(l.char_at(9.9f, 5) == 0);    // right half of 'a': still that 'a', where hit_test says 1
    CHECK(l.hit_test(9.9f, 5) == 1);
    CHECK(l.char_at(10, 5) == 1);
    CHECK(l.char_at(29.9f, 5) == 2);   // right half of the last 'a' is not the space
    CHECK(l.char_at(-30, 25) == 8);    // left of a line: its first glyph
    CHECK(l.char_at(900, 25) == 10);   // right of a line: its last glyph, not the '\n'
    CHECK(l.char_at(15, -100) == 1);   // above: clamped to the first line
    CHECK(l.char_at(15, 1000) == 13);  // below: clamped to the last line
    const TextLayout blank = lay_out(Text("ab\n\ncd"), 100);
    CHECK(blank.char_at(50, 25) == 3);  // an empty line: its position
}

TEST_CASE("layout: hit_test", "[layout]") {
    const Text t("aaa bbb ccc\nxy");  // lines [0,8) [8,11) [12,14)
    const TextLayout l = lay_out(t, 70);
    REQUIRE(spans(l) == "[0,8) [8,11) [12,14)");
    SECTION("left of a glyph's middle is before it, right of it after") {
        CHECK(l.hit_test(0, 5) == 0);
        CHECK(l.hit_test(4.9f, 5) == 0);
        CHECK(l.hit_test(5.1f, 5) == 1);
        CHECK(l.hit_test(14.9f, 19.9f) == 1);
        CHECK(l.hit_test(15.1f, 0) == 2);
        CHECK(l.hit_test(-30, 5) == 0);
        CHECK(l.hit_test(14, 25) == 9);
        CHECK(l.hit_test(16, 25) == 10);
        CHECK(l.hit_test(-30, 25) == 8);
    }
    SECTION("beyond the end of a line gives the line end") {
        CHECK(l.hit_test(74.9f, 5) == 7);
        CHECK(l.hit_test(75.1f, 5) == 8);
        CHECK(l.hit_test(900, 5) == 8);
        CHECK(l.hit_test(900, 25) == 11);  // the '\n'
        CHECK(l.hit_test(900, 45) == 14);
    }
    SECTION("above the text gives 0, below it size()") {
        CHECK(l.hit_test(50, -1) == 0);
        CHECK(l.hit_test(900, -100) == 0);
        CHECK(l.hit_test(0, 60) == 14);
        CHECK(l.hit_test(0, 1000) == 14);
    }
    SECTION("blank lines") {
        const TextLayout b = lay_out(Text("ab\n\ncd"), 100);
        CHECK(b.hit_test(0, 25) == 3);
        CHECK(b.hit_test(500, 25) == 3);
    }
    SECTION("empty text") {
        const TextLayout e = lay_out(Text(""), 100);
        CHECK(e.hit_test(0, 0) == 0);
        CHECK(e.hit_test(50, 50) == 0);
    }
}

TEST_CASE("layout: a caret at a wrap point shows at the start of the next line", "[layout]") {
    // The documented ambiguity: the end of a wrapped line and the start of
    // the next are the same offset, and it is drawn on the next line.
    const TextLayout l = lay_out(Text("aaa bbb ccc"), 70);
    const size_t at_end_of_line_0 = l.hit_test(900, 5);
    CHECK(at_end_of_line_0 == 8);
    CHECK(l.y_of(at_end_of_line_0) == 20.0f);
    CHECK(l.x_of(at_end_of_line_0) == 0.0f);
}

TEST_CASE("layout: hit_test inverts x_of / y_of for every offset", "[layout]") {
    // Wraps at spaces, a hanging space run, a hyphen, a no-break space,
    // a long word cut between characters, blank lines and a final '\n'.
    const Text t("The quick  brown fox\xE2\x80\x94jumps over-the lazy\xC2\xA0" "dog.\n\n"
                 "Supercalifragilistic word, and\n\xE2\x80\x9CHuawei\xE2\x80\x99s CEO\xE2\x80\x9D said.\n");
    for (float width : {35.0f, 70.0f, 95.0f, 160.0f, 1000.0f}) {
        const TextLayout l = lay_out(t, width);
        REQUIRE(l.size() == t.size());
        for (size_t cp = 0; cp <= t.size(); ++cp) {
            INFO("width " << width << ", cp " << cp);
            CHECK(l.hit_test(l.x_of(cp) + 0.1f, l.y_of(cp) + 1) == cp);
        }
    }
}

TEST_CASE("layout: lines_between a visible window", "[layout]") {
    // Ten one-letter lines, 20 high: 200 in all.
    const TextLayout l = lay_out(Text("a\nb\nc\nd\ne\nf\ng\nh\ni\nj"), 100);
    REQUIRE(l.lines().size() == 10);
    using P = std::pair<size_t, size_t>;
    CHECK(l.lines_between(30, 70) == P{1, 4});  // lines 1 [20,40), 2, 3 [60,80)
    CHECK(l.lines_between(40, 60) == P{2, 3});  // exactly line 2
    CHECK(l.lines_between(0, 200) == P{0, 10});
    CHECK(l.lines_between(-50, 10) == P{0, 1});
    CHECK(l.lines_between(190, 500) == P{9, 10});
    CHECK(l.lines_between(-50, 0) == P{0, 0});
    CHECK(l.lines_between(200, 300) == P{0, 0});
}

TEST_CASE("layout: range_rects", "[layout]") {
    SECTION("within one line") {
        const TextLayout l = lay_out(Text("aaa bbb ccc"), 70);  // [0,8) [8,11)
        CHECK(rects_str(rects(l, 1, 3)) == "{10,0,30,20}");
        CHECK(rects_str(rects(l, 9, 11)) == "{10,20,30,40}");
        CHECK(rects(l, 3, 3).empty());
        CHECK(rects(l, 5, 2).empty());
    }
    SECTION("across a wrap: no newline width") {
        const TextLayout l = lay_out(Text("aaa bbb ccc"), 70);
        CHECK(rects_str(rects(l, 2, 9)) == "{20,0,80,20}{0,20,10,40}");
        CHECK(rects_str(rects(l, 0, 11)) == "{0,0,80,20}{0,20,30,40}");
    }
    SECTION("across a '\\n': the line end gets newline_width") {
        const TextLayout l = lay_out(Text("ab\ncd"), 100);  // [0,2) [3,5)
        CHECK(rects_str(rects(l, 1, 4)) == "{10,0,25,20}{0,20,10,40}");
        CHECK(rects_str(rects(l, 0, 2)) == "{0,0,20,20}");   // up to the '\n'
        CHECK(rects_str(rects(l, 0, 3)) == "{0,0,25,20}");   // including it
        CHECK(rects_str(rects(l, 2, 3)) == "{20,0,25,20}");  // just the '\n'
        CHECK(rects_str(rects(l, 1, 4, 0)) == "{10,0,20,20}{0,20,10,40}");
    }
    SECTION("a blank line in the middle shows as its newline") {
        const TextLayout l = lay_out(Text("a\n\nb"), 100);  // [0,1) [2,2) [3,4)
        CHECK(rects_str(rects(l, 0, 4)) == "{0,0,15,20}{0,20,5,40}{0,40,10,60}");
    }
    SECTION("a range past the end is clamped") {
        const TextLayout l = lay_out(Text("abc"), 100);
        CHECK(rects_str(rects(l, 1, 50)) == "{10,0,30,20}");
        CHECK(rects(l, 5, 10).empty());
    }
}

TEST_CASE("LayoutCache rebuilds only when its key changes", "[layout]") {
    int advance_calls = 0;
    const cm::AdvanceFn counting = [&](char32_t) {
        ++advance_calls;
        return 10.0f;
    };
    const Text t("aaa bbb ccc");  // 11 code points
    const Text other("aaa bbb ccc");
    LayoutCache cache;
    CHECK(cache.rebuild_count() == 0);

    LayoutCache::Key key{&t, 1, 70.0f, 16.0f, 20.0f};
    CHECK(cache.ensure(key, counting));
    CHECK(cache.rebuild_count() == 1);
    CHECK(advance_calls == 11);
    CHECK(cache.layout().lines().size() == 2);

    SECTION("the same key twice does nothing") {
        CHECK_FALSE(cache.ensure(key, counting));
        LayoutCache::Key copy = key;
        CHECK_FALSE(cache.ensure(copy, counting));
        CHECK(cache.rebuild_count() == 1);
        CHECK(advance_calls == 11);
    }
    SECTION("a new wrap width rebuilds, once") {
        key.wrap_width = 200.0f;
        CHECK(cache.ensure(key, counting));
        CHECK_FALSE(cache.ensure(key, counting));
        CHECK(cache.rebuild_count() == 2);
        CHECK(advance_calls == 22);
        CHECK(cache.layout().lines().size() == 1);
    }
    SECTION("a new font rebuilds") {
        key.font_key = 18.0f;
        CHECK(cache.ensure(key, counting));
        CHECK(cache.rebuild_count() == 2);
    }
    SECTION("a new line height rebuilds") {
        key.line_height = 24.0f;
        CHECK(cache.ensure(key, counting));
        CHECK(cache.rebuild_count() == 2);
        CHECK(cache.layout().line_height() == 24.0f);
        CHECK(cache.layout().lines()[1].y == 24.0f);
    }
    SECTION("a new text revision rebuilds") {
        key.text_revision = 2;
        CHECK(cache.ensure(key, counting));
        CHECK(cache.rebuild_count() == 2);
    }
    SECTION("another Text object rebuilds, even with equal contents") {
        key.text = &other;
        CHECK(cache.ensure(key, counting));
        CHECK(cache.rebuild_count() == 2);
    }
    SECTION("invalidate forces a rebuild with the same key") {
        cache.invalidate();
        CHECK(cache.ensure(key, counting));
        CHECK_FALSE(cache.ensure(key, counting));
        CHECK(cache.rebuild_count() == 2);
    }
}

TEST_CASE("layout: step by step gives the same lines and positions as build", "[layout]") {
    // Paragraphs of varied lengths, an empty one, a word longer than a line,
    // astral characters and a trailing newline.
    std::string s;
    for (int p = 0; p < 40; ++p) {
        for (int w = 0; w < (p * 7) % 23; ++w) s += (w % 5 == 4) ? "unbreakablewordthatislong " : "word\xF0\x9F\x98\x80 ";
        s += (p % 9 == 3) ? "\n\n" : "\n";
    }
    const Text t(s);
    const TextLayout whole = lay_out(t, 130);
    REQUIRE(whole.lines().size() > 100);
    for (const size_t slice : {1, 7, 50, 400, 100000}) {
        INFO("slices of " << slice << " code points");
        TextLayout l;
        l.begin(t, 20.0f, 130);
        int steps = 0;
        double last = -1;
        while (!l.step(kMono, slice)) {
            CHECK_FALSE(l.complete());
            CHECK(l.progress() > last);
            last = l.progress();
            // What is laid out so far is the start of the whole layout.
            REQUIRE(l.lines().size() <= whole.lines().size());
            CHECK(l.lines().back().end == whole.lines()[l.lines().size() - 1].end);
            ++steps;
        }
        CHECK(l.complete());
        CHECK(l.progress() == 1.0);
        if (slice < 400) CHECK(steps > 10);
        CHECK(spans(l) == spans(whole));
        for (size_t cp = 0; cp <= t.size(); ++cp) {
            CHECK(l.x_of(cp) == whole.x_of(cp));
            CHECK(l.y_of(cp) == whole.y_of(cp));
        }
    }
}

TEST_CASE("LayoutCache with a frame budget lays out across calls, and restarts on a new key", "[layout]") {
    std::string s;
    for (int p = 0; p < 5000; ++p) s += "A paragraph of a few words, repeated to make a long text.\n";
    const Text t(s);
    LayoutCache cache;
    LayoutCache::Key key{&t, 1, 300.0f, 16.0f, 20.0f};
    const auto no_time = [] { return false; };  // one slice per call
    CHECK(cache.ensure(key, kMono, no_time));
    CHECK_FALSE(cache.complete());
    const double first = cache.progress();
    CHECK(first > 0);
    CHECK(first < 0.5);
    int calls = 1;
    while (!cache.complete()) {
        CHECK_FALSE(cache.ensure(key, kMono, no_time));  // carrying on is not a rebuild
        ++calls;
        REQUIRE(calls < 1000);
    }
    CHECK(calls > 3);
    CHECK(cache.rebuild_count() == 1);
    CHECK(spans(cache.layout()) == spans(lay_out(t, 300)));
    // A new width mid-way starts over from the top.
    key.wrap_width = 200.0f;
    CHECK(cache.ensure(key, kMono, no_time));
    CHECK_FALSE(cache.complete());
    CHECK(cache.progress() <= first + 1e-9);
    CHECK(cache.ensure(key, kMono) == false);  // no budget: finishes now
    CHECK(cache.complete());
    CHECK(spans(cache.layout()) == spans(lay_out(t, 200)));
}
