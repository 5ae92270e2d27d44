#include "app/article_intake.h"

#include <algorithm>

#include "platform/platform.h"

namespace cm::app {

namespace {
std::string quoted(const std::string& s) { return "\xE2\x80\x9C" + s + "\xE2\x80\x9D"; }
}  // namespace

void ArticleIntake::converted(const std::string& name) {
    const auto it = std::find(converting_.begin(), converting_.end(), name);
    if (it != converting_.end()) converting_.erase(it);
}

void ArticleIntake::add(ArticleDraft draft, bool replace_earlier, const std::function<void(Document, bool)>& done) {
    const bool small = draft.text.size() < kSliceAbove;
    jobs_.push_back({ArticleBuilder(std::move(draft)), replace_earlier});
    if (small && jobs_.size() == 1) step(1e9, done);  // nothing ahead of it: now
}

void ArticleIntake::step(double seconds, const std::function<void(Document, bool)>& done) {
    constexpr size_t kSlice = 256 * 1024;  // bytes between looks at the clock
    const double deadline = platform::now_seconds() + seconds;
    while (!jobs_.empty()) {
        Job& job = jobs_.front();
        bool finished = job.builder.step(kSlice);
        while (!finished && platform::now_seconds() < deadline) finished = job.builder.step(kSlice);
        if (!finished) return;
        Document doc = job.builder.finish();
        const bool replace = job.replace_earlier;
        jobs_.pop_front();
        done(std::move(doc), replace);
        if (platform::now_seconds() >= deadline) return;
    }
}

std::string ArticleIntake::label() const {
    if (!jobs_.empty()) return "Preparing " + quoted(jobs_.front().builder.meta().title) + "\xE2\x80\xA6";
    if (!converting_.empty())
        return "Converting " + (converting_.front().empty() ? std::string("the pasted text") : quoted(converting_.front())) +
               "\xE2\x80\xA6";
    return {};
}

double ArticleIntake::progress() const { return jobs_.empty() ? -1.0 : jobs_.front().builder.progress(); }

}  // namespace cm::app
