// Fuzzes import_project (the native project file) against the fixed corpus of
// fuzz_common.h, in both modes. What a unit test checks
// (tests/unit/test_project_json.cpp, "damaged files never throw"): a refusal
// is one fatal problem and nothing to apply; a load lists only non-fatal
// problems in words, its documents are well-formed, its state keeps every
// invariant of the editor (a merge is accepted by Editor::replace_all), and
// it exports and imports again to the same bytes with no problem.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/project_json.h"
#include "fuzz_common.h"

using namespace cm;
using cm::fuzz::need;

namespace {

void check(const ProjectImport& r, const std::vector<Document>& corpus, const Annotations& current, ImportMode mode) {
    if (!r.ok) {
        need(r.problems.size() == 1 && r.problems[0].fatal, "a refused file has exactly one problem, a fatal one");
        need(!r.problems[0].what.empty(), "a fatal problem says what is wrong");
        need(r.new_documents.empty() && r.annotations.spans.empty() && r.annotations.labels.empty(),
             "a refused file gives nothing to apply");
        return;
    }
    for (const ImportProblem& p : r.problems) {
        need(!p.fatal, "a loaded file has no fatal problem", to_string(p));
        need(!p.what.empty() && !p.done.empty(), "each problem says what is wrong and what was done", to_string(p));
        need(p.path.empty() || p.path[0] == '/', "a problem's path is a JSON pointer", to_string(p));
    }
    std::vector<Document> all = corpus;
    std::set<std::string> ids;
    for (const Document& d : corpus) ids.insert(d.meta.id);
    for (const Document& d : r.new_documents) {
        cm::fuzz::check_document(d);
        need(!d.meta.id.empty() && ids.insert(d.meta.id).second, "new documents have new, unique ids", d.meta.id);
        all.push_back(d);
    }
    const std::string broken = cm::fuzz::broken_invariants(r.annotations, all);
    need(broken.empty(), "the imported state keeps the editor's invariants", broken);
    if (mode == ImportMode::Merge) {
        Editor ed(cm::fuzz::lengths_of(all), [] { return 0.0; });
        ed.reset(current);
        need(ed.replace_all(r.annotations, "Merge project"), "Editor::replace_all accepts a merge");
        need(ed.check_invariants().empty(), "the editor keeps its invariants after a merge");
    }

    // Export, import (replacing) and export again: no problems, same bytes.
    const std::string text = project_to_json(r.annotations, all);
    const ProjectImport again = import_project(text, all, {}, ImportMode::Replace);
    std::string problems;
    for (const ImportProblem& p : again.problems) problems += to_string(p) + "\n";
    need(again.ok && again.problems.empty() && again.new_documents.empty(),
         "an export of an imported state imports again without problems", problems);
    need(project_to_json(again.annotations, all) == text, "export -> import -> export gives the same bytes");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view json(reinterpret_cast<const char*>(data), size);
    const std::vector<Document>& corpus = cm::fuzz::fixture_docs();
    const Annotations& current = cm::fuzz::fixture_annotations();
    for (const ImportMode mode : {ImportMode::Replace, ImportMode::Merge})
        check(import_project(json, corpus, current, mode), corpus, current, mode);
    // Nothing open yet: every document of the file is new.
    check(import_project(json, {}, {}, ImportMode::Replace), {}, {}, ImportMode::Replace);
    return 0;
}
