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
    std::string sha256;     // of text (hex), when ok: the id comes from it
    std::vector<std::string> notes;     // what was done, e.g. "HTML converted to text: 3 scripts …"
    std::vector<std::string> warnings;  // carried to the Document (e.g. invalid UTF-8 replaced)
};

// `file_name` may be empty (pasted text). Never fails as a whole: a refusal
// is a draft with ok == false and an error.
ArticleDraft draft_article(std::string_view file_name, std::string_view bytes);

// A draft but its text as JSON, and back: how the web page's import worker
// hands a converted article to the app (the text travels apart, as bytes).
// Reading never fails as a whole: unreadable JSON is a draft with an error.
std::string draft_to_json(const ArticleDraft& draft);
ArticleDraft draft_from_json(std::string_view json_text, std::string text);

// The document id for a text: the first 16 hex digits of the SHA-256 of its
// UTF-8 bytes (16 hex digits, as the bundled corpus ids are).
std::string document_id_for(std::string_view utf8_text);

// The Document for a (possibly edited) draft: make_document on draft.text,
// meta.id = document_id_for(the document's text), the draft's warnings kept.
// An empty title becomes the id, as in the corpus manifest.
Document make_article(const ArticleDraft& draft);

// make_article a slice at a time, so a 20 MB article is indexed across
// frames instead of freezing the page. The draft's sha256 is trusted when
// its text is what a Document would hold (valid UTF-8, LF newlines, as
// draft_article makes it); otherwise the text is normalised and hashed.
class ArticleBuilder {
public:
    explicit ArticleBuilder(ArticleDraft draft);
    bool step(size_t max_bytes);  // true when finish() has nothing left to do
    double progress() const { return text_.progress(); }
    const DocumentMeta& meta() const { return meta_; }
    Document finish();

private:
    ArticleBuilder(ArticleDraft&& draft, bool normalised);
    DocumentMeta meta_;
    std::vector<std::string> warnings_;
    std::string sha256_;  // empty: hash the finished text
    TextBuilder text_;
};

}  // namespace cm
