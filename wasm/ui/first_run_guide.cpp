#include "ui/first_run_guide.h"

#include <imgui.h>

#include <string>

#include "ui/item_rects.h"
#include "ui/widgets.h"

namespace cm::ui {

namespace {

struct Step {
    const char* title;
    const char* how;
};
constexpr Step kSteps[] = {
    {"Select a quote", "Drag over the words of a quote in the article, for example what Ren Zhengfei said."},
    {"Press 1: it is a Claim", "With the words selected, press 1 (or pick Claim in the small toolbar)."},
    {"Tag who said it", "Select the speaker's name, such as \xE2\x80\x9CRen Zhengfei\xE2\x80\x9D, and press 2 for Speaker."},
    {"Link the claim to its speaker", "Click the claim, press L, then click the speaker. The arc shows who said what."},
};
constexpr int kCount = static_cast<int>(sizeof(kSteps) / sizeof(kSteps[0]));

}  // namespace

FirstRunGuide::Counts FirstRunGuide::count(const Annotations& m) {
    Counts c;
    for (const auto& [id, s] : m.spans) {
        const Label* l = m.label(s.label);
        if (!l) continue;
        c.claims += l->role == LabelRole::Claim;
        c.speakers += l->role == LabelRole::Speaker;
    }
    for (const auto& [id, r] : m.relations) c.said_by += r.type == RelationType::SaidBy;
    return c;
}

void FirstRunGuide::restart(const Annotations& m) {
    started_ = true;
    base_ = count(m);
    step_ = 0;
}

void FirstRunGuide::draw(Annotator& an, const ReadingView& view, bool& done) {
    if (!started_) restart(an.model());
    // Each step is ticked off by what the reader did, so doing things out of
    // order (or with the mouse instead of keys) still moves the guide on.
    const Counts now = count(an.model());
    if (step_ == 0 && (!view.selection().empty() || now.claims > base_.claims)) step_ = 1;
    if (step_ == 1 && now.claims > base_.claims) step_ = 2;
    if (step_ == 2 && now.speakers > base_.speakers) step_ = 3;
    if (step_ == 3 && now.said_by > base_.said_by) step_ = kCount;

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y - 40),
                            ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(460, 0), ImGuiCond_Always);
    // Never takes the keyboard: the keys it teaches must reach the article.
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav;
    if (!ImGui::Begin("Welcome to ClaimMark", nullptr, flags)) {
        ImGui::End();
        return;
    }
    remember_item("guide");
    if (step_ < kCount) {
        ImGui::TextDisabled("Step %d of %d", step_ + 1, kCount);
        ImGui::SameLine();
        ImGui::TextUnformatted(kSteps[step_].title);
        ImGui::TextWrapped("%s", kSteps[step_].how);
    } else {
        ImGui::TextUnformatted("Done: a claim, its speaker and the link between them.");
        ImGui::TextWrapped("%s", "Press ? for every key. Your work is saved in this browser as you go; "
                                 "File \xE2\x86\x92 Export saves it as a file.");
    }
    ImGui::Spacing();
    if (step_ < kCount) {
        if (ImGui::Button("Next step")) ++step_;
        remember_item("guide:next");
        ImGui::SameLine();
        if (ImGui::Button("Skip the guide")) done = true;
        remember_item("guide:skip");
    } else {
        if (ImGui::Button("Close")) done = true;
        remember_item("guide:close");
    }
    ImGui::End();
}

}  // namespace cm::ui
