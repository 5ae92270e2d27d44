// The right-hand panel: Inspector, Annotations, Cast, Labels and Search tabs,
// and Compare while comparing with a colleague's file, each filling the rest
// of the current child window and scrolling on its own.
#pragma once
#include <string>

#include "ui/annotator.h"
#include "ui/comparison.h"
#include "ui/fonts.h"

namespace cm::ui {

void draw_side_panel(Annotator& an, const FontSet& fonts, Comparison& compare);
// Brings a tab ("Inspector", "Annotations", "Cast", "Labels", "Search", "Compare") to the front.
void request_side_tab(const std::string& name);

}  // namespace cm::ui
