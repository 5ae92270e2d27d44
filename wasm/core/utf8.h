// UTF-8 decoding and encoding. Decoding never fails: each ill-formed
// sequence becomes one U+FFFD (the "maximal subpart" rule of Unicode §3.9 /
// WHATWG Encoding), so a bad byte can never split or hide a neighbouring
// character.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace cm {

constexpr char32_t kReplacementChar = 0xFFFD;

struct DecodeResult {
    std::u32string codepoints;
    size_t invalid_sequences = 0;  // how many U+FFFD were substituted
};

DecodeResult decode_utf8(std::string_view bytes);

// One step of decoding: the code point starting at p (n > 0 bytes left) and
// how many bytes it took; an ill-formed sequence gives U+FFFD, ok == false
// and the length of its maximal subpart.
struct DecodedChar {
    char32_t cp;
    unsigned taken;
    bool ok;
};
DecodedChar decode_one(const unsigned char* p, size_t n);
void append_utf8(std::string& out, char32_t cp);
std::string encode_utf8(std::u32string_view cps);

// Bytes needed to encode cp (1-4); 3 for anything invalid (it becomes U+FFFD).
size_t utf8_length(char32_t cp);
// UTF-16 code units needed for cp: 2 for astral characters, else 1.
inline size_t utf16_length(char32_t cp) { return cp >= 0x10000 ? 2 : 1; }

}  // namespace cm
