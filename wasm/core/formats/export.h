// What every exporter to a standard format shares: the result (files plus
// what the format could not hold), the documents by id, quotes with their
// context, and small naming helpers. Each exporter is a pure function of the
// annotations and the documents; docs/formats.md describes the formats.
#pragma once
#include <cstddef>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/annotations.h"
#include "core/corpus.h"
#include "core/quote_anchor.h"

namespace cm::formats {


struct ExportFile {
    std::string name;  // a plain file name, no folders (e.g. "claims.csv", "a.ann")
    std::string content;
};

// An export never fails: what it cannot express is counted in `left_out`, in
// plain words ("3 relations across documents left out: …"), so a user is
// never surprised by what went missing.
struct Export {
    std::vector<ExportFile> files;
    std::vector<std::string> left_out;
};

// Counts what an exporter leaves out, one line per kind, in the order first
// seen: add("relation across documents", "relations across documents",
// "left out: …") three times gives "3 relations across documents left out: …".
class Tally {
public:
    void add(const std::string& one, const std::string& many, const std::string& rest, size_t n = 1);
    std::vector<std::string> lines() const;

private:
    struct Entry {
        std::string one, many, rest;
        size_t count = 0;
    };
    std::vector<Entry> entries_;
};

// The given documents by id (the first of several with one id wins).
class Documents {
public:
    explicit Documents(const std::vector<Document>& documents);
    const Document* find(const std::string& id) const;
    const std::vector<Document>& all() const { return all_; }

private:
    const std::vector<Document>& all_;
    std::map<std::string, const Document*, std::less<>> by_id_;
};


// A span's text: its ranges' text joined by `joiner` (" … " in tables).
std::string span_text(const Text& text, const Span& s, std::string_view joiner);

// "19-58;81-89": a span's ranges in code points, [start, end).
std::string ranges_text(const Span& s);

// The label role of a span (Other when the label is missing).
LabelRole role_of(const Annotations& a, const Span& s);
// The label's name ("" when missing).
std::string label_name(const Annotations& a, const Span& s);

// "Q42" when `external_id` is a Wikidata QID (also given as a Wikidata URL), else "".
std::string wikidata_qid(const std::string& external_id);

// "1 relation" / "3 relations".
std::string count(size_t n, const std::string& one, const std::string& many);

// Every range of a document's spans with its span, sorted by start, end,
// then span id: the span lists of formats without discontinuous spans.
std::vector<std::pair<Range, const Span*>> ranges_in(const Annotations& a, const std::string& doc);

// Spans that overlap another span of their document (shared code points).
size_t overlapping_spans(const Annotations& a, const std::string& doc);

// A plain span list per document as JSON Lines (doccano, Prodigy): one file
// `file_name` with the line `line_of(document, its ranges)` for each given
// document (each id once), and what such a list cannot hold tallied in
// `left_out`: annotations in documents not given, ranges of one span written
// as separate spans, entity links, notes, attributes, relations, zones; and
// the overlapping spans it keeps, with `overlap_note` saying what that means there.
using SpanListLine = std::function<nlohmann::ordered_json(const Document&, const std::vector<std::pair<Range, const Span*>>&)>;
Export export_span_list_jsonl(const Annotations& a, const std::vector<Document>& documents, const std::string& file_name,
                              const std::string& overlap_note, const SpanListLine& line_of);

}  // namespace cm::formats
