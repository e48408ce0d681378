// Pipeline and forecast recomputation on a big plan: what the Pipeline and Forecast views rebuild
// after every edit (the one-pass summary, the board, commission), a what-if, and a stage edit.
// Usage: bench_forecast [ACCOUNTS]   (default 100000 accounts, so 25,000 opportunities)
#include "core/commission.h"
#include "core/deal_rules.h"
#include "core/forecast.h"
#include "core/forecast_table.h"
#include "core/stage_edit.h"
#include "core/synthetic_plan.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

using namespace footprint::core;
using Clock = std::chrono::steady_clock;

namespace {

// Median and worst of `runs` timings of `work`, in milliseconds.
void measure(const char* name, int runs, const std::function<long long()>& work) {
    std::vector<double> ms;
    long long sink = 0;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        sink += work();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-52s median %8.2f ms   max %8.2f ms   (%d runs, check %lld)\n", name,
                ms[ms.size() / 2], ms.back(), runs, sink % 1000);
}

} // namespace

int main(int argc, char** argv) {
    const int accounts = argc > 1 ? std::atoi(argv[1]) : 100'000;
    constexpr int kRuns = 15;
    const auto gen = Clock::now();
    const Plan plan = make_synthetic_plan(accounts, 0, 2026);
    std::size_t services = 0;
    for (const Account& a : plan.accounts)
        services += a.services.size();
    std::printf("plan: %zu accounts, %zu services, %zu opportunities (generated in %.0f ms)\n",
                plan.accounts.size(), services, plan.opportunities.size(),
                std::chrono::duration<double, std::milli>(Clock::now() - gen).count());
    const Date today = date_from_ymd(2026, 11, 26);
    const YearMonth from = YearMonth::of(2025, 1);

    measure("summarize_forecast, 36 months (pipeline + forecast)", kRuns,
            [&] { return summarize_forecast(plan, from, 36, today).months[20].closed_won; });
    measure("pipeline_totals + pipeline_board (the board)", kRuns, [&] {
        const auto t = pipeline_totals(plan, today);
        const auto b =
            pipeline_board(plan, date_from_ymd(2026, 11, 1), date_from_ymd(2026, 11, 30));
        return static_cast<long long>(t.open_count + static_cast<int>(b.size()));
    });
    measure("commission_by_month, 12 months", kRuns,
            [&] { return commission_by_month(plan, YearMonth::of(2026, 1), 12)[10].payout; });
    measure("Forecast view refresh (36 months, periods, commission)", kRuns, [&] {
        const auto f = summarize_forecast(plan, from, 36, today);
        const auto p = forecast_periods(f.months, Granularity::Quarter);
        const auto c = commission_by_month(plan, YearMonth::of(2026, 1), 12);
        return static_cast<long long>(p.size()) + c[0].payout;
    });
    // A what-if of 50 deals: what the What-if tab recomputes on each pick.
    std::vector<WhatIfChoice> picks;
    for (const Opportunity& o : plan.opportunities) {
        if (deal_state(plan, o) != DealState::Open) continue;
        picks.push_back({o.id, picks.size() % 2 ? WhatIfAction::Slip : WhatIfAction::Win});
        if (picks.size() == 50) break;
    }
    measure("what-if of 50 deals (forecast + commission, 24 months)", kRuns, [&] {
        const std::vector<Opportunity> changed = what_if_deals(plan, picks, today);
        const DealOverlay overlay = overlay_of(changed);
        const auto f = summarize_forecast(plan, YearMonth::of(2026, 1), 24, today, &overlay);
        const auto c = commission_by_month(plan, YearMonth::of(2026, 1), 24, &overlay);
        return f.months[10].closed_won + c[10].payout;
    });
    // Renaming a stage: the change set touches every deal in it.
    measure("stage_edit: rename a stage (its deals follow)", kRuns, [&] {
        auto drafts = stage_drafts(plan);
        drafts[0].stage.name = "Prospect";
        const StageEdit e = stage_edit(plan, drafts, today);
        return static_cast<long long>(e.deals_changed);
    });
    measure("forecast_csv, 12 months (the CLI)", kRuns, [&] {
        return static_cast<long long>(forecast_csv(plan, YearMonth::of(2026, 1), 12).size());
    });
    return 0;
}
