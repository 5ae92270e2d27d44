// The claims table: one row per claim, for spreadsheets. RFC 4180 (fields
// with a comma, quote or line break in double quotes, quotes doubled, CRLF
// between rows) with a UTF-8 byte-order mark, without which Excel reads the
// file in the system's legacy code page and garbles curly quotes, accents
// and emoji. docs/formats.md ("CSV claims table") lists the columns.
#pragma once
#include <string>
#include <vector>

#include "core/annotations.h"
#include "core/corpus.h"
#include "export.h"

namespace cm::formats {

struct CsvOptions {
    // Cells starting with '=', '+', '-' or '@' get a leading apostrophe, so a
    // spreadsheet shows article text instead of running it as a formula
    // (CSV injection). Off for pipelines that want the text as it is.
    bool guard_formulas = true;
};

// One CSV field: quoted when it holds a comma, a quote or a line break;
// with `guard`, a leading '=', '+', '-' or '@' gets an apostrophe first.
std::string csv_field(const std::string& s, bool guard);

// One file, "claims.csv": document_id, document_title, claim_text, speaker,
// source, ranges, quote_type, note. Claims in document order (the documents'
// order, then by position).
Export export_csv(const Annotations& a, const std::vector<Document>& documents, const CsvOptions& options = {});

}  // namespace cm::formats
