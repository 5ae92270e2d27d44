// The ustar writer used for multi-file exports (brat): block layout, header
// fields and checksums as tar readers check them.
#include <catch2/catch.hpp>
#include <string>

#include "core/formats/tar.h"

using cm::formats::ExportFile;
using cm::formats::tar_archive;

namespace {
unsigned long parse_octal(const std::string& s, size_t at, size_t width) {
    return std::stoul(s.substr(at, width), nullptr, 8);
}
}  // namespace

TEST_CASE("tar: files in 512-byte blocks under a folder, with valid checksums, ended by two empty blocks", "[tar]") {
    const std::string a = "Caf\xC3\xA9 \xF0\x9F\x98\x80\n";  // bytes, not characters
    const std::string big(700, 'x');
    const std::string t = tar_archive("export", {{"a.txt", a}, {"b.ann", big}}, 1700000000);
    REQUIRE(t.size() % 512 == 0);
    REQUIRE(t.size() == 512 + 512 + 512 + 1024 + 1024);  // header+data, header+2 data blocks, end
    CHECK(t.substr(0, 12) == "export/a.txt");
    CHECK(parse_octal(t, 124, 11) == a.size());
    CHECK(parse_octal(t, 136, 11) == 1700000000UL);
    CHECK(t[156] == '0');
    CHECK(t.substr(257, 5) == "ustar");
    for (size_t header : {size_t(0), size_t(1024)}) {
        unsigned sum = 0;
        for (size_t i = 0; i < 512; ++i) sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(t[header + i]);
        CHECK(parse_octal(t, header + 148, 6) == sum);
    }
    CHECK(t.substr(512, a.size()) == a);
    CHECK(t.substr(1024, 12) == "export/b.ann");
    CHECK(parse_octal(t, 1024 + 124, 11) == 700);
    CHECK(t.substr(t.size() - 1024) == std::string(1024, '\0'));
}
