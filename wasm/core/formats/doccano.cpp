#include "doccano.h"

namespace cm::formats {

Export export_doccano(const Annotations& a, const std::vector<Document>& documents) {
    using nlohmann::ordered_json;
    const auto line = [&a](const Document& d, const std::vector<std::pair<Range, const Span*>>& ranges) {
        ordered_json labels = ordered_json::array();
        for (const auto& [r, s] : ranges) labels.push_back(ordered_json::array({r.start, r.end, label_name(a, *s)}));
        return ordered_json{{"text", d.text.utf8()}, {"label", std::move(labels)}, {"document", d.meta.id},
                            {"title", d.meta.title}};
    };
    return export_span_list_jsonl(a, documents, "doccano.jsonl",
                                  "doccano shows them when the project allows overlapping spans", line);
}

}  // namespace cm::formats
