// Tells a view when what it shows may have changed: the editor's revision
// (every edit, undo and redo) or the number of articles. The views across
// articles rebuild their tables then, and only then — never per frame.
#pragma once
#include <cstdint>

#include "ui/annotator.h"

namespace cm::ui {

class ModelWatch {
public:
    // True on the first call and whenever the model or the corpus changed since the last true.
    bool changed(const Annotator& an) {
        const uint64_t rev = an.editor().revision();
        const size_t docs = an.corpus().documents.size();
        if (rev == revision_ && docs == documents_) return false;
        revision_ = rev;
        documents_ = docs;
        return true;
    }
    void invalidate() { revision_ = UINT64_MAX; }

private:
    uint64_t revision_ = UINT64_MAX;
    size_t documents_ = 0;
};

}  // namespace cm::ui
