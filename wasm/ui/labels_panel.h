// The label set: colours, names, order (hotkeys 1–9 follow it), removal
// (with a confirmation when annotations use the label) and new labels.
#pragma once
#include "ui/annotator.h"
#include "ui/fonts.h"

namespace cm::ui {

void draw_labels_panel(Annotator& an, const FontSet& fonts);

}  // namespace cm::ui
