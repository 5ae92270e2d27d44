// The overview strip: the density texture has a column per label and a row
// per strip row (0-1: how many of that label's spans lie there). Each label
// tints the background in its colour by its density, in label order.
uniform sampler2D u_density;
uniform int u_slots;
uniform vec3 u_colors[16];
uniform vec3 u_background;
in float v_row;
out vec4 o_color;

void main() {
    vec3 c = u_background;
    for (int i = 0; i < 16; ++i) {
        if (i >= u_slots) break;
        float d = texture(u_density, vec2((float(i) + 0.5) / float(u_slots), v_row)).r;
        c = mix(c, u_colors[i], d * 0.9);
    }
    o_color = vec4(c, 1.0);
}
