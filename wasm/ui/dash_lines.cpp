#include "ui/dash_lines.h"

#include <algorithm>
#include <iterator>

namespace cm::ui {

namespace {

// Every pattern the views use (span_painter's label underlines included);
// a pattern not listed is drawn a quad per dash.
constexpr Dash kRows[] = {dash::kSolid,   dash::kDashed,  dash::kDotted,  dash::kFine,    dash::kFrame,
                          dash::kOwn[0], dash::kOwn[1], dash::kOwn[2], dash::kOwn[3], dash::kOwn[4]};
constexpr int kRowCount = static_cast<int>(std::size(kRows));

ImTextureID g_texture = nullptr;

int row_of(Dash d) {
    if (d.off == 0) return 0;
    for (int i = 0; i < kRowCount; ++i)
        if (kRows[i].on == d.on && kRows[i].off == d.off) return i;
    return -1;
}

void dash_quads(ImDrawList* dl, ImVec2 from, float length, bool horizontal, float thick, Dash d, ImU32 col) {
    const float step = static_cast<float>(d.on + d.off);
    for (float t = 0; t < length; t += d.off ? step : length) {
        const float e = std::min(t + (d.off ? d.on : length), length);
        if (horizontal) dl->AddRectFilled(ImVec2(from.x + t, from.y), ImVec2(from.x + e, from.y + thick), col);
        else dl->AddRectFilled(ImVec2(from.x, from.y + t), ImVec2(from.x + thick, from.y + e), col);
    }
}

}  // namespace

DashTexture dash_texture_pixels() {
    DashTexture t;
    t.width = kDashPeriod;
    t.height = kRowCount;
    t.rgba.resize(static_cast<size_t>(t.width) * t.height);
    for (int y = 0; y < kRowCount; ++y) {
        const Dash d = kRows[y];
        for (int x = 0; x < t.width; ++x) {
            const bool on = d.off == 0 || x % (d.on + d.off) < d.on;
            t.rgba[static_cast<size_t>(y) * t.width + x] = on ? 0xFFFFFFFFu : 0x00FFFFFFu;
        }
    }
    return t;
}

void set_dash_texture(ImTextureID id) { g_texture = id; }

void dash_line(ImDrawList* dl, ImVec2 from, float length, bool horizontal, float thick, Dash d, ImU32 col) {
    if (length <= 0) return;
    const int row = row_of(d);
    if (!g_texture || row < 0) {
        dash_quads(dl, from, length, horizontal, thick, d, col);
        return;
    }
    // u runs along the line in pixels / period (the texture repeats); v is the row's centre.
    const float u = length / kDashPeriod, v = (row + 0.5f) / kRowCount;
    if (horizontal) {
        dl->AddImage(g_texture, from, ImVec2(from.x + length, from.y + thick), ImVec2(0, v), ImVec2(u, v), col);
    } else {
        const ImVec2 a = from, b(from.x + thick, from.y), c(from.x + thick, from.y + length), e(from.x, from.y + length);
        dl->AddImageQuad(g_texture, a, b, c, e, ImVec2(0, v), ImVec2(0, v), ImVec2(u, v), ImVec2(u, v), col);
    }
}

void dashed_box(ImDrawList* dl, ImVec2 min, ImVec2 max, float thick, Dash d, ImU32 col) {
    const float w = max.x - min.x, h = max.y - min.y;
    dash_line(dl, min, w, true, thick, d, col);
    dash_line(dl, ImVec2(min.x, max.y - thick), w, true, thick, d, col);
    dash_line(dl, min, h, false, thick, d, col);
    dash_line(dl, ImVec2(max.x - thick, min.y), h, false, thick, d, col);
}

}  // namespace cm::ui
