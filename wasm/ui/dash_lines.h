// Dashed and dotted lines, each drawn as one textured quad from a small
// repeating pattern texture rather than one quad per dash. A long dotted
// underline was ~100 quads; with a few hundred underlines on screen that
// was a third of a frame's vertices, and a software rasteriser (SwiftShader
// in headless Chromium, no GPU) pays for every triangle (docs/benchmarks.md).
#pragma once
#include <imgui.h>

#include <cstdint>
#include <vector>

namespace cm::ui {

// A dash pattern in pixels: `on` drawn, then `off` skipped (off 0: solid).
// Every pattern's period (on + off) divides kDashPeriod, so one texture row
// of that width repeats seamlessly.
struct Dash {
    uint8_t on, off;
};
constexpr int kDashPeriod = 48;

namespace dash {
constexpr Dash kSolid{1, 0}, kDashed{6, 2}, kDotted{2, 2}, kFine{1, 3}, kFrame{4, 2};
// For the reader's own labels: each another dash, so no two of the first
// five look alike without colour.
constexpr Dash kOwn[] = {{12, 4}, {3, 5}, {14, 2}, {1, 5}, {8, 8}};
}  // namespace dash

// The pattern texture: one row per pattern in use, white where drawn
// (RGBA, multiplied by the colour like the font atlas). The renderer makes
// the GL texture (nearest, repeating across) and hands its id back.
struct DashTexture {
    int width = 0, height = 0;
    std::vector<uint32_t> rgba;
};
DashTexture dash_texture_pixels();
void set_dash_texture(ImTextureID id);  // null: lines fall back to a quad per dash

// A line from `from`, `length` pixels along x (or y), `thick` across.
void dash_line(ImDrawList* dl, ImVec2 from, float length, bool horizontal, float thick, Dash d, ImU32 col);
// The outline of [min, max], `thick` inside it.
void dashed_box(ImDrawList* dl, ImVec2 min, ImVec2 max, float thick, Dash d, ImU32 col);

}  // namespace cm::ui
