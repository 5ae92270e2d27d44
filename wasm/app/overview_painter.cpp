#include "app/overview_painter.h"

#include <algorithm>
#include <cstdint>

#include "app/gl_program.h"
#include "platform/gl.h"

namespace cm::app {

namespace {

constexpr int kMaxSlots = 16;  // u_colors' size in shaders/overview.frag

void rgb(uint32_t c, float* out) {
    out[0] = static_cast<float>((c >> 16) & 0xFF) / 255.0f;
    out[1] = static_cast<float>((c >> 8) & 0xFF) / 255.0f;
    out[2] = static_cast<float>(c & 0xFF) / 255.0f;
}

}  // namespace

bool OverviewPainter::init(std::string& error) {
    program_ = build_program("shaders/overview.vert", "shaders/overview.frag", {}, error);
    if (!program_) return false;
    rect_at_ = glGetUniformLocation(program_, "u_rect");
    density_at_ = glGetUniformLocation(program_, "u_density");
    slots_at_ = glGetUniformLocation(program_, "u_slots");
    colors_at_ = glGetUniformLocation(program_, "u_colors");
    background_at_ = glGetUniformLocation(program_, "u_background");
    glGenVertexArrays(1, &vao_);  // no attributes: the corners come from gl_VertexID
    glGenTextures(1, &texture_);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    return true;
}

void OverviewPainter::install() {
    ui::set_overview_painter([this](ImDrawList* dl, ImVec2 min, ImVec2 max, const ui::OverviewPicture& p) {
        if (!p.image || p.image->rows == 0) return;
        requests_.push_back({this, min, max, p});
        dl->AddCallback(&OverviewPainter::callback, &requests_.back());
    });
}

void OverviewPainter::callback(const ImDrawList*, const ImDrawCmd* cmd) {
    const auto* r = static_cast<const Request*>(cmd->UserCallbackData);
    r->self->draw(*r, *cmd);
}

void OverviewPainter::draw(const Request& r, const ImDrawCmd& cmd) {
    const ImDrawData* dd = ImGui::GetDrawData();
    if (!dd || dd->DisplaySize.x <= 0 || dd->DisplaySize.y <= 0) return;
    const DensityImage& img = *r.picture.image;
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture_);
    if (r.picture.image != uploaded_image_ || r.picture.version != uploaded_version_) {
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, static_cast<GLsizei>(img.slots), static_cast<GLsizei>(img.rows), 0, GL_RED,
                     GL_UNSIGNED_BYTE, img.values.data());
        uploaded_image_ = r.picture.image;
        uploaded_version_ = r.picture.version;
    }
    // Scissor to the draw list's clip rectangle, in framebuffer pixels.
    const ImVec2 off = dd->DisplayPos, scale = dd->FramebufferScale;
    const float fb_h = dd->DisplaySize.y * scale.y;
    const float cx0 = (cmd.ClipRect.x - off.x) * scale.x, cy0 = (cmd.ClipRect.y - off.y) * scale.y;
    const float cx1 = (cmd.ClipRect.z - off.x) * scale.x, cy1 = (cmd.ClipRect.w - off.y) * scale.y;
    if (cx1 <= cx0 || cy1 <= cy0) return;
    glEnable(GL_SCISSOR_TEST);
    glScissor(static_cast<GLint>(cx0), static_cast<GLint>(fb_h - cy1), static_cast<GLsizei>(cx1 - cx0),
              static_cast<GLsizei>(cy1 - cy0));
    // The strip in clip space (y up); v_row 0 at its top.
    auto clip_x = [&](float x) { return (x - off.x) / dd->DisplaySize.x * 2 - 1; };
    auto clip_y = [&](float y) { return 1 - (y - off.y) / dd->DisplaySize.y * 2; };
    glUseProgram(program_);
    glUniform4f(rect_at_, clip_x(r.min.x), clip_y(r.min.y), clip_x(r.max.x), clip_y(r.max.y));
    glUniform1i(density_at_, 0);
    const int slots = std::min<int>(kMaxSlots, static_cast<int>(img.slots));
    glUniform1i(slots_at_, slots);
    float colors[kMaxSlots * 3] = {};
    for (int i = 0; i < slots && i < static_cast<int>(r.picture.colors.size()); ++i) rgb(r.picture.colors[static_cast<size_t>(i)], colors + 3 * i);
    glUniform3fv(colors_at_, kMaxSlots, colors);
    float bg[3];
    rgb(r.picture.background, bg);
    glUniform3fv(background_at_, 1, bg);
    glBindVertexArray(vao_);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

void OverviewPainter::shutdown() {
    ui::set_overview_painter(nullptr);
    if (texture_) glDeleteTextures(1, &texture_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    if (program_) glDeleteProgram(program_);
    texture_ = vao_ = program_ = 0;
}

}  // namespace cm::app
