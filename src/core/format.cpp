// Display formatting for money, dates, counts, percentages and durations.
#include "core/format.h"

#include <cmath>
#include <cstdint>
#include <iterator>

namespace footprint::core {

namespace {

constexpr const char* kMonthAbbrev[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// |v| as unsigned, exact even for the most negative value.
std::uint64_t magnitude(std::int64_t v) {
    return v < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

// "12400" -> "12,400".
std::string group_thousands(std::uint64_t n) {
    std::string digits = std::to_string(n);
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    const std::size_t lead = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && i >= lead && (i - lead) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}

} // namespace

std::string format_money(Cents c) {
    const std::uint64_t mag = magnitude(c);
    std::string out = c < 0 ? "-$" : "$";
    out += group_thousands(mag / 100);
    const auto cents = static_cast<unsigned>(mag % 100);
    if (cents != 0) {
        out.push_back('.');
        out.push_back(static_cast<char>('0' + cents / 10));
        out.push_back(static_cast<char>('0' + cents % 10));
    }
    return out;
}

std::string format_mrc(Cents c) {
    return format_money(c) + "/mo";
}

std::string format_money_rounded(Cents c) {
    // Half away from zero to whole dollars. Cannot overflow: rounding up needs a remainder of 50,
    // and INT64_MAX ends in 07 (INT64_MIN in -08).
    Cents dollars = c / 100;
    Cents rest = c % 100;
    if (rest >= 50) ++dollars;
    if (rest <= -50) --dollars;
    return format_money(dollars * 100);
}

std::string format_mrc_rounded(Cents c) { return format_money_rounded(c) + "/mo"; }

std::string format_money_short(Cents c) {
    const std::uint64_t mag = magnitude(c);
    auto signed_prefix = [&](bool nonzero) {
        return (c < 0 && nonzero) ? std::string("-$") : std::string("$");
    };

    // Whole dollars below $1,000 (after rounding).
    const std::uint64_t dollars = mag / 100 + (mag % 100 >= 50 ? 1 : 0);
    if (dollars < 1000) return signed_prefix(dollars != 0) + std::to_string(dollars);

    struct Unit {
        std::uint64_t cents; // cents in one unit
        char suffix;
    };
    static constexpr Unit kUnits[] = {{100'000ull, 'K'},
                                      {100'000'000ull, 'M'},
                                      {100'000'000'000ull, 'B'},
                                      {100'000'000'000'000ull, 'T'}};
    for (std::size_t i = 0; i < std::size(kUnits); ++i) {
        const Unit& u = kUnits[i];
        const bool last = i + 1 == std::size(kUnits);
        // One decimal below 100 units.
        const std::uint64_t tenth = u.cents / 10;
        const std::uint64_t tenths = mag / tenth + (mag % tenth >= tenth / 2 ? 1 : 0);
        if (tenths < 1000) {
            std::string out = signed_prefix(true) + std::to_string(tenths / 10);
            if (tenths % 10 != 0) {
                out.push_back('.');
                out.push_back(static_cast<char>('0' + tenths % 10));
            }
            out.push_back(u.suffix);
            return out;
        }
        // Whole units below 1000 units (or always, for the largest unit).
        const std::uint64_t whole = mag / u.cents + (mag % u.cents >= u.cents / 2 ? 1 : 0);
        if (whole < 1000 || last) {
            std::string out = signed_prefix(true) + group_thousands(whole);
            out.push_back(u.suffix);
            return out;
        }
    }
    return signed_prefix(true); // not reached: the last unit always returns
}

std::string format_date(Date d) {
    const Ymd ymd = ymd_of(d);
    return std::string(kMonthAbbrev[(ymd.month - 1) % 12]) + " " + std::to_string(ymd.day) + ", " +
           std::to_string(ymd.year);
}

std::string format_date_short(Date d, Date today) {
    const Ymd ymd = ymd_of(d);
    if (ymd.year != ymd_of(today).year) return format_date(d);
    return std::string(kMonthAbbrev[(ymd.month - 1) % 12]) + " " + std::to_string(ymd.day);
}

std::string format_relative_days(Date d, Date today) {
    const std::int64_t n = static_cast<std::int64_t>(d.days) - today.days;
    if (n == 0) return "today";
    if (n == 1) return "tomorrow";
    if (n == -1) return "yesterday";
    if (n > 0) return "in " + format_count(n) + " days";
    return format_count(-n) + " days ago";
}

std::string format_count(long long n) {
    const std::uint64_t mag = magnitude(static_cast<std::int64_t>(n));
    std::string s = n < 0 ? "-" : "";
    s += group_thousands(mag);
    return s;
}

std::string format_percent(double percent) {
    if (!std::isfinite(percent) || std::fabs(percent) > 1e15) return "\xE2\x80\x94"; // em dash
    const double r = std::round(percent); // half away from zero
    if (r == 0) return "0%";
    return format_count(static_cast<long long>(r)) + "%";
}

std::string format_duration_minutes(int minutes) {
    const std::int64_t m64 = minutes;
    const std::int64_t mag = m64 < 0 ? -m64 : m64;
    std::string out = m64 < 0 ? "-" : "";
    const std::int64_t h = mag / 60;
    const std::int64_t m = mag % 60;
    if (h == 0) return out + std::to_string(m) + " min";
    out += format_count(h) + " h";
    if (m != 0) {
        out += ' ';
        out += std::to_string(m);
        out += " min";
    }
    return out;
}

std::string format_clock(int minutes) {
    const int m = ((minutes % 1440) + 1440) % 1440;
    const int h = m / 60, min = m % 60;
    const int h12 = h % 12 == 0 ? 12 : h % 12;
    std::string out = std::to_string(h12) + ":";
    out += static_cast<char>('0' + min / 10);
    out += static_cast<char>('0' + min % 10);
    return out + (h < 12 ? " AM" : " PM");
}

} // namespace footprint::core
