#include "prodigy.h"

#include <nlohmann/json.hpp>
#include <set>

namespace cm::formats {

Export export_prodigy(const Annotations& a, const std::vector<Document>& documents) {
    using nlohmann::ordered_json;
    const Documents docs(documents);
    std::string out;
    std::set<std::string> written;
    for (const Document& d : documents) {
        if (!written.insert(d.meta.id).second) continue;
        ordered_json spans = ordered_json::array();
        for (const auto& [r, s] : ranges_in(a, d.meta.id))
            spans.push_back(ordered_json{{"start", r.start}, {"end", r.end}, {"label", label_name(a, *s)}});
        const ordered_json line{{"text", d.text.utf8()},
                                {"spans", std::move(spans)},
                                {"meta", ordered_json{{"document", d.meta.id}, {"title", d.meta.title}}}};
        out += line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    Tally tally;
    tally_span_list_losses(
        a, docs, "fine for spaCy's doc.spans and Prodigy's spans.manual, not for doc.ents or ner.manual", tally);
    Export e;
    e.files.push_back(ExportFile{"prodigy.jsonl", std::move(out)});
    e.left_out = tally.lines();
    return e;
}

}  // namespace cm::formats
