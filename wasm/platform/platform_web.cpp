// Browser implementation of the platform seam (emscripten 3.1.6 + its
// built-in GLFW 3.2 emulation). See docs/web-platform.md for the why.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <chrono>
#include <cmath>
#include <string>

#include "platform/platform.h"

namespace cm::platform {

namespace {

std::string g_pasted;  // filled by the page's paste event before ImGui asks

}  // namespace

// The canvas' CSS size, kept by a ResizeObserver. Asking the element every
// frame (getBoundingClientRect) forced the browser to lay out the page
// whenever anything in the DOM had changed (the accessibility mirror does as
// the reader scrolls): 15–30 ms every half second in a long article.
EM_JS(void, js_canvas_css_size, (double* out), {
    var c = Module.canvas;
    if (!Module.cmCanvasSize) {
        var b = c.getBoundingClientRect();
        Module.cmCanvasSize = [b.width, b.height];
        if (typeof ResizeObserver !== "undefined")
            new ResizeObserver(function (entries) {
                var r = entries[entries.length - 1].contentRect;
                Module.cmCanvasSize = [r.width, r.height];
            }).observe(c);
    }
    HEAPF64[out >> 3] = Module.cmCanvasSize[0];
    HEAPF64[(out >> 3) + 1] = Module.cmCanvasSize[1];
});

Display sync_display(GLFWwindow*) {
    // Emscripten's GLFW ignores CSS size and devicePixelRatio, so we size the
    // canvas backing store ourselves (never via glfwSetWindowSize: at screen
    // size it requests fullscreen every frame).
    double css[2] = {0, 0};
    js_canvas_css_size(css);
    const double css_w = css[0], css_h = css[1];
    const double dpr = emscripten_get_device_pixel_ratio();
    Display d;
    d.width = static_cast<float>(css_w);
    d.height = static_cast<float>(css_h);
    d.pixel_ratio = static_cast<float>(dpr);
    d.fb_width = static_cast<int>(std::lround(css_w * dpr));
    d.fb_height = static_cast<int>(std::lround(css_h * dpr));
    d.pointer_scale = d.pixel_ratio;  // GLFW reports the cursor in backing-store pixels
    int cw = 0, ch = 0;
    emscripten_get_canvas_element_size("#canvas", &cw, &ch);
    if (cw != d.fb_width || ch != d.fb_height) emscripten_set_canvas_element_size("#canvas", d.fb_width, d.fb_height);
    return d;
}

EM_JS(void, js_write_clipboard, (const char* text), {
    var s = UTF8ToString(text);
    if (Module.claimmarkClipboard) Module.claimmarkClipboard(s);
});

void set_clipboard(GLFWwindow*, const std::string& text) { js_write_clipboard(text.c_str()); }
std::string clipboard(GLFWwindow*) { return g_pasted; }

namespace {
std::function<void(float, float)> g_wheel;

EM_BOOL wheel_event(int, const EmscriptenWheelEvent* e, void*) {
    // One notch is 100 px in Chrome, 3 lines in Firefox; trackpads send fractions.
    double per_notch = 100;
    if (e->deltaMode == DOM_DELTA_LINE) per_notch = 3;
    if (e->deltaMode == DOM_DELTA_PAGE) per_notch = 1.0 / 8;
    if (g_wheel) g_wheel(static_cast<float>(-e->deltaX / per_notch), static_cast<float>(-e->deltaY / per_notch));
    return EM_TRUE;  // the page itself must not scroll
}
}  // namespace

void on_wheel(GLFWwindow*, std::function<void(float, float)> handler) {
    g_wheel = std::move(handler);
    emscripten_set_wheel_callback("#canvas", nullptr, EM_FALSE, wheel_event);
}

std::optional<std::string> read_file(const std::string&) { return std::nullopt; }

double now_seconds() { return emscripten_get_now() / 1000.0; }

double wall_clock_seconds() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

bool system_prefers_dark() {
    return EM_ASM_INT({ return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? 1 : 0; }) != 0;
}

namespace {
std::function<bool()> g_frame;
void frame_trampoline() { g_frame(); }
}  // namespace

void run_main_loop(GLFWwindow*, std::function<bool()> frame) {
    g_frame = std::move(frame);
    // A blocking loop would hang the page: the browser drives each frame.
    emscripten_set_main_loop(frame_trampoline, 0, false);
}

void notify_ready() {
    EM_ASM({ if (Module.onClaimmarkReady) Module.onClaimmarkReady(); });
}

void report_fatal(std::string_view message) {
    const std::string m(message);
    EM_ASM({ if (Module.onClaimmarkFatal) Module.onClaimmarkFatal(UTF8ToString($0)); }, m.c_str());
}

}  // namespace cm::platform

// Called by the page's paste listener, which runs before the frame that sees
// the Ctrl/Cmd+V key, so ImGui reads the pasted text.
extern "C" EMSCRIPTEN_KEEPALIVE void cm_web_set_pasted(const char* text) { cm::platform::g_pasted = text ? text : ""; }
