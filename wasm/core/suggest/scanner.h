// The suggester's internals: the tokens, mentions and quotations it works on
// and the Suggester class, whose methods are defined in scanner_*.cpp by theme.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/suggest.h"
#include "lexicon.h"

namespace cm::suggest_detail {

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

    Suggestions run();

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

    void find_limit();
    void load_known();
    void tokenize();
    void push(Token k, int para);

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

    const VerbKind* verb_at(int i) const;

    // ---- quotations ----

    // Pairs quotation marks paragraph by paragraph. Curly quotes say which
    // way they face (unless misused); straight ones alternate, a quote after
    // a digit with no space being inches (5'10"). An opening quote still open
    // at the paragraph's end runs to it.
    void pair_quotes();

    // ---- sentences ----

    bool sentence_starter(int i) const;
    bool abbreviation_before(int dot) const;
    bool boundary_after(int i) const;
    void find_sentences();
    bool sentence_initial(int i) const;

    // ---- names ----

    bool name_word(int i, bool first) const;

    // Words after "of" that end a name rather than continue it ("a minister of Tavula" is fine; "of Monday" is not).
    bool run_stop(int i) const;
    void find_runs();

    // What kind of name a run is, from its words and what stands around it.
    void classify(Run& r) const;
    std::string span_text(int b, int e) const;

    // The run's name without the honorific: "Mr. Ren" -> "Ren".
    std::string bare_name(const Run& r) const;

    // Pass 0: subjects of reporting verbs are people (unless organisations):
    // this is what lets a later "he said" find them.
    void gather_evidence();

    // "Whitfield" after "Dana Whitfield": a person if the full name is one.
    void share_evidence();

    // ---- attribution parsing ----

    bool adverb(int i) const;
    bool day(int i) const;
    bool month(int i) const;
    bool year(int i) const;

    // Walks back over adverbs, auxiliaries, negations and time phrases
    // between a subject and its verb; notes a negation.
    int skip_back(int j, int lower, bool& negated) const;

    // The noun phrase ending at token j ("the company", "a spokesman for
    // the ministry", "officials"), walking back at most a few words.
    Mention nominal_ending_at(int j, int lower) const;
    bool possessive(int i) const;
    static Mention pronoun_mention(int j);
    Mention name_mention(int r) const;

    // The subject of the reporting verb at v, to its left, not before token `lower`.
    Mention subject_before(int v, int lower, bool& negated) const;

    // A name, pronoun or noun phrase ending at token j.
    Mention subject_at(int j, int lower) const;

    // The subject after an inverted verb ("said Smith", "said the company",
    // "said Huawei spokesman William Plummer", "said the firm's chief
    // executive, Ana Reyes"), starting at token j, before `limit`.
    Mention subject_after(int j, int limit) const;
    bool outlet_like(const Run& r) const;

    // A named outlet at token j ("Reuters", "the Financial Times", "The Verge").
    // With `lenient` ("in an interview with …", "speaking to …") any name
    // that is not a person's or a place's will do.
    Mention outlet_at(int j, int limit, bool lenient = false) const;

    // Objects and adverbials after the verb that name a source: "told
    // Reuters", "in an interview with the Financial Times", "speaking to
    // Wired", "according to …". Looks at [a, z).
    void find_source(int a, int z, Attribution& at) const;

    // After "according to": the name or noun phrase up to the next comma or
    // stop. A person is a speaker, anything else (an outlet, a document,
    // "people familiar with the matter") a source.
    Mention according_target(int j, int limit) const;
    // "according to" at token v naming `m`: the attribution's verb, kind, cue
    // and speaker or source. False (and `at` unchanged) when nothing is named.
    bool according_cue(int v, const Mention& m, Attribution& at) const;

    // The subject of a reporting verb is its speaker, or its source when the
    // verb is "reported" or the subject an outlet or a document.
    void assign_subject(Attribution& at, Mention subject, int v) const;

    // Attribution after a closing quote: `"…," Smith said`, `"…," said the
    // company`, `"…," he told Reuters`, `"…," according to the ministry`.
    Attribution attribution_after(const Quote& q, int limit) const;

    // Attribution before an opening quote: `Smith said: "…"`, `he told
    // Reuters "…"`, `the company said in a statement, "…"`, `Smith said that "…"`.
    Attribution attribution_before(const Quote& q) const;

    // Words that may stand between a reporting verb and its quote.
    bool complement_word(int i) const;

    // ---- emitting ----

    // A claim without the quotation marks around it and the punctuation after
    // it. Quote marks that pair up inside the claim stay: `the plan was
    // "reckless."` keeps its quoted word whole. Linear: the marks are counted once.
    Range trimmed(uint32_t b, uint32_t e) const;
    size_t add(Suggestion s);
    void link(int from, int to, RelationType type);

    // Who a name refers to: a known entity by name or alias, or the full name
    // that appeared earlier ("Mr. Ren" -> "Ren Zhengfei"), or itself.
    std::string resolve(int r, Id& entity_id) const;
    int emit_mention(const Mention& m, const std::string& why, double confidence);

    // A name standing where subjects stand: at a sentence's start, after a
    // comma (an apposition) or after a role ("club chairman Peter Okafor").
    bool subject_position(const Run& r) const;

    // The person (he, she) or organisation (it) a pronoun at token p stands
    // for: the nearest name before it, outside quotations, within a few
    // paragraphs, preferring names in subject position or already speakers
    // ("wanted Lowe to stay" is rarely who "she said" means).
    int antecedent(int p) const;

    // Speaker and source of an attribution as suggestion indices (-1: none).
    ClaimSource emit_attribution(const Attribution& at, std::string& why, double& confidence);
    size_t add_claim(std::vector<Range> ranges, const std::string& why, double confidence, const ClaimSource& c);
    Range content(const Quote& q) const;
    int word_count(const Quote& q) const;

    // The next top-level quote in the same paragraph, if nothing but an
    // attribution clause stands between (for interrupted quotes).
    int next_quote_in_paragraph(int q) const;
    void do_quote(int qi);
    bool no_verb_between(const Attribution& at, int until) const;

    // Skips time and place adverbials and interview phrases after a verb,
    // noting a source they name ("in an interview with Wired").
    int skip_adverbials(int k, int z, Attribution& at) const;

    // A past-tense verb starting a second predicate of the sentence's
    // subject: "… conclusions and called for a review".
    bool past_tense(int i) const;

    // Where an indirect claim ends: the sentence's end, a second
    // attribution (", adding that", ", according to", ", he said"), or a
    // second predicate ("and called for …"). A coordinated "and that …" ends
    // it too, and `next` is where that second claim starts (else -1).
    int clause_end(int b, int& next) const;

    // Could a reported clause without "that" start at k? ("said the plant
    // would close", "said it was", "said groundwater levels were").
    bool clause_start(int k) const;

    // Verbs that take a reported clause without "that" ("said the plant
    // would close"); others need the "that" ("announced the closure" is not speech).
    bool bare_clause_verb(const std::string& w) const;

    // The object of "told": an outlet (a source), a person or people
    // ("told Smith", "told the committee", "told reporters"). Returns the
    // token after it, or -1 when there is none.
    int skip_tell_object(int k, int z, Attribution& at) const;

    // Indirect speech: "X said that …", "X told reporters the …", "Reuters
    // reported that …", and a clause attributed at its end: "The plant will
    // close, the company said." / "…, said Ana Reyes."
    void do_indirect(int v);

    // "According to X, …" / "…, according to X." without a quotation.
    void do_according(int a);

    // ---- the result ----

    bool excluded(uint32_t cp) const;

    // Drops overlapping duplicates (per role, the more confident one stays and
    // inherits the other's links), then sorts by position.
    Suggestions finish();
};

}  // namespace cm::suggest_detail
