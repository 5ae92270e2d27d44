#include "article_versions.h"

#include <algorithm>
#include <cctype>

#include "quote_anchor.h"

namespace cm {

namespace {

std::string folded(const std::string& s) {
    size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    std::string out = s.substr(b, e - b);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The range in the new text, or none when its quote is not there.
std::optional<Range> place(const Range& r, const Document& from, const Document& to) {
    return anchor(to.text, r, quote_of(from.text, r)).range;
}

}  // namespace

int earlier_version_of(const Corpus& corpus, const DocumentMeta& meta, const std::string& new_id) {
    const std::string title = folded(meta.title);
    for (size_t i = corpus.documents.size(); i-- > 0;) {  // the latest version first
        const DocumentMeta& m = corpus.documents[i].meta;
        if (m.id == new_id) continue;
        const bool same_file = !meta.file.empty() && m.file == meta.file;
        if (same_file || (!title.empty() && folded(m.title) == title)) return static_cast<int>(i);
    }
    return -1;
}

size_t annotations_on(const Annotations& a, const std::string& doc) {
    size_t n = 0;
    for (const auto& [id, s] : a.spans) n += s.doc == doc;
    for (const auto& [id, z] : a.zones) n += z.doc == doc;
    return n;
}

VersionMove move_to_new_version(const Annotations& a, const Document& from, const Document& to) {
    VersionMove out;
    out.annotations = a;
    Annotations& m = out.annotations;
    const std::string& old_id = from.meta.id;
    for (auto& [id, span] : m.spans) {
        if (span.doc != old_id) continue;
        std::vector<Range> placed;
        bool shifted = false;
        for (const Range& r : span.ranges) {
            const auto p = place(r, from, to);
            if (!p || (!placed.empty() && p->start < placed.back().end)) break;  // missing, or out of order
            shifted |= *p != r;
            placed.push_back(*p);
        }
        if (placed.size() != span.ranges.size()) {
            const Label* l = m.label(span.label);
            out.orphans.push_back((l ? l->name : std::string("Annotation")) + " " +
                                  short_quote(std::string(from.text.slice(span.start(), span.end()))));
            continue;
        }
        span.doc = to.meta.id;
        span.ranges = std::move(placed);
        ++out.moved;
        out.shifted += shifted;
    }
    std::vector<Range> moved_zones;
    for (auto& [id, zone] : m.zones) {
        if (zone.doc != old_id) continue;
        const auto p = place(zone.range, from, to);
        const bool clashes = p && std::any_of(moved_zones.begin(), moved_zones.end(), [&](const Range& z) {
            return p->start < z.end && z.start < p->end;
        });
        if (!p || clashes) {
            out.orphans.push_back(std::string("Zone (") + to_string(zone.kind) + ") " +
                                  short_quote(std::string(from.text.slice(zone.range.start, zone.range.end))));
            continue;
        }
        out.shifted += *p != zone.range;
        zone.doc = to.meta.id;
        zone.range = *p;
        moved_zones.push_back(*p);
        ++out.moved;
    }
    return out;
}

}  // namespace cm
