// Draws ImGui's draw lists with the app's own shaders (shaders/ui.vert and
// ui.frag, compiled at start). Why not imgui_impl_opengl3's RenderDrawData:
// it saves and restores the GL state every frame with about twenty glGet
// calls, and in Chromium some of them (GL_SCISSOR_BOX, the blend factors)
// are synchronous round trips to the GPU process; under SwiftShader that was
// ~35 ms of waiting per frame (docs/benchmarks.md). The app owns its GL
// context, so there is nothing to save: this sets the state it needs.
#pragma once
#include <string>

struct ImDrawData;

namespace cm::app {

class GlRenderer {
public:
    // Compiles the shaders and makes the buffers; false with the reason
    // (the shader log) when the GL refuses them.
    bool init(std::string& error);
    void create_fonts_texture();   // from ImGui's font atlas (again after a DPI change)
    void destroy_fonts_texture();
    void render(const ImDrawData* draw_data, int fb_width, int fb_height);
    void shutdown();

private:
    void create_dash_texture();  // the dashed lines' patterns (ui/dash_lines.h)
    void bind_state(const ImDrawData* dd, int fb_width, int fb_height);  // ours, after anyone else's
    unsigned program_ = 0, vao_ = 0, vbo_ = 0, ebo_ = 0, font_texture_ = 0, dash_texture_ = 0;
    int projection_at_ = -1, texture_at_ = -1;
};

}  // namespace cm::app
