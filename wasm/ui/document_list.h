// The corpus panel: one entry per article (headline, outlet, date, length).
#pragma once
#include <imgui.h>

#include "core/corpus.h"

namespace cm::ui {

// Draws the list; returns the index the user picked this frame, or -1.
int draw_document_list(const Corpus& corpus, int open_index, ImFont* title_font);

}  // namespace cm::ui
