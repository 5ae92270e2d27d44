// The annotating controller: what the reader has selected (an annotation,
// a pending link), and the actions every view shares — label a range,
// relabel, delete, step through annotations, link, jump. The reading view,
// the toolbar, the panels and the keyboard all call these, so a key and a
// button always do the same thing. Edits go through cm::Editor (undoable).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/annotations.h"
#include "core/corpus.h"
#include "core/editor.h"
#include "ui/suggestion_review.h"
#include "ui/text_marks.h"

namespace cm::ui {

class Annotator {
public:
    Annotator(Editor& editor, const Corpus& corpus) : editor_(editor), corpus_(corpus) {}

    Editor& editor() { return editor_; }
    const Editor& editor() const { return editor_; }
    const Annotations& model() const { return editor_.annotations(); }
    const Corpus& corpus() const { return corpus_; }

    // The open document (set by the workspace) and the reader's text selection in it.
    void set_document(const Document* doc);
    const Document* document() const { return doc_; }
    void set_text_selection(size_t begin, size_t end) { text_begin_ = begin, text_end_ = end; }
    bool has_text_selection() const { return text_end_ > text_begin_; }
    // Set when labelling used up the text selection; the workspace clears the view's.
    bool text_selection_consumed = false;

    // --- the selected annotation ---
    Id selected() const { return selected_; }
    const Span* selected_span() const { return model().span(selected_); }
    void select(Id span);  // kNoId clears
    // Selects a span and asks the workspace to open its document and scroll to it.
    void jump_to(Id span);
    struct Jump {
        std::string doc;
        uint32_t start = 0, end = 0;
    };
    std::optional<Jump> take_jump();  // the workspace consumes it once

    // --- labelling ---
    bool snap_to_words = true;  // a selection grows to whole words when labelled
    // Tidies [begin, end) (trims spaces, snaps to words), adds a span and
    // selects it. Returns its id, or kNoId (with a message) if nothing to label.
    Id label_range(size_t begin, size_t end, Id label);
    // Hotkey n (0-based): relabels the selected annotation, or labels the text selection.
    void apply_label_index(int index);
    // A: the text selection becomes another part of the selected annotation
    // (a quote interrupted by "he told AllThingsD" is one claim in two parts).
    bool add_range_to_selected();
    void delete_selected();
    // Next / previous annotation of the open document in reading order.
    void step(int direction);
    // Mouse click at a code point: selects the annotation there, cycling
    // through stacked ones on repeated clicks. Returns false when none is there.
    bool click_at(size_t cp);
    // Spans of the open document covering a code point, innermost (shortest) first.
    std::vector<Id> spans_at(size_t cp) const;

    // --- linking ---
    // With a claim selected: the next annotation picked (click, or Enter on a
    // stepped-to one) is linked to it. Speakers/sources link at once;
    // claim-to-claim asks for the relation type (1 same, 2 supports, 3 contradicts).
    bool linking() const { return linking_; }
    void start_link();
    void cancel_link();
    void complete_link(Id target);
    // In link mode N / P move a candidate through the document and Enter links it.
    Id link_candidate() const { return link_candidate_; }
    Id claim_link_pending() const { return claim_link_to_; }
    void finish_claim_link(RelationType type);

    // --- entities ---
    Id highlighted_entity = kNoId;  // the cast panel's choice: its mentions are outlined
    // Entities whose name or alias contains q (case-insensitive), best first.
    std::vector<Id> search_entities(const std::string& q, size_t max = 8) const;
    // Links the span to the best match for `name`, or creates an entity named so.
    Id link_or_create_entity(Id span, const std::string& name);

    // --- panels and keys ---
    bool show_help = false;
    bool read_only = false;  // another tab or window saves the work: refuse edits here
    bool focus_inspector = false;  // Enter / i: the inspector takes the keyboard once
    bool focus_entity_field = false;  // e
    bool open_zone_menu = false;      // z
    // The keys of the annotating layer; call once per frame when no text field
    // has focus. Without the article in view only undo and redo act.
    void handle_keys(bool article_shown = true);

    // --- text and words for the views ---
    const Document* doc_of(const Span& s) const;
    std::string span_text(const Span& s, size_t max_chars = 0) const;  // ranges joined by " … "
    std::string describe(const Span& s) const;  // "Speaker “Ren Zhengfei” → Ren Zhengfei"
    // At most max_bytes of s, cut at a character boundary, with "…" when cut.
    static std::string clip_utf8(const std::string& s, size_t max_bytes);
    static const char* relation_phrase(RelationType t, bool outgoing);  // "said by" / "says"

    // --- attribution suggestions (ui/suggestion_review.h): S or Edit starts a review ---
    SuggestionReview suggestions;
    // Search hits and the agreement diff over the text (ui/text_marks.h).
    TextMarks marks;
    // Scrolls the open document to [start, end) (the workspace follows it, as for jump_to).
    void reveal(uint32_t start, uint32_t end);
    // Opens a document if it is not open and scrolls to [start, end), selecting
    // nothing (a search hit is not an annotation).
    void reveal_in(const std::string& doc, uint32_t start, uint32_t end) { jump_ = Jump{doc, start, end}; }
    // True (with the usual message) when edits are off in this tab.
    bool refuse_if_read_only();

    // One line for the status bar; cleared after a few seconds by the caller.
    void flash(std::string message);
    const std::string& message() const { return message_; }
    double message_time() const { return message_time_; }

private:
    Editor& editor_;
    const Corpus& corpus_;
    const Document* doc_ = nullptr;
    size_t text_begin_ = 0, text_end_ = 0;
    Id selected_ = kNoId;
    std::optional<Jump> jump_;
    bool linking_ = false;
    Id claim_link_to_ = kNoId;
    Id link_candidate_ = kNoId;
    size_t last_click_cp_ = SIZE_MAX;
    std::string message_;
    double message_time_ = 0;
};

}  // namespace cm::ui
