// The corpus panel: one entry per article (headline, outlet, date, length).
#pragma once
#include <imgui.h>

#include <vector>

#include "core/corpus.h"

namespace cm::ui {

// Where an entry was drawn (logical pixels), for the JS API and tests.
struct ItemRect {
    float x, y, width, height;
};

// Draws the list; returns the index the user picked this frame, or -1.
// Fills item_rects with one rectangle per document.
int draw_document_list(const Corpus& corpus, int open_index, ImFont* title_font, std::vector<ItemRect>& item_rects);

}  // namespace cm::ui
