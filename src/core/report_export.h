// The reports as files: CSV for Excel, JSON for scripts, and one printable self-contained HTML page.
#pragma once

#include "core/reports.h"

#include <string>

namespace footprint::core {

enum class ReportKind { Activity, Renewal, Winback };
std::string_view to_string(ReportKind k); // "activity", "renewal", "winback"
std::optional<ReportKind> report_kind_from(std::string_view s);

// One table per report, what Excel opens right: UTF-8 with a byte order mark, CRLF line ends,
// text cells guarded against formula injection (append_csv_cell). Money in dollars with two
// decimals ("1234.50") so Excel reads numbers; dates as YYYY-MM-DD.
// Columns: Section, Item, Detail, Date, Count, Goal, MRC, TCV.
std::string activity_report_csv(const Plan& plan, const ActivityPeriodReport& r);
std::string renewal_report_csv(const Plan& plan, const RenewalReport& r);
std::string winback_report_csv(const Plan& plan, const WinbackReport& r);

// The same numbers as JSON (money in cents, dates as YYYY-MM-DD).
Json activity_report_json(const Plan& plan, const ActivityPeriodReport& r);
Json renewal_report_json(const Plan& plan, const RenewalReport& r);
Json winback_report_json(const Plan& plan, const WinbackReport& r);

// The three reports for one period on one printable page (html.h): every user string escaped,
// charts as inline bars, no scripts, no external requests.
std::string reports_html(const Plan& plan, const ActivityPeriodReport& activity,
                         const RenewalReport& renewals, const WinbackReport& winbacks,
                         Date generated);

// "activity-report-2026-11-23-to-2026-11-29.csv"; kind "reports" for the HTML page.
std::string report_file_name(std::string_view kind, const Period& p, std::string_view ext);

} // namespace footprint::core
