// The C side of the page's accessibility mirror (web/a11y.js,
// docs/accessibility.md): the open article's paragraphs around the view and
// the annotations on them, as JSON, for an off-screen semantic DOM region
// that screen readers read while the canvas keeps the keyboard.
#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <imgui.h>

#include <imgui_internal.h>  // finds the reading view's window (its visible band)

#include <algorithm>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "app/app.h"
#include "platform/platform.h"

namespace {

using nlohmann::json;
std::string g_out;

const char* out(const json& j) {
    g_out = j.dump(-1, ' ', false, json::error_handler_t::replace);  // no exceptions on the web
    return g_out.c_str();
}

cm::app::App* app() { return cm::app::running_app(); }

// --- the accessibility mirror (web/a11y.js, docs/accessibility.md) ----------

constexpr uint32_t kA11yMaxParagraph = 2000;  // code points; longer lines are cut at a space
constexpr size_t kA11yWindow = 200;           // paragraphs sent at once
constexpr size_t kA11yStep = 50;              // the window moves in steps of this many

bool a11y_space(char32_t c) { return c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000; }

// The open document's paragraphs as code-point ranges: its lines, blank
// ones skipped, very long ones cut in pieces. Computed once per text, a few
// milliseconds per poll (a 10 MB article took 60 ms in one go): until done,
// the ranges cover the start of the text, and the mirror grows with them.
struct A11yParagraphs {
    const cm::Document* doc = nullptr;
    const char* data = nullptr;
    size_t bytes = 0;
    std::vector<cm::Range> ranges;
    size_t at = 0;      // next byte to scan
    uint32_t line = 0;  // code point where the next line starts
};
A11yParagraphs g_a11y_paras;

const std::vector<cm::Range>& a11y_paragraphs(const cm::Document& d) {
    A11yParagraphs& p = g_a11y_paras;
    if (!(p.doc == &d && p.data == d.text.utf8().data() && p.bytes == d.text.size_bytes())) {
        p.doc = &d, p.data = d.text.utf8().data(), p.bytes = d.text.size_bytes();
        p.ranges.clear();
        p.at = 0;
        p.line = 0;
    }
    const std::u32string& cps = d.text.codepoints();
    const std::string& utf8 = d.text.utf8();
    const uint32_t n = static_cast<uint32_t>(cps.size());
    const double deadline = cm::platform::now_seconds() + 0.004;
    // Newlines found in the bytes with memchr, their code points by a short
    // binary search from the last one.
    size_t& at = p.at;
    uint32_t& line = p.line;
    for (unsigned round = 1; line <= n; ++round) {
        if (round % 512 == 0 && cm::platform::now_seconds() > deadline) break;  // on at the next poll
        const void* nl = at < utf8.size() ? std::memchr(utf8.data() + at, '\n', utf8.size() - at) : nullptr;
        const size_t byte = nl ? static_cast<size_t>(static_cast<const char*>(nl) - utf8.data()) : utf8.size();
        at = byte + 1;
        // The newline's code point: after the last one, and at most as many
        // code points on as there are bytes (a short binary search).
        uint32_t i = n;
        if (nl) {
            size_t lo = line, hi = std::min<size_t>(n, line + (byte - d.text.byte_of(line)));
            while (lo < hi) {
                const size_t mid = (lo + hi) / 2;
                if (d.text.byte_of(mid) < byte) lo = mid + 1;
                else hi = mid;
            }
            i = static_cast<uint32_t>(lo);
        }
        uint32_t b = line;
        const uint32_t e = i;
        line = i + 1;  // past the text's end once the last line is done
        uint32_t first = b;
        while (first < e && a11y_space(cps[first])) ++first;
        if (first == e) continue;  // an empty or blank line
        while (e - b > kA11yMaxParagraph) {
            uint32_t cut = b + kA11yMaxParagraph;
            uint32_t k = cut;
            while (k > b + kA11yMaxParagraph / 2 && !a11y_space(cps[k - 1])) --k;
            if (k > b + kA11yMaxParagraph / 2) cut = k;
            p.ranges.push_back({b, cut});
            b = cut;
        }
        p.ranges.push_back({b, e});
    }
    return p.ranges;
}

// The paragraph holding a code point (or the next one after it, or the last).
size_t a11y_paragraph_at(const std::vector<cm::Range>& paras, size_t cp) {
    size_t lo = 0, hi = paras.size();
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (paras[mid].end <= cp) lo = mid + 1;
        else hi = mid;
    }
    return lo < paras.size() ? lo : (paras.empty() ? 0 : paras.size() - 1);
}

// The first paragraph with a line in the reading view's visible band: the
// band's top comes from the view's ImGui window ("…/reading_…"), the lines'
// positions from the view's own layout.
size_t a11y_first_visible(const cm::ui::ReadingView& view, const std::vector<cm::Range>& paras) {
    if (paras.empty() || view.scroll_y() <= 0) return 0;
    const ImGuiWindow* win = nullptr;
    if (ImGuiContext* g = ImGui::GetCurrentContext())
        for (ImGuiWindow* w : g->Windows)
            if ((w->Active || w->WasActive) && std::strstr(w->Name, "/reading_")) win = w;
    if (!win) return a11y_paragraph_at(paras, view.anchor_cp());
    const float top = win->Pos.y;
    size_t lo = 0, hi = paras.size();
    while (lo < hi) {  // the first paragraph whose last line reaches below the top
        const size_t mid = (lo + hi) / 2;
        const auto rects = view.screen_rects(paras[mid].start, paras[mid].end);
        if (!rects.empty() && rects.back().y1 > top) hi = mid;
        else lo = mid + 1;
    }
    return lo < paras.size() ? lo : paras.size() - 1;
}

// [from, to) paragraphs around the first visible one, moved in steps so
// scrolling a little does not change it.
std::pair<size_t, size_t> a11y_window(size_t first_visible, size_t count) {
    size_t from = first_visible / kA11yStep >= 1 ? (first_visible / kA11yStep - 1) * kA11yStep : 0;
    if (from + kA11yWindow > count) from = count > kA11yWindow ? count - kA11yWindow : 0;
    return {from, std::min(count, from + kA11yWindow)};
}

// What the mirror shows; the revision counts changes of it.
struct A11yKey {
    uint64_t editor_revision = 0;
    std::string doc_id, title;
    const char* text = nullptr;
    size_t bytes = 0;
    cm::Id selected = cm::kNoId, candidate = cm::kNoId;
    bool linking = false;
    double message_time = 0;
    size_t window_from = 0;
    size_t paragraphs = 0;  // grows while a long text is still being scanned
    bool operator==(const A11yKey& o) const {
        return editor_revision == o.editor_revision && doc_id == o.doc_id && title == o.title && text == o.text &&
               bytes == o.bytes && selected == o.selected && candidate == o.candidate && linking == o.linking &&
               message_time == o.message_time && window_from == o.window_from && paragraphs == o.paragraphs;
    }
};
A11yKey g_a11y_key;
double g_a11y_revision = 0;

struct A11yPlace {
    const cm::Document* doc = nullptr;
    const std::vector<cm::Range>* paras = nullptr;
    size_t first_visible = 0, from = 0, to = 0;
};

// Where the view is, and the revision brought up to date.
A11yPlace a11y_update() {
    A11yPlace place;
    A11yKey key;
    const auto& ws = app()->workspace();
    const auto& an = ws.annotator();
    place.doc = ws.view().document();
    if (place.doc) {
        place.paras = &a11y_paragraphs(*place.doc);
        place.first_visible = a11y_first_visible(ws.view(), *place.paras);
        std::tie(place.from, place.to) = a11y_window(place.first_visible, place.paras->size());
        key.doc_id = place.doc->meta.id;
        key.title = place.doc->meta.title;
        key.text = place.doc->text.utf8().data();
        key.bytes = place.doc->text.size_bytes();
        key.window_from = place.from;
        key.paragraphs = place.paras->size();
    }
    key.editor_revision = app()->editor().revision();
    key.selected = an.selected();
    key.linking = an.linking();
    key.candidate = an.link_candidate();
    key.message_time = an.message_time();
    if (!(key == g_a11y_key)) {
        g_a11y_key = std::move(key);
        g_a11y_revision += 1;
    }
    return place;
}

// A span for the mirror: label, ranges, entity, links in words, note.
json a11y_span(const cm::ui::Annotator& an, const cm::Span& s, const std::vector<const cm::Relation*>& rels) {
    const cm::Annotations& m = an.model();
    const cm::Label* l = m.label(s.label);
    json ranges = json::array();
    for (const cm::Range& r : s.ranges) ranges.push_back({r.start, r.end});
    // The other end of a link, in words: an entity's name, else its quoted text.
    auto name_of = [&](cm::Id id) {
        const cm::Span* o = m.span(id);
        if (!o) return std::string();
        if (const cm::Entity* e = m.entity(o->entity)) return e->name;
        return "\xE2\x80\x9C" + an.span_text(*o, 80) + "\xE2\x80\x9D";
    };
    json links = json::array();
    for (const cm::Relation* r : rels) {
        const bool outgoing = r->from == s.id;
        links.push_back({{"relation", cm::ui::Annotator::relation_phrase(r->type, outgoing)},
                         {"type", cm::to_string(r->type)},
                         {"outgoing", outgoing},
                         {"name", name_of(outgoing ? r->to : r->from)}});
    }
    const cm::Entity* e = m.entity(s.entity);
    const auto quote = s.attributes.find("quote");
    return {{"id", s.id},
            {"label", l ? l->name : std::string("?")},
            {"role", l ? cm::to_string(l->role) : "other"},
            {"ranges", ranges},
            {"entity", e ? json(e->name) : json(nullptr)},
            {"links", links},
            {"note", s.note},
            {"quote", quote != s.attributes.end() ? json(quote->second) : json(nullptr)}};
}

}  // namespace

extern "C" {

// The accessibility mirror's state counter: changes when what cm_a11y_view()
// returns changes (an edit, another article, the selection, a status
// message, or the view scrolling far enough to move the paragraph window).
// Cheap: the page polls it.
EMSCRIPTEN_KEEPALIVE double cm_a11y_revision() {
    if (!app()) return 0;
    a11y_update();
    return g_a11y_revision;
}

// The open article for the page's off-screen mirror (web/a11y.js): title and
// byline, up to kA11yWindow paragraphs around the first visible one (with
// their indices and code-point ranges), the spans touching them with labels,
// entities and links in words, the selected annotation and the status message.
EMSCRIPTEN_KEEPALIVE const char* cm_a11y_view() {
    if (!app()) return out(nullptr);
    const A11yPlace place = a11y_update();
    const auto& an = app()->workspace().annotator();
    const cm::Annotations& m = an.model();
    json j = {{"revision", g_a11y_revision},
              {"message", an.message()},
              {"messageTime", an.message_time()},
              {"selected", an.selected()},
              {"linking", an.linking()},
              {"linkCandidate", an.link_candidate()},
              {"docId", nullptr}};
    if (!place.doc) return out(j);
    const cm::Document& d = *place.doc;
    const std::vector<cm::Range>& paras = *place.paras;
    j["docId"] = d.meta.id;
    j["title"] = d.meta.title;
    j["outlet"] = d.meta.outlet;
    j["author"] = d.meta.author;
    j["date"] = d.meta.date;
    j["length"] = d.text.size();
    j["paragraphCount"] = paras.size();
    j["firstVisible"] = place.first_visible;
    j["window"] = {place.from, place.to};
    json ps = json::array();
    for (size_t i = place.from; i < place.to; ++i)
        ps.push_back({{"index", i}, {"start", paras[i].start}, {"end", paras[i].end},
                      {"text", std::string(d.text.slice(paras[i].start, paras[i].end))}});
    j["paragraphs"] = std::move(ps);

    const uint32_t wb = place.from < place.to ? paras[place.from].start : 0;
    const uint32_t we = place.from < place.to ? paras[place.to - 1].end : 0;
    std::vector<const cm::Span*> shown;
    for (const cm::Span* s : m.spans_in(d.meta.id)) {
        if (s->start() >= we) break;
        for (const cm::Range& r : s->ranges)
            if (r.start < we && r.end > wb) {
                shown.push_back(s);
                break;
            }
    }
    // The selected annotation and the link candidate, wherever they are.
    const cm::Span* extra[] = {m.span(an.selected()), m.span(an.link_candidate())};
    std::map<cm::Id, std::vector<const cm::Relation*>> rels;
    for (const cm::Span* s : shown) rels[s->id];
    for (const cm::Span* s : extra)
        if (s) rels[s->id];
    for (const auto& [id, r] : m.relations) {
        if (auto it = rels.find(r.from); it != rels.end()) it->second.push_back(&r);
        if (r.to != r.from)
            if (auto it = rels.find(r.to); it != rels.end()) it->second.push_back(&r);
    }
    json spans = json::array();
    for (const cm::Span* s : shown) spans.push_back(a11y_span(an, *s, rels[s->id]));
    j["spans"] = std::move(spans);
    const char* extra_keys[] = {"selectedSpan", "candidateSpan"};
    for (int k = 0; k < 2; ++k) {
        if (!extra[k]) continue;
        json sj = a11y_span(an, *extra[k], rels[extra[k]->id]);
        sj["text"] = an.span_text(*extra[k], 200);
        sj["doc"] = extra[k]->doc;
        j[extra_keys[k]] = std::move(sj);
    }
    return out(j);
}

}  // extern "C"
#endif
