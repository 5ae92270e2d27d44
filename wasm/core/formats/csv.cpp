#include "csv.h"

#include <algorithm>
#include <set>

namespace cm::formats {

namespace {
bool needs_formula_guard(const std::string& s) { return !s.empty() && std::string("=+-@").find(s[0]) != std::string::npos; }

}  // namespace

std::string csv_field(const std::string& text, bool guard) {
    const std::string s = guard && needs_formula_guard(text) ? "'" + text : text;
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

namespace {

class CsvWriter {
public:
    CsvWriter(const Annotations& a, const std::vector<Document>& documents, const CsvOptions& options)
        : a_(a), docs_(documents), options_(options) {}

    Export run() {
        std::string out = "\xEF\xBB\xBF";  // UTF-8 byte-order mark: see csv.h
        row(out, {"document_id", "document_title", "claim_text", "speaker", "source", "ranges", "quote_type", "note"},
            false);
        std::set<std::string> written;
        std::set<Id> linked;  // speaker and source spans named in some row
        for (const Document& d : docs_.all()) {
            if (!written.insert(d.meta.id).second) continue;
            for (const Span* s : a_.spans_in(d.meta.id)) {
                if (role_of(a_, *s) != LabelRole::Claim) continue;
                const auto quote = s->attributes.find("quote");
                row(out,
                    {d.meta.id, d.meta.title, span_text(d.text, *s, " \xE2\x80\xA6 "),
                     ends(*s, RelationType::SaidBy, linked), ends(*s, RelationType::ReportedBy, linked),
                     ranges_text(*s), quote == s->attributes.end() ? std::string() : quote->second, s->note},
                    true);
                if (s->attributes.size() > (quote == s->attributes.end() ? 0u : 1u))
                    tally_.add("claim with attributes other than quote", "claims with attributes other than quote",
                               "written without them (the table has a quote_type column only)");
            }
        }
        for (const auto& [id, s] : a_.spans) {
            const LabelRole r = role_of(a_, s);
            if (!docs_.find(s.doc)) {
                if (r == LabelRole::Claim)
                    tally_.add("claim in a document not given", "claims in documents not given",
                               "left out (no text to quote)");
            } else if (r == LabelRole::Other) {
                tally_.add("annotation with a user label", "annotations with user labels",
                           "left out: the table holds claims, their speakers and sources");
            } else if (r != LabelRole::Claim && !linked.count(id)) {
                tally_.add("speaker or source not linked to a claim", "speakers or sources not linked to a claim",
                           "left out: the table has one row per claim");
            }
        }
        size_t claim_links = 0;
        for (const auto& entry : a_.relations)
            if (relation_target_role(entry.second.type) == LabelRole::Claim) ++claim_links;
        tally_.add("link between claims", "links between claims",
                   "left out (same_claim, supports, contradicts): the table has no column for them", claim_links);
        tally_.add("zone", "zones", "left out", a_.zones.size());
        Export e;
        e.files.push_back(ExportFile{"claims.csv", std::move(out)});
        e.left_out = tally_.lines();
        return e;
    }

private:
    void row(std::string& out, const std::vector<std::string>& cells, bool guard) {
        for (size_t i = 0; i < cells.size(); ++i) {
            const std::string& cell = cells[i];
            const bool guarded = guard && options_.guard_formulas && needs_formula_guard(cell);
            if (guarded)
                tally_.add("cell starting with =, +, - or @", "cells starting with =, +, - or @",
                           "written with a leading ' so spreadsheets do not run them as formulas");
            out += (i == 0 ? "" : ",") + csv_field(cell, guarded);
        }
        out += "\r\n";
    }

    // The speakers (or sources) a claim is linked to: each one's entity
    // name, else the text of its span; several joined by "; ".
    std::string ends(const Span& claim, RelationType type, std::set<Id>& linked) const {
        std::vector<std::string> names;
        for (const Id rid : a_.relations_of(claim.id)) {
            const Relation* r = a_.relation(rid);
            if (!r || r->type != type || r->from != claim.id) continue;
            const Span* end = a_.span(r->to);
            if (!end) continue;
            linked.insert(end->id);
            std::string name;
            if (const Entity* e = a_.entity(end->entity))
                name = e->name;
            else if (const Document* d = docs_.find(end->doc))
                name = span_text(d->text, *end, " \xE2\x80\xA6 ");
            if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
        }
        std::string out;
        for (const std::string& name : names) out += (out.empty() ? "" : "; ") + name;
        return out;
    }

    const Annotations& a_;
    Documents docs_;
    CsvOptions options_;
    Tally tally_;
};

}  // namespace

Export export_csv(const Annotations& a, const std::vector<Document>& documents, const CsvOptions& options) {
    return CsvWriter(a, documents, options).run();
}

}  // namespace cm::formats
