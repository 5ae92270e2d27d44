// The inspector: every property of the selected annotation, editable (label,
// ranges, entity with type-ahead, relations, attributes, note) plus Delete.
// Text fields commit when they are left, so one edit is one undo step.
#pragma once
#include "ui/annotator.h"
#include "ui/fonts.h"

namespace cm::ui {

void draw_inspector(Annotator& an, const FontSet& fonts);

}  // namespace cm::ui
