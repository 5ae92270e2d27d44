// The side panel's tab bar (see side_panel.h).
#include "ui/item_rects.h"
#include "ui/side_panel.h"

#include <string>

#include "ui/annotation_list.h"
#include "ui/cast_panel.h"
#include "ui/corpus_views.h"
#include "ui/compare_panel.h"
#include "ui/inspector.h"
#include "ui/labels_panel.h"
#include "ui/search_panel.h"

namespace cm::ui {

namespace {

std::string g_requested;  // a tab to bring to the front on the next frame

// One tab whose body is a child window, so the tab bar stays put while the body scrolls.
// A `disabled` body is shown but takes no input (a read-only tab: another one saves).
template <class Draw>
void tab(const char* name, ImGuiTabItemFlags flags, bool disabled, Draw draw) {
    if (g_requested == name) flags |= ImGuiTabItemFlags_SetSelected;
    const bool open = ImGui::BeginTabItem(name, nullptr, flags);
    remember_item(std::string("tab:") + name);
    if (!open) return;
    ImGui::BeginChild("body", ImVec2(0, 0), false);
    ImGui::BeginDisabled(disabled);
    draw();
    ImGui::EndDisabled();
    ImGui::EndChild();
    ImGui::EndTabItem();
}

}  // namespace

void draw_side_panel(Annotator& an, const FontSet& fonts, Comparison& compare) {
    if (!ImGui::BeginTabBar("side_panel")) return;
    // Enter / I and E want the inspector in front. The flag stays set until the
    // inspector has taken the focus (a newly selected tab only shows next frame).
    const ImGuiTabItemFlags inspector_flags =
        (an.focus_inspector || an.focus_entity_field) ? ImGuiTabItemFlags_SetSelected : 0;
    const bool read_only = an.read_only;
    tab("Inspector", inspector_flags, read_only, [&] { draw_inspector(an, fonts); });
    tab("Annotations", 0, read_only, [&] { draw_annotation_list(an, fonts); });
    tab("Cast", 0, read_only, [&] { draw_cast_panel(an, fonts); });
    tab("Labels", 0, read_only, [&] { draw_labels_panel(an, fonts); });
    // Searching only reads: it works in a read-only tab; tagging the hits is refused there.
    tab("Search", 0, false, [&] { draw_search_panel(an, fonts); });
    // Comparing only reads too (Stop, scope, jumping); its Adopt / Remove buttons are disabled there.
    if (compare.active()) tab("Compare", 0, false, [&] { draw_compare_panel(an, compare, fonts); });
    ImGui::EndTabBar();
    g_requested.clear();
}

void request_side_tab(const std::string& name) {
    g_requested = name;
    request_corpus_tab(CorpusTab::Article);  // the panels show beside the article only
}

}  // namespace cm::ui
