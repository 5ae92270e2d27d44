// Light and dark themes: ImGui's style plus the reading view's own colours.
#pragma once
#include <imgui.h>

namespace cm::ui {

enum class ThemeChoice { System, Light, Dark };

struct Palette {
    ImU32 page;       // reading view background
    ImU32 text;       // article text
    ImU32 muted;      // metadata, secondary text
    ImU32 selection;  // selected text background
    ImU32 warning_bg;
    ImU32 warning_text;
    bool dark;  // annotation tints need more strength on a dark page
};

// Applies the theme to ImGui's style and returns the palette to draw with.
const Palette& apply_theme(bool dark);
const Palette& palette();

}  // namespace cm::ui
