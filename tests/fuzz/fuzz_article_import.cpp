// Fuzzes draft_article (pasted, opened or dropped articles) on the same bytes
// as pasted text and as a .txt, .md and .html file. What a unit test checks
// (tests/unit/test_article_import.cpp): a refusal says why and gives no text;
// a draft is valid UTF-8 with LF newlines, some readable text, a title, a
// date in ISO form or none; and the Document made from it is well-formed,
// named by its text's SHA-256.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/article_import.h"
#include "fuzz_common.h"

using namespace cm;
using cm::fuzz::need;
using cm::fuzz::valid_utf8;

namespace {

bool digits(std::string_view s, size_t at, size_t n) {
    for (size_t i = at; i < at + n; ++i)
        if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    return true;
}

// "", "YYYY-MM" or "YYYY-MM-DD".
bool iso_date_or_empty(std::string_view d) {
    if (d.empty()) return true;
    if (d.size() != 7 && d.size() != 10) return false;
    if (!digits(d, 0, 4) || d[4] != '-' || !digits(d, 5, 2)) return false;
    return d.size() == 7 || (d[7] == '-' && digits(d, 8, 2));
}

bool has_non_space(std::string_view s) {
    for (const char c : s)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return true;
    return false;
}

void check(std::string_view name, std::string_view bytes) {
    const ArticleDraft d = draft_article(name, bytes);
    need(d.meta.file == name, "the draft keeps the file name");
    if (!d.ok) {
        need(!d.error.empty() && valid_utf8(d.error), "a refusal says why");
        need(d.text.empty(), "a refusal gives no text");
        return;
    }
    need(d.error.empty(), "a draft has no error", d.error);
    need(valid_utf8(d.text), "the text is valid UTF-8");
    need(d.text.find('\r') == std::string::npos, "the text has LF newlines only");
    need(has_non_space(d.text), "the text has something readable");
    need(!d.meta.title.empty(), "the draft has a title");
    need(valid_utf8(d.meta.title) && valid_utf8(d.meta.outlet) && valid_utf8(d.meta.author) &&
             valid_utf8(d.meta.date_note),
         "the metadata is valid UTF-8");
    need(iso_date_or_empty(d.meta.date), "the date is YYYY-MM-DD, YYYY-MM or empty", d.meta.date);
    for (const std::string& s : d.notes) need(!s.empty() && valid_utf8(s), "notes are valid UTF-8 words");
    for (const std::string& s : d.warnings) need(!s.empty() && valid_utf8(s), "warnings are valid UTF-8 words");

    const Document doc = make_article(d);
    cm::fuzz::check_document(doc);
    need(doc.text.invalid_sequences() == 0, "the document's text needed no replacement");
    need(doc.meta.id == document_id_for(doc.text.utf8()) && doc.meta.id.size() == 16,
         "the document is named by its text's SHA-256");
    need(!doc.meta.title.empty(), "the document has a title");
    need(doc.warnings.size() >= d.warnings.size(), "the draft's warnings reach the document");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    need(guess_format("", bytes) == guess_format("", bytes), "guess_format is a function of its input");
    for (const char* name : {"", "article.txt", "article.md", "article.html"}) check(name, bytes);
    return 0;
}
