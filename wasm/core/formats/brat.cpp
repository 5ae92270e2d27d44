#include "brat.h"

#include <map>
#include <set>

namespace cm::formats {

namespace {

// A name brat can parse: ASCII other than letters, digits, '_', '-' and '.'
// becomes '_' (spaces, tabs, ':', ';', ',' and '|' separate fields in brat).
std::string brat_name(const std::string& s) {
    std::string out;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        const bool keep = u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                          c == '_' || c == '-' || c == '.';
        out += keep ? c : '_';
    }
    return out.empty() ? "_" : out;
}

// `name`, or `name_2`, `name_3`… when already taken.
std::string unique(const std::string& name, std::set<std::string>& taken) {
    std::string out = name;
    for (int n = 2; !taken.insert(out).second; ++n) out = name + "_" + std::to_string(n);
    return out;
}

// A range cut at line breaks: brat's .ann holds an annotation's text on one line.
std::vector<Range> fragments(const Text& text, const std::vector<Range>& ranges) {
    std::vector<Range> out;
    for (const Range& r : ranges) {
        uint32_t from = r.start;
        for (uint32_t i = r.start; i <= r.end; ++i) {
            if (i == r.end || text.at(i) == U'\n') {
                if (i > from) out.push_back(Range{from, i});
                from = i + 1;
            }
        }
    }
    return out;
}

std::string one_line(std::string s, bool& changed) {
    for (char& c : s) {
        if (c == '\n' || c == '\t') {
            c = ' ';
            changed = true;
        }
    }
    return s;
}

class BratWriter {
public:
    BratWriter(const Annotations& a, const std::vector<Document>& documents) : a_(a), docs_(documents) {
        std::set<std::string> taken;
        for (const Label& l : a.labels) {
            types_[l.id] = unique(brat_name(l.name), taken);
            if (types_[l.id] != l.name)
                tally_.add("label", "labels",
                           "renamed for brat, whose type names have no spaces or punctuation (" + l.name +
                               " \xE2\x86\x92 " + types_[l.id] + ")");
        }
    }

    Export run() {
        Export out;
        std::set<std::string> names;
        std::set<std::string> written;  // documents exported
        for (const Document& d : docs_.all()) {
            if (!written.insert(d.meta.id).second) continue;
            const std::string base = unique(brat_name(d.meta.id), names);
            out.files.push_back(ExportFile{base + ".txt", d.text.utf8()});
            out.files.push_back(ExportFile{base + ".ann", ann(d)});
        }
        size_t elsewhere = 0;
        for (const auto& entry : a_.spans)
            if (!docs_.find(entry.second.doc)) ++elsewhere;
        tally_.add("annotation in a document not given", "annotations in documents not given",
                   "left out (brat needs the text)", elsewhere);
        for (const auto& entry : a_.relations) {
            const Span* from = a_.span(entry.second.from);
            const Span* to = a_.span(entry.second.to);
            if (from && to && from->doc != to->doc)
                tally_.add("relation across documents", "relations across documents",
                           "left out: a brat relation joins annotations of one document");
        }
        tally_.add("zone", "zones", "left out: brat has no document regions", a_.zones.size());
        out.files.push_back(ExportFile{"annotation.conf", annotation_conf()});
        out.files.push_back(ExportFile{"visual.conf", visual_conf()});
        out.left_out = tally_.lines();
        return out;
    }

private:
    std::string ann(const Document& d) {
        std::string out;
        std::map<Id, std::string> tids;  // span -> "T3"
        size_t t = 0, n = 0, attr = 0, note = 0;
        for (const Span* s : a_.spans_in(d.meta.id)) {
            const std::vector<Range> parts = fragments(d.text, s->ranges);
            if (parts.empty()) continue;  // only line breaks
            if (parts.size() != s->ranges.size())
                tally_.add("annotation crossing a line break", "annotations crossing line breaks",
                           "split there into fragments (brat keeps an annotation's text on one line)");
            const std::string tid = "T" + std::to_string(++t);
            tids[s->id] = tid;
            std::string offsets, text;
            for (const Range& r : parts) {
                offsets += (offsets.empty() ? "" : ";") + std::to_string(r.start) + " " + std::to_string(r.end);
                text += (text.empty() ? "" : " ") + std::string(d.text.slice(r.start, r.end));
            }
            out += tid + "\t" + type_of(s->label) + " " + offsets + "\t" + text + "\n";
            for (const auto& [key, value] : s->attributes) {
                out += "A" + std::to_string(++attr) + "\t" + brat_name(key) + " " + tid + " " + brat_name(value) + "\n";
                attribute_values_[brat_name(key)].insert(brat_name(value));
                if (brat_name(key) != key || brat_name(value) != value)
                    tally_.add("attribute", "attributes", "written with '_' for spaces and punctuation");
            }
            if (const Entity* e = a_.entity(s->entity)) {
                const std::string qid = wikidata_qid(e->external_id);
                const std::string ref = qid.empty() ? "ClaimMark:" + std::to_string(e->id) : "Wikidata:" + qid;
                bool changed = false;
                out += "N" + std::to_string(++n) + "\tReference " + tid + " " + ref + "\t" +
                       one_line(e->name, changed) + "\n";
            }
            if (!s->note.empty()) {
                bool changed = false;
                out +=
                    "#" + std::to_string(++note) + "\tAnnotatorNotes " + tid + "\t" + one_line(s->note, changed) + "\n";
                if (changed)
                    tally_.add("note with line breaks or tabs", "notes with line breaks or tabs",
                               "written on one line (brat notes are one line)");
            }
        }
        size_t r = 0;
        for (const auto& entry : a_.relations) {
            const Relation& rel = entry.second;
            const auto from = tids.find(rel.from), to = tids.find(rel.to);
            if (from == tids.end() || to == tids.end()) continue;  // another document (tallied), or nothing to link
            out += "R" + std::to_string(++r) + "\t" + to_string(rel.type) + " Arg1:" + from->second +
                   " Arg2:" + to->second + "\n";
        }
        return out;
    }

    // brat's type configuration: every label, the relations between the
    // roles, overlaps allowed (ClaimMark spans may overlap), the attributes.
    std::string annotation_conf() const {
        std::string out = "# Written by ClaimMark: the labels, relations and attributes of this export.\n[entities]\n";
        std::map<LabelRole, std::string> by_role;
        for (const Label& l : a_.labels) {
            const std::string& type = type_of(l.id);
            out += type + "\n";
            by_role[l.role] += (by_role[l.role].empty() ? "" : "|") + type;
        }
        out += "\n[relations]\n";
        for (const RelationType t : {RelationType::SaidBy, RelationType::ReportedBy, RelationType::SameClaim,
                                     RelationType::Supports, RelationType::Contradicts}) {
            const std::string& from = by_role[LabelRole::Claim];
            const std::string& to = by_role[relation_target_role(t)];
            if (!from.empty() && !to.empty())
                out += std::string(to_string(t)) + "\tArg1:" + from + ", Arg2:" + to + "\n";
        }
        out += "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n[attributes]\n";
        for (const auto& [name, values] : attribute_values_) {
            std::string list;
            for (const std::string& v : values) list += (list.empty() ? "" : "|") + v;
            out += name + "\tArg:<ENTITY>, Value:" + list + "\n";
        }
        return out;
    }

    // Display names and colours.
    std::string visual_conf() const {
        std::string out = "# Written by ClaimMark: label names and colours.\n[labels]\n";
        for (const Label& l : a_.labels) out += type_of(l.id) + " | " + l.name + "\n";
        out += "\n[drawing]\n";
        for (const Label& l : a_.labels) out += type_of(l.id) + "\tbgColor:" + format_color(l.color) + "\n";
        return out;
    }

    std::string type_of(Id label) const {
        const auto it = types_.find(label);
        return it == types_.end() ? "_" : it->second;
    }

    const Annotations& a_;
    Documents docs_;
    std::map<Id, std::string> types_;  // label -> brat type name
    std::map<std::string, std::set<std::string>> attribute_values_;
    Tally tally_;
};

}  // namespace

Export export_brat(const Annotations& a, const std::vector<Document>& documents) {
    return BratWriter(a, documents).run();
}

}  // namespace cm::formats
