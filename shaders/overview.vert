// The overview strip's quad (wasm/app/overview_painter.cpp): four corners
// from gl_VertexID, placed by u_rect (clip space: x0, y0, x1, y1); v_row
// runs 0 at the strip's top to 1 at its bottom.
uniform vec4 u_rect;
out float v_row;

void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
    v_row = corner.y;
    gl_Position = vec4(mix(u_rect.x, u_rect.z, corner.x), mix(u_rect.y, u_rect.w, corner.y), 0.0, 1.0);
}
