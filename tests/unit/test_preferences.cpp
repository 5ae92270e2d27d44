// The reader's preferences survive a round trip, and bad input never costs
// more than falling back to defaults.
#include <catch2/catch.hpp>

#include "core/preferences.h"

using namespace cm;

TEST_CASE("preferences round-trip through JSON", "[preferences]") {
    Preferences p;
    p.text_size = 22;
    p.line_spacing = 1.8f;
    p.column_em = 44;
    p.theme = "dark";
    p.list_width = 300;
    p.panel_width = 420;
    p.guide_done = true;
    p.imgui_ini = "[Window][Keys]\nPos=10,20\n";
    CHECK(preferences_from_json(preferences_to_json(p)) == p);
    CHECK(preferences_from_json(preferences_to_json(Preferences{})) == Preferences{});
}

TEST_CASE("bad preferences fall back to defaults, field by field", "[preferences]") {
    CHECK(preferences_from_json("") == Preferences{});
    CHECK(preferences_from_json("{\"text_size\": 2") == Preferences{});  // truncated
    CHECK(preferences_from_json("[1, 2]") == Preferences{});
    const Preferences p = preferences_from_json(
        R"({"text_size": 400, "line_spacing": "wide", "column_em": 10, "theme": "neon", "guide_done": true, "extra": 1})");
    CHECK(p.text_size == Preferences::kMaxText);        // clamped
    CHECK(p.line_spacing == Preferences::kDefaultSpacing);  // wrong type: default
    CHECK(p.column_em == Preferences::kMinColumn);
    CHECK(p.theme == "system");
    CHECK(p.guide_done);  // the good fields are kept
}
