// A range's quote (its text with some context either side, as the project
// file and W3C TextQuoteSelectors carry it), and re-anchoring a range by its
// quote when its offsets no longer point at it: the one rule every importer
// uses (docs/data-model.md, "Project file").
#pragma once
#include <optional>
#include <string>

#include "annotations.h"
#include "text.h"

namespace cm {

constexpr size_t kQuoteContext = 32;  // code points of prefix and suffix around a quote

// The text of a range and up to `context` code points either side (fewer
// at the ends of the text).
struct Quote {
    std::string exact, prefix, suffix;
};
Quote quote_of(const Text& text, const Range& r, size_t context = kQuoteContext);

// A quote for a message, in double quotes: at most 40 code points.
std::string short_quote(const std::string& s);
// Where a range stands in a text, given its offsets and/or its quote.
struct Anchoring {
    std::optional<Range> range;  // none: it cannot be placed (an orphan); `what` says why
    std::string what;  // empty when the range stands where it was given (or, with no offsets, where its quote is)
    std::string done;  // what was done about it ("re-anchored it to 18-44, where the quote is")
};

// `position` is where the range was (none when not given); `quote` its text
// with context (none, or an empty exact, when not given). The position wins
// when the quote is there with its prefix and suffix; otherwise the quote is
// looked for in the whole text, and among several places the one whose
// surroundings agree longest with prefix and suffix wins, then the one
// nearest the old position.
Anchoring anchor(const Text& text, std::optional<Range> position, const std::optional<Quote>& quote);

}  // namespace cm
