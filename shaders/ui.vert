// ImGui's vertices (wasm/app/gl_renderer.cpp): position in display pixels,
// texture coordinate into the font atlas, colour. One source for WebGL2
// (GLSL ES 3.00) and desktop GL 3.3: the renderer puts the #version line
// (and the ES precision) in front.
uniform mat4 u_projection;
in vec2 a_position;
in vec2 a_uv;
in vec4 a_color;
out vec2 v_uv;
out vec4 v_color;

void main() {
    v_uv = a_uv;
    v_color = a_color;
    gl_Position = u_projection * vec4(a_position, 0.0, 1.0);
}
