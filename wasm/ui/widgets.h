// Small drawing and text helpers the side panels share: label chips, muted
// text, std::string text fields (our ImGui build has no misc/cpp), the
// entity-kind combo, and case-insensitive matching for filters.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/annotations.h"

namespace cm::ui {

// 0xRRGGBB plus an alpha in [0, 1], as ImGui colours.
ImU32 color_u32(uint32_t rgb, float alpha = 1.0f);
ImVec4 color_vec4(uint32_t rgb, float alpha = 1.0f);

// A rounded square in a label colour, as one item as tall as a text line
// (or `height`, e.g. ImGui::GetFrameHeight() beside a combo), centred in it.
void color_swatch(uint32_t rgb, float height = 0);
// The swatch for a text line starting at `text_pos` (screen coordinates).
void draw_swatch(ImDrawList* dl, ImVec2 text_pos, uint32_t rgb);
// The swatch and the label's name as one text item (hover and layout see one thing).
void label_chip(const Label& label);
float label_chip_width(const Label& label);
// A Selectable / Checkbox whose text is the label's chip; ids come from the label's id.
bool label_selectable(const Label& label, bool selected);
bool label_checkbox(const Label& label, bool* checked);

// Text in the theme's muted colour; the wrapped one wraps at the content edge.
void muted_text(std::string_view text);
void muted_text_wrapped(std::string_view text);
// A small bold heading with a little space above it, for panel sections.
void section_heading(ImFont* bold, const char* text);
// A small "×" button (the fonts lack U+2715); id must be unique in the scope.
bool remove_button(const char* id, const char* tooltip = nullptr);

// Lays out a row of small items that wraps at the right edge of the space
// available where it is created (a window, or a table cell): call next()
// with each item's width before drawing it.
class Flow {
public:
    Flow();
    void next(float item_width);

private:
    float right_;
    bool first_ = true;
};

// A field's name on the left, then the field (next item) filling the rest of
// the line; label_width lines up a column of fields.
void field_label(const char* text, float label_width);

// A text field bound to a model string (a note, a name) that commits once,
// when the reader leaves it, so typing a word is one undo step and the model
// is not rewritten on every keystroke. While the reader types, their text
// wins over the model's; otherwise the field follows the model (undo shows).
class BoundField {
public:
    using Widget = std::function<bool(std::string& text)>;  // draws the field: one item
    using Commit = std::function<void(Id target, const std::string& text)>;

    // Draws the field for `target` (ids are scoped by it, so one target's
    // edit never lands on another). An edit still open on a previous target is
    // committed to that target first.
    void draw(Id target, const std::string& value, const Widget& widget, const Commit& commit);
    // Commits an edit in progress, e.g. when the field will not be drawn any more.
    void flush(const Commit& commit);
    bool editing() const { return active_; }

private:
    Id target_ = kNoId;
    std::string text_, original_;
    bool active_ = false;
};

// Text fields editing a std::string in place (it grows as needed). The
// callback, if any, receives every event but the resize.
bool input_text(const char* label, std::string& s, ImGuiInputTextFlags flags = 0,
                ImGuiInputTextCallback callback = nullptr, void* user_data = nullptr);
bool input_text_with_hint(const char* label, const char* hint, std::string& s, ImGuiInputTextFlags flags = 0,
                          ImGuiInputTextCallback callback = nullptr, void* user_data = nullptr);
bool input_text_multiline(const char* label, std::string& s, const ImVec2& size = ImVec2(0, 0),
                          ImGuiInputTextFlags flags = 0);

// "Person", "Organisation", … for display (to_string gives the stored names).
const char* display_name(EntityKind kind);
const char* display_name(LabelRole role);
// A combo over the entity kinds; true when the user picked a different one.
bool entity_kind_combo(const char* label, EntityKind& kind);

// Case-folded code points (ASCII, Latin-1, Latin Extended-A, Greek,
// Cyrillic), for matching typed filters against names and text.
std::u32string fold_case(std::string_view utf8);
bool contains_folded(const std::u32string& haystack, const std::u32string& needle);

// At most max_chars code points of utf8 on one line (line breaks and runs
// of white space become one space), with "…" when cut; 0 = no limit.
std::string one_line(std::string_view utf8, size_t max_chars);
// "2024-05-01 14:03" in local time; "" for 0.
std::string format_time(double seconds_since_epoch);

}  // namespace cm::ui
