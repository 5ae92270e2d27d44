// Prodigy / spaCy JSONL: one line per document,
// {"text": …, "spans": [{"start", "end", "label"}, …], "meta": {…}}.
// Offsets are Unicode code points: spaCy's character offsets index a Python
// str, whose characters are code points. docs/formats.md ("Prodigy / spaCy
// JSONL").
#pragma once
#include <vector>

#include "core/annotations.h"
#include "core/corpus.h"
#include "export.h"

namespace cm::formats {

// One file, "prodigy.jsonl": a line per given document, spans in text order,
// one span per range; "meta" holds the document's id and title (Prodigy
// shows it under the task).
Export export_prodigy(const Annotations& a, const std::vector<Document>& documents);

}  // namespace cm::formats
