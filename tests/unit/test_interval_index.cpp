// The interval index against a linear scan, on random and adversarial sets
// (nested, one long interval over everything, empty, duplicates), and the
// number of items it touches staying near log n + k.
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <vector>

#include "core/interval_index.h"

using cm::IntervalIndex;

namespace {

std::vector<uint32_t> linear(const std::vector<IntervalIndex::Item>& items, uint32_t from, uint32_t to) {
    std::vector<IntervalIndex::Item> sorted = items;
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    std::vector<uint32_t> out;
    for (const auto& it : sorted)
        if (it.start <= to && it.end >= from) out.push_back(it.value);
    return out;
}

std::vector<uint32_t> query(const IntervalIndex& index, uint32_t from, uint32_t to) {
    std::vector<uint32_t> out;
    index.query(from, to, out);
    return out;
}

}  // namespace

TEST_CASE("interval index: empty, one item, bounds inclusive", "[interval-index]") {
    IntervalIndex empty;
    CHECK(query(empty, 0, 100).empty());
    IntervalIndex one({{10, 20, 7}});
    CHECK(query(one, 0, 9).empty());
    CHECK(query(one, 0, 10) == std::vector<uint32_t>{7});
    CHECK(query(one, 20, 30) == std::vector<uint32_t>{7});
    CHECK(query(one, 21, 30).empty());
    CHECK(query(one, 15, 15) == std::vector<uint32_t>{7});
    CHECK(query(one, 30, 20).empty());  // from > to: nothing
}

TEST_CASE("interval index: same results as a linear scan, in start order", "[interval-index]") {
    std::mt19937 rng(42);
    for (int round = 0; round < 200; ++round) {
        const uint32_t n = rng() % 300, length = 1 + rng() % 5000;
        std::vector<IntervalIndex::Item> items;
        for (uint32_t i = 0; i < n; ++i) {
            const uint32_t start = rng() % length;
            const uint32_t span = rng() % 4 == 0 ? rng() % length : rng() % 50;  // some long ones
            items.push_back({start, std::min(length, start + span), i});
        }
        if (round % 10 == 0) items.push_back({0, length, n});  // one over everything
        const IntervalIndex index(items);
        REQUIRE(index.size() == items.size());
        for (int q = 0; q < 30; ++q) {
            const uint32_t a = rng() % (length + 10), b = a + rng() % 300;
            REQUIRE(query(index, a, b) == linear(items, a, b));
        }
    }
}

TEST_CASE("interval index: nested and duplicate intervals keep their given order at equal starts", "[interval-index]") {
    std::vector<IntervalIndex::Item> items;
    for (uint32_t i = 0; i < 50; ++i) items.push_back({100 - i, 100 + i, i});  // nested, outermost last
    items.push_back({60, 140, 50});
    items.push_back({60, 140, 51});
    const IntervalIndex index(items);
    CHECK(query(index, 100, 100) == linear(items, 100, 100));
    CHECK(query(index, 0, 50).empty());  // the outermost starts at 51
    CHECK(query(index, 150, 200).empty());  // and ends at 149
    const auto dup = query(index, 139, 139);
    REQUIRE(dup.size() >= 2);
    CHECK(std::find(dup.begin(), dup.end(), 50) < std::find(dup.begin(), dup.end(), 51));
}
