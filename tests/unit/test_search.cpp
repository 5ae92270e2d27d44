// Corpus search (core/search.h): each option with exact code-point offsets,
// case folding of accented letters, straight and curly quotes, astral
// characters, whole words at punctuation, regex (valid and invalid
// patterns, zero-length matches, paragraph anchors), note hits, scope, the
// hit cap and the context snippet; and random patterns: whatever the syntax
// check lets through, std::regex compiles (the web build cannot catch its errors).
#include <catch2/catch.hpp>

#include <random>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "core/regex_check.h"
#include "core/search.h"
#include "test_support.h"

using cm::Corpus;
using cm::SearchHit;
using cm::SearchOptions;

namespace {

// "Huawei said the Élysée was “closed”. HUAWEI’s rivals; Huaweis too.\nA second line about élysée."
const std::string kTextA =
    "Huawei said the \xC3\x89lys\xC3\xA9" "e was \xE2\x80\x9C" "closed\xE2\x80\x9D. HUAWEI\xE2\x80\x99s rivals; Huaweis too.\n"
    "A second line about \xC3\xA9lys\xC3\xA9" "e.";
// "😀 Huawei 𝐀 café" — two astral characters before the later words.
const std::string kTextB = "\xF0\x9F\x98\x80 Huawei \xF0\x9D\x90\x80 caf\xC3\xA9";

Corpus two_articles() {
    Corpus c;
    c.documents.push_back(cm::test::doc("a", kTextA));
    c.documents.push_back(cm::test::doc("b", kTextB));
    return c;
}

using Found = std::vector<std::pair<uint32_t, uint32_t>>;

Found offsets(const cm::SearchResult& r, const std::string& doc = "a") {
    Found out;
    for (const SearchHit& h : r.hits)
        if (h.doc == doc && !h.in_note()) out.emplace_back(h.start, h.end);
    return out;
}

cm::SearchResult find(const std::string& q, SearchOptions o = {}) {
    static const Corpus corpus = two_articles();
    static const cm::Annotations none;
    return cm::search_corpus(corpus, none, q, o);
}

SearchOptions opts(bool case_sensitive, bool whole_word, bool regex = false) {
    SearchOptions o;
    o.case_sensitive = case_sensitive;
    o.whole_word = whole_word;
    o.regex = regex;
    return o;
}

}  // namespace

TEST_CASE("search: plain text ignores case by default, with exact offsets", "[search]") {
    const auto r = find("huawei");
    CHECK(r.error.empty());
    // Huawei at 0, HUAWEI at 37, Huaweis at 54 in "a"; Huawei at 2 in "b".
    CHECK(offsets(r) == Found{{0, 6}, {37, 43}, {54, 60}});
    CHECK(offsets(r, "b") == Found{{2, 8}});
    CHECK(r.documents_with_hits == 2);
    CHECK_FALSE(r.capped);
}

TEST_CASE("search: case-sensitive and whole-word options", "[search]") {
    CHECK(offsets(find("Huawei", opts(true, false))) == Found{{0, 6}, {54, 60}});
    // HUAWEI’s stands alone (’ is not a word character); Huaweis does not.
    CHECK(offsets(find("huawei", opts(false, true))) == Found{{0, 6}, {37, 43}});
    CHECK(offsets(find("Huawei", opts(true, true))) == Found{{0, 6}});
    CHECK(offsets(find("HUAWEIS", opts(true, false))).empty());
}

TEST_CASE("search: accented letters fold case (Latin-1 and Extended-A)", "[search]") {
    // Élysée at 16, élysée at 87.
    CHECK(offsets(find("\xC3\xA9lys\xC3\xA9" "e")) == Found{{16, 22}, {87, 93}});
    CHECK(offsets(find("\xC3\x89LYS\xC3\x89" "E")) == Found{{16, 22}, {87, 93}});
    CHECK(offsets(find("\xC3\xA9lys\xC3\xA9" "e", opts(true, false))) == Found{{87, 93}});
    CHECK(cm::fold_case_simple(0x141) == 0x142);  // Ł → ł
    CHECK(cm::fold_case_simple(0x160) == 0x161);  // Š → š
    CHECK(cm::fold_case_simple(0x178) == 0xFF);   // Ÿ → ÿ
    CHECK(cm::fold_case_simple(0xD7) == 0xD7);    // × is no letter
    CHECK(cm::fold_case_simple(0x3A3) == 0x3C3);  // Σ → σ
}

TEST_CASE("search: straight quotes find curly ones, and the other way round (not in regex mode)", "[search]") {
    CHECK(offsets(find("\"closed\"")) == Found{{27, 35}});
    CHECK(offsets(find("HUAWEI's", opts(true, false))) == Found{{37, 45}});
    CHECK(offsets(find("\xE2\x80\x9C" "closed\xE2\x80\x9D")) == Found{{27, 35}});
    CHECK(offsets(find("\"closed\"", opts(false, false, true))).empty());
}

TEST_CASE("search: offsets are code points after astral characters", "[search]") {
    // 😀 is one code point (two UTF-16 units, four bytes): Huawei starts at 2.
    CHECK(offsets(find("Huawei"), "b") == Found{{2, 8}});
    CHECK(offsets(find("caf\xC3\xA9"), "b") == Found{{11, 15}});
    CHECK(offsets(find("CAF\xC3\x89"), "b") == Found{{11, 15}});
    CHECK(offsets(find("\xF0\x9D\x90\x80"), "b") == Found{{9, 10}});
    // In a regex "." is one code point, astral or not.
    CHECK(offsets(find(". Huawei", opts(false, false, true)), "b") == Found{{0, 8}});
    CHECK(offsets(find("caf.", opts(false, false, true)), "b") == Found{{11, 15}});
}

TEST_CASE("search: whole word at punctuation", "[search]") {
    Corpus c;
    c.documents.push_back(cm::test::doc("p", "U.S. and U.S.A. (Huawei), Huawei-made; NotHuawei."));
    const cm::Annotations none;
    auto run = [&](const std::string& q, bool regex = false) {
        return offsets(cm::search_corpus(c, none, q, opts(false, true, regex)), "p");
    };
    CHECK(run("U.S.") == Found{{0, 4}});  // not the start of U.S.A.
    CHECK(run("huawei") == Found{{17, 23}, {26, 32}});
    // "Huawei-" is followed by a letter, "Huawei." preceded by one.
    CHECK(run("Huawei\\W", true) == Found{{17, 24}});
    const auto capitalised = cm::search_corpus(c, none, "[A-Z]\\w+", opts(true, true, true));
    CHECK(offsets(capitalised, "p") == Found{{17, 23}, {26, 32}, {39, 48}});
}

TEST_CASE("search: regex with case folding, groups and paragraph anchors", "[search]") {
    CHECK(offsets(find("Hua(wei)s?", opts(true, false, true))) == Found{{0, 6}, {54, 61}});
    CHECK(offsets(find("\xC3\xA9lys\xC3\xA9" "e", opts(false, false, true))) == Found{{16, 22}, {87, 93}});
    CHECK(offsets(find("^A \\w+", opts(true, false, true))) == Found{{67, 75}});  // the second paragraph's start
    CHECK(offsets(find("too\\.$", opts(true, false, true))) == Found{{62, 66}});  // the first paragraph's end
    CHECK(offsets(find("\\bs\\w+", opts(true, false, true))) == Found{{7, 11}, {69, 75}});
    CHECK(offsets(find("(\\w)\\1", opts(false, false, true))) == Found{{63, 65}});  // "too"
    CHECK(offsets(find("(o)(?=s)", opts(false, false, true))) == Found{{30, 31}});
}

TEST_CASE("search: zero-length regex matches are skipped", "[search]") {
    Corpus c;
    c.documents.push_back(cm::test::doc("z", "axxb xx"));
    const cm::Annotations none;
    const auto o = opts(false, false, true);
    CHECK(offsets(cm::search_corpus(c, none, "x*", o), "z") == Found{{1, 3}, {5, 7}});
    const auto boundaries = cm::search_corpus(c, none, "\\b", o);
    CHECK(boundaries.error.empty());
    CHECK(boundaries.hits.empty());
    CHECK(cm::search_corpus(c, none, "", o).hits.empty());
}

TEST_CASE("search: an invalid regex is a message, never an exception", "[search]") {
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"(Huawei", "missing ) for this (, at character 1"},          {"Huawei)", "no ("},
        {"*Huawei", "nothing before *"},   {"a**", "one repeat cannot follow another"},
        {"a{2,1}", "larger count"},        {"a{x}", "repeats what comes before"},
        {"[z-a]", "runs backwards"},       {"[abc", "missing ]"},
        {"(a)\\2", "refers to group 2"},   {"(?<=a)b", "only (?:"},
        {"[[:alpha:]]", "[:alpha:]"},      {"abc\\", "lone \\"},
        {"\\q", "\\q is not an escape"},   {"^*", "cannot repeat"},
        {"a{1001}", "above 1000"},         {"[\\d-z]", "one character at each end"},
        {"x]", "write \\]"},               {"(a)(?=\\1)", "refers to group 1"},
    };
    for (const auto& [pattern, says] : bad) {
        INFO(pattern);
        const auto r = find(pattern, opts(false, false, true));
        CHECK(r.hits.empty());
        CHECK_THAT(r.error, Catch::Contains(says));
        CHECK_THAT(r.error, Catch::Contains(", at character"));
    }
    // The same text without the regex option is a plain search: no error.
    CHECK(find("(Huawei", opts(false, false, false)).error.empty());
    for (const char* ok : {"(a)\\1", "[a-z]+", "\\d{2,4}", "(?:x|y)*?", "a{3}", "[\\]\\-]", "[-a]", "[a-]", "\\x41\\u00e9",
                           "\\cJ", "\\.\\*\\?", "[^\\s]", "a|", "()", "(?!x)y", "\\0", "[\\b]", "\xC3\xA9+"}) {
        INFO(ok);
        CHECK(find(ok, opts(false, false, true)).error.empty());
        CHECK(find(ok, opts(true, false, true)).error.empty());
    }
}

TEST_CASE("search: random patterns the check accepts always compile", "[search]") {
    // The web build cannot catch std::regex's exceptions: anything the check
    // lets through must compile (under node this runs on libc++, the web's library).
    const std::string alphabet = "ab()[]{}*+?|^$\\.-,:=!<1209dwsbBxuc";
    std::mt19937 rng(5);
    int accepted = 0;
    for (int i = 0; i < 20000; ++i) {
        std::u32string p;
        for (size_t n = 1 + rng() % 8; n > 0; --n) p += static_cast<char32_t>(alphabet[rng() % alphabet.size()]);
        if (!cm::check_regex_pattern(p).empty()) continue;
        ++accepted;
        const std::wstring w(p.begin(), p.end());
        INFO(std::string(p.begin(), p.end()));
        CHECK_NOTHROW(std::wregex(w, std::regex_constants::ECMAScript));
        CHECK_NOTHROW(std::wregex(w, std::regex_constants::ECMAScript | std::regex_constants::icase));
    }
    CHECK(accepted > 1000);  // the test is not vacuous
}

TEST_CASE("search: notes are searched, with the span and offsets in the note", "[search]") {
    const Corpus c = two_articles();
    cm::Annotations a;
    cm::Span s;
    s.id = 7;
    s.doc = "b";
    s.label = 1;
    s.ranges = {{2, 8}};
    s.note = "\xF0\x9F\x98\x80 check the \xC3\x89lys\xC3\xA9" "e claim";  // "😀 check the Élysée claim"
    a.spans[7] = s;
    const auto r = cm::search_corpus(c, a, "\xC3\xA9lys\xC3\xA9" "e", SearchOptions{});
    REQUIRE(r.hits.size() == 3);
    CHECK(r.note_hits == 1);
    CHECK(r.documents_with_hits == 2);
    const SearchHit& note = r.hits.back();
    CHECK(note.doc == "b");
    CHECK(note.span == 7);
    CHECK(note.start == 12);
    CHECK(note.end == 18);
    SearchOptions without;
    without.include_notes = false;
    CHECK(cm::search_corpus(c, a, "\xC3\xA9lys\xC3\xA9" "e", without).hits.size() == 2);
    SearchOptions only_a;
    only_a.only_doc = "a";
    const auto in_a = cm::search_corpus(c, a, "\xC3\xA9lys\xC3\xA9" "e", only_a);
    CHECK(in_a.hits.size() == 2);
    CHECK(in_a.note_hits == 0);
    CHECK(in_a.documents_with_hits == 1);
}

TEST_CASE("search: the number of hits is capped, and says so", "[search]") {
    Corpus c;
    std::string text;
    for (int i = 0; i < 50; ++i) text += "ab ";
    c.documents.push_back(cm::test::doc("x", text));
    c.documents.push_back(cm::test::doc("y", "ab"));
    const cm::Annotations none;
    SearchOptions o;
    o.max_hits = 4;
    const auto r = cm::search_corpus(c, none, "ab", o);
    CHECK(r.capped);
    CHECK(offsets(r, "x") == Found{{0, 2}, {3, 5}, {6, 8}, {9, 11}});
    CHECK(r.documents_with_hits == 1);
    o.max_hits = 51;
    const auto all = cm::search_corpus(c, none, "ab", o);
    CHECK_FALSE(all.capped);
    CHECK(all.hits.size() == 51);
    o.max_hits = 5000;
    o.regex = true;
    const auto regex = cm::search_corpus(c, none, "a", o);
    CHECK(regex.hits.size() == 51);
}

TEST_CASE("search: a context snippet is a few words either side, on one line", "[search]") {
    const std::u32string t = cm::Text("One two three four five six seven\teight nine ten eleven twelve.\nNext.").codepoints();
    // "seven" is at 28..33.
    const auto s = cm::search_snippet(t, 28, 33, 2);
    CHECK(s.before == "\xE2\x80\xA6" "five six ");
    CHECK(s.match == "seven");
    CHECK(s.after == " eight nine\xE2\x80\xA6");
    // At a paragraph's edges there is nothing to cut, and nothing crosses the line break.
    const auto first = cm::search_snippet(t, 0, 3, 2);
    CHECK(first.before.empty());
    CHECK(first.after == " two three\xE2\x80\xA6");
    const auto last = cm::search_snippet(t, 56, 63, 3);
    CHECK(last.before == "\xE2\x80\xA6" "nine ten eleven ");
    CHECK(last.match == "twelve.");
    CHECK(last.after.empty());
    const auto next = cm::search_snippet(t, 64, 68, 3);
    CHECK(next.before.empty());
    CHECK(next.after == ".");
    // A long hit keeps its ends.
    const auto long_hit = cm::search_snippet(t, 0, 63, 2, 60, 10);
    CHECK(long_hit.match == "One t\xE2\x80\xA6" "elve.");
}
