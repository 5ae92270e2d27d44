// Desktop implementation of the platform seam (GLFW 3.3 + OpenGL 3.3),
// for debugging and the smoke test.
#include <GLFW/glfw3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "platform/platform.h"

namespace cm::platform {

Display sync_display(GLFWwindow* window) {
    Display d;
    int w = 0, h = 0;
    glfwGetWindowSize(window, &w, &h);
    glfwGetFramebufferSize(window, &d.fb_width, &d.fb_height);
    d.width = static_cast<float>(w);
    d.height = static_cast<float>(h);
    d.pixel_ratio = w > 0 ? static_cast<float>(d.fb_width) / static_cast<float>(w) : 1.0f;
    // On X11 the framebuffer equals the window size, and the monitor's content
    // scale says how large things should be drawn.
    float sx = 1, sy = 1;
    glfwGetWindowContentScale(window, &sx, &sy);
    if (d.pixel_ratio == 1.0f && sx > 1.0f) {
        d.pixel_ratio = sx;
        d.width = static_cast<float>(d.fb_width) / sx;
        d.height = static_cast<float>(d.fb_height) / sx;
    }
    d.pointer_scale = d.width > 0 ? static_cast<float>(w) / d.width : 1.0f;
    return d;
}

void set_clipboard(GLFWwindow* window, const std::string& text) { glfwSetClipboardString(window, text.c_str()); }

std::string clipboard(GLFWwindow* window) {
    const char* s = glfwGetClipboardString(window);
    return s ? s : "";
}

namespace {
std::function<void(float, float)> g_wheel;
void wheel_event(GLFWwindow*, double dx, double dy) {
    if (g_wheel) g_wheel(static_cast<float>(dx), static_cast<float>(dy));
}
}  // namespace

void on_wheel(GLFWwindow* window, std::function<void(float, float)> handler) {
    g_wheel = std::move(handler);
    glfwSetScrollCallback(window, wheel_event);
}

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

double now_seconds() {
    using clock = std::chrono::steady_clock;
    static const auto start = clock::now();
    return std::chrono::duration<double>(clock::now() - start).count();
}

double wall_clock_seconds() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

bool system_prefers_dark() {
    const char* theme = std::getenv("GTK_THEME");
    return theme && std::strstr(theme, "dark");
}

void run_main_loop(GLFWwindow* window, std::function<bool()> frame) {
    while (!glfwWindowShouldClose(window)) {
        glfwPollEvents();
        if (!frame()) break;
    }
}

void notify_ready() {
    std::printf("claimmark: ready\n");
    std::fflush(stdout);
}

void report_fatal(std::string_view message) {
    std::fprintf(stderr, "claimmark: %.*s\n", static_cast<int>(message.size()), message.data());
}

}  // namespace cm::platform
