#include "core/density.h"

#include <algorithm>
#include <cmath>

namespace cm {

DensityImage label_density(const std::vector<DensitySpan>& spans, uint32_t rows, uint32_t slots) {
    DensityImage img;
    img.rows = rows;
    img.slots = slots;
    img.values.assign(static_cast<size_t>(rows) * slots, 0);
    if (rows == 0 || slots == 0) return img;
    // A difference array per slot: +1 where a span's rows begin, -1 after they end.
    std::vector<int32_t> diff(static_cast<size_t>(rows + 1) * slots, 0);
    for (const DensitySpan& s : spans) {
        const uint32_t slot = std::min(s.slot, slots - 1);
        const uint32_t a = std::min(s.first_row, rows - 1), b = std::min(std::max(s.first_row, s.last_row), rows - 1);
        ++diff[static_cast<size_t>(a) * slots + slot];
        --diff[static_cast<size_t>(b + 1) * slots + slot];
    }
    std::vector<int32_t> count(static_cast<size_t>(rows) * slots, 0), peak(slots, 0);
    for (uint32_t slot = 0; slot < slots; ++slot) {
        int32_t running = 0;
        for (uint32_t r = 0; r < rows; ++r) {
            running += diff[static_cast<size_t>(r) * slots + slot];
            count[static_cast<size_t>(r) * slots + slot] = running;
            peak[slot] = std::max(peak[slot], running);
        }
    }
    for (uint32_t r = 0; r < rows; ++r)
        for (uint32_t slot = 0; slot < slots; ++slot) {
            const int32_t c = count[static_cast<size_t>(r) * slots + slot];
            if (c <= 0) continue;
            const double v = std::sqrt(static_cast<double>(c) / peak[slot]);
            img.values[static_cast<size_t>(r) * slots + slot] = static_cast<uint8_t>(std::lround(v * 255));
        }
    return img;
}

}  // namespace cm
