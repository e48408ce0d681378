// Calendar days, months and UTC timestamps: the only time types the core uses.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace footprint::core {

// A calendar day with no time zone: days since 1970-01-01 in the proleptic Gregorian calendar.
// A contract that ends on "2027-03-31" ends on that day wherever the user is.
struct Date {
    std::int32_t days = 0;
    friend constexpr auto operator<=>(Date, Date) = default;
};

struct Ymd {
    int year = 1970;
    int month = 1; // 1..12
    int day = 1;   // 1..31
};

// Howard Hinnant's days_from_civil / civil_from_days: exact for every Gregorian date.
Date date_from_ymd(int year, int month, int day);
Ymd ymd_of(Date d);
bool is_leap_year(int year);
int days_in_month(int year, int month);
bool valid_ymd(int year, int month, int day);

// "2026-02-28" <-> Date. Parsing is strict: exactly YYYY-MM-DD and the day must exist.
std::optional<Date> parse_iso_date(std::string_view s);
std::string format_iso_date(Date d);

inline Date add_days(Date d, int n) { return Date{d.days + n}; }
inline int days_between(Date from, Date to) { return to.days - from.days; }
// Monday = 0 ... Sunday = 6.
int weekday(Date d);
// Adds calendar months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29).
Date add_months(Date d, int months);

// A calendar month as a single integer: year * 12 + (month - 1).
struct YearMonth {
    int index = 0;
    static YearMonth of(int year, int month) { return YearMonth{year * 12 + (month - 1)}; }
    static YearMonth of(Date d);
    int year() const { return index >= 0 ? index / 12 : (index - 11) / 12; }
    int month() const { return index - year() * 12 + 1; }
    Date first_day() const { return date_from_ymd(year(), month(), 1); }
    friend constexpr auto operator<=>(YearMonth, YearMonth) = default;
};
std::optional<YearMonth> parse_year_month(std::string_view s); // "2026-11"
std::string format_year_month(YearMonth ym);

// A moment in UTC, milliseconds since 1970-01-01T00:00:00Z (record "modified" times).
struct Timestamp {
    std::int64_t ms = 0;
    friend constexpr auto operator<=>(Timestamp, Timestamp) = default;
};
// "2026-11-26T21:39:28.123Z"; parsing accepts an optional fraction and a Z or ±HH:MM offset.
std::optional<Timestamp> parse_iso_timestamp(std::string_view s);
std::string format_iso_timestamp(Timestamp t);

// "HH:MM" <-> minutes since midnight (0..1439).
std::optional<int> parse_hhmm(std::string_view s);
std::string format_hhmm(int minutes);

} // namespace footprint::core
