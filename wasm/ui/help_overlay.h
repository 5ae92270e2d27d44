// The Keys window (?): every key and mouse gesture of the annotator, and the
// label colours. A plain window rather than a modal, so the reader can keep it
// open beside the text while learning.
#pragma once
#include "platform/storage.h"
#include "ui/annotator.h"
#include "ui/fonts.h"

namespace cm::ui {

void draw_help_overlay(Annotator& an, const FontSet& fonts, const platform::StorageStatus& storage);

}  // namespace cm::ui
