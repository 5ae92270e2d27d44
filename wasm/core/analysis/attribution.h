// Who a claim is attributed to and who reported it, read from the model's
// said_by / reported_by links, plus a claim's text and its context: what the
// corpus views (who said what, contradictions, timeline) are built from.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "core/annotations.h"
#include "core/corpus.h"

namespace cm::analysis {

// A speaker or source as a reader names it: the entity's name when the span
// is linked to one, else the span's own text ("a spokesman").
struct Party {
    Id entity = kNoId;
    Id span = kNoId;  // the first span that named it for this claim
    std::string name;
};

// The relations at each span, indexed once: the model keeps relations by id
// only, and the corpus views ask about every claim.
class LinkIndex {
public:
    explicit LinkIndex(const Annotations& a);
    // Relations starting at (or touching, either end) a span, in id order.
    const std::vector<const Relation*>& from(Id span) const;
    const std::vector<const Relation*>& touching(Id span) const;

private:
    std::unordered_map<Id, std::vector<const Relation*>> from_, touching_;
};

// The claim's said_by (or reported_by) ends, one per entity (or per name when
// not linked to an entity), in link order.
std::vector<Party> parties_of(const Annotations& a, const Corpus& corpus, const LinkIndex& links, const Span& claim,
                              RelationType type);
// The party a speaker or source span stands for.
Party party_of(const Annotations& a, const Corpus& corpus, const Span& span);
// "Ren Zhengfei; Mr. Ren" — names joined for a table cell.
std::string join_names(const std::vector<Party>& parties, const char* separator = "; ");

// A span's text, its ranges joined by " … " ("" when its document is gone).
std::string text_of(const Corpus& corpus, const Span& s);

// A span with some of the text around it, within its paragraph, cut at
// spaces: what a reader needs to judge a claim without opening the article.
struct Context {
    std::string before, text, after;  // before/after start or end with "…" when cut
};
Context context_of(const Corpus& corpus, const Span& s, size_t around = 140);

// Claims (spans whose label has the Claim role) in corpus order: documents
// as the corpus lists them, then by position. Claims of documents not in the
// corpus come last, by document id.
std::vector<const Span*> claims_in_order(const Annotations& a, const Corpus& corpus);

}  // namespace cm::analysis
