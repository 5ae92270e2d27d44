// Draws the reading view's overview strip (ui/overview_strip.h) with the
// app's shaders (shaders/overview.vert, overview.frag) from a small R8
// texture of per-row label densities, uploaded only when its values change.
// The UI records a draw-list callback; GlRenderer calls it in order and then
// restores its own state.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <deque>
#include <string>

#include "ui/overview_strip.h"

namespace cm::app {

class OverviewPainter {
public:
    bool init(std::string& error);  // compiles the shaders; false with the reason
    // Installs this painter for the UI (ui::set_overview_painter).
    void install();
    void begin_frame() { requests_.clear(); }
    void shutdown();

private:
    struct Request {
        OverviewPainter* self;
        ImVec2 min, max;
        ui::OverviewPicture picture;
    };
    static void callback(const ImDrawList* list, const ImDrawCmd* cmd);
    void draw(const Request& r, const ImDrawCmd& cmd);

    std::deque<Request> requests_;  // stable addresses until the frame is drawn
    unsigned program_ = 0, vao_ = 0, texture_ = 0;
    const DensityImage* uploaded_image_ = nullptr;
    uint64_t uploaded_version_ = 0;
    int rect_at_ = -1, density_at_ = -1, slots_at_ = -1, colors_at_ = -1, background_at_ = -1;
};

}  // namespace cm::app
