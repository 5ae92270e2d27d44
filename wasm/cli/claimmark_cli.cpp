// claimmark-cli: the core's project reader and exporters for scripts and CI
// pipelines (native only).
//   claimmark-cli validate FILE                      problems, exit 1 if it cannot be loaded
//   claimmark-cli convert FILE --to FORMAT [--out DIR]
//   claimmark-cli stats FILE                          documents, annotations per label, entities, relations
//   claimmark-cli suggest ARTICLE...                  suggested claims, speakers, sources and links as JSON
//   claimmark-cli suggest --evaluate DIR              precision and recall against DIR's NAME.txt + NAME.gold.json
// FILE is a ClaimMark project file ("-" reads standard input).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/annotations.h"
#include "core/article_import.h"
#include "core/formats/formats.h"
#include "core/project_json.h"
#include "core/suggest.h"

namespace {

constexpr int kOk = 0, kInvalid = 1, kUsage = 2;

void usage(std::ostream& out) {
    out << "usage:\n"
           "  claimmark-cli validate FILE\n"
           "      list the problems of a project file; exit 1 if it cannot be loaded\n"
           "  claimmark-cli convert FILE --to FORMAT [--out DIR]\n"
           "      export to a standard format; without --out a one-file format goes to standard output\n"
           "  claimmark-cli stats FILE\n"
           "      count documents, annotations per label, entities, relations, zones and claim clusters\n"
           "  claimmark-cli suggest ARTICLE...\n"
           "      suggest claims, speakers, sources and their links in articles (.txt, .md or .html), as JSON\n"
           "  claimmark-cli suggest --evaluate DIR\n"
           "      score the suggestions against the hand-labelled NAME.txt + NAME.gold.json files in DIR\n"
           "FILE is a ClaimMark project file (\"-\" reads standard input). FORMAT is one of:\n";
    for (const cm::formats::FormatInfo& f : cm::formats::export_formats())
        out << "  " << f.name << std::string(14 - std::string(f.name).size(), ' ') << f.description << "\n";
}

std::optional<std::string> read_all(const std::string& path) {
    if (path == "-") return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct Loaded {
    cm::ProjectImport project;
    bool read = false;  // false: the file could not be read (already reported)
};

Loaded load(const std::string& path) {
    Loaded out;
    const std::optional<std::string> text = read_all(path);
    if (!text) {
        std::cerr << "claimmark-cli: cannot read " << path << "\n";
        return out;
    }
    out.read = true;
    out.project = cm::import_project(*text, {}, {}, cm::ImportMode::Replace);
    return out;
}

int validate(const std::string& path) {
    const Loaded l = load(path);
    if (!l.read) return kUsage;
    for (const cm::ImportProblem& p : l.project.problems)
        std::cout << (p.fatal ? "error: " : "warning: ") << cm::to_string(p) << "\n";
    const size_t n = l.project.problems.size();
    if (!l.project.ok) {
        std::cout << path << ": cannot be loaded\n";
        return kInvalid;
    }
    std::cout << path << ": loads, " << n << (n == 1 ? " problem" : " problems") << "\n";
    return kOk;
}

int stats(const std::string& path) {
    const Loaded l = load(path);
    if (!l.read) return kUsage;
    for (const cm::ImportProblem& p : l.project.problems)
        std::cerr << (p.fatal ? "error: " : "warning: ") << cm::to_string(p) << "\n";
    if (!l.project.ok) return kInvalid;
    const cm::Annotations& a = l.project.annotations;
    std::map<cm::Id, size_t> per_label;
    for (const auto& entry : a.spans) ++per_label[entry.second.label];
    std::map<cm::RelationType, size_t> per_type;
    for (const auto& entry : a.relations) ++per_type[entry.second.type];

    std::cout << "documents: " << l.project.new_documents.size() << "\n";
    std::cout << "annotations: " << a.spans.size() << "\n";
    for (const cm::Label& label : a.labels) std::cout << "  " << label.name << ": " << per_label[label.id] << "\n";
    std::cout << "entities: " << a.entities.size() << "\n";
    std::cout << "relations: " << a.relations.size() << "\n";
    for (const auto& [type, n] : per_type) std::cout << "  " << cm::to_string(type) << ": " << n << "\n";
    std::cout << "zones: " << a.zones.size() << "\n";
    std::cout << "clusters: " << a.clusters.size() << "\n";
    std::cout << "cluster_relations: " << a.cluster_relations.size() << "\n";
    return kOk;
}

int convert(const std::string& path, const std::string& format, const std::string& out_dir) {
    const Loaded l = load(path);
    if (!l.read) return kUsage;
    for (const cm::ImportProblem& p : l.project.problems)
        std::cerr << (p.fatal ? "error: " : "warning: ") << cm::to_string(p) << "\n";
    if (!l.project.ok) return kInvalid;
    const std::optional<cm::formats::Export> e =
        cm::formats::export_as(format, l.project.annotations, l.project.new_documents);
    if (!e) {
        std::cerr << "claimmark-cli: unknown format \"" << format << "\"\n";
        usage(std::cerr);
        return kUsage;
    }
    if (out_dir.empty() && e->files.size() != 1) {
        std::cerr << "claimmark-cli: " << format << " writes " << e->files.size() << " files: give --out DIR\n";
        return kUsage;
    }
    for (const std::string& line : e->left_out) std::cerr << "note: " << line << "\n";
    if (out_dir.empty()) {
        std::cout << e->files[0].content;
        return std::cout.flush() ? kOk : kUsage;
    }
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec) {
        std::cerr << "claimmark-cli: cannot create " << out_dir << ": " << ec.message() << "\n";
        return kUsage;
    }
    for (const cm::formats::ExportFile& f : e->files) {
        const std::filesystem::path target = std::filesystem::path(out_dir) / f.name;
        std::ofstream out(target, std::ios::binary | std::ios::trunc);
        out << f.content;
        if (!out.flush()) {
            std::cerr << "claimmark-cli: cannot write " << target.string() << "\n";
            return kUsage;
        }
        std::cout << "wrote " << target.string() << "\n";
    }
    return kOk;
}

// An article as the app would open it: converted to text, its id derived from that text.
std::optional<cm::Document> read_article(const std::string& path) {
    const std::optional<std::string> bytes = read_all(path);
    if (!bytes) {
        std::cerr << "claimmark-cli: cannot read " << path << "\n";
        return std::nullopt;
    }
    const cm::ArticleDraft draft = cm::draft_article(std::filesystem::path(path).filename().string(), *bytes);
    if (!draft.ok) {
        std::cerr << "claimmark-cli: " << path << ": " << draft.error << "\n";
        return std::nullopt;
    }
    return cm::make_article(draft);
}

int suggest(const std::vector<std::string>& files) {
    nlohmann::ordered_json documents = nlohmann::ordered_json::array();
    int rc = kOk;
    for (const std::string& path : files) {
        const std::optional<cm::Document> doc = read_article(path);
        if (!doc) {
            rc = kUsage;
            continue;
        }
        nlohmann::ordered_json d{{"file", path}, {"id", doc->meta.id}};
        nlohmann::ordered_json s = cm::suggestions_json(doc->text, cm::suggest(doc->text));
        d["suggestions"] = std::move(s["suggestions"]);
        d["links"] = std::move(s["links"]);
        documents.push_back(std::move(d));
    }
    std::cout << nlohmann::ordered_json{{"documents", std::move(documents)}}.dump(
                     2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
              << "\n";
    return std::cout.flush() ? rc : kUsage;
}

// Every NAME.txt with a NAME.gold.json beside it, in name order.
int evaluate(const std::string& dir) {
    std::error_code ec;
    std::vector<std::filesystem::path> texts;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.path().extension() == ".txt") texts.push_back(entry.path());
    if (ec) {
        std::cerr << "claimmark-cli: cannot list " << dir << ": " << ec.message() << "\n";
        return kUsage;
    }
    std::sort(texts.begin(), texts.end());
    cm::Scores total;
    for (const std::filesystem::path& txt : texts) {
        std::filesystem::path gold_path = txt;
        gold_path.replace_extension(".gold.json");
        const std::optional<std::string> gold_text = read_all(gold_path.string());
        if (!gold_text) {
            std::cerr << "note: " << txt.string() << " has no " << gold_path.filename().string() << "; skipped\n";
            continue;
        }
        const std::optional<cm::Document> doc = read_article(txt.string());
        if (!doc) return kUsage;
        cm::Gold gold;
        std::string error;
        if (!cm::read_gold(*gold_text, doc->text, gold, error)) {
            std::cerr << "claimmark-cli: " << gold_path.string() << ": " << error << "\n";
            return kInvalid;
        }
        cm::Scores one;
        const cm::Suggestions got = cm::suggest(doc->text);
        cm::score_suggestions(doc->text, got, gold, one);
        cm::score_suggestions(doc->text, got, gold, total);
        // One line per article: found of gold (overlap matching), and extra suggestions.
        std::cout << txt.filename().string() << ":";
        const char* names[3] = {"claims", "speakers", "sources"};
        for (int r = 0; r < 3; ++r) {
            const cm::Counts& c = one.overlap[r];
            std::cout << (r ? ", " : " ") << names[r] << " " << c.tp << "/" << c.tp + c.fn << " +" << c.fp;
        }
        const cm::Counts& l = one.links_entity;
        std::cout << ", links " << l.tp << "/" << l.tp + l.fn << " +" << l.fp << "\n";
    }
    if (total.documents == 0) {
        std::cerr << "claimmark-cli: no NAME.txt + NAME.gold.json pairs in " << dir << "\n";
        return kUsage;
    }
    std::cout << cm::format_scores(total);
    return kOk;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        usage(args.empty() ? std::cerr : std::cout);
        return args.empty() ? kUsage : kOk;
    }
    const std::string& command = args[0];
    if (command == "suggest") {
        if (args.size() == 3 && args[1] == "--evaluate") return evaluate(args[2]);
        if (args.size() == 2 && args[1].rfind("--evaluate=", 0) == 0) return evaluate(args[1].substr(11));
        const std::vector<std::string> files(args.begin() + 1, args.end());
        for (const std::string& f : files)
            if (f.rfind("-", 0) == 0 && f != "-") {
                std::cerr << "claimmark-cli: unexpected argument \"" << f << "\"\n";
                usage(std::cerr);
                return kUsage;
            }
        if (files.empty()) {
            usage(std::cerr);
            return kUsage;
        }
        return suggest(files);
    }
    std::string file, format, out_dir;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if ((arg == "--to" || arg == "--out") && i + 1 < args.size()) {
            (arg == "--to" ? format : out_dir) = args[++i];
        } else if (arg.rfind("--to=", 0) == 0) {
            format = arg.substr(5);
        } else if (arg.rfind("--out=", 0) == 0) {
            out_dir = arg.substr(6);
        } else if (file.empty() && (arg == "-" || arg.rfind("-", 0) != 0)) {
            file = arg;
        } else {
            std::cerr << "claimmark-cli: unexpected argument \"" << arg << "\"\n";
            usage(std::cerr);
            return kUsage;
        }
    }
    const bool convert_args = command == "convert";
    if (file.empty() || (convert_args && format.empty()) || (!convert_args && (!format.empty() || !out_dir.empty()))) {
        usage(std::cerr);
        return kUsage;
    }
    if (command == "validate") return validate(file);
    if (command == "stats") return stats(file);
    if (command == "convert") return convert(file, format, out_dir);
    std::cerr << "claimmark-cli: unknown command \"" << command << "\"\n";
    usage(std::cerr);
    return kUsage;
}
