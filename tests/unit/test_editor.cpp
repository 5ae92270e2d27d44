// The annotation editor: every command, its refusals, and undo/redo. States
// are compared as JSON, so "undo restores exactly" means byte for byte. Two
// documents exist: "a" (100 code points) and "b" (40); "gone" has no text.
// The clock ticks one second per call, so created/modified times show which
// command set them.
#include <catch2/catch.hpp>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "core/annotations.h"
#include "core/annotations_json.h"
#include "core/editor.h"
#include "test_support.h"

using cm::Annotations;
using cm::EntityKind;
using cm::Id;
using cm::kNoId;
using cm::LabelRole;
using cm::Range;
using cm::RelationType;
using cm::SpanRequest;
using cm::ZoneKind;

namespace {

std::optional<size_t> doc_length(const std::string& doc) { return cm::test::two_docs_length(doc); }

// An editor over the default labels (Claim, Speaker, Source: ids 1, 2, 3).
struct Bench {
    double clock = 1000;
    cm::Editor ed{doc_length, [this] { return clock += 1; }};
    Id claim = kNoId, speaker = kNoId, source = kNoId;

    Bench() {
        Annotations a;
        a.labels = cm::default_labels(a.next_id);
        ed.reset(a);
        claim = a.labels[0].id;
        speaker = a.labels[1].id;
        source = a.labels[2].id;
    }
    Bench(const Bench&) = delete;
    Bench& operator=(const Bench&) = delete;

    const Annotations& a() const { return ed.annotations(); }
    std::string json() const { return cm::annotations_to_json(ed.annotations()); }
    Id span(Id label, uint32_t start, uint32_t end, const std::string& doc = "a") {
        return ed.add_span(SpanRequest{doc, label, {Range{start, end}}});
    }
};

template <class Fn>
void check_refused(Bench& b, Fn command) {
    cm::test::check_refused(b.ed, [&] { return b.json(); }, command);
}
template <class Fn>
auto check_undoable(Bench& b, const std::string& name, Fn command) {
    return cm::test::check_undoable(b.ed, [&] { return b.json(); }, name, command);
}

std::vector<Id> ids_of(const std::vector<const cm::Span*>& spans) {
    std::vector<Id> out;
    for (const cm::Span* s : spans) out.push_back(s->id);
    return out;
}

}  // namespace

// --- the model's helpers ---

TEST_CASE("default labels are Claim, Speaker and Source in Okabe-Ito colours", "[annotations]") {
    Id next = 7;
    const auto labels = cm::default_labels(next);
    REQUIRE(labels.size() == 3);
    CHECK(labels[0].id == 7);
    CHECK(labels[0].name == "Claim");
    CHECK(labels[0].color == 0xE69F00);
    CHECK(labels[0].role == LabelRole::Claim);
    CHECK(labels[1].id == 8);
    CHECK(labels[1].name == "Speaker");
    CHECK(labels[1].color == 0x0072B2);
    CHECK(labels[1].role == LabelRole::Speaker);
    CHECK(labels[2].id == 9);
    CHECK(labels[2].name == "Source");
    CHECK(labels[2].color == 0x009E73);
    CHECK(labels[2].role == LabelRole::Source);
    CHECK(next == 10);
}

TEST_CASE("suggested label colours follow Okabe-Ito and repeat after seven", "[annotations]") {
    const uint32_t want[] = {0xE69F00, 0x0072B2, 0x009E73, 0xCC79A7, 0xD55E00, 0x56B4E9, 0xF0E442};
    for (size_t i = 0; i < 21; ++i) {
        INFO("index " << i);
        CHECK(cm::suggested_label_color(i) == want[i % 7]);
    }
}

TEST_CASE("enum names are lowercase snake case and parse back", "[annotations]") {
    CHECK(std::string(cm::to_string(LabelRole::Claim)) == "claim");
    CHECK(std::string(cm::to_string(LabelRole::Speaker)) == "speaker");
    CHECK(std::string(cm::to_string(LabelRole::Source)) == "source");
    CHECK(std::string(cm::to_string(LabelRole::Other)) == "other");
    CHECK(std::string(cm::to_string(EntityKind::Person)) == "person");
    CHECK(std::string(cm::to_string(EntityKind::Organisation)) == "organisation");
    CHECK(std::string(cm::to_string(EntityKind::Outlet)) == "outlet");
    CHECK(std::string(cm::to_string(EntityKind::Document)) == "document");
    CHECK(std::string(cm::to_string(ZoneKind::Body)) == "body");
    CHECK(std::string(cm::to_string(ZoneKind::Comments)) == "comments");
    CHECK(std::string(cm::to_string(ZoneKind::Furniture)) == "furniture");
    CHECK(std::string(cm::to_string(RelationType::SaidBy)) == "said_by");
    CHECK(std::string(cm::to_string(RelationType::ReportedBy)) == "reported_by");
    CHECK(std::string(cm::to_string(RelationType::SameClaim)) == "same_claim");
    CHECK(std::string(cm::to_string(RelationType::Supports)) == "supports");
    CHECK(std::string(cm::to_string(RelationType::Contradicts)) == "contradicts");

    for (auto v : {LabelRole::Claim, LabelRole::Speaker, LabelRole::Source, LabelRole::Other}) {
        LabelRole back = LabelRole::Other == v ? LabelRole::Claim : LabelRole::Other;
        CHECK(cm::parse(cm::to_string(v), back));
        CHECK(back == v);
    }
    for (auto v : {EntityKind::Person, EntityKind::Organisation, EntityKind::Outlet, EntityKind::Document}) {
        EntityKind back = EntityKind::Document == v ? EntityKind::Person : EntityKind::Document;
        CHECK(cm::parse(cm::to_string(v), back));
        CHECK(back == v);
    }
    for (auto v : {ZoneKind::Body, ZoneKind::Comments, ZoneKind::Furniture}) {
        ZoneKind back = ZoneKind::Furniture == v ? ZoneKind::Body : ZoneKind::Furniture;
        CHECK(cm::parse(cm::to_string(v), back));
        CHECK(back == v);
    }
    for (auto v : {RelationType::SaidBy, RelationType::ReportedBy, RelationType::SameClaim, RelationType::Supports,
                   RelationType::Contradicts}) {
        RelationType back = RelationType::Contradicts == v ? RelationType::SaidBy : RelationType::Contradicts;
        CHECK(cm::parse(cm::to_string(v), back));
        CHECK(back == v);
    }
    LabelRole role = LabelRole::Speaker;
    CHECK_FALSE(cm::parse("Claim", role));  // case matters
    CHECK_FALSE(cm::parse("", role));
    CHECK(role == LabelRole::Speaker);  // untouched on failure
    RelationType type = RelationType::SaidBy;
    CHECK_FALSE(cm::parse("said-by", type));
}

TEST_CASE("normalise_ranges sorts, clamps, drops empty ranges and merges overlapping or touching ones", "[editor]") {
    using V = std::vector<Range>;
    CHECK(cm::normalise_ranges({}, 10) == V{});
    CHECK(cm::normalise_ranges({{5, 8}, {1, 3}}, 10) == V{{1, 3}, {5, 8}});
    CHECK(cm::normalise_ranges({{1, 4}, {3, 6}}, 10) == V{{1, 6}});
    CHECK(cm::normalise_ranges({{1, 4}, {4, 6}}, 10) == V{{1, 6}});          // touching
    CHECK(cm::normalise_ranges({{1, 9}, {2, 3}}, 10) == V{{1, 9}});          // nested
    CHECK(cm::normalise_ranges({{3, 3}, {7, 5}, {2, 4}}, 10) == V{{2, 4}});  // empty and reversed
    CHECK(cm::normalise_ranges({{8, 15}, {12, 20}}, 10) == V{{8, 10}});      // clamped
    CHECK(cm::normalise_ranges({{0, 5}, {6, 7}}, 10) == V{{0, 5}, {6, 7}});  // a gap of one stays
}

TEST_CASE("lookups find objects by id and list spans, relations and mentions", "[annotations]") {
    Bench b;
    // Made out of order, so that id order is not the order by start and end.
    const Id s2 = b.span(b.claim, 30, 40);
    const Id s3 = b.span(b.claim, 10, 25);
    const Id s1 = b.span(b.speaker, 10, 20);
    const Id other = b.span(b.claim, 0, 5, "b");
    const Id r = b.ed.add_relation(RelationType::SaidBy, s2, s1);
    const Id e = b.ed.create_entity_from(s1, "Ren Zhengfei", EntityKind::Person);
    REQUIRE((s1 && s2 && s3 && other && r && e));

    CHECK(b.a().label(b.speaker)->name == "Speaker");
    CHECK(b.a().label(999) == nullptr);
    CHECK(b.a().label_index(b.source) == 2);
    CHECK(b.a().label_index(999) == -1);
    CHECK(b.a().span(s1)->ranges == std::vector<Range>{{10, 20}});
    CHECK(b.a().span(999) == nullptr);
    CHECK(b.a().entity(e)->name == "Ren Zhengfei");
    CHECK(b.a().entity(s1) == nullptr);  // ids are per object, not per kind
    CHECK(b.a().relation(r)->to == s1);
    CHECK(b.a().relations_of(s1) == std::vector<Id>{r});
    CHECK(b.a().relations_of(s3).empty());
    CHECK(ids_of(b.a().spans_in("a")) == std::vector<Id>{s1, s3, s2});  // by start, then end
    CHECK(ids_of(b.a().spans_in("b")) == std::vector<Id>{other});
    CHECK(b.a().spans_in("gone").empty());
    CHECK(ids_of(b.a().mentions_of(e)) == std::vector<Id>{s1});
    CHECK(b.a().mentions_of(kNoId).empty());
}

// --- labels ---

TEST_CASE("add_label adds a label at the end and refuses empty or taken names and colours past 0xFFFFFF", "[editor]") {
    Bench b;
    const Id id =
        check_undoable(b, "Add label", [&] { return b.ed.add_label("Prediction", 0xCC79A7, LabelRole::Claim); });
    REQUIRE(b.a().labels.size() == 4);
    CHECK(b.a().labels.back().id == id);
    CHECK(b.a().labels.back().name == "Prediction");
    CHECK(b.a().labels.back().color == 0xCC79A7);
    CHECK(b.a().labels.back().role == LabelRole::Claim);
    CHECK(b.a().next_id == id + 1);
    CHECK(b.ed.add_label("Hedge", 0x56B4E9) != kNoId);
    CHECK(b.a().labels.back().role == LabelRole::Other);  // the default role

    check_refused(b, [&] { return b.ed.add_label("", 0x123456); });
    check_refused(b, [&] { return b.ed.add_label("Claim", 0x123456); });
    check_refused(b, [&] { return b.ed.add_label("Wide", 0x1000000); });
}

TEST_CASE("rename_label, recolor_label and move_label are undoable and refuse bad arguments", "[editor]") {
    Bench b;
    check_undoable(b, "Rename label", [&] { return b.ed.rename_label(b.claim, "Assertion"); });
    CHECK(b.a().label(b.claim)->name == "Assertion");
    check_refused(b, [&] { return b.ed.rename_label(b.claim, ""); });
    check_refused(b, [&] { return b.ed.rename_label(b.claim, "Speaker"); });
    check_refused(b, [&] { return b.ed.rename_label(999, "Nobody"); });

    check_undoable(b, "Change label colour", [&] { return b.ed.recolor_label(b.source, 0xD55E00); });
    CHECK(b.a().label(b.source)->color == 0xD55E00);
    check_refused(b, [&] { return b.ed.recolor_label(b.source, 0x1000000); });
    check_refused(b, [&] { return b.ed.recolor_label(999, 0); });

    check_undoable(b, "Move label", [&] { return b.ed.move_label(b.source, 0); });
    CHECK(b.a().labels[0].id == b.source);
    CHECK(b.a().labels[1].id == b.claim);
    CHECK(b.a().labels[2].id == b.speaker);
    check_undoable(b, "Move label", [&] { return b.ed.move_label(b.source, 2); });
    CHECK(b.a().labels[2].id == b.source);
    check_refused(b, [&] { return b.ed.move_label(b.source, 3); });
    check_refused(b, [&] { return b.ed.move_label(999, 0); });
}

TEST_CASE("remove_label removes its spans and their relations in one step, and undo brings them all back", "[editor]") {
    Bench b;
    const Id c1 = b.span(b.claim, 0, 10);
    const Id c2 = b.span(b.claim, 0, 10, "b");
    const Id sp = b.span(b.speaker, 20, 30);
    const Id src = b.span(b.source, 40, 50);
    const Id said = b.ed.add_relation(RelationType::SaidBy, c1, sp);
    const Id reported = b.ed.add_relation(RelationType::ReportedBy, c2, src);
    const Id same = b.ed.add_relation(RelationType::SameClaim, c1, c2);
    REQUIRE((c1 && c2 && sp && src && said && reported && same));
    CHECK(b.ed.label_use_count(b.claim) == 2);
    CHECK(b.ed.label_use_count(b.speaker) == 1);
    CHECK(b.ed.label_use_count(999) == 0);

    check_undoable(b, "Remove label", [&] { return b.ed.remove_label(b.speaker); });
    CHECK(b.a().label(b.speaker) == nullptr);
    CHECK(b.a().span(sp) == nullptr);
    CHECK(b.a().relation(said) == nullptr);
    CHECK(b.a().relation(reported) != nullptr);
    CHECK(b.a().relation(same) != nullptr);

    check_undoable(b, "Remove label", [&] { return b.ed.remove_label(b.claim); });
    CHECK(b.a().spans.size() == 1);  // only the source span is left
    CHECK(b.a().relations.empty());
    check_refused(b, [&] { return b.ed.remove_label(b.claim); });
}

// --- spans ---

TEST_CASE("add_span takes ranges in any order and stores them sorted, merged and without empty ones", "[editor]") {
    Bench b;
    const Id id = check_undoable(b, "Add Claim", [&] {
        return b.ed.add_span(SpanRequest{"a", b.claim, {{50, 60}, {10, 20}, {15, 25}, {30, 30}, {60, 62}}});
    });
    const cm::Span& s = *b.a().span(id);
    CHECK(s.doc == "a");
    CHECK(s.label == b.claim);
    CHECK(s.ranges == std::vector<Range>{{10, 25}, {50, 62}});
    CHECK(s.start() == 10);
    CHECK(s.end() == 62);
    CHECK(s.entity == kNoId);
    CHECK(s.created == s.modified);
    CHECK(s.created > 1000);
    CHECK(b.ed.check_invariants() == "");
}

TEST_CASE("a span of several ranges is one span: a quote interrupted by its attribution", "[editor]") {
    Bench b;
    const Id id =
        b.ed.add_span(SpanRequest{"a", b.claim, {{0, 30}, {45, 80}}, kNoId, "interrupted", {{"quote", "direct"}}});
    REQUIRE(id != kNoId);
    CHECK(b.a().span(id)->ranges.size() == 2);
    CHECK(b.a().span(id)->note == "interrupted");
    CHECK(b.a().span(id)->attributes.at("quote") == "direct");
    // Joining the gap makes one range again.
    check_undoable(b, "Change span ranges", [&] { return b.ed.set_ranges(id, {{0, 30}, {30, 45}, {45, 80}}); });
    CHECK(b.a().span(id)->ranges == std::vector<Range>{{0, 80}});
}

TEST_CASE("add_span refuses unknown documents and labels, ranges past the end, no ranges, and entities on claims",
          "[editor]") {
    Bench b;
    const Id person = b.ed.add_entity("Ren Zhengfei", EntityKind::Person);
    check_refused(b, [&] { return b.ed.add_span(SpanRequest{"gone", b.claim, {{0, 5}}}); });
    check_refused(b, [&] { return b.ed.add_span(SpanRequest{"a", 999, {{0, 5}}}); });
    check_refused(b, [&] { return b.ed.add_span(SpanRequest{"a", kNoId, {{0, 5}}}); });
    check_refused(b, [&] { return b.ed.add_span(SpanRequest{"b", b.claim, {{30, 41}}}); });
    check_refused(b, [&] { return b.ed.add_span(SpanRequest{"a", b.claim, {{0, 5}, {90, 101}}}); });
    check_refused(b, [&] { return b.ed.add_span(SpanRequest{"a", b.claim, {}}); });
    check_refused(b, [&] { return b.ed.add_span(SpanRequest{"a", b.claim, {{5, 5}, {9, 2}}}); });
    check_refused(b, [&] { return b.ed.add_span(SpanRequest{"a", b.claim, {{0, 5}}, person}); });
    check_refused(b, [&] { return b.ed.add_span(SpanRequest{"a", b.speaker, {{0, 5}}, 999}); });
    check_refused(b, [&] { return b.ed.add_span(SpanRequest{"a", b.claim, {{0, 5}}, kNoId, "", {{"", "x"}}}); });
    // The last code point is fine; a speaker may point to an entity.
    CHECK(b.ed.add_span(SpanRequest{"b", b.claim, {{39, 40}}}) != kNoId);
    const Id sp = b.ed.add_span(SpanRequest{"a", b.speaker, {{0, 5}}, person});
    REQUIRE(sp != kNoId);
    CHECK(b.a().span(sp)->entity == person);
}

TEST_CASE("spans may overlap and nest, even with the same label", "[editor]") {
    Bench b;
    const Id outer = b.span(b.claim, 0, 50);
    const Id inner = b.span(b.claim, 10, 20);
    const Id crossing = b.span(b.speaker, 45, 60);
    const Id twin = b.span(b.claim, 10, 20);
    REQUIRE((outer && inner && crossing && twin));
    CHECK(b.a().spans.size() == 4);
    CHECK(b.ed.check_invariants() == "");
    CHECK(ids_of(b.a().spans_in("a")) == std::vector<Id>{outer, inner, twin, crossing});
}

TEST_CASE("delete_span removes its relations in the same step, and undo restores both", "[editor]") {
    Bench b;
    const Id c = b.span(b.claim, 0, 10);
    const Id c2 = b.span(b.claim, 60, 70);
    const Id sp = b.span(b.speaker, 20, 30);
    const Id said = b.ed.add_relation(RelationType::SaidBy, c, sp);
    const Id supports = b.ed.add_relation(RelationType::Supports, c2, c);
    const Id said2 = b.ed.add_relation(RelationType::SaidBy, c2, sp);
    REQUIRE((said && supports && said2));
    const size_t history = b.ed.history_size();

    check_undoable(b, "Delete span", [&] { return b.ed.delete_span(c); });
    CHECK(b.a().span(c) == nullptr);
    CHECK(b.a().relation(said) == nullptr);
    CHECK(b.a().relation(supports) == nullptr);
    CHECK(b.a().relation(said2) != nullptr);
    CHECK(b.ed.history_size() == history + 1);  // one step for the span and its relations

    REQUIRE(b.ed.undo());
    CHECK(b.a().span(c) != nullptr);
    CHECK(b.a().relation(said)->from == c);
    CHECK(b.a().relation(supports)->to == c);
    check_refused(b, [&] { return b.ed.delete_span(999); });
}

TEST_CASE("delete_spans deletes several spans in one step and refuses if any id is unknown", "[editor]") {
    Bench b;
    const Id c = b.span(b.claim, 0, 10);
    const Id sp = b.span(b.speaker, 20, 30);
    const Id keep = b.span(b.speaker, 40, 50);
    REQUIRE(b.ed.add_relation(RelationType::SaidBy, c, sp));
    check_undoable(b, "Delete spans", [&] { return b.ed.delete_spans({c, sp, c}); });
    CHECK(b.a().spans.size() == 1);
    CHECK(b.a().span(keep) != nullptr);
    CHECK(b.a().relations.empty());
    check_refused(b, [&] { return b.ed.delete_spans({keep, 999}); });
    check_refused(b, [&] { return b.ed.delete_spans({}); });
    CHECK(b.a().span(keep) != nullptr);
    check_undoable(b, "Delete span", [&] { return b.ed.delete_spans({keep}); });
}

TEST_CASE("relabel_span drops the relations the new role cannot have and keeps entities only on speakers and sources",
          "[editor]") {
    Bench b;
    const Id c = b.span(b.claim, 0, 10);
    const Id c2 = b.span(b.claim, 80, 90);
    const Id sp = b.span(b.speaker, 20, 30);
    const Id src = b.span(b.source, 40, 50);
    const Id said = b.ed.add_relation(RelationType::SaidBy, c, sp);
    const Id reported = b.ed.add_relation(RelationType::ReportedBy, c, src);
    const Id same = b.ed.add_relation(RelationType::SameClaim, c2, c);
    const Id person = b.ed.create_entity_from(sp, "Ren", EntityKind::Person);
    REQUIRE((said && reported && same && person));

    SECTION("a speaker becomes a source: the entity stays, said_by goes") {
        check_undoable(b, "Relabel span", [&] { return b.ed.relabel_span(sp, b.source); });
        CHECK(b.a().span(sp)->label == b.source);
        CHECK(b.a().span(sp)->entity == person);
        CHECK(b.a().relation(said) == nullptr);
        CHECK(b.a().relations.size() == 2);
    }
    SECTION("a speaker becomes a user label: the entity is unlinked") {
        const Id hedge = b.ed.add_label("Hedge", 0xF0E442);
        check_undoable(b, "Relabel span", [&] { return b.ed.relabel_span(sp, hedge); });
        CHECK(b.a().span(sp)->entity == kNoId);
        CHECK(b.a().relation(said) == nullptr);
        REQUIRE(b.ed.undo());
        CHECK(b.a().span(sp)->entity == person);  // undo links it again
        CHECK(b.a().relation(said) != nullptr);
    }
    SECTION("a claim becomes a speaker: all its claim relations go, in both directions") {
        const double created = b.a().span(c)->created;
        check_undoable(b, "Relabel span", [&] { return b.ed.relabel_span(c, b.speaker); });
        CHECK(b.a().relations.empty());
        CHECK(b.a().span(c)->created == created);
        CHECK(b.a().span(c)->modified > created);
    }
    SECTION("a claim becomes another claim-role label: its relations stay") {
        const Id prediction = b.ed.add_label("Prediction", 0xCC79A7, LabelRole::Claim);
        check_undoable(b, "Relabel span", [&] { return b.ed.relabel_span(c, prediction); });
        CHECK(b.a().relations.size() == 3);
    }
    check_refused(b, [&] { return b.ed.relabel_span(c, 999); });
    check_refused(b, [&] { return b.ed.relabel_span(999, b.claim); });
}

TEST_CASE("set_ranges, set_note and set_attribute update the modified time and refuse bad arguments", "[editor]") {
    Bench b;
    const Id id = b.span(b.claim, 0, 10);
    const double created = b.a().span(id)->created;

    check_undoable(b, "Change span ranges", [&] { return b.ed.set_ranges(id, {{70, 80}, {5, 12}}); });
    CHECK(b.a().span(id)->ranges == std::vector<Range>{{5, 12}, {70, 80}});
    CHECK(b.a().span(id)->created == created);
    CHECK(b.a().span(id)->modified > created);
    check_refused(b, [&] { return b.ed.set_ranges(id, {}); });
    check_refused(b, [&] { return b.ed.set_ranges(id, {{3, 3}}); });
    check_refused(b, [&] { return b.ed.set_ranges(id, {{90, 101}}); });
    check_refused(b, [&] { return b.ed.set_ranges(999, {{0, 1}}); });

    const double before_note = b.a().span(id)->modified;
    check_undoable(b, "Edit note", [&] { return b.ed.set_note(id, "Check the figure"); });
    CHECK(b.a().span(id)->note == "Check the figure");
    CHECK(b.a().span(id)->modified > before_note);
    check_undoable(b, "Edit note", [&] { return b.ed.set_note(id, ""); });
    CHECK(b.a().span(id)->note.empty());
    check_refused(b, [&] { return b.ed.set_note(999, "x"); });

    check_undoable(b, "Set attribute", [&] { return b.ed.set_attribute(id, "quote", "direct"); });
    CHECK(b.a().span(id)->attributes.at("quote") == "direct");
    check_undoable(b, "Set attribute", [&] { return b.ed.set_attribute(id, "quote", "indirect"); });
    CHECK(b.a().span(id)->attributes.at("quote") == "indirect");
    check_undoable(b, "Remove attribute", [&] { return b.ed.set_attribute(id, "quote", ""); });
    CHECK(b.a().span(id)->attributes.empty());
    check_refused(b, [&] { return b.ed.set_attribute(id, "", "x"); });
    check_refused(b, [&] { return b.ed.set_attribute(999, "quote", "x"); });
}

TEST_CASE("add_spans adds the valid requests in one step and refuses when none is valid", "[editor]") {
    Bench b;
    const std::vector<SpanRequest> requests = {
        {"a", b.speaker, {{10, 15}}},
        {"gone", b.speaker, {{10, 15}}},  // skipped: no such document
        {"b", b.speaker, {{0, 5}}},
        {"a", 999, {{0, 5}}},  // skipped: no such label
    };
    std::vector<Id> ids;
    check_undoable(b, "Add 2 spans", [&] {
        ids = b.ed.add_spans(requests);
        return !ids.empty();
    });
    REQUIRE(ids.size() == 2);
    CHECK(b.a().span(ids[0])->doc == "a");
    CHECK(b.a().span(ids[1])->doc == "b");
    CHECK(b.a().span(ids[0])->created == b.a().span(ids[1])->created);  // one command, one time

    check_refused(b, [&] { return !b.ed.add_spans({{"gone", b.claim, {{0, 1}}}, {"a", b.claim, {}}}).empty(); });
    check_refused(b, [&] { return !b.ed.add_spans({}).empty(); });
    check_undoable(b, "Add Speaker", [&] { return b.ed.add_spans({{"a", b.speaker, {{1, 2}}}}).size() == 1; });
}

// --- entities ---

TEST_CASE("entities: add, create from a span, link and unlink; only speakers and sources are mentions", "[editor]") {
    Bench b;
    const Id sp = b.span(b.speaker, 0, 12);
    const Id src = b.span(b.source, 20, 28);
    const Id c = b.span(b.claim, 30, 40);

    const Id huawei =
        check_undoable(b, "Add entity", [&] { return b.ed.add_entity("Huawei", EntityKind::Organisation); });
    CHECK(b.a().entity(huawei)->name == "Huawei");
    CHECK(b.a().entity(huawei)->kind == EntityKind::Organisation);
    CHECK(b.a().entity(huawei)->aliases.empty());
    check_refused(b, [&] { return b.ed.add_entity("", EntityKind::Person); });

    const Id ren = check_undoable(b, "Create entity",
                                  [&] { return b.ed.create_entity_from(sp, "Ren Zhengfei", EntityKind::Person); });
    CHECK(b.a().entity(ren)->name == "Ren Zhengfei");
    CHECK(b.a().span(sp)->entity == ren);
    check_refused(b, [&] { return b.ed.create_entity_from(c, "A claim", EntityKind::Person); });
    check_refused(b, [&] { return b.ed.create_entity_from(src, "", EntityKind::Outlet); });
    check_refused(b, [&] { return b.ed.create_entity_from(999, "Nobody", EntityKind::Person); });

    check_undoable(b, "Link entity", [&] { return b.ed.link_entity(src, huawei); });
    CHECK(b.a().span(src)->entity == huawei);
    check_undoable(b, "Link entity", [&] { return b.ed.link_entity(sp, huawei); });  // relink
    CHECK(b.a().span(sp)->entity == huawei);
    check_undoable(b, "Unlink entity", [&] { return b.ed.link_entity(sp, kNoId); });
    CHECK(b.a().span(sp)->entity == kNoId);
    check_refused(b, [&] { return b.ed.link_entity(c, huawei); });
    check_refused(b, [&] { return b.ed.link_entity(src, 999); });
    check_refused(b, [&] { return b.ed.link_entity(src, c); });  // a span is not an entity
    check_refused(b, [&] { return b.ed.link_entity(999, huawei); });
}

TEST_CASE("rename_entity moves the old name into the aliases, once, and never keeps the new name there", "[editor]") {
    Bench b;
    const Id e = b.ed.add_entity("Zhengfei", EntityKind::Person);
    REQUIRE(b.ed.set_aliases(e, {"Mr. Ren", "Ren Zhengfei"}));
    check_undoable(b, "Rename entity", [&] { return b.ed.rename_entity(e, "Ren Zhengfei"); });
    CHECK(b.a().entity(e)->name == "Ren Zhengfei");
    CHECK(b.a().entity(e)->aliases == std::vector<std::string>{"Mr. Ren", "Zhengfei"});
    check_undoable(b, "Rename entity", [&] { return b.ed.rename_entity(e, "Zhengfei"); });
    CHECK(b.a().entity(e)->name == "Zhengfei");
    CHECK(b.a().entity(e)->aliases == std::vector<std::string>{"Mr. Ren", "Ren Zhengfei"});
    check_refused(b, [&] { return b.ed.rename_entity(e, ""); });
    check_refused(b, [&] { return b.ed.rename_entity(999, "X"); });
}

TEST_CASE("set_entity_kind, set_aliases and set_external_id; aliases are stored tidy", "[editor]") {
    Bench b;
    const Id e = b.ed.add_entity("eWeek", EntityKind::Person);
    check_undoable(b, "Change entity kind", [&] { return b.ed.set_entity_kind(e, EntityKind::Outlet); });
    CHECK(b.a().entity(e)->kind == EntityKind::Outlet);
    check_refused(b, [&] { return b.ed.set_entity_kind(999, EntityKind::Outlet); });

    check_undoable(b, "Edit aliases", [&] {
        return b.ed.set_aliases(e, {"eWEEK", "", "eWeek", "eweek.com", "eWEEK"});
    });
    CHECK(b.a().entity(e)->aliases == std::vector<std::string>{"eWEEK", "eweek.com"});
    check_refused(b, [&] { return b.ed.set_aliases(999, {"x"}); });

    check_undoable(b, "Set external id", [&] { return b.ed.set_external_id(e, "Q5324395"); });
    CHECK(b.a().entity(e)->external_id == "Q5324395");
    check_undoable(b, "Set external id", [&] { return b.ed.set_external_id(e, ""); });
    CHECK(b.a().entity(e)->external_id.empty());
    check_refused(b, [&] { return b.ed.set_external_id(999, "Q1"); });
}

TEST_CASE("merge_entities repoints the mentions, merges the aliases and is undone in one step", "[editor]") {
    Bench b;
    const Id s1 = b.span(b.speaker, 0, 5);
    const Id s2 = b.span(b.speaker, 10, 15);
    const Id s3 = b.span(b.source, 0, 5, "b");
    const Id keep = b.ed.create_entity_from(s1, "Ren Zhengfei", EntityKind::Person);
    const Id gone = b.ed.create_entity_from(s2, "Mr. Ren", EntityKind::Person);
    REQUIRE(b.ed.link_entity(s3, gone));
    REQUIRE(b.ed.set_aliases(keep, {"Ren"}));
    REQUIRE(b.ed.set_aliases(gone, {"Ren", "Ren Zhengfei", "Zhengfei"}));
    REQUIRE(b.ed.set_external_id(gone, "Q1"));
    const double s2_modified = b.a().span(s2)->modified;

    check_undoable(b, "Merge entities", [&] { return b.ed.merge_entities(keep, gone); });
    CHECK(b.a().entity(gone) == nullptr);
    CHECK(b.a().entities.size() == 1);
    CHECK(b.a().span(s2)->entity == keep);
    CHECK(b.a().span(s3)->entity == keep);
    CHECK(b.a().span(s2)->modified > s2_modified);
    CHECK(ids_of(b.a().mentions_of(keep)) == std::vector<Id>{s1, s2, s3});
    // Kept aliases first, then the other's name and aliases; no repeats, not the kept name.
    CHECK(b.a().entity(keep)->aliases == std::vector<std::string>{"Ren", "Mr. Ren", "Zhengfei"});
    CHECK(b.a().entity(keep)->external_id == "Q1");  // the kept entity had none

    REQUIRE(b.ed.undo());
    CHECK(b.a().entity(gone)->name == "Mr. Ren");
    CHECK(b.a().span(s2)->entity == gone);
    CHECK(b.a().span(s3)->entity == gone);
    CHECK(b.a().entity(keep)->aliases == std::vector<std::string>{"Ren"});

    check_refused(b, [&] { return b.ed.merge_entities(keep, keep); });
    check_refused(b, [&] { return b.ed.merge_entities(keep, 999); });
    check_refused(b, [&] { return b.ed.merge_entities(999, keep); });
}

TEST_CASE("delete_entity unlinks its mentions in the same step", "[editor]") {
    Bench b;
    const Id s1 = b.span(b.speaker, 0, 5);
    const Id s2 = b.span(b.source, 0, 5, "b");
    const Id e = b.ed.create_entity_from(s1, "Huawei", EntityKind::Organisation);
    REQUIRE(b.ed.link_entity(s2, e));
    check_undoable(b, "Delete entity", [&] { return b.ed.delete_entity(e); });
    CHECK(b.a().entities.empty());
    CHECK(b.a().span(s1)->entity == kNoId);
    CHECK(b.a().span(s2)->entity == kNoId);
    CHECK(b.a().spans.size() == 2);  // the spans stay
    check_refused(b, [&] { return b.ed.delete_entity(e); });
}

// --- relations ---

TEST_CASE("add_relation checks the roles of both ends, self-links and duplicates", "[editor]") {
    Bench b;
    const Id c1 = b.span(b.claim, 0, 10);
    const Id c2 = b.span(b.claim, 0, 10, "b");
    const Id sp = b.span(b.speaker, 20, 30);
    const Id src = b.span(b.source, 40, 50);
    const Id other = b.span(b.ed.add_label("Hedge", 0xF0E442), 60, 70);

    const Id said = check_undoable(b, "Add relation", [&] { return b.ed.add_relation(RelationType::SaidBy, c1, sp); });
    CHECK(b.a().relation(said)->type == RelationType::SaidBy);
    CHECK(b.a().relation(said)->from == c1);
    CHECK(b.a().relation(said)->to == sp);
    CHECK(b.ed.add_relation(RelationType::ReportedBy, c1, src) != kNoId);
    CHECK(b.ed.add_relation(RelationType::SameClaim, c1, c2) != kNoId);  // across documents
    CHECK(b.ed.add_relation(RelationType::SameClaim, c2, c1) != kNoId);  // the other direction
    CHECK(b.ed.add_relation(RelationType::Supports, c2, c1) != kNoId);
    CHECK(b.ed.add_relation(RelationType::Contradicts, c1, c2) != kNoId);

    check_refused(b, [&] { return b.ed.add_relation(RelationType::SaidBy, c1, sp); });      // duplicate
    check_refused(b, [&] { return b.ed.add_relation(RelationType::SaidBy, c1, src); });     // needs a speaker
    check_refused(b, [&] { return b.ed.add_relation(RelationType::ReportedBy, c2, sp); });  // needs a source
    check_refused(b, [&] { return b.ed.add_relation(RelationType::SaidBy, sp, c1); });      // reversed
    check_refused(b, [&] { return b.ed.add_relation(RelationType::SameClaim, c1, c1); });   // self-link
    check_refused(b, [&] { return b.ed.add_relation(RelationType::Supports, c1, sp); });
    check_refused(b, [&] { return b.ed.add_relation(RelationType::Supports, other, c1); });
    check_refused(b, [&] { return b.ed.add_relation(RelationType::SaidBy, c1, 999); });
    check_refused(b, [&] { return b.ed.add_relation(RelationType::SaidBy, 999, sp); });
}

TEST_CASE("set_relation_type and delete_relation", "[editor]") {
    Bench b;
    const Id c1 = b.span(b.claim, 0, 10);
    const Id c2 = b.span(b.claim, 20, 30);
    const Id sp = b.span(b.speaker, 40, 50);
    const Id supports = b.ed.add_relation(RelationType::Supports, c1, c2);
    const Id same = b.ed.add_relation(RelationType::SameClaim, c1, c2);
    const Id said = b.ed.add_relation(RelationType::SaidBy, c1, sp);
    REQUIRE((supports && same && said));

    check_undoable(b, "Change relation type",
                   [&] { return b.ed.set_relation_type(supports, RelationType::Contradicts); });
    CHECK(b.a().relation(supports)->type == RelationType::Contradicts);
    check_refused(b, [&] { return b.ed.set_relation_type(supports, RelationType::SameClaim); });  // would repeat `same`
    check_refused(b, [&] { return b.ed.set_relation_type(supports, RelationType::SaidBy); });     // c2 is no speaker
    check_refused(b, [&] { return b.ed.set_relation_type(said, RelationType::ReportedBy); });     // sp is no source
    check_refused(b, [&] { return b.ed.set_relation_type(999, RelationType::SaidBy); });

    check_undoable(b, "Delete relation", [&] { return b.ed.delete_relation(same); });
    CHECK(b.a().relation(same) == nullptr);
    CHECK(b.a().spans.size() == 3);  // the spans stay
    check_refused(b, [&] { return b.ed.delete_relation(same); });
}

// --- zones ---

TEST_CASE("add_zone cuts away the parts of other zones it covers, splitting one in two if needed", "[editor]") {
    Bench b;
    const Id body = check_undoable(b, "Add zone", [&] { return b.ed.add_zone("a", {0, 100}, ZoneKind::Body); });
    const Id other_doc = b.ed.add_zone("b", {0, 40}, ZoneKind::Furniture);
    REQUIRE(other_doc != kNoId);

    // Comments in the middle split the body zone; the second part gets a new id.
    const Id comments = check_undoable(b, "Add zone", [&] { return b.ed.add_zone("a", {60, 80}, ZoneKind::Comments); });
    REQUIRE(b.a().zones.size() == 4);
    CHECK(b.a().zones.at(body).range == Range{0, 60});
    const cm::Zone tail = b.a().zones.rbegin()->second;
    CHECK(tail.id > comments);
    CHECK(tail.range == Range{80, 100});
    CHECK(tail.kind == ZoneKind::Body);
    CHECK(b.a().zones.at(other_doc).range == Range{0, 40});  // another document: untouched
    CHECK(b.a().zone_at("a", 59) == ZoneKind::Body);
    CHECK(b.a().zone_at("a", 60) == ZoneKind::Comments);
    CHECK(b.a().zone_at("a", 79) == ZoneKind::Comments);
    CHECK(b.a().zone_at("a", 80) == ZoneKind::Body);
    CHECK(b.a().zone_at("b", 10) == ZoneKind::Furniture);
    CHECK(b.a().zone_at("gone", 10) == ZoneKind::Body);  // unmarked text is body

    // Furniture over the start of the body and all of the comments: the body
    // is trimmed, the comments zone disappears.
    check_undoable(b, "Add zone", [&] { return b.ed.add_zone("a", {50, 85}, ZoneKind::Furniture); });
    CHECK(b.a().zones.at(body).range == Range{0, 50});
    CHECK(b.a().zones.count(comments) == 0);
    CHECK(b.a().zones.at(tail.id).range == Range{85, 100});
    CHECK(b.a().zone_at("a", 70) == ZoneKind::Furniture);
    CHECK(b.ed.check_invariants() == "");

    check_refused(b, [&] { return b.ed.add_zone("a", {10, 10}, ZoneKind::Comments); });
    check_refused(b, [&] { return b.ed.add_zone("a", {90, 101}, ZoneKind::Comments); });
    check_refused(b, [&] { return b.ed.add_zone("gone", {0, 1}, ZoneKind::Comments); });

    check_undoable(b, "Delete zone", [&] { return b.ed.delete_zone(body); });
    CHECK(b.a().zone_at("a", 10) == ZoneKind::Body);
    check_refused(b, [&] { return b.ed.delete_zone(body); });
}

// --- history ---

TEST_CASE("a new command after undo discards the redo tail", "[editor]") {
    Bench b;
    const Id s1 = b.span(b.claim, 0, 10);
    const Id s2 = b.span(b.claim, 20, 30);
    REQUIRE(b.ed.history_size() == 2);
    REQUIRE(b.ed.undo());
    CHECK(b.ed.can_redo());
    CHECK(b.a().span(s2) == nullptr);
    const std::string after_undo = b.json();

    REQUIRE(b.ed.add_label("Hedge", 0xF0E442) != kNoId);
    CHECK_FALSE(b.ed.can_redo());
    CHECK_FALSE(b.ed.redo());
    CHECK(b.ed.redo_name().empty());
    CHECK(b.ed.history_size() == 2);
    CHECK(b.a().span(s1) != nullptr);
    CHECK(b.a().span(s2) == nullptr);
    CHECK(b.a().labels.size() == 4);
    // Undo now takes back the label, not anything of the discarded tail.
    REQUIRE(b.ed.undo());
    CHECK(b.json() == after_undo);
}

TEST_CASE("undo winds next_id back with everything else, so the state is restored exactly", "[editor]") {
    Bench b;
    const Id first = b.span(b.claim, 0, 10);
    const Id next = b.a().next_id;
    REQUIRE(b.ed.undo());
    CHECK(b.a().next_id == first);
    REQUIRE(b.ed.redo());
    CHECK(b.a().next_id == next);
    CHECK(b.a().span(first)->ranges == std::vector<Range>{{0, 10}});
}

TEST_CASE("undo and redo names and their limits", "[editor]") {
    Bench b;
    CHECK_FALSE(b.ed.can_undo());
    CHECK_FALSE(b.ed.can_redo());
    CHECK(b.ed.undo_name().empty());
    CHECK(b.ed.redo_name().empty());
    CHECK_FALSE(b.ed.undo());
    CHECK_FALSE(b.ed.redo());

    const Id c = b.span(b.claim, 0, 10);
    const Id sp = b.span(b.speaker, 20, 30);
    REQUIRE(b.ed.add_relation(RelationType::SaidBy, c, sp));
    CHECK(b.ed.undo_name() == "Add relation");
    REQUIRE(b.ed.undo());
    CHECK(b.ed.undo_name() == "Add Speaker");
    CHECK(b.ed.redo_name() == "Add relation");
    REQUIRE(b.ed.undo());
    REQUIRE(b.ed.undo());
    CHECK_FALSE(b.ed.can_undo());
    CHECK(b.ed.undo_name().empty());
    CHECK(b.ed.redo_name() == "Add Claim");
    REQUIRE(b.ed.redo());
    REQUIRE(b.ed.redo());
    REQUIRE(b.ed.redo());
    CHECK_FALSE(b.ed.can_redo());
    CHECK(b.ed.redo_name().empty());
    CHECK(b.a().relations.size() == 1);
}

TEST_CASE("reset replaces the annotations and clears the history", "[editor]") {
    Bench b;
    REQUIRE(b.span(b.claim, 0, 10));
    const uint64_t revision = b.ed.revision();
    b.ed.reset(Annotations{});
    CHECK(b.ed.revision() > revision);
    CHECK(b.ed.history_size() == 0);
    CHECK_FALSE(b.ed.can_undo());
    CHECK(b.a().labels.empty());
    CHECK(b.a().spans.empty());
}

TEST_CASE("the revision counts changes, undos and redos, not refusals", "[editor]") {
    Bench b;
    const uint64_t r0 = b.ed.revision();
    const Id c = b.span(b.claim, 0, 10);
    CHECK(b.ed.revision() == r0 + 1);
    CHECK_FALSE(b.span(b.claim, 0, 500));
    CHECK(b.ed.revision() == r0 + 1);
    REQUIRE(b.ed.undo());
    CHECK(b.ed.revision() == r0 + 2);
    REQUIRE(b.ed.redo());
    CHECK(b.ed.revision() == r0 + 3);
    CHECK_FALSE(b.ed.redo());
    CHECK(b.ed.revision() == r0 + 3);
    REQUIRE(b.ed.set_note(c, "x"));
    CHECK(b.ed.revision() == r0 + 4);
}

TEST_CASE("a command that would change nothing succeeds without a history step", "[editor]") {
    Bench b;
    const Id c = b.span(b.speaker, 0, 10);
    const Id e = b.ed.create_entity_from(c, "Ren", EntityKind::Person);
    const Id c2 = b.span(b.claim, 20, 30);
    const Id r = b.ed.add_relation(RelationType::SaidBy, c2, c);
    const Id z = b.ed.add_zone("a", {0, 10}, ZoneKind::Comments);
    REQUIRE((e && r && z && b.ed.set_note(c, "n") && b.ed.set_attribute(c, "k", "v")));
    const std::string before = b.json();
    const size_t history = b.ed.history_size();
    CHECK(b.ed.rename_label(b.claim, "Claim"));
    CHECK(b.ed.recolor_label(b.claim, 0xE69F00));
    CHECK(b.ed.move_label(b.claim, 0));
    CHECK(b.ed.relabel_span(c, b.speaker));
    CHECK(b.ed.set_ranges(c, {{0, 10}}));
    CHECK(b.ed.set_note(c, "n"));
    CHECK(b.ed.set_attribute(c, "k", "v"));
    CHECK(b.ed.set_attribute(c, "absent", ""));
    CHECK(b.ed.link_entity(c, e));
    CHECK(b.ed.link_entity(c2, kNoId));
    CHECK(b.ed.rename_entity(e, "Ren"));
    CHECK(b.ed.set_entity_kind(e, EntityKind::Person));
    CHECK(b.ed.set_aliases(e, {"", "Ren"}));
    CHECK(b.ed.set_external_id(e, ""));
    CHECK(b.ed.set_relation_type(r, RelationType::SaidBy));
    CHECK(b.json() == before);
    CHECK(b.ed.history_size() == history);
}

TEST_CASE("check_invariants names each broken invariant", "[editor]") {
    Bench b;
    const auto problems = [&](const Annotations& a) {
        b.ed.reset(a);
        return b.ed.check_invariants();
    };
    Annotations good;
    good.labels = cm::default_labels(good.next_id);  // ids 1-3
    good.spans[4] = cm::Span{4, "a", 1, {{0, 10}}};
    good.spans[5] = cm::Span{5, "a", 2, {{20, 30}}};
    good.entities[6] = cm::Entity{6, "Ren", EntityKind::Person, {"Mr. Ren"}};
    good.spans[5].entity = 6;
    good.relations[7] = cm::Relation{7, RelationType::SaidBy, 4, 5};
    good.zones[8] = cm::Zone{8, "a", {0, 50}, ZoneKind::Comments};
    good.zones[9] = cm::Zone{9, "a", {50, 100}, ZoneKind::Body};
    good.next_id = 10;
    REQUIRE(problems(good) == "");

    struct Case {
        const char* want;
        std::function<void(Annotations&)> breaks;
    };
    const Case cases[] = {
        {"span 4: document \"gone\" does not exist", [](Annotations& a) { a.spans[4].doc = "gone"; }},
        {"span 4: has no ranges", [](Annotations& a) { a.spans[4].ranges.clear(); }},
        {"span 4: range 5-5 is empty",
         [](Annotations& a) {
             a.spans[4].ranges = {{5, 5}};
         }},
        {"span 4: range 90-101 is past the end of document a (100 characters)",
         [](Annotations& a) {
             a.spans[4].ranges = {{90, 101}};
         }},
        {"span 4: ranges 5-9 and 0-3 are not in order",
         [](Annotations& a) {
             a.spans[4].ranges = {{5, 9}, {0, 3}};
         }},
        {"span 4: ranges 0-5 and 5-9 overlap or touch",
         [](Annotations& a) {
             a.spans[4].ranges = {{0, 5}, {5, 9}};
         }},
        {"span 4: label 99 does not exist", [](Annotations& a) { a.spans[4].label = 99; }},
        {"span 5: entity 99 does not exist", [](Annotations& a) { a.spans[5].entity = 99; }},
        {"span 4: a claim span cannot point to an entity", [](Annotations& a) { a.spans[4].entity = 6; }},
        {"span 4: attribute \"quote\" has an empty value", [](Annotations& a) { a.spans[4].attributes["quote"] = ""; }},
        {"relation 7: span 99 (to) does not exist", [](Annotations& a) { a.relations[7].to = 99; }},
        {"relation 7: links span 4 to itself", [](Annotations& a) { a.relations[7].to = 4; }},
        {"relation 7: reported_by links a claim to a source, not a claim to a speaker",
         [](Annotations& a) { a.relations[7].type = RelationType::ReportedBy; }},
        {"relation 10: repeats relation 7",
         [](Annotations& a) {
             a.relations[10] = cm::Relation{10, RelationType::SaidBy, 4, 5};
             a.next_id = 11;
         }},
        {"zone 9: overlaps zone 8 (0-50)", [](Annotations& a) { a.zones[9].range.start = 49; }},
        {"zone 9: range 50-101 is past the end", [](Annotations& a) { a.zones[9].range.end = 101; }},
        {"zone 9: range 60-60 is empty",
         [](Annotations& a) {
             a.zones[9].range = {60, 60};
         }},
        {"zone 9: document \"gone\" does not exist", [](Annotations& a) { a.zones[9].doc = "gone"; }},
        {"label 2: the name \"Claim\" is also used by label 1", [](Annotations& a) { a.labels[1].name = "Claim"; }},
        {"label 3: the name is empty", [](Annotations& a) { a.labels[2].name = ""; }},
        {"label 3: colour 16777216 is not an 0xRRGGBB value", [](Annotations& a) { a.labels[2].color = 0x1000000; }},
        {"entity 6: the name is empty", [](Annotations& a) { a.entities[6].name = ""; }},
        {"entity 6: alias \"Ren\" is the name itself", [](Annotations& a) { a.entities[6].aliases.push_back("Ren"); }},
        {"entity 6: alias \"Mr. Ren\" is listed twice",
         [](Annotations& a) { a.entities[6].aliases.push_back("Mr. Ren"); }},
        {"zone 9: id is not below next_id 9", [](Annotations& a) { a.next_id = 9; }},
        {"zone 6: id 6 is also used by entity 6",
         [](Annotations& a) {
             a.zones[6] = cm::Zone{6, "b", {0, 1}};
         }},
        {"span 0: id 0 is reserved",
         [](Annotations& a) {
             a.spans[0] = cm::Span{0, "a", 1, {{0, 1}}};
         }},
        {"span 4: stored under id 4 but has id 5", [](Annotations& a) { a.spans[4].id = 5; }},
    };
    for (const Case& c : cases) {
        INFO("expected: " << c.want);
        Annotations bad = good;
        c.breaks(bad);
        const std::string found = problems(bad);
        CHECK_THAT(found, Catch::Matchers::Contains(c.want));
    }
}

// --- random commands ---

namespace {

// Drives an editor with random commands, most with random (often invalid)
// arguments, and random undos and redos. After every step it checks the
// invariants, that a refusal changed nothing, and that undo and redo land
// exactly on the state recorded at that point of the history.
class RandomSession {
public:
    explicit RandomSession(uint32_t seed) : rng_(seed) {
        Annotations a;
        a.labels = cm::default_labels(a.next_id);
        ed_.reset(a);
        oracle_.start(json());
    }

    std::string json() const { return cm::annotations_to_json(ed_.annotations()); }
    const std::string& initial() const { return oracle_.initial(); }
    const std::string& newest() const { return oracle_.newest(); }
    cm::Editor& editor() { return ed_; }
    std::map<std::string, int>& successes() { return successes_; }

    void step() {
        const auto& ops = operations();
        uint32_t total = 0;
        for (const auto& op : ops) total += op.weight;
        uint32_t roll = pick(total);
        size_t i = 0;
        while (roll >= ops[i].weight) roll -= ops[i++].weight;
        run(ops[i]);
    }

private:
    struct Op {
        const char* name;
        uint32_t weight;
        bool (*run)(RandomSession&);
    };

    void run(const Op& op) {
        INFO("operation: " << op.name);
        const std::string before = json();
        const size_t history = ed_.history_size();
        const uint64_t revision = ed_.revision();
        const bool ok = op.run(*this);
        if (ok) ++successes_[op.name];
        oracle_.check(ed_, op.run == undo_op || op.run == redo_op, ok, revision, history, before, json());
    }

    uint32_t pick(uint32_t n) { return n == 0 ? 0 : static_cast<uint32_t>(rng_() % n); }
    bool coin() { return pick(2) == 0; }

    template <class T>
    std::vector<Id> keys(const std::map<Id, T>& m) const {
        std::vector<Id> out;
        for (const auto& entry : m) out.push_back(entry.first);
        return out;
    }
    // Usually an existing id of the right kind; sometimes any id at all.
    Id some(const std::vector<Id>& ids) {
        if (!ids.empty() && pick(5) != 0) return ids[pick(static_cast<uint32_t>(ids.size()))];
        return pick(ed_.annotations().next_id + 2);
    }
    Id span() { return some(keys(ed_.annotations().spans)); }
    // Usually a span whose label has this role, so that relations get made.
    Id span_of(LabelRole role) {
        std::vector<Id> ids;
        const Annotations& a = ed_.annotations();
        for (const auto& [id, s] : a.spans)
            if (a.label(s.label) && a.label(s.label)->role == role) ids.push_back(id);
        return ids.empty() || pick(4) == 0 ? span() : ids[pick(static_cast<uint32_t>(ids.size()))];
    }
    Id entity() { return some(keys(ed_.annotations().entities)); }
    Id zone() { return some(keys(ed_.annotations().zones)); }
    Id relation() { return some(keys(ed_.annotations().relations)); }
    Id label() {
        std::vector<Id> ids;
        for (const cm::Label& l : ed_.annotations().labels) ids.push_back(l.id);
        return some(ids);
    }

    std::string doc() {
        const char* docs[] = {"a", "a", "b", "gone"};
        return docs[pick(4)];
    }
    std::string name() {
        const char* names[] = {"", "Claim", "Speaker", "Hedge", "Ren", "Mr. Ren", "Huawei", "eWeek", "X"};
        return names[pick(9)];
    }
    // Mostly inside both documents; now and then past the end, empty or reversed.
    Range range() {
        const uint32_t start = pick(8) == 0 ? pick(120) : pick(36);
        return pick(6) == 0 ? Range{start, start > 3 ? start - pick(4) : 0} : Range{start, start + 1 + pick(12)};
    }
    std::vector<Range> ranges() {
        std::vector<Range> out(pick(8) == 0 ? 0 : 1 + pick(3));
        for (Range& r : out) r = range();
        return out;
    }
    SpanRequest request() {
        SpanRequest q{doc(), label(), ranges()};
        if (pick(4) == 0) q.entity = entity();
        if (pick(4) == 0) q.note = name();
        if (pick(4) == 0) {
            const auto [key, value] = std::tuple{coin() ? "quote" : "", coin() ? "direct" : ""};
            q.attributes[key] = value;
        }
        return q;
    }
    template <class Enum>
    Enum any(uint32_t count) {
        return static_cast<Enum>(pick(count));
    }
    std::vector<std::string> names() {
        std::vector<std::string> out(pick(4));
        for (std::string& s : out) s = name();
        return out;
    }

    static bool undo_op(RandomSession& s) {
        const bool ok = s.ed_.undo();
        s.oracle_.stepped(-1, ok);
        return ok;
    }
    static bool redo_op(RandomSession& s) {
        const bool ok = s.ed_.redo();
        s.oracle_.stepped(+1, ok);
        return ok;
    }

    static const std::vector<Op>& operations() {
        using S = RandomSession;
        // Arguments are drawn into a tuple first: braces fix the order of the
        // draws, which a function call's arguments would leave to the compiler
        // (and a seed must give the same run natively and under wasm).
        static const std::vector<Op> ops = {
            {"add_label", 2,
             [](S& s) {
                 const auto [name, wide, role] = std::tuple{s.name(), s.pick(4) == 0, s.any<LabelRole>(4)};
                 return s.ed_.add_label(name, wide ? 0x1000000 : 0x123456, role) != kNoId;
             }},
            {"rename_label", 1,
             [](S& s) {
                 const auto [label, name] = std::tuple{s.label(), s.name()};
                 return s.ed_.rename_label(label, name);
             }},
            {"recolor_label", 1,
             [](S& s) {
                 const auto [label, wide] = std::tuple{s.label(), s.pick(4) == 0};
                 return s.ed_.recolor_label(label, wide ? 0x1000000 : 0x56B4E9);
             }},
            {"move_label", 1,
             [](S& s) {
                 const auto [label, index] = std::tuple{s.label(), s.pick(5)};
                 return s.ed_.move_label(label, index);
             }},
            {"remove_label", 1, [](S& s) { return s.pick(3) == 0 && s.ed_.remove_label(s.label()); }},
            {"add_span", 14, [](S& s) { return s.ed_.add_span(s.request()) != kNoId; }},
            {"delete_span", 2, [](S& s) { return s.ed_.delete_span(s.span()); }},
            {"delete_spans", 1,
             [](S& s) {
                 return s.ed_.delete_spans({s.span(), s.span()});
             }},
            {"relabel_span", 3,
             [](S& s) {
                 const auto [span, label] = std::tuple{s.span(), s.label()};
                 return s.ed_.relabel_span(span, label);
             }},
            {"set_ranges", 2,
             [](S& s) {
                 auto [span, ranges] = std::tuple{s.span(), s.ranges()};
                 return s.ed_.set_ranges(span, std::move(ranges));
             }},
            {"set_note", 1,
             [](S& s) {
                 const auto [span, note] = std::tuple{s.span(), s.name()};
                 return s.ed_.set_note(span, note);
             }},
            {"set_attribute", 1,
             [](S& s) {
                 const auto [span, keyed, value] = std::tuple{s.span(), s.pick(4) != 0, s.name()};
                 return s.ed_.set_attribute(span, keyed ? "quote" : "", value);
             }},
            {"add_spans", 2,
             [](S& s) {
                 return !s.ed_.add_spans({s.request(), s.request(), s.request()}).empty();
             }},
            {"add_entity", 3,
             [](S& s) {
                 const auto [name, kind] = std::tuple{s.name(), s.any<EntityKind>(4)};
                 return s.ed_.add_entity(name, kind) != kNoId;
             }},
            {"create_entity_from", 3,
             [](S& s) {
                 const auto [span, name, kind] =
                     std::tuple{s.span_of(LabelRole::Speaker), s.name(), s.any<EntityKind>(4)};
                 return s.ed_.create_entity_from(span, name, kind) != kNoId;
             }},
            {"link_entity", 4,
             [](S& s) {
                 const auto [span, unlink, entity] = std::tuple{s.span(), s.pick(4) == 0, s.entity()};
                 return s.ed_.link_entity(span, unlink ? kNoId : entity);
             }},
            {"rename_entity", 2,
             [](S& s) {
                 const auto [entity, name] = std::tuple{s.entity(), s.name()};
                 return s.ed_.rename_entity(entity, name);
             }},
            {"set_entity_kind", 1,
             [](S& s) {
                 const auto [entity, kind] = std::tuple{s.entity(), s.any<EntityKind>(4)};
                 return s.ed_.set_entity_kind(entity, kind);
             }},
            {"set_aliases", 1,
             [](S& s) {
                 auto [entity, aliases] = std::tuple{s.entity(), s.names()};
                 return s.ed_.set_aliases(entity, std::move(aliases));
             }},
            {"set_external_id", 1,
             [](S& s) {
                 const auto [entity, clear] = std::tuple{s.entity(), s.coin()};
                 return s.ed_.set_external_id(entity, clear ? "" : "Q1");
             }},
            {"merge_entities", 2,
             [](S& s) {
                 const auto [keep, gone] = std::tuple{s.entity(), s.entity()};
                 return s.ed_.merge_entities(keep, gone);
             }},
            {"delete_entity", 1, [](S& s) { return s.ed_.delete_entity(s.entity()); }},
            {"add_relation", 10,
             [](S& s) {
                 const auto type = s.any<RelationType>(5);
                 const LabelRole to_role = type == RelationType::SaidBy       ? LabelRole::Speaker
                                           : type == RelationType::ReportedBy ? LabelRole::Source
                                                                              : LabelRole::Claim;
                 const auto [from, to] = std::tuple{s.span_of(LabelRole::Claim), s.span_of(to_role)};
                 return s.ed_.add_relation(type, from, to) != kNoId;
             }},
            {"set_relation_type", 2,
             [](S& s) {
                 const auto [relation, type] = std::tuple{s.relation(), s.any<RelationType>(5)};
                 return s.ed_.set_relation_type(relation, type);
             }},
            {"delete_relation", 1, [](S& s) { return s.ed_.delete_relation(s.relation()); }},
            {"add_zone", 3,
             [](S& s) {
                 const auto [doc, range, kind] = std::tuple{s.doc(), s.range(), s.any<ZoneKind>(3)};
                 return s.ed_.add_zone(doc, range, kind) != kNoId;
             }},
            {"delete_zone", 1, [](S& s) { return s.ed_.delete_zone(s.zone()); }},
            {"undo", 4, undo_op},
            {"redo", 3, redo_op},
        };
        return ops;
    }

    std::mt19937 rng_;
    double clock_ = 1.7e9;
    cm::Editor ed_{doc_length, [this] { return clock_ += 0.25; }};
    cm::test::HistoryOracle oracle_;  // the JSON after each step of the history
    std::map<std::string, int> successes_;
};

}  // namespace

TEST_CASE("random commands keep every invariant, and undo and redo replay them exactly", "[editor][random]") {
    std::map<std::string, int> successes;
    for (uint32_t seed = 1; seed <= 20; ++seed) {
        INFO("seed " << seed);
        RandomSession session(seed);
        for (int i = 0; i < 300; ++i) {
            INFO("step " << i);
            session.step();
        }
        cm::Editor& ed = session.editor();
        while (ed.redo()) {
        }
        REQUIRE(session.json() == session.newest());
        while (ed.undo()) {
        }
        REQUIRE(session.json() == session.initial());
        REQUIRE(ed.check_invariants() == "");
        while (ed.redo()) {
        }
        REQUIRE(session.json() == session.newest());
        for (const auto& [op, count] : session.successes()) successes[op] += count;
    }
    // Every command did something at least once, so none was tested only by refusals.
    for (const char* op : {"add_label",
                           "rename_label",
                           "recolor_label",
                           "move_label",
                           "remove_label",
                           "add_span",
                           "delete_span",
                           "delete_spans",
                           "relabel_span",
                           "set_ranges",
                           "set_note",
                           "set_attribute",
                           "add_spans",
                           "add_entity",
                           "create_entity_from",
                           "link_entity",
                           "rename_entity",
                           "set_entity_kind",
                           "set_aliases",
                           "set_external_id",
                           "merge_entities",
                           "delete_entity",
                           "add_relation",
                           "set_relation_type",
                           "delete_relation",
                           "add_zone",
                           "delete_zone",
                           "undo",
                           "redo"}) {
        INFO("operation " << op);
        CHECK(successes[op] > 0);
    }
}
