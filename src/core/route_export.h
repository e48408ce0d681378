// Exporting planned visits: an iCalendar file (RFC 5545) that Outlook and Google Calendar import,
// and a CSV itinerary for Excel. Both cover one or more days, each visit in route order.
#pragma once

#include "core/day_plan.h"
#include "core/model.h"

#include <string>
#include <string_view>
#include <vector>

namespace footprint::core {

struct IcsOptions {
    bool drive_events = false; // also block the driving time before each visit ("Drive to …")
};

struct ExportCounts {
    int visits = 0;      // exported
    int unscheduled = 0; // visits of those days without a time or a location: left out
};

// The visits of `dates` as VEVENTs, with the plan's time zone (settings.timezone). UIDs are the
// activity ids, so importing again updates the events instead of duplicating them.
std::string export_ics(const Plan& plan, const std::vector<Date>& dates, Timestamp now,
                       const IcsOptions& options = {}, ExportCounts* counts = nullptr);

// A spreadsheet of the same days: one row per stop (and the start and the way back), UTF-8 with a
// byte order mark and CRLF line ends, for Excel.
std::string export_itinerary_csv(const Plan& plan, const std::vector<Date>& dates,
                                 ExportCounts* counts = nullptr);

// --- the pieces, public for tests
// --------------------------------------------------------------------

// RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped; other control characters
// dropped.
std::string ics_escape_text(std::string_view s);
// Folds a content line to at most 75 octets per physical line (CRLF + space), never splitting a
// UTF-8 sequence, and ends it with CRLF.
std::string ics_fold(std::string_view line);
// The VTIMEZONE for an IANA zone name, or empty when Footprint does not know its rules.
std::string ics_vtimezone(std::string_view tzid);
// A CSV cell: quoted when needed (RFC 4180), and with a leading ' when a spreadsheet would take it
// for a formula (=, +, -, @, tab, carriage return).
std::string csv_cell(std::string_view s);

} // namespace footprint::core
