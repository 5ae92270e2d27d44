// Small helpers shared by the unit tests.
#pragma once
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <functional>

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

// The code-point range of the n-th occurrence of `quote` in a UTF-8 text.
inline Range quote_range(const std::string& text, const std::string& quote, int n = 0) {
    const Text t(text);
    size_t at = text.find(quote);
    while (at != std::string::npos && n-- > 0) at = text.find(quote, at + 1);
    REQUIRE(at != std::string::npos);
    return Range{static_cast<uint32_t>(t.cp_of_byte(at)), static_cast<uint32_t>(t.cp_of_byte(at + quote.size()))};
}

// An Editor's document-length lookup over these documents (kept by value).
inline std::function<std::optional<size_t>(const std::string&)> lengths_of(std::vector<Document> docs) {
    return [docs = std::move(docs)](const std::string& id) -> std::optional<size_t> {
        for (const Document& d : docs)
            if (d.meta.id == id) return d.text.size();
        return std::nullopt;
    };
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

// What undo and redo must give back in a seeded random editing session: the
// state after each step of the history, and where the editor stands in it.
class HistoryOracle {
public:
    // The state before the first operation.
    void start(std::string initial) {
        states_.assign(1, std::move(initial));
        done_ = 0;
    }
    const std::string& initial() const { return states_.front(); }
    const std::string& newest() const { return states_.back(); }

    // An undo (steps -1) or redo (+1) the editor did (ok) or refused.
    void stepped(int steps, bool ok) {
        REQUIRE(ok == (steps < 0 ? done_ > 0 : done_ + 1 < states_.size()));
        if (ok) done_ = steps < 0 ? done_ - 1 : done_ + 1;
    }
    // Checks an operation: undo and redo land exactly on the recorded state;
    // a command that changed the revision is one new step (the redo tail
    // gone); anything else changed nothing. The invariants hold throughout.
    void check(const Editor& ed, bool undo_or_redo, bool ok, uint64_t revision_before, size_t history_before,
               const std::string& before, const std::string& after) {
        if (undo_or_redo) {
            REQUIRE(after == states_[done_]);
        } else if (ed.revision() != revision_before) {
            REQUIRE(ok);
            REQUIRE(after != before);
            states_.resize(done_ + 1);
            states_.push_back(after);
            ++done_;
            REQUIRE(ed.history_size() == done_);
        } else {
            REQUIRE(after == before);
            REQUIRE(ed.history_size() == history_before);
        }
        REQUIRE(ed.check_invariants() == "");
    }

private:
    std::vector<std::string> states_;
    size_t done_ = 0;  // mirrors the editor's position in the history
};

}  // namespace cm::test

