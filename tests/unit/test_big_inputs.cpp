// Big inputs (issue 4, "malformed input … 50 MB input: an error list, no
// crash, prior state intact"): a ~50 MB project file (~400 articles of ~95 KB
// with their annotations) and a ~50 MB W3C file (annotations quoting long
// passages) load whole; the same files cut off halfway, and 50 MB of random
// bytes, are refused with one fatal problem each, and the state already open
// is untouched.
//
// The files are written here directly as text: the exporters would take
// longer than the imports in a Debug + ASan build, where JSON parses at a
// few MB/s. Natively (ASan) this takes about 45 s. The wasm run under node
// uses 5 MB to keep CI short (50 MB there takes ~35 s and ~740 MB of heap).
#include <catch2/catch.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "core/annotations.h"
#include "core/corpus.h"
#include "core/editor.h"
#include "core/formats/w3c.h"
#include "core/project_json.h"
#include "core/sha256.h"

using Catch::Matchers::StartsWith;
using cm::Document;
using cm::ImportMode;
using cm::ProjectImport;
using cm::formats::W3cImport;

namespace {

#ifndef __EMSCRIPTEN__
constexpr size_t kBytes = 50 * 1000 * 1000;
#else
constexpr size_t kBytes = 5 * 1000 * 1000;  // under node 50 MB takes ~35 s and ~740 MB; natively it runs in full
#endif

// A fast, fixed sequence of pseudo-random numbers (xorshift64).
struct Random {
    uint64_t s = 88172645463325252ull;
    uint64_t operator()() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return s;
    }
};

const char* const kWords[] = {"Huawei", "said", "the", "company", "would", "not", "exit", "market", "officials",
                              "told", "reporters", "on", "Tuesday", "that", "a", "spokesman", "denied", "it",
                              "\xE2\x80\x9Cquoted\xE2\x80\x9D", "\xF0\x9F\x98\x80", "Cafe\xCC\x81", "na\xC3\xAFve"};

uint32_t code_points(const std::string& s) {
    uint32_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// A passage of an article: bytes [from, to) and code points [start, end).
struct Passage {
    size_t from = 0, to = 0;
    uint32_t start = 0, end = 0;
};

struct Article {
    std::string id, text;
    std::vector<Passage> sentences;
};

// About `bytes` of words in sentences and paragraphs, with curly quotes, an
// emoji and a combining mark here and there.
Article article(Random& rng, size_t n, size_t bytes) {
    Article a;
    a.id = "doc" + std::to_string(n);
    a.text = "Article " + std::to_string(n) + ".\n\n";
    uint32_t cps = code_points(a.text);
    while (a.text.size() < bytes) {
        Passage s{a.text.size(), 0, cps, 0};
        for (int w = 5 + static_cast<int>(rng() % 15); w > 0; --w) {
            const char* word = kWords[rng() % (sizeof kWords / sizeof *kWords)];
            a.text += word;
            a.text += ' ';
            cps += code_points(word) + 1;
        }
        a.text.back() = '.';
        s.to = a.text.size();
        s.end = cps;
        a.sentences.push_back(s);
        const char* gap = rng() % 5 == 0 ? "\n\n" : " ";
        a.text += gap;
        cps += code_points(gap);
    }
    return a;
}

// A JSON string literal (the articles hold no control characters but LF).
void put_string(std::string& out, std::string_view s) {
    out += '"';
    for (const char c : s) {
        if (c == '\n')
            out += "\\n";
        else if (c == '"' || c == '\\')
            out += {'\\', c};
        else
            out += c;
    }
    out += '"';
}

std::string num(size_t n) { return std::to_string(n); }

// The project file: articles of ~95 KB with their text, a claim on every
// 20th sentence and a speaker on the next, said_by between them, and a
// comments zone at the end of each article.
struct Project {
    std::string file;
    size_t documents = 0, spans = 0, relations = 0;
};

const Project& project() {
    static const Project p = [] {
        Project out;
        std::string& f = out.file;
        f.reserve(kBytes + kBytes / 10);
        Random rng;
        std::string annotations, relations, zones;
        uint32_t next_id = 4;  // 1-2: labels, 3: the entity
        f += R"({"format": "claimmark", "version": 1, "documents": [)";
        while (f.size() + annotations.size() + relations.size() + zones.size() < kBytes) {
            const Article a = article(rng, out.documents, 95000);
            f += out.documents ? ",\n" : "\n";
            f += R"({"id": ")" + a.id + R"(", "title": "Article )" + num(out.documents) + R"(", "text": )";
            put_string(f, a.text);
            f += '}';
            ++out.documents;
            for (size_t k = 0; k + 1 < a.sentences.size(); k += 20) {
                const uint32_t claim = next_id++, speaker = next_id++, relation = next_id++;
                for (const auto& [id, label, s] : {std::make_tuple(claim, 1, a.sentences[k]),
                                                   std::make_tuple(speaker, 2, a.sentences[k + 1])}) {
                    annotations += annotations.empty() ? "\n" : ",\n";
                    annotations += R"({"id": )" + num(id) + R"(, "doc": ")" + a.id + R"(", "label": )" + num(label) +
                                   R"(, "ranges": [{"start": )" + num(s.start) + R"(, "end": )" + num(s.end) +
                                   R"(, "exact": )";
                    put_string(annotations, std::string_view(a.text).substr(s.from, s.to - s.from));
                    annotations += "}]";
                    if (label == 2) annotations += R"(, "entity": 3)";
                    annotations += R"(, "created": 1700000000.5, "modified": 1700000001})";
                }
                relations += relations.empty() ? "\n" : ",\n";
                relations += R"({"id": )" + num(relation) + R"(, "type": "said_by", "from": )" + num(claim) +
                             R"(, "to": )" + num(speaker) + "}";
                out.spans += 2;
                ++out.relations;
            }
            const Passage& last = a.sentences.back();
            zones += zones.empty() ? "\n" : ",\n";
            zones += R"({"id": )" + num(next_id++) + R"(, "doc": ")" + a.id + R"(", "start": )" + num(last.start) +
                     R"(, "end": )" + num(last.end) + R"(, "kind": "comments"})";
        }
        f += "],\n";
        f += R"("labels": [{"id": 1, "name": "Claim", "color": "#E69F00", "role": "claim"}, )"
             R"({"id": 2, "name": "Speaker", "color": "#0072B2", "role": "speaker"}],)" "\n";
        f += R"("entities": [{"id": 3, "name": "Ren Zhengfei", "kind": "person", "aliases": ["Mr. Ren"]}],)" "\n";
        f += R"("annotations": [)" + annotations + "],\n";
        f += R"("relations": [)" + relations + "],\n";
        f += R"("zones": [)" + zones + "]}\n";
        return out;
    }();
    return p;
}

// The W3C file: a list of annotations on 20 articles of ~100 KB, each claim
// quoting a passage of 20 sentences (~2 KB) with a note, a speaker on the
// sentence after it, and a said_by link between them.
struct W3c {
    std::vector<Document> docs;
    std::string file;
    size_t spans = 0, relations = 0;
};

const W3c& w3c() {
    static const W3c w = [] {
        W3c out;
        Random rng;
        std::vector<Article> articles;
        std::vector<std::string> sources;
        for (size_t n = 0; n < 20; ++n) {
            articles.push_back(article(rng, n, 100000));
            cm::DocumentMeta meta;
            meta.id = articles.back().id;
            meta.title = meta.id;
            out.docs.push_back(cm::make_document(meta, articles.back().text));
            sources.push_back("urn:sha256:" + cm::sha256_hex(articles.back().text));
        }
        std::string& f = out.file;
        f.reserve(kBytes + kBytes / 10);
        f += "[";
        const std::string note(500, 'n');
        for (size_t n = 0; f.size() < kBytes; ++n) {
            const size_t d = n % articles.size();
            const Article& a = articles[d];
            const size_t first = n / articles.size() % (a.sentences.size() - 21);  // no two alike
            const Passage claim{a.sentences[first].from, a.sentences[first + 19].to, a.sentences[first].start,
                                a.sentences[first + 19].end};
            const Passage& speaker = a.sentences[first + 20];
            const std::string id = "urn:x:" + num(n);
            for (const auto& [suffix, tag, p] : {std::make_tuple("c", "Claim", claim), std::make_tuple("s", "Speaker", speaker)}) {
                f += n || *suffix == 's' ? ",\n" : "\n";
                f += R"({"id": ")" + id + suffix + R"(", "type": "Annotation", "body": [)"
                     R"({"type": "TextualBody", "purpose": "tagging", "value": ")" + tag + R"("})";
                if (*suffix == 'c')
                    f += R"(, {"type": "TextualBody", "purpose": "commenting", "value": ")" + note + R"("})";
                f += R"(], "target": {"source": ")" + sources[d] + R"(", "selector": [)"
                     R"({"type": "TextPositionSelector", "start": )" + num(p.start) + R"(, "end": )" + num(p.end) +
                     R"(}, {"type": "TextQuoteSelector", "exact": )";
                put_string(f, std::string_view(a.text).substr(p.from, p.to - p.from));
                f += "}]}}";
                ++out.spans;
            }
            f += R"(,
{"type": "Annotation", "motivation": "linking", "body": {"type": "TextualBody", "value": "said_by"}, "target": [")" +
                 id + R"(c", ")" + id + R"(s"]})";
            ++out.relations;
        }
        f += "]\n";
        return out;
    }();
    return w;
}

const std::string& junk() {
    static const std::string j = [] {
        Random rng;
        std::string s(kBytes, '\0');
        for (size_t i = 0; i + 8 <= s.size(); i += 8) {
            const uint64_t r = rng();
            for (size_t k = 0; k < 8; ++k) s[i + k] = static_cast<char>(r >> (8 * k));
        }
        return s;
    }();
    return j;
}

// The invariants of `a` against `docs`, "" when they hold.
std::string broken(const cm::Annotations& a, const std::vector<Document>& docs) {
    cm::Editor ed(
        [&docs](const std::string& id) -> std::optional<size_t> {
            for (const Document& d : docs)
                if (d.meta.id == id) return d.text.size();
            return std::nullopt;
        },
        [] { return 0.0; });
    ed.reset(a);
    return ed.check_invariants();
}

// A small state the user has open while importing: it must stay as it is.
struct OpenState {
    std::vector<Document> docs;
    cm::Editor editor{[](const std::string& id) -> std::optional<size_t> {
                          return id == "open" ? std::optional<size_t>(16) : std::nullopt;
                      },
                      [] { return 1.7e9; }};
    OpenState() {
        cm::DocumentMeta meta;
        meta.id = "open";
        docs.push_back(cm::make_document(meta, "An open article."));
        cm::Annotations a;
        a.labels = cm::default_labels(a.next_id);
        editor.reset(a);
        REQUIRE(editor.add_span({"open", 1, {{0, 7}}, cm::kNoId, "", {}}) != cm::kNoId);
    }
    std::string state() const { return cm::project_to_json(editor.annotations(), docs); }
};

}  // namespace

TEST_CASE("big inputs: a 50 MB project file loads whole, and cut off or junk it is refused", "[big][project]") {
    const Project& p = project();
    INFO("project file: " << p.file.size() << " bytes, " << p.documents << " documents, " << p.spans << " spans");
    CHECK(p.file.size() > kBytes * 95 / 100);

    const ProjectImport r = cm::import_project(p.file, {}, {}, ImportMode::Replace);
    REQUIRE(r.ok);
    CHECK(r.problems.empty());
    CHECK(r.new_documents.size() == p.documents);
    CHECK(r.annotations.spans.size() == p.spans);
    CHECK(r.annotations.relations.size() == p.relations);
    CHECK(r.annotations.zones.size() == p.documents);
    CHECK(broken(r.annotations, r.new_documents) == "");

    OpenState open;
    const std::string before = open.state();
    const uint64_t revision = open.editor.revision();
    // Cut off halfway (a download that stopped), and junk. (A big parse takes
    // seconds here, so each is tried in one mode.)
    const std::pair<std::string, ImportMode> bad_files[] = {{p.file.substr(0, p.file.size() / 2), ImportMode::Merge},
                                                           {junk(), ImportMode::Replace}};
    for (const auto& [bad, mode] : bad_files) {
        const ProjectImport f = cm::import_project(bad, open.docs, open.editor.annotations(), mode);
        CHECK_FALSE(f.ok);
        REQUIRE(f.problems.size() == 1);
        CHECK(f.problems[0].fatal);
        CHECK_THAT(f.problems[0].what, StartsWith("the file is not valid JSON ("));
        CHECK(f.annotations.spans.empty());
        CHECK(f.new_documents.empty());
    }
    // Nothing was applied: the open state is as it was.
    CHECK(open.editor.revision() == revision);
    CHECK(open.state() == before);
}

TEST_CASE("big inputs: a 50 MB W3C file loads whole, and cut off or junk it is refused", "[big][formats][w3c]") {
    const W3c& w = w3c();
    INFO("W3C file: " << w.file.size() << " bytes, " << w.spans << " spans");
    CHECK(w.file.size() > kBytes);

    const W3cImport r = cm::formats::import_w3c(w.file, w.docs);
    REQUIRE(r.ok);
    CHECK(r.problems.empty());
    CHECK(r.orphans.empty());
    CHECK(r.annotations.spans.size() == w.spans);
    CHECK(r.annotations.relations.size() == w.relations);
    CHECK(broken(r.annotations, w.docs) == "");

    for (const std::string& bad : {w.file.substr(0, w.file.size() / 2), junk()}) {
        const W3cImport f = cm::formats::import_w3c(bad, w.docs);
        CHECK_FALSE(f.ok);
        REQUIRE(f.problems.size() == 1);
        CHECK(f.problems[0].fatal);
        CHECK_THAT(f.problems[0].what, StartsWith("the file is not valid JSON ("));
        CHECK(f.annotations.spans.empty());
        CHECK(f.orphans.empty());
    }
}
