// Bringing in a changed version of an article: annotations move onto the new
// text by their quotes; what cannot be placed stays behind, listed.
#include <catch2/catch.hpp>

#include "core/article_versions.h"
#include "core/editor.h"
#include "test_support.h"

using namespace cm;
using cm::test::doc;

namespace {

const char* const kOld = "Ren said \xE2\x80\x9Cwe will exit the US market\xE2\x80\x9D, he told AllThingsD. "
                         "Comments: great article!";
// A sentence added in front (every offset shifts), the comment reworded.
const char* const kNew = "Updated. \xF0\x9F\x93\xB0 Ren said \xE2\x80\x9Cwe will exit the US market\xE2\x80\x9D, "
                         "he told AllThingsD. Comments: nice piece!";

Range range_of(const Document& d, const std::string& phrase) {
    const size_t at = d.text.utf8().find(phrase);
    REQUIRE(at != std::string::npos);
    const auto s = static_cast<uint32_t>(d.text.cp_of_byte(at));
    return Range{s, s + static_cast<uint32_t>(Text(phrase).size())};
}

}  // namespace

TEST_CASE("an earlier version is found by file name or by title, never by the same id", "[versions]") {
    Corpus c;
    c.documents.push_back(doc("old1", kOld, "Huawei exits"));
    c.documents.push_back(doc("old2", "x", "Other story"));
    c.documents[1].meta.file = "story.html";
    DocumentMeta m;
    m.title = "  huawei EXITS ";
    CHECK(earlier_version_of(c, m, "new") == 0);
    CHECK(earlier_version_of(c, m, "old1") == -1);  // the same text is the same document
    m.title = "Something else";
    CHECK(earlier_version_of(c, m, "new") == -1);
    m.file = "story.html";
    CHECK(earlier_version_of(c, m, "new") == 1);
    c.documents.push_back(doc("old3", "y", "Other story, corrected"));
    c.documents[2].meta.file = "story.html";
    CHECK(earlier_version_of(c, m, "new") == 2);  // the latest version
    m.file.clear();
    m.title.clear();
    CHECK(earlier_version_of(c, m, "new") == -1);  // an untitled paste matches nothing
}

TEST_CASE("spans, multi-part spans and zones move to the new text; relations and entities hold", "[versions]") {
    const Document from = doc("old", kOld), to = doc("new", kNew);
    Editor ed([&](const std::string& d) -> std::optional<size_t> {
        if (d == "old") return from.text.size();
        if (d == "new") return to.text.size();
        return std::nullopt;
    }, [] { return 1.0; });
    Annotations fresh;
    fresh.labels = default_labels(fresh.next_id);
    ed.reset(fresh);
    const Id claim_label = ed.annotations().labels[0].id, speaker_label = ed.annotations().labels[1].id;
    const Id claim = ed.add_span({"old", claim_label, {range_of(from, "we will exit"), range_of(from, "US market")}});
    const Id speaker = ed.add_span({"old", speaker_label, {range_of(from, "Ren")}});
    const Id ren = ed.add_entity("Ren Zhengfei", EntityKind::Person);
    ed.link_entity(speaker, ren);
    const Id said = ed.add_relation(RelationType::SaidBy, claim, speaker);
    const Id comment = ed.add_span({"old", claim_label, {range_of(from, "great article")}});
    ed.add_zone("old", range_of(from, "Comments: great article!"), ZoneKind::Comments);
    const Id body = ed.add_zone("old", range_of(from, "Ren said"), ZoneKind::Body);
    REQUIRE(annotations_on(ed.annotations(), "old") == 5);

    const VersionMove mv = move_to_new_version(ed.annotations(), from, to);
    CHECK(mv.moved == 3);  // the claim, the speaker, the body zone
    CHECK(mv.shifted == 3);
    REQUIRE(mv.orphans.size() == 2);  // the reworded comment and its zone
    CHECK(mv.orphans[0] == "Claim \"great article\"");
    CHECK(mv.orphans[1].rfind("Zone (comments)", 0) == 0);

    const Annotations& m = mv.annotations;
    const Span& c = m.spans.at(claim);
    CHECK(c.doc == "new");
    REQUIRE(c.ranges.size() == 2);
    CHECK(c.ranges[0] == range_of(to, "we will exit"));
    CHECK(c.ranges[1] == range_of(to, "US market"));
    CHECK(m.spans.at(speaker).doc == "new");
    CHECK(m.spans.at(speaker).entity == ren);
    CHECK(m.spans.at(comment).doc == "old");  // stays with the text it marks
    CHECK(m.relations.at(said).from == claim);
    CHECK(m.zones.at(body).doc == "new");
    CHECK(m.zones.at(body).range == range_of(to, "Ren said"));

    // One undoable step in the editor, which checks the ranges fit the new text.
    REQUIRE(ed.replace_all(mv.annotations, "move annotations to the new version"));
    CHECK(annotations_on(ed.annotations(), "new") == 3);
    ed.undo();
    CHECK(annotations_on(ed.annotations(), "new") == 0);
    CHECK(annotations_on(ed.annotations(), "old") == 5);
}

TEST_CASE("a repeated quote goes where its context agrees; ranges that come out of order stay behind", "[versions]") {
    const Document from = doc("old", "He said yes. She said no. He said yes.");
    const Document to = doc("new", "Intro. He said yes. She said no. He said yes.");
    Annotations a;
    a.labels = default_labels(a.next_id);
    Span s;
    s.id = a.next_id++;
    s.doc = "old";
    s.label = a.labels[0].id;
    s.ranges = {Range{26, 37}};  // the second "He said yes"
    a.spans[s.id] = s;
    const VersionMove mv = move_to_new_version(a, from, to);
    REQUIRE(mv.orphans.empty());
    CHECK(mv.annotations.spans.at(s.id).ranges[0] == Range{33, 44});

    // Two parts whose text swapped order in the new version: not placed.
    const Document swapped_from = doc("o2", "alpha beta");
    const Document swapped_to = doc("n2", "beta alpha");
    Span two = s;
    two.doc = "o2";
    two.ranges = {Range{0, 5}, Range{6, 10}};
    a.spans = {{two.id, two}};
    const VersionMove mv2 = move_to_new_version(a, swapped_from, swapped_to);
    CHECK(mv2.moved == 0);
    CHECK(mv2.orphans.size() == 1);
    CHECK(mv2.annotations.spans.at(two.id).doc == "o2");
}
