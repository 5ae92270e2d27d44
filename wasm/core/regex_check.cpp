#include "regex_check.h"

#include <vector>

#include "utf8.h"

namespace cm {

namespace {

constexpr size_t kMaxPatternLength = 500;  // code points
constexpr size_t kMaxNesting = 50;         // groups and lookaheads inside each other
constexpr unsigned kMaxRepeatCount = 1000;

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_hex(char32_t c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// std::regex takes "\<c>" as c itself only for characters that are not
// letters, digits or '_' (libc++ asks isctype(alnum), so ASCII is the safe set).
bool is_identity_escape(char32_t c) { return c >= 0x20 && c < 0x7F && !is_ascii_letter(c) && !is_digit(c) && c != '_'; }
bool is_quantifier_start(char32_t c) { return c == '*' || c == '+' || c == '?' || c == '{'; }

std::string show(char32_t c) { return encode_utf8(std::u32string(1, c)); }

// Recursive descent over the ECMAScript grammar (disjunction, alternative,
// term, atom, quantifier, class), stopping at the first error.
class Checker {
public:
    explicit Checker(const std::u32string& p) : p_(p) {}

    std::string run() {
        if (p_.size() > kMaxPatternLength)
            return "a pattern can be at most " + std::to_string(kMaxPatternLength) + " characters long";
        groups_.push_back(0);
        disjunction();
        if (ok() && more()) fail("there is no ( for this )", at_);
        return error_;
    }

private:
    const std::u32string& p_;
    size_t at_ = 0;
    size_t depth_ = 0;
    std::string error_;
    // Capturing groups a backreference may name, per lookahead: std::regex
    // numbers the groups inside a lookahead on their own.
    std::vector<unsigned> groups_;

    bool ok() const { return error_.empty(); }
    bool more() const { return at_ < p_.size(); }
    bool has(size_t k) const { return at_ + k < p_.size(); }
    char32_t peek(size_t k) const { return has(k) ? p_[at_ + k] : 0; }
    void fail(const std::string& what, size_t where) {
        if (error_.empty()) error_ = what + ", at character " + std::to_string(where + 1);
    }

    void disjunction() {
        if (++depth_ > kMaxNesting) return fail("groups are nested too deeply", at_);
        alternative();
        while (ok() && more() && p_[at_] == '|') {
            ++at_;
            alternative();
        }
        --depth_;
    }

    void alternative() {
        while (ok() && more() && p_[at_] != '|' && p_[at_] != ')') term();
    }

    void term() {
        const size_t start = at_;
        const char32_t c = p_[at_];
        if (c == '^' || c == '$') {
            ++at_;
            return not_repeated(start);
        }
        if (c == '\\' && (peek(1) == 'b' || peek(1) == 'B')) {
            at_ += 2;
            return not_repeated(start);
        }
        if (c == '(' && peek(1) == '?' && (peek(2) == '=' || peek(2) == '!')) {
            at_ += 3;
            groups_.push_back(0);
            disjunction();
            if (!ok()) return;
            if (!more()) return fail("missing ) for this lookahead", start);
            ++at_;
            const unsigned inner = groups_.back();
            groups_.pop_back();
            groups_.back() += inner;
            return not_repeated(start);
        }
        atom();
        if (ok()) quantifier();
    }

    // Anchors, \b and lookaheads match a place, not text: nothing to repeat.
    void not_repeated(size_t start) {
        if (more() && is_quantifier_start(p_[at_]))
            fail(show(p_[at_]) + " cannot repeat " + (p_[start] == '(' ? std::string("a lookahead") : show(p_[start])), at_);
    }

    void atom() {
        const size_t start = at_;
        const char32_t c = p_[at_];
        switch (c) {
            case '.': ++at_; return;
            case '\\': return atom_escape();
            case '[': return char_class();
            case '(': {
                if (peek(1) == '?') {
                    if (peek(2) != ':') return fail("only (?:…), (?=…) and (?!…) groups are supported", start);
                    at_ += 3;
                } else {
                    ++at_;
                    ++groups_.back();  // std::regex counts a group from its "("
                }
                disjunction();
                if (!ok()) return;
                if (!more()) return fail("missing ) for this (", start);
                ++at_;
                return;
            }
            case '*': case '+': case '?':
                return fail("nothing before " + show(c) + " to repeat (write \\" + show(c) + " for the character)", start);
            case '{':
                return fail("nothing before { to repeat (write \\{ for the character)", start);
            case '}': case ']':
                return fail("write \\" + show(c) + " for a " + show(c), start);
            default: ++at_; return;
        }
    }

    void quantifier() {
        if (!more()) return;
        const size_t start = at_;
        const char32_t c = p_[at_];
        if (c == '*' || c == '+' || c == '?') {
            ++at_;
        } else if (c == '{') {
            ++at_;
            unsigned low = 0, high = 0;
            if (!count(low)) return fail("a { repeats what comes before it, as in {2} or {2,5} (write \\{ for the character)", start);
            high = low;
            if (more() && p_[at_] == ',') {
                ++at_;
                if (more() && p_[at_] == '}') high = kMaxRepeatCount;
                else if (!count(high)) return fail("a repeat count like {2,5} needs a number after the comma", start);
            }
            if (!ok()) return;
            if (!more() || p_[at_] != '}') return fail("missing } for this repeat count", start);
            ++at_;
            if (high < low) return fail("in {" + std::to_string(low) + "," + std::to_string(high) + "} the larger count must come second", start);
        } else {
            return;
        }
        if (more() && p_[at_] == '?') ++at_;  // lazy
        if (more() && is_quantifier_start(p_[at_])) fail("one repeat cannot follow another", at_);
    }

    // A decimal number up to kMaxRepeatCount; false when there is none.
    bool count(unsigned& out) {
        if (!more() || !is_digit(p_[at_])) return false;
        const size_t start = at_;
        out = 0;
        while (more() && is_digit(p_[at_])) {
            out = out * 10 + static_cast<unsigned>(p_[at_] - '0');
            ++at_;
            if (out > kMaxRepeatCount) {
                fail("repeat counts above " + std::to_string(kMaxRepeatCount) + " are not supported", start);
                return true;
            }
        }
        return true;
    }

    void atom_escape() {
        const size_t start = at_;
        ++at_;
        if (!more()) return fail("the pattern ends with a lone \\", start);
        const char32_t c = p_[at_];
        if (c >= '1' && c <= '9') {
            unsigned n = 0;
            while (more() && is_digit(p_[at_]) && n < 100000) n = n * 10 + static_cast<unsigned>(p_[at_++] - '0');
            if (n > groups_.back())
                fail("\\" + std::to_string(n) + " refers to group " + std::to_string(n) + ", but " +
                         (groups_.back() == 0 ? std::string("no group") : "only " + std::to_string(groups_.back()) + " groups") +
                         " come before it",
                     start);
            return;
        }
        if (c == 'd' || c == 'D' || c == 's' || c == 'S' || c == 'w' || c == 'W') {
            ++at_;
            return;
        }
        single_escape(start);
    }

    // The escapes that stand for one character, in and out of [...]. Sets
    // `value` when there is one to give (for a range's ends).
    void single_escape(size_t start, char32_t* value = nullptr) {
        const char32_t c = p_[at_];
        char32_t v = c;
        switch (c) {
            case 'f': v = 0x0C; ++at_; break;
            case 'n': v = 0x0A; ++at_; break;
            case 'r': v = 0x0D; ++at_; break;
            case 't': v = 0x09; ++at_; break;
            case 'v': v = 0x0B; ++at_; break;
            case '0':
                ++at_;
                if (more() && is_digit(p_[at_])) return fail("\\0 followed by a digit is ambiguous", start);
                v = 0;
                break;
            case 'c':
                if (!is_ascii_letter(peek(1))) return fail("\\c needs a letter after it", start);
                v = peek(1) % 32;
                at_ += 2;
                break;
            case 'x':
            case 'u': {
                const size_t digits = c == 'x' ? 2 : 4;
                v = 0;
                for (size_t k = 1; k <= digits; ++k) {
                    const char32_t h = peek(k);
                    if (!is_hex(h)) return fail(std::string("\\") + show(c) + " needs " + std::to_string(digits) + " hex digits", start);
                    v = v * 16 + static_cast<char32_t>(is_digit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
                }
                at_ += 1 + digits;
                break;
            }
            default:
                if (!is_identity_escape(c))
                    return fail("\\" + show(c) + " is not an escape std::regex knows", start);
                ++at_;
                break;
        }
        if (value) *value = v;
    }

    void char_class() {
        const size_t start = at_;
        ++at_;
        if (more() && p_[at_] == '^') ++at_;
        if (more() && p_[at_] == ']') return fail("an empty [] matches nothing (write \\] for the character)", start);
        while (ok() && more() && p_[at_] != ']') {
            const size_t atom_start = at_;
            char32_t low = 0;
            const bool single = class_atom(low);
            if (!ok()) return;
            if (more() && p_[at_] == '-' && has(1) && p_[at_ + 1] != ']') {
                ++at_;
                char32_t high = 0;
                const bool single_high = class_atom(high);
                if (!ok()) return;
                if (!single || !single_high)
                    return fail("a range like [a-z] needs one character at each end", atom_start);
                if (high < low) return fail("the range " + show(low) + "-" + show(high) + " runs backwards", atom_start);
            }
        }
        if (ok() && !more()) fail("missing ] for this [", start);
        if (ok()) ++at_;
    }

    // One member of a [...] class; false for \d, \w, \s and their negations.
    bool class_atom(char32_t& value) {
        const size_t start = at_;
        const char32_t c = p_[at_];
        if (c == '[' && (peek(1) == ':' || peek(1) == '=' || peek(1) == '.')) {
            fail("classes like [:alpha:] are not supported: use \\w, \\d or \\s (or write \\[ for the character)", start);
            return false;
        }
        if (c != '\\') {
            value = c;
            ++at_;
            return true;
        }
        ++at_;
        if (!more()) {
            fail("the pattern ends with a lone \\", start);
            return false;
        }
        const char32_t e = p_[at_];
        if (e == 'd' || e == 'D' || e == 's' || e == 'S' || e == 'w' || e == 'W') {
            ++at_;
            return false;
        }
        if (e == 'b') {  // backspace inside a class
            value = 8;
            ++at_;
            return true;
        }
        single_escape(start, &value);
        return true;
    }
};

}  // namespace

std::string check_regex_pattern(const std::u32string& pattern) { return Checker(pattern).run(); }

}  // namespace cm
