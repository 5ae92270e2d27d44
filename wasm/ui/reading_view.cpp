#include "ui/reading_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "platform/platform.h"
#include "ui/fonts.h"
#include "ui/item_rects.h"
#include "ui/opaque_fill.h"
#include "ui/selection_toolbar.h"
#include "ui/theme.h"

namespace cm::ui {

namespace {


bool shortcut_down(const ImGuiIO& io) { return io.ConfigMacOSXBehaviors ? io.KeySuper : io.KeyCtrl; }
bool key_pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), true); }
ImVec2 io_mouse() { return ImGui::GetIO().MousePos; }

}  // namespace

void ReadingView::set_document(const Document* doc) {
    if (doc == doc_) return;
    doc_ = doc;
    sel_ = {};
    dragging_ = false;
    pending_scroll_ = 0;
    reveal_state_ = RevealState::None;
    cache_.invalidate();
}

std::string ReadingView::selected_text() const {
    if (!doc_) return {};
    return std::string(doc_->text.slice(sel_.begin(), sel_.end()));
}

void ReadingView::select(size_t begin, size_t end) {
    if (!doc_) return;
    const size_t n = doc_->text.size();
    sel_ = {std::min(begin, n), std::min(end, n)};
}

void ReadingView::scroll_to_fraction(double f) {
    const float content = cache_.layout().height() + 48 + (text_origin_.y - geo_.view_top + scroll_y_);
    const float range = std::max(0.0f, content - (geo_.view_bottom - geo_.view_top));
    pending_scroll_ = static_cast<float>(std::clamp(f, 0.0, 1.0)) * range;
}

void ReadingView::reveal(size_t begin, size_t end) {
    reveal_begin_ = begin;
    reveal_end_ = std::max(begin, end);
    reveal_state_ = RevealState::Requested;
}

size_t ReadingView::anchor_cp() const {
    if (reveal_state_ != RevealState::None) return reveal_begin_;  // where the view is going
    if (!doc_ || !geo_.layout || !cache_.complete() || cache_.layout().lines().empty()) return 0;
    const float y = geo_.view_top + (geo_.view_bottom - geo_.view_top) * 0.3f - text_origin_.y;
    if (y <= 0 || scroll_y_ <= 0) return 0;
    return cache_.layout().lines()[cache_.layout().line_at_y(y)].begin;
}

std::vector<LayoutRect> ReadingView::screen_rects(size_t begin, size_t end) const {
    std::vector<LayoutRect> rects;
    if (!doc_ || !cache_.complete()) return rects;
    cache_.layout().range_rects(begin, end, 0, rects);
    for (auto& r : rects) {
        r.x0 += text_origin_.x;
        r.x1 += text_origin_.x;
        r.y0 += text_origin_.y;
        r.y1 += text_origin_.y;
    }
    return rects;
}

// Shown instead of the text while a long article is being laid out.
void ReadingView::draw_layout_progress(float column_x, float column_w) {
    ImGui::Dummy(ImVec2(0, 24));
    ImGui::SetCursorPosX(column_x);
    ImGui::TextUnformatted("Laying out the text\xE2\x80\xA6");
    ImGui::SetCursorPosX(column_x);
    const double p = cache_.progress();
    const std::string pct = std::to_string(static_cast<int>(p * 100)) + "%";
    ImGui::ProgressBar(static_cast<float>(p), ImVec2(std::min(column_w, 420.0f), 0), pct.c_str());
    remember_item("reading:layout-progress");
}

void ReadingView::draw_header(float column_x, float column_w) {
    const Palette& pal = palette();
    const DocumentMeta& m = doc_->meta;
    std::string meta;
    auto add = [&](const std::string& s) {
        if (s.empty()) return;
        if (!meta.empty()) meta += "  \xE2\x80\xA2  ";  // bullet
        meta += s;
    };
    add(m.outlet.empty() ? std::string("Outlet not stated") : m.outlet);
    add(m.author);
    add(m.date);
    add(std::to_string(doc_->text.size()) + " characters");
    ImGui::SetCursorPosX(column_x);
    ImGui::PushTextWrapPos(column_x + column_w);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.muted));
    ImGui::TextWrapped("%s", meta.c_str());
    ImGui::PopStyleColor();
    const auto warning = [&](const std::string& w) {
        ImGui::SetCursorPosX(column_x);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::CalcTextSize(w.c_str(), nullptr, false, column_w - 16).y + 12;
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + column_w, p.y + h), pal.warning_bg, 4);
        ImGui::SetCursorScreenPos(ImVec2(p.x + 8, p.y + 6));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.warning_text));
        ImGui::TextWrapped("%s", w.c_str());
        ImGui::PopStyleColor();
        ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + 4));
    };
    for (const std::string& w : doc_->warnings) warning(w);
    if (missing_.doc != doc_ || missing_.font != ImGui::GetFont()) {
        missing_ = Missing{doc_, ImGui::GetFont()};
        missing_.count = glyphs_missing(*ImGui::GetFont(), doc_->text.codepoints(), missing_.first);
    }
    if (missing_.count > 0) {
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(missing_.first));
        warning(std::to_string(missing_.count) + (missing_.count == 1 ? " character" : " characters") +
                " (the first is " + code +
                ") cannot be shown with the app's fonts and appear as \xEF\xBF\xBD. The text keeps them: search, "
                "offsets and exports are not affected.");
    }
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 8));
}

void ReadingView::draw(ImFont* font, float font_size) {
    const Palette& pal = palette();
    {  // the page: cleared, not drawn (ui/opaque_fill.h)
        const ImVec2 at = ImGui::GetCursorScreenPos(), size = ImGui::GetContentRegionAvail();
        fill_opaque(ImGui::GetWindowDrawList(), at, ImVec2(at.x + size.x, at.y + size.y), pal.page);
    }
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    // Always a scrollbar: its coming and going would change the wrap width, and
    // a long article laid out across frames would start over each time.
    ImGui::BeginChild("reading", ImVec2(0, 0), false, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysVerticalScrollbar);
    ImGui::PopStyleVar();
    if (!doc_) {
        ImGui::SetCursorPos(ImVec2(24, 24));
        ImGui::TextUnformatted("Choose an article on the left.");
        ImGui::EndChild();
        return;
    }

    const float avail_w = ImGui::GetContentRegionAvail().x;
    const float margin = std::max(16.0f, std::min(48.0f, avail_w * 0.06f));
    const float column_w = std::max(80.0f, std::min(avail_w - 2 * margin, column_em_ * font_size));
    const float column_x = std::floor((avail_w - column_w) * 0.5f);
    const float line_h = std::round(font_size * line_spacing_);

    ImGui::Dummy(ImVec2(0, 20));
    draw_header(column_x, column_w);

    const float scale = font_size / font->FontSize;
    LayoutCache::Key key;
    key.text = &doc_->text;
    key.wrap_width = column_w;
    key.font_key = font_size * 1000.0f + font->FontSize;  // size and raster size
    key.line_height = line_h;
    // A long article is laid out across frames, ~8 ms of each, with a
    // progress bar meanwhile: the page never freezes on a 20 MB text.
    const double deadline = platform::now_seconds() + 0.008;
    cache_.ensure(
        key,
        [&](char32_t c) {
            if (c == '\t') return font->GetCharAdvance(' ') * scale * 4;
            return font->GetCharAdvance(static_cast<ImWchar>(c <= 0xFFFF ? c : 0xFFFD)) * scale;
        },
        [&] { return platform::now_seconds() < deadline; });
    if (!cache_.complete()) {
        geo_.layout = nullptr;  // nothing may hit-test a half laid-out text
        draw_layout_progress(column_x, column_w);
        ImGui::EndChild();
        return;
    }
    const TextLayout& layout = cache_.layout();
    // Where the view is scrolled to this frame: ImGui applies SetScrollY at
    // the next frame, so a reveal below must measure from the pending value.
    float scroll_now = ImGui::GetScrollY();
    if (pending_scroll_ >= 0) {  // once laid out (a reveal below overrides it)
        ImGui::SetScrollY(pending_scroll_);
        scroll_now = pending_scroll_;
        pending_scroll_ = -1;
    }

    // One item spans the text so the window does not drag-move, and the
    // selection gesture owns the mouse while the button is held.
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float win_h = ImGui::GetWindowHeight();
    text_origin_ = ImVec2(start.x + column_x, start.y);
    // Short of the right edge: the overview strip takes clicks there.
    ImGui::InvisibleButton("text", ImVec2(std::max(1.0f, avail_w - OverviewStrip::kWidth - 8),
                                          std::max(1.0f, layout.height() + 48)));
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(an_ && (an_->linking() || links_.marker_at(ImGui::GetIO().MousePos))
                                           ? ImGuiMouseCursor_Hand : ImGuiMouseCursor_TextInput);
    handle_mouse(layout, hovered);
    handle_keys(win_h);

    // Visible lines only: selection behind, annotation tints, text, then
    // underlines and the selected annotation's links on top.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float top = ImGui::GetWindowPos().y, bottom = top + win_h;
    const auto [first, last] = layout.lines_between(top - text_origin_.y, bottom - text_origin_.y);
    const float newline_w = font_size * 0.35f;
    const float baseline_pad = std::floor((line_h - font_size) * 0.5f);
    geo_.layout = &layout;
    geo_.origin = text_origin_;
    geo_.view_top = top;
    geo_.view_bottom = bottom;
    geo_.view_left = ImGui::GetWindowPos().x;
    geo_.view_right = geo_.view_left + ImGui::GetWindowWidth() - ImGui::GetStyle().ScrollbarSize;
    geo_.column_width = column_w;
    geo_.font_size = font_size;
    geo_.glyph_top = baseline_pad;
    geo_.first_line = first;
    geo_.last_line = last;
    view_min_ = ImGui::GetWindowPos();
    view_max_ = ImVec2(geo_.view_right, bottom);
    if (!sel_.empty()) {
        std::vector<LayoutRect> rects;
        const size_t b = std::max(sel_.begin(), first < layout.lines().size() ? size_t(layout.lines()[first].begin) : 0);
        layout.range_rects(b, sel_.end(), newline_w, rects);
        for (const LayoutRect& r : rects) {
            if (r.y0 + text_origin_.y > bottom) break;
            dl->AddRectFilled(ImVec2(text_origin_.x + r.x0, text_origin_.y + r.y0),
                              ImVec2(text_origin_.x + r.x1, text_origin_.y + r.y1), pal.selection);
        }
    }
    if (an_) {
        an_->marks.draw_below_text(dl, geo_, doc_->meta.id);
        painter_.draw_below_text(dl, geo_, *an_);
    }
    const std::string& utf8 = doc_->text.utf8();
    for (size_t i = first; i < last; ++i) {
        const LayoutLine& l = layout.lines()[i];
        if (l.end == l.begin) continue;
        const char* b = utf8.data() + doc_->text.byte_of(l.begin);
        const char* e = utf8.data() + doc_->text.byte_of(l.end);
        dl->AddText(font, font_size, ImVec2(text_origin_.x, text_origin_.y + l.y + baseline_pad), pal.text, b, e);
    }
    if (an_) {
        painter_.draw_above_text(dl, geo_, *an_);
        an_->suggestions.draw_outlines(dl, geo_, *an_);  // while reviewing suggestions
        an_->marks.draw_above_text(dl, geo_, doc_->meta.id);
        links_.draw(dl, geo_, *an_);
        // The tooltip waits for the pointer to rest, and stays away from a click
        // (it would cover the bar that the click may have opened).
        const ImVec2 delta = ImGui::GetIO().MouseDelta;
        if (delta.x != 0 || delta.y != 0 || ImGui::IsMouseClicked(ImGuiMouseButton_Left))
            pointer_still_since_ = ImGui::GetTime();
        hover_ids_.clear();
        const bool resting = ImGui::GetTime() - pointer_still_since_ > 0.5 && !ImGui::IsMouseDown(ImGuiMouseButton_Left);
        if (hovered && resting && !dragging_ && !an_->linking() && !an_->claim_link_pending() &&
            ImGui::IsWindowHovered() && !links_.marker_at(io_mouse())) {
            const ImVec2 m = io_mouse();
            const size_t cp = layout.char_at(m.x - text_origin_.x, m.y - text_origin_.y);
            std::vector<LayoutRect> under;
            layout.range_rects(cp, cp + 1, 0, under);
            if (!under.empty() && m.x >= text_origin_.x + under[0].x0 && m.x < text_origin_.x + under[0].x1 &&
                m.y >= text_origin_.y + under[0].y0 && m.y < text_origin_.y + under[0].y1) {
                painter_.tooltip(*an_, cp);
                hover_ids_ = an_->spans_at(cp);
            }
        }
    }

    // The overview strip, fixed at the view's right edge, over the whole article.
    if (an_) {
        const ImVec2 smin(std::floor(geo_.view_right) - OverviewStrip::kWidth - 3, top + 6);
        const ImVec2 smax(smin.x + OverviewStrip::kWidth, bottom - 6);
        const float wanted = overview_.draw(dl, smin, smax, *an_, layout, cache_.rebuild_count(),
                                            top - text_origin_.y, bottom - text_origin_.y);
        if (wanted >= 0) {
            const float content_y = text_origin_.y - ImGui::GetWindowPos().y + ImGui::GetScrollY();
            ImGui::SetScrollY(std::max(0.0f, content_y + wanted - win_h * 0.5f));
        }
    }

    // Reveal requests (from the JS API) scroll so the range is in view.
    if (reveal_state_ == RevealState::Scrolled) reveal_state_ = RevealState::None;
    if (reveal_state_ == RevealState::Requested) {
        const float y0 = layout.y_of(reveal_begin_);
        const float y1 = layout.y_of(reveal_end_) + line_h;
        const float content_y = text_origin_.y - ImGui::GetWindowPos().y + ImGui::GetScrollY();
        const float view_top = scroll_now, view_h = win_h;
        if (content_y + y0 < view_top || content_y + y1 > view_top + view_h)
            ImGui::SetScrollY(std::max(0.0f, content_y + y0 - view_h * 0.3f));
        reveal_state_ = RevealState::Scrolled;
    }
    scroll_y_ = ImGui::GetScrollY();
    ImGui::EndChild();
    draw_bars();
}

// The label toolbar beside a finished selection, and the claim-link chooser.
void ReadingView::draw_bars() {
    if (!an_ || !doc_) return;
    an_->set_text_selection(sel_.begin(), sel_.end());
    an_->suggestions.draw_panel(*an_, *this, view_min_, view_max_);
    if (an_->claim_link_pending()) {
        if (const Span* s = an_->model().span(an_->claim_link_pending()); s && s->doc == doc_->meta.id) {
            const auto rects = screen_rects(s->start(), s->ranges.front().end);
            if (!rects.empty()) {
                draw_claim_link_chooser(*an_, ImVec2((rects[0].x0 + rects[0].x1) * 0.5f, rects[0].y1 + 8));
                return;
            }
        }
        draw_claim_link_chooser(*an_, ImVec2((view_min_.x + view_max_.x) * 0.5f, view_min_.y + 12));
        return;
    }
    if (sel_.empty() || dragging_ || an_->linking()) return;
    const auto rects = screen_rects(sel_.begin(), sel_.end());
    if (rects.empty()) return;
    const LayoutRect& last = rects.back();
    ImVec2 anchor(last.x1, last.y1 + 10);
    if (anchor.y > view_max_.y - 60) anchor.y = rects.front().y0 - 52;  // no room below: above
    if (anchor.y < view_min_.y || anchor.y > view_max_.y) return;       // scrolled away
    draw_selection_toolbar(*an_, sel_.begin(), sel_.end(), anchor, view_min_, view_max_);
}

void ReadingView::handle_mouse(const TextLayout& layout, bool hovered) {
    const ImGuiIO& io = ImGui::GetIO();
    auto hit = [&] { return layout.hit_test(io.MousePos.x - text_origin_.x, io.MousePos.y - text_origin_.y); };
    const auto& cps = doc_->text.codepoints();

    // A link marker takes the click wherever it is drawn (also over the header).
    if (an_ && ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        if (const Id target = links_.marker_at(io.MousePos)) {
            an_->jump_to(target);
            return;
        }
    }
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        // In link mode a click picks the link's other end.
        if (an_) {
            if (an_->linking()) {
                const size_t under = layout.char_at(io.MousePos.x - text_origin_.x, io.MousePos.y - text_origin_.y);
                if (!an_->click_at(under)) an_->flash("No annotation there: click a speaker, source or claim (Esc cancels).");
                return;
            }
        }
        const double now = ImGui::GetTime();
        const ImVec2 d(io.MousePos.x - last_click_pos_.x, io.MousePos.y - last_click_pos_.y);
        const bool near = d.x * d.x + d.y * d.y < io.MouseDoubleClickMaxDist * io.MouseDoubleClickMaxDist;
        click_count_ = (near && now - last_click_time_ < io.MouseDoubleClickTime) ? click_count_ % 3 + 1 : 1;
        last_click_time_ = now;
        last_click_pos_ = io.MousePos;
        const size_t at = hit();
        if (click_count_ == 1 && io.KeyShift) {
            drag_origin_ = {sel_.anchor, sel_.anchor};
            drag_unit_ = SelectUnit::Character;
            sel_.caret = at;
        } else {
            drag_unit_ = click_count_ == 1 ? SelectUnit::Character
                         : click_count_ == 2 ? SelectUnit::Word : SelectUnit::Paragraph;
            // A word or paragraph comes from the character under the pointer,
            // not the nearest caret (which may be past the word's last letter).
            const size_t under = drag_unit_ == SelectUnit::Character
                ? at : layout.char_at(io.MousePos.x - text_origin_.x, io.MousePos.y - text_origin_.y);
            drag_origin_ = unit_range_at(cps, under, drag_unit_);
            sel_ = {drag_origin_.first, drag_origin_.second};
        }
        dragging_ = true;
        return;
    }
    if (!dragging_) return;
    sel_ = extend_selection(cps, drag_origin_, hit(), drag_unit_);
    // Dragging past the top or bottom edge scrolls, faster the further out.
    const float top = ImGui::GetWindowPos().y, bottom = top + ImGui::GetWindowHeight();
    if (io.MousePos.y < top) ImGui::SetScrollY(ImGui::GetScrollY() - std::min(40.0f, top - io.MousePos.y));
    if (io.MousePos.y > bottom) ImGui::SetScrollY(ImGui::GetScrollY() + std::min(40.0f, io.MousePos.y - bottom));
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        dragging_ = false;
        // A plain click (no drag) selects the annotation under the pointer,
        // the next stacked one on a repeated click, or clears the selection.
        if (an_ && sel_.empty() && click_count_ == 1 && !io.KeyShift) {
            const size_t under = layout.char_at(io.MousePos.x - text_origin_.x, io.MousePos.y - text_origin_.y);
            if (!an_->suggestions.click_at(*an_, under) && !an_->click_at(under)) an_->select(kNoId);
        }
    }
}

void ReadingView::handle_keys(float view_height) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;  // a text field has the keyboard
    if (shortcut_down(io) && key_pressed(ImGuiKey_C) && !sel_.empty())
        ImGui::SetClipboardText(selected_text().c_str());
    if (shortcut_down(io) && key_pressed(ImGuiKey_A)) sel_ = {0, doc_->text.size()};
    if (io.KeyCtrl || io.KeySuper || io.KeyAlt) return;
    const float line = line_height();
    const float page = std::max(line, view_height - 2 * line);
    float y = ImGui::GetScrollY();
    const float max_y = ImGui::GetScrollMaxY();
    if (key_pressed(ImGuiKey_PageDown) || (key_pressed(ImGuiKey_Space) && !io.KeyShift)) y += page;
    if (key_pressed(ImGuiKey_PageUp) || (key_pressed(ImGuiKey_Space) && io.KeyShift)) y -= page;
    if (key_pressed(ImGuiKey_DownArrow)) y += line;
    if (key_pressed(ImGuiKey_UpArrow)) y -= line;
    if (key_pressed(ImGuiKey_Home)) y = 0;
    if (key_pressed(ImGuiKey_End)) y = max_y;
    y = std::clamp(y, 0.0f, max_y);
    if (y != ImGui::GetScrollY()) ImGui::SetScrollY(y);
}

}  // namespace cm::ui
