// The labels panel (see labels_panel.h). Colour and name edits commit once,
// when the reader lets go, so dragging through the colour picker or typing a
// name is one undo step rather than one per frame.
#include "ui/item_rects.h"
#include "ui/labels_panel.h"

#include <algorithm>
#include <cfloat>
#include <map>
#include <string>
#include <vector>

#include "ui/widgets.h"

namespace cm::ui {

namespace {

struct LabelsState {
    std::map<Id, BoundField> names;
    Id color_label = kNoId;  // the label whose colour is being picked, and the colour so far
    float color[3] = {0, 0, 0};
    Id confirm_remove = kNoId;
    std::string new_name;
};

LabelsState& state() {
    static LabelsState s;
    return s;
}

uint32_t to_rgb(const float c[3]) {
    auto channel = [](float v) { return static_cast<uint32_t>(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f); };
    return channel(c[0]) << 16 | channel(c[1]) << 8 | channel(c[2]);
}

BoundField::Commit commit_name(Annotator& an) {
    return [&an](Id id, const std::string& name) {
        if (an.editor().rename_label(id, name)) return;
        if (name.empty()) an.flash("A label needs a name.");
        else an.flash("There is a label called \xE2\x80\x9C" + name + "\xE2\x80\x9D already.");
    };
}

void draw_color(Annotator& an, LabelsState& st, const Label& l) {
    float c[3];
    const bool mine = st.color_label == l.id;
    if (mine) std::copy(st.color, st.color + 3, c);
    else {
        const ImVec4 v = color_vec4(l.color);
        c[0] = v.x, c[1] = v.y, c[2] = v.z;
    }
    const ImGuiColorEditFlags flags =
        ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel | ImGuiColorEditFlags_NoAlpha;
    if (ImGui::ColorEdit3("##color", c, flags)) {
        st.color_label = l.id;
        std::copy(c, c + 3, st.color);
    }
    // ColorEdit3 reports the picker popup's widgets as its own while they are
    // in use, but not their release; so commit once nothing of it is active.
    if (st.color_label == l.id && !ImGui::IsItemActive()) {
        const uint32_t rgb = to_rgb(st.color);
        st.color_label = kNoId;
        if (rgb != l.color) an.editor().recolor_label(l.id, rgb);
    }
}

void draw_row(Annotator& an, LabelsState& st, const Label& l, size_t index, size_t count) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::AlignTextToFramePadding();
    if (index < 9) muted_text(std::to_string(index + 1));

    ImGui::TableSetColumnIndex(1);
    draw_color(an, st, l);

    ImGui::TableSetColumnIndex(2);
    ImGui::SetNextItemWidth(-FLT_MIN);
    st.names[l.id].draw(l.id, l.name, [](std::string& t) { return input_text("##name", t); }, commit_name(an));

    ImGui::TableSetColumnIndex(3);
    ImGui::AlignTextToFramePadding();
    muted_text(display_name(l.role));
    if (ImGui::IsItemHovered()) {
        switch (l.role) {
            case LabelRole::Claim: ImGui::SetTooltip("Claims link to speakers, sources and other claims."); break;
            case LabelRole::Speaker: ImGui::SetTooltip("Speakers name who said a claim (an entity)."); break;
            case LabelRole::Source: ImGui::SetTooltip("Sources name who reported a claim (an entity)."); break;
            case LabelRole::Other: ImGui::SetTooltip("Your own label: no links or entities."); break;
        }
    }

    ImGui::TableSetColumnIndex(4);
    ImGui::BeginDisabled(index == 0);
    if (ImGui::SmallButton("\xE2\x86\x91")) an.editor().move_label(l.id, index - 1);  // ↑
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Move up (hotkeys follow the order)");
    ImGui::SameLine(0, 2);
    ImGui::BeginDisabled(index + 1 >= count);
    if (ImGui::SmallButton("\xE2\x86\x93")) an.editor().move_label(l.id, index + 1);  // ↓
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool remove = remove_button("remove", "Remove this label");
    remember_item("label-remove:" + l.name);
    if (remove) {
        const size_t uses = an.editor().label_use_count(l.id);
        if (uses == 0) an.editor().remove_label(l.id);
        else st.confirm_remove = l.id;
    }
}

// Asked when a label is in use: removing it removes its annotations too.
void draw_confirm(Annotator& an, LabelsState& st) {
    const char* popup = "Remove label?";
    if (st.confirm_remove != kNoId && !ImGui::IsPopupOpen(popup)) ImGui::OpenPopup(popup);
    if (!ImGui::BeginPopupModal(popup, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        st.confirm_remove = kNoId;
        return;
    }
    const Label* l = an.model().label(st.confirm_remove);
    if (!l) {
        st.confirm_remove = kNoId;
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const size_t uses = an.editor().label_use_count(l->id);
    ImGui::Text("Remove \xE2\x80\x9C%s\xE2\x80\x9D and its %zu %s? You can undo this.", l->name.c_str(), uses,
                uses == 1 ? "annotation" : "annotations");
    ImGui::Spacing();
    const Id id = l->id;
    const bool confirmed = ImGui::Button("Remove");
    remember_item("label-remove-confirm");
    if (confirmed) {
        an.editor().remove_label(id);
        st.confirm_remove = kNoId;
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        st.confirm_remove = kNoId;
        ImGui::CloseCurrentPopup();
    }
    ImGui::SetItemDefaultFocus();
    ImGui::EndPopup();
}

void draw_new_label(Annotator& an, LabelsState& st) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float add_w = ImGui::CalcTextSize("Add").x + style.FramePadding.x * 2;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - add_w - style.ItemSpacing.x);
    bool add = input_text_with_hint("##new", "New label", st.new_name, ImGuiInputTextFlags_EnterReturnsTrue);
    remember_item("label-new");
    ImGui::SameLine();
    ImGui::BeginDisabled(st.new_name.empty());
    add |= ImGui::Button("Add");
    ImGui::EndDisabled();
    if (!add || st.new_name.empty()) return;
    const size_t count = an.model().labels.size();
    if (an.editor().add_label(st.new_name, suggested_label_color(count)) != kNoId) {
        const std::string added = "Added \xE2\x80\x9C" + st.new_name + "\xE2\x80\x9D";
        an.flash(count < 9 ? added + ": key " + std::to_string(count + 1) + "." : added + ".");
        st.new_name.clear();
    } else {
        an.flash("There is a label called \xE2\x80\x9C" + st.new_name + "\xE2\x80\x9D already.");
    }
}

}  // namespace

void draw_labels_panel(Annotator& an, const FontSet& /*fonts*/) {
    LabelsState& st = state();
    const std::vector<Label> labels = an.model().labels;  // a copy: the buttons reorder and remove
    const ImGuiTableFlags flags = ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
    if (ImGui::BeginTable("labels", 5, flags)) {
        ImGui::TableSetupColumn("key", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("colour", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("role", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("actions", ImGuiTableColumnFlags_WidthFixed);
        for (size_t i = 0; i < labels.size(); ++i) {
            ImGui::PushID(static_cast<int>(labels[i].id));
            draw_row(an, st, labels[i], i, labels.size());
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (labels.empty()) muted_text_wrapped("No labels: add one below.");
    draw_confirm(an, st);
    ImGui::Spacing();
    draw_new_label(an, st);
    ImGui::Spacing();
    muted_text_wrapped("Keys 1\xE2\x80\x93" "9 apply the first nine labels. Removing a label removes its annotations "
                       "(and undo brings them back).");
}

}  // namespace cm::ui
