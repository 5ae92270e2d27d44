// W3C Web Annotation (JSON-LD): export of the whole annotation state as one
// AnnotationCollection, and import of such a file (or of a page, one
// annotation or a list of them, e.g. from Hypothesis or Recogito) against the
// open documents, re-anchoring by quote. docs/formats.md ("W3C Web
// Annotation") describes the mapping.
//
// Offsets in TextPositionSelector are Unicode code points, as the model
// requires (not UTF-16 units, which JavaScript tools sometimes write).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/annotations.h"
#include "core/corpus.h"
#include "core/project_json.h"  // ImportProblem
#include "export.h"

namespace cm::formats {

// One file, "annotations.w3c.jsonld". Spans become annotations with a
// `tagging` body (the label), an `identifying` body (the entity) and a
// `commenting` body (the note); a span with several ranges has one target
// per range. Relations become `linking` annotations whose targets are the
// two span annotations (from, then to); zones `classifying` annotations.
// A claim cluster is a `linking` annotation ("urn:claimmark:cluster:<id>")
// with a `tagging` body "claim-cluster" and a `describing` body (its gloss,
// left out when empty) whose targets are its claims' annotations; a cluster
// relation is a `linking` annotation with a `tagging` body "supports" or
// "contradicts" whose targets are the two cluster annotations (from, to).
// Targets name their document by the SHA-256 of its text
// ("urn:sha256:<hex>"), or "urn:claimmark:doc:<id>" when the document is not
// given (then without a TextQuoteSelector). ClaimMark-only details (label
// colours and roles, entity kinds and aliases, attributes) ride along in
// "claimmark" JSON literals that other tools ignore, so export → import
// gives the same annotations back.
Export export_w3c(const Annotations& a, const std::vector<Document>& documents);

// An annotation of the file that could not be placed in any given document.
struct Orphan {
    std::string path;    // JSON pointer of the annotation in the file
    std::string id;      // its "id" ("" if it had none)
    std::string source;  // the document it names
    std::string label;   // its tag, if any
    std::string exact;   // the quote of its first target, if any
    std::string why;     // in plain words
};

struct W3cImport {
    bool ok = false;  // false after a fatal problem (not JSON, not annotations): nothing to apply
    // A standalone state with fresh ids (for Editor::reset), keeping every
    // invariant of the editor against `documents`.
    Annotations annotations;
    std::vector<ImportProblem> problems;  // every problem, orphans included, in file order
    std::vector<Orphan> orphans;          // never dropped silently: each is also a problem
};

// Reads a W3C Web Annotation file: an AnnotationCollection (with its pages
// embedded), an AnnotationPage, one Annotation, or a JSON list of them.
// Never throws. Documents are found by "urn:sha256:<hex>" of their text, by
// the collection's ClaimMark document list, or by "urn:claimmark:doc:<id>";
// a document whose text changed is matched by id and its ranges re-anchored.
// A range whose position does not match its TextQuoteSelector is moved to
// where the quote is (prefix and suffix choose among duplicates); an
// annotation that cannot be placed is an orphan.
W3cImport import_w3c(std::string_view json, const std::vector<Document>& documents);

}  // namespace cm::formats
