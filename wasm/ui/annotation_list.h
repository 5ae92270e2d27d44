// Every annotation of the open article or of the whole corpus, filtered by
// text, label and zone; clicking a row jumps to it.
#pragma once
#include "ui/annotator.h"
#include "ui/fonts.h"

namespace cm::ui {

void draw_annotation_list(Annotator& an, const FontSet& fonts);

}  // namespace cm::ui
