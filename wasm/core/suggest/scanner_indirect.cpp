// The indirect-speech cue: "X said that …", "X told reporters the …", and a clause
// attributed at its end ("The plant will close, the company said.").
#include "scanner.h"

#include <algorithm>

namespace cm::suggest_detail {

int Suggester::skip_adverbials(int k, int z, Attribution& at) const {
    for (int guard = 0; k < z && guard < 6; ++guard) {
        if (adverb(k) || is(k, "yesterday") || is(k, "today") || is(k, "earlier") || is(k, "later")) {
            ++k;
        } else if (is(k, "on") && (day(k + 1) || is(k + 1, "twitter") || is(k + 1, "x") || is(k + 1, "facebook") ||
                                   is(k + 1, "linkedin") || is(k + 1, "instagram") || is(k + 1, "air") ||
                                   is(k + 1, "television") || is(k + 1, "radio"))) {
            k += 2;
        } else if (day(k)) {
            ++k;
        } else if ((is(k, "in") || is(k, "on") || is(k, "since") || is(k, "by") || is(k, "until")) &&
                   (month(k + 1) || year(k + 1))) {  // "in March", "in March 2019", "in 2019"
            k += 2;
            if (year(k)) ++k;
        } else if ((is(k, "last") || is(k, "this") || is(k, "next")) && word(k + 1) &&
                   (day(k + 1) || tok_[k + 1].low == "week" || tok_[k + 1].low == "month" ||
                    tok_[k + 1].low == "year" || tok_[k + 1].low == "night" || tok_[k + 1].low == "weekend")) {
            k += 2;
        } else if ((is(k, "in") || is(k, "at") || is(k, "during")) && word(k + 1) &&
                   in(determiners(), tok_[k + 1].low)) {
            // "in a statement", "at a news conference", "in an interview with Wired"
            int e = k + 2;
            while (e < z && e < k + 6 && word(e) && !in(determiners(), tok_[e].low) && tok_[e].low != "that" &&
                   !verb_at(e) && !is_pronoun(tok_[e].low))
                ++e;
            static const WordSet heads{"statement", "interview", "post",  "letter",     "email",   "speech",
                                       "tweet",     "memo",      "report", "blog",      "video",   "message",
                                       "note",      "briefing",  "filing", "conference", "hearing", "meeting",
                                       "event",     "rally",     "summit", "podcast",   "call",    "session",
                                       "address",   "newsletter", "op-ed", "column",    "broadcast", "appearance"};
            bool head = false;
            for (int p = k + 2; p < e; ++p) head = head || in(heads, tok_[p].low);
            if (!head) break;
            // "… with/to <outlet>"
            if ((is(e, "with") || is(e, "to") || is(e, "on")) && !at.source) {
                Mention m = outlet_at(e + 1, z, true);
                if (m) {
                    at.source = m;
                    at.source_cue = "'" + tok_[e - 1].low + " " + tok_[e].low + " " + span_text(m.b, m.e) + "'";
                    e = m.e;
                }
            }
            k = e;
        } else if (is(k, "to") && (is(k + 1, "reporters") || is(k + 1, "journalists"))) {
            k += 2;
        } else {
            break;
        }
    }
    return k;
}

bool Suggester::past_tense(int i) const {
    if (!word(i) || tok_[i].cap) return false;
    const std::string& w = tok_[i].low;
    static const WordSet irregular{"said", "told", "gave", "made", "took", "went", "came", "wrote", "left", "met",
                                   "sent", "spent", "kept", "held", "brought", "began", "became", "won", "lost",
                                   "urged", "vowed", "declined", "refused"};
    return in(irregular, w) || (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0 && !in(adverbs(), w));
}

int Suggester::clause_end(int b, int& next) const {
    next = -1;
    if (b >= n_) return b;  // "… said that" ending the text
    const int e = sent_e_[b];
    for (int i = b; i < e; ++i) {
        if (newline(i)) return i;
        if ((is(i, "and") || is(i, "but")) && i > b + 2 && in_quote_[i] < 0) {
            if (is(i + 1, "that") && i + 2 < e) {
                next = i + 2;
                return i;
            }
            if (past_tense(i + 1)) return i;
        }
        if (comma(i) && i + 1 < e) {
            const VerbKind* v = verb_at(i + 1);
            if (v && tok_[i + 1].low.size() > 3 && tok_[i + 1].low.compare(tok_[i + 1].low.size() - 3, 3, "ing") == 0)
                return i;
            if (is(i + 1, "according") && is(i + 2, "to")) return i;
            bool negated = false;
            int p = i + 1;
            while (p < e && p < i + 6 && !verb_at(p) && !comma(p)) ++p;
            if (verb_at(p) && (comma(p + 1) || terminal(p + 1) || p + 1 >= e)) {
                const Mention m = subject_before(p, i + 1, negated);
                if (m && m.b == i + 1) return i;
            }
        }
    }
    return e;
}

bool Suggester::clause_start(int k) const {
    if (!word(k)) return false;
    const std::string& w = tok_[k].low;
    if (w == "it" || w == "he" || w == "she" || w == "they" || w == "we" || w == "there" || w == "i") return true;
    if (in(determiners(), w) && w != "that") return true;
    const int r = run_at_[k];
    if (r >= 0) return runs_[r].title_b == k && word(runs_[r].e) && !tok_[runs_[r].e].cap;
    // A bare noun, but not an object, a preposition or an indirect question ("said nothing", "said whether").
    static const WordSet not_clause{
        "nothing", "something", "so",     "yes",   "no",      "goodbye", "little", "much",    "more",
        "less",    "hello",     "thanks", "sorry", "in",      "on",      "at",     "to",      "for",
        "with",    "by",        "from",   "of",    "about",   "after",   "before", "during",  "as",
        "if",      "when",      "while",  "because", "but",   "and",     "or",     "not",     "only",
        "just",    "very",      "too",    "also",  "still",   "again",   "however", "why",    "how",
        "what",    "whether",   "who",    "where", "which",   "this",    "anything", "everything", "enough",
        "otherwise", "instead", "later",  "earlier", "afterwards", "recently", "publicly", "privately",
        "is",        "are",     "was",    "were",  "be",      "been",    "has",    "have",    "had",
        "will",      "would",   "can",    "could", "should",  "may",     "might",  "must",    "do",
        "does",      "did"};
    return !tok_[k].cap && !in(not_clause, w) && !verb_at(k) && !adverb(k) && !in(negators(), w);
}

bool Suggester::bare_clause_verb(const std::string& w) const {
    static const WordSet verbs{"said",    "says",      "say",      "told",     "tells",    "added",   "adds",
                               "claimed", "claims",    "insisted", "insists",  "argued",   "argues",  "warned",
                               "warns",   "noted",     "wrote",    "writes",   "reported", "reports", "estimated",
                               "predicted", "acknowledged", "admitted", "conceded", "stressed", "explained",
                               "believes"};
    return in(verbs, w);
}

int Suggester::skip_tell_object(int k, int z, Attribution& at) const {
    const Mention outlet = outlet_at(k, z);
    if (outlet) {
        at.source = outlet;
        at.source_cue = "'told " + span_text(outlet.b, outlet.e) + "'";
        return outlet.e;
    }
    // "told Smith", "told French journalists", "told the committee", "told reporters":
    // names and nouns up to "that", a determiner, a pronoun or a preposition.
    static const WordSet stop{"that", "on", "in", "at", "during", "after", "before", "when", "by", "for",
                              "with", "about", "last", "this", "earlier", "yesterday", "today", "there"};
    int e = k;
    if (word(e) && in(determiners(), tok_[e].low)) ++e;
    while (e < z && e < k + 5 && word(e) && !in(stop, tok_[e].low) && !in(determiners(), tok_[e].low) &&
           !is_pronoun(tok_[e].low) && !verb_at(e)) {
        if (run_at_[e] >= 0 && runs_[run_at_[e]].title_b == e)
            e = runs_[run_at_[e]].e;
        else
            ++e;
    }
    return e > k ? e : -1;
}

void Suggester::do_indirect(int v) {
    const VerbKind kind = *verb_at(v);
    if (kind == VerbKind::Ask || kind == VerbKind::Deny) return;  // "denied that X": X is not their claim
    const std::string& w = tok_[v].low;
    const bool participle = w.size() > 3 && w.compare(w.size() - 3, 3, "ing") == 0;
    Attribution at;
    at.verb = v;
    at.kind = kind;
    at.cue = "'" + w + "'";
    ClaimSource inherited;
    bool inherit = false;
    Mention subject;
    bool inverted = false;
    if (participle && comma(v - 1)) {
        // ", adding that …": the subject of the sentence's attribution.
        const auto it = sentence_claim_.find(sent_b_[v]);
        if (it == sentence_claim_.end()) return;
        inherited = it->second;
        inherit = true;
    } else {
        bool negated = false;
        subject = subject_before(v, 0, negated);
        if (negated) return;
        if (!subject && comma(v - 1)) {
            subject = subject_after(v + 1, sent_e_[v]);
            inverted = true;
        }
        if (!subject) return;
        if (kind == VerbKind::Report && subject.k == Mention::K::Pronoun) return;
        assign_subject(at, subject, v);
        if (!inverted) find_source(std::max(sent_b_[v], subject.b - 16), subject.b, at);  // "In an interview with X, Y said"
    }
    const int s = sent_b_[v], z = sent_e_[v];
    int k = inverted ? subject.e : v + 1;
    if (kind == VerbKind::Tell) {
        k = skip_tell_object(k, z, at);
        if (k < 0) return;
    }
    k = skip_adverbials(k, z, at);
    int b, e, next = -1;
    double confidence;
    std::string why;
    const int head = inverted ? v : subject.b;
    if (!inherit && head - 1 > s && comma(head - 1) && (k >= z || terminal(k) || newline(k))) {
        // "The plant will close, the company said."
        b = s;
        e = head - 1;
        confidence = 0.6;
        why = "clause + " + (inverted ? at.cue + " " + span_text(subject.b, subject.e)
                                      : span_text(subject.b, subject.e) + " " + at.cue);
        for (int p = b; p < e; ++p)  // a quotation there was attributed as one
            if (in_quote_[p] >= 0) return;
    } else {
        if (inverted) return;
        // A quotation follows: it is the claim, attributed when its turn comes.
        for (int p = k; p < std::min(z, k + 3); ++p) {
            if (tok_[p].kind == Kind::Quote && quote_of_open_[p] >= 0) return;
            if (!punct(p, ':') && !comma(p) && !is(p, "that")) break;
        }
        if (is(k, "that")) {
            b = k + 1;
            confidence = 0.7;
            at.cue = "'" + w + " that'";
        } else if (bare_clause_verb(w) && clause_start(k)) {
            b = k;
            confidence = 0.5;
        } else {
            return;
        }
        e = clause_end(b, next);
        why = "indirect speech: " + at.cue;
    }
    if (e - b < 3) return;
    const Range r = trimmed(tok_[b].b, tok_[e - 1].e);
    if (r.empty()) return;
    used_[v] = true;
    ClaimSource c;
    if (inherit) {
        c = inherited;
        why += " (the sentence's speaker)";
    } else {
        c = emit_attribution(at, why, confidence);
    }
    add_claim({r}, why, confidence, c);
    sentence_claim_[s] = c;
    // "said that X and that Y": Y is a second claim of the same speaker.
    for (int guard = 0; next >= 0 && guard < 4; ++guard) {
        const int b2 = next;
        const int e2 = clause_end(b2, next);
        if (e2 - b2 < 3) break;
        const Range r2 = trimmed(tok_[b2].b, tok_[e2 - 1].e);
        if (!r2.empty()) add_claim({r2}, why + "; a second 'that' clause", confidence - 0.05, c);
    }
}

}  // namespace cm::suggest_detail
