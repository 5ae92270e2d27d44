// The corpus views' core (wasm/core/analysis): who said what, the
// contradiction pairs, the claim timeline, contexts and the CSV table, on
// a small three-article corpus written for these tests.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/analysis/attribution.h"
#include "core/analysis/contradictions.h"
#include "core/analysis/timeline.h"
#include "core/analysis/who_said_what.h"
#include "core/editor.h"
#include "test_support.h"

using cm::Annotations;
using cm::ClusterRelationType;
using cm::Corpus;
using cm::Id;
using cm::kNoId;
using cm::Range;
using cm::RelationType;
using cm::SpanRequest;
using cm::test::quote_range;
namespace an = cm::analysis;

namespace {

const std::string kA = "The mayor said \xE2\x80\x9CThe bridge opens in May.\xE2\x80\x9D Her deputy agreed, according to the Herald.";
const std::string kB = "\xE2\x80\x9CThe bridge will open in spring,\xE2\x80\x9D Mayor Lind told reporters.\nA caf\xC3\xA9 owner said it would not.";
const std::string kC = "Officials said the bridge would not open before 2026, the Courier reported.";

// Three articles (b is dated, c has a date too; a has none) and an editor
// over them with the default labels: Claim 1, Speaker 2, Source 3.
struct Fixture {
    Corpus corpus;
    cm::Editor ed{cm::test::lengths_of({cm::test::doc("a", kA), cm::test::doc("b", kB, "", "", "2024-03-02"),
                                        cm::test::doc("c", kC, "C title", "Courier", "2024-01-15")}),
                  nullptr};
    Fixture() {
        corpus.documents.push_back(cm::test::doc("a", kA, "A title", "Herald"));
        corpus.documents.push_back(cm::test::doc("b", kB, "B title", "Gazette", "2024-03-02"));
        corpus.documents.push_back(cm::test::doc("c", kC, "C title", "Courier", "2024-01-15"));
        Annotations a;
        a.labels = cm::default_labels(a.next_id);
        ed.reset(a);
    }
    const std::string& text(const std::string& doc) { return doc == "a" ? kA : doc == "b" ? kB : kC; }
    Id span(Id label, const std::string& doc, const std::string& quote, int n = 0) {
        const Range r = quote_range(text(doc), quote, n);
        const Id id = ed.add_span(SpanRequest{doc, label, {r}});
        REQUIRE(id != kNoId);
        return id;
    }
    Id claim(const std::string& doc, const std::string& q) { return span(1, doc, q); }
    Id speaker(const std::string& doc, const std::string& q) { return span(2, doc, q); }
    Id source(const std::string& doc, const std::string& q) { return span(3, doc, q); }
    void said_by(Id c, Id s) { REQUIRE(ed.add_relation(RelationType::SaidBy, c, s) != kNoId); }
    void reported_by(Id c, Id s) { REQUIRE(ed.add_relation(RelationType::ReportedBy, c, s) != kNoId); }
    const Annotations& a() const { return ed.annotations(); }
};

std::vector<Id> ids(const std::vector<an::AttributedClaim>& cell) {
    std::vector<Id> out;
    for (const auto& c : cell) out.push_back(c.claim);
    return out;
}

}  // namespace

TEST_CASE("who said what: one row per entity across articles, unlinked speakers by text, no-speaker last",
          "[corpus-views]") {
    Fixture f;
    const Id mayor_a = f.speaker("a", "The mayor");
    const Id mayor_b = f.speaker("b", "Mayor Lind");
    const Id lind = f.ed.create_entity_from(mayor_b, "Anna Lind", cm::EntityKind::Person);
    REQUIRE(f.ed.link_entity(mayor_a, lind));
    const Id c1 = f.claim("a", "The bridge opens in May.");
    const Id c2 = f.claim("b", "The bridge will open in spring,");
    const Id c3 = f.claim("b", "it would not");
    const Id owner = f.speaker("b", "A caf\xC3\xA9 owner");
    const Id c4 = f.claim("c", "the bridge would not open before 2026");
    const Id herald = f.source("a", "the Herald");
    f.said_by(c1, mayor_a);
    f.said_by(c2, mayor_b);
    f.said_by(c3, owner);
    f.reported_by(c1, herald);

    const an::WhoSaidWhat t = an::who_said_what(f.a(), f.corpus);
    REQUIRE(t.columns == std::vector<std::string>{"a", "b", "c"});
    REQUIRE(t.claims == 4);
    REQUIRE(t.rows.size() == 3);
    // Most claims first, then by name; the no-speaker row last.
    CHECK(t.rows[0].speaker.name == "Anna Lind");
    CHECK(t.rows[0].speaker.entity == lind);
    CHECK(t.rows[0].claims == 2);
    CHECK(ids(t.rows[0].cells[0]) == std::vector<Id>{c1});
    CHECK(ids(t.rows[0].cells[1]) == std::vector<Id>{c2});
    CHECK(t.rows[0].cells[2].empty());
    REQUIRE(t.rows[0].cells[0][0].sources.size() == 1);
    CHECK(t.rows[0].cells[0][0].sources[0].name == "the Herald");
    CHECK(t.rows[1].speaker.name == "A caf\xC3\xA9 owner");
    CHECK(t.rows[1].speaker.entity == kNoId);
    CHECK(ids(t.rows[1].cells[1]) == std::vector<Id>{c3});
    CHECK(t.rows[2].no_speaker);
    CHECK(ids(t.rows[2].cells[2]) == std::vector<Id>{c4});

    SECTION("orders") {
        an::WhoSaidWhatOptions o;
        o.order = an::SpeakerOrder::ByName;
        auto by_name = an::who_said_what(f.a(), f.corpus, o);
        CHECK(by_name.rows[0].speaker.name == "A caf\xC3\xA9 owner");
        CHECK(by_name.rows[1].speaker.name == "Anna Lind");
        CHECK(by_name.rows[2].no_speaker);
        o.reverse = true;
        by_name = an::who_said_what(f.a(), f.corpus, o);
        CHECK(by_name.rows[0].speaker.name == "Anna Lind");
        CHECK(by_name.rows[2].no_speaker);
        o.order = an::SpeakerOrder::ByFirstArticle;
        o.reverse = false;
        const auto first = an::who_said_what(f.a(), f.corpus, o);
        CHECK(first.rows[0].speaker.name == "Anna Lind");  // article a
        CHECK(first.rows[0].first_column == 0);
        CHECK(first.rows[1].first_column == 1);
    }
    SECTION("filter on speaker, claim text or source; without the no-speaker row") {
        an::WhoSaidWhatOptions o;
        o.filter = "HERALD";
        auto only = an::who_said_what(f.a(), f.corpus, o);
        REQUIRE(only.rows.size() == 1);
        CHECK(ids(only.rows[0].cells[0]) == std::vector<Id>{c1});
        CHECK(only.rows[0].cells[1].empty());  // the row keeps only matching claims
        CHECK(only.claims == 1);
        o.filter = "lind";
        only = an::who_said_what(f.a(), f.corpus, o);
        REQUIRE(only.rows.size() == 1);
        CHECK(only.rows[0].claims == 2);
        o.filter.clear();
        o.include_no_speaker = false;
        CHECK(an::who_said_what(f.a(), f.corpus, o).rows.size() == 2);
        CHECK(an::who_said_what(f.a(), f.corpus, o).claims == 3);
    }
    SECTION("a claim with two speakers is in both rows and counted once") {
        f.said_by(c4, owner);
        f.said_by(c4, mayor_b);
        const auto two = an::who_said_what(f.a(), f.corpus);
        CHECK(two.claims == 4);
        CHECK(two.rows.size() == 2);  // no-speaker row gone
        CHECK(two.rows[0].claims == 3);
        CHECK(two.rows[1].claims == 2);
    }
    SECTION("CSV: a row per speaker, article and claim, quoted and guarded") {
        const std::string csv = an::who_said_what_csv(t, f.a(), f.corpus);
        CHECK(csv.rfind("\xEF\xBB\xBFspeaker,speaker_entity_id,article_id,article_title,outlet,claim,reported_by,"
                        "claim_start,claim_end\r\n", 0) == 0);
        const Range r1 = quote_range(kA, "The bridge opens in May.");
        CHECK(csv.find("Anna Lind," + std::to_string(lind) + ",a,A title,Herald,The bridge opens in May.,the Herald," +
                       std::to_string(r1.start) + "," + std::to_string(r1.end) + "\r\n") != std::string::npos);
        CHECK(csv.find("\"The bridge will open in spring,\"") != std::string::npos);  // comma: quoted
        CHECK(csv.find("(no speaker),,c,C title,Courier,the bridge would not open before 2026,,") != std::string::npos);
        size_t lines = 0;
        for (char ch : csv) lines += ch == '\n';
        CHECK(lines == 5);  // header + 4
    }
}

TEST_CASE("context: the claim with words around it, within its paragraph, cut at spaces", "[corpus-views]") {
    Fixture f;
    const Id c = f.claim("b", "it would not");
    const an::Context ctx = an::context_of(f.corpus, *f.a().span(c), 8);
    CHECK(ctx.text == "it would not");
    CHECK(ctx.before == "\xE2\x80\xA6said ");  // 8 back lands inside "owner": forward to the next word
    CHECK(ctx.after == ".");                        // the paragraph (and text) ends
    const Id first = f.claim("b", "The bridge will open in spring,");
    const an::Context whole = an::context_of(f.corpus, *f.a().span(first), 200);
    CHECK(whole.before == "\xE2\x80\x9C");
    CHECK(whole.after == "\xE2\x80\x9D Mayor Lind told reporters.");  // stops at the line break
}

TEST_CASE("contradictions: cluster relations with all members, then claim links not covered", "[corpus-views]") {
    Fixture f;
    const Id may = f.claim("a", "The bridge opens in May.");
    const Id spring = f.claim("b", "The bridge will open in spring,");
    const Id never = f.claim("c", "the bridge would not open before 2026");
    const Id not_open = f.claim("b", "it would not");
    const Id opens = f.ed.create_cluster("Opens this spring", {spring, may});
    const Id late = f.ed.create_cluster("Not before 2026", {never});
    REQUIRE(f.ed.relate_clusters(ClusterRelationType::Contradicts, late, opens) != kNoId);
    // Covered by the clusters' relation: not listed twice.
    REQUIRE(f.ed.add_relation(RelationType::Contradicts, never, may) != kNoId);
    // Not covered: the café owner's claim is in no cluster.
    const Id link = f.ed.add_relation(RelationType::Contradicts, not_open, spring);
    REQUIRE(link != kNoId);
    const auto list = an::contradictions(f.a(), f.corpus);
    REQUIRE(list.size() == 2);
    CHECK(list[0].between_clusters);
    CHECK(list[0].a.cluster == late);
    CHECK(list[0].a.gloss == "Not before 2026");
    CHECK(list[0].b.claims == std::vector<Id>{may, spring});  // corpus order, not id order
    CHECK_FALSE(list[1].between_clusters);
    CHECK(list[1].relation == link);
    CHECK(list[1].a.claims == std::vector<Id>{not_open});
    CHECK(list[1].a.cluster == kNoId);
    CHECK(list[1].b.gloss == "Opens this spring");
}

TEST_CASE("timeline: claim dates over article dates, time order, walk-backs point back", "[corpus-views]") {
    Fixture f;
    const Id may = f.claim("a", "The bridge opens in May.");           // article a: no date
    const Id spring = f.claim("b", "The bridge will open in spring,");  // 2024-03-02 (article)
    const Id never = f.claim("c", "the bridge would not open before 2026");  // 2024-01-15 (article)
    const Id not_open = f.claim("b", "it would not");
    CHECK(an::claim_timeline(f.a(), f.corpus).undated == 1);
    REQUIRE(f.ed.set_attribute(may, "date", "2023-12"));
    REQUIRE(f.ed.set_attribute(not_open, "date", "2024-02-30"));  // no such day: the article's date
    REQUIRE(f.ed.add_relation(RelationType::Contradicts, spring, never) != kNoId);
    const an::Timeline t = an::claim_timeline(f.a(), f.corpus);
    CHECK(t.undated == 0);
    REQUIRE(t.entries.size() == 4);
    CHECK(t.entries[0].claim == may);
    CHECK(t.entries[0].dated_by_claim);
    CHECK(t.entries[0].date == "2023-12");
    CHECK(t.entries[1].claim == never);
    CHECK(t.entries[1].contradicts_earlier.empty());
    CHECK(t.entries[2].claim == spring);  // same date as not_open: article order
    CHECK(t.entries[2].contradicts_earlier == std::vector<Id>{never});
    CHECK(t.entries[3].claim == not_open);
    CHECK_FALSE(t.entries[3].dated_by_claim);
    SECTION("through cluster relations too") {
        const Id x = f.ed.create_cluster("", {may});
        const Id y = f.ed.create_cluster("", {not_open});
        REQUIRE(f.ed.relate_clusters(ClusterRelationType::Contradicts, x, y) != kNoId);
        const an::Timeline t2 = an::claim_timeline(f.a(), f.corpus);
        CHECK(t2.entries[3].contradicts_earlier == std::vector<Id>{may});
        CHECK(t2.entries[0].contradicts_earlier.empty());
        CHECK(an::claims_contradict(f.a(), not_open, may));
        CHECK_FALSE(an::claims_contradict(f.a(), spring, may));
    }
}

TEST_CASE("ISO dates the timeline accepts", "[corpus-views]") {
    for (const char* ok : {"2013", "2013-04", "2013-04-25", "2024-02-29", "2000-02-29"}) CHECK(an::is_iso_date(ok));
    for (const char* bad : {"", "13", "2013-4", "2013-13", "2013-00", "2013-04-31", "2023-02-29", "1900-02-29",
                            "2013/04/25", "2013-04-25T10:00", "April 2013"})
        CHECK_FALSE(an::is_iso_date(bad));
}
