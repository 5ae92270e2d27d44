// Reading JSON without exceptions (the web build has none) but with the
// parser's message, which nlohmann's non-throwing json::parse drops; and JSON
// pointers, which every importer uses to say where a problem is.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace cm {

// False, with nlohmann's message ("parse error at line 1, column 2: …",
// without its "[json.exception…]" tag) in `error`, when `text` is not JSON.
bool parse_json(std::string_view text, nlohmann::json& out, std::string& error);

// JSON pointer steps (RFC 6901: "~" and "/" in a key are escaped).
std::string json_at(const std::string& path, const std::string& key);
std::string json_at(const std::string& path, size_t index);

}  // namespace cm
