// schema.org JSON-LD for fact-checking pipelines: a Claim per claim span,
// with its speaker as author and the articles (and sources) it appears in.
// A ClaimReview needs a verdict (reviewRating), which ClaimMark does not
// record in general: only a claim with a "rating" attribute becomes a
// ClaimReview (its reviewRating.alternateName), with the Claim as
// itemReviewed. docs/formats.md ("schema.org Claim / ClaimReview").
#pragma once
#include <vector>

#include "core/annotations.h"
#include "core/corpus.h"
#include "export.h"

namespace cm::formats {

// One file, "claims.jsonld": {"@context": "https://schema.org", "@graph":
// [Claim or ClaimReview, …]} in document order, then by position.
//   text        the claim's text (ranges joined by " … ")
//   author      each speaker it is said_by: Person or Organization by the
//               entity's kind, sameAs the Wikidata page for a QID
//   appearance  the article (CreativeWork: headline, publisher = outlet,
//               author, datePublished), the articles of claims it is
//               same_claim with, and a CreativeWork published by each source
//               it is reported_by
//   firstAppearance  the earliest dated of those articles, when a date is known
Export export_claimreview(const Annotations& a, const std::vector<Document>& documents);

}  // namespace cm::formats
