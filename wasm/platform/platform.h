// The seam between the app and what differs between the browser and the
// desktop: the drawing surface, the clipboard, time and the main loop.
// Two implementations: platform_web.cpp and platform_desktop.cpp.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

struct GLFWwindow;

namespace cm::platform {

struct Display {
    float width = 0, height = 0;  // logical (CSS) pixels: what the UI lays out in
    float pixel_ratio = 1;        // device pixels per logical pixel
    int fb_width = 0, fb_height = 0;  // the GL framebuffer, in device pixels
    float pointer_scale = 1;      // GLFW cursor units per logical pixel
};

// Called once per frame before drawing: on the web this makes the canvas'
// backing store follow its CSS size times devicePixelRatio, which is what
// keeps text crisp on HiDPI screens and after window resizes.
Display sync_display(GLFWwindow* window);

// Puts text on the system clipboard (the web uses navigator.clipboard, with
// the page's copy event as the primary path; see web/claimmark.js).
void set_clipboard(GLFWwindow* window, const std::string& text);
// The text the user last pasted (web) or the system clipboard (desktop).
std::string clipboard(GLFWwindow* window);

// Calls handler(dx, dy) for each wheel or trackpad scroll, in wheel notches
// with GLFW's desktop signs (dy > 0: towards the top). Emscripten's GLFW
// passes the browser's raw pixel deltas with the opposite sign, so the web
// reads wheel events itself.
void on_wheel(GLFWwindow* window, std::function<void(float dx, float dy)> handler);

// The bytes of a local file (desktop); the web has no file system and
// returns nothing (files reach it through the page instead).
std::optional<std::string> read_file(const std::string& path);

double now_seconds();          // monotonic, for animation and timing
double wall_clock_seconds();   // since the Unix epoch, for created/modified stamps
bool system_prefers_dark();

// Runs frame() until the app quits. On the web it returns at once and the
// browser calls frame() on each animation frame.
void run_main_loop(GLFWwindow* window, std::function<bool()> frame);

// Tells the page that the app is initialised (resolves claimmark.ready).
void notify_ready();
// Tells the page something went wrong that the user must see.
void report_fatal(std::string_view message);

}  // namespace cm::platform
