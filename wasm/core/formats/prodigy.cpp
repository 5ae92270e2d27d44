#include "prodigy.h"

namespace cm::formats {

Export export_prodigy(const Annotations& a, const std::vector<Document>& documents) {
    using nlohmann::ordered_json;
    const auto line = [&a](const Document& d, const std::vector<std::pair<Range, const Span*>>& ranges) {
        ordered_json spans = ordered_json::array();
        for (const auto& [r, s] : ranges)
            spans.push_back(ordered_json{{"start", r.start}, {"end", r.end}, {"label", label_name(a, *s)}});
        return ordered_json{{"text", d.text.utf8()},
                            {"spans", std::move(spans)},
                            {"meta", ordered_json{{"document", d.meta.id}, {"title", d.meta.title}}}};
    };
    return export_span_list_jsonl(
        a, documents, "prodigy.jsonl",
        "fine for spaCy's doc.spans and Prodigy's spans.manual, not for doc.ents or ner.manual", line);
}

}  // namespace cm::formats
