// Feeds GLFW input to Dear ImGui without losing short events.
//
// ImGui 1.86 samples key and mouse-button state once per frame (its input
// queue arrived in 1.87), so a key tapped down and up between two frames, or
// a press-move-release that lands in one frame, would be lost or misplaced.
// We queue the raw events and hand them to ImGui at most one transition per
// key or button per frame, each with the pointer position it happened at.
#pragma once
#include <cstddef>
#include <deque>

struct GLFWwindow;
struct ImGuiIO;

namespace cm::app {

class InputQueue {
public:
    // Takes over GLFW's key, button, cursor callbacks (characters and focus
    // go straight to the ImGui backend; the wheel comes via platform::on_wheel).
    void install(GLFWwindow* window);
    // Call after ImGui_ImplGlfw_NewFrame(): applies queued events to io.
    // pointer_scale converts GLFW cursor units to ImGui's logical pixels.
    void apply(ImGuiIO& io, float pointer_scale);
    size_t pending() const { return queue_.size(); }

private:
    struct Event {
        enum Kind { Key, Button, Move, Leave } kind;
        int code;
        bool down;
        double x, y;
    };
    static void on_key(GLFWwindow*, int key, int scancode, int action, int mods);
    static void on_button(GLFWwindow*, int button, int action, int mods);
    static void on_cursor(GLFWwindow*, double x, double y);
    static void on_enter(GLFWwindow*, int entered);

    std::deque<Event> queue_;
    bool keys_[512] = {};
    bool buttons_[5] = {};
    double x_ = 0, y_ = 0;
    bool inside_ = false;
};

}  // namespace cm::app
