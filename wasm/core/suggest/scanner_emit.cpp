// Emitting suggestions: trimmed claim ranges, speakers and sources (names
// resolved to entities, pronouns to antecedents) and the links between them.
#include "scanner.h"

#include <algorithm>

namespace cm::suggest_detail {

Range Suggester::trimmed(uint32_t b, uint32_t e) const {
    size_t marks = 0;  // double quote marks in [b, e)
    for (uint32_t i = b; i < e; ++i) marks += is_double_quote(cps_[i]) ? 1 : 0;
    // Leading: spaces, ellipses, dashes, and a quote mark whose partner is not in the claim.
    while (b < e) {
        const char32_t c = cps_[b];
        if (is_double_quote(c)) {
            if ((marks - 1) % 2 == 1) break;  // it opens a quote closed inside the claim
            --marks;
        } else if (!(is_space(c) || c == '\n' || c == 0x2026 || c == 0x2014 || c == 0x2013 ||
                     (c == '.' && b + 1 < e && cps_[b + 1] == '.'))) {
            break;
        }
        ++b;
    }
    // Trailing: spaces, commas, points, colons, semicolons, dashes,
    // ellipses, unpaired quote marks; not ? or !.
    while (e > b) {
        const char32_t c = cps_[e - 1];
        if (is_double_quote(c)) {
            if ((marks - 1) % 2 == 1) break;  // it closes a quote opened inside the claim
            --marks;
        } else if (c == '.') {
            // Keep the point of an abbreviation at the end ("the U.S.").
            if (e >= b + 3 && is_letter(cps_[e - 2]) && cps_[e - 3] == '.') break;
        } else if (!(is_space(c) || c == '\n' || c == ',' || c == ';' || c == ':' || c == 0x2014 || c == 0x2013 ||
                     c == 0x2026 || c == 0xFF0C)) {
            break;
        }
        --e;
    }
    return Range{b, e};
}

size_t Suggester::add(Suggestion s) {
    const bool one = s.ranges.size() == 1;
    if (one) {
        const auto key = std::make_tuple(static_cast<int>(s.role), s.ranges[0].start, s.ranges[0].end);
        const auto it = span_index_.find(key);
        if (it != span_index_.end()) {
            Suggestion& old = out_.spans[it->second];
            if (s.confidence > old.confidence) {
                old.confidence = s.confidence;
                old.why = s.why;
            }
            return it->second;
        }
        span_index_.emplace(key, out_.spans.size());
    }
    out_.spans.push_back(std::move(s));
    return out_.spans.size() - 1;
}

void Suggester::link(int from, int to, RelationType type) {
    if (from < 0 || to < 0) return;
    out_.links.push_back(SuggestedLink{static_cast<size_t>(from), static_cast<size_t>(to), type});
}

std::string Suggester::resolve(int r, Id& entity_id) const {
    const Run& run = runs_[r];
    const std::string bare = bare_name(run);
    for (const std::string& key : {fold(span_text(run.b, run.e)), fold(bare)}) {
        const auto it = known_names_.find(key);
        if (it != known_names_.end()) {
            entity_id = it->second;
            return opt_.known->entity(it->second)->name;
        }
    }
    if (run.words == 1 && !run.org) {
        const std::string key = fold(bare);
        const auto it = runs_by_word_.find(key);
        if (it != runs_by_word_.end()) {
            // The latest multi-word run before this one holding the word,
            // a person's if one of the last few is.
            const auto after = std::lower_bound(it->second.begin(), it->second.end(), r);
            if (after != it->second.begin()) {
                auto pick = after - 1;
                for (auto p = after; p != it->second.begin() && after - p < 16;) {
                    --p;
                    if (runs_[*p].person) {
                        pick = p;
                        break;
                    }
                }
                return resolve(*pick, entity_id);
            }
        }
        const auto words = known_words_.find(key);
        if (words != known_words_.end() && words->second.size() == 1) {
            entity_id = words->second[0];
            return opt_.known->entity(entity_id)->name;
        }
    }
    return bare;
}

int Suggester::emit_mention(const Mention& m, const std::string& why, double confidence) {
    if (!m || m.k == Mention::K::Pronoun || m.b >= m.e) return -1;
    Suggestion s;
    s.role = m.source ? LabelRole::Source : LabelRole::Speaker;
    s.ranges.push_back(Range{tok_[m.b].b, tok_[m.e - 1].e});
    s.why = why;
    s.confidence = confidence;
    if (m.run >= 0) {
        Id id = kNoId;
        s.entity = resolve(m.run, id);
        s.entity_id = id;
        if (id != kNoId) s.confidence = std::min(1.0, s.confidence + 0.05);
        if (m.k == Mention::K::Name && !m.source) speaker_run_[m.run] = true;
    }
    return static_cast<int>(add(std::move(s)));
}

bool Suggester::subject_position(const Run& r) const {
    const int t = r.title_b;
    return sentence_initial(t) || comma(t - 1) || (word(t - 1) && in(role_nouns(), tok_[t - 1].low));
}

int Suggester::antecedent(int p) const {
    const int gender = pronoun_gender(tok_[p].low);
    if (gender == 2) return -1;
    const int min_para = para_[p] - 4;  // blank lines are paragraphs too: two paragraphs of text
    int fallback = -1;
    int seen = 0;
    for (int i = p - 1; i >= 0 && i > p - 3 * kMaxSentence && seen < 40; --i) {
        if (para_[i] < min_para) break;
        const int r = run_at_[i];
        if (r < 0) continue;
        const Run& run = runs_[r];
        i = run.title_b;  // the loop's --i then steps over the run
        ++seen;
        if (run.b >= run.e || run.possessive) continue;
        if (gender == 0) {
            if (run.org && !run.outlet) return r;
            continue;
        }
        if (run.org || run.place || run.outlet) continue;
        if (run.gender != 0 && run.gender != gender) continue;
        if (!run.person && run.words < 2) continue;
        if (speaker_run_[r] || subject_position(run)) return r;
        if (fallback < 0) fallback = r;
    }
    return fallback;
}

ClaimSource Suggester::emit_attribution(const Attribution& at, std::string& why, double& confidence) {
    ClaimSource c;
    const Mention& sp = at.speaker;
    if (sp.k == Mention::K::Pronoun) {
        const int r = antecedent(sp.b);
        const std::string pronoun = tok_[sp.b].low;
        if (r >= 0) {
            Mention m = name_mention(r);
            m.source = false;
            c.speaker = emit_mention(m, "named before '" + pronoun + " " + tok_[at.verb].low + "'",
                                     runs_[r].person ? 0.7 : 0.5);
            if (c.speaker >= 0) why += " (" + pronoun + " -> " + out_.spans[c.speaker].entity + ")";
            confidence -= 0.1;
        } else {
            why += " ('" + pronoun + "', not resolved)";
            confidence -= 0.25;
        }
    } else if (sp) {
        const bool named = sp.k == Mention::K::Name;
        std::string how = "subject of " + at.cue;
        if (named && sp.b > 0 && word(runs_[sp.run].title_b - 1) && in(role_nouns(), low(runs_[sp.run].title_b - 1)))
            how = "apposition '" + low(runs_[sp.run].title_b - 1) + " " + span_text(sp.b, sp.e) + "' + " + at.cue;
        if (at.kind == VerbKind::According) how = "'according to " + span_text(sp.b, sp.e) + "'";
        c.speaker = emit_mention(sp, how, named ? 0.85 : 0.6);
        if (!named) confidence -= 0.1;
    }
    if (at.source) {
        c.source = emit_mention(at.source, at.source_cue.empty() ? "source " + at.cue : at.source_cue,
                                at.source.k == Mention::K::Name ? 0.8 : 0.55);
        if (!at.source_cue.empty() && at.source_cue != at.cue) why += " + " + at.source_cue;
    }
    return c;
}

size_t Suggester::add_claim(std::vector<Range> ranges, const std::string& why, double confidence, const ClaimSource& c) {
    Suggestion s;
    s.role = LabelRole::Claim;
    s.ranges = std::move(ranges);
    s.why = why;
    s.confidence = std::max(0.05, std::min(1.0, confidence));
    const size_t i = add(std::move(s));
    link(static_cast<int>(i), c.speaker, RelationType::SaidBy);
    link(static_cast<int>(i), c.source, RelationType::ReportedBy);
    return i;
}

Range Suggester::content(const Quote& q) const {
    const uint32_t b = tok_[q.open].e;
    const uint32_t e = q.close >= 0 ? tok_[q.close].b : tok_[q.end - 1].e;
    return trimmed(b, std::max(b, e));
}

int Suggester::word_count(const Quote& q) const {
    int words = 0;
    const int last = q.close >= 0 ? q.close : q.end;
    for (int i = q.open + 1; i < last; ++i) words += word(i) ? 1 : 0;
    return words;
}

int Suggester::next_quote_in_paragraph(int q) const {
    if (q + 1 >= static_cast<int>(quotes_.size())) return -1;
    const Quote& a = quotes_[q];
    const Quote& b = quotes_[q + 1];
    if (a.close < 0 || para_[b.open] != para_[a.open]) return -1;
    return q + 1;
}

}  // namespace cm::suggest_detail
