// Small helpers shared by the unit tests.
#pragma once
#include <optional>
#include <random>
#include <string>

#include <catch2/catch.hpp>

#include "core/corpus.h"
#include "core/editor.h"

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

// Editor commands under test; `snapshot` serialises the state compared.
// A refused command returns false or kNoId and changes nothing: not the
// state, not the history, not the revision.
template <class Snapshot, class Fn>
void check_refused(Editor& ed, Snapshot snapshot, Fn command) {
    const std::string before = snapshot();
    const size_t history = ed.history_size();
    const uint64_t revision = ed.revision();
    CHECK_FALSE(command());
    CHECK(snapshot() == before);
    CHECK(ed.history_size() == history);
    CHECK(ed.revision() == revision);
}

// A command that succeeds as one undo step named `name`, keeps the
// invariants, and whose undo and redo give back exactly the states before
// and after it. Returns what the command returned.
template <class Snapshot, class Fn>
auto check_undoable(Editor& ed, Snapshot snapshot, const std::string& name, Fn command) {
    const std::string before = snapshot();
    const size_t history = ed.history_size();
    const auto result = command();
    REQUIRE(result);
    const std::string after = snapshot();
    CHECK(after != before);
    CHECK(ed.history_size() == history + 1);
    CHECK(ed.undo_name() == name);
    CHECK(ed.check_invariants() == "");
    REQUIRE(ed.undo());
    CHECK(snapshot() == before);
    CHECK(ed.redo_name() == name);
    REQUIRE(ed.redo());
    CHECK(snapshot() == after);
    return result;
}

}  // namespace cm::test
