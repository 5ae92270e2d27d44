// Feeds GLFW input to Dear ImGui without losing short events.
//
// ImGui 1.86 samples key and mouse-button state once per frame (its input
// queue arrived in 1.87), so a key tapped down and up between two frames, or
// a press-move-release that lands in one frame, would be lost or misplaced.
// We queue the raw events and hand them to ImGui at most one transition per
// key or button per frame, each with the pointer position it happened at.
// Characters go through the same queue, in order with the keys: typed right
// after Ctrl+F or E (which move the keyboard into a field a frame or two
// later), they wait for the field instead of reaching the canvas as keys.
#pragma once
#include <cstddef>
#include <deque>

struct GLFWwindow;
struct ImGuiIO;

namespace cm::app {

class InputQueue {
public:
    // Takes over GLFW's key, character, button and cursor callbacks (focus
    // goes straight to the ImGui backend; the wheel comes via platform::on_wheel).
    void install(GLFWwindow* window);
    // Call after ImGui_ImplGlfw_NewFrame(): applies queued events to io.
    // pointer_scale converts GLFW cursor units to ImGui's logical pixels.
    void apply(ImGuiIO& io, float pointer_scale);
    size_t pending() const { return queue_.size(); }

private:
    struct Event {
        enum Kind { Key, Char, Button, Move, Leave } kind;
        int code;
        bool down;
        double x, y;
    };
    static void on_key(GLFWwindow*, int key, int scancode, int action, int mods);
    static void on_button(GLFWwindow*, int button, int action, int mods);
    static void on_cursor(GLFWwindow*, double x, double y);
    static void on_enter(GLFWwindow*, int entered);
    static void on_char(GLFWwindow*, unsigned int codepoint);

    std::deque<Event> queue_;
    bool keys_[512] = {};
    bool buttons_[5] = {};
    double x_ = 0, y_ = 0;
    bool inside_ = false;
    int hold_frames_ = 0;  // after a key that may focus a field: events wait this many frames
};

}  // namespace cm::app
