// The native project file: {"format": "claimmark", "version": 1, ...}, the
// one JSON file a user exports, moves to a colleague and imports again. It
// holds the documents (with their text unless exporting annotations only),
// labels, entities, annotations with their quotes, relations and zones, so
// that another tool can re-anchor every range. docs/data-model.md
// ("Project file") documents it; docs/claimmark.schema.json describes it.
//
// Importing never fails whole when most of the file is good: it lists every
// problem with its JSON path, what is wrong and what was done, skips only the
// objects it cannot keep, and re-anchors ranges by their quotes.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annotations.h"
#include "corpus.h"
#include "quote_anchor.h"  // kQuoteContext: the context written around each range

namespace cm {

constexpr int kProjectFormatVersion = 1;

struct ProjectWriteOptions {
    bool include_text = true;  // false: "annotations only", documents without their text
    bool pretty = true;        // false: no indentation (the autosave: a third smaller, faster)
};

// The project as pretty-printed JSON (2-space indent, keys in the documented
// order). Deterministic: the same annotations and documents always give the
// same bytes. Documents are written in the order given (normally the
// corpus's); spans and zones of a document not given are still written, but
// their ranges carry no quotes.
std::string project_to_json(const Annotations& a, const std::vector<Document>& documents,
                            const ProjectWriteOptions& options = {});

enum class ImportMode {
    Replace,  // the file's annotations replace the model (ids kept)
    Merge,    // both are kept: incoming objects get fresh ids, labels and entities are matched
};

struct ImportProblem {
    std::string path;  // JSON pointer into the file, e.g. "/annotations/12/ranges/0"; "" = the whole file
    std::string what;  // what is wrong, in plain words
    std::string done;  // what the import did about it, e.g. "skipped this annotation"
    bool fatal = false;
};

// "/annotations/12/ranges/0: what is wrong; what was done."
std::string to_string(const ImportProblem& p);

struct ProjectImport {
    bool ok = false;  // false after a fatal problem: nothing to apply
    // The whole new state: the file's annotations (Replace) or the current
    // ones plus the file's (Merge). Keeps every invariant of the editor once
    // new_documents are in the corpus.
    Annotations annotations;
    // Documents of the file whose text is not open: add them to the corpus
    // before applying `annotations`.
    std::vector<Document> new_documents;
    std::vector<ImportProblem> problems;  // in file order within each section
    // The documents the file lists, and which of them are open here (ids
    // here, in file order): what a comparison with a colleague's file covers.
    size_t file_documents = 0;
    std::vector<std::string> open_documents;
};

// The text of a document the file lists without one, when it is kept
// elsewhere (browser storage keeps texts apart from the project); nullopt
// when there is none.
using StoredTextFn = std::function<std::optional<std::string>(const std::string& id)>;

// Reads a project file against the open documents (`corpus`) and the current
// annotations. Never throws and never changes anything itself: the caller
// adds new_documents to the corpus, then hands `annotations` to
// Editor::reset (Replace) or Editor::replace_all (Merge, one undo step).
//
// Documents are matched to open ones by SHA-256 of the text first, then by
// id; a range whose quote ("exact") is not at its offsets is re-anchored
// where the quote is (prefix and suffix choose among several places). Fatal,
// with nothing loaded: malformed JSON, another "format", a version other than
// kProjectFormatVersion.
ProjectImport import_project(std::string_view json, const std::vector<Document>& corpus, const Annotations& current,
                             ImportMode mode, const StoredTextFn& stored_texts = nullptr);

}  // namespace cm
