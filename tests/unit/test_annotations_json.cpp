// The annotations as JSON: the exact form written, exact round trips, and
// every kind of file the loader must refuse, with the reason in plain words.
// Documents: "a" (100 code points) and "b" (40); "gone" does not exist.
#include <catch2/catch.hpp>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>

#include "core/annotations.h"
#include "core/annotations_json.h"
#include "core/editor.h"
#include "test_support.h"

using cm::Annotations;
using cm::annotations_from_json;
using cm::annotations_to_json;
using cm::EntityKind;
using cm::Id;
using cm::kNoId;
using cm::LabelRole;
using cm::RelationType;
using cm::SpanRequest;
using cm::ZoneKind;
using nlohmann::json;

namespace {

std::optional<size_t> doc_length(const std::string& doc) { return cm::test::two_docs_length(doc); }

// One of everything, written out by hand: the documented format.
const char* const kSample =
    R"({"schema":"claimmark/annotations","version":1,"next_id":8,)"
    R"("labels":[{"id":1,"name":"Claim","color":"#E69F00","role":"claim"},)"
    R"({"id":2,"name":"Speaker","color":"#0072B2","role":"speaker"}],)"
    R"("spans":[{"id":3,"doc":"a","label":1,"ranges":[[0,4],[6,9]],"note":"check","attributes":{"quote":"direct"},)"
    R"("created":1700000000.5,"modified":1700000001.0},)"
    R"({"id":4,"doc":"a","label":2,"ranges":[[10,13]],"entity":5,"created":1700000002.0,"modified":1700000002.0}],)"
    R"("entities":[{"id":5,"name":"Ren Zhengfei","kind":"person","aliases":["Mr. Ren"],"external_id":"Q1"}],)"
    R"("zones":[{"id":6,"doc":"a","start":0,"end":20,"kind":"comments"}],)"
    R"("relations":[{"id":7,"type":"said_by","from":3,"to":4}]})";

Annotations sample() {
    Annotations a;
    a.labels = {{1, "Claim", 0xE69F00, LabelRole::Claim}, {2, "Speaker", 0x0072B2, LabelRole::Speaker}};
    a.spans[3] = cm::Span{3, "a", 1, {{0, 4}, {6, 9}}, kNoId, "check", {{"quote", "direct"}}, 1700000000.5, 1700000001};
    a.spans[4] = cm::Span{4, "a", 2, {{10, 13}}, 5, "", {}, 1700000002, 1700000002};
    a.entities[5] = cm::Entity{5, "Ren Zhengfei", EntityKind::Person, {"Mr. Ren"}, "Q1"};
    a.zones[6] = cm::Zone{6, "a", {0, 20}, ZoneKind::Comments};
    a.relations[7] = cm::Relation{7, RelationType::SaidBy, 3, 4};
    a.next_id = 8;
    return a;
}

// The sample with one change made to its JSON.
std::string changed(const std::function<void(json&)>& change) {
    json j = json::parse(kSample);
    change(j);
    return j.dump();
}

// The load's errors, one per line; checks that a load has either
// annotations or errors, never both or neither.
std::string errors_of(const std::string& text) {
    const cm::AnnotationsLoad load = annotations_from_json(text, doc_length);
    CHECK(load.annotations.has_value() == load.errors.empty());
    std::string out;
    for (const std::string& e : load.errors) out += (out.empty() ? "" : "\n") + e;
    return out;
}

std::string round_trip(const std::string& text) {
    const cm::AnnotationsLoad load = annotations_from_json(text, doc_length);
    INFO(errors_of(text));
    REQUIRE(load.annotations);
    return annotations_to_json(*load.annotations);
}

using Catch::Matchers::Contains;

}  // namespace

TEST_CASE("annotations JSON: an empty project", "[json]") {
    CHECK(annotations_to_json(Annotations{}) ==
          R"({"schema":"claimmark/annotations","version":1,"next_id":1,"labels":[],"spans":[],"entities":[],)"
          R"("zones":[],"relations":[]})");
}

TEST_CASE("annotations JSON: every field in the documented form and order", "[json]") {
    CHECK(annotations_to_json(sample()) == kSample);
}

TEST_CASE("annotations JSON: optional fields are left out when empty", "[json]") {
    Annotations a = sample();
    a.spans[3].note.clear();
    a.spans[3].attributes.clear();
    a.entities[5].external_id.clear();
    a.entities[5].aliases.clear();
    const json j = json::parse(annotations_to_json(a));
    const json& span = j["spans"][0];
    CHECK_FALSE(span.contains("note"));
    CHECK_FALSE(span.contains("attributes"));
    CHECK_FALSE(span.contains("entity"));
    CHECK(j.at("spans").at(1).value("entity", 0) == 5);
    CHECK_FALSE(j["entities"][0].contains("external_id"));
    CHECK(j["entities"][0]["aliases"] == json::array());  // always there, maybe empty
}

TEST_CASE("annotations JSON: indented output is the same data", "[json]") {
    const std::string pretty = annotations_to_json(sample(), 2);
    CHECK_THAT(pretty, Contains("\n  \"labels\": [\n"));
    CHECK(round_trip(pretty) == kSample);
}

TEST_CASE("annotations JSON: loading and writing again gives the same bytes", "[json]") {
    CHECK(round_trip(kSample) == kSample);

    // Built by the editor, with text that needs escaping and times that are
    // not round decimals.
    double clock = 1700000000.123456789;
    cm::Editor ed(doc_length, [&clock] { return clock += 0.1; });
    Annotations start;
    start.labels = cm::default_labels(start.next_id);
    ed.reset(start);
    const Id hedge = ed.add_label("Hedge \xE2\x80\x9Cmaybe\xE2\x80\x9D", 0xF0E442);
    const Id c = ed.add_span(SpanRequest{"a",
                                         1,
                                         {{0, 10}, {20, 30}},
                                         kNoId,
                                         "line 1\nline 2 \"quoted\" \\ \xF0\x9F\x98\x80",
                                         {{"quote", "direct"}, {"confidence", "low"}}});
    const Id sp = ed.add_span(SpanRequest{"b", 2, {{0, 5}}});
    const Id src = ed.add_span(SpanRequest{"b", 3, {{10, 15}}});
    const Id e = ed.create_entity_from(sp, "Ren Zhengfei", EntityKind::Person);
    REQUIRE((hedge && c && sp && src && e));
    REQUIRE(ed.set_aliases(e, {"Mr. Ren", "\xE4\xBB\xBB\xE6\xAD\xA3\xE9\x9D\x9E"}));
    REQUIRE(ed.set_external_id(e, "Q12345"));
    REQUIRE(ed.add_entity("eWeek", EntityKind::Outlet));
    REQUIRE(ed.add_relation(RelationType::SaidBy, c, sp));
    REQUIRE(ed.add_relation(RelationType::ReportedBy, c, src));
    REQUIRE(ed.add_zone("a", {50, 100}, ZoneKind::Comments));
    REQUIRE(ed.add_zone("b", {30, 40}, ZoneKind::Furniture));
    REQUIRE(ed.check_invariants() == "");

    const std::string text = annotations_to_json(ed.annotations());
    CHECK(round_trip(text) == text);
    const cm::AnnotationsLoad load = annotations_from_json(text, doc_length);
    REQUIRE(load.annotations);
    const Annotations& back = *load.annotations;
    CHECK(back.spans.at(c).created == ed.annotations().spans.at(c).created);  // doubles exactly
    CHECK(back.spans.at(c).note == ed.annotations().spans.at(c).note);
    CHECK(back.labels.size() == 4);
    CHECK(back.next_id == ed.annotations().next_id);
}

TEST_CASE("annotations JSON: the same annotations always give the same bytes", "[json]") {
    Annotations x = sample(), y = sample();
    x.spans[3].attributes = {{"b", "2"}, {"a", "1"}};
    y.spans[3].attributes.clear();
    y.spans[3].attributes["a"] = "1";
    y.spans[3].attributes["b"] = "2";
    CHECK(annotations_to_json(x) == annotations_to_json(y));
    CHECK_THAT(annotations_to_json(x), Contains(R"("attributes":{"a":"1","b":"2"})"));
}

TEST_CASE("annotations JSON: invalid UTF-8 in a name is written as U+FFFD, not thrown", "[json]") {
    Annotations a = sample();
    a.labels[0].name =
        "Cl\xFF"
        "aim";
    std::string text;
    CHECK_NOTHROW(text = annotations_to_json(a));
    CHECK_THAT(text, Contains("Cl\xEF\xBF\xBD"
                              "aim"));
}

TEST_CASE("annotations JSON: malformed JSON is refused with the parser's message", "[json]") {
    const std::string e = errors_of(R"({"schema": "claimmark/annotations", )");
    CHECK_THAT(e, Contains("The annotations are not valid JSON"));
    CHECK_THAT(e, Contains("parse error at line 1"));
    CHECK_THAT(e, !Contains("json.exception"));  // the library's tag means nothing to a reader
    CHECK_THAT(errors_of(""), Contains("not valid JSON"));
    CHECK_THAT(errors_of(std::string(kSample) + " trailing"), Contains("not valid JSON"));
    CHECK_THAT(errors_of("[]"), Contains("must be a JSON object"));
    CHECK_THAT(errors_of("null"), Contains("must be a JSON object"));
}

TEST_CASE("annotations JSON: another schema is refused, and nothing else is read", "[json]") {
    const std::string not_ours =
        "This is not a ClaimMark annotations file: \"schema\" must be \"claimmark/annotations\".";
    CHECK(errors_of(changed([](json& j) { j["schema"] = "claimmark/corpus"; })) == not_ours);
    CHECK(errors_of(changed([](json& j) { j.erase("schema"); })) == not_ours);
    CHECK(errors_of(changed([](json& j) { j["schema"] = 1; })) == not_ours);
    CHECK(errors_of(R"({"about": "a corpus manifest", "documents": []})") == not_ours);
}

TEST_CASE("annotations JSON: another version is refused, naming the one supported", "[json]") {
    // A future version may have any content: only the version is reported.
    CHECK(errors_of(changed([](json& j) {
              j["version"] = 2;
              j["spans"] = "a new kind of spans";
          })) == "Version 2 of the annotations format is not supported: this version of ClaimMark reads version 1.");
    CHECK(errors_of(changed([](json& j) { j["version"] = "1"; })) == "\"version\" is missing or not a whole number.");
    CHECK(errors_of(changed([](json& j) { j.erase("version"); })) == "\"version\" is missing or not a whole number.");
}

TEST_CASE("annotations JSON: a range past the end of its document is refused", "[json]") {
    CHECK(errors_of(changed([](json& j) {
              j["spans"][0]["ranges"] = {{0, 4}, {90, 101}};
          })) == "span 3: range 90-101 is past the end of document a (100 characters)");
    CHECK(errors_of(changed([](json& j) {
              j["zones"][0]["doc"] = "b";
              j["zones"][0]["end"] = 41;
          })) == "zone 6: range 0-41 is past the end of document b (40 characters)");
    CHECK(errors_of(changed([](json& j) { j["spans"][0]["doc"] = "gone"; })) ==
          "span 3: document \"gone\" does not exist");
}

TEST_CASE("annotations JSON: dangling references are refused", "[json]") {
    CHECK(errors_of(changed([](json& j) { j["relations"][0]["to"] = 99; })) ==
          "relation 7: span 99 (to) does not exist");
    CHECK(errors_of(changed([](json& j) { j["spans"][1]["entity"] = 99; })) == "span 4: entity 99 does not exist");
    CHECK(errors_of(changed([](json& j) { j["spans"][1]["label"] = 99; })) == "span 4: label 99 does not exist");
}

TEST_CASE("annotations JSON: broken invariants are refused in the editor's words", "[json]") {
    CHECK(errors_of(changed([](json& j) { j["relations"][0]["type"] = "reported_by"; })) ==
          "relation 7: reported_by links a claim to a source, not a claim to a speaker");
    CHECK(errors_of(changed([](json& j) {
              j["spans"][0]["ranges"] = {{6, 9}, {0, 4}};
          })) == "span 3: ranges 6-9 and 0-4 are not in order");
    CHECK(errors_of(changed([](json& j) { j["next_id"] = 7; })) == "relation 7: id is not below next_id 7");
    CHECK(errors_of(changed([](json& j) { j["labels"][1]["name"] = "Claim"; })) ==
          "label 2: the name \"Claim\" is also used by label 1");
    CHECK(errors_of(changed([](json& j) {
              j["zones"].push_back({{"id", 8}, {"doc", "a"}, {"start", 19}, {"end", 30}, {"kind", "furniture"}});
              j["next_id"] = 9;
          })) == "zone 8: overlaps zone 6 (0-20)");
    CHECK(errors_of(changed([](json& j) {
              j["entities"][0]["id"] = 4;
              j["spans"][1]["entity"] = 4;
          })) == "entity 4: id 4 is also used by span 4");
}

TEST_CASE("annotations JSON: missing and ill-typed fields are named", "[json]") {
    CHECK(errors_of(changed([](json& j) { j["spans"][0].erase("doc"); })) == "span 3: \"doc\" is missing");
    CHECK(errors_of(changed([](json& j) { j["spans"][0]["label"] = "1"; })) ==
          "span 3: \"label\" must be a whole number from 0 to 4294967295");
    CHECK(errors_of(changed([](json& j) { j["spans"][0]["id"] = -3; })) ==
          "spans[0]: \"id\" must be a whole number from 0 to 4294967295");
    CHECK(errors_of(changed([](json& j) {
              j["spans"][0]["ranges"] = {{0, 4, 5}};
          })) == "span 3: \"ranges\" must be a list of [start, end] pairs of whole numbers");
    CHECK(errors_of(changed([](json& j) { j["spans"][0]["created"] = "today"; })) ==
          "span 3: \"created\" must be a number");
    CHECK(errors_of(changed([](json& j) {
              j["spans"][0]["attributes"] = {{"quote", 1}};
          })) == "span 3: \"attributes\" must be an object of strings");
    CHECK(errors_of(changed([](json& j) { j["spans"][0]["note"] = nullptr; })) == "span 3: \"note\" must be a string");
    CHECK(errors_of(changed([](json& j) { j["labels"][0]["color"] = "#E69F0"; })) ==
          "label 1: \"color\" must be a colour like \"#E69F00\"");
    CHECK(errors_of(changed([](json& j) { j["labels"][0]["role"] = "narrator"; })) ==
          "label 1: \"role\" must be one of claim, speaker, source, other, not \"narrator\"");
    CHECK(errors_of(changed([](json& j) { j["entities"][0]["kind"] = "Person"; })) ==
          "entity 5: \"kind\" must be one of person, organisation, outlet, document, not \"Person\"");
    CHECK(errors_of(changed([](json& j) {
              j["entities"][0]["aliases"] = {"x", 1};
          })) == "entity 5: \"aliases\" must be a list of strings");
    CHECK(errors_of(changed([](json& j) { j["zones"][0]["end"] = 4294967296; })) ==
          "zone 6: \"end\" must be a whole number from 0 to 4294967295");
    CHECK(
        errors_of(changed([](json& j) { j["relations"][0]["type"] = "quotes"; })) ==
        "relation 7: \"type\" must be one of said_by, reported_by, same_claim, supports, contradicts, not \"quotes\"");
    CHECK(errors_of(changed([](json& j) { j.erase("zones"); })) == "annotations: \"zones\" is missing");
    CHECK(errors_of(changed([](json& j) { j["relations"] = json::object(); })) ==
          "annotations: \"relations\" must be a list");
    CHECK(errors_of(changed([](json& j) { j["labels"][0] = 1; })) == "labels[0]: must be an object");
    CHECK(errors_of(changed([](json& j) { j["spans"].push_back(j["spans"][0]); })) == "span 3: the id is used twice");
}

TEST_CASE("annotations JSON: every problem is reported, not just the first", "[json]") {
    const std::string e = errors_of(changed([](json& j) {
        j["spans"][0].erase("doc");
        j["spans"][1]["ranges"] = "10-13";
        j["zones"][0]["kind"] = "sidebar";
    }));
    CHECK(e ==
          "span 3: \"doc\" is missing\n"
          "span 4: \"ranges\" must be a list of [start, end] pairs\n"
          "zone 6: \"kind\" must be one of body, comments, furniture, not \"sidebar\"");
}

TEST_CASE("annotations JSON: damaged files never throw, and what loads keeps the invariants", "[json]") {
    const std::string base = kSample;
    std::mt19937 rng(7);
    int loaded = 0;
    for (int i = 0; i < 2000; ++i) {
        const std::string text = cm::test::damage(base, rng);
        INFO(text);
        cm::AnnotationsLoad load;
        REQUIRE_NOTHROW(load = annotations_from_json(text, doc_length));
        REQUIRE(load.annotations.has_value() == load.errors.empty());
        for (const std::string& e : load.errors) REQUIRE_FALSE(e.empty());
        if (!load.annotations) continue;
        ++loaded;
        cm::Editor ed(doc_length, [] { return 0.0; });
        ed.reset(*load.annotations);
        REQUIRE(ed.check_invariants() == "");
    }
    CHECK(loaded > 0);  // some damage is harmless (a digit in a note) and must still load
    CHECK_THAT(errors_of(std::string(5000, '[') + std::string(5000, ']')), Contains("must be a JSON object"));
}
