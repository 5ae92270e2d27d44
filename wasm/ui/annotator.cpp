#include "ui/annotator.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>

#include "core/text_boundaries.h"
#include "platform/platform.h"

namespace cm::ui {

namespace {

bool shortcut_down(const ImGuiIO& io) { return io.ConfigMacOSXBehaviors ? io.KeySuper : io.KeyCtrl; }
bool key_pressed(ImGuiKey key, bool repeat = false) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), repeat); }

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Which relation a claim → target link makes, from the target's role.
std::optional<RelationType> relation_for(LabelRole target) {
    switch (target) {
        case LabelRole::Speaker: return RelationType::SaidBy;
        case LabelRole::Source: return RelationType::ReportedBy;
        default: return std::nullopt;
    }
}

}  // namespace

void Annotator::set_document(const Document* doc) {
    if (doc == doc_) return;
    doc_ = doc;
    text_begin_ = text_end_ = 0;
    last_click_cp_ = SIZE_MAX;  // a pending link survives: its other end may be in this article
    // Otherwise an annotation left selected in the article the reader left
    // would stay in the inspector, and Delete would remove what is not on screen.
    const Span* s = model().span(selected_);
    if (!linking_ && s && (!doc || s->doc != doc->meta.id)) selected_ = kNoId;
}

void Annotator::select(Id span) {
    selected_ = model().span(span) ? span : kNoId;
    last_click_cp_ = SIZE_MAX;
}

void Annotator::jump_to(Id span) {
    const Span* s = model().span(span);
    if (!s) return;
    if (!linking_) select(span);
    else link_candidate_ = span;
    jump_ = Jump{s->doc, s->start(), s->end()};
}

void Annotator::reveal(uint32_t start, uint32_t end) {
    if (doc_) jump_ = Jump{doc_->meta.id, start, end};
}

std::optional<Annotator::Jump> Annotator::take_jump() {
    auto j = std::move(jump_);
    jump_.reset();
    return j;
}

const Document* Annotator::doc_of(const Span& s) const { return corpus_.find(s.doc); }

std::string Annotator::span_text(const Span& s, size_t max_chars) const {
    const Document* d = doc_of(s);
    if (!d) return {};
    std::string out;
    for (size_t i = 0; i < s.ranges.size(); ++i) {
        if (i) out += " \xE2\x80\xA6 ";  // …
        out += d->text.slice(s.ranges[i].start, s.ranges[i].end);
    }
    return max_chars ? clip_utf8(out, max_chars) : out;
}

std::string Annotator::clip_utf8(const std::string& s, size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // keep characters whole
    return s.substr(0, cut) + "\xE2\x80\xA6";
}

std::string Annotator::describe(const Span& s) const {
    const Label* l = model().label(s.label);
    std::string out = (l ? l->name : std::string("?")) + " \xE2\x80\x9C" + span_text(s, 80) + "\xE2\x80\x9D";
    if (const Entity* e = model().entity(s.entity)) out += " \xE2\x86\x92 " + e->name;
    return out;
}

const char* Annotator::relation_phrase(RelationType t, bool outgoing) {
    switch (t) {
        case RelationType::SaidBy: return outgoing ? "said by" : "says";
        case RelationType::ReportedBy: return outgoing ? "reported by" : "reports";
        case RelationType::SameClaim: return "same claim as";
        case RelationType::Supports: return outgoing ? "supports" : "supported by";
        case RelationType::Contradicts: return outgoing ? "contradicts" : "contradicted by";
    }
    return "";
}

void Annotator::flash(std::string message) {
    message_ = std::move(message);
    message_time_ = platform::now_seconds();
}

// --- labelling ---------------------------------------------------------------

bool Annotator::refuse_if_read_only() {
    if (read_only) flash("This tab is read-only: ClaimMark is open in another tab, which saves the work.");
    return read_only;
}

Id Annotator::label_range(size_t begin, size_t end, Id label) {
    if (!doc_ || refuse_if_read_only()) return kNoId;
    const auto [b, e] = tidy_range(doc_->text.codepoints(), begin, end, snap_to_words);
    if (b >= e) {
        flash("Nothing to label: the selection is only spaces.");
        return kNoId;
    }
    SpanRequest r;
    r.doc = doc_->meta.id;
    r.label = label;
    r.ranges = {Range{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}};
    const Id id = editor_.add_span(r);
    if (id == kNoId) {
        flash("Could not label that selection.");
        return kNoId;
    }
    select(id);
    text_selection_consumed = true;
    if (const Label* l = model().label(label)) flash("Labelled as " + l->name + ".");
    return id;
}

void Annotator::apply_label_index(int index) {
    if (refuse_if_read_only()) return;
    const auto& labels = model().labels;
    if (index < 0 || index >= static_cast<int>(labels.size())) return;
    const Label& l = labels[static_cast<size_t>(index)];
    // A text selection wins: the reader has just marked new text.
    if (doc_ && has_text_selection()) {
        label_range(text_begin_, text_end_, l.id);
    } else if (const Span* s = selected_span()) {
        if (s->label == l.id) return;
        const size_t links = model().relations_of(s->id).size();
        if (editor_.relabel_span(s->id, l.id)) {
            const size_t kept = model().relations_of(s->id).size();
            flash("Relabelled as " + l.name + (kept < links ? " (links that no longer fit were removed)." : "."));
        }
    } else {
        flash("Select some text (or an annotation) first.");
    }
}

bool Annotator::add_range_to_selected() {
    if (refuse_if_read_only()) return false;
    const Span* s = selected_span();
    if (!s || !doc_ || s->doc != doc_->meta.id || !has_text_selection()) {
        flash("To add a part to an annotation: select the annotation, then select the other part and press A.");
        return false;
    }
    const auto [b, e] = tidy_range(doc_->text.codepoints(), text_begin_, text_end_, snap_to_words);
    if (b >= e) return false;
    std::vector<Range> ranges = s->ranges;
    ranges.push_back(Range{static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    if (!editor_.set_ranges(s->id, ranges)) return false;
    text_selection_consumed = true;
    const size_t n = model().span(selected_)->ranges.size();
    flash("The annotation now has " + std::to_string(n) + (n == 1 ? " part." : " parts."));
    return true;
}

void Annotator::delete_selected() {
    const Span* s = selected_span();
    if (!s || refuse_if_read_only()) return;
    const std::string what = describe(*s);
    if (editor_.delete_span(s->id)) {
        selected_ = kNoId;
        flash("Deleted " + what + ". Ctrl+Z brings it back.");
    }
}

std::vector<Id> Annotator::spans_at(size_t cp) const {
    std::vector<const Span*> hits;
    if (!doc_) return {};
    for (const Span* s : model().spans_in(doc_->meta.id)) {
        if (s->start() > cp) break;
        for (const Range& r : s->ranges)
            if (r.start <= cp && cp < r.end) {
                hits.push_back(s);
                break;
            }
    }
    std::stable_sort(hits.begin(), hits.end(), [](const Span* a, const Span* b) {
        return a->end() - a->start() < b->end() - b->start();
    });
    std::vector<Id> ids;
    for (const Span* s : hits) ids.push_back(s->id);
    return ids;
}

bool Annotator::click_at(size_t cp) {
    const std::vector<Id> here = spans_at(cp);
    if (here.empty()) return false;
    Id pick = here.front();
    // A repeated click on the same stack moves to the next span in it.
    const Id current = linking_ ? link_candidate_ : selected_;
    const auto it = std::find(here.begin(), here.end(), current);
    if (it != here.end() && last_click_cp_ != SIZE_MAX) {
        const std::vector<Id> prev = spans_at(last_click_cp_);
        if (std::find(prev.begin(), prev.end(), current) != prev.end()) pick = here[(size_t(it - here.begin()) + 1) % here.size()];
    }
    if (linking_) {
        complete_link(pick);
    } else {
        select(pick);
        last_click_cp_ = cp;
    }
    return true;
}

void Annotator::step(int direction) {
    if (!doc_) return;
    const std::vector<const Span*> spans = model().spans_in(doc_->meta.id);
    if (spans.empty()) {
        flash("No annotations in this article yet.");
        return;
    }
    const Id current = linking_ ? link_candidate_ : selected_;
    size_t i = 0;
    const auto it = std::find_if(spans.begin(), spans.end(), [&](const Span* s) { return s->id == current; });
    if (it == spans.end()) {
        i = direction > 0 ? 0 : spans.size() - 1;
    } else {
        const size_t at = static_cast<size_t>(it - spans.begin());
        i = (at + spans.size() + (direction > 0 ? 1 : spans.size() - 1)) % spans.size();
    }
    const Span* s = spans[i];
    if (linking_ && s->id == selected_ && spans.size() > 1) {  // never offer the claim itself
        i = (i + spans.size() + (direction > 0 ? 1 : spans.size() - 1)) % spans.size();
        s = spans[i];
    }
    jump_to(s->id);
}

// --- linking -----------------------------------------------------------------

void Annotator::start_link() {
    if (refuse_if_read_only()) return;
    const Span* s = selected_span();
    const Label* l = s ? model().label(s->label) : nullptr;
    if (!l || l->role != LabelRole::Claim) {
        flash("Select a claim first: links go from a claim to its speaker, source or another claim.");
        return;
    }
    linking_ = true;
    link_candidate_ = kNoId;
    claim_link_to_ = kNoId;
    flash("Link: click a speaker, source or claim (or N / P and Enter). Esc cancels.");
}

void Annotator::cancel_link() {
    if (linking_ || claim_link_to_) flash("Link cancelled.");
    linking_ = false;
    link_candidate_ = kNoId;
    claim_link_to_ = kNoId;
}

void Annotator::complete_link(Id target) {
    const Span* from = selected_span();
    const Span* to = model().span(target);
    if (!from || !to || target == selected_) return;
    const Label* tl = model().label(to->label);
    if (!tl) return;
    if (tl->role == LabelRole::Claim) {  // which claim-to-claim relation? ask
        linking_ = false;
        link_candidate_ = kNoId;
        claim_link_to_ = target;
        flash("Two claims: 1 same claim, 2 supports, 3 contradicts. Esc cancels.");
        return;
    }
    const auto type = relation_for(tl->role);
    if (!type) {
        flash("A claim links to a speaker, a source or another claim, not to a " + tl->name + ".");
        return;
    }
    linking_ = false;
    link_candidate_ = kNoId;
    if (editor_.add_relation(*type, from->id, to->id) != kNoId)
        flash(std::string("Linked: ") + relation_phrase(*type, true) + " " + describe(*to) + ".");
    else
        flash("That link exists already.");
}

void Annotator::finish_claim_link(RelationType type) {
    const Id to = claim_link_to_;
    claim_link_to_ = kNoId;
    const Span* other = model().span(to);
    if (!selected_span() || !other) return;
    if (editor_.add_relation(type, selected_, to) != kNoId)
        flash(std::string("Linked: ") + relation_phrase(type, true) + " " + describe(*other) + ".");
    else
        flash("That link exists already.");
}

// --- entities ----------------------------------------------------------------

std::vector<Id> Annotator::search_entities(const std::string& q, size_t max) const {
    const std::string needle = lower(q);
    struct Hit {
        int score;
        Id id;
        std::string name;
    };
    std::vector<Hit> hits;
    for (const auto& [id, e] : model().entities) {
        int best = -1;
        auto consider = [&](const std::string& name, int bonus) {
            const std::string n = lower(name);
            if (needle.empty()) best = std::max(best, bonus);
            else if (n == needle) best = std::max(best, 300 + bonus);
            else if (n.rfind(needle, 0) == 0) best = std::max(best, 200 + bonus);
            else if (n.find(" " + needle) != std::string::npos) best = std::max(best, 150 + bonus);
            else if (n.find(needle) != std::string::npos) best = std::max(best, 100 + bonus);
        };
        consider(e.name, 10);
        for (const std::string& a : e.aliases) consider(a, 0);
        if (best >= 0) hits.push_back({best, id, e.name});
    }
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        return a.score != b.score ? a.score > b.score : a.name < b.name;
    });
    std::vector<Id> out;
    for (size_t i = 0; i < hits.size() && i < max; ++i) out.push_back(hits[i].id);
    return out;
}

Id Annotator::link_or_create_entity(Id span, const std::string& name) {
    const Span* s = model().span(span);
    if (!s) return kNoId;
    std::string trimmed = name;
    while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) trimmed.pop_back();
    while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front()))) trimmed.erase(0, 1);
    if (trimmed.empty()) trimmed = span_text(*s);
    const std::vector<Id> hits = search_entities(trimmed, 1);
    if (!hits.empty()) {
        if (editor_.link_entity(span, hits.front())) flash("Linked to " + model().entity(hits.front())->name + ".");
        return hits.front();
    }
    const Label* l = model().label(s->label);
    const EntityKind kind = l && l->role == LabelRole::Source ? EntityKind::Outlet : EntityKind::Person;
    const Id id = editor_.create_entity_from(span, trimmed, kind);
    if (id != kNoId) flash("New entity: " + trimmed + ".");
    return id;
}

// --- keys --------------------------------------------------------------------

void Annotator::handle_keys(bool article_shown) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;  // a text field has the keyboard
    // Reviewing suggestions: Enter, Backspace, Tab, arrows, Esc and Ctrl+Z (after a reject) are its keys.
    if (article_shown && suggestions.active() && suggestions.handle_keys(*this)) return;
    if (shortcut_down(io)) {
        const bool edit = key_pressed(ImGuiKey_Z, true) || key_pressed(ImGuiKey_Y, true);
        if (edit && refuse_if_read_only()) return;
        if (key_pressed(ImGuiKey_Z, true) && io.KeyShift) {
            if (editor_.redo()) flash("Redone.");
        } else if (key_pressed(ImGuiKey_Z, true)) {
            const std::string name = editor_.undo_name();
            if (editor_.undo()) flash("Undone: " + name + ".");
        } else if (key_pressed(ImGuiKey_Y, true)) {
            if (editor_.redo()) flash("Redone.");
        }
        if (!model().span(selected_)) selected_ = kNoId;
        return;
    }
    if (io.KeyAlt || !article_shown) return;  // the other keys act on the article in view
    // A popup (zone menu, a confirm) owns the keyboard while it is open.
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;

    if (key_pressed(ImGuiKey_Escape)) {
        if (linking_ || claim_link_to_) cancel_link();
        else if (show_help) show_help = false;
        else if (selected_) select(kNoId);
        else text_selection_consumed = true;  // the workspace clears the text selection
        return;
    }
    if (key_pressed(ImGuiKey_Delete) || key_pressed(ImGuiKey_Backspace)) {
        if (!linking_) delete_selected();
        return;
    }
    if (key_pressed(ImGuiKey_Enter) || key_pressed(ImGuiKey_KeyPadEnter)) {
        if (linking_ && link_candidate_) complete_link(link_candidate_);
        else if (selected_) focus_inspector = true;
        return;
    }
    for (const ImWchar c : io.InputQueueCharacters) {
        if (claim_link_to_ && c >= '1' && c <= '3') {
            const RelationType types[] = {RelationType::SameClaim, RelationType::Supports, RelationType::Contradicts};
            finish_claim_link(types[c - '1']);
            continue;
        }
        if (c >= '1' && c <= '9') {
            if (!linking_) apply_label_index(c - '1');
            continue;
        }
        switch (c) {
            case 'n': case 'N': step(+1); break;
            case 'a': case 'A': add_range_to_selected(); break;
            case 'p': case 'P': step(-1); break;
            case 'l': case 'L': linking_ ? cancel_link() : start_link(); break;
            case 'i': case 'I': if (selected_) focus_inspector = true; break;
            case 'e': case 'E': {
                const Span* s = selected_span();
                const Label* l = s ? model().label(s->label) : nullptr;
                if (l && (l->role == LabelRole::Speaker || l->role == LabelRole::Source)) focus_entity_field = true;
                else flash("E names the entity of a selected speaker or source.");
                break;
            }
            case 's': case 'S': suggestions.start(*this); break;
            case 'w': case 'W':
                snap_to_words = !snap_to_words;
                flash(snap_to_words ? "Selections snap to whole words." : "Selections are used exactly as marked.");
                break;
            case 'z': case 'Z':
                if (has_text_selection()) open_zone_menu = true;
                else flash("Select the text of a zone first (e.g. triple-click the comments).");
                break;
            case '?': show_help = !show_help; break;
            default: break;
        }
    }
}

}  // namespace cm::ui
