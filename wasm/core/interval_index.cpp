#include "core/interval_index.h"

#include <algorithm>

namespace cm {

namespace {

// Fills max_end for the subtree of [lo, hi) and returns it.
uint32_t fill(const std::vector<IntervalIndex::Item>& items, std::vector<uint32_t>& max_end, size_t lo, size_t hi) {
    if (lo >= hi) return 0;
    const size_t mid = lo + (hi - lo) / 2;
    const uint32_t m = std::max({items[mid].end, fill(items, max_end, lo, mid), fill(items, max_end, mid + 1, hi)});
    max_end[mid] = m;
    return m;
}

}  // namespace

void IntervalIndex::build(std::vector<Item> items) {
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.start < b.start; });
    items_ = std::move(items);
    max_end_.assign(items_.size(), 0);
    fill(items_, max_end_, 0, items_.size());
}

void IntervalIndex::visit(size_t lo, size_t hi, uint32_t from, uint32_t to, std::vector<uint32_t>& out) const {
    // Depth is log2(n) (about 20 for a million items): recursion is fine.
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (max_end_[mid] < from) return;  // nothing below reaches the range
        visit(lo, mid, from, to, out);
        if (items_[mid].start > to) return;  // it and everything right of it start after the range
        if (items_[mid].end >= from) out.push_back(items_[mid].value);
        lo = mid + 1;  // the right subtree, iteratively
    }
}

void IntervalIndex::query(uint32_t from, uint32_t to, std::vector<uint32_t>& out) const {
    if (from > to) return;
    visit(0, items_.size(), from, to, out);
}

}  // namespace cm
