#include "ui/rich_text.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "ui/widgets.h"

namespace cm::ui {

namespace {

// A word (with the spaces after it) placed on a line.
struct Run {
    const char* begin;
    const char* end;
    ImFont* font;
    ImU32 color;
    uint32_t underline;
    ImVec2 pos;
    float width;
    size_t segment;
};

const char* next_break(const char* p, const char* end) {
    while (p < end && *p != ' ' && *p != '\n') ++p;
    while (p < end && *p == ' ') ++p;
    return p;
}

}  // namespace

RichText& RichText::add(std::string text, ImFont* font, ImU32 color, uint32_t underline) {
    if (!text.empty()) segments_.push_back({std::move(text), font, color, underline});
    return *this;
}

bool RichText::draw(const char* id, float width) {
    // A few pixels short of the edge: a table cell's text would touch its border.
    const float wrap = width > 0 ? width : std::max(40.0f, ImGui::GetContentRegionAvail().x - 4);
    const float size = ImGui::GetFontSize();
    const float line_h = ImGui::GetTextLineHeightWithSpacing();
    const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
    std::vector<Run> runs;
    float x = 0, y = 0, widest = 0;
    for (size_t si = 0; si < segments_.size(); ++si) {
        const RichSegment& s = segments_[si];
        ImFont* font = s.font ? s.font : ImGui::GetFont();
        const char* p = s.text.data();
        const char* end = p + s.text.size();
        while (p < end) {
            if (*p == '\n') {  // a hard break
                x = 0, y += line_h, ++p;
                continue;
            }
            const char* q = next_break(p, end);
            // The width without trailing spaces decides the wrap.
            const char* word_end = q;
            while (word_end > p && word_end[-1] == ' ') --word_end;
            const float w = font->CalcTextSizeA(size, FLT_MAX, 0, p, word_end).x;
            const float w_spaces = font->CalcTextSizeA(size, FLT_MAX, 0, p, q).x;
            if (x > 0 && x + w > wrap) x = 0, y += line_h;
            // A word wider than the line is drawn clipped on its own line.
            runs.push_back({p, q, font, s.color ? s.color : text_color, s.underline, ImVec2(x, y), std::min(w, wrap), si});
            x += w_spaces;
            widest = std::max(widest, x);
            p = q;
        }
    }
    const ImVec2 size_px(id ? wrap : std::min(widest, wrap), y + ImGui::GetTextLineHeight());
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    bool clicked = false, hovered = false;
    if (id) {
        clicked = ImGui::InvisibleButton(id, size_px);
        hovered = ImGui::IsItemHovered();
    } else {
        ImGui::Dummy(size_px);
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered) {
        dl->AddRectFilled(ImVec2(origin.x - 3, origin.y - 1), ImVec2(origin.x + size_px.x + 3, origin.y + size_px.y + 1),
                          ImGui::GetColorU32(ImGuiCol_HeaderHovered), 3.0f);
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    const ImVec4 clip(origin.x, origin.y, origin.x + wrap, origin.y + size_px.y);
    for (size_t i = 0; i < runs.size(); ++i) {
        const Run& r = runs[i];
        const ImVec2 at(origin.x + r.pos.x, origin.y + r.pos.y);
        dl->AddText(r.font, size, at, r.color, r.begin, r.end, 0.0f, &clip);
        if (r.underline) {
            // Under the spaces too while the segment goes on along the line.
            const bool joined = i + 1 < runs.size() && runs[i + 1].segment == r.segment && runs[i + 1].pos.y == r.pos.y;
            const float x1 = joined ? origin.x + runs[i + 1].pos.x : at.x + r.width;
            const float uy = std::floor(at.y + size + 1);
            dl->AddLine(ImVec2(at.x, uy), ImVec2(x1, uy), color_u32(r.underline - 1), 1.5f);
        }
    }
    return clicked;
}

}  // namespace cm::ui
