// A syntax check for the regular expressions the corpus search accepts: an
// ECMAScript subset that std::regex (libc++ on the web, libstdc++ natively)
// is known to compile. The web build has no exceptions, so an invalid
// pattern handed to std::regex would abort the page; checking first turns it
// into a message instead. The check is stricter than std::regex where that
// keeps it simple (a stray "]" or "}", POSIX classes like [[:alpha:]],
// lookbehind and named groups are refused with a hint).
#pragma once
#include <string>

namespace cm {

// Empty when `pattern` is in the accepted subset, else one plain sentence
// saying what is wrong and where ("missing ) for this (, at character 4").
std::string check_regex_pattern(const std::u32string& pattern);

}  // namespace cm
