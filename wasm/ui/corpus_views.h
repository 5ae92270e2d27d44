// The centre of the window: the article being read, or one of the views
// across articles — who said what, claim clusters, contradictions, the
// timeline — as tabs above it. Any jump to an annotation (a click in a
// view, a panel, a link marker) brings the article tab back.
#pragma once
#include <array>
#include <optional>
#include "ui/annotator.h"
#include "ui/clusters_view.h"
#include "ui/contradiction_view.h"
#include "ui/fonts.h"
#include "ui/timeline_view.h"
#include "ui/who_said_what_view.h"

namespace cm::ui {

enum class CorpusTab { Article, WhoSaidWhat, Clusters, Contradictions, Timeline };
const char* tab_name(CorpusTab t);

class CorpusViews {
public:
    // The tab this frame will show as far as known before the tab bar is
    // drawn (a requested tab counts, and a tab clicked last frame), for
    // laying out around it.
    CorpusTab upcoming();
    // Draws the tab bar; returns the tab to show below it this frame.
    CorpusTab draw_tab_bar();
    // Draws a view other than the article into the rest of the region.
    void draw_view(CorpusTab tab, Annotator& an, const FontSet& fonts);
    CorpusTab current() const { return current_; }

    WhoSaidWhatView who_said_what;
    ClustersView clusters;
    ContradictionView contradictions;
    TimelineView timeline;

private:
    CorpusTab current_ = CorpusTab::Article;
    // Where each tab was drawn last frame (x0, y0, x1, y1), in kTabs' order,
    // and the tab clicked last frame, which the tab bar shows this frame.
    std::array<ImVec4, 5> tab_rects_{};
    std::optional<CorpusTab> clicked_;
};

// Brings a tab to the front on the next frame (the inspector, the command
// palette); with a cluster, the Clusters tab scrolls to it.
void request_corpus_tab(CorpusTab tab, Id cluster = kNoId);

}  // namespace cm::ui
