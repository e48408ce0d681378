// Reading the values people type into spreadsheets: money in US and European notation, dates in
// every order Excel writes them, counts with thousands separators, percentages, yes/no.
#pragma once

#include "core/date.h"
#include "core/model.h"

#include <optional>
#include <string>
#include <string_view>

namespace footprint::core {

// Leading and trailing spaces, tabs and no-break spaces removed.
std::string_view trim_value(std::string_view s);

// A money cell of a spreadsheet export, read leniently (typed input uses money_input.h):
// "$1,234.50", "1.234,50 €", "(1,234.50)" (negative, as accountants write it), "-1234.5",
// "USD 1 234,50", "1234" -> cents, rounded half away from zero past two decimals. When a value
// has one kind of separator once followed by exactly three digits ("1,234" or "1.234") it is a
// thousands separator. Nullopt when the text is not an amount or is beyond +-$10 billion.
std::optional<Cents> parse_money_cell(std::string_view s);

// "1,200", "1.200", "1 200", "1200", "1200.0" -> 1200. Nullopt for fractions and non-numbers.
std::optional<long long> parse_count(std::string_view s);
// "75", "75%", "75.4 %" -> 75 (rounded). Does not check the range.
std::optional<int> parse_percent(std::string_view s);
// "39.9526", "-75,1652" (decimal comma) -> a finite double.
std::optional<double> parse_decimal(std::string_view s);
// true/false, yes/no, y/n, 1/0, x/"" (a checked box in a spreadsheet).
std::optional<bool> parse_yes_no(std::string_view s);

// How a date column writes day and month when both are numbers.
enum class DateOrder { MonthDay, DayMonth };

// What a single cell says about the order of its column.
enum class DateEvidence {
    None,         // not a date, or a form that says nothing about order (ISO, "Mar 4, 2026")
    MonthDayOnly, // 12/31/2026: the second number is past 12
    DayMonthOnly, // 31/12/2026
    Ambiguous,    // 03/04/2026: both numbers 12 or less and different
};
DateEvidence date_evidence(std::string_view s);

// Parses a date as spreadsheets and CRMs write it, keeping only the day of a date-time:
//   2026-03-04, 2026/03/04, 2026-03-04T10:00:00.000Z, 2026-03-04 10:00
//   03/04/2026, 3/4/26, 03-04-2026, 3/4/2026 9:41 AM      (order from `order`)
//   04.03.2026                                            (always day first, as in Europe)
//   Mar 4, 2026, March 4 2026, 4 Mar 2026, 4-Mar-26, 04-Mar-2026
//   46085 (an Excel serial day number, 1955..2119)
// Two-digit years are 2000..2069 or 1970..1999. Nullopt when there is no such day.
std::optional<Date> parse_date_text(std::string_view s, DateOrder order);

} // namespace footprint::core
