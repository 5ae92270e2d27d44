// The cast panel (see cast_panel.h). Mention counts and the "mark all
// mentions" search are cached per editor revision: the table is drawn every
// frame, but the model changes only when the reader edits it.
#include "ui/item_rects.h"
#include "ui/cast_panel.h"

#include <algorithm>
#include <cfloat>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/text_boundaries.h"
#include "core/utf8.h"
#include "ui/widgets.h"

namespace cm::ui {

namespace {

struct CastRow {
    Id entity = kNoId;
    std::vector<int> per_doc;  // mentions in each corpus document, corpus order
    int total = 0;
};

// Unmarked mentions of one entity: spans "mark all" would add.
struct MarkPlan {
    Id entity = kNoId;
    uint64_t revision = UINT64_MAX;
    Id label = kNoId;
    std::vector<SpanRequest> requests;
    size_t articles = 0;
};

struct CastState {
    uint64_t rows_revision = UINT64_MAX;
    std::vector<CastRow> rows;  // most mentioned first
    MarkPlan plan;
    BoundField name, aliases, external_id;
};

CastState& state() {
    static CastState s;
    return s;
}

void build_rows(const Annotator& an, CastState& st) {
    const Annotations& m = an.model();
    const size_t ndocs = an.corpus().documents.size();
    std::map<Id, CastRow> rows;
    for (const auto& entry : m.entities) {
        CastRow& r = rows[entry.first];
        r.entity = entry.first;
        r.per_doc.assign(ndocs, 0);
    }
    for (const auto& entry : m.spans) {
        const Span& s = entry.second;
        const auto it = rows.find(s.entity);
        if (it == rows.end()) continue;
        ++it->second.total;
        const int di = an.corpus().index_of(s.doc);
        if (di >= 0) ++it->second.per_doc[static_cast<size_t>(di)];
    }
    st.rows.clear();
    for (auto& entry : rows) st.rows.push_back(std::move(entry.second));
    std::sort(st.rows.begin(), st.rows.end(), [&m](const CastRow& a, const CastRow& b) {
        if (a.total != b.total) return a.total > b.total;
        return m.entity(a.entity)->name < m.entity(b.entity)->name;
    });
}

bool is_mention_role(const Label* l) { return l && (l->role == LabelRole::Speaker || l->role == LabelRole::Source); }

// The label new mentions get: the one the entity's mentions mostly have, else
// Speaker for people and organisations, Source for outlets and documents.
Id label_for(const Annotations& m, const Entity& e) {
    std::map<Id, size_t> uses;
    for (const Span* s : m.mentions_of(e.id))
        if (is_mention_role(m.label(s->label))) ++uses[s->label];
    if (!uses.empty()) {
        auto fewer = [](const auto& a, const auto& b) { return a.second < b.second; };
        return std::max_element(uses.begin(), uses.end(), fewer)->first;
    }
    const LabelRole want =
        (e.kind == EntityKind::Outlet || e.kind == EntityKind::Document) ? LabelRole::Source : LabelRole::Speaker;
    for (const Label& l : m.labels)
        if (l.role == want) return l.id;
    for (const Label& l : m.labels)
        if (is_mention_role(&l)) return l.id;
    return kNoId;
}

void build_plan(const Annotator& an, const Entity& e, MarkPlan& plan) {
    const Annotations& m = an.model();
    plan.requests.clear();
    plan.articles = 0;
    plan.label = label_for(m, e);
    std::vector<std::u32string> names = {decode_utf8(e.name).codepoints};
    for (const std::string& a : e.aliases) names.push_back(decode_utf8(a).codepoints);
    names.erase(std::remove(names.begin(), names.end(), std::u32string()), names.end());
    const std::vector<const Span*> mentions = m.mentions_of(e.id);

    for (const Document& d : an.corpus().documents) {
        std::vector<Range> hits;
        for (const std::u32string& n : names)
            for (const auto& [b, end] : find_all(d.text.codepoints(), n, true))
                hits.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(end)});
        if (hits.empty()) continue;
        // Longest first at each position, then no overlaps: "Ren Zhengfei" wins over its alias "Zhengfei".
        std::sort(hits.begin(), hits.end(), [](const Range& a, const Range& b) {
            return a.start != b.start ? a.start < b.start : a.end > b.end;
        });
        std::vector<Range> marked;
        for (const Span* s : mentions)
            if (s->doc == d.meta.id) marked.insert(marked.end(), s->ranges.begin(), s->ranges.end());
        auto overlaps = [](const Range& a, const Range& b) { return a.start < b.end && b.start < a.end; };
        uint32_t last_end = 0;
        size_t added = 0;
        for (const Range& h : hits) {
            if (h.start < last_end) continue;
            last_end = h.end;
            if (std::any_of(marked.begin(), marked.end(), [&](const Range& r) { return overlaps(r, h); })) continue;
            SpanRequest q;
            q.doc = d.meta.id;
            q.label = plan.label;
            q.ranges = {h};
            q.entity = e.id;
            plan.requests.push_back(std::move(q));
            ++added;
        }
        if (added) ++plan.articles;
    }
}

// A column header: the outlet (or the headline) cut short; the tooltip has it all.
std::string short_name(const Document& d) { return one_line(d.meta.outlet.empty() ? d.meta.title : d.meta.outlet, 10); }

void draw_table(Annotator& an, CastState& st) {
    const Annotations& m = an.model();
    const std::vector<Document>& docs = an.corpus().documents;
    const ImGuiStyle& style = ImGui::GetStyle();
    const int columns = 3 + static_cast<int>(docs.size());
    const float row_h = ImGui::GetTextLineHeight() + style.CellPadding.y * 2;
    const float want_h = row_h * static_cast<float>(st.rows.size() + 1) + style.ScrollbarSize + 4;
    const float avail_h = ImGui::GetContentRegionAvail().y;
    const float h = std::clamp(want_h, std::min(row_h * 5, avail_h), std::max(row_h * 5, avail_h * 0.55f));

    float name_w = ImGui::CalcTextSize("Name").x;
    for (const CastRow& r : st.rows) name_w = std::max(name_w, ImGui::CalcTextSize(m.entity(r.entity)->name.c_str()).x);
    name_w = std::min(name_w, ImGui::GetFontSize() * 12);

    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuterH |
                                  ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("cast", columns, flags, ImVec2(0, h))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthFixed, name_w);
    ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed);
    for (size_t i = 0; i < docs.size(); ++i) ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Total", ImGuiTableColumnFlags_WidthFixed);

    // Headers by hand, for a tooltip with each article's full title.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableSetColumnIndex(0);
    ImGui::TableHeader("Name");
    ImGui::TableSetColumnIndex(1);
    ImGui::TableHeader("Kind");
    for (size_t i = 0; i < docs.size(); ++i) {
        ImGui::TableSetColumnIndex(static_cast<int>(i) + 2);
        ImGui::TableHeader((short_name(docs[i]) + "##doc" + std::to_string(i)).c_str());
        if (ImGui::IsItemHovered()) {
            const DocumentMeta& meta = docs[i].meta;
            ImGui::SetTooltip("%s%s%s", meta.title.c_str(), meta.outlet.empty() ? "" : "\n", meta.outlet.c_str());
        }
    }
    ImGui::TableSetColumnIndex(columns - 1);
    ImGui::TableHeader("Total");

    Id clicked = kNoId;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(st.rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const CastRow& r = st.rows[static_cast<size_t>(i)];
            const Entity* e = m.entity(r.entity);
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID(static_cast<int>(r.entity));
            if (ImGui::Selectable(e->name.c_str(), an.highlighted_entity == r.entity,
                                  ImGuiSelectableFlags_SpanAllColumns))
                clicked = r.entity;
            remember_item("cast:" + e->name);
            if (ImGui::IsItemHovered()) {
                std::string tip = e->name + "\nClick to outline its mentions; click again to stop.";
                if (!e->aliases.empty()) {
                    tip += "\nAlso: ";
                    for (size_t a = 0; a < e->aliases.size(); ++a) tip += (a ? ", " : "") + e->aliases[a];
                }
                if (!e->external_id.empty()) tip += "\nId: " + e->external_id;
                ImGui::SetTooltip("%s", tip.c_str());
            }
            ImGui::TableSetColumnIndex(1);
            muted_text(display_name(e->kind));
            for (size_t d = 0; d < r.per_doc.size(); ++d) {
                ImGui::TableSetColumnIndex(static_cast<int>(d) + 2);
                if (r.per_doc[d]) ImGui::Text("%d", r.per_doc[d]);
                else muted_text("\xC2\xB7");  // ·
            }
            ImGui::TableSetColumnIndex(columns - 1);
            ImGui::Text("%d", r.total);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
    if (clicked != kNoId) an.highlighted_entity = an.highlighted_entity == clicked ? kNoId : clicked;
}

std::string trim(const std::string& s) {
    const size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::vector<std::string> split_aliases(const std::string& text) {
    std::vector<std::string> out;
    size_t from = 0;
    while (from <= text.size()) {
        size_t to = text.find(',', from);
        if (to == std::string::npos) to = text.size();
        std::string a = trim(text.substr(from, to - from));
        if (!a.empty()) out.push_back(std::move(a));
        from = to + 1;
    }
    return out;
}

std::string join_aliases(const std::vector<std::string>& aliases) {
    std::string out;
    for (size_t i = 0; i < aliases.size(); ++i) out += (i ? ", " : "") + aliases[i];
    return out;
}

BoundField::Commit commit_name(Annotator& an) {
    return [&an](Id id, const std::string& t) {
        if (!an.editor().rename_entity(id, trim(t))) an.flash("An entity needs a name.");
    };
}

BoundField::Commit commit_aliases(Annotator& an) {
    return [&an](Id id, const std::string& t) { an.editor().set_aliases(id, split_aliases(t)); };
}

BoundField::Commit commit_external_id(Annotator& an) {
    return [&an](Id id, const std::string& t) { an.editor().set_external_id(id, trim(t)); };
}

void draw_mark_all(Annotator& an, CastState& st, const Entity& e) {
    if (st.plan.entity != e.id || st.plan.revision != an.editor().revision()) {
        build_plan(an, e, st.plan);
        st.plan.entity = e.id;
        st.plan.revision = an.editor().revision();
    }
    const MarkPlan& plan = st.plan;
    const Label* label = an.model().label(plan.label);
    if (plan.requests.empty()) {
        muted_text_wrapped("Every mention of its name and aliases is marked.");
        return;
    }
    const size_t n = plan.requests.size();
    ImGui::TextWrapped("%zu unmarked %s in %zu %s.", n, n == 1 ? "mention" : "mentions", plan.articles,
                       plan.articles == 1 ? "article" : "articles");
    if (!label) {
        muted_text_wrapped("Add a label with the Speaker or Source role to tag them.");
        return;
    }
    const std::string button = "Tag all " + std::to_string(n) + " as " + label->name;
    const bool tag = ImGui::Button(button.c_str());
    remember_item("cast:mark-all");
    if (tag) {
        const std::vector<Id> added = an.editor().add_spans(plan.requests);
        if (added.empty()) an.flash("No mention could be tagged.");
        else
            an.flash("Tagged " + std::to_string(added.size()) + (added.size() == 1 ? " mention" : " mentions") +
                     " of " + e.name + " as " + label->name + " (one undo step).");
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Whole-word matches of the name and aliases, in every article, not yet marked for %s.",
                          e.name.c_str());
}

void draw_details(Annotator& an, const FontSet& fonts, CastState& st, const Entity& e) {
    section_heading(fonts.ui_bold, e.name.c_str());
    const float lw = ImGui::CalcTextSize("External id").x + ImGui::GetStyle().ItemSpacing.x * 2;

    field_label("Name", lw);
    st.name.draw(
        e.id, e.name, [](std::string& t) { return input_text("##name", t); }, commit_name(an));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The old name becomes an alias.");
    field_label("Kind", lw);
    EntityKind kind = e.kind;
    if (entity_kind_combo("##kind", kind)) an.editor().set_entity_kind(e.id, kind);
    field_label("Aliases", lw);
    st.aliases.draw(
        e.id, join_aliases(e.aliases),
        [](std::string& t) { return input_text_with_hint("##aliases", "other names, comma-separated", t); },
        commit_aliases(an));
    field_label("External id", lw);
    st.external_id.draw(
        e.id, e.external_id,
        [](std::string& t) { return input_text_with_hint("##external", "e.g. Wikidata Q12345", t); },
        commit_external_id(an));

    field_label("Merge into", lw);
    Id keep = kNoId;
    if (ImGui::BeginCombo("##merge", "Choose an entity\xE2\x80\xA6")) {
        std::vector<const Entity*> others;
        for (const auto& entry : an.model().entities)
            if (entry.first != e.id) others.push_back(&entry.second);
        std::sort(others.begin(), others.end(), [](const Entity* a, const Entity* b) { return a->name < b->name; });
        if (others.empty()) muted_text("No other entities.");
        for (const Entity* o : others) {
            ImGui::PushID(static_cast<int>(o->id));
            if (ImGui::Selectable(o->name.c_str())) keep = o->id;
            ImGui::SameLine();
            muted_text(display_name(o->kind));
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Its mentions move to the chosen entity, and its names become aliases there.");
    if (keep != kNoId) {
        const std::string kept_name = an.model().entity(keep)->name, gone_name = e.name;
        if (an.editor().merge_entities(keep, e.id)) {
            an.highlighted_entity = keep;
            an.flash("Merged \xE2\x80\x9C" + gone_name + "\xE2\x80\x9D into \xE2\x80\x9C" + kept_name +
                     "\xE2\x80\x9D.");
        }
        return;  // `e` is gone
    }

    section_heading(fonts.ui_bold, "Mark all mentions");
    draw_mark_all(an, st, e);
}

}  // namespace

void draw_cast_panel(Annotator& an, const FontSet& fonts) {
    CastState& st = state();
    if (st.rows_revision != an.editor().revision()) {
        build_rows(an, st);
        st.rows_revision = an.editor().revision();
    }
    if (!an.model().entity(an.highlighted_entity)) an.highlighted_entity = kNoId;
    if (an.highlighted_entity == kNoId) {
        // The details are going away: keep what was typed into them.
        st.name.flush(commit_name(an));
        st.aliases.flush(commit_aliases(an));
        st.external_id.flush(commit_external_id(an));
    }
    if (st.rows.empty()) {
        muted_text_wrapped("No entities yet. Select a speaker or source annotation and press E to name who it is.");
        return;
    }
    draw_table(an, st);
    if (const Entity* e = an.model().entity(an.highlighted_entity)) {
        const Entity copy = *e;  // edits below may change or erase it
        draw_details(an, fonts, st, copy);
    } else {
        muted_text_wrapped("Click an entity to outline its mentions, rename it, merge it or tag its other mentions.");
    }
}

}  // namespace cm::ui
