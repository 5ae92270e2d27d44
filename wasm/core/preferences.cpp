#include "preferences.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "json_read.h"

namespace cm {

namespace {
using nlohmann::json;

template <typename T>
void take(const json& j, const char* key, T& out) {
    const auto it = j.find(key);
    if (it == j.end()) return;
    if constexpr (std::is_same_v<T, bool>) {
        if (it->is_boolean()) out = it->template get<bool>();
    } else if constexpr (std::is_same_v<T, std::string>) {
        if (it->is_string()) out = it->template get<std::string>();
    } else {
        if (it->is_number()) out = it->template get<T>();
    }
}
}  // namespace

void Preferences::clamp() {
    auto fix = [](float& v, float lo, float hi, float fallback) {
        if (!(v >= lo && v <= hi)) v = std::isnan(v) ? fallback : std::clamp(v, lo, hi);
    };
    fix(text_size, kMinText, kMaxText, kDefaultText);
    fix(line_spacing, kMinSpacing, kMaxSpacing, kDefaultSpacing);
    fix(column_em, kMinColumn, kMaxColumn, kDefaultColumn);
    fix(list_width, 160, 600, 260);
    fix(panel_width, 260, 800, 380);
    if (theme != "system" && theme != "light" && theme != "dark") theme = "system";
}

bool Preferences::operator==(const Preferences& o) const {
    return text_size == o.text_size && line_spacing == o.line_spacing && column_em == o.column_em && theme == o.theme &&
           list_width == o.list_width && panel_width == o.panel_width &&
           guide_done == o.guide_done && imgui_ini == o.imgui_ini;
}

std::string preferences_to_json(const Preferences& p) {
    const json j = {{"format", "claimmark-preferences"}, {"version", 1},
                    {"text_size", p.text_size}, {"line_spacing", p.line_spacing}, {"column_em", p.column_em},
                    {"theme", p.theme}, {"list_width", p.list_width}, {"panel_width", p.panel_width},
                    {"guide_done", p.guide_done}, {"imgui_ini", p.imgui_ini}};
    return j.dump(1);
}

Preferences preferences_from_json(const std::string& text) {
    Preferences p;
    json j;
    std::string error;
    if (!parse_json(text, j, error) || !j.is_object()) return p;
    take(j, "text_size", p.text_size);
    take(j, "line_spacing", p.line_spacing);
    take(j, "column_em", p.column_em);
    take(j, "theme", p.theme);
    take(j, "list_width", p.list_width);
    take(j, "panel_width", p.panel_width);
    take(j, "guide_done", p.guide_done);
    take(j, "imgui_ini", p.imgui_ini);
    p.clamp();
    return p;
}

}  // namespace cm
