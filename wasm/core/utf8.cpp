#include "utf8.h"

namespace cm {

namespace {

// Length of a well-formed sequence starting with lead byte b, or 0.
int sequence_length(unsigned char b) {
    if (b < 0x80) return 1;
    if (b >= 0xC2 && b <= 0xDF) return 2;
    if (b >= 0xE0 && b <= 0xEF) return 3;
    if (b >= 0xF0 && b <= 0xF4) return 4;
    return 0;
}

// Allowed range of the second byte, which rules out overlongs, surrogates
// and code points above U+10FFFF (Unicode Table 3-7).
bool second_byte_ok(unsigned char lead, unsigned char b) {
    switch (lead) {
        case 0xE0: return b >= 0xA0 && b <= 0xBF;
        case 0xED: return b >= 0x80 && b <= 0x9F;
        case 0xF0: return b >= 0x90 && b <= 0xBF;
        case 0xF4: return b >= 0x80 && b <= 0x8F;
        default: return b >= 0x80 && b <= 0xBF;
    }
}

}  // namespace

DecodedChar decode_one(const unsigned char* p, size_t n) {
    const unsigned char lead = p[0];
    const int len = sequence_length(lead);
    if (len == 1) return {lead, 1, true};
    if (len == 0) return {kReplacementChar, 1, false};
    char32_t cp = lead & (0xFF >> (len + 1));
    unsigned taken = 1;
    for (; taken < static_cast<unsigned>(len); ++taken) {
        // The maximal subpart (lead plus the valid continuation bytes seen)
        // becomes one replacement character; decoding resumes at the byte
        // that broke the sequence.
        if (taken >= n) return {kReplacementChar, taken, false};
        const unsigned char b = p[taken];
        const bool in_range = taken == 1 ? second_byte_ok(lead, b) : (b >= 0x80 && b <= 0xBF);
        if (!in_range) return {kReplacementChar, taken, false};
        cp = (cp << 6) | (b & 0x3F);
    }
    return {cp, taken, true};
}

DecodeResult decode_utf8(std::string_view s) {
    DecodeResult r;
    r.codepoints.reserve(s.size());
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    for (size_t i = 0, n = s.size(); i < n;) {
        const DecodedChar d = decode_one(p + i, n - i);
        r.codepoints.push_back(d.cp);
        if (!d.ok) ++r.invalid_sequences;
        i += d.taken;
    }
    return r;
}

size_t utf8_length(char32_t cp) {
    if (cp < 0x80) return 1;
    if (cp < 0x800) return 2;
    if (cp >= 0xD800 && cp <= 0xDFFF) return 3;  // encoded as U+FFFD
    if (cp < 0x10000) return 3;
    if (cp <= 0x10FFFF) return 4;
    return 3;
}

void append_utf8(std::string& out, char32_t cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacementChar;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string encode_utf8(std::u32string_view cps) {
    std::string out;
    out.reserve(cps.size());
    for (char32_t c : cps) append_utf8(out, c);
    return out;
}

}  // namespace cm
