// Calendar arithmetic, ISO 8601 parsing and formatting (src/core/date.cpp).
#include "core/date.h"

#include <doctest/doctest.h>

#include <string>

using namespace footprint::core;

namespace {
Date d(int y, int m, int day) {
    return date_from_ymd(y, m, day);
}
bool same(Ymd a, int y, int m, int day) {
    return a.year == y && a.month == m && a.day == day;
}
} // namespace

TEST_CASE("date_from_ymd / ymd_of: epoch and known day numbers") {
    CHECK(d(1970, 1, 1).days == 0);
    CHECK(d(1970, 1, 2).days == 1);
    CHECK(d(1969, 12, 31).days == -1);
    CHECK(d(2000, 1, 1).days == 10957);
    CHECK(d(2000, 3, 1).days == 11017);
    CHECK(d(1900, 1, 1).days == -25567);
    CHECK(d(2100, 12, 31).days == 47846);
    CHECK(d(1, 1, 1).days == -719162);
    CHECK(same(ymd_of(Date{0}), 1970, 1, 1));
    CHECK(same(ymd_of(Date{-1}), 1969, 12, 31));
    CHECK(same(ymd_of(Date{11016}), 2000, 2, 29));
    CHECK(same(ymd_of(Date{-719162}), 1, 1, 1));
}

TEST_CASE("every day from 1900-01-01 to 2100-12-31 round-trips and is consecutive") {
    Date prev = d(1899, 12, 31);
    int count = 0;
    bool ok = true;
    for (int y = 1900; y <= 2100 && ok; ++y) {
        for (int m = 1; m <= 12 && ok; ++m) {
            for (int day = 1; day <= days_in_month(y, m); ++day) {
                const Date x = d(y, m, day);
                const Ymd back = ymd_of(x);
                if (x.days != prev.days + 1 || !same(back, y, m, day) || !valid_ymd(y, m, day) ||
                    parse_iso_date(format_iso_date(x)) != x) {
                    FAIL_CHECK("round trip failed at " << y << "-" << m << "-" << day);
                    ok = false;
                    break;
                }
                prev = x;
                ++count;
            }
        }
    }
    CHECK(ok);
    // 201 years, 49 leap years (1904..2096 minus 2100 and 1900; 2000 counts).
    CHECK(count == 201 * 365 + 49);
    CHECK(prev == d(2100, 12, 31));
}

TEST_CASE("leap years and month lengths") {
    CHECK_FALSE(is_leap_year(1900));
    CHECK(is_leap_year(2000));
    CHECK(is_leap_year(2024));
    CHECK(is_leap_year(2028));
    CHECK_FALSE(is_leap_year(2026));
    CHECK_FALSE(is_leap_year(2100));
    CHECK(is_leap_year(2400));
    CHECK(days_in_month(2024, 2) == 29);
    CHECK(days_in_month(2026, 2) == 28);
    CHECK(days_in_month(1900, 2) == 28);
    CHECK(days_in_month(2000, 2) == 29);
    CHECK(days_in_month(2026, 1) == 31);
    CHECK(days_in_month(2026, 4) == 30);
    CHECK(days_in_month(2026, 12) == 31);
    CHECK(days_in_month(2026, 0) == 0);
    CHECK(days_in_month(2026, 13) == 0);
}

TEST_CASE("valid_ymd and Feb 29") {
    CHECK(valid_ymd(2024, 2, 29));
    CHECK(valid_ymd(2000, 2, 29));
    CHECK_FALSE(valid_ymd(1900, 2, 29));
    CHECK_FALSE(valid_ymd(2026, 2, 29));
    CHECK_FALSE(valid_ymd(2026, 2, 30));
    CHECK_FALSE(valid_ymd(2026, 4, 31));
    CHECK(valid_ymd(2026, 3, 31));
    CHECK_FALSE(valid_ymd(2026, 0, 1));
    CHECK_FALSE(valid_ymd(2026, 13, 1));
    CHECK_FALSE(valid_ymd(2026, 1, 0));
    CHECK_FALSE(valid_ymd(0, 1, 1));
    CHECK(valid_ymd(9999, 12, 31));
    CHECK_FALSE(valid_ymd(10000, 1, 1));
    CHECK(add_days(d(2024, 2, 28), 1) == d(2024, 2, 29));
    CHECK(add_days(d(2024, 2, 29), 1) == d(2024, 3, 1));
    CHECK(add_days(d(2026, 2, 28), 1) == d(2026, 3, 1));
    CHECK(days_between(d(2024, 1, 1), d(2025, 1, 1)) == 366);
    CHECK(days_between(d(2026, 1, 1), d(2027, 1, 1)) == 365);
    CHECK(days_between(d(2027, 1, 1), d(2026, 1, 1)) == -365);
}

TEST_CASE("add_months clamps to the target month's length") {
    CHECK(add_months(d(2028, 1, 31), 1) == d(2028, 2, 29));
    CHECK(add_months(d(2027, 1, 31), 1) == d(2027, 2, 28));
    CHECK(add_months(d(2026, 3, 31), -1) == d(2026, 2, 28));
    CHECK(add_months(d(2028, 3, 31), -1) == d(2028, 2, 29));
    CHECK(add_months(d(2026, 3, 31), 1) == d(2026, 4, 30));
    CHECK(add_months(d(2026, 5, 31), -1) == d(2026, 4, 30));
    CHECK(add_months(d(2026, 1, 15), 0) == d(2026, 1, 15));
    CHECK(add_months(d(2026, 11, 30), 2) == d(2027, 1, 30));
    CHECK(add_months(d(2026, 1, 31), -2) == d(2025, 11, 30));
    CHECK(add_months(d(2026, 1, 1), -13) == d(2024, 12, 1));
    CHECK(add_months(d(2024, 2, 29), 12) == d(2025, 2, 28));
    CHECK(add_months(d(2024, 2, 29), 48) == d(2028, 2, 29));
    CHECK(add_months(d(2024, 2, 29), -12) == d(2023, 2, 28));
    CHECK(add_months(d(2024, 4, 1), 36) == d(2027, 4, 1));
    CHECK(add_months(d(2026, 12, 31), 60) == d(2031, 12, 31));
    // A contract that starts Apr 1 for 36 months ends the day before: Mar 31.
    CHECK(add_days(add_months(d(2024, 4, 1), 36), -1) == d(2027, 3, 31));
    // Before year 1 the arithmetic stays consistent (negative month index).
    CHECK(add_months(d(1, 1, 15), -1) == d(0, 12, 15));
    CHECK(same(ymd_of(add_months(d(1, 1, 15), -13)), -1, 12, 15));
}

TEST_CASE("weekday of known dates (Monday = 0)") {
    CHECK(weekday(d(1970, 1, 1)) == 3);   // Thursday
    CHECK(weekday(d(2000, 1, 1)) == 5);   // Saturday
    CHECK(weekday(d(2024, 2, 29)) == 3);  // Thursday
    CHECK(weekday(d(2026, 11, 26)) == 3); // Thanksgiving 2026, a Thursday
    CHECK(weekday(d(2027, 3, 31)) == 2);  // Wednesday
    CHECK(weekday(d(1969, 12, 31)) == 2); // Wednesday, negative day number
    CHECK(weekday(d(1969, 12, 29)) == 0); // Monday
    CHECK(weekday(d(1900, 1, 1)) == 0);   // Monday
    CHECK(weekday(d(2026, 1, 4)) == 6);   // Sunday
    for (int i = -20; i < 20; ++i) {
        const Date x = add_days(d(2026, 1, 5), i); // 2026-01-05 is a Monday
        CHECK(weekday(x) == ((i % 7) + 7) % 7);
    }
}

TEST_CASE("parse_iso_date is strict") {
    CHECK(parse_iso_date("2026-02-28") == d(2026, 2, 28));
    CHECK(parse_iso_date("2024-02-29") == d(2024, 2, 29));
    CHECK(parse_iso_date("1970-01-01") == Date{0});
    CHECK(parse_iso_date("9999-12-31") == d(9999, 12, 31));
    CHECK_FALSE(parse_iso_date("2026-02-29"));
    CHECK_FALSE(parse_iso_date("2026-02-30"));
    CHECK_FALSE(parse_iso_date("2026-04-31"));
    CHECK_FALSE(parse_iso_date("2026-13-01"));
    CHECK_FALSE(parse_iso_date("2026-00-10"));
    CHECK_FALSE(parse_iso_date("2026-01-00"));
    CHECK_FALSE(parse_iso_date("0000-01-01"));
    CHECK_FALSE(parse_iso_date("2026-1-01"));
    CHECK_FALSE(parse_iso_date("2026-01-1"));
    CHECK_FALSE(parse_iso_date(""));
    CHECK_FALSE(parse_iso_date("2026/01/01"));
    CHECK_FALSE(parse_iso_date("2026-01-01 "));
    CHECK_FALSE(parse_iso_date(" 2026-01-01"));
    CHECK_FALSE(parse_iso_date("2026-01-01T00:00:00Z"));
    CHECK_FALSE(parse_iso_date("+026-01-01"));
    CHECK_FALSE(parse_iso_date("2026-0a-01"));
    CHECK_FALSE(parse_iso_date("31/02/2026"));
    CHECK(format_iso_date(d(2026, 2, 28)) == "2026-02-28");
    CHECK(format_iso_date(d(5, 3, 7)) == "0005-03-07");
}

TEST_CASE("YearMonth: index, negative indices, parse and format") {
    const YearMonth nov = YearMonth::of(2026, 11);
    CHECK(nov.index == 2026 * 12 + 10);
    CHECK(nov.year() == 2026);
    CHECK(nov.month() == 11);
    CHECK(nov.first_day() == d(2026, 11, 1));
    CHECK(YearMonth::of(d(2026, 11, 26)) == nov);
    CHECK(YearMonth::of(d(2026, 12, 31)) < YearMonth::of(d(2027, 1, 1)));
    CHECK(YearMonth{nov.index + 2}.year() == 2027);
    CHECK(YearMonth{nov.index + 2}.month() == 1);

    CHECK(YearMonth{0}.year() == 0);
    CHECK(YearMonth{0}.month() == 1);
    CHECK(YearMonth{11}.year() == 0);
    CHECK(YearMonth{11}.month() == 12);
    CHECK(YearMonth{-1}.year() == -1);
    CHECK(YearMonth{-1}.month() == 12);
    CHECK(YearMonth{-12}.year() == -1);
    CHECK(YearMonth{-12}.month() == 1);
    CHECK(YearMonth{-13}.year() == -2);
    CHECK(YearMonth{-13}.month() == 12);
    for (int i = -50; i <= 50; ++i) {
        const YearMonth ym{i};
        CHECK(ym.month() >= 1);
        CHECK(ym.month() <= 12);
        CHECK(YearMonth::of(ym.year(), ym.month()) == ym);
    }

    CHECK(parse_year_month("2026-11") == nov);
    CHECK(parse_year_month("0001-01") == YearMonth::of(1, 1));
    CHECK_FALSE(parse_year_month("2026-13"));
    CHECK_FALSE(parse_year_month("2026-00"));
    CHECK_FALSE(parse_year_month("0000-05"));
    CHECK_FALSE(parse_year_month("2026-1"));
    CHECK_FALSE(parse_year_month("2026/11"));
    CHECK_FALSE(parse_year_month(""));
    CHECK_FALSE(parse_year_month("2026-11-01"));
    CHECK(format_year_month(nov) == "2026-11");
    CHECK(format_year_month(YearMonth::of(2027, 1)) == "2027-01");
}

TEST_CASE("timestamps: Z, fractions and offsets") {
    auto ts = parse_iso_timestamp("2026-11-26T21:39:28.123Z");
    REQUIRE(ts);
    CHECK(ts->ms == (static_cast<std::int64_t>(d(2026, 11, 26).days) * 86400 + 21 * 3600 + 39 * 60 +
                     28) * 1000 +
                        123);
    CHECK(format_iso_timestamp(*ts) == "2026-11-26T21:39:28.123Z");

    CHECK(parse_iso_timestamp("1970-01-01T00:00:00Z")->ms == 0);
    CHECK(parse_iso_timestamp("1970-01-01T00:00:00.000Z")->ms == 0);
    CHECK(parse_iso_timestamp("1970-01-01T00:00:01.5Z")->ms == 1500);
    CHECK(parse_iso_timestamp("1970-01-01T00:00:01.05Z")->ms == 1050);
    CHECK(parse_iso_timestamp("1970-01-01T00:00:01.123456Z")->ms == 1123); // truncated
    // Offsets: local time minus offset is UTC.
    CHECK(parse_iso_timestamp("2026-11-26T16:39:28-05:00") ==
          parse_iso_timestamp("2026-11-26T21:39:28Z"));
    CHECK(parse_iso_timestamp("2026-11-27T03:09:28+05:30") ==
          parse_iso_timestamp("2026-11-26T21:39:28Z"));
    CHECK(parse_iso_timestamp("2026-11-26T21:39:28+00:00") ==
          parse_iso_timestamp("2026-11-26T21:39:28Z"));
    CHECK(parse_iso_timestamp("2026-12-31T20:00:00.250-05:00") ==
          parse_iso_timestamp("2027-01-01T01:00:00.250Z"));
    CHECK(format_iso_timestamp(*parse_iso_timestamp("2026-12-31T20:00:00-05:00")) ==
          "2027-01-01T01:00:00.000Z");
    // Before the epoch.
    auto before = parse_iso_timestamp("1969-12-31T23:59:59.999Z");
    REQUIRE(before);
    CHECK(before->ms == -1);
    CHECK(format_iso_timestamp(Timestamp{-1}) == "1969-12-31T23:59:59.999Z");
    CHECK(format_iso_timestamp(Timestamp{-86400000}) == "1969-12-31T00:00:00.000Z");
    CHECK(format_iso_timestamp(Timestamp{-86400001}) == "1969-12-30T23:59:59.999Z");
    CHECK(format_iso_timestamp(Timestamp{0}) == "1970-01-01T00:00:00.000Z");

    // Round trip over a range of instants, including negative ones.
    for (std::int64_t ms = -3'000'000'000'000; ms <= 3'000'000'000'000; ms += 123'456'789'011) {
        auto back = parse_iso_timestamp(format_iso_timestamp(Timestamp{ms}));
        REQUIRE(back);
        CHECK(back->ms == ms);
    }

    CHECK_FALSE(parse_iso_timestamp(""));
    CHECK_FALSE(parse_iso_timestamp("2026-11-26"));
    CHECK_FALSE(parse_iso_timestamp("2026-11-26T21:39:28"));  // no zone
    CHECK_FALSE(parse_iso_timestamp("2026-11-26 21:39:28Z")); // space, not T
    CHECK_FALSE(parse_iso_timestamp("2026-11-26T24:00:00Z"));
    CHECK_FALSE(parse_iso_timestamp("2026-11-26T21:60:00Z"));
    CHECK_FALSE(parse_iso_timestamp("2026-11-26T21:39:61Z"));
    CHECK_FALSE(parse_iso_timestamp("2026-02-30T21:39:28Z"));
    CHECK_FALSE(parse_iso_timestamp("2026-11-26T21:39:28.Z")); // empty fraction
    CHECK_FALSE(parse_iso_timestamp("2026-11-26T21:39:28ZZ"));
    CHECK_FALSE(parse_iso_timestamp("2026-11-26T21:39:28+0500"));
    CHECK_FALSE(parse_iso_timestamp("2026-11-26T21:39:28+05:00x"));
    CHECK_FALSE(parse_iso_timestamp("2026-11-26T21:39:28+24:00"));
    CHECK_FALSE(parse_iso_timestamp("2026-11-26T21:39:28+05:60"));
    CHECK_FALSE(parse_iso_timestamp("2026-11-26T21:39:28x"));
    CHECK_FALSE(parse_iso_timestamp("2026-11-26T2a:39:28Z"));
}

TEST_CASE("parse_hhmm / format_hhmm") {
    CHECK(parse_hhmm("00:00") == 0);
    CHECK(parse_hhmm("08:30") == 510);
    CHECK(parse_hhmm("12:00") == 720);
    CHECK(parse_hhmm("23:59") == 1439);
    CHECK_FALSE(parse_hhmm("24:00"));
    CHECK_FALSE(parse_hhmm("12:60"));
    CHECK_FALSE(parse_hhmm("8:30"));
    CHECK_FALSE(parse_hhmm("08:3"));
    CHECK_FALSE(parse_hhmm("0830"));
    CHECK_FALSE(parse_hhmm("08-30"));
    CHECK_FALSE(parse_hhmm(""));
    CHECK_FALSE(parse_hhmm("08:30 "));
    CHECK_FALSE(parse_hhmm("-1:00"));
    CHECK(format_hhmm(0) == "00:00");
    CHECK(format_hhmm(510) == "08:30");
    CHECK(format_hhmm(1439) == "23:59");
    for (int m = 0; m < 24 * 60; ++m) {
        if (parse_hhmm(format_hhmm(m)) != m) {
            FAIL_CHECK("hh:mm round trip failed at " << m);
            break;
        }
    }
}

TEST_CASE("timestamps at the edges of the calendar neither overflow nor fail to read back") {
    using namespace footprint::core;
    for (std::int64_t ms : {INT64_MIN, INT64_MIN + 1, INT64_MAX, std::int64_t{-62135596800000},
                            std::int64_t{253402300799999}}) {
        std::string s = format_iso_timestamp(Timestamp{ms});
        CHECK(parse_iso_timestamp(s).has_value());
    }
    CHECK_FALSE(parse_iso_timestamp("9999-12-31T23:59:59-23:59"));
    CHECK_FALSE(parse_iso_timestamp("0001-01-01T00:00:00+23:59"));
    CHECK(format_hhmm(-30) == "23:30");
}
