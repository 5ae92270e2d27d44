// Reviewing attribution suggestions (core/suggest.h) in the reading view,
// Prodigy-style: the suggester's claims, speakers and sources are drawn as
// dashed outlines, and the reader walks through them with the keyboard —
// accept (Enter), reject (Backspace), skip (Tab / →), back (Shift+Tab / ←),
// accept all of a kind, done (Esc). Nothing is added until accepted; each
// accept, and each "accept all", is one undo step, and Ctrl+Z takes back the
// last decision (a reject too). Suggestions that an annotation already covers
// (same role, overlapping range) are not offered: after an undo the ones no
// longer covered come back.
#pragma once
#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/annotations.h"
#include "core/suggest.h"
#include "ui/text_geometry.h"

namespace cm::ui {

class Annotator;
class ReadingView;

class SuggestionReview {
public:
    bool active() const { return active_; }
    // Runs the suggester on the annotator's open document, with the
    // project's entities (known names and aliases) and zones, and starts
    // the review at the first suggestion. Refused in a read-only tab.
    void start(Annotator& an);
    // Done: leaves review mode (what was not decided stays unapplied).
    void finish(Annotator& an);

    void accept(Annotator& an);                       // the current one
    void reject(Annotator& an);                       // the current one: out of the queue, nothing added
    void skip(Annotator& an, int direction);          // to the next (+1) or previous (-1) open one
    void accept_all(Annotator& an, LabelRole role);   // every open claim, speaker or source
    // Makes suggestion i (an index into suggestions().spans) the current one.
    void go_to(Annotator& an, size_t i);
    // The open suggestion under a code point, made current; false if none.
    bool click_at(Annotator& an, size_t cp);

    // The keys of review mode; call before the annotator's own keys each
    // frame. True when a key was used here.
    bool handle_keys(Annotator& an);
    // Follows the model (undo, redo, edits elsewhere) and the open document.
    void sync(Annotator& an);

    // Dashed outlines around the open suggestions, a heavier one around the
    // current; call after the text is drawn.
    void draw_outlines(ImDrawList* dl, const TextGeometry& g, Annotator& an);
    // The floating panel: at the bottom of the view, else at the top, never
    // over the current suggestion.
    void draw_panel(Annotator& an, const ReadingView& view, ImVec2 view_min, ImVec2 view_max);

    // --- for the panel and the page's JS API ---
    // Open: still to decide; Present: an annotation covers it (accepted, or
    // there before); Rejected; Unlabelled: the project has no label of its role.
    enum class Status { Open, Present, Rejected, Unlabelled };
    const Suggestions& suggestions() const { return all_; }
    const std::vector<Status>& status() const { return status_; }
    const Suggestion* current() const;
    size_t current_index() const { return current_; }  // into suggestions().spans; SIZE_MAX when none
    int position() const;                              // 0-based among the open ones; -1 when none
    size_t open_count() const;
    size_t open_count(LabelRole role) const;
    size_t total() const;     // offered at the start (not already annotated)
    size_t accepted() const;  // of those, annotated now
    size_t rejected() const;
    const std::string& document_id() const { return doc_id_; }
    // The panel's rectangle last frame (x, y, w, h); zero when not drawn.
    const ImVec4& panel_rect() const { return panel_rect_; }

private:
    struct Decision {
        bool reject = false;
        std::vector<size_t> items;
    };
    // Adds the suggestions `items` (their spans, entities and the suggested
    // links whose other end is accepted or annotated) as one undo step.
    struct Added {
        size_t spans = 0, links = 0;
    };
    Added add(Annotator& an, const std::vector<size_t>& items, const std::string& name);
    // The spans of the document, by start, and the longest one's length.
    struct DocSpans {
        std::vector<const Span*> spans;
        uint32_t longest = 0;
    };
    DocSpans doc_spans(const Annotations& a) const;
    // The span annotating suggestion i: same role, overlapping ranges; kNoId if none.
    Id realized(const Annotations& a, const DocSpans& spans, size_t i) const;
    void refresh_status(const Annotations& a, std::vector<size_t>* returned);
    void move_on(Annotator& an, size_t from, int direction, bool include_from);
    void reveal_current(Annotator& an);
    bool undo_last_reject(Annotator& an);
    std::string describe(const Annotator& an, size_t i) const;
    std::string links_text(const Annotator& an, size_t i) const;

    bool active_ = false;
    std::string doc_id_;
    Suggestions all_;
    std::vector<Status> status_;
    std::vector<Decision> decisions_;
    size_t current_ = SIZE_MAX;
    std::vector<bool> offered_;  // not annotated when the review started
    uint64_t revision_ = 0;
    ImVec4 panel_rect_{0, 0, 0, 0};
    mutable std::vector<LayoutRect> rects_;  // scratch
};

}  // namespace cm::ui
