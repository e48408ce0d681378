// iCalendar and CSV exports of planned visits, and the few time zones' rules a VTIMEZONE needs.
#include "core/route_export.h"

#include "core/format.h"
#include "core/travel.h"

#include <cstdio>

namespace footprint::core {

namespace {

constexpr const char* kCrlf = "\r\n";

// --- time zones ----------------------------------------------------------------------------------
//
// Why TZID + VTIMEZONE rather than UTC: a visit is booked in local time ("10:00 in Columbus"), and
// both Outlook (desktop and web) and Google Calendar import DTSTART;TZID=America/New_York with a
// VTIMEZONE correctly, keeping the event at 10:00 local across daylight-saving changes. Google
// reads the IANA name itself; Outlook uses the VTIMEZONE's rules, so they must be right. Footprint
// carries the current rules of the North American and European zones its users have; for any
// other zone it writes floating local times and X-WR-TIMEZONE (both apps then use the calendar's
// own zone, which is the user's), never a wrong offset. "UTC" is written with Z times.

enum class DstRule { None, NorthAmerica, Europe };
struct Zone {
    const char* name;
    int std_minutes; // UTC offset in standard time
    DstRule rule;
    const char* std_abbr;
    const char* dst_abbr;
};

constexpr Zone kZones[] = {
    {"America/New_York", -300, DstRule::NorthAmerica, "EST", "EDT"},
    {"America/Detroit", -300, DstRule::NorthAmerica, "EST", "EDT"},
    {"America/Toronto", -300, DstRule::NorthAmerica, "EST", "EDT"},
    {"America/Indiana/Indianapolis", -300, DstRule::NorthAmerica, "EST", "EDT"},
    {"America/Kentucky/Louisville", -300, DstRule::NorthAmerica, "EST", "EDT"},
    {"America/Chicago", -360, DstRule::NorthAmerica, "CST", "CDT"},
    {"America/Winnipeg", -360, DstRule::NorthAmerica, "CST", "CDT"},
    {"America/Denver", -420, DstRule::NorthAmerica, "MST", "MDT"},
    {"America/Boise", -420, DstRule::NorthAmerica, "MST", "MDT"},
    {"America/Edmonton", -420, DstRule::NorthAmerica, "MST", "MDT"},
    {"America/Los_Angeles", -480, DstRule::NorthAmerica, "PST", "PDT"},
    {"America/Vancouver", -480, DstRule::NorthAmerica, "PST", "PDT"},
    {"America/Anchorage", -540, DstRule::NorthAmerica, "AKST", "AKDT"},
    {"America/Halifax", -240, DstRule::NorthAmerica, "AST", "ADT"},
    {"America/St_Johns", -210, DstRule::NorthAmerica, "NST", "NDT"},
    {"America/Phoenix", -420, DstRule::None, "MST", ""},
    {"America/Regina", -360, DstRule::None, "CST", ""},
    {"America/Puerto_Rico", -240, DstRule::None, "AST", ""},
    {"Pacific/Honolulu", -600, DstRule::None, "HST", ""},
    {"Europe/London", 0, DstRule::Europe, "GMT", "BST"},
    {"Europe/Dublin", 0, DstRule::Europe, "GMT", "IST"},
    {"Europe/Lisbon", 0, DstRule::Europe, "WET", "WEST"},
    {"Europe/Paris", 60, DstRule::Europe, "CET", "CEST"},
    {"Europe/Berlin", 60, DstRule::Europe, "CET", "CEST"},
    {"Europe/Madrid", 60, DstRule::Europe, "CET", "CEST"},
    {"Europe/Rome", 60, DstRule::Europe, "CET", "CEST"},
    {"Europe/Amsterdam", 60, DstRule::Europe, "CET", "CEST"},
    {"Europe/Brussels", 60, DstRule::Europe, "CET", "CEST"},
    {"Europe/Vienna", 60, DstRule::Europe, "CET", "CEST"},
    {"Europe/Zurich", 60, DstRule::Europe, "CET", "CEST"},
    {"Europe/Stockholm", 60, DstRule::Europe, "CET", "CEST"},
    {"Europe/Oslo", 60, DstRule::Europe, "CET", "CEST"},
    {"Europe/Copenhagen", 60, DstRule::Europe, "CET", "CEST"},
    {"Europe/Warsaw", 60, DstRule::Europe, "CET", "CEST"},
    {"Europe/Prague", 60, DstRule::Europe, "CET", "CEST"},
    {"Europe/Athens", 120, DstRule::Europe, "EET", "EEST"},
    {"Europe/Helsinki", 120, DstRule::Europe, "EET", "EEST"},
};

const Zone* find_zone(std::string_view name) {
    for (const Zone& z : kZones)
        if (name == z.name) return &z;
    return nullptr;
}

bool is_utc(std::string_view tz) {
    return tz == "UTC" || tz == "Etc/UTC" || tz == "GMT" || tz == "Etc/GMT";
}

std::string offset(int minutes) { // "-0500"
    char buf[8];
    const int m = minutes < 0 ? -minutes : minutes;
    std::snprintf(buf, sizeof buf, "%c%02d%02d", minutes < 0 ? '-' : '+', m / 60 % 100, m % 60);
    return buf;
}

std::string two(int v) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02d", v % 100);
    return buf;
}

// "20261127T091500" for a calendar day and minutes after its midnight (which may pass 24:00).
std::string local_stamp(Date d, int minutes) {
    const Date day = add_days(d, minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440));
    const int m = ((minutes % 1440) + 1440) % 1440;
    const Ymd y = ymd_of(day);
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d00", y.year % 10000, y.month % 100,
                  y.day % 100, m / 60 % 100, m % 60);
    return buf;
}

std::string utc_stamp(Timestamp t) { // "20261127T213928Z"
    const std::int64_t secs = t.ms >= 0 ? t.ms / 1000 : -((-t.ms + 999) / 1000);
    std::int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    const std::int64_t rest = secs - days * 86400;
    const Ymd y = ymd_of(Date{static_cast<std::int32_t>(days)});
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02dZ", y.year % 10000, y.month % 100,
                  y.day % 100, static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                  static_cast<int>(rest % 60));
    return buf;
}

std::string address_line(const Address& a) {
    std::string s = a.street;
    auto add = [&](const std::string& part, const char* sep) {
        if (part.empty()) return;
        if (!s.empty()) s += sep;
        s += part;
    };
    add(a.city, ", ");
    std::string state_zip = a.state;
    if (!a.postal_code.empty()) state_zip += (state_zip.empty() ? "" : " ") + a.postal_code;
    add(state_zip, ", ");
    return s;
}

std::string location_text(const DayStop& s) {
    if (s.account) {
        const std::string addr = address_line(s.account->address);
        if (!addr.empty()) return addr;
    }
    if (!s.location) return {};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6f, %.6f", s.location->lat, s.location->lon);
    return buf;
}

const Contact* contact_of(const DayStop& s) {
    if (!s.account) return nullptr;
    const Contact* primary = nullptr;
    for (const Contact& c : s.account->contacts) {
        if (!s.visit->contact_id.empty() && c.id == s.visit->contact_id) return &c;
        if (c.primary && !primary) primary = &c;
    }
    return s.visit->contact_id.empty() ? primary : nullptr;
}

std::string miles_text(double km) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f mi", km / kKmPerMile);
    return buf;
}

std::string number1(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string account_name(const DayStop& s) {
    return s.account ? s.account->name : "Unknown account";
}

// How the DTSTART/DTEND of the calendar are written.
struct TimeStyle {
    enum Kind { Zoned, Utc, Floating } kind = Floating;
    std::string tzid;
    int std_minutes = 0;
};

TimeStyle time_style(std::string_view tz) {
    if (is_utc(tz)) return {TimeStyle::Utc, "", 0};
    if (const Zone* z = find_zone(tz)) return {TimeStyle::Zoned, z->name, z->std_minutes};
    return {TimeStyle::Floating, std::string(tz), 0};
}

std::string time_property(const char* name, const TimeStyle& style, Date d, int minutes) {
    switch (style.kind) {
    case TimeStyle::Zoned:
        return std::string(name) + ";TZID=" + style.tzid + ":" + local_stamp(d, minutes);
    case TimeStyle::Utc:
        return std::string(name) + ":" + local_stamp(d, minutes) + "Z";
    case TimeStyle::Floating:
        return std::string(name) + ":" + local_stamp(d, minutes);
    }
    return {};
}

} // namespace

// --- iCalendar
// ----------------------------------------------------------------------------------------

std::string ics_escape_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case ';':
            out += "\\;";
            break;
        case ',':
            out += "\\,";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            if (i + 1 >= s.size() || s[i + 1] != '\n')
                out += "\\n"; // a lone CR is a line break too
            break;
        case '\t':
            out += c;
            break;
        default:
            if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
        }
    }
    return out;
}

std::string ics_fold(std::string_view line) {
    std::string out;
    std::size_t width = 0; // octets on the current physical line
    std::size_t i = 0;
    while (i < line.size()) {
        // The whole UTF-8 sequence that starts here stays together.
        std::size_t len = 1;
        const auto lead = static_cast<unsigned char>(line[i]);
        if (lead >= 0xF0)
            len = 4;
        else if (lead >= 0xE0)
            len = 3;
        else if (lead >= 0xC0)
            len = 2;
        len = std::min(len, line.size() - i);
        if (width + len > 75) {
            out += kCrlf;
            out += ' ';
            width = 1;
        }
        out.append(line.substr(i, len));
        width += len;
        i += len;
    }
    out += kCrlf;
    return out;
}

std::string ics_vtimezone(std::string_view tzid) {
    const Zone* z = find_zone(tzid);
    if (!z) return {};
    std::string s;
    auto line = [&](const std::string& l) { s += ics_fold(l); };
    line("BEGIN:VTIMEZONE");
    line(std::string("TZID:") + z->name);
    const std::string std_off = offset(z->std_minutes);
    if (z->rule == DstRule::None) {
        line("BEGIN:STANDARD");
        line("DTSTART:19700101T000000");
        line("TZOFFSETFROM:" + std_off);
        line("TZOFFSETTO:" + std_off);
        line(std::string("TZNAME:") + z->std_abbr);
        line("END:STANDARD");
    } else {
        const std::string dst_off = offset(z->std_minutes + 60);
        // North America (since 2007): second Sunday of March to first Sunday of November, at
        // 02:00 local. Europe (since 1996): last Sunday of March to last Sunday of October, at
        // 01:00 UTC, whatever the local hour.
        const bool na = z->rule == DstRule::NorthAmerica;
        const int eu_start = 60 + z->std_minutes, eu_end = 60 + z->std_minutes + 60;
        line("BEGIN:DAYLIGHT");
        line(na ? std::string("DTSTART:20070311T020000")
                : "DTSTART:19960331T" + two(eu_start / 60) + two(eu_start % 60) + "00");
        line(na ? std::string("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU")
                : std::string("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
        line("TZOFFSETFROM:" + std_off);
        line("TZOFFSETTO:" + dst_off);
        line(std::string("TZNAME:") + z->dst_abbr);
        line("END:DAYLIGHT");
        line("BEGIN:STANDARD");
        line(na ? std::string("DTSTART:20071104T020000")
                : "DTSTART:19961027T" + two(eu_end / 60) + two(eu_end % 60) + "00");
        line(na ? std::string("RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU")
                : std::string("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"));
        line("TZOFFSETFROM:" + dst_off);
        line("TZOFFSETTO:" + std_off);
        line(std::string("TZNAME:") + z->std_abbr);
        line("END:STANDARD");
    }
    line("END:VTIMEZONE");
    return s;
}

std::string export_ics(const Plan& plan, const std::vector<Date>& dates, Timestamp now,
                       const IcsOptions& options, ExportCounts* counts) {
    const TimeStyle style = time_style(plan.settings.timezone);
    std::string s;
    auto line = [&](const std::string& l) { s += ics_fold(l); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Footprint//Route planner " FOOTPRINT_VERSION "//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line("X-WR-CALNAME:" + ics_escape_text(plan.name.empty() ? "Footprint visits"
                                                             : plan.name + " \xE2\x80\x94 visits"));
    if (style.kind != TimeStyle::Utc)
        line("X-WR-TIMEZONE:" + ics_escape_text(plan.settings.timezone));
    if (style.kind == TimeStyle::Zoned) s += ics_vtimezone(style.tzid);
    const std::string stamp = utc_stamp(now);
    ExportCounts n;
    for (Date d : dates) {
        const DayRoute r = day_route(plan, d);
        n.unscheduled += static_cast<int>(r.unrouted.size());
        std::string prev_label = r.start.label;
        for (const DayStop& st : r.stops) {
            const Activity& a = *st.visit;
            const std::string name = account_name(st);
            // SEQUENCE grows with each change of the visit, so a re-import updates the event.
            const std::int64_t seq =
                std::max<std::int64_t>(0, (a.modified.ms - 1'704'067'200'000) / 1000); // since 2024
            if (options.drive_events && st.drive_minutes > 0) {
                line("BEGIN:VEVENT");
                line("UID:" + ics_escape_text(a.id) + "-drive@footprint");
                line("DTSTAMP:" + stamp);
                line(time_property("DTSTART", style, d, st.arrive - st.drive_minutes));
                line(time_property("DTEND", style, d, st.arrive));
                line("SUMMARY:" + ics_escape_text("Drive to " + name));
                line("DESCRIPTION:" + ics_escape_text("From " + prev_label + ": " +
                                                      format_duration_minutes(st.drive_minutes) +
                                                      ", " + miles_text(st.drive_km)));
                line("SEQUENCE:" + std::to_string(seq));
                line("CATEGORIES:Travel");
                line("TRANSP:OPAQUE");
                line("END:VEVENT");
            }
            line("BEGIN:VEVENT");
            line("UID:" + ics_escape_text(a.id) + "@footprint");
            line("DTSTAMP:" + stamp);
            line(time_property("DTSTART", style, d, st.start));
            line(time_property("DTEND", style, d, std::max(st.end, st.start + 1)));
            line("SUMMARY:" + ics_escape_text("Visit: " + name));
            const std::string where = location_text(st);
            if (!where.empty()) line("LOCATION:" + ics_escape_text(where));
            if (st.location) {
                char geo[64];
                std::snprintf(geo, sizeof geo, "GEO:%.6f;%.6f", st.location->lat, st.location->lon);
                line(geo);
            }
            std::string desc;
            auto add = [&](const std::string& t) {
                if (t.empty()) return;
                if (!desc.empty()) desc += "\n";
                desc += t;
            };
            add(a.subject);
            if (st.fixed) add("Appointment at " + format_clock(*a.start_minute));
            if (const Contact* c = contact_of(st)) {
                std::string who = "Contact: " + c->name;
                if (!c->title.empty()) who += " (" + c->title + ")";
                if (!c->phone.empty()) who += ", " + c->phone;
                if (!c->email.empty()) who += ", " + c->email;
                add(who);
            }
            if (st.drive_minutes > 0)
                add("Drive from " + prev_label + ": " + format_duration_minutes(st.drive_minutes) +
                    ", " + miles_text(st.drive_km));
            if (!a.notes.empty()) add("Notes: " + a.notes);
            if (!st.issue_text.empty() && st.blocking()) add("Warning: " + st.issue_text);
            add("Planned with Footprint");
            line("DESCRIPTION:" + ics_escape_text(desc));
            line("SEQUENCE:" + std::to_string(seq));
            line("LAST-MODIFIED:" + utc_stamp(a.modified));
            line("CATEGORIES:Visit");
            line(std::string("STATUS:") + (a.checked_in ? "CONFIRMED"
                                           : st.fixed   ? "CONFIRMED"
                                                        : "TENTATIVE"));
            line("TRANSP:OPAQUE");
            line("END:VEVENT");
            prev_label = name;
            ++n.visits;
        }
    }
    line("END:VCALENDAR");
    if (counts) *counts = n;
    return s;
}

// --- CSV
// ----------------------------------------------------------------------------------------------

std::string csv_cell(std::string_view v) {
    std::string s(v);
    if (!s.empty() &&
        (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
        s.insert(s.begin(), '\'');
    const bool quote = s.find_first_of(",\"\r\n") != std::string::npos ||
                       (!s.empty() && (s.front() == ' ' || s.back() == ' '));
    if (!quote) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string export_itinerary_csv(const Plan& plan, const std::vector<Date>& dates,
                                 ExportCounts* counts) {
    std::string out = "\xEF\xBB\xBF";
    auto row = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) out += ',';
            out += csv_cell(cells[i]);
        }
        out += kCrlf;
    };
    row({"Date", "Stop", "Account", "Arrive", "Start", "End", "Drive (min)", "Distance (mi)",
         "Distance (km)", "Appointment", "Address", "City", "State", "ZIP", "Contact", "Phone",
         "Subject", "Status"});
    ExportCounts n;
    for (Date d : dates) {
        const DayRoute r = day_route(plan, d);
        const std::string date = format_iso_date(d);
        if (!r.stops.empty())
            row({date, "Start", r.start.label, "", "", format_clock(r.leave), "", "", "", "", "",
                 "", "", "", "", "", "", ""});
        for (const DayStop& st : r.stops) {
            const Contact* c = contact_of(st);
            const Address addr = st.account ? st.account->address : Address{};
            const std::string status = st.done ? "Checked in" : st.issue_text;
            row({date, std::to_string(st.number), account_name(st), format_clock(st.arrive),
                 format_clock(st.start), format_clock(st.end), std::to_string(st.drive_minutes),
                 number1(st.drive_km / kKmPerMile), number1(st.drive_km), st.fixed ? "Yes" : "",
                 addr.street, addr.city, addr.state, addr.postal_code, c ? c->name : "",
                 c ? c->phone : "", st.visit->subject, status});
            ++n.visits;
        }
        if (!r.stops.empty())
            row({date, "End", r.end.label, format_clock(r.back), "", "",
                 std::to_string(r.back_drive_minutes), number1(r.back_km / kKmPerMile),
                 number1(r.back_km), "", "", "", "", "", "", "", "", ""});
        for (const DayStop& st : r.unrouted) {
            const Address addr = st.account ? st.account->address : Address{};
            row({date, "", account_name(st), "", "", "", "", "", "", "", addr.street, addr.city,
                 addr.state, addr.postal_code, "", "", st.visit->subject,
                 "Not on the route: " + st.issue_text});
            ++n.unscheduled;
        }
    }
    if (counts) *counts = n;
    return out;
}

} // namespace footprint::core
