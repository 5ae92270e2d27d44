// A paragraph of mixed styles (a claim in bold inside its muted context,
// "said by" in grey), word-wrapped at the available width, as ONE item that
// can be hovered and clicked — what ImGui's single-style Text cannot do.
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

namespace cm::ui {

struct RichSegment {
    std::string text;
    ImFont* font = nullptr;  // nullptr: the current font
    ImU32 color = 0;         // 0: the text colour
    uint32_t underline = 0;  // 0xRRGGBB + 1 (so 0 means none): a label-coloured underline
};

class RichText {
public:
    RichText& add(std::string text, ImFont* font = nullptr, ImU32 color = 0, uint32_t underline = 0);
    bool empty() const { return segments_.empty(); }
    // Draws the paragraph wrapped at `width` (<= 0: the rest of the line).
    // With `id`, the block is a button: true when clicked; hovering tints it.
    bool draw(const char* id = nullptr, float width = 0);

private:
    std::vector<RichSegment> segments_;
};

}  // namespace cm::ui
