// Files compiled into the program at build time (fonts, the sample corpus);
// see cmake/embed_files.cmake.
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

namespace cm::platform {

struct EmbeddedFile {
    const char* name;  // e.g. "corpus/manifest.json", "fonts/ui_regular.ttf"
    const unsigned char* data;
    size_t size;
};

extern const EmbeddedFile kEmbeddedFiles[];
extern const size_t kEmbeddedFileCount;

std::optional<std::string_view> find_asset(std::string_view name);

}  // namespace cm::platform
