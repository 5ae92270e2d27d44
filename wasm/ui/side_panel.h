// The right-hand panel: Inspector, Annotations, Cast, Labels and Search tabs, each
// filling the rest of the current child window and scrolling on its own.
#pragma once
#include <string>

#include "ui/annotator.h"
#include "ui/fonts.h"

namespace cm::ui {

void draw_side_panel(Annotator& an, const FontSet& fonts);
// Brings a tab ("Inspector", "Annotations", "Cast", "Labels", "Search") to the front.
void request_side_tab(const std::string& name);

}  // namespace cm::ui
