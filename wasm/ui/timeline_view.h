// Claims by date (core/analysis/timeline.h), one line each: date, speaker,
// the claim, the article, and — in red — the earlier claims it contradicts,
// so a walk-back shows after what it walks back. A claim's own date is set
// in the inspector; otherwise its article's date counts.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/analysis/timeline.h"
#include "ui/annotator.h"
#include "ui/fonts.h"
#include "ui/model_watch.h"

namespace cm::ui {

class TimelineView {
public:
    void draw(Annotator& an, const FontSet& fonts);
    const analysis::Timeline& timeline() const { return timeline_; }

private:
    struct Row {
        std::string speakers, claim, article, contradicts;
    };
    void refresh(Annotator& an);

    ModelWatch watch_;
    analysis::Timeline timeline_;
    std::vector<Row> rows_;
    size_t shown_ = 300;  // rows drawn, a page at a time
};

}  // namespace cm::ui
