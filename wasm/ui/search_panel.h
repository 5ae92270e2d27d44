// The Search tab: the corpus's text and notes (core/search.h), with case,
// whole-word and regex options, this article or all; a count, the hits
// grouped by article with their context, a click (or Up/Down and Enter)
// opens one; the hits are highlighted in the reading view (the "search"
// marks layer), and "Tag all hits as <label>" adds a span per text hit in
// one undoable step. The search runs again only when the query, an option,
// the corpus or (with notes searched) a note changes, never every frame.
#pragma once
#include <string>
#include <vector>

#include "core/search.h"
#include "ui/annotator.h"
#include "ui/fonts.h"

namespace cm::ui {

void draw_search_panel(Annotator& an, const FontSet& fonts);
// Ctrl/Cmd+F: the Search tab comes to the front with the caret in its field.
void focus_search_field();

// What the panel shows, for the page's state() (browser tests).
struct SearchPanelView {
    const std::string& query;
    const SearchResult& result;
    int current;                     // index into result.hits, -1 if none
    const std::vector<int>& shown;   // hits drawn in the list last frame
};
SearchPanelView search_panel_view();

}  // namespace cm::ui
