// The suggester's lexicon: character classes (spaces, letters, capitals, quote
// marks) and the English word lists its cues are made of.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace cm::suggest_detail {

// ============================== characters ==============================

bool is_space(char32_t c);
bool is_digit(char32_t c);

// Letters and digits of the scripts news is written in (combining marks
// included, so "Cafe\u0301" is one word); punctuation, symbols and emoji are not.
bool is_letter(char32_t c);

// Upper case in the Latin, Greek and Cyrillic blocks: names are found by
// their capitals, so scripts without case (CJK) get no name suggestions.
bool is_upper(char32_t c);

enum class QuoteShape : uint8_t { None, Open, Close, Straight };

QuoteShape quote_shape(char32_t c);
bool is_double_quote(char32_t c);

// ASCII case folding, as project_json matches entity names.
std::string fold(std::string_view s);

// ============================== word lists ==============================
// Lower-case; apostrophes as '. Built once, on first use.

using WordSet = std::unordered_set<std::string_view>;
bool in(const WordSet& set, std::string_view w);

// Honorifics belong to the name ("Mr. Ren" is how the text names him).
const WordSet& honorifics();

// Titles do not: "President Ana Reyes" names Ana Reyes.
const WordSet& titles();

// Words that are part of a title only before one ("Foreign Minister", not "Foreign Policy").
const WordSet& title_modifiers();

// Nouns for what a person is, in appositions ("William Plummer, a spokesman")
// and before a name ("spokesman William Plummer").
const WordSet& role_nouns();

// Words that make a capitalised run an organisation or an outlet.
const WordSet& org_words();

// Words that make a capitalised run a news outlet.
const WordSet& outlet_words();

// Nouns for outlets before their name: "French newspaper Les Echos".
const WordSet& outlet_nouns();

// What may follow an outlet's name after "told": "told Reuters that", "told Reuters on Monday".
const WordSet& outlet_follow_words();
const WordSet& place_words();

// Capitalised at a sentence's start only because of where they stand.
const WordSet& sentence_initial_words();

// Never the first word of a name ("said Monday", "in May").
const WordSet& non_name_starts();
const WordSet& name_particles();
const WordSet& determiners();

// Who says things in news prose when no name is given ("officials said").
const WordSet& speaker_plurals();

// Heads of noun phrases that are documents or outlets: "the report said" is a source.
const WordSet& document_nouns();

// Appositions that make the name before them an organisation ("Huawei, the Chinese company").
const WordSet& org_heads();

// Skipped between a subject and its verb ("he later said", "Ren reportedly said").
const WordSet& adverbs();
const WordSet& negators();

// Pronoun subjects: he/she resolve to a person, "it" to an organisation.
int pronoun_gender(std::string_view w);  // +1 he, -1 she, 0 it, 2 other (they, we, I): not resolved
bool is_pronoun(std::string_view w);

enum class VerbKind : uint8_t {
    Say,     // said, added, insisted …: attributes quotes and indirect speech
    Tell,    // told: also takes an object, which may be an outlet ("told Reuters")
    Report,  // reported: the subject is a source, not a speaker
    Ask,     // asked: a question is not a claim (the quote is attributed but not suggested)
    Deny,    // denied: attributes quotes; "denied that X" is not a claim X
    According,
};
const std::unordered_map<std::string_view, VerbKind>& reporting_verbs();

// A line that starts the reader comments ("Comments", "12 comments",
// "Leave a reply"): letters only, short.
bool is_comments_heading(std::u32string_view line);

}  // namespace cm::suggest_detail
