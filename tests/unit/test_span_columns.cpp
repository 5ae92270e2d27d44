// Annotations handed over as columns (the benchmark contract's load path):
// placed where the offsets say when the quote agrees, re-anchored by the
// quote when it does not, left out (and counted) when neither works;
// relations only between placed spans whose labels fit.
#include <catch2/catch.hpp>

#include "core/corpus.h"
#include "core/formats/span_columns.h"

namespace {

cm::Document article(const std::string& text) {
    cm::Document d;
    d.meta.id = "doc";
    d.text = cm::Text(text);
    return d;
}

cm::Annotations with_default_labels() {
    cm::Annotations a;
    a.labels = cm::default_labels(a.next_id);
    return a;
}

}  // namespace

TEST_CASE("columns: spans placed, quotes checked, relations between placed spans", "[span_columns]") {
    const cm::Document d = article("“We will exit,” Ren Zhengfei told AllThingsD. Then he did not.");
    cm::formats::SpanColumns c;
    c.label_names = {"Claim", "Speaker", "Source", "Hunch"};
    c.relation_names = {"said_by", "reported_by", "nonsense"};
    // 0: the claim, right; 1: the speaker, offsets wrong but quote right; 2: the source, right;
    // 3: out of range, no quote; 4: a new label; 5: a quote not in the text at all.
    c.start = {1, 0, 34, 90, 46, 2};
    c.end = {13, 12, 44, 95, 50, 6};
    c.label = {0, 1, 2, 0, 3, 0};
    c.exact = {"We will exit", "Ren Zhengfei", "AllThingsD", "", "Then", "zzzz"};
    c.from = {0, 0, 0, 1, 0, 0};
    c.to = {1, 2, 1, 0, 3, 2};
    c.relation = {0, 1, 0, 0, 0, 2};
    const cm::formats::ColumnsImport r = cm::formats::import_columns(c, d, with_default_labels());
    REQUIRE(r.ok);
    CHECK(r.placed == 4);
    CHECK(r.reanchored == 1);
    CHECK(r.left_out == 2);
    const cm::Annotations& a = r.annotations;
    REQUIRE(a.spans.size() == 4);
    std::vector<std::string> texts;
    for (const auto& [id, s] : a.spans) texts.emplace_back(d.text.slice(s.start(), s.end()));
    CHECK(texts == std::vector<std::string>{"We will exit", "Ren Zhengfei", "AllThingsD", "Then"});
    // "Hunch" became a label of role Other.
    const cm::Label* hunch = nullptr;
    for (const cm::Label& l : a.labels)
        if (l.name == "Hunch") hunch = &l;
    REQUIRE(hunch);
    CHECK(hunch->role == cm::LabelRole::Other);
    // said_by and reported_by from the claim; the repeat is one link; speaker → claim does not fit,
    // to the out-of-range span has no span, "nonsense" is no relation.
    CHECK(a.relations.size() == 2);
    CHECK(r.relations_left_out == 3);
}

TEST_CASE("columns that do not line up are refused", "[span_columns]") {
    cm::formats::SpanColumns c;
    c.label_names = {"Claim"};
    c.start = {0, 4};
    c.end = {3};
    c.label = {0, 0};
    c.exact = {"", ""};
    const cm::formats::ColumnsImport r = cm::formats::import_columns(c, article("one two"), with_default_labels());
    CHECK_FALSE(r.ok);
    CHECK(r.annotations.spans.empty());
}
