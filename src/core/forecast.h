// The forecast engine: pipeline by stage, pipeline totals and the monthly forecast (with the
// renewal base) in one pass over the plan, what-if overlays, and months grouped into quarters and
// years. The rules are written out in docs/forecast.md.
#pragma once

#include "core/summary.h"

#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace footprint::core {

// Deals to read differently for a what-if, by id: the summaries use the replacement instead of the
// plan's record. The replacements must outlive the call.
using DealOverlay = std::unordered_map<std::string_view, const Opportunity*>;
// An overlay over `deals` (each replacing the plan's deal with the same id).
DealOverlay overlay_of(const std::vector<Opportunity>& deals);

// Where a deal's MRC goes in its close month. Won deals are Closed won; open deals go by forecast
// category (an open deal marked Closed counts as Commit: it is not won until its stage says so);
// lost and Omitted deals go nowhere.
enum class ForecastBucket { None, ClosedWon, Commit, BestCase, Pipeline };
ForecastBucket forecast_bucket(DealState state, ForecastCategory category);

struct ForecastSummary {
    std::vector<StageSummary> stages; // as pipeline_by_stage
    PipelineTotals totals;            // as pipeline_totals(today)
    std::vector<MonthSummary> months; // as monthly_forecast(from, months), with the renewal base
};
// Everything the pipeline and forecast views show, in one pass over the opportunities and one over
// the accounts' services. `overlay` replaces some deals (a what-if); null reads the plan as it is.
ForecastSummary summarize_forecast(const Plan& plan, YearMonth from, int months, Date today,
                                   const DealOverlay* overlay = nullptr);

// --- periods -----------------------------------------------------------------------------------

enum class Granularity { Month, Quarter, Year };

// Consecutive months added up into a calendar month, quarter or year.
struct ForecastPeriod {
    YearMonth first;    // the period's first month
    int months = 0;     // months of the input in the period (3 for a full quarter)
    MonthSummary total; // every amount and count added up; total.quota is the sum of the months'
                        // quotas (a month without a quota adds nothing); total.month == first
    int months_without_quota = 0;
    // Closed won / quota from the start of the period's calendar year (or the first month given,
    // if later) through the end of the period; none when that span has no quota.
    std::optional<double> cumulative_attainment_pct;
};
std::vector<ForecastPeriod> forecast_periods(const std::vector<MonthSummary>& months,
                                             Granularity g);

// The period that contains `month`, or -1.
int period_index(const std::vector<ForecastPeriod>& periods, YearMonth month);

} // namespace footprint::core
