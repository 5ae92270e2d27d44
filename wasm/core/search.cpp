#include "search.h"

#include <algorithm>
#include <chrono>
#include <regex>

#include "regex_check.h"
#include "text_boundaries.h"
#include "utf8.h"

namespace cm {

namespace {

// std::wregex over code points: wchar_t holds one on every platform we
// build for (Linux, macOS and emscripten), so offsets need no conversion.
static_assert(sizeof(wchar_t) == 4, "the regex search needs a 32-bit wchar_t");

// The standard traits fold case through the C locale (ASCII only in libc++);
// these fold as the plain search does, on every platform.
struct FoldingTraits : std::regex_traits<wchar_t> {
    wchar_t translate_nocase(wchar_t c) const {
        return static_cast<wchar_t>(fold_case_simple(static_cast<char32_t>(c)));
    }
};
using FoldingRegex = std::basic_regex<wchar_t, FoldingTraits>;

using Clock = std::chrono::steady_clock;

bool touches_word(const std::u32string& t, size_t start, size_t end) {
    return (start > 0 && is_word_char(t[start - 1])) || (end < t.size() && is_word_char(t[end]));
}

// One search: the query prepared once, then run over texts and notes.
class Matcher {
public:
    Matcher(const std::u32string& query, const SearchOptions& o) : o_(o) {
        if (o.regex) {
            const auto flags = std::regex_constants::ECMAScript |
                               (o.case_sensitive ? std::regex_constants::syntax_option_type{} : std::regex_constants::icase);
            const std::wstring pattern(query.begin(), query.end());
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
            // The check above should leave nothing for std::regex to refuse;
            // where exceptions exist (native builds), catch what it missed.
            try {
                re_ = FoldingRegex(pattern, flags);
            } catch (const std::regex_error& e) {
                error_ = std::string("std::regex refused the pattern: ") + e.what();
            }
#else
            re_ = FoldingRegex(pattern, flags);
#endif
        } else {
            folded_.reserve(query.size());
            for (char32_t c : query) folded_.push_back(key(c));
        }
    }

    const std::string& error() const { return error_; }

    // Calls emit(start, end) for each hit in `t`, left to right, not
    // overlapping; stops when emit returns false or the deadline passes
    // (returns false then).
    template <class Emit>
    bool run(const std::u32string& t, Clock::time_point deadline, Emit emit) {
        return o_.regex ? run_regex(t, deadline, emit) : run_plain(t, emit);
    }

private:
    const SearchOptions& o_;
    std::u32string folded_;
    FoldingRegex re_;
    std::wstring paragraph_;  // reused
    std::string error_;

    char32_t key(char32_t c) const { return fold_quote(o_.case_sensitive ? c : fold_case_simple(c)); }

    template <class Emit>
    bool run_plain(const std::u32string& t, Emit& emit) {
        const size_t m = folded_.size(), n = t.size();
        if (m == 0 || m > n) return true;
        const char32_t first = folded_[0];
        for (size_t at = 0; at + m <= n;) {
            if (key(t[at]) != first) {
                ++at;
                continue;
            }
            size_t k = 1;
            while (k < m && key(t[at + k]) == folded_[k]) ++k;
            if (k < m || (o_.whole_word && touches_word(t, at, at + m))) {
                ++at;  // a later, overlapping occurrence may still stand alone
                continue;
            }
            if (!emit(at, at + m)) return true;
            at += m;
        }
        return true;
    }

    template <class Emit>
    bool run_regex(const std::u32string& t, Clock::time_point deadline, Emit& emit) {
        for (size_t pb = 0; pb < t.size();) {
            size_t pe = t.find(U'\n', pb);
            if (pe == std::u32string::npos) pe = t.size();
            if (pe > pb) {
                if (Clock::now() > deadline) return false;
                paragraph_.assign(t.begin() + static_cast<std::ptrdiff_t>(pb), t.begin() + static_cast<std::ptrdiff_t>(pe));
                if (!run_paragraph(t, pb, emit)) return true;
            }
            pb = pe + 1;
        }
        return true;
    }

    // False when emit asked to stop.
    template <class Emit>
    bool run_paragraph(const std::u32string& t, size_t offset, Emit& emit) {
        const wchar_t* const begin = paragraph_.data();
        const wchar_t* const end = begin + paragraph_.size();
        std::match_results<const wchar_t*> m;
        for (const wchar_t* from = begin; from <= end;) {
            auto flags = std::regex_constants::match_default;
            if (from != begin) flags |= std::regex_constants::match_prev_avail;  // ^ and \b see what came before
            if (!std::regex_search(from, end, m, re_, flags)) break;
            const size_t s = offset + static_cast<size_t>(m[0].first - begin);
            const size_t e = offset + static_cast<size_t>(m[0].second - begin);
            if (s == e || (o_.whole_word && touches_word(t, s, e))) {
                if (m[0].first == end) break;
                from = m[0].first + 1;  // an empty or part-word match: look again one further on
                continue;
            }
            if (!emit(s, e)) return false;
            from = m[0].second;
        }
        return true;
    }
};

}  // namespace

char32_t fold_case_simple(char32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 0x20 : c;
    if (c < 0x100) {
        if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
        if (c == 0xB5) return 0x3BC;  // micro sign → μ
        return c;
    }
    if (c < 0x180) {  // Latin Extended-A: upper and lower case in pairs
        if (c == 0x130 || c == 0x131 || c == 0x138 || c == 0x149) return c;  // İ ı ĸ ŉ have no simple pair
        if (c == 0x178) return 0xFF;                                           // Ÿ → ÿ
        if (c == 0x17F) return 's';                                            // long s
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c % 2 == 1) ? c + 1 : c;
        return (c % 2 == 0) ? c + 1 : c;
    }
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 0x20;  // Greek capitals
    if (c == 0x3C2) return 0x3C3;                                  // final sigma
    if (c >= 0x410 && c <= 0x42F) return c + 0x20;                 // Cyrillic capitals
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;
    if (c == 0x1E9E) return 0xDF;  // capital sharp s
    return c;
}

char32_t fold_quote(char32_t c) {
    if (c == 0x2018 || c == 0x2019 || c == 0x201B) return '\'';
    if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F) return '"';
    return c;
}

SearchResult search_corpus(const Corpus& corpus, const Annotations& annotations, const std::string& query,
                           const SearchOptions& o) {
    SearchResult r;
    const std::u32string q = Text(query).codepoints();
    if (q.empty()) return r;
    if (o.regex) {
        r.error = check_regex_pattern(q);
        if (!r.error.empty()) return r;
    }
    Matcher matcher(q, o);
    if (!matcher.error().empty()) {
        r.error = matcher.error();
        return r;
    }
    const auto deadline = Clock::now() + std::chrono::microseconds(static_cast<int64_t>(o.time_budget_seconds * 1e6));
    for (const Document& d : corpus.documents) {
        if (!o.only_doc.empty() && d.meta.id != o.only_doc) continue;
        const size_t before = r.hits.size();
        auto add = [&](Id span) {
            return [&r, &o, &d, span](size_t s, size_t e) {
                if (r.hits.size() >= o.max_hits) {
                    r.capped = true;
                    return false;
                }
                r.hits.push_back(SearchHit{d.meta.id, static_cast<uint32_t>(s), static_cast<uint32_t>(e), span});
                return true;
            };
        };
        r.stopped = !matcher.run(d.text.codepoints(), deadline, add(kNoId));
        if (o.include_notes && !r.capped && !r.stopped) {
            for (const Span* s : annotations.spans_in(d.meta.id)) {
                if (s->note.empty()) continue;
                const size_t text_hits = r.hits.size();
                r.stopped = !matcher.run(Text(s->note).codepoints(), deadline, add(s->id));
                r.note_hits += r.hits.size() - text_hits;
                if (r.capped || r.stopped) break;
            }
        }
        if (r.hits.size() > before) ++r.documents_with_hits;
        if (r.capped || r.stopped) break;
    }
    return r;
}

SearchSnippet search_snippet(const std::u32string& t, size_t start, size_t end, size_t words_each_side,
                             size_t max_context_chars, size_t max_match_chars) {
    const size_t n = t.size();
    end = std::min(end, n);
    start = std::min(start, end);
    auto one_line = [](std::u32string s) {
        for (char32_t& c : s)
            if (c == '\n' || c == '\t' || c == '\r') c = ' ';
        return encode_utf8(s);
    };
    // Back to the start of the words_each_side-th word before the hit, within its paragraph.
    size_t b = start, words = 0;
    while (b > 0 && t[b - 1] != '\n' && start - b < max_context_chars) {
        --b;
        if (is_word_char(t[b]) && (b == 0 || !is_word_char(t[b - 1])) && ++words == words_each_side) break;
    }
    size_t e = end;
    words = 0;
    while (e < n && t[e] != '\n' && e - end < max_context_chars) {
        ++e;
        if (is_word_char(t[e - 1]) && (e == n || !is_word_char(t[e])) && ++words == words_each_side) break;
    }
    SearchSnippet out;
    const bool cut_before = b > 0 && t[b - 1] != '\n';
    const bool cut_after = e < n && t[e] != '\n';
    out.before = (cut_before ? "\xE2\x80\xA6" : "") + one_line(t.substr(b, start - b));
    if (end - start > max_match_chars) {
        const size_t half = max_match_chars / 2;
        out.match = one_line(t.substr(start, half)) + "\xE2\x80\xA6" + one_line(t.substr(end - half, half));
    } else {
        out.match = one_line(t.substr(start, end - start));
    }
    out.after = one_line(t.substr(end, e - end)) + (cut_after ? "\xE2\x80\xA6" : "");
    return out;
}

}  // namespace cm
