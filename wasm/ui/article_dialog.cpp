#include "ui/article_dialog.h"

#include <imgui.h>

#include "ui/item_rects.h"
#include "ui/widgets.h"

namespace cm::ui {

void ArticleDialog::offer(ArticleDraft draft) {
    queue_.push_back(std::move(draft));
    if (queue_.size() == 1) load_fields();
}

void ArticleDialog::load_fields() {
    if (queue_.empty()) return;
    const DocumentMeta& m = queue_.front().meta;
    title_ = m.title;
    outlet_ = m.outlet;
    author_ = m.author;
    date_ = m.date;
    const ArticleDraft& d = queue_.front();
    id_ = d.sha256.size() >= 16 ? d.sha256.substr(0, 16) : document_id_for(d.text);
    replace_earlier_ = true;
    prefilled_ = false;
}

void ArticleDialog::draw(Annotator& an, const ArticleHooks& hooks) {
    if (queue_.empty()) return;
    ArticleDraft* draft = &queue_.front();
    const char* title = "Add an article";
    if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    ImGui::SetNextWindowSize(ImVec2(620, 0), ImGuiCond_Always);  // height 0: fit the content every frame
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    const float lw = ImGui::CalcTextSize("Outlet").x + 24;
    auto field = [&](const char* label, const char* id, std::string& value, const char* hint) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        ImGui::SameLine(lw);
        ImGui::SetNextItemWidth(-FLT_MIN);
        input_text_with_hint(id, hint, value);
        remember_item(std::string("article:") + id);
    };
    field("Title", "##title", title_, "the headline");
    field("Outlet", "##outlet", outlet_, "who published it, e.g. ZDNet");
    field("Author", "##author", author_, "");
    field("Date", "##date", date_, "YYYY-MM-DD");
    ImGui::Spacing();
    const std::string preview = Annotator::clip_utf8(draft->text, 700);
    ImGui::BeginChild("preview", ImVec2(0, 180), true);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(preview.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    for (const std::string& w : draft->warnings) ImGui::TextColored(ImVec4(0.8f, 0.35f, 0.05f, 1), "%s", w.c_str());
    for (const std::string& n : draft->notes) muted_text_wrapped(n.c_str());
    // A changed copy of an article already here (same file or title): offer
    // to carry its annotations over rather than leave them on the old text.
    DocumentMeta probe = draft->meta;
    probe.title = title_;
    const auto [earlier, count] = hooks.earlier(probe, id_);
    if (earlier && !prefilled_) {  // once: the reader's own corrections win afterwards
        prefilled_ = true;
        if (!draft->meta.file.empty() && earlier->file == draft->meta.file) title_ = earlier->title;
        if (outlet_.empty()) outlet_ = earlier->outlet;
        if (author_.empty()) author_ = earlier->author;
        if (date_.empty()) date_ = earlier->date;
    }
    if (earlier && count > 0) {
        ImGui::Spacing();
        const std::string about = "An article with this title or file is already here, with " + std::to_string(count) +
                                  (count == 1 ? " annotation" : " annotations") + ", and this text differs from it.";
        ImGui::TextWrapped("%s", about.c_str());
        if (ImGui::RadioButton("Replace it: move its annotations onto this text (placed by their quotes)", replace_earlier_))
            replace_earlier_ = true;
        remember_item("article:replace");
        if (ImGui::RadioButton("Keep both as separate articles", !replace_earlier_)) replace_earlier_ = false;
        remember_item("article:keep-both");
    }
    ImGui::Spacing();
    const bool ok = ImGui::Button("Add the article");
    remember_item("article:add");
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (ok) {
        draft->meta.title = title_.empty() ? "Untitled article" : title_;
        draft->meta.outlet = outlet_;
        draft->meta.author = author_;
        draft->meta.date = date_;
        const bool replace = earlier && count > 0 && replace_earlier_;
        const std::string added = draft->meta.title;
        hooks.add(std::move(*draft), replace);
        if (!replace) an.flash("Added \xE2\x80\x9C" + added + "\xE2\x80\x9D.");  // the status bar says when it is saved
    }
    if (ok || cancel) {
        queue_.pop_front();
        load_fields();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace cm::ui
