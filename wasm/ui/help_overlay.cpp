// The Keys window (see help_overlay.h).
#include "ui/help_overlay.h"

#include <string>

#include "ui/widgets.h"

namespace cm::ui {

namespace {

// One row of the keys table: the keys in bold, what they do wrapped beside them.
void row(const FontSet& fonts, const std::string& keys, const char* what) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::PushFont(fonts.ui_bold);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(keys.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::TableSetColumnIndex(1);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(what);
    ImGui::PopTextWrapPos();
}

void label_keys(const Annotations& m) {
    Flow flow;
    for (size_t i = 0; i < m.labels.size() && i < 9; ++i) {
        const std::string key = std::to_string(i + 1);
        flow.next(ImGui::CalcTextSize(key.c_str()).x + ImGui::GetStyle().ItemInnerSpacing.x +
                  label_chip_width(m.labels[i]));
        ImGui::BeginGroup();
        muted_text(key);
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        label_chip(m.labels[i]);
        ImGui::EndGroup();
    }
}

}  // namespace

void draw_help_overlay(Annotator& an, const FontSet& fonts, const platform::StorageStatus& storage) {
    static bool was_shown = false;
    const bool appearing = an.show_help && !was_shown;
    was_shown = an.show_help;
    if (!an.show_help) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(640, 560), ImGuiCond_Appearing);
    // In front when it opens; the main window never comes to the front over it
    // (NoBringToFrontOnFocus), so the reader can click the text and keep reading the help.
    if (appearing) ImGui::SetNextWindowFocus();
    if (!ImGui::Begin("Keys", &an.show_help, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    const bool mac = ImGui::GetIO().ConfigMacOSXBehaviors;
    const std::string mod = mac ? "Cmd" : "Ctrl";

    const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX;
    if (ImGui::BeginTable("keys", 2, flags)) {
        ImGui::TableSetupColumn("Keys", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 11);
        ImGui::TableSetupColumn("Does", ImGuiTableColumnFlags_WidthStretch);
        row(fonts, "Mouse", "Select text: drag; double-click a word; triple-click a paragraph; Shift+click extends.");
        row(fonts, "1\xE2\x80\x93" "9",
            "Label the selection with label N, or relabel the selected annotation:");
        label_keys(an.model());
        row(fonts, "Click an annotation", "Select it; click again for the next one stacked there.");
        row(fonts, "N / P", "Next / previous annotation.");
        row(fonts, "A", "Add the selected text as another part of the selected annotation (a quote interrupted by its attribution).");
        row(fonts, "Enter or I", "Open the inspector.");
        row(fonts, "E", "Name the entity of the selected speaker or source.");
        row(fonts, "L",
            "Link the selected claim: then click (or N / P and Enter) a speaker, source or claim. Esc cancels.");
        row(fonts, "1 / 2 / 3", "After linking two claims: same claim / supports / contradicts.");
        row(fonts, "Delete or Backspace", "Delete the selected annotation (and its links).");
        row(fonts, "W", "Snap selections to whole words: on / off.");
        row(fonts, "Z", "Mark the selection as a zone: body, comments or furniture.");
        row(fonts, "S", "Suggest claims, speakers and sources in this article (also in Edit): dashed outlines to review, nothing added until accepted.");
        const std::string review = "Enter accept; Backspace reject; Tab or \xE2\x86\x92 skip; Shift+Tab or \xE2\x86\x90 back; " + mod +
                                   "+Z takes back the last decision; Esc done. The panel accepts all claims, speakers or sources in one step.";
        row(fonts, "Reviewing suggestions", review.c_str());
        row(fonts, mod + "+Z", "Undo.");
        row(fonts, mod + "+Shift+Z or " + mod + "+Y", "Redo.");
        row(fonts, mod + "+C", "Copy the selected text.");
        row(fonts, mod + "+A", "Select the whole article.");
        row(fonts, mod + "+F", "Search every article and note (Enter: next hit; Up / Down: choose one).");
        row(fonts, "PageUp / PageDown / Space, arrows, Home / End", "Scroll.");
        row(fonts, "Esc", "Cancel a link; clear the selection.");
        row(fonts, mod + "+= / " + mod + "+- / " + mod + "+0", "Larger / smaller / default text (View has line spacing and length too).");
        row(fonts, "?", "Show or hide this help.");
        ImGui::EndTable();
    }
    if (!mac) muted_text("On macOS, use Cmd where this says Ctrl.");

    section_heading(fonts.ui_bold, "Colours");
    Flow flow;
    for (const Label& l : an.model().labels) {
        flow.next(label_chip_width(l));
        label_chip(l);
    }
    ImGui::NewLine();
    muted_text_wrapped("Underlines tell labels apart without colour: claims solid, speakers dashed, sources dotted, "
                       "and each label of your own another dash.");

    section_heading(fonts.ui_bold, "Your work");
    ImGui::TextWrapped("Saved as you go in %s, on this device only; nothing is sent anywhere. "
                       "The status bar says when the latest edit is saved.",
                       storage.where.empty() ? "this browser's storage" : storage.where.c_str());
    ImGui::TextWrapped("%s", "File \xE2\x86\x92 Export project saves everything as one JSON file (to keep, or to give a "
                             "colleague, who opens it with File \xE2\x86\x92 Import). File \xE2\x86\x92 Export as writes "
                             "W3C Web Annotations, brat, CSV, doccano, Prodigy or ClaimReview.");
    ImGui::End();
}

}  // namespace cm::ui
