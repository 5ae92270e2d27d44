#include "platform/assets.h"

namespace cm::platform {

std::optional<std::string_view> find_asset(std::string_view name) {
    for (size_t i = 0; i < kEmbeddedFileCount; ++i) {
        if (name == kEmbeddedFiles[i].name)
            return std::string_view(reinterpret_cast<const char*>(kEmbeddedFiles[i].data), kEmbeddedFiles[i].size);
    }
    return std::nullopt;
}

}  // namespace cm::platform
