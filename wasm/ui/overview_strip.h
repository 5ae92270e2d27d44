// The overview strip beside the reading view's scrollbar: where the whole
// article's annotations lie (coloured by label), the search hits, the
// selected annotation and the part on screen; a click or a drag on it
// scrolls there. The annotations come from a small density texture
// (core/density.h) rebuilt only when the model, the article or its layout
// changes; the app draws it with its own shaders (shaders/overview.*)
// through a painter it registers, so the UI layer needs no GL.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <functional>
#include <vector>

#include "core/density.h"
#include "core/layout.h"
#include "ui/annotator.h"

namespace cm::ui {

// What the painter gets: the density image (its version changes when its
// values do, so a texture is uploaded only then) and a colour per label slot.
struct OverviewPicture {
    const DensityImage* image = nullptr;
    uint64_t version = 0;
    std::vector<uint32_t> colors;  // 0xRRGGBB per slot
    uint32_t background = 0;       // 0xRRGGBB
};
using OverviewPainter = std::function<void(ImDrawList*, ImVec2 min, ImVec2 max, const OverviewPicture&)>;
// The app's GL painter; without one the strip is drawn with ImGui rectangles.
void set_overview_painter(OverviewPainter painter);

class OverviewStrip {
public:
    static constexpr float kWidth = 12;
    static constexpr uint32_t kRows = 512;
    static constexpr uint32_t kMinRows = 3;  // a span's least height on the strip

    // Draws the strip in [min, max] (screen); view_y0/y1: the layout's part on
    // screen. Returns the layout y the reader asked for (a click or a drag),
    // or a negative number.
    float draw(ImDrawList* dl, ImVec2 min, ImVec2 max, const Annotator& an, const TextLayout& layout, int layout_builds,
               float view_y0, float view_y1);
    bool dragging() const { return dragging_; }
    uint64_t rebuilds() const { return picture_.version; }

private:
    void refresh(const Annotator& an, const TextLayout& layout, int layout_builds);
    uint32_t row_of(const TextLayout& layout, size_t cp) const;

    DensityImage image_;
    OverviewPicture picture_;
    std::vector<uint8_t> hit_rows_;  // rows with a search hit
    uint64_t revision_ = UINT64_MAX, marks_version_ = UINT64_MAX;
    const Document* doc_ = nullptr;
    int layout_builds_ = -1;
    bool dark_ = false;
    bool dragging_ = false;
};

}  // namespace cm::ui
