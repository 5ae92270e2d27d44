// Who a reporting verb's subject is: names, pronouns and noun phrases before or
// after the verb, and named outlets ("told Reuters").
#include "scanner.h"

#include <algorithm>

namespace cm::suggest_detail {

bool Suggester::adverb(int i) const {
    if (!word(i) || tok_[i].cap) return false;
    const std::string& w = tok_[i].low;
    if (in(adverbs(), w)) return true;
    return w.size() >= 6 && w.compare(w.size() - 2, 2, "ly") == 0 && w != "family" && w != "supply" &&
           w != "rally" && w != "italy" && w != "assembly";
}

bool Suggester::day(int i) const {
    if (!word(i)) return false;
    const std::string& w = tok_[i].low;
    return w == "monday" || w == "tuesday" || w == "wednesday" || w == "thursday" || w == "friday" ||
           w == "saturday" || w == "sunday";
}

bool Suggester::month(int i) const {
    static const WordSet months{"january", "february", "march",   "april",    "may",      "june",
                                "july",    "august",   "september", "october", "november", "december"};
    return word(i) && tok_[i].cap && in(months, tok_[i].low);
}

bool Suggester::year(int i) const {
    if (!word(i) || tok_[i].e - tok_[i].b != 4) return false;
    for (uint32_t p = tok_[i].b; p < tok_[i].e; ++p)
        if (!is_digit(cps_[p])) return false;
    return true;
}

int Suggester::skip_back(int j, int lower, bool& negated) const {
    for (int guard = 0; j >= lower && guard < 8; ++guard) {
        if (word(j) && in(negators(), tok_[j].low)) {
            negated = true;
            --j;
        } else if (word(j) && (tok_[j].low == "did" || tok_[j].low == "does" || tok_[j].low == "do" ||
                               tok_[j].low == "was" || tok_[j].low == "is" || tok_[j].low == "were" ||
                               tok_[j].low == "been" || tok_[j].low == "quoted" || tok_[j].low == "as" ||
                               tok_[j].low == "having")) {
            --j;
        } else if (word(j) && (tok_[j].low == "denied" || tok_[j].low == "denies" || tok_[j].low == "deny" ||
                               tok_[j].low == "denying")) {
            negated = true;  // "denied saying", "denies having said"
            --j;
        } else if (is(j, "to") && (is(j - 1, "declined") || is(j - 1, "refused") || is(j - 1, "wouldn't"))) {
            negated = true;
            j -= 2;
        } else if (adverb(j)) {
            --j;
        } else if (day(j) && is(j - 1, "on")) {
            j -= 2;
        } else if (day(j)) {
            --j;
        } else if (word(j) && (tok_[j].low == "week" || tok_[j].low == "month" || tok_[j].low == "year" ||
                               tok_[j].low == "night" || tok_[j].low == "weekend") &&
                   (is(j - 1, "last") || is(j - 1, "this"))) {
            j -= 2;
        } else {
            break;
        }
    }
    return j;
}

Mention Suggester::nominal_ending_at(int j, int lower) const {
    Mention m;
    if (!word(j)) return m;
    // The head: a noun for who speaks, or any plain lower-case word that is not a function word.
    const bool speaker_noun = in(role_nouns(), tok_[j].low) || in(speaker_plurals(), tok_[j].low);
    const bool plain = !tok_[j].cap && !in(sentence_initial_words(), tok_[j].low) && !in(titles(), tok_[j].low) &&
                       !adverb(j);
    if (!speaker_noun && !plain) return m;
    int start = -1;
    for (int p = j; p >= lower && p > j - 8; --p) {
        if (!word(p)) break;
        if (p < j && verb_at(p)) break;
        if (p < j && possessive(p)) {  // "Portugal's data protection authority", "the company's head"
            start = in(determiners(), low(p - 1)) && p - 1 >= lower ? p - 1 : p;
            break;
        }
        if (in(determiners(), tok_[p].low) && !(p < j && tok_[p].low == "that")) {
            start = p;
            // "a spokesman for the ministry": keep going past the preposition.
            if (word(p - 1) && (tok_[p - 1].low == "for" || tok_[p - 1].low == "of" || tok_[p - 1].low == "at" ||
                                tok_[p - 1].low == "from"))
                continue;
            break;
        }
        if (tok_[p].cap && sentence_initial(p) && in(sentence_initial_words(), tok_[p].low)) break;
    }
    if (start < 0) {  // a bare plural: "officials said", "Chinese officials said"
        if (!in(speaker_plurals(), tok_[j].low)) return m;
        start = j;
        if (word(j - 1) && j - 1 >= lower && !in(sentence_initial_words(), tok_[j - 1].low) && !verb_at(j - 1) &&
            !in(negators(), tok_[j - 1].low) && (tok_[j - 1].cap || tok_[j - 1].low.size() > 3) &&
            !adverb(j - 1) && !(tok_[j - 1].cap && !sentence_initial(j - 1) && run_at_[j - 1] < 0))
            start = j - 1;
    }
    m.k = Mention::K::Nominal;
    m.b = start;
    m.e = j + 1;
    m.source = in(document_nouns(), tok_[j].low);
    return m;
}

bool Suggester::possessive(int i) const {
    if (!word(i)) return false;
    const std::string& w = tok_[i].low;
    return w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0;
}

Mention Suggester::pronoun_mention(int j) {
    Mention m;
    m.k = Mention::K::Pronoun;
    m.b = j;
    m.e = j + 1;
    return m;
}

Mention Suggester::name_mention(int r) const {
    Mention m;
    const Run& run = runs_[r];
    if (run.b >= run.e) return m;
    m.k = Mention::K::Name;
    m.b = run.b;
    m.e = run.e;
    m.run = r;
    m.source = run.outlet;  // organisations speak; outlets report
    if (run.possessive) m.k = Mention::K::None;  // "Huawei's" names an owner, not a speaker
    return m;
}

Mention Suggester::subject_before(int v, int lower, bool& negated) const {
    lower = std::max(lower, sent_b_[v]);
    int j = skip_back(v - 1, lower, negated);
    if (j < lower || j < 0) return {};
    if (word(j) && is_pronoun(tok_[j].low)) {
        return pronoun_mention(j);
    }
    if (comma(j)) {
        // An apposition between commas: "Ana Reyes, a spokeswoman, said" or
        // "the ministry's spokeswoman, Ana Reyes, said".
        int p = j - 1;
        while (p >= lower && p > j - 22 && !comma(p) && tok_[p].kind != Kind::Quote && !terminal(p)) --p;
        if (!comma(p) || p < lower) return {};
        const int r = run_at_[j - 1];
        if (r >= 0 && runs_[r].e == j && runs_[r].title_b == p + 1 && !runs_[r].org) return name_mention(r);
        // A second apposition before it: "Mei Tanaka, 62, who campaigns for …, said".
        if (word(p - 1) && is_digit(cps_[tok_[p - 1].b]) && comma(p - 2)) p -= 2;
        const int k = skip_back(p - 1, lower, negated);
        return subject_at(k, lower);
    }
    return subject_at(j, lower);
}

Mention Suggester::subject_at(int j, int lower) const {
    if (j < lower || j < 0) return {};
    if (word(j) && is_pronoun(tok_[j].low)) {
        return pronoun_mention(j);
    }
    const int r = run_at_[j];
    if (r >= 0 && runs_[r].e == j + 1) return name_mention(r);
    return nominal_ending_at(j, lower);
}

Mention Suggester::subject_after(int j, int limit) const {
    if (j >= limit || !word(j)) return {};
    if (is_pronoun(tok_[j].low) && tok_[j].low != "it") {
        return pronoun_mention(j);
    }
    int p = j;
    bool role_seen = false;
    for (int guard = 0; p < limit && guard < 10; ++guard) {
        const int r = run_at_[p];
        if (r >= 0) {
            const Run& run = runs_[r];
            p = run.e;
            // An organisation or owner before a role: "Huawei spokesman …".
            if (run.possessive || (word(p) && !tok_[p].cap && in(role_nouns(), tok_[p].low)) ||
                (run.b >= run.e)) {
                if (run.b >= run.e) role_seen = true;  // only titles: "said the President, …"
                continue;
            }
            return name_mention(r);
        }
        if (!word(p)) break;
        if (in(role_nouns(), tok_[p].low)) role_seen = true;
        if (verb_at(p) || tok_[p].low == "that" || tok_[p].low == "who") break;
        ++p;
    }
    // "said the firm's chief executive, Ana Reyes"
    if (role_seen && comma(p) && p + 1 < limit && run_at_[p + 1] >= 0) {
        const Run& run = runs_[run_at_[p + 1]];
        if (run.title_b == p + 1 && !run.org) return name_mention(run_at_[p + 1]);
    }
    // Otherwise a noun phrase: "said the company", "said a spokesman for the ministry".
    if (!in(determiners(), tok_[j].low) && !in(speaker_plurals(), tok_[j].low)) return {};
    int e = j;
    while (e < limit && e < j + 8 && word(e) && !verb_at(e) && tok_[e].low != "that" && tok_[e].low != "who" &&
           tok_[e].low != "in" && tok_[e].low != "on" && tok_[e].low != "at" && tok_[e].low != "to" &&
           !day(e) && !in(negators(), tok_[e].low))
        ++e;
    if (e == j || (e == j + 1 && in(determiners(), tok_[j].low))) return {};
    Mention m;
    m.k = Mention::K::Nominal;
    m.b = j;
    m.e = e;
    m.source = in(document_nouns(), tok_[e - 1].low);
    return m;
}

bool Suggester::outlet_like(const Run& r) const {
    if (r.b >= r.e) return false;
    if (r.person) return false;
    if (r.outlet) return true;
    if (r.words == 1) return true;  // "told Reuters", "told AllThingsD"
    return false;
}

Mention Suggester::outlet_at(int j, int limit, bool lenient) const {
    const bool after_the = is(j, "the") && !tok_[j].cap;
    if (after_the) ++j;
    // "told French news site Les Echos", "told news site Les Echos"
    if (j < limit && word(j) && !tok_[j].cap && in(outlet_nouns(), tok_[j].low)) {
        int p = j;
        while (p < limit && p < j + 3 && word(p) && !tok_[p].cap) ++p;
        if (p < limit && run_at_[p] >= 0 && runs_[run_at_[p]].title_b == p && !runs_[run_at_[p]].person) {
            Mention m = name_mention(run_at_[p]);
            if (m) m.source = true;
            return m;
        }
        return {};
    }
    if (j >= limit || j >= n_ || run_at_[j] < 0) return {};
    int r = run_at_[j];
    // "told French journalists": a one-word name before a noun is an adjective;
    // "French newspaper Les Echos": the outlet is the name after the noun.
    if (runs_[r].words == 1 && runs_[r].e == j + 1 && word(j + 1) && !tok_[j + 1].cap &&
        !in(outlet_follow_words(), tok_[j + 1].low)) {
        int p = j + 1;
        bool noun = false;
        for (; p < limit && p < j + 4 && word(p) && !tok_[p].cap; ++p)
            if (in(outlet_nouns(), tok_[p].low)) noun = true;
        if (noun && p < limit && run_at_[p] >= 0 && runs_[run_at_[p]].title_b == p) {
            Mention m = name_mention(run_at_[p]);
            if (!m || runs_[run_at_[p]].person) return {};
            m.source = true;
            return m;
        }
        return {};
    }
    const Run& run = runs_[r];
    // "told the Felton Echo": people are not "the", so a name after it is an outlet (or an organisation).
    const bool named_the = (after_the || lenient) && !run.person && !run.org && !run.place;
    if (run.title_b != j || !(outlet_like(run) || named_the) || run.possessive || run.b >= run.e) return {};
    Mention m = name_mention(r);
    m.source = true;
    return m;
}

}  // namespace cm::suggest_detail
