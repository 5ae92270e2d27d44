// The quotation cue: a quote, its attribution (after or before it), and quotes
// interrupted by or continuing an attribution.
#include "scanner.h"

namespace cm::suggest_detail {

void Suggester::do_quote(int qi) {
    Quote& q = quotes_[qi];
    if (q.consumed) return;
    const Range first = content(q);
    if (first.empty()) return;
    const int next = next_quote_in_paragraph(qi);
    const int limit = next >= 0 ? quotes_[next].open : n_;
    Attribution at = attribution_after(q, limit);
    bool after_side = true;
    if (!at.found()) {
        Attribution before = attribution_before(q);
        if (before.found()) {
            at = before;
            after_side = false;
        }
    }
    // A quote running on into the next paragraph is attributed where it ends.
    if (!at.found() && q.close < 0 && qi + 1 < static_cast<int>(quotes_.size()) &&
        quotes_[qi + 1].continued_from == qi) {
        const int after = next_quote_in_paragraph(qi + 1);
        Attribution later = attribution_after(quotes_[qi + 1], after >= 0 ? quotes_[after].open : n_);
        if (later.found()) at = later;
    }
    if (at.found()) used_[at.verb] = true;
    if (at.found() && (at.negated || at.kind == VerbKind::Ask)) return;  // "never said", a question: no claim
    std::vector<Range> ranges{first};
    std::string why;
    double confidence = 0;
    ClaimSource c;
    int merged = -1;
    if (at.found()) {
        why = "quotation + reporting verb " + at.cue;
        if (at.kind == VerbKind::According) why = "quotation + " + at.cue;
        if (at.kind == VerbKind::Report) why = "quotation + " + (at.source_cue.empty() ? at.cue : at.source_cue);
        confidence = 0.9;
        if (at.speaker.k == Mention::K::None) confidence = 0.75;
        // An interrupted quote: `"We are not interested," he told AllThingsD, "anymore."`
        if (after_side && next >= 0) {
            Quote& n2 = quotes_[next];
            const int gap = n2.open - q.close;
            const bool continues = comma(q.close - 1) || !terminal(q.close - 1);
            const bool lower_start = word(n2.open + 1) && !tok_[n2.open + 1].cap;
            // One sentence: `"…," he said, "…"` or a lower-case continuation.
            // `"…," he said. "Next …"` is a new sentence, so a new claim.
            if (gap <= 18 && ((comma(n2.open - 1) && continues) || lower_start) && no_verb_between(at, n2.open)) {
                const Range second = content(n2);
                if (!second.empty()) {
                    ranges.push_back(second);
                    n2.consumed = true;
                    merged = next;
                    why += "; interrupted by the attribution";
                }
            }
        }
        c = emit_attribution(at, why, confidence);
    } else {
        // No attribution of its own: a quote continuing the speaker of the
        // quote before it (in the paragraph, or a multi-paragraph quote).
        int prev = -1;
        if (q.continued_from >= 0)
            prev = q.continued_from;
        else if (qi > 0 && quotes_[qi - 1].close >= 0 && para_[quotes_[qi - 1].open] == para_[q.open])
            prev = qi - 1;
        if (prev >= 0 && (quote_claim_[prev].speaker >= 0 || quote_claim_[prev].source >= 0)) {
            c = quote_claim_[prev];
            why = "quotation continuing the previous speaker's words";
            confidence = 0.65;
        } else {
            // A long sentence-like quotation is probably a claim, even unattributed;
            // short ones are scare quotes or titles.
            const int last = q.close >= 0 ? q.close - 1 : q.end - 1;
            const bool sentence_like = word_count(q) >= 6 && word(q.open + 1) && tok_[q.open + 1].cap &&
                                       (terminal(last) || comma(last));
            if (!sentence_like) return;
            why = "quotation without an attribution";
            confidence = 0.35;
        }
    }
    add_claim(ranges, why, confidence, c);
    quote_claim_[qi] = c;
    if (merged >= 0) quote_claim_[merged] = c;
    if (at.found()) sentence_claim_[sent_b_[at.verb]] = c;
}

bool Suggester::no_verb_between(const Attribution& at, int until) const {
    for (int i = at.verb + 1; i < until; ++i)
        if (verb_at(i) && tok_[i].low != "told") return false;
    return true;
}

}  // namespace cm::suggest_detail
