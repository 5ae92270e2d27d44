// Claim clusters and their relations: every editor command with undo and
// redo, the cascades from deleting and relabelling claims, the invariants
// over random edits, the project file (round trip, merge, malformed
// entries) and W3C Web Annotation (export -> import).
//
// States are compared with their clusters: the annotations JSON (which has
// next_id but no clusters) followed by the project file without documents
// (which has the clusters and their relations).
#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/annotations.h"
#include "core/annotations_json.h"
#include "core/corpus.h"
#include "core/editor.h"
#include "core/formats/w3c.h"
#include "core/project_json.h"
#include "test_support.h"

using Catch::Matchers::Contains;
using cm::Annotations;
using cm::Cluster;
using cm::ClusterRelation;
using cm::ClusterRelationType;
using cm::Document;
using cm::Id;
using cm::import_project;
using cm::ImportMode;
using cm::kNoId;
using cm::LabelRole;
using cm::project_to_json;
using cm::ProjectImport;
using cm::Range;
using cm::SpanRequest;
using nlohmann::json;

namespace {

constexpr auto kSupports = ClusterRelationType::Supports;
constexpr auto kContradicts = ClusterRelationType::Contradicts;

// Everything, clusters included.
std::string full(const Annotations& a) { return cm::annotations_to_json(a) + "\n" + project_to_json(a, {}); }

std::string problems_of(const std::vector<cm::ImportProblem>& problems) {
    std::string out;
    for (const cm::ImportProblem& p : problems) out += (out.empty() ? "" : "\n") + cm::to_string(p);
    return out;
}
std::string problems_of(const ProjectImport& r) { return problems_of(r.problems); }

// An editor over documents "a" (100 code points) and "b" (40) with the
// default labels (Claim 1, Speaker 2, Source 3) and a second claim label,
// "Hedge" (4).
struct Bench {
    double clock = 1000;
    cm::Editor ed{cm::test::two_docs_length, [this] { return clock += 1; }};
    Id claim = 1, speaker = 2, source = 3, hedge = kNoId;

    Bench() {
        Annotations a;
        a.labels = cm::default_labels(a.next_id);
        ed.reset(a);
        hedge = ed.add_label("Hedge", 0xCC79A7, LabelRole::Claim);
        ed.reset(ed.annotations());  // no history
    }
    Bench(const Bench&) = delete;
    Bench& operator=(const Bench&) = delete;

    const Annotations& a() const { return ed.annotations(); }
    std::string state() const { return full(ed.annotations()); }
    Id span(Id label, uint32_t start, uint32_t end, const std::string& doc = "a") {
        return ed.add_span(SpanRequest{doc, label, {Range{start, end}}});
    }
    const Cluster& cluster(Id id) const {
        const Cluster* c = a().cluster(id);
        REQUIRE(c);
        return *c;
    }
    std::vector<Id> claims(Id id) const { return cluster(id).claims; }
};

template <class Fn>
void check_refused(Bench& b, Fn command) {
    cm::test::check_refused(b.ed, [&] { return b.state(); }, command);
}
template <class Fn>
auto check_undoable(Bench& b, const std::string& name, Fn command) {
    return cm::test::check_undoable(b.ed, [&] { return b.state(); }, name, command);
}

// A command that changes nothing succeeds without a step.
template <class Fn>
void check_no_step(Bench& b, Fn command) {
    const std::string before = b.state();
    const size_t history = b.ed.history_size();
    CHECK(command());
    CHECK(b.state() == before);
    CHECK(b.ed.history_size() == history);
}

}  // namespace

// ============================== the model ==============================

TEST_CASE("cluster relation types are named supports and contradicts and parse back", "[clusters]") {
    CHECK(std::string(cm::to_string(kSupports)) == "supports");
    CHECK(std::string(cm::to_string(kContradicts)) == "contradicts");
    ClusterRelationType t = kSupports;
    CHECK(cm::parse("contradicts", t));
    CHECK(t == kContradicts);
    CHECK_FALSE(cm::parse("same_claim", t));
    CHECK(t == kContradicts);
}

TEST_CASE("cluster_of, cluster_relations_of and find_cluster_relation", "[clusters]") {
    Annotations a;
    a.clusters[10] = Cluster{10, "x", {3, 5}};
    a.clusters[11] = Cluster{11, "", {4}};
    a.cluster_relations[12] = ClusterRelation{12, kContradicts, 10, 11};
    a.cluster_relations[13] = ClusterRelation{13, kSupports, 11, 10};
    CHECK(a.cluster_of(5) == 10);
    CHECK(a.cluster_of(4) == 11);
    CHECK(a.cluster_of(6) == kNoId);
    CHECK(a.cluster_of(kNoId) == kNoId);
    CHECK(a.cluster(10)->gloss == "x");
    CHECK(a.cluster(12) == nullptr);
    CHECK(a.cluster_relation(13)->from == 11);
    CHECK(a.cluster_relations_of(10) == std::vector<Id>{12, 13});
    // A contradiction is found either way; support only in its direction.
    CHECK(a.find_cluster_relation(kContradicts, 11, 10)->id == 12);
    CHECK(a.find_cluster_relation(kSupports, 11, 10)->id == 13);
    CHECK(a.find_cluster_relation(kSupports, 10, 11) == nullptr);
}

// ============================== commands ==============================

TEST_CASE("create_cluster groups claims, sorted and once, and refuses what is not a claim", "[clusters][editor]") {
    Bench b;
    const Id c1 = b.span(b.claim, 0, 10), c2 = b.span(b.claim, 5, 20, "b"), h = b.span(b.hedge, 30, 40);
    const Id sp = b.span(b.speaker, 50, 60);
    const Id k = check_undoable(b, "Create cluster", [&] { return b.ed.create_cluster("exit the US", {h, c1, h}); });
    CHECK(b.cluster(k).gloss == "exit the US");
    CHECK(b.claims(k) == std::vector<Id>{c1, h});  // claims of any claim label, in any document
    CHECK(b.a().cluster_of(c1) == k);
    CHECK(b.a().cluster_of(c2) == kNoId);
    CHECK(k == b.a().next_id - 1);  // ids from the one counter

    check_refused(b, [&] { return b.ed.create_cluster("x", {}) != kNoId; });
    check_refused(b, [&] { return b.ed.create_cluster("x", {c2, sp}) != kNoId; });  // a speaker
    check_refused(b, [&] { return b.ed.create_cluster("x", {c2, 999}) != kNoId; });  // no such span
    // An empty gloss is fine: a cluster can be named later.
    const Id k2 = check_undoable(b, "Create cluster", [&] { return b.ed.create_cluster("", {c2}); });
    CHECK(b.cluster(k2).gloss.empty());
}

TEST_CASE("create_cluster takes claims out of their clusters; one left empty goes with its relations",
          "[clusters][editor]") {
    Bench b;
    const Id c1 = b.span(b.claim, 0, 10), c2 = b.span(b.claim, 20, 30), c3 = b.span(b.claim, 40, 50);
    const Id k1 = b.ed.create_cluster("one", {c1});
    const Id k2 = b.ed.create_cluster("two", {c2, c3});
    const Id r = b.ed.relate_clusters(kSupports, k1, k2);
    REQUIRE(r != kNoId);
    const Id k3 = check_undoable(b, "Create cluster", [&] { return b.ed.create_cluster("three", {c1, c3}); });
    CHECK(b.a().cluster(k1) == nullptr);  // emptied
    CHECK(b.a().cluster_relation(r) == nullptr);
    CHECK(b.claims(k2) == std::vector<Id>{c2});
    CHECK(b.claims(k3) == std::vector<Id>{c1, c3});
}

TEST_CASE("add_to_cluster and remove_from_cluster move one claim; an emptied cluster goes", "[clusters][editor]") {
    Bench b;
    const Id c1 = b.span(b.claim, 0, 10), c2 = b.span(b.claim, 20, 30), c3 = b.span(b.hedge, 40, 50);
    const Id sp = b.span(b.speaker, 50, 60);
    const Id k1 = b.ed.create_cluster("one", {c1});
    const Id k2 = b.ed.create_cluster("two", {c2});
    const Id r = b.ed.relate_clusters(kContradicts, k2, k1);

    check_undoable(b, "Add to cluster", [&] { return b.ed.add_to_cluster(k1, c3); });
    CHECK(b.claims(k1) == std::vector<Id>{c1, c3});
    check_no_step(b, [&] { return b.ed.add_to_cluster(k1, c3); });  // already there
    check_refused(b, [&] { return b.ed.add_to_cluster(k1, sp); });
    check_refused(b, [&] { return b.ed.add_to_cluster(999, c2); });
    check_refused(b, [&] { return b.ed.add_to_cluster(k1, 999); });

    // Moving the only claim of "two" empties it: it goes with its relation.
    check_undoable(b, "Add to cluster", [&] { return b.ed.add_to_cluster(k1, c2); });
    CHECK(b.claims(k1) == std::vector<Id>{c1, c2, c3});
    CHECK(b.a().cluster(k2) == nullptr);
    CHECK(b.a().cluster_relation(r) == nullptr);

    check_undoable(b, "Remove from cluster", [&] { return b.ed.remove_from_cluster(c2); });
    CHECK(b.claims(k1) == std::vector<Id>{c1, c3});
    CHECK(b.a().cluster_of(c2) == kNoId);
    check_refused(b, [&] { return b.ed.remove_from_cluster(c2); });  // in no cluster
    check_refused(b, [&] { return b.ed.remove_from_cluster(sp); });
    check_undoable(b, "Remove from cluster", [&] { return b.ed.remove_from_cluster(c1); });
    check_undoable(b, "Remove from cluster", [&] { return b.ed.remove_from_cluster(c3); });
    CHECK(b.a().clusters.empty());
}

TEST_CASE("add_to_cluster with several claims is one step, or refused whole", "[clusters][editor]") {
    Bench b;
    const Id c1 = b.span(b.claim, 0, 10), c2 = b.span(b.claim, 20, 30), c3 = b.span(b.hedge, 40, 50);
    const Id sp = b.span(b.speaker, 50, 60);
    const Id k1 = b.ed.create_cluster("one", {c1});
    const Id k2 = b.ed.create_cluster("two", {c2});
    check_refused(b, [&] { return b.ed.add_to_cluster(k1, std::vector<Id>{c3, sp}); });  // a speaker among them
    check_refused(b, [&] { return b.ed.add_to_cluster(k1, std::vector<Id>{}); });
    check_refused(b, [&] { return b.ed.add_to_cluster(999, std::vector<Id>{c3}); });
    // c2 leaves "two", which goes empty, in the same step.
    check_undoable(b, "Add claims to cluster", [&] { return b.ed.add_to_cluster(k1, std::vector<Id>{c3, c2, c1}); });
    CHECK(b.claims(k1) == std::vector<Id>{c1, c2, c3});
    CHECK(b.a().cluster(k2) == nullptr);
}

TEST_CASE("set_gloss and delete_cluster", "[clusters][editor]") {
    Bench b;
    const Id c1 = b.span(b.claim, 0, 10), c2 = b.span(b.claim, 20, 30);
    const Id k1 = b.ed.create_cluster("", {c1});
    const Id k2 = b.ed.create_cluster("two", {c2});
    const Id r = b.ed.relate_clusters(kSupports, k1, k2);
    check_undoable(b, "Edit cluster gloss", [&] { return b.ed.set_gloss(k1, "we have decided to exit"); });
    CHECK(b.cluster(k1).gloss == "we have decided to exit");
    check_no_step(b, [&] { return b.ed.set_gloss(k1, "we have decided to exit"); });
    check_refused(b, [&] { return b.ed.set_gloss(999, "x"); });

    check_undoable(b, "Delete cluster", [&] { return b.ed.delete_cluster(k2); });
    CHECK(b.a().cluster(k2) == nullptr);
    CHECK(b.a().cluster_relation(r) == nullptr);
    CHECK(b.a().span(c2));  // the claims stay
    check_refused(b, [&] { return b.ed.delete_cluster(k2); });
}

TEST_CASE("merge_clusters joins the claims and moves the relations, dropping self-links and repeats",
          "[clusters][editor]") {
    Bench b;
    const Id c1 = b.span(b.claim, 0, 10), c2 = b.span(b.claim, 20, 30), c3 = b.span(b.claim, 0, 10, "b");
    const Id c4 = b.span(b.claim, 20, 30, "b");
    const Id keep = b.ed.create_cluster("", {c1});
    const Id gone = b.ed.create_cluster("Huawei leaves", {c2, c3});
    const Id other = b.ed.create_cluster("other", {c4});
    const Id self = b.ed.relate_clusters(kSupports, gone, keep);           // would link keep to itself
    const Id kept_rel = b.ed.relate_clusters(kContradicts, keep, other);   // keep's own
    const Id repeat = b.ed.relate_clusters(kContradicts, other, gone);     // the same contradiction, reversed
    const Id moved = b.ed.relate_clusters(kSupports, other, gone);         // moves to keep
    REQUIRE((self && kept_rel && repeat && moved));

    check_undoable(b, "Merge clusters", [&] { return b.ed.merge_clusters(keep, gone); });
    CHECK(b.claims(keep) == std::vector<Id>{c1, c2, c3});
    CHECK(b.cluster(keep).gloss == "Huawei leaves");  // it had none
    CHECK(b.a().cluster(gone) == nullptr);
    CHECK(b.a().cluster_relation(self) == nullptr);
    CHECK(b.a().cluster_relation(repeat) == nullptr);
    CHECK(b.a().cluster_relation(kept_rel)->to == other);
    const ClusterRelation* m = b.a().cluster_relation(moved);
    REQUIRE(m);
    CHECK((m->from == other && m->to == keep && m->type == kSupports));
    CHECK(b.a().cluster_relations.size() == 2);

    check_refused(b, [&] { return b.ed.merge_clusters(keep, keep); });
    check_refused(b, [&] { return b.ed.merge_clusters(keep, gone); });
    // A gloss the kept cluster has stays.
    b.ed.set_gloss(other, "analysts");
    check_undoable(b, "Merge clusters", [&] { return b.ed.merge_clusters(keep, other); });
    CHECK(b.cluster(keep).gloss == "Huawei leaves");
    CHECK(b.a().cluster_relations.empty());  // both became self-links
}

TEST_CASE("relate_clusters and unrelate_clusters: no self relation, no repeat, contradiction either way",
          "[clusters][editor]") {
    Bench b;
    const Id k1 = b.ed.create_cluster("one", {b.span(b.claim, 0, 10)});
    const Id k2 = b.ed.create_cluster("two", {b.span(b.claim, 20, 30)});
    const Id s = check_undoable(b, "Relate clusters", [&] { return b.ed.relate_clusters(kSupports, k1, k2); });
    CHECK(b.a().cluster_relation(s)->type == kSupports);
    check_refused(b, [&] { return b.ed.relate_clusters(kSupports, k1, k2) != kNoId; });
    check_refused(b, [&] { return b.ed.relate_clusters(kSupports, k1, k1) != kNoId; });
    check_refused(b, [&] { return b.ed.relate_clusters(kSupports, k1, 999) != kNoId; });
    check_refused(b, [&] { return b.ed.relate_clusters(kSupports, 999, k2) != kNoId; });
    // Support has a direction: the other way is another relation.
    check_undoable(b, "Relate clusters", [&] { return b.ed.relate_clusters(kSupports, k2, k1); });
    const Id c = check_undoable(b, "Relate clusters", [&] { return b.ed.relate_clusters(kContradicts, k2, k1); });
    check_refused(b, [&] { return b.ed.relate_clusters(kContradicts, k1, k2) != kNoId; });

    check_undoable(b, "Remove cluster relation", [&] { return b.ed.unrelate_clusters(c); });
    CHECK(b.a().cluster_relation(c) == nullptr);
    check_refused(b, [&] { return b.ed.unrelate_clusters(c); });
    check_refused(b, [&] { return b.ed.unrelate_clusters(k1); });  // a cluster, not a relation
}

// ============================== cascades ==============================

TEST_CASE("deleting a claim takes it out of its cluster in the same step; an emptied cluster goes with its relations",
          "[clusters][editor]") {
    Bench b;
    const Id c1 = b.span(b.claim, 0, 10), c2 = b.span(b.claim, 20, 30), c3 = b.span(b.claim, 0, 10, "b");
    const Id k1 = b.ed.create_cluster("one", {c1, c2});
    const Id k2 = b.ed.create_cluster("two", {c3});
    const Id r = b.ed.relate_clusters(kContradicts, k1, k2);

    check_undoable(b, "Delete span", [&] { return b.ed.delete_span(c1); });
    CHECK(b.claims(k1) == std::vector<Id>{c2});
    CHECK(b.a().cluster_relation(r));

    check_undoable(b, "Delete span", [&] { return b.ed.delete_span(c3); });
    CHECK(b.a().cluster(k2) == nullptr);
    CHECK(b.a().cluster_relation(r) == nullptr);

    // Undo brings back the span, the cluster and the relation together.
    REQUIRE(b.ed.undo());
    CHECK(b.claims(k2) == std::vector<Id>{c3});
    CHECK(b.a().cluster_relation(r)->to == k2);
    REQUIRE(b.ed.redo());

    check_undoable(b, "Delete span", [&] { return b.ed.delete_spans({c2, c2}); });  // one span, twice
    CHECK(b.a().clusters.empty());
}

TEST_CASE("removing a label takes its claims out of their clusters in the same step", "[clusters][editor]") {
    Bench b;
    const Id c1 = b.span(b.claim, 0, 10), h1 = b.span(b.hedge, 20, 30), h2 = b.span(b.hedge, 0, 10, "b");
    const Id k1 = b.ed.create_cluster("one", {c1, h1});
    const Id k2 = b.ed.create_cluster("two", {h2});
    const Id r = b.ed.relate_clusters(kSupports, k2, k1);
    check_undoable(b, "Remove label", [&] { return b.ed.remove_label(b.hedge); });
    CHECK(b.claims(k1) == std::vector<Id>{c1});
    CHECK(b.a().cluster(k2) == nullptr);
    CHECK(b.a().cluster_relation(r) == nullptr);
}

TEST_CASE("relabelling a claim to another role takes it out of its cluster; to another claim label keeps it",
          "[clusters][editor]") {
    Bench b;
    const Id c1 = b.span(b.claim, 0, 10), c2 = b.span(b.claim, 20, 30);
    const Id k1 = b.ed.create_cluster("one", {c1, c2});
    const Id k2 = b.ed.create_cluster("two", {b.span(b.claim, 0, 10, "b")});
    const Id r = b.ed.relate_clusters(kSupports, k1, k2);

    check_undoable(b, "Relabel span", [&] { return b.ed.relabel_span(c1, b.hedge); });
    CHECK(b.claims(k1) == std::vector<Id>{c1, c2});
    check_undoable(b, "Relabel span", [&] { return b.ed.relabel_span(c1, b.speaker); });
    CHECK(b.claims(k1) == std::vector<Id>{c2});
    check_undoable(b, "Relabel span", [&] { return b.ed.relabel_span(c2, b.source); });
    CHECK(b.a().cluster(k1) == nullptr);
    CHECK(b.a().cluster_relation(r) == nullptr);
    // Back to a claim label: it does not rejoin by itself.
    check_undoable(b, "Relabel span", [&] { return b.ed.relabel_span(c2, b.claim); });
    CHECK(b.a().cluster_of(c2) == kNoId);
}

TEST_CASE("replace_all records cluster changes, and clusters follow the claims it deletes or relabels",
          "[clusters][editor]") {
    Bench b;
    const Id c1 = b.span(b.claim, 0, 10), c2 = b.span(b.claim, 20, 30), c3 = b.span(b.claim, 0, 10, "b");
    const Id k1 = b.ed.create_cluster("one", {c1, c2});
    const Id k2 = b.ed.create_cluster("two", {c3});
    b.ed.relate_clusters(kSupports, k1, k2);
    const std::string before = b.state();
    const size_t history = b.ed.history_size();

    Annotations next = b.a();
    next.clusters.at(k1).gloss = "changed";
    next.cluster_relations.clear();
    next.cluster_relations[next.next_id] = ClusterRelation{next.next_id, kContradicts, k2, k1};
    ++next.next_id;
    REQUIRE(b.ed.replace_all(next, "Adopt"));
    CHECK(b.state() == full(next));
    CHECK(b.ed.history_size() == history + 1);
    REQUIRE(b.ed.undo());
    CHECK(b.state() == before);
    REQUIRE(b.ed.redo());
    CHECK(b.state() == full(next));

    // A whole state that deletes one claim and makes another a speaker:
    // they leave their clusters, and an emptied cluster and its relations go.
    Annotations pruned = b.a();
    pruned.spans.erase(c3);
    pruned.spans.at(c1).label = b.speaker;
    REQUIRE(b.ed.replace_all(pruned, "Adopt their version"));
    CHECK(b.claims(k1) == std::vector<Id>{c2});
    CHECK(b.a().cluster(k2) == nullptr);
    CHECK(b.a().cluster_relations.empty());
    CHECK(b.ed.check_invariants() == "");
    REQUIRE(b.ed.undo());
    CHECK(b.state() == full(next));

    // What pruning cannot fix is refused: a claim in two clusters.
    Annotations twice = b.a();
    twice.clusters[twice.next_id] = Cluster{twice.next_id, "", {c1}};
    ++twice.next_id;
    check_refused(b, [&] { return b.ed.replace_all(twice, "x"); });
}

TEST_CASE("prune_clusters drops members that are not claims, empty clusters and dangling relations", "[clusters]") {
    Annotations a;
    a.labels = cm::default_labels(a.next_id);  // 1-3
    a.spans[4] = cm::Span{4, "a", 1, {{0, 1}}};
    a.spans[5] = cm::Span{5, "a", 2, {{0, 1}}};
    a.clusters[6] = Cluster{6, "", {4, 5, 9}};
    a.clusters[7] = Cluster{7, "", {5}};
    a.clusters[8] = Cluster{8, "", {4}};
    a.cluster_relations[10] = ClusterRelation{10, kSupports, 6, 7};
    a.cluster_relations[11] = ClusterRelation{11, kSupports, 6, 8};
    a.next_id = 12;
    CHECK(cm::prune_clusters(a) == 3);  // cluster 6 changed, 7 and relation 10 gone
    CHECK(a.clusters.at(6).claims == std::vector<Id>{4});
    CHECK(a.clusters.count(7) == 0);
    CHECK(a.cluster_relations.count(10) == 0);
    CHECK(a.cluster_relations.count(11) == 1);
    CHECK(cm::prune_clusters(a) == 0);
}

TEST_CASE("check_invariants names each broken cluster rule", "[clusters][editor]") {
    Bench b;
    const Id c1 = b.span(b.claim, 0, 10), c2 = b.span(b.claim, 20, 30), sp = b.span(b.speaker, 40, 50);
    Annotations a = b.a();
    const Id n = a.next_id;
    a.clusters[n] = Cluster{n, "", {c2, c1}};
    a.clusters[n + 1] = Cluster{n + 1, "", {}};
    a.clusters[n + 2] = Cluster{n + 2, "", {c1, sp, 99}};
    a.clusters[n + 9] = Cluster{n + 8, "", {c2}};
    a.cluster_relations[n + 3] = ClusterRelation{n + 3, kSupports, n, n};
    a.cluster_relations[n + 4] = ClusterRelation{n + 4, kSupports, n, 98};
    a.cluster_relations[n + 5] = ClusterRelation{n + 5, kContradicts, n, n + 2};
    a.cluster_relations[n + 6] = ClusterRelation{n + 6, kContradicts, n + 2, n};
    a.next_id = n + 9;
    cm::Editor ed(cm::test::two_docs_length, nullptr);
    ed.reset(a);
    const auto id = [n](Id k) { return std::to_string(n + k); };
    CHECK(ed.check_invariants() ==
          "cluster " + id(9) + ": stored under id " + id(9) + " but has id " + id(8) + "\n" +
              "cluster " + id(0) + ": claims " + std::to_string(c2) + " and " + std::to_string(c1) +
              " are not in increasing order\n" +
              "cluster " + id(1) + ": has no claims\n" +
              "cluster " + id(2) + ": span " + std::to_string(c1) + " is also in cluster " + id(0) + "\n" +
              "cluster " + id(2) + ": span " + std::to_string(sp) + " is not a claim (its role is speaker)\n" +
              "cluster " + id(2) + ": span 99 does not exist\n" +
              "cluster " + id(9) + ": span " + std::to_string(c2) + " is also in cluster " + id(0) + "\n" +
              "cluster relation " + id(3) + ": links cluster " + id(0) + " to itself\n" +
              "cluster relation " + id(4) + ": cluster 98 (to) does not exist\n" +
              "cluster relation " + id(6) + ": repeats cluster relation " + id(5));
}

// ============================== random edits ==============================

namespace {

// Random cluster and span commands with undo and redo; after each step the
// invariants hold and undo/redo give back the recorded states exactly.
class ClusterSession {
public:
    explicit ClusterSession(uint32_t seed) : rng_(seed) {
        Annotations a;
        a.labels = cm::default_labels(a.next_id);
        a.labels.push_back(cm::Label{a.next_id++, "Hedge", 0xCC79A7, LabelRole::Claim});
        ed_.reset(a);
        oracle_.start(state());
    }

    std::string state() const { return full(ed_.annotations()); }
    cm::Editor& editor() { return ed_; }
    const std::map<std::string, int>& successes() const { return successes_; }
    // The most clusters, clusters of several claims and cluster relations at once.
    size_t most_clusters() const { return most_clusters_; }
    size_t most_big() const { return most_big_; }
    size_t most_relations() const { return most_relations_; }
    const std::string& newest() const { return oracle_.newest(); }
    const std::string& initial() const { return oracle_.initial(); }

    void step() {
        int total = 0;
        for (const Op& op : ops()) total += op.weight;
        int roll = static_cast<int>(pick(static_cast<uint32_t>(total)));
        for (const Op& op : ops()) {
            if (roll < op.weight) {
                run(op);
                return;
            }
            roll -= op.weight;
        }
    }

private:
    struct Op {
        const char* name;
        int weight;
        bool (*run)(ClusterSession&);
    };

    void run(const Op& op) {
        INFO("operation: " << op.name);
        const std::string before = state();
        const size_t history = ed_.history_size();
        const uint64_t revision = ed_.revision();
        const bool ok = op.run(*this);
        if (ok) ++successes_[op.name];
        oracle_.check(ed_, op.run == undo_op || op.run == redo_op, ok, revision, history, before, state());
        const Annotations& a = ed_.annotations();
        size_t big = 0;
        for (const auto& entry : a.clusters) big += entry.second.claims.size() > 1;
        most_clusters_ = std::max(most_clusters_, a.clusters.size());
        most_big_ = std::max(most_big_, big);
        most_relations_ = std::max(most_relations_, a.cluster_relations.size());
    }

    uint32_t pick(uint32_t n) { return n == 0 ? 0 : static_cast<uint32_t>(rng_() % n); }

    template <class T>
    Id some(const std::map<Id, T>& m) {
        if (!m.empty() && pick(6) != 0) {
            auto it = m.begin();
            std::advance(it, pick(static_cast<uint32_t>(m.size())));
            return it->first;
        }
        return pick(ed_.annotations().next_id + 2);
    }
    Id span() { return some(ed_.annotations().spans); }
    Id cluster() { return some(ed_.annotations().clusters); }
    Id cluster_relation() { return some(ed_.annotations().cluster_relations); }
    Id label() {
        const auto& labels = ed_.annotations().labels;
        return labels.empty() || pick(8) == 0 ? pick(10) : labels[pick(static_cast<uint32_t>(labels.size()))].id;
    }
    std::vector<Id> spans() {
        std::vector<Id> out(pick(4));
        for (Id& s : out) s = span();
        return out;
    }
    std::string gloss() {
        const char* glosses[] = {"", "exit the US", "Ren was misquoted", "\xF0\x9F\x98\x80"};
        return glosses[pick(4)];
    }
    ClusterRelationType type() { return static_cast<ClusterRelationType>(pick(2)); }

    static bool undo_op(ClusterSession& s) {
        const bool ok = s.ed_.undo();
        s.oracle_.stepped(-1, ok);
        return ok;
    }
    static bool redo_op(ClusterSession& s) {
        const bool ok = s.ed_.redo();
        s.oracle_.stepped(+1, ok);
        return ok;
    }

    static const std::vector<Op>& ops() {
        using S = ClusterSession;
        // Arguments drawn into a tuple: braces fix the order of the draws.
        static const std::vector<Op> list = {
            {"add_span", 10,
             [](S& s) {
                 const auto [doc, label, start, length] =
                     std::tuple{s.pick(2) == 0 ? "a" : "b", s.label(), s.pick(36), 1 + s.pick(4)};
                 return s.ed_.add_span(SpanRequest{doc, label, {Range{start, start + length}}}) != kNoId;
             }},
            {"delete_span", 3, [](S& s) { return s.ed_.delete_span(s.span()); }},
            {"delete_spans", 1, [](S& s) { return s.ed_.delete_spans(s.spans()); }},
            {"relabel_span", 3,
             [](S& s) {
                 const auto [span, label] = std::tuple{s.span(), s.label()};
                 return s.ed_.relabel_span(span, label);
             }},
            {"add_label", 1,
             [](S& s) {
                 const auto [name, role] = std::tuple{s.gloss(), static_cast<LabelRole>(s.pick(4))};
                 return s.ed_.add_label(name + "L", 0x123456, role) != kNoId;
             }},
            {"remove_label", 1, [](S& s) { return s.pick(3) == 0 && s.ed_.remove_label(s.label()); }},
            {"create_cluster", 7,
             [](S& s) {
                 auto [gloss, claims] = std::tuple{s.gloss(), s.spans()};
                 return s.ed_.create_cluster(gloss, claims) != kNoId;
             }},
            {"add_to_cluster", 6,
             [](S& s) {
                 const auto [cluster, span] = std::tuple{s.cluster(), s.span()};
                 return s.ed_.add_to_cluster(cluster, span);
             }},
            {"remove_from_cluster", 3, [](S& s) { return s.ed_.remove_from_cluster(s.span()); }},
            {"set_gloss", 2,
             [](S& s) {
                 const auto [cluster, gloss] = std::tuple{s.cluster(), s.gloss()};
                 return s.ed_.set_gloss(cluster, gloss);
             }},
            {"delete_cluster", 1, [](S& s) { return s.ed_.delete_cluster(s.cluster()); }},
            {"merge_clusters", 2,
             [](S& s) {
                 const auto [keep, gone] = std::tuple{s.cluster(), s.cluster()};
                 return s.ed_.merge_clusters(keep, gone);
             }},
            {"relate_clusters", 8,
             [](S& s) {
                 const auto [type, from, to] = std::tuple{s.type(), s.cluster(), s.cluster()};
                 return s.ed_.relate_clusters(type, from, to) != kNoId;
             }},
            {"unrelate_clusters", 1, [](S& s) { return s.ed_.unrelate_clusters(s.cluster_relation()); }},
            {"undo", 4, undo_op},
            {"redo", 3, redo_op},
        };
        return list;
    }

    std::mt19937 rng_;
    double clock_ = 1.7e9;
    cm::Editor ed_{cm::test::two_docs_length, [this] { return clock_ += 0.25; }};
    cm::test::HistoryOracle oracle_;
    std::map<std::string, int> successes_;
    size_t most_clusters_ = 0, most_big_ = 0, most_relations_ = 0;
};

}  // namespace

TEST_CASE("random cluster and span edits keep every invariant, and undo and redo replay them exactly",
          "[clusters][editor][random]") {
    std::map<std::string, int> successes;
    size_t clusters = 0, big = 0, relations = 0;  // so the test cannot pass on trivial states
    for (uint32_t seed = 1; seed <= 20; ++seed) {
        INFO("seed " << seed);
        ClusterSession session(seed);
        for (int i = 0; i < 300; ++i) {
            INFO("step " << i);
            session.step();
        }
        cm::Editor& ed = session.editor();
        clusters += session.most_clusters();
        big += session.most_big();
        relations += session.most_relations();
        while (ed.redo()) {
        }
        REQUIRE(session.state() == session.newest());
        while (ed.undo()) {
        }
        REQUIRE(session.state() == session.initial());
        while (ed.redo()) {
        }
        REQUIRE(session.state() == session.newest());
        REQUIRE(ed.check_invariants() == "");
        for (const auto& [op, count] : session.successes()) successes[op] += count;
    }
    INFO("most at once, summed over the seeds: " << clusters << " clusters, " << big << " of several claims, "
                                                 << relations << " cluster relations");
    CHECK(clusters > 30);
    CHECK(big > 15);
    CHECK(relations > 15);
    for (const char* op : {"add_span", "delete_span", "delete_spans", "relabel_span", "add_label", "remove_label",
                           "create_cluster", "add_to_cluster", "remove_from_cluster", "set_gloss", "delete_cluster",
                           "merge_clusters", "relate_clusters", "unrelate_clusters", "undo", "redo"}) {
        INFO("operation " << op);
        CHECK(successes[op] > 0);
    }
}

// ============================== project file ==============================

namespace {

const char* const kTextA = cm::test::kFixtureTextA;
const char* const kTextB = cm::test::kFixtureTextB;
const char* const kTextC = "Ren said Huawei will exit the US market. Analysts doubt it will leave.";

std::vector<Document> docs() {
    return {cm::test::doc("a", kTextA), cm::test::doc("b", kTextB), cm::test::doc("c", kTextC)};
}

Range find(const std::string& text, const std::string& quote) { return cm::test::quote_range(text, quote); }
using cm::test::lengths_of;

// Labels 1-3, claims 4 (a), 5 (b), 6 and 7 (c), speaker 8 (a); clusters
// 9 {4, 6} "Huawei exits the US", 10 {5} (no gloss), 11 {7} "analysts
// doubt it"; 12: 10 contradicts 9; 13: 11 supports 10.
Annotations fixture() {
    Annotations a;
    a.labels = cm::default_labels(a.next_id);
    a.spans[4] = cm::Span{4, "a", 1, {find(kTextA, "We are not interested in the US market,")}, kNoId, "", {}, 1, 1};
    a.spans[5] = cm::Span{5, "b", 1, {find(kTextB, "Ren Zhengfei was misquoted")}, kNoId, "", {}, 2, 2};
    a.spans[6] = cm::Span{6, "c", 1, {find(kTextC, "Huawei will exit the US market")}, kNoId, "", {}, 3, 3};
    a.spans[7] = cm::Span{7, "c", 1, {find(kTextC, "it will leave")}, kNoId, "", {}, 4, 4};
    a.spans[8] = cm::Span{8, "a", 2, {find(kTextA, "Ren Zhengfei")}, kNoId, "", {}, 5, 5};
    a.clusters[9] = Cluster{9, "Huawei exits the US", {4, 6}};
    a.clusters[10] = Cluster{10, "", {5}};
    a.clusters[11] = Cluster{11, "analysts doubt it", {7}};
    a.cluster_relations[12] = ClusterRelation{12, kContradicts, 10, 9};
    a.cluster_relations[13] = ClusterRelation{13, kSupports, 11, 10};
    a.next_id = 14;
    return a;
}

ProjectImport import_changed(const std::function<void(json&)>& change, ImportMode mode = ImportMode::Replace,
                             const Annotations& current = {}) {
    static const std::vector<Document> ds = docs();
    json j = json::parse(project_to_json(fixture(), ds));
    change(j);
    return import_project(j.dump(), ds, current, mode);
}

// A non-empty range inside a text of `length` (> 1) code points.
Range random_range(std::mt19937& rng, uint32_t length) {
    const auto start = static_cast<uint32_t>(rng() % (length - 1));
    return Range{start, start + 1 + static_cast<uint32_t>(rng() % (length - start - 1))};
}

// Clusters by what they hold, ids aside: "gloss {doc:start-end, ...}", and
// relations between such descriptions. For comparing states whose ids differ.
std::string describe(const Annotations& a) {
    const auto span_key = [&a](Id id) {
        const cm::Span& s = a.spans.at(id);
        std::string out = s.doc + ":";
        for (const Range& r : s.ranges) out += std::to_string(r.start) + "-" + std::to_string(r.end) + " ";
        return out;
    };
    std::map<Id, std::string> names;
    std::set<std::string> lines;
    for (const auto& [id, c] : a.clusters) {
        std::set<std::string> members;
        for (Id s : c.claims) members.insert(span_key(s));
        std::string name = "\"" + c.gloss + "\" {";
        for (const std::string& m : members) name += m + ",";
        names[id] = name + "}";
        lines.insert("cluster " + names[id]);
    }
    for (const auto& entry : a.cluster_relations) {
        const ClusterRelation& r = entry.second;
        lines.insert(names.at(r.from) + " " + cm::to_string(r.type) + " " + names.at(r.to));
    }
    std::string out;
    for (const std::string& l : lines) out += l + "\n";
    return out;
}

}  // namespace

TEST_CASE("project file: clusters and cluster relations are written in the documented form", "[clusters][project]") {
    const json j = json::parse(project_to_json(fixture(), docs()));
    CHECK(j["clusters"] == json::parse(R"([{"id": 9, "gloss": "Huawei exits the US", "claims": [4, 6]},
                                           {"id": 10, "gloss": "", "claims": [5]},
                                           {"id": 11, "gloss": "analysts doubt it", "claims": [7]}])"));
    CHECK(j["cluster_relations"] == json::parse(R"([{"id": 12, "type": "contradicts", "from": 10, "to": 9},
                                                    {"id": 13, "type": "supports", "from": 11, "to": 10}])"));
    // Keys in order, the two lists last.
    const std::string text = project_to_json(fixture(), docs());
    CHECK_THAT(text, Contains("  \"clusters\": [\n    {\n      \"id\": 9,\n      \"gloss\": \"Huawei exits the US\",\n"
                              "      \"claims\": [\n        4,\n        6\n      ]\n    },"));
    CHECK(text.find("\"cluster_relations\"") > text.find("\"clusters\""));
    CHECK(text.find("\"clusters\"") > text.find("\"zones\""));
    CHECK_THAT(text, Contains("      \"type\": \"contradicts\",\n      \"from\": 10,\n      \"to\": 9\n"));
    // Without clusters, both lists are there and empty.
    const json none = json::parse(project_to_json(Annotations{}, {}));
    CHECK(none["clusters"] == json::array());
    CHECK(none["cluster_relations"] == json::array());
}

TEST_CASE("project file: export, import, export gives the same bytes with clusters", "[clusters][project][roundtrip]") {
    const std::vector<Document> ds = docs();
    const std::string text = project_to_json(fixture(), ds);
    // Documents open, or coming from the file.
    for (const std::vector<Document>& open : {ds, std::vector<Document>{}}) {
        const ProjectImport r = import_project(text, open, {}, ImportMode::Replace);
        CHECK(problems_of(r) == "");
        REQUIRE(r.ok);
        CHECK(full(r.annotations) == full(fixture()));
        std::vector<Document> after = open;
        after.insert(after.end(), r.new_documents.begin(), r.new_documents.end());
        CHECK(project_to_json(r.annotations, after) == text);
    }
    // A file without "cluster_relations" (written before they existed) loads.
    json j = json::parse(text);
    j.erase("cluster_relations");
    const ProjectImport older = import_project(j.dump(), ds, {}, ImportMode::Replace);
    CHECK(problems_of(older) == "");
    CHECK(older.annotations.clusters.size() == 3);
    CHECK(older.annotations.cluster_relations.empty());
    // Nor "clusters".
    j.erase("clusters");
    const ProjectImport oldest = import_project(j.dump(), ds, {}, ImportMode::Replace);
    CHECK(problems_of(oldest) == "");
    CHECK(oldest.annotations.clusters.empty());
}

TEST_CASE("project file: clusters made in the editor survive the round trip", "[clusters][project][roundtrip]") {
    const std::vector<Document> ds = docs();
    std::mt19937 rng(7);
    for (int round = 0; round < 30; ++round) {
        cm::Editor ed(lengths_of(ds), [] { return 5.0; });
        Annotations start;
        start.labels = cm::default_labels(start.next_id);
        ed.reset(start);
        std::vector<Id> claims;
        for (int i = 0; i < 12; ++i) {
            const Document& d = ds[rng() % ds.size()];
            const auto length = static_cast<uint32_t>(d.text.size());
            const Range r = random_range(rng, length);
            const Id label = rng() % 4 == 0 ? 2 : 1;
            const Id id = ed.add_span(SpanRequest{d.meta.id, label, {r}});
            if (id && label == 1) claims.push_back(id);
        }
        std::vector<Id> clusters;
        for (int i = 0; i < 4 && !claims.empty(); ++i) {
            const Id c = ed.create_cluster(i % 2 ? "gloss \xF0\x9F\x98\x80 " + std::to_string(i) : "",
                                           {claims[rng() % claims.size()], claims[rng() % claims.size()]});
            if (c) clusters.push_back(c);
        }
        for (int i = 0; i < 4 && !clusters.empty(); ++i)
            ed.relate_clusters(static_cast<ClusterRelationType>(rng() % 2), clusters[rng() % clusters.size()],
                               clusters[rng() % clusters.size()]);
        REQUIRE(ed.check_invariants() == "");
        const std::string text = project_to_json(ed.annotations(), ds);
        const ProjectImport fresh = import_project(text, {}, {}, ImportMode::Replace);
        REQUIRE(fresh.ok);
        CHECK(problems_of(fresh) == "");
        CHECK(project_to_json(fresh.annotations, fresh.new_documents) == text);
        // Merged into itself: nothing changes.
        const ProjectImport same = import_project(text, ds, ed.annotations(), ImportMode::Merge);
        CHECK(problems_of(same) == "");
        CHECK(full(same.annotations) == full(ed.annotations()));
    }
}

TEST_CASE("project merge: clusters get fresh ids; a cluster whose claims are open joins the open one",
          "[clusters][project][merge]") {
    const std::vector<Document> ds = docs();
    // The open project: claim 4 of the file (same text and label) in its own
    // cluster with another gloss, and a claim the file does not have.
    Annotations mine;
    mine.labels = cm::default_labels(mine.next_id);
    mine.spans[20] = cm::Span{20, "a", 1, fixture().spans.at(4).ranges, kNoId, "", {}, 1, 1};
    mine.spans[21] = cm::Span{21, "b", 1, {find(kTextB, "Huawei denied it.")}, kNoId, "", {}, 6, 6};
    mine.clusters[22] = Cluster{22, "Ren: not interested", {20, 21}};
    mine.next_id = 30;

    const ProjectImport r = import_project(project_to_json(fixture(), ds), ds, mine, ImportMode::Merge);
    CHECK(problems_of(r) ==
          "/clusters/0: the open project has the same cluster (22) with the gloss \"Ren: not interested\" (this file: "
          "\"Huawei exits the US\"); kept the open project's.");
    REQUIRE(r.ok);
    const Annotations& a = r.annotations;
    // Spans: 4 is the open 20; 5, 6, 7, 8 are new (30-33).
    CHECK(a.spans.at(31).doc == "c");
    // File cluster 9 is the open 22, which gains claim 6 (now 31); 10 and 11
    // are new (34, 35) with their claims mapped; the relations follow.
    CHECK(a.clusters.at(22).claims == std::vector<Id>{20, 21, 31});
    CHECK(a.clusters.at(22).gloss == "Ren: not interested");
    CHECK(a.clusters.at(34).claims == std::vector<Id>{30});
    CHECK(a.clusters.at(34).gloss == "");
    CHECK(a.clusters.at(35).claims == std::vector<Id>{32});
    REQUIRE(a.cluster_relations.size() == 2);
    CHECK((a.cluster_relations.at(36).from == 34 && a.cluster_relations.at(36).to == 22));
    CHECK((a.cluster_relations.at(37).from == 35 && a.cluster_relations.at(37).to == 34));
    CHECK(a.next_id == 38);

    // Merged again: nothing new.
    const ProjectImport again = import_project(project_to_json(fixture(), ds), ds, a, ImportMode::Merge);
    CHECK(full(again.annotations) == full(a));

    // Applied with replace_all: one step, undone exactly.
    cm::Editor ed(lengths_of(ds), [] { return 0.0; });
    ed.reset(mine);
    REQUIRE(ed.replace_all(r.annotations, "Merge project"));
    CHECK(ed.check_invariants() == "");
    CHECK(full(ed.annotations()) == full(r.annotations));
    REQUIRE(ed.undo());
    CHECK(full(ed.annotations()) == full(mine));
}

TEST_CASE("project merge: claims the open project keeps in two clusters, and claims that are not claims there",
          "[clusters][project][merge]") {
    const std::vector<Document> ds = docs();
    SECTION("two open clusters") {
        Annotations mine;
        mine.labels = cm::default_labels(mine.next_id);
        mine.spans[20] = cm::Span{20, "a", 1, fixture().spans.at(4).ranges, kNoId, "", {}, 1, 1};
        mine.spans[21] = cm::Span{21, "c", 1, fixture().spans.at(6).ranges, kNoId, "", {}, 1, 1};
        mine.clusters[22] = Cluster{22, "", {20}};
        mine.clusters[23] = Cluster{23, "", {21}};
        mine.next_id = 30;
        const ProjectImport r = import_project(project_to_json(fixture(), ds), ds, mine, ImportMode::Merge);
        CHECK_THAT(problems_of(r), Contains("/clusters/0: the open project has the cluster's claims in clusters 22, "
                                            "23; kept the open project's clusters and added the other claims to "
                                            "cluster 22."));
        REQUIRE(r.ok);
        CHECK(r.annotations.clusters.at(22).claims == std::vector<Id>{20});
        CHECK(r.annotations.clusters.at(23).claims == std::vector<Id>{21});
    }
    SECTION("the label is not a claim label in the open project") {
        Annotations mine;
        mine.labels = cm::default_labels(mine.next_id);
        mine.labels[0].role = LabelRole::Other;  // "Claim" is a user label here
        const ProjectImport r = import_project(project_to_json(fixture(), ds), ds, mine, ImportMode::Merge);
        REQUIRE(r.ok);
        CHECK_THAT(problems_of(r),
                   Contains("/clusters/0: annotation 4 is not a claim in the open project (its label \"Claim\" has "
                            "the role other); left it out of the cluster."));
        CHECK_THAT(problems_of(r), Contains("/clusters/0: none of the cluster's claims is a claim once merged; "
                                            "skipped this cluster."));
        CHECK_THAT(problems_of(r), Contains("/cluster_relations/0: one of its clusters was skipped; skipped this "
                                            "cluster relation."));
        CHECK(r.annotations.clusters.empty());
        CHECK(r.annotations.cluster_relations.empty());
    }
}

TEST_CASE("project import: malformed clusters and cluster relations are listed, and the rest loads",
          "[clusters][project]") {
    struct Case {
        const char* name;
        std::function<void(json&)> change;
        std::string problems;
    };
    const std::vector<Case> cases = {
        {"clusters not a list", [](json& j) { j["clusters"] = json::object(); },
         "/clusters: \"clusters\" is not a list; ignored it.\n"
         "/cluster_relations/0/from: cluster 10 does not exist (or was skipped); skipped this cluster relation.\n"
         "/cluster_relations/1/from: cluster 11 does not exist (or was skipped); skipped this cluster relation."},
        {"cluster_relations not a list", [](json& j) { j["cluster_relations"] = 3; },
         "/cluster_relations: \"cluster_relations\" is not a list; ignored it."},
        {"a cluster that is not an object", [](json& j) { j["clusters"].push_back("x"); },
         "/clusters/3: is not an object; skipped it."},
        {"cluster without an id", [](json& j) { j["clusters"][2].erase("id"); },
         "/clusters/2/id: \"id\" is missing or not a whole number from 1 to 4294967295; skipped this cluster.\n"
         "/cluster_relations/1/from: cluster 11 does not exist (or was skipped); skipped this cluster relation."},
        {"cluster id used by an annotation", [](json& j) { j["clusters"][2]["id"] = 7; },
         "/clusters/2/id: id 7 is also used by annotation 7; skipped this cluster.\n"
         "/cluster_relations/1/from: cluster 11 does not exist (or was skipped); skipped this cluster relation."},
        {"gloss of another type", [](json& j) { j["clusters"][0]["gloss"] = 1; },
         "/clusters/0/gloss: \"gloss\" is not a string; left it empty."},
        {"claims missing", [](json& j) { j["clusters"][2].erase("claims"); },
         "/clusters/2/claims: \"claims\" is missing or not a list; skipped this cluster.\n"
         "/cluster_relations/1/from: cluster 11 does not exist (or was skipped); skipped this cluster relation."},
        {"no claims", [](json& j) { j["clusters"][2]["claims"] = json::array(); },
         "/clusters/2: the cluster has no claims; skipped this cluster.\n"
         "/cluster_relations/1/from: cluster 11 does not exist (or was skipped); skipped this cluster relation."},
        {"bad claims",
         [](json& j) {
             j["clusters"][0]["claims"] = {6, "4", 99, 8, 6, 5, 4};
         },
         "/clusters/0/claims/1: is not a whole number from 1 to 4294967295; left it out of the cluster.\n"
         "/clusters/0/claims/2: annotation 99 does not exist (or was skipped); left it out of the cluster.\n"
         "/clusters/0/claims/3: annotation 8 is not a claim (its role is speaker); left it out of the cluster.\n"
         "/clusters/0/claims/4: annotation 6 is listed twice; left it out of the cluster.\n"
         "/clusters/1/claims/0: annotation 5 is already in cluster 9; left it out of the cluster.\n"
         "/clusters/1: the cluster has no claims left; skipped this cluster.\n"
         "/cluster_relations/0/from: cluster 10 does not exist (or was skipped); skipped this cluster relation.\n"
         "/cluster_relations/1/to: cluster 10 does not exist (or was skipped); skipped this cluster relation."},
        {"claim whose annotation was skipped", [](json& j) { j["annotations"][3]["label"] = 99; },
         "/annotations/3/label: label 99 does not exist (or was skipped); skipped this annotation.\n"
         "/clusters/2/claims/0: annotation 7 does not exist (or was skipped); left it out of the cluster.\n"
         "/clusters/2: the cluster has no claims left; skipped this cluster.\n"
         "/cluster_relations/1/from: cluster 11 does not exist (or was skipped); skipped this cluster relation."},
        {"unknown relation type", [](json& j) { j["cluster_relations"][0]["type"] = "same_claim"; },
         "/cluster_relations/0/type: \"type\" must be one of supports, contradicts, not \"same_claim\"; skipped this "
         "cluster relation."},
        {"relation end that is a span", [](json& j) { j["cluster_relations"][0]["to"] = 4; },
         "/cluster_relations/0/to: cluster 4 does not exist (or was skipped); skipped this cluster relation."},
        {"relation end that is not an id", [](json& j) { j["cluster_relations"][0]["to"] = -1; },
         "/cluster_relations/0/to: \"to\" is missing or not a whole number from 1 to 4294967295; skipped this "
         "cluster relation."},
        {"self relation", [](json& j) { j["cluster_relations"][1]["to"] = 11; },
         "/cluster_relations/1: the cluster relation links cluster 11 to itself; skipped this cluster relation."},
        {"a contradiction repeated the other way",
         [](json& j) {
             j["cluster_relations"].push_back({{"id", 20}, {"type", "contradicts"}, {"from", 9}, {"to", 10}});
         },
         "/cluster_relations/2: the cluster relation repeats cluster relation 12; skipped this cluster relation."},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        for (const ImportMode mode : {ImportMode::Replace, ImportMode::Merge}) {
            const ProjectImport r = import_changed(c.change, mode);
            REQUIRE(r.ok);
            if (mode == ImportMode::Replace) CHECK(problems_of(r) == c.problems);
            cm::Editor ed(lengths_of(docs()), nullptr);
            ed.reset(r.annotations);
            CHECK(ed.check_invariants() == "");
        }
    }
    // A support the other way is another relation, not a repeat.
    const ProjectImport both = import_changed([](json& j) {
        j["cluster_relations"].push_back({{"id", 20}, {"type", "supports"}, {"from", 10}, {"to", 11}});
    });
    CHECK(problems_of(both) == "");
    CHECK(both.annotations.cluster_relations.size() == 3);
    CHECK(both.annotations.next_id == 21);
}

// ============================== W3C Web Annotation ==============================

TEST_CASE("W3C: a cluster is a linking annotation tagged claim-cluster, a cluster relation links two of them",
          "[clusters][formats][w3c]") {
    const cm::formats::Export e = cm::formats::export_w3c(fixture(), docs());
    REQUIRE(e.files.size() == 1);
    const json j = json::parse(e.files[0].content);
    const json& items = j["first"]["items"];
    CHECK(j["total"] == 10);  // five spans, three clusters, two cluster relations
    CHECK(items[5] == json::parse(R"({
      "id": "urn:claimmark:cluster:9", "type": "Annotation", "motivation": "linking",
      "body": [{"type": "TextualBody", "purpose": "tagging", "value": "claim-cluster"},
               {"type": "TextualBody", "purpose": "describing", "value": "Huawei exits the US"}],
      "target": ["urn:claimmark:annotation:4", "urn:claimmark:annotation:6"]})"));
    CHECK(items[6] == json::parse(R"({
      "id": "urn:claimmark:cluster:10", "type": "Annotation", "motivation": "linking",
      "body": {"type": "TextualBody", "purpose": "tagging", "value": "claim-cluster"},
      "target": ["urn:claimmark:annotation:5"]})"));
    CHECK(items[8] == json::parse(R"({
      "id": "urn:claimmark:cluster-relation:12", "type": "Annotation", "motivation": "linking",
      "body": {"type": "TextualBody", "purpose": "tagging", "value": "contradicts"},
      "target": ["urn:claimmark:cluster:10", "urn:claimmark:cluster:9"]})"));
}

TEST_CASE("W3C: export -> import gives the clusters and their relations back", "[clusters][formats][w3c]") {
    const std::vector<Document> ds = docs();
    const std::string text = cm::formats::export_w3c(fixture(), ds).files[0].content;
    const cm::formats::W3cImport w = cm::formats::import_w3c(text, ds);
    CHECK(problems_of(w.problems) == "");
    REQUIRE(w.ok);
    CHECK(describe(w.annotations) == describe(fixture()));
    CHECK(w.annotations.clusters.size() == 3);
    CHECK(w.annotations.cluster_relations.size() == 2);
    // As the app imports it: through the project file, then exported again.
    const ProjectImport p = import_project(project_to_json(w.annotations, ds), ds, {}, ImportMode::Replace);
    CHECK(problems_of(p) == "");
    CHECK(describe(p.annotations) == describe(fixture()));
    const std::string again = cm::formats::export_w3c(w.annotations, ds).files[0].content;
    CHECK(describe(cm::formats::import_w3c(again, ds).annotations) == describe(fixture()));

    // Random editor-made clusters too.
    std::mt19937 rng(3);
    for (int round = 0; round < 20; ++round) {
        cm::Editor ed(lengths_of(ds), [] { return 5.0; });
        Annotations start;
        start.labels = cm::default_labels(start.next_id);
        ed.reset(start);
        std::vector<Id> claims;
        for (int i = 0; i < 10; ++i) {
            const Document& d = ds[rng() % ds.size()];
            const auto length = static_cast<uint32_t>(d.text.size());
            const Id id = ed.add_span(SpanRequest{d.meta.id, 1, {random_range(rng, length)}});
            if (id) claims.push_back(id);
        }
        std::vector<Id> clusters;
        REQUIRE_FALSE(claims.empty());
        for (int i = 0; i < 4; ++i)
            if (const Id c = ed.create_cluster(i % 2 ? "g" + std::to_string(i) : "",
                                               {claims[rng() % claims.size()], claims[rng() % claims.size()]}))
                clusters.push_back(c);
        REQUIRE_FALSE(clusters.empty());
        for (int i = 0; i < 4; ++i)
            ed.relate_clusters(static_cast<ClusterRelationType>(rng() % 2), clusters[rng() % clusters.size()],
                               clusters[rng() % clusters.size()]);
        const cm::formats::W3cImport back =
            cm::formats::import_w3c(cm::formats::export_w3c(ed.annotations(), ds).files[0].content, ds);
        REQUIRE(back.ok);
        CHECK(problems_of(back.problems) == "");
        // Identical spans may come back in another order; the clusters by content do not change.
        CHECK(describe(back.annotations) == describe(ed.annotations()));
    }
}

TEST_CASE("W3C import: clusters with members that cannot be kept, and links to skipped clusters",
          "[clusters][formats][w3c]") {
    const std::vector<Document> ds = docs();
    json j = json::parse(cm::formats::export_w3c(fixture(), ds).files[0].content);
    json& items = j["first"]["items"];
    // Cluster 9 names the speaker and a missing annotation too; cluster 11's
    // only claim is not in the file; a link joins cluster 9 to itself.
    items[5]["target"].push_back("urn:claimmark:annotation:8");
    items[5]["target"].push_back("urn:claimmark:annotation:77");
    items[7]["target"] = json::array({"urn:claimmark:annotation:78"});
    items.push_back(json::parse(R"({"id": "x", "type": "Annotation", "motivation": "linking",
        "body": {"purpose": "tagging", "value": "supports"},
        "target": ["urn:claimmark:cluster:9", "urn:claimmark:cluster:9"]})"));
    items.push_back(json::parse(R"({"id": "y", "type": "Annotation", "motivation": "linking",
        "body": {"purpose": "tagging", "value": "same_claim"},
        "target": ["urn:claimmark:cluster:9", "urn:claimmark:cluster:10"]})"));
    const cm::formats::W3cImport w = cm::formats::import_w3c(j.dump(), ds);
    REQUIRE(w.ok);
    CHECK(problems_of(w.problems) ==
          "/first/items/5/target/2: annotation \"urn:claimmark:annotation:8\" is not a claim (its role is "
          "speaker); left it out of the cluster.\n"
          "/first/items/5/target/3: annotation \"urn:claimmark:annotation:77\" is not in the file (or was skipped); "
          "left it out of the cluster.\n"
          "/first/items/7/target/0: annotation \"urn:claimmark:annotation:78\" is not in the file (or was skipped); "
          "left it out of the cluster.\n"
          "/first/items/7: the cluster has no claims left; skipped this cluster.\n"
          "/first/items/9/target/0: cluster \"urn:claimmark:cluster:11\" was skipped; skipped this link.\n"
          "/first/items/10: the link joins a cluster to itself; skipped this link.\n"
          "/first/items/11/body: a link between clusters needs a body naming supports or contradicts, not "
          "\"same_claim\"; skipped this link.");
    CHECK(w.annotations.clusters.size() == 2);
    CHECK(w.annotations.cluster_relations.size() == 1);
}
