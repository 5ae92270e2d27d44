// The annotation model: labels, spans (claims, speakers, sources and user
// labels), corpus-wide entities, zones, relations, and claim clusters with
// their relations. Plain data; all edits
// go through cm::Editor (editor.h), which keeps the invariants and the undo
// history. Offsets are code points into a document's text, ranges [start, end).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cm {

using Id = uint32_t;  // unique per kind within a project; 0 = none
constexpr Id kNoId = 0;

struct Range {
    uint32_t start = 0, end = 0;
    bool empty() const { return start >= end; }
    friend bool operator==(const Range& a, const Range& b) { return a.start == b.start && a.end == b.end; }
    friend bool operator!=(const Range& a, const Range& b) { return !(a == b); }
    friend bool operator<(const Range& a, const Range& b) { return a.start != b.start ? a.start < b.start : a.end < b.end; }
};

// What a label means to the app: claims can be linked to speakers and
// sources; speaker and source spans point to entities. User labels are Other.
enum class LabelRole : uint8_t { Claim, Speaker, Source, Other };

struct Label {
    Id id = kNoId;
    std::string name;
    uint32_t color = 0;  // 0xRRGGBB
    LabelRole role = LabelRole::Other;
};

// A span annotation: one label over one or more ranges of one document (a
// quote interrupted by "he told AllThingsD" is one span with two ranges).
// Ranges are sorted, non-empty and do not overlap each other.
struct Span {
    Id id = kNoId;
    std::string doc;  // document id
    Id label = kNoId;
    std::vector<Range> ranges;
    Id entity = kNoId;  // speakers and sources: the entity mentioned
    std::string note;
    std::map<std::string, std::string> attributes;  // e.g. "quote" -> "direct"
    double created = 0, modified = 0;               // seconds since the Unix epoch
    uint32_t start() const { return ranges.empty() ? 0 : ranges.front().start; }
    uint32_t end() const { return ranges.empty() ? 0 : ranges.back().end; }
};

enum class EntityKind : uint8_t { Person, Organisation, Outlet, Document };

// A speaker or source shared by the whole corpus: "Ren Zhengfei",
// "Zhengfei" and "Mr. Ren" in three articles are mentions of one entity.
struct Entity {
    Id id = kNoId;
    std::string name;
    EntityKind kind = EntityKind::Person;
    std::vector<std::string> aliases;  // other names, without the name itself
    std::string external_id;           // e.g. a Wikidata QID "Q12345"
};

enum class ZoneKind : uint8_t { Body, Comments, Furniture };

// A region of a document: article body, reader comments or page furniture.
// Zones of one document do not overlap.
struct Zone {
    Id id = kNoId;
    std::string doc;
    Range range;
    ZoneKind kind = ZoneKind::Body;
};

// SaidBy: claim -> speaker span; ReportedBy: claim -> source span;
// SameClaim, Supports, Contradicts: claim -> claim (any documents).
enum class RelationType : uint8_t { SaidBy, ReportedBy, SameClaim, Supports, Contradicts };

struct Relation {
    Id id = kNoId;
    RelationType type = RelationType::SaidBy;
    Id from = kNoId, to = kNoId;  // span ids
};

// Claims that state the same thing across articles (every rendering of Ren's
// "we have decided to exit the US market"), with a short gloss. A claim is
// in at most one cluster; a cluster is never empty.
struct Cluster {
    Id id = kNoId;
    std::string gloss;       // may be empty
    std::vector<Id> claims;  // claim span ids, sorted, no repeats, not empty
};

// Supports: what `from` states supports what `to` states. Contradicts goes
// both ways: there is at most one between two clusters, in either direction.
enum class ClusterRelationType : uint8_t { Supports, Contradicts };

struct ClusterRelation {
    Id id = kNoId;
    ClusterRelationType type = ClusterRelationType::Supports;
    Id from = kNoId, to = kNoId;  // cluster ids, never the same
};

// The whole annotation state of a project. Containers are keyed by id
// (ordered, so iteration and JSON output are deterministic); labels keep the
// user's order (hotkeys 1-9 follow it).
struct Annotations {
    std::vector<Label> labels;
    std::map<Id, Span> spans;
    std::map<Id, Entity> entities;
    std::map<Id, Zone> zones;
    std::map<Id, Relation> relations;
    std::map<Id, Cluster> clusters;
    std::map<Id, ClusterRelation> cluster_relations;
    Id next_id = 1;  // one counter for every kind (undo rewinds it, so an undone id may come back)

    const Label* label(Id id) const;
    int label_index(Id id) const;  // position in `labels`, -1 if absent
    const Span* span(Id id) const;
    const Entity* entity(Id id) const;
    const Relation* relation(Id id) const;
    // Relations that start or end at a span.
    std::vector<Id> relations_of(Id span) const;
    // Spans of one document, by start then end then id.
    std::vector<const Span*> spans_in(const std::string& doc) const;
    // Spans that mention an entity, in any document.
    std::vector<const Span*> mentions_of(Id entity) const;
    // The zone kind at a code point (Body where no zone is marked).
    ZoneKind zone_at(const std::string& doc, uint32_t cp) const;
    const Cluster* cluster(Id id) const;
    const ClusterRelation* cluster_relation(Id id) const;
    // The cluster a claim span is in, kNoId if none.
    Id cluster_of(Id span) const;
    // Cluster relations that start or end at a cluster.
    std::vector<Id> cluster_relations_of(Id cluster) const;
    // The relation of this type between two clusters (for Contradicts, in
    // either direction), or null.
    const ClusterRelation* find_cluster_relation(ClusterRelationType type, Id from, Id to) const;
};

// Clusters follow their claims: drops members that are not claim spans of
// `a` (deleted, or relabelled to another role), then the clusters left empty
// and the cluster relations whose ends are gone. What Editor commands do when
// a claim goes, for a whole state built elsewhere; returns the number of
// clusters and cluster relations changed or removed.
size_t prune_clusters(Annotations& a);

// Claim (orange), Speaker (blue), Source (bluish green): Okabe-Ito colours,
// distinct for colour-blind readers on light and dark backgrounds.
std::vector<Label> default_labels(Id& next_id);
// Okabe-Ito colours for new labels, in order (they repeat after seven).
uint32_t suggested_label_color(size_t index);

// The role rules the editor enforces and the file readers check: only
// speakers and sources name an entity; said_by links a claim to a speaker,
// reported_by a claim to a source, the others a claim to a claim.
bool can_have_entity(LabelRole r);
LabelRole relation_target_role(RelationType t);
bool relation_fits(RelationType t, LabelRole from, LabelRole to);

// "#RRGGBB" (either case) to 0xRRGGBB; false if it is not one.
bool parse_color(const std::string& s, uint32_t& out);
// 0xRRGGBB to "#RRGGBB" (upper case), as the JSON formats write it.
std::string format_color(uint32_t rgb);

const char* to_string(LabelRole);
const char* to_string(EntityKind);
const char* to_string(ZoneKind);
const char* to_string(RelationType);
const char* to_string(ClusterRelationType);  // "supports", "contradicts"
// Inverse of to_string; false for an unknown name.
bool parse(const std::string& s, LabelRole& out);
bool parse(const std::string& s, EntityKind& out);
bool parse(const std::string& s, ZoneKind& out);
bool parse(const std::string& s, RelationType& out);
bool parse(const std::string& s, ClusterRelationType& out);

}  // namespace cm
