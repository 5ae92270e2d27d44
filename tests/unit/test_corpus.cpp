// Loading the corpus manifest and making documents from raw bytes.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>

#include "core/corpus.h"

using Catch::Matchers::Contains;
using cm::Corpus;
using cm::load_corpus;

namespace {

// A ReadFileFn over an in-memory set of files.
cm::ReadFileFn files(std::map<std::string, std::string> contents) {
    return [contents = std::move(contents)](const std::string& path) -> std::optional<std::string> {
        auto it = contents.find(path);
        if (it == contents.end()) return std::nullopt;
        return it->second;
    };
}

const std::map<std::string, std::string> kFiles = {
    {"a.txt", "Alpha text"},
    {"b.txt", "Beta \xE2\x80\x9Cquoted\xE2\x80\x9D text"},
    {"c.txt", "Gamma"},
};

}  // namespace

TEST_CASE("normalise_newlines", "[corpus]") {
    CHECK(cm::normalise_newlines("a\r\nb\rc\nd") == "a\nb\nc\nd");
    CHECK(cm::normalise_newlines("\xEF\xBB\xBFhi") == "hi");
    CHECK(cm::normalise_newlines("a\r\n\r\nb") == "a\n\nb");
    CHECK(cm::normalise_newlines("x\r") == "x\n");
    CHECK(cm::normalise_newlines("a\n\rb") == "a\n\nb");
    // Only a leading BOM is dropped.
    CHECK(cm::normalise_newlines("a\xEF\xBB\xBF") == "a\xEF\xBB\xBF");
    CHECK(cm::normalise_newlines("").empty());
}

TEST_CASE("make_document: BOM and CRLF are normalised before offsets are counted", "[corpus]") {
    cm::DocumentMeta meta;
    meta.id = "d1";
    const cm::Document d = cm::make_document(meta, "\xEF\xBB\xBFOne\r\nTwo \xE2\x80\x9CX\xE2\x80\x9D\r\n");
    CHECK(d.meta.id == "d1");
    CHECK(d.text.utf8() == "One\nTwo \xE2\x80\x9CX\xE2\x80\x9D\n");
    CHECK(d.text.size() == 12);  // O n e \n T w o _ “ X ” \n
    CHECK(d.text.at(3) == '\n');
    CHECK(d.text.at(8) == 0x201C);
    CHECK(d.warnings.empty());
}

TEST_CASE("make_document: invalid UTF-8 becomes U+FFFD with a warning", "[corpus]") {
    const cm::Document two = cm::make_document({}, "ok\xFF and \xE2\x80" " here");
    CHECK(two.text.invalid_sequences() == 2);
    CHECK(two.text.codepoints() == U"ok\uFFFD and \uFFFD here");
    REQUIRE(two.warnings.size() == 1);
    CHECK_THAT(two.warnings[0], Contains("2 invalid UTF-8 sequences"));

    const cm::Document one = cm::make_document({}, "\xC0");
    REQUIRE(one.warnings.size() == 1);
    CHECK_THAT(one.warnings[0], Contains("1 invalid UTF-8 sequence was"));
}

TEST_CASE("load_corpus: a good manifest", "[corpus]") {
    const char* manifest = R"({
      "documents": [
        {"id": "a", "file": "a.txt", "headline": "Alpha", "outlet": "Out", "author": "Ann",
         "date": "2013-04-25", "date_note": "from a comment"},
        {"id": "b", "file": "b.txt"}
      ]
    })";
    const Corpus c = load_corpus(manifest, files(kFiles));
    CHECK(c.problems.empty());
    REQUIRE(c.documents.size() == 2);
    const cm::Document& a = c.documents[0];
    CHECK(a.meta.id == "a");
    CHECK(a.meta.file == "a.txt");
    CHECK(a.meta.title == "Alpha");
    CHECK(a.meta.outlet == "Out");
    CHECK(a.meta.author == "Ann");
    CHECK(a.meta.date == "2013-04-25");
    CHECK(a.meta.date_note == "from a comment");
    CHECK(a.text.utf8() == "Alpha text");
    // No headline: the id stands in; absent fields stay empty.
    CHECK(c.documents[1].meta.title == "b");
    CHECK(c.documents[1].meta.outlet.empty());
    CHECK(c.documents[1].text.size() == 18);

    CHECK(c.index_of("b") == 1);
    CHECK(c.index_of("zzz") == -1);
    REQUIRE(c.find("a") != nullptr);
    CHECK(c.find("a")->meta.title == "Alpha");
    CHECK(c.find("zzz") == nullptr);
}

TEST_CASE("load_corpus: malformed manifests are reported, not fatal", "[corpus]") {
    for (const char* bad : {"{\"documents\": [", "", "not json at all"}) {
        INFO(bad);
        const Corpus c = load_corpus(bad, files(kFiles));
        CHECK(c.documents.empty());
        REQUIRE(c.problems.size() == 1);
        CHECK_THAT(c.problems[0], Contains("not valid JSON"));
    }
    for (const char* no_list : {"{}", "[1, 2]", "{\"documents\": {\"id\": \"a\"}}", "{\"docs\": []}"}) {
        INFO(no_list);
        const Corpus c = load_corpus(no_list, files(kFiles));
        CHECK(c.documents.empty());
        REQUIRE(c.problems.size() == 1);
        CHECK_THAT(c.problems[0], Contains("no \"documents\" list"));
    }
    const Corpus empty = load_corpus(R"({"documents": []})", files(kFiles));
    CHECK(empty.documents.empty());
    CHECK(empty.problems.empty());
}

TEST_CASE("load_corpus: bad entries are skipped, the others still load", "[corpus]") {
    const char* manifest = R"({"documents": [
        {"id": "a", "file": "a.txt"},
        {"file": "b.txt"},
        {"id": "nofile"},
        {"id": 7, "file": "c.txt"},
        "just a string",
        {"id": "a", "file": "c.txt"},
        {"id": "gone", "file": "missing.txt"},
        {"id": "c", "file": "c.txt"}
    ]})";
    const Corpus c = load_corpus(manifest, files(kFiles));
    REQUIRE(c.documents.size() == 2);
    CHECK(c.documents[0].meta.id == "a");
    CHECK(c.documents[0].text.utf8() == "Alpha text");  // the first "a" wins
    CHECK(c.documents[1].meta.id == "c");
    CHECK(c.documents[1].text.utf8() == "Gamma");

    REQUIRE(c.problems.size() == 6);
    CHECK_THAT(c.problems[0], Contains("documents[1]") && Contains("\"id\""));
    CHECK_THAT(c.problems[1], Contains("documents[2]") && Contains("\"file\""));
    CHECK_THAT(c.problems[2], Contains("documents[3]"));  // a number is not an id
    CHECK_THAT(c.problems[3], Contains("documents[4]") && Contains("not an object"));
    CHECK_THAT(c.problems[4], Contains("documents[5]") && Contains("\"a\" is used twice"));
    CHECK_THAT(c.problems[5], Contains("documents[6]") && Contains("missing.txt"));
}

#ifdef CM_TEST_DATA_DIR
namespace {

std::optional<std::string> read_data_file(const std::string& name) {
    std::ifstream in(std::string(CM_TEST_DATA_DIR) + "/" + name, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("load_corpus: the bundled sample corpus", "[corpus][data]") {
    const std::optional<std::string> manifest = read_data_file("manifest.json");
    REQUIRE(manifest);
    const Corpus c = load_corpus(*manifest, read_data_file);
    CHECK(c.problems.empty());
    REQUIRE(c.documents.size() == 5);
    CHECK(c.documents[0].meta.id == "065695c9ad3a5c37");
    CHECK(c.documents[4].meta.id == "be08c3d948cef3cf");

    bool curly_quotes = false;
    for (const cm::Document& d : c.documents) {
        INFO(d.meta.id);
        CHECK(d.text.size() > 0);
        CHECK(d.warnings.empty());
        CHECK_FALSE(d.meta.title.empty());
        if (d.text.codepoints().find(U'\u201C') != std::u32string::npos) curly_quotes = true;
    }
    CHECK(curly_quotes);

    // This article's text opens with site chrome, not its headline.
    const cm::Document* d = c.find("be08c3d948cef3cf");
    REQUIRE(d != nullptr);
    CHECK(d->meta.title == "Huawei No Longer Focusing on U.S. Carrier Business");
    CHECK(d->text.utf8().rfind("Sign in with", 0) == 0);
    CHECK(d->text.utf8().rfind(d->meta.title, 0) == std::string::npos);
    CHECK(d->text.utf8().find(d->meta.title) != std::string::npos);
}
#endif
