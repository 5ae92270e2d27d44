#include "core/analysis/who_said_what.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/formats/csv.h"

namespace cm::analysis {

namespace {

std::string ascii_lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool contains(const std::string& haystack_lower, const std::string& needle_lower) {
    return haystack_lower.find(needle_lower) != std::string::npos;
}

// A row's identity: the entity, else the speaker's text case-folded.
std::string row_key(const Party& p) {
    return p.entity != kNoId ? "e" + std::to_string(p.entity) : "t" + ascii_lower(p.name);
}

}  // namespace

WhoSaidWhat who_said_what(const Annotations& a, const Corpus& corpus, const WhoSaidWhatOptions& options) {
    WhoSaidWhat t;
    const std::vector<const Span*> claims = claims_in_order(a, corpus);
    const LinkIndex links(a);
    std::map<std::string, size_t> column_of;
    for (const Span* c : claims)
        if (column_of.emplace(c->doc, t.columns.size()).second) t.columns.push_back(c->doc);

    const std::string filter = ascii_lower(options.filter);
    std::map<std::string, size_t> row_of;
    std::set<Id> shown;
    auto row_for = [&](const Party& p, bool none) -> SpeakerRow& {
        const std::string key = none ? std::string("-") : row_key(p);
        auto [it, added] = row_of.emplace(key, t.rows.size());
        if (added) {
            SpeakerRow r;
            r.speaker = p;
            r.no_speaker = none;
            r.cells.resize(t.columns.size());
            t.rows.push_back(std::move(r));
        }
        return t.rows[it->second];
    };
    for (const Span* c : claims) {
        const std::vector<Party> speakers = parties_of(a, corpus, links, *c, RelationType::SaidBy);
        if (speakers.empty() && !options.include_no_speaker) continue;
        AttributedClaim ac{c->id, parties_of(a, corpus, links, *c, RelationType::ReportedBy)};
        const size_t col = column_of[c->doc];
        const std::string text = filter.empty() ? std::string() : ascii_lower(text_of(corpus, *c));
        const std::string sources = filter.empty() ? std::string() : ascii_lower(join_names(ac.sources));
        auto place = [&](const Party& p, bool none) {
            if (!filter.empty() && !contains(text, filter) && !contains(sources, filter) &&
                !contains(ascii_lower(p.name), filter))
                return;
            SpeakerRow& r = row_for(p, none);
            if (r.claims == 0) r.first_column = col;
            r.cells[col].push_back(ac);
            ++r.claims;
            shown.insert(c->id);
        };
        if (speakers.empty()) place(Party{}, true);
        for (const Party& p : speakers) place(p, false);
    }
    t.claims = shown.size();

    // The no-speaker row always goes last: it is not a speaker.
    auto less = [&](const SpeakerRow& x, const SpeakerRow& y) {
        if (x.no_speaker != y.no_speaker) return y.no_speaker;
        const std::string nx = ascii_lower(x.speaker.name), ny = ascii_lower(y.speaker.name);
        switch (options.order) {
            case SpeakerOrder::ByClaims:
                if (x.claims != y.claims) return options.reverse ? x.claims < y.claims : x.claims > y.claims;
                return nx < ny;
            case SpeakerOrder::ByFirstArticle:
                if (x.first_column != y.first_column)
                    return options.reverse ? x.first_column > y.first_column : x.first_column < y.first_column;
                return nx < ny;
            case SpeakerOrder::ByName:
                if (nx != ny) return options.reverse ? nx > ny : nx < ny;
                return x.speaker.entity < y.speaker.entity;
        }
        return false;
    };
    std::stable_sort(t.rows.begin(), t.rows.end(), less);
    return t;
}

std::string who_said_what_csv(const WhoSaidWhat& table, const Annotations& a, const Corpus& corpus) {
    std::string out = "\xEF\xBB\xBF";
    auto row = [&](const std::vector<std::string>& cells, bool guard) {
        for (size_t i = 0; i < cells.size(); ++i)
            out += (i == 0 ? "" : ",") + formats::csv_field(cells[i], guard);
        out += "\r\n";
    };
    row({"speaker", "speaker_entity_id", "article_id", "article_title", "outlet", "claim", "reported_by",
         "claim_start", "claim_end"},
        false);
    for (const SpeakerRow& r : table.rows) {
        for (size_t col = 0; col < r.cells.size(); ++col) {
            const Document* d = corpus.find(table.columns[col]);
            for (const AttributedClaim& ac : r.cells[col]) {
                const Span* c = a.span(ac.claim);
                if (!c) continue;
                row({r.no_speaker ? std::string("(no speaker)") : r.speaker.name,
                     r.speaker.entity ? std::to_string(r.speaker.entity) : std::string(), table.columns[col],
                     d ? d->meta.title : std::string(), d ? d->meta.outlet : std::string(), text_of(corpus, *c),
                     join_names(ac.sources), std::to_string(c->start()), std::to_string(c->end())},
                    true);
            }
        }
    }
    return out;
}

}  // namespace cm::analysis
