// brat standoff: per document a .txt (the text exactly) and an .ann file
// with text-bound annotations (T, discontinuous ranges as "0 5;9 12"),
// relations (R), attributes (A), entity links (N) and notes (#), plus the
// collection's annotation.conf and visual.conf so brat shows the labels in
// their colours. docs/formats.md ("brat standoff") describes the mapping.
//
// Offsets are Unicode code points: brat (Python 3) reads the .txt as UTF-8
// and counts characters of a str, which are code points.
#pragma once
#include <vector>

#include "core/annotations.h"
#include "core/corpus.h"
#include "export.h"

namespace cm::formats {

// Files "<document>.txt" and "<document>.ann" for each given document (the
// id with characters other than letters, digits, '.', '_' and '-' replaced
// by '_'), then "annotation.conf" and "visual.conf".
Export export_brat(const Annotations& a, const std::vector<Document>& documents);

}  // namespace cm::formats
