// Small floating bars next to the text: the label buttons beside a fresh
// selection (with the zone menu and the snap-to-words toggle), and the
// relation chooser when two claims are being linked. Every button does
// what its key does (shown on the button), through the Annotator.
#pragma once
#include <imgui.h>

#include "ui/annotator.h"

namespace cm::ui {

// anchor: screen point just below the selection's last line (or above it
// when there is no room); view_min/max: the reading view's rectangle.
void draw_selection_toolbar(Annotator& an, size_t sel_begin, size_t sel_end, ImVec2 anchor, ImVec2 view_min, ImVec2 view_max);
// The 1 / 2 / 3 chooser for a claim-to-claim link, near `anchor`.
void draw_claim_link_chooser(Annotator& an, ImVec2 anchor);

}  // namespace cm::ui
