#include "claimreview.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/sha256.h"

namespace cm::formats {

namespace {

using nlohmann::ordered_json;

class ClaimWriter {
public:
    ClaimWriter(const Annotations& a, const std::vector<Document>& documents) : a_(a), docs_(documents) {}

    Export run() {
        ordered_json graph = ordered_json::array();
        std::set<std::string> written;
        std::set<Id> used;  // speaker and source spans expressed as author or appearance
        size_t reviews = 0;
        for (const Document& d : docs_.all()) {
            if (!written.insert(d.meta.id).second) continue;
            for (const Span* s : a_.spans_in(d.meta.id)) {
                if (role_of(a_, *s) != LabelRole::Claim) continue;
                ordered_json claim = claim_json(*s, d, used);
                const auto rating = s->attributes.find("rating");
                if (rating == s->attributes.end()) {
                    graph.push_back(std::move(claim));
                    continue;
                }
                ++reviews;
                graph.push_back(ordered_json{{"@type", "ClaimReview"},
                                             {"@id", "urn:claimmark:review:" + std::to_string(s->id)},
                                             {"claimReviewed", claim["text"]},
                                             {"reviewRating", {{"@type", "Rating"}, {"alternateName", rating->second}}},
                                             {"itemReviewed", std::move(claim)}});
            }
        }
        tally(used, reviews);
        const ordered_json j{{"@context", "https://schema.org"}, {"@graph", std::move(graph)}};
        Export out;
        out.files.push_back(
            ExportFile{"claims.jsonld", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"});
        out.left_out = tally_.lines();
        return out;
    }

private:
    // The article as a CreativeWork, identified by the SHA-256 of its text
    // (as in the W3C export).
    static ordered_json article(const Document& d) {
        ordered_json o{
            {"@type", "CreativeWork"}, {"@id", "urn:sha256:" + sha256_hex(d.text.utf8())}, {"headline", d.meta.title}};
        if (!d.meta.outlet.empty()) o["publisher"] = ordered_json{{"@type", "Organization"}, {"name", d.meta.outlet}};
        if (!d.meta.author.empty()) o["author"] = ordered_json{{"@type", "Person"}, {"name", d.meta.author}};
        if (!d.meta.date.empty()) o["datePublished"] = d.meta.date;
        return o;
    }

    // A speaker or source: its entity (typed by kind, sameAs Wikidata or its
    // URL), else the name as written in the text (untyped: the kind is unknown).
    ordered_json party(const Span& s) const {
        ordered_json o;
        if (const Entity* e = a_.entity(s.entity)) {
            if (e->kind == EntityKind::Person)
                o["@type"] = "Person";
            else if (e->kind != EntityKind::Document)
                o["@type"] = "Organization";
            o["name"] = e->name;
            const std::string qid = wikidata_qid(e->external_id);
            if (!qid.empty())
                o["sameAs"] = "https://www.wikidata.org/wiki/" + qid;
            else if (e->external_id.rfind("http://", 0) == 0 || e->external_id.rfind("https://", 0) == 0)
                o["sameAs"] = e->external_id;
        } else if (const Document* d = docs_.find(s.doc)) {
            o["name"] = span_text(d->text, s, " \xE2\x80\xA6 ");
        }
        return o;
    }

    // The spans a claim links to with `type`.
    std::vector<const Span*> ends(const Span& claim, RelationType type) const {
        std::vector<const Span*> out;
        for (const Id rid : a_.relations_of(claim.id)) {
            const Relation* r = a_.relation(rid);
            if (r && r->type == type && r->from == claim.id)
                if (const Span* end = a_.span(r->to)) out.push_back(end);
        }
        return out;
    }

    // The claims that are the same claim as `s` (same_claim links either
    // way, followed transitively), `s` first.
    std::vector<const Span*> same_claims(const Span& s) const {
        std::vector<const Span*> out{&s};
        for (size_t i = 0; i < out.size(); ++i) {
            for (const Id rid : a_.relations_of(out[i]->id)) {
                const Relation* r = a_.relation(rid);
                if (!r || r->type != RelationType::SameClaim) continue;
                const Span* other = a_.span(r->from == out[i]->id ? r->to : r->from);
                if (other && std::find(out.begin(), out.end(), other) == out.end()) out.push_back(other);
            }
        }
        return out;
    }

    ordered_json claim_json(const Span& s, const Document& d, std::set<Id>& used) const {
        ordered_json o{{"@type", "Claim"},
                       {"@id", "urn:claimmark:annotation:" + std::to_string(s.id)},
                       {"text", span_text(d.text, s, " \xE2\x80\xA6 ")}};
        ordered_json authors = ordered_json::array();
        for (const Span* speaker : ends(s, RelationType::SaidBy)) {
            const ordered_json p = party(*speaker);
            used.insert(speaker->id);
            if (!p.empty() && std::find(authors.begin(), authors.end(), p) == authors.end()) authors.push_back(p);
        }
        if (!authors.empty()) o["author"] = authors.size() == 1 ? authors[0] : authors;

        ordered_json appearances = ordered_json::array();
        const Document* first = nullptr;
        std::set<std::string> articles;
        for (const Span* same : same_claims(s)) {
            const Document* doc = docs_.find(same->doc);
            if (!doc || !articles.insert(doc->meta.id).second) continue;
            appearances.push_back(article(*doc));
            if (!doc->meta.date.empty() && (!first || doc->meta.date < first->meta.date)) first = doc;
        }
        for (const Span* source : ends(s, RelationType::ReportedBy)) {
            used.insert(source->id);
            const ordered_json p = party(*source);
            if (p.empty()) continue;
            const ordered_json work{{"@type", "CreativeWork"}, {"publisher", p}};
            if (std::find(appearances.begin(), appearances.end(), work) == appearances.end())
                appearances.push_back(work);
        }
        o["appearance"] = appearances.size() == 1 ? appearances[0] : appearances;
        if (first) o["firstAppearance"] = article(*first);
        return o;
    }

    void tally(const std::set<Id>& used, size_t reviews) {
        for (const auto& [id, s] : a_.spans) {
            const LabelRole r = role_of(a_, s);
            if (!docs_.find(s.doc)) {
                if (r == LabelRole::Claim)
                    tally_.add("claim in a document not given", "claims in documents not given",
                               "left out (no text to quote)");
                continue;
            }
            if (r == LabelRole::Other) {
                tally_.add("annotation with a user label", "annotations with user labels", "left out");
            } else if (r != LabelRole::Claim && !used.count(id)) {
                tally_.add("speaker or source not linked to a claim", "speakers or sources not linked to a claim",
                           "left out");
            } else if (r == LabelRole::Claim) {
                if (!s.note.empty())
                    tally_.add("claim note", "claim notes",
                               "left out (schema.org has no place for an annotator's note)");
                if (s.attributes.size() > s.attributes.count("rating"))
                    tally_.add("claim's attributes", "claims' attributes", "other than rating left out");
            }
        }
        size_t other_links = 0;
        for (const auto& entry : a_.relations)
            other_links +=
                entry.second.type == RelationType::Supports || entry.second.type == RelationType::Contradicts;
        tally_.add("supports or contradicts link", "supports or contradicts links",
                   "left out: schema.org has no link between claims for them", other_links);
        tally_.add("zone", "zones", "left out", a_.zones.size());
        tally_.add("ClaimReview", "ClaimReviews",
                   "written without the fact-check's url, author and datePublished (not in the project): add them "
                   "before publishing",
                   reviews);
    }

    const Annotations& a_;
    Documents docs_;
    Tally tally_;
};

}  // namespace

Export export_claimreview(const Annotations& a, const std::vector<Document>& documents) {
    return ClaimWriter(a, documents).run();
}

}  // namespace cm::formats
