// Attribution suggestions (core/suggest.h): each cue on a sentence of its own
// with the exact ranges, labels and links it must give; quotes (straight,
// curly, nested, interrupted, unbalanced); names (appositions, pronouns,
// aliases of known entities); negatives; code-point offsets after astral
// characters; the JSON; the gold-file reader and scorer; and random text
// (no crash, the invariants hold) and a long text (roughly linear).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/annotations.h"
#include "core/suggest.h"
#include "core/text.h"

using cm::LabelRole;
using cm::Range;
using cm::RelationType;
using cm::Suggestion;
using cm::Suggestions;
using cm::Text;

namespace {

// The code-point range of the n-th occurrence of `needle` in the text.
Range at(const Text& t, std::string_view needle, size_t n = 0) {
    size_t b = t.utf8().find(needle);
    for (size_t k = 0; k < n && b != std::string::npos; ++k) b = t.utf8().find(needle, b + 1);
    REQUIRE(b != std::string::npos);
    return Range{static_cast<uint32_t>(t.cp_of_byte(b)), static_cast<uint32_t>(t.cp_of_byte(b + needle.size()))};
}

std::string text_of(const Text& t, const Suggestion& s) {
    std::string out;
    for (const Range& r : s.ranges) out += (out.empty() ? "" : " | ") + std::string(t.slice(r.start, r.end));
    return out;
}

// The suggestions of one role, as their text ("a | b" for two ranges).
std::vector<std::string> texts(const Text& t, const Suggestions& s, LabelRole role) {
    std::vector<std::string> out;
    for (const Suggestion& g : s.spans)
        if (g.role == role) out.push_back(text_of(t, g));
    return out;
}

// The index of the suggestion of `role` whose text is `exact`; -1 if none.
long find(const Text& t, const Suggestions& s, LabelRole role, const std::string& exact) {
    for (size_t i = 0; i < s.spans.size(); ++i)
        if (s.spans[i].role == role && text_of(t, s.spans[i]) == exact) return static_cast<long>(i);
    return -1;
}

// The text of what a claim is linked to by `type`, "" if nothing.
std::string target(const Text& t, const Suggestions& s, const std::string& claim, RelationType type) {
    const long c = find(t, s, LabelRole::Claim, claim);
    if (c < 0) return "(no claim \"" + claim + "\")";
    for (const cm::SuggestedLink& l : s.links)
        if (l.from == static_cast<size_t>(c) && l.type == type) return text_of(t, s.spans[l.to]);
    return "";
}

const Suggestion* span(const Text& t, const Suggestions& s, LabelRole role, const std::string& exact) {
    const long i = find(t, s, role, exact);
    return i < 0 ? nullptr : &s.spans[static_cast<size_t>(i)];
}

// What every result must satisfy: ranges inside the text, non-empty, sorted
// and disjoint; spans sorted; no two of one role overlapping; links from a
// claim to a speaker (said_by) or a source (reported_by), each once.
void check_invariants(const Text& t, const Suggestions& s) {
    for (size_t i = 0; i < s.spans.size(); ++i) {
        const Suggestion& g = s.spans[i];
        REQUIRE(!g.ranges.empty());
        REQUIRE(g.role != LabelRole::Other);
        REQUIRE(g.confidence > 0);
        REQUIRE(g.confidence <= 1);
        REQUIRE(!g.why.empty());
        for (size_t k = 0; k < g.ranges.size(); ++k) {
            REQUIRE(g.ranges[k].start < g.ranges[k].end);
            REQUIRE(g.ranges[k].end <= t.size());
            if (k > 0) REQUIRE(g.ranges[k - 1].end <= g.ranges[k].start);
        }
        if (i > 0) REQUIRE(s.spans[i - 1].start() <= g.start());
        for (size_t j = 0; j < i; ++j) {
            if (s.spans[j].role != g.role) continue;
            for (const Range& a : s.spans[j].ranges)
                for (const Range& b : g.ranges) REQUIRE(!(a.start < b.end && b.start < a.end));
        }
    }
    for (size_t i = 0; i < s.links.size(); ++i) {
        const cm::SuggestedLink& l = s.links[i];
        REQUIRE(l.from < s.spans.size());
        REQUIRE(l.to < s.spans.size());
        REQUIRE(cm::relation_fits(l.type, s.spans[l.from].role, s.spans[l.to].role));
        for (size_t j = 0; j < i; ++j) REQUIRE(!(s.links[j].from == l.from && s.links[j].type == l.type));
    }
}

Suggestions run(const Text& t, const cm::SuggestOptions& o = {}) {
    Suggestions s = cm::suggest(t, o);
    check_invariants(t, s);
    return s;
}

}  // namespace

TEST_CASE("suggest: a quotation with 'said' after it", "[suggest]") {
    const Text t("\"We will win the league,\" said Ana Reyes.");
    const Suggestions s = run(t);
    REQUIRE(s.spans.size() == 2);
    CHECK(s.spans[0].role == LabelRole::Claim);
    CHECK(s.spans[0].ranges == std::vector<Range>{Range{1, 23}});  // no quote marks, no comma
    CHECK(s.spans[0].why == "quotation + reporting verb 'said'");
    CHECK(s.spans[0].confidence >= 0.8);
    CHECK(s.spans[1].role == LabelRole::Speaker);
    CHECK(s.spans[1].ranges == std::vector<Range>{at(t, "Ana Reyes")});
    CHECK(s.spans[1].entity == "Ana Reyes");
    REQUIRE(s.links.size() == 1);
    CHECK(s.links[0].from == 0);
    CHECK(s.links[0].to == 1);
    CHECK(s.links[0].type == RelationType::SaidBy);
}

TEST_CASE("suggest: the reporting clause before the quotation, and other verbs", "[suggest]") {
    const Text t(
        "Ana Reyes said: \"The bridge is safe.\"\n"
        "Tom Hill added, \"We have checked every bolt.\"\n"
        "\"Nothing was found,\" Jo Park insisted.\n"
        "\"It will reopen on Monday,\" the council announced.\n"
        "Mr. Lee wrote: \"I disagree with the report.\"");
    const Suggestions s = run(t);
    CHECK(target(t, s, "The bridge is safe", RelationType::SaidBy) == "Ana Reyes");
    CHECK(target(t, s, "We have checked every bolt", RelationType::SaidBy) == "Tom Hill");
    CHECK(target(t, s, "Nothing was found", RelationType::SaidBy) == "Jo Park");
    CHECK(target(t, s, "It will reopen on Monday", RelationType::SaidBy) == "the council");
    CHECK(target(t, s, "I disagree with the report", RelationType::SaidBy) == "Mr. Lee");
    CHECK(texts(t, s, LabelRole::Claim).size() == 5);
}

TEST_CASE("suggest: curly and straight quotes give the same suggestions", "[suggest]") {
    const Text straight("\"We are leaving the market,\" Ren Zhengfei told reporters.");
    const Text curly("\xE2\x80\x9CWe are leaving the market,\xE2\x80\x9D Ren Zhengfei told reporters.");
    const Text guillemets("\xC2\xABWe are leaving the market,\xC2\xBB Ren Zhengfei told reporters.");
    const Suggestions a = run(straight), b = run(curly), c = run(guillemets);
    REQUIRE(a.spans.size() == 2);
    REQUIRE(b.spans.size() == 2);
    REQUIRE(c.spans.size() == 2);
    for (size_t i = 0; i < 2; ++i) {
        CHECK(a.spans[i].ranges == b.spans[i].ranges);  // quote marks are one code point either way
        CHECK(a.spans[i].ranges == c.spans[i].ranges);
        CHECK(a.spans[i].role == b.spans[i].role);
    }
    CHECK(text_of(curly, b.spans[0]) == "We are leaving the market");
    CHECK(target(curly, b, "We are leaving the market", RelationType::SaidBy) == "Ren Zhengfei");
    // "told reporters" is not a source.
    CHECK(texts(curly, b, LabelRole::Source).empty());
}

TEST_CASE("suggest: a quote interrupted by its attribution is one claim with two ranges", "[suggest]") {
    const Text t(
        "Ren Zhengfei was in Paris. \xE2\x80\x9CWe are not interested in the US market,\xE2\x80\x9D he told "
        "AllThingsD, \xE2\x80\x9C" "anymore.\xE2\x80\x9D");
    const Suggestions s = run(t);
    const long c = find(t, s, LabelRole::Claim, "We are not interested in the US market | anymore");
    REQUIRE(c >= 0);
    CHECK(s.spans[c].ranges == std::vector<Range>{at(t, "We are not interested in the US market"), at(t, "anymore")});
    // "he" is the person named before; the outlet he told is the source.
    CHECK(target(t, s, "We are not interested in the US market | anymore", RelationType::SaidBy) == "Ren Zhengfei");
    CHECK(target(t, s, "We are not interested in the US market | anymore", RelationType::ReportedBy) == "AllThingsD");
    CHECK(span(t, s, LabelRole::Source, "AllThingsD")->why == "'told AllThingsD'");
    CHECK(texts(t, s, LabelRole::Claim).size() == 1);

    // A new sentence after the attribution is a claim of its own, by the same speaker.
    const Text u("\"We won,\" Tom Hill said. \"It was hard.\"");
    const Suggestions v = run(u);
    CHECK(texts(u, v, LabelRole::Claim) == std::vector<std::string>{"We won", "It was hard"});
    CHECK(target(u, v, "We won", RelationType::SaidBy) == "Tom Hill");
    CHECK(target(u, v, "It was hard", RelationType::SaidBy) == "Tom Hill");
    // ... unless it goes on in lower case.
    const Text w("\"We won,\" Tom Hill said. \"and deserved it.\"");
    CHECK(texts(w, run(w), LabelRole::Claim) == std::vector<std::string>{"We won | and deserved it"});
}

TEST_CASE("suggest: nested quotes stay inside their claim", "[suggest]") {
    const Text single("\"He told me, 'You will never work here again,' and left,\" said Ana Reyes.");
    const Suggestions a = run(single);
    CHECK(texts(single, a, LabelRole::Claim) ==
          std::vector<std::string>{"He told me, 'You will never work here again,' and left"});
    const Text curly_single(
        "\xE2\x80\x9CWhen a company says \xE2\x80\x98trust us,\xE2\x80\x99 be careful\xE2\x80\x9D said Jo Park.");
    CHECK(texts(curly_single, run(curly_single), LabelRole::Claim) ==
          std::vector<std::string>{"When a company says \xE2\x80\x98trust us,\xE2\x80\x99 be careful"});
    // Straight double quotes inside curly ones.
    const Text mixed("\xE2\x80\x9CThey called it \"a disaster\" on air,\xE2\x80\x9D said Ana Reyes.");
    const Suggestions m = run(mixed);
    CHECK(texts(mixed, m, LabelRole::Claim) == std::vector<std::string>{"They called it \"a disaster\" on air"});
    CHECK(target(mixed, m, "They called it \"a disaster\" on air", RelationType::SaidBy) == "Ana Reyes");
}

TEST_CASE("suggest: 'according to' a source or a person", "[suggest]") {
    const Text t(
        "The plant will close in March, according to Reuters.\n"
        "According to a report by the Environment Agency, river flows are at a record low.\n"
        "According to Ana Reyes, the vote was rigged.");
    const Suggestions s = run(t);
    CHECK(target(t, s, "The plant will close in March", RelationType::ReportedBy) == "Reuters");
    CHECK(target(t, s, "river flows are at a record low", RelationType::ReportedBy) ==
          "a report by the Environment Agency");
    CHECK(span(t, s, LabelRole::Source, "a report by the Environment Agency")->entity == "Environment Agency");
    CHECK(target(t, s, "the vote was rigged", RelationType::SaidBy) == "Ana Reyes");
    CHECK(target(t, s, "the vote was rigged", RelationType::ReportedBy).empty());
}

TEST_CASE("suggest: outlets as sources ('told', 'in an interview with', 'reported')", "[suggest]") {
    const Text t(
        "Ana Reyes told Reuters that the plant would close.\n"
        "In an interview with The Verge, Tom Hill said the phone would ship in June.\n"
        "The Financial Times reported that the deal had collapsed.\n"
        "\"Prices will rise,\" Jo Park told the Felton Echo.");
    const Suggestions s = run(t);
    CHECK(target(t, s, "the plant would close", RelationType::SaidBy) == "Ana Reyes");
    CHECK(target(t, s, "the plant would close", RelationType::ReportedBy) == "Reuters");
    CHECK(target(t, s, "the phone would ship in June", RelationType::ReportedBy) == "The Verge");
    CHECK(target(t, s, "the phone would ship in June", RelationType::SaidBy) == "Tom Hill");
    CHECK(target(t, s, "the deal had collapsed", RelationType::ReportedBy) == "Financial Times");
    CHECK(target(t, s, "the deal had collapsed", RelationType::SaidBy).empty());
    CHECK(target(t, s, "Prices will rise", RelationType::ReportedBy) == "Felton Echo");
    CHECK(texts(t, s, LabelRole::Speaker) == std::vector<std::string>{"Ana Reyes", "Tom Hill", "Jo Park"});
}

TEST_CASE("suggest: appositions name the speaker, not the role or the company", "[suggest]") {
    const Text t(
        "\"We regret the error,\" said Huawei spokesman William Plummer.\n"
        "Acme spokeswoman Jane Doe said the recall was voluntary.\n"
        "Jo Park, a lawyer for the families, said the report was incomplete.\n"
        "The ministry's spokesman, Omar Haddad, said the talks had failed.\n"
        "\"Nothing has changed,\" said the firm's chief executive, Lena Berg.\n"
        "Sam Ibe, 45, said he was tired.\n"
        "Mei Tanaka, 62, who campaigns for patients, said that the drug worked.\n"
        "According to head teacher Ruth Adeyemi, the pupils were upset.\n"
        "Dr. Sam Okon, a cardiologist at St Anne's Hospital, spoke first. \"It works,\" he said.");
    const Suggestions s = run(t);
    CHECK(target(t, s, "We regret the error", RelationType::SaidBy) == "William Plummer");
    CHECK(span(t, s, LabelRole::Speaker, "William Plummer")->why ==
          "apposition 'spokesman William Plummer' + 'said'");
    CHECK(target(t, s, "the recall was voluntary", RelationType::SaidBy) == "Jane Doe");
    CHECK(target(t, s, "the report was incomplete", RelationType::SaidBy) == "Jo Park");
    CHECK(target(t, s, "the talks had failed", RelationType::SaidBy) == "Omar Haddad");
    CHECK(target(t, s, "Nothing has changed", RelationType::SaidBy) == "Lena Berg");
    CHECK(target(t, s, "he was tired", RelationType::SaidBy) == "Sam Ibe");
    CHECK(target(t, s, "the drug worked", RelationType::SaidBy) == "Mei Tanaka");
    CHECK(target(t, s, "the pupils were upset", RelationType::SaidBy) == "Ruth Adeyemi");
    CHECK(target(t, s, "the pupils were upset", RelationType::ReportedBy).empty());
    // The apposition's head is "cardiologist", not the hospital after "at": Dr. Okon is a person.
    CHECK(target(t, s, "It works", RelationType::SaidBy) == "Dr. Sam Okon");
    CHECK(find(t, s, LabelRole::Speaker, "Huawei") < 0);
    CHECK(find(t, s, LabelRole::Speaker, "Acme") < 0);
}

TEST_CASE("suggest: pronouns link to the person named before", "[suggest]") {
    const Text t("Ana Reyes arrived late on Monday. \"We are ready,\" she said.");
    const Suggestions s = run(t);
    CHECK(target(t, s, "We are ready", RelationType::SaidBy) == "Ana Reyes");
    CHECK(s.spans[static_cast<size_t>(find(t, s, LabelRole::Speaker, "Ana Reyes"))].ranges ==
          std::vector<Range>{at(t, "Ana Reyes")});
    CHECK(find(t, s, LabelRole::Speaker, "she") < 0);  // the pronoun itself is not a span
    CHECK_THAT(s.spans[static_cast<size_t>(find(t, s, LabelRole::Claim, "We are ready"))].why,
               Catch::Matchers::Contains("she -> Ana Reyes"));

    // The honorific tells "she" from "he".
    const Text g("Mr. Tom Hill met Ms. Ana Reyes at the airport. \"We agreed on everything,\" she said.");
    const Suggestions gs = run(g);
    CHECK(target(g, gs, "We agreed on everything", RelationType::SaidBy) == "Ms. Ana Reyes");
    // A name inside a quotation is not who "he" is.
    const Text q("Tom Hill spoke first. \"I never met Ana Reyes,\" he said.");
    CHECK(target(q, run(q), "I never met Ana Reyes", RelationType::SaidBy) == "Tom Hill");
    // Nobody to resolve to: the claim stays, with no speaker.
    const Text none("\"We are ready for the storm,\" she said.");
    const Suggestions ns = run(none);
    CHECK(texts(none, ns, LabelRole::Claim) == std::vector<std::string>{"We are ready for the storm"});
    CHECK(ns.links.empty());
}

TEST_CASE("suggest: indirect speech", "[suggest]") {
    const Text t(
        "Ana Reyes said that the bridge would reopen in May.\n"
        "The mayor said on Tuesday that the budget was balanced and that taxes would fall.\n"
        "Officials said the storm had passed.\n"
        "The plant will close next year, the company said.\n"
        "The council was wrong, said Jo Park.");
    const Suggestions s = run(t);
    CHECK(target(t, s, "the bridge would reopen in May", RelationType::SaidBy) == "Ana Reyes");
    CHECK(span(t, s, LabelRole::Claim, "the bridge would reopen in May")->why == "indirect speech: 'said that'");
    CHECK(target(t, s, "the budget was balanced", RelationType::SaidBy) == "The mayor");
    CHECK(target(t, s, "taxes would fall", RelationType::SaidBy) == "The mayor");
    CHECK(target(t, s, "the storm had passed", RelationType::SaidBy) == "Officials");
    CHECK(target(t, s, "The plant will close next year", RelationType::SaidBy) == "the company");
    CHECK(target(t, s, "The council was wrong", RelationType::SaidBy) == "Jo Park");
}

TEST_CASE("suggest: negated attributions give no claim", "[suggest]") {
    for (const char* text : {"Ana Reyes did not say that the bridge would reopen in May.",
                             "Ana Reyes didn't say the bridge would reopen in May.",
                             "Ana Reyes never said \"the bridge is perfectly safe.\"",
                             "Ana Reyes denied saying the bridge was perfectly safe.",
                             "Ana Reyes has not said whether the bridge is safe.",
                             "Ana Reyes declined to say when the bridge would reopen.",
                             "\"The bridge is perfectly safe,\" Ana Reyes did not say.",
                             "The company denied that it had shared any data with the police."}) {
        INFO(text);
        const Text t(text);
        const Suggestions s = run(t);
        CHECK(texts(t, s, LabelRole::Claim).empty());
        CHECK(s.links.empty());
    }
}

TEST_CASE("suggest: questions, scare quotes and titles are not claims", "[suggest]") {
    const Text t(
        "\"Will the bridge reopen?\" asked Tom Hill.\n"
        "Critics called the plan \"reckless\" and \"naive\".\n"
        "The report, titled \"Rivers in Crisis\", came out in May.");
    CHECK(run(t).spans.empty());
}

TEST_CASE("suggest: names of known entities and earlier full names", "[suggest]") {
    cm::Annotations known;
    cm::Entity ren;
    ren.id = 7;
    ren.name = "Ren Zhengfei";
    ren.aliases = {"Mr. Ren", "Zhengfei"};
    known.entities[7] = ren;
    cm::Entity ft;
    ft.id = 9;
    ft.name = "Financial Times";
    ft.kind = cm::EntityKind::Outlet;
    ft.aliases = {"FT"};
    known.entities[9] = ft;
    cm::SuggestOptions o;
    o.known = &known;

    const Text t("\"We will stay,\" Mr. Ren said.\n\"We have no choice,\" Ren added.\n\"Trust us,\" Zhengfei said.");
    const Suggestions s = run(t, o);
    for (const char* name : {"Mr. Ren", "Ren", "Zhengfei"}) {
        INFO(name);
        const Suggestion* sp = span(t, s, LabelRole::Speaker, name);
        REQUIRE(sp);
        CHECK(sp->entity == "Ren Zhengfei");
        CHECK(sp->entity_id == 7);
    }
    const Text f("\"The deal is off,\" Ana Reyes told the FT.");
    const Suggestions fs = run(f, o);
    REQUIRE(span(f, fs, LabelRole::Source, "FT"));
    CHECK(span(f, fs, LabelRole::Source, "FT")->entity == "Financial Times");
    CHECK(span(f, fs, LabelRole::Source, "FT")->entity_id == 9);

    // Without annotations: a surname or given name after the full name in the same text.
    const Text u(
        "Huawei founder Ren Zhengfei spoke in Paris. \"We will stay,\" Zhengfei said.\n"
        "\"We are not leaving,\" said Mr. Ren.\n\"Nobody asked,\" Tom said.");
    const Suggestions us = run(u);
    CHECK(span(u, us, LabelRole::Speaker, "Zhengfei")->entity == "Ren Zhengfei");
    CHECK(span(u, us, LabelRole::Speaker, "Zhengfei")->entity_id == cm::kNoId);
    CHECK(span(u, us, LabelRole::Speaker, "Mr. Ren")->entity == "Ren Zhengfei");
    CHECK(span(u, us, LabelRole::Speaker, "Tom")->entity == "Tom");  // nobody called Tom before
}

TEST_CASE("suggest: offsets are code points, after emoji and combining marks", "[suggest]") {
    // Two astral emoji (4 UTF-8 bytes, 2 UTF-16 units each) and a combining accent before the quote.
    const Text t("\xF0\x9F\x98\x80\xF0\x9F\x8E\x89 Cafe\xCC\x81 news: \"We will win,\" said Ana Reyes.");
    const Suggestions s = run(t);
    REQUIRE(s.spans.size() == 2);
    // 😀 🎉 space C a f e U+0301 space n e w s : space " -> the claim starts at code point 16.
    CHECK(s.spans[0].ranges == std::vector<Range>{Range{16, 27}});
    CHECK(text_of(t, s.spans[0]) == "We will win");
    CHECK(s.spans[1].ranges == std::vector<Range>{Range{35, 44}});
    CHECK(text_of(t, s.spans[1]) == "Ana Reyes");
    const nlohmann::json j = nlohmann::json::parse(cm::suggestions_to_json(t, s));
    CHECK(j["suggestions"][0]["ranges"][0]["start"] == 16);
    CHECK(j["suggestions"][0]["ranges"][0]["exact"] == "We will win");
}

TEST_CASE("suggest: empty text, no quotes, unbalanced quotes", "[suggest]") {
    CHECK(run(Text("")).spans.empty());
    CHECK(run(Text("   \n\n  ")).spans.empty());
    CHECK(run(Text("The river rose by two metres overnight and the road was closed.")).spans.empty());

    // An opening quote never closed runs to the end of its paragraph.
    const Text open("\"We will rebuild the bridge by the summer, said Ana Reyes.\nThe road is closed.");
    const Suggestions o = run(open);
    CHECK(texts(open, o, LabelRole::Claim) ==
          std::vector<std::string>{"We will rebuild the bridge by the summer, said Ana Reyes"});
    // A stray closing quote, a lone quote, inches, runs of quotes: no claim, no crash.
    for (const char* text : {"Prices rose\xE2\x80\x9D sharply, said Ana Reyes.", "\"", "\"\"\"\"\"\"", "He is 5'10\" tall.",
                             "\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9D", "said \"", "\xE2\x80\x9D said Ana.", ", said Ana Reyes.",
                             "Ana Reyes said that", "Ana Reyes said", "Ana Reyes told", "according to"}) {
        INFO(text);
        const Text t(text);
        run(t);
    }
    // Invalid UTF-8 becomes U+FFFD: still fine, and the JSON is valid.
    const Text bad("\"We will \xFF win,\" said Ana Reyes.");
    const Suggestions b = run(bad);
    CHECK(nlohmann::json::parse(cm::suggestions_to_json(bad, b))["suggestions"].size() == 2);
}

TEST_CASE("suggest: one speaker span for several claims; no overlapping duplicates", "[suggest]") {
    const Text t(
        "Ana Reyes said that the bridge would reopen. \"It is safe,\" she said. \"We checked,\" she added.\n"
        "Ana Reyes said that \"the bridge is safe and will reopen on Monday.\"");
    const Suggestions s = run(t);
    CHECK(texts(t, s, LabelRole::Speaker) == std::vector<std::string>{"Ana Reyes", "Ana Reyes"});
    const size_t first = static_cast<size_t>(find(t, s, LabelRole::Speaker, "Ana Reyes"));
    size_t to_first = 0;
    for (const cm::SuggestedLink& l : s.links) to_first += l.to == first ? 1 : 0;
    CHECK(to_first == 3);
    // The quotation after "said that" is one claim, not a quotation and a clause.
    CHECK(texts(t, s, LabelRole::Claim).back() == "the bridge is safe and will reopen on Monday");
}

TEST_CASE("suggest: nothing after a reader-comments heading or in comment zones", "[suggest]") {
    const Text t(
        "\"We will win,\" said Ana Reyes.\n\nComments (2)\n\n"
        "Bob: \"Rents will double,\" my landlord said.\nJo: According to my neighbour, the mayor lied.");
    const Suggestions s = run(t);
    CHECK(texts(t, s, LabelRole::Claim) == std::vector<std::string>{"We will win"});
    cm::SuggestOptions keep;
    keep.skip_comments = false;
    CHECK(texts(t, run(t, keep), LabelRole::Claim).size() == 3);

    // A Comments zone marked in the annotations.
    const Text z("\"We will win,\" said Ana Reyes. \"We will lose,\" said Tom Hill.");
    cm::Annotations a;
    cm::Zone zone;
    zone.id = 1;
    zone.doc = "d";
    zone.range = Range{31, static_cast<uint32_t>(z.size())};
    zone.kind = cm::ZoneKind::Comments;
    a.zones[1] = zone;
    cm::SuggestOptions o;
    o.known = &a;
    o.doc = "d";
    const Suggestions zs = run(z, o);
    CHECK(texts(z, zs, LabelRole::Claim) == std::vector<std::string>{"We will win"});
    CHECK(texts(z, zs, LabelRole::Speaker) == std::vector<std::string>{"Ana Reyes"});
}

TEST_CASE("suggest: trimming keeps ? and ! and quoted words whole", "[suggest]") {
    const Text t(
        "\"Why would we ever leave?\" said Ana Reyes.\n"
        "\"Never again!\" Tom Hill said.\n"
        "Jo Park said the plan was \"reckless and naive.\"\n"
        "Lena Berg said the company had left the U.S.");
    const Suggestions s = run(t);
    CHECK(texts(t, s, LabelRole::Claim) ==
          std::vector<std::string>{"Why would we ever leave?", "Never again!", "the plan was \"reckless and naive.\"",
                                   "the company had left the U.S."});
}

TEST_CASE("suggest: a quotation running on into the next paragraph", "[suggest]") {
    const Text t(
        "\"People here remember the floods. We were nearly ruined.\n\n"
        "\"We owe them patience,\" said Ana Reyes.");
    const Suggestions s = run(t);
    CHECK(target(t, s, "People here remember the floods. We were nearly ruined", RelationType::SaidBy) == "Ana Reyes");
    CHECK(target(t, s, "We owe them patience", RelationType::SaidBy) == "Ana Reyes");
}

TEST_CASE("suggest: JSON output", "[suggest]") {
    const Text t("\"We will win,\" Ana Reyes told Reuters.");
    const Suggestions s = run(t);
    const nlohmann::json j = nlohmann::json::parse(cm::suggestions_to_json(t, s));
    REQUIRE(j["suggestions"].size() == 3);
    CHECK(j["suggestions"][0]["index"] == 0);
    CHECK(j["suggestions"][0]["label"] == "claim");
    CHECK(j["suggestions"][0]["ranges"][0] == nlohmann::json{{"start", 1}, {"end", 12}, {"exact", "We will win"}});
    CHECK(j["suggestions"][0]["why"] == "quotation + reporting verb 'told' + 'told Reuters'");
    CHECK(j["suggestions"][0]["confidence"].is_number());
    CHECK(!j["suggestions"][0].contains("entity"));
    CHECK(j["suggestions"][1]["label"] == "speaker");
    CHECK(j["suggestions"][1]["entity"] == "Ana Reyes");
    CHECK(j["suggestions"][2]["label"] == "source");
    CHECK(j["links"] == nlohmann::json::parse(R"([{"from": 0, "to": 1, "type": "said_by"},
                                                   {"from": 0, "to": 2, "type": "reported_by"}])"));
}

TEST_CASE("suggest: gold files and scores", "[suggest]") {
    const Text t("\"We will win,\" said Ana Reyes. Tom Hill said that the match was fixed.");
    const char* gold_text = R"({
      "spans": [
        {"id": "c1", "role": "claim", "text": "We will win"},
        {"id": "s1", "role": "speaker", "text": "Ana Reyes", "entity": "Ana Reyes"},
        {"id": "c2", "role": "claim", "ranges": [{"text": "the match"}, {"start": 60, "end": 65}]},
        {"id": "s2", "role": "speaker", "text": "Tom Hill"}
      ],
      "links": [{"from": "c1", "to": "s1", "type": "said_by"}, {"from": "c2", "to": "s2", "type": "said_by"}]
    })";
    cm::Gold gold;
    std::string error;
    REQUIRE(cm::read_gold(gold_text, t, gold, error));
    REQUIRE(gold.spans.size() == 4);
    CHECK(gold.spans[2].ranges == std::vector<Range>{at(t, "the match"), Range{60, 65}});
    CHECK(gold.links.size() == 2);

    cm::Scores scores;
    cm::score_suggestions(t, cm::suggest(t), gold, scores);
    CHECK(scores.documents == 1);
    // The claim "the match was fixed" overlaps the two-range gold claim but is not it exactly.
    CHECK(scores.exact[0].tp == 1);
    CHECK(scores.exact[0].fp == 1);
    CHECK(scores.exact[0].fn == 1);
    CHECK(scores.overlap[0].tp == 2);
    CHECK(scores.overlap[0].fp == 0);
    CHECK(scores.exact[1].tp == 2);
    CHECK(scores.links_exact.tp == 1);
    CHECK(scores.links_overlap.tp == 2);
    CHECK(scores.links_entity.tp == 2);
    CHECK(scores.overlap[0].precision() == 1.0);
    CHECK(scores.exact[0].recall() == 0.5);
    CHECK_THAT(cm::format_scores(scores), Catch::Matchers::Contains("claim (exact)"));

    // Problems are reported with their JSON path.
    CHECK(!cm::read_gold("{\"spans\": [{\"id\": \"c\", \"role\": \"claim\", \"text\": \"absent\"}]}", t, gold, error));
    CHECK_THAT(error, Catch::Matchers::StartsWith("/spans/0/text"));
    CHECK(!cm::read_gold("{\"spans\": [{\"id\": \"c\", \"role\": \"claim\", \"text\": \"Ana\", \"occurrence\": 1}]}", t,
                         gold, error));
    CHECK(!cm::read_gold("{\"spans\": [{\"id\": \"c\", \"role\": \"other\", \"text\": \"Ana\"}]}", t, gold, error));
    CHECK(!cm::read_gold(R"({"spans": [{"id": "a", "role": "speaker", "text": "Ana"},
                                       {"id": "b", "role": "speaker", "text": "Tom"}],
                             "links": [{"from": "a", "to": "b", "type": "said_by"}]})",
                         t, gold, error));
    CHECK_THAT(error, Catch::Matchers::StartsWith("/links/0"));
    CHECK(!cm::read_gold("[1,", t, gold, error));
}

TEST_CASE("suggest: random text never breaks the invariants", "[suggest]") {
    const char* const pieces[] = {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "'", "\xE2\x80\x99", "\xC2\xAB", "\xC2\xBB",
                                  " said", " told", " Reuters", " according to", " Ana", " Reyes", " Mr.", " he",
                                  " she", " that", " the", " company", ",", ".", ":", "\n", "\n\n", " ",
                                  "\xF0\x9F\x98\x80", "Comments", " did not say", " spokesman", " and that", "?",
                                  " French", " newspaper", " news", " site", " Les Echos", " in an interview with",
                                  " according to a report by", " was quoted as saying", " who", " 62", " Dr.", " CEO"};
    uint64_t state = 12345;
    auto next = [&state]() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    for (int round = 0; round < 1000; ++round) {
        std::string s;
        const int n = static_cast<int>(next() % 120);
        for (int k = 0; k < n; ++k) s += pieces[next() % (sizeof pieces / sizeof pieces[0])];
        INFO(s);
        const Text t(s);
        run(t);
    }
}

TEST_CASE("suggest: a long text takes roughly linear time", "[suggest]") {
    // The same paragraph many times over: quotes, names, pronouns, "according to".
    const std::string para =
        "Ana Reyes, a spokeswoman for the council, said that the bridge would reopen. \"It is safe,\" she told "
        "Reuters, \"and we checked.\" According to a report by the Felton Echo, the repairs cost $2m. "
        "\"Nobody asked us,\" said Tom Hill. He did not say when.\n\n";
    auto time = [&](int copies) {
        std::string s;
        for (int k = 0; k < copies; ++k) s += para;
        const Text t(s);
        const auto start = std::chrono::steady_clock::now();
        const Suggestions got = cm::suggest(t);
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        CHECK(texts(t, got, LabelRole::Claim).size() == static_cast<size_t>(4 * copies));
        return secs;
    };
    const double small = time(250), big = time(2000);  // ~90 KB and ~700 KB
    // Eight times the text in well under 64 times the time (quadratic); loose for loaded CI machines.
    CHECK(big < std::max(0.5, small * 30));
}
