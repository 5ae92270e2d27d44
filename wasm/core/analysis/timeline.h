// Claims by date: a claim's own "date" attribute (when it was said, which
// the reader can set in the inspector) else its article's date. Sorted by
// date, then article, then position, so a walk-back ("we are not leaving the
// U.S.") comes after the statement it walks back; each entry lists the
// earlier claims it contradicts (claim links and cluster relations alike).
#pragma once
#include <string>
#include <vector>

#include "core/analysis/attribution.h"

namespace cm::analysis {

struct TimelineEntry {
    Id claim = kNoId;
    std::string date;             // YYYY, YYYY-MM or YYYY-MM-DD
    bool dated_by_claim = false;  // the claim's own date, not its article's
    std::vector<Party> speakers;
    Id cluster = kNoId;
    std::vector<Id> contradicts_earlier;  // claims earlier in the timeline this one contradicts
};

struct Timeline {
    std::vector<TimelineEntry> entries;  // dated claims, in time order
    size_t undated = 0;                  // claims with no date of their own or of their article
};

Timeline claim_timeline(const Annotations& a, const Corpus& corpus);

// YYYY, YYYY-MM or YYYY-MM-DD with a month 01–12 and a day that exists in
// that month: the dates a timeline can order.
bool is_iso_date(const std::string& s);

// True when the two claims contradict each other: a claim link of that type
// either way, or their clusters' relation.
bool claims_contradict(const Annotations& a, Id x, Id y);

}  // namespace cm::analysis
