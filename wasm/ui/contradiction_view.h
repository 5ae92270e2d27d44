// Each contradicting pair side by side (core/analysis/contradictions.h): the
// claims of both sides in context, who said and reported them, in which
// article; a click on a claim reads it in place.
#pragma once
#include <cstdint>
#include <vector>

#include "core/analysis/contradictions.h"
#include "ui/annotator.h"
#include "ui/claim_card.h"
#include "ui/fonts.h"
#include "ui/model_watch.h"

namespace cm::ui {

class ContradictionView {
public:
    void draw(Annotator& an, const FontSet& fonts);
    size_t pairs() const { return pairs_.size(); }

private:
    struct Side {
        std::string heading;
        std::vector<ClaimCard> claims;
    };
    struct Pair {
        analysis::Contradiction c;
        Side a, b;
    };
    void refresh(Annotator& an);
    void draw_side(Annotator& an, const FontSet& fonts, const Side& side, const char* id);

    ModelWatch watch_;
    std::vector<Pair> pairs_;
};

}  // namespace cm::ui
