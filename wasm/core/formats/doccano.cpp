#include "doccano.h"

#include <nlohmann/json.hpp>
#include <set>

namespace cm::formats {

Export export_doccano(const Annotations& a, const std::vector<Document>& documents) {
    using nlohmann::ordered_json;
    const Documents docs(documents);
    std::string out;
    std::set<std::string> written;
    for (const Document& d : documents) {
        if (!written.insert(d.meta.id).second) continue;
        ordered_json labels = ordered_json::array();
        for (const auto& [r, s] : ranges_in(a, d.meta.id))
            labels.push_back(ordered_json::array({r.start, r.end, label_name(a, *s)}));
        const ordered_json line{
            {"text", d.text.utf8()}, {"label", std::move(labels)}, {"document", d.meta.id}, {"title", d.meta.title}};
        out += line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    Tally tally;
    tally_span_list_losses(a, docs, "doccano shows them when the project allows overlapping spans", tally);
    Export e;
    e.files.push_back(ExportFile{"doccano.jsonl", std::move(out)});
    e.left_out = tally.lines();
    return e;
}

}  // namespace cm::formats
