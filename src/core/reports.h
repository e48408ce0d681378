// Reports for sales management over a period: the weekly or monthly activity report, the renewal
// report and the win-back report. Pure functions of the plan and a period.
//
// A period is a range of calendar days with both ends included. Weeks start on Monday (ISO 8601,
// what US sales teams' CRM weekly reports use too). Activities and close dates are calendar days in
// the user's own time zone as they were recorded, so a report never shifts them across midnight:
// a call logged on Sunday evening in Ohio counts in that week wherever the report is run.
#pragma once

#include "core/model.h"
#include "core/summary.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace footprint::core {

struct Period {
    Date from;
    Date to; // inclusive
    int days() const { return days_between(from, to) + 1; }
    friend bool operator==(const Period&, const Period&) = default;
};
Period week_of(Date d);  // Monday .. Sunday
Period month_of(Date d); // the 1st .. the last day of its month
// "Week of Nov 23, 2026", "November 2026", else "Nov 1, 2026 – Nov 27, 2026".
std::string period_title(const Period& p);

// Parses a --from/--to pair; `error` names the argument and what is wrong:
// `--to "2026-02-30": not a date (use YYYY-MM-DD, a day that exists)`.
std::optional<Period> parse_period(std::string_view from, std::string_view to, std::string& error);

struct LossReason {
    std::string reason; // "No reason recorded" for a lost deal without one
    int deals = 0;
    Cents mrc = 0;
};

struct ActivityPeriodReport {
    Period period;
    ActivityCounts counts;
    int goals[kActivityTypeCount] = {}; // weekly goals scaled to the period (activity_goal)
    int goal_total = 0;
    std::vector<const Opportunity*> created; // opportunities created in the period, plan order
    Cents created_mrc = 0;
    Cents created_tcv = 0; // mrc x term + one-time charges
    ClosedDeals deals;     // won and lost with a close date in the period
    std::vector<LossReason> loss_reasons; // most deals first, then most MRC, then by name
    std::vector<int> per_day;             // activities on each day of the period
    int tasks_done = 0;    // next steps of activities in the period already done
    int tasks_open = 0;    // next steps not done yet, due by the period's end
};
ActivityPeriodReport activity_period_report(const Plan& plan, const Period& period);

// --- renewals ----------------------------------------------------------------------------------

struct RenewalItem {
    const Account* account = nullptr;
    const Opportunity* deal = nullptr; // the renewal deal, when there is one
    Date date;                         // contract end (upcoming), close date (renewed, lost)
    Cents mrc = 0;
};
struct RenewalReport {
    Period period;
    int horizon_days = 90;
    // Clients with contracts ending from the period's start to `horizon_days` after its end, soonest
    // first; mrc is what those contracts bring.
    std::vector<RenewalItem> upcoming;
    std::vector<RenewalItem> renewed; // renewal deals won in the period
    std::vector<RenewalItem> lost;    // renewal deals lost in the period, and clients lost then
    Cents upcoming_mrc = 0, renewed_mrc = 0, lost_mrc = 0;
};
RenewalReport renewal_report(const Plan& plan, const Period& period, int horizon_days = 90);

// --- win-backs ---------------------------------------------------------------------------------

struct WinbackItem {
    const Account* account = nullptr;
    Date competitor_end;
    bool contacted = false; // an activity with the account in the period
    const Opportunity* deal = nullptr; // the win-back deal won in the period
};
struct WinbackReport {
    Period period;
    // Former clients whose win-back window (settings.winback_window_days before the competitor's
    // contract ends, until kWinbackGraceDays after) overlaps the period, soonest end first.
    std::vector<WinbackItem> targets;
    int contacted = 0;
    std::vector<const Opportunity*> won_back; // win-back deals won in the period
    Cents won_back_mrc = 0;
};
WinbackReport winback_report(const Plan& plan, const Period& period);

} // namespace footprint::core
