// "Add an article": shown for pasted text, an opened file or a dropped one.
// The reader checks the converted text's start and can correct the title,
// outlet, author and date before the article joins the corpus.
#pragma once
#include <deque>
#include <functional>

#include "core/article_import.h"
#include "ui/annotator.h"

namespace cm::ui {

class ArticleDialog {
public:
    void offer(ArticleDraft draft);
    // add: puts the document in the corpus and opens it.
    void draw(Annotator& an, const std::function<void(Document)>& add);
    bool showing() const { return !queue_.empty(); }

private:
    void load_fields();
    std::deque<ArticleDraft> queue_;  // several files dropped at once: one after another
    std::string title_, outlet_, author_, date_;
};

}  // namespace cm::ui
