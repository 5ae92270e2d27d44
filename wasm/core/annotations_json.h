// The annotations as JSON: what claimmark.state() returns and, from issue 4
// on, what a project file holds. The schema is described in docs/data-model.md.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annotations.h"
#include "editor.h"

namespace cm {

constexpr int kAnnotationsSchemaVersion = 1;

// {"schema": "claimmark/annotations", "version": 1, "labels": [...], "spans": [...], ...}
// Deterministic: the same annotations always give the same bytes.
std::string annotations_to_json(const Annotations& a, int indent = -1);

// A span's fields in the documented order, with its ranges as the caller
// writes them (the state: [start, end] pairs; the project file: objects
// with their quotes).
nlohmann::ordered_json span_to_json(const Span& s, nlohmann::ordered_json ranges);

struct AnnotationsLoad {
    std::optional<Annotations> annotations;  // set only when there are no errors
    std::vector<std::string> errors;         // plain words, e.g. "span 12: range 40-90 is past the end of document f300… (60 characters)"
};
// Never throws. Rejects malformed JSON, another schema or version, and any
// content that breaks an invariant (ranges against doc_length).
AnnotationsLoad annotations_from_json(std::string_view json, const DocLengthFn& doc_length);

}  // namespace cm
