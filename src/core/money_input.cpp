// Parsing typed money and rates, and plain decimal output (see money_input.h).
#include "core/money_input.h"

#include <cstdio>

namespace footprint::core {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Digits (with thousands commas when `commas`), an optional '.' and up to `max_decimals` digits,
// as an integer scaled by 10^max_decimals. Nullopt when the text is not such a number or is beyond
// `limit` (scaled).
std::optional<std::int64_t> scaled_decimal(std::string_view s, bool commas, int max_decimals,
                                           std::int64_t limit, std::string& error) {
    const std::size_t dot = s.find('.');
    std::string_view whole = s.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
    if (whole.empty() && frac.empty()) {
        error = "is not a number";
        return std::nullopt;
    }
    std::int64_t v = 0;
    int digits_since_comma = -1; // -1: no comma seen yet
    int leading = 0;
    for (char c : whole) {
        if (c == ',' && commas) {
            if ((digits_since_comma == -1 && leading == 0) ||
                (digits_since_comma != -1 && digits_since_comma != 3) || leading > 3) {
                error = "has a misplaced comma";
                return std::nullopt;
            }
            digits_since_comma = 0;
            continue;
        }
        if (!is_digit(c)) {
            error = "is not a number";
            return std::nullopt;
        }
        if (digits_since_comma == -1)
            ++leading;
        else
            ++digits_since_comma;
        if (v > limit) {
            error = "is too large";
            return std::nullopt;
        }
        v = v * 10 + (c - '0');
    }
    if (digits_since_comma != -1 && digits_since_comma != 3) {
        error = "has a misplaced comma";
        return std::nullopt;
    }
    for (char c : frac)
        if (!is_digit(c)) {
            error = "is not a number";
            return std::nullopt;
        }
    if (static_cast<int>(frac.size()) > max_decimals) {
        error = max_decimals == 2 ? "has more than two decimals" : "has too many decimals";
        return std::nullopt;
    }
    for (int i = 0; i < max_decimals; ++i) {
        if (v > limit) {
            error = "is too large";
            return std::nullopt;
        }
        v *= 10;
        if (i < static_cast<int>(frac.size())) v += frac[static_cast<std::size_t>(i)] - '0';
    }
    if (v > limit) {
        error = "is too large";
        return std::nullopt;
    }
    return v;
}

} // namespace

ParsedCents parse_money(std::string_view text) {
    ParsedCents r;
    std::string_view s = trim(text);
    if (s.empty()) {
        r.error = "is empty";
        return r;
    }
    if (s.front() == '-') {
        r.error = "must not be negative";
        return r;
    }
    if (s.front() == '$') s = trim(s.substr(1));
    if (!s.empty() && s.front() == '-') {
        r.error = "must not be negative";
        return r;
    }
    std::optional<std::int64_t> v = scaled_decimal(s, true, 2, kMaxCents, r.error);
    if (v)
        r.value = *v;
    else if (r.error == "is too large")
        r.error = "is more than $10 billion";
    return r;
}

ParsedRate parse_percent_bp(std::string_view text, int max_bp) {
    ParsedRate r;
    std::string_view s = trim(text);
    if (!s.empty() && s.back() == '%') s = trim(s.substr(0, s.size() - 1));
    if (s.empty()) {
        r.error = "is empty";
        return r;
    }
    if (s.front() == '-') {
        r.error = "must not be negative";
        return r;
    }
    std::optional<std::int64_t> v = scaled_decimal(s, true, 2, max_bp, r.error);
    if (v)
        r.bp = static_cast<int>(*v);
    else if (r.error == "is too large")
        r.error = "is more than " + format_rate_bp(max_bp);
    return r;
}

std::string rate_input_text(int bp) {
    const bool negative = bp < 0;
    const long long v = negative ? -static_cast<long long>(bp) : bp;
    std::string s = negative ? "-" : "";
    s += std::to_string(v / 100);
    if (v % 100) {
        char frac[8];
        std::snprintf(frac, sizeof frac, ".%02lld", v % 100);
        std::string f = frac;
        while (f.back() == '0')
            f.pop_back();
        s += f;
    }
    return s;
}

std::string format_rate_bp(int bp) {
    return rate_input_text(bp) + "%";
}

std::string cents_decimal(Cents c) {
    const bool negative = c < 0;
    // Cents' minimum has no positive counterpart; go through unsigned to stay exact.
    const unsigned long long v =
        negative ? 0ull - static_cast<unsigned long long>(c) : static_cast<unsigned long long>(c);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%llu.%02llu", negative ? "-" : "", v / 100, v % 100);
    return buf;
}

std::string money_input_text(Cents c) {
    std::string s = cents_decimal(c);
    if (s.size() > 3 && s.compare(s.size() - 3, 3, ".00") == 0) s.resize(s.size() - 3);
    return s;
}

} // namespace footprint::core
