// The command palette (Ctrl/Cmd+K): every action of the menus, the side
// panel's tabs and every article by title, found by typing and run with
// Enter, so all of the app is reachable from the keyboard.
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace cm::ui {

struct PaletteCommand {
    std::string name;      // what it does, as the menus say it
    std::string shortcut;  // shown beside it ("Ctrl+Z"), may be empty
    std::function<void()> run;
};

class CommandPalette {
public:
    void open() { open_requested_ = true; }
    bool is_open() const { return open_; }
    // Draws it while open; `commands` is asked for only then.
    void draw(const std::function<std::vector<PaletteCommand>()>& commands);
    // The commands whose names contain every word of `query`, in any case,
    // in their given order.
    static std::vector<size_t> matches(const std::vector<PaletteCommand>& commands, const std::string& query);

private:
    bool open_requested_ = false, open_ = false;
    std::string query_;
    size_t selected_ = 0;
};

}  // namespace cm::ui
