#include "editor.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <tuple>
#include <type_traits>

namespace cm {

namespace {

// The map that holds objects of kind T, so the undo machinery is written once.
template <class T>
std::map<Id, T>& table(Annotations& a) {
    if constexpr (std::is_same_v<T, Span>) {
        return a.spans;
    } else if constexpr (std::is_same_v<T, Entity>) {
        return a.entities;
    } else if constexpr (std::is_same_v<T, Zone>) {
        return a.zones;
    } else if constexpr (std::is_same_v<T, Relation>) {
        return a.relations;
    } else if constexpr (std::is_same_v<T, Cluster>) {
        return a.clusters;
    } else {
        static_assert(std::is_same_v<T, ClusterRelation>, "unknown kind");
        return a.cluster_relations;
    }
}

template <class T>
constexpr size_t kind_index() {
    if constexpr (std::is_same_v<T, Span>) return 0;
    if constexpr (std::is_same_v<T, Entity>) return 1;
    if constexpr (std::is_same_v<T, Zone>) return 2;
    if constexpr (std::is_same_v<T, Relation>) return 3;
    if constexpr (std::is_same_v<T, Cluster>) return 4;
    return 5;
}
constexpr size_t kKinds = 6;

std::optional<size_t> length_of(const DocLengthFn& doc_length, const std::string& doc) {
    return doc_length ? doc_length(doc) : std::nullopt;
}

std::optional<LabelRole> role_of(const Annotations& a, Id span) {
    const Span* s = a.span(span);
    const Label* l = s ? a.label(s->label) : nullptr;
    return l ? std::optional<LabelRole>(l->role) : std::nullopt;
}

bool relation_fits(const Annotations& a, RelationType t, Id from, Id to) {
    const auto rf = role_of(a, from), rt = role_of(a, to);
    return from != to && rf && rt && relation_fits(t, *rf, *rt);
}

bool is_claim(const Annotations& a, Id span) {
    const auto role = role_of(a, span);
    return role && *role == LabelRole::Claim;
}

bool has_relation(const Annotations& a, RelationType t, Id from, Id to) {
    for (const auto& entry : a.relations) {
        const Relation& r = entry.second;
        if (r.type == t && r.from == from && r.to == to) return true;
    }
    return false;
}

bool name_taken(const Annotations& a, const std::string& name, Id except) {
    for (const Label& l : a.labels)
        if (l.name == name && l.id != except) return true;
    return false;
}

bool same_labels(const std::vector<Label>& x, const std::vector<Label>& y) {
    return std::equal(x.begin(), x.end(), y.begin(), y.end(), [](const Label& p, const Label& q) {
        return p.id == q.id && p.name == q.name && p.color == q.color && p.role == q.role;
    });
}

// The ranges a command may give a span: all inside the document, then
// normalised. Empty means refused.
std::vector<Range> checked_ranges(std::vector<Range> ranges, std::optional<size_t> length) {
    if (!length) return {};
    for (const Range& r : ranges)
        if (!r.empty() && r.end > *length) return {};
    return normalise_ranges(std::move(ranges), *length);
}

// A request turned into a span (without id or times), or nothing if refused.
std::optional<Span> span_from(const Annotations& a, const DocLengthFn& doc_length, const SpanRequest& q) {
    const Label* label = a.label(q.label);
    if (!label) return std::nullopt;
    if (q.entity != kNoId && (!a.entity(q.entity) || !can_have_entity(label->role))) return std::nullopt;
    Span s;
    s.doc = q.doc;
    s.label = q.label;
    s.ranges = checked_ranges(q.ranges, length_of(doc_length, q.doc));
    if (s.ranges.empty()) return std::nullopt;
    s.entity = q.entity;
    s.note = q.note;
    for (const auto& [key, value] : q.attributes) {
        if (key.empty()) return std::nullopt;
        if (!value.empty()) s.attributes[key] = value;  // an empty value means "not set"
    }
    return s;
}

// Field-by-field equality, so replace_all records only what changed.
bool same(const Span& x, const Span& y) {
    return std::tie(x.id, x.doc, x.label, x.ranges, x.entity, x.note, x.attributes, x.created, x.modified) ==
           std::tie(y.id, y.doc, y.label, y.ranges, y.entity, y.note, y.attributes, y.created, y.modified);
}
bool same(const Entity& x, const Entity& y) {
    return std::tie(x.id, x.name, x.kind, x.aliases, x.external_id) ==
           std::tie(y.id, y.name, y.kind, y.aliases, y.external_id);
}
bool same(const Zone& x, const Zone& y) {
    return std::tie(x.id, x.doc, x.range, x.kind) == std::tie(y.id, y.doc, y.range, y.kind);
}
bool same(const Relation& x, const Relation& y) {
    return std::tie(x.id, x.type, x.from, x.to) == std::tie(y.id, y.type, y.from, y.to);
}
bool same(const Cluster& x, const Cluster& y) {
    return std::tie(x.id, x.gloss, x.claims) == std::tie(y.id, y.gloss, y.claims);
}
bool same(const ClusterRelation& x, const ClusterRelation& y) {
    return std::tie(x.id, x.type, x.from, x.to) == std::tie(y.id, y.type, y.from, y.to);
}

// Claim ids as a cluster holds them: sorted, no repeats.
std::vector<Id> tidy_claims(std::vector<Id> claims) {
    std::sort(claims.begin(), claims.end());
    claims.erase(std::unique(claims.begin(), claims.end()), claims.end());
    return claims;
}

// Aliases as stored: no empty ones, no repeats, not the name itself.
std::vector<std::string> tidy_aliases(const std::vector<std::string>& aliases, const std::string& name) {
    std::vector<std::string> out;
    for (const std::string& s : aliases)
        if (!s.empty() && s != name && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    return out;
}

}  // namespace

// One command being built. Objects are recorded with their value before the
// first change; commit() reads the values after and pushes the command. A
// transaction that is not committed puts everything back.
class Editor::Transaction {
public:
    Transaction(Editor& ed, std::string name) : ed_(ed) {
        cmd_.name = std::move(name);
        cmd_.labels_before = ed.a_.labels;
        cmd_.next_id_before = ed.a_.next_id;
    }
    ~Transaction() {
        if (!finished_) apply(ed_.a_, cmd_, false);
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    const Annotations& a() const { return ed_.a_; }
    std::vector<Label>& labels() { return ed_.a_.labels; }
    Id new_id() { return ed_.a_.next_id++; }
    void set_next_id(Id id) { ed_.a_.next_id = id; }
    // One time for the whole command, so every object it touches agrees.
    double now() {
        if (!now_) now_ = ed_.clock_ ? ed_.clock_() : 0.0;
        return *now_;
    }

    // An existing object, to change in place.
    template <class T>
    T& edit(Id id) {
        record<T>(id);
        return table<T>(ed_.a_).at(id);
    }
    template <class T>
    void put(T value) {
        record<T>(value.id);
        const Id id = value.id;
        table<T>(ed_.a_)[id] = std::move(value);
    }
    template <class T>
    void erase(Id id) {
        record<T>(id);
        table<T>(ed_.a_).erase(id);
    }

    Span& edit_span(Id id) {
        Span& s = edit<Span>(id);
        s.modified = now();
        return s;
    }
    Id add_span(Span s) {
        s.id = new_id();
        s.created = s.modified = now();
        put(s);
        return s.id;
    }
    // A span goes with its relations (they would dangle) and its place in a
    // cluster.
    void erase_span(Id id) {
        if (!a().span(id)) return;
        for (Id r : a().relations_of(id)) erase<Relation>(r);
        leave_cluster(id);
        erase<Span>(id);
    }

    // A cluster goes with its relations.
    void erase_cluster(Id id) {
        if (!a().cluster(id)) return;
        for (Id r : a().cluster_relations_of(id)) erase<ClusterRelation>(r);
        erase<Cluster>(id);
    }
    // Takes a claim out of its cluster, if it is in one; a cluster left
    // empty goes too.
    void leave_cluster(Id span) {
        const Id c = a().cluster_of(span);
        if (c == kNoId) return;
        std::vector<Id>& claims = edit<Cluster>(c).claims;
        claims.erase(std::remove(claims.begin(), claims.end(), span), claims.end());
        if (claims.empty()) erase_cluster(c);
    }
    // Puts a claim into a cluster, out of any other.
    void join_cluster(Id cluster, Id span) {
        if (a().cluster_of(span) == cluster) return;
        leave_cluster(span);
        std::vector<Id>& claims = edit<Cluster>(cluster).claims;
        claims.insert(std::upper_bound(claims.begin(), claims.end(), span), span);
    }

    // Pushes the command (dropping any redo tail); false if nothing changed.
    bool commit() {
        finished_ = true;
        for (AnyChange& c : cmd_.changes) std::visit([this](auto& ch) { read_after(ch); }, c);
        cmd_.labels_after = ed_.a_.labels;
        cmd_.next_id_after = ed_.a_.next_id;
        if (cmd_.changes.empty() && cmd_.next_id_after == cmd_.next_id_before &&
            same_labels(cmd_.labels_before, cmd_.labels_after))
            return false;
        ed_.history_.erase(ed_.history_.begin() + static_cast<std::ptrdiff_t>(ed_.done_), ed_.history_.end());
        ed_.history_.push_back(std::move(cmd_));
        ed_.done_ = ed_.history_.size();
        ++ed_.revision_;
        return true;
    }

    // Sets every object the command touched to its value after (forward) or
    // before it.
    static void apply(Annotations& a, const Command& cmd, bool forward) {
        for (const AnyChange& c : cmd.changes) {
            std::visit(
                [&](const auto& ch) {
                    using T = typename std::decay_t<decltype(ch.before)>::value_type;
                    const auto& value = forward ? ch.after : ch.before;
                    if (value)
                        table<T>(a)[ch.id] = *value;
                    else
                        table<T>(a).erase(ch.id);
                },
                c);
        }
        a.labels = forward ? cmd.labels_after : cmd.labels_before;
        a.next_id = forward ? cmd.next_id_after : cmd.next_id_before;
    }

private:
    template <class T>
    void record(Id id) {
        if (!recorded_[kind_index<T>()].insert(id).second) return;
        const auto& t = table<T>(ed_.a_);
        const auto it = t.find(id);
        // Built in place: moving a Change with its optionals into the variant
        // made GCC warn (falsely) that they may be used uninitialised.
        auto& ch = std::get<Change<T>>(cmd_.changes.emplace_back(std::in_place_type<Change<T>>));
        ch.id = id;
        if (it != t.end()) ch.before = it->second;
    }
    template <class T>
    void read_after(Change<T>& ch) {
        const auto& t = table<T>(ed_.a_);
        const auto it = t.find(ch.id);
        ch.after = it == t.end() ? std::nullopt : std::optional<T>(it->second);
    }

    Editor& ed_;
    Command cmd_;
    std::array<std::set<Id>, kKinds> recorded_;
    std::optional<double> now_;
    bool finished_ = false;
};

Editor::Editor(DocLengthFn doc_length, ClockFn clock) : doc_length_(std::move(doc_length)), clock_(std::move(clock)) {}

void Editor::reset(Annotations a) {
    a_ = std::move(a);
    history_.clear();
    done_ = 0;
    ++revision_;
}

bool Editor::replace_all(Annotations next, const std::string& name) {
    prune_clusters(next);
    Editor probe(doc_length_, clock_);
    probe.reset(next);
    if (!probe.check_invariants().empty()) return false;
    Transaction t(*this, name);
    const auto sync = [&t](const auto& now, const auto& wanted) {
        using T = typename std::decay_t<decltype(wanted)>::mapped_type;
        std::vector<Id> gone;
        for (const auto& entry : now)
            if (wanted.find(entry.first) == wanted.end()) gone.push_back(entry.first);
        for (Id id : gone) t.template erase<T>(id);
        for (const auto& [id, value] : wanted) {
            const auto it = now.find(id);
            if (it == now.end() || !same(it->second, value)) t.put(value);
        }
    };
    sync(a_.spans, next.spans);
    sync(a_.entities, next.entities);
    sync(a_.zones, next.zones);
    sync(a_.relations, next.relations);
    sync(a_.clusters, next.clusters);
    sync(a_.cluster_relations, next.cluster_relations);
    t.labels() = std::move(next.labels);
    t.set_next_id(next.next_id);
    t.commit();
    return true;
}

// --- labels ---

Id Editor::add_label(const std::string& name, uint32_t color, LabelRole role) {
    if (name.empty() || name_taken(a_, name, kNoId) || color > 0xFFFFFF) return kNoId;
    Transaction t(*this, "Add label");
    const Id id = t.new_id();
    t.labels().push_back(Label{id, name, color, role});
    t.commit();
    return id;
}

bool Editor::rename_label(Id label, const std::string& name) {
    const int i = a_.label_index(label);
    if (i < 0 || name.empty() || name_taken(a_, name, label)) return false;
    Transaction t(*this, "Rename label");
    t.labels()[static_cast<size_t>(i)].name = name;
    t.commit();
    return true;
}

bool Editor::recolor_label(Id label, uint32_t color) {
    const int i = a_.label_index(label);
    if (i < 0 || color > 0xFFFFFF) return false;
    Transaction t(*this, "Change label colour");
    t.labels()[static_cast<size_t>(i)].color = color;
    t.commit();
    return true;
}

bool Editor::move_label(Id label, size_t new_index) {
    const int i = a_.label_index(label);
    if (i < 0 || new_index >= a_.labels.size()) return false;
    Transaction t(*this, "Move label");
    std::vector<Label>& labels = t.labels();
    const Label moved = labels[static_cast<size_t>(i)];
    labels.erase(labels.begin() + i);
    labels.insert(labels.begin() + static_cast<std::ptrdiff_t>(new_index), moved);
    t.commit();
    return true;
}

bool Editor::remove_label(Id label) {
    const int i = a_.label_index(label);
    if (i < 0) return false;
    Transaction t(*this, "Remove label");
    std::vector<Id> doomed;
    for (const auto& [id, s] : a_.spans)
        if (s.label == label) doomed.push_back(id);
    for (Id id : doomed) t.erase_span(id);
    t.labels().erase(t.labels().begin() + i);
    t.commit();
    return true;
}

size_t Editor::label_use_count(Id label) const {
    return static_cast<size_t>(std::count_if(a_.spans.begin(), a_.spans.end(),
                                             [label](const auto& entry) { return entry.second.label == label; }));
}

// --- spans ---

Id Editor::add_span(const SpanRequest& request) {
    std::optional<Span> s = span_from(a_, doc_length_, request);
    if (!s) return kNoId;
    Transaction t(*this, "Add " + a_.label(request.label)->name);
    const Id id = t.add_span(std::move(*s));
    t.commit();
    return id;
}

bool Editor::delete_span(Id span) { return delete_spans({span}); }

bool Editor::delete_spans(const std::vector<Id>& spans) {
    if (spans.empty()) return false;
    for (Id id : spans)
        if (!a_.span(id)) return false;
    const size_t distinct = std::set<Id>(spans.begin(), spans.end()).size();
    Transaction t(*this, distinct == 1 ? "Delete span" : "Delete spans");
    for (Id id : spans) t.erase_span(id);
    t.commit();
    return true;
}

bool Editor::relabel_span(Id span, Id label) {
    const Span* s = a_.span(span);
    const Label* l = a_.label(label);
    if (!s || !l) return false;
    if (s->label == label) return true;
    Transaction t(*this, "Relabel span");
    Span& changed = t.edit_span(span);
    changed.label = label;
    if (!can_have_entity(l->role)) changed.entity = kNoId;
    if (l->role != LabelRole::Claim) t.leave_cluster(span);
    for (Id r : a_.relations_of(span)) {
        const Relation& rel = *a_.relation(r);
        if (!relation_fits(a_, rel.type, rel.from, rel.to)) t.erase<Relation>(r);
    }
    t.commit();
    return true;
}

bool Editor::set_ranges(Id span, std::vector<Range> ranges) {
    const Span* s = a_.span(span);
    if (!s) return false;
    std::vector<Range> checked = checked_ranges(std::move(ranges), length_of(doc_length_, s->doc));
    if (checked.empty()) return false;
    if (checked == s->ranges) return true;
    Transaction t(*this, "Change span ranges");
    t.edit_span(span).ranges = std::move(checked);
    t.commit();
    return true;
}

bool Editor::set_note(Id span, const std::string& note) {
    const Span* s = a_.span(span);
    if (!s) return false;
    if (s->note == note) return true;
    Transaction t(*this, "Edit note");
    t.edit_span(span).note = note;
    t.commit();
    return true;
}

bool Editor::set_attribute(Id span, const std::string& key, const std::string& value) {
    const Span* s = a_.span(span);
    if (!s || key.empty()) return false;
    const auto it = s->attributes.find(key);
    const bool present = it != s->attributes.end();
    if (value.empty() ? !present : (present && it->second == value)) return true;
    Transaction t(*this, value.empty() ? "Remove attribute" : "Set attribute");
    auto& attributes = t.edit_span(span).attributes;
    if (value.empty())
        attributes.erase(key);
    else
        attributes[key] = value;
    t.commit();
    return true;
}

std::vector<Id> Editor::add_spans(const std::vector<SpanRequest>& requests) {
    std::vector<Span> valid;
    for (const SpanRequest& q : requests)
        if (std::optional<Span> s = span_from(a_, doc_length_, q)) valid.push_back(std::move(*s));
    std::vector<Id> ids;
    if (valid.empty()) return ids;
    const std::string name =
        valid.size() == 1 ? "Add " + a_.label(valid[0].label)->name : "Add " + std::to_string(valid.size()) + " spans";
    Transaction t(*this, name);
    for (Span& s : valid) ids.push_back(t.add_span(std::move(s)));
    t.commit();
    return ids;
}

// --- entities ---

Id Editor::add_entity(const std::string& name, EntityKind kind) {
    if (name.empty()) return kNoId;
    Transaction t(*this, "Add entity");
    const Id id = t.new_id();
    t.put(Entity{id, name, kind, {}, {}});
    t.commit();
    return id;
}

Id Editor::create_entity_from(Id span, const std::string& name, EntityKind kind) {
    const auto role = role_of(a_, span);
    if (!role || !can_have_entity(*role) || name.empty()) return kNoId;
    Transaction t(*this, "Create entity");
    const Id id = t.new_id();
    t.put(Entity{id, name, kind, {}, {}});
    t.edit_span(span).entity = id;
    t.commit();
    return id;
}

bool Editor::link_entity(Id span, Id entity) {
    const Span* s = a_.span(span);
    if (!s) return false;
    if (entity != kNoId) {
        const auto role = role_of(a_, span);
        if (!a_.entity(entity) || !role || !can_have_entity(*role)) return false;
    }
    if (s->entity == entity) return true;
    Transaction t(*this, entity == kNoId ? "Unlink entity" : "Link entity");
    t.edit_span(span).entity = entity;
    t.commit();
    return true;
}

bool Editor::rename_entity(Id entity, const std::string& name) {
    const Entity* e = a_.entity(entity);
    if (!e || name.empty()) return false;
    if (e->name == name) return true;
    Transaction t(*this, "Rename entity");
    Entity& changed = t.edit<Entity>(entity);
    changed.aliases.push_back(changed.name);
    changed.aliases = tidy_aliases(changed.aliases, name);
    changed.name = name;
    t.commit();
    return true;
}

bool Editor::set_entity_kind(Id entity, EntityKind kind) {
    const Entity* e = a_.entity(entity);
    if (!e) return false;
    if (e->kind == kind) return true;
    Transaction t(*this, "Change entity kind");
    t.edit<Entity>(entity).kind = kind;
    t.commit();
    return true;
}

bool Editor::set_aliases(Id entity, std::vector<std::string> aliases) {
    const Entity* e = a_.entity(entity);
    if (!e) return false;
    std::vector<std::string> tidy = tidy_aliases(aliases, e->name);
    if (tidy == e->aliases) return true;
    Transaction t(*this, "Edit aliases");
    t.edit<Entity>(entity).aliases = std::move(tidy);
    t.commit();
    return true;
}

bool Editor::set_external_id(Id entity, const std::string& external_id) {
    const Entity* e = a_.entity(entity);
    if (!e) return false;
    if (e->external_id == external_id) return true;
    Transaction t(*this, "Set external id");
    t.edit<Entity>(entity).external_id = external_id;
    t.commit();
    return true;
}

bool Editor::merge_entities(Id keep, Id gone) {
    if (keep == gone || !a_.entity(keep) || !a_.entity(gone)) return false;
    const Entity old = *a_.entity(gone);
    Transaction t(*this, "Merge entities");
    for (const Span* s : a_.mentions_of(gone)) t.edit_span(s->id).entity = keep;
    Entity& kept = t.edit<Entity>(keep);
    std::vector<std::string> aliases = kept.aliases;
    aliases.push_back(old.name);
    aliases.insert(aliases.end(), old.aliases.begin(), old.aliases.end());
    kept.aliases = tidy_aliases(aliases, kept.name);
    // An identifier is knowledge worth keeping when the kept entity has none.
    if (kept.external_id.empty()) kept.external_id = old.external_id;
    t.erase<Entity>(gone);
    t.commit();
    return true;
}

bool Editor::delete_entity(Id entity) {
    if (!a_.entity(entity)) return false;
    Transaction t(*this, "Delete entity");
    for (const Span* s : a_.mentions_of(entity)) t.edit_span(s->id).entity = kNoId;
    t.erase<Entity>(entity);
    t.commit();
    return true;
}

// --- relations ---

Id Editor::add_relation(RelationType type, Id from, Id to) {
    if (!relation_fits(a_, type, from, to) || has_relation(a_, type, from, to)) return kNoId;
    Transaction t(*this, "Add relation");
    const Id id = t.new_id();
    t.put(Relation{id, type, from, to});
    t.commit();
    return id;
}

bool Editor::set_relation_type(Id relation, RelationType type) {
    const Relation* r = a_.relation(relation);
    if (!r) return false;
    if (r->type == type) return true;
    if (!relation_fits(a_, type, r->from, r->to) || has_relation(a_, type, r->from, r->to)) return false;
    Transaction t(*this, "Change relation type");
    t.edit<Relation>(relation).type = type;
    t.commit();
    return true;
}

bool Editor::delete_relation(Id relation) {
    if (!a_.relation(relation)) return false;
    Transaction t(*this, "Delete relation");
    t.erase<Relation>(relation);
    t.commit();
    return true;
}

// --- claim clusters ---

Id Editor::create_cluster(const std::string& gloss, const std::vector<Id>& claims) {
    const std::vector<Id> members = tidy_claims(claims);
    if (members.empty()) return kNoId;
    for (Id span : members)
        if (!is_claim(a_, span)) return kNoId;
    Transaction t(*this, "Create cluster");
    const Id id = t.new_id();
    for (Id span : members) t.leave_cluster(span);
    t.put(Cluster{id, gloss, members});
    t.commit();
    return id;
}

bool Editor::add_to_cluster(Id cluster, Id span) {
    if (!a_.cluster(cluster) || !is_claim(a_, span)) return false;
    if (a_.cluster_of(span) == cluster) return true;
    Transaction t(*this, "Add to cluster");
    t.join_cluster(cluster, span);
    t.commit();
    return true;
}

bool Editor::add_to_cluster(Id cluster, const std::vector<Id>& spans) {
    if (!a_.cluster(cluster) || spans.empty()) return false;
    for (const Id span : spans)
        if (!is_claim(a_, span)) return false;
    Transaction t(*this, spans.size() == 1 ? "Add to cluster" : "Add claims to cluster");
    for (const Id span : spans)
        if (a_.cluster_of(span) != cluster) t.join_cluster(cluster, span);
    t.commit();
    return true;
}

bool Editor::remove_from_cluster(Id span) {
    if (a_.cluster_of(span) == kNoId) return false;
    Transaction t(*this, "Remove from cluster");
    t.leave_cluster(span);
    t.commit();
    return true;
}

bool Editor::set_gloss(Id cluster, const std::string& gloss) {
    const Cluster* c = a_.cluster(cluster);
    if (!c) return false;
    if (c->gloss == gloss) return true;
    Transaction t(*this, "Edit cluster gloss");
    t.edit<Cluster>(cluster).gloss = gloss;
    t.commit();
    return true;
}

bool Editor::delete_cluster(Id cluster) {
    if (!a_.cluster(cluster)) return false;
    Transaction t(*this, "Delete cluster");
    t.erase_cluster(cluster);
    t.commit();
    return true;
}

bool Editor::merge_clusters(Id keep, Id gone) {
    if (keep == gone || !a_.cluster(keep) || !a_.cluster(gone)) return false;
    const Cluster old = *a_.cluster(gone);
    Transaction t(*this, "Merge clusters");
    // Its relations first, while both clusters are there to compare with.
    for (Id r : a_.cluster_relations_of(gone)) {
        ClusterRelation moved = *a_.cluster_relation(r);
        if (moved.from == gone) moved.from = keep;
        if (moved.to == gone) moved.to = keep;
        t.erase<ClusterRelation>(r);
        if (moved.from != moved.to && !a_.find_cluster_relation(moved.type, moved.from, moved.to)) t.put(moved);
    }
    Cluster& kept = t.edit<Cluster>(keep);
    std::vector<Id> claims = kept.claims;
    claims.insert(claims.end(), old.claims.begin(), old.claims.end());
    kept.claims = tidy_claims(std::move(claims));
    if (kept.gloss.empty()) kept.gloss = old.gloss;
    t.erase<Cluster>(gone);
    t.commit();
    return true;
}

Id Editor::relate_clusters(ClusterRelationType type, Id from, Id to) {
    if (from == to || !a_.cluster(from) || !a_.cluster(to) || a_.find_cluster_relation(type, from, to)) return kNoId;
    Transaction t(*this, "Relate clusters");
    const Id id = t.new_id();
    t.put(ClusterRelation{id, type, from, to});
    t.commit();
    return id;
}

bool Editor::unrelate_clusters(Id relation) {
    if (!a_.cluster_relation(relation)) return false;
    Transaction t(*this, "Remove cluster relation");
    t.erase<ClusterRelation>(relation);
    t.commit();
    return true;
}

// --- zones ---

Id Editor::add_zone(const std::string& doc, Range range, ZoneKind kind) {
    const auto length = length_of(doc_length_, doc);
    if (!length || range.empty() || range.end > *length) return kNoId;
    Transaction t(*this, "Add zone");
    const Id id = t.new_id();
    std::vector<Zone> covered;
    for (const auto& entry : a_.zones) {
        const Zone& z = entry.second;
        if (z.doc == doc && z.range.start < range.end && range.start < z.range.end) covered.push_back(z);
    }
    for (const Zone& z : covered) {
        const bool left = z.range.start < range.start, right = range.end < z.range.end;
        if (left) t.edit<Zone>(z.id).range.end = range.start;
        if (right && left) t.put(Zone{t.new_id(), doc, Range{range.end, z.range.end}, z.kind});
        if (right && !left) t.edit<Zone>(z.id).range.start = range.end;
        if (!left && !right) t.erase<Zone>(z.id);
    }
    t.put(Zone{id, doc, range, kind});
    t.commit();
    return id;
}

bool Editor::delete_zone(Id zone) {
    if (a_.zones.find(zone) == a_.zones.end()) return false;
    Transaction t(*this, "Delete zone");
    t.erase<Zone>(zone);
    t.commit();
    return true;
}

// --- history ---

bool Editor::undo() {
    if (!can_undo()) return false;
    --done_;
    Transaction::apply(a_, history_[done_], false);
    ++revision_;
    return true;
}

bool Editor::redo() {
    if (!can_redo()) return false;
    Transaction::apply(a_, history_[done_], true);
    ++done_;
    ++revision_;
    return true;
}

namespace {
const std::string kNoName;
}  // namespace

const std::string& Editor::undo_name() const { return can_undo() ? history_[done_ - 1].name : kNoName; }
const std::string& Editor::redo_name() const { return can_redo() ? history_[done_].name : kNoName; }

// --- invariants ---

namespace {

std::string str(Id id) { return std::to_string(id); }
std::string str(const Range& r) { return std::to_string(r.start) + "-" + std::to_string(r.end); }
std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// Collects one line per broken invariant, in plain words (the JSON loader
// shows them to the user).
class InvariantCheck {
public:
    InvariantCheck(const Annotations& a, const DocLengthFn& doc_length) : a_(a), doc_length_(doc_length) {}

    std::string run() {
        ids();
        labels();
        spans();
        entities();
        relations();
        zones();
        clusters();
        cluster_relations();
        std::string out;
        for (const std::string& p : problems_) out += (out.empty() ? "" : "\n") + p;
        return out;
    }

private:
    void add(const std::string& what) { problems_.push_back(what); }

    void claim_id(Id key, Id id, const std::string& what) {
        if (key != id) add(what + ": stored under id " + str(key) + " but has id " + str(id));
        if (id == kNoId) add(what + ": id 0 is reserved for \"none\"");
        if (id >= a_.next_id) add(what + ": id is not below next_id " + str(a_.next_id));
        const auto [it, fresh] = owners_.emplace(id, what);
        if (!fresh)
            add(what + ": id " + str(id) + (it->second == what ? " is used twice" : " is also used by " + it->second));
    }

    template <class T>
    void claim_ids(const std::map<Id, T>& objects, const char* kind) {
        for (const auto& [key, o] : objects) claim_id(key, o.id, std::string(kind) + " " + str(key));
    }

    void ids() {
        for (const Label& l : a_.labels) claim_id(l.id, l.id, "label " + str(l.id));
        claim_ids(a_.spans, "span");
        claim_ids(a_.entities, "entity");
        claim_ids(a_.zones, "zone");
        claim_ids(a_.relations, "relation");
        claim_ids(a_.clusters, "cluster");
        claim_ids(a_.cluster_relations, "cluster relation");
    }

    void labels() {
        std::map<std::string, Id> names;
        for (const Label& l : a_.labels) {
            const std::string where = "label " + str(l.id);
            if (l.name.empty()) add(where + ": the name is empty");
            const auto [it, fresh] = names.emplace(l.name, l.id);
            if (!fresh && !l.name.empty())
                add(where + ": the name " + quoted(l.name) + " is also used by label " + str(it->second));
            if (l.color > 0xFFFFFF) add(where + ": colour " + std::to_string(l.color) + " is not an 0xRRGGBB value");
        }
    }

    // A range's problems, for spans and zones alike.
    void range(const std::string& where, const Range& r, const std::string& doc, std::optional<size_t> length) {
        if (r.empty())
            add(where + ": range " + str(r) + " is empty");
        else if (length && r.end > *length)
            add(where + ": range " + str(r) + " is past the end of document " + doc + " (" + std::to_string(*length) +
                " characters)");
    }

    std::optional<size_t> document(const std::string& where, const std::string& doc) {
        const auto length = length_of(doc_length_, doc);
        if (!length) add(where + ": document " + quoted(doc) + " does not exist");
        return length;
    }

    void spans() {
        for (const auto& [id, s] : a_.spans) {
            const std::string where = "span " + str(id);
            const auto length = document(where, s.doc);
            if (s.ranges.empty()) add(where + ": has no ranges");
            for (size_t i = 0; i < s.ranges.size(); ++i) {
                range(where, s.ranges[i], s.doc, length);
                if (i == 0) continue;
                const Range &p = s.ranges[i - 1], &r = s.ranges[i];
                if (r.start < p.start)
                    add(where + ": ranges " + str(p) + " and " + str(r) + " are not in order");
                else if (r.start <= p.end)
                    add(where + ": ranges " + str(p) + " and " + str(r) + " overlap or touch");
            }
            span_refs(where, s);
            for (const auto& [key, value] : s.attributes) {
                if (key.empty()) add(where + ": an attribute has an empty name");
                if (value.empty()) add(where + ": attribute " + quoted(key) + " has an empty value");
            }
        }
    }

    void span_refs(const std::string& where, const Span& s) {
        const Label* l = a_.label(s.label);
        if (!l) add(where + ": label " + str(s.label) + " does not exist");
        if (s.entity == kNoId) return;
        if (!a_.entity(s.entity))
            add(where + ": entity " + str(s.entity) + " does not exist");
        else if (l && !can_have_entity(l->role))
            add(where + ": a " + to_string(l->role) +
                " span cannot point to an entity (only speakers and sources can)");
    }

    void entities() {
        for (const auto& [id, e] : a_.entities) {
            const std::string where = "entity " + str(id);
            if (e.name.empty()) add(where + ": the name is empty");
            for (size_t i = 0; i < e.aliases.size(); ++i) {
                const std::string& alias = e.aliases[i];
                if (alias.empty()) add(where + ": an alias is empty");
                if (alias == e.name && !alias.empty()) add(where + ": alias " + quoted(alias) + " is the name itself");
                if (std::find(e.aliases.begin(), e.aliases.begin() + static_cast<std::ptrdiff_t>(i), alias) !=
                    e.aliases.begin() + static_cast<std::ptrdiff_t>(i))
                    add(where + ": alias " + quoted(alias) + " is listed twice");
            }
        }
    }

    void relations() {
        std::map<std::tuple<RelationType, Id, Id>, Id> seen;
        for (const auto& [id, r] : a_.relations) {
            const std::string where = "relation " + str(id);
            if (!a_.span(r.from)) add(where + ": span " + str(r.from) + " (from) does not exist");
            if (!a_.span(r.to)) add(where + ": span " + str(r.to) + " (to) does not exist");
            const auto rf = role_of(a_, r.from), rt = role_of(a_, r.to);
            if (r.from == r.to)
                add(where + ": links span " + str(r.from) + " to itself");
            else if (rf && rt && !relation_fits(r.type, *rf, *rt))
                add(where + ": " + to_string(r.type) + " links a claim to a " + to_string(relation_target_role(r.type)) +
                    ", not a " + to_string(*rf) + " to a " + to_string(*rt));
            const auto [it, fresh] = seen.emplace(std::make_tuple(r.type, r.from, r.to), id);
            if (!fresh) add(where + ": repeats relation " + str(it->second));
        }
    }

    void zones() {
        std::map<std::string, std::vector<const Zone*>> by_doc;
        for (const auto& [id, z] : a_.zones) {
            const std::string where = "zone " + str(id);
            range(where, z.range, z.doc, document(where, z.doc));
            by_doc[z.doc].push_back(&z);
        }
        for (auto& entry : by_doc) {
            std::vector<const Zone*>& zs = entry.second;
            std::stable_sort(zs.begin(), zs.end(),
                             [](const Zone* x, const Zone* y) { return x->range.start < y->range.start; });
            const Zone* furthest = nullptr;  // the zone reaching furthest so far
            for (const Zone* z : zs) {
                if (furthest && z->range.start < furthest->range.end)
                    add("zone " + str(z->id) + ": overlaps zone " + str(furthest->id) + " (" + str(furthest->range) +
                        ")");
                if (!furthest || z->range.end > furthest->range.end) furthest = z;
            }
        }
    }

    void clusters() {
        std::map<Id, Id> member_of;  // claim -> the first cluster that holds it
        for (const auto& [id, c] : a_.clusters) {
            const std::string where = "cluster " + str(id);
            if (c.claims.empty()) add(where + ": has no claims");
            for (size_t i = 0; i < c.claims.size(); ++i) {
                const Id span = c.claims[i];
                if (i > 0 && span <= c.claims[i - 1])
                    add(where + ": claims " + str(c.claims[i - 1]) + " and " + str(span) +
                        " are not in increasing order");
                const auto role = role_of(a_, span);
                if (!a_.span(span))
                    add(where + ": span " + str(span) + " does not exist");
                else if (role && *role != LabelRole::Claim)
                    add(where + ": span " + str(span) + " is not a claim (its role is " + to_string(*role) + ")");
                const auto [it, fresh] = member_of.emplace(span, id);
                if (!fresh && it->second != id)
                    add(where + ": span " + str(span) + " is also in cluster " + str(it->second));
            }
        }
    }

    void cluster_relations() {
        std::map<std::tuple<ClusterRelationType, Id, Id>, Id> seen;
        for (const auto& [id, r] : a_.cluster_relations) {
            const std::string where = "cluster relation " + str(id);
            if (!a_.cluster(r.from)) add(where + ": cluster " + str(r.from) + " (from) does not exist");
            if (!a_.cluster(r.to)) add(where + ": cluster " + str(r.to) + " (to) does not exist");
            if (r.from == r.to) add(where + ": links cluster " + str(r.from) + " to itself");
            if (static_cast<uint8_t>(r.type) > static_cast<uint8_t>(ClusterRelationType::Contradicts))
                add(where + ": unknown type " + std::to_string(static_cast<unsigned>(r.type)));
            // A contradiction is one either way.
            const bool both_ways = r.type == ClusterRelationType::Contradicts;
            const auto key = std::make_tuple(r.type, both_ways ? std::min(r.from, r.to) : r.from,
                                             both_ways ? std::max(r.from, r.to) : r.to);
            const auto [it, fresh] = seen.emplace(key, id);
            if (!fresh) add(where + ": repeats cluster relation " + str(it->second));
        }
    }

    const Annotations& a_;
    const DocLengthFn& doc_length_;
    std::map<Id, std::string> owners_;  // which object holds each id
    std::vector<std::string> problems_;
};

}  // namespace

std::string Editor::check_invariants() const { return InvariantCheck(a_, doc_length_).run(); }

std::vector<Range> normalise_ranges(std::vector<Range> ranges, size_t length) {
    const uint32_t cap = static_cast<uint32_t>(std::min<size_t>(length, UINT32_MAX));
    for (Range& r : ranges) {
        r.start = std::min(r.start, cap);
        r.end = std::min(r.end, cap);
    }
    ranges.erase(std::remove_if(ranges.begin(), ranges.end(), [](const Range& r) { return r.empty(); }), ranges.end());
    std::sort(ranges.begin(), ranges.end());
    std::vector<Range> out;
    for (const Range& r : ranges) {
        if (!out.empty() && r.start <= out.back().end)
            out.back().end = std::max(out.back().end, r.end);
        else
            out.push_back(r);
    }
    return out;
}

}  // namespace cm
