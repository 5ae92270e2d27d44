// "Add an article": shown for pasted text, an opened file or a dropped one.
// The reader checks the converted text's start and can correct the title,
// outlet, author and date before the article joins the corpus.
#pragma once
#include <deque>
#include <functional>

#include "core/article_import.h"
#include "ui/annotator.h"

namespace cm::ui {

// What the dialog asks of the app.
struct ArticleHooks {
    // Makes the (confirmed) draft a document in the corpus and opens it; with
    // replace_earlier, the annotations of its earlier version move onto it.
    std::function<void(ArticleDraft, bool replace_earlier)> add;
    // The earlier version of an article with this metadata and id (null when
    // there is none), and how many annotations it has.
    std::function<std::pair<const DocumentMeta*, size_t>(const DocumentMeta&, const std::string& id)> earlier;
};

class ArticleDialog {
public:
    void offer(ArticleDraft draft);
    void draw(Annotator& an, const ArticleHooks& hooks);
    bool showing() const { return !queue_.empty(); }

private:
    void load_fields();
    std::deque<ArticleDraft> queue_;  // several files dropped at once: one after another
    std::string title_, outlet_, author_, date_;
    std::string id_;             // the front draft's document id (hashing is not per frame)
    bool replace_earlier_ = true;
    bool prefilled_ = false;     // fields the file left empty were taken from its earlier version
};

}  // namespace cm::ui
