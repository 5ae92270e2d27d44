#include "quote_anchor.h"

#include <cstdint>

namespace cm {

namespace {

std::string str(const Range& r) { return std::to_string(r.start) + "-" + std::to_string(r.end); }

// Length of the common end of a and b, and of their common start (bytes).
size_t common_suffix(std::string_view a, std::string_view b) {
    size_t n = 0;
    while (n < a.size() && n < b.size() && a[a.size() - 1 - n] == b[b.size() - 1 - n]) ++n;
    return n;
}
size_t common_prefix(std::string_view a, std::string_view b) {
    size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
    return n;
}

// True when the text before and after r ends and starts with prefix and suffix.
bool context_agrees(const Text& text, const Range& r, const Quote& q) {
    const std::string_view t = text.utf8();
    const size_t from = text.byte_of(r.start), to = text.byte_of(r.end);
    return common_suffix(t.substr(0, from), q.prefix) == q.prefix.size() &&
           common_prefix(t.substr(to), q.suffix) == q.suffix.size();
}

// Where the quote occurs: the place whose surroundings agree best with
// prefix and suffix, then the one nearest to `near`.
std::optional<Range> find_quote(const Text& text, const Quote& q, uint32_t near) {
    const std::string& t = text.utf8();
    std::optional<Range> best;
    size_t best_score = 0, best_distance = 0;
    // Valid UTF-8 never matches in the middle of a character, so a byte
    // search finds code point boundaries.
    for (size_t at = t.find(q.exact); at != std::string::npos; at = t.find(q.exact, at + 1)) {
        const std::string_view before = std::string_view(t).substr(0, at);
        const std::string_view after = std::string_view(t).substr(at + q.exact.size());
        const size_t score = common_suffix(before, q.prefix) + common_prefix(after, q.suffix);
        const auto start = static_cast<uint32_t>(text.cp_of_byte(at));
        const size_t distance = start > near ? start - near : near - start;
        if (!best || score > best_score || (score == best_score && distance < best_distance)) {
            best = Range{start, static_cast<uint32_t>(text.cp_of_byte(at + q.exact.size()))};
            best_score = score;
            best_distance = distance;
        }
    }
    return best;
}

}  // namespace

Quote quote_of(const Text& text, const Range& r, size_t context) {
    const size_t before = r.start > context ? r.start - context : 0;
    return Quote{std::string(text.slice(r.start, r.end)), std::string(text.slice(before, r.start)),
                 std::string(text.slice(r.end, static_cast<size_t>(r.end) + context))};
}

std::string short_quote(const std::string& s) {
    const Text t(s);
    return "\"" + (t.size() > 40 ? std::string(t.slice(0, 39)) + "\xE2\x80\xA6" : s) + "\"";
}

Anchoring anchor(const Text& text, std::optional<Range> position, const std::optional<Quote>& quote) {
    const bool has_quote = quote && !quote->exact.empty();
    Anchoring out;
    if (position) {
        const Range p = *position;
        const bool inside = p.start < p.end && p.end <= text.size();
        const bool quote_here = inside && has_quote && text.slice(p.start, p.end) == quote->exact;
        if (inside && (!has_quote || (quote_here && context_agrees(text, p, *quote)))) {
            out.range = p;
            return out;
        }
        if (quote_here) {
            // The quote is here but its surroundings are not (the text
            // changed): it may have moved to where they are.
            const std::optional<Range> best = find_quote(text, *quote, p.start);
            out.range = best ? best : position;
            if (best && *best != p) {
                out.what = "the text around " + str(p) + " is not the prefix and suffix of its quote " +
                           short_quote(quote->exact);
                out.done = "re-anchored it to " + str(*best) + ", where quote, prefix and suffix agree best";
            }
            return out;
        }
        if (p.start >= p.end)
            out.what = "range " + str(p) + " is empty";
        else if (!inside)
            out.what =
                "range " + str(p) + " is past the end of the text (" + std::to_string(text.size()) + " characters)";
        else
            out.what = "the text at " + str(p) + " is not the quote " + short_quote(quote->exact);
        if (!has_quote) {
            out.what += ", and there is no quote to find it by";
            return out;
        }
        out.range = find_quote(text, *quote, p.start);
        if (out.range)
            out.done = "re-anchored it to " + str(*out.range) + ", where the quote is";
        else
            out.what += ", and the quote " + short_quote(quote->exact) + " is nowhere in the text";
        return out;
    }
    if (!has_quote) {
        out.what = "there is neither a position nor a quote to place it by";
        return out;
    }
    out.range = find_quote(text, *quote, 0);
    if (!out.range) out.what = "the quote " + short_quote(quote->exact) + " is nowhere in the text";
    return out;
}

}  // namespace cm
