// Fuzzes load_corpus (the corpus manifest) over a fixed set of text files:
// "a.txt" and "b.txt" (the fixture's texts), "crlf.txt" (a BOM, CRLF and
// invalid UTF-8) and "empty.txt"; any other name cannot be read. What a unit
// test checks (tests/unit/test_corpus.cpp): it never fails as a whole; a
// manifest that is not JSON or has no document list is one problem and no
// documents; otherwise each entry is a document or a problem; documents have
// unique ids, a title and a well-formed text, and are found by their id.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/corpus.h"
#include "fuzz_common.h"

using namespace cm;
using cm::fuzz::need;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::map<std::string, std::string> files = {
        {"a.txt", cm::fuzz::kTextA},
        {"b.txt", cm::fuzz::kTextB},
        {"crlf.txt", "\xEF\xBB\xBFHeadline\r\n\r\nBody \xC3 text\rend\r\n"},
        {"empty.txt", ""},
    };
    const ReadFileFn read = [](const std::string& path) -> std::optional<std::string> {
        const auto it = files.find(path);
        if (it == files.end()) return std::nullopt;
        return it->second;
    };
    const std::string_view manifest(reinterpret_cast<const char*>(data), size);
    const Corpus c = load_corpus(manifest, read);

    for (const std::string& p : c.problems) need(!p.empty() && cm::fuzz::valid_utf8(p), "problems are in words");
    // The same parse the loader does (no exceptions): how many entries there are.
    const nlohmann::json m = nlohmann::json::parse(manifest.begin(), manifest.end(), nullptr, false);
    const bool has_list = !m.is_discarded() && m.is_object() && m.contains("documents") && m["documents"].is_array();
    if (!has_list) {
        need(c.documents.empty() && c.problems.size() == 1, "an unusable manifest is one problem and no documents");
    } else {
        need(c.documents.size() + c.problems.size() == m["documents"].size(),
             "each entry of the manifest is a document or a problem");
    }
    std::set<std::string> ids;
    for (size_t i = 0; i < c.documents.size(); ++i) {
        const Document& d = c.documents[i];
        cm::fuzz::check_document(d);
        need(!d.meta.id.empty() && ids.insert(d.meta.id).second, "document ids are unique and not empty", d.meta.id);
        need(!d.meta.title.empty(), "every document has a title", d.meta.id);
        need(files.count(d.meta.file) == 1, "every document comes from a file that could be read", d.meta.file);
        need(c.find(d.meta.id) == &d && c.index_of(d.meta.id) == static_cast<int>(i),
             "every document is found by its id", d.meta.id);
        need(d.warnings.empty() == (d.text.invalid_sequences() == 0), "invalid UTF-8 in a text is a warning",
             d.meta.id);
    }
    return 0;
}
