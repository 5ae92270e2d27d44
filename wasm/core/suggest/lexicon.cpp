// The suggester's character classes and word lists (lexicon.h says what each is).
#include "lexicon.h"

namespace cm::suggest_detail {

// ============================== characters ==============================

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) ||
           c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

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

std::string fold(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// ============================== word lists ==============================
// Lower-case; apostrophes as '. Built once, on first use.

bool in(const WordSet& set, std::string_view w) { return set.count(w) != 0; }

const WordSet& honorifics() {
    static const WordSet s{"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mx", "mme", "messrs"};
    return s;
}

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

const WordSet& title_modifiers() {
    static const WordSet s{"foreign", "finance", "health", "interior", "defence", "defense", "economy", "home",
                           "trade",   "energy",  "education", "transport", "environment", "culture", "labour", "labor"};
    return s;
}

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

const WordSet& outlet_nouns() {
    static const WordSet s{"newspaper", "magazine", "broadcaster", "site", "website", "daily", "weekly", "channel",
                           "station",   "radio",    "television",  "outlet", "paper", "agency", "network", "tabloid",
                           "news",      "journal",  "publication", "podcast", "blog", "program", "programme", "show"};
    return s;
}

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

int pronoun_gender(std::string_view w) {
    if (w == "he" || w == "him") return 1;
    if (w == "she" || w == "her") return -1;
    if (w == "it") return 0;
    return 2;
}

bool is_pronoun(std::string_view w) {
    return w == "he" || w == "she" || w == "it" || w == "they" || w == "we" || w == "i";
}

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

}  // namespace cm::suggest_detail
