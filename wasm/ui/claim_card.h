// A claim as the corpus views show it: the claim in bold inside its context,
// then who said it, who reported it and in which article. Built once when
// the model changes (ClaimCard), drawn every frame (draw_claim_card).
#pragma once
#include <string>

#include "core/analysis/attribution.h"
#include "ui/annotator.h"
#include "ui/fonts.h"

namespace cm::ui {

struct ClaimCard {
    Id claim = kNoId;
    analysis::Context context;
    std::string speakers, sources;  // "" when none linked
    std::string article;            // "“Title” (Outlet)"
    uint32_t color = 0;             // the claim label's colour
};

ClaimCard make_claim_card(const Annotations& a, const Corpus& corpus, const analysis::LinkIndex& links, Id claim);

// Draws the card at the available width; a click on it jumps to the claim
// in its article. `id` must be unique in the current ID scope; width <= 0:
// the rest of the line. `item`, if given, names the clickable part for
// ui/item_rects.h (tests click it).
void draw_claim_card(Annotator& an, const FontSet& fonts, const ClaimCard& card, const char* id, float width = 0,
                     const std::string& item = "");

}  // namespace cm::ui
