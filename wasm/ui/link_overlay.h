// The selected annotation's links, drawn over the reading view: an arc to
// each end that is on screen, and a marker at the view's edge for ends that
// are above, below or in another article (click a marker to jump there).
// Only the selected annotation's links are drawn, so the page stays calm.
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

#include "ui/annotator.h"
#include "ui/text_geometry.h"

namespace cm::ui {

class LinkOverlay {
public:
    void draw(ImDrawList* dl, const TextGeometry& g, const Annotator& an);
    // The span whose marker is under a screen point (as drawn last frame), or kNoId.
    Id marker_at(ImVec2 p) const;
    struct Marker {
        ImVec2 min, max;  // screen rectangle, as drawn last frame
        Id target;
    };
    const std::vector<Marker>& markers() const { return markers_; }

private:
    std::vector<Marker> markers_;
    std::vector<LayoutRect> rects_;
};

}  // namespace cm::ui
