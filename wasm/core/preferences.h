// The reader's preferences: how the text reads (size, line spacing, column
// width, theme), the panel layout, and whether the first-run guide was
// dismissed. Kept apart from the project (they belong to the reader, not
// to the work) in browser local storage or the desktop's config folder.
#pragma once
#include <string>

namespace cm {

struct Preferences {
    static constexpr float kMinText = 12, kMaxText = 32, kDefaultText = 18;
    static constexpr float kMinSpacing = 1.2f, kMaxSpacing = 2.2f, kDefaultSpacing = 1.55f;
    static constexpr float kMinColumn = 24, kMaxColumn = 60, kDefaultColumn = 36;  // in font sizes

    float text_size = kDefaultText;          // reading text, logical pixels
    float line_spacing = kDefaultSpacing;    // line height in font sizes
    float column_em = kDefaultColumn;        // longest line, in font sizes
    std::string theme = "system";            // "system", "light" or "dark"
    float list_width = 260, panel_width = 380;  // the side panels, logical pixels
    bool guide_done = false;                 // the first-run guide was finished or skipped
    std::string imgui_ini;                   // ImGui's own window and table settings

    // Keeps every number in range (a hand-edited or older file).
    void clamp();
    bool operator==(const Preferences& o) const;
    bool operator!=(const Preferences& o) const { return !(*this == o); }
};

std::string preferences_to_json(const Preferences& p);
// Unknown fields are ignored, missing or wrong ones keep their defaults,
// and text that is not JSON gives the defaults: preferences are never worth
// an error message.
Preferences preferences_from_json(const std::string& json);

}  // namespace cm
