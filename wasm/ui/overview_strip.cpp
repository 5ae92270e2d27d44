#include "ui/overview_strip.h"

#include <algorithm>
#include <cmath>

#include "ui/item_rects.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace cm::ui {

namespace {

OverviewPainter g_painter;

// Without the app's painter: each row in its densest label's colour.
void paint_with_rects(ImDrawList* dl, ImVec2 min, ImVec2 max, const OverviewPicture& p) {
    const DensityImage& img = *p.image;
    dl->AddRectFilled(min, max, color_u32(p.background));
    const float row_h = (max.y - min.y) / static_cast<float>(img.rows);
    for (uint32_t r = 0; r < img.rows; ++r) {
        uint32_t best = 0, value = 0;
        for (uint32_t s = 0; s < img.slots; ++s)
            if (img.at(r, s) > value) value = img.at(r, s), best = s;
        if (value == 0) continue;
        const float y = min.y + row_h * static_cast<float>(r);
        dl->AddRectFilled(ImVec2(min.x, y), ImVec2(max.x, y + std::max(1.0f, row_h)),
                          color_u32(p.colors[best], 0.25f + 0.7f * static_cast<float>(value) / 255.0f));
    }
}

}  // namespace

void set_overview_painter(OverviewPainter painter) { g_painter = std::move(painter); }

uint32_t OverviewStrip::row_of(const TextLayout& layout, size_t cp) const {
    const float h = std::max(1.0f, layout.height());
    const float f = std::clamp(layout.y_of(cp) / h, 0.0f, 1.0f);
    return std::min(kRows - 1, static_cast<uint32_t>(f * static_cast<float>(kRows)));
}

void OverviewStrip::refresh(const Annotator& an, const TextLayout& layout, int layout_builds) {
    const bool dark = palette().dark;
    const bool model = an.editor().revision() != revision_ || an.document() != doc_ || layout_builds != layout_builds_;
    if (model || dark != dark_) {
        revision_ = an.editor().revision();
        doc_ = an.document();
        layout_builds_ = layout_builds;
        dark_ = dark;
        const Annotations& m = an.model();
        const uint32_t slots = static_cast<uint32_t>(std::max<size_t>(1, m.labels.size()));
        std::vector<DensitySpan> spans;
        if (doc_)
            for (const Span* s : m.spans_in(doc_->meta.id)) {
                const int slot = m.label_index(s->label);
                if (slot < 0) continue;
                // At least a few rows, so a lone short span still shows as a mark.
                const uint32_t first = row_of(layout, s->start());
                const uint32_t last = std::max(first + kMinRows - 1, row_of(layout, s->end() > 0 ? s->end() - 1 : 0));
                spans.push_back({first, last, static_cast<uint32_t>(slot)});
            }
        image_ = label_density(spans, kRows, slots);
        picture_.image = &image_;
        ++picture_.version;
        picture_.colors.clear();
        for (const Label& l : m.labels) picture_.colors.push_back(l.color);
        if (picture_.colors.empty()) picture_.colors.push_back(0x808080);
        // A faint track: the page a little towards the muted text colour.
        // (ImGui colours are 0xAABBGGRR; ours 0xRRGGBB.)
        const ImU32 page = palette().page, muted = palette().muted;
        auto channel = [&](int shift) {
            const float a = static_cast<float>((page >> shift) & 0xFF), b = static_cast<float>((muted >> shift) & 0xFF);
            return static_cast<uint32_t>(a + (b - a) * 0.15f) & 0xFF;
        };
        picture_.background = channel(0) << 16 | channel(8) << 8 | channel(16);
    }
    if (model || an.marks.version() != marks_version_) {
        marks_version_ = an.marks.version();
        hit_rows_.assign(kRows, 0);
        if (const auto* hits = an.marks.layer("search"); hits && doc_)
            for (const TextMark& h : *hits)
                if (h.doc == doc_->meta.id) hit_rows_[row_of(layout, h.start)] = 1;
    }
}

float OverviewStrip::draw(ImDrawList* dl, ImVec2 min, ImVec2 max, const Annotator& an, const TextLayout& layout,
                          int layout_builds, float view_y0, float view_y1) {
    refresh(an, layout, layout_builds);
    if (max.y - min.y < 8) return -1;
    remember_rect("reading:overview", min.x, min.y, max.x, max.y);
    if (g_painter) g_painter(dl, min, max, picture_);
    else paint_with_rects(dl, min, max, picture_);

    const float strip_h = max.y - min.y, h = std::max(1.0f, layout.height());
    const float row_h = strip_h / static_cast<float>(kRows);
    // Search hits: a tick across the strip on each row that has one.
    const ImU32 hit = TextMarks::color(MarkKind::CurrentHit, dark_);
    for (uint32_t r = 0; r < kRows; ++r)
        if (hit_rows_[r]) {
            const float y = std::floor(min.y + row_h * (static_cast<float>(r) + 0.5f));
            dl->AddLine(ImVec2(min.x - 2, y), ImVec2(max.x + 2, y), hit, 2.0f);
        }
    // The part on screen, and the selected annotation.
    const ImU32 ink = palette().text;
    const float a = min.y + strip_h * std::clamp(view_y0 / h, 0.0f, 1.0f);
    const float b = min.y + strip_h * std::clamp(view_y1 / h, 0.0f, 1.0f);
    dl->AddRect(ImVec2(min.x - 1, std::floor(a)), ImVec2(max.x + 1, std::max(std::floor(a) + 3, std::ceil(b))),
                (ink & 0x00FFFFFF) | 0x90000000, 2.0f);
    if (const Span* s = an.selected_span(); s && an.document() && s->doc == an.document()->meta.id) {
        const float y = std::floor(min.y + strip_h * std::clamp(layout.y_of(s->start()) / h, 0.0f, 1.0f));
        dl->AddTriangleFilled(ImVec2(min.x - 6, y - 4), ImVec2(min.x - 1, y), ImVec2(min.x - 6, y + 4), ink);
    }

    // A click or a drag scrolls there (the y under the pointer comes to the view's middle).
    const ImGuiIO& io = ImGui::GetIO();
    const bool over = io.MousePos.x >= min.x - 2 && io.MousePos.x <= max.x + 2 && io.MousePos.y >= min.y &&
                      io.MousePos.y <= max.y && ImGui::IsWindowHovered();
    if (over) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) dragging_ = true;
    }
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) dragging_ = false;
    if (!dragging_) return -1;
    return std::clamp((io.MousePos.y - min.y) / strip_h, 0.0f, 1.0f) * h;
}

}  // namespace cm::ui
