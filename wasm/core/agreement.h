// Inter-annotator agreement and adjudication: compares two annotators' work
// on the same documents ("mine", the open project, and "theirs", typically a
// colleague's project file read with import_project in Replace mode against
// an empty model) and helps merge theirs into mine one decision at a time.
//
// The two sides come from different files, so ids mean nothing across them:
//   - spans match by document id and ranges (exactly, or by code-point
//     overlap, one-to-one, greedily by the largest overlap);
//   - labels match by NAME (the span's label name on each side);
//   - entities match when their name-or-alias sets share a string;
//   - relations match when both ends are matched spans and the types agree.
//
// Scores treat "theirs" as the reference: precision = both / mine's count,
// recall = both / theirs' count, F1 = 2 * both / (mine's + theirs') (the same
// as 2PR/(P+R), and symmetric). Every ratio whose denominator is 0 is
// reported as 0, never NaN; the counts it comes from are always given, so a
// UI shows "n/a" when they are 0. The one other convention: Cohen's kappa is
// 1 when both annotators used a single, identical category throughout
// (expected agreement 1). docs/agreement.md has the rules and a worked example.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "annotations.h"

namespace cm {

class Editor;

// --- span matching ---------------------------------------------------------

enum class MatchMode : uint8_t {
    Exact,    // same document, same ranges (every range equal)
    Overlap,  // same document, at least one code point in common
};

struct MatchOptions {
    MatchMode mode = MatchMode::Overlap;
    bool same_label = false;  // true: only spans whose label names are equal can match
};

struct SpanPair {
    Id mine = kNoId, theirs = kNoId;
    uint32_t overlap = 0;      // code points covered by both
    bool same_ranges = false;  // ranges identical
    bool same_label = false;   // label names identical
};

struct SpanMatching {
    std::vector<SpanPair> pairs;             // in mine's order: document, then start, end, id
    std::vector<Id> mine_only, theirs_only;  // each in its side's order: document, then start, end, id
};

// Code points a span covers (the sum of its ranges' lengths).
uint32_t span_length(const Span& s);
// Code points two spans both cover (any documents: the caller checks).
uint32_t overlap_length(const Span& a, const Span& b);

// Matches the spans of one document one-to-one. Candidates are the pairs the
// mode allows (and, with same_label, of equal label names); they are taken
// greedily, best first: larger overlap, then smaller union (so an exact fit
// beats a longer span covering it), then equal label names, then mine's
// position, then theirs' (position = start, end, id). Deterministic.
SpanMatching match_spans(const Annotations& mine, const Annotations& theirs, const std::string& doc,
                         const MatchOptions& options = {});
// The same over several documents, concatenated in the order given (a
// document listed twice counts once).
SpanMatching match_documents(const Annotations& mine, const Annotations& theirs,
                             const std::vector<std::string>& docs, const MatchOptions& options = {});

// Every document with a span on either side, sorted.
std::vector<std::string> annotated_documents(const Annotations& mine, const Annotations& theirs);

// The name of a span's label, "" when the label does not exist.
std::string label_name(const Annotations& a, const Span& s);
// Two entities are the same when {name} + aliases of one shares a string
// (exact, case-sensitive) with that of the other.
bool same_entity(const Entity& a, const Entity& b);

// --- scores ----------------------------------------------------------------

// Precision, recall and F1 with "theirs" as the reference; 0 where the
// denominator is 0 (see the counts).
struct Prf {
    size_t both = 0, mine_only = 0, theirs_only = 0;
    double precision = 0, recall = 0, f1 = 0;
};
Prf make_prf(size_t both, size_t mine_only, size_t theirs_only);

struct SpanScores {
    Prf overall;                          // label-aware: a pair needs equal label names (micro average)
    std::map<std::string, Prf> by_label;  // by label name; every name used by either side in scope
    Prf any_label;                        // label-blind: the ranges only
};

// Cohen's kappa over the label names of matched span pairs.
// table[i][j] = pairs that mine labelled categories[i] and theirs categories[j].
// observed = agreeing / pairs; expected = sum over names of
// (mine's share) * (theirs' share); kappa = (observed - expected) / (1 - expected).
// No pairs: observed, expected and kappa are all 0. Expected 1 (both sides
// used one and the same name for every pair, so observed is 1 too): kappa 1.
struct LabelAgreement {
    size_t pairs = 0, agreeing = 0;
    double observed = 0, expected = 0, kappa = 0;
    std::vector<std::string> categories;     // sorted names used by either side
    std::vector<std::vector<size_t>> table;  // [mine's category][theirs' category]
};
// From (mine's name, theirs' name) pairs directly.
LabelAgreement label_agreement(const std::vector<std::pair<std::string, std::string>>& pairs);

struct RelationAgreement {
    // Only relations whose two ends are both matched spans (on their own
    // side): the relation decisions where both annotators found the spans.
    Prf on_matched_spans;
    // Every relation with both ends in scope: end-to-end, so it also drops
    // when the spans disagree.
    Prf all;
};

// Over matched pairs where both spans are speakers or sources (their label
// roles can hold an entity). Pairs where neither side linked an entity carry
// no decision and are left out of `agreement`:
// agreement = same / (same + different + mine_only_linked + theirs_only_linked), 0 if that is 0.
struct EntityAgreement {
    size_t pairs = 0;
    size_t same = 0, different = 0;                       // both linked: same_entity or not
    size_t mine_only_linked = 0, theirs_only_linked = 0;  // one side linked
    size_t neither_linked = 0;
    double agreement = 0;
};

struct AgreementOptions {
    // The documents compared, in order; empty = annotated_documents().
    std::vector<std::string> documents;
};

struct AgreementReport {
    std::vector<std::string> documents;  // those compared
    SpanScores exact, overlap;           // MatchMode::Exact and MatchMode::Overlap
    // The rest use the label-blind overlap matching (what the diff view shows).
    LabelAgreement labels;
    RelationAgreement relations;
    EntityAgreement entities;
};

AgreementReport compare_annotations(const Annotations& mine, const Annotations& theirs,
                                    const AgreementOptions& options = {});

// --- diff view -------------------------------------------------------------

enum class DiffKind : uint8_t { Both, MineOnly, TheirsOnly };

struct DiffItem {
    DiffKind kind = DiffKind::Both;
    Id mine = kNoId, theirs = kNoId;  // kNoId on the side that has no span
    uint32_t start = 0, end = 0;      // the extent of both spans together
    bool labels_agree = false;        // Both: equal label names
    bool ranges_agree = false;        // Both: identical ranges
};

// One document's spans matched label-blind (as the label agreement does),
// sorted by start, then end, then kind (Both, MineOnly, TheirsOnly), then
// mine's id, then theirs'.
std::vector<DiffItem> diff_document(const Annotations& mine, const Annotations& theirs, const std::string& doc,
                                    MatchMode mode = MatchMode::Overlap);

// --- adjudication ----------------------------------------------------------
// Each helper is one undo step on the editor (mine), or changes nothing.
// Labels are found by name in mine and created (with theirs' colour and
// role) when missing; entities are found by name, then by any alias overlap
// (the lowest id wins), and created (with theirs' kind, aliases and external
// id) when missing.

// Adds their span (ranges, label, entity, note and attributes; not its
// relations) to mine. Returns mine's new span id, or kNoId if refused (no
// such span in theirs, or mine refuses it, e.g. an unknown document).
Id adopt_theirs(Editor& editor, const Annotations& theirs, Id their_span);

struct AdoptParts {
    bool label = true;   // relabel mine to their label's name
    bool ranges = true;  // take their ranges
    bool entity = true;  // link (or unlink) as they did, when mine's role can hold an entity
};
// For a Both pair: makes mine's span like theirs, keeping its id, note,
// attributes and those relations the new label's role still allows (as
// Editor::relabel_span). True if done or nothing to do.
bool adopt_theirs_pair(Editor& editor, const Annotations& theirs, Id my_span, Id their_span,
                       const AdoptParts& parts = {});

// Rejects mine's span of a MineOnly item: Editor::delete_span.
bool drop_mine(Editor& editor, Id my_span);

}  // namespace cm
