#include "app/gl_renderer.h"

#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "app/gl_program.h"
#include "platform/gl.h"
#include "ui/dash_lines.h"
#include "ui/opaque_fill.h"

namespace cm::app {


bool GlRenderer::init(std::string& error) {
    program_ = build_program("shaders/ui.vert", "shaders/ui.frag", {{0, "a_position"}, {1, "a_uv"}, {2, "a_color"}}, error);
    if (!program_) return false;
    projection_at_ = glGetUniformLocation(program_, "u_projection");
    texture_at_ = glGetUniformLocation(program_, "u_texture");

    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vbo_);
    glGenBuffers(1, &ebo_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo_);  // part of the vertex array's state
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    const GLsizei stride = sizeof(ImDrawVert);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);

    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "claimmark_gl";
    create_fonts_texture();
    create_dash_texture();
    return true;
}

void GlRenderer::create_fonts_texture() {
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    glGenTextures(1, &font_texture_);
    glBindTexture(GL_TEXTURE_2D, font_texture_);
    // Nearest: the fonts are rasterised at the display's pixel ratio and
    // snapped to whole pixels (ui/fonts.cpp), so each glyph texel lands on
    // one pixel and linear filtering only costs a software rasteriser four
    // fetches per pixel for the same picture.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(font_texture_)));
}

void GlRenderer::create_dash_texture() {
    const ui::DashTexture t = ui::dash_texture_pixels();
    glGenTextures(1, &dash_texture_);
    glBindTexture(GL_TEXTURE_2D, dash_texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);  // crisp dash ends at any pixel ratio
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_REPEAT);       // along the line
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, t.width, t.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, t.rgba.data());
    ui::set_dash_texture(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(dash_texture_)));
}

void GlRenderer::destroy_fonts_texture() {
    if (font_texture_) glDeleteTextures(1, &font_texture_);
    font_texture_ = 0;
    ImGui::GetIO().Fonts->SetTexID(nullptr);
}

namespace {
// Scissors to a clip rectangle in display pixels; false when it is empty.
bool scissor(const ImVec4& clip, ImVec2 off, ImVec2 scale, int fb_height) {
    const float x0 = (clip.x - off.x) * scale.x, y0 = (clip.y - off.y) * scale.y;
    const float x1 = (clip.z - off.x) * scale.x, y1 = (clip.w - off.y) * scale.y;
    if (x1 <= x0 || y1 <= y0) return false;
    glScissor(static_cast<GLint>(x0), static_cast<GLint>(fb_height - y1), static_cast<GLsizei>(x1 - x0),
              static_cast<GLsizei>(y1 - y0));
    return true;
}
}  // namespace

void GlRenderer::bind_state(const ImDrawData* dd, int fb_width, int fb_height) {
    glViewport(0, 0, fb_width, fb_height);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);

    // Display pixels to clip space, y down.
    const float l = dd->DisplayPos.x, r = l + dd->DisplaySize.x, t = dd->DisplayPos.y, b = t + dd->DisplaySize.y;
    const float projection[16] = {2 / (r - l), 0, 0, 0, 0, 2 / (t - b), 0, 0, 0, 0, -1, 0,
                                  (r + l) / (l - r), (t + b) / (b - t), 0, 1};
    glUseProgram(program_);
    glUniform1i(texture_at_, 0);
    glUniformMatrix4fv(projection_at_, 1, GL_FALSE, projection);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
}

void GlRenderer::render(const ImDrawData* dd, int fb_width, int fb_height) {
    if (!dd || fb_width <= 0 || fb_height <= 0) return;
    bind_state(dd, fb_width, fb_height);
    const ImVec2 off = dd->DisplayPos, scale = dd->FramebufferScale;
    for (int n = 0; n < dd->CmdListsCount; ++n) {
        const ImDrawList* list = dd->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (ui::is_opaque_fill(cmd)) {  // a clear, not a quad (ui/opaque_fill.h)
                if (!scissor(cmd.ClipRect, off, scale, fb_height)) continue;
                const ImU32 c = ui::opaque_fill_color(cmd);
                glClearColor((c >> IM_COL32_R_SHIFT & 0xFF) / 255.0f, (c >> IM_COL32_G_SHIFT & 0xFF) / 255.0f,
                             (c >> IM_COL32_B_SHIFT & 0xFF) / 255.0f, 1.0f);
                glClear(GL_COLOR_BUFFER_BIT);
                continue;
            }
            if (cmd.UserCallback) {  // e.g. the overview strip's own shaders: then ours again
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                bind_state(dd, fb_width, fb_height);
                continue;
            }
            if (!scissor(cmd.ClipRect, off, scale, fb_height)) continue;
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID())));
            static_assert(sizeof(ImDrawIdx) == 4, "ImDrawIdx is 32-bit (CMakeLists.txt)");
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(static_cast<intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);
}

void GlRenderer::shutdown() {
    destroy_fonts_texture();
    ui::set_dash_texture(nullptr);
    if (dash_texture_) glDeleteTextures(1, &dash_texture_);
    if (vbo_) glDeleteBuffers(1, &vbo_);
    if (ebo_) glDeleteBuffers(1, &ebo_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    if (program_) glDeleteProgram(program_);
    vbo_ = ebo_ = vao_ = program_ = dash_texture_ = 0;
}

}  // namespace cm::app
