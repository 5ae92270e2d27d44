#include "json_read.h"

namespace cm {

namespace {

using nlohmann::json;

class DomParser : public nlohmann::detail::json_sax_dom_parser<json> {
public:
    explicit DomParser(json& result) : json_sax_dom_parser(result, false) {}
    template <class Exception>
    bool parse_error(std::size_t position, const std::string& last_token, const Exception& ex) {
        // Without nlohmann's "[json.exception.parse_error.101] ": readers see
        // "parse error at line 3, column 5: …".
        const std::string what = ex.what();
        const size_t tag_end = what.find("] ");
        const bool tagged = what.rfind("[json.exception", 0) == 0 && tag_end != std::string::npos;
        message = tagged ? what.substr(tag_end + 2) : what;
        return json_sax_dom_parser::parse_error(position, last_token, ex);
    }
    std::string message;
};

}  // namespace

bool parse_json(std::string_view text, json& out, std::string& error) {
    DomParser parser(out);
    if (json::sax_parse(text.data(), text.data() + text.size(), &parser) && parser.message.empty()) return true;
    error = parser.message.empty() ? "no details" : parser.message;
    out = json();
    return false;
}

std::string json_at(const std::string& path, const std::string& key) {
    std::string out = path + "/";
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string json_at(const std::string& path, size_t index) { return path + "/" + std::to_string(index); }

}  // namespace cm
