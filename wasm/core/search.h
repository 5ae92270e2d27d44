// Searching the corpus: the articles' text and the notes on annotations.
//
// Offsets are code points, like every offset in the model. Three options:
//   - case: off by default; then letters are compared by simple case folding
//     (ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic), so "élysée"
//     finds "Élysée";
//   - whole word: a hit must not touch a word character (text_boundaries'
//     is_word_char) on either side, so "Huawei" finds "Huawei’s" but not
//     "Huaweis";
//   - regex: an ECMAScript pattern (std::regex), checked first
//     (regex_check.h) so a bad one is a message, never an exception.
// Without regex, straight and curly quotes are the same character: ' finds
// ’ and ‘, " finds “ and ” (and the other way round), as news text mixes them.
// A regex match never crosses a line break (each paragraph is searched on its
// own, so ^ and $ are a paragraph's ends); zero-length matches are skipped.
// A search stops at max_hits (capped) or after its time budget (stopped):
// a pathological pattern costs a bounded time, and the hits so far are kept.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "annotations.h"
#include "corpus.h"

namespace cm {

struct SearchOptions {
    bool case_sensitive = false;
    bool whole_word = false;
    bool regex = false;
    bool include_notes = true;
    std::string only_doc;  // a document id, or empty for the whole corpus
    size_t max_hits = 5000;
    double time_budget_seconds = 2.0;
};

struct SearchHit {
    std::string doc;          // the document searched (for a note: the span's document)
    uint32_t start = 0, end = 0;  // code points, in the text or in the note
    Id span = kNoId;          // a note hit: the span whose note matched; kNoId for text
    bool in_note() const { return span != kNoId; }
};

struct SearchResult {
    // By document in corpus order; in each, text hits by offset, then note
    // hits in the order of their spans (Annotations::spans_in).
    std::vector<SearchHit> hits;
    std::string error;     // the pattern is invalid: what is wrong (no hits)
    bool capped = false;   // stopped at max_hits: there are more
    bool stopped = false;  // stopped at the time budget: there may be more
    size_t documents_with_hits = 0;
    size_t note_hits = 0;
};

// An empty query finds nothing (and is no error).
SearchResult search_corpus(const Corpus& corpus, const Annotations& annotations, const std::string& query,
                           const SearchOptions& options);
// One code point's fold for case-insensitive matching (1:1, so offsets stay).
char32_t fold_case_simple(char32_t c);
// Straight and curly quotes and apostrophes as one: ‘ ’ ‛ → ', “ ” „ ‟ → ".
char32_t fold_quote(char32_t c);

// A hit with a few words of context either side, on one line (line breaks
// and tabs become spaces), "…" where the context was cut short; a very long
// hit is shortened in its middle.
struct SearchSnippet {
    std::string before, match, after;  // UTF-8
};
SearchSnippet search_snippet(const std::u32string& text, size_t start, size_t end, size_t words_each_side = 5,
                             size_t max_context_chars = 60, size_t max_match_chars = 80);

}  // namespace cm
