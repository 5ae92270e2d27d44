// Comparing my annotations with a colleague's project file, and adjudicating
// the differences one at a time (issue 5, "agreement between annotators").
// Their file is read into its own Annotations ("theirs"), never merged into
// mine; the figures, the disagreements of the open article and the diff
// marks in the reading view are rebuilt only when something they depend on
// changes (my editor's revision, the open article, scope or match mode), not
// every frame. The numbers come from core/agreement.h; this class turns them
// into what the Compare tab shows (ui/compare_panel.h) and the page's state()
// reports, so the two can never disagree.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/agreement.h"
#include "core/annotations.h"
#include "ui/annotator.h"

namespace cm::ui {

enum class CompareScope : uint8_t { ThisArticle, AllArticles };

// One line of the score table, its ratios already written as shown.
struct ScoreRow {
    std::string label;  // a label name, "All labels" or "Any label"
    size_t mine = 0, theirs = 0, both = 0;
    std::string precision, recall, f1;  // "0.67", or "n/a" when the count under it is 0
};

// One difference in the open article that the adjudicator can settle.
struct Disagreement {
    enum class Kind : uint8_t { MineOnly, TheirsOnly, Differs };
    Kind kind = Kind::MineOnly;
    Id mine = kNoId, theirs = kNoId;  // kNoId on the side that has no span
    uint32_t start = 0, end = 0;      // both spans together
    bool label_differs = false, extent_differs = false, link_differs = false;  // Differs: what
    std::string text;    // the span's text, one line, clipped
    std::string detail;  // "Claim / Speaker", "extent differs", …
};

class Comparison {
public:
    // Reads a colleague's project file against my corpus. True: the
    // comparison starts (or replaces the previous one) and message() says
    // what it covers. False: nothing changes, and error() says why.
    bool load(const std::string& file_name, const std::string& text, const Annotator& an, double now);
    // Ends the comparison: their annotations, the decisions and the marks go.
    void stop(Annotator& an);
    bool active() const { return active_; }
    const std::string& message() const { return message_; }
    const std::string& error() const { return error_; }
    void clear_error() { error_.clear(); }

    // Rebuilds what is shown if anything it depends on changed; call every
    // frame (it compares a few numbers and returns).
    void update(Annotator& an);

    // --- what is shown ---
    const std::string& file_name() const { return file_name_; }
    double loaded_at() const { return loaded_at_; }
    size_t file_documents() const { return file_documents_; }
    size_t problems() const { return problems_; }
    // Their articles that are open here (the ones compared with "All articles").
    const std::vector<std::string>& their_documents() const { return their_docs_; }
    // The articles the table covers now (scope), and whether the open one is theirs.
    const std::vector<std::string>& scope_documents() const { return scope_docs_; }
    bool open_article_is_theirs() const { return open_is_theirs_; }
    const std::vector<ScoreRow>& rows() const { return rows_; }
    const AgreementReport& report() const { return report_; }
    // The open article's disagreements, in reading order, without those kept.
    const std::vector<Disagreement>& disagreements() const { return disagreements_; }
    size_t kept() const { return kept_.size(); }
    const Annotations& theirs() const { return theirs_; }

    // --- settings ---
    CompareScope scope = CompareScope::AllArticles;
    MatchMode mode = MatchMode::Overlap;

    // --- adjudication: each edit is one undo step; false (with a message) if refused ---
    bool adopt_theirs(Annotator& an, const Disagreement& d);  // TheirsOnly or Differs
    bool remove_mine(Annotator& an, const Disagreement& d);   // MineOnly
    void keep_mine(Annotator& an, const Disagreement& d);     // settled: hidden from the list
    void show_kept_again() { kept_.clear(), dirty_ = true; }

private:
    void rebuild(Annotator& an, const std::string& open_doc);

    bool active_ = false;
    Annotations theirs_;
    std::string file_name_, message_, error_;
    double loaded_at_ = 0;
    size_t file_documents_ = 0, problems_ = 0;
    std::vector<std::string> their_docs_;
    std::set<std::pair<Id, Id>> kept_;  // (mine, theirs) settled as mine

    // What the shown figures were built from.
    bool dirty_ = true;
    uint64_t built_revision_ = 0;
    std::string built_doc_;
    CompareScope built_scope_ = CompareScope::AllArticles;
    MatchMode built_mode_ = MatchMode::Overlap;

    std::vector<std::string> scope_docs_;
    bool open_is_theirs_ = false;
    AgreementReport report_;
    std::vector<ScoreRow> rows_;
    std::vector<Disagreement> disagreements_;
};

}  // namespace cm::ui
