// Several exported files as one download: a POSIX ustar archive (no
// compression), which every system unpacks (tar, 7-Zip, macOS Archive
// Utility). Browsers ask before a page downloads many files at once.
#pragma once
#include <string>
#include <vector>

#include "export.h"

namespace cm::formats {

// The files under `folder/` in one archive (names up to 100 bytes with the folder).
std::string tar_archive(const std::string& folder, const std::vector<ExportFile>& files, long long mtime);

}  // namespace cm::formats
