// Keeps the work in storage (platform/storage.h) without the reader asking:
// loads the last saved project at start, saves within a second of any edit
// (never on the frame that made it), and flushes when the page is hidden.
// What cannot be loaded is set aside and explained, never dropped.
#pragma once
#include <string>
#include <vector>

#include "core/corpus.h"
#include "core/editor.h"
#include "platform/storage.h"

namespace cm::app {

class Autosave {
public:
    // Loads the saved project into the corpus (documents it adds) and the
    // editor. `view` gets where the reader was ("<doc id> <code point>");
    // `notices` what the reader must be told.
    void open(Corpus& corpus, Editor& editor, std::string& view, std::vector<std::string>& notices);
    // Once per frame, after drawing: saves when the model or the view changed.
    void tick(const Corpus& corpus, const Editor& editor, const std::string& view, double now);
    // Saves now if anything is unsaved (the page is being hidden or closed).
    void flush(const Corpus& corpus, const Editor& editor, const std::string& view);

    // The store's status, but "Saving…" while an edit waits for its save, so
    // "Saved" always means the latest edit is in storage.
    platform::StorageStatus status() const;
    // How long the last whole-project save took to serialise and hand to
    // storage (ms; the benchmark prints it).
    double last_save_ms() const { return last_save_ms_; }
    bool dirty(const Editor& editor) const { return editor.revision() != saved_revision_; }

private:
    void save(const Corpus& corpus, const Editor& editor, const std::string& view, double now);

    platform::StorageStatus status_;
    uint64_t saved_revision_ = 0;
    uint64_t seen_revision_ = 0;
    double changed_at_ = 0, last_edit_ = 0, saved_at_ = -1e9;
    double last_save_ms_ = 0;
    std::string saved_view_;
    size_t saved_documents_ = 0;  // an added article is saved like an edit
    bool opened_ = false;
};

}  // namespace cm::app
