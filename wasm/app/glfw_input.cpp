#include "app/glfw_input.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <cfloat>

namespace cm::app {

namespace {
InputQueue* g_queue = nullptr;  // GLFW callbacks carry no user data we can spare
}

void InputQueue::install(GLFWwindow* window) {
    g_queue = this;
    glfwSetKeyCallback(window, on_key);
    glfwSetMouseButtonCallback(window, on_button);
    glfwSetCursorPosCallback(window, on_cursor);
    glfwSetCursorEnterCallback(window, on_enter);
    glfwSetCharCallback(window, on_char);
    glfwSetWindowFocusCallback(window, ImGui_ImplGlfw_WindowFocusCallback);
}

void InputQueue::on_key(GLFWwindow*, int key, int, int action, int) {
    if (key < 0 || key >= 512 || action == GLFW_REPEAT) return;  // ImGui makes its own repeats
    g_queue->queue_.push_back({Event::Key, key, action == GLFW_PRESS, 0, 0});
}

void InputQueue::on_button(GLFWwindow*, int button, int action, int) {
    if (button < 0 || button >= 5) return;
    g_queue->queue_.push_back({Event::Button, button, action == GLFW_PRESS, 0, 0});
}

void InputQueue::on_char(GLFWwindow*, unsigned int codepoint) {
    g_queue->queue_.push_back({Event::Char, static_cast<int>(codepoint), true, 0, 0});
}

void InputQueue::on_cursor(GLFWwindow*, double x, double y) { g_queue->queue_.push_back({Event::Move, 0, true, x, y}); }

void InputQueue::on_enter(GLFWwindow*, int entered) {
    if (!entered) g_queue->queue_.push_back({Event::Leave, 0, false, 0, 0});
}

void InputQueue::apply(ImGuiIO& io, float pointer_scale) {
    bool key_seen[512] = {};
    bool button_seen[5] = {};
    bool moved = false;
    // Everything waits while held, so keys, characters and clicks keep their order.
    if (hold_frames_ > 0) --hold_frames_;
    while (hold_frames_ == 0 && !queue_.empty()) {
        const Event e = queue_.front();
        if (e.kind == Event::Char) {
            io.AddInputCharacter(static_cast<unsigned int>(e.code));
        } else if (e.kind == Event::Key) {
            if (key_seen[e.code]) break;  // its second transition waits for the next frame
            key_seen[e.code] = true;
            keys_[e.code] = e.down;
            // A shortcut, E, I or Enter outside a text field may put the keyboard
            // in a field over the next frames (Ctrl+F, Ctrl+K, the inspector):
            // what follows waits for it, so fast typing lands in the field.
            const bool shortcut = keys_[GLFW_KEY_LEFT_CONTROL] || keys_[GLFW_KEY_RIGHT_CONTROL] ||
                                  keys_[GLFW_KEY_LEFT_SUPER] || keys_[GLFW_KEY_RIGHT_SUPER];
            const bool focus_key = e.code == GLFW_KEY_E || e.code == GLFW_KEY_I || e.code == GLFW_KEY_ENTER ||
                                   (shortcut && (e.code == GLFW_KEY_F || e.code == GLFW_KEY_K));
            if (e.down && focus_key && !io.WantTextInput) {
                queue_.pop_front();
                hold_frames_ = 3;  // the tab or panel shows, then the field takes the focus
                break;
            }
        } else if (e.kind == Event::Button) {
            if (button_seen[e.code]) break;
            // A press waits one frame after the pointer moved: ImGui's tabs and
            // other overlapping items only take a click where the pointer
            // already hovered last frame (a test's click teleports the pointer).
            // A release waits too, so a drag's last movement is seen with the
            // button still down (splitters and sliders move by the frame's delta).
            if (moved) break;
            button_seen[e.code] = true;
            buttons_[e.code] = e.down;
            queue_.pop_front();
            break;  // ImGui takes the click position from this frame's pointer position
        } else if (e.kind == Event::Move) {
            moved = moved || e.x != x_ || e.y != y_ || !inside_;
            x_ = e.x;
            y_ = e.y;
            inside_ = true;
        } else {
            inside_ = false;
        }
        queue_.pop_front();
    }
    // A pressed button keeps reporting positions even outside the window.
    bool any_button = false;
    for (int i = 0; i < 5; ++i) {
        io.MouseDown[i] = buttons_[i];
        any_button = any_button || buttons_[i];
    }
    if (inside_ || any_button) io.MousePos = ImVec2(static_cast<float>(x_ / pointer_scale), static_cast<float>(y_ / pointer_scale));
    else io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    for (int k = 0; k < 512; ++k) io.KeysDown[k] = keys_[k];
    io.KeyCtrl = keys_[GLFW_KEY_LEFT_CONTROL] || keys_[GLFW_KEY_RIGHT_CONTROL];
    io.KeyShift = keys_[GLFW_KEY_LEFT_SHIFT] || keys_[GLFW_KEY_RIGHT_SHIFT];
    io.KeyAlt = keys_[GLFW_KEY_LEFT_ALT] || keys_[GLFW_KEY_RIGHT_ALT];
    io.KeySuper = keys_[GLFW_KEY_LEFT_SUPER] || keys_[GLFW_KEY_RIGHT_SUPER];
}

}  // namespace cm::app
