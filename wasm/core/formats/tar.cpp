#include "tar.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace cm::formats {

namespace {

void octal(char* field, size_t width, unsigned long long value) {
    // width-1 digits and a NUL, as ustar readers expect (an 11-digit size
    // holds 8 GiB; what is exported is a few MB).
    field[width - 1] = '\0';
    for (size_t i = width - 1; i-- > 0; value >>= 3) field[i] = static_cast<char>('0' + (value & 7));
}

}  // namespace

std::string tar_archive(const std::string& folder, const std::vector<ExportFile>& files, long long mtime) {
    std::string out;
    for (const ExportFile& f : files) {
        char h[512] = {};
        const std::string name = (folder.empty() ? "" : folder + "/") + f.name;
        std::memcpy(h, name.data(), std::min<size_t>(name.size(), 100));
        octal(h + 100, 8, 0644);                      // mode
        octal(h + 108, 8, 0);                         // uid
        octal(h + 116, 8, 0);                         // gid
        octal(h + 124, 12, f.content.size());         // size
        octal(h + 136, 12, static_cast<unsigned long long>(mtime > 0 ? mtime : 0));
        std::memset(h + 148, ' ', 8);                 // checksum field counts as spaces
        h[156] = '0';                                 // a regular file
        std::memcpy(h + 257, "ustar", 6);             // magic "ustar\0"
        std::memcpy(h + 263, "00", 2);                // version
        unsigned sum = 0;
        for (unsigned char c : h) sum += c;
        std::snprintf(h + 148, 8, "%06o", sum);       // six digits, NUL, then the space left in place
        h[155] = ' ';
        out.append(h, 512);
        out += f.content;
        out.append((512 - f.content.size() % 512) % 512, '\0');
    }
    out.append(1024, '\0');  // two empty blocks end the archive
    return out;
}

}  // namespace cm::formats
