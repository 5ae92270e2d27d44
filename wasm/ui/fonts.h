// The app's fonts, rasterised at the display's real pixel size so text is
// crisp at any devicePixelRatio (and rebuilt when that ratio changes).
#pragma once
#include <imgui.h>

#include <cstddef>
#include <string>

namespace cm::ui {

struct FontSizes {
    float ui = 15.0f;       // logical pixels
    float reading = 18.0f;  // the article text
    bool operator==(const FontSizes& o) const { return ui == o.ui && reading == o.reading; }
};

class FontSet {
public:
    // Rebuilds the atlas when the pixel ratio or sizes change. Returns true
    // when it did: the renderer must then re-upload the font texture.
    bool ensure(float pixel_ratio, const FontSizes& sizes);

    ImFont* ui = nullptr;
    ImFont* ui_bold = nullptr;
    ImFont* reading = nullptr;
    const FontSizes& sizes() const { return sizes_; }

private:
    float ratio_ = 0;
    FontSizes sizes_;
};

// How many code points of `text` (an article's) `font` has no glyph for, so
// they show as U+FFFD: letters outside the bundled ranges (CJK, emoji, …) and
// control characters other than tab and newline. `first` gets the first one.
size_t glyphs_missing(const ImFont& font, const std::u32string& text, char32_t& first);

}  // namespace cm::ui
