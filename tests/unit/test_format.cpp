// Display formatting: money, dates, relative days, counts, percentages, durations.
#include "core/format.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

using namespace footprint::core;

namespace {
Date d(int y, int m, int day) {
    return date_from_ymd(y, m, day);
}
} // namespace

TEST_CASE("format_money: whole dollars, cents, separators, negatives") {
    CHECK(format_money(0) == "$0");
    CHECK(format_money(1) == "$0.01");
    CHECK(format_money(10) == "$0.10");
    CHECK(format_money(99) == "$0.99");
    CHECK(format_money(100) == "$1");
    CHECK(format_money(99900) == "$999");
    CHECK(format_money(99999) == "$999.99");
    CHECK(format_money(100000) == "$1,000");
    CHECK(format_money(1240000) == "$12,400");
    CHECK(format_money(1240050) == "$12,400.50");
    CHECK(format_money(1240005) == "$12,400.05");
    CHECK(format_money(99999900) == "$999,999");
    CHECK(format_money(100000000) == "$1,000,000");
    CHECK(format_money(123456789012) == "$1,234,567,890.12");
    CHECK(format_money(-120000) == "-$1,200");
    CHECK(format_money(-1) == "-$0.01");
    CHECK(format_money(-1240050) == "-$12,400.50");
    CHECK(format_money(std::numeric_limits<Cents>::max()) == "$92,233,720,368,547,758.07");
    CHECK(format_money(std::numeric_limits<Cents>::min()) == "-$92,233,720,368,547,758.08");
}

TEST_CASE("format_mrc_rounded shows whole dollars, rounding half away from zero") {
    CHECK(format_mrc_rounded(249950) == "$2,500/mo");
    CHECK(format_mrc_rounded(249949) == "$2,499/mo");
    CHECK(format_mrc_rounded(66629) == "$666/mo");
    CHECK(format_mrc_rounded(0) == "$0/mo");
    CHECK(format_mrc_rounded(-50050) == "-$501/mo");
    CHECK(format_mrc_rounded(INT64_MAX) == "$92,233,720,368,547,758/mo");
    CHECK(format_mrc_rounded(9223372036854775799) == "$92,233,720,368,547,758/mo");
    CHECK(format_mrc_rounded(INT64_MIN) == "-$92,233,720,368,547,758/mo");
}

TEST_CASE("format_money_rounded shows whole dollars") {
    CHECK(format_money_rounded(249950) == "$2,500");
    CHECK(format_money_rounded(-50050) == "-$501");
    CHECK(format_money_rounded(INT64_MIN) == "-$92,233,720,368,547,758");
}

TEST_CASE("format_mrc appends /mo") {
    CHECK(format_mrc(1240000) == "$12,400/mo");
    CHECK(format_mrc(0) == "$0/mo");
    CHECK(format_mrc(249950) == "$2,499.50/mo");
    CHECK(format_mrc(-50000) == "-$500/mo");
}

TEST_CASE("format_money_short: dollars below $1K") {
    CHECK(format_money_short(0) == "$0");
    CHECK(format_money_short(49) == "$0");  // rounds to zero
    CHECK(format_money_short(-49) == "$0"); // no "-$0"
    CHECK(format_money_short(50) == "$1");  // half away from zero
    CHECK(format_money_short(-50) == "-$1");
    CHECK(format_money_short(95000) == "$950");
    CHECK(format_money_short(99900) == "$999");
    CHECK(format_money_short(99949) == "$999");
    CHECK(format_money_short(99950) == "$1K"); // $999.50 rounds up into thousands
}

TEST_CASE("format_money_short: thousands") {
    CHECK(format_money_short(100000) == "$1K");
    CHECK(format_money_short(104900) == "$1K");   // $1,049 -> 1.0K, ".0" dropped
    CHECK(format_money_short(105000) == "$1.1K"); // $1,050 -> 1.05 rounds up
    CHECK(format_money_short(120000) == "$1.2K");
    CHECK(format_money_short(1240000) == "$12.4K");
    CHECK(format_money_short(1245000) == "$12.5K");
    CHECK(format_money_short(1244999) == "$12.4K");
    CHECK(format_money_short(-1240000) == "-$12.4K");
    CHECK(format_money_short(9994900) == "$99.9K");
    CHECK(format_money_short(9995000) == "$100K"); // 99.95K -> whole thousands
    CHECK(format_money_short(10000000) == "$100K");
    CHECK(format_money_short(10049999) == "$100K");
    CHECK(format_money_short(10050000) == "$101K");
    CHECK(format_money_short(44600000) == "$446K");
    CHECK(format_money_short(44649900) == "$446K");
    CHECK(format_money_short(99949999) == "$999K");
    CHECK(format_money_short(99999900) == "$1M"); // $999,999 never "$1,000K"
}

TEST_CASE("format_money_short: millions and beyond") {
    CHECK(format_money_short(100000000) == "$1M");
    CHECK(format_money_short(120000000) == "$1.2M");
    CHECK(format_money_short(-120000000) == "-$1.2M");
    CHECK(format_money_short(1240000000) == "$12.4M");
    CHECK(format_money_short(12500000000) == "$125M");
    CHECK(format_money_short(99999999999) == "$1B");
    CHECK(format_money_short(350000000000) == "$3.5B");
    CHECK(format_money_short(100000000000000) == "$1T");
    CHECK(format_money_short(std::numeric_limits<Cents>::max()) == "$92,234T");
    CHECK(format_money_short(std::numeric_limits<Cents>::min()) == "-$92,234T");
}

TEST_CASE("format_date and format_date_short") {
    CHECK(format_date(d(2027, 3, 31)) == "Mar 31, 2027");
    CHECK(format_date(d(2026, 1, 1)) == "Jan 1, 2026");
    CHECK(format_date(d(2028, 2, 29)) == "Feb 29, 2028");
    CHECK(format_date(d(1999, 12, 31)) == "Dec 31, 1999");
    CHECK(format_date(Date{0}) == "Jan 1, 1970");
    CHECK(format_date_short(d(2026, 3, 31), d(2026, 11, 26)) == "Mar 31");
    CHECK(format_date_short(d(2026, 12, 31), d(2026, 1, 1)) == "Dec 31");
    CHECK(format_date_short(d(2027, 3, 31), d(2026, 11, 26)) == "Mar 31, 2027");
    CHECK(format_date_short(d(2025, 12, 31), d(2026, 1, 1)) == "Dec 31, 2025");
}

TEST_CASE("format_relative_days") {
    const Date today = d(2026, 11, 26);
    CHECK(format_relative_days(today, today) == "today");
    CHECK(format_relative_days(d(2026, 11, 27), today) == "tomorrow");
    CHECK(format_relative_days(d(2026, 11, 25), today) == "yesterday");
    CHECK(format_relative_days(d(2026, 11, 28), today) == "in 2 days");
    CHECK(format_relative_days(d(2026, 11, 23), today) == "3 days ago");
    CHECK(format_relative_days(add_days(today, 42), today) == "in 42 days");
    CHECK(format_relative_days(add_days(today, 1500), today) == "in 1,500 days");
    CHECK(format_relative_days(add_days(today, -1500), today) == "1,500 days ago");
    // Across a year boundary and a leap day.
    CHECK(format_relative_days(d(2028, 3, 1), d(2028, 2, 28)) == "in 2 days");
    CHECK(format_relative_days(d(2027, 1, 1), d(2026, 12, 31)) == "tomorrow");
    // Extremes do not overflow.
    CHECK(format_relative_days(Date{std::numeric_limits<std::int32_t>::max()},
                               Date{std::numeric_limits<std::int32_t>::min()}) ==
          "in 4,294,967,295 days");
}

TEST_CASE("format_count") {
    CHECK(format_count(0) == "0");
    CHECK(format_count(7) == "7");
    CHECK(format_count(999) == "999");
    CHECK(format_count(1000) == "1,000");
    CHECK(format_count(12400) == "12,400");
    CHECK(format_count(999999) == "999,999");
    CHECK(format_count(1000000) == "1,000,000");
    CHECK(format_count(-1) == "-1");
    CHECK(format_count(-999) == "-999");
    CHECK(format_count(-1000) == "-1,000");
    CHECK(format_count(std::numeric_limits<long long>::max()) == "9,223,372,036,854,775,807");
    CHECK(format_count(std::numeric_limits<long long>::min()) == "-9,223,372,036,854,775,808");
}

TEST_CASE("format_percent") {
    CHECK(format_percent(87.0) == "87%");
    CHECK(format_percent(87.4) == "87%");
    CHECK(format_percent(87.5) == "88%");
    CHECK(format_percent(0.0) == "0%");
    CHECK(format_percent(0.4) == "0%");
    CHECK(format_percent(-0.4) == "0%");
    CHECK(format_percent(-0.0) == "0%");
    CHECK(format_percent(-12.5) == "-13%");
    CHECK(format_percent(100.0) == "100%");
    CHECK(format_percent(1250.0) == "1,250%");
    CHECK(format_percent(std::nan("")) == "\xE2\x80\x94");
    CHECK(format_percent(std::numeric_limits<double>::infinity()) == "\xE2\x80\x94");
    CHECK(format_percent(-std::numeric_limits<double>::infinity()) == "\xE2\x80\x94");
    CHECK(format_percent(1e300) == "\xE2\x80\x94");
}

TEST_CASE("format_duration_minutes") {
    CHECK(format_duration_minutes(0) == "0 min");
    CHECK(format_duration_minutes(1) == "1 min");
    CHECK(format_duration_minutes(45) == "45 min");
    CHECK(format_duration_minutes(59) == "59 min");
    CHECK(format_duration_minutes(60) == "1 h");
    CHECK(format_duration_minutes(90) == "1 h 30 min");
    CHECK(format_duration_minutes(125) == "2 h 5 min");
    CHECK(format_duration_minutes(24 * 60) == "24 h");
    CHECK(format_duration_minutes(-45) == "-45 min");
    CHECK(format_duration_minutes(-65) == "-1 h 5 min");
    CHECK(format_duration_minutes(std::numeric_limits<int>::min()) == "-35,791,394 h 8 min");
}
