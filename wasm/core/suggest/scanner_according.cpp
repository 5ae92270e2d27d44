// The "according to" cue without a quotation: "According to X, …" and "…, according to X."
#include "scanner.h"

#include <algorithm>

namespace cm::suggest_detail {

void Suggester::do_according(int a) {
    used_[a] = true;
    const int s = sent_b_[a], z = sent_e_[a];
    const Mention m = according_target(a + 2, z);
    if (!m) return;
    int np_end = m.e;
    while (np_end < z && !clause_punct(np_end)) ++np_end;  // the rest of the phrase ("… familiar with the matter")
    // An apposition or relative clause after it: "According to Jane Li,
    // chief operating officer of …, the …", "…, whose school is …, the …".
    if (comma(np_end) && word(np_end + 1) &&
        (in(determiners(), low(np_end + 1)) || in(role_nouns(), low(np_end + 1)) || in(titles(), low(np_end + 1)) ||
         low(np_end + 1) == "who" || low(np_end + 1) == "whose" || low(np_end + 1) == "which")) {
        int p = np_end + 1;
        while (p < z && p < np_end + 20 && !comma(p) && !terminal(p) && tok_[p].kind != Kind::Quote) ++p;
        if (comma(p)) np_end = p;
    }
    // A quotation right after it is attributed when its turn comes.
    if (comma(np_end) && np_end + 1 < n_ && quote_of_open_[np_end + 1] >= 0) return;
    std::vector<Range> ranges;
    auto part = [&](int b, int e) {
        int words = 0;
        for (int p = b; p < e; ++p) words += word(p) ? 1 : 0;
        if (words < 3) return;  // "In addition, according to …": not a claim
        const Range r = trimmed(tok_[b].b, tok_[e - 1].e);
        if (!r.empty()) ranges.push_back(r);
    };
    if (a == s || sentence_initial(a)) {
        if (!comma(np_end)) return;
        part(np_end + 1, z);
    } else if (comma(a - 1)) {
        part(s, a - 1);
        if (comma(np_end)) part(np_end + 1, z);
    } else {
        part(s, a);
    }
    if (ranges.empty()) return;
    for (const Range& r : ranges)  // a claim that is a quotation was attributed as one
        for (int i = s; i < z; ++i)
            if (in_quote_[i] >= 0 && quotes_[in_quote_[i]].open == i && tok_[i].b >= r.start && tok_[i].b < r.end)
                return;
    Attribution at;
    at.verb = a;
    at.kind = VerbKind::According;
    at.cue = "'according to'";
    (m.source ? at.source : at.speaker) = m;
    if (m.source) at.source_cue = "'according to'";
    std::string why = "'according to'";
    double confidence = 0.65;
    const ClaimSource c = emit_attribution(at, why, confidence);
    add_claim(ranges, why, confidence, c);
}

}  // namespace cm::suggest_detail
