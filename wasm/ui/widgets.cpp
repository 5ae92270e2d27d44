// Shared panel helpers (see widgets.h).
#include "ui/widgets.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <ctime>

#include "core/utf8.h"
#include "ui/theme.h"

namespace cm::ui {

namespace {

float swatch_side() { return std::max(6.0f, ImGui::GetFontSize() * 0.8f); }

// Carries the string and the caller's own callback through ImGui's C-style user data.
struct StringFieldData {
    std::string* str;
    ImGuiInputTextCallback chained;
    void* chained_user_data;
};

int string_field_callback(ImGuiInputTextCallbackData* data) {
    auto* d = static_cast<StringFieldData*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        // ImGui asks for room for BufTextLen bytes: grow the string and hand its storage back.
        d->str->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = d->str->data();
        return 0;
    }
    if (!d->chained) return 0;
    data->UserData = d->chained_user_data;
    const int r = d->chained(data);
    data->UserData = d;
    return r;
}

bool is_blank(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029;
}

char32_t fold(char32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
    if (c >= 0x100 && c <= 0x17F) {
        // Latin Extended-A pairs capital/small, but the parity flips in the middle.
        if (c == 0x178) return 0xFF;
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c % 2 == 1) ? c + 1 : c;
        if (c == 0x130 || c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F) return c;
        return (c % 2 == 0) ? c + 1 : c;
    }
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;  // Greek
    if (c >= 0x410 && c <= 0x42F) return c + 32;                // Cyrillic
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return c;
}

// The name behind enough spaces for a swatch to be drawn over them: text and
// swatch then lay out, wrap and hover as one item.
std::string chip_text(const std::string& name) {
    const float need = swatch_side() + ImGui::GetStyle().ItemInnerSpacing.x;
    const float space = std::max(1.0f, ImGui::CalcTextSize(" ").x);
    const int n = static_cast<int>(std::ceil(need / space));
    return std::string(static_cast<size_t>(std::max(n, 1)), ' ') + name;
}

}  // namespace

ImU32 color_u32(uint32_t rgb, float alpha) {
    const int a = static_cast<int>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f + 0.5f);
    return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, a);
}

ImVec4 color_vec4(uint32_t rgb, float alpha) {
    return ImVec4(static_cast<float>((rgb >> 16) & 0xFF) / 255.0f, static_cast<float>((rgb >> 8) & 0xFF) / 255.0f,
                  static_cast<float>(rgb & 0xFF) / 255.0f, alpha);
}

void draw_swatch(ImDrawList* dl, ImVec2 text_pos, uint32_t rgb) {
    const float side = swatch_side();
    const float y = text_pos.y + (ImGui::GetTextLineHeight() - side) * 0.5f;
    dl->AddRectFilled(ImVec2(text_pos.x, y), ImVec2(text_pos.x + side, y + side), color_u32(rgb), side * 0.25f);
}

void color_swatch(uint32_t rgb, float height) {
    const float line = ImGui::GetTextLineHeight();
    if (height <= 0) height = line;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(swatch_side(), height));
    draw_swatch(ImGui::GetWindowDrawList(), ImVec2(p.x, p.y + (height - line) * 0.5f), rgb);
}

void label_chip(const Label& label) {
    ImGui::TextUnformatted(chip_text(label.name).c_str());
    draw_swatch(ImGui::GetWindowDrawList(), ImGui::GetItemRectMin(), label.color);
}

float label_chip_width(const Label& label) { return ImGui::CalcTextSize(chip_text(label.name).c_str()).x; }

bool label_selectable(const Label& label, bool selected) {
    ImGui::PushID(static_cast<int>(label.id));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool picked = ImGui::Selectable(chip_text(label.name).c_str(), selected);
    draw_swatch(ImGui::GetWindowDrawList(), p, label.color);
    ImGui::PopID();
    return picked;
}

bool label_checkbox(const Label& label, bool* checked) {
    ImGui::PushID(static_cast<int>(label.id));
    const bool changed = ImGui::Checkbox(chip_text(label.name).c_str(), checked);
    // The checkbox's text starts after its square and the inner spacing, at the frame's text baseline.
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImGuiStyle& style = ImGui::GetStyle();
    draw_swatch(ImGui::GetWindowDrawList(),
                ImVec2(min.x + ImGui::GetFrameHeight() + style.ItemInnerSpacing.x, min.y + style.FramePadding.y),
                label.color);
    ImGui::PopID();
    return changed;
}

void muted_text(std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopStyleColor();
}

void muted_text_wrapped(std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void section_heading(ImFont* bold, const char* text) {
    ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y));
    ImGui::PushFont(bold);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

bool remove_button(const char* id, const char* tooltip) {
    ImGui::PushID(id);
    const bool pressed = ImGui::SmallButton("\xC3\x97");  // ×
    if (tooltip && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
    ImGui::PopID();
    return pressed;
}

void field_label(const char* text, float label_width) {
    const float x = ImGui::GetCursorPosX();
    ImGui::AlignTextToFramePadding();
    muted_text(text);
    ImGui::SameLine(x + label_width);
    ImGui::SetNextItemWidth(-FLT_MIN);
}

void BoundField::flush(const Commit& commit) {
    if (active_ && target_ != kNoId && text_ != original_) commit(target_, text_);
    active_ = false;
}

void BoundField::draw(Id target, const std::string& value, const Widget& widget, const Commit& commit) {
    if (target != target_) {
        flush(commit);
        target_ = target;
    }
    if (!active_) text_ = original_ = value;
    ImGui::PushID(static_cast<int>(target));
    widget(text_);
    const bool left = ImGui::IsItemDeactivatedAfterEdit();
    active_ = ImGui::IsItemActive();
    ImGui::PopID();
    // Escape restores the original text, which then commits nothing.
    if (left && text_ != original_) {
        commit(target, text_);
        original_ = text_;
    }
}

Flow::Flow() : right_(ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x) {}

void Flow::next(float item_width) {
    if (!first_ && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + item_width <= right_)
        ImGui::SameLine();
    first_ = false;
}

bool input_text(const char* label, std::string& s, ImGuiInputTextFlags flags, ImGuiInputTextCallback callback,
                void* user_data) {
    StringFieldData d{&s, callback, user_data};
    return ImGui::InputText(label, s.data(), s.capacity() + 1, flags | ImGuiInputTextFlags_CallbackResize,
                            string_field_callback, &d);
}

bool input_text_with_hint(const char* label, const char* hint, std::string& s, ImGuiInputTextFlags flags,
                          ImGuiInputTextCallback callback, void* user_data) {
    StringFieldData d{&s, callback, user_data};
    return ImGui::InputTextWithHint(label, hint, s.data(), s.capacity() + 1,
                                    flags | ImGuiInputTextFlags_CallbackResize, string_field_callback, &d);
}

bool input_text_multiline(const char* label, std::string& s, const ImVec2& size, ImGuiInputTextFlags flags) {
    StringFieldData d{&s, nullptr, nullptr};
    return ImGui::InputTextMultiline(label, s.data(), s.capacity() + 1, size,
                                     flags | ImGuiInputTextFlags_CallbackResize, string_field_callback, &d);
}

const char* display_name(EntityKind kind) {
    switch (kind) {
        case EntityKind::Person: return "Person";
        case EntityKind::Organisation: return "Organisation";
        case EntityKind::Outlet: return "Outlet";
        case EntityKind::Document: return "Document";
    }
    return "Unknown";
}

const char* display_name(LabelRole role) {
    switch (role) {
        case LabelRole::Claim: return "Claim";
        case LabelRole::Speaker: return "Speaker";
        case LabelRole::Source: return "Source";
        case LabelRole::Other: return "Other";
    }
    return "Unknown";
}

bool entity_kind_combo(const char* label, EntityKind& kind) {
    bool changed = false;
    if (ImGui::BeginCombo(label, display_name(kind))) {
        for (EntityKind k : {EntityKind::Person, EntityKind::Organisation, EntityKind::Outlet, EntityKind::Document}) {
            if (ImGui::Selectable(display_name(k), k == kind) && k != kind) {
                kind = k;
                changed = true;
            }
            if (k == kind) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    return changed;
}

std::u32string fold_case(std::string_view utf8) {
    std::u32string out = decode_utf8(utf8).codepoints;
    for (char32_t& c : out) c = fold(c);
    return out;
}

bool contains_folded(const std::u32string& haystack, const std::u32string& needle) {
    return needle.empty() || haystack.find(needle) != std::u32string::npos;
}

std::string one_line(std::string_view utf8, size_t max_chars) {
    const std::u32string in = decode_utf8(utf8).codepoints;
    std::u32string out;
    out.reserve(in.size());
    bool pending_space = false;
    bool cut = false;
    for (char32_t c : in) {
        if (is_blank(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (max_chars > 0 && out.size() + (pending_space ? 1 : 0) >= max_chars) {
            cut = true;
            break;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(c);
    }
    if (cut) {
        // Room for the ellipsis, and no space left dangling before it.
        while (!out.empty() && out.size() + 1 > max_chars) out.pop_back();
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out.push_back(0x2026);
    }
    return encode_utf8(out);
}

std::string format_time(double seconds_since_epoch) {
    if (seconds_since_epoch <= 0) return {};
    const std::time_t t = static_cast<std::time_t>(seconds_since_epoch);
    const std::tm* tm = std::localtime(&t);
    if (!tm) return {};
    char buf[32];
    const size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", tm);
    return std::string(buf, n);
}

}  // namespace cm::ui
