// Aggregations the views show: pipeline by stage, the monthly forecast, activity counts, the week's
// agenda, renewals due. Each is one pass over the plan, so it stays fast on 100,000 accounts.
#pragma once

#include "core/date.h"
#include "core/model.h"

#include <optional>
#include <string>
#include <vector>

namespace footprint::core {

// --- small rules shared by every view --------------------------------------------------------

// mrc * probability / 100, rounded half up in cents; the probability is clamped to 0..100.
Cents weighted_mrc(Cents mrc, int probability);
// The Monday of d's week.
Date week_start(Date d);

// Where an opportunity stands, from its stage in plan.stages. An opportunity whose stage is not in
// plan.stages (a Salesforce stage renamed after export) is open.
enum class DealState { Open, Won, Lost };
// Looks a stage up by name; nullptr when the plan has no such stage.
const Stage* find_stage(const Plan& plan, const std::string& name);
DealState deal_state(const Plan& plan, const Opportunity& o);

// --- pipeline ----------------------------------------------------------------------------------

struct StageSummary {
    std::string stage;
    int count = 0;
    Cents mrc = 0;
    Cents weighted_mrc = 0; // sum over the stage's deals of weighted_mrc(mrc, probability)
};
// One entry per plan.stages, in that order (empty stages included). Deals in unknown stages are
// left out.
std::vector<StageSummary> pipeline_by_stage(const Plan& plan);

struct PipelineTotals {
    int open_count = 0;
    Cents open_mrc = 0;
    Cents weighted_mrc = 0;
    int slipped_count = 0; // open deals whose close date has passed
    Cents slipped_mrc = 0;
    int closing_soon_count = 0; // open deals closing today or in the next 30 days
};
PipelineTotals pipeline_totals(const Plan& plan, Date today);

// True for an open deal whose close date is before today (an undated deal has not slipped).
bool is_slipped(const Plan& plan, const Opportunity& o, Date today);

// The pipeline board: one column per stage in plan.stages order. Open stages list their deals
// sorted by close date (undated last); closed stages carry only the count and MRC of the deals that
// closed between closed_from and closed_to (inclusive), e.g. this month.
struct BoardColumn {
    const Stage* stage = nullptr;
    std::vector<const Opportunity*> deals; // empty for closed stages
    int count = 0;
    Cents mrc = 0;
};
std::vector<BoardColumn> pipeline_board(const Plan& plan, Date closed_from, Date closed_to);

// --- forecast ----------------------------------------------------------------------------------

// The months are disjoint buckets of a deal's MRC by its close-date month. Open deals are split by
// their forecast category (Commit, BestCase, Pipeline; Omitted ones are left out, and an open deal
// marked Closed counts as Commit); won deals go to closed_won; lost deals to nothing.
struct MonthSummary {
    YearMonth month;
    Cents quota = 0; // plan.quota.month_override for the month, else monthly_revenue
    Cents closed_won = 0;
    Cents commit = 0;    // open, category Commit
    Cents best_case = 0; // open, category BestCase
    Cents pipeline = 0;  // open, category Pipeline (unweighted)
    Cents weighted = 0;  // probability-weighted MRC of every open deal in the month (expected)
    Cents pipeline_weighted = 0; // probability-weighted MRC of the Pipeline-category deals only
    // The renewal base: MRC of client services whose contract ends in the month (what must be
    // renewed to keep revenue flat). Not new revenue: it never counts toward the quota.
    Cents renewal_base = 0;
    int renewal_services = 0;
    int renewal_accounts = 0;
    int won_count = 0, commit_count = 0, best_case_count = 0, pipeline_count = 0;
};
// `months` consecutive months from `from` (none when months <= 0).
std::vector<MonthSummary> monthly_forecast(const Plan& plan, YearMonth from, int months);
Cents quota_for(const Quota& quota, YearMonth month);

// The headline numbers of one month of the forecast.
struct MonthKpis {
    Cents quota = 0;
    Cents closed_won = 0;
    std::optional<double> attainment_pct; // closed_won / quota * 100; none without a quota
    Cents gap = 0;                        // quota - closed_won, never below 0
    Cents commit_forecast = 0;            // closed_won + commit
    std::optional<double> commit_pct;     // commit_forecast / quota * 100; none without a quota
    Cents best_case_forecast = 0;         // commit_forecast + best_case (Salesforce's roll-up)
    std::optional<double> best_case_pct;  // best_case_forecast / quota * 100; none without a quota
    Cents weighted_forecast = 0;          // closed_won + weighted (what the deals are expected to bring)
    Cents open_pipeline = 0;              // commit + best_case + pipeline (unweighted)
    // open_pipeline / gap ("3.2x"); none when the gap is 0 (goal reached or no quota).
    std::optional<double> coverage;
};
MonthKpis month_kpis(const MonthSummary& m);

// --- activities --------------------------------------------------------------------------------

inline constexpr int kActivityTypeCount = 6;
inline int type_index(ActivityType t) {
    return static_cast<int>(t);
}

struct ActivityCounts {
    int by_type[kActivityTypeCount] = {}; // indexed by type_index(ActivityType)
    int accounts_touched = 0;             // distinct accounts with at least one activity
    int total() const;
};
ActivityCounts count_activities(const Plan& plan, Date from, Date to_inclusive);

// The goal for one type of activity over `days` days: weekly goal * days / 7, rounded half up.
int activity_goal(const ActivityGoals& weekly, ActivityType t, int days);

// Activities dated from..to_inclusive, sorted by date then start time (untimed ones first in a day,
// then plan order).
std::vector<const Activity*> activities_between(const Plan& plan, Date from, Date to_inclusive);
// Number of activities on each day from..to_inclusive (empty when to < from).
std::vector<int> activities_per_day(const Plan& plan, Date from, Date to_inclusive);
// Activities with a next step that is not done and was due before today, oldest due first.
std::vector<const Activity*> overdue_next_steps(const Plan& plan, Date today);

// --- closed deals ------------------------------------------------------------------------------

struct ClosedDeals {
    std::vector<const Opportunity*> won;  // newest close date first
    std::vector<const Opportunity*> lost; // newest close date first
    Cents won_mrc = 0;
    Cents lost_mrc = 0;
};
ClosedDeals closed_deals_between(const Plan& plan, Date from, Date to_inclusive);

// --- the activity report ----------------------------------------------------------------------

// Activity against goals and the deals closed over the `days` days that end today (inclusive).
struct ActivityReport {
    Date from;
    Date to; // today
    ActivityCounts counts;
    int goals[kActivityTypeCount] = {}; // activity_goal for each type over the period
    int goal_total = 0;
    ClosedDeals deals;
};
ActivityReport activity_report(const Plan& plan, Date today, int days);

// --- renewals ----------------------------------------------------------------------------------

struct RenewalDue {
    const Account* account = nullptr;
    const Service* service = nullptr;
    int days_left = 0; // contract_end - today
};
// Services of client accounts whose contract ends within 0..within_days days of today, soonest
// first (then by account order in the plan).
std::vector<RenewalDue> renewals_due(const Plan& plan, Date today, int within_days);

// The same renewals with one entry per account (you call the account once): its services due, their
// MRC and the soonest days_left. Keeps the order of `due` by each account's first entry, so a list
// sorted by days_left stays sorted.
struct AccountRenewal {
    const Account* account = nullptr;
    std::vector<const Service*> services;
    Cents mrc = 0;
    int days_left = 0;
};
std::vector<AccountRenewal> renewals_by_account(const std::vector<RenewalDue>& due);

} // namespace footprint::core
