// iCalendar and CSV exports (src/core/route_export.cpp): RFC 5545 folding, TEXT escaping and
// VTIMEZONE rules, CSV quoting and formula-injection safety, and whole files for a day of visits.
// (The command-line tests also parse an exported file back with Python's icalendar.)
#include "core/format.h"
#include "core/route_export.h"

#include <doctest/doctest.h>

#include <sstream>

using namespace footprint::core;

namespace {

std::vector<std::string> physical_lines(const std::string& s) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < s.size()) {
        const std::size_t crlf = s.find("\r\n", at);
        REQUIRE(crlf != std::string::npos); // every line ends with CRLF
        out.push_back(s.substr(at, crlf - at));
        at = crlf + 2;
    }
    return out;
}

std::string unfold(const std::string& s) {
    std::string out;
    for (const std::string& l : physical_lines(s)) {
        if (!l.empty() && l[0] == ' ')
            out += l.substr(1);
        else
            out += (out.empty() ? "" : "\n") + l;
    }
    return out;
}

bool valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

Plan day_plan() {
    Plan p = make_empty_plan("p", "Q4 plan", Timestamp{});
    p.settings.home = LatLon{40.0, -83.0};
    Account a;
    a.id = "acc-1";
    a.name = "Sato Transfer, Storage; \"Main\"";
    a.status = AccountStatus::Client;
    a.location = LatLon{40.05, -83.05};
    a.address = {"12 Elm St", "Columbus", "OH", "43215", "US"};
    Contact c;
    c.id = "con-1";
    c.name = "Maria Garcia";
    c.phone = "(614) 555-0142";
    c.primary = true;
    a.contacts.push_back(c);
    p.accounts.push_back(a);
    Account b = a;
    b.id = "acc-2";
    b.name = "=HYPERLINK(\"http://x\")";
    b.location = LatLon{40.1, -83.0};
    b.contacts.clear();
    p.accounts.push_back(b);
    Account nowhere = a;
    nowhere.id = "acc-3";
    nowhere.location.reset();
    p.accounts.push_back(nowhere);
    auto visit = [&](std::string id, std::string acc, std::optional<int> start) {
        Activity v;
        v.id = std::move(id);
        v.account_id = std::move(acc);
        v.type = ActivityType::Visit;
        v.date = date_from_ymd(2026, 7, 1); // daylight saving time in New York
        v.start_minute = start;
        v.duration_minutes = 45;
        p.activities.push_back(v);
    };
    visit("act-1", "acc-1", 9 * 60);
    visit("act-2", "acc-2", 13 * 60);
    visit("act-3", "acc-3", 15 * 60);
    p.activities[0].notes = "Bring the quote.\nAsk about the second site, then \\ call back";
    p.activities[1].fixed_time = true;
    return p;
}

} // namespace

TEST_CASE("iCalendar TEXT escaping") {
    CHECK(ics_escape_text("a,b;c\\d") == "a\\,b\\;c\\\\d");
    CHECK(ics_escape_text("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour");
    CHECK(ics_escape_text(std::string("bell\x07 tab\tok", 13)) == "bell tab\tok");
    CHECK(ics_escape_text("Ünïcode — ok") == "Ünïcode — ok");
}

TEST_CASE("iCalendar lines fold at 75 octets without splitting a character") {
    CHECK(ics_fold("SUMMARY:short") == "SUMMARY:short\r\n");
    std::string longline = "DESCRIPTION:";
    for (int i = 0; i < 60; ++i)
        longline += "Ünï—";
    const std::string folded = ics_fold(longline);
    for (const std::string& l : physical_lines(folded)) {
        CHECK(l.size() <= 75);
        CHECK(valid_utf8(l.substr(l[0] == ' ' ? 1 : 0)));
    }
    CHECK(unfold(folded) == longline);
    const std::string exact(75, 'x');
    CHECK(ics_fold(exact) == exact + "\r\n");
    CHECK(ics_fold(exact + "y") == exact + "\r\n y\r\n");
}

TEST_CASE("VTIMEZONE rules for North America, Europe and zones without daylight saving") {
    const std::string ny = ics_vtimezone("America/New_York");
    CHECK(ny.find("TZID:America/New_York\r\n") != std::string::npos);
    CHECK(
        ny.find(
            "BEGIN:DAYLIGHT\r\nDTSTART:20070311T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n"
            "TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT\r\n") != std::string::npos);
    CHECK(ny.find("DTSTART:20071104T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n"
                  "TZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST\r\n") != std::string::npos);
    const std::string paris = ics_vtimezone("Europe/Paris");
    CHECK(paris.find("DTSTART:19960331T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n") !=
          std::string::npos);
    CHECK(paris.find("DTSTART:19961027T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n") !=
          std::string::npos);
    CHECK(ics_vtimezone("America/St_Johns").find("TZOFFSETTO:-0230") != std::string::npos);
    const std::string phx = ics_vtimezone("America/Phoenix");
    CHECK(phx.find("DAYLIGHT") == std::string::npos);
    CHECK(phx.find("TZOFFSETTO:-0700") != std::string::npos);
    CHECK(ics_vtimezone("Mars/Olympus_Mons").empty());
}

TEST_CASE("a day's visits as an iCalendar file") {
    const Plan p = day_plan();
    ExportCounts n;
    const std::string ics =
        export_ics(p, {date_from_ymd(2026, 7, 1)}, Timestamp{1'790'000'000'000}, {}, &n);
    CHECK(n.visits == 2);
    CHECK(n.unscheduled == 1);
    for (const std::string& l : physical_lines(ics))
        CHECK(l.size() <= 75);
    const std::string text = unfold(ics);
    CHECK(text.rfind("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:", 0) == 0);
    CHECK(text.find("\nBEGIN:VTIMEZONE\nTZID:America/New_York\n") != std::string::npos);
    CHECK(text.find("\nUID:act-1@footprint\nDTSTAMP:20260921T141320Z\n") != std::string::npos);
    CHECK(text.find("\nDTSTART;TZID=America/New_York:20260701T090000\nDTEND;TZID=America/"
                    "New_York:20260701T094500\n") != std::string::npos);
    CHECK(text.find("\nSUMMARY:Visit: Sato Transfer\\, Storage\\; \"Main\"\n") !=
          std::string::npos);
    CHECK(text.find("\nLOCATION:12 Elm St\\, Columbus\\, OH 43215\n") != std::string::npos);
    CHECK(text.find("\nGEO:40.050000;-83.050000\n") != std::string::npos);
    CHECK(text.find("Notes: Bring the quote.\\nAsk about the second site\\, then \\\\ call back") !=
          std::string::npos);
    CHECK(text.find("Contact: Maria Garcia\\, (614) 555-0142") != std::string::npos);
    CHECK(text.find("\nUID:act-2@footprint\n") != std::string::npos);
    CHECK(text.find("Appointment at 1:00 PM") != std::string::npos);
    CHECK(text.find("act-3") == std::string::npos); // no location: not exported
    CHECK(text.substr(text.size() - 14) == "\nEND:VCALENDAR");

    // Driving blocks, on request.
    const std::string with_drives =
        unfold(export_ics(p, {date_from_ymd(2026, 7, 1)}, Timestamp{0}, IcsOptions{true}));
    CHECK(with_drives.find("\nUID:act-1-drive@footprint\n") != std::string::npos);
    CHECK(with_drives.find("\nSUMMARY:Drive to Sato Transfer\\, Storage\\; \"Main\"\n") !=
          std::string::npos);

    // UTC plans use Z times; unknown zones floating local times, named for the importer.
    Plan utc = p;
    utc.settings.timezone = "UTC";
    const std::string u = unfold(export_ics(utc, {date_from_ymd(2026, 7, 1)}, Timestamp{0}));
    CHECK(u.find("\nDTSTART:20260701T090000Z\n") != std::string::npos);
    CHECK(u.find("VTIMEZONE") == std::string::npos);
    Plan odd = p;
    odd.settings.timezone = "Asia/Kolkata";
    const std::string f = unfold(export_ics(odd, {date_from_ymd(2026, 7, 1)}, Timestamp{0}));
    CHECK(f.find("\nDTSTART:20260701T090000\n") != std::string::npos);
    CHECK(f.find("\nX-WR-TIMEZONE:Asia/Kolkata\n") != std::string::npos);
}

TEST_CASE("CSV cells: quoting and formula injection") {
    CHECK(csv_cell("plain") == "plain");
    CHECK(csv_cell("a,b") == "\"a,b\"");
    CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_cell("two\nlines") == "\"two\nlines\"");
    CHECK(csv_cell("=1+1") == "'=1+1");
    CHECK(csv_cell("+15551234") == "'+15551234");
    CHECK(csv_cell("-2") == "'-2");
    CHECK(csv_cell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_cell("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
    CHECK(csv_cell(" padded ") == "\" padded \"");
    CHECK(csv_cell("") == "");
}

TEST_CASE("a day's itinerary as CSV for Excel") {
    const Plan p = day_plan();
    ExportCounts n;
    const std::string csv = export_itinerary_csv(p, {date_from_ymd(2026, 7, 1)}, &n);
    CHECK(csv.rfind("\xEF\xBB\xBF"
                    "Date,Stop,Account,Arrive,Start,End,",
                    0) == 0);
    CHECK(n.visits == 2);
    CHECK(n.unscheduled == 1);
    const std::vector<std::string> rows = physical_lines(csv.substr(3));
    REQUIRE(rows.size() == 6); // header, start, 2 visits, end, the visit without a location
    CHECK(rows[1].rfind("2026-07-01,Start,Office,,,", 0) == 0);
    CHECK(rows[2].rfind("2026-07-01,1,\"Sato Transfer, Storage; \"\"Main\"\"\",", 0) == 0);
    CHECK(rows[2].find(",9:00 AM,9:45 AM,") != std::string::npos);
    CHECK(rows[3].rfind("2026-07-01,2,\"'=HYPERLINK(\"\"http://x\"\")\",", 0) == 0);
    CHECK(rows[3].find(",Yes,") != std::string::npos);
    CHECK(rows[4].rfind("2026-07-01,End,Office,", 0) == 0);
    CHECK(rows[5].find("Not on the route: no location") != std::string::npos);
}

TEST_CASE("times of day as US users read them") {
    CHECK(format_clock(0) == "12:00 AM");
    CHECK(format_clock(8 * 60 + 15) == "8:15 AM");
    CHECK(format_clock(12 * 60) == "12:00 PM");
    CHECK(format_clock(17 * 60 + 30) == "5:30 PM");
    CHECK(format_clock(23 * 60 + 59) == "11:59 PM");
    CHECK(format_clock(24 * 60 + 30) == "12:30 AM"); // past midnight wraps
    CHECK(format_clock(-30) == "11:30 PM");
}
