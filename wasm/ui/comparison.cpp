#include "ui/comparison.h"

#include <algorithm>
#include <cstdio>

#include "core/project_json.h"
#include "ui/widgets.h"

namespace cm::ui {

namespace {

std::string ratio_text(size_t part, size_t whole) {
    if (whole == 0) return "n/a";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(part) / static_cast<double>(whole));
    return buf;
}

ScoreRow score_row(std::string label, const Prf& p) {
    ScoreRow r;
    r.label = std::move(label);
    r.both = p.both;
    r.mine = p.both + p.mine_only;
    r.theirs = p.both + p.theirs_only;
    r.precision = ratio_text(r.both, r.mine);
    r.recall = ratio_text(r.both, r.theirs);
    r.f1 = ratio_text(2 * r.both, r.mine + r.theirs);
    return r;
}

std::string articles(size_t n) { return std::to_string(n) + (n == 1 ? " article" : " articles"); }

// Whether the two spans name different entities, where mine's label can name one.
bool links_differ(const Annotations& mine, const Span& m, const Annotations& theirs, const Span& t) {
    const Label* l = mine.label(m.label);
    if (!l || !can_have_entity(l->role)) return false;
    const Entity* me = mine.entity(m.entity);
    const Entity* te = theirs.entity(t.entity);
    if (!me || !te) return (me == nullptr) != (te == nullptr);
    return !same_entity(*me, *te);
}

}  // namespace

bool Comparison::load(const std::string& file_name, const std::string& text, const Annotator& an, double now) {
    const std::string quoted = "\xE2\x80\x9C" + file_name + "\xE2\x80\x9D";
    // Replace against an empty model: their own ids, nothing of mine mixed in.
    ProjectImport r = import_project(text, an.corpus().documents, Annotations{}, ImportMode::Replace);
    if (!r.ok) {
        std::string why = "it could not be read";
        for (const ImportProblem& p : r.problems)
            if (p.fatal) {
                why = p.what;
                break;
            }
        error_ = "Cannot compare with " + quoted + ": " + why + ". Nothing was changed.";
        return false;
    }
    // Their articles that are open here; annotations may also name open
    // articles the file does not list.
    std::vector<std::string> docs = r.open_documents;
    for (const auto& entry : r.annotations.spans) {
        const std::string& d = entry.second.doc;
        if (an.corpus().find(d) && std::find(docs.begin(), docs.end(), d) == docs.end()) docs.push_back(d);
    }
    if (docs.empty()) {
        error_ = "Cannot compare with " + quoted + ": none of its " + articles(r.file_documents) +
                 " is open here. Open the same articles first (File \xE2\x86\x92 Import merges them in). Nothing was changed.";
        return false;
    }
    theirs_ = std::move(r.annotations);
    file_name_ = file_name;
    loaded_at_ = now;
    file_documents_ = std::max(r.file_documents, docs.size());
    problems_ = r.problems.size();
    their_docs_ = std::move(docs);
    kept_.clear();
    active_ = true;
    dirty_ = true;
    error_.clear();
    const size_t here = their_docs_.size();
    message_ = "Comparing with " + quoted + ": " + std::to_string(here) + " of their " + articles(file_documents_) +
               (here == 1 ? " is" : " are") + " open here.";
    if (here < file_documents_) message_ += " The others are left out.";
    return true;
}

void Comparison::stop(Annotator& an) {
    active_ = false;
    theirs_ = Annotations{};
    their_docs_.clear();
    scope_docs_.clear();
    kept_.clear();
    rows_.clear();
    disagreements_.clear();
    report_ = AgreementReport{};
    file_name_.clear();
    message_.clear();
    an.marks.clear("compare");
    dirty_ = true;
}

void Comparison::update(Annotator& an) {
    if (!active_) return;
    const std::string open_doc = an.document() ? an.document()->meta.id : std::string();
    const uint64_t revision = an.editor().revision();
    if (!dirty_ && revision == built_revision_ && open_doc == built_doc_ && scope == built_scope_ && mode == built_mode_)
        return;
    rebuild(an, open_doc);
}

void Comparison::rebuild(Annotator& an, const std::string& open_doc) {
    dirty_ = false;
    built_revision_ = an.editor().revision();
    built_doc_ = open_doc;
    built_scope_ = scope;
    built_mode_ = mode;
    const Annotations& mine = an.model();

    open_is_theirs_ = std::find(their_docs_.begin(), their_docs_.end(), open_doc) != their_docs_.end();
    if (scope == CompareScope::AllArticles) scope_docs_ = their_docs_;
    else scope_docs_ = open_is_theirs_ ? std::vector<std::string>{open_doc} : std::vector<std::string>{};

    AgreementOptions options;
    options.documents = scope_docs_;
    // An empty list means "every annotated document" to the core: an article
    // they do not have compares nothing instead.
    report_ = scope_docs_.empty() ? AgreementReport{} : compare_annotations(mine, theirs_, options);
    const SpanScores& scores = mode == MatchMode::Exact ? report_.exact : report_.overlap;
    rows_.clear();
    for (const auto& [name, prf] : scores.by_label) rows_.push_back(score_row(name.empty() ? "(no label)" : name, prf));
    rows_.push_back(score_row("All labels", scores.overall));
    rows_.push_back(score_row("Any label", scores.any_label));

    // The diff marks for every compared article, so switching articles shows them at once.
    std::vector<TextMark> marks;
    for (const std::string& doc : their_docs_)
        for (const DiffItem& d : diff_document(mine, theirs_, doc, mode)) {
            const MarkKind kind = d.kind == DiffKind::Both       ? MarkKind::Both
                                  : d.kind == DiffKind::MineOnly ? MarkKind::MineOnly
                                                                 : MarkKind::TheirsOnly;
            marks.push_back(TextMark{doc, d.start, d.end, kind});
        }
    an.marks.set("compare", std::move(marks));

    // The open article's disagreements, those settled as mine left out.
    disagreements_.clear();
    if (!open_is_theirs_) return;
    for (const DiffItem& d : diff_document(mine, theirs_, open_doc, mode)) {
        if (kept_.count({d.mine, d.theirs})) continue;
        const Span* m = mine.span(d.mine);
        const Span* t = theirs_.span(d.theirs);
        Disagreement g;
        g.mine = d.mine;
        g.theirs = d.theirs;
        g.start = d.start;
        g.end = d.end;
        if (d.kind == DiffKind::Both) {
            if (!m || !t) continue;
            g.kind = Disagreement::Kind::Differs;
            g.label_differs = !d.labels_agree;
            g.extent_differs = !d.ranges_agree;
            g.link_differs = links_differ(mine, *m, theirs_, *t);
            if (!g.label_differs && !g.extent_differs && !g.link_differs) continue;  // they agree
            std::vector<std::string> what;
            if (g.label_differs) what.push_back("mine " + label_name(mine, *m) + ", theirs " + label_name(theirs_, *t));
            if (g.extent_differs) what.push_back("extent differs");
            if (g.link_differs) what.push_back("entity link differs");
            for (size_t i = 0; i < what.size(); ++i) g.detail += (i ? ", " : "") + what[i];
        } else if (d.kind == DiffKind::MineOnly) {
            if (!m) continue;
            g.kind = Disagreement::Kind::MineOnly;
            g.detail = label_name(mine, *m);
        } else {
            if (!t) continue;
            g.kind = Disagreement::Kind::TheirsOnly;
            g.detail = label_name(theirs_, *t);
        }
        // Their text where they have a span (what adopting gives), else mine;
        // both when the extents differ.
        if (g.extent_differs)
            g.text = "mine \xE2\x80\x9C" + one_line(an.span_text(*m, 200), 40) + "\xE2\x80\x9D, theirs \xE2\x80\x9C" +
                     one_line(an.span_text(*t, 200), 40) + "\xE2\x80\x9D";
        else
            g.text = one_line(an.span_text(t ? *t : *m, 400), 80);
        disagreements_.push_back(std::move(g));
    }
}

bool Comparison::adopt_theirs(Annotator& an, const Disagreement& d) {
    if (an.refuse_if_read_only()) return false;
    bool done = false;
    if (d.kind == Disagreement::Kind::TheirsOnly) done = cm::adopt_theirs(an.editor(), theirs_, d.theirs) != kNoId;
    else if (d.kind == Disagreement::Kind::Differs) done = adopt_theirs_pair(an.editor(), theirs_, d.mine, d.theirs);
    an.flash(done ? "Adopted their version. Ctrl+Z undoes it." : "Their version could not be adopted here.");
    return done;
}

bool Comparison::remove_mine(Annotator& an, const Disagreement& d) {
    if (an.refuse_if_read_only() || d.kind != Disagreement::Kind::MineOnly) return false;
    if (an.selected() == d.mine) an.select(kNoId);
    const bool done = drop_mine(an.editor(), d.mine);
    an.flash(done ? "Removed yours: they did not mark it. Ctrl+Z undoes it." : "Yours could not be removed.");
    return done;
}

void Comparison::keep_mine(Annotator& an, const Disagreement& d) {
    kept_.insert({d.mine, d.theirs});
    dirty_ = true;
    an.flash("Kept yours. \xE2\x80\x9CShow kept\xE2\x80\x9D lists it again.");
}

}  // namespace cm::ui
