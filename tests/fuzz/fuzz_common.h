// What the fuzz targets share: the small fixed corpus every importer reads
// against (documents "a" and "b" and their annotations, as in
// tests/unit/test_project_json.cpp), and a check that stops the fuzzer with
// a message when a property a unit test would check does not hold.
//
// The importers never throw and report problems in words; a crash, a
// sanitizer report or a broken property is a bug.
//
// Seeds (tests/fuzz/seeds/<target>/) are small valid files: the JSON ones were
// written by project_to_json, annotations_to_json and export_w3c from this
// fixture (plus a moved text, a new document, a page and a list with an
// orphan), the articles and manifests by hand. scripts/fuzz.sh runs the targets.
#pragma once
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/annotations.h"
#include "core/corpus.h"
#include "core/editor.h"
#include "core/utf8.h"

namespace cm::fuzz {

// Stops the fuzzer (libFuzzer saves the input as a crash) when `ok` is false.
inline void need(bool ok, const char* what, const std::string& detail = "") {
    if (ok) return;
    std::fprintf(stderr, "\nbroken property: %s\n%s\n", what, detail.c_str());
    __builtin_trap();
}

// Document "a": a quote interrupted by "he told AllThingsD", an emoji (two
// UTF-16 units) and a combining mark; "b": one plain sentence.
inline const char* const kTextA =
    "Ren Zhengfei said \xE2\x80\x9CWe are not interested in the US market,\xE2\x80\x9D he told AllThingsD, "
    "\xE2\x80\x9C"
    "anymore.\xE2\x80\x9D \xF0\x9F\x98\x80 Cafe\xCC\x81 owners disagreed.";
inline const char* const kTextB = "Huawei denied it. Ren Zhengfei was misquoted, a spokesman said.";

inline Document fixture_doc(const std::string& id, const std::string& text, const std::string& title) {
    DocumentMeta m;
    m.id = id;
    m.title = title;
    return make_document(m, text);
}

inline const std::vector<Document>& fixture_docs() {
    static const std::vector<Document> docs = [] {
        std::vector<Document> d;
        d.push_back(fixture_doc("a", kTextA, "Huawei exits the US"));
        d.back().meta.outlet = "eWeek";
        d.back().meta.date = "2013-04-30";
        d.push_back(fixture_doc("b", kTextB, "Huawei denies"));
        return d;
    }();
    return docs;
}

// Labels 1-3 (Claim, Speaker, Source), entity 4, claim 5 (two ranges),
// speaker 6, source 7, said_by 8, reported_by 9, zone 10, claim 11 in "b",
// contradicts 12: the state an import replaces or merges into.
inline const Annotations& fixture_annotations() {
    static const Annotations a = [] {
        Annotations x;
        x.labels = default_labels(x.next_id);
        x.entities[4] = Entity{4, "Ren Zhengfei", EntityKind::Person, {"Mr. Ren"}, "Q1"};
        x.spans[5] = Span{5, "a", 1, {{19, 58}, {81, 89}}, kNoId, "check", {{"quote", "direct"}}, 1700000000.5, 1700000001};
        x.spans[6] = Span{6, "a", 2, {{0, 12}}, 4, "", {}, 1700000002, 1700000002};
        x.spans[7] = Span{7, "a", 3, {{68, 78}}, kNoId, "", {}, 1700000003, 1700000003};
        x.relations[8] = Relation{8, RelationType::SaidBy, 5, 6};
        x.relations[9] = Relation{9, RelationType::ReportedBy, 5, 7};
        x.zones[10] = Zone{10, "a", {93, 116}, ZoneKind::Comments};
        x.spans[11] = Span{11, "b", 1, {{18, 44}}, kNoId, "", {}, 1700000004, 1700000004.25};
        x.relations[12] = Relation{12, RelationType::Contradicts, 11, 5};
        x.next_id = 13;
        return x;
    }();
    return a;
}

// Lengths in code points of the given documents, for the editor's checks.
inline DocLengthFn lengths_of(std::vector<Document> docs) {
    return [docs = std::move(docs)](const std::string& id) -> std::optional<size_t> {
        for (const Document& d : docs)
            if (d.meta.id == id) return d.text.size();
        return std::nullopt;
    };
}

// The editor's invariants for `a` against `docs` ("" when they all hold).
inline std::string broken_invariants(const Annotations& a, const std::vector<Document>& docs) {
    Editor ed(lengths_of(docs), [] { return 0.0; });
    ed.reset(a);
    return ed.check_invariants();
}

inline bool valid_utf8(std::string_view s) { return decode_utf8(s).invalid_sequences == 0; }

// A document as the corpus and the editor expect it: valid UTF-8 with LF
// newlines, and offsets that agree in every unit.
inline void check_document(const Document& d) {
    const Text& t = d.text;
    need(valid_utf8(t.utf8()), "document text is valid UTF-8", d.meta.id);
    need(t.utf8().find('\r') == std::string::npos, "document text has LF newlines only", d.meta.id);
    need(t.byte_of(t.size()) == t.size_bytes(), "the last code point ends at the last byte", d.meta.id);
    need(t.cp_of_byte(t.size_bytes()) == t.size(), "the last byte maps to the end", d.meta.id);
    need(t.cp_of_utf16(t.size_utf16()) == t.size(), "the last UTF-16 unit maps to the end", d.meta.id);
    need(valid_utf8(d.meta.id) && valid_utf8(d.meta.title) && valid_utf8(d.meta.outlet) &&
             valid_utf8(d.meta.author) && valid_utf8(d.meta.date),
         "document metadata is valid UTF-8", d.meta.id);
}

}  // namespace cm::fuzz
