// How the UI shows money, dates, counts and durations: "$12,400/mo", "Mar 31, 2027", "in 42 days".
// Pure functions, no locale: the UI is English (US) and must look the same in every browser.
#pragma once

#include "core/date.h"
#include "core/model.h"

#include <string>

namespace footprint::core {

// "$12,400" when the cents are zero, else "$12,400.50"; negatives "-$1,200". Exact for any Cents.
std::string format_money(Cents c);
// format_money + "/mo": "$12,400/mo".
std::string format_mrc(Cents c);
// Rounded to whole dollars for lists and cards: 249950 -> "$2,500" and "$2,500/mo".
std::string format_money_rounded(Cents c);
std::string format_mrc_rounded(Cents c);
// Compact money for tiles, charts and badges, rounded half away from zero:
//   under $1,000 whole dollars            "$950", "$0"
//   $1K .. under $100K one decimal         "$12.4K", "$1K" (a ".0" is dropped)
//   $100K .. under $1M whole thousands     "$446K"
//   then the same for M, B and T           "$1.2M", "$12.4M", "$125M", "$3.5B"
// A value that rounds up to the next unit moves to it ($999,950 -> "$1M", never "$1,000K").
// A value that rounds to zero has no sign ("$0", never "-$0").
std::string format_money_short(Cents c);

// "Mar 31, 2027".
std::string format_date(Date d);
// "Mar 31" when d falls in today's year, else "Mar 31, 2027".
std::string format_date_short(Date d, Date today);
// "today", "tomorrow", "yesterday", "in 42 days", "3 days ago".
std::string format_relative_days(Date d, Date today);

// Thousands separators: "12,400", "-1,000", "0". Exact for any long long.
std::string format_count(long long n);
// `percent` is in percent points (87.4 -> "87%"), rounded half away from zero, with thousands
// separators ("1,250%"); "-0.4" gives "0%". NaN, infinities and values beyond +-1e15 give "—".
std::string format_percent(double percent);

// "45 min", "1 h", "1 h 30 min", "0 min"; negatives keep a leading "-" ("-1 h 5 min").
std::string format_duration_minutes(int minutes);

// A time of day from minutes after midnight, as US users read it: "8:15 AM", "12:00 PM",
// "12:30 AM"; minutes past 24:00 wrap to the next day's time.
std::string format_clock(int minutes);

} // namespace footprint::core
