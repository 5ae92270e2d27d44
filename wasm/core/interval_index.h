// A static index of intervals [start, end) answering "which intersect
// [from, to]?" in O(log n + k): the intervals sorted by start, read as an
// implicit balanced binary tree (the middle of a range is its root), each
// node keeping the largest end in its subtree. A query skips every subtree
// whose largest end is before `from`, and everything to the right of a node
// that starts after `to`. Built once per model change (O(n log n)), queried
// every frame for the visible lines.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace cm {

class IntervalIndex {
public:
    struct Item {
        uint32_t start = 0, end = 0;  // end inclusive or exclusive: the caller decides (see query)
        uint32_t value = 0;           // what the caller stores (e.g. a position in its own list)
    };

    IntervalIndex() = default;
    explicit IntervalIndex(std::vector<Item> items) { build(std::move(items)); }
    void build(std::vector<Item> items);

    // Appends the value of every item with start <= to and end >= from, in
    // start order (ties: the order given to build). For half-open spans and
    // a half-open visible range [b, e), query(b + 1, e - 1) finds those that share a code point.
    void query(uint32_t from, uint32_t to, std::vector<uint32_t>& out) const;
    size_t size() const { return items_.size(); }

private:
    void visit(size_t lo, size_t hi, uint32_t from, uint32_t to, std::vector<uint32_t>& out) const;
    std::vector<Item> items_;     // sorted by start (stable)
    std::vector<uint32_t> max_end_;  // per node (middle of its range): the subtree's largest end
};

}  // namespace cm
