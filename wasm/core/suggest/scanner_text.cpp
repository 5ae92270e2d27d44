// The Suggester's set-up and its view of the text: the reader-comments limit,
// the known entities, tokens, paired quotation marks and sentences.
#include "scanner.h"

#include <algorithm>

#include "core/utf8.h"

namespace cm::suggest_detail {

// ---- set-up ----

void Suggester::find_limit() {
    limit_ = cps_.size();
    if (!opt_.skip_comments) return;
    size_t line = 0;
    for (size_t i = 0; i <= cps_.size(); ++i) {
        if (i < cps_.size() && cps_[i] != '\n') continue;
        size_t b = line, e = i;
        while (b < e && is_space(cps_[b])) ++b;
        while (e > b && is_space(cps_[e - 1])) --e;
        // Not the first line: an article called "Comments" keeps its text.
        if (b < e && line > 0 && is_comments_heading(std::u32string_view(cps_).substr(b, e - b))) {
            limit_ = line;
            return;
        }
        line = i + 1;
    }
}

void Suggester::load_known() {
    if (!opt_.known) return;
    for (const auto& [id, entity] : opt_.known->entities) {
        std::vector<std::string> names = entity.aliases;
        names.push_back(entity.name);
        for (const std::string& name : names) {
            if (name.empty()) continue;
            known_names_.emplace(fold(name), id);
            if (entity.kind != EntityKind::Person) continue;
            size_t b = 0;
            const std::string f = fold(name);
            while (b < f.size()) {  // its words, without an honorific ("mr. ren" -> "ren")
                size_t e = f.find(' ', b);
                if (e == std::string::npos) e = f.size();
                std::string w = f.substr(b, e - b);
                while (!w.empty() && w.back() == '.') w.pop_back();
                if (!w.empty() && !in(honorifics(), w)) {
                    std::vector<Id>& ids = known_words_[w];
                    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
                }
                b = e + 1;
            }
        }
    }
}

void Suggester::tokenize() {
    const size_t n = limit_;
    bool space = true;
    int para = 0;
    for (size_t i = 0; i < n;) {
        const char32_t c = cps_[i];
        if (c == '\n') {
            Token k;
            k.b = static_cast<uint32_t>(i);
            k.e = k.b + 1;
            k.kind = Kind::Newline;
            k.space_before = true;
            push(std::move(k), para);
            ++para;
            space = true;
            ++i;
            continue;
        }
        if (is_space(c) || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F)) {  // joiners and variation selectors: nothing
            space = space || is_space(c);
            ++i;
            continue;
        }
        Token k;
        k.b = static_cast<uint32_t>(i);
        k.space_before = space;
        space = false;
        if (is_letter(c)) {
            size_t j = i + 1;
            while (j < n) {
                if (is_letter(cps_[j])) {
                    ++j;
                    continue;
                }
                // Joiners inside a word: apostrophes and hyphens between
                // letters (don't, Huawei’s, co-founder), points and commas
                // between digits (3.5, 1,200), points after single letters (U.S, e.g).
                const char32_t d = cps_[j];
                if (j + 1 < n && is_letter(cps_[j + 1])) {
                    if (d == '\'' || d == 0x2019 || d == '-' || d == 0x2010 || d == 0x2011) {
                        j += 2;
                        continue;
                    }
                    if ((d == '.' || d == ',') && is_digit(cps_[j - 1]) && is_digit(cps_[j + 1])) {
                        j += 2;
                        continue;
                    }
                    if (d == '.' && !is_digit(cps_[j - 1]) && (j - 1 == i || !is_letter(cps_[j - 2]))) {
                        j += 2;
                        continue;
                    }
                }
                break;
            }
            k.kind = Kind::Word;
            k.e = static_cast<uint32_t>(j);
            k.cap = is_upper(c);
            int letters = 0, upper = 0;
            for (size_t p = i; p < j; ++p) {
                const char32_t d = cps_[p];
                if (d < 0x80 && d >= 'A' && d <= 'Z')
                    k.low += static_cast<char>(d - 'A' + 'a');
                else if (d == 0x2019)
                    k.low += '\'';
                else
                    append_utf8(k.low, d);
                if (is_letter(d) && !is_digit(d)) {
                    ++letters;
                    upper += is_upper(d) ? 1 : 0;
                }
            }
            k.allcaps = letters >= 2 && upper == letters;
            i = j;
        } else {
            k.kind = is_double_quote(c) ? Kind::Quote : Kind::Punct;
            k.ch = c;
            k.e = k.b + 1;
            ++i;
        }
        push(std::move(k), para);
    }
}

void Suggester::push(Token k, int para) {
    tok_.push_back(std::move(k));
    para_.push_back(para);
}

// ---- token helpers ----

const VerbKind* Suggester::verb_at(int i) const {
    if (!word(i) || tok_[i].cap) return nullptr;
    const auto it = reporting_verbs().find(tok_[i].low);
    if (it == reporting_verbs().end()) return nullptr;
    if (tok_[i].low == "put" && !is(i + 1, "it")) return nullptr;  // "as she put it"
    if (tok_[i].low == "pointing" && !is(i + 1, "out")) return nullptr;
    return &it->second;
}

// ---- quotations ----

void Suggester::pair_quotes() {
    in_quote_.assign(tok_.size(), -1);
    std::vector<int> stack;
    int unclosed_prev = -1;  // a quote left open at the end of the previous paragraph
    auto opener_context = [&](int i) {
        return i == 0 || tok_[i].space_before || newline(i - 1) || tok_[i - 1].kind == Kind::Quote ||
               punct(i - 1, '(') || punct(i - 1, '[') || dash(i - 1) || punct(i - 1, ':') || punct(i - 1, '-');
    };
    auto closer_context = [&](int i) {
        return i > 0 && !tok_[i].space_before && !newline(i - 1) &&
               (i + 1 >= n_ || tok_[i + 1].space_before || tok_[i + 1].kind != Kind::Word);
    };
    // Top-level quotes are recorded in the order they open: a quote only
    // closes at top level when nothing opened before it is still open.
    auto record = [&](int open, int close, int end) {
        Quote q;
        q.open = open;
        q.close = close;
        q.end = end;
        if (unclosed_prev >= 0 && (open == 0 || newline(open - 1))) q.continued_from = unclosed_prev;
        quotes_.push_back(q);
    };
    auto end_paragraph = [&](int end) {
        unclosed_prev = -1;
        if (!stack.empty()) {
            unclosed_prev = static_cast<int>(quotes_.size());
            record(stack.front(), -1, end);
        }
        stack.clear();
    };
    for (int i = 0; i < n_; ++i) {
        const Token& k = tok_[i];
        if (k.kind == Kind::Newline) {
            if (!stack.empty() || (i > 0 && !newline(i - 1))) end_paragraph(i);
            continue;
        }
        if (k.kind != Kind::Quote) continue;
        const QuoteShape s = quote_shape(k.ch);
        const bool top_straight = !stack.empty() && quote_shape(tok_[stack.back()].ch) == QuoteShape::Straight;
        bool close = false;
        if (s == QuoteShape::Open)  // “ as a closer: misused, or German „…“
            close = !stack.empty() && closer_context(i) &&
                    (!opener_context(i) || tok_[stack.back()].ch == 0x201E);
        else if (s == QuoteShape::Close)  // ” as an opener: misused
            close = !stack.empty() || !opener_context(i);
        else if (top_straight)
            close = true;
        else if (!stack.empty())  // a straight quote inside a curly one: nested, or a mixed-style closer
            close = closer_context(i) && !opener_context(i);
        else if (i > 0 && !k.space_before && tok_[i - 1].kind == Kind::Word && is_digit(cps_[tok_[i - 1].e - 1]))
            continue;  // inches
        if (!close) {
            if (stack.size() < 16) stack.push_back(i);
            continue;
        }
        if (stack.empty()) continue;  // a stray closing quote
        // A curly closer skips straight quotes left open inside its quote.
        if (s == QuoteShape::Close)
            while (stack.size() > 1 && quote_shape(tok_[stack.back()].ch) == QuoteShape::Straight) stack.pop_back();
        const int open = stack.back();
        stack.pop_back();
        if (stack.empty()) record(open, i, i);
    }
    if (n_ > 0 && !newline(n_ - 1)) end_paragraph(n_);
    for (size_t q = 0; q < quotes_.size(); ++q) {
        const Quote& quote = quotes_[q];
        const int last = quote.close >= 0 ? quote.close : quote.end - 1;
        for (int i = quote.open; i <= last && i < n_; ++i) in_quote_[i] = static_cast<int>(q);
    }
}

// ---- sentences ----

bool Suggester::sentence_starter(int i) const {
    if (i >= n_ || newline(i)) return true;
    const Token& k = tok_[i];
    if (k.kind == Kind::Word) return k.cap || is_digit(cps_[k.b]);
    if (k.kind == Kind::Quote) return in_quote_[i] >= 0 && quotes_[in_quote_[i]].open == i;
    return k.ch == '(' || k.ch == '[' || k.ch == 0x2014;
}

bool Suggester::abbreviation_before(int dot) const {
    if (!word(dot - 1) || tok_[dot].space_before) return false;
    const Token& w = tok_[dot - 1];
    if (in(honorifics(), w.low)) return true;  // "Mr." never ends a sentence
    const bool abbrev = (w.cap && w.e - w.b == 1) || w.low.find('.') != std::string::npos ||
                        in(titles(), w.low) ||
                        w.low == "inc" || w.low == "corp" || w.low == "co" || w.low == "ltd" || w.low == "st" ||
                        w.low == "jr" || w.low == "sr" || w.low == "no" || w.low == "vs" || w.low == "mt" ||
                        w.low == "ft" || w.low == "dept" || w.low == "approx" ||
                        (in(non_name_starts(), w.low) && w.low.size() <= 4 && w.cap);
    if (!abbrev) return false;
    // "… in the U.S. The" still ends: the next word is one that only a sentence starts with.
    return !(word(dot + 1) && tok_[dot + 1].cap && in(sentence_initial_words(), tok_[dot + 1].low));
}

bool Suggester::boundary_after(int i) const {
    if (newline(i)) return true;
    const int q = in_quote_[i];
    if (q >= 0) {  // no sentence ends inside a quotation; one may end with it ("… done." He left.)
        if (quotes_[q].close != i) return false;
        return terminal(i - 1) && sentence_starter(i + 1);
    }
    if (!terminal(i)) return false;
    if (punct(i, '.') && abbreviation_before(i)) return false;
    if (terminal(i + 1)) return false;  // "?!" and "...": the last one ends it
    return sentence_starter(i + 1);
}

void Suggester::find_sentences() {
    sent_b_.assign(tok_.size(), 0);
    sent_e_.assign(tok_.size(), n_);
    // Sentences are cut at kMaxSentence tokens: that is no longer prose,
    // and it keeps every scan to a sentence's end bounded (linear time).
    std::vector<bool> ends(tok_.size(), false);
    int b = 0;
    for (int i = 0; i < n_; ++i) {
        sent_b_[i] = b;
        ends[i] = boundary_after(i) || i - b + 1 >= kMaxSentence;
        if (ends[i]) b = i + 1;
    }
    int e = n_;
    for (int i = n_ - 1; i >= 0; --i) {
        if (ends[i]) e = i + 1;
        sent_e_[i] = e;
    }
}

bool Suggester::sentence_initial(int i) const {
    return sent_b_[i] == i || punct(i - 1, ':') || (i > 0 && tok_[i - 1].kind == Kind::Quote) ||
           punct(i - 1, '(') || dash(i - 1);
}

}  // namespace cm::suggest_detail
