#include "formats.h"

#include "brat.h"
#include "claimreview.h"
#include "csv.h"
#include "doccano.h"
#include "prodigy.h"
#include "w3c.h"

namespace cm::formats {

const std::vector<FormatInfo>& export_formats() {
    static const std::vector<FormatInfo> formats = {
        {"w3c", "W3C Web Annotation JSON-LD (AnnotationCollection)"},
        {"brat", "brat standoff (.txt + .ann per document, annotation.conf, visual.conf)"},
        {"csv", "claims table for spreadsheets (CSV, UTF-8 with BOM)"},
        {"doccano", "doccano JSONL (sequence labelling)"},
        {"prodigy", "Prodigy / spaCy JSONL spans"},
        {"claimreview", "schema.org Claim / ClaimReview JSON-LD"},
    };
    return formats;
}

std::optional<Export> export_as(std::string_view format, const Annotations& a, const std::vector<Document>& documents) {
    if (format == "w3c") return export_w3c(a, documents);
    if (format == "brat") return export_brat(a, documents);
    if (format == "csv") return export_csv(a, documents);
    if (format == "doccano") return export_doccano(a, documents);
    if (format == "prodigy") return export_prodigy(a, documents);
    if (format == "claimreview") return export_claimreview(a, documents);
    return std::nullopt;
}

}  // namespace cm::formats
