// The overview strip's density image: counts per row and label, scaled to
// the densest row of each label, clamped rows and slots.
#include <catch2/catch.hpp>
#include <cmath>

#include "core/density.h"

using cm::DensitySpan;
using cm::label_density;

TEST_CASE("density: empty and degenerate sizes", "[density]") {
    CHECK(label_density({}, 0, 3).values.empty());
    const auto img = label_density({}, 4, 2);
    CHECK(img.values == std::vector<uint8_t>(8, 0));
}

TEST_CASE("density: per row and label, scaled to each label's densest row", "[density]") {
    // Label 0: rows 0-3 once, rows 2-3 again (peak 2). Label 1: row 7 only.
    const auto img = label_density({{0, 3, 0}, {2, 3, 0}, {7, 7, 1}}, 8, 2);
    REQUIRE(img.rows == 8);
    REQUIRE(img.slots == 2);
    const auto half = static_cast<uint8_t>(std::lround(std::sqrt(0.5) * 255));
    CHECK(img.at(0, 0) == half);
    CHECK(img.at(1, 0) == half);
    CHECK(img.at(2, 0) == 255);
    CHECK(img.at(3, 0) == 255);
    CHECK(img.at(4, 0) == 0);
    CHECK(img.at(7, 1) == 255);  // a lone span is at full strength for its label
    CHECK(img.at(6, 1) == 0);
    for (uint32_t r = 0; r < 7; ++r) CHECK(img.at(r, 1) == 0);
}

TEST_CASE("density: rows and slots beyond the image are clamped, reversed rows are one row", "[density]") {
    const auto img = label_density({{10, 20, 5}, {3, 1, 0}}, 4, 2);
    CHECK(img.at(3, 1) == 255);  // row 10-20 -> the last row; slot 5 -> the last slot
    CHECK(img.at(2, 1) == 0);
    CHECK(img.at(3, 0) == 255);  // first_row 3 > last_row 1: just row 3
    CHECK(img.at(1, 0) == 0);
}
