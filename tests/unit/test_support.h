// Small helpers shared by the unit tests.
#pragma once
#include <optional>
#include <random>
#include <string>

namespace cm::test {

// Two fake documents: "a" (100 code points) and "b" (40).
inline std::optional<size_t> two_docs_length(const std::string& doc) {
    if (doc == "a") return 100;
    if (doc == "b") return 40;
    return std::nullopt;
}

// One to three random byte edits (deletions or JSON-ish junk): a damaged file.
inline std::string damage(std::string text, std::mt19937& rng) {
    const std::string junk = "{}[],:\"0123456789-.abez \\";
    for (int n = 1 + static_cast<int>(rng() % 3); n > 0; --n) {
        const size_t at = rng() % text.size();
        if (rng() % 3 == 0)
            text.erase(at, 1);
        else
            text[at] = junk[rng() % junk.size()];
    }
    return text;
}

}  // namespace cm::test
