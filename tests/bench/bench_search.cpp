// Figures for the corpus search (core/search.h) on one big article: plain
// text (the cost of each keystroke when searching as you type) and regular
// expressions, each with and without the 5,000-hit cap. Prints a table; not
// a pass/fail test. Run natively (build/<preset>/bench_search) or as
// WebAssembly (node build/web/bench_search.js), which is what the page runs.
#include <chrono>
#include <cstdio>
#include <string>
#include <utility>

#include "core/search.h"

int main() {
    const std::string para =
        "Huawei founder Ren Zhengfei said \xE2\x80\x9Cwe have decided to exit the U.S. market\xE2\x80\x9D, "
        "the company\xE2\x80\x99s spokesman told Reuters on Tuesday, \xC3\x89lys\xC3\xA9" "e sources added.\n";
    std::printf("%-8s %-12s %-6s %10s %8s %10s\n", "text", "query", "regex", "hits", "cut", "ms");
    for (const size_t mb : {1, 5}) {
        std::string text;
        while (text.size() < mb * 1000 * 1000) text += para;
        cm::Corpus corpus;
        cm::DocumentMeta meta;
        meta.id = "big";
        corpus.documents.push_back(cm::make_document(meta, text));
        const cm::Annotations none;
        const std::pair<const char*, bool> queries[] = {
            {"huawei", false}, {"zhengfei said", false}, {"no such words", false},
            {"mark\\w+", true}, {"\\b[A-Z]\\w+", true}, {"(a+)+b", true}};
        for (const auto& [query, regex] : queries) {
            for (const size_t cap : {size_t{5000}, size_t{10000000}}) {
                cm::SearchOptions o;
                o.regex = regex;
                o.max_hits = cap;
                o.time_budget_seconds = 30;
                const auto t0 = std::chrono::steady_clock::now();
                const cm::SearchResult r = cm::search_corpus(corpus, none, query, o);
                const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
                std::printf("%zu MB     %-12s %-6s %10zu %8s %10.0f\n", mb, query, regex ? "yes" : "no", r.hits.size(),
                            r.capped ? "capped" : r.stopped ? "stopped" : "", ms);
            }
        }
    }
}
