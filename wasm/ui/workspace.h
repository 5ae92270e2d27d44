// The main window: menu bar, the corpus panel, the reading view and a
// status bar. Owns what the reader has open; the app owns the data.
#pragma once
#include <vector>

#include "core/corpus.h"
#include "ui/document_list.h"
#include "ui/fonts.h"
#include "ui/reading_view.h"
#include "ui/theme.h"

namespace cm::ui {

class Workspace {
public:
    explicit Workspace(const Corpus& corpus) : corpus_(corpus) {}

    // Draws everything to fill a width × height area (logical pixels).
    void draw(const FontSet& fonts, float width, float height);

    void open(int index);
    int open_index() const { return open_; }
    ReadingView& view() { return view_; }
    const ReadingView& view() const { return view_; }

    const std::vector<ItemRect>& list_items() const { return list_items_; }
    ThemeChoice theme() const { return theme_; }
    void set_theme(ThemeChoice t) { theme_ = t; }

private:
    void draw_menu();
    void draw_status(float height);

    const Corpus& corpus_;
    ReadingView view_;
    int open_ = -1;
    ThemeChoice theme_ = ThemeChoice::System;
    float list_width_ = 300;
    std::vector<ItemRect> list_items_;
};

}  // namespace cm::ui
