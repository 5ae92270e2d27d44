// Where a long article's annotations lie, for the overview strip beside the
// scrollbar: per row of the strip and per label, how dense the spans are.
// Rows are a fraction of the laid-out text's height (the caller maps each
// span's first and last code point to rows). Built once per model change:
// O(spans + rows × labels), so 10,000 spans cost nothing per frame.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace cm {

struct DensitySpan {
    uint32_t first_row = 0, last_row = 0;  // inclusive
    uint32_t slot = 0;                      // the label's column, < slots
};

struct DensityImage {
    uint32_t rows = 0, slots = 0;
    // rows × slots bytes, row by row (an R8 texture slots wide, rows high):
    // 0 = no span of that label on the row; 255 = as many as the row with the
    // most of them. Square-root scaled, so a lone span still shows.
    std::vector<uint8_t> values;
    uint8_t at(uint32_t row, uint32_t slot) const { return values[static_cast<size_t>(row) * slots + slot]; }
};

// Spans beyond the last row or slot are clamped to it.
DensityImage label_density(const std::vector<DensitySpan>& spans, uint32_t rows, uint32_t slots);

}  // namespace cm
