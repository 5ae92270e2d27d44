// Fuzzes formats::import_w3c (W3C Web Annotation JSON-LD) against the fixed
// documents "a" and "b". What a unit test checks (tests/unit/test_formats.cpp,
// "W3C import of bad files lists problems and never crashes"): a refusal is
// one fatal problem and no annotations; a load lists only non-fatal problems,
// every orphan among them, keeps the editor's invariants, and its export
// imports again with no problem and the same annotations (but for the ids).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/formats/w3c.h"
#include "fuzz_common.h"

using namespace cm;
using cm::formats::W3cImport;
using cm::fuzz::need;

namespace {

std::string w3c_file(const formats::Export& e) {
    for (const formats::ExportFile& f : e.files)
        if (f.name == "annotations.w3c.jsonld") return f.content;
    need(false, "the W3C export writes annotations.w3c.jsonld");
    return "";
}

// The annotations without their ids (an import gives fresh ones), as
// tests/unit/test_formats.cpp compares them: labels in order, the rest
// sorted. Without what the export says it leaves out: entities without
// mentions, and the times when it rounded or dropped some (xsd:dateTime holds
// milliseconds from 1970 to 9999).
std::vector<std::string> content(const Annotations& a, bool with_times) {
    const auto span_key = [&a](Id id) {
        const Span* s = a.span(id);
        const Label* l = s ? a.label(s->label) : nullptr;
        if (!s || !l) return std::string("?");
        std::string out = s->doc + "|" + l->name + "|";
        for (const Range& r : s->ranges) out += std::to_string(r.start) + "-" + std::to_string(r.end) + ",";
        return out;
    };
    std::vector<std::string> out;
    for (const Label& l : a.labels) out.push_back("label " + l.name + " " + format_color(l.color) + " " + to_string(l.role));
    for (const auto& [id, e] : a.entities) {
        if (a.mentions_of(id).empty()) continue;  // the export leaves these out, and says so
        std::string line = "entity " + e.name + "|" + to_string(e.kind) + "|" + e.external_id + "|";
        for (const std::string& alias : e.aliases) line += alias + ",";
        out.push_back(line);
    }
    for (const auto& [id, s] : a.spans) {
        const Entity* e = a.entity(s.entity);
        std::string line = "span " + span_key(id) + "|" + (e ? e->name : "") + "|" + s.note + "|";
        for (const auto& [k, v] : s.attributes) line += k + "=" + v + ",";
        if (with_times) line += "|" + std::to_string(s.created) + "|" + std::to_string(s.modified);
        out.push_back(line);
    }
    for (const auto& [id, r] : a.relations)
        out.push_back(std::string("relation ") + to_string(r.type) + " " + span_key(r.from) + " -> " + span_key(r.to));
    for (const auto& [id, z] : a.zones)
        out.push_back("zone " + z.doc + " " + std::to_string(z.range.start) + "-" + std::to_string(z.range.end) + " " +
                      to_string(z.kind));
    std::sort(out.begin() + static_cast<long>(a.labels.size()), out.end());
    return out;
}

std::string lines(const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& s : v) out += s + "\n";
    return out;
}

std::string problems_of(const W3cImport& r) {
    std::string out;
    for (const ImportProblem& p : r.problems) out += to_string(p) + "\n";
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::vector<Document>& docs = cm::fuzz::fixture_docs();
    const std::string_view json(reinterpret_cast<const char*>(data), size);
    const W3cImport r = formats::import_w3c(json, docs);
    if (!r.ok) {
        need(r.problems.size() == 1 && r.problems[0].fatal, "a refused file has exactly one problem, a fatal one",
             problems_of(r));
        need(!r.problems[0].what.empty(), "a fatal problem says what is wrong");
        need(r.annotations.spans.empty() && r.orphans.empty(), "a refused file gives nothing to apply");
        return 0;
    }
    for (const ImportProblem& p : r.problems) {
        need(!p.fatal, "a loaded file has no fatal problem", to_string(p));
        need(!p.what.empty() && !p.done.empty(), "each problem says what is wrong and what was done", to_string(p));
    }
    need(r.orphans.size() <= r.problems.size(), "every orphan is also a problem", problems_of(r));
    for (const formats::Orphan& o : r.orphans) need(!o.why.empty(), "every orphan says why", o.path);
    const std::string broken = cm::fuzz::broken_invariants(r.annotations, docs);
    need(broken.empty(), "the imported state keeps the editor's invariants", broken);

    // Its export imports again without problems, and gives the same
    // annotations but for the ids.
    const formats::Export e = formats::export_w3c(r.annotations, docs);
    const W3cImport again = formats::import_w3c(w3c_file(e), docs);
    need(again.ok && again.problems.empty() && again.orphans.empty(),
         "an export of an imported state imports again without problems", problems_of(again));
    bool times_kept = true;
    for (const std::string& line : e.left_out) times_kept = times_kept && line.find(" time") == std::string::npos;
    const std::vector<std::string> before = content(r.annotations, times_kept),
                                   after = content(again.annotations, times_kept);
    need(before == after, "export -> import gives the same annotations", lines(before) + "---\n" + lines(after));
    return 0;
}
