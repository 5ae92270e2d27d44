// The standard export formats by name, for the command-line tool and the
// app's export menu: "w3c", "brat", "csv", "doccano", "prodigy", "claimreview".
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "export.h"

namespace cm::formats {

struct FormatInfo {
    const char* name;         // as given to export_as
    const char* description;  // one line, for help texts and menus
};

const std::vector<FormatInfo>& export_formats();

// The export in `format`, or nothing for an unknown name.
std::optional<Export> export_as(std::string_view format, const Annotations& a, const std::vector<Document>& documents);

}  // namespace cm::formats
