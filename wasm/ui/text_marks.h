// Marks over the reading view's text that are not annotations: search hits
// and the agreement diff (mine / theirs / both). Each feature owns a layer by
// name and replaces it whole when its results change; the reading view draws
// the open article's marks on its visible lines, behind and around the text.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "ui/text_geometry.h"

namespace cm::ui {

enum class MarkKind : uint8_t {
    Hit,         // a search hit: a soft background
    CurrentHit,  // the hit the list has selected: a stronger background and an outline
    MineOnly,    // agreement diff: only in my annotations
    TheirsOnly,  // only in the colleague's
    Both,        // in both (matched)
};

struct TextMark {
    std::string doc;
    uint32_t start = 0, end = 0;  // code points
    MarkKind kind = MarkKind::Hit;
};

class TextMarks {
public:
    // Replaces a layer ("search", "compare"); an empty list removes it.
    void set(const std::string& layer, std::vector<TextMark> marks);
    void clear(const std::string& layer) { set(layer, {}); }
    const std::vector<TextMark>* layer(const std::string& name) const;
    bool empty() const { return layers_.empty(); }
    // Changes whenever a layer is set (for views that summarise the marks).
    uint64_t version() const { return version_; }

    // Background marks, drawn before the text.
    void draw_below_text(ImDrawList* dl, const TextGeometry& g, const std::string& doc) const;
    // Outlines and margin bars, drawn after the text and annotations.
    void draw_above_text(ImDrawList* dl, const TextGeometry& g, const std::string& doc) const;

    static ImU32 color(MarkKind kind, bool dark);

private:
    // Each layer is sorted by (doc, start) so a frame visits only the visible part.
    std::map<std::string, std::vector<TextMark>> layers_;
    uint64_t version_ = 0;
    mutable std::vector<LayoutRect> rects_;  // scratch, reused every frame
    template <class Fn>
    void visible(const TextGeometry& g, const std::string& doc, Fn fn) const;
};

}  // namespace cm::ui
