#include "ui/item_rects.h"

#include <imgui.h>

#include <unordered_map>

namespace cm::ui {

namespace {
std::unordered_map<std::string, std::array<float, 4>>& rects() {
    static std::unordered_map<std::string, std::array<float, 4>> r;
    return r;
}
}  // namespace

void clear_item_rects() { rects().clear(); }

void remember_item(const std::string& name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    rects()[name] = {a.x, a.y, b.x - a.x, b.y - a.y};
}

void remember_rect(const std::string& name, float x0, float y0, float x1, float y1) {
    rects()[name] = {x0, y0, x1 - x0, y1 - y0};
}

std::optional<std::array<float, 4>> item_rect(const std::string& name) {
    const auto it = rects().find(name);
    if (it == rects().end()) return std::nullopt;
    return it->second;
}

}  // namespace cm::ui
