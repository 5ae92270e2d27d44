// Figures for bringing in a big article, stage by stage: conversion, the
// text (code-point index), id (SHA-256), layout, and the save's serialisation.
// Prints a table; not a pass/fail test. Run: scripts/bench.sh (native) or
// node build/web/bench_import.js (the same code as WebAssembly).
#include <chrono>
#include <cstdio>
#include <string>

#include "core/article_import.h"
#include "core/layout.h"
#include "core/project_json.h"

namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

template <typename F>
double time_ms(F&& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return ms_since(t0);
}

// A news-like HTML page of about `bytes`: quotes, entities, accents, an emoji.
std::string html_of_size(size_t bytes) {
    const std::string para =
        "<p>The minister said &ldquo;we will not leave the market&rdquo; on Monday, according to Reuters; "
        "Zo\xC3\xAB M\xC3\xBCller \xE2\x80\x94 the company\xE2\x80\x99s spokeswoman \xE2\x80\x94 denied it "
        "\xF0\x9F\x93\xB0 and added that &quot;nothing has changed&quot;.</p>\n";
    std::string out = "<!doctype html><html><head><title>Big story</title></head><body>\n";
    while (out.size() < bytes) out += para;
    return out + "</body></html>\n";
}

}  // namespace

int main() {
    std::printf("%-8s %12s %12s %12s %12s %12s\n", "input", "convert ms", "text ms", "id ms", "layout ms", "save ms");
    for (const size_t mb : {1, 5, 20}) {
        const std::string html = html_of_size(mb * 1000 * 1000);
        cm::ArticleDraft draft;
        const double convert = time_ms([&] { draft = cm::draft_article("big.html", html); });
        cm::Text text;
        const double text_ms = time_ms([&] { text = cm::Text(draft.text); });  // the code-point index
        std::string id;
        const double id_ms = time_ms([&] { id = cm::document_id_for(draft.text); });  // SHA-256
        cm::Document doc = cm::make_article(draft);
        cm::TextLayout layout;
        const double lay = time_ms([&] { layout.build(doc.text, [](char32_t c) { return c == ' ' ? 4.0f : 8.5f; }, 28, 650); });
        cm::Annotations none;
        std::string json;
        const double save = time_ms([&] { json = cm::project_to_json(none, {doc}); });
        std::printf("%3zu MB   %12.1f %12.1f %12.1f %12.1f %12.1f\n", mb, convert, text_ms, id_ms, lay, save);
    }
    return 0;
}
