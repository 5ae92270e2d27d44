// A changed article brought in again (an edited file, a corrected copy):
// its annotations move onto the new text, each range re-anchored by its
// quote, and what cannot be placed stays on the earlier version, listed.
// Documents are never rewritten in place: a document's id is the hash of
// its text, so annotations always stay bound to the exact text they mark.
#pragma once
#include <string>
#include <vector>

#include "annotations.h"
#include "corpus.h"

namespace cm {

// The earlier version of an article with this metadata: a document with a
// different id and the same file name (when both have one) or the same
// title (ignoring case and surrounding spaces); the latest added first.
// -1 when there is none.
int earlier_version_of(const Corpus& corpus, const DocumentMeta& meta, const std::string& new_id);

// Annotations (spans and zones) that lie on a document.
size_t annotations_on(const Annotations& a, const std::string& doc);

struct VersionMove {
    Annotations annotations;  // the whole model with the placeable annotations moved
    size_t moved = 0;         // spans and zones now on the new version
    size_t shifted = 0;       // …of which at least one range was found elsewhere
    std::vector<std::string> orphans;  // "Claim “…”" for each one left on the earlier version
};

// Moves the spans and zones of `from` onto `to`: each range is re-anchored
// by its quote with prefix and suffix (quote_anchor.h). A span moves only if
// every range is placed, in order and without overlapping; a zone only if it
// does not overlap a zone already moved. Ids are kept, so relations and
// entity links hold.
VersionMove move_to_new_version(const Annotations& a, const Document& from, const Document& to);

}  // namespace cm
