#include "app/autosave.h"

#include "core/project_json.h"
#include "platform/platform.h"

namespace cm::app {

namespace {
constexpr double kQuiet = 0.3;      // save this long after the last edit…
constexpr double kMaxDelay = 1.0;   // …but never later than this after the first unsaved one
constexpr double kViewDelay = 2.0;  // scrolling alone is saved lazily
}  // namespace

void Autosave::open(Corpus& corpus, Editor& editor, std::string& view, std::vector<std::string>& notices) {
    opened_ = true;
    const auto stored = platform::storage_open(notices);
    platform::storage_poll(status_);
    if (stored) {
        const ProjectImport r = import_project(stored->json, corpus.documents, editor.annotations(), ImportMode::Replace,
                                               [](const std::string& id) { return platform::storage_take_text(id); });
        if (!r.ok) {
            std::string why;
            for (const ImportProblem& p : r.problems)
                if (p.fatal) why += (why.empty() ? "" : "; ") + p.what;
            platform::storage_set_aside(why);
            notices.push_back("Your saved work could not be opened (" + why +
                              "). It has been kept aside, untouched: File \xE2\x86\x92 Export the unreadable saved data "
                              "saves a copy. You are starting from an empty project.");
        } else {
            for (const Document& d : r.new_documents) corpus.documents.push_back(d);
            editor.reset(r.annotations);
            view = stored->view;
            if (!r.problems.empty())
                notices.push_back("Your saved work was opened with " + std::to_string(r.problems.size()) +
                                  (r.problems.size() == 1 ? " problem" : " problems") + ", for example: " +
                                  to_string(r.problems.front()));
        }
    }
    saved_revision_ = seen_revision_ = editor.revision();
    saved_view_ = view;
    saved_documents_ = corpus.documents.size();
}

platform::StorageStatus Autosave::status() const {
    platform::StorageStatus s = status_;
    const bool pending = seen_revision_ != saved_revision_;
    if (pending && !s.read_only && s.state != platform::StorageStatus::State::Failed)
        s.state = platform::StorageStatus::State::Saving;
    return s;
}

void Autosave::save(const Corpus& corpus, const Editor& editor, const std::string& view, double now) {
    const double start = platform::now_seconds();
    ProjectWriteOptions o;
    o.pretty = false;  // nobody reads the stored copy by eye; a third smaller
    if (platform::storage_keeps_texts_apart()) {
        o.include_text = false;
        for (const Document& d : corpus.documents)  // written once each, before the project that names them
            if (!platform::storage_has_text(d.meta.id)) platform::storage_put_text(d.meta.id, d.text.utf8());
    }
    platform::storage_save({project_to_json(editor.annotations(), corpus.documents, o), view});
    saved_documents_ = corpus.documents.size();
    saved_revision_ = seen_revision_ = editor.revision();
    saved_view_ = view;
    saved_at_ = now;
    last_save_ms_ = (platform::now_seconds() - start) * 1000.0;
}

void Autosave::tick(const Corpus& corpus, const Editor& editor, const std::string& view, double now) {
    platform::storage_poll(status_);
    if (!opened_ || status_.read_only) return;
    if (editor.revision() != seen_revision_) {  // an edit this frame: wait for the next
        if (seen_revision_ == saved_revision_) changed_at_ = now;  // first unsaved edit
        seen_revision_ = editor.revision();
        last_edit_ = now;
        return;
    }
    const bool model_dirty = editor.revision() != saved_revision_ || corpus.documents.size() != saved_documents_;
    if (model_dirty && (now - last_edit_ >= kQuiet || now - changed_at_ >= kMaxDelay)) {
        save(corpus, editor, view, now);
    } else if (!model_dirty && view != saved_view_ && now - saved_at_ >= kViewDelay) {
        // Scrolling alone: the view only, not the whole project again.
        platform::storage_save_view(view);
        saved_view_ = view;
        saved_at_ = now;
    }
}

void Autosave::flush(const Corpus& corpus, const Editor& editor, const std::string& view) {
    if (!opened_ || status_.read_only) return;
    if (editor.revision() != saved_revision_ || view != saved_view_ || corpus.documents.size() != saved_documents_)
        save(corpus, editor, view, saved_at_);
}

}  // namespace cm::app
