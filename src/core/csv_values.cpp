// Parsing spreadsheet values: money, counts, percentages, yes/no and dates.
#include "core/csv_values.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace footprint::core {

namespace {

constexpr std::int64_t kMaxCents = 1'000'000'000'000; // $10 billion, the plan format's limit

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

// Removes no-break spaces (U+00A0, U+202F) that French and German Excel use between thousands.
std::string without_nbsp(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.substr(i, 2) == "\xC2\xA0") {
            out += ' ';
            ++i;
        } else if (s.substr(i, 3) == "\xE2\x80\xAF") {
            out += ' ';
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

// The digits of a number with grouping and decimal separators told apart: "1.234,50" ->
// {"1234", "50"}. False when the text has anything else in it.
struct Number {
    std::string whole;
    std::string fraction;
    bool negative = false;
};

bool split_number(std::string_view s, Number& n) {
    if (s.empty()) return false;
    if (s.front() == '-' || s.front() == '+') {
        n.negative = s.front() == '-';
        s.remove_prefix(1);
    } else if (s.back() == '-') { // "1234-" as some accounting exports write it
        n.negative = true;
        s.remove_suffix(1);
    }
    if (s.empty()) return false;
    int commas = 0, dots = 0, spaces = 0;
    std::size_t last_comma = 0, last_dot = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == ',') {
            ++commas;
            last_comma = i;
        } else if (c == '.') {
            ++dots;
            last_dot = i;
        } else if (c == ' ' || c == '\'') { // 1 234 (French), 1'234 (Swiss)
            ++spaces;
        } else if (!is_digit(c)) {
            return false;
        }
    }
    char decimal = 0;
    if (commas && dots) {
        decimal = last_comma > last_dot ? ',' : '.';
    } else if (commas == 1 || dots == 1) {
        const char sep = commas ? ',' : '.';
        const std::size_t at = commas ? last_comma : last_dot;
        const std::size_t after = s.size() - at - 1;
        // "1,234" and "1.234" group thousands; "1,5", "12.50" and "0.125" are decimals.
        const bool grouping = after == 3 && at > 0 && at <= 3 && !(at == 1 && s[0] == '0');
        decimal = grouping ? 0 : sep;
    }
    bool in_fraction = false;
    int group = 0, groups = 0; // digits in the current group of thousands, groups closed
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (is_digit(c)) {
            (in_fraction ? n.fraction : n.whole) += c;
            if (!in_fraction) ++group;
        } else if (c == decimal) {
            if (in_fraction) return false;
            in_fraction = true;
            if (groups > 0 && group != 3) return false;
        } else if (c == ',' || c == '.' || c == ' ' || c == '\'') {
            if (in_fraction) return false; // grouping after the decimal point
            // Thousands groups: 1 to 3 digits first, then exactly 3 ("12.50.1" is no number).
            if (group == 0 || group > 3 || (groups > 0 && group != 3)) return false;
            ++groups;
            group = 0;
        }
    }
    if (!in_fraction && groups > 0 && group != 3) return false;
    (void)spaces;
    return !n.whole.empty() || !n.fraction.empty();
}

std::string_view strip_currency(std::string_view s, bool& negative) {
    s = trim_value(s);
    if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
        negative = true;
        s = trim_value(s.substr(1, s.size() - 2));
    }
    static constexpr std::array<std::string_view, 11> kSymbols = {
        "US$", "USD", "CAD",     "EUR", "GBP", "$", "\xE2\x82\xAC" /* € */, "\xC2\xA3" /* £ */,
        "C$",  "CA$", "\xC2\xA5" /* ¥ */};
    for (int pass = 0; pass < 2; ++pass) { // a sign may come before or after the symbol
        if (!s.empty() && s.front() == '-') {
            negative = !negative;
            s = trim_value(s.substr(1));
        }
        for (std::string_view sym : kSymbols) {
            if (s.size() >= sym.size() && iequals(s.substr(0, sym.size()), sym)) {
                s = trim_value(s.substr(sym.size()));
                break;
            }
            if (s.size() >= sym.size() && iequals(s.substr(s.size() - sym.size()), sym)) {
                s = trim_value(s.substr(0, s.size() - sym.size()));
                break;
            }
        }
    }
    return s;
}

std::optional<long long> to_int(std::string_view digits) {
    long long v = 0;
    if (digits.empty()) return 0;
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (ec != std::errc() || p != digits.data() + digits.size()) return std::nullopt;
    return v;
}

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

int month_from_name(std::string_view w) {
    if (w.size() < 3) return 0;
    std::string lw;
    for (char c : w)
        lw += lower(c);
    if (lw == "sept") return 9;
    static constexpr std::array<std::string_view, 12> kLong = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    for (int m = 0; m < 12; ++m)
        if (lw == kMonths[static_cast<std::size_t>(m)] || lw == kLong[static_cast<std::size_t>(m)])
            return m + 1;
    return 0;
}

int full_year(int y, std::size_t digits) {
    if (digits > 2) return y;
    return y < 70 ? 2000 + y : 1900 + y;
}

std::optional<Date> make_date(int y, int m, int d) {
    if (y < 1 || y > 9999 || !valid_ymd(y, m, d)) return std::nullopt;
    return date_from_ymd(y, m, d);
}

// Splits "03/04/2026 9:41 AM" into its tokens: runs of digits and runs of letters.
struct Token {
    std::string_view text;
    bool number = false;
    char sep_after = 0; // the separator that followed it: '/', '-', '.', ' ', ',', 'T'
};

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < s.size() && out.size() < 8) {
        const std::size_t start = i;
        if (is_digit(s[i])) {
            while (i < s.size() && is_digit(s[i]))
                ++i;
            out.push_back({s.substr(start, i - start), true, 0});
        } else if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')) {
            while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
                ++i;
            if (i - start == 1 && (s[start] == 'T' || s[start] == 't') && !out.empty()) {
                out.back().sep_after = 'T'; // ISO date-time separator
                continue;
            }
            out.push_back({s.substr(start, i - start), false, 0});
        } else {
            if (!out.empty() && out.back().sep_after == 0) out.back().sep_after = s[i];
            ++i;
        }
    }
    return out;
}

struct NumericDate {
    int a = 0, b = 0, c = 0;
    std::size_t a_digits = 0, c_digits = 0;
    char sep = 0;
};

// The first three tokens as numbers separated by the same '/', '-' or '.', day/month/year order
// not decided yet.
std::optional<NumericDate> numeric_date(const std::vector<Token>& t) {
    if (t.size() < 3 || !t[0].number || !t[1].number || !t[2].number) return std::nullopt;
    const char sep = t[0].sep_after;
    if ((sep != '/' && sep != '-' && sep != '.') || t[1].sep_after != sep) return std::nullopt;
    if (t[0].text.size() > 4 || t[1].text.size() > 2 || t[2].text.size() > 4) return std::nullopt;
    NumericDate d;
    d.a = static_cast<int>(*to_int(t[0].text));
    d.b = static_cast<int>(*to_int(t[1].text));
    d.c = static_cast<int>(*to_int(t[2].text));
    d.a_digits = t[0].text.size();
    d.c_digits = t[2].text.size();
    d.sep = sep;
    return d;
}

} // namespace

std::string_view trim_value(std::string_view s) {
    auto space_at_front = [&](std::size_t& n) {
        if (s.empty()) return false;
        if (s.front() == ' ' || s.front() == '\t') {
            n = 1;
            return true;
        }
        if (s.substr(0, 2) == "\xC2\xA0") {
            n = 2;
            return true;
        }
        return false;
    };
    auto space_at_back = [&](std::size_t& n) {
        if (s.empty()) return false;
        if (s.back() == ' ' || s.back() == '\t') {
            n = 1;
            return true;
        }
        if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") {
            n = 2;
            return true;
        }
        return false;
    };
    std::size_t n = 0;
    while (space_at_front(n))
        s.remove_prefix(n);
    while (space_at_back(n))
        s.remove_suffix(n);
    return s;
}

std::optional<Cents> parse_money_cell(std::string_view raw) {
    const std::string clean = without_nbsp(raw);
    bool negative = false;
    const std::string_view s = strip_currency(clean, negative);
    Number n;
    if (!split_number(s, n)) return std::nullopt;
    if (n.whole.size() > 12) return std::nullopt;
    const std::optional<long long> whole = to_int(n.whole);
    if (!whole) return std::nullopt;
    std::string frac = n.fraction;
    long long cents_part = 0;
    if (frac.size() <= 2) {
        while (frac.size() < 2)
            frac += '0';
        cents_part = *to_int(frac);
    } else {
        cents_part = (frac[0] - '0') * 10 + (frac[1] - '0');
        if (frac[2] >= '5') ++cents_part; // half away from zero, on the magnitude
    }
    const long long total = *whole * 100 + cents_part;
    if (total > kMaxCents) return std::nullopt;
    return (negative != n.negative) ? -total : total;
}

std::optional<long long> parse_count(std::string_view raw) {
    const std::string clean = without_nbsp(raw);
    Number n;
    if (!split_number(trim_value(clean), n)) return std::nullopt;
    for (char c : n.fraction)
        if (c != '0') return std::nullopt;
    if (n.whole.size() > 15) return std::nullopt;
    const std::optional<long long> v = to_int(n.whole);
    if (!v) return std::nullopt;
    return n.negative ? -*v : *v;
}

std::optional<double> parse_decimal(std::string_view raw) {
    std::string s(trim_value(raw));
    if (s.empty() || s.size() > 40) return std::nullopt;
    if (s.find('.') == std::string::npos) // "39,95": a decimal comma
        for (char& c : s)
            if (c == ',') c = '.';
    // Digits, one sign, a point and an exponent only: strtod alone would also take "inf", "nan"
    // and hexadecimal. (Emscripten's libc++ has no floating-point from_chars.)
    for (char c : s)
        if (!is_digit(c) && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E')
            return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<int> parse_percent(std::string_view raw) {
    std::string_view s = trim_value(raw);
    if (!s.empty() && s.back() == '%') s = trim_value(s.substr(0, s.size() - 1));
    const std::optional<double> v = parse_decimal(s);
    if (!v || std::fabs(*v) > 1e6) return std::nullopt;
    return static_cast<int>(std::lround(*v));
}

std::optional<bool> parse_yes_no(std::string_view raw) {
    const std::string_view s = trim_value(raw);
    for (std::string_view t : {"true", "yes", "y", "1", "x", "checked"})
        if (iequals(s, t)) return true;
    for (std::string_view f : {"false", "no", "n", "0", "", "unchecked"})
        if (iequals(s, f)) return false;
    return std::nullopt;
}

DateEvidence date_evidence(std::string_view raw) {
    const std::vector<Token> t = tokenize(trim_value(raw));
    const std::optional<NumericDate> d = numeric_date(t);
    if (!d || d->sep == '.' || d->a_digits > 2) return DateEvidence::None;
    if (d->a < 1 || d->b < 1 || d->a > 31 || d->b > 31) return DateEvidence::None;
    if (d->a > 12 && d->b <= 12) return DateEvidence::DayMonthOnly;
    if (d->b > 12 && d->a <= 12) return DateEvidence::MonthDayOnly;
    if (d->a <= 12 && d->b <= 12 && d->a != d->b) return DateEvidence::Ambiguous;
    return DateEvidence::None;
}

std::optional<Date> parse_date_text(std::string_view raw, DateOrder order) {
    const std::string_view s = trim_value(raw);
    if (s.empty() || s.size() > 64) return std::nullopt;
    const std::vector<Token> t = tokenize(s);
    if (t.empty()) return std::nullopt;

    // An Excel serial day number: the cell was formatted General when the file was saved.
    if (t.size() == 1 && t[0].number && t[0].text.size() == 5 && t[0].text.size() == s.size()) {
        const int serial = static_cast<int>(*to_int(t[0].text));
        if (serial >= 20000 && serial <= 80000)
            return add_days(date_from_ymd(1899, 12, 30), serial);
        return std::nullopt;
    }
    if (const std::optional<NumericDate> d = numeric_date(t)) {
        if (d->a_digits == 4) return make_date(d->a, d->b, d->c); // 2026-03-04, 2026/03/04
        if (d->a_digits > 2 || (d->c_digits != 2 && d->c_digits != 4)) return std::nullopt;
        const int year = full_year(d->c, d->c_digits);
        if (d->sep == '.' || order == DateOrder::DayMonth) return make_date(year, d->b, d->a);
        return make_date(year, d->a, d->b);
    }
    // Month names: "Mar 4, 2026", "March 4 2026", "4 Mar 2026", "4-Mar-26".
    if (t.size() >= 3) {
        if (!t[0].number && t[1].number && t[2].number) {
            const int m = month_from_name(t[0].text);
            if (m && t[1].text.size() <= 2 && (t[2].text.size() == 4 || t[2].text.size() == 2))
                return make_date(full_year(static_cast<int>(*to_int(t[2].text)), t[2].text.size()),
                                 m, static_cast<int>(*to_int(t[1].text)));
        }
        if (t[0].number && !t[1].number && t[2].number) {
            const int m = month_from_name(t[1].text);
            if (m && t[0].text.size() <= 2 && (t[2].text.size() == 4 || t[2].text.size() == 2))
                return make_date(full_year(static_cast<int>(*to_int(t[2].text)), t[2].text.size()),
                                 m, static_cast<int>(*to_int(t[0].text)));
        }
        // "Wed, Mar 4, 2026": a weekday first.
        if (!t[0].number && t.size() >= 4 && !t[1].number && t[2].number && t[3].number) {
            const int m = month_from_name(t[1].text);
            if (m && t[2].text.size() <= 2 && t[3].text.size() == 4)
                return make_date(static_cast<int>(*to_int(t[3].text)), m,
                                 static_cast<int>(*to_int(t[2].text)));
        }
    }
    return std::nullopt;
}

} // namespace footprint::core
