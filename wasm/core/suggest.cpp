#include "suggest.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "json_read.h"
#include "utf8.h"

namespace cm {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// ============================== characters ==============================

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) ||
           c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Letters and digits of the scripts news is written in (combining marks
// included, so "Cafe\u0301" is one word); punctuation, symbols and emoji are not.
bool is_letter(char32_t c) {
    if (c < 0x80) return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
    if (c == 0xD7 || c == 0xF7) return false;
    if (c >= 0x2000 && c <= 0x2BFF) return false;    // punctuation, symbols, arrows, shapes
    if (c >= 0x3000 && c <= 0x303F) return false;    // CJK punctuation
    if (c >= 0xD800 && c <= 0xF8FF) return false;    // surrogates, private use
    if (c >= 0xFE00 && c <= 0xFE4F) return false;    // variation selectors, CJK compatibility forms
    if (c >= 0xFF00 && c <= 0xFF0F) return false;    // full-width punctuation
    if (c >= 0x1F000 && c <= 0x1FAFF) return false;  // emoji and pictographs
    return c != 0xFFFD;
}

// Upper case in the Latin, Greek and Cyrillic blocks: names are found by
// their capitals, so scripts without case (CJK) get no name suggestions.
bool is_upper(char32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
    if (c >= 0x100 && c <= 0x17F) {  // Latin Extended-A: upper/lower pairs, the order shifting twice
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return c % 2 == 1;
        if (c == 0x138 || c == 0x149 || c == 0x17F) return false;
        return c % 2 == 0;
    }
    return (c >= 0x391 && c <= 0x3AB) || (c >= 0x400 && c <= 0x42F);
}

enum class QuoteShape : uint8_t { None, Open, Close, Straight };

QuoteShape quote_shape(char32_t c) {
    switch (c) {
        case '"':
        case 0xFF02:  // full-width
            return QuoteShape::Straight;
        case 0x201C:  // “
        case 0x201E:  // „ (German opening)
        case 0x201F:
        case 0x00AB:  // «
            return QuoteShape::Open;
        case 0x201D:  // ”
        case 0x00BB:  // »
            return QuoteShape::Close;
        default:
            return QuoteShape::None;
    }
}

bool is_double_quote(char32_t c) { return quote_shape(c) != QuoteShape::None; }

// ASCII case folding, as project_json matches entity names.
std::string fold(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// ============================== word lists ==============================
// Lower-case; apostrophes as '. Built once, on first use.

using WordSet = std::unordered_set<std::string_view>;

bool in(const WordSet& set, std::string_view w) { return set.count(w) != 0; }

// Honorifics belong to the name ("Mr. Ren" is how the text names him).
const WordSet& honorifics() {
    static const WordSet s{"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mx", "mme", "messrs"};
    return s;
}

// Titles do not: "President Ana Reyes" names Ana Reyes.
const WordSet& titles() {
    static const WordSet s{
        "president", "prime",    "minister",  "senator",     "sen",       "rep",        "representative", "gov",
        "governor",  "mayor",    "judge",     "justice",     "general",   "gen",        "col",            "colonel",
        "lt",        "sgt",      "sergeant",  "captain",     "capt",      "chancellor", "premier",        "secretary",
        "chief",     "executive", "ceo",      "cfo",         "chairman",  "chairwoman", "chair",          "director",
        "professor", "commissioner", "ambassador", "inspector", "detective", "officer",  "sheriff",        "coach",
        "king",      "queen",    "prince",    "princess",    "pope",      "bishop",     "rev",            "reverend",
        "rabbi",     "imam",     "deputy",    "vice",        "speaker",   "councillor", "councilman",     "councilwoman",
        "superintendent", "attorney"};
    return s;
}

// Words that are part of a title only before one ("Foreign Minister", not "Foreign Policy").
const WordSet& title_modifiers() {
    static const WordSet s{"foreign", "finance", "health", "interior", "defence", "defense", "economy", "home",
                           "trade",   "energy",  "education", "transport", "environment", "culture", "labour", "labor"};
    return s;
}

// Nouns for what a person is, in appositions ("William Plummer, a spokesman")
// and before a name ("spokesman William Plummer").
const WordSet& role_nouns() {
    static const WordSet s{
        "spokesman", "spokeswoman", "spokesperson", "founder",  "cofounder",  "co-founder", "analyst",   "official",
        "manager",   "head",        "leader",       "lawyer",   "researcher", "economist",  "engineer",  "adviser",
        "advisor",   "owner",       "partner",      "member",   "counsel",    "editor",     "reporter",  "correspondent",
        "scientist", "doctor",      "nurse",        "teacher",  "principal",  "dean",       "envoy",     "strategist",
        "consultant", "expert",     "professor",    "student",  "resident",   "activist",   "campaigner", "organiser",
        "organizer", "author",      "historian",    "architect", "designer",  "developer",  "farmer",    "fisherman",
        "pilot",     "driver",      "worker",       "employee", "colleague",  "chef",       "curator",   "planner",
        "officer",   "agent",       "investor",     "trader",   "broker",     "banker",     "auditor",   "accountant",
        "commentator", "host",      "producer",     "singer",   "player",     "captain",    "striker",   "goalkeeper",
        "coach",     "boss",        "executive",    "chief",    "president",  "chairman",   "chairwoman", "director",
        "secretary", "minister",    "mayor",        "senator",  "governor",   "ceo",        "cfo",       "cto",
        "chair",     "vice-president", "lecturer",  "inspector", "detective", "judge",      "attorney",  "prosecutor",
        "councillor", "commissioner", "ambassador", "negotiator", "mother",   "father",     "son",       "daughter",
        "wife",      "husband",     "veteran",      "volunteer", "coordinator", "specialist", "physician", "surgeon",
        "psychologist", "biologist", "geologist",   "meteorologist", "technician", "inventor", "entrepreneur",
        "shopkeeper", "landlord",   "tenant",       "astronaut", "skipper",   "referee",    "manager",   "trustee",
        "administrator", "superintendent", "treasurer", "clerk", "chemist",   "physicist",  "mathematician"};
    return s;
}

// Words that make a capitalised run an organisation or an outlet.
const WordSet& org_words() {
    static const WordSet s{
        "ministry",  "department", "university", "institute",  "college",   "school",   "council",   "company",
        "corp",      "corporation", "inc",       "ltd",        "llc",       "plc",      "gmbh",      "ag",
        "group",     "bank",       "agency",     "association", "commission", "committee", "union",  "party",
        "court",     "police",     "foundation", "center",     "centre",    "authority", "board",    "office",
        "service",   "services",   "bureau",     "fund",       "trust",     "society",  "club",      "league",
        "federation", "network",   "labs",       "lab",        "laboratory", "systems", "technologies", "partners",
        "holdings",  "airlines",   "airways",    "motors",     "industries", "capital", "ventures",  "hospital",
        "clinic",    "museum",     "library",    "church",     "army",      "navy",     "parliament", "congress",
        "senate",    "assembly",   "government", "administration", "cooperative", "alliance", "coalition",
        "observatory", "festival", "orchestra",  "team",       "brewery",   "bakery",   "farms",     "energy",
        "power",     "water",      "railway",    "railways",   "transit",   "authority", "institution", "trading",
        "solutions", "software",   "robotics",   "pharma",     "pharmaceuticals", "health", "media", "studios",
        "records",   "publishing", "press"};
    return s;
}

// Words that make a capitalised run a news outlet.
const WordSet& outlet_words() {
    static const WordSet s{
        "times",     "post",       "journal",   "news",      "press",     "herald",    "tribune",   "gazette",
        "guardian",  "telegraph",  "daily",     "radio",     "tv",        "television", "magazine", "review",
        "wire",      "channel",    "broadcasting", "broadcaster", "reuters", "bloomberg", "ap",     "afp",
        "bbc",       "cnn",        "npr",       "chronicle", "observer",  "monitor",   "standard",  "mirror",
        "express",   "examiner",   "inquirer",  "courier",   "dispatch",  "bulletin",  "weekly",    "register",
        "independent", "economist", "atlantic", "politico",  "wired",     "verge",     "axios",     "techcrunch",
        "insider",   "podcast",    "newsletter", "blog",     "gazette",   "sentinel",  "argus",     "ledger",
        "report",    "today",      "online",    "fm",        "press-gazette", "bulletin", "recorder", "voice"};
    return s;
}

// Nouns for outlets before their name: "French newspaper Les Echos".
const WordSet& outlet_nouns() {
    static const WordSet s{"newspaper", "magazine", "broadcaster", "site", "website", "daily", "weekly", "channel",
                           "station",   "radio",    "television",  "outlet", "paper", "agency", "network", "tabloid",
                           "news",      "journal",  "publication", "podcast", "blog", "program", "programme", "show"};
    return s;
}

// What may follow an outlet's name after "told": "told Reuters that", "told Reuters on Monday".
const WordSet& outlet_follow_words() {
    static const WordSet s{"that", "on",   "in",    "at",   "last",  "this", "earlier", "yesterday", "today",
                           "during", "after", "before", "when", "by", "for",  "with",   "and",       "but",
                           "about", "via",  "over",  "as",   "late",  "recently", "while", "it",    "he",
                           "she",  "they", "the",   "a",    "an",    "there", "we",     "i",         "last"};
    return s;
}

const WordSet& place_words() {
    static const WordSet s{"united", "states", "kingdom", "new",    "north",  "south",    "east",    "west",
                           "northern", "southern", "eastern", "western", "city", "county", "province", "state",
                           "street", "avenue", "road",    "river",  "lake",   "mount",    "island",  "islands",
                           "bay",    "valley", "republic", "hong",  "kong",   "los",      "san",     "santa",
                           "port",   "fort",   "york",    "america", "europe", "africa",  "asia",    "square",
                           "park",   "hills",  "beach",   "coast",  "sea",    "ocean",    "airport", "station",
                           "bridge", "district", "region", "harbour", "harbor", "lane",   "heights", "falls"};
    return s;
}

// Capitalised at a sentence's start only because of where they stand.
const WordSet& sentence_initial_words() {
    static const WordSet s{
        "the",       "a",        "an",       "this",     "that",      "these",     "those",    "it",
        "its",       "he",       "she",      "they",     "we",        "i",         "you",      "his",
        "her",       "their",    "our",      "my",       "your",      "there",     "here",     "but",
        "and",       "or",       "so",       "yet",      "for",       "nor",       "if",       "when",
        "while",     "after",    "before",   "since",    "because",   "although",  "though",   "as",
        "at",        "in",       "on",       "by",       "with",      "without",   "from",     "to",
        "of",        "into",     "over",     "under",    "about",     "despite",   "during",   "until",
        "unless",    "whether",  "however",  "meanwhile", "still",    "also",      "even",     "now",
        "then",      "last",     "next",     "earlier",  "later",     "today",     "yesterday", "tomorrow",
        "some",      "many",     "most",     "few",      "several",   "all",       "both",     "each",
        "every",     "no",       "not",      "one",      "two",       "three",     "other",    "another",
        "such",      "what",     "which",    "who",      "whom",      "whose",     "where",    "why",
        "how",       "instead",  "indeed",   "moreover", "furthermore", "nevertheless", "nonetheless", "according",
        "asked",     "speaking", "like",     "unlike",   "among",     "between",   "against",  "within",
        "across",    "around",   "through",  "just",     "only",      "perhaps",   "maybe",    "yes",
        "please",    "thanks",   "more",     "less",     "much",      "first",     "second",   "finally",
        "overall",   "again",    "once",     "already",  "asked",     "said",      "says",     "let",
        "do",        "does",     "did",      "is",       "are",       "was",       "were",     "will",
        "would",     "can",      "could",    "should",   "may",       "might",     "must",     "has",
        "have",      "had",      "it's",     "that's",   "there's",   "here's",    "what's",   "i'm",
        "we're",     "they're",  "we've",    "don't",    "didn't",    "isn't",     "can't",    "won't",
        "out",       "up",       "down",     "back",     "off",       "far",       "long",     "well",
        "while",     "whatever", "whoever",  "although", "everyone",  "everybody", "nobody",   "someone",
        "something", "nothing",  "anyone",   "critics",  "officials", "residents", "analysts", "experts"};
    return s;
}

// Never the first word of a name ("said Monday", "in May").
const WordSet& non_name_starts() {
    static const WordSet s{"monday",  "tuesday",  "wednesday", "thursday", "friday",   "saturday", "sunday",
                           "january", "february", "march",     "april",    "may",      "june",     "july",
                           "august",  "september", "october",  "november", "december", "jan",      "feb",
                           "mar",     "apr",      "jun",       "jul",      "aug",      "sep",      "sept",
                           "oct",     "nov",      "dec",       "i",        "he",       "she",      "they",
                           "we",      "it",       "you",       "a",        "an",       "but",
                           "and",     "or",       "in",        "on",       "at",       "of",       "for",
                           "his",     "her",      "their",     "its",      "our",      "my",       "your"};
    return s;
}

const WordSet& name_particles() {
    static const WordSet s{"de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "le", "la",
                           "bin", "ibn", "al", "el", "ter", "dos", "das", "y"};
    return s;
}

const WordSet& determiners() {
    static const WordSet s{"the",  "a",     "an",    "its",     "his",    "her",  "their", "our",   "this",
                           "that", "these", "those", "one",     "another", "some", "several", "many", "two",
                           "three", "four", "five",  "both",    "each",   "every", "my",   "your",  "most"};
    return s;
}

// Who says things in news prose when no name is given ("officials said").
const WordSet& speaker_plurals() {
    static const WordSet s{
        "officials", "analysts",  "police",     "experts",    "critics",      "residents",   "authorities",
        "sources",   "investigators", "prosecutors", "researchers", "economists", "lawmakers", "regulators",
        "executives", "people",   "witnesses",  "organisers", "organizers",   "scientists",  "doctors",
        "campaigners", "activists", "protesters", "parents",  "teachers",     "students",    "workers",
        "farmers",   "locals",    "neighbours", "neighbors",  "officers",     "spokespeople", "representatives",
        "members",   "insiders",  "observers",  "diplomats",  "engineers",    "staff",       "employees",
        "managers",  "traders",   "investors",  "supporters", "opponents",    "historians",  "volunteers"};
    return s;
}

// Heads of noun phrases that are documents or outlets: "the report said" is a source.
const WordSet& document_nouns() {
    static const WordSet s{"report",   "statement", "study",    "survey",    "newspaper", "paper",    "website",
                           "site",     "filing",    "filings",  "letter",    "memo",      "document", "documents",
                           "data",     "figures",   "release",  "post",      "tweet",     "blog",     "article",
                           "analysis", "audit",     "review",   "poll",      "records",   "minutes",  "transcript",
                           "email",    "emails",    "broadcast", "documentary", "magazine", "outlet", "channel",
                           "broadcaster", "publication", "newsletter", "journal", "notice", "bulletin", "assessment",
                           "complaint", "lawsuit",  "ruling",   "judgment",  "verdict",   "announcement", "press"};
    return s;
}

// Appositions that make the name before them an organisation ("Huawei, the Chinese company").
const WordSet& org_heads() {
    static const WordSet s{"company",  "firm",     "group",     "ministry",  "agency",    "maker",    "manufacturer",
                           "retailer", "startup",  "start-up",  "giant",     "operator",  "provider", "chain",
                           "brand",    "charity",  "organisation", "organization", "nonprofit", "outlet", "newspaper",
                           "broadcaster", "site",  "publication", "union",   "bank",      "council",  "government",
                           "party",    "team",     "club",      "body",      "regulator", "watchdog", "developer",
                           "producer", "supplier", "insurer",   "lender",    "utility",   "carrier",  "airline",
                           "university", "institute", "museum", "hospital",  "school",    "department", "authority",
                           "cooperative", "co-op", "business",  "corporation", "conglomerate", "network"};
    return s;
}

// Skipped between a subject and its verb ("he later said", "Ren reportedly said").
const WordSet& adverbs() {
    static const WordSet s{"reportedly", "also",   "later",    "then",      "again",    "previously", "once",
                           "recently",   "has",    "had",      "have",      "would",    "will",       "first",
                           "earlier",    "publicly", "privately", "repeatedly", "initially", "simply",  "flatly",
                           "quickly",    "further", "separately", "allegedly", "now",    "today",      "yesterday",
                           "tonight",    "subsequently", "already", "often",  "frequently", "always",  "still",
                           "just",       "even",   "herself",  "himself",   "itself",   "themselves", "finally",
                           "previously", "once",   "apparently", "reportedly"};
    return s;
}

const WordSet& negators() {
    static const WordSet s{"not",     "never",   "didn't",  "doesn't",  "don't",  "hasn't", "haven't", "hadn't",
                           "won't",   "wouldn't", "wasn't", "isn't",    "couldn't", "can't", "cannot", "shouldn't",
                           "nor",     "neither"};
    return s;
}

// Pronoun subjects: he/she resolve to a person, "it" to an organisation.
int pronoun_gender(std::string_view w) {  // +1 he, -1 she, 0 it, 2 other (they, we, I): not resolved
    if (w == "he" || w == "him") return 1;
    if (w == "she" || w == "her") return -1;
    if (w == "it") return 0;
    return 2;
}

bool is_pronoun(std::string_view w) {
    return w == "he" || w == "she" || w == "it" || w == "they" || w == "we" || w == "i";
}

enum class VerbKind : uint8_t {
    Say,     // said, added, insisted …: attributes quotes and indirect speech
    Tell,    // told: also takes an object, which may be an outlet ("told Reuters")
    Report,  // reported: the subject is a source, not a speaker
    Ask,     // asked: a question is not a claim (the quote is attributed but not suggested)
    Deny,    // denied: attributes quotes; "denied that X" is not a claim X
    According,
};

const std::unordered_map<std::string_view, VerbKind>& reporting_verbs() {
    static const std::unordered_map<std::string_view, VerbKind> m = [] {
        std::unordered_map<std::string_view, VerbKind> v;
        for (const char* w :
             {"said",      "says",      "say",        "saying",     "added",      "adds",        "adding",
              "noted",     "notes",     "noting",     "insisted",   "insists",    "insisting",   "claimed",
              "claims",    "claiming",  "stated",     "explained",  "explains",   "explaining",  "argued",
              "argues",    "arguing",   "warned",     "warns",      "warning",    "admitted",    "admits",
              "admitting", "acknowledged", "acknowledges", "asserted", "asserts", "declared",    "declares",
              "remarked",  "observed",  "recalled",   "recalls",    "recalling",  "replied",     "responded",
              "continued", "predicted", "predicts",   "suggested",  "alleged",    "alleges",     "promised",
              "boasted",   "complained", "complains", "conceded",   "concedes",   "contended",   "stressed",
              "stresses",  "stressing", "emphasised", "emphasized", "confirmed",  "confirms",    "confirming",
              "announced", "announces", "announcing", "quipped",    "joked",      "exclaimed",   "cautioned",
              "countered", "wrote",     "writes",     "writing",    "tweeted",    "posted",      "put",
              "maintained", "maintains", "agreed",    "estimated",  "estimates",  "vowed",       "pledged",
              "urged",     "reiterated", "acknowledging", "conceding", "explaining", "pointing"})
            v.emplace(w, VerbKind::Say);
        for (const char* w : {"told", "tells", "tell", "telling"}) v.emplace(w, VerbKind::Tell);
        for (const char* w : {"reported", "reports", "reporting"}) v.emplace(w, VerbKind::Report);
        for (const char* w : {"asked", "asks", "asking", "wondered", "questioned"}) v.emplace(w, VerbKind::Ask);
        for (const char* w : {"denied", "denies", "deny", "denying"}) v.emplace(w, VerbKind::Deny);
        return v;
    }();
    return m;
}

// A line that starts the reader comments ("Comments", "12 comments",
// "Leave a reply"): letters only, short.
bool is_comments_heading(std::u32string_view line) {
    if (line.size() > 48) return false;
    std::string s;
    for (char32_t c : line) {
        if (c < 0x80 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
            s += static_cast<char>(c | 0x20);
        else if (c == ' ' || c == '\'' || c == 0x2019)
            s += c == ' ' ? ' ' : '\'';
        else if (!is_digit(c) && !is_space(c) && c != '(' && c != ')' && c != ':' && c != '#' && c != '-' &&
                 c != 0x2014 && c != 0x2013 && c != '.')
            return false;
    }
    // Trim and collapse spaces.
    std::string t;
    for (char c : s)
        if (c != ' ' || (!t.empty() && t.back() != ' ')) t += c;
    while (!t.empty() && t.back() == ' ') t.pop_back();
    static const WordSet headings{"comments",        "comment",          "reader comments",   "readers' comments",
                                  "readers comments", "reader comment",  "comments from readers", "leave a comment",
                                  "leave a reply",   "join the discussion", "join the conversation", "show comments",
                                  "view comments",   "responses",        "replies",           "discussion",
                                  "what readers say", "your comments",   "add a comment",     "post a comment",
                                  "top comments",    "most popular comments", "comments are closed",
                                  "readers respond", "reader responses", "have your say",     "conversation"};
    return in(headings, t);
}

// ============================== tokens ==============================

enum class Kind : uint8_t { Word, Punct, Quote, Newline };

struct Token {
    uint32_t b = 0, e = 0;  // code points
    Kind kind = Kind::Punct;
    bool space_before = false;
    bool cap = false;      // starts with an upper-case letter
    bool allcaps = false;  // two or more letters, all upper case ("BBC", "U.S")
    char32_t ch = 0;       // punctuation and quote marks: the character
    std::string low;       // words: ASCII-lower-cased UTF-8, ’ as '
};

// A span of tokens naming something: a speaker, a source, or a pronoun or
// noun phrase standing for one.
struct Mention {
    enum class K : uint8_t { None, Name, Pronoun, Nominal } k = K::None;
    int b = 0, e = 0;  // tokens [b, e)
    int run = -1;      // Name: the capitalised run
    bool source = false;  // an outlet or a document rather than a speaker
    explicit operator bool() const { return k != K::None; }
};

// Who a quote or a sentence is attributed to, and by which cue.
struct Attribution {
    int verb = -1;  // the reporting verb's token ("according" for "according to")
    VerbKind kind = VerbKind::Say;
    Mention speaker, source;
    bool negated = false;
    std::string cue;  // "'said'", for the why
    std::string source_cue;
    bool found() const { return verb >= 0 && (speaker || source); }
};

// A run of capitalised words: a candidate name.
struct Run {
    int title_b = 0;  // first token, titles included ("President")
    int b = 0, e = 0;  // tokens [b, e): honorific and name ("Mr. Ren", "William Plummer")
    int words = 0;     // name words, without the honorific
    int8_t gender = 0;  // +1 Mr, -1 Ms/Mrs/Miss
    bool honorific = false, org = false, outlet = false, place = false, possessive = false;
    bool person = false;  // strong evidence it names a person
};

// A top-level quotation (nested ones are part of its text).
struct Quote {
    int open = -1, close = -1;  // tokens; close = -1: unclosed, runs to the paragraph's end
    int end = -1;               // the token after the content (close, or the paragraph's end)
    int continued_from = -1;    // a multi-paragraph quote: the quote of the paragraph before
    bool consumed = false;      // merged into the claim of the quote before it
};

struct ClaimSource {  // a claim's speaker and source (suggestion indices, -1: none), for claims that continue it
    int speaker = -1, source = -1;
};

// ============================== the scanner ==============================

constexpr int kMaxSentence = 400;  // tokens
constexpr int kMaxRun = 16;        // tokens of a capitalised name

class Suggester {
public:
    Suggester(const Text& text, const SuggestOptions& options) : text_(text), cps_(text.codepoints()), opt_(options) {}

    Suggestions run() {
        find_limit();
        load_known();
        tokenize();
        n_ = static_cast<int>(tok_.size());
        pair_quotes();
        find_sentences();
        find_runs();
        gather_evidence();
        share_evidence();
        // In document order, so a pronoun resolves against what came before.
        quote_of_open_.assign(tok_.size(), -1);
        for (size_t q = 0; q < quotes_.size(); ++q) quote_of_open_[quotes_[q].open] = static_cast<int>(q);
        quote_claim_.assign(quotes_.size(), ClaimSource{});
        used_.assign(tok_.size(), false);
        speaker_run_.assign(runs_.size(), false);
        for (int i = 0; i < n_; ++i) {
            if (quote_of_open_[i] >= 0) {
                do_quote(quote_of_open_[i]);
                continue;
            }
            if (in_quote_[i] >= 0 || used_[i] || tok_[i].kind != Kind::Word) continue;
            if (tok_[i].low == "according" && i + 1 < n_ && tok_[i + 1].low == "to")
                do_according(i);
            else if (verb_at(i))
                do_indirect(i);
        }
        return finish();
    }

private:
    const Text& text_;
    const std::u32string& cps_;
    const SuggestOptions& opt_;
    size_t limit_ = 0;  // code points after the reader-comments heading are not read
    std::vector<Token> tok_;
    int n_ = 0;
    std::vector<int> para_;        // per token: paragraph number
    std::vector<int> in_quote_;    // per token: the top-level quote holding it (marks included), -1
    std::vector<Quote> quotes_;
    std::vector<int> sent_b_, sent_e_;  // per token: its sentence's tokens [b, e)
    std::vector<Run> runs_;
    std::vector<int> run_at_;      // per token: the run it is in (titles included), -1
    std::unordered_map<std::string, std::vector<int>> runs_by_word_;  // name word -> multi-word runs holding it
    std::vector<int> quote_of_open_;
    std::vector<ClaimSource> quote_claim_;
    std::vector<bool> used_;       // verbs and "according" already attributed
    std::vector<bool> speaker_run_;  // per run: already suggested as a speaker
    std::map<int, ClaimSource> sentence_claim_;  // sentence start -> its last attribution (for ", adding that")
    // Entities of the annotations passed in.
    std::unordered_map<std::string, Id> known_names_;               // folded name or alias
    std::unordered_map<std::string, std::vector<Id>> known_words_;  // folded word of a person's name or alias
    Suggestions out_;
    std::map<std::tuple<int, uint32_t, uint32_t>, size_t> span_index_;  // (role, start, end) of one-range spans

    // ---- set-up ----

    void find_limit() {
        limit_ = cps_.size();
        if (!opt_.skip_comments) return;
        size_t line = 0;
        for (size_t i = 0; i <= cps_.size(); ++i) {
            if (i < cps_.size() && cps_[i] != '\n') continue;
            size_t b = line, e = i;
            while (b < e && is_space(cps_[b])) ++b;
            while (e > b && is_space(cps_[e - 1])) --e;
            // Not the first line: an article called "Comments" keeps its text.
            if (b < e && line > 0 && is_comments_heading(std::u32string_view(cps_).substr(b, e - b))) {
                limit_ = line;
                return;
            }
            line = i + 1;
        }
    }

    void load_known() {
        if (!opt_.known) return;
        for (const auto& [id, entity] : opt_.known->entities) {
            std::vector<std::string> names = entity.aliases;
            names.push_back(entity.name);
            for (const std::string& name : names) {
                if (name.empty()) continue;
                known_names_.emplace(fold(name), id);
                if (entity.kind != EntityKind::Person) continue;
                size_t b = 0;
                const std::string f = fold(name);
                while (b < f.size()) {  // its words, without an honorific ("mr. ren" -> "ren")
                    size_t e = f.find(' ', b);
                    if (e == std::string::npos) e = f.size();
                    std::string w = f.substr(b, e - b);
                    while (!w.empty() && w.back() == '.') w.pop_back();
                    if (!w.empty() && !in(honorifics(), w)) {
                        std::vector<Id>& ids = known_words_[w];
                        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
                    }
                    b = e + 1;
                }
            }
        }
    }

    void tokenize() {
        const size_t n = limit_;
        bool space = true;
        int para = 0;
        for (size_t i = 0; i < n;) {
            const char32_t c = cps_[i];
            if (c == '\n') {
                Token k;
                k.b = static_cast<uint32_t>(i);
                k.e = k.b + 1;
                k.kind = Kind::Newline;
                k.space_before = true;
                push(std::move(k), para);
                ++para;
                space = true;
                ++i;
                continue;
            }
            if (is_space(c) || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F)) {  // joiners and variation selectors: nothing
                space = space || is_space(c);
                ++i;
                continue;
            }
            Token k;
            k.b = static_cast<uint32_t>(i);
            k.space_before = space;
            space = false;
            if (is_letter(c)) {
                size_t j = i + 1;
                while (j < n) {
                    if (is_letter(cps_[j])) {
                        ++j;
                        continue;
                    }
                    // Joiners inside a word: apostrophes and hyphens between
                    // letters (don't, Huawei’s, co-founder), points and commas
                    // between digits (3.5, 1,200), points after single letters (U.S, e.g).
                    const char32_t d = cps_[j];
                    if (j + 1 < n && is_letter(cps_[j + 1])) {
                        if (d == '\'' || d == 0x2019 || d == '-' || d == 0x2010 || d == 0x2011) {
                            j += 2;
                            continue;
                        }
                        if ((d == '.' || d == ',') && is_digit(cps_[j - 1]) && is_digit(cps_[j + 1])) {
                            j += 2;
                            continue;
                        }
                        if (d == '.' && !is_digit(cps_[j - 1]) && (j - 1 == i || !is_letter(cps_[j - 2]))) {
                            j += 2;
                            continue;
                        }
                    }
                    break;
                }
                k.kind = Kind::Word;
                k.e = static_cast<uint32_t>(j);
                k.cap = is_upper(c);
                int letters = 0, upper = 0;
                for (size_t p = i; p < j; ++p) {
                    const char32_t d = cps_[p];
                    if (d < 0x80 && d >= 'A' && d <= 'Z')
                        k.low += static_cast<char>(d - 'A' + 'a');
                    else if (d == 0x2019)
                        k.low += '\'';
                    else
                        append_utf8(k.low, d);
                    if (is_letter(d) && !is_digit(d)) {
                        ++letters;
                        upper += is_upper(d) ? 1 : 0;
                    }
                }
                k.allcaps = letters >= 2 && upper == letters;
                i = j;
            } else {
                k.kind = is_double_quote(c) ? Kind::Quote : Kind::Punct;
                k.ch = c;
                k.e = k.b + 1;
                ++i;
            }
            push(std::move(k), para);
        }
    }

    void push(Token k, int para) {
        tok_.push_back(std::move(k));
        para_.push_back(para);
    }

    // ---- token helpers ----

    bool word(int i) const { return i >= 0 && i < n_ && tok_[i].kind == Kind::Word; }
    bool punct(int i, char32_t c) const { return i >= 0 && i < n_ && tok_[i].kind == Kind::Punct && tok_[i].ch == c; }
    bool is(int i, std::string_view w) const { return word(i) && tok_[i].low == w; }
    bool newline(int i) const { return i >= 0 && i < n_ && tok_[i].kind == Kind::Newline; }
    bool comma(int i) const { return punct(i, ',') || punct(i, 0xFF0C); }
    bool dash(int i) const { return punct(i, 0x2014) || punct(i, 0x2013); }
    bool terminal(int i) const {
        return punct(i, '.') || punct(i, '!') || punct(i, '?') || punct(i, 0x2026) || punct(i, 0x3002);
    }
    bool clause_punct(int i) const {  // ends a noun phrase or a clause
        return i < 0 || i >= n_ || tok_[i].kind != Kind::Word;
    }
    const std::string& low(int i) const {
        static const std::string none;
        return word(i) ? tok_[i].low : none;
    }

    const VerbKind* verb_at(int i) const {
        if (!word(i) || tok_[i].cap) return nullptr;
        const auto it = reporting_verbs().find(tok_[i].low);
        if (it == reporting_verbs().end()) return nullptr;
        if (tok_[i].low == "put" && !is(i + 1, "it")) return nullptr;  // "as she put it"
        if (tok_[i].low == "pointing" && !is(i + 1, "out")) return nullptr;
        return &it->second;
    }

    // ---- quotations ----

    // Pairs quotation marks paragraph by paragraph. Curly quotes say which
    // way they face (unless misused); straight ones alternate, a quote after
    // a digit with no space being inches (5'10"). An opening quote still open
    // at the paragraph's end runs to it.
    void pair_quotes() {
        in_quote_.assign(tok_.size(), -1);
        std::vector<int> stack;
        int unclosed_prev = -1;  // a quote left open at the end of the previous paragraph
        auto opener_context = [&](int i) {
            return i == 0 || tok_[i].space_before || newline(i - 1) || tok_[i - 1].kind == Kind::Quote ||
                   punct(i - 1, '(') || punct(i - 1, '[') || dash(i - 1) || punct(i - 1, ':') || punct(i - 1, '-');
        };
        auto closer_context = [&](int i) {
            return i > 0 && !tok_[i].space_before && !newline(i - 1) &&
                   (i + 1 >= n_ || tok_[i + 1].space_before || tok_[i + 1].kind != Kind::Word);
        };
        // Top-level quotes are recorded in the order they open: a quote only
        // closes at top level when nothing opened before it is still open.
        auto record = [&](int open, int close, int end) {
            Quote q;
            q.open = open;
            q.close = close;
            q.end = end;
            if (unclosed_prev >= 0 && (open == 0 || newline(open - 1))) q.continued_from = unclosed_prev;
            quotes_.push_back(q);
        };
        auto end_paragraph = [&](int end) {
            unclosed_prev = -1;
            if (!stack.empty()) {
                unclosed_prev = static_cast<int>(quotes_.size());
                record(stack.front(), -1, end);
            }
            stack.clear();
        };
        for (int i = 0; i < n_; ++i) {
            const Token& k = tok_[i];
            if (k.kind == Kind::Newline) {
                if (!stack.empty() || (i > 0 && !newline(i - 1))) end_paragraph(i);
                continue;
            }
            if (k.kind != Kind::Quote) continue;
            const QuoteShape s = quote_shape(k.ch);
            const bool top_straight = !stack.empty() && quote_shape(tok_[stack.back()].ch) == QuoteShape::Straight;
            bool close = false;
            if (s == QuoteShape::Open)  // “ as a closer: misused, or German „…“
                close = !stack.empty() && closer_context(i) &&
                        (!opener_context(i) || tok_[stack.back()].ch == 0x201E);
            else if (s == QuoteShape::Close)  // ” as an opener: misused
                close = !stack.empty() || !opener_context(i);
            else if (top_straight)
                close = true;
            else if (!stack.empty())  // a straight quote inside a curly one: nested, or a mixed-style closer
                close = closer_context(i) && !opener_context(i);
            else if (i > 0 && !k.space_before && tok_[i - 1].kind == Kind::Word && is_digit(cps_[tok_[i - 1].e - 1]))
                continue;  // inches
            if (!close) {
                if (stack.size() < 16) stack.push_back(i);
                continue;
            }
            if (stack.empty()) continue;  // a stray closing quote
            // A curly closer skips straight quotes left open inside its quote.
            if (s == QuoteShape::Close)
                while (stack.size() > 1 && quote_shape(tok_[stack.back()].ch) == QuoteShape::Straight) stack.pop_back();
            const int open = stack.back();
            stack.pop_back();
            if (stack.empty()) record(open, i, i);
        }
        if (n_ > 0 && !newline(n_ - 1)) end_paragraph(n_);
        for (size_t q = 0; q < quotes_.size(); ++q) {
            const Quote& quote = quotes_[q];
            const int last = quote.close >= 0 ? quote.close : quote.end - 1;
            for (int i = quote.open; i <= last && i < n_; ++i) in_quote_[i] = static_cast<int>(q);
        }
    }

    // ---- sentences ----

    bool sentence_starter(int i) const {
        if (i >= n_ || newline(i)) return true;
        const Token& k = tok_[i];
        if (k.kind == Kind::Word) return k.cap || is_digit(cps_[k.b]);
        if (k.kind == Kind::Quote) return in_quote_[i] >= 0 && quotes_[in_quote_[i]].open == i;
        return k.ch == '(' || k.ch == '[' || k.ch == 0x2014;
    }

    bool abbreviation_before(int dot) const {
        if (!word(dot - 1) || tok_[dot].space_before) return false;
        const Token& w = tok_[dot - 1];
        if (in(honorifics(), w.low)) return true;  // "Mr." never ends a sentence
        const bool abbrev = (w.cap && w.e - w.b == 1) || w.low.find('.') != std::string::npos ||
                            in(titles(), w.low) ||
                            w.low == "inc" || w.low == "corp" || w.low == "co" || w.low == "ltd" || w.low == "st" ||
                            w.low == "jr" || w.low == "sr" || w.low == "no" || w.low == "vs" || w.low == "mt" ||
                            w.low == "ft" || w.low == "dept" || w.low == "approx" ||
                            (in(non_name_starts(), w.low) && w.low.size() <= 4 && w.cap);
        if (!abbrev) return false;
        // "… in the U.S. The" still ends: the next word is one that only a sentence starts with.
        return !(word(dot + 1) && tok_[dot + 1].cap && in(sentence_initial_words(), tok_[dot + 1].low));
    }

    bool boundary_after(int i) const {
        if (newline(i)) return true;
        const int q = in_quote_[i];
        if (q >= 0) {  // no sentence ends inside a quotation; one may end with it ("… done." He left.)
            if (quotes_[q].close != i) return false;
            return terminal(i - 1) && sentence_starter(i + 1);
        }
        if (!terminal(i)) return false;
        if (punct(i, '.') && abbreviation_before(i)) return false;
        if (terminal(i + 1)) return false;  // "?!" and "...": the last one ends it
        return sentence_starter(i + 1);
    }

    void find_sentences() {
        sent_b_.assign(tok_.size(), 0);
        sent_e_.assign(tok_.size(), n_);
        // Sentences are cut at kMaxSentence tokens: that is no longer prose,
        // and it keeps every scan to a sentence's end bounded (linear time).
        std::vector<bool> ends(tok_.size(), false);
        int b = 0;
        for (int i = 0; i < n_; ++i) {
            sent_b_[i] = b;
            ends[i] = boundary_after(i) || i - b + 1 >= kMaxSentence;
            if (ends[i]) b = i + 1;
        }
        int e = n_;
        for (int i = n_ - 1; i >= 0; --i) {
            if (ends[i]) e = i + 1;
            sent_e_[i] = e;
        }
    }

    bool sentence_initial(int i) const {
        return sent_b_[i] == i || punct(i - 1, ':') || (i > 0 && tok_[i - 1].kind == Kind::Quote) ||
               punct(i - 1, '(') || dash(i - 1);
    }

    // ---- names ----

    bool name_word(int i, bool first) const {
        if (!word(i) || !tok_[i].cap || in_quote_[i] >= 0) return false;
        if (first && in(non_name_starts(), tok_[i].low)) return false;
        if (first && sentence_initial(i) && in(sentence_initial_words(), tok_[i].low)) return false;
        return true;
    }

    // Words after "of" that end a name rather than continue it ("a minister of Tavula" is fine; "of Monday" is not).
    bool run_stop(int i) const { return in(non_name_starts(), tok_[i].low); }

    void find_runs() {
        run_at_.assign(tok_.size(), -1);
        for (int i = 0; i < n_; ++i) {
            if (!name_word(i, true)) continue;
            int j = i;
            bool possessive = false;
            // No name is longer than kMaxRun tokens (a capitalised headline or
            // shouting is cut in pieces), which keeps the loops below short.
            while (j < n_ && j - i < kMaxRun) {
                if (name_word(j, j == i)) {
                    const std::string& w = tok_[j].low;
                    ++j;
                    if (w.size() > 2 && (w.compare(w.size() - 2, 2, "'s") == 0)) {
                        possessive = true;
                        break;
                    }
                    continue;
                }
                // The point of an honorific, a title or an initial ("Mr.", "Sen.", "J.").
                if (j > i && punct(j, '.') && !tok_[j].space_before && name_word(j + 1, false) &&
                    (in(honorifics(), tok_[j - 1].low) || in(titles(), tok_[j - 1].low) ||
                     tok_[j - 1].e - tok_[j - 1].b == 1)) {
                    ++j;
                    continue;
                }
                if (j > i && word(j) && !tok_[j].cap && in(name_particles(), tok_[j].low) && name_word(j + 1, false)) {
                    ++j;
                    continue;
                }
                if (j > i && punct(j, '&') && name_word(j + 1, false)) {  // "Crumb & Co", "Procter & Gamble"
                    ++j;
                    continue;
                }
                // "Bank of England", "Centre for Policy Studies"
                if (j > i && (is(j, "of") || is(j, "for")) && name_word(j + 1, false) && !run_stop(j + 1)) {
                    ++j;
                    continue;
                }
                break;
            }
            Run r;
            r.title_b = i;
            r.possessive = possessive;
            int b = i;
            // Titles go ("President Ana Reyes"), with their points ("Sen.").
            auto name_words_after = [&](int t) {
                int count = 0;
                for (int p = t + 1; p < j; ++p) count += word(p) && tok_[p].cap ? 1 : 0;
                return count;
            };
            auto title_at = [&](int t) {
                return word(t) && !in(honorifics(), tok_[t].low) &&
                       (in(titles(), tok_[t].low) || (in(title_modifiers(), tok_[t].low) && word(t + 1) &&
                                                      in(titles(), tok_[t + 1].low)));
            };
            while (b < j && (title_at(b) || (word(b) && in(role_nouns(), tok_[b].low) && name_words_after(b) >= 2))) {
                ++b;
                if (punct(b, '.')) ++b;
            }
            // A title inside the run, after an employer: "Huawei CEO Ren Zhengfei".
            for (int t = j - 2; t > b; --t) {
                if (!title_at(t)) continue;
                bool org_after = false;
                for (int p = t + 1; p < j; ++p) org_after = org_after || (word(p) && in(org_words(), tok_[p].low));
                if (!org_after && name_word(t + 1, false)) b = t + 1;
                break;
            }
            r.b = b;
            if (b < j && in(honorifics(), tok_[b].low)) {
                r.honorific = true;
                r.gender = tok_[b].low == "mr" ? 1 : tok_[b].low == "dr" || tok_[b].low == "prof" ? 0 : -1;
                if (tok_[b].low == "sir") r.gender = 1;
                if (tok_[b].low == "dame") r.gender = -1;
            }
            r.e = j;
            for (int p = b; p < j; ++p)
                if (word(p) && !(r.honorific && p == b) && tok_[p].cap) ++r.words;
            const int index = static_cast<int>(runs_.size());
            for (int p = i; p < j; ++p) run_at_[p] = index;
            i = j - 1;
            if (r.words == 0) {  // only titles ("the President said"): no name
                r.b = r.e;
            }
            classify(r);
            runs_.push_back(r);
        }
        for (size_t r = 0; r < runs_.size(); ++r) {
            const Run& run = runs_[r];
            if (run.words < 2 || run.org || run.place) continue;
            for (int p = run.b; p < run.e; ++p)
                if (word(p) && tok_[p].cap) runs_by_word_[tok_[p].low].push_back(static_cast<int>(r));
        }
    }

    // What kind of name a run is, from its words and what stands around it.
    void classify(Run& r) const {
        if (r.b >= r.e) return;
        for (int p = r.b; p < r.e; ++p) {
            if (!word(p)) continue;
            std::string w = tok_[p].low;
            if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.resize(w.size() - 2);
            if (in(org_words(), w)) r.org = true;
            if (in(outlet_words(), w)) r.outlet = true;
            if (in(place_words(), w)) r.place = true;
        }
        if (r.words == 1 && r.e - r.b == 1 && tok_[r.b].allcaps) r.org = true;  // an acronym: BBC, NASA
        const auto known = known_names_.find(fold(span_text(r.b, r.e)));
        if (known != known_names_.end()) {
            if (const Entity* ent = opt_.known->entity(known->second)) {
                if (ent->kind == EntityKind::Person) r.person = true;
                if (ent->kind == EntityKind::Organisation) r.org = true;
                if (ent->kind == EntityKind::Outlet) r.org = r.outlet = true;
            }
        }
        if (r.org || r.outlet) return;
        if (r.honorific || r.b > r.title_b) r.person = true;
        // "spokesman William Plummer"
        const int before = r.title_b - 1;
        if (word(before) && !tok_[before].cap && in(role_nouns(), tok_[before].low)) r.person = true;
        // "The chief executive of Arden Water, Simon Achebe,"
        if (comma(before))
            for (int p = before - 1; p >= 0 && p > before - 9 && word(p); --p)
                if (in(role_nouns(), tok_[p].low)) {
                    r.person = true;
                    break;
                }
        // "William Plummer, a spokesman", "Ana Reyes, 54,", "Huawei, the Chinese company"
        if (comma(r.e) && !r.possessive) {
            const int a = r.e + 1;
            if (word(a) && is_digit(cps_[tok_[a].b]) && comma(a + 1)) r.person = true;
            if (is(a, "who")) r.person = true;
            if (word(a) && (in(determiners(), tok_[a].low) || in(role_nouns(), tok_[a].low))) {
                for (int p = a; p < a + 7 && p < n_ && !clause_punct(p); ++p) {
                    // The head comes before any preposition: "a cardiologist at St Anne's Hospital".
                    const std::string& w = tok_[p].low;
                    if (p > a && (w == "at" || w == "of" || w == "for" || w == "with" || w == "in" || w == "from" ||
                                  w == "on" || w == "who" || w == "which"))
                        break;
                    if (in(org_heads(), tok_[p].low)) {
                        r.org = true;
                        r.person = false;
                        break;
                    }
                    if (in(role_nouns(), tok_[p].low)) {
                        r.person = true;
                        break;
                    }
                }
            }
        }
        // "Huawei spokesman", "Huawei's founder": an organisation.
        if (!r.person && (r.possessive || (word(r.e) && !tok_[r.e].cap && in(role_nouns(), tok_[r.e].low))))
            r.org = true;
    }

    std::string span_text(int b, int e) const {
        if (b >= e) return {};
        return std::string(text_.slice(tok_[b].b, tok_[e - 1].e));
    }

    // The run's name without the honorific: "Mr. Ren" -> "Ren".
    std::string bare_name(const Run& r) const {
        int b = r.b;
        if (r.honorific) {
            ++b;
            if (punct(b, '.')) ++b;
        }
        if (b >= r.e) return {};
        // "Reyes's": without the 's (two code points, either apostrophe).
        const uint32_t end = tok_[r.e - 1].e - (r.possessive ? 2 : 0);
        return std::string(text_.slice(tok_[b].b, std::max(tok_[b].b, end)));
    }

    // Pass 0: subjects of reporting verbs are people (unless organisations):
    // this is what lets a later "he said" find them.
    void gather_evidence() {
        for (int i = 0; i < n_; ++i) {
            const VerbKind* v = in_quote_[i] < 0 ? verb_at(i) : nullptr;
            if (!v || *v == VerbKind::Report) continue;
            bool negated = false;
            const Mention m = subject_before(i, 0, negated);
            if (m.k == Mention::K::Name && m.run >= 0 && !runs_[m.run].org) runs_[m.run].person = true;
            if (!m && *v != VerbKind::Tell && (comma(i - 1) || (i > 0 && tok_[i - 1].kind == Kind::Quote))) {
                const Mention a = subject_after(i + 1, std::min(n_, i + 10));
                if (a.k == Mention::K::Name && a.run >= 0 && !runs_[a.run].org) runs_[a.run].person = true;
            }
        }
    }

    // "Whitfield" after "Dana Whitfield": a person if the full name is one.
    void share_evidence() {
        for (size_t r = 0; r < runs_.size(); ++r) {
            Run& run = runs_[r];
            if (run.words != 1 || run.org || run.person || run.b >= run.e) continue;
            const auto it = runs_by_word_.find(fold(bare_name(run)));
            if (it == runs_by_word_.end()) continue;
            const auto after = std::lower_bound(it->second.begin(), it->second.end(), static_cast<int>(r));
            if (after == it->second.begin()) continue;
            const Run& full = runs_[*(after - 1)];
            if (full.person || full.words >= 2) {
                run.person = true;
                if (run.gender == 0) run.gender = full.gender;
            }
        }
    }

    // ---- attribution parsing ----

    bool adverb(int i) const {
        if (!word(i) || tok_[i].cap) return false;
        const std::string& w = tok_[i].low;
        if (in(adverbs(), w)) return true;
        return w.size() >= 6 && w.compare(w.size() - 2, 2, "ly") == 0 && w != "family" && w != "supply" &&
               w != "rally" && w != "italy" && w != "assembly";
    }

    bool day(int i) const {
        if (!word(i)) return false;
        const std::string& w = tok_[i].low;
        return w == "monday" || w == "tuesday" || w == "wednesday" || w == "thursday" || w == "friday" ||
               w == "saturday" || w == "sunday";
    }

    bool month(int i) const {
        static const WordSet months{"january", "february", "march",   "april",    "may",      "june",
                                    "july",    "august",   "september", "october", "november", "december"};
        return word(i) && tok_[i].cap && in(months, tok_[i].low);
    }

    bool year(int i) const {
        if (!word(i) || tok_[i].e - tok_[i].b != 4) return false;
        for (uint32_t p = tok_[i].b; p < tok_[i].e; ++p)
            if (!is_digit(cps_[p])) return false;
        return true;
    }

    // Walks back over adverbs, auxiliaries, negations and time phrases
    // between a subject and its verb; notes a negation.
    int skip_back(int j, int lower, bool& negated) const {
        for (int guard = 0; j >= lower && guard < 8; ++guard) {
            if (word(j) && in(negators(), tok_[j].low)) {
                negated = true;
                --j;
            } else if (word(j) && (tok_[j].low == "did" || tok_[j].low == "does" || tok_[j].low == "do" ||
                                   tok_[j].low == "was" || tok_[j].low == "is" || tok_[j].low == "were" ||
                                   tok_[j].low == "been" || tok_[j].low == "quoted" || tok_[j].low == "as" ||
                                   tok_[j].low == "having")) {
                --j;
            } else if (word(j) && (tok_[j].low == "denied" || tok_[j].low == "denies" || tok_[j].low == "deny" ||
                                   tok_[j].low == "denying")) {
                negated = true;  // "denied saying", "denies having said"
                --j;
            } else if (is(j, "to") && (is(j - 1, "declined") || is(j - 1, "refused") || is(j - 1, "wouldn't"))) {
                negated = true;
                j -= 2;
            } else if (adverb(j)) {
                --j;
            } else if (day(j) && is(j - 1, "on")) {
                j -= 2;
            } else if (day(j)) {
                --j;
            } else if (word(j) && (tok_[j].low == "week" || tok_[j].low == "month" || tok_[j].low == "year" ||
                                   tok_[j].low == "night" || tok_[j].low == "weekend") &&
                       (is(j - 1, "last") || is(j - 1, "this"))) {
                j -= 2;
            } else {
                break;
            }
        }
        return j;
    }

    // The noun phrase ending at token j ("the company", "a spokesman for
    // the ministry", "officials"), walking back at most a few words.
    Mention nominal_ending_at(int j, int lower) const {
        Mention m;
        if (!word(j)) return m;
        // The head: a noun for who speaks, or any plain lower-case word that is not a function word.
        const bool speaker_noun = in(role_nouns(), tok_[j].low) || in(speaker_plurals(), tok_[j].low);
        const bool plain = !tok_[j].cap && !in(sentence_initial_words(), tok_[j].low) && !in(titles(), tok_[j].low) &&
                           !adverb(j);
        if (!speaker_noun && !plain) return m;
        int start = -1;
        for (int p = j; p >= lower && p > j - 8; --p) {
            if (!word(p)) break;
            if (p < j && verb_at(p)) break;
            if (p < j && possessive(p)) {  // "Portugal's data protection authority", "the company's head"
                start = in(determiners(), low(p - 1)) && p - 1 >= lower ? p - 1 : p;
                break;
            }
            if (in(determiners(), tok_[p].low) && !(p < j && tok_[p].low == "that")) {
                start = p;
                // "a spokesman for the ministry": keep going past the preposition.
                if (word(p - 1) && (tok_[p - 1].low == "for" || tok_[p - 1].low == "of" || tok_[p - 1].low == "at" ||
                                    tok_[p - 1].low == "from"))
                    continue;
                break;
            }
            if (tok_[p].cap && sentence_initial(p) && in(sentence_initial_words(), tok_[p].low)) break;
        }
        if (start < 0) {  // a bare plural: "officials said", "Chinese officials said"
            if (!in(speaker_plurals(), tok_[j].low)) return m;
            start = j;
            if (word(j - 1) && j - 1 >= lower && !in(sentence_initial_words(), tok_[j - 1].low) && !verb_at(j - 1) &&
                !in(negators(), tok_[j - 1].low) && (tok_[j - 1].cap || tok_[j - 1].low.size() > 3) &&
                !adverb(j - 1) && !(tok_[j - 1].cap && !sentence_initial(j - 1) && run_at_[j - 1] < 0))
                start = j - 1;
        }
        m.k = Mention::K::Nominal;
        m.b = start;
        m.e = j + 1;
        m.source = in(document_nouns(), tok_[j].low);
        return m;
    }

    bool possessive(int i) const {
        if (!word(i)) return false;
        const std::string& w = tok_[i].low;
        return w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0;
    }

    static Mention pronoun_mention(int j) {
        Mention m;
        m.k = Mention::K::Pronoun;
        m.b = j;
        m.e = j + 1;
        return m;
    }

    Mention name_mention(int r) const {
        Mention m;
        const Run& run = runs_[r];
        if (run.b >= run.e) return m;
        m.k = Mention::K::Name;
        m.b = run.b;
        m.e = run.e;
        m.run = r;
        m.source = run.outlet;  // organisations speak; outlets report
        if (run.possessive) m.k = Mention::K::None;  // "Huawei's" names an owner, not a speaker
        return m;
    }

    // The subject of the reporting verb at v, to its left, not before token `lower`.
    Mention subject_before(int v, int lower, bool& negated) const {
        lower = std::max(lower, sent_b_[v]);
        int j = skip_back(v - 1, lower, negated);
        if (j < lower || j < 0) return {};
        if (word(j) && is_pronoun(tok_[j].low)) {
            return pronoun_mention(j);
        }
        if (comma(j)) {
            // An apposition between commas: "Ana Reyes, a spokeswoman, said" or
            // "the ministry's spokeswoman, Ana Reyes, said".
            int p = j - 1;
            while (p >= lower && p > j - 22 && !comma(p) && tok_[p].kind != Kind::Quote && !terminal(p)) --p;
            if (!comma(p) || p < lower) return {};
            const int r = run_at_[j - 1];
            if (r >= 0 && runs_[r].e == j && runs_[r].title_b == p + 1 && !runs_[r].org) return name_mention(r);
            // A second apposition before it: "Mei Tanaka, 62, who campaigns for …, said".
            if (word(p - 1) && is_digit(cps_[tok_[p - 1].b]) && comma(p - 2)) p -= 2;
            const int k = skip_back(p - 1, lower, negated);
            return subject_at(k, lower);
        }
        return subject_at(j, lower);
    }

    // A name, pronoun or noun phrase ending at token j.
    Mention subject_at(int j, int lower) const {
        if (j < lower || j < 0) return {};
        if (word(j) && is_pronoun(tok_[j].low)) {
            return pronoun_mention(j);
        }
        const int r = run_at_[j];
        if (r >= 0 && runs_[r].e == j + 1) return name_mention(r);
        return nominal_ending_at(j, lower);
    }

    // The subject after an inverted verb ("said Smith", "said the company",
    // "said Huawei spokesman William Plummer", "said the firm's chief
    // executive, Ana Reyes"), starting at token j, before `limit`.
    Mention subject_after(int j, int limit) const {
        if (j >= limit || !word(j)) return {};
        if (is_pronoun(tok_[j].low) && tok_[j].low != "it") {
            return pronoun_mention(j);
        }
        int p = j;
        bool role_seen = false;
        for (int guard = 0; p < limit && guard < 10; ++guard) {
            const int r = run_at_[p];
            if (r >= 0) {
                const Run& run = runs_[r];
                p = run.e;
                // An organisation or owner before a role: "Huawei spokesman …".
                if (run.possessive || (word(p) && !tok_[p].cap && in(role_nouns(), tok_[p].low)) ||
                    (run.b >= run.e)) {
                    if (run.b >= run.e) role_seen = true;  // only titles: "said the President, …"
                    continue;
                }
                return name_mention(r);
            }
            if (!word(p)) break;
            if (in(role_nouns(), tok_[p].low)) role_seen = true;
            if (verb_at(p) || tok_[p].low == "that" || tok_[p].low == "who") break;
            ++p;
        }
        // "said the firm's chief executive, Ana Reyes"
        if (role_seen && comma(p) && p + 1 < limit && run_at_[p + 1] >= 0) {
            const Run& run = runs_[run_at_[p + 1]];
            if (run.title_b == p + 1 && !run.org) return name_mention(run_at_[p + 1]);
        }
        // Otherwise a noun phrase: "said the company", "said a spokesman for the ministry".
        if (!in(determiners(), tok_[j].low) && !in(speaker_plurals(), tok_[j].low)) return {};
        int e = j;
        while (e < limit && e < j + 8 && word(e) && !verb_at(e) && tok_[e].low != "that" && tok_[e].low != "who" &&
               tok_[e].low != "in" && tok_[e].low != "on" && tok_[e].low != "at" && tok_[e].low != "to" &&
               !day(e) && !in(negators(), tok_[e].low))
            ++e;
        if (e == j || (e == j + 1 && in(determiners(), tok_[j].low))) return {};
        Mention m;
        m.k = Mention::K::Nominal;
        m.b = j;
        m.e = e;
        m.source = in(document_nouns(), tok_[e - 1].low);
        return m;
    }

    bool outlet_like(const Run& r) const {
        if (r.b >= r.e) return false;
        if (r.person) return false;
        if (r.outlet) return true;
        if (r.words == 1) return true;  // "told Reuters", "told AllThingsD"
        return false;
    }

    // A named outlet at token j ("Reuters", "the Financial Times", "The Verge").
    // With `lenient` ("in an interview with …", "speaking to …") any name
    // that is not a person's or a place's will do.
    Mention outlet_at(int j, int limit, bool lenient = false) const {
        const bool after_the = is(j, "the") && !tok_[j].cap;
        if (after_the) ++j;
        // "told French news site Les Echos", "told news site Les Echos"
        if (j < limit && word(j) && !tok_[j].cap && in(outlet_nouns(), tok_[j].low)) {
            int p = j;
            while (p < limit && p < j + 3 && word(p) && !tok_[p].cap) ++p;
            if (p < limit && run_at_[p] >= 0 && runs_[run_at_[p]].title_b == p && !runs_[run_at_[p]].person) {
                Mention m = name_mention(run_at_[p]);
                if (m) m.source = true;
                return m;
            }
            return {};
        }
        if (j >= limit || j >= n_ || run_at_[j] < 0) return {};
        int r = run_at_[j];
        // "told French journalists": a one-word name before a noun is an adjective;
        // "French newspaper Les Echos": the outlet is the name after the noun.
        if (runs_[r].words == 1 && runs_[r].e == j + 1 && word(j + 1) && !tok_[j + 1].cap &&
            !in(outlet_follow_words(), tok_[j + 1].low)) {
            int p = j + 1;
            bool noun = false;
            for (; p < limit && p < j + 4 && word(p) && !tok_[p].cap; ++p)
                if (in(outlet_nouns(), tok_[p].low)) noun = true;
            if (noun && p < limit && run_at_[p] >= 0 && runs_[run_at_[p]].title_b == p) {
                Mention m = name_mention(run_at_[p]);
                if (!m || runs_[run_at_[p]].person) return {};
                m.source = true;
                return m;
            }
            return {};
        }
        const Run& run = runs_[r];
        // "told the Felton Echo": people are not "the", so a name after it is an outlet (or an organisation).
        const bool named_the = (after_the || lenient) && !run.person && !run.org && !run.place;
        if (run.title_b != j || !(outlet_like(run) || named_the) || run.possessive || run.b >= run.e) return {};
        Mention m = name_mention(r);
        m.source = true;
        return m;
    }

    // Objects and adverbials after the verb that name a source: "told
    // Reuters", "in an interview with the Financial Times", "speaking to
    // Wired", "according to …". Looks at [a, z).
    void find_source(int a, int z, Attribution& at) const {
        for (int p = a; p < z && !at.source; ++p) {
            if (!word(p)) continue;
            const std::string& w = tok_[p].low;
            if (w == "told" || w == "tells") {
                at.source = outlet_at(p + 1, z);
                if (at.source) at.source_cue = "'told " + span_text(at.source.b, at.source.e) + "'";
            } else if ((w == "interview" || w == "statement" || w == "speaking" || w == "spoke" || w == "comments" ||
                        w == "remarks" || w == "email" || w == "podcast" || w == "appearance") &&
                       (is(p + 1, "with") || is(p + 1, "to") || is(p + 1, "on"))) {
                at.source = outlet_at(p + 2, z, true);
                if (at.source)
                    at.source_cue = "'" + w + " " + tok_[p + 1].low + " " + span_text(at.source.b, at.source.e) + "'";
            } else if (w == "according" && is(p + 1, "to")) {
                Mention m = according_target(p + 2, z);
                if (m && m.source) {
                    at.source = m;
                    at.source_cue = "'according to'";
                }
            } else if (w == "reported" && is(p + 1, "by")) {
                at.source = outlet_at(p + 2, z);
                if (at.source) at.source_cue = "'reported by'";
            }
        }
    }

    // After "according to": the name or noun phrase up to the next comma or
    // stop. A person is a speaker, anything else (an outlet, a document,
    // "people familiar with the matter") a source.
    Mention according_target(int j, int limit) const {
        int e = j;
        while (e < limit && e < j + 12 && !clause_punct(e) && !(e > j && verb_at(e))) ++e;
        if (e == j) return {};
        // A name in the phrase: the first after "by", "from", "in", "at", "of", or the one it starts with.
        int best = -1;
        for (int p = j; p < e; ++p) {
            const int r = run_at_[p];
            if (r < 0 || runs_[r].b >= runs_[r].e || runs_[r].title_b != p) continue;
            if (p == j || (p == j + 1 && is(j, "the")) ||
                (word(p - 1) && (tok_[p - 1].low == "by" || tok_[p - 1].low == "from" || tok_[p - 1].low == "in" ||
                                 tok_[p - 1].low == "of" || tok_[p - 1].low == "at")) ||
                (is(p - 1, "the") && word(p - 2) && (tok_[p - 2].low == "by" || tok_[p - 2].low == "from" ||
                                                      tok_[p - 2].low == "in" || tok_[p - 2].low == "of"))) {
                best = r;
                break;
            }
        }
        // "according to head teacher Ruth Adeyemi": roles before a person's name.
        if (best < 0) {
            int p = j;
            while (p < e && p < j + 4 && word(p) && !tok_[p].cap &&
                   (in(role_nouns(), tok_[p].low) || in(determiners(), tok_[p].low)))
                ++p;
            const int r = p > j && p < e ? run_at_[p] : -1;
            if (r >= 0 && runs_[r].title_b == p && runs_[r].e == e && runs_[r].person) {
                Mention named = name_mention(r);
                named.source = false;
                return named;
            }
        }
        Mention m;
        if (best >= 0) {
            const Run& run = runs_[best];
            const bool at_start = run.title_b == j || (run.title_b == j + 1 && is(j, "the"));
            if (at_start && run.e == e) {  // the phrase is the name: "Reuters", "Ana Reyes"
                m = name_mention(best);
                if (!m) return m;
                // A person is a speaker; an outlet or an organisation a source. Two
                // or more words that name no organisation, outlet or place: a person.
                const bool person = run.person || (!run.org && !run.outlet && !run.place && run.words >= 2);
                m.source = !person;
                return m;
            }
            m.run = best;  // "a report by the Environment Agency": the phrase, naming the agency
        }
        m.k = Mention::K::Nominal;
        m.b = j;
        m.e = e;
        m.source = true;
        return m;
    }

    // The subject of a reporting verb is its speaker, or its source when the
    // verb is "reported" or the subject an outlet or a document.
    void assign_subject(Attribution& at, Mention subject, int v) const {
        if (!subject) return;
        if (at.kind == VerbKind::Report || subject.source) {
            subject.source = true;
            at.source = subject;
            at.source_cue = "'" + span_text(subject.b, subject.e) + " " + tok_[v].low + "'";
        } else {
            at.speaker = subject;
        }
    }

    // Attribution after a closing quote: `"…," Smith said`, `"…," said the
    // company`, `"…," he told Reuters`, `"…," according to the ministry`.
    Attribution attribution_after(const Quote& q, int limit) const {
        Attribution at;
        if (q.close < 0) return at;
        // After `"Never again!"` or `"We are done."` a short clause still
        // attributes it (`Tom Hill said.`); a longer one is a sentence of its
        // own (`She said the firm would appeal.`).
        const bool crossed = boundary_after(q.close);
        int k = q.close + 1;
        if (comma(k) || dash(k)) ++k;
        if (k >= limit || newline(k)) return at;
        const int z = std::min({limit, sent_e_[k], k + 16});
        for (int v = k; v < std::min(z, k + 9); ++v) {
            if (tok_[v].kind == Kind::Quote || newline(v)) break;
            if (is(v, "according") && is(v + 1, "to")) {
                if (crossed) return at;  // "… done." According to X, …: a sentence of its own
                Mention m = according_target(v + 2, z);
                if (!m) return at;
                at.verb = v;
                at.kind = VerbKind::According;
                at.cue = "'according to'";
                (m.source ? at.source : at.speaker) = m;
                if (m.source) at.source_cue = "'according to'";
                return at;
            }
            const VerbKind* kind = verb_at(v);
            if (!kind) continue;
            at.verb = v;
            at.kind = *kind;
            at.cue = "'" + tok_[v].low + "'";
            Mention subject;
            int after_subject = v + 1;
            if (v == k || (v == k + 1 && adverb(k))) {
                subject = subject_after(v + 1, z);
                if (subject) after_subject = subject.e;
            } else {
                bool negated = false;
                subject = subject_before(v, k, negated);
                at.negated = negated;
                if (subject && subject.b < k) subject = {};
            }
            assign_subject(at, subject, v);
            if (*kind == VerbKind::Tell && !at.source) {
                at.source = outlet_at(after_subject, z);
                if (at.source) {
                    at.source_cue = "'told " + span_text(at.source.b, at.source.e) + "'";
                    after_subject = at.source.e;
                }
            }
            if (crossed) {
                int p = after_subject;
                while (p < z && p < after_subject + 6 && word(p) && !is(p, "that") && !clause_start(p)) ++p;
                if (!(p >= z || terminal(p) || newline(p) || comma(p))) return Attribution{};
            }
            find_source(after_subject, z, at);
            return at;
        }
        return at;
    }

    // Attribution before an opening quote: `Smith said: "…"`, `he told
    // Reuters "…"`, `the company said in a statement, "…"`, `Smith said that "…"`.
    Attribution attribution_before(const Quote& q) const {
        Attribution at;
        int j = q.open - 1;
        if (j < 0) return at;
        bool lead = false;  // ':' ',' or "that" right before the quote
        if (punct(j, ':') || comma(j) || dash(j) || is(j, "that")) {
            --j;
            lead = true;
        } else if (newline(j)) {  // "Smith said:" closing the paragraph before
            while (newline(j)) --j;
            if (!punct(j, ':')) return at;
            --j;
            lead = true;
        }
        if (j < 0 || in_quote_[j] >= 0) return at;
        const int lower = std::max(sent_b_[j], j - 9);
        for (int v = j; v >= lower; --v) {
            if (in_quote_[v] >= 0 || terminal(v)) break;
            if (is(v, "according") && is(v + 1, "to")) {
                if (!lead) break;
                Mention m = according_target(v + 2, j + 1);
                if (!m) break;
                at.verb = v;
                at.kind = VerbKind::According;
                at.cue = "'according to'";
                (m.source ? at.source : at.speaker) = m;
                if (m.source) at.source_cue = "'according to'";
                return at;
            }
            const VerbKind* kind = verb_at(v);
            if (!kind) {
                // Only complements may stand between the verb and the quote.
                if (!complement_word(v)) break;
                continue;
            }
            at.verb = v;
            at.kind = *kind;
            at.cue = "'" + tok_[v].low + "'";
            bool negated = false;
            Mention subject = subject_before(v, 0, negated);
            at.negated = negated;
            assign_subject(at, subject, v);
            if (*kind == VerbKind::Tell && !at.source) {
                at.source = outlet_at(v + 1, j + 1);
                if (at.source) at.source_cue = "'told " + span_text(at.source.b, at.source.e) + "'";
            }
            find_source(v + 1, j + 1, at);
            if (subject) find_source(std::max(sent_b_[v], subject.b - 16), subject.b, at);  // "In an interview with X, Y said:"
            return at;
        }
        return at;
    }

    // Words that may stand between a reporting verb and its quote.
    bool complement_word(int i) const {
        if (i >= 0 && i < n_ && tok_[i].kind == Kind::Punct)
            return tok_[i].ch == ',' || tok_[i].ch == '.' || tok_[i].ch == 0x2019 || tok_[i].ch == '\'';
        if (!word(i)) return false;
        if (run_at_[i] >= 0) return true;
        static const WordSet ok{
            "on",     "in",      "at",       "to",         "a",         "an",       "the",       "statement",
            "interview", "news", "press",    "conference", "briefing",  "yesterday", "today",    "earlier",
            "later",  "last",    "week",     "month",      "year",      "night",    "with",      "reporters",
            "journalists", "post", "blog",   "letter",     "email",     "speech",   "it",        "simply",
            "told",   "this",    "morning",  "afternoon",  "evening",   "video",    "message",   "hearing",
            "meeting", "rally",  "event",    "his",        "her",       "their",    "its",       "social",
            "media",  "written", "recent",   "radio",      "television", "tv",      "podcast",   "local",
            "an",     "also",    "then",     "again",      "once",      "recently", "emailed",   "telephone",
            "phone",  "call",    "during",   "after",      "before",    "audience", "crowd",     "committee",
            "lawmakers", "colleagues", "supporters", "friends", "us",  "me",        "him",       "them"};
        return in(ok, tok_[i].low) || adverb(i) || day(i);
    }

    // ---- emitting ----

    // A claim without the quotation marks around it and the punctuation after
    // it. Quote marks that pair up inside the claim stay: `the plan was
    // "reckless."` keeps its quoted word whole. Linear: the marks are counted once.
    Range trimmed(uint32_t b, uint32_t e) const {
        size_t marks = 0;  // double quote marks in [b, e)
        for (uint32_t i = b; i < e; ++i) marks += is_double_quote(cps_[i]) ? 1 : 0;
        // Leading: spaces, ellipses, dashes, and a quote mark whose partner is not in the claim.
        while (b < e) {
            const char32_t c = cps_[b];
            if (is_double_quote(c)) {
                if ((marks - 1) % 2 == 1) break;  // it opens a quote closed inside the claim
                --marks;
            } else if (!(is_space(c) || c == '\n' || c == 0x2026 || c == 0x2014 || c == 0x2013 ||
                         (c == '.' && b + 1 < e && cps_[b + 1] == '.'))) {
                break;
            }
            ++b;
        }
        // Trailing: spaces, commas, points, colons, semicolons, dashes,
        // ellipses, unpaired quote marks; not ? or !.
        while (e > b) {
            const char32_t c = cps_[e - 1];
            if (is_double_quote(c)) {
                if ((marks - 1) % 2 == 1) break;  // it closes a quote opened inside the claim
                --marks;
            } else if (c == '.') {
                // Keep the point of an abbreviation at the end ("the U.S.").
                if (e >= b + 3 && is_letter(cps_[e - 2]) && cps_[e - 3] == '.') break;
            } else if (!(is_space(c) || c == '\n' || c == ',' || c == ';' || c == ':' || c == 0x2014 || c == 0x2013 ||
                         c == 0x2026 || c == 0xFF0C)) {
                break;
            }
            --e;
        }
        return Range{b, e};
    }

    size_t add(Suggestion s) {
        const bool one = s.ranges.size() == 1;
        if (one) {
            const auto key = std::make_tuple(static_cast<int>(s.role), s.ranges[0].start, s.ranges[0].end);
            const auto it = span_index_.find(key);
            if (it != span_index_.end()) {
                Suggestion& old = out_.spans[it->second];
                if (s.confidence > old.confidence) {
                    old.confidence = s.confidence;
                    old.why = s.why;
                }
                return it->second;
            }
            span_index_.emplace(key, out_.spans.size());
        }
        out_.spans.push_back(std::move(s));
        return out_.spans.size() - 1;
    }

    void link(int from, int to, RelationType type) {
        if (from < 0 || to < 0) return;
        out_.links.push_back(SuggestedLink{static_cast<size_t>(from), static_cast<size_t>(to), type});
    }

    // Who a name refers to: a known entity by name or alias, or the full name
    // that appeared earlier ("Mr. Ren" -> "Ren Zhengfei"), or itself.
    std::string resolve(int r, Id& entity_id) const {
        const Run& run = runs_[r];
        const std::string bare = bare_name(run);
        for (const std::string& key : {fold(span_text(run.b, run.e)), fold(bare)}) {
            const auto it = known_names_.find(key);
            if (it != known_names_.end()) {
                entity_id = it->second;
                return opt_.known->entity(it->second)->name;
            }
        }
        if (run.words == 1 && !run.org) {
            const std::string key = fold(bare);
            const auto it = runs_by_word_.find(key);
            if (it != runs_by_word_.end()) {
                // The latest multi-word run before this one holding the word,
                // a person's if one of the last few is.
                const auto after = std::lower_bound(it->second.begin(), it->second.end(), r);
                if (after != it->second.begin()) {
                    auto pick = after - 1;
                    for (auto p = after; p != it->second.begin() && after - p < 16;) {
                        --p;
                        if (runs_[*p].person) {
                            pick = p;
                            break;
                        }
                    }
                    return resolve(*pick, entity_id);
                }
            }
            const auto words = known_words_.find(key);
            if (words != known_words_.end() && words->second.size() == 1) {
                entity_id = words->second[0];
                return opt_.known->entity(entity_id)->name;
            }
        }
        return bare;
    }

    int emit_mention(const Mention& m, const std::string& why, double confidence) {
        if (!m || m.k == Mention::K::Pronoun || m.b >= m.e) return -1;
        Suggestion s;
        s.role = m.source ? LabelRole::Source : LabelRole::Speaker;
        s.ranges.push_back(Range{tok_[m.b].b, tok_[m.e - 1].e});
        s.why = why;
        s.confidence = confidence;
        if (m.run >= 0) {
            Id id = kNoId;
            s.entity = resolve(m.run, id);
            s.entity_id = id;
            if (id != kNoId) s.confidence = std::min(1.0, s.confidence + 0.05);
            if (m.k == Mention::K::Name && !m.source) speaker_run_[m.run] = true;
        }
        return static_cast<int>(add(std::move(s)));
    }

    // A name standing where subjects stand: at a sentence's start, after a
    // comma (an apposition) or after a role ("club chairman Peter Okafor").
    bool subject_position(const Run& r) const {
        const int t = r.title_b;
        return sentence_initial(t) || comma(t - 1) || (word(t - 1) && in(role_nouns(), tok_[t - 1].low));
    }

    // The person (he, she) or organisation (it) a pronoun at token p stands
    // for: the nearest name before it, outside quotations, within a few
    // paragraphs, preferring names in subject position or already speakers
    // ("wanted Lowe to stay" is rarely who "she said" means).
    int antecedent(int p) const {
        const int gender = pronoun_gender(tok_[p].low);
        if (gender == 2) return -1;
        const int min_para = para_[p] - 4;  // blank lines are paragraphs too: two paragraphs of text
        int fallback = -1;
        int seen = 0;
        for (int i = p - 1; i >= 0 && i > p - 3 * kMaxSentence && seen < 40; --i) {
            if (para_[i] < min_para) break;
            const int r = run_at_[i];
            if (r < 0) continue;
            const Run& run = runs_[r];
            i = run.title_b;  // the loop's --i then steps over the run
            ++seen;
            if (run.b >= run.e || run.possessive) continue;
            if (gender == 0) {
                if (run.org && !run.outlet) return r;
                continue;
            }
            if (run.org || run.place || run.outlet) continue;
            if (run.gender != 0 && run.gender != gender) continue;
            if (!run.person && run.words < 2) continue;
            if (speaker_run_[r] || subject_position(run)) return r;
            if (fallback < 0) fallback = r;
        }
        return fallback;
    }

    // Speaker and source of an attribution as suggestion indices (-1: none).
    ClaimSource emit_attribution(const Attribution& at, std::string& why, double& confidence) {
        ClaimSource c;
        const Mention& sp = at.speaker;
        if (sp.k == Mention::K::Pronoun) {
            const int r = antecedent(sp.b);
            const std::string pronoun = tok_[sp.b].low;
            if (r >= 0) {
                Mention m = name_mention(r);
                m.source = false;
                c.speaker = emit_mention(m, "named before '" + pronoun + " " + tok_[at.verb].low + "'",
                                         runs_[r].person ? 0.7 : 0.5);
                if (c.speaker >= 0) why += " (" + pronoun + " -> " + out_.spans[c.speaker].entity + ")";
                confidence -= 0.1;
            } else {
                why += " ('" + pronoun + "', not resolved)";
                confidence -= 0.25;
            }
        } else if (sp) {
            const bool named = sp.k == Mention::K::Name;
            std::string how = "subject of " + at.cue;
            if (named && sp.b > 0 && word(runs_[sp.run].title_b - 1) && in(role_nouns(), low(runs_[sp.run].title_b - 1)))
                how = "apposition '" + low(runs_[sp.run].title_b - 1) + " " + span_text(sp.b, sp.e) + "' + " + at.cue;
            if (at.kind == VerbKind::According) how = "'according to " + span_text(sp.b, sp.e) + "'";
            c.speaker = emit_mention(sp, how, named ? 0.85 : 0.6);
            if (!named) confidence -= 0.1;
        }
        if (at.source) {
            c.source = emit_mention(at.source, at.source_cue.empty() ? "source " + at.cue : at.source_cue,
                                    at.source.k == Mention::K::Name ? 0.8 : 0.55);
            if (!at.source_cue.empty() && at.source_cue != at.cue) why += " + " + at.source_cue;
        }
        return c;
    }

    size_t add_claim(std::vector<Range> ranges, const std::string& why, double confidence, const ClaimSource& c) {
        Suggestion s;
        s.role = LabelRole::Claim;
        s.ranges = std::move(ranges);
        s.why = why;
        s.confidence = std::max(0.05, std::min(1.0, confidence));
        const size_t i = add(std::move(s));
        link(static_cast<int>(i), c.speaker, RelationType::SaidBy);
        link(static_cast<int>(i), c.source, RelationType::ReportedBy);
        return i;
    }

    Range content(const Quote& q) const {
        const uint32_t b = tok_[q.open].e;
        const uint32_t e = q.close >= 0 ? tok_[q.close].b : tok_[q.end - 1].e;
        return trimmed(b, std::max(b, e));
    }

    int word_count(const Quote& q) const {
        int words = 0;
        const int last = q.close >= 0 ? q.close : q.end;
        for (int i = q.open + 1; i < last; ++i) words += word(i) ? 1 : 0;
        return words;
    }

    // The next top-level quote in the same paragraph, if nothing but an
    // attribution clause stands between (for interrupted quotes).
    int next_quote_in_paragraph(int q) const {
        if (q + 1 >= static_cast<int>(quotes_.size())) return -1;
        const Quote& a = quotes_[q];
        const Quote& b = quotes_[q + 1];
        if (a.close < 0 || para_[b.open] != para_[a.open]) return -1;
        return q + 1;
    }

    void do_quote(int qi) {
        Quote& q = quotes_[qi];
        if (q.consumed) return;
        const Range first = content(q);
        if (first.empty()) return;
        const int next = next_quote_in_paragraph(qi);
        const int limit = next >= 0 ? quotes_[next].open : n_;
        Attribution at = attribution_after(q, limit);
        bool after_side = true;
        if (!at.found()) {
            Attribution before = attribution_before(q);
            if (before.found()) {
                at = before;
                after_side = false;
            }
        }
        // A quote running on into the next paragraph is attributed where it ends.
        if (!at.found() && q.close < 0 && qi + 1 < static_cast<int>(quotes_.size()) &&
            quotes_[qi + 1].continued_from == qi) {
            const int after = next_quote_in_paragraph(qi + 1);
            Attribution later = attribution_after(quotes_[qi + 1], after >= 0 ? quotes_[after].open : n_);
            if (later.found()) at = later;
        }
        if (at.found()) used_[at.verb] = true;
        if (at.found() && (at.negated || at.kind == VerbKind::Ask)) return;  // "never said", a question: no claim
        std::vector<Range> ranges{first};
        std::string why;
        double confidence = 0;
        ClaimSource c;
        int merged = -1;
        if (at.found()) {
            why = "quotation + reporting verb " + at.cue;
            if (at.kind == VerbKind::According) why = "quotation + " + at.cue;
            if (at.kind == VerbKind::Report) why = "quotation + " + (at.source_cue.empty() ? at.cue : at.source_cue);
            confidence = 0.9;
            if (at.speaker.k == Mention::K::None) confidence = 0.75;
            // An interrupted quote: `"We are not interested," he told AllThingsD, "anymore."`
            if (after_side && next >= 0) {
                Quote& n2 = quotes_[next];
                const int gap = n2.open - q.close;
                const bool continues = comma(q.close - 1) || !terminal(q.close - 1);
                const bool lower_start = word(n2.open + 1) && !tok_[n2.open + 1].cap;
                // One sentence: `"…," he said, "…"` or a lower-case continuation.
                // `"…," he said. "Next …"` is a new sentence, so a new claim.
                if (gap <= 18 && ((comma(n2.open - 1) && continues) || lower_start) && no_verb_between(at, n2.open)) {
                    const Range second = content(n2);
                    if (!second.empty()) {
                        ranges.push_back(second);
                        n2.consumed = true;
                        merged = next;
                        why += "; interrupted by the attribution";
                    }
                }
            }
            c = emit_attribution(at, why, confidence);
        } else {
            // No attribution of its own: a quote continuing the speaker of the
            // quote before it (in the paragraph, or a multi-paragraph quote).
            int prev = -1;
            if (q.continued_from >= 0)
                prev = q.continued_from;
            else if (qi > 0 && quotes_[qi - 1].close >= 0 && para_[quotes_[qi - 1].open] == para_[q.open])
                prev = qi - 1;
            if (prev >= 0 && (quote_claim_[prev].speaker >= 0 || quote_claim_[prev].source >= 0)) {
                c = quote_claim_[prev];
                why = "quotation continuing the previous speaker's words";
                confidence = 0.65;
            } else {
                // A long sentence-like quotation is probably a claim, even unattributed;
                // short ones are scare quotes or titles.
                const int last = q.close >= 0 ? q.close - 1 : q.end - 1;
                const bool sentence_like = word_count(q) >= 6 && word(q.open + 1) && tok_[q.open + 1].cap &&
                                           (terminal(last) || comma(last));
                if (!sentence_like) return;
                why = "quotation without an attribution";
                confidence = 0.35;
            }
        }
        add_claim(ranges, why, confidence, c);
        quote_claim_[qi] = c;
        if (merged >= 0) quote_claim_[merged] = c;
        if (at.found()) sentence_claim_[sent_b_[at.verb]] = c;
    }

    bool no_verb_between(const Attribution& at, int until) const {
        for (int i = at.verb + 1; i < until; ++i)
            if (verb_at(i) && tok_[i].low != "told") return false;
        return true;
    }

    // Skips time and place adverbials and interview phrases after a verb,
    // noting a source they name ("in an interview with Wired").
    int skip_adverbials(int k, int z, Attribution& at) const {
        for (int guard = 0; k < z && guard < 6; ++guard) {
            if (adverb(k) || is(k, "yesterday") || is(k, "today") || is(k, "earlier") || is(k, "later")) {
                ++k;
            } else if (is(k, "on") && (day(k + 1) || is(k + 1, "twitter") || is(k + 1, "x") || is(k + 1, "facebook") ||
                                       is(k + 1, "linkedin") || is(k + 1, "instagram") || is(k + 1, "air") ||
                                       is(k + 1, "television") || is(k + 1, "radio"))) {
                k += 2;
            } else if (day(k)) {
                ++k;
            } else if ((is(k, "in") || is(k, "on") || is(k, "since") || is(k, "by") || is(k, "until")) &&
                       (month(k + 1) || year(k + 1))) {  // "in March", "in March 2019", "in 2019"
                k += 2;
                if (year(k)) ++k;
            } else if ((is(k, "last") || is(k, "this") || is(k, "next")) && word(k + 1) &&
                       (day(k + 1) || tok_[k + 1].low == "week" || tok_[k + 1].low == "month" ||
                        tok_[k + 1].low == "year" || tok_[k + 1].low == "night" || tok_[k + 1].low == "weekend")) {
                k += 2;
            } else if ((is(k, "in") || is(k, "at") || is(k, "during")) && word(k + 1) &&
                       in(determiners(), tok_[k + 1].low)) {
                // "in a statement", "at a news conference", "in an interview with Wired"
                int e = k + 2;
                while (e < z && e < k + 6 && word(e) && !in(determiners(), tok_[e].low) && tok_[e].low != "that" &&
                       !verb_at(e) && !is_pronoun(tok_[e].low))
                    ++e;
                static const WordSet heads{"statement", "interview", "post",  "letter",     "email",   "speech",
                                           "tweet",     "memo",      "report", "blog",      "video",   "message",
                                           "note",      "briefing",  "filing", "conference", "hearing", "meeting",
                                           "event",     "rally",     "summit", "podcast",   "call",    "session",
                                           "address",   "newsletter", "op-ed", "column",    "broadcast", "appearance"};
                bool head = false;
                for (int p = k + 2; p < e; ++p) head = head || in(heads, tok_[p].low);
                if (!head) break;
                // "… with/to <outlet>"
                if ((is(e, "with") || is(e, "to") || is(e, "on")) && !at.source) {
                    Mention m = outlet_at(e + 1, z, true);
                    if (m) {
                        at.source = m;
                        at.source_cue = "'" + tok_[e - 1].low + " " + tok_[e].low + " " + span_text(m.b, m.e) + "'";
                        e = m.e;
                    }
                }
                k = e;
            } else if (is(k, "to") && (is(k + 1, "reporters") || is(k + 1, "journalists"))) {
                k += 2;
            } else {
                break;
            }
        }
        return k;
    }

    // A past-tense verb starting a second predicate of the sentence's
    // subject: "… conclusions and called for a review".
    bool past_tense(int i) const {
        if (!word(i) || tok_[i].cap) return false;
        const std::string& w = tok_[i].low;
        static const WordSet irregular{"said", "told", "gave", "made", "took", "went", "came", "wrote", "left", "met",
                                       "sent", "spent", "kept", "held", "brought", "began", "became", "won", "lost",
                                       "urged", "vowed", "declined", "refused"};
        return in(irregular, w) || (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0 && !in(adverbs(), w));
    }

    // Where an indirect claim ends: the sentence's end, a second
    // attribution (", adding that", ", according to", ", he said"), or a
    // second predicate ("and called for …"). A coordinated "and that …" ends
    // it too, and `next` is where that second claim starts (else -1).
    int clause_end(int b, int& next) const {
        next = -1;
        if (b >= n_) return b;  // "… said that" ending the text
        const int e = sent_e_[b];
        for (int i = b; i < e; ++i) {
            if (newline(i)) return i;
            if ((is(i, "and") || is(i, "but")) && i > b + 2 && in_quote_[i] < 0) {
                if (is(i + 1, "that") && i + 2 < e) {
                    next = i + 2;
                    return i;
                }
                if (past_tense(i + 1)) return i;
            }
            if (comma(i) && i + 1 < e) {
                const VerbKind* v = verb_at(i + 1);
                if (v && tok_[i + 1].low.size() > 3 && tok_[i + 1].low.compare(tok_[i + 1].low.size() - 3, 3, "ing") == 0)
                    return i;
                if (is(i + 1, "according") && is(i + 2, "to")) return i;
                bool negated = false;
                int p = i + 1;
                while (p < e && p < i + 6 && !verb_at(p) && !comma(p)) ++p;
                if (verb_at(p) && (comma(p + 1) || terminal(p + 1) || p + 1 >= e)) {
                    const Mention m = subject_before(p, i + 1, negated);
                    if (m && m.b == i + 1) return i;
                }
            }
        }
        return e;
    }

    // Could a reported clause without "that" start at k? ("said the plant
    // would close", "said it was", "said groundwater levels were").
    bool clause_start(int k) const {
        if (!word(k)) return false;
        const std::string& w = tok_[k].low;
        if (w == "it" || w == "he" || w == "she" || w == "they" || w == "we" || w == "there" || w == "i") return true;
        if (in(determiners(), w) && w != "that") return true;
        const int r = run_at_[k];
        if (r >= 0) return runs_[r].title_b == k && word(runs_[r].e) && !tok_[runs_[r].e].cap;
        // A bare noun, but not an object, a preposition or an indirect question ("said nothing", "said whether").
        static const WordSet not_clause{
            "nothing", "something", "so",     "yes",   "no",      "goodbye", "little", "much",    "more",
            "less",    "hello",     "thanks", "sorry", "in",      "on",      "at",     "to",      "for",
            "with",    "by",        "from",   "of",    "about",   "after",   "before", "during",  "as",
            "if",      "when",      "while",  "because", "but",   "and",     "or",     "not",     "only",
            "just",    "very",      "too",    "also",  "still",   "again",   "however", "why",    "how",
            "what",    "whether",   "who",    "where", "which",   "this",    "anything", "everything", "enough",
            "otherwise", "instead", "later",  "earlier", "afterwards", "recently", "publicly", "privately",
            "is",        "are",     "was",    "were",  "be",      "been",    "has",    "have",    "had",
            "will",      "would",   "can",    "could", "should",  "may",     "might",  "must",    "do",
            "does",      "did"};
        return !tok_[k].cap && !in(not_clause, w) && !verb_at(k) && !adverb(k) && !in(negators(), w);
    }

    // Verbs that take a reported clause without "that" ("said the plant
    // would close"); others need the "that" ("announced the closure" is not speech).
    bool bare_clause_verb(const std::string& w) const {
        static const WordSet verbs{"said",    "says",      "say",      "told",     "tells",    "added",   "adds",
                                   "claimed", "claims",    "insisted", "insists",  "argued",   "argues",  "warned",
                                   "warns",   "noted",     "wrote",    "writes",   "reported", "reports", "estimated",
                                   "predicted", "acknowledged", "admitted", "conceded", "stressed", "explained",
                                   "believes"};
        return in(verbs, w);
    }

    // The object of "told": an outlet (a source), a person or people
    // ("told Smith", "told the committee", "told reporters"). Returns the
    // token after it, or -1 when there is none.
    int skip_tell_object(int k, int z, Attribution& at) const {
        const Mention outlet = outlet_at(k, z);
        if (outlet) {
            at.source = outlet;
            at.source_cue = "'told " + span_text(outlet.b, outlet.e) + "'";
            return outlet.e;
        }
        // "told Smith", "told French journalists", "told the committee", "told reporters":
        // names and nouns up to "that", a determiner, a pronoun or a preposition.
        static const WordSet stop{"that", "on", "in", "at", "during", "after", "before", "when", "by", "for",
                                  "with", "about", "last", "this", "earlier", "yesterday", "today", "there"};
        int e = k;
        if (word(e) && in(determiners(), tok_[e].low)) ++e;
        while (e < z && e < k + 5 && word(e) && !in(stop, tok_[e].low) && !in(determiners(), tok_[e].low) &&
               !is_pronoun(tok_[e].low) && !verb_at(e)) {
            if (run_at_[e] >= 0 && runs_[run_at_[e]].title_b == e)
                e = runs_[run_at_[e]].e;
            else
                ++e;
        }
        return e > k ? e : -1;
    }

    // Indirect speech: "X said that …", "X told reporters the …", "Reuters
    // reported that …", and a clause attributed at its end: "The plant will
    // close, the company said." / "…, said Ana Reyes."
    void do_indirect(int v) {
        const VerbKind kind = *verb_at(v);
        if (kind == VerbKind::Ask || kind == VerbKind::Deny) return;  // "denied that X": X is not their claim
        const std::string& w = tok_[v].low;
        const bool participle = w.size() > 3 && w.compare(w.size() - 3, 3, "ing") == 0;
        Attribution at;
        at.verb = v;
        at.kind = kind;
        at.cue = "'" + w + "'";
        ClaimSource inherited;
        bool inherit = false;
        Mention subject;
        bool inverted = false;
        if (participle && comma(v - 1)) {
            // ", adding that …": the subject of the sentence's attribution.
            const auto it = sentence_claim_.find(sent_b_[v]);
            if (it == sentence_claim_.end()) return;
            inherited = it->second;
            inherit = true;
        } else {
            bool negated = false;
            subject = subject_before(v, 0, negated);
            if (negated) return;
            if (!subject && comma(v - 1)) {
                subject = subject_after(v + 1, sent_e_[v]);
                inverted = true;
            }
            if (!subject) return;
            if (kind == VerbKind::Report && subject.k == Mention::K::Pronoun) return;
            assign_subject(at, subject, v);
            if (!inverted) find_source(std::max(sent_b_[v], subject.b - 16), subject.b, at);  // "In an interview with X, Y said"
        }
        const int s = sent_b_[v], z = sent_e_[v];
        int k = inverted ? subject.e : v + 1;
        if (kind == VerbKind::Tell) {
            k = skip_tell_object(k, z, at);
            if (k < 0) return;
        }
        k = skip_adverbials(k, z, at);
        int b, e, next = -1;
        double confidence;
        std::string why;
        const int head = inverted ? v : subject.b;
        if (!inherit && head - 1 > s && comma(head - 1) && (k >= z || terminal(k) || newline(k))) {
            // "The plant will close, the company said."
            b = s;
            e = head - 1;
            confidence = 0.6;
            why = "clause + " + (inverted ? at.cue + " " + span_text(subject.b, subject.e)
                                          : span_text(subject.b, subject.e) + " " + at.cue);
            for (int p = b; p < e; ++p)  // a quotation there was attributed as one
                if (in_quote_[p] >= 0) return;
        } else {
            if (inverted) return;
            // A quotation follows: it is the claim, attributed when its turn comes.
            for (int p = k; p < std::min(z, k + 3); ++p) {
                if (tok_[p].kind == Kind::Quote && quote_of_open_[p] >= 0) return;
                if (!punct(p, ':') && !comma(p) && !is(p, "that")) break;
            }
            if (is(k, "that")) {
                b = k + 1;
                confidence = 0.7;
                at.cue = "'" + w + " that'";
            } else if (bare_clause_verb(w) && clause_start(k)) {
                b = k;
                confidence = 0.5;
            } else {
                return;
            }
            e = clause_end(b, next);
            why = "indirect speech: " + at.cue;
        }
        if (e - b < 3) return;
        const Range r = trimmed(tok_[b].b, tok_[e - 1].e);
        if (r.empty()) return;
        used_[v] = true;
        ClaimSource c;
        if (inherit) {
            c = inherited;
            why += " (the sentence's speaker)";
        } else {
            c = emit_attribution(at, why, confidence);
        }
        add_claim({r}, why, confidence, c);
        sentence_claim_[s] = c;
        // "said that X and that Y": Y is a second claim of the same speaker.
        for (int guard = 0; next >= 0 && guard < 4; ++guard) {
            const int b2 = next;
            const int e2 = clause_end(b2, next);
            if (e2 - b2 < 3) break;
            const Range r2 = trimmed(tok_[b2].b, tok_[e2 - 1].e);
            if (!r2.empty()) add_claim({r2}, why + "; a second 'that' clause", confidence - 0.05, c);
        }
    }

    // "According to X, …" / "…, according to X." without a quotation.
    void do_according(int a) {
        used_[a] = true;
        const int s = sent_b_[a], z = sent_e_[a];
        const Mention m = according_target(a + 2, z);
        if (!m) return;
        int np_end = m.e;
        while (np_end < z && !clause_punct(np_end)) ++np_end;  // the rest of the phrase ("… familiar with the matter")
        // An apposition or relative clause after it: "According to Jane Li,
        // chief operating officer of …, the …", "…, whose school is …, the …".
        if (comma(np_end) && word(np_end + 1) &&
            (in(determiners(), low(np_end + 1)) || in(role_nouns(), low(np_end + 1)) || in(titles(), low(np_end + 1)) ||
             low(np_end + 1) == "who" || low(np_end + 1) == "whose" || low(np_end + 1) == "which")) {
            int p = np_end + 1;
            while (p < z && p < np_end + 20 && !comma(p) && !terminal(p) && tok_[p].kind != Kind::Quote) ++p;
            if (comma(p)) np_end = p;
        }
        // A quotation right after it is attributed when its turn comes.
        if (comma(np_end) && np_end + 1 < n_ && quote_of_open_[np_end + 1] >= 0) return;
        std::vector<Range> ranges;
        auto part = [&](int b, int e) {
            int words = 0;
            for (int p = b; p < e; ++p) words += word(p) ? 1 : 0;
            if (words < 3) return;  // "In addition, according to …": not a claim
            const Range r = trimmed(tok_[b].b, tok_[e - 1].e);
            if (!r.empty()) ranges.push_back(r);
        };
        if (a == s || sentence_initial(a)) {
            if (!comma(np_end)) return;
            part(np_end + 1, z);
        } else if (comma(a - 1)) {
            part(s, a - 1);
            if (comma(np_end)) part(np_end + 1, z);
        } else {
            part(s, a);
        }
        if (ranges.empty()) return;
        for (const Range& r : ranges)  // a claim that is a quotation was attributed as one
            for (int i = s; i < z; ++i)
                if (in_quote_[i] >= 0 && quotes_[in_quote_[i]].open == i && tok_[i].b >= r.start && tok_[i].b < r.end)
                    return;
        Attribution at;
        at.verb = a;
        at.kind = VerbKind::According;
        at.cue = "'according to'";
        (m.source ? at.source : at.speaker) = m;
        if (m.source) at.source_cue = "'according to'";
        std::string why = "'according to'";
        double confidence = 0.65;
        const ClaimSource c = emit_attribution(at, why, confidence);
        add_claim(ranges, why, confidence, c);
    }

    // ---- the result ----

    bool excluded(uint32_t cp) const {
        if (!opt_.known || opt_.doc.empty()) return false;
        const ZoneKind z = opt_.known->zone_at(opt_.doc, cp);
        return z == ZoneKind::Comments || z == ZoneKind::Furniture;
    }

    // Drops overlapping duplicates (per role, the more confident one stays and
    // inherits the other's links), then sorts by position.
    Suggestions finish() {
        std::vector<Suggestion>& spans = out_.spans;
        const size_t n = spans.size();
        std::vector<size_t> order(n);
        for (size_t i = 0; i < n; ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            if (spans[a].confidence != spans[b].confidence) return spans[a].confidence > spans[b].confidence;
            return spans[a].end() - spans[a].start() > spans[b].end() - spans[b].start();
        });
        std::vector<long> target(n, -1);  // kept: itself; dropped: the span that replaces it, or -2
        std::map<uint32_t, std::pair<uint32_t, size_t>> taken[3];  // per role: start -> (end, span)
        for (size_t i : order) {
            const Suggestion& s = spans[i];
            const int role = static_cast<int>(s.role);
            if (role > 2 || s.ranges.empty()) continue;
            bool zone_out = false;
            for (const Range& r : s.ranges) zone_out = zone_out || excluded(r.start);
            if (zone_out) {
                target[i] = -2;
                continue;
            }
            long clash = -1;
            for (const Range& r : s.ranges) {
                auto it = taken[role].lower_bound(r.end);  // first range starting at or after our end
                if (it != taken[role].begin()) {
                    --it;
                    if (it->second.first > r.start) clash = static_cast<long>(it->second.second);
                }
                if (clash >= 0) break;
            }
            if (clash >= 0) {
                target[i] = clash;
                continue;
            }
            target[i] = static_cast<long>(i);
            for (const Range& r : s.ranges) taken[role][r.start] = {r.end, i};
        }
        std::vector<size_t> kept;
        for (size_t i = 0; i < n; ++i)
            if (target[i] == static_cast<long>(i)) kept.push_back(i);
        std::sort(kept.begin(), kept.end(), [&](size_t a, size_t b) {
            return std::make_pair(spans[a].start(), spans[a].end()) < std::make_pair(spans[b].start(), spans[b].end());
        });
        std::vector<long> new_index(n, -1);
        for (size_t k = 0; k < kept.size(); ++k) new_index[kept[k]] = static_cast<long>(k);
        Suggestions result;
        for (size_t i : kept) result.spans.push_back(std::move(spans[i]));
        // Links: redirected to the surviving span; one per claim and type
        // (the most confident target), and only between roles that fit.
        std::map<std::pair<size_t, int>, size_t> best;  // (claim, type) -> link
        for (const SuggestedLink& l : out_.links) {
            if (l.from >= n || l.to >= n || target[l.from] < 0 || target[l.to] < 0) continue;
            const long f = new_index[static_cast<size_t>(target[l.from])];
            const long t = new_index[static_cast<size_t>(target[l.to])];
            if (f < 0 || t < 0 || f == t) continue;
            const SuggestedLink nl{static_cast<size_t>(f), static_cast<size_t>(t), l.type};
            if (!relation_fits(nl.type, result.spans[nl.from].role, result.spans[nl.to].role)) continue;
            const auto key = std::make_pair(nl.from, static_cast<int>(nl.type));
            const auto it = best.find(key);
            if (it == best.end()) {
                best.emplace(key, result.links.size());
                result.links.push_back(nl);
            } else if (result.spans[nl.to].confidence > result.spans[result.links[it->second].to].confidence) {
                result.links[it->second] = nl;
            }
        }
        std::sort(result.links.begin(), result.links.end(), [](const SuggestedLink& a, const SuggestedLink& b) {
            return std::make_tuple(a.from, static_cast<int>(a.type), a.to) <
                   std::make_tuple(b.from, static_cast<int>(b.type), b.to);
        });
        for (Suggestion& s : result.spans) s.confidence = std::round(s.confidence * 100) / 100;
        return result;
    }
};

// ============================== evaluation ==============================

bool gold_range(const json& o, const std::string& path, const Text& text, Range& out, std::string& error) {
    const auto t = o.find("text");
    if (t != o.end()) {
        if (!t->is_string() || t->get<std::string>().empty()) {
            error = path + "/text: must be a non-empty string";
            return false;
        }
        const std::string needle = t->get<std::string>();
        size_t occurrence = 0;
        const auto occ = o.find("occurrence");
        if (occ != o.end()) {
            if (!occ->is_number_unsigned()) {
                error = path + "/occurrence: must be a number, 0 for the first";
                return false;
            }
            occurrence = occ->get<size_t>();
        }
        size_t at = text.utf8().find(needle);
        for (size_t k = 0; k < occurrence && at != std::string::npos; ++k) at = text.utf8().find(needle, at + 1);
        if (at == std::string::npos) {
            error = path + "/text: \"" + needle + "\" (occurrence " + std::to_string(occurrence) + ") is not in the text";
            return false;
        }
        out.start = static_cast<uint32_t>(text.cp_of_byte(at));
        out.end = static_cast<uint32_t>(text.cp_of_byte(at + needle.size()));
        return true;
    }
    const auto s = o.find("start");
    const auto e = o.find("end");
    if (s == o.end() || e == o.end() || !s->is_number_unsigned() || !e->is_number_unsigned() ||
        s->get<size_t>() >= e->get<size_t>() || e->get<size_t>() > text.size()) {
        error = path + ": give \"text\" (and \"occurrence\") or \"start\" < \"end\" within the text";
        return false;
    }
    out.start = static_cast<uint32_t>(s->get<size_t>());
    out.end = static_cast<uint32_t>(e->get<size_t>());
    return true;
}

std::string name_of(const Text& text, const std::vector<Range>& ranges, const std::string& entity) {
    if (!entity.empty()) return fold(entity);
    std::string s;
    for (const Range& r : ranges) s += (s.empty() ? "" : " ") + std::string(text.slice(r.start, r.end));
    return fold(s);
}

size_t overlap_size(const std::vector<Range>& a, const std::vector<Range>& b) {
    size_t n = 0;
    for (const Range& x : a)
        for (const Range& y : b)
            if (x.start < y.end && y.start < x.end) n += std::min(x.end, y.end) - std::max(x.start, y.start);
    return n;
}

std::string percent(double v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%5.1f", v * 100);
    return buf;
}

}  // namespace

Suggestions suggest(const Text& text, const SuggestOptions& options) {
    Suggester s(text, options);
    return s.run();
}

ordered_json suggestions_json(const Text& text, const Suggestions& s) {
    ordered_json spans = ordered_json::array();
    for (size_t i = 0; i < s.spans.size(); ++i) {
        const Suggestion& g = s.spans[i];
        ordered_json ranges = ordered_json::array();
        for (const Range& r : g.ranges)
            ranges.push_back(
                ordered_json{{"start", r.start}, {"end", r.end}, {"exact", std::string(text.slice(r.start, r.end))}});
        ordered_json o{{"index", i}, {"label", to_string(g.role)}, {"ranges", std::move(ranges)}, {"why", g.why},
                       {"confidence", g.confidence}};
        if (!g.entity.empty()) o["entity"] = g.entity;
        if (g.entity_id != kNoId) o["entity_id"] = g.entity_id;
        spans.push_back(std::move(o));
    }
    ordered_json links = ordered_json::array();
    for (const SuggestedLink& l : s.links) links.push_back(ordered_json{{"from", l.from}, {"to", l.to}, {"type", to_string(l.type)}});
    return ordered_json{{"suggestions", std::move(spans)}, {"links", std::move(links)}};
}

std::string suggestions_to_json(const Text& text, const Suggestions& s) {
    // Replace, not throw, on invalid UTF-8 (a Text holds none, but slices are cut by code point anyway).
    return suggestions_json(text, s).dump(2, ' ', false, ordered_json::error_handler_t::replace);
}

bool read_gold(std::string_view json_text, const Text& text, Gold& out, std::string& error) {
    out = Gold{};
    json j;
    if (!parse_json(json_text, j, error)) return false;
    if (!j.is_object() || !j.contains("spans") || !j["spans"].is_array()) {
        error = "/spans: the gold file must be an object with a \"spans\" list";
        return false;
    }
    std::map<std::string, size_t> ids;
    const json& spans = j["spans"];
    for (size_t i = 0; i < spans.size(); ++i) {
        const std::string path = json_at("/spans", i);
        const json& o = spans[i];
        GoldSpan g;
        if (!o.is_object() || !o.contains("id") || !o["id"].is_string() || !o.contains("role") || !o["role"].is_string() ||
            !parse(o["role"].get<std::string>(), g.role) || g.role == LabelRole::Other) {
            error = path + ": needs an \"id\" and a \"role\" (claim, speaker or source)";
            return false;
        }
        g.id = o["id"].get<std::string>();
        if (ids.count(g.id)) {
            error = path + "/id: \"" + g.id + "\" is used twice";
            return false;
        }
        if (o.contains("entity")) {
            if (!o["entity"].is_string()) {
                error = path + "/entity: must be a string";
                return false;
            }
            g.entity = o["entity"].get<std::string>();
        }
        if (o.contains("ranges")) {
            if (!o["ranges"].is_array() || o["ranges"].empty()) {
                error = path + "/ranges: must be a non-empty list";
                return false;
            }
            for (size_t k = 0; k < o["ranges"].size(); ++k) {
                Range r;
                if (!o["ranges"][k].is_object()) {
                    error = json_at(path + "/ranges", k) + ": must be an object";
                    return false;
                }
                if (!gold_range(o["ranges"][k], json_at(path + "/ranges", k), text, r, error)) return false;
                g.ranges.push_back(r);
            }
        } else {
            Range r;
            if (!gold_range(o, path, text, r, error)) return false;
            g.ranges.push_back(r);
        }
        std::sort(g.ranges.begin(), g.ranges.end());
        ids.emplace(g.id, out.spans.size());
        out.spans.push_back(std::move(g));
    }
    if (j.contains("links")) {
        const json& links = j["links"];
        if (!links.is_array()) {
            error = "/links: must be a list";
            return false;
        }
        for (size_t i = 0; i < links.size(); ++i) {
            const std::string path = json_at("/links", i);
            const json& o = links[i];
            GoldLink l;
            if (!o.is_object() || !o.contains("from") || !o.contains("to") || !o.contains("type") ||
                !o["from"].is_string() || !o["to"].is_string() || !o["type"].is_string() ||
                !parse(o["type"].get<std::string>(), l.type)) {
                error = path + ": needs \"from\", \"to\" (span ids) and a \"type\" (said_by, reported_by)";
                return false;
            }
            const auto f = ids.find(o["from"].get<std::string>());
            const auto t = ids.find(o["to"].get<std::string>());
            if (f == ids.end() || t == ids.end()) {
                error = path + ": \"from\" or \"to\" is not the id of a span";
                return false;
            }
            l.from = f->second;
            l.to = t->second;
            if (!relation_fits(l.type, out.spans[l.from].role, out.spans[l.to].role)) {
                error = path + ": a " + to_string(l.type) + " link cannot join these roles";
                return false;
            }
            out.links.push_back(l);
        }
    }
    return true;
}

void score_suggestions(const Text& text, const Suggestions& got, const Gold& gold, Scores& into) {
    ++into.documents;
    const size_t ng = got.spans.size(), nk = gold.spans.size();
    std::vector<long> exact_of(ng, -1), overlap_of(ng, -1);  // suggestion -> gold span
    // Exact matches first; overlap matches prefer the largest overlap.
    std::vector<bool> gold_exact(nk, false), gold_overlap(nk, false);
    for (size_t i = 0; i < ng; ++i)
        for (size_t k = 0; k < nk; ++k)
            if (!gold_exact[k] && gold.spans[k].role == got.spans[i].role && gold.spans[k].ranges == got.spans[i].ranges) {
                gold_exact[k] = true;
                exact_of[i] = static_cast<long>(k);
                break;
            }
    for (size_t i = 0; i < ng; ++i) {
        if (exact_of[i] >= 0 && !gold_overlap[static_cast<size_t>(exact_of[i])]) {
            overlap_of[i] = exact_of[i];
            gold_overlap[static_cast<size_t>(exact_of[i])] = true;
        }
    }
    for (size_t i = 0; i < ng; ++i) {
        if (overlap_of[i] >= 0) continue;
        size_t best = 0;
        for (size_t k = 0; k < nk; ++k) {
            if (gold_overlap[k] || gold.spans[k].role != got.spans[i].role) continue;
            const size_t o = overlap_size(got.spans[i].ranges, gold.spans[k].ranges);
            if (o > best) {
                best = o;
                overlap_of[i] = static_cast<long>(k);
            }
        }
        if (overlap_of[i] >= 0) gold_overlap[static_cast<size_t>(overlap_of[i])] = true;
    }
    for (size_t i = 0; i < ng; ++i) {
        const int role = static_cast<int>(got.spans[i].role);
        if (role > 2) continue;
        ++(exact_of[i] >= 0 ? into.exact[role].tp : into.exact[role].fp);
        ++(overlap_of[i] >= 0 ? into.overlap[role].tp : into.overlap[role].fp);
    }
    for (size_t k = 0; k < nk; ++k) {
        const int role = static_cast<int>(gold.spans[k].role);
        if (!gold_exact[k]) ++into.exact[role].fn;
        if (!gold_overlap[k]) ++into.overlap[role].fn;
    }
    // Links.
    auto score_links = [&](const std::vector<long>& map, Counts& c) {
        std::vector<bool> hit(gold.links.size(), false);
        for (const SuggestedLink& l : got.links) {
            bool ok = false;
            if (map[l.from] >= 0 && map[l.to] >= 0)
                for (size_t g = 0; g < gold.links.size() && !ok; ++g)
                    if (!hit[g] && gold.links[g].type == l.type &&
                        gold.links[g].from == static_cast<size_t>(map[l.from]) &&
                        gold.links[g].to == static_cast<size_t>(map[l.to]))
                        hit[g] = ok = true;
            ++(ok ? c.tp : c.fp);
        }
        for (bool h : hit) c.fn += h ? 0 : 1;
    };
    score_links(exact_of, into.links_exact);
    score_links(overlap_of, into.links_overlap);
    std::vector<bool> hit(gold.links.size(), false);
    for (const SuggestedLink& l : got.links) {
        bool ok = false;
        const Suggestion& to = got.spans[l.to];
        const std::string name = name_of(text, to.ranges, to.entity);
        if (overlap_of[l.from] >= 0)
            for (size_t g = 0; g < gold.links.size() && !ok; ++g) {
                const GoldLink& gl = gold.links[g];
                if (hit[g] || gl.type != l.type || gl.from != static_cast<size_t>(overlap_of[l.from])) continue;
                const GoldSpan& gt = gold.spans[gl.to];
                if (name_of(text, gt.ranges, gt.entity) == name) hit[g] = ok = true;
            }
        ++(ok ? into.links_entity.tp : into.links_entity.fp);
    }
    for (bool h : hit) into.links_entity.fn += h ? 0 : 1;
}

std::string format_scores(const Scores& s) {
    std::string out = "documents: " + std::to_string(s.documents) + "\n";
    out += "                          precision  recall     F1     tp    fp    fn\n";
    auto row = [&](const std::string& name, const Counts& c) {
        std::string line = name;
        line.resize(26, ' ');
        line += percent(c.precision()) + "%    " + percent(c.recall()) + "%  " + percent(c.f1()) + "%";
        char buf[48];
        std::snprintf(buf, sizeof buf, "  %5zu %5zu %5zu\n", c.tp, c.fp, c.fn);
        out += line + buf;
    };
    const char* names[3] = {"claim", "speaker", "source"};
    for (int r = 0; r < 3; ++r) row(std::string(names[r]) + " (exact)", s.exact[r]);
    for (int r = 0; r < 3; ++r) row(std::string(names[r]) + " (overlap)", s.overlap[r]);
    row("links (exact ends)", s.links_exact);
    row("links (overlapping ends)", s.links_overlap);
    row("links (by entity)", s.links_entity);
    return out;
}

}  // namespace cm
