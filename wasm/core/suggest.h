// Attribution suggestions: proposes claim, speaker and source spans, and the
// said_by / reported_by links between them, from the surface cues of news
// prose — quotation marks, reporting verbs ("said", "told Reuters"),
// "according to", appositions ("company spokesman William Plummer"),
// pronouns ("he said") and indirect speech ("X said that …"). The user
// accepts or rejects each suggestion; nothing here edits the annotations.
//
// A small hand-rolled tokenizer and scanner (no regex library: std::regex is
// slow and large in wasm), roughly linear in the text (every cue looks at a
// bounded window of tokens), and it never throws (the web build has no
// exceptions). docs/suggestions.md lists the cues, the measured precision and
// recall on a hand-labelled sample, and the known failure modes.
#pragma once
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "annotations.h"
#include "text.h"

namespace cm {

struct Suggestion {
    LabelRole role = LabelRole::Claim;  // Claim, Speaker or Source
    // Code points, sorted and disjoint: a quote interrupted by "he told
    // AllThingsD" is one claim with two ranges.
    std::vector<Range> ranges;
    std::string why;          // the cue, e.g. "quotation + reporting verb 'said'"
    double confidence = 0;    // 0..1, a rough ranking rather than a probability
    std::string entity;       // speakers and sources: the name of who is meant ("Ren Zhengfei" for "Mr. Ren"); may be empty
    Id entity_id = kNoId;     // ... when it is an entity of the annotations passed in
    uint32_t start() const { return ranges.empty() ? 0 : ranges.front().start; }
    uint32_t end() const { return ranges.empty() ? 0 : ranges.back().end; }
};

struct SuggestedLink {
    size_t from = 0, to = 0;  // indices into Suggestions::spans: a claim, then its speaker or source
    RelationType type = RelationType::SaidBy;
};

struct Suggestions {
    std::vector<Suggestion> spans;  // by start, then end; no two of one role overlap
    std::vector<SuggestedLink> links;
};

struct SuggestOptions {
    // Entities to recognise by name or alias (the cast of a project), and the
    // Comments and Furniture zones of `doc`, where nothing is suggested.
    const Annotations* known = nullptr;
    std::string doc;
    // Nothing is suggested after a reader-comments heading ("Comments",
    // "12 comments", "Leave a reply" on a line of its own).
    bool skip_comments = true;
};

Suggestions suggest(const Text& text, const SuggestOptions& options = {});

// {"suggestions": [{"index", "label" (the role name), "ranges": [{"start",
// "end", "exact"}], "why", "confidence", "entity"?, "entity_id"?}],
// "links": [{"from", "to", "type"}]}; offsets in code points.
nlohmann::ordered_json suggestions_json(const Text& text, const Suggestions& s);
std::string suggestions_to_json(const Text& text, const Suggestions& s);

// ---- evaluation against hand-labelled gold files (docs/suggestions.md) ----

struct GoldSpan {
    std::string id;
    LabelRole role = LabelRole::Claim;
    std::vector<Range> ranges;
    std::string entity;  // optional: who is meant, for the by-entity link score
};

struct GoldLink {
    size_t from = 0, to = 0;  // indices into Gold::spans
    RelationType type = RelationType::SaidBy;
};

struct Gold {
    std::vector<GoldSpan> spans;
    std::vector<GoldLink> links;
};

// Reads a NAME.gold.json against its text. False, with the JSON path of the
// first problem in `error`, when the file is not JSON or a span's text is not
// found (so a gold file cannot silently drift from its article).
bool read_gold(std::string_view json_text, const Text& text, Gold& out, std::string& error);

struct Counts {
    size_t tp = 0, fp = 0, fn = 0;
    double precision() const { return tp + fp == 0 ? 0 : double(tp) / double(tp + fp); }
    double recall() const { return tp + fn == 0 ? 0 : double(tp) / double(tp + fn); }
    double f1() const {
        const double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
};

// Counts summed over documents. Exact: same role and identical ranges;
// overlap: same role and some range overlapping (one-to-one matching).
// Links match when both ends match and the type is the same; "by entity"
// asks only that the claim overlap and the target name the same entity
// (its `entity`, else its text, compared case-insensitively), so linking a
// "he said" quote to a different mention of the right person still counts.
struct Scores {
    size_t documents = 0;
    Counts exact[3], overlap[3];  // by LabelRole: Claim, Speaker, Source
    Counts links_exact, links_overlap, links_entity;
};

void score_suggestions(const Text& text, const Suggestions& got, const Gold& gold, Scores& into);
// A plain-text table of the scores.
std::string format_scores(const Scores& s);

}  // namespace cm
