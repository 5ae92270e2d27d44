// doccano JSONL for sequence labelling: one line per document,
// {"text": …, "label": [[start, end, "Label"], …], "document": id}.
// Offsets are Unicode code points: doccano (Python) indexes the text as a
// str, whose characters are code points. docs/formats.md ("doccano JSONL").
#pragma once
#include <vector>

#include "core/annotations.h"
#include "core/corpus.h"
#include "export.h"

namespace cm::formats {

// One file, "doccano.jsonl": a line per given document, spans in text order,
// one [start, end, label] per range. Extra keys ("document", "title")
// become the example's metadata in doccano.
Export export_doccano(const Annotations& a, const std::vector<Document>& documents);

}  // namespace cm::formats
