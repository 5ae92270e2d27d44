// Word and paragraph boundaries, for double- and triple-click selection.
// Deliberately simple rules that suit news prose: a word is a run of letters
// and digits, with apostrophes inside it ("Huawei’s", "don't") and no-break
// joiners; everything else is a one-character word of its own, except runs
// of spaces, which go together.
#pragma once
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace cm {

bool is_word_char(char32_t c);

// [begin, end) of the word (or space run, or punctuation mark) at cp.
std::pair<size_t, size_t> word_at(const std::u32string& text, size_t cp);
// [begin, end) of the '\n'-separated paragraph containing cp (without the '\n').
std::pair<size_t, size_t> paragraph_at(const std::u32string& text, size_t cp);

}  // namespace cm

namespace cm {

// What a selection becomes when it is labelled: leading and trailing white
// space dropped; with `to_words`, a range that starts or ends inside a word
// grows to the whole word. An all-space range comes back empty.
std::pair<size_t, size_t> tidy_range(const std::u32string& text, size_t begin, size_t end, bool to_words);

// Every occurrence of `needle` in `text` (non-overlapping, left to right);
// with `whole_words`, only those not touching a word character on either side.
std::vector<std::pair<size_t, size_t>> find_all(const std::u32string& text, const std::u32string& needle,
                                                bool whole_words);

}  // namespace cm
