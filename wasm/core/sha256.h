// SHA-256 (FIPS 180-4), for the project file: a document's "sha256" field
// identifies its text, so an import can match documents whose ids differ.
// Written here because the web build has no crypto library to call.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cm {

// Incremental: feed the bytes in any pieces, then finish() once.
class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    std::array<uint8_t, 32> finish();

private:
    void block(const uint8_t* p);

    std::array<uint32_t, 8> h_;
    std::array<uint8_t, 64> buf_{};
    size_t buffered_ = 0;
    uint64_t length_ = 0;  // bytes fed so far
};

// The digest of `bytes` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace cm
