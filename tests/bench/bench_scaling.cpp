// How the core's costs grow with the size of the article and the number of
// annotations (issue 6): text indexing, layout, hit-testing, the interval
// index against a linear scan, serialisation both ways, and one edit + undo.
// Two series on a generated news-like article: characters 10k, 100k, 1M
// (1 annotation per 100 characters), and annotations 100 … 100k on a fixed
// 1M-character text. Each figure is the median of several repetitions,
// printed with its ratio to the previous size and that ratio divided by the
// growth of n log n (<= ~1: no worse than n log n). Operations that should
// cost O(log n) each (a query, a hit-test, an edit) are timed per operation
// and also compared with log n. Prints tables; not a pass/fail test.
// Run natively (build/<preset>/bench_scaling) or as WebAssembly
// (node build/web/bench_scaling.js).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "core/annotations.h"
#include "core/annotations_json.h"
#include "core/corpus.h"
#include "core/editor.h"
#include "core/formats/w3c.h"
#include "core/interval_index.h"
#include "core/layout.h"
#include "core/project_json.h"
#include "core/text.h"

namespace {

using Clock = std::chrono::steady_clock;

// splitmix64: the same numbers natively and in WebAssembly (std's
// distributions differ between libstdc++ and libc++).
class Random {
public:
    explicit Random(uint64_t seed) : state_(seed) {}
    uint64_t next() {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(next() % n); }
    float unit() { return static_cast<float>(next() >> 40) / static_cast<float>(1ull << 24); }

private:
    uint64_t state_;
};

template <typename F>
double time_ms(F&& f) {
    const auto t0 = Clock::now();
    f();
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double median(std::vector<double> xs) {
    std::sort(xs.begin(), xs.end());
    return xs[xs.size() / 2];
}

// Median over `reps` samples of f (whole-operation costs, in ms). A first
// call warms up and calibrates: a sample repeats f until it takes >= 2 ms,
// so the small sizes are not lost in the clock's resolution.
template <typename F>
double median_ms(int reps, F&& f) {
    const double first = time_ms(f);
    const int calls = first >= 2.0 ? 1 : static_cast<int>(std::min(1000.0, std::ceil(2.0 / std::max(first, 1e-4))));
    std::vector<double> t;
    for (int i = 0; i < reps; ++i)
        t.push_back(time_ms([&] {
                        for (int c = 0; c < calls; ++c) f();
                    }) /
                    calls);
    return median(t);
}

// Three significant figures or so, whatever the magnitude.
std::string figure(double v, const char* unit) {
    const char* fmt = v >= 100 ? "%.0f %s" : v >= 10 ? "%.1f %s" : v >= 1 ? "%.2f %s" : v >= 0.1 ? "%.3f %s" : "%.4f %s";
    char buf[32];
    std::snprintf(buf, sizeof buf, fmt, v, unit);
    return buf;
}

// Median over `batches` batches of `per_batch` calls of f(i), per call in µs
// (per-operation costs too small to time one at a time).
template <typename F>
double median_us_per_op(int batches, size_t per_batch, F&& f) {
    std::vector<double> t;
    size_t i = 0;
    for (int b = 0; b < batches; ++b)
        t.push_back(time_ms([&] {
                        for (size_t k = 0; k < per_batch; ++k) f(i++);
                    }) *
                    1000.0 / static_cast<double>(per_batch));
    return median(t);
}

// A news-like article of exactly `code_points` code points: curly quotes,
// em dashes, accented names, an astral character (📰) now and then, and
// paragraphs of a few sentences (the same mix as tests/bench/browser_bench.mjs).
cm::Text news_text(size_t code_points) {
    const char* names[] = {"Ren Zhengfei", "Zoë Müller", "William Plummer", "José Álvarez", "Li Qiang", "Søren Ødegård"};
    const char* outlets[] = {"Reuters", "Les Échos", "AllThingsD", "ZDNet", "CNET"};
    const char* words[] = {"the",     "company", "said",   "market",    "would",    "exit",     "network",
                           "carrier", "phone",   "business", "officials", "lawmakers", "security", "report",
                           "interview", "strategy", "growth", "government", "equipment", "spokesman"};
    Random r(6);
    const auto pick = [&r](const auto& list) { return std::string(list[r.below(std::size(list))]); };
    std::string out;
    out.reserve(code_points * 11 / 10 + 256);
    size_t sentences_in_paragraph = 0, paragraph_length = 3;
    // Bytes >= code points, so enough bytes means enough code points.
    while (out.size() < code_points + 64) {
        std::string phrase;
        for (size_t i = 0, n = 6 + r.below(14); i < n; ++i) phrase += (i ? " " : "") + pick(words);
        std::string capitalised = phrase;
        capitalised[0] = static_cast<char>(capitalised[0] - 'a' + 'A');
        const size_t kind = r.below(100);
        std::string sentence;
        if (kind < 30)
            sentence = "“" + capitalised + ",” " + pick(names) + " told " + pick(outlets) + ".";
        else if (kind < 50)
            sentence = "According to " + pick(outlets) + ", " + phrase + " — " + pick(names) + " said.";
        else if (kind < 55)
            sentence = pick(names) + " 📰 said the " + phrase + ".";
        else
            sentence = capitalised + ".";
        out += sentence;
        if (++sentences_in_paragraph >= paragraph_length) {
            out += "\n\n";
            sentences_in_paragraph = 0;
            paragraph_length = 3 + r.below(4);
        } else {
            out += ' ';
        }
    }
    const cm::Text whole(out);
    return cm::Text(whole.slice(0, code_points));
}

const char* const kDoc = "bench";

// `count` spans of 5–200 code points at word starts (so some overlap and
// nest), labelled Claim, Speaker, Source in turn, and one relation per five
// spans: claim 3m said_by speaker 3m+1, reported_by source 3m+2.
cm::Annotations news_annotations(const cm::Text& text, size_t count, uint64_t seed) {
    std::vector<uint32_t> word_starts;
    for (size_t i = 0; i < text.size(); ++i)
        if (i == 0 || text.at(i - 1) == ' ' || text.at(i - 1) == '\n')
            if (text.at(i) != '\n' && text.at(i) != ' ') word_starts.push_back(static_cast<uint32_t>(i));
    cm::Annotations a;
    a.labels = cm::default_labels(a.next_id);
    Random r(seed);
    std::vector<cm::Id> ids;
    for (size_t k = 0; k < count; ++k) {
        cm::Span s;
        s.id = a.next_id++;
        s.doc = kDoc;
        s.label = a.labels[k % 3].id;  // Claim, Speaker, Source
        const uint32_t start = word_starts[r.below(word_starts.size())];
        const uint32_t end = static_cast<uint32_t>(std::min<size_t>(text.size(), start + 5 + r.below(196)));
        s.ranges = {{start, end}};
        s.created = s.modified = 1764662400;  // fixed: the output is deterministic
        ids.push_back(s.id);
        a.spans.emplace(s.id, std::move(s));
    }
    for (size_t m = 0; m < count / 10 && 3 * m + 2 < count; ++m) {
        for (const auto& [type, to] : {std::pair{cm::RelationType::SaidBy, 3 * m + 1},
                                       std::pair{cm::RelationType::ReportedBy, 3 * m + 2}}) {
            cm::Relation rel;
            rel.id = a.next_id++;
            rel.type = type;
            rel.from = ids[3 * m];
            rel.to = ids[to];
            a.relations.emplace(rel.id, rel);
        }
    }
    return a;
}

// One printed row: a time for one size of a series.
struct Figure {
    double value;  // ms for whole operations, µs for per-operation ones
    std::string note;
};

struct Operation {
    std::string name;
    bool per_op;  // timed per operation (µs), expected O(log n) or O(log n + k)
    std::vector<Figure> figures;  // one per size
};

double n_log_n(double n) { return n * std::log2(n); }

void print_series(const char* title, const char* n_name, const std::vector<size_t>& sizes,
                  const std::vector<Operation>& ops) {
    std::printf("\n%s\n", title);
    std::printf("%-34s %10s %12s %7s %11s %9s  %s\n", "operation", n_name, "median", "x prev", "vs n log n",
                "vs log n", "note");
    for (const Operation& op : ops) {
        for (size_t i = 0; i < op.figures.size(); ++i) {
            const Figure& f = op.figures[i];
            char ratio[16] = "", vs_nlogn[16] = "", vs_logn[16] = "";
            const std::string value = figure(f.value, op.per_op ? "us" : "ms");
            if (i > 0) {
                const double growth = f.value / op.figures[i - 1].value;
                const double n1 = static_cast<double>(sizes[i - 1]), n2 = static_cast<double>(sizes[i]);
                std::snprintf(ratio, sizeof ratio, "%.2f", growth);
                std::snprintf(vs_nlogn, sizeof vs_nlogn, "%.2f", growth / (n_log_n(n2) / n_log_n(n1)));
                if (op.per_op) std::snprintf(vs_logn, sizeof vs_logn, "%.2f", growth / (std::log2(n2) / std::log2(n1)));
            }
            std::printf("%-34s %10zu %12s %7s %11s %9s  %s\n", i == 0 ? op.name.c_str() : "", sizes[i], value.c_str(), ratio,
                        vs_nlogn, vs_logn, f.note.c_str());
        }
    }
}

Operation& op(std::vector<Operation>& ops, const std::string& name, bool per_op) {
    for (Operation& o : ops)
        if (o.name == name) return o;
    ops.push_back({name, per_op, {}});
    return ops.back();
}

std::string format(const char* fmt, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, fmt, v);
    return buf;
}

// A fixed advance per glyph (no font in the core): spaces narrower.
float advance(char32_t c) { return c == ' ' ? 4.0f : 8.5f; }

// Layout and hit-testing: depend on the text only.
void measure_text(std::vector<Operation>& ops, const cm::Text& text, int reps) {
    op(ops, "text index (cm::Text)", false).figures.push_back({median_ms(reps, [&] { cm::Text t(text.utf8()); }), ""});

    // Another width each time (two in turn): the cache rebuilds the whole
    // layout, as on a resize.
    cm::LayoutCache cache;
    const cm::AdvanceFn advance_fn = advance;
    int width_step = 0;
    const double layout = median_ms(reps, [&] {
        cm::LayoutCache::Key key{&text, 1, ++width_step % 2 ? 640.0f : 660.0f, 1, 28};
        cache.ensure(key, advance_fn);
    });
    const cm::TextLayout& l = cache.layout();
    op(ops, "layout at a new width", false)
        .figures.push_back({layout, format("%.0f lines", static_cast<double>(l.lines().size()))});

    Random r(7);
    std::vector<float> xs, ys;
    std::vector<size_t> cps;
    for (int i = 0; i < 4096; ++i) {
        xs.push_back(r.unit() * 650.0f);
        ys.push_back(r.unit() * l.height());
        cps.push_back(r.below(text.size() + 1));
    }
    size_t sink = 0;  // keeps the calls from being optimised away
    op(ops, "hit-test char_at(x, y)", true)
        .figures.push_back({median_us_per_op(5, 20000, [&](size_t i) { sink += l.char_at(xs[i % 4096], ys[i % 4096]); }), ""});
    op(ops, "hit-test y_of(cp)", true)
        .figures.push_back({median_us_per_op(5, 20000, [&](size_t i) { sink += static_cast<size_t>(l.y_of(cps[i % 4096])); }), ""});
    op(ops, "lines_between(y, y + 800)", true)
        .figures.push_back({median_us_per_op(5, 20000,
                                             [&](size_t i) {
                                                 const auto range = l.lines_between(ys[i % 4096], ys[i % 4096] + 800);
                                                 sink += range.second - range.first;
                                             }),
                            ""});
    if (sink == 42) std::printf(" ");
}

// Interval index, serialisation, edit + undo: depend on the annotations.
void measure_annotations(std::vector<Operation>& ops, const cm::Document& doc, const cm::Annotations& a, int reps) {
    const size_t length = doc.text.size();
    std::vector<cm::IntervalIndex::Item> items;
    std::vector<cm::Range> flat;  // what a linear scan walks: every span's extent
    for (const auto& [id, s] : a.spans) {
        items.push_back({s.start(), s.end(), id});
        flat.push_back({s.start(), s.end()});
    }
    cm::IntervalIndex index;
    op(ops, "interval index build", false).figures.push_back({median_ms(reps, [&] { index.build(items); }), ""});

    // Visible windows of ~3,000 code points at random places.
    constexpr uint32_t kWindow = 3000;
    Random r(8);
    std::vector<uint32_t> window_starts;
    for (int i = 0; i < 1024; ++i)
        window_starts.push_back(static_cast<uint32_t>(r.below(length > kWindow ? length - kWindow : 1)));
    std::vector<uint32_t> hits;
    size_t total_hits = 0, queries = 0;
    const double query = median_us_per_op(5, 2000, [&](size_t i) {
        const uint32_t b = window_starts[i % 1024];
        hits.clear();
        index.query(b + 1, b + kWindow - 1, hits);  // half-open spans sharing a code point with [b, b + 3000)
        total_hits += hits.size();
        ++queries;
    });
    const double mean_hits = static_cast<double>(total_hits) / static_cast<double>(queries);
    op(ops, "interval query (3,000-cp window)", true).figures.push_back({query, format("%.0f spans/query", mean_hits)});

    size_t scan_hits = 0, scans = 0;
    const size_t scan_batch = std::max<size_t>(20, 2000000 / (flat.size() + 1));
    const double scan = median_us_per_op(5, scan_batch, [&](size_t i) {
        const uint32_t b = window_starts[i % 1024], e = b + kWindow;
        for (const cm::Range& s : flat)
            if (s.start < e && s.end > b) ++scan_hits;
        ++scans;
    });
    op(ops, "linear scan, same windows", true)
        .figures.push_back({scan, format("%.0f spans/query", static_cast<double>(scan_hits) / static_cast<double>(scans))});
    // The two must find the same spans (the timed loops cover different windows).
    for (size_t w = 0; w < 64; ++w) {
        const uint32_t b = window_starts[w], e = b + kWindow;
        hits.clear();
        index.query(b + 1, e - 1, hits);
        const size_t scanned = static_cast<size_t>(
            std::count_if(flat.begin(), flat.end(), [&](const cm::Range& s) { return s.start < e && s.end > b; }));
        if (hits.size() != scanned) std::printf("warning: the index found %zu spans, the scan %zu\n", hits.size(), scanned);
    }

    const cm::DocLengthFn doc_length = [length](const std::string& d) -> std::optional<size_t> {
        return d == kDoc ? std::optional<size_t>(length) : std::nullopt;
    };
    std::string json;
    const double to_json = median_ms(reps, [&] { json = cm::annotations_to_json(a); });
    op(ops, "annotations_to_json", false)
        .figures.push_back({to_json, format("%.2f MB", static_cast<double>(json.size()) / 1e6)});
    bool parsed = false;
    op(ops, "annotations_from_json", false).figures.push_back({median_ms(reps, [&] {
                                                                  parsed = cm::annotations_from_json(json, doc_length)
                                                                               .annotations.has_value();
                                                              }),
                                                              ""});
    if (!parsed) std::printf("warning: annotations_from_json refused the fixture\n");

    std::string project;
    const std::vector<cm::Document> docs{doc};
    const double to_project = median_ms(reps, [&] { project = cm::project_to_json(a, docs); });
    op(ops, "project_to_json (with text)", false)
        .figures.push_back({to_project, format("%.2f MB", static_cast<double>(project.size()) / 1e6)});
    std::string autosaved;
    cm::ProjectWriteOptions no_text;
    no_text.include_text = false;  // what the page's autosave writes (texts are stored apart, once)
    no_text.pretty = false;
    op(ops, "project_to_json (no text: autosave)", false)
        .figures.push_back({median_ms(reps, [&] { autosaved = cm::project_to_json(a, docs, no_text); }),
                            format("%.2f MB", static_cast<double>(autosaved.size()) / 1e6)});
    bool imported = false;
    op(ops, "import_project (replace)", false).figures.push_back({median_ms(reps, [&] {
                                                                     imported = cm::import_project(project, docs, {},
                                                                                                   cm::ImportMode::Replace)
                                                                                    .ok;
                                                                 }),
                                                                 ""});
    if (!imported) std::printf("warning: import_project refused the fixture\n");

    // The page's load path (benchLoad): W3C annotations in, then the editor
    // replaces everything it had with them (one undo step).
    const cm::formats::Export w3c = cm::formats::export_w3c(a, docs);
    cm::formats::W3cImport from_w3c;
    op(ops, "import_w3c", false).figures.push_back({median_ms(reps, [&] { from_w3c = cm::formats::import_w3c(w3c.files.at(0).content, docs); }),
                                                   format("%.2f MB", static_cast<double>(w3c.files.at(0).content.size()) / 1e6)});
    if (!from_w3c.ok || from_w3c.annotations.spans.size() != a.spans.size())
        std::printf("warning: import_w3c placed %zu of %zu spans\n", from_w3c.annotations.spans.size(), a.spans.size());
    op(ops, "editor replace_all", false).figures.push_back({median_ms(reps, [&] {
                                                               cm::Editor fresh(doc_length, [] { return 1764662400.0; });
                                                               fresh.replace_all(from_w3c.annotations, "load");
                                                           }),
                                                           ""});

    cm::Editor editor(doc_length, [] { return 1764662400.0; });
    editor.reset(a);
    const cm::Id claim = a.labels[0].id;
    op(ops, "add_span + undo", true).figures.push_back({median_us_per_op(5, 200,
                                                                         [&](size_t i) {
                                                                             cm::SpanRequest q;
                                                                             q.doc = kDoc;
                                                                             q.label = claim;
                                                                             const uint32_t s = window_starts[i % 1024];
                                                                             q.ranges = {{s, s + 40}};
                                                                             editor.add_span(q);
                                                                             editor.undo();
                                                                         }),
                                                        ""});
    // Claims with relations (the fixture links claim 3m for m < count / 10).
    std::vector<cm::Id> linked;
    for (const auto& [id, rel] : a.relations) linked.push_back(rel.from);
    if (linked.empty()) linked.push_back(a.spans.begin()->first);
    op(ops, "delete_span + undo", true).figures.push_back({median_us_per_op(5, 200,
                                                                            [&](size_t i) {
                                                                                editor.delete_span(linked[i % linked.size()]);
                                                                                editor.undo();
                                                                            }),
                                                           format("%.0f relations", static_cast<double>(a.relations.size()))});
    if (editor.annotations().spans.size() != a.spans.size()) std::printf("warning: undo did not restore the spans\n");
}

cm::Document document_of(const cm::Text& text) {
    cm::Document d;
    d.meta.id = kDoc;
    d.meta.title = "Generated news-like article";
    d.text = text;
    return d;
}

}  // namespace

int main() {
    const auto t0 = Clock::now();
    const cm::Text full = news_text(1000000);

    std::printf("ClaimMark core scaling (median of repetitions; x prev = time / time at the previous size;\n"
                "vs n log n = x prev / growth of n log n, <= ~1 means no worse than n log n;\n"
                "vs log n = x prev / growth of log n, for per-operation costs)\n");

    {
        // A warm-up pass, thrown away: the first figures otherwise include
        // WebAssembly's tier-up to optimised code and the heap's first growth.
        std::vector<Operation> warm_up;
        const cm::Text text(full.slice(0, 10000));
        measure_text(warm_up, text, 1);
        measure_annotations(warm_up, document_of(text), news_annotations(text, 100, 9), 1);
    }
    {
        std::vector<size_t> sizes{10000, 100000, 1000000};
        std::vector<Operation> ops;
        for (const size_t n : sizes) {
            const cm::Text text = n == full.size() ? full : cm::Text(full.slice(0, n));
            const int reps = n >= 1000000 ? 3 : 5;
            measure_text(ops, text, reps);
            const cm::Document doc = document_of(text);
            measure_annotations(ops, doc, news_annotations(text, n / 100, 9), reps);
        }
        print_series("Series 1: characters (1 annotation per 100 characters, 1 relation per 5 spans)", "chars",
                     sizes, ops);
    }
    {
        std::vector<size_t> sizes{100, 1000, 10000, 100000};
        std::vector<Operation> ops;
        const cm::Document doc = document_of(full);
        for (const size_t n : sizes) measure_annotations(ops, doc, news_annotations(full, n, 10), n >= 100000 ? 3 : 5);
        print_series("Series 2: annotations on a 1,000,000-character text (1 relation per 5 spans)", "spans", sizes,
                     ops);
    }
    std::printf("\ntotal %.1f s\n", std::chrono::duration<double>(Clock::now() - t0).count());
    return 0;
}
