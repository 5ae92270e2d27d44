#include "ui/opaque_fill.h"

#include <cstdint>

namespace cm::ui {

namespace {
// The marker: never called by our renderer, which recognises it.
void opaque_fill_marker(const ImDrawList*, const ImDrawCmd*) {}
}  // namespace

void fill_opaque(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 col) {
    dl->PushClipRect(min, max, true);
    // The colour travels in the callback's data pointer.
    dl->AddCallback(opaque_fill_marker, reinterpret_cast<void*>(static_cast<uintptr_t>(col | IM_COL32_A_MASK)));
    dl->PopClipRect();
}

bool is_opaque_fill(const ImDrawCmd& cmd) { return cmd.UserCallback == opaque_fill_marker; }

ImU32 opaque_fill_color(const ImDrawCmd& cmd) {
    return static_cast<ImU32>(reinterpret_cast<uintptr_t>(cmd.UserCallbackData));
}

}  // namespace cm::ui
