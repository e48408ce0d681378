// The forecast engine (core/forecast.cpp) against a table worked out by hand: Salesforce's roll-up,
// probability weighting, the renewal base, months without a quota, periods and what-if overlays.
#include "core/deal_rules.h"
#include "core/forecast.h"

#include <doctest/doctest.h>

using namespace footprint::core;

namespace {

Date d(int y, int m, int day) {
    return date_from_ymd(y, m, day);
}

// Probability and category default to the stage's, as Salesforce does.
Opportunity deal(const Plan& p, std::string id, std::string stage, Cents mrc,
                 std::optional<Date> close) {
    Opportunity o;
    o.id = std::move(id);
    o.account_id = "a1";
    o.stage = std::move(stage);
    o.mrc = mrc;
    o.close_date = close;
    if (const Stage* s = find_stage(p, o.stage)) {
        o.probability = s->probability;
        o.forecast_category = s->category;
    }
    return o;
}

Service service(std::string id, Cents mrc, std::optional<Date> end) {
    Service s;
    s.id = std::move(id);
    s.mrc = mrc;
    s.contract_end = end;
    return s;
}

Account account(std::string id, AccountStatus status, std::vector<Service> services) {
    Account a;
    a.id = std::move(id);
    a.status = status;
    a.services = std::move(services);
    return a;
}

// The worked example. Quota: $10,000 a month, $12,000 in April, none in May (an override of 0).
//
// clang-format off
// March 2026   stage (default %, category)            MRC        bucket       weighted
//   w1  Closed Won                                    3,000.00   closed won
//   w2  Closed Won (Mar 31)                           1,500.00   closed won
//   l1  Closed Lost                                   9,900.00   -
//   c1  Negotiation/Review (90%, Commit)              2,000.00   commit       1,800.00
//   c2  Qualification, category set to Commit (10%)  1,000.00   commit         100.00
//   b1  Proposal/Price Quote (75%, Best Case)         1,000.00   best case      750.00
//   p1  Value Proposition (50%, Pipeline)               500.01   pipeline       250.01 (250.005)
//   p2  Prospecting (10%, Pipeline)                     333.33   pipeline        33.33 (33.333)
//   o1  Prospecting, category set to Omitted            777.00   -
//   Closed won 4,500.00 · commit 3,000.00 · best case 1,000.00 · pipeline 833.34
//   weighted pipeline (Pipeline category) 283.34 · weighted, every open deal 2,933.34
//   Commit forecast = 4,500 + 3,000 = 7,500.00 (75%)
//   Best case forecast = 7,500 + 1,000 = 8,500.00 (85%)
//   Open pipeline 4,833.34 · gap 5,500.00 · coverage 4,833.34 / 5,500 = 0.8788
//
// April 2026 (quota 12,000)
//   w3  Closed Won (Apr 30)                          12,000.00   closed won: 100% exactly
//   p3  Needs Analysis (20%, Pipeline)                  400.00   pipeline        80.00
//
// May 2026 (no quota)
//   w4  Closed Won                                      700.00   closed won
//   b2  Perception Analysis (70%, Best Case)          1,000.00   best case      700.00
// clang-format on
//
// Outside the months: x1 in February, x2 in July, u1 undated.
//
// Renewal base (client services whose contract ends in the month):
//   March: a1's 1,000.00 (Mar 15) + 500.00 (Mar 31), a2's 300.00 (Mar 1) = 1,800.00, 3 services,
//   2 accounts; a3 (former client) and a4 (prospect) do not count. April: a1's 200.00 (Apr 1).
Plan worked_plan() {
    Plan p = make_empty_plan("p", "Worked example", Timestamp{});
    p.quota.monthly_revenue = 1000000;
    p.quota.month_override[YearMonth::of(2026, 4)] = 1200000;
    p.quota.month_override[YearMonth::of(2026, 5)] = 0;
    p.opportunities = {
        deal(p, "w1", "Closed Won", 300000, d(2026, 3, 2)),
        deal(p, "w2", "Closed Won", 150000, d(2026, 3, 31)),
        deal(p, "l1", "Closed Lost", 990000, d(2026, 3, 10)),
        deal(p, "c1", "Negotiation/Review", 200000, d(2026, 3, 20)),
        deal(p, "c2", "Qualification", 100000, d(2026, 3, 21)),
        deal(p, "b1", "Proposal/Price Quote", 100000, d(2026, 3, 25)),
        deal(p, "p1", "Value Proposition", 50001, d(2026, 3, 26)),
        deal(p, "p2", "Prospecting", 33333, d(2026, 3, 27)),
        deal(p, "o1", "Prospecting", 77700, d(2026, 3, 28)),
        deal(p, "w3", "Closed Won", 1200000, d(2026, 4, 30)),
        deal(p, "p3", "Needs Analysis", 40000, d(2026, 4, 2)),
        deal(p, "w4", "Closed Won", 70000, d(2026, 5, 5)),
        deal(p, "b2", "Perception Analysis", 100000, d(2026, 5, 6)),
        deal(p, "x1", "Closed Won", 123, d(2026, 2, 28)),
        deal(p, "x2", "Prospecting", 456, d(2026, 7, 1)),
        deal(p, "u1", "Prospecting", 789, std::nullopt),
    };
    p.opportunities[4].forecast_category = ForecastCategory::Commit;
    p.opportunities[8].forecast_category = ForecastCategory::Omitted;
    p.accounts = {
        account("a1", AccountStatus::Client,
                {service("s1", 100000, d(2026, 3, 15)), service("s2", 50000, d(2026, 3, 31)),
                 service("s3", 20000, d(2026, 4, 1)), service("s4", 5000, std::nullopt)}),
        account("a2", AccountStatus::Client, {service("s5", 30000, d(2026, 3, 1))}),
        account("a3", AccountStatus::Former, {service("s6", 99900, d(2026, 3, 10))}),
        account("a4", AccountStatus::Prospect, {service("s7", 88800, d(2026, 3, 20))}),
    };
    return p;
}

} // namespace

TEST_CASE("forecast: the worked March, April and May, bucket by bucket") {
    const Plan p = worked_plan();
    const ForecastSummary f = summarize_forecast(p, YearMonth::of(2026, 3), 3, d(2026, 3, 20));
    REQUIRE(f.months.size() == 3);

    const MonthSummary& mar = f.months[0];
    CHECK(mar.month == YearMonth::of(2026, 3));
    CHECK(mar.quota == 1000000);
    CHECK(mar.closed_won == 450000);
    CHECK(mar.won_count == 2);
    CHECK(mar.commit == 300000);
    CHECK(mar.commit_count == 2);
    CHECK(mar.best_case == 100000);
    CHECK(mar.best_case_count == 1);
    CHECK(mar.pipeline == 83334);
    CHECK(mar.pipeline_count == 2);
    CHECK(mar.pipeline_weighted == 28334);
    CHECK(mar.weighted == 180000 + 10000 + 75000 + 28334);
    CHECK(mar.renewal_base == 180000);
    CHECK(mar.renewal_services == 3);
    CHECK(mar.renewal_accounts == 2);

    const MonthKpis k = month_kpis(mar);
    REQUIRE(k.attainment_pct);
    CHECK(*k.attainment_pct == doctest::Approx(45.0));
    CHECK(k.gap == 550000);
    CHECK(k.commit_forecast == 750000);
    REQUIRE(k.commit_pct);
    CHECK(*k.commit_pct == doctest::Approx(75.0));
    CHECK(k.best_case_forecast == 850000);
    REQUIRE(k.best_case_pct);
    CHECK(*k.best_case_pct == doctest::Approx(85.0));
    CHECK(k.open_pipeline == 483334);
    CHECK(k.weighted_forecast == 450000 + 293334);
    REQUIRE(k.coverage);
    CHECK(*k.coverage == doctest::Approx(483334.0 / 550000.0));

    const MonthSummary& apr = f.months[1];
    CHECK(apr.quota == 1200000);
    CHECK(apr.closed_won == 1200000);
    CHECK(apr.pipeline == 40000);
    CHECK(apr.pipeline_weighted == 8000);
    CHECK(apr.renewal_base == 20000);
    CHECK(apr.renewal_accounts == 1);
    const MonthKpis ka = month_kpis(apr);
    CHECK(*ka.attainment_pct == doctest::Approx(100.0));
    CHECK(ka.gap == 0);
    CHECK_FALSE(ka.coverage); // nothing left to cover

    // May has no quota: the forecast shows, attainment, gap and coverage have no value.
    const MonthSummary& may = f.months[2];
    CHECK(may.quota == 0);
    CHECK(may.closed_won == 70000);
    CHECK(may.best_case == 100000);
    CHECK(may.weighted == 70000);
    const MonthKpis km = month_kpis(may);
    CHECK_FALSE(km.attainment_pct);
    CHECK_FALSE(km.commit_pct);
    CHECK_FALSE(km.best_case_pct);
    CHECK_FALSE(km.coverage);
    CHECK(km.gap == 0);
    CHECK(km.commit_forecast == 70000);
    CHECK(km.best_case_forecast == 170000);
}

TEST_CASE("forecast: pipeline by stage and totals come from the same pass") {
    const Plan p = worked_plan();
    const ForecastSummary f = summarize_forecast(p, YearMonth::of(2026, 3), 3, d(2026, 3, 26));
    const auto by_stage = pipeline_by_stage(p);
    REQUIRE(f.stages.size() == by_stage.size());
    for (std::size_t i = 0; i < by_stage.size(); ++i) {
        CHECK(f.stages[i].count == by_stage[i].count);
        CHECK(f.stages[i].mrc == by_stage[i].mrc);
        CHECK(f.stages[i].weighted_mrc == by_stage[i].weighted_mrc);
    }
    const PipelineTotals t = pipeline_totals(p, d(2026, 3, 26));
    CHECK(f.totals.open_count == t.open_count);
    CHECK(f.totals.open_mrc == t.open_mrc);
    CHECK(f.totals.weighted_mrc == t.weighted_mrc);
    CHECK(f.totals.slipped_count == t.slipped_count);
    CHECK(f.totals.slipped_count == 3); // c1, c2, b1 closed before Mar 26
    CHECK(f.totals.slipped_mrc == 400000);
    CHECK(f.totals.closing_soon_count == t.closing_soon_count);
    // monthly_forecast is the same engine.
    const auto months = monthly_forecast(p, YearMonth::of(2026, 3), 3);
    CHECK(months[0].closed_won == f.months[0].closed_won);
    CHECK(months[0].renewal_base == 180000);
}

TEST_CASE("forecast: buckets follow stage state, then category") {
    CHECK(forecast_bucket(DealState::Won, ForecastCategory::Omitted) == ForecastBucket::ClosedWon);
    CHECK(forecast_bucket(DealState::Lost, ForecastCategory::Commit) == ForecastBucket::None);
    CHECK(forecast_bucket(DealState::Open, ForecastCategory::Closed) == ForecastBucket::Commit);
    CHECK(forecast_bucket(DealState::Open, ForecastCategory::Commit) == ForecastBucket::Commit);
    CHECK(forecast_bucket(DealState::Open, ForecastCategory::BestCase) == ForecastBucket::BestCase);
    CHECK(forecast_bucket(DealState::Open, ForecastCategory::Pipeline) == ForecastBucket::Pipeline);
    CHECK(forecast_bucket(DealState::Open, ForecastCategory::Omitted) == ForecastBucket::None);
}

TEST_CASE("forecast: quarters and years add months up; cumulative attainment restarts each year") {
    const Plan p = worked_plan();
    const auto months = summarize_forecast(p, YearMonth::of(2026, 1), 12, d(2026, 3, 20)).months;
    const auto q = forecast_periods(months, Granularity::Quarter);
    REQUIRE(q.size() == 4);
    CHECK(q[0].first == YearMonth::of(2026, 1));
    CHECK(q[0].months == 3);
    CHECK(q[0].total.quota == 3000000);
    CHECK(q[0].total.closed_won == 450000 + 123); // x1 was won in February
    CHECK(q[0].months_without_quota == 0);
    REQUIRE(q[0].cumulative_attainment_pct);
    CHECK(*q[0].cumulative_attainment_pct == doctest::Approx(450123.0 / 3000000.0 * 100));
    // Q2: April 12,000 + May (none) + June 10,000.
    CHECK(q[1].total.quota == 2200000);
    CHECK(q[1].months_without_quota == 1);
    CHECK(q[1].total.closed_won == 1270000);
    CHECK(*q[1].cumulative_attainment_pct ==
          doctest::Approx((450123.0 + 1270000.0) / 5200000.0 * 100));
    CHECK(q[1].total.renewal_base == 20000);
    CHECK(period_index(q, YearMonth::of(2026, 5)) == 1);
    CHECK(period_index(q, YearMonth::of(2027, 1)) == -1);

    const auto y = forecast_periods(months, Granularity::Year);
    REQUIRE(y.size() == 1);
    CHECK(y[0].months == 12);
    CHECK(y[0].months_without_quota == 1);
    CHECK(y[0].total.quota == 1000000 * 10 + 1200000);
    CHECK(y[0].total.closed_won == 450123 + 1270000);

    // Month granularity: each month's cumulative attainment is the year to date.
    const auto m = forecast_periods(months, Granularity::Month);
    REQUIRE(m.size() == 12);
    CHECK(*m[0].cumulative_attainment_pct == doctest::Approx(0.0));
    CHECK(*m[2].cumulative_attainment_pct == doctest::Approx(450123.0 / 3000000.0 * 100));
    CHECK(*m[4].cumulative_attainment_pct == // May adds no quota, but its deals count
          doctest::Approx((450123.0 + 1200000.0 + 70000.0) / 4200000.0 * 100));

    // Across a new year the cumulative line starts again.
    Plan later = p;
    later.opportunities.push_back(deal(later, "dec", "Closed Won", 500000, d(2025, 12, 10)));
    const auto two = summarize_forecast(later, YearMonth::of(2025, 12), 2, d(2026, 3, 20)).months;
    const auto mm = forecast_periods(two, Granularity::Month);
    CHECK(*mm[0].cumulative_attainment_pct == doctest::Approx(50.0));
    CHECK(*mm[1].cumulative_attainment_pct == doctest::Approx(0.0));
}

TEST_CASE("forecast: a month without any quota has no cumulative attainment") {
    Plan p = worked_plan();
    p.quota.monthly_revenue = 0;
    p.quota.month_override.clear();
    const auto months = summarize_forecast(p, YearMonth::of(2026, 3), 3, d(2026, 3, 20)).months;
    for (const ForecastPeriod& per : forecast_periods(months, Granularity::Month)) {
        CHECK_FALSE(per.cumulative_attainment_pct);
        CHECK(per.months_without_quota == 1);
        CHECK_FALSE(month_kpis(per.total).attainment_pct);
    }
}

TEST_CASE("forecast: a what-if overlay changes the numbers without touching the plan") {
    const Plan p = worked_plan();
    const Date today = d(2026, 3, 20);
    const auto before = summarize_forecast(p, YearMonth::of(2026, 3), 3, today);
    // Win c1 (commit, 2,000) today; slip b1 (best case, Mar 25) to Apr 25; lose p1.
    const std::vector<Opportunity> changed = what_if_deals(
        p, {{"c1", WhatIfAction::Win}, {"b1", WhatIfAction::Slip}, {"p1", WhatIfAction::Lose}},
        today);
    REQUIRE(changed.size() == 3);
    const DealOverlay overlay = overlay_of(changed);
    const auto after = summarize_forecast(p, YearMonth::of(2026, 3), 3, today, &overlay);
    CHECK(after.months[0].closed_won == before.months[0].closed_won + 200000);
    CHECK(after.months[0].commit == before.months[0].commit - 200000);
    CHECK(after.months[0].best_case == 0);
    CHECK(after.months[1].best_case == 100000);
    CHECK(after.months[0].pipeline == 33333);
    CHECK(after.totals.open_count == before.totals.open_count - 2); // c1 won, p1 lost
    CHECK(p.opportunities[3].stage == "Negotiation/Review");        // the plan is untouched
}
