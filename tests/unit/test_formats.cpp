// The standard formats (wasm/core/formats): each exporter against output
// checked by hand for one fixture, what each one says it left out, W3C
// import with re-anchoring (moved text, duplicated quotes, orphans), and the
// W3C export -> import round trip.
//
// The fixture: document "a" holds an emoji (U+1F600, two UTF-16 units) and
// "Cafe" + U+0301 (a combining acute, one code point of its own), so every
// offset after them differs in UTF-16 units and in user-perceived
// characters: "Café owners" is 93-105 in code points (Python's str), 94-106
// in UTF-16 units (JavaScript), 93-104 in grapheme clusters.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/annotations.h"
#include "core/corpus.h"
#include "core/editor.h"
#include "core/formats/brat.h"
#include "core/formats/claimreview.h"
#include "core/formats/csv.h"
#include "core/formats/doccano.h"
#include "core/formats/formats.h"
#include "core/formats/prodigy.h"
#include "core/formats/w3c.h"
#include "test_support.h"

using Catch::Matchers::Contains;
using cm::Annotations;
using cm::Document;
using cm::EntityKind;
using cm::Id;
using cm::kNoId;
using cm::LabelRole;
using cm::Range;
using cm::RelationType;
using cm::ZoneKind;
using cm::formats::Export;
using cm::formats::W3cImport;
using nlohmann::json;

namespace {

// --- fixture ---

const char* const kTextA = cm::test::kFixtureTextA;
const char* const kTextB = cm::test::kFixtureTextB;
using cm::test::doc;

std::vector<Document> fixture_docs() {
    std::vector<Document> docs;
    docs.push_back(doc("a", kTextA, "Huawei exits the US", "eWeek", "2013-04-30"));
    docs.back().meta.author = "Jane Doe";
    docs.push_back(doc("b", kTextB, "Huawei denies", "", "2013-05-02"));
    return docs;
}

// Labels 1-4 (Claim, Speaker, Source, and the user label Group), entities 5
// (a person with a Wikidata QID) and 6 (an outlet), claim 7 (two ranges, a
// note with a quote, a comma and a line break), speaker 8, source 9, group
// 10 (after the emoji, over the combining mark), claim 11 in "b" (rated
// False), said_by 12, reported_by 13, contradicts 14 (across documents),
// zone 15.
Annotations fixture() {
    Annotations a;
    a.labels = cm::default_labels(a.next_id);
    a.labels.push_back(cm::Label{4, "Group", 0xCC79A7, LabelRole::Other});
    a.entities[5] = cm::Entity{5, "Ren Zhengfei", EntityKind::Person, {"Mr. Ren"}, "Q1"};
    a.entities[6] = cm::Entity{6, "AllThingsD", EntityKind::Outlet, {}, ""};
    a.spans[7] = cm::Span{7,
                          "a",
                          1,
                          {{19, 58}, {81, 89}},
                          kNoId,
                          "check \"market\",\nthen the date",
                          {{"quote", "direct"}},
                          1700000000.5,
                          1700000001};
    a.spans[8] = cm::Span{8, "a", 2, {{0, 12}}, 5, "", {}, 1700000002, 1700000002};
    a.spans[9] = cm::Span{9, "a", 3, {{68, 78}}, 6, "", {}, 1700000003, 1700000003};
    a.spans[10] = cm::Span{10, "a", 4, {{93, 105}}, kNoId, "", {}, 1700000004, 1700000004};
    a.spans[11] = cm::Span{
        11, "b", 1, {{18, 44}}, kNoId, "", {{"quote", "indirect"}, {"rating", "False"}}, 1700000005, 1700000005.25};
    a.relations[12] = cm::Relation{12, RelationType::SaidBy, 7, 8};
    a.relations[13] = cm::Relation{13, RelationType::ReportedBy, 7, 9};
    a.relations[14] = cm::Relation{14, RelationType::Contradicts, 11, 7};
    a.zones[15] = cm::Zone{15, "a", {93, 116}, ZoneKind::Comments};
    a.next_id = 16;
    return a;
}

// The state must keep the editor's rules against the fixture's documents.
std::string broken_rules(const Annotations& a, const std::vector<Document>& docs) {
    cm::Editor check(
        [&docs](const std::string& id) -> std::optional<size_t> {
            for (const Document& d : docs)
                if (d.meta.id == id) return d.text.size();
            return std::nullopt;
        },
        nullptr);
    check.reset(a);
    return check.check_invariants();
}

std::string file(const Export& e, const std::string& name) {
    for (const cm::formats::ExportFile& f : e.files)
        if (f.name == name) return f.content;
    FAIL("no file " << name);
    return "";
}

std::vector<std::string> names(const Export& e) {
    std::vector<std::string> out;
    for (const cm::formats::ExportFile& f : e.files) out.push_back(f.name);
    return out;
}

// A state by content, without ids: one line per object, sorted, so two
// states with the same annotations under other ids compare equal.
std::vector<std::string> content(const Annotations& a) {
    const auto span_key = [&a](Id id) {
        const cm::Span* s = a.span(id);
        if (!s) return std::string("?");
        std::string out = s->doc + "|" + a.label(s->label)->name + "|";
        for (const Range& r : s->ranges) out += std::to_string(r.start) + "-" + std::to_string(r.end) + ",";
        return out;
    };
    std::vector<std::string> out;
    for (const cm::Label& l : a.labels)
        out.push_back("label " + l.name + " " + cm::format_color(l.color) + " " + cm::to_string(l.role));
    for (const auto& [id, e] : a.entities) {
        std::string line = "entity " + e.name + "|" + cm::to_string(e.kind) + "|" + e.external_id + "|";
        for (const std::string& alias : e.aliases) line += alias + ",";
        out.push_back(line);
    }
    for (const auto& [id, s] : a.spans) {
        std::string line =
            "span " + span_key(id) + "|" + (s.entity ? a.entity(s.entity)->name : "") + "|" + s.note + "|";
        for (const auto& [k, v] : s.attributes) line += k + "=" + v + ",";
        line += "|" + std::to_string(s.created) + "|" + std::to_string(s.modified);
        out.push_back(line);
    }
    for (const auto& [id, r] : a.relations)
        out.push_back(std::string("relation ") + cm::to_string(r.type) + " " + span_key(r.from) + " -> " +
                      span_key(r.to));
    for (const auto& [id, z] : a.zones)
        out.push_back("zone " + z.doc + " " + std::to_string(z.range.start) + "-" + std::to_string(z.range.end) + " " +
                      cm::to_string(z.kind));
    std::sort(out.begin() + static_cast<long>(a.labels.size()), out.end());  // labels keep their order
    return out;
}

std::string problems_of(const W3cImport& r) {
    std::string out;
    for (const cm::ImportProblem& p : r.problems) out += (out.empty() ? "" : "\n") + cm::to_string(p);
    return out;
}

}  // namespace

// ============================== the fixture's offsets ==============================

TEST_CASE("formats: the fixture's offsets are code points, not UTF-16 units or graphemes", "[formats]") {
    const std::vector<Document> docs = fixture_docs();
    const cm::Text& a = docs[0].text;
    CHECK(a.slice(93, 105) == "Cafe\xCC\x81 owners");
    CHECK(a.utf16_of(93) == 94);  // the emoji before it is two UTF-16 units
    CHECK(a.utf16_of(105) == 106);
    CHECK(a.size() == 116);
}

// ============================== W3C Web Annotation ==============================

// Checked by hand: offsets against Python's str indexing, the SHA-256 values
// against hashlib, the times against datetime.fromtimestamp(t, utc), the
// 32-code-point contexts (the same as the project file's).
const char* const kW3cExpected = R"json({
  "@context": [
    "http://www.w3.org/ns/anno.jsonld",
    {
      "claimmark": {
        "@id": "urn:claimmark:vocab#data",
        "@type": "@json"
      }
    }
  ],
  "id": "urn:claimmark:collection",
  "type": "AnnotationCollection",
  "label": "ClaimMark annotations",
  "total": 9,
  "claimmark": {
    "version": 1,
    "documents": [
      {
        "source": "urn:sha256:c7dbc59f2deb25c305448f4d1a1ee81a1f28dc6ce60e39022c129ab794e8e920",
        "id": "a",
        "title": "Huawei exits the US",
        "outlet": "eWeek",
        "date": "2013-04-30"
      },
      {
        "source": "urn:sha256:b5108fcf9a2f5313176e411d17ff8135ede8c4430a99ce5efd22cd6c65d80c49",
        "id": "b",
        "title": "Huawei denies",
        "date": "2013-05-02"
      }
    ],
    "labels": [
      {
        "name": "Claim",
        "color": "#E69F00",
        "role": "claim"
      },
      {
        "name": "Speaker",
        "color": "#0072B2",
        "role": "speaker"
      },
      {
        "name": "Source",
        "color": "#009E73",
        "role": "source"
      },
      {
        "name": "Group",
        "color": "#CC79A7",
        "role": "other"
      }
    ]
  },
  "first": {
    "id": "urn:claimmark:collection:page:1",
    "type": "AnnotationPage",
    "startIndex": 0,
    "items": [
      {
        "id": "urn:claimmark:annotation:7",
        "type": "Annotation",
        "motivation": [
          "tagging",
          "commenting"
        ],
        "created": "2023-11-14T22:13:20.5Z",
        "modified": "2023-11-14T22:13:21Z",
        "body": [
          {
            "type": "TextualBody",
            "purpose": "tagging",
            "value": "Claim"
          },
          {
            "type": "TextualBody",
            "purpose": "commenting",
            "value": "check \"market\",\nthen the date"
          }
        ],
        "target": [
          {
            "source": "urn:sha256:c7dbc59f2deb25c305448f4d1a1ee81a1f28dc6ce60e39022c129ab794e8e920",
            "selector": [
              {
                "type": "TextPositionSelector",
                "start": 19,
                "end": 58
              },
              {
                "type": "TextQuoteSelector",
                "exact": "We are not interested in the US market,",
                "prefix": "Ren Zhengfei said “",
                "suffix": "” he told AllThingsD, “anymore.”"
              }
            ]
          },
          {
            "source": "urn:sha256:c7dbc59f2deb25c305448f4d1a1ee81a1f28dc6ce60e39022c129ab794e8e920",
            "selector": [
              {
                "type": "TextPositionSelector",
                "start": 81,
                "end": 89
              },
              {
                "type": "TextQuoteSelector",
                "exact": "anymore.",
                "prefix": "S market,” he told AllThingsD, “",
                "suffix": "” 😀 Café owners disagreed."
              }
            ]
          }
        ],
        "claimmark": {
          "attributes": {
            "quote": "direct"
          }
        }
      },
      {
        "id": "urn:claimmark:annotation:8",
        "type": "Annotation",
        "motivation": [
          "tagging",
          "identifying"
        ],
        "created": "2023-11-14T22:13:22Z",
        "modified": "2023-11-14T22:13:22Z",
        "body": [
          {
            "type": "TextualBody",
            "purpose": "tagging",
            "value": "Speaker"
          },
          {
            "type": "SpecificResource",
            "purpose": "identifying",
            "source": {
              "id": "http://www.wikidata.org/entity/Q1",
              "type": "Person",
              "name": "Ren Zhengfei",
              "claimmark": {
                "kind": "person",
                "aliases": [
                  "Mr. Ren"
                ],
                "external_id": "Q1"
              }
            }
          }
        ],
        "target": {
          "source": "urn:sha256:c7dbc59f2deb25c305448f4d1a1ee81a1f28dc6ce60e39022c129ab794e8e920",
          "selector": [
            {
              "type": "TextPositionSelector",
              "start": 0,
              "end": 12
            },
            {
              "type": "TextQuoteSelector",
              "exact": "Ren Zhengfei",
              "prefix": "",
              "suffix": " said “We are not interested in "
            }
          ]
        }
      },
      {
        "id": "urn:claimmark:annotation:9",
        "type": "Annotation",
        "motivation": [
          "tagging",
          "identifying"
        ],
        "created": "2023-11-14T22:13:23Z",
        "modified": "2023-11-14T22:13:23Z",
        "body": [
          {
            "type": "TextualBody",
            "purpose": "tagging",
            "value": "Source"
          },
          {
            "type": "SpecificResource",
            "purpose": "identifying",
            "source": {
              "id": "urn:claimmark:entity:6",
              "type": "Organization",
              "name": "AllThingsD",
              "claimmark": {
                "kind": "outlet",
                "aliases": []
              }
            }
          }
        ],
        "target": {
          "source": "urn:sha256:c7dbc59f2deb25c305448f4d1a1ee81a1f28dc6ce60e39022c129ab794e8e920",
          "selector": [
            {
              "type": "TextPositionSelector",
              "start": 68,
              "end": 78
            },
            {
              "type": "TextQuoteSelector",
              "exact": "AllThingsD",
              "prefix": "sted in the US market,” he told ",
              "suffix": ", “anymore.” 😀 Café owners disa"
            }
          ]
        }
      },
      {
        "id": "urn:claimmark:annotation:10",
        "type": "Annotation",
        "motivation": "tagging",
        "created": "2023-11-14T22:13:24Z",
        "modified": "2023-11-14T22:13:24Z",
        "body": {
          "type": "TextualBody",
          "purpose": "tagging",
          "value": "Group"
        },
        "target": {
          "source": "urn:sha256:c7dbc59f2deb25c305448f4d1a1ee81a1f28dc6ce60e39022c129ab794e8e920",
          "selector": [
            {
              "type": "TextPositionSelector",
              "start": 93,
              "end": 105
            },
            {
              "type": "TextQuoteSelector",
              "exact": "Café owners",
              "prefix": "e told AllThingsD, “anymore.” 😀 ",
              "suffix": " disagreed."
            }
          ]
        }
      },
      {
        "id": "urn:claimmark:annotation:11",
        "type": "Annotation",
        "motivation": "tagging",
        "created": "2023-11-14T22:13:25Z",
        "modified": "2023-11-14T22:13:25.25Z",
        "body": {
          "type": "TextualBody",
          "purpose": "tagging",
          "value": "Claim"
        },
        "target": {
          "source": "urn:sha256:b5108fcf9a2f5313176e411d17ff8135ede8c4430a99ce5efd22cd6c65d80c49",
          "selector": [
            {
              "type": "TextPositionSelector",
              "start": 18,
              "end": 44
            },
            {
              "type": "TextQuoteSelector",
              "exact": "Ren Zhengfei was misquoted",
              "prefix": "Huawei denied it. ",
              "suffix": ", a spokesman said."
            }
          ]
        },
        "claimmark": {
          "attributes": {
            "quote": "indirect",
            "rating": "False"
          }
        }
      },
      {
        "id": "urn:claimmark:relation:12",
        "type": "Annotation",
        "motivation": "linking",
        "body": {
          "type": "TextualBody",
          "value": "said_by"
        },
        "target": [
          "urn:claimmark:annotation:7",
          "urn:claimmark:annotation:8"
        ]
      },
      {
        "id": "urn:claimmark:relation:13",
        "type": "Annotation",
        "motivation": "linking",
        "body": {
          "type": "TextualBody",
          "value": "reported_by"
        },
        "target": [
          "urn:claimmark:annotation:7",
          "urn:claimmark:annotation:9"
        ]
      },
      {
        "id": "urn:claimmark:relation:14",
        "type": "Annotation",
        "motivation": "linking",
        "body": {
          "type": "TextualBody",
          "value": "contradicts"
        },
        "target": [
          "urn:claimmark:annotation:11",
          "urn:claimmark:annotation:7"
        ]
      },
      {
        "id": "urn:claimmark:zone:15",
        "type": "Annotation",
        "motivation": "classifying",
        "body": {
          "type": "TextualBody",
          "value": "comments"
        },
        "target": {
          "source": "urn:sha256:c7dbc59f2deb25c305448f4d1a1ee81a1f28dc6ce60e39022c129ab794e8e920",
          "selector": [
            {
              "type": "TextPositionSelector",
              "start": 93,
              "end": 116
            },
            {
              "type": "TextQuoteSelector",
              "exact": "Café owners disagreed.",
              "prefix": "e told AllThingsD, “anymore.” 😀 ",
              "suffix": ""
            }
          ]
        }
      }
    ]
  }
})json";

TEST_CASE("formats: W3C export of the fixture", "[formats][w3c]") {
    const Export e = cm::formats::export_w3c(fixture(), fixture_docs());
    REQUIRE(names(e) == std::vector<std::string>{"annotations.w3c.jsonld"});
    CHECK(file(e, "annotations.w3c.jsonld") == std::string(kW3cExpected) + "\n");
    CHECK(e.left_out.empty());
}

TEST_CASE("formats: W3C export says what it leaves out", "[formats][w3c]") {
    Annotations a = fixture();
    a.entities[16] = cm::Entity{16, "Nobody", EntityKind::Person, {}, ""};
    a.spans[7].created = 1700000000.0001;  // below a millisecond
    std::vector<Document> docs = fixture_docs();
    docs.pop_back();  // "b" not given: its claim has no quote
    const Export e = cm::formats::export_w3c(a, docs);
    CHECK(e.left_out == std::vector<std::string>{
                            "1 time rounded to the millisecond (xsd:dateTime)",
                            "1 annotation in a document not given written without TextQuoteSelector (no text to quote)",
                            "1 entity without mentions left out: W3C annotations carry an entity only as the body of a "
                            "mention"});
    const json j = json::parse(file(e, "annotations.w3c.jsonld"));
    const json& claim_b = j["first"]["items"][4];
    CHECK(claim_b["target"]["source"] == "urn:claimmark:doc:b");
    CHECK(claim_b["target"]["selector"].size() == 1);
}

TEST_CASE("formats: W3C export -> import gives the same annotations", "[formats][w3c]") {
    const std::vector<Document> docs = fixture_docs();
    const Annotations a = fixture();
    const W3cImport r = cm::formats::import_w3c(file(cm::formats::export_w3c(a, docs), "annotations.w3c.jsonld"), docs);
    INFO(problems_of(r));
    REQUIRE(r.ok);
    CHECK(r.problems.empty());
    CHECK(r.orphans.empty());
    CHECK(content(r.annotations) == content(a));
    CHECK(broken_rules(r.annotations, docs) == "");
    // And again: the import exports to the same file, but for the ids.
    const W3cImport again =
        cm::formats::import_w3c(file(cm::formats::export_w3c(r.annotations, docs), "annotations.w3c.jsonld"), docs);
    CHECK(content(again.annotations) == content(a));
}

namespace {

// One annotation in W3C form on document `source`, with a position and/or a quote.
json w3c_annotation(const std::string& id, const std::string& tag, const std::string& source,
                    std::optional<Range> position, const std::string& exact = "", const std::string& prefix = "",
                    const std::string& suffix = "") {
    json selectors = json::array();
    if (position)
        selectors.push_back({{"type", "TextPositionSelector"}, {"start", position->start}, {"end", position->end}});
    if (!exact.empty())
        selectors.push_back({{"type", "TextQuoteSelector"}, {"exact", exact}, {"prefix", prefix}, {"suffix", suffix}});
    return {{"id", id},
            {"type", "Annotation"},
            {"body", {{"type", "TextualBody"}, {"purpose", "tagging"}, {"value", tag}}},
            {"target", {{"source", source}, {"selector", selectors}}}};
}

const cm::Span* only_span(const Annotations& a) {
    REQUIRE(a.spans.size() == 1);
    return &a.spans.begin()->second;
}

}  // namespace

TEST_CASE("formats: W3C import re-anchors text that moved", "[formats][w3c]") {
    // The article gained a sentence at the start: every offset is 20 code points off.
    std::vector<Document> docs{doc("a", std::string("Updated at 10:00. \xF0\x9F\x98\x80 ") + kTextA)};
    const json file = json::array({w3c_annotation("x:1", "Claim", "urn:claimmark:doc:a", Range{93, 105},
                                                  "Cafe\xCC\x81 owners", "\xF0\x9F\x98\x80 ", " disagreed")});
    const W3cImport r = cm::formats::import_w3c(file.dump(), docs);
    REQUIRE(r.ok);
    const cm::Span* s = only_span(r.annotations);
    CHECK(s->ranges == std::vector<Range>{{113, 125}});
    CHECK(docs[0].text.slice(113, 125) == "Cafe\xCC\x81 owners");
    CHECK(problems_of(r) ==
          "/0/target: the text at 93-105 is not the quote \"Cafe\xCC\x81 owners\"; re-anchored it to 113-125, "
          "where the quote is.");
    CHECK(r.orphans.empty());
}

TEST_CASE("formats: W3C import of a ClaimMark export onto a changed text re-anchors by quote", "[formats][w3c]") {
    const std::string file = cm::formats::export_w3c(fixture(), fixture_docs()).files[0].content;
    std::vector<Document> docs = fixture_docs();
    docs[0] = doc("a", std::string("Updated: ") + kTextA, "Huawei exits the US");  // 9 code points more
    const W3cImport r = cm::formats::import_w3c(file, docs);
    REQUIRE(r.ok);
    CHECK(r.orphans.empty());
    const std::string problems = problems_of(r);
    CHECK_THAT(problems, Contains("/first/items/0/target/0: the text of document \"a\" is not the one annotated (its "
                                  "SHA-256 differs); re-anchored its annotations by their quotes where needed.\n"
                                  "/first/items/0/target/0: the text at 19-58 is not the quote \"We are not interested "
                                  "in the US market,\"; re-anchored it to 28-67, where the quote is."));
    // Everything in "a" moved by 9, the zone too (it has a quote in W3C); "b" stayed.
    Annotations moved = fixture();
    for (auto& [id, s] : moved.spans)
        if (s.doc == "a")
            for (Range& range : s.ranges) range = Range{range.start + 9, range.end + 9};
    moved.zones[15].range = Range{102, 125};
    CHECK(content(r.annotations) == content(moved));
}

TEST_CASE("formats: W3C import chooses among duplicated quotes by prefix and suffix", "[formats][w3c]") {
    const std::string text = "Ren said no. Huawei said no. Ren said no again.";
    //                        0         1         2         3         4
    //                        0123456789012345678901234567890123456789012345
    std::vector<Document> docs{doc("a", text)};
    SECTION("no position: the context decides") {
        const json file = json::array(
            {w3c_annotation("x:1", "Claim", "urn:claimmark:doc:a", std::nullopt, "said no", "Huawei ", ". Ren")});
        const W3cImport r = cm::formats::import_w3c(file.dump(), docs);
        CHECK(only_span(r.annotations)->ranges == std::vector<Range>{{20, 27}});
        CHECK(r.problems.empty());
    }
    SECTION("a stale position on another copy of the quote: the context wins") {
        const json file = json::array(
            {w3c_annotation("x:1", "Claim", "urn:claimmark:doc:a", Range{4, 11}, "said no", "Ren ", " again")});
        const W3cImport r = cm::formats::import_w3c(file.dump(), docs);
        CHECK(only_span(r.annotations)->ranges == std::vector<Range>{{33, 40}});
        CHECK(problems_of(r) ==
              "/0/target: the text around 4-11 is not the prefix and suffix of its quote \"said no\"; "
              "re-anchored it to 33-40, where quote, prefix and suffix agree best.");
    }
    SECTION("position right, context right: it stays") {
        const json file = json::array(
            {w3c_annotation("x:1", "Claim", "urn:claimmark:doc:a", Range{20, 27}, "said no", "Huawei ", ". Ren")});
        const W3cImport r = cm::formats::import_w3c(file.dump(), docs);
        CHECK(only_span(r.annotations)->ranges == std::vector<Range>{{20, 27}});
        CHECK(r.problems.empty());
    }
}

TEST_CASE("formats: W3C import lists what it cannot place as orphans", "[formats][w3c]") {
    const std::vector<Document> docs = fixture_docs();
    json j = json::parse(file(cm::formats::export_w3c(fixture(), docs), "annotations.w3c.jsonld"));
    json& items = j["first"]["items"];
    // The claim's quote is gone from the text, the group names a document
    // that is not open, the speaker has no selector left.
    items[0]["target"][1]["selector"][1]["exact"] = "anywhere else.";
    items[0]["target"][1]["selector"][0]["start"] = 500;
    items[3]["target"]["source"] = "urn:sha256:0000000000000000000000000000000000000000000000000000000000000000";
    items[1]["target"]["selector"] = json::array();
    const W3cImport r = cm::formats::import_w3c(j.dump(), docs);
    REQUIRE(r.ok);
    REQUIRE(r.orphans.size() == 3);
    CHECK(r.orphans[0].path == "/first/items/0");
    CHECK(r.orphans[0].id == "urn:claimmark:annotation:7");
    CHECK(r.orphans[0].label == "Claim");
    CHECK(r.orphans[0].exact == "We are not interested in the US market,");
    CHECK(r.orphans[0].why == "range 500-89 is empty, and the quote \"anywhere else.\" is nowhere in the text");
    CHECK(r.orphans[1].id == "urn:claimmark:annotation:8");
    CHECK(r.orphans[1].why == "there is neither a position nor a quote to place it by");
    CHECK(r.orphans[2].id == "urn:claimmark:annotation:10");
    CHECK(r.orphans[2].why ==
          "its document \"urn:sha256:0000000000000000000000000000000000000000000000000000000000000000\" is not open");
    // Each orphan is a problem too, and so is every link to one.
    const std::string problems = problems_of(r);
    CHECK_THAT(problems, Contains("/first/items/0: the annotation cannot be placed: range 500-89 is empty"));
    CHECK_THAT(problems, Contains("listed it as an orphan."));
    CHECK_THAT(problems, Contains("/first/items/5/target/0: annotation \"urn:claimmark:annotation:7\" is an orphan; "
                                  "skipped this link."));
    CHECK_THAT(problems, Contains("/first/items/7/target/1: annotation \"urn:claimmark:annotation:7\" is an orphan; "
                                  "skipped this link."));
    // The rest came in.
    CHECK(r.annotations.spans.size() == 2);  // source 9 and claim 11
    CHECK(r.annotations.relations.empty());
    CHECK(r.annotations.zones.size() == 1);
    CHECK(broken_rules(r.annotations, docs) == "");
}

TEST_CASE("formats: W3C import reads annotations from other tools", "[formats][w3c]") {
    const std::vector<Document> docs = fixture_docs();
    // Hypothesis-like: quote only, tags and a comment, no ClaimMark details.
    const json file = {
        {"@context", "http://www.w3.org/ns/anno.jsonld"},
        {"id", "https://hyp.is/abc"},
        {"type", "Annotation"},
        {"created", "2023-11-14T23:13:20.5+01:00"},
        {"body", json::array({{{"type", "TextualBody"}, {"purpose", "tagging"}, {"value", "speaker"}},
                              {{"type", "TextualBody"}, {"purpose", "commenting"}, {"value", "The founder."}},
                              {{"type", "SpecificResource"},
                               {"purpose", "identifying"},
                               {"source", "http://www.wikidata.org/entity/Q1"}}})},
        {"target",
         {{"source", "urn:claimmark:doc:a"},
          {"selector",
           {{"type", "TextQuoteSelector"}, {"exact", "Ren Zhengfei"}, {"prefix", ""}, {"suffix", " said"}}}}}};
    const W3cImport r = cm::formats::import_w3c(file.dump(), docs);
    INFO(problems_of(r));
    REQUIRE(r.ok);
    CHECK(r.problems.empty());
    const cm::Span* s = only_span(r.annotations);
    CHECK(s->doc == "a");
    CHECK(s->ranges == std::vector<Range>{{0, 12}});
    CHECK(s->note == "The founder.");
    CHECK(s->created == 1700000000.5);
    const cm::Label* label = r.annotations.label(s->label);
    CHECK(label->name == "speaker");
    CHECK(label->role == LabelRole::Speaker);  // from its name
    const cm::Entity* e = r.annotations.entity(s->entity);
    REQUIRE(e);
    CHECK(e->name == "Q1");
    CHECK(e->external_id == "Q1");
}

TEST_CASE("formats: W3C import of bad files lists problems and never crashes", "[formats][w3c]") {
    const std::vector<Document> docs = fixture_docs();
    const auto fatal = [&docs](const std::string& text) {
        const W3cImport r = cm::formats::import_w3c(text, docs);
        CHECK_FALSE(r.ok);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].fatal);
        CHECK(r.annotations.spans.empty());
        return r.problems[0].what;
    };
    CHECK_THAT(fatal("{\"type\": \"AnnotationCollection\", "), Contains("the file is not valid JSON ("));
    CHECK(fatal("42") == "the file is not W3C Web Annotation JSON: it must be an object or a list");
    CHECK(fatal("{\"format\": \"claimmark\"}") ==
          "the file is not W3C Web Annotation JSON: no Annotation, AnnotationPage or AnnotationCollection");
    CHECK(fatal("{\"type\": \"AnnotationCollection\", \"first\": \"https://example.org/page1\"}") ==
          "the collection's pages are not in the file (/first is a link): fetch the pages and import them");

    // Wrong types everywhere: each listed, the file still loads.
    const json file = json::array(
        {42,
         {{"type", "Annotation"}, {"body", {{"purpose", "tagging"}, {"value", 7}}}, {"target", "urn:claimmark:doc:a"}},
         {{"type", "Annotation"},
          {"created", "yesterday"},
          {"body", "https://example.org/tag"},
          {"target",
           {{"source", "urn:claimmark:doc:b"},
            {"selector", {{"type", "TextPositionSelector"}, {"start", -3}, {"end", "x"}}}}}},
         {{"type", "Annotation"},
          {"target",
           {{"source", "urn:claimmark:doc:b"},
            {"selector", {{"type", "TextPositionSelector"}, {"start", 0}, {"end", 6}}}}}},
         {{"type", "Annotation"},
          {"motivation", "linking"},
          {"body", "said_by"},
          {"target", json::array({"x", "y", "z"})}}});
    const W3cImport r = cm::formats::import_w3c(file.dump(), docs);
    REQUIRE(r.ok);
    CHECK(
        problems_of(r) ==
        "/0: is not an object; skipped it.\n"
        "/1/body: a body ClaimMark cannot hold (neither text nor an identifying resource); ignored it.\n"
        "/1: the annotation cannot be placed: it targets \"urn:claimmark:doc:a\" as a whole, not a part of a text; "
        "listed it as an orphan.\n"
        "/2/body: a body that is only a link (\"https://example.org/tag\"); ignored it.\n"
        "/2: the annotation cannot be placed: there is neither a position nor a quote to place it by; listed it as an "
        "orphan.\n"
        "/3: the annotation has no tagging body; gave it the label \"Untagged\".\n"
        "/4/target: a link needs two targets (from, to), not 3; skipped this link.");
    const cm::Span* s = only_span(r.annotations);
    CHECK(s->ranges == std::vector<Range>{{0, 6}});
    CHECK(r.orphans.size() == 2);
}

// ============================== brat ==============================

TEST_CASE("formats: brat export of the fixture", "[formats][brat]") {
    const Export e = cm::formats::export_brat(fixture(), fixture_docs());
    REQUIRE(names(e) == std::vector<std::string>{"a.txt", "a.ann", "b.txt", "b.ann", "annotation.conf", "visual.conf"});
    CHECK(file(e, "a.txt") == kTextA);
    CHECK(file(e, "b.txt") == kTextB);
    // "Café owners" is 93-105: Python's len() of the .txt's str up to there.
    CHECK(file(e, "a.ann") ==
          "T1\tSpeaker 0 12\tRen Zhengfei\n"
          "N1\tReference T1 Wikidata:Q1\tRen Zhengfei\n"
          "T2\tClaim 19 58;81 89\tWe are not interested in the US market, anymore.\n"
          "A1\tquote T2 direct\n"
          "#1\tAnnotatorNotes T2\tcheck \"market\", then the date\n"
          "T3\tSource 68 78\tAllThingsD\n"
          "N2\tReference T3 ClaimMark:6\tAllThingsD\n"
          "T4\tGroup 93 105\tCafe\xCC\x81 owners\n"
          "R1\tsaid_by Arg1:T2 Arg2:T1\n"
          "R2\treported_by Arg1:T2 Arg2:T3\n");
    CHECK(file(e, "b.ann") ==
          "T1\tClaim 18 44\tRen Zhengfei was misquoted\n"
          "A1\tquote T1 indirect\n"
          "A2\trating T1 False\n");
    CHECK(file(e, "annotation.conf") ==
          "# Written by ClaimMark: the labels, relations and attributes of this export.\n"
          "[entities]\nClaim\nSpeaker\nSource\nGroup\n"
          "\n[relations]\n"
          "said_by\tArg1:Claim, Arg2:Speaker\n"
          "reported_by\tArg1:Claim, Arg2:Source\n"
          "same_claim\tArg1:Claim, Arg2:Claim\n"
          "supports\tArg1:Claim, Arg2:Claim\n"
          "contradicts\tArg1:Claim, Arg2:Claim\n"
          "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
          "\n[events]\n"
          "\n[attributes]\n"
          "quote\tArg:<ENTITY>, Value:direct|indirect\n"
          "rating\tArg:<ENTITY>, Value:False\n");
    CHECK(file(e, "visual.conf") ==
          "# Written by ClaimMark: label names and colours.\n"
          "[labels]\nClaim | Claim\nSpeaker | Speaker\nSource | Source\nGroup | Group\n"
          "\n[drawing]\n"
          "Claim\tbgColor:#E69F00\nSpeaker\tbgColor:#0072B2\nSource\tbgColor:#009E73\nGroup\tbgColor:#CC79A7\n");
    CHECK(e.left_out == std::vector<std::string>{
                            "1 note with line breaks or tabs written on one line (brat notes are one line)",
                            "1 relation across documents left out: a brat relation joins annotations of one document",
                            "1 zone left out: brat has no document regions"});
}

TEST_CASE("formats: brat splits ranges at line breaks and renames labels it cannot write", "[formats][brat]") {
    std::vector<Document> docs{doc("file:my article.txt", "First line\nsecond line")};
    Annotations a;
    a.labels = {cm::Label{1, "Direct quote", 0xE69F00, LabelRole::Claim}};
    a.spans[2] = cm::Span{2, "file:my article.txt", 1, {{6, 17}}, kNoId, "", {{"said how", "on TV"}}, 0, 0};
    a.next_id = 3;
    const Export e = cm::formats::export_brat(a, docs);
    CHECK(names(e) == std::vector<std::string>{"file_my_article.txt.txt", "file_my_article.txt.ann", "annotation.conf",
                                               "visual.conf"});
    CHECK(file(e, "file_my_article.txt.ann") ==
          "T1\tDirect_quote 6 10;11 17\tline second\n"
          "A1\tsaid_how T1 on_TV\n");
    CHECK_THAT(file(e, "visual.conf"), Contains("Direct_quote | Direct quote\n"));
    CHECK(e.left_out == std::vector<std::string>{
                            "1 label renamed for brat, whose type names have no spaces or punctuation (Direct quote "
                            "\xE2\x86\x92 Direct_quote)",
                            "1 annotation crossing a line break split there into fragments (brat keeps an annotation's "
                            "text on one line)",
                            "1 attribute written with '_' for spaces and punctuation"});
}

// ============================== CSV ==============================

TEST_CASE("formats: CSV claims table of the fixture", "[formats][csv]") {
    const Export e = cm::formats::export_csv(fixture(), fixture_docs());
    REQUIRE(names(e) == std::vector<std::string>{"claims.csv"});
    // BOM, CRLF between rows; the claim (a comma) and the note (quotes, a
    // comma, a line break) quoted, quotes doubled.
    CHECK(file(e, "claims.csv") ==
          "\xEF\xBB\xBF"
          "document_id,document_title,claim_text,speaker,source,ranges,quote_type,note\r\n"
          "a,Huawei exits the US,\"We are not interested in the US market, \xE2\x80\xA6 anymore.\",Ren Zhengfei,"
          "AllThingsD,19-58;81-89,direct,\"check \"\"market\"\",\nthen the date\"\r\n"
          "b,Huawei denies,Ren Zhengfei was misquoted,,,18-44,indirect,\r\n");
    CHECK(e.left_out == std::vector<std::string>{
                            "1 claim with attributes other than quote written without them (the table has a "
                            "quote_type column only)",
                            "1 annotation with a user label left out: the table holds claims, their speakers and "
                            "sources",
                            "1 link between claims left out (same_claim, supports, contradicts): the table has no "
                            "column for them",
                            "1 zone left out"});
}

TEST_CASE("formats: CSV cells a spreadsheet would run as formulas are guarded", "[formats][csv]") {
    std::vector<Document> docs{doc("a", "=HYPERLINK(\"http://x\") said -5% growth")};
    Annotations a;
    a.labels = cm::default_labels(a.next_id);
    a.spans[4] = cm::Span{4, "a", 1, {{0, 22}}, kNoId, "@check", {}, 0, 0};
    a.spans[5] = cm::Span{5, "a", 1, {{28, 31}}, kNoId, "", {}, 0, 0};
    a.next_id = 6;
    const std::string header =
        "\xEF\xBB\xBF"
        "document_id,document_title,claim_text,speaker,source,ranges,quote_type,note\r\n";
    const Export guarded = cm::formats::export_csv(a, docs);
    CHECK(file(guarded, "claims.csv") == header +
                                             "a,a,\"'=HYPERLINK(\"\"http://x\"\")\",,,0-22,,'@check\r\n"
                                             "a,a,'-5%,,,28-31,,\r\n");
    CHECK(guarded.left_out == std::vector<std::string>{"3 cells starting with =, +, - or @ written with a leading ' so "
                                                       "spreadsheets do not run them as formulas"});
    const Export raw = cm::formats::export_csv(a, docs, cm::formats::CsvOptions{false});
    CHECK(file(raw, "claims.csv") == header +
                                         "a,a,\"=HYPERLINK(\"\"http://x\"\")\",,,0-22,,@check\r\n"
                                         "a,a,-5%,,,28-31,,\r\n");
    CHECK(raw.left_out.empty());
}

// ============================== doccano, Prodigy ==============================

TEST_CASE("formats: doccano JSONL of the fixture", "[formats][doccano]") {
    const Export e = cm::formats::export_doccano(fixture(), fixture_docs());
    REQUIRE(names(e) == std::vector<std::string>{"doccano.jsonl"});
    CHECK(file(e, "doccano.jsonl") ==
          std::string("{\"text\":\"") + kTextA +
              "\",\"label\":[[0,12,\"Speaker\"],[19,58,\"Claim\"],[68,78,\"Source\"],[81,89,\"Claim\"],"
              "[93,105,\"Group\"]],\"document\":\"a\",\"title\":\"Huawei exits the US\"}\n"
              "{\"text\":\"" +
              kTextB + "\",\"label\":[[18,44,\"Claim\"]],\"document\":\"b\",\"title\":\"Huawei denies\"}\n");
    CHECK(e.left_out == std::vector<std::string>{
                            "1 annotation with several ranges written as one span per range (no discontinuous spans)",
                            "2 links to entities left out", "1 note left out", "2 annotations' attributes left out",
                            "3 relations left out", "1 zone left out"});
}

TEST_CASE("formats: Prodigy JSONL of the fixture", "[formats][prodigy]") {
    const Export e = cm::formats::export_prodigy(fixture(), fixture_docs());
    REQUIRE(names(e) == std::vector<std::string>{"prodigy.jsonl"});
    CHECK(file(e, "prodigy.jsonl") ==
          std::string("{\"text\":\"") + kTextA +
              "\",\"spans\":[{\"start\":0,\"end\":12,\"label\":\"Speaker\"},{\"start\":19,\"end\":58,\"label\":"
              "\"Claim\"},{\"start\":68,\"end\":78,\"label\":\"Source\"},{\"start\":81,\"end\":89,\"label\":\"Claim\"},"
              "{\"start\":93,\"end\":105,\"label\":\"Group\"}],\"meta\":{\"document\":\"a\",\"title\":\"Huawei exits "
              "the US\"}}\n"
              "{\"text\":\"" +
              kTextB +
              "\",\"spans\":[{\"start\":18,\"end\":44,\"label\":\"Claim\"}],\"meta\":{\"document\":\"b\",\"title\":"
              "\"Huawei denies\"}}\n");
    CHECK(e.left_out.size() == 6);
}

TEST_CASE("formats: span lists keep overlapping spans and say so", "[formats][prodigy][doccano]") {
    Annotations a = fixture();
    a.spans[16] = cm::Span{16, "a", 4, {{0, 3}}, kNoId, "", {}, 0, 0};  // inside the speaker "Ren Zhengfei"
    a.next_id = 17;
    const Export p = cm::formats::export_prodigy(a, fixture_docs());
    CHECK_THAT(file(p, "prodigy.jsonl"),
               Contains("{\"start\":0,\"end\":3,\"label\":\"Group\"},{\"start\":0,\"end\":12,\"label\":\"Speaker\"}"));
    CHECK(p.left_out.back() ==
          "2 overlapping spans kept: fine for spaCy's doc.spans and Prodigy's spans.manual, not for doc.ents or "
          "ner.manual");
    const Export d = cm::formats::export_doccano(a, fixture_docs());
    CHECK(d.left_out.back() ==
          "2 overlapping spans kept: doccano shows them when the project allows overlapping spans");
}

// ============================== schema.org ==============================

// Checked by hand: Claim 7 is said by Ren Zhengfei (Wikidata Q1), appears in
// article "a" and, as it was reported by AllThingsD, in a work AllThingsD
// published; claim 11 has a rating, so it is a ClaimReview.
const char* const kClaimReviewExpected = R"json({
  "@context": "https://schema.org",
  "@graph": [
    {
      "@type": "Claim",
      "@id": "urn:claimmark:annotation:7",
      "text": "We are not interested in the US market, … anymore.",
      "author": {
        "@type": "Person",
        "name": "Ren Zhengfei",
        "sameAs": "https://www.wikidata.org/wiki/Q1"
      },
      "appearance": [
        {
          "@type": "CreativeWork",
          "@id": "urn:sha256:c7dbc59f2deb25c305448f4d1a1ee81a1f28dc6ce60e39022c129ab794e8e920",
          "headline": "Huawei exits the US",
          "publisher": {
            "@type": "Organization",
            "name": "eWeek"
          },
          "author": {
            "@type": "Person",
            "name": "Jane Doe"
          },
          "datePublished": "2013-04-30"
        },
        {
          "@type": "CreativeWork",
          "publisher": {
            "@type": "Organization",
            "name": "AllThingsD"
          }
        }
      ],
      "firstAppearance": {
        "@type": "CreativeWork",
        "@id": "urn:sha256:c7dbc59f2deb25c305448f4d1a1ee81a1f28dc6ce60e39022c129ab794e8e920",
        "headline": "Huawei exits the US",
        "publisher": {
          "@type": "Organization",
          "name": "eWeek"
        },
        "author": {
          "@type": "Person",
          "name": "Jane Doe"
        },
        "datePublished": "2013-04-30"
      }
    },
    {
      "@type": "ClaimReview",
      "@id": "urn:claimmark:review:11",
      "claimReviewed": "Ren Zhengfei was misquoted",
      "reviewRating": {
        "@type": "Rating",
        "alternateName": "False"
      },
      "itemReviewed": {
        "@type": "Claim",
        "@id": "urn:claimmark:annotation:11",
        "text": "Ren Zhengfei was misquoted",
        "appearance": {
          "@type": "CreativeWork",
          "@id": "urn:sha256:b5108fcf9a2f5313176e411d17ff8135ede8c4430a99ce5efd22cd6c65d80c49",
          "headline": "Huawei denies",
          "datePublished": "2013-05-02"
        },
        "firstAppearance": {
          "@type": "CreativeWork",
          "@id": "urn:sha256:b5108fcf9a2f5313176e411d17ff8135ede8c4430a99ce5efd22cd6c65d80c49",
          "headline": "Huawei denies",
          "datePublished": "2013-05-02"
        }
      }
    }
  ]
})json";

TEST_CASE("formats: schema.org Claim / ClaimReview of the fixture", "[formats][claimreview]") {
    const Export e = cm::formats::export_claimreview(fixture(), fixture_docs());
    REQUIRE(names(e) == std::vector<std::string>{"claims.jsonld"});
    CHECK(file(e, "claims.jsonld") == std::string(kClaimReviewExpected) + "\n");
    CHECK(e.left_out == std::vector<std::string>{
                            "1 claim note left out (schema.org has no place for an annotator's note)",
                            "2 claims' attributes other than rating left out",
                            "1 annotation with a user label left out",
                            "1 supports or contradicts link left out: schema.org has no link between claims for them",
                            "1 zone left out",
                            "1 ClaimReview written without the fact-check's url, author and datePublished (not in the "
                            "project): add them before publishing"});
}

TEST_CASE("formats: a claim's appearances follow same_claim links; the first is the earliest dated",
          "[formats][claimreview]") {
    Annotations a = fixture();
    a.relations.erase(14);
    a.spans[11].attributes.clear();
    a.relations[16] = cm::Relation{16, RelationType::SameClaim, 11, 7};
    a.next_id = 17;
    std::vector<Document> docs = fixture_docs();
    docs[1].meta.date = "2013-04-29";  // "b" before "a"
    const json j = json::parse(file(cm::formats::export_claimreview(a, docs), "claims.jsonld"));
    const json& claim7 = j["@graph"][0];
    REQUIRE(claim7["appearance"].size() == 3);
    CHECK(claim7["appearance"][0]["headline"] == "Huawei exits the US");
    CHECK(claim7["appearance"][1]["headline"] == "Huawei denies");
    CHECK(claim7["appearance"][2]["publisher"]["name"] == "AllThingsD");
    CHECK(claim7["firstAppearance"]["headline"] == "Huawei denies");
    const json& claim11 = j["@graph"][1];
    CHECK(claim11["@type"] == "Claim");
    CHECK(claim11["appearance"].size() == 2);
    CHECK(claim11["firstAppearance"]["datePublished"] == "2013-04-29");
}

// ============================== all formats ==============================

TEST_CASE("formats: every format by name; empty input gives empty output", "[formats]") {
    for (const cm::formats::FormatInfo& f : cm::formats::export_formats()) {
        INFO(f.name);
        const std::optional<Export> full = cm::formats::export_as(f.name, fixture(), fixture_docs());
        REQUIRE(full);
        CHECK_FALSE(full->files.empty());
        const std::optional<Export> empty = cm::formats::export_as(f.name, Annotations{}, {});
        REQUIRE(empty);
        CHECK(empty->left_out.empty());
    }
    CHECK_FALSE(cm::formats::export_as("docx", fixture(), fixture_docs()));
}
