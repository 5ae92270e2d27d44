// The inspector's sections for a claim only: when it was said (a date the
// timeline orders by) and its cluster (make one, join one, leave, show).
#pragma once
#include "core/annotations.h"
#include "ui/annotator.h"
#include "ui/fonts.h"

namespace cm::ui {

void draw_claim_date(Annotator& an, const Span& claim);
// Commits a date being typed (the reader selected something else).
void flush_claim_fields(Annotator& an);
void draw_claim_cluster(Annotator& an, const FontSet& fonts, const Span& claim);
// What a cluster is called in menus: its gloss, else its first claim's words.
std::string cluster_title(const Annotator& an, const Cluster& c, size_t max_chars = 48);

}  // namespace cm::ui
