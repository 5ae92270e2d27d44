// Desktop side of platform/storage.h: files in $XDG_DATA_HOME/claimmark
// (~/.local/share/claimmark), each written to a temporary file, flushed to
// disk and renamed over the old one, so a crash leaves the old or the new
// file, never half of one. The last kVersions saves are kept as
// project.json.1 … .N. A lock file lets one process write; others are
// read-only.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>

#include "platform/storage.h"

namespace cm::platform {

namespace {

constexpr int kVersions = 5;

std::string g_dir;
StorageStatus g_status;
bool g_changed = true;
std::string g_aside;

std::string data_dir() {
    if (const char* d = std::getenv("XDG_DATA_HOME"); d && *d) return std::string(d) + "/claimmark";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.local/share/claimmark";
    return ".claimmark";
}

bool make_dirs(const std::string& path) {
    for (size_t i = 1; i <= path.size(); ++i) {
        if (i < path.size() && path[i] != '/') continue;
        const std::string part = path.substr(0, i);
        if (mkdir(part.c_str(), 0700) != 0 && errno != EEXIST) return false;
    }
    return true;
}

std::optional<std::string> read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Temp file, fsync, rename, fsync the directory: all or nothing.
std::string write_atomic(const std::string& path, const std::string& content) {
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) return std::strerror(errno);
    size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            const std::string why = std::strerror(errno);
            ::close(fd);
            ::unlink(tmp.c_str());
            return why;
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        ::unlink(tmp.c_str());
        return std::strerror(errno);
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) return std::strerror(errno);
    const int dfd = ::open(path.substr(0, path.rfind('/')).c_str(), O_RDONLY);  // the rename itself durable
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return "";
}

void set(StorageStatus::State s, std::string message) {
    g_status.state = s;
    g_status.message = std::move(message);
    g_changed = true;
}

}  // namespace

std::optional<StoredState> storage_open(std::vector<std::string>& problems) {
    g_dir = data_dir();
    g_status.where = g_dir;
    if (!make_dirs(g_dir)) {
        problems.push_back("Cannot create " + g_dir + " (" + std::strerror(errno) + "): work will not be saved. "
                           "Export it before you quit.");
        g_status.read_only = true;
        return std::nullopt;
    }
    const int lock = ::open((g_dir + "/lock").c_str(), O_RDWR | O_CREAT, 0600);
    if (lock < 0 || ::flock(lock, LOCK_EX | LOCK_NB) != 0) {  // held until the process ends
        g_status.read_only = true;
        problems.push_back("ClaimMark is already running and saving to " + g_dir +
                           ". This window is read-only, so the two cannot overwrite each other's work.");
    }
    auto json = read_all(g_dir + "/project.json");
    if (!json) return std::nullopt;
    StoredState s;
    s.json = std::move(*json);
    s.view = read_all(g_dir + "/view.txt").value_or("");
    set(StorageStatus::State::Saved, "");
    return s;
}

void storage_save_view(const std::string& view) {
    if (g_status.read_only || g_dir.empty()) return;
    write_atomic(g_dir + "/view.txt", view);
}

void storage_save(const StoredState& state) {
    if (g_status.read_only || g_dir.empty()) return;
    // Keep the last versions: project.json.N-1 -> .N, …, project.json -> .1.
    for (int i = kVersions - 1; i >= 1; --i)
        std::rename((g_dir + "/project.json." + std::to_string(i)).c_str(),
                    (g_dir + "/project.json." + std::to_string(i + 1)).c_str());
    ::link((g_dir + "/project.json").c_str(), (g_dir + "/project.json.1").c_str());
    const std::string why = write_atomic(g_dir + "/project.json", state.json);
    if (!why.empty()) {
        set(StorageStatus::State::Failed, "writing " + g_dir + "/project.json failed: " + why + ". Export your work now.");
        return;
    }
    write_atomic(g_dir + "/view.txt", state.view);
    set(StorageStatus::State::Saved, "");
}

bool storage_poll(StorageStatus& out) {
    if (!g_changed) return false;
    g_changed = false;
    g_status.has_aside = !g_aside.empty();
    out = g_status;
    return true;
}

void storage_set_aside(const std::string& reason) {
    const std::string from = g_dir + "/project.json";
    g_aside = read_all(from).value_or("");
    const std::string to = g_dir + "/project.unreadable-" + std::to_string(std::time(nullptr)) + ".json";
    std::rename(from.c_str(), to.c_str());
    std::ofstream(to + ".why.txt") << reason << "\n";
    g_changed = true;
}

std::string storage_aside_text() { return g_aside; }

std::string save_file(const std::string& name, const std::string&, const std::string& content) {
    const std::string dir = (g_dir.empty() ? data_dir() : g_dir) + "/exports";
    if (!make_dirs(dir)) return "";
    const std::string path = dir + "/" + name;
    return write_atomic(path, content).empty() ? path : "";
}

void pick_file(const std::string&, const std::string&) {}  // no dialog toolkit: --import PATH, --compare PATH

namespace {
std::string config_dir() {
    if (const char* d = std::getenv("XDG_CONFIG_HOME"); d && *d) return std::string(d) + "/claimmark";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.config/claimmark";
    return {};
}
}  // namespace

bool storage_keeps_texts_apart() { return false; }
bool storage_has_text(const std::string&) { return false; }
void storage_put_text(const std::string&, const std::string&) {}
std::optional<std::string> storage_take_text(const std::string&) { return std::nullopt; }

std::string load_preferences() {
    const std::string dir = config_dir();
    if (dir.empty()) return {};
    return read_all(dir + "/preferences.json").value_or("");
}

void save_preferences(const std::string& json) {
    const std::string dir = config_dir();
    if (!dir.empty() && make_dirs(dir)) write_atomic(dir + "/preferences.json", json);
}

}  // namespace cm::platform

