// Where the working state is kept between visits, and files the user saves.
// Web (storage_web.cpp + web/storage.js): IndexedDB with a synchronous
// localStorage journal, one writing tab at a time. Desktop
// (storage_desktop.cpp): files in the XDG data directory, written atomically,
// the last versions kept, one writing process at a time. docs/storage.md.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace cm::platform {

struct StoredState {
    std::string json;  // the project file (core/project_json.h)
    std::string view;  // where the reader was: "<doc id> <code point>"
};

struct StorageStatus {
    enum class State { Idle, Saving, Saved, Failed };
    State state = State::Idle;
    std::string message;  // why it failed, or a detail ("in local storage only")
    std::string where;    // "this browser (IndexedDB)", a directory, …
    bool read_only = false;
    bool persisted = false;  // the browser promised not to evict it
    double usage = 0, quota = 0;  // bytes; 0 = unknown
    bool has_aside = false;       // unreadable data was kept aside
};

// Opens the store (call once, at start). Returns the last saved state, if
// any; `problems` gets what the user must be told (in plain words).
std::optional<StoredState> storage_open(std::vector<std::string>& problems);
// Saves the whole state. The web writes a journal synchronously and the
// database asynchronously: storage_status() tells how it went.
void storage_save(const StoredState& state);
// Saves where the reader is, when nothing else changed since the last
// storage_save (scrolling): a few bytes, so a long project costs nothing to
// scroll. The next storage_open returns it with the last saved project.
void storage_save_view(const std::string& view);
// True (and `out` set) when the status changed since the last call.
bool storage_poll(StorageStatus& out);
// The app could not use what storage_open returned (e.g. a newer format):
// keep it aside, untouched, before anything overwrites it.
void storage_set_aside(const std::string& reason);
// The unreadable data that was kept aside ("" if none), for export.
std::string storage_aside_text();

// Offers a file to the user: a download in the browser, a file in the
// data directory's exports/ on the desktop. Returns where it went, or "".
std::string save_file(const std::string& name, const std::string& mime, const std::string& content);
// Texts kept apart (the web): each document's text is written once, under
// its id, and the saved project lists documents without their text, so a
// save costs the size of the annotations, not of the articles, and the
// synchronous journal stays small. The desktop keeps whole project files.
bool storage_keeps_texts_apart();
bool storage_has_text(const std::string& doc_id);
void storage_put_text(const std::string& doc_id, const std::string& text);
// A kept text, for loading; the store lets go of its copy.
std::optional<std::string> storage_take_text(const std::string& doc_id);

// The reader's preferences (core/preferences.h) as last saved, or "". The
// web keeps them in localStorage, the desktop in $XDG_CONFIG_HOME/claimmark.
// Best effort: a failure to save them is not worth a message.
std::string load_preferences();
void save_preferences(const std::string& json);

// Asks the reader for a file (the browser's picker); the page hands the chosen
// file's text to the app: App::receive_file, or with purpose "compare"
// App::receive_compare_file. Desktop: use --import PATH or --compare PATH.
void pick_file(const std::string& accept, const std::string& purpose = "");

}  // namespace cm::platform
