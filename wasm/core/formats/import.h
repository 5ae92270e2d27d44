// What importers from standard formats share: JSON parsed without exceptions
// (the web build has none) but with the parser's message, JSON pointers for
// problem paths, and re-anchoring a range by its quote when its offsets no
// longer point at it (the same rules as the project file, docs/data-model.md).
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/text.h"
#include "export.h"

namespace cm::formats {

// False, with nlohmann's message ("[json.exception.parse_error.101] …") in
// `error`, when `text` is not JSON.
bool parse_json(std::string_view text, nlohmann::json& out, std::string& error);

// JSON pointer steps (RFC 6901: "~" and "/" in a key are escaped).
std::string json_at(const std::string& path, const std::string& key);
std::string json_at(const std::string& path, size_t index);

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

}  // namespace cm::formats
