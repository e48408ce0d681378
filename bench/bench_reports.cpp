// The Reports view's recomputation on a big plan: the activity, renewal and win-back reports for a
// week and a month, and the CSV and printable HTML exports, as the view runs them after an edit.
// Usage: bench_reports [ACCOUNTS [ACTIVITIES]]   (defaults: 100000 accounts, 200000 activities)
#include "core/report_export.h"
#include "core/reports.h"
#include "core/synthetic_plan.h"
#include "bench_timing.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <time.h>
#include <vector>

using namespace footprint::core;
using footprint::bench::median_ms;
using footprint::bench::Timing;

namespace {

void print(const char* what, Timing t) {
    std::printf("%-44s %9.1f ms CPU  %9.1f ms wall\n", what, t.cpu, t.wall);
}

} // namespace

int main(int argc, char** argv) {
    const int accounts = argc > 1 ? std::atoi(argv[1]) : 100'000;
    const int activities = argc > 2 ? std::atoi(argv[2]) : 200'000;
    constexpr int kRuns = 9;
    const Plan plan = make_synthetic_plan(accounts, activities, 2026);
    // Inside the synthetic plan's activity dates (Jan 2025 .. Jun 2026).
    const Date today = date_from_ymd(2026, 3, 18);
    const Period week = week_of(today), month = month_of(today);
    std::printf("%d accounts, %zu opportunities, %zu activities; median of %d runs\n", accounts,
                plan.opportunities.size(), plan.activities.size(), kRuns);

    std::size_t sink = 0; // keeps the optimiser from dropping the work
    print("activity report, week", median_ms(kRuns, [&] {
              sink += static_cast<std::size_t>(activity_period_report(plan, week).counts.total());
          }));
    print("activity report, month", median_ms(kRuns, [&] {
              sink += static_cast<std::size_t>(activity_period_report(plan, month).counts.total());
          }));
    print("renewal report, month", median_ms(kRuns, [&] {
              sink += renewal_report(plan, month).upcoming.size();
          }));
    print("win-back report, month", median_ms(kRuns, [&] {
              sink += winback_report(plan, month).targets.size();
          }));
    print("all three, month (what the view recomputes)", median_ms(kRuns, [&] {
              sink += static_cast<std::size_t>(activity_period_report(plan, month).counts.total());
              sink += renewal_report(plan, month).upcoming.size();
              sink += winback_report(plan, month).targets.size();
          }));
    const ActivityPeriodReport a = activity_period_report(plan, month);
    const RenewalReport r = renewal_report(plan, month);
    const WinbackReport w = winback_report(plan, month);
    print("activity CSV, month", median_ms(kRuns, [&] { sink += activity_report_csv(plan, a).size(); }));
    print("printable HTML, month", median_ms(kRuns, [&] {
              sink += reports_html(plan, a, r, w, today).size();
          }));
    std::printf("(sink %zu; %d activities in the month, %zu upcoming renewals, %zu win-back "
                "targets)\n",
                sink % 10, a.counts.total(), r.upcoming.size(), w.targets.size());
    return 0;
}
