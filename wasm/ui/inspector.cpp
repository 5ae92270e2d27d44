// The inspector (see inspector.h). It draws from a copy of the selected span,
// so an edit made halfway down (which may replace or erase the span) never
// leaves the rest of the frame reading a stale reference.
#include "ui/inspector.h"

#include <algorithm>
#include <cfloat>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "ui/inspector_claim.h"
#include "ui/widgets.h"

namespace cm::ui {

namespace {

// The entity field's type-ahead: what is typed, which suggestion the arrow
// keys have picked (-1: none) and whether the list shows.
struct EntityField {
    Id span = kNoId;
    std::string query;
    std::vector<Id> suggestions;
    int pick = -1;
    bool open = false;
};

struct InspectorState {
    Id span = kNoId;  // the span the fields below were set up for
    EntityField entity;
    BoundField note, external_id;
    std::string new_key, new_value;
};

InspectorState& state() {
    static InspectorState s;
    return s;
}

BoundField::Commit commit_note(Annotator& an) {
    return [&an](Id span, const std::string& text) { an.editor().set_note(span, text); };
}

BoundField::Commit commit_external_id(Annotator& an) {
    return [&an](Id entity, const std::string& text) { an.editor().set_external_id(entity, text); };
}

// Up / Down move the pick through the suggestions; typing drops it.
int entity_field_callback(ImGuiInputTextCallbackData* data) {
    auto* f = static_cast<EntityField*>(data->UserData);
    const int n = static_cast<int>(f->suggestions.size());
    if (data->EventFlag == ImGuiInputTextFlags_CallbackHistory) {
        if (data->EventKey == ImGuiKey_DownArrow) f->pick = std::min(f->pick + 1, n - 1);
        if (data->EventKey == ImGuiKey_UpArrow) f->pick = std::max(f->pick - 1, -1);
        f->open = true;
    } else if (data->EventFlag == ImGuiInputTextFlags_CallbackEdit) {
        f->pick = -1;
        f->open = true;
    }
    return 0;
}

float fields_label_width() { return ImGui::CalcTextSize("External id").x + ImGui::GetStyle().ItemSpacing.x * 2; }

void draw_label_row(Annotator& an, const Span& span) {
    const Label* current = an.model().label(span.label);
    color_swatch(current ? current->color : 0x808080, ImGui::GetFrameHeight());
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (!ImGui::BeginCombo("##label", current ? current->name.c_str() : "(no label)")) return;
    Id chosen = kNoId;
    for (const Label& l : an.model().labels) {
        if (label_selectable(l, l.id == span.label)) chosen = l.id;
        if (l.id == span.label) ImGui::SetItemDefaultFocus();
    }
    ImGui::EndCombo();
    if (chosen != kNoId && chosen != span.label && !an.editor().relabel_span(span.id, chosen))
        an.flash("That label cannot be used here.");
}

void draw_ranges(Annotator& an, const Span& span) {
    const bool several = span.ranges.size() > 1;
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* heading = several ? "Ranges" : "Range";
    Flow flow;
    flow.next(ImGui::CalcTextSize(heading).x);
    muted_text(heading);
    const float button_w =
        several ? style.ItemInnerSpacing.x + ImGui::CalcTextSize("\xC3\x97").x + style.FramePadding.x * 2 : 0;
    size_t drop = SIZE_MAX;
    for (size_t i = 0; i < span.ranges.size(); ++i) {
        const Range& r = span.ranges[i];
        const std::string text = std::to_string(r.start) + "\xE2\x80\x93" + std::to_string(r.end);  // –
        flow.next(ImGui::CalcTextSize(text.c_str()).x + button_w);
        ImGui::BeginGroup();
        ImGui::TextUnformatted(text.c_str());
        if (several) {
            // Several ranges: each can go (a quote that turned out to be two).
            ImGui::SameLine(0, style.ItemInnerSpacing.x);
            ImGui::PushID(static_cast<int>(i));
            if (remove_button("drop", "Drop this range from the annotation")) drop = i;
            ImGui::PopID();
        }
        ImGui::EndGroup();
    }
    if (drop != SIZE_MAX) {
        std::vector<Range> rest = span.ranges;
        rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(drop));
        an.editor().set_ranges(span.id, rest);
    }
}

void draw_entity(Annotator& an, const FontSet& fonts, const Span& span) {
    InspectorState& st = state();
    EntityField& f = st.entity;
    const Entity* linked = an.model().entity(span.entity);
    if (f.span != span.id) {
        // A fresh span: offer its own text as the name, which Enter accepts.
        f = EntityField{};
        f.span = span.id;
        if (!linked) f.query = one_line(an.span_text(span), 0);
    }

    section_heading(fonts.ui_bold, "Entity");
    if (an.focus_entity_field) {
        ImGui::SetKeyboardFocusHere();
        an.focus_entity_field = false;
        f.open = true;
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackHistory |
                                      ImGuiInputTextFlags_CallbackEdit | ImGuiInputTextFlags_AutoSelectAll;
    const bool enter = input_text_with_hint("##entity", linked ? "Link to another entity\xE2\x80\xA6" : "Who is it?",
                                            f.query, flags, entity_field_callback, &f);
    const bool active = ImGui::IsItemActive();
    if (ImGui::IsItemActivated()) f.open = true;
    if (ImGui::IsItemHovered() && !active)
        ImGui::SetTooltip("Type a name: \xE2\x86\x91 \xE2\x86\x93 pick a match, Enter links it (or a new entity).");
    f.suggestions = f.open ? an.search_entities(f.query) : std::vector<Id>{};
    if (f.pick >= static_cast<int>(f.suggestions.size())) f.pick = static_cast<int>(f.suggestions.size()) - 1;

    Id pick = kNoId;
    bool create = false;
    if (enter) {
        if (f.pick >= 0) pick = f.suggestions[static_cast<size_t>(f.pick)];
        else create = true;
    }
    if (f.open && !f.suggestions.empty() && !enter) {
        const float row = ImGui::GetTextLineHeightWithSpacing();
        const float h = row * static_cast<float>(f.suggestions.size()) + ImGui::GetStyle().FramePadding.y * 2;
        if (ImGui::BeginListBox("##suggestions", ImVec2(-FLT_MIN, h))) {
            for (size_t i = 0; i < f.suggestions.size(); ++i) {
                const Entity* e = an.model().entity(f.suggestions[i]);
                if (!e) continue;
                ImGui::PushID(static_cast<int>(e->id));
                // Picked on press: the text field loses the keyboard on that same click.
                ImGui::Selectable(e->name.c_str(), static_cast<int>(i) == f.pick);
                if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) pick = e->id;
                ImGui::SameLine();
                muted_text(display_name(e->kind));
                ImGui::PopID();
            }
            ImGui::EndListBox();
        }
    }
    // The list stays while the mouse is down, so a click on it lands before it goes.
    if (!active && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) f.open = false;

    if (pick != kNoId) {
        if (an.editor().link_entity(span.id, pick)) an.flash("Linked to " + an.model().entity(pick)->name + ".");
    } else if (create) {
        an.link_or_create_entity(span.id, f.query);
    }
    if (pick != kNoId || create) {
        f.query.clear();
        f.pick = -1;
        f.open = false;
        return;  // the link changed: the details below follow next frame
    }

    if (!linked) {
        muted_text_wrapped("Not linked. Enter links the best match for the name above, or makes a new entity.");
        return;
    }
    const Entity entity = *linked;
    const float lw = fields_label_width();
    field_label("Name", lw);
    ImGui::PushFont(fonts.ui_bold);
    ImGui::TextUnformatted(entity.name.c_str());
    ImGui::PopFont();
    if (!entity.aliases.empty() && ImGui::IsItemHovered()) {
        std::string all = "Also known as:";
        for (const std::string& a : entity.aliases) all += "\n\xE2\x80\xA2 " + a;
        ImGui::SetTooltip("%s", all.c_str());
    }
    field_label("Kind", lw);
    EntityKind kind = entity.kind;
    if (entity_kind_combo("##kind", kind)) an.editor().set_entity_kind(entity.id, kind);
    field_label("External id", lw);
    st.external_id.draw(
        entity.id, entity.external_id,
        [](std::string& t) { return input_text_with_hint("##external", "e.g. Wikidata Q12345", t); },
        commit_external_id(an));
    const size_t mentions = an.model().mentions_of(entity.id).size();
    ImGui::AlignTextToFramePadding();
    muted_text(std::to_string(mentions) + (mentions == 1 ? " mention" : " mentions") + " in the corpus");
    ImGui::SameLine();
    if (ImGui::SmallButton("Unlink")) an.editor().link_entity(span.id, kNoId);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("This annotation no longer names %s.", entity.name.c_str());
}

void draw_relations(Annotator& an, const FontSet& fonts, const Span& span, LabelRole role) {
    section_heading(fonts.ui_bold, "Links");
    const std::vector<Id> relations = an.model().relations_of(span.id);
    if (relations.empty()) muted_text(role == LabelRole::Claim ? "None yet." : "No claim links to this yet.");
    const ImGuiStyle& style = ImGui::GetStyle();
    const float buttons_w = ImGui::CalcTextSize("Go").x + ImGui::CalcTextSize("\xC3\x97").x +
                            style.FramePadding.x * 4 + style.ItemSpacing.x * 2;
    Id go = kNoId, remove = kNoId;
    for (Id rid : relations) {
        const Relation* r = an.model().relation(rid);
        if (!r) continue;
        const bool outgoing = r->from == span.id;
        const Span* other = an.model().span(outgoing ? r->to : r->from);
        if (!other) continue;
        const Label* l = an.model().label(other->label);
        std::string text = std::string(Annotator::relation_phrase(r->type, outgoing)) + " \xE2\x80\x9C" +
                           one_line(an.span_text(*other, 200), 40) + "\xE2\x80\x9D (" + (l ? l->name : "?");
        if (other->doc != span.doc) {
            const Document* d = an.doc_of(*other);
            text += ", " + (d ? d->meta.title : other->doc);
        }
        text += ")";
        ImGui::PushID(static_cast<int>(rid));
        const float x0 = ImGui::GetCursorPosX();
        const float avail = ImGui::GetContentRegionAvail().x;
        ImGui::PushTextWrapPos(x0 + std::max(40.0f, avail - buttons_w));
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::SameLine(x0 + std::max(40.0f, avail - buttons_w) + style.ItemSpacing.x);
        if (ImGui::SmallButton("Go")) go = other->id;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Select it and show it in its article");
        ImGui::SameLine();
        if (remove_button("remove", "Remove this link")) remove = rid;
        ImGui::PopID();
    }
    if (role == LabelRole::Claim && ImGui::Button("Link\xE2\x80\xA6 (L)")) an.start_link();
    if (role == LabelRole::Claim && ImGui::IsItemHovered())
        ImGui::SetTooltip("Then click a speaker, source or claim; Esc cancels.");
    if (remove != kNoId) an.editor().delete_relation(remove);
    if (go != kNoId) an.jump_to(go);
}

void draw_attributes(Annotator& an, const FontSet& fonts, const Span& span, LabelRole role) {
    InspectorState& st = state();
    section_heading(fonts.ui_bold, "Attributes");
    if (role == LabelRole::Claim) {
        const auto it = span.attributes.find("quote");
        const std::string current = it == span.attributes.end() ? std::string() : it->second;
        const std::pair<const char*, const char*> choices[] = {
            {"direct", "direct"}, {"indirect", "indirect"}, {"mixed", "mixed"}, {"", "not set"}};
        const ImGuiStyle& style = ImGui::GetStyle();
        Flow flow;
        flow.next(ImGui::CalcTextSize("Quote").x);
        ImGui::AlignTextToFramePadding();
        muted_text("Quote");
        for (const auto& [value, text] : choices) {
            flow.next(ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(text).x);
            if (ImGui::RadioButton(text, current == value) && current != value)
                an.editor().set_attribute(span.id, "quote", value);
        }
        draw_claim_date(an, span);
    }
    std::string remove;
    for (const auto& [key, value] : span.attributes) {
        if (role == LabelRole::Claim && (key == "quote" || key == "date")) continue;  // their own fields
        ImGui::PushID(key.c_str());
        ImGui::AlignTextToFramePadding();
        muted_text(key);
        ImGui::SameLine();
        ImGui::TextUnformatted(value.c_str());
        ImGui::SameLine();
        if (remove_button("remove", "Remove this attribute")) remove = key;
        ImGui::PopID();
    }
    if (!remove.empty()) an.editor().set_attribute(span.id, remove, "");

    const ImGuiStyle& style = ImGui::GetStyle();
    const float add_w = ImGui::CalcTextSize("Add").x + style.FramePadding.x * 2;
    const float field_w = (ImGui::GetContentRegionAvail().x - add_w - style.ItemSpacing.x * 2) * 0.5f;
    ImGui::SetNextItemWidth(field_w);
    bool add = input_text_with_hint("##key", "key", st.new_key, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field_w);
    add |= input_text_with_hint("##value", "value", st.new_value, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    const bool ready = !st.new_key.empty() && !st.new_value.empty();
    ImGui::BeginDisabled(!ready);
    add |= ImGui::Button("Add");
    ImGui::EndDisabled();
    if (add && ready && an.editor().set_attribute(span.id, st.new_key, st.new_value)) {
        st.new_key.clear();
        st.new_value.clear();
    }
}

void draw_note(Annotator& an, const FontSet& fonts, const Span& span) {
    section_heading(fonts.ui_bold, "Note");
    if (an.focus_inspector) {
        ImGui::SetKeyboardFocusHere();
        an.focus_inspector = false;
    }
    const float h = ImGui::GetTextLineHeight() * 4 + ImGui::GetStyle().FramePadding.y * 2;
    state().note.draw(
        span.id, span.note,
        [h](std::string& t) {
            return input_text_multiline("##note", t, ImVec2(-FLT_MIN, h), ImGuiInputTextFlags_CtrlEnterForNewLine);
        },
        commit_note(an));
    if (state().note.editing()) muted_text("Enter keeps the note; Ctrl+Enter starts a new line.");
}

}  // namespace

void draw_inspector(Annotator& an, const FontSet& fonts) {
    InspectorState& st = state();
    const Span* selected = an.selected_span();
    if (!selected || selected->id != st.span) {
        // The reader moved on: keep what they typed for the annotation they left.
        st.note.flush(commit_note(an));
        st.external_id.flush(commit_external_id(an));
        flush_claim_fields(an);
        st.span = selected ? selected->id : kNoId;
    }
    if (!selected) {
        an.focus_inspector = an.focus_entity_field = false;
        muted_text_wrapped("Select text and press 1\xE2\x80\x93" "9, or click an annotation.");
        return;
    }
    const Span span = *selected;  // a copy: edits below may change or erase the original
    const Label* label = an.model().label(span.label);
    const LabelRole role = label ? label->role : LabelRole::Other;

    ImGui::PushID(static_cast<int>(span.id));
    draw_label_row(an, span);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(("\xE2\x80\x9C" + an.span_text(span, 2000) + "\xE2\x80\x9D").c_str());
    ImGui::PopTextWrapPos();
    const Document* doc = an.doc_of(span);
    muted_text_wrapped(doc ? doc->meta.title : "Article \xE2\x80\x9C" + span.doc + "\xE2\x80\x9D is not in the corpus");
    draw_ranges(an, span);

    if (role == LabelRole::Speaker || role == LabelRole::Source) draw_entity(an, fonts, span);
    else an.focus_entity_field = false;
    draw_relations(an, fonts, span, role);
    if (role == LabelRole::Claim) draw_claim_cluster(an, fonts, span);
    draw_attributes(an, fonts, span, role);
    draw_note(an, fonts, span);

    ImGui::Spacing();
    std::string times = "Created " + format_time(span.created);
    if (span.modified > span.created) times += "  \xE2\x80\xA2  modified " + format_time(span.modified);
    if (span.created > 0) muted_text(times);
    ImGui::Spacing();
    if (ImGui::Button("Delete annotation")) an.delete_selected();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Delete or Backspace; also removes its links. Undo brings it back.");
    ImGui::PopID();
}

}  // namespace cm::ui
