// The set of articles the reader has open: the bundled sample corpus, read
// from a JSON manifest plus one UTF-8 text file per article.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text.h"

namespace cm {

struct DocumentMeta {
    std::string id;        // stable, unique within the corpus
    std::string title;     // the headline (not always the text's first line)
    std::string outlet;    // empty when the text does not say
    std::string author;
    std::string date;      // ISO 8601 (YYYY-MM-DD or YYYY-MM), empty when unknown
    std::string date_note; // where the date comes from, when it is indirect
    std::string file;      // text file, relative to the manifest
};

struct Document {
    DocumentMeta meta;
    Text text;
    std::vector<std::string> warnings;  // shown with the document (e.g. invalid UTF-8)
    // SHA-256 of the text's UTF-8 (hex), computed once: the text never
    // changes, and saves name every document by it. Empty: not computed.
    std::string sha256;
};

struct Corpus {
    std::vector<Document> documents;
    std::vector<std::string> problems;  // manifest or file problems, in plain words

    const Document* find(std::string_view id) const;
    int index_of(std::string_view id) const;  // -1 if absent
};

// Prepares raw article bytes for display and offsets: drops a UTF-8 BOM and
// turns CRLF and lone CR into LF, so offsets are the same on every platform.
std::string normalise_newlines(std::string_view raw);

// Makes a document from raw bytes; invalid UTF-8 becomes U+FFFD with a warning.
Document make_document(DocumentMeta meta, std::string_view raw);
// That warning: "3 invalid UTF-8 sequences were replaced by � …".
std::string invalid_utf8_warning(size_t replaced);

using ReadFileFn = std::function<std::optional<std::string>(const std::string& path)>;

// Never fails as a whole: an unreadable entry is skipped and reported in
// Corpus::problems, the rest still load.
Corpus load_corpus(std::string_view manifest_json, const ReadFileFn& read_file);

}  // namespace cm
