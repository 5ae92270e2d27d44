// The Compare tab of the side panel: whose file, the agreement figures
// (span P/R/F1 per label, Cohen's kappa, relations, entity links), a legend
// for the diff marks in the text, and the open article's disagreements, each
// with the actions that settle it. Plus the dialog that says why a
// colleague's file could not be compared. The data is ui/comparison.h's.
#pragma once
#include "ui/annotator.h"
#include "ui/comparison.h"
#include "ui/fonts.h"

namespace cm::ui {

// The tab's body (only while comparing).
void draw_compare_panel(Annotator& an, Comparison& compare, const FontSet& fonts);
// A modal with the reason a file could not be compared, until closed.
void draw_compare_error(Comparison& compare);

}  // namespace cm::ui
