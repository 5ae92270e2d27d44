// The cast: every entity (speaker or source) with its mentions per article.
// The chosen one can be renamed, merged, and have its unmarked mentions tagged
// across the corpus in one undoable step.
#pragma once
#include "ui/annotator.h"
#include "ui/fonts.h"

namespace cm::ui {

void draw_cast_panel(Annotator& an, const FontSet& fonts);

}  // namespace cm::ui
