#include "ui/document_list.h"

#include <string>

#include "ui/theme.h"

namespace cm::ui {

int draw_document_list(const Corpus& corpus, int open_index, ImFont* title_font, std::vector<ItemRect>& item_rects) {
    int picked = -1;
    item_rects.clear();
    const Palette& pal = palette();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float w = ImGui::GetContentRegionAvail().x;
    const float pad = 8.0f;
    for (size_t i = 0; i < corpus.documents.size(); ++i) {
        const Document& d = corpus.documents[i];
        std::string meta = d.meta.outlet.empty() ? std::string("Outlet not stated") : d.meta.outlet;
        if (!d.meta.date.empty()) meta += "  \xE2\x80\xA2  " + d.meta.date;
        if (!d.warnings.empty()) meta += "  \xE2\x80\xA2  needs attention";

        // Height from the wrapped headline plus one meta line.
        const float text_w = w - 2 * pad;
        ImGui::PushFont(title_font);
        const float title_h = ImGui::CalcTextSize(d.meta.title.c_str(), nullptr, false, text_w).y;
        ImGui::PopFont();
        const float h = title_h + ImGui::GetTextLineHeight() + 2 * pad + style.ItemSpacing.y * 0.5f;

        ImGui::PushID(static_cast<int>(i));
        const ImVec2 p = ImGui::GetCursorScreenPos();
        if (ImGui::Selectable("##doc", static_cast<int>(i) == open_index, 0, ImVec2(w, h))) picked = static_cast<int>(i);
        item_rects.push_back({p.x, p.y, w, h});
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%zu characters", d.meta.title.c_str(), d.text.size());
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
        dl->AddText(title_font, title_font->FontSize * ImGui::GetIO().FontGlobalScale, ImVec2(p.x + pad, p.y + pad),
                    text_col, d.meta.title.c_str(), nullptr, text_w);
        dl->AddText(ImVec2(p.x + pad, p.y + pad + title_h + style.ItemSpacing.y * 0.5f), pal.muted, meta.c_str());
        ImGui::PopID();
    }
    return picked;
}

}  // namespace cm::ui
