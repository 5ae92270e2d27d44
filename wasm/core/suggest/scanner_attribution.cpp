// Attribution clauses: the speaker and source named around a quotation
// (before or after it), after "according to", and in interview phrases.
#include "scanner.h"

#include <algorithm>

namespace cm::suggest_detail {

void Suggester::find_source(int a, int z, Attribution& at) const {
    for (int p = a; p < z && !at.source; ++p) {
        if (!word(p)) continue;
        const std::string& w = tok_[p].low;
        if (w == "told" || w == "tells") {
            at.source = outlet_at(p + 1, z);
            if (at.source) at.source_cue = "'told " + span_text(at.source.b, at.source.e) + "'";
        } else if ((w == "interview" || w == "statement" || w == "speaking" || w == "spoke" || w == "comments" ||
                    w == "remarks" || w == "email" || w == "podcast" || w == "appearance") &&
                   (is(p + 1, "with") || is(p + 1, "to") || is(p + 1, "on"))) {
            at.source = outlet_at(p + 2, z, true);
            if (at.source)
                at.source_cue = "'" + w + " " + tok_[p + 1].low + " " + span_text(at.source.b, at.source.e) + "'";
        } else if (w == "according" && is(p + 1, "to")) {
            Mention m = according_target(p + 2, z);
            if (m && m.source) {
                at.source = m;
                at.source_cue = "'according to'";
            }
        } else if (w == "reported" && is(p + 1, "by")) {
            at.source = outlet_at(p + 2, z);
            if (at.source) at.source_cue = "'reported by'";
        }
    }
}

bool Suggester::according_cue(int v, const Mention& m, Attribution& at) const {
    if (!m) return false;
    at.verb = v;
    at.kind = VerbKind::According;
    at.cue = "'according to'";
    (m.source ? at.source : at.speaker) = m;
    if (m.source) at.source_cue = "'according to'";
    return true;
}

Mention Suggester::according_target(int j, int limit) const {
    int e = j;
    while (e < limit && e < j + 12 && !clause_punct(e) && !(e > j && verb_at(e))) ++e;
    if (e == j) return {};
    // A name in the phrase: the first after "by", "from", "in", "at", "of", or the one it starts with.
    int best = -1;
    for (int p = j; p < e; ++p) {
        const int r = run_at_[p];
        if (r < 0 || runs_[r].b >= runs_[r].e || runs_[r].title_b != p) continue;
        if (p == j || (p == j + 1 && is(j, "the")) ||
            (word(p - 1) && (tok_[p - 1].low == "by" || tok_[p - 1].low == "from" || tok_[p - 1].low == "in" ||
                             tok_[p - 1].low == "of" || tok_[p - 1].low == "at")) ||
            (is(p - 1, "the") && word(p - 2) && (tok_[p - 2].low == "by" || tok_[p - 2].low == "from" ||
                                                  tok_[p - 2].low == "in" || tok_[p - 2].low == "of"))) {
            best = r;
            break;
        }
    }
    // "according to head teacher Ruth Adeyemi": roles before a person's name.
    if (best < 0) {
        int p = j;
        while (p < e && p < j + 4 && word(p) && !tok_[p].cap &&
               (in(role_nouns(), tok_[p].low) || in(determiners(), tok_[p].low)))
            ++p;
        const int r = p > j && p < e ? run_at_[p] : -1;
        if (r >= 0 && runs_[r].title_b == p && runs_[r].e == e && runs_[r].person) {
            Mention named = name_mention(r);
            named.source = false;
            return named;
        }
    }
    Mention m;
    if (best >= 0) {
        const Run& run = runs_[best];
        const bool at_start = run.title_b == j || (run.title_b == j + 1 && is(j, "the"));
        if (at_start && run.e == e) {  // the phrase is the name: "Reuters", "Ana Reyes"
            m = name_mention(best);
            if (!m) return m;
            // A person is a speaker; an outlet or an organisation a source. Two
            // or more words that name no organisation, outlet or place: a person.
            const bool person = run.person || (!run.org && !run.outlet && !run.place && run.words >= 2);
            m.source = !person;
            return m;
        }
        m.run = best;  // "a report by the Environment Agency": the phrase, naming the agency
    }
    m.k = Mention::K::Nominal;
    m.b = j;
    m.e = e;
    m.source = true;
    return m;
}

void Suggester::assign_subject(Attribution& at, Mention subject, int v) const {
    if (!subject) return;
    if (at.kind == VerbKind::Report || subject.source) {
        subject.source = true;
        at.source = subject;
        at.source_cue = "'" + span_text(subject.b, subject.e) + " " + tok_[v].low + "'";
    } else {
        at.speaker = subject;
    }
}

Attribution Suggester::attribution_after(const Quote& q, int limit) const {
    Attribution at;
    if (q.close < 0) return at;
    // After `"Never again!"` or `"We are done."` a short clause still
    // attributes it (`Tom Hill said.`); a longer one is a sentence of its
    // own (`She said the firm would appeal.`).
    const bool crossed = boundary_after(q.close);
    int k = q.close + 1;
    if (comma(k) || dash(k)) ++k;
    if (k >= limit || newline(k)) return at;
    const int z = std::min({limit, sent_e_[k], k + 16});
    for (int v = k; v < std::min(z, k + 9); ++v) {
        if (tok_[v].kind == Kind::Quote || newline(v)) break;
        if (is(v, "according") && is(v + 1, "to")) {
            if (crossed) return at;  // "… done." According to X, …: a sentence of its own
            according_cue(v, according_target(v + 2, z), at);
            return at;
        }
        const VerbKind* kind = verb_at(v);
        if (!kind) continue;
        at.verb = v;
        at.kind = *kind;
        at.cue = "'" + tok_[v].low + "'";
        Mention subject;
        int after_subject = v + 1;
        if (v == k || (v == k + 1 && adverb(k))) {
            subject = subject_after(v + 1, z);
            if (subject) after_subject = subject.e;
        } else {
            bool negated = false;
            subject = subject_before(v, k, negated);
            at.negated = negated;
            if (subject && subject.b < k) subject = {};
        }
        assign_subject(at, subject, v);
        if (*kind == VerbKind::Tell && !at.source) {
            at.source = outlet_at(after_subject, z);
            if (at.source) {
                at.source_cue = "'told " + span_text(at.source.b, at.source.e) + "'";
                after_subject = at.source.e;
            }
        }
        if (crossed) {
            int p = after_subject;
            while (p < z && p < after_subject + 6 && word(p) && !is(p, "that") && !clause_start(p)) ++p;
            if (!(p >= z || terminal(p) || newline(p) || comma(p))) return Attribution{};
        }
        find_source(after_subject, z, at);
        return at;
    }
    return at;
}

Attribution Suggester::attribution_before(const Quote& q) const {
    Attribution at;
    int j = q.open - 1;
    if (j < 0) return at;
    bool lead = false;  // ':' ',' or "that" right before the quote
    if (punct(j, ':') || comma(j) || dash(j) || is(j, "that")) {
        --j;
        lead = true;
    } else if (newline(j)) {  // "Smith said:" closing the paragraph before
        while (newline(j)) --j;
        if (!punct(j, ':')) return at;
        --j;
        lead = true;
    }
    if (j < 0 || in_quote_[j] >= 0) return at;
    const int lower = std::max(sent_b_[j], j - 9);
    for (int v = j; v >= lower; --v) {
        if (in_quote_[v] >= 0 || terminal(v)) break;
        if (is(v, "according") && is(v + 1, "to")) {
            if (!lead) break;
            if (!according_cue(v, according_target(v + 2, j + 1), at)) break;
            return at;
        }
        const VerbKind* kind = verb_at(v);
        if (!kind) {
            // Only complements may stand between the verb and the quote.
            if (!complement_word(v)) break;
            continue;
        }
        at.verb = v;
        at.kind = *kind;
        at.cue = "'" + tok_[v].low + "'";
        bool negated = false;
        Mention subject = subject_before(v, 0, negated);
        at.negated = negated;
        assign_subject(at, subject, v);
        if (*kind == VerbKind::Tell && !at.source) {
            at.source = outlet_at(v + 1, j + 1);
            if (at.source) at.source_cue = "'told " + span_text(at.source.b, at.source.e) + "'";
        }
        find_source(v + 1, j + 1, at);
        if (subject) find_source(std::max(sent_b_[v], subject.b - 16), subject.b, at);  // "In an interview with X, Y said:"
        return at;
    }
    return at;
}

bool Suggester::complement_word(int i) const {
    if (i >= 0 && i < n_ && tok_[i].kind == Kind::Punct)
        return tok_[i].ch == ',' || tok_[i].ch == '.' || tok_[i].ch == 0x2019 || tok_[i].ch == '\'';
    if (!word(i)) return false;
    if (run_at_[i] >= 0) return true;
    static const WordSet ok{
        "on",     "in",      "at",       "to",         "a",         "an",       "the",       "statement",
        "interview", "news", "press",    "conference", "briefing",  "yesterday", "today",    "earlier",
        "later",  "last",    "week",     "month",      "year",      "night",    "with",      "reporters",
        "journalists", "post", "blog",   "letter",     "email",     "speech",   "it",        "simply",
        "told",   "this",    "morning",  "afternoon",  "evening",   "video",    "message",   "hearing",
        "meeting", "rally",  "event",    "his",        "her",       "their",    "its",       "social",
        "media",  "written", "recent",   "radio",      "television", "tv",      "podcast",   "local",
        "an",     "also",    "then",     "again",      "once",      "recently", "emailed",   "telephone",
        "phone",  "call",    "during",   "after",      "before",    "audience", "crowd",     "committee",
        "lawmakers", "colleagues", "supporters", "friends", "us",  "me",        "him",       "them"};
    return in(ok, tok_[i].low) || adverb(i) || day(i);
}

}  // namespace cm::suggest_detail
