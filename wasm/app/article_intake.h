// Articles on their way into the corpus. A big one is converted off the main
// thread (web: web/import-worker.js runs the same core in a Web Worker) and
// indexed here a slice per frame, so the page never freezes for more than a
// frame; small ones are done at once. The status bar shows what is going on.
#pragma once
#include <deque>
#include <functional>
#include <optional>
#include <string>

#include "core/article_import.h"

namespace cm::app {

class ArticleIntake {
public:
    // Drafts at least this big are indexed across frames.
    static constexpr size_t kSliceAbove = 1024 * 1024;

    // A file the page is converting in its worker (until its draft arrives).
    void converting(const std::string& name) { converting_.push_back(name); }
    void converted(const std::string& name);

    // A confirmed draft; `done` gets its Document (at once when small).
    void add(ArticleDraft draft, bool replace_earlier, const std::function<void(Document, bool)>& done);
    // Indexes for about `seconds`, handing finished documents to `done`.
    void step(double seconds, const std::function<void(Document, bool)>& done);

    bool busy() const { return !converting_.empty() || !jobs_.empty(); }
    // What the status bar says, and how far along it is (< 0: not known).
    std::string label() const;
    double progress() const;

private:
    struct Job {
        ArticleBuilder builder;
        bool replace_earlier;
    };
    std::deque<std::string> converting_;
    std::deque<Job> jobs_;
};

}  // namespace cm::app
