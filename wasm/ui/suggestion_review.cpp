#include "ui/suggestion_review.h"

#include <imgui_internal.h>  // FindWindowByName: last frame's size of the panel

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>

#include "core/editor.h"
#include "ui/annotator.h"
#include "ui/dash_lines.h"
#include "ui/item_rects.h"
#include "ui/reading_view.h"
#include "ui/span_painter.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace cm::ui {

namespace {

bool shortcut_down(const ImGuiIO& io) { return io.ConfigMacOSXBehaviors ? io.KeySuper : io.KeyCtrl; }
bool key_pressed(ImGuiKey key, bool repeat = false) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), repeat); }

std::string fold(const std::string& s) {
    std::string out = s;
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The project's first label of a role (the one its hotkey order puts first).
const Label* label_for(const Annotations& a, LabelRole role) {
    for (const Label& l : a.labels)
        if (l.role == role) return &l;
    return nullptr;
}

const char* role_plural(LabelRole r) {
    switch (r) {
        case LabelRole::Claim: return "Claims";
        case LabelRole::Speaker: return "Speakers";
        case LabelRole::Source: return "Sources";
        default: return "annotations";
    }
}

bool overlaps(const std::vector<Range>& a, const std::vector<Range>& b) {
    for (const Range& x : a)
        for (const Range& y : b)
            if (x.start < y.end && y.start < x.end) return true;
    return false;
}

// An existing entity named (or aliased) `name`, case-insensitively; kNoId if none.
Id entity_named(const Annotations& a, const std::string& name) {
    if (name.empty()) return kNoId;
    const std::string key = fold(name);
    for (const auto& [id, e] : a.entities) {
        if (fold(e.name) == key) return id;
        for (const std::string& alias : e.aliases)
            if (fold(alias) == key) return id;
    }
    return kNoId;
}

std::string two_decimals(double confidence) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", confidence);
    return buf;
}

}  // namespace

// --- state ---------------------------------------------------------------------

const Suggestion* SuggestionReview::current() const {
    return active_ && current_ < all_.spans.size() && status_[current_] == Status::Open ? &all_.spans[current_] : nullptr;
}

int SuggestionReview::position() const {
    if (!current()) return -1;
    int n = 0;
    for (size_t i = 0; i < current_; ++i) n += status_[i] == Status::Open;
    return n;
}

size_t SuggestionReview::open_count() const {
    return static_cast<size_t>(std::count(status_.begin(), status_.end(), Status::Open));
}

size_t SuggestionReview::open_count(LabelRole role) const {
    size_t n = 0;
    for (size_t i = 0; i < all_.spans.size(); ++i) n += status_[i] == Status::Open && all_.spans[i].role == role;
    return n;
}

size_t SuggestionReview::total() const { return static_cast<size_t>(std::count(offered_.begin(), offered_.end(), true)); }

size_t SuggestionReview::accepted() const {
    size_t n = 0;
    for (size_t i = 0; i < status_.size(); ++i) n += offered_[i] && status_[i] == Status::Present;
    return n;
}

size_t SuggestionReview::rejected() const {
    return static_cast<size_t>(std::count(status_.begin(), status_.end(), Status::Rejected));
}

SuggestionReview::DocSpans SuggestionReview::doc_spans(const Annotations& a) const {
    DocSpans d;
    d.spans = a.spans_in(doc_id_);
    for (const Span* sp : d.spans) d.longest = std::max(d.longest, sp->end() - sp->start());
    return d;
}

Id SuggestionReview::realized(const Annotations& a, const DocSpans& d, size_t i) const {
    const Suggestion& s = all_.spans[i];
    // Only spans starting within the longest span's length before it can reach it.
    const uint32_t from = s.start() > d.longest ? s.start() - d.longest : 0;
    auto it = std::lower_bound(d.spans.begin(), d.spans.end(), from, [](const Span* sp, uint32_t v) { return sp->start() < v; });
    for (; it != d.spans.end(); ++it) {
        const Span* sp = *it;
        if (sp->start() >= s.end()) break;  // by start: none further can overlap
        if (sp->end() <= s.start()) continue;
        const Label* l = a.label(sp->label);
        if (l && l->role == s.role && overlaps(sp->ranges, s.ranges)) return sp->id;
    }
    return kNoId;
}

void SuggestionReview::refresh_status(const Annotations& a, std::vector<size_t>* returned) {
    const DocSpans spans = doc_spans(a);
    for (size_t i = 0; i < all_.spans.size(); ++i) {
        if (status_[i] == Status::Unlabelled) continue;
        if (realized(a, spans, i) != kNoId) {
            status_[i] = Status::Present;
        } else if (status_[i] == Status::Present) {
            status_[i] = Status::Open;  // its annotation was undone or deleted: offer it again
            if (returned) returned->push_back(i);
        }
    }
}

void SuggestionReview::start(Annotator& an) {
    const Document* d = an.document();
    if (!d) {
        an.flash("Open an article first: suggestions are made for the article in view.");
        return;
    }
    if (an.refuse_if_read_only()) return;
    SuggestOptions o;
    o.known = &an.model();  // names and aliases of the cast; the article's zones
    o.doc = d->meta.id;
    all_ = suggest(d->text, o);
    doc_id_ = d->meta.id;
    status_.assign(all_.spans.size(), Status::Open);
    for (size_t i = 0; i < all_.spans.size(); ++i)
        if (!label_for(an.model(), all_.spans[i].role)) status_[i] = Status::Unlabelled;
    refresh_status(an.model(), nullptr);
    offered_.assign(all_.spans.size(), false);
    for (size_t i = 0; i < all_.spans.size(); ++i) offered_[i] = status_[i] == Status::Open;
    decisions_.clear();
    revision_ = an.editor().revision();
    current_ = SIZE_MAX;
    panel_rect_ = ImVec4(0, 0, 0, 0);
    const size_t open = open_count();
    const size_t known = static_cast<size_t>(std::count(status_.begin(), status_.end(), Status::Present));
    const std::string already = known ? " (" + std::to_string(known) + " already annotated " + (known == 1 ? "is" : "are") + " left out)" : "";
    if (open == 0) {
        active_ = false;
        an.flash(all_.spans.empty() ? "No attributions found to suggest in this article."
                                    : "Nothing new to suggest: every suggestion is annotated already" + already + ".");
        return;
    }
    active_ = true;
    if (an.linking() || an.claim_link_pending()) an.cancel_link();
    an.select(kNoId);
    move_on(an, SIZE_MAX, +1, false);
    an.flash(std::to_string(open) + (open == 1 ? " suggestion" : " suggestions") + already +
             ". Enter accepts, Backspace rejects, Tab skips, Esc ends.");
}

void SuggestionReview::finish(Annotator& an) {
    if (!active_) return;
    active_ = false;
    panel_rect_ = ImVec4(0, 0, 0, 0);
    const size_t open = open_count();
    an.flash("Suggestions closed: " + std::to_string(accepted()) + " accepted, " + std::to_string(rejected()) + " rejected" +
             (open ? ", " + std::to_string(open) + " left undecided (S suggests again)." : "."));
}

void SuggestionReview::sync(Annotator& an) {
    if (!active_) return;
    const Document* d = an.document();
    if (!d || d->meta.id != doc_id_) {
        active_ = false;
        panel_rect_ = ImVec4(0, 0, 0, 0);
        an.flash("Suggestions closed: another article is open (S suggests for this one).");
        return;
    }
    if (an.editor().revision() == revision_) return;
    revision_ = an.editor().revision();
    std::vector<size_t> returned;
    refresh_status(an.model(), &returned);
    if (!returned.empty()) {  // an undo: what came back is current again
        current_ = returned.front();
        reveal_current(an);
    } else if (current_ >= status_.size() || status_[current_] != Status::Open) {
        move_on(an, current_, +1, false);
    }
}

void SuggestionReview::move_on(Annotator& an, size_t from, int direction, bool include_from) {
    const size_t n = all_.spans.size();
    if (n == 0) {
        current_ = SIZE_MAX;
        return;
    }
    // From `from` (or before the first / after the last when there is none), cyclically.
    size_t at = from < n ? from : (direction > 0 ? n - 1 : 0);
    if (from >= n) include_from = false;
    for (size_t k = include_from ? 0 : 1; k <= n; ++k) {
        const size_t i = direction > 0 ? (at + k) % n : (at + n - k % n) % n;
        if (status_[i] == Status::Open) {
            const bool changed = i != current_;
            current_ = i;
            if (changed) reveal_current(an);
            return;
        }
    }
    current_ = SIZE_MAX;
}

void SuggestionReview::reveal_current(Annotator& an) {
    // With a few lines after it, so it is not left under the panel at the
    // bottom of the view (the view scrolls only when the range is not all in view).
    const Suggestion* s = current();
    const Document* d = an.document();
    if (s && d) an.reveal(s->start(), std::min<uint32_t>(static_cast<uint32_t>(d->text.size()), s->end() + 360));
}

void SuggestionReview::go_to(Annotator& an, size_t i) {
    if (!active_ || i >= all_.spans.size() || status_[i] != Status::Open) return;
    current_ = i;
    reveal_current(an);
}

bool SuggestionReview::click_at(Annotator&, size_t cp) {
    if (!active_) return false;
    size_t best = SIZE_MAX;
    uint32_t best_len = UINT32_MAX;
    for (size_t i = 0; i < all_.spans.size(); ++i) {
        const Suggestion& s = all_.spans[i];
        if (s.start() > cp) break;
        if (status_[i] != Status::Open) continue;
        for (const Range& r : s.ranges)
            if (r.start <= cp && cp < r.end && s.end() - s.start() < best_len) {
                best = i;
                best_len = s.end() - s.start();
            }
    }
    if (best == SIZE_MAX) return false;
    current_ = best;  // in view already: no scrolling
    return true;
}

// --- decisions -----------------------------------------------------------------

SuggestionReview::Added SuggestionReview::add(Annotator& an, const std::vector<size_t>& items, const std::string& name) {
    const Document* d = an.document();
    if (!d || d->meta.id != doc_id_) return {};
    // The whole change as one undoable step: replace_all checks every
    // invariant and changes nothing if it is refused.
    Annotations next = an.model();
    const double now = an.editor().now();
    std::set<size_t> batch;
    Added added;
    for (const size_t i : items) {
        if (i >= all_.spans.size() || status_[i] != Status::Open) continue;
        const Suggestion& s = all_.spans[i];
        const Label* label = label_for(next, s.role);
        if (!label) continue;
        Span span;
        span.doc = doc_id_;
        span.label = label->id;
        span.ranges = normalise_ranges(s.ranges, d->text.size());
        if (span.ranges.empty()) continue;
        if (can_have_entity(s.role)) {
            // The suggester's entity when it is in the project; else one named
            // like its name or the mention's text; else a new one (if it has a name).
            std::string text;
            for (const Range& r : span.ranges) text += (text.empty() ? "" : " ") + std::string(d->text.slice(r.start, r.end));
            Id e = s.entity_id != kNoId && next.entity(s.entity_id) ? s.entity_id : entity_named(next, s.entity);
            if (e == kNoId) e = entity_named(next, text);
            if (e == kNoId && !s.entity.empty()) {
                e = next.next_id++;
                next.entities[e] = Entity{e, s.entity, s.role == LabelRole::Source ? EntityKind::Outlet : EntityKind::Person, {}, {}};
            }
            span.entity = e;
        }
        span.id = next.next_id++;
        span.created = span.modified = now;
        next.spans[span.id] = span;
        batch.insert(i);
        ++added.spans;
    }
    if (batch.empty()) return {};
    // The suggested links with an end in this batch, when the other end is
    // accepted or annotated; a claim keeps one link of each type.
    const DocSpans spans = doc_spans(next);
    for (const SuggestedLink& link : all_.links) {
        if (!batch.count(link.from) && !batch.count(link.to)) continue;
        if (link.from >= all_.spans.size() || link.to >= all_.spans.size()) continue;
        const Id from = realized(next, spans, link.from), to = realized(next, spans, link.to);
        const Span* f = next.span(from);
        const Span* t = next.span(to);
        if (!f || !t || from == to) continue;
        const Label* fl = next.label(f->label);
        const Label* tl = next.label(t->label);
        if (!fl || !tl || !relation_fits(link.type, fl->role, tl->role)) continue;
        bool has = false;
        for (const Id r : next.relations_of(from)) {
            const Relation* rel = next.relation(r);
            has = has || (rel && rel->from == from && rel->type == link.type);
        }
        if (has) continue;
        const Id id = next.next_id++;
        next.relations[id] = Relation{id, link.type, from, to};
        ++added.links;
    }
    if (!an.editor().replace_all(std::move(next), name)) {
        an.flash("Could not add the suggestion: it does not fit the annotations (nothing was changed).");
        return {};
    }
    return added;
}

void SuggestionReview::accept(Annotator& an) {
    if (!active_ || an.refuse_if_read_only()) return;
    const Suggestion* s = current();
    if (!s) {
        an.flash("No suggestion left to accept. Esc ends the review.");
        return;
    }
    const size_t i = current_;
    const Label* l = label_for(an.model(), s->role);
    const std::string what = describe(an, i);
    const std::string links = links_text(an, i);
    const Added added = add(an, {i}, "Accept suggested " + (l ? l->name : std::string("annotation")));
    if (!added.spans) return;
    decisions_.push_back(Decision{false, {i}});
    an.flash("Accepted " + what + (added.links ? " (" + std::to_string(added.links) + (added.links == 1 ? " link)" : " links)") : std::string()) +
             ". Ctrl+Z takes it back.");
    sync(an);  // moves on to the next one
}

void SuggestionReview::reject(Annotator& an) {
    if (!active_) return;
    if (!current()) {
        an.flash("No suggestion left to reject. Esc ends the review.");
        return;
    }
    const size_t i = current_;
    status_[i] = Status::Rejected;
    decisions_.push_back(Decision{true, {i}});
    an.flash("Rejected " + describe(an, i) + ". Ctrl+Z brings it back.");
    move_on(an, i, +1, false);
}

void SuggestionReview::skip(Annotator& an, int direction) {
    if (!active_) return;
    if (open_count() <= 1) {
        an.flash(open_count() ? "This is the only suggestion left." : "No suggestions left. Esc ends the review.");
        return;
    }
    move_on(an, current_, direction, false);
}

void SuggestionReview::accept_all(Annotator& an, LabelRole role) {
    if (!active_ || an.refuse_if_read_only()) return;
    std::vector<size_t> items;
    for (size_t i = 0; i < all_.spans.size(); ++i)
        if (status_[i] == Status::Open && all_.spans[i].role == role) items.push_back(i);
    if (items.empty()) {
        an.flash(std::string("No ") + role_plural(role) + " left to accept.");
        return;
    }
    const Added added = add(an, items, std::string("Accept all suggested ") + role_plural(role));
    if (!added.spans) return;
    decisions_.push_back(Decision{false, items});
    const Label* l = label_for(an.model(), role);
    const std::string name = added.spans == 1 && l ? l->name : role_plural(role);
    an.flash("Accepted " + std::to_string(added.spans) + " " + name +
             (added.links ? " and " + std::to_string(added.links) + (added.links == 1 ? " link" : " links") : std::string()) +
             " as one step. Ctrl+Z takes them all back.");
    sync(an);
}

bool SuggestionReview::undo_last_reject(Annotator& an) {
    // Accepts that an undo has taken back already are behind us.
    while (!decisions_.empty() && !decisions_.back().reject) {
        bool still = false;
        for (const size_t i : decisions_.back().items) still = still || status_[i] == Status::Present;
        if (still) return false;  // the editor undoes it
        decisions_.pop_back();
    }
    if (decisions_.empty()) return false;
    const size_t i = decisions_.back().items.front();
    decisions_.pop_back();
    if (status_[i] != Status::Rejected) return false;
    status_[i] = Status::Open;
    current_ = i;
    reveal_current(an);
    an.flash("Undone: the rejection of " + describe(an, i) + ".");
    return true;
}

// --- keys ----------------------------------------------------------------------

bool SuggestionReview::handle_keys(Annotator& an) {
    sync(an);
    if (!active_) return false;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return false;
    if (shortcut_down(io)) {
        // Ctrl+Z takes back the last decision: a rejection here, an accept in the editor.
        if (key_pressed(ImGuiKey_Z, true) && !io.KeyShift) return undo_last_reject(an);
        return false;
    }
    if (io.KeyAlt || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return false;
    if (an.linking() || an.claim_link_pending()) return false;  // a link being made has the keys
    if (key_pressed(ImGuiKey_Escape)) {
        if (an.show_help) return false;  // Esc closes the help first
        finish(an);
        return true;
    }
    if (key_pressed(ImGuiKey_Enter) || key_pressed(ImGuiKey_KeyPadEnter)) {
        accept(an);
        return true;
    }
    if (key_pressed(ImGuiKey_Backspace)) {  // (Delete still deletes a selected annotation)
        reject(an);
        return true;
    }
    if (key_pressed(ImGuiKey_Tab, true)) {
        skip(an, io.KeyShift ? -1 : +1);
        return true;
    }
    if (key_pressed(ImGuiKey_RightArrow, true) || key_pressed(ImGuiKey_LeftArrow, true)) {
        skip(an, key_pressed(ImGuiKey_RightArrow, true) ? +1 : -1);
        return true;
    }
    return false;
}

// --- words ---------------------------------------------------------------------

std::string SuggestionReview::describe(const Annotator& an, size_t i) const {
    const Suggestion& s = all_.spans[i];
    const Label* l = label_for(an.model(), s.role);
    std::string text;
    const Document* d = an.document();
    for (size_t k = 0; d && k < s.ranges.size(); ++k) {
        if (k) text += " \xE2\x80\xA6 ";  // …
        text += d->text.slice(s.ranges[k].start, s.ranges[k].end);
    }
    return (l ? l->name : std::string(to_string(s.role))) + " \xE2\x80\x9C" + Annotator::clip_utf8(text, 70) + "\xE2\x80\x9D";
}

// "said by Ren Zhengfei, reported by AllThingsD" for a claim; "Ren Zhengfei
// (in the cast) · says 2 claims" for a speaker or source.
std::string SuggestionReview::links_text(const Annotator& an, size_t i) const {
    const Suggestion& s = all_.spans[i];
    const Document* d = an.document();
    auto who = [&](size_t k) {
        const Suggestion& t = all_.spans[k];
        if (!t.entity.empty()) return t.entity;
        return d ? Annotator::clip_utf8(std::string(d->text.slice(t.start(), t.ranges.front().end)), 40) : std::string();
    };
    std::string out;
    if (s.role == LabelRole::Claim) {
        for (const SuggestedLink& link : all_.links)
            if (link.from == i && link.to < all_.spans.size() && status_[link.to] != Status::Rejected)
                out += (out.empty() ? "" : ", ") + std::string(Annotator::relation_phrase(link.type, true)) + " " + who(link.to);
        return out;
    }
    if (!s.entity.empty()) {
        const bool known = (s.entity_id != kNoId && an.model().entity(s.entity_id)) || entity_named(an.model(), s.entity) != kNoId;
        out = "\xE2\x86\x92 " + s.entity + (known ? " (in the cast)" : " (a new entity)");
    }
    size_t claims = 0;
    for (const SuggestedLink& link : all_.links) claims += link.to == i;
    if (claims) out += (out.empty() ? "" : "  \xC2\xB7  ") + std::string(s.role == LabelRole::Source ? "reports " : "says ") +
                       std::to_string(claims) + (claims == 1 ? " claim" : " claims");
    return out;
}

// --- drawing -------------------------------------------------------------------

void SuggestionReview::draw_outlines(ImDrawList* dl, const TextGeometry& g, Annotator& an) {
    sync(an);
    if (!active_ || !g.layout) return;
    const Annotations& m = an.model();
    const size_t vb = g.visible_begin(), ve = g.visible_end();
    auto draw = [&](size_t i, bool cur) {
        const Suggestion& s = all_.spans[i];
        const Label* l = label_for(m, s.role);
        const ImU32 col = ink_color(l ? l->color : 0x808080, 1.0f);
        const float thick = cur ? 2.0f : 1.0f;
        const Dash pattern = cur ? dash::kDashed : dash::kFrame;
        for (const Range& r : s.ranges) {
            g.rects(r.start, r.end, rects_);
            for (const LayoutRect& q : rects_) {
                if (q.y1 < g.view_top || q.y0 > g.view_bottom) continue;
                // Whole pixels, around the glyphs and the first underline row.
                const float x0 = std::floor(q.x0) - 1 - thick, x1 = std::ceil(q.x1) + 1 + thick;
                const float y0 = std::floor(q.y0 + g.glyph_top) - 2, y1 = y0 + std::round(g.font_size) + 7;
                dashed_box(dl, ImVec2(x0, y0), ImVec2(x1, y1), thick, pattern, col);
            }
        }
        if (cur && !s.ranges.empty()) {  // a marker in the margin beside its first line
            g.rects(s.ranges.front().start, s.ranges.front().end, rects_);
            if (!rects_.empty()) {
                const float y = std::floor(rects_.front().y0 + g.glyph_top + g.font_size * 0.5f);
                const float x = std::floor(g.origin.x) - 22;
                dl->AddTriangleFilled(ImVec2(x, y - 6), ImVec2(x + 8, y), ImVec2(x, y + 6), col);
            }
        }
    };
    for (size_t i = 0; i < all_.spans.size(); ++i) {
        const Suggestion& s = all_.spans[i];
        if (s.start() > ve) break;
        if (s.end() < vb || status_[i] != Status::Open || i == current_) continue;
        draw(i, false);
    }
    if (current()) draw(current_, true);  // on top
}

void SuggestionReview::draw_panel(Annotator& an, const ReadingView& view, ImVec2 view_min, ImVec2 view_max) {
    if (!active_) {
        panel_rect_ = ImVec4(0, 0, 0, 0);
        return;
    }
    const char* id = "##suggestions";
    const float width = std::floor(std::min(560.0f, view_max.x - view_min.x - 16));
    const ImGuiWindow* w = ImGui::FindWindowByName(id);
    const float height = w ? w->Size.y : 170;
    // At the bottom of the view (the current one is revealed above it), else
    // at the top, else just below or above the current one: never over it.
    const Suggestion* s = current();
    const std::vector<LayoutRect> rects = s ? view.screen_rects(s->start(), s->end()) : std::vector<LayoutRect>{};
    auto covers = [&](float y) {
        for (const LayoutRect& r : rects)
            if (r.y1 + 4 > y && r.y0 - 4 < y + height) return true;
        return false;
    };
    ImVec2 p(view_min.x + (view_max.x - view_min.x - width) * 0.5f, view_max.y - height - 8);
    if (covers(p.y)) {
        const float top = view_min.y + 8, below = rects.back().y1 + 10, above = rects.front().y0 - 10 - height;
        if (!covers(top)) p.y = top;
        else if (below + height <= view_max.y - 4) p.y = below;
        else if (above >= view_min.y + 4) p.y = above;
    }
    p.x = std::clamp(p.x, view_min.x + 8, std::max(view_min.x + 8, view_max.x - width - 8));
    p.y = std::clamp(p.y, view_min.y + 4, std::max(view_min.y + 4, view_max.y - height - 4));
    ImGui::SetNextWindowPos(ImVec2(std::floor(p.x), std::floor(p.y)));
    ImGui::SetNextWindowSize(ImVec2(width, 0));  // its height follows the content
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 10));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 6);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1);
    ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    bg.w = 1.0f;  // opaque: the article must not show through the words
    ImGui::PushStyleColor(ImGuiCol_WindowBg, bg);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove;
    ImGui::Begin(id, nullptr, flags);
    ImGui::PushFont(ImGui::GetIO().FontDefault);  // the UI font, not the article's
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    panel_rect_ = ImVec4(wp.x, wp.y, ws.x, ws.y);

    const size_t open = open_count();
    if (s) ImGui::Text("Suggestion %d of %zu", position() + 1, open);
    else ImGui::TextUnformatted("No suggestions left to review.");
    ImGui::SameLine();
    muted_text("  " + std::to_string(accepted()) + " accepted, " + std::to_string(rejected()) + " rejected");
    if (s) {
        if (const Label* l = label_for(an.model(), s->role)) {
            color_swatch(l->color);
            ImGui::SameLine();
        }
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(describe(an, current_).c_str());
        const std::string links = links_text(an, current_);
        if (!links.empty()) ImGui::TextUnformatted(links.c_str());
        ImGui::PopTextWrapPos();
        muted_text_wrapped("Why: " + s->why + "  \xC2\xB7  confidence " + two_decimals(s->confidence));
        ImGui::Spacing();
        if (ImGui::Button("Accept (Enter)")) accept(an);
        remember_item("suggest:accept");
        ImGui::SameLine();
        if (ImGui::Button("Reject (Backspace)")) reject(an);
        remember_item("suggest:reject");
        ImGui::SameLine();
        if (ImGui::Button("Skip (Tab)")) skip(an, +1);
        remember_item("suggest:skip");
        ImGui::SameLine();
        if (ImGui::Button("Back")) skip(an, -1);
        remember_item("suggest:back");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("The previous suggestion (Shift+Tab or \xE2\x86\x90)");
    } else {
        muted_text_wrapped("Ctrl+Z brings back the last one decided; Esc ends the review.");
    }
    ImGui::Separator();
    const LabelRole roles[] = {LabelRole::Claim, LabelRole::Speaker, LabelRole::Source};
    for (size_t k = 0; k < 3; ++k) {
        const size_t n = open_count(roles[k]);
        const Label* l = label_for(an.model(), roles[k]);
        const std::string text = "Accept all " + std::to_string(n) + " " +
                                 (n == 1 && l ? l->name : std::string(role_plural(roles[k])));
        if (k) ImGui::SameLine();
        ImGui::BeginDisabled(n == 0);
        if (ImGui::Button(text.c_str())) accept_all(an, roles[k]);
        ImGui::EndDisabled();
        remember_item(std::string("suggest:accept-all:") + to_string(roles[k]));
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("Accept every open %s suggestion, with their links, as one undo step", to_string(roles[k]));
    }
    const char* done = "Done (Esc)";
    const float done_w = ImGui::CalcTextSize(done).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine();
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - done_w));
    if (ImGui::Button(done)) finish(an);
    remember_item("suggest:done");
    ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(3);
}

}  // namespace cm::ui
