// The first-run guide: four steps over the sample corpus (select a quote,
// press 1, tag the speaker, link them), each ticked off when the reader has
// actually done it. Skippable; never shown again once finished or skipped
// (Preferences::guide_done); Help → "Show the first-run guide again".
#pragma once
#include <cstddef>

#include "core/annotations.h"
#include "ui/annotator.h"
#include "ui/reading_view.h"

namespace cm::ui {

class FirstRunGuide {
public:
    // Starts again from the first step, counting only what is done from now.
    void restart(const Annotations& m);
    // Draws the guide box; sets `done` when the reader finishes or skips it.
    void draw(Annotator& an, const ReadingView& view, bool& done);
    int step() const { return step_; }

private:
    struct Counts {
        size_t claims = 0, speakers = 0, said_by = 0;
    };
    static Counts count(const Annotations& m);
    bool started_ = false;
    Counts base_;
    int step_ = 0;
};

}  // namespace cm::ui
