// Inter-annotator agreement and adjudication (core/agreement.h). Every
// expected number is worked out by hand in the comment above its check.
// "Mine" and "theirs" are built with two editors whose labels are created in
// different orders, so the same label name has different ids on each side:
// only names can match them. Documents: "a" (100 code points) and "b" (40);
// theirs also knows "c" (50), which mine does not.
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/agreement.h"
#include "core/annotations.h"
#include "core/annotations_json.h"
#include "core/editor.h"
#include "test_support.h"

using cm::Annotations;
using cm::DiffKind;
using cm::EntityKind;
using cm::Id;
using cm::kNoId;
using cm::LabelRole;
using cm::MatchMode;
using cm::MatchOptions;
using cm::Range;
using cm::RelationType;
using cm::SpanRequest;
using Approx = Catch::Detail::Approx;

namespace {

std::optional<size_t> mine_length(const std::string& doc) { return cm::test::two_docs_length(doc); }
std::optional<size_t> their_length(const std::string& doc) {
    if (doc == "c") return 50;
    return cm::test::two_docs_length(doc);
}

// One annotator: an editor with Claim, Speaker and Source labels.
struct Side {
    double clock;
    cm::Editor ed;
    Id claim = kNoId, speaker = kNoId, source = kNoId;

    // Mine: labels Claim 1, Speaker 2, Source 3 (the defaults).
    // Theirs (reversed = true): Source 1, Speaker 2, Claim 3, and the clock
    // far from mine's.
    explicit Side(bool reversed)
        : clock(reversed ? 5000 : 1000), ed(reversed ? their_length : mine_length, [this] { return clock += 1; }) {
        if (reversed) {
            source = ed.add_label("Source", 0x009E73, LabelRole::Source);
            speaker = ed.add_label("Speaker", 0x0072B2, LabelRole::Speaker);
            claim = ed.add_label("Claim", 0xE69F00, LabelRole::Claim);
        } else {
            Annotations a;
            a.labels = cm::default_labels(a.next_id);
            ed.reset(a);
            claim = a.labels[0].id;
            speaker = a.labels[1].id;
            source = a.labels[2].id;
        }
    }
    Side(const Side&) = delete;
    Side& operator=(const Side&) = delete;

    const Annotations& a() const { return ed.annotations(); }
    std::string json() const { return cm::annotations_to_json(ed.annotations()); }
    Id span(Id label, std::vector<Range> ranges, const std::string& doc = "a", Id entity = kNoId) {
        const Id id = ed.add_span(SpanRequest{doc, label, std::move(ranges), entity, {}, {}});
        REQUIRE(id != kNoId);
        return id;
    }
    Id span(Id label, uint32_t start, uint32_t end, const std::string& doc = "a") {
        return span(label, {Range{start, end}}, doc);
    }
    Id entity(const std::string& name, std::vector<std::string> aliases = {}) {
        const Id id = ed.add_entity(name, EntityKind::Person);
        REQUIRE(id != kNoId);
        REQUIRE(ed.set_aliases(id, std::move(aliases)));
        return id;
    }
    Id relation(RelationType type, Id from, Id to) {
        const Id id = ed.add_relation(type, from, to);
        REQUIRE(id != kNoId);
        return id;
    }
};

void check_prf(const cm::Prf& p, size_t both, size_t mine_only, size_t theirs_only, double precision, double recall,
               double f1) {
    CHECK(p.both == both);
    CHECK(p.mine_only == mine_only);
    CHECK(p.theirs_only == theirs_only);
    CHECK(p.precision == Approx(precision));
    CHECK(p.recall == Approx(recall));
    CHECK(p.f1 == Approx(f1));
}

// The main fixture, document "a":
//   mine   m1 Claim [0,10)   m2 Claim [20,30)  m3 Speaker [40,45)  m4 Claim [60,70)
//   theirs t1 Claim [0,10)   t2 Claim [22,30)  t3 Source  [40,45)  t4 Claim [80,90)
// m1/t1 agree exactly; m2/t2 overlap by 8; m3/t3 have the same ranges but
// different labels; m4 and t4 are each alone.
struct Fixture {
    Side mine{false}, theirs{true};
    Id m1, m2, m3, m4, t1, t2, t3, t4;
    Fixture()
        : m1(mine.span(mine.claim, 0, 10)),
          m2(mine.span(mine.claim, 20, 30)),
          m3(mine.span(mine.speaker, 40, 45)),
          m4(mine.span(mine.claim, 60, 70)),
          t1(theirs.span(theirs.claim, 0, 10)),
          t2(theirs.span(theirs.claim, 22, 30)),
          t3(theirs.span(theirs.source, 40, 45)),
          t4(theirs.span(theirs.claim, 80, 90)) {}
};

}  // namespace

TEST_CASE("span length and overlap count code points across ranges", "[agreement]") {
    cm::Span x, y, z;
    x.ranges = {{0, 10}, {20, 30}};  // 20 code points
    y.ranges = {{5, 25}};            // 20; shares 5-10 and 20-25 with x: 5 + 5
    z.ranges = {{10, 20}};           // sits in x's gap: inside x's extent, no code point shared
    CHECK(cm::span_length(x) == 20);
    CHECK(cm::span_length(y) == 20);
    CHECK(cm::overlap_length(x, y) == 10);
    CHECK(cm::overlap_length(y, x) == 10);
    CHECK(cm::overlap_length(x, z) == 0);
    CHECK(cm::overlap_length(y, z) == 10);  // 10-20
}

TEST_CASE("labels are matched by name although their ids differ", "[agreement]") {
    Fixture f;
    REQUIRE(f.mine.claim != f.theirs.claim);  // 1 vs 3
    const cm::SpanMatching m =
        cm::match_spans(f.mine.a(), f.theirs.a(), "a", MatchOptions{MatchMode::Exact, /*same_label=*/true});
    REQUIRE(m.pairs.size() == 1);
    CHECK(m.pairs[0].mine == f.m1);
    CHECK(m.pairs[0].theirs == f.t1);
    CHECK(m.pairs[0].same_label);
    CHECK(m.pairs[0].same_ranges);
    CHECK(m.pairs[0].overlap == 10);
    CHECK(m.mine_only == std::vector<Id>{f.m2, f.m3, f.m4});
    CHECK(m.theirs_only == std::vector<Id>{f.t2, f.t3, f.t4});
    CHECK(cm::label_name(f.theirs.a(), *f.theirs.a().span(f.t3)) == "Source");
}

TEST_CASE("exact and overlap scores per label and overall", "[agreement]") {
    Fixture f;
    const cm::AgreementReport r = cm::compare_annotations(f.mine.a(), f.theirs.a());
    CHECK(r.documents == std::vector<std::string>{"a"});

    // Exact, label-aware: only m1/t1. Mine has 4 spans, theirs 4.
    // Overall: both 1, mine-only 3 (m2 m3 m4), theirs-only 3 (t2 t3 t4):
    // P = 1/4, R = 1/4, F1 = 2*1 / (4 + 4) = 0.25.
    check_prf(r.exact.overall, 1, 3, 3, 0.25, 0.25, 0.25);
    // Claim: both 1 (m1/t1), mine-only 2 (m2 m4), theirs-only 2 (t2 t4): all 1/3.
    check_prf(r.exact.by_label.at("Claim"), 1, 2, 2, 1.0 / 3, 1.0 / 3, 1.0 / 3);
    // Speaker only in mine: P = 0/1, R = 0/0 -> 0 by convention, F1 = 0.
    check_prf(r.exact.by_label.at("Speaker"), 0, 1, 0, 0, 0, 0);
    check_prf(r.exact.by_label.at("Source"), 0, 0, 1, 0, 0, 0);
    CHECK(r.exact.by_label.size() == 3);
    // Exact, label-blind: m1/t1 and m3/t3 (same ranges): both 2 of 4 each side = 0.5.
    check_prf(r.exact.any_label, 2, 2, 2, 0.5, 0.5, 0.5);

    // Overlap, label-aware: m1/t1 and m2/t2 (8 code points shared).
    // Overall: both 2, mine-only 2 (m3 m4), theirs-only 2 (t3 t4) -> 0.5.
    check_prf(r.overlap.overall, 2, 2, 2, 0.5, 0.5, 0.5);
    // Claim: both 2, mine-only 1 (m4), theirs-only 1 (t4): P = R = F1 = 2/3.
    check_prf(r.overlap.by_label.at("Claim"), 2, 1, 1, 2.0 / 3, 2.0 / 3, 2.0 / 3);
    // Overlap, label-blind: m1/t1, m2/t2, m3/t3: both 3 of 4 each side = 0.75.
    check_prf(r.overlap.any_label, 3, 1, 1, 0.75, 0.75, 0.75);
}

TEST_CASE("label agreement: kappa over the matched pairs of the fixture", "[agreement]") {
    Fixture f;
    const cm::LabelAgreement k = cm::compare_annotations(f.mine.a(), f.theirs.a()).labels;
    // Pairs (label-blind overlap): (Claim, Claim) twice, (Speaker, Source) once.
    // Categories sorted: Claim, Source, Speaker.
    //                theirs: Claim Source Speaker
    //   mine Claim            2      0      0
    //   mine Source           0      0      0
    //   mine Speaker          0      1      0
    // observed = 2/3. Marginals: mine Claim 2, Speaker 1; theirs Claim 2, Source 1.
    // expected = (2*2 + 0*1 + 1*0) / 3^2 = 4/9.
    // kappa = (2/3 - 4/9) / (1 - 4/9) = (2/9) / (5/9) = 0.4.
    CHECK(k.pairs == 3);
    CHECK(k.agreeing == 2);
    CHECK(k.categories == std::vector<std::string>{"Claim", "Source", "Speaker"});
    CHECK(k.table == std::vector<std::vector<size_t>>{{2, 0, 0}, {0, 0, 0}, {0, 1, 0}});
    CHECK(k.observed == Approx(2.0 / 3));
    CHECK(k.expected == Approx(4.0 / 9));
    CHECK(k.kappa == Approx(0.4));
}

TEST_CASE("Cohen's kappa of a 2x2 table and its degenerate cases", "[agreement]") {
    using Pairs = std::vector<std::pair<std::string, std::string>>;
    const auto repeat = [](Pairs& to, const std::string& m, const std::string& t, int n) {
        for (int i = 0; i < n; ++i) to.emplace_back(m, t);
    };

    SECTION("2x2") {
        //                theirs Yes  No
        //   mine Yes            20    5    (25)
        //   mine No             10   15    (25)
        //                      (30) (20)    50
        // observed = (20 + 15) / 50 = 0.7
        // expected = (25*30 + 25*20) / 50^2 = 1250 / 2500 = 0.5
        // kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4
        Pairs p;
        repeat(p, "Yes", "Yes", 20);
        repeat(p, "Yes", "No", 5);
        repeat(p, "No", "Yes", 10);
        repeat(p, "No", "No", 15);
        const cm::LabelAgreement k = cm::label_agreement(p);
        CHECK(k.categories == std::vector<std::string>{"No", "Yes"});
        CHECK(k.table == std::vector<std::vector<size_t>>{{15, 10}, {5, 20}});
        CHECK(k.observed == Approx(0.7));
        CHECK(k.expected == Approx(0.5));
        CHECK(k.kappa == Approx(0.4));
    }
    SECTION("systematic disagreement is negative") {
        // (A, B), (B, A): observed 0, expected (1*1 + 1*1) / 4 = 0.5, kappa = -0.5 / 0.5 = -1.
        const cm::LabelAgreement k = cm::label_agreement({{"A", "B"}, {"B", "A"}});
        CHECK(k.observed == 0);
        CHECK(k.expected == Approx(0.5));
        CHECK(k.kappa == Approx(-1));
    }
    SECTION("no pairs: everything 0, no NaN") {
        const cm::LabelAgreement k = cm::label_agreement({});
        CHECK(k.pairs == 0);
        CHECK(k.observed == 0);
        CHECK(k.expected == 0);
        CHECK(k.kappa == 0);
        CHECK(k.categories.empty());
    }
    SECTION("one category on both sides: kappa 1, not 0/0") {
        // observed 1, expected (3*3)/3^2 = 1: the formula would be 0/0.
        const cm::LabelAgreement k = cm::label_agreement({{"Claim", "Claim"}, {"Claim", "Claim"}, {"Claim", "Claim"}});
        CHECK(k.observed == 1);
        CHECK(k.expected == 1);
        CHECK(k.kappa == 1);
    }
    SECTION("one category on one side only: kappa 0") {
        // Mine Claim x3; theirs Claim x2, Speaker x1. observed 2/3;
        // expected = (3*2 + 0*1) / 9 = 2/3; kappa = 0 / (1/3) = 0.
        const cm::LabelAgreement k =
            cm::label_agreement({{"Claim", "Claim"}, {"Claim", "Claim"}, {"Claim", "Speaker"}});
        CHECK(k.observed == Approx(2.0 / 3));
        CHECK(k.expected == Approx(2.0 / 3));
        CHECK(k.kappa == Approx(0).margin(1e-12));
    }
}

TEST_CASE("precision, recall and F1 with empty sides are 0, never NaN", "[agreement]") {
    check_prf(cm::make_prf(0, 0, 0), 0, 0, 0, 0, 0, 0);
    check_prf(cm::make_prf(0, 0, 3), 0, 0, 3, 0, 0, 0);
    check_prf(cm::make_prf(0, 2, 0), 0, 2, 0, 0, 0, 0);
    // P = 3/4, R = 3/5, F1 = 2*3 / (4 + 5) = 2/3 (= 2PR/(P+R) = 0.9/1.35).
    check_prf(cm::make_prf(3, 1, 2), 3, 1, 2, 0.75, 0.6, 2.0 / 3);

    Side mine{false}, theirs{true};
    const cm::AgreementReport r = cm::compare_annotations(mine.a(), theirs.a());
    CHECK(r.documents.empty());
    check_prf(r.overlap.overall, 0, 0, 0, 0, 0, 0);
    CHECK(r.overlap.by_label.empty());
    CHECK(r.labels.pairs == 0);
    CHECK(r.labels.kappa == 0);
    CHECK(r.entities.pairs == 0);
    CHECK(r.entities.agreement == 0);
    check_prf(r.relations.all, 0, 0, 0, 0, 0, 0);
}

TEST_CASE("overlap matching is one-to-one, greedy by largest overlap", "[agreement]") {
    Side mine{false}, theirs{true};
    SECTION("the larger overlap wins, the other span stays alone") {
        // t [5,25) shares 5 with m1 [0,10) and 17 with m2 [8,30).
        const Id m1 = mine.span(mine.claim, 0, 10), m2 = mine.span(mine.claim, 8, 30);
        const Id t = theirs.span(theirs.claim, 5, 25);
        const cm::SpanMatching m = cm::match_spans(mine.a(), theirs.a(), "a");
        REQUIRE(m.pairs.size() == 1);
        CHECK(m.pairs[0].mine == m2);
        CHECK(m.pairs[0].theirs == t);
        CHECK(m.pairs[0].overlap == 17);
        CHECK(m.mine_only == std::vector<Id>{m1});
        CHECK(m.theirs_only.empty());
    }
    SECTION("equal overlap: the tighter fit (smaller union) wins") {
        // m [10,20) shares 10 with both; union 10 with t_exact, 15 with t_wide
        // (which comes first in position order).
        const Id m = mine.span(mine.claim, 10, 20);
        const Id t_wide = theirs.span(theirs.claim, 5, 20), t_exact = theirs.span(theirs.claim, 10, 20);
        const cm::SpanMatching r = cm::match_spans(mine.a(), theirs.a(), "a");
        REQUIRE(r.pairs.size() == 1);
        CHECK(r.pairs[0].mine == m);
        CHECK(r.pairs[0].theirs == t_exact);
        CHECK(r.theirs_only == std::vector<Id>{t_wide});
    }
    SECTION("equal overlap and union: equal label names win, then position") {
        // Mine's Speaker [0,10) comes first in position order (lower id), but
        // theirs' Claim [0,10) pairs with mine's Claim [0,10).
        const Id m_speaker = mine.span(mine.speaker, 0, 10), m_claim = mine.span(mine.claim, 0, 10);
        const Id t = theirs.span(theirs.claim, 0, 10);
        // Two candidates for theirs' [40,50) with the same overlap 5 and union 15,
        // both Claims: mine's earlier one ([35,45)) wins.
        const Id m_left = mine.span(mine.claim, 35, 45), m_right = mine.span(mine.claim, 45, 55);
        const Id t2 = theirs.span(theirs.claim, 40, 50);
        const cm::SpanMatching r = cm::match_spans(mine.a(), theirs.a(), "a");
        REQUIRE(r.pairs.size() == 2);
        CHECK(r.pairs[0].mine == m_claim);
        CHECK(r.pairs[0].theirs == t);
        CHECK(r.pairs[1].mine == m_left);
        CHECK(r.pairs[1].theirs == t2);
        CHECK(r.pairs[1].overlap == 5);
        CHECK(r.mine_only == std::vector<Id>{m_speaker, m_right});
    }
    SECTION("documents are never mixed") {
        // Mine [0,10) in "a" and [20,30) in "b"; theirs [0,10) in "b" only.
        const Id in_a = mine.span(mine.claim, 0, 10, "a"), in_b = mine.span(mine.claim, 20, 30, "b");
        const Id t = theirs.span(theirs.claim, 0, 10, "b");
        // In the order given, "a" listed twice counts once: "b"'s spans, then "a"'s.
        const cm::SpanMatching m = cm::match_documents(mine.a(), theirs.a(), {"b", "a", "a"});
        CHECK(m.pairs.empty());
        CHECK(m.mine_only == std::vector<Id>{in_b, in_a});
        CHECK(m.theirs_only == std::vector<Id>{t});
        const cm::AgreementReport r = cm::compare_annotations(mine.a(), theirs.a());
        CHECK(r.documents == std::vector<std::string>{"a", "b"});
        check_prf(r.overlap.any_label, 0, 2, 1, 0, 0, 0);
        // Restricted to "a": theirs has nothing there.
        cm::AgreementOptions only_a;
        only_a.documents = {"a"};
        check_prf(cm::compare_annotations(mine.a(), theirs.a(), only_a).overlap.any_label, 0, 1, 0, 0, 0, 0);
    }
}

TEST_CASE("multi-range spans: exact needs every range, overlap counts code points", "[agreement]") {
    Side mine{false}, theirs{true};
    // A quote interrupted by its attribution: [0,10) + [20,30) on both sides.
    mine.span(mine.claim, {{0, 10}, {20, 30}});
    theirs.span(theirs.claim, {{0, 10}, {20, 30}});
    // Theirs stops one code point short: [50,60) + [70,79) vs mine's [50,60) + [70,80).
    const Id m2 = mine.span(mine.claim, {{50, 60}, {70, 80}});
    const Id t2 = theirs.span(theirs.claim, {{50, 60}, {70, 79}});
    // Extents overlap, code points do not: mine [85,88) + [95,98), theirs [90,93).
    mine.span(mine.claim, {{85, 88}, {95, 98}});
    theirs.span(theirs.claim, 90, 93);

    const cm::AgreementReport r = cm::compare_annotations(mine.a(), theirs.a());
    // Exact: only the first pair. 1 of 3 each side: 1/3.
    check_prf(r.exact.overall, 1, 2, 2, 1.0 / 3, 1.0 / 3, 1.0 / 3);
    // Overlap: the first two pairs (the second shares 10 + 9 = 19). 2 of 3: 2/3.
    check_prf(r.overlap.overall, 2, 1, 1, 2.0 / 3, 2.0 / 3, 2.0 / 3);
    const cm::SpanMatching m = cm::match_spans(mine.a(), theirs.a(), "a");
    REQUIRE(m.pairs.size() == 2);
    CHECK(m.pairs[1].mine == m2);
    CHECK(m.pairs[1].theirs == t2);
    CHECK(m.pairs[1].overlap == 19);
    CHECK_FALSE(m.pairs[1].same_ranges);
}

TEST_CASE("relation agreement over matched spans and end to end", "[agreement]") {
    Side mine{false}, theirs{true};
    // mine:   c1 Claim [0,10)  s1 Speaker [12,15)  c2 Claim [20,30)  s2 Speaker [40,45)
    // theirs: C1 Claim [0,10)  S1 Speaker [12,15)  C2 Claim [20,30)  S3 Speaker [50,55)
    // Matched: c1/C1, s1/S1, c2/C2; s2 and S3 are alone.
    const Id c1 = mine.span(mine.claim, 0, 10), s1 = mine.span(mine.speaker, 12, 15);
    const Id c2 = mine.span(mine.claim, 20, 30), s2 = mine.span(mine.speaker, 40, 45);
    const Id C1 = theirs.span(theirs.claim, 0, 10), S1 = theirs.span(theirs.speaker, 12, 15);
    const Id C2 = theirs.span(theirs.claim, 20, 30), S3 = theirs.span(theirs.speaker, 50, 55);
    // mine:   r1 c1 SaidBy s1   r2 c2 SaidBy s2   r3 c1 SameClaim c2
    // theirs: R1 C1 SaidBy S1   R2 C2 SaidBy S3   R3 C2 SameClaim C1 (the other direction)
    mine.relation(RelationType::SaidBy, c1, s1);
    mine.relation(RelationType::SaidBy, c2, s2);
    mine.relation(RelationType::SameClaim, c1, c2);
    theirs.relation(RelationType::SaidBy, C1, S1);
    theirs.relation(RelationType::SaidBy, C2, S3);
    theirs.relation(RelationType::SameClaim, C2, C1);

    const cm::RelationAgreement r = cm::compare_annotations(mine.a(), theirs.a()).relations;
    // Both ends matched: mine r1, r3; theirs R1, R3. Only r1 = R1 (r3 and R3
    // point opposite ways). Both 1, mine-only 1, theirs-only 1: 1/2 each.
    check_prf(r.on_matched_spans, 1, 1, 1, 0.5, 0.5, 0.5);
    // All three on each side: both 1, mine-only 2, theirs-only 2: 1/3 each.
    check_prf(r.all, 1, 2, 2, 1.0 / 3, 1.0 / 3, 1.0 / 3);
}

TEST_CASE("entity-link agreement on matched speakers and sources", "[agreement]") {
    Side mine{false}, theirs{true};
    const Id ren = mine.entity("Ren Zhengfei", {"Mr. Ren"}), huawei = mine.entity("Huawei");
    const Id mr_ren = theirs.entity("Mr. Ren"), apple = theirs.entity("Apple"), cnn = theirs.entity("CNN");
    // Alias overlap: mine's "Ren Zhengfei" (alias "Mr. Ren") = theirs' "Mr. Ren".
    mine.span(mine.speaker, {{0, 5}}, "a", ren);
    theirs.span(theirs.speaker, {{0, 5}}, "a", mr_ren);
    // Different entities.
    mine.span(mine.speaker, {{10, 15}}, "a", huawei);
    theirs.span(theirs.speaker, {{10, 15}}, "a", apple);
    // Only theirs linked (a source on both sides).
    mine.span(mine.source, 20, 25);
    theirs.span(theirs.source, {{20, 25}}, "a", cnn);
    // Neither linked: no decision, left out of the fraction.
    mine.span(mine.speaker, 30, 35);
    theirs.span(theirs.speaker, 30, 35);
    // A claim pair: not a speaker or source, not counted at all.
    mine.span(mine.claim, 40, 50);
    theirs.span(theirs.claim, 40, 50);
    // Speaker against claim: the labels disagree, the pair is not counted.
    mine.span(mine.speaker, {{60, 65}}, "a", huawei);
    theirs.span(theirs.claim, 60, 65);

    const cm::EntityAgreement e = cm::compare_annotations(mine.a(), theirs.a()).entities;
    CHECK(e.pairs == 4);
    CHECK(e.same == 1);
    CHECK(e.different == 1);
    CHECK(e.mine_only_linked == 0);
    CHECK(e.theirs_only_linked == 1);
    CHECK(e.neither_linked == 1);
    // same / (same + different + one side linked) = 1 / 3.
    CHECK(e.agreement == Approx(1.0 / 3));

    cm::Entity x, y;
    x.name = "A";
    y.name = "B";
    CHECK_FALSE(cm::same_entity(x, y));
    y.aliases = {"A"};
    CHECK(cm::same_entity(x, y));
    CHECK_FALSE(cm::same_entity(cm::Entity{}, cm::Entity{}));  // empty names do not count
}

TEST_CASE("the diff of a document, sorted by start", "[agreement]") {
    Side mine{false}, theirs{true};
    // Document "b":
    //   mine   a2 Speaker [0,10) (created first), a1 Claim [0,10), a3 Claim [20,30), a4 Claim [32,38)
    //   theirs b1 Claim [0,10), b2 Claim [22,35)
    const Id a2 = mine.span(mine.speaker, 0, 10, "b"), a1 = mine.span(mine.claim, 0, 10, "b");
    const Id a3 = mine.span(mine.claim, 20, 30, "b"), a4 = mine.span(mine.claim, 32, 38, "b");
    const Id b1 = theirs.span(theirs.claim, 0, 10, "b"), b2 = theirs.span(theirs.claim, 22, 35, "b");

    const auto item = [](DiffKind kind, Id m, Id t, uint32_t start, uint32_t end, bool labels, bool ranges) {
        return std::make_tuple(kind, m, t, start, end, labels, ranges);
    };
    const auto items = [](const std::vector<cm::DiffItem>& d) {
        std::vector<std::tuple<DiffKind, Id, Id, uint32_t, uint32_t, bool, bool>> out;
        for (const cm::DiffItem& i : d)
            out.emplace_back(i.kind, i.mine, i.theirs, i.start, i.end, i.labels_agree, i.ranges_agree);
        return out;
    };

    // Overlap: b1 pairs with a1 (same label beats a2's earlier position); b2
    // shares 8 with a3 and 3 with a4, so pairs with a3 (extent 20-35). At
    // 0-10, Both comes before MineOnly.
    CHECK(items(cm::diff_document(mine.a(), theirs.a(), "b")) ==
          decltype(items({})){
              item(DiffKind::Both, a1, b1, 0, 10, true, true),
              item(DiffKind::MineOnly, a2, kNoId, 0, 10, false, false),
              item(DiffKind::Both, a3, b2, 20, 35, true, false),
              item(DiffKind::MineOnly, a4, kNoId, 32, 38, false, false),
          });
    // Exact: only a1/b1 pairs; b2 (22) sorts between a3 (20) and a4 (32).
    CHECK(items(cm::diff_document(mine.a(), theirs.a(), "b", MatchMode::Exact)) ==
          decltype(items({})){
              item(DiffKind::Both, a1, b1, 0, 10, true, true),
              item(DiffKind::MineOnly, a2, kNoId, 0, 10, false, false),
              item(DiffKind::MineOnly, a3, kNoId, 20, 30, false, false),
              item(DiffKind::TheirsOnly, kNoId, b2, 22, 35, false, false),
              item(DiffKind::MineOnly, a4, kNoId, 32, 38, false, false),
          });
    CHECK(cm::diff_document(mine.a(), theirs.a(), "a").empty());
}

TEST_CASE("adopt_theirs adds their span as one undo step", "[agreement]") {
    Fixture f;
    const std::string before = f.mine.json();
    const size_t history = f.mine.ed.history_size();

    SECTION("existing label, found by name") {
        const Id id = cm::adopt_theirs(f.mine.ed, f.theirs.a(), f.t4);
        REQUIRE(id != kNoId);
        const cm::Span& s = *f.mine.a().span(id);
        CHECK(s.doc == "a");
        CHECK(s.label == f.mine.claim);  // mine's Claim (1), not theirs' id (3)
        CHECK(s.ranges == std::vector<Range>{{80, 90}});
        CHECK(s.created > 1000);  // stamped by mine's clock, not theirs'
        CHECK(s.created < 5000);
        CHECK(f.mine.ed.history_size() == history + 1);
        CHECK(f.mine.ed.undo_name() == "Adopt their span");
        CHECK(f.mine.ed.check_invariants().empty());
        // Now both have it: t4 is matched.
        CHECK(cm::match_spans(f.mine.a(), f.theirs.a(), "a").theirs_only.empty());
        const std::string after = f.mine.json();
        REQUIRE(f.mine.ed.undo());
        CHECK(f.mine.json() == before);
        REQUIRE(f.mine.ed.redo());
        CHECK(f.mine.json() == after);
    }
    SECTION("a missing label and entity are created, in the same step") {
        const Id opinion = f.theirs.ed.add_label("Opinion", 0xCC79A7, LabelRole::Other);
        const Id t_op = f.theirs.span(opinion, 50, 55);
        const Id ren = f.theirs.entity("Ren Zhengfei", {"Mr. Ren", "Zhengfei"});
        REQUIRE(f.theirs.ed.set_external_id(ren, "Q12345"));
        const Id t_sp = f.theirs.span(f.theirs.speaker, {{12, 15}}, "a", ren);
        REQUIRE(f.theirs.ed.set_note(t_sp, "check the transcript"));
        REQUIRE(f.theirs.ed.set_attribute(t_sp, "quote", "direct"));

        const Id a = cm::adopt_theirs(f.mine.ed, f.theirs.a(), t_op);
        REQUIRE(a != kNoId);
        CHECK(f.mine.ed.history_size() == history + 1);
        const cm::Label& made = f.mine.a().labels.back();
        CHECK(made.name == "Opinion");
        CHECK(made.color == 0xCC79A7);
        CHECK(made.role == LabelRole::Other);
        CHECK(f.mine.a().span(a)->label == made.id);
        const std::string after_first = f.mine.json();

        const Id b = cm::adopt_theirs(f.mine.ed, f.theirs.a(), t_sp);
        REQUIRE(b != kNoId);
        CHECK(f.mine.ed.history_size() == history + 2);
        CHECK(f.mine.ed.undo_name() == "Adopt their span");
        const cm::Span& s = *f.mine.a().span(b);
        CHECK(s.label == f.mine.speaker);
        const cm::Entity* e = f.mine.a().entity(s.entity);
        REQUIRE(e);
        CHECK(e->name == "Ren Zhengfei");
        CHECK(e->aliases == std::vector<std::string>{"Mr. Ren", "Zhengfei"});
        CHECK(e->external_id == "Q12345");
        CHECK(s.note == "check the transcript");
        CHECK(s.attributes.at("quote") == "direct");
        CHECK(f.mine.ed.check_invariants().empty());

        // Undo takes back the span and the entity together, exactly.
        REQUIRE(f.mine.ed.undo());
        CHECK(f.mine.json() == after_first);
        REQUIRE(f.mine.ed.undo());
        CHECK(f.mine.json() == before);
        CHECK(f.mine.ed.undo_name() == "Add Claim");  // the fixture's last step
    }
    SECTION("an entity of mine is found by alias, not duplicated") {
        const Id mine_ren = f.mine.entity("Ren Zhengfei", {"Mr. Ren"});
        const Id their_ren = f.theirs.entity("Mr. Ren");
        const Id t_sp = f.theirs.span(f.theirs.speaker, {{12, 15}}, "a", their_ren);
        const size_t entities = f.mine.a().entities.size();
        const Id id = cm::adopt_theirs(f.mine.ed, f.theirs.a(), t_sp);
        REQUIRE(id != kNoId);
        CHECK(f.mine.a().span(id)->entity == mine_ren);
        CHECK(f.mine.a().entities.size() == entities);
    }
    SECTION("refused: a document mine does not have; nothing changes") {
        const Id opinion = f.theirs.ed.add_label("Opinion", 0xCC79A7, LabelRole::Other);
        const Id t_c = f.theirs.span(opinion, 0, 10, "c");
        const uint64_t revision = f.mine.ed.revision();
        CHECK(cm::adopt_theirs(f.mine.ed, f.theirs.a(), t_c) == kNoId);
        CHECK(cm::adopt_theirs(f.mine.ed, f.theirs.a(), 9999) == kNoId);
        CHECK(f.mine.json() == before);
        CHECK(f.mine.ed.history_size() == history);
        CHECK(f.mine.ed.revision() == revision);
    }
}

TEST_CASE("adopt_theirs_pair makes mine like theirs in one step", "[agreement]") {
    Fixture f;
    // m3 (Speaker) is said_by-linked from m1 and names an entity; theirs
    // calls the same text a Source naming "Huawei".
    const Id ren = f.mine.entity("Ren Zhengfei");
    REQUIRE(f.mine.ed.link_entity(f.m3, ren));
    f.mine.relation(RelationType::SaidBy, f.m1, f.m3);
    const Id huawei = f.theirs.entity("Huawei");
    REQUIRE(f.theirs.ed.link_entity(f.t3, huawei));
    const std::string before = f.mine.json();
    const size_t history = f.mine.ed.history_size();

    SECTION("label and entity: the said_by link no longer fits and goes") {
        REQUIRE(cm::adopt_theirs_pair(f.mine.ed, f.theirs.a(), f.m3, f.t3));
        CHECK(f.mine.ed.history_size() == history + 1);
        CHECK(f.mine.ed.undo_name() == "Adopt their version");
        const cm::Span& s = *f.mine.a().span(f.m3);
        CHECK(s.label == f.mine.source);
        REQUIRE(f.mine.a().entity(s.entity));
        CHECK(f.mine.a().entity(s.entity)->name == "Huawei");
        CHECK(f.mine.a().relations.empty());
        CHECK(f.mine.ed.check_invariants().empty());
        const cm::DiffItem d = cm::diff_document(f.mine.a(), f.theirs.a(), "a")[2];
        CHECK(d.mine == f.m3);
        CHECK(d.labels_agree);
        REQUIRE(f.mine.ed.undo());
        CHECK(f.mine.json() == before);
    }
    SECTION("label only") {
        cm::AdoptParts label_only;
        label_only.ranges = label_only.entity = false;
        REQUIRE(cm::adopt_theirs_pair(f.mine.ed, f.theirs.a(), f.m3, f.t3, label_only));
        const cm::Span& s = *f.mine.a().span(f.m3);
        CHECK(s.label == f.mine.source);
        CHECK(s.entity == ren);  // a source can name an entity: mine's stays
        CHECK(f.mine.ed.history_size() == history + 1);
        CHECK(f.mine.ed.undo_name() == "Adopt their version");  // the relabel step, renamed
        REQUIRE(f.mine.ed.undo());
        CHECK(f.mine.json() == before);
    }
    SECTION("ranges of an overlapping pair") {
        REQUIRE(cm::adopt_theirs_pair(f.mine.ed, f.theirs.a(), f.m2, f.t2));
        CHECK(f.mine.a().span(f.m2)->ranges == std::vector<Range>{{22, 30}});
        CHECK(f.mine.ed.history_size() == history + 1);
        REQUIRE(f.mine.ed.undo());
        CHECK(f.mine.json() == before);
    }
    SECTION("an agreeing pair: nothing to do, no step") {
        const uint64_t revision = f.mine.ed.revision();
        CHECK(cm::adopt_theirs_pair(f.mine.ed, f.theirs.a(), f.m1, f.t1));
        CHECK(f.mine.json() == before);
        CHECK(f.mine.ed.history_size() == history);
        CHECK(f.mine.ed.revision() == revision);
    }
    SECTION("drop_mine deletes a mine-only span with its relations") {
        REQUIRE(cm::drop_mine(f.mine.ed, f.m3));
        CHECK_FALSE(f.mine.a().span(f.m3));
        CHECK(f.mine.a().relations.empty());
        REQUIRE(f.mine.ed.undo());
        CHECK(f.mine.json() == before);
        CHECK_FALSE(cm::drop_mine(f.mine.ed, 9999));
    }
}
