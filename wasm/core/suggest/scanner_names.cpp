// Names: runs of capitalised words, what kind of name each is (person,
// organisation, outlet, place), and the evidence shared between mentions.
#include "scanner.h"

#include <algorithm>

namespace cm::suggest_detail {

bool Suggester::name_word(int i, bool first) const {
    if (!word(i) || !tok_[i].cap || in_quote_[i] >= 0) return false;
    if (first && in(non_name_starts(), tok_[i].low)) return false;
    if (first && sentence_initial(i) && in(sentence_initial_words(), tok_[i].low)) return false;
    return true;
}

bool Suggester::run_stop(int i) const { return in(non_name_starts(), tok_[i].low); }

void Suggester::find_runs() {
    run_at_.assign(tok_.size(), -1);
    for (int i = 0; i < n_; ++i) {
        if (!name_word(i, true)) continue;
        int j = i;
        bool possessive = false;
        // No name is longer than kMaxRun tokens (a capitalised headline or
        // shouting is cut in pieces), which keeps the loops below short.
        while (j < n_ && j - i < kMaxRun) {
            if (name_word(j, j == i)) {
                const std::string& w = tok_[j].low;
                ++j;
                if (w.size() > 2 && (w.compare(w.size() - 2, 2, "'s") == 0)) {
                    possessive = true;
                    break;
                }
                continue;
            }
            // The point of an honorific, a title or an initial ("Mr.", "Sen.", "J.").
            if (j > i && punct(j, '.') && !tok_[j].space_before && name_word(j + 1, false) &&
                (in(honorifics(), tok_[j - 1].low) || in(titles(), tok_[j - 1].low) ||
                 tok_[j - 1].e - tok_[j - 1].b == 1)) {
                ++j;
                continue;
            }
            if (j > i && word(j) && !tok_[j].cap && in(name_particles(), tok_[j].low) && name_word(j + 1, false)) {
                ++j;
                continue;
            }
            if (j > i && punct(j, '&') && name_word(j + 1, false)) {  // "Crumb & Co", "Procter & Gamble"
                ++j;
                continue;
            }
            // "Bank of England", "Centre for Policy Studies"
            if (j > i && (is(j, "of") || is(j, "for")) && name_word(j + 1, false) && !run_stop(j + 1)) {
                ++j;
                continue;
            }
            break;
        }
        Run r;
        r.title_b = i;
        r.possessive = possessive;
        int b = i;
        // Titles go ("President Ana Reyes"), with their points ("Sen.").
        auto name_words_after = [&](int t) {
            int count = 0;
            for (int p = t + 1; p < j; ++p) count += word(p) && tok_[p].cap ? 1 : 0;
            return count;
        };
        auto title_at = [&](int t) {
            return word(t) && !in(honorifics(), tok_[t].low) &&
                   (in(titles(), tok_[t].low) || (in(title_modifiers(), tok_[t].low) && word(t + 1) &&
                                                  in(titles(), tok_[t + 1].low)));
        };
        while (b < j && (title_at(b) || (word(b) && in(role_nouns(), tok_[b].low) && name_words_after(b) >= 2))) {
            ++b;
            if (punct(b, '.')) ++b;
        }
        // A title inside the run, after an employer: "Huawei CEO Ren Zhengfei".
        for (int t = j - 2; t > b; --t) {
            if (!title_at(t)) continue;
            bool org_after = false;
            for (int p = t + 1; p < j; ++p) org_after = org_after || (word(p) && in(org_words(), tok_[p].low));
            if (!org_after && name_word(t + 1, false)) b = t + 1;
            break;
        }
        r.b = b;
        if (b < j && in(honorifics(), tok_[b].low)) {
            r.honorific = true;
            r.gender = tok_[b].low == "mr" ? 1 : tok_[b].low == "dr" || tok_[b].low == "prof" ? 0 : -1;
            if (tok_[b].low == "sir") r.gender = 1;
            if (tok_[b].low == "dame") r.gender = -1;
        }
        r.e = j;
        for (int p = b; p < j; ++p)
            if (word(p) && !(r.honorific && p == b) && tok_[p].cap) ++r.words;
        const int index = static_cast<int>(runs_.size());
        for (int p = i; p < j; ++p) run_at_[p] = index;
        i = j - 1;
        if (r.words == 0) {  // only titles ("the President said"): no name
            r.b = r.e;
        }
        classify(r);
        runs_.push_back(r);
    }
    for (size_t r = 0; r < runs_.size(); ++r) {
        const Run& run = runs_[r];
        if (run.words < 2 || run.org || run.place) continue;
        for (int p = run.b; p < run.e; ++p)
            if (word(p) && tok_[p].cap) runs_by_word_[tok_[p].low].push_back(static_cast<int>(r));
    }
}

void Suggester::classify(Run& r) const {
    if (r.b >= r.e) return;
    for (int p = r.b; p < r.e; ++p) {
        if (!word(p)) continue;
        std::string w = tok_[p].low;
        if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.resize(w.size() - 2);
        if (in(org_words(), w)) r.org = true;
        if (in(outlet_words(), w)) r.outlet = true;
        if (in(place_words(), w)) r.place = true;
    }
    if (r.words == 1 && r.e - r.b == 1 && tok_[r.b].allcaps) r.org = true;  // an acronym: BBC, NASA
    const auto known = known_names_.find(fold(span_text(r.b, r.e)));
    if (known != known_names_.end()) {
        if (const Entity* ent = opt_.known->entity(known->second)) {
            if (ent->kind == EntityKind::Person) r.person = true;
            if (ent->kind == EntityKind::Organisation) r.org = true;
            if (ent->kind == EntityKind::Outlet) r.org = r.outlet = true;
        }
    }
    if (r.org || r.outlet) return;
    if (r.honorific || r.b > r.title_b) r.person = true;
    // "spokesman William Plummer"
    const int before = r.title_b - 1;
    if (word(before) && !tok_[before].cap && in(role_nouns(), tok_[before].low)) r.person = true;
    // "The chief executive of Arden Water, Simon Achebe,"
    if (comma(before))
        for (int p = before - 1; p >= 0 && p > before - 9 && word(p); --p)
            if (in(role_nouns(), tok_[p].low)) {
                r.person = true;
                break;
            }
    // "William Plummer, a spokesman", "Ana Reyes, 54,", "Huawei, the Chinese company"
    if (comma(r.e) && !r.possessive) {
        const int a = r.e + 1;
        if (word(a) && is_digit(cps_[tok_[a].b]) && comma(a + 1)) r.person = true;
        if (is(a, "who")) r.person = true;
        if (word(a) && (in(determiners(), tok_[a].low) || in(role_nouns(), tok_[a].low))) {
            for (int p = a; p < a + 7 && p < n_ && !clause_punct(p); ++p) {
                // The head comes before any preposition: "a cardiologist at St Anne's Hospital".
                const std::string& w = tok_[p].low;
                if (p > a && (w == "at" || w == "of" || w == "for" || w == "with" || w == "in" || w == "from" ||
                              w == "on" || w == "who" || w == "which"))
                    break;
                if (in(org_heads(), tok_[p].low)) {
                    r.org = true;
                    r.person = false;
                    break;
                }
                if (in(role_nouns(), tok_[p].low)) {
                    r.person = true;
                    break;
                }
            }
        }
    }
    // "Huawei spokesman", "Huawei's founder": an organisation.
    if (!r.person && (r.possessive || (word(r.e) && !tok_[r.e].cap && in(role_nouns(), tok_[r.e].low))))
        r.org = true;
}

std::string Suggester::span_text(int b, int e) const {
    if (b >= e) return {};
    return std::string(text_.slice(tok_[b].b, tok_[e - 1].e));
}

std::string Suggester::bare_name(const Run& r) const {
    int b = r.b;
    if (r.honorific) {
        ++b;
        if (punct(b, '.')) ++b;
    }
    if (b >= r.e) return {};
    // "Reyes's": without the 's (two code points, either apostrophe).
    const uint32_t end = tok_[r.e - 1].e - (r.possessive ? 2 : 0);
    return std::string(text_.slice(tok_[b].b, std::max(tok_[b].b, end)));
}

void Suggester::gather_evidence() {
    for (int i = 0; i < n_; ++i) {
        const VerbKind* v = in_quote_[i] < 0 ? verb_at(i) : nullptr;
        if (!v || *v == VerbKind::Report) continue;
        bool negated = false;
        const Mention m = subject_before(i, 0, negated);
        if (m.k == Mention::K::Name && m.run >= 0 && !runs_[m.run].org) runs_[m.run].person = true;
        if (!m && *v != VerbKind::Tell && (comma(i - 1) || (i > 0 && tok_[i - 1].kind == Kind::Quote))) {
            const Mention a = subject_after(i + 1, std::min(n_, i + 10));
            if (a.k == Mention::K::Name && a.run >= 0 && !runs_[a.run].org) runs_[a.run].person = true;
        }
    }
}

void Suggester::share_evidence() {
    for (size_t r = 0; r < runs_.size(); ++r) {
        Run& run = runs_[r];
        if (run.words != 1 || run.org || run.person || run.b >= run.e) continue;
        const auto it = runs_by_word_.find(fold(bare_name(run)));
        if (it == runs_by_word_.end()) continue;
        const auto after = std::lower_bound(it->second.begin(), it->second.end(), static_cast<int>(r));
        if (after == it->second.begin()) continue;
        const Run& full = runs_[*(after - 1)];
        if (full.person || full.words >= 2) {
            run.person = true;
            if (run.gender == 0) run.gender = full.gender;
        }
    }
}

}  // namespace cm::suggest_detail
