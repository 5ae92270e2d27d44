#include "annotations.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

namespace cm {

namespace {

template <class T>
const T* find_in(const std::map<Id, T>& m, Id id) {
    auto it = m.find(id);
    return it == m.end() ? nullptr : &it->second;
}

// Okabe-Ito without black: orange, blue, bluish green, reddish purple,
// vermillion, sky blue, yellow (the first three are the default labels').
constexpr uint32_t kOkabeIto[] = {0xE69F00, 0x0072B2, 0x009E73, 0xCC79A7, 0xD55E00, 0x56B4E9, 0xF0E442};

// Name tables in enum order, shared by to_string and parse.
constexpr const char* kLabelRoles[] = {"claim", "speaker", "source", "other"};
constexpr const char* kEntityKinds[] = {"person", "organisation", "outlet", "document"};
constexpr const char* kZoneKinds[] = {"body", "comments", "furniture"};
constexpr const char* kRelationTypes[] = {"said_by", "reported_by", "same_claim", "supports", "contradicts"};
constexpr const char* kClusterRelationTypes[] = {"supports", "contradicts"};

template <size_t N>
const char* name_of(const char* const (&names)[N], uint8_t value) {
    return value < N ? names[value] : "unknown";
}

template <class Enum, size_t N>
bool parse_name(const char* const (&names)[N], const std::string& s, Enum& out) {
    for (size_t i = 0; i < N; ++i) {
        if (s == names[i]) {
            out = static_cast<Enum>(i);
            return true;
        }
    }
    return false;
}

}  // namespace

const Label* Annotations::label(Id id) const {
    const int i = label_index(id);
    return i < 0 ? nullptr : &labels[static_cast<size_t>(i)];
}

int Annotations::label_index(Id id) const {
    for (size_t i = 0; i < labels.size(); ++i)
        if (labels[i].id == id) return static_cast<int>(i);
    return -1;
}

const Span* Annotations::span(Id id) const { return find_in(spans, id); }
const Entity* Annotations::entity(Id id) const { return find_in(entities, id); }
const Relation* Annotations::relation(Id id) const { return find_in(relations, id); }

std::vector<Id> Annotations::relations_of(Id span_id) const {
    std::vector<Id> out;
    for (const auto& [id, r] : relations)
        if (r.from == span_id || r.to == span_id) out.push_back(id);
    return out;
}

std::vector<const Span*> Annotations::spans_in(const std::string& doc) const {
    std::vector<const Span*> out;
    for (const auto& entry : spans)
        if (entry.second.doc == doc) out.push_back(&entry.second);
    // The map gives id order, so a stable sort keeps it among equal ranges.
    std::stable_sort(out.begin(), out.end(), [](const Span* x, const Span* y) {
        return x->start() != y->start() ? x->start() < y->start() : x->end() < y->end();
    });
    return out;
}

std::vector<const Span*> Annotations::mentions_of(Id entity_id) const {
    std::vector<const Span*> out;
    if (entity_id == kNoId) return out;
    for (const auto& entry : spans)
        if (entry.second.entity == entity_id) out.push_back(&entry.second);
    return out;
}

ZoneKind Annotations::zone_at(const std::string& doc, uint32_t cp) const {
    for (const auto& entry : zones) {
        const Zone& z = entry.second;
        if (z.doc == doc && z.range.start <= cp && cp < z.range.end) return z.kind;
    }
    return ZoneKind::Body;
}

const Cluster* Annotations::cluster(Id id) const { return find_in(clusters, id); }
const ClusterRelation* Annotations::cluster_relation(Id id) const { return find_in(cluster_relations, id); }

Id Annotations::cluster_of(Id span_id) const {
    if (span_id == kNoId) return kNoId;
    for (const auto& [id, c] : clusters)
        if (std::binary_search(c.claims.begin(), c.claims.end(), span_id)) return id;
    return kNoId;
}

std::vector<Id> Annotations::cluster_relations_of(Id cluster_id) const {
    std::vector<Id> out;
    for (const auto& [id, r] : cluster_relations)
        if (r.from == cluster_id || r.to == cluster_id) out.push_back(id);
    return out;
}

const ClusterRelation* Annotations::find_cluster_relation(ClusterRelationType type, Id from, Id to) const {
    for (const auto& entry : cluster_relations) {
        const ClusterRelation& r = entry.second;
        if (r.type != type) continue;
        if (r.from == from && r.to == to) return &r;
        if (type == ClusterRelationType::Contradicts && r.from == to && r.to == from) return &r;
    }
    return nullptr;
}

size_t prune_clusters(Annotations& a) {
    size_t changed = 0;
    const auto is_claim = [&a](Id span) {
        const Span* s = a.span(span);
        const Label* l = s ? a.label(s->label) : nullptr;
        return l && l->role == LabelRole::Claim;
    };
    for (auto it = a.clusters.begin(); it != a.clusters.end();) {
        std::vector<Id>& claims = it->second.claims;
        const size_t before = claims.size();
        claims.erase(std::remove_if(claims.begin(), claims.end(), [&](Id s) { return !is_claim(s); }), claims.end());
        changed += claims.size() != before;
        if (claims.empty())
            it = a.clusters.erase(it);
        else
            ++it;
    }
    for (auto it = a.cluster_relations.begin(); it != a.cluster_relations.end();) {
        if (!a.cluster(it->second.from) || !a.cluster(it->second.to)) {
            it = a.cluster_relations.erase(it);
            ++changed;
        } else {
            ++it;
        }
    }
    return changed;
}

std::vector<Label> default_labels(Id& next_id) {
    std::vector<Label> out;
    out.push_back({next_id++, "Claim", 0xE69F00, LabelRole::Claim});
    out.push_back({next_id++, "Speaker", 0x0072B2, LabelRole::Speaker});
    out.push_back({next_id++, "Source", 0x009E73, LabelRole::Source});
    return out;
}

uint32_t suggested_label_color(size_t index) { return kOkabeIto[index % std::size(kOkabeIto)]; }

const char* to_string(LabelRole v) { return name_of(kLabelRoles, static_cast<uint8_t>(v)); }
const char* to_string(EntityKind v) { return name_of(kEntityKinds, static_cast<uint8_t>(v)); }
const char* to_string(ZoneKind v) { return name_of(kZoneKinds, static_cast<uint8_t>(v)); }
const char* to_string(RelationType v) { return name_of(kRelationTypes, static_cast<uint8_t>(v)); }
const char* to_string(ClusterRelationType v) { return name_of(kClusterRelationTypes, static_cast<uint8_t>(v)); }

bool parse(const std::string& s, LabelRole& out) { return parse_name(kLabelRoles, s, out); }
bool parse(const std::string& s, EntityKind& out) { return parse_name(kEntityKinds, s, out); }
bool parse(const std::string& s, ZoneKind& out) { return parse_name(kZoneKinds, s, out); }
bool parse(const std::string& s, RelationType& out) { return parse_name(kRelationTypes, s, out); }
bool parse(const std::string& s, ClusterRelationType& out) { return parse_name(kClusterRelationTypes, s, out); }

bool can_have_entity(LabelRole r) { return r == LabelRole::Speaker || r == LabelRole::Source; }

LabelRole relation_target_role(RelationType t) {
    switch (t) {
        case RelationType::SaidBy: return LabelRole::Speaker;
        case RelationType::ReportedBy: return LabelRole::Source;
        default: return LabelRole::Claim;
    }
}

bool relation_fits(RelationType t, LabelRole from, LabelRole to) {
    return from == LabelRole::Claim && to == relation_target_role(t);
}

std::string format_color(uint32_t rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06X", static_cast<unsigned>(rgb & 0xFFFFFF));
    return buf;
}

bool parse_color(const std::string& s, uint32_t& out) {
    if (s.size() != 7 || s[0] != '#') return false;
    uint32_t v = 0;
    for (size_t i = 1; i < 7; ++i) {
        const char c = s[i];
        int d = -1;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
        if (d < 0) return false;
        v = v * 16 + static_cast<uint32_t>(d);
    }
    out = v;
    return true;
}

}  // namespace cm
