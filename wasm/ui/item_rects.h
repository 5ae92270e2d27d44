// Named screen rectangles of a few widgets (panel tabs, cast rows, buttons),
// as drawn last frame, so automation (the page's JS API, browser tests) can
// click them like a user instead of calling into the model.
#pragma once
#include <array>
#include <optional>
#include <string>

namespace cm::ui {

void clear_item_rects();                       // at the start of a frame
void remember_item(const std::string& name);   // the last ImGui item, under a name
void remember_rect(const std::string& name, float x0, float y0, float x1, float y1);  // drawn, not an item
std::optional<std::array<float, 4>> item_rect(const std::string& name);  // x, y, width, height

}  // namespace cm::ui
