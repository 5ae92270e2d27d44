// The right-hand panel: Inspector, Annotations, Cast and Labels tabs, each
// filling the rest of the current child window and scrolling on its own.
#pragma once
#include "ui/annotator.h"
#include "ui/fonts.h"

namespace cm::ui {

void draw_side_panel(Annotator& an, const FontSet& fonts);

}  // namespace cm::ui
