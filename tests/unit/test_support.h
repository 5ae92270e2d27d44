// Small helpers shared by the unit tests.
#pragma once
#include <optional>
#include <random>
#include <string>

#include "core/corpus.h"

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

// Two small articles for the file-format tests: curly quotes, a quote
// interrupted by its attribution, an emoji and a combining mark (so offsets
// in code points differ from UTF-16 units and from bytes).
inline const char* const kFixtureTextA =
    "Ren Zhengfei said \xE2\x80\x9CWe are not interested in the US market,\xE2\x80\x9D he told AllThingsD, "
    "\xE2\x80\x9C"
    "anymore.\xE2\x80\x9D \xF0\x9F\x98\x80 Cafe\xCC\x81 owners disagreed.";
inline const char* const kFixtureTextB = "Huawei denied it. Ren Zhengfei was misquoted, a spokesman said.";

inline Document doc(const std::string& id, const std::string& text, const std::string& title = "",
                    const std::string& outlet = "", const std::string& date = "") {
    DocumentMeta m;
    m.id = id;
    m.title = title.empty() ? id : title;
    m.outlet = outlet;
    m.date = date;
    return make_document(m, text);
}

}  // namespace cm::test
