#include "ui/corpus_views.h"

#include <imgui.h>

#include <optional>
#include <utility>

#include "ui/item_rects.h"

namespace cm::ui {

namespace {

std::optional<CorpusTab> g_requested;
Id g_focus_cluster = kNoId;

constexpr std::array<CorpusTab, 5> kTabs = {CorpusTab::Article, CorpusTab::WhoSaidWhat, CorpusTab::Clusters,
                               CorpusTab::Contradictions, CorpusTab::Timeline};

}  // namespace

const char* tab_name(CorpusTab t) {
    switch (t) {
        case CorpusTab::Article: return "Article";
        case CorpusTab::WhoSaidWhat: return "Who said what";
        case CorpusTab::Clusters: return "Clusters";
        case CorpusTab::Contradictions: return "Contradictions";
        case CorpusTab::Timeline: return "Timeline";
    }
    return "";
}

void request_corpus_tab(CorpusTab tab, Id cluster) {
    g_requested = tab;
    g_focus_cluster = cluster;
}

CorpusTab CorpusViews::upcoming() {
    if (g_requested) current_ = *g_requested;
    // A click on a tab selects it in the next frame's tab bar, which is drawn
    // after the layout around it is chosen: expect it then (else that frame
    // shows no view). A click the tab bar does not take (a popup over it)
    // costs that one frame.
    const std::optional<CorpusTab> clicked = std::exchange(clicked_, std::nullopt);
    const ImVec2 m = ImGui::GetIO().MousePos;
    const bool free_click = ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
                            ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) &&
                            !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
    for (size_t i = 0; free_click && i < tab_rects_.size(); ++i) {
        const ImVec4& r = tab_rects_[i];
        if (m.x >= r.x && m.x < r.z && m.y >= r.y && m.y < r.w) clicked_ = kTabs[i];
    }
    return clicked && !g_requested ? *clicked : current_;
}

CorpusTab CorpusViews::draw_tab_bar() {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, 4));
    if (ImGui::BeginTabBar("corpus_tabs", ImGuiTabBarFlags_FittingPolicyScroll)) {
        for (size_t i = 0; i < tab_rects_.size(); ++i) {
            const CorpusTab t = kTabs[i];
            const ImGuiTabItemFlags flags = g_requested == t ? ImGuiTabItemFlags_SetSelected : 0;
            const bool open = ImGui::BeginTabItem(tab_name(t), nullptr, flags);
            remember_item(std::string("corpus-tab:") + tab_name(t));
            const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
            tab_rects_[i] = ImVec4(a.x, a.y, b.x, b.y);
            if (open) {
                current_ = t;
                ImGui::EndTabItem();
            }
        }
        ImGui::EndTabBar();
    }
    ImGui::PopStyleVar();
    // ImGui selects a requested tab on the next frame; show its view now, so a
    // jump reads the text in the frame after the click.
    if (g_requested) current_ = *g_requested;
    if (g_requested && *g_requested == CorpusTab::Clusters && g_focus_cluster) clusters.focus(g_focus_cluster);
    g_requested.reset();
    g_focus_cluster = kNoId;
    return current_;
}

void CorpusViews::draw_view(CorpusTab tab, Annotator& an, const FontSet& fonts) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 10));
    ImGui::BeginChild("corpus_view", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    switch (tab) {
        case CorpusTab::WhoSaidWhat: who_said_what.draw(an, fonts); break;
        case CorpusTab::Clusters: clusters.draw(an, fonts); break;
        case CorpusTab::Contradictions: contradictions.draw(an, fonts); break;
        case CorpusTab::Timeline: timeline.draw(an, fonts); break;
        case CorpusTab::Article: break;
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

}  // namespace cm::ui
