#include "export.h"

#include <algorithm>
#include <set>

namespace cm::formats {

void Tally::add(const std::string& one, const std::string& many, const std::string& rest, size_t n) {
    if (n == 0) return;
    for (Entry& e : entries_) {
        if (e.many == many && e.rest == rest) {
            e.count += n;
            return;
        }
    }
    entries_.push_back(Entry{one, many, rest, n});
}

std::vector<std::string> Tally::lines() const {
    std::vector<std::string> out;
    for (const Entry& e : entries_) out.push_back(count(e.count, e.one, e.many) + " " + e.rest);
    return out;
}

Documents::Documents(const std::vector<Document>& documents) : all_(documents) {
    for (const Document& d : documents) by_id_.emplace(d.meta.id, &d);
}

const Document* Documents::find(const std::string& id) const {
    const auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : it->second;
}

std::string span_text(const Text& text, const Span& s, std::string_view joiner) {
    std::string out;
    for (size_t i = 0; i < s.ranges.size(); ++i) {
        if (i > 0) out += joiner;
        out += text.slice(s.ranges[i].start, s.ranges[i].end);
    }
    return out;
}

std::string ranges_text(const Span& s) {
    std::string out;
    for (const Range& r : s.ranges)
        out += (out.empty() ? "" : ";") + std::to_string(r.start) + "-" + std::to_string(r.end);
    return out;
}

LabelRole role_of(const Annotations& a, const Span& s) {
    const Label* l = a.label(s.label);
    return l ? l->role : LabelRole::Other;
}

std::string label_name(const Annotations& a, const Span& s) {
    const Label* l = a.label(s.label);
    return l ? l->name : std::string();
}

std::string wikidata_qid(const std::string& external_id) {
    std::string id = external_id;
    for (const char* prefix : {"http://www.wikidata.org/entity/", "https://www.wikidata.org/entity/",
                               "https://www.wikidata.org/wiki/", "http://www.wikidata.org/wiki/"}) {
        const std::string p = prefix;
        if (id.compare(0, p.size(), p) == 0) {
            id = id.substr(p.size());
            break;
        }
    }
    const bool qid = id.size() >= 2 && id[0] == 'Q' && id[1] != '0' &&
                     std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; });
    return qid ? id : std::string();
}

std::string count(size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::vector<std::pair<Range, const Span*>> ranges_in(const Annotations& a, const std::string& doc) {
    std::vector<std::pair<Range, const Span*>> out;
    for (const Span* s : a.spans_in(doc))
        for (const Range& r : s->ranges) out.emplace_back(r, s);
    std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    return out;
}

size_t overlapping_spans(const Annotations& a, const std::string& doc) {
    const std::vector<const Span*> spans = a.spans_in(doc);
    std::vector<bool> overlaps(spans.size(), false);
    const auto share = [](const Span& x, const Span& y) {
        for (const Range& r : x.ranges)
            for (const Range& q : y.ranges)
                if (r.start < q.end && q.start < r.end) return true;
        return false;
    };
    // Spans are sorted by start: only later spans starting before one's end can overlap it.
    for (size_t i = 0; i < spans.size(); ++i) {
        for (size_t j = i + 1; j < spans.size() && spans[j]->start() < spans[i]->end(); ++j) {
            if (share(*spans[i], *spans[j])) overlaps[i] = overlaps[j] = true;
        }
    }
    return static_cast<size_t>(std::count(overlaps.begin(), overlaps.end(), true));
}

}  // namespace cm::formats

namespace cm::formats {

namespace {

void tally_span_list_losses(const Annotations& a, const Documents& documents, const std::string& overlap_note,
                            Tally& tally) {
    size_t elsewhere = 0, split = 0, entities = 0, notes = 0, attributes = 0, overlapping = 0;
    for (const auto& entry : a.spans) {
        const Span& s = entry.second;
        if (!documents.find(s.doc)) {
            ++elsewhere;
            continue;
        }
        split += s.ranges.size() > 1;
        entities += s.entity != kNoId;
        notes += !s.note.empty();
        attributes += !s.attributes.empty();
    }
    std::set<std::string> seen;
    for (const Document& d : documents.all())
        if (seen.insert(d.meta.id).second) overlapping += overlapping_spans(a, d.meta.id);
    tally.add("annotation in a document not given", "annotations in documents not given", "left out (no text to write)",
              elsewhere);
    tally.add("annotation with several ranges", "annotations with several ranges",
              "written as one span per range (no discontinuous spans)", split);
    tally.add("link to an entity", "links to entities", "left out", entities);
    tally.add("note", "notes", "left out", notes);
    tally.add("annotation's attributes", "annotations' attributes", "left out", attributes);
    tally.add("relation", "relations", "left out", a.relations.size());
    tally.add("zone", "zones", "left out", a.zones.size());
    tally.add("overlapping span", "overlapping spans", "kept: " + overlap_note, overlapping);
}

}  // namespace

Export export_span_list_jsonl(const Annotations& a, const std::vector<Document>& documents, const std::string& file_name,
                              const std::string& overlap_note, const SpanListLine& line_of) {
    const Documents docs(documents);
    std::string out;
    std::set<std::string> written;
    for (const Document& d : documents) {
        if (!written.insert(d.meta.id).second) continue;
        out += line_of(d, ranges_in(a, d.meta.id)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    Tally tally;
    tally_span_list_losses(a, docs, overlap_note, tally);
    Export e;
    e.files.push_back(ExportFile{file_name, std::move(out)});
    e.left_out = tally.lines();
    return e;
}

}  // namespace cm::formats
