// Opaque rectangles the renderer clears instead of drawing: a draw-list
// command that says "fill this clip rectangle with this colour", which the
// renderer turns into a scissored glClear. Under a software rasteriser
// (SwiftShader in headless Chromium, no GPU) a page-sized quad costs a few
// milliseconds of every frame; a clear costs next to nothing. Only for
// opaque colours, and only before anything is drawn on that area.
#pragma once
#include <imgui.h>

namespace cm::ui {

void fill_opaque(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 col);
// For the renderer: whether a command is such a fill, and its colour.
bool is_opaque_fill(const ImDrawCmd& cmd);
ImU32 opaque_fill_color(const ImDrawCmd& cmd);

}  // namespace cm::ui
