// Bringing in an article the user pastes, opens or drops: plain text,
// Markdown or HTML becomes readable UTF-8 text (HTML by a small tolerant tag
// scanner: scripts and styles dropped, entities decoded, paragraphs kept),
// with the title, outlet, author and date read where the file gives them.
// The result is a draft the user can correct before it becomes a Document
// whose id is derived from its text, so annotations stay bound to that text.
// Linear in the input and never throws (the web build has no exceptions).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "corpus.h"

namespace cm {

// Larger inputs are refused with a message (documented in docs/data-model.md).
constexpr size_t kMaxArticleBytes = 20 * 1024 * 1024;

enum class ArticleFormat { Text, Markdown, Html };

// By the file name's extension (.txt .md .markdown .html .htm …), else by
// sniffing the start of the bytes ("<!doctype html", "<html", "<p>", a
// leading "# " heading …); plain text when nothing matches.
ArticleFormat guess_format(std::string_view file_name, std::string_view bytes);

struct ArticleDraft {
    bool ok = false;
    std::string error;      // in plain words when !ok (too big, not text, no readable text)
    ArticleFormat format = ArticleFormat::Text;
    DocumentMeta meta;      // title, outlet, author, date (YYYY-MM-DD), date_note, file; no id yet
    std::string text;       // valid UTF-8, LF newlines, paragraphs separated by one blank line
    std::vector<std::string> notes;     // what was done, e.g. "HTML converted to text: 3 scripts …"
    std::vector<std::string> warnings;  // carried to the Document (e.g. invalid UTF-8 replaced)
};

// `file_name` may be empty (pasted text). Never fails as a whole: a refusal
// is a draft with ok == false and an error.
ArticleDraft draft_article(std::string_view file_name, std::string_view bytes);

// The document id for a text: the first 16 hex digits of the SHA-256 of its
// UTF-8 bytes (16 hex digits, as the bundled corpus ids are).
std::string document_id_for(std::string_view utf8_text);

// The Document for a (possibly edited) draft: make_document on draft.text,
// meta.id = document_id_for(the document's text), the draft's warnings kept.
// An empty title becomes the id, as in the corpus manifest.
Document make_article(const ArticleDraft& draft);

}  // namespace cm
