// The Search tab (see search_panel.h).
#include "ui/search_panel.h"

#include <algorithm>
#include <cfloat>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "platform/platform.h"
#include "ui/item_rects.h"
#include "ui/side_panel.h"
#include "ui/text_marks.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace cm::ui {

namespace {

constexpr double kRegexPause = 0.25;  // seconds of no typing before a regex runs (each run can be slow)
const char* const kLayer = "search";

// One line of the list: an article's heading, or one of its hits.
struct Row {
    int hit = -1;       // index into the result's hits; -1 for a heading
    int doc_index = -1; // the article, in corpus order
    int count = 0;      // a heading: the article's hits
};

struct SearchState {
    std::string query;
    bool case_sensitive = false, whole_word = false, regex = false, include_notes = true, all_articles = true;

    // What the shown result was computed for.
    bool ran = false;
    std::string ran_query;
    SearchOptions ran_options;
    uint64_t ran_revision = 0;
    uint64_t ran_notes = 0;  // notes_fingerprint() at the time
    size_t ran_documents = 0;

    std::string seen_query;  // the field last frame, to time a pause in typing
    double edited_at = 0;

    SearchResult result;
    std::vector<Row> rows;
    std::vector<std::optional<SearchSnippet>> snippets;  // per hit, made when first drawn
    int current = -1;         // the selected hit
    int revealed = -1;        // the hit last opened in the reading view
    bool scroll_to_current = false;
    Id tag_label = kNoId;
    std::vector<int> shown;   // hits drawn last frame
};

SearchState& state() {
    static SearchState s;
    return s;
}

bool g_focus_field = false;

bool same_options(const SearchOptions& a, const SearchOptions& b) {
    return a.case_sensitive == b.case_sensitive && a.whole_word == b.whole_word && a.regex == b.regex &&
           a.include_notes == b.include_notes && a.only_doc == b.only_doc;
}

SearchOptions options_of(const SearchState& st, const Annotator& an) {
    SearchOptions o;
    o.case_sensitive = st.case_sensitive;
    o.whole_word = st.whole_word;
    o.regex = st.regex;
    o.include_notes = st.include_notes;
    if (!st.all_articles && an.document()) o.only_doc = an.document()->meta.id;
    return o;
}

// The text hits as marks over the reading view; the current one stands out.
void publish_marks(Annotator& an, const SearchState& st) {
    std::vector<TextMark> marks;
    marks.reserve(st.result.hits.size());
    for (size_t i = 0; i < st.result.hits.size(); ++i) {
        const SearchHit& h = st.result.hits[i];
        if (h.in_note()) continue;
        marks.push_back(TextMark{h.doc, h.start, h.end,
                                 static_cast<int>(i) == st.current ? MarkKind::CurrentHit : MarkKind::Hit});
    }
    an.marks.set(kLayer, std::move(marks));
}

void build_rows(const Annotator& an, SearchState& st) {
    st.rows.clear();
    const std::vector<SearchHit>& hits = st.result.hits;
    size_t heading = 0;
    for (size_t i = 0; i < hits.size(); ++i) {
        if (i == 0 || hits[i].doc != hits[i - 1].doc) {
            heading = st.rows.size();
            st.rows.push_back(Row{-1, an.corpus().index_of(hits[i].doc), 0});
        }
        ++st.rows[heading].count;
        st.rows.push_back(Row{static_cast<int>(i), st.rows[heading].doc_index, 0});
    }
    st.snippets.assign(hits.size(), std::nullopt);
}

// What note hits depend on: every note, its span and where the span starts
// (hits are listed in span order). Computed only when the model changed, so
// an edit that touches no note does not run a (possibly slow) search again.
uint64_t notes_fingerprint(const Annotations& m) {
    uint64_t h = 1469598103934665603ull;
    for (const auto& entry : m.spans) {
        const Span& s = entry.second;
        if (s.note.empty()) continue;
        for (const uint64_t part : {uint64_t{s.id}, uint64_t{s.start()}, uint64_t{std::hash<std::string>{}(s.note)}})
            h = (h ^ part) * 1099511628211ull;
    }
    return h;
}

// Runs the search again when what it depends on has changed.
void refresh(Annotator& an, SearchState& st) {
    const double now = platform::now_seconds();
    if (st.query != st.seen_query) {
        st.seen_query = st.query;
        st.edited_at = now;
    }
    const SearchOptions o = options_of(st, an);
    const bool query_changed = !st.ran || st.query != st.ran_query || !same_options(o, st.ran_options);
    bool notes_changed = false;
    if (st.ran && an.editor().revision() != st.ran_revision) {
        st.ran_revision = an.editor().revision();
        const uint64_t notes = notes_fingerprint(an.model());
        notes_changed = notes != st.ran_notes;
        st.ran_notes = notes;
    }
    const bool world_changed =
        st.ran && (an.corpus().documents.size() != st.ran_documents || (o.include_notes && notes_changed));
    if (!query_changed && !world_changed) return;
    if (query_changed && o.regex && !st.query.empty() && now - st.edited_at < kRegexPause) return;

    st.ran = true;
    st.ran_query = st.query;
    st.ran_options = o;
    st.ran_revision = an.editor().revision();
    st.ran_notes = notes_fingerprint(an.model());
    st.ran_documents = an.corpus().documents.size();
    st.result = search_corpus(an.corpus(), an.model(), st.query, o);
    build_rows(an, st);
    const int n = static_cast<int>(st.result.hits.size());
    // A new query starts at its first hit; the same one, re-run after an edit, keeps its place.
    st.current = n == 0 ? -1 : query_changed ? 0 : std::min(std::max(st.current, 0), n - 1);
    st.revealed = -1;
    if (query_changed) st.scroll_to_current = true;
    publish_marks(an, st);
}

const std::u32string* searched_text(const Annotator& an, const SearchHit& h, std::u32string& note) {
    if (h.in_note()) {
        const Span* s = an.model().span(h.span);
        if (!s) return nullptr;
        note = Text(s->note).codepoints();
        return &note;
    }
    const Document* d = an.corpus().find(h.doc);
    return d ? &d->text.codepoints() : nullptr;
}

const SearchSnippet& snippet_of(const Annotator& an, SearchState& st, int hit) {
    std::optional<SearchSnippet>& s = st.snippets[static_cast<size_t>(hit)];
    if (!s) {
        std::u32string note;
        const SearchHit& h = st.result.hits[static_cast<size_t>(hit)];
        const std::u32string* text = searched_text(an, h, note);
        s = text ? search_snippet(*text, h.start, h.end) : SearchSnippet{};
    }
    return *s;
}

// Opens the hit's article and scrolls to it; a note hit selects its annotation.
void go_to(Annotator& an, SearchState& st, int hit) {
    if (hit < 0 || hit >= static_cast<int>(st.result.hits.size())) return;
    const SearchHit& h = st.result.hits[static_cast<size_t>(hit)];
    if (st.current != hit) {
        st.current = hit;
        publish_marks(an, st);
    }
    st.revealed = hit;
    st.scroll_to_current = true;
    if (h.in_note()) an.jump_to(h.span);
    else an.reveal_in(h.doc, h.start, h.end);
}

void move_current(Annotator& an, SearchState& st, int step) {
    const int n = static_cast<int>(st.result.hits.size());
    if (n == 0) return;
    st.current = std::clamp(st.current + step, 0, n - 1);
    st.scroll_to_current = true;
    publish_marks(an, st);
}

// One span per text hit, in one undoable step; hits that already are a span
// of that label (same article, same single range) are left alone.
void tag_all(Annotator& an, const SearchState& st, Id label_id) {
    if (an.refuse_if_read_only()) return;
    const Label* label = an.model().label(label_id);
    if (!label) return;
    std::set<std::tuple<std::string, uint32_t, uint32_t>> existing;
    for (const auto& entry : an.model().spans) {
        const Span& s = entry.second;
        if (s.label == label_id && s.ranges.size() == 1) existing.emplace(s.doc, s.ranges[0].start, s.ranges[0].end);
    }
    std::vector<SpanRequest> requests;
    size_t skipped = 0;
    for (const SearchHit& h : st.result.hits) {
        if (h.in_note()) continue;
        if (existing.count({h.doc, h.start, h.end})) {
            ++skipped;
            continue;
        }
        SpanRequest r;
        r.doc = h.doc;
        r.label = label_id;
        r.ranges = {Range{h.start, h.end}};
        requests.push_back(std::move(r));
    }
    const std::string already = skipped == 0 ? std::string()
                                : " (" + std::to_string(skipped) + (skipped == 1 ? " was" : " were") +
                                      " already tagged so)";
    if (requests.empty()) {
        an.flash(skipped ? "Every hit is already tagged as " + label->name + "." : std::string("No text hits to tag."));
        return;
    }
    const std::vector<Id> added = an.editor().add_spans(requests);
    an.flash("Tagged " + std::to_string(added.size()) + (added.size() == 1 ? " hit" : " hits") + " as " + label->name +
             already + ": one undo step.");
}

void draw_options(SearchState& st) {
    ImGui::Checkbox("Case", &st.case_sensitive);
    remember_item("search:case");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Match upper and lower case exactly.");
    ImGui::SameLine();
    ImGui::Checkbox("Whole word", &st.whole_word);
    remember_item("search:whole-word");
    ImGui::SameLine();
    ImGui::Checkbox("Regex", &st.regex);
    remember_item("search:regex");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("An ECMAScript regular expression, matched within each paragraph.\n"
                          "Without it, straight quotes also find curly ones.");
    if (ImGui::RadioButton("This article", !st.all_articles)) st.all_articles = false;
    remember_item("search:this-article");
    ImGui::SameLine();
    if (ImGui::RadioButton("All articles", st.all_articles)) st.all_articles = true;
    remember_item("search:all-articles");
    ImGui::SameLine();
    ImGui::Checkbox("Notes", &st.include_notes);
    remember_item("search:notes");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Search the notes on annotations too.");
}

void draw_count(const Annotator& an, const SearchState& st) {
    const SearchResult& r = st.result;
    if (!r.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().warning_text);
        ImGui::TextWrapped("%s", r.error.c_str());
        ImGui::PopStyleColor();
        remember_item("search:error");
        return;
    }
    if (st.query.empty()) {
        muted_text_wrapped("Type to search the text and notes of every article.");
        return;
    }
    if (!st.ran || st.ran_query != st.query) {
        muted_text("Searching\xE2\x80\xA6");
        return;
    }
    const size_t n = r.hits.size();
    if (n == 0) {
        ImGui::TextUnformatted(st.all_articles || !an.document() ? "No hits." : "No hits in this article.");
        return;
    }
    std::string line = std::to_string(n) + (r.capped ? "+" : "") + (n == 1 ? " hit" : " hits") + " in " +
                       std::to_string(r.documents_with_hits) + (r.documents_with_hits == 1 ? " article" : " articles");
    if (r.note_hits) line += " (" + std::to_string(r.note_hits) + " in notes)";
    ImGui::TextUnformatted(line.c_str());
    remember_item("search:count");
    if (r.capped) muted_text_wrapped("Stopped at the first " + std::to_string(n) + ": narrow the search to see the rest.");
    if (r.stopped) muted_text_wrapped("Stopped after two seconds: this pattern is slow. The hits so far are listed.");
}

void draw_tagging(Annotator& an, SearchState& st) {
    const Annotations& m = an.model();
    size_t text_hits = 0;
    for (const SearchHit& h : st.result.hits) text_hits += h.in_note() ? 0 : 1;
    if (text_hits == 0 || m.labels.empty()) return;
    if (!m.label(st.tag_label)) st.tag_label = m.labels.front().id;
    const Label* chosen = m.label(st.tag_label);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Tag all hits as");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::max(80.0f, ImGui::GetContentRegionAvail().x * 0.45f));
    const bool open = ImGui::BeginCombo("##tag_label", chosen->name.c_str());
    remember_item("search:label");
    if (open) {
        for (const Label& l : m.labels) {
            if (label_selectable(l, l.id == st.tag_label)) st.tag_label = l.id;
            remember_item("search:label:" + l.name);
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    const bool tag = ImGui::Button("Tag");
    remember_item("search:tag");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Adds a %s span over each of the %zu hits in the text, as one undo step.", chosen->name.c_str(),
                          text_hits);
    if (tag) tag_all(an, st, st.tag_label);
}

// One hit on one line: context muted, the hit itself bold on the hit colour;
// a long left context is cut at the left so the hit always shows.
void draw_hit_row(Annotator& an, const FontSet& fonts, SearchState& st, int hit, float row_h) {
    ImGui::PushID(hit);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    if (ImGui::Selectable("##hit", hit == st.current, 0, ImVec2(w, row_h))) go_to(an, st, hit);
    remember_item("search:hit:" + std::to_string(hit));
    st.shown.push_back(hit);

    const SearchSnippet& s = snippet_of(an, st, hit);
    const SearchHit& h = st.result.hits[static_cast<size_t>(hit)];
    const Palette& pal = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = ImGui::GetStyle().FramePadding.x, size = ImGui::GetFontSize();
    const float y = p.y + (row_h - size) * 0.5f;
    const ImVec4 clip(p.x + pad, p.y, p.x + w - pad, p.y + row_h);
    float x = p.x + pad + ImGui::GetStyle().IndentSpacing * 0.5f;
    ImFont* font = ImGui::GetFont();
    if (h.in_note()) {
        const char* tag = "note: ";
        dl->AddText(font, size, ImVec2(x, y), pal.muted, tag, nullptr, 0, &clip);
        x += ImGui::CalcTextSize(tag).x;
    }
    const float before_w = font->CalcTextSizeA(size, FLT_MAX, 0, s.before.c_str()).x;
    const float room = (p.x + w - x) * 0.35f;
    const float before_x = before_w > room ? x + room - before_w : x;
    dl->AddText(font, size, ImVec2(before_x, y), pal.muted, s.before.c_str(), nullptr, 0, &clip);
    x = before_x + before_w;
    ImFont* bold = fonts.ui_bold ? fonts.ui_bold : font;
    const float match_w = bold->CalcTextSizeA(size, FLT_MAX, 0, s.match.c_str()).x;
    dl->AddRectFilled(ImVec2(x, p.y + 1), ImVec2(x + match_w, p.y + row_h - 1),
                      TextMarks::color(hit == st.current ? MarkKind::CurrentHit : MarkKind::Hit, pal.dark), 2.0f);
    dl->AddText(bold, size, ImVec2(x, y), ImGui::GetColorU32(ImGuiCol_Text), s.match.c_str(), nullptr, 0, &clip);
    x += match_w;
    dl->AddText(font, size, ImVec2(x, y), pal.muted, s.after.c_str(), nullptr, 0, &clip);
    ImGui::PopID();
}

void draw_list(Annotator& an, const FontSet& fonts, SearchState& st) {
    st.shown.clear();
    if (st.rows.empty()) return;
    ImGui::BeginChild("search_hits", ImVec2(0, 0), true);
    const float row_h = ImGui::GetTextLineHeightWithSpacing();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));

    if (st.scroll_to_current && st.current >= 0) {
        st.scroll_to_current = false;
        const auto it = std::find_if(st.rows.begin(), st.rows.end(), [&](const Row& r) { return r.hit == st.current; });
        if (it != st.rows.end()) {
            const float y = static_cast<float>(it - st.rows.begin()) * row_h;
            const float top = ImGui::GetScrollY(), h = ImGui::GetWindowHeight();
            if (y < top + row_h || y + 2 * row_h > top + h) ImGui::SetScrollY(std::max(0.0f, y - (h - row_h) * 0.5f));
        }
    }

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(st.rows.size()), row_h);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Row& row = st.rows[static_cast<size_t>(i)];
            if (row.hit >= 0) {
                draw_hit_row(an, fonts, st, row.hit, row_h);
                continue;
            }
            const Document* d = row.doc_index >= 0 ? &an.corpus().documents[static_cast<size_t>(row.doc_index)] : nullptr;
            const std::string title = one_line(d ? d->meta.title : std::string("?"), 60);
            ImGui::PushFont(fonts.ui_bold);
            ImGui::TextUnformatted(title.c_str());
            ImGui::PopFont();
            ImGui::SameLine();
            muted_text(std::to_string(row.count));
        }
    }
    ImGui::PopStyleVar();
    ImGui::EndChild();
}

}  // namespace

void focus_search_field() {
    g_focus_field = true;
    request_side_tab("Search");
}

SearchPanelView search_panel_view() {
    const SearchState& st = state();
    return SearchPanelView{st.query, st.result, st.current, st.shown};
}

void draw_search_panel(Annotator& an, const FontSet& fonts) {
    SearchState& st = state();
    // The field: search as you type; Enter opens the current hit, again the next
    // (Shift+Enter the previous); Up / Down choose without opening. The keys
    // belong to the field only: outside it, arrows and Enter are the reading view's.
    const float clear_w = ImGui::GetFrameHeight();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - clear_w - ImGui::GetStyle().ItemSpacing.x);
    if (g_focus_field) {
        ImGui::SetKeyboardFocusHere();
        g_focus_field = false;
    }
    const bool enter = input_text_with_hint("##search_query", "Search the articles and notes", st.query,
                                            ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    remember_item("search:field");
    const bool field_active = ImGui::IsItemActive();
    ImGui::SameLine();
    if (ImGui::Button("\xC3\x97##clear", ImVec2(clear_w, 0))) st.query.clear();  // ×
    remember_item("search:clear");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Clear the search and its highlights.");

    draw_options(st);
    refresh(an, st);
    if (st.query.empty() && an.marks.layer(kLayer)) an.marks.clear(kLayer);

    if (enter) {
        // Enter leaves the field (ImGui's way): take the caret back, as a find bar would.
        g_focus_field = true;
        const bool back = ImGui::GetIO().KeyShift;
        if (st.revealed == st.current) move_current(an, st, back ? -1 : +1);
        go_to(an, st, st.current);
    } else if (field_active) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) move_current(an, st, +1);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) move_current(an, st, -1);
    }

    draw_count(an, st);
    draw_tagging(an, st);
    draw_list(an, fonts, st);
}

}  // namespace cm::ui
