// Every change to the annotations is a command on one undo history.
//
// A command is recorded as the list of objects it changed, each with its
// value before and after (absent = did not exist), so undo and redo are
// exact and one user action (delete a span with its relations and its place
// in a cluster, merge two entities, tag all mentions) is one step. Commands check their arguments
// and refuse (returning false / kNoId, and changing nothing) anything that
// would break an invariant; check_invariants() states them all.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "annotations.h"

namespace cm {

// Document lengths in code points, which ranges are checked against.
using DocLengthFn = std::function<std::optional<size_t>(const std::string& doc)>;
using ClockFn = std::function<double()>;  // seconds since the Unix epoch

struct SpanRequest {
    std::string doc;
    Id label = kNoId;
    std::vector<Range> ranges;  // any order; empty ones dropped; overlapping ones merged
    Id entity = kNoId;
    std::string note;
    std::map<std::string, std::string> attributes;
};

class Editor {
public:
    Editor(DocLengthFn doc_length, ClockFn clock);

    const Annotations& annotations() const { return a_; }
    // Replaces everything (a loaded project) and clears the history.
    void reset(Annotations a);
    // Replaces everything as one undoable step named `name` (e.g. merging an
    // imported project): records only the objects that differ. Clusters
    // follow their claims first (prune_clusters: a claim `next` deletes or
    // relabels leaves its cluster, as delete_span and relabel_span do).
    // Refused (false, nothing changed) if `next` then breaks an invariant.
    bool replace_all(Annotations next, const std::string& name);

    // --- labels ---
    Id add_label(const std::string& name, uint32_t color, LabelRole role = LabelRole::Other);
    bool rename_label(Id label, const std::string& name);  // names are unique, not empty
    bool recolor_label(Id label, uint32_t color);
    bool move_label(Id label, size_t new_index);
    // Removes a label and every span that uses it (and their relations).
    bool remove_label(Id label);
    size_t label_use_count(Id label) const;

    // --- spans ---
    Id add_span(const SpanRequest& request);
    // Deleting a span deletes its relations and takes it out of its cluster
    // (a cluster left empty goes too, with its relations).
    bool delete_span(Id span);
    bool delete_spans(const std::vector<Id>& spans);  // one step
    // Drops relations the new role cannot have; a claim relabelled to another
    // role leaves its cluster (as delete_span).
    bool relabel_span(Id span, Id label);
    bool set_ranges(Id span, std::vector<Range> ranges);
    bool set_note(Id span, const std::string& note);
    bool set_attribute(Id span, const std::string& key, const std::string& value);  // empty value removes
    // Adds spans in one step (e.g. "mark all mentions"); returns their ids.
    std::vector<Id> add_spans(const std::vector<SpanRequest>& requests);

    // --- entities ---
    Id add_entity(const std::string& name, EntityKind kind);
    // Creates an entity named after the span's text and links the span to it.
    Id create_entity_from(Id span, const std::string& name, EntityKind kind);
    bool link_entity(Id span, Id entity);  // entity kNoId unlinks
    bool rename_entity(Id entity, const std::string& name);  // the old name becomes an alias
    bool set_entity_kind(Id entity, EntityKind kind);
    bool set_aliases(Id entity, std::vector<std::string> aliases);
    bool set_external_id(Id entity, const std::string& external_id);
    // `gone`'s mentions move to `keep`, its name and aliases become aliases
    // of `keep`, and `gone` is deleted.
    bool merge_entities(Id keep, Id gone);
    bool delete_entity(Id entity);  // unlinks its mentions

    // --- relations ---
    // Checks the roles: SaidBy needs claim -> speaker, ReportedBy claim ->
    // source, the others claim -> claim; no self-links, no duplicates.
    Id add_relation(RelationType type, Id from, Id to);
    bool set_relation_type(Id relation, RelationType type);
    bool delete_relation(Id relation);

    // --- claim clusters ---
    // Members are claim spans; a claim is in at most one cluster, so adding
    // one moves it out of the cluster it was in. A cluster left empty by any
    // command is deleted with its relations, in the same step.
    //
    // A new cluster of the given claims (repeats ignored); refused when there
    // are none or one is not a claim span.
    Id create_cluster(const std::string& gloss, const std::vector<Id>& claims);
    bool add_to_cluster(Id cluster, Id span);
    // Several claims in one step; refused (nothing changes) when any is not a claim.
    bool add_to_cluster(Id cluster, const std::vector<Id>& spans);
    bool remove_from_cluster(Id span);  // false if the span is in no cluster
    bool set_gloss(Id cluster, const std::string& gloss);
    bool delete_cluster(Id cluster);  // and its relations; the claims stay
    // `gone`'s claims join `keep`, its relations move to `keep` (those that
    // would link `keep` to itself or repeat one it has are dropped), `keep`
    // takes its gloss if it has none, and `gone` is deleted.
    bool merge_clusters(Id keep, Id gone);
    // No self relation, no repeat (a contradiction is one either way).
    Id relate_clusters(ClusterRelationType type, Id from, Id to);
    bool unrelate_clusters(Id relation);

    // --- zones ---
    // Marks a region; the parts of other zones it covers are cut away.
    Id add_zone(const std::string& doc, Range range, ZoneKind kind);
    bool delete_zone(Id zone);

    // --- history ---
    bool can_undo() const { return done_ > 0; }
    bool can_redo() const { return done_ < history_.size(); }
    bool undo();
    bool redo();
    const std::string& undo_name() const;  // "" when nothing to undo
    const std::string& redo_name() const;
    size_t history_size() const { return history_.size(); }
    // Increments on every change, undo and redo (for autosave and caches).
    uint64_t revision() const { return revision_; }

    // The editor's clock (seconds since the Unix epoch), for code that builds
    // a whole new state for replace_all and stamps what it creates.
    double now() const { return clock_ ? clock_() : 0.0; }

    // Empty when all invariants hold, else one line per broken one.
    std::string check_invariants() const;

private:
    template <class T>
    struct Change {
        Id id;
        std::optional<T> before, after;
    };
    using AnyChange = std::variant<Change<Span>, Change<Entity>, Change<Zone>, Change<Relation>, Change<Cluster>,
                                   Change<ClusterRelation>>;
    struct Command {
        std::string name;
        std::vector<AnyChange> changes;
        std::vector<Label> labels_before, labels_after;  // the whole list: it is small
        Id next_id_before = 0, next_id_after = 0;
    };
    class Transaction;

    Annotations a_;
    DocLengthFn doc_length_;
    ClockFn clock_;
    std::vector<Command> history_;
    size_t done_ = 0;
    uint64_t revision_ = 0;
};

// Ranges normalised for a span: sorted, clamped to [0, length], empty ones
// dropped, overlapping or touching ones merged.
std::vector<Range> normalise_ranges(std::vector<Range> ranges, size_t length);

}  // namespace cm
