// Calendar arithmetic and ISO 8601 parsing for dates, months and timestamps.
#include "core/date.h"

#include <algorithm>
#include <cstdio>

namespace footprint::core {

namespace {

// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z in seconds since the epoch.
constexpr std::int64_t kMinSeconds = -62135596800;
constexpr std::int64_t kMaxSeconds = 253402300799;

bool parse_fixed(std::string_view s, std::size_t pos, std::size_t len, int& out) {
    if (pos + len > s.size()) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
        char c = s[i];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

} // namespace

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

bool valid_ymd(int y, int m, int d) {
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

Date date_from_ymd(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153u * static_cast<unsigned>(m > 2 ? m - 3 : m + 9) + 2u) / 5u +
                         static_cast<unsigned>(d) - 1u;
    const unsigned doe = yoe * 365u + yoe / 4u - yoe / 100u + doy;
    return Date{era * 146097 + static_cast<int>(doe) - 719468};
}

Ymd ymd_of(Date date) {
    const int z = date.days + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460u + doe / 36524u - doe / 146096u) / 365u;
    const int y = static_cast<int>(yoe) + era * 400;
    const unsigned doy = doe - (365u * yoe + yoe / 4u - yoe / 100u);
    const unsigned mp = (5u * doy + 2u) / 153u;
    const unsigned d = doy - (153u * mp + 2u) / 5u + 1u;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Ymd{y + (m <= 2), static_cast<int>(m), static_cast<int>(d)};
}

int weekday(Date d) {
    // 1970-01-01 was a Thursday (index 3 with Monday = 0).
    int w = (d.days + 3) % 7;
    return w < 0 ? w + 7 : w;
}

Date add_months(Date d, int months) {
    Ymd ymd = ymd_of(d);
    int idx = ymd.year * 12 + (ymd.month - 1) + months;
    int y = idx >= 0 ? idx / 12 : (idx - 11) / 12;
    int m = idx - y * 12 + 1;
    int day = ymd.day;
    int dim = days_in_month(y, m);
    if (day > dim) day = dim;
    return date_from_ymd(y, m, day);
}

std::optional<Date> parse_iso_date(std::string_view s) {
    int y = 0, m = 0, d = 0;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    if (!parse_fixed(s, 0, 4, y) || !parse_fixed(s, 5, 2, m) || !parse_fixed(s, 8, 2, d))
        return std::nullopt;
    if (!valid_ymd(y, m, d)) return std::nullopt;
    return date_from_ymd(y, m, d);
}

std::string format_iso_date(Date d) {
    Ymd ymd = ymd_of(d);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", ymd.year, ymd.month, ymd.day);
    return buf;
}

YearMonth YearMonth::of(Date d) {
    Ymd ymd = ymd_of(d);
    return YearMonth::of(ymd.year, ymd.month);
}

std::optional<YearMonth> parse_year_month(std::string_view s) {
    int y = 0, m = 0;
    if (s.size() != 7 || s[4] != '-') return std::nullopt;
    if (!parse_fixed(s, 0, 4, y) || !parse_fixed(s, 5, 2, m)) return std::nullopt;
    if (y < 1 || m < 1 || m > 12) return std::nullopt;
    return YearMonth::of(y, m);
}

std::string format_year_month(YearMonth ym) {
    char buf[32]; // room for any int, so the compiler can see nothing is cut
    std::snprintf(buf, sizeof buf, "%04d-%02d", ym.year(), ym.month());
    return buf;
}

std::optional<Timestamp> parse_iso_timestamp(std::string_view s) {
    // YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]
    if (s.size() < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':') return std::nullopt;
    auto date = parse_iso_date(s.substr(0, 10));
    if (!date) return std::nullopt;
    int hh = 0, mm = 0, ss = 0;
    if (!parse_fixed(s, 11, 2, hh) || !parse_fixed(s, 14, 2, mm) || !parse_fixed(s, 17, 2, ss))
        return std::nullopt;
    if (hh > 23 || mm > 59 || ss > 60) return std::nullopt;
    std::size_t pos = 19;
    std::int64_t ms = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        int digits = 0;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            if (digits < 3) ms = ms * 10 + (s[pos] - '0');
            ++digits;
            ++pos;
        }
        if (digits == 0) return std::nullopt;
        for (int i = digits; i < 3; ++i) ms *= 10;
    }
    std::int64_t offset_min = 0;
    if (pos >= s.size()) return std::nullopt;
    if (s[pos] == 'Z') {
        ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
        int oh = 0, om = 0;
        if (pos + 6 != s.size() || s[pos + 3] != ':' || !parse_fixed(s, pos + 1, 2, oh) ||
            !parse_fixed(s, pos + 4, 2, om) || oh > 23 || om > 59)
            return std::nullopt;
        offset_min = (s[pos] == '+' ? 1 : -1) * (oh * 60 + om);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != s.size()) return std::nullopt;
    std::int64_t secs = static_cast<std::int64_t>(date->days) * 86400 + hh * 3600 + mm * 60 + ss -
                        offset_min * 60;
    // The instant must itself be in years 1..9999, so that formatting it gives a string this
    // parser accepts ("9999-12-31T23:59:59-01:00" is in year 10000).
    if (secs < kMinSeconds || secs > kMaxSeconds) return std::nullopt;
    return Timestamp{secs * 1000 + ms};
}

std::string format_iso_timestamp(Timestamp t) {
    // Clamped to years 1..9999 so that extreme values cannot overflow and still read back.
    std::int64_t ms = std::clamp<std::int64_t>(t.ms, kMinSeconds * 1000, kMaxSeconds * 1000 + 999);
    std::int64_t days = ms / 86400000 - (ms % 86400000 < 0 ? 1 : 0);
    std::int64_t rem = ms - days * 86400000;
    Ymd ymd = ymd_of(Date{static_cast<std::int32_t>(days)});
    int h = static_cast<int>(rem / 3600000);
    int m = static_cast<int>(rem / 60000 % 60);
    int s = static_cast<int>(rem / 1000 % 60);
    int f = static_cast<int>(rem % 1000);
    char buf[96]; // room for any int, so the compiler can see nothing is cut
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", ymd.year, ymd.month,
                  ymd.day, h, m, s, f);
    return buf;
}

std::optional<int> parse_hhmm(std::string_view s) {
    int h = 0, m = 0;
    if (s.size() != 5 || s[2] != ':' || !parse_fixed(s, 0, 2, h) || !parse_fixed(s, 3, 2, m))
        return std::nullopt;
    if (h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

std::string format_hhmm(int minutes) {
    minutes = ((minutes % 1440) + 1440) % 1440;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", (minutes / 60) % 24, minutes % 60);
    return buf;
}

} // namespace footprint::core
