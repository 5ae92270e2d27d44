#include "article_import.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "sha256.h"
#include "utf8.h"

namespace cm {

namespace {

constexpr size_t npos = std::string_view::npos;

// --- small string helpers -----------------------------------------------------

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
bool is_punct(char c) { return c > ' ' && c < 0x7F && !is_alnum(c); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view s) {
    std::string r(s);
    for (char& c : r) c = lower(c);
    return r;
}

bool equal_ci(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// Collapses runs of ASCII whitespace to one space and trims.
std::string collapse_spaces(std::string_view s) {
    std::string r;
    r.reserve(s.size());
    bool space = false;
    for (char c : trim(s)) {
        if (is_space(c)) {
            space = true;
            continue;
        }
        if (space) r += ' ';
        space = false;
        r += c;
    }
    return r;
}

size_t count_codepoints(std::string_view s) {
    size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::string plural(size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// "a", "a and b", "a, b and c".
std::string join_and(const std::vector<std::string>& parts) {
    std::string r;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) r += (i + 1 == parts.size()) ? " and " : ", ";
        r += parts[i];
    }
    return r;
}

std::string file_stem(std::string_view file_name) {
    const size_t slash = file_name.find_last_of("/\\");
    if (slash != npos) file_name.remove_prefix(slash + 1);
    const size_t dot = file_name.rfind('.');
    if (dot != npos && dot > 0) file_name = file_name.substr(0, dot);
    return std::string(trim(file_name));
}

std::string extension(std::string_view file_name) {
    const size_t slash = file_name.find_last_of("/\\");
    if (slash != npos) file_name.remove_prefix(slash + 1);
    const size_t dot = file_name.rfind('.');
    return dot == npos ? std::string() : lowered(file_name.substr(dot + 1));
}

// "2013-04-30T10:00:00Z" → "2013-04-30"; "2013-04" stays; anything else → "".
std::string iso_date(std::string_view v) {
    v = trim(v);
    auto digits = [&](size_t at, size_t n) {
        if (v.size() < at + n) return false;
        for (size_t i = at; i < at + n; ++i)
            if (!is_digit(v[i])) return false;
        return true;
    };
    auto number = [&](size_t at) { return (v[at] - '0') * 10 + (v[at + 1] - '0'); };
    if (!digits(0, 4) || v.size() < 7 || v[4] != '-' || !digits(5, 2)) return "";
    if (number(5) < 1 || number(5) > 12) return "";
    if (v.size() >= 10 && v[7] == '-' && digits(8, 2) && (v.size() == 10 || !is_digit(v[10]))) {
        if (number(8) < 1 || number(8) > 31) return "";
        return std::string(v.substr(0, 10));
    }
    if (v.size() == 7 || (!is_digit(v[7]) && v[7] != '-')) return std::string(v.substr(0, 7));
    return "";
}

// --- encodings --------------------------------------------------------------------

// Windows-1252 bytes 0x80-0x9F (WHATWG); HTML also maps &#128;-&#159; this way.
constexpr char32_t kCp1252[32] = {0x20AC, 0x81,   0x201A, 0x192,  0x201E, 0x2026, 0x2020, 0x2021,
                                  0x2C6,  0x2030, 0x160,  0x2039, 0x152,  0x8D,   0x17D,  0x8F,
                                  0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                  0x2DC,  0x2122, 0x161,  0x203A, 0x153,  0x9D,   0x17E,  0x178};

// Index of the first byte that is not well-formed UTF-8 (Unicode Table 3-7), or npos.
size_t first_invalid_utf8(std::string_view s) {
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            len = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            len = 3;
            if (b == 0xE0) lo = 0xA0;
            if (b == 0xED) hi = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            len = 4;
            if (b == 0xF0) lo = 0x90;
            if (b == 0xF4) hi = 0x8F;
        } else {
            return i;
        }
        if (i + len > n) return i;
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        if (b1 < lo || b1 > hi) return i;
        for (size_t k = 2; k < len; ++k) {
            const auto bk = static_cast<unsigned char>(s[i + k]);
            if (bk < 0x80 || bk > 0xBF) return i;
        }
        i += len;
    }
    return npos;
}

std::string cp1252_to_utf8(std::string_view s) {
    std::string r;
    r.reserve(s.size() + s.size() / 8);
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x80)
            r += c;
        else
            append_utf8(r, b < 0xA0 ? kCp1252[b - 0x80] : char32_t(b));
    }
    return r;
}

// The charset an HTML page declares in its first 4 KB (lowercased), or "".
std::string declared_charset(std::string_view html) {
    const std::string head = lowered(html.substr(0, 4096));
    const size_t at = head.find("charset=");
    if (at == npos) return "";
    size_t p = at + 8;
    while (p < head.size() && (head[p] == '"' || head[p] == '\'' || is_space(head[p]))) ++p;
    const size_t start = p;
    while (p < head.size() && (is_alnum(head[p]) || head[p] == '-' || head[p] == '_' || head[p] == ':')) ++p;
    return head.substr(start, p - start);
}

bool is_cp1252_label(std::string_view cs) {
    for (const char* l : {"windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1",
                          "latin1", "l1", "us-ascii", "ascii", "iso-8859-15", "latin-1"})
        if (cs == l) return true;
    return false;
}

// --- character references ---------------------------------------------------------

struct NamedEntity {
    std::string_view name;
    char32_t cp;
};

// Sorted by name (ASCII order) for binary search; kEntitiesSorted checks it.
constexpr NamedEntity kEntities[] = {
    {"AElig", 0xC6}, {"Aacute", 0xC1}, {"Acirc", 0xC2}, {"Agrave", 0xC0}, {"Aring", 0xC5},
    {"Atilde", 0xC3}, {"Auml", 0xC4}, {"Ccedil", 0xC7}, {"Dagger", 0x2021}, {"ETH", 0xD0},
    {"Eacute", 0xC9}, {"Ecirc", 0xCA}, {"Egrave", 0xC8}, {"Euml", 0xCB}, {"Iacute", 0xCD},
    {"Icirc", 0xCE}, {"Igrave", 0xCC}, {"Iuml", 0xCF}, {"Ntilde", 0xD1}, {"OElig", 0x152},
    {"Oacute", 0xD3}, {"Ocirc", 0xD4}, {"Ograve", 0xD2}, {"Oslash", 0xD8}, {"Otilde", 0xD5},
    {"Ouml", 0xD6}, {"Prime", 0x2033}, {"Scaron", 0x160}, {"THORN", 0xDE}, {"Uacute", 0xDA},
    {"Ucirc", 0xDB}, {"Ugrave", 0xD9}, {"Uuml", 0xDC}, {"Yacute", 0xDD}, {"Yuml", 0x178},
    {"aacute", 0xE1}, {"acirc", 0xE2}, {"acute", 0xB4}, {"aelig", 0xE6}, {"agrave", 0xE0},
    {"amp", 0x26}, {"apos", 0x27}, {"aring", 0xE5}, {"atilde", 0xE3}, {"auml", 0xE4},
    {"bdquo", 0x201E}, {"brvbar", 0xA6}, {"bull", 0x2022}, {"ccedil", 0xE7}, {"cedil", 0xB8},
    {"cent", 0xA2}, {"circ", 0x2C6}, {"copy", 0xA9}, {"curren", 0xA4}, {"dagger", 0x2020},
    {"darr", 0x2193}, {"deg", 0xB0}, {"divide", 0xF7}, {"eacute", 0xE9}, {"ecirc", 0xEA},
    {"egrave", 0xE8}, {"emsp", 0x2003}, {"ensp", 0x2002}, {"eth", 0xF0}, {"euml", 0xEB},
    {"euro", 0x20AC}, {"frac12", 0xBD}, {"frac14", 0xBC}, {"frac34", 0xBE}, {"gt", 0x3E},
    {"hairsp", 0x200A}, {"hellip", 0x2026}, {"hyphen", 0x2010}, {"iacute", 0xED}, {"icirc", 0xEE},
    {"iexcl", 0xA1}, {"igrave", 0xEC}, {"iquest", 0xBF}, {"iuml", 0xEF}, {"laquo", 0xAB},
    {"larr", 0x2190}, {"ldquo", 0x201C}, {"lrm", 0x200E}, {"lsaquo", 0x2039}, {"lsquo", 0x2018},
    {"lt", 0x3C}, {"macr", 0xAF}, {"mdash", 0x2014}, {"micro", 0xB5}, {"middot", 0xB7},
    {"minus", 0x2212}, {"nbsp", 0xA0}, {"ndash", 0x2013}, {"not", 0xAC}, {"ntilde", 0xF1},
    {"oacute", 0xF3}, {"ocirc", 0xF4}, {"oelig", 0x153}, {"ograve", 0xF2}, {"ordf", 0xAA},
    {"ordm", 0xBA}, {"oslash", 0xF8}, {"otilde", 0xF5}, {"ouml", 0xF6}, {"para", 0xB6},
    {"permil", 0x2030}, {"plusmn", 0xB1}, {"pound", 0xA3}, {"prime", 0x2032}, {"quot", 0x22},
    {"raquo", 0xBB}, {"rarr", 0x2192}, {"rdquo", 0x201D}, {"reg", 0xAE}, {"rlm", 0x200F},
    {"rsaquo", 0x203A}, {"rsquo", 0x2019}, {"sbquo", 0x201A}, {"scaron", 0x161}, {"sect", 0xA7},
    {"shy", 0xAD}, {"sup1", 0xB9}, {"sup2", 0xB2}, {"sup3", 0xB3}, {"szlig", 0xDF},
    {"thinsp", 0x2009}, {"thorn", 0xFE}, {"times", 0xD7}, {"trade", 0x2122}, {"uacute", 0xFA},
    {"uarr", 0x2191}, {"ucirc", 0xFB}, {"ugrave", 0xF9}, {"uml", 0xA8}, {"uuml", 0xFC},
    {"yacute", 0xFD}, {"yen", 0xA5}, {"yuml", 0xFF}, {"zwj", 0x200D}, {"zwnj", 0x200C},
};

constexpr bool entities_sorted() {
    for (size_t i = 1; i < sizeof kEntities / sizeof kEntities[0]; ++i)
        if (!(kEntities[i - 1].name < kEntities[i].name)) return false;
    return true;
}
static_assert(entities_sorted(), "kEntities must stay sorted by name");

// Decodes the character reference at s[i] == '&'. Returns the bytes it
// takes (0 when it is not one: unknown names are left as written).
size_t character_reference(std::string_view s, size_t i, char32_t* cp) {
    size_t p = i + 1;
    if (p < s.size() && s[p] == '#') {
        ++p;
        const bool hex = p < s.size() && (s[p] == 'x' || s[p] == 'X');
        if (hex) ++p;
        const size_t digits_at = p;
        uint32_t v = 0;
        for (; p < s.size(); ++p) {
            const char c = s[p];
            int d = -1;
            if (is_digit(c)) d = c - '0';
            else if (hex && lower(c) >= 'a' && lower(c) <= 'f') d = lower(c) - 'a' + 10;
            if (d < 0) break;
            v = std::min<uint32_t>(v * (hex ? 16 : 10) + static_cast<uint32_t>(d), 0x110000);
        }
        if (p == digits_at) return 0;
        if (p < s.size() && s[p] == ';') ++p;
        if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            *cp = kReplacementChar;
        else if (v >= 0x80 && v <= 0x9F)
            *cp = kCp1252[v - 0x80];
        else
            *cp = v;
        return p - i;
    }
    while (p < s.size() && p - i <= 32 && is_alnum(s[p])) ++p;
    if (p == i + 1 || p >= s.size() || s[p] != ';') return 0;
    const std::string_view name = s.substr(i + 1, p - i - 1);
    const auto* end = std::end(kEntities);
    const auto* it = std::lower_bound(std::begin(kEntities), end, name,
                                      [](const NamedEntity& e, std::string_view n) { return e.name < n; });
    if (it == end || it->name != name) return 0;
    *cp = it->cp;
    return p + 1 - i;
}

std::string decode_entities(std::string_view s) {
    std::string r;
    r.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        const size_t taken = s[i] == '&' ? character_reference(s, i, &cp) : 0;
        if (taken == 0) {
            r += s[i++];
            continue;
        }
        append_utf8(r, cp);
        i += taken;
    }
    return r;
}

// Decoded, whitespace collapsed: for titles and attribute values.
std::string clean_text(std::string_view s) { return collapse_spaces(decode_entities(s)); }

// --- output: paragraphs, collapsed spaces -------------------------------------------

// Builds the readable text. Spaces and breaks are held back until the next
// visible character, so runs collapse, breaks merge (at most one blank line)
// and nothing dangles at the start or the end.
class TextBuilder {
public:
    explicit TextBuilder(size_t expected) { out_.reserve(expected); }

    void space() {
        if (pending_.empty() || pending_.back() != ' ') pending_ += ' ';
    }
    void nbsp() { pending_ += "\xC2\xA0"; }  // kept, but dropped at line starts and ends
    void brk(int level) { break_ = std::max(break_, level); }  // 1 = new line, 2 = blank line
    void prefix(std::string p) { prefix_ = std::move(p); }     // written before the next visible text
    void visible(char c) {
        if (break_ || !pending_.empty() || !prefix_.empty()) flush();
        out_ += c;
    }
    void visible(std::string_view s) {
        if (s.empty()) return;
        if (break_ || !pending_.empty() || !prefix_.empty()) flush();
        out_ += s;
    }
    // Appends text, collapsing its whitespace.
    void text(std::string_view s) {
        for (char c : s) {
            if (is_space(c))
                space();
            else
                visible(c);
        }
    }
    int pending_break() const { return break_; }
    size_t size() const { return out_.size(); }
    std::string_view view() const { return out_; }
    std::string finish() {
        while (!out_.empty() && is_space(out_.back())) out_.pop_back();
        size_t lead = 0;
        while (lead < out_.size() && is_space(out_[lead])) ++lead;
        out_.erase(0, lead);
        return std::move(out_);
    }

private:
    void flush() {
        if (!out_.empty() && break_ > 0) {
            while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\t')) out_.pop_back();
            int have = 0;
            for (size_t k = out_.size(); k > 0 && have < 2 && out_[k - 1] == '\n'; --k) ++have;
            for (; have < break_; ++have) out_ += '\n';
        } else if (!out_.empty() && out_.back() != '\n') {
            out_ += pending_;
        }
        out_ += prefix_;
        pending_.clear();
        prefix_.clear();
        break_ = 0;
    }

    std::string out_;
    std::string pending_;
    std::string prefix_;
    int break_ = 0;
};

// --- HTML -----------------------------------------------------------------------------

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements whose content is raw text (never markup) and is dropped.
bool raw_dropped(std::string_view n) { return one_of(n, {"script", "style", "noscript", "iframe", "noembed", "noframes"}); }
// Elements whose content is markup that is not article text (counted depth-wise).
bool hidden(std::string_view n) { return one_of(n, {"template", "svg", "math", "object", "video", "audio", "canvas"}); }
// Block elements: a paragraph break before and after.
bool paragraph_block(std::string_view n) {
    return one_of(n, {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "header",
                      "footer", "figure", "figcaption", "pre", "table", "hr", "main", "aside", "nav", "address",
                      "dl", "details", "summary", "fieldset", "form", "center", "hgroup", "body"});
}
// A line break before and after.
bool line_block(std::string_view n) { return one_of(n, {"tr", "dt", "dd", "caption", "legend", "option"}); }
// What may stand in <head>; any other start tag ends it, as in browsers.
bool head_element(std::string_view n) {
    return one_of(n, {"meta", "link", "base", "title", "style", "script", "noscript", "template", "basefont", "bgsound"});
}

struct Attribute {
    std::string name;   // lowercased
    std::string value;  // entities decoded
};
using Attributes = std::vector<Attribute>;

const std::string* find_attr(const Attributes& attrs, std::string_view name) {
    for (const Attribute& a : attrs)
        if (a.name == name) return &a.value;
    return nullptr;
}

// Metadata found in the page, each with where it came from (for the notes).
struct Found {
    std::string value, source;
    void offer(std::string v, std::string_view src) {
        if (!value.empty() || trim(v).empty()) return;
        value = collapse_spaces(v);
        source = std::string(src);
    }
};

class HtmlToText {
public:
    explicit HtmlToText(std::string_view html) : s_(html), out_(html.size()) { none_from_.fill(npos); }

    void run() {
        const size_t n = s_.size();
        size_t i = 0;
        while (i < n) {
            if (s_[i] == '<') {
                i = tag(i);
                continue;
            }
            if (in_head_ || skip_depth_ > 0) {  // no visible text here
                i = find('<', i);
                if (i == npos) i = n;
                continue;
            }
            if (s_[i] == '&') {
                char32_t cp = 0;
                if (const size_t taken = character_reference(s_, i, &cp)) {
                    put(cp);
                    i += taken;
                    continue;
                }
            }
            if (s_[i] == '\xC2' && i + 1 < n && s_[i + 1] == '\xA0') {
                put(0xA0);
                i += 2;
                continue;
            }
            put_byte(s_[i++]);
        }
        text = out_.finish();
    }

    std::string text;
    Found og_title, ld_title, title_tag, h1, outlet, author, date;
    size_t scripts = 0, styles = 0, others = 0, comments = 0;
    std::string unclosed;  // the element that ran to the end of the page, if any

private:
    // s_.find(c, from), remembering failures so no search runs twice to the end.
    size_t find(char c, size_t from) {
        auto& none = none_from_[static_cast<unsigned char>(c)];
        if (from >= none) return npos;
        const size_t r = s_.find(c, from);
        if (r == npos) none = from;
        return r;
    }

    void put_byte(char c) {
        if (pre_ > 0) {
            // Only &#13; gets here as a CR (the page's newlines are LF by now):
            // a space, as CSS renders it, so the text keeps LF newlines only.
            if (c == '\r') c = ' ';
            if (c == '\n' && skip_newline_) {
                skip_newline_ = false;
                return;
            }
            skip_newline_ = false;
            out_.visible(c);
            return;
        }
        if (is_space(c))
            out_.space();
        else
            out_.visible(c);
    }

    void put(char32_t cp) {
        if (cp < 0x80) return put_byte(static_cast<char>(cp));
        skip_newline_ = false;
        if (cp == 0xA0 && pre_ == 0) return out_.nbsp();
        std::string bytes;
        append_utf8(bytes, cp);
        out_.visible(bytes);
    }

    // At s_[i] == '<': a comment, a declaration, a tag, or a literal '<'.
    // Returns where scanning goes on.
    size_t tag(size_t i) {
        const size_t n = s_.size();
        if (s_.compare(i, 4, "<!--") == 0) {
            ++comments;
            if (s_.compare(i, 5, "<!-->") == 0) return i + 5;
            if (s_.compare(i, 6, "<!--->") == 0) return i + 6;
            const size_t e = s_.find("-->", i + 4);
            if (e == npos) {
                unclosed = "comment";
                return n;
            }
            return e + 3;
        }
        if (i + 1 < n && (s_[i + 1] == '!' || s_[i + 1] == '?')) {  // <!doctype …>, <?xml …?>, <![CDATA[…]]>
            const size_t e = find('>', i + 2);
            return e == npos ? n : e + 1;
        }
        const bool end_tag = i + 1 < n && s_[i + 1] == '/';
        size_t p = i + 1 + (end_tag ? 1 : 0);
        if (p >= n || !is_alpha(s_[p])) {  // "a < b", "</ >": text
            if (!in_head_ && skip_depth_ == 0) put_byte('<');
            return i + 1;
        }
        const size_t name_at = p;
        while (p < n && !is_space(s_[p]) && s_[p] != '/' && s_[p] != '>') ++p;
        const std::string name = lowered(s_.substr(name_at, p - name_at));
        const bool want_attrs = !end_tag && one_of(name, {"meta", "time", "script"});
        Attributes attrs;
        bool self_closing = false;
        const size_t after = attributes(p, want_attrs ? &attrs : nullptr, &self_closing);
        if (after == npos) {  // never closed: the '<' was text after all
            if (!in_head_ && skip_depth_ == 0) put_byte('<');
            return i + 1;
        }
        if (end_tag) {
            end_element(name);
            return after;
        }
        return start_element(name, attrs, self_closing, after);
    }

    // Reads attributes from p up to the tag's '>' (quotes may hold '>').
    // Returns the index past the '>', or npos when the tag never ends.
    size_t attributes(size_t p, Attributes* attrs, bool* self_closing) {
        const size_t n = s_.size();
        for (;;) {
            while (p < n && (is_space(s_[p]) || s_[p] == '/')) *self_closing = s_[p++] == '/';
            if (p >= n) return npos;
            if (s_[p] == '>') return p + 1;
            *self_closing = false;
            const size_t name_at = p++;
            while (p < n && !is_space(s_[p]) && s_[p] != '/' && s_[p] != '>' && s_[p] != '=') ++p;
            const std::string_view name = s_.substr(name_at, p - name_at);
            while (p < n && is_space(s_[p])) ++p;
            std::string_view value;
            if (p < n && s_[p] == '=') {
                ++p;
                while (p < n && is_space(s_[p])) ++p;
                if (p < n && (s_[p] == '"' || s_[p] == '\'')) {
                    const size_t close = find(s_[p], p + 1);
                    if (close == npos) {  // an unbalanced quote: end the tag at the next '>'
                        const size_t gt = find('>', p + 1);
                        return gt == npos ? npos : gt + 1;
                    }
                    value = s_.substr(p + 1, close - p - 1);
                    p = close + 1;
                } else {
                    const size_t value_at = p;
                    while (p < n && !is_space(s_[p]) && s_[p] != '>') ++p;
                    value = s_.substr(value_at, p - value_at);
                }
            }
            if (attrs) attrs->push_back({lowered(name), decode_entities(value)});
        }
    }

    // The start of "</name" (any case) at or after `from`, and the index past its '>'.
    std::pair<size_t, size_t> find_end_tag(std::string_view name, size_t from) {
        for (size_t p = from; (p = find('<', p)) != npos; ++p) {
            if (p + 1 >= s_.size() || s_[p + 1] != '/' || !equal_ci(s_.substr(p + 2, name.size()), name)) continue;
            const size_t q = p + 2 + name.size();
            if (q < s_.size() && !is_space(s_[q]) && s_[q] != '>' && s_[q] != '/') continue;
            const size_t gt = find('>', q);
            return {p, gt == npos ? s_.size() : gt + 1};
        }
        return {npos, npos};
    }

    size_t start_element(const std::string& name, const Attributes& attrs, bool self_closing, size_t after) {
        if (name == "title") {
            const auto [at, past] = find_end_tag(name, after);
            if (at == npos) return after;  // unclosed: ignore the tag
            if (!in_svg()) title_tag.offer(clean_text(s_.substr(after, at - after)), "<title>");
            return past;
        }
        if (raw_dropped(name)) {
            if (self_closing && name == "script") return after;
            const auto [at, past] = find_end_tag(name, after);
            if (name == "script") {
                ++scripts;
                const std::string* type = find_attr(attrs, "type");
                if (at != npos && type && lowered(*type).find("ld+json") != npos)
                    json_ld(s_.substr(after, at - after));
            } else if (name == "style") {
                ++styles;
            } else {
                ++others;
            }
            if (at == npos) {
                unclosed = "<" + name + ">";
                return s_.size();
            }
            return past;
        }
        if (skip_depth_ > 0) {
            if (name == skip_tag_ && !self_closing) ++skip_depth_;
            return after;
        }
        if (name == "meta") {
            meta(attrs);
            return after;
        }
        if (name == "head") {
            in_head_ = true;
            return after;
        }
        if (in_head_ && !head_element(name)) in_head_ = false;
        if (hidden(name)) {
            ++others;
            if (!self_closing) {
                skip_tag_ = name;
                skip_depth_ = 1;
            }
            return after;
        }
        if (in_head_) return after;
        if (name == "time") {
            if (const std::string* dt = find_attr(attrs, "datetime")) date.offer(iso_date(*dt), "<time datetime>");
        }
        block(name, true);
        return after;
    }

    void end_element(const std::string& name) {
        if (skip_depth_ > 0) {
            if (name == skip_tag_ && --skip_depth_ == 0) skip_tag_.clear();
            return;
        }
        if (name == "head") {
            in_head_ = false;
            return;
        }
        if (in_head_) return;
        block(name, false);
    }

    // Paragraphs, lines, list items and <pre> for a start (or end) tag.
    void block(const std::string& name, bool start) {
        if (name == "br") {  // a second one before any text makes a paragraph break
            out_.brk(out_.pending_break() > 0 ? 2 : 1);
            return;
        }
        if (name == "h1") {
            if (start) {
                h1_at_ = out_.size();
            } else if (h1_at_ != npos) {
                h1.offer(std::string(trim(out_.view().substr(std::min(h1_at_, out_.size())))), "<h1>");
                h1_at_ = npos;
            }
        }
        if (name == "pre") {
            if (start) {
                ++pre_;
                skip_newline_ = true;
            } else if (pre_ > 0) {
                --pre_;
            }
        }
        if (name == "ul" || name == "ol") {  // a nested list is lines, an outer one a paragraph
            if (!start && !lists_.empty()) lists_.pop_back();
            out_.brk(lists_.empty() ? 2 : 1);
            if (start) lists_.push_back(name == "ol" ? 1 : 0);
        } else if (name == "li") {
            out_.brk(1);
            if (start) {
                if (!lists_.empty() && lists_.back() > 0) out_.prefix(std::to_string(lists_.back()++) + ". ");
                else out_.prefix("\xE2\x80\xA2 ");  // •
            }
        } else if (paragraph_block(name)) {
            out_.brk(2);
        } else if (line_block(name)) {
            out_.brk(1);
        } else if (name == "td" || name == "th") {
            out_.space();
        }
    }

    bool in_svg() const { return skip_depth_ > 0 && skip_tag_ == "svg"; }

    void meta(const Attributes& attrs) {
        const std::string* key = find_attr(attrs, "property");
        if (!key) key = find_attr(attrs, "name");
        if (!key) key = find_attr(attrs, "itemprop");
        const std::string* content = find_attr(attrs, "content");
        if (!key || !content) return;
        const std::string k = lowered(*key);
        const std::string v = std::string(trim(*content));
        const std::string src = "<meta " + k + ">";
        if (k == "og:title" || k == "twitter:title") og_title.offer(v, src);
        else if (k == "og:site_name" || k == "application-name") outlet.offer(v, src);
        else if (one_of(k, {"author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author"})) {
            if (!starts_with(v, "http://") && !starts_with(v, "https://")) author.offer(byline(v), src);
        } else if (one_of(k, {"article:published_time", "og:published_time", "datepublished", "date", "pubdate",
                              "publishdate", "publish-date", "dc.date", "dc.date.issued", "parsely-pub-date",
                              "sailthru.date"})) {
            date.offer(iso_date(v), src);
        }
    }

    static std::string byline(std::string_view v) {
        v = trim(v);
        if (v.size() > 3 && equal_ci(v.substr(0, 3), "by ")) v.remove_prefix(3);
        return std::string(v);
    }

    // schema.org metadata in <script type="application/ld+json">.
    void json_ld(std::string_view src) {
        using nlohmann::json;
        const json doc = json::parse(src.begin(), src.end(), nullptr, false);
        if (doc.is_discarded()) return;
        std::vector<const json*> items;
        auto add = [&](const json& j) {
            if (j.is_array())
                for (const json& e : j) items.push_back(&e);
            else
                items.push_back(&j);
        };
        add(doc);
        if (doc.is_object() && doc.contains("@graph")) add(doc["@graph"]);
        auto name_of = [](const json& j) -> std::string {
            const json* x = &j;
            if (x->is_array() && !x->empty()) x = &(*x)[0];
            if (x->is_object() && x->contains("name")) x = &(*x)["name"];
            return x->is_string() ? x->get<std::string>() : std::string();
        };
        auto article_type = [](const json& t) {  // "NewsArticle", ["Article", "WebPage"], "BlogPosting" …
            auto one = [](const json& x) {
                if (!x.is_string()) return false;
                const std::string& v = x.get_ref<const std::string&>();
                return v.find("Article") != npos || v == "BlogPosting" || v == "Report";
            };
            if (t.is_array()) return std::any_of(t.begin(), t.end(), one);
            return one(t);
        };
        for (const json* it : items) {
            if (!it->is_object() || !it->contains("@type") || !article_type((*it)["@type"])) continue;
            const json& a = *it;
            if (a.contains("headline") && a["headline"].is_string()) ld_title.offer(a["headline"].get<std::string>(), "schema.org headline");
            if (a.contains("datePublished") && a["datePublished"].is_string())
                date.offer(iso_date(a["datePublished"].get<std::string>()), "schema.org datePublished");
            if (a.contains("author")) author.offer(byline(name_of(a["author"])), "schema.org author");
            if (a.contains("publisher")) outlet.offer(name_of(a["publisher"]), "schema.org publisher");
            return;
        }
    }

    std::string_view s_;
    TextBuilder out_;
    std::array<size_t, 256> none_from_;
    bool in_head_ = false;
    std::string skip_tag_;
    int skip_depth_ = 0;
    int pre_ = 0;
    bool skip_newline_ = false;  // a newline right after <pre> is not content
    std::vector<int> lists_;     // per open list: 0 for <ul>, else the next <ol> number
    size_t h1_at_ = npos;
};

// Drops " | Outlet", " - Outlet" … from the end of a <title>.
std::string without_outlet(const std::string& title, const std::string& outlet) {
    if (outlet.empty()) return title;
    for (const char* sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 "}) {
        const std::string tail = sep + outlet, head = outlet + sep;
        if (title.size() > tail.size() && ends_with(title, tail)) return title.substr(0, title.size() - tail.size());
        if (title.size() > head.size() && starts_with(title, head)) return title.substr(head.size());
    }
    return title;
}

// --- Markdown ------------------------------------------------------------------------

// Markdown inline syntax to plain text: emphasis markers, code-span
// backticks, link and image syntax and backslash escapes go; words stay.
std::string markdown_inline(std::string_view s) {
    if (s.find_first_of("*_~[`!<\\") == npos) return std::string(s);  // the common plain line
    const size_t n = s.size();
    // Matching [ ] and ( ), backtick runs paired by length: one pass each.
    std::vector<size_t> match(n, npos);
    if (s.find_first_of("[`") != npos) {
        std::vector<size_t> square, round;
        for (size_t i = 0; i < n; ++i) {
            const char c = s[i];
            if (c == '\\') ++i;
            else if (c == '[') square.push_back(i);
            else if (c == '(') round.push_back(i);
            else if (c == ']' && !square.empty()) match[square.back()] = i, square.pop_back();
            else if (c == ')' && !round.empty()) match[round.back()] = i, round.pop_back();
        }
        std::unordered_map<size_t, size_t> next_run;  // run length -> start of the next run of that length
        std::vector<std::pair<size_t, size_t>> runs;   // (start, length)
        for (size_t i = 0; i < n;) {
            if (s[i] == '\\') i += 2;
            else if (s[i] != '`') ++i;
            else {
                size_t k = 0;
                while (i + k < n && s[i + k] == '`') ++k;
                runs.emplace_back(i, k);
                i += k;
            }
        }
        for (size_t r = runs.size(); r-- > 0;) {
            auto it = next_run.find(runs[r].second);
            if (it != next_run.end()) match[runs[r].first] = it->second;
            next_run[runs[r].second] = runs[r].first;
        }
    }

    struct Run {
        size_t at, len;
        char c;
        bool open, close;
    };
    std::string out;
    out.reserve(n);
    std::vector<Run> runs;
    std::vector<std::pair<size_t, size_t>> links;  // ("]" of an open link, where its target ends)
    for (size_t i = 0; i < n;) {
        while (!links.empty() && links.back().first < i) links.pop_back();
        const char c = s[i];
        if (!links.empty() && links.back().first == i) {
            i = links.back().second;
            links.pop_back();
            continue;
        }
        if (c == '\\' && i + 1 < n && is_punct(s[i + 1])) {
            out += s[i + 1];
            i += 2;
            continue;
        }
        if (c == '`') {
            size_t k = 0;
            while (i + k < n && s[i + k] == '`') ++k;
            const size_t close = match[i];
            if (close == npos) {
                out.append(k, '`');
                i += k;
                continue;
            }
            std::string_view code = s.substr(i + k, close - i - k);
            if (code.size() >= 2 && code.front() == ' ' && code.back() == ' ') code = code.substr(1, code.size() - 2);
            out += code;
            i = close + k;
            continue;
        }
        if ((c == '!' && i + 1 < n && s[i + 1] == '[') || c == '[') {
            const size_t open = c == '!' ? i + 1 : i;
            const size_t rb = match[open];
            if (rb != npos && rb + 1 < n && (s[rb + 1] == '(' || s[rb + 1] == '[') && match[rb + 1] != npos &&
                s[open + 1] != '^') {
                if (c == '!') {  // an image: dropped
                    i = match[rb + 1] + 1;
                } else {
                    links.emplace_back(rb, match[rb + 1] + 1);
                    ++i;
                }
                continue;
            }
        }
        if (c == '<') {  // <https://…> autolinks keep their address
            const std::string_view rest = s.substr(i + 1);
            if (starts_with(rest, "http://") || starts_with(rest, "https://") || starts_with(rest, "mailto:")) {
                size_t e = i + 1;
                while (e < n && s[e] != '>' && s[e] != '<' && !is_space(s[e])) ++e;
                if (e < n && s[e] == '>') {
                    out += s.substr(i + 1, e - i - 1);
                    i = e + 1;
                    continue;
                }
            }
        }
        if (c == '*' || c == '_' || c == '~') {
            size_t k = 0;
            while (i + k < n && s[i + k] == c) ++k;
            const char prev = i > 0 ? s[i - 1] : ' ';
            const char next = i + k < n ? s[i + k] : ' ';
            // Non-ASCII neighbours (curly quotes, dashes) count as punctuation.
            auto boundary = [](char x) { return is_space(x) || is_punct(x) || (static_cast<unsigned char>(x) >= 0x80); };
            if (c != '~' || k == 2)
                runs.push_back({out.size(), k, c, !is_space(next) && boundary(prev), !is_space(prev) && boundary(next)});
            out.append(k, c);
            i += k;
            continue;
        }
        out += c;
        ++i;
    }
    if (runs.empty()) return out;

    // Pair closers with the nearest opener of the same character; paired runs go.
    std::vector<char> drop(runs.size(), 0);
    std::vector<size_t> openers;
    for (size_t r = 0; r < runs.size(); ++r) {
        if (runs[r].close) {
            size_t depth = openers.size();
            const size_t stop = depth > 32 ? depth - 32 : 0;  // bounded look-back keeps this linear
            while (depth > stop && runs[openers[depth - 1]].c != runs[r].c) --depth;
            if (depth > stop) {
                drop[openers[depth - 1]] = drop[r] = 1;
                openers.resize(depth - 1);
                continue;
            }
        }
        if (runs[r].open) openers.push_back(r);
    }
    std::string result;
    result.reserve(out.size());
    size_t from = 0;
    for (size_t r = 0; r < runs.size(); ++r) {
        if (!drop[r]) continue;
        result.append(out, from, runs[r].at - from);
        from = runs[r].at + runs[r].len;
    }
    result.append(out, from, npos);
    return result;
}

struct MarkdownText {
    std::string text;
    std::string title, author, date, outlet;
    bool front_matter = false;
};

void read_front_matter(std::string_view block, MarkdownText& r) {
    for (size_t p = 0; p < block.size();) {
        const size_t nl = std::min(block.find('\n', p), block.size());
        const std::string_view line = block.substr(p, nl - p);
        p = nl + 1;
        const size_t colon = line.find(':');
        if (colon == npos) continue;
        const std::string key = lowered(trim(line.substr(0, colon)));
        std::string_view v = trim(line.substr(colon + 1));
        if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
        if (key == "title" && r.title.empty()) r.title = collapse_spaces(v);
        else if (key == "author" && r.author.empty()) r.author = collapse_spaces(v);
        else if (key == "date" && r.date.empty()) r.date = iso_date(v);
        else if ((key == "outlet" || key == "publisher" || key == "source") && r.outlet.empty()) r.outlet = collapse_spaces(v);
    }
    r.front_matter = true;
}

// YAML front matter ("---" … "---" at the very start, first line "key: value"):
// title, author, date and outlet are read, and the block is not text.
std::string_view front_matter(std::string_view s, MarkdownText& r) {
    if (!starts_with(s, "---\n")) return s;
    const size_t first_nl = std::min(s.find('\n', 4), s.size());
    const std::string_view first = s.substr(4, first_nl - 4);
    const size_t first_colon = first.find(':');
    if (first_colon == npos || first_colon == 0 || first.substr(0, first_colon).find(' ') != npos) return s;
    for (size_t p = 4; p < s.size() && p < 64 * 1024;) {
        const size_t nl = std::min(s.find('\n', p), s.size());
        const std::string_view line = s.substr(p, nl - p);
        if (line == "---" || line == "...") {
            read_front_matter(s.substr(4, p - 4), r);
            return s.substr(std::min(nl + 1, s.size()));
        }
        p = nl + 1;
    }
    return s;
}

// A line of three or more '-', '*' or '_' (spaces allowed): a thematic break.
bool thematic_break(std::string_view t) {
    if (t.empty() || (t[0] != '-' && t[0] != '*' && t[0] != '_')) return false;
    size_t count = 0;
    for (char c : t) {
        if (c == t[0]) ++count;
        else if (c != ' ' && c != '\t') return false;
    }
    return count >= 3;
}

MarkdownText markdown_to_text(std::string_view s) {
    MarkdownText r;
    s = front_matter(s, r);
    TextBuilder b(s.size());
    enum class Prev { None, Para, Item } prev = Prev::None;
    bool hard_break = false;
    char fence = 0;
    size_t fence_len = 0;
    std::string last_line;  // the paragraph line a setext "===" underlines
    for (size_t p = 0; p <= s.size();) {
        const size_t nl = std::min(s.find('\n', p), s.size());
        const std::string_view line = s.substr(p, nl - p);
        p = nl + 1;
        std::string_view t = line;
        while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);

        if (fence) {  // inside a code fence: kept as written
            size_t k = 0;
            while (k < t.size() && t[k] == fence) ++k;
            if (k >= fence_len && trim(t.substr(k)).empty()) {
                fence = 0;
                b.brk(2);
                prev = Prev::None;
            } else {
                b.visible(line);
                b.visible("\n");
            }
            continue;
        }
        while (!t.empty() && t.front() == '>') {  // quote markers
            t.remove_prefix(1);
            while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
        }
        while (!t.empty() && is_space(t.back())) t.remove_suffix(1);
        if (t.empty()) {
            b.brk(2);
            prev = Prev::None;
            continue;
        }
        if (starts_with(t, "```") || starts_with(t, "~~~")) {
            fence = t[0];
            fence_len = 0;
            while (fence_len < t.size() && t[fence_len] == fence) ++fence_len;
            b.brk(2);
            prev = Prev::None;
            continue;
        }
        if (t.find_first_not_of('=') == npos && prev == Prev::Para) {  // setext heading underline
            if (r.title.empty()) r.title = last_line;
            b.brk(2);
            prev = Prev::None;
            continue;
        }
        if (thematic_break(t)) {  // also a setext "---" underline
            b.brk(2);
            prev = Prev::None;
            continue;
        }
        size_t hashes = 0;
        while (hashes < t.size() && t[hashes] == '#') ++hashes;
        if (hashes >= 1 && hashes <= 6 && (hashes == t.size() || t[hashes] == ' ' || t[hashes] == '\t')) {
            std::string_view h = trim(t.substr(hashes));
            const size_t closing = h.find_last_not_of('#');
            if (closing == npos) h = {};
            else if (closing + 1 < h.size() && (h[closing] == ' ' || h[closing] == '\t')) h = trim(h.substr(0, closing));
            const std::string heading = collapse_spaces(markdown_inline(h));
            if (hashes == 1 && r.title.empty()) r.title = heading;
            b.brk(2);
            b.text(heading);
            b.brk(2);
            prev = Prev::None;
            continue;
        }
        if (t.front() == '[' && !starts_with(t, "[^")) {  // a link reference definition: not text
            const size_t close = t.find("]:");
            if (close != npos && close > 1 && t.find('[', 1) > close) continue;
        }
        std::string_view content = t;
        std::string marker;
        if ((t[0] == '-' || t[0] == '*' || t[0] == '+') && t.size() > 1 && (t[1] == ' ' || t[1] == '\t')) {
            marker = "\xE2\x80\xA2 ";  // •
            content = trim(t.substr(2));
        } else {
            size_t d = 0;
            while (d < t.size() && d < 9 && is_digit(t[d])) ++d;
            if (d > 0 && d + 1 < t.size() && (t[d] == '.' || t[d] == ')') && (t[d + 1] == ' ' || t[d + 1] == '\t')) {
                marker = std::string(t.substr(0, d + 1)) + " ";
                content = trim(t.substr(d + 2));
            }
        }
        const bool breaks_after = ends_with(line, "  ") || ends_with(t, "\\");
        if (ends_with(content, "\\")) content.remove_suffix(1);
        const std::string inline_text = markdown_inline(content);
        if (!marker.empty()) {
            b.brk(prev == Prev::Para ? 2 : 1);
            b.visible(marker);
            prev = Prev::Item;
        } else if (prev == Prev::None) {
            b.brk(2);
            prev = Prev::Para;
        } else if (hard_break) {
            b.brk(1);
        } else {
            b.space();
        }
        b.text(inline_text);
        hard_break = breaks_after;
        last_line = prev == Prev::Para ? collapse_spaces(inline_text) : std::string();
    }
    r.text = b.finish();
    return r;
}

// --- text ----------------------------------------------------------------------------------

// The first non-empty line when it is short enough to be a headline.
std::string first_line_title(std::string_view text) {
    for (size_t p = 0; p < text.size();) {
        const size_t nl = std::min(text.find('\n', p), text.size());
        const std::string_view line = trim(text.substr(p, nl - p));
        p = nl + 1;
        if (line.empty()) continue;
        return count_codepoints(line) < 200 ? collapse_spaces(line) : std::string();
    }
    return "";
}

std::string size_in_mb(size_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buf;
}

std::string quoted_name(std::string_view file_name) {
    const size_t slash = file_name.find_last_of("/\\");
    if (slash != npos) file_name.remove_prefix(slash + 1);
    return "\xE2\x80\x9C" + std::string(file_name) + "\xE2\x80\x9D";  // “name”
}

}  // namespace

ArticleFormat guess_format(std::string_view file_name, std::string_view bytes) {
    const std::string ext = extension(file_name);
    if (one_of(ext, {"txt", "text"})) return ArticleFormat::Text;
    if (one_of(ext, {"md", "markdown", "mdown", "mkd", "mkdn"})) return ArticleFormat::Markdown;
    if (one_of(ext, {"html", "htm", "xhtml", "shtml"})) return ArticleFormat::Html;

    if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
    size_t i = 0;
    while (i < bytes.size() && is_space(bytes[i])) ++i;
    const std::string head = lowered(bytes.substr(i, 4096));
    if (starts_with(head, "<")) {
        for (const char* marker : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<article", "<div",
                                   "<p>", "<p ", "<br", "<h1", "<h2", "<ul", "<span", "<section"})
            if (head.find(marker) != npos) return ArticleFormat::Html;
    }
    if (starts_with(head, "# ") || starts_with(head, "---\ntitle:") || starts_with(head, "---\r\ntitle:"))
        return ArticleFormat::Markdown;
    return ArticleFormat::Text;
}

ArticleDraft draft_article(std::string_view file_name, std::string_view bytes) {
    ArticleDraft d;
    const std::string what = file_name.empty() ? std::string("The pasted text") : quoted_name(file_name);
    d.meta.file = std::string(file_name);
    if (bytes.size() > kMaxArticleBytes) {
        d.error = what + " is " + size_in_mb(bytes.size()) + "; ClaimMark opens articles up to " +
                  std::to_string(kMaxArticleBytes / (1024 * 1024)) + " MB.";
        return d;
    }
    if (bytes.substr(0, 8192).find('\0') != npos) {
        d.error = what + " is not text (it holds zero bytes: a PDF, a word-processor file or UTF-16 text?). "
                         "ClaimMark opens UTF-8 .txt, .md and .html files.";
        return d;
    }
    d.format = guess_format(file_name, bytes);

    // Bytes to valid UTF-8 with LF newlines.
    std::string src = normalise_newlines(bytes);
    if (const size_t bad_at = first_invalid_utf8(src); bad_at != npos) {
        const std::string charset = d.format == ArticleFormat::Html ? declared_charset(src) : std::string();
        if (is_cp1252_label(charset)) {
            src = cp1252_to_utf8(src);
            d.notes.push_back("Read as Windows-1252, as the page declares (charset=" + charset + ").");
        } else {
            const DecodeResult rest = decode_utf8(std::string_view(src).substr(bad_at));
            src.resize(bad_at);
            src += encode_utf8(rest.codepoints);
            d.warnings.push_back(invalid_utf8_warning(rest.invalid_sequences));
            if (!charset.empty() && charset != "utf-8" && charset != "utf8")
                d.notes.push_back("The page declares charset=" + charset + ", which ClaimMark cannot read; it was read as UTF-8.");
        }
    }

    std::string fallback_title;
    if (d.format == ArticleFormat::Html) {
        HtmlToText h(src);
        h.run();
        d.text = std::move(h.text);
        d.meta.outlet = h.outlet.value;
        d.meta.author = h.author.value;
        d.meta.date = h.date.value;
        if (!h.date.value.empty()) d.meta.date_note = "from the page's " + h.date.source;
        const Found* title = nullptr;
        for (const Found* f : {&h.og_title, &h.ld_title, &h.title_tag, &h.h1})
            if (!f->value.empty()) {
                title = f;
                break;
            }
        if (title) d.meta.title = title == &h.title_tag ? without_outlet(title->value, d.meta.outlet) : title->value;

        std::vector<std::string> dropped;
        if (h.scripts) dropped.push_back(plural(h.scripts, "script", "scripts"));
        if (h.styles) dropped.push_back(plural(h.styles, "style", "styles"));
        if (h.others) dropped.push_back(plural(h.others, "embedded element", "embedded elements") + " (such as svg or noscript)");
        if (h.comments) dropped.push_back(plural(h.comments, "comment", "comments"));
        d.notes.push_back("HTML converted to text" + (dropped.empty() ? std::string(".") : ": " + join_and(dropped) + " dropped."));
        std::vector<std::string> from;
        for (const auto& [f, field] : {std::pair<const Found*, const char*>{title, "title"}, {&h.outlet, "outlet"},
                                       {&h.author, "author"}, {&h.date, "date"}})
            if (f && !f->value.empty()) from.push_back(std::string(field) + " from " + f->source);
        if (!from.empty()) d.notes.push_back("Read from the page: " + join_and(from) + ".");
        if (!h.unclosed.empty())
            d.notes.push_back("A " + h.unclosed + " is never closed; everything after it was dropped, as a browser would.");
    } else if (d.format == ArticleFormat::Markdown) {
        MarkdownText m = markdown_to_text(src);
        d.text = std::move(m.text);
        d.meta.title = std::move(m.title);
        d.meta.author = std::move(m.author);
        d.meta.outlet = std::move(m.outlet);
        d.meta.date = std::move(m.date);
        if (!d.meta.date.empty()) d.meta.date_note = "from the front matter";
        d.notes.push_back(std::string("Markdown formatting removed (heading marks, emphasis, link and image syntax)") +
                          (m.front_matter ? "; the front matter was read and left out." : "."));
    } else {
        d.text = std::move(src);
    }

    if (trim(d.text).empty()) {
        d.error = what + " has no readable text.";
        d.text.clear();
        return d;
    }
    if (d.meta.title.empty()) d.meta.title = first_line_title(d.text);
    if (d.meta.title.empty()) d.meta.title = file_stem(file_name);
    if (d.meta.title.empty()) d.meta.title = "Untitled article";
    d.sha256 = sha256_hex(d.text);
    d.ok = true;
    return d;
}

std::string document_id_for(std::string_view utf8_text) { return sha256_hex(utf8_text).substr(0, 16); }

Document make_article(const ArticleDraft& draft) { return ArticleBuilder(draft).finish(); }

namespace {

// What make_document would do to the text already done: no BOM, no CR.
bool is_normalised(std::string_view text) {
    return text.substr(0, 3) != "\xEF\xBB\xBF" && text.find('\r') == std::string_view::npos;
}

}  // namespace

ArticleBuilder::ArticleBuilder(ArticleDraft draft) : ArticleBuilder(std::move(draft), is_normalised(draft.text)) {}

// One look at the text (a 20 MB scan is a good part of a frame in wasm).
ArticleBuilder::ArticleBuilder(ArticleDraft&& draft, bool normalised)
    : meta_(std::move(draft.meta)),
      warnings_(std::move(draft.warnings)),
      sha256_(normalised ? std::move(draft.sha256) : std::string()),
      text_(normalised ? std::move(draft.text) : normalise_newlines(draft.text)) {}

bool ArticleBuilder::step(size_t max_bytes) { return text_.step(max_bytes); }

Document ArticleBuilder::finish() {
    Document doc;
    doc.meta = std::move(meta_);
    doc.text = text_.finish();
    // Replaced bytes change the text, and so its hash.
    doc.sha256 = sha256_.empty() || doc.text.invalid_sequences() > 0 ? sha256_hex(doc.text.utf8()) : std::move(sha256_);
    doc.meta.id = doc.sha256.substr(0, 16);  // document_id_for
    if (trim(doc.meta.title).empty()) doc.meta.title = doc.meta.id;
    if (const size_t bad = doc.text.invalid_sequences(); bad > 0) doc.warnings.push_back(invalid_utf8_warning(bad));
    doc.warnings.insert(doc.warnings.begin(), warnings_.begin(), warnings_.end());
    return doc;
}

}  // namespace cm
