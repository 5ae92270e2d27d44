// Annotations handed over already parsed, column by column, for one
// document: what a page's JavaScript has when it holds W3C Web Annotations
// as objects (the benchmark contract's benchLoad, docs/benchmarks.md). Going
// through JSON text instead meant serialising 4 MB in the page and parsing
// it again in the wasm, most of the load time of the 1 MB / 10k fixture.
// The checks are the W3C importer's: ranges inside the text, the quote where
// the offsets say (else re-anchored by its quote, else left out and
// counted), relations only between placed spans of fitting labels.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/annotations.h"
#include "core/corpus.h"

namespace cm::formats {

struct SpanColumns {
    // Span k: [start[k], end[k]) in code points, label_names[label[k]], and
    // its TextQuoteSelector's exact text (empty: none given).
    std::vector<uint32_t> start, end, label;
    std::vector<std::string> exact;
    std::vector<std::string> label_names;
    // Relation k: span from[k] to span to[k] (indices into the spans),
    // relation_names[relation[k]] ("said_by", "reported_by", …).
    std::vector<uint32_t> from, to, relation;
    std::vector<std::string> relation_names;
};

struct ColumnsImport {
    bool ok = false;          // false: the columns do not line up (nothing to apply)
    Annotations annotations;  // `current`'s labels (plus new ones), the placed spans and relations
    size_t placed = 0, reanchored = 0, left_out = 0, relations_left_out = 0;
    std::string problem;      // why not ok
};

// Spans and relations for `doc`, replacing every annotation; labels are
// found by name in `current` (new names become new labels of role Other).
ColumnsImport import_columns(const SpanColumns& c, const Document& doc, const Annotations& current);

}  // namespace cm::formats
