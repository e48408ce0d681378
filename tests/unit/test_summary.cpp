// Aggregations for the pipeline, forecast, week and report views (src/core/summary.cpp), checked on
// small hand-built plans whose expected numbers are worked out by hand in the comments.
#include "core/summary.h"

#include <doctest/doctest.h>

#include <string>

using namespace footprint::core;

namespace {

Date d(int y, int m, int day) {
    return date_from_ymd(y, m, day);
}

Plan base_plan() {
    Plan p = make_empty_plan("p", "Test", Timestamp{});
    p.quota.monthly_revenue = 1000000; // $10,000
    return p;
}

// Probability and category default to the stage's, as Salesforce does.
Opportunity opp(const Plan& p, std::string id, std::string stage, Cents mrc,
                std::optional<Date> close = std::nullopt) {
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

Activity act(std::string id, std::string account, ActivityType t, Date day,
             std::optional<int> start = std::nullopt) {
    Activity a;
    a.id = std::move(id);
    a.account_id = std::move(account);
    a.type = t;
    a.date = day;
    a.start_minute = start;
    return a;
}

Service svc(std::string id, Cents mrc, std::optional<Date> end) {
    Service s;
    s.id = std::move(id);
    s.mrc = mrc;
    s.contract_end = end;
    return s;
}

} // namespace

TEST_CASE("weighted_mrc rounds half up in cents and clamps the probability") {
    CHECK(weighted_mrc(100000, 10) == 10000);
    CHECK(weighted_mrc(1005, 10) == 101);  // 100.5
    CHECK(weighted_mrc(1004, 10) == 100);  // 100.4
    CHECK(weighted_mrc(333, 50) == 167);   // 166.5
    CHECK(weighted_mrc(-333, 50) == -166); // -166.5 rounds up, towards +inf
    CHECK(weighted_mrc(1000, 150) == 1000);
    CHECK(weighted_mrc(1000, -5) == 0);
    CHECK(weighted_mrc(0, 75) == 0);
}

TEST_CASE("week_start is the Monday of the week") {
    CHECK(week_start(d(2026, 3, 4)) == d(2026, 3, 2)); // Wednesday
    CHECK(week_start(d(2026, 3, 2)) == d(2026, 3, 2)); // Monday itself
    CHECK(week_start(d(2026, 3, 8)) == d(2026, 3, 2)); // Sunday belongs to the week before
    CHECK(week_start(d(2026, 3, 9)) == d(2026, 3, 9));
    CHECK(week_start(d(2026, 1, 1)) == d(2025, 12, 29)); // across a year boundary
}

TEST_CASE("deal_state follows the plan's stages; unknown stages are open") {
    Plan p = base_plan();
    CHECK(deal_state(p, opp(p, "1", "Closed Won", 1)) == DealState::Won);
    CHECK(deal_state(p, opp(p, "2", "Closed Lost", 1)) == DealState::Lost);
    CHECK(deal_state(p, opp(p, "3", "Prospecting", 1)) == DealState::Open);
    CHECK(deal_state(p, opp(p, "4", "Renamed stage", 1)) == DealState::Open);
    CHECK(find_stage(p, "Nope") == nullptr);
    REQUIRE(find_stage(p, "Negotiation/Review") != nullptr);
    CHECK(find_stage(p, "Negotiation/Review")->probability == 90);
}

TEST_CASE("pipeline_by_stage: one row per stage in plan order, with weighted MRC") {
    Plan p = base_plan();
    p.opportunities = {
        opp(p, "1", "Prospecting", 100050),       // 10%: 10,005.0
        opp(p, "2", "Prospecting", 2005),         // 10%: 200.5 -> 201
        opp(p, "3", "Negotiation/Review", 50000), // 90%: 45,000
        opp(p, "4", "Closed Won", 70000),         // 100%
        opp(p, "5", "Closed Lost", 30000),        // 0%
        opp(p, "6", "Not a stage", 99999),        // left out
    };
    p.opportunities[0].probability = 10;
    auto rows = pipeline_by_stage(p);
    REQUIRE(rows.size() == p.stages.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        CHECK(rows[i].stage == p.stages[i].name);
    CHECK(rows[0].count == 2);
    CHECK(rows[0].mrc == 102055);
    CHECK(rows[0].weighted_mrc == 10005 + 201);
    CHECK(rows[1].count == 0);
    CHECK(rows[1].mrc == 0);
    CHECK(rows[7].stage == "Negotiation/Review");
    CHECK(rows[7].count == 1);
    CHECK(rows[7].weighted_mrc == 45000);
    CHECK(rows[8].mrc == 70000);
    CHECK(rows[8].weighted_mrc == 70000);
    CHECK(rows[9].count == 1);
    CHECK(rows[9].weighted_mrc == 0);
    int total = 0;
    for (const auto& r : rows)
        total += r.count;
    CHECK(total == 5);

    p.opportunities.clear();
    for (const auto& r : pipeline_by_stage(p))
        CHECK(r.count == 0);
}

TEST_CASE("pipeline_totals counts open deals and the slipped ones") {
    Plan p = base_plan();
    const Date today = d(2026, 5, 15);
    p.opportunities = {
        opp(p, "1", "Prospecting", 10000, d(2026, 6, 15)),        // 31 days out
        opp(p, "2", "Value Proposition", 20000, d(2026, 5, 14)),  // slipped (yesterday)
        opp(p, "3", "Negotiation/Review", 30000, d(2026, 5, 15)), // due today: not slipped
        opp(p, "4", "Qualification", 40000),                      // undated: not slipped
        opp(p, "5", "Closed Won", 50000, d(2026, 4, 1)),
        opp(p, "6", "Closed Lost", 60000, d(2026, 4, 1)),
    };
    PipelineTotals t = pipeline_totals(p, today);
    CHECK(t.open_count == 4);
    CHECK(t.open_mrc == 100000);
    // 10% of 10,000 + 50% of 20,000 + 90% of 30,000 + 10% of 40,000
    CHECK(t.weighted_mrc == 1000 + 10000 + 27000 + 4000);
    CHECK(t.slipped_count == 1);
    CHECK(t.slipped_mrc == 20000);
    CHECK(t.closing_soon_count == 1);               // today's; June 15 is one day past the 30
    p.opportunities[0].close_date = d(2026, 6, 14); // exactly 30 days: included
    CHECK(pipeline_totals(p, today).closing_soon_count == 2);
    CHECK(is_slipped(p, p.opportunities[1], today));
    CHECK_FALSE(is_slipped(p, p.opportunities[2], today));
    CHECK_FALSE(is_slipped(p, p.opportunities[3], today));
    CHECK_FALSE(is_slipped(p, p.opportunities[4], today)); // won long ago: closed, not slipped
}

TEST_CASE("pipeline_board: cards by close date in open stages, closed totals in the window") {
    Plan p = base_plan();
    p.opportunities = {
        opp(p, "a", "Prospecting", 100, d(2026, 7, 1)),
        opp(p, "b", "Prospecting", 200), // undated: last
        opp(p, "c", "Prospecting", 300, d(2026, 6, 1)),
        opp(p, "d", "Prospecting", 400, d(2026, 6, 1)), // same day as c: plan order
        opp(p, "w1", "Closed Won", 1000, d(2026, 5, 3)),
        opp(p, "w2", "Closed Won", 2000, d(2026, 4, 30)), // before the window
        opp(p, "l1", "Closed Lost", 500, d(2026, 5, 31)),
        opp(p, "l2", "Closed Lost", 700), // undated closed: not in any window
    };
    auto cols = pipeline_board(p, d(2026, 5, 1), d(2026, 5, 31));
    REQUIRE(cols.size() == p.stages.size());
    REQUIRE(cols[0].deals.size() == 4);
    CHECK(cols[0].deals[0]->id == "c");
    CHECK(cols[0].deals[1]->id == "d");
    CHECK(cols[0].deals[2]->id == "a");
    CHECK(cols[0].deals[3]->id == "b");
    CHECK(cols[0].count == 4);
    CHECK(cols[0].mrc == 1000);
    CHECK(cols[8].stage->won);
    CHECK(cols[8].deals.empty());
    CHECK(cols[8].count == 1);
    CHECK(cols[8].mrc == 1000);
    CHECK(cols[9].count == 1);
    CHECK(cols[9].mrc == 500);
}

TEST_CASE("monthly_forecast buckets by close month, stage and forecast category") {
    Plan p = base_plan();
    const YearMonth mar = YearMonth::of(2026, 3);
    p.quota.month_override[YearMonth::of(2026, 4)] = 1200000;
    p.opportunities = {
        opp(p, "w1", "Closed Won", 300000, d(2026, 3, 2)),
        opp(p, "w2", "Closed Won", 150000, d(2026, 3, 31)),
        opp(p, "l1", "Closed Lost", 990000, d(2026, 3, 10)),          // lost: nowhere
        opp(p, "c1", "Negotiation/Review", 200000, d(2026, 3, 20)),   // Commit 90%: 180,000
        opp(p, "b1", "Proposal/Price Quote", 100000, d(2026, 3, 25)), // BestCase 75%: 75,000
        opp(p, "p1", "Value Proposition", 50001, d(2026, 3, 26)),     // Pipeline 50%: 25,000.5
        opp(p, "o1", "Prospecting", 77700, d(2026, 3, 27)),           // Omitted below
        opp(p, "p2", "Prospecting", 40000, d(2026, 4, 1)),            // April, 10%: 4,000
        opp(p, "x1", "Closed Won", 123, d(2026, 2, 28)),              // before the range
        opp(p, "x2", "Prospecting", 456, d(2026, 5, 1)),              // after the range
        opp(p, "u1", "Prospecting", 789),                             // undated
        opp(p, "k1", "Qualification", 10000, d(2026, 4, 15)),         // open but marked Closed
    };
    p.opportunities[6].forecast_category = ForecastCategory::Omitted;
    p.opportunities[11].forecast_category = ForecastCategory::Closed; // counts as commit
    p.opportunities[11].probability = 100;

    auto months = monthly_forecast(p, mar, 2);
    REQUIRE(months.size() == 2);
    const MonthSummary& m = months[0];
    CHECK(m.month == mar);
    CHECK(m.quota == 1000000);
    CHECK(m.closed_won == 450000);
    CHECK(m.commit == 200000);
    CHECK(m.best_case == 100000);
    CHECK(m.pipeline == 50001);
    CHECK(m.pipeline_weighted == 25001);
    CHECK(m.weighted == 180000 + 75000 + 25001);

    const MonthSummary& a = months[1];
    CHECK(a.month == YearMonth::of(2026, 4));
    CHECK(a.quota == 1200000);
    CHECK(a.closed_won == 0);
    CHECK(a.commit == 10000);
    CHECK(a.pipeline == 40000);
    CHECK(a.pipeline_weighted == 4000);
    CHECK(a.weighted == 4000 + 10000);

    CHECK(monthly_forecast(p, mar, 0).empty());
    CHECK(monthly_forecast(p, mar, -3).empty());
    // A year across the December/January boundary.
    auto y = monthly_forecast(p, YearMonth::of(2025, 12), 12);
    REQUIRE(y.size() == 12);
    CHECK(y[0].month == YearMonth::of(2025, 12));
    CHECK(y[2].closed_won == 123);
    CHECK(y[11].month == YearMonth::of(2026, 11));
}

TEST_CASE("quota_for uses the month's override, else the monthly quota") {
    Quota q;
    q.monthly_revenue = 500;
    q.month_override[YearMonth::of(2026, 12)] = 0; // a month off
    CHECK(quota_for(q, YearMonth::of(2026, 11)) == 500);
    CHECK(quota_for(q, YearMonth::of(2026, 12)) == 0);
}

TEST_CASE("month_kpis: attainment, gap, commit forecast and coverage") {
    MonthSummary m;
    m.quota = 1000000;
    m.closed_won = 870000;
    m.commit = 100000;
    m.best_case = 200000;
    m.pipeline = 90000;
    MonthKpis k = month_kpis(m);
    REQUIRE(k.attainment_pct.has_value());
    CHECK(*k.attainment_pct == doctest::Approx(87.0));
    CHECK(k.gap == 130000);
    CHECK(k.commit_forecast == 970000);
    REQUIRE(k.commit_pct.has_value());
    CHECK(*k.commit_pct == doctest::Approx(97.0));
    CHECK(k.open_pipeline == 390000);
    REQUIRE(k.coverage.has_value());
    CHECK(*k.coverage == doctest::Approx(3.0));

    m.closed_won = 1200000; // over quota: no gap, no coverage
    k = month_kpis(m);
    CHECK(*k.attainment_pct == doctest::Approx(120.0));
    CHECK(k.gap == 0);
    CHECK_FALSE(k.coverage.has_value());

    m.quota = 0; // no quota set
    k = month_kpis(m);
    CHECK_FALSE(k.attainment_pct.has_value());
    CHECK_FALSE(k.commit_pct.has_value());
    CHECK(k.gap == 0);
    CHECK_FALSE(k.coverage.has_value());
}

TEST_CASE("count_activities counts by type and distinct accounts, bounds included") {
    Plan p = base_plan();
    p.activities = {
        act("1", "a1", ActivityType::Call, d(2026, 3, 1)), // first day
        act("2", "a1", ActivityType::Call, d(2026, 3, 3)),
        act("3", "a2", ActivityType::Visit, d(2026, 3, 7)),    // last day
        act("4", "a3", ActivityType::Proposal, d(2026, 3, 8)), // after
        act("5", "a4", ActivityType::Email, d(2026, 2, 28)),   // before
        act("6", "", ActivityType::Event, d(2026, 3, 5)),      // no account
    };
    ActivityCounts c = count_activities(p, d(2026, 3, 1), d(2026, 3, 7));
    CHECK(c.by_type[type_index(ActivityType::Call)] == 2);
    CHECK(c.by_type[type_index(ActivityType::Visit)] == 1);
    CHECK(c.by_type[type_index(ActivityType::Meeting)] == 0);
    CHECK(c.by_type[type_index(ActivityType::Email)] == 0);
    CHECK(c.by_type[type_index(ActivityType::Event)] == 1);
    CHECK(c.by_type[type_index(ActivityType::Proposal)] == 0);
    CHECK(c.accounts_touched == 2);
    CHECK(c.total() == 4);

    ActivityCounts none = count_activities(p, d(2027, 1, 1), d(2027, 1, 31));
    CHECK(none.total() == 0);
    CHECK(none.accounts_touched == 0);
}

TEST_CASE("activity_goal scales the weekly goal to the period, rounded half up") {
    ActivityGoals g{40, 8, 6, 30, 1, 4};
    CHECK(activity_goal(g, ActivityType::Call, 7) == 40);
    CHECK(activity_goal(g, ActivityType::Call, 30) == 171);    // 171.43
    CHECK(activity_goal(g, ActivityType::Visit, 30) == 34);    // 34.29
    CHECK(activity_goal(g, ActivityType::Meeting, 30) == 26);  // 25.71
    CHECK(activity_goal(g, ActivityType::Email, 30) == 129);   // 128.57
    CHECK(activity_goal(g, ActivityType::Event, 30) == 4);     // 4.29
    CHECK(activity_goal(g, ActivityType::Proposal, 30) == 17); // 17.14
    ActivityGoals h{7, 1, 0, 0, 0, 0};
    CHECK(activity_goal(h, ActivityType::Visit, 3) == 0); // 0.43
    CHECK(activity_goal(h, ActivityType::Visit, 4) == 1); // 0.57
    CHECK(activity_goal(h, ActivityType::Call, 1) == 1);
    ActivityGoals half{0, 1, 0, 0, 0, 0};
    CHECK(activity_goal(half, ActivityType::Visit, 14) == 2);
    CHECK(activity_goal(ActivityGoals{0, 0, 0, 0, 0, 1}, ActivityType::Proposal, 0) == 0);
}

TEST_CASE("activities_between sorts by date, then time with untimed first") {
    Plan p = base_plan();
    p.activities = {
        act("late", "a", ActivityType::Meeting, d(2026, 3, 3), 15 * 60),
        act("next", "a", ActivityType::Call, d(2026, 3, 4), 9 * 60),
        act("early", "a", ActivityType::Visit, d(2026, 3, 3), 8 * 60 + 30),
        act("untimed", "a", ActivityType::Email, d(2026, 3, 3)),
        act("out", "a", ActivityType::Email, d(2026, 3, 9)),
        act("first", "a", ActivityType::Call, d(2026, 3, 2), 10 * 60),
        act("tie", "a", ActivityType::Call, d(2026, 3, 3), 15 * 60), // same time: plan order
    };
    auto v = activities_between(p, d(2026, 3, 2), d(2026, 3, 6));
    REQUIRE(v.size() == 6);
    CHECK(v[0]->id == "first");
    CHECK(v[1]->id == "untimed");
    CHECK(v[2]->id == "early");
    CHECK(v[3]->id == "late");
    CHECK(v[4]->id == "tie");
    CHECK(v[5]->id == "next");
    CHECK(activities_between(p, d(2026, 3, 5), d(2026, 3, 5)).empty());
}

TEST_CASE("overdue_next_steps: not done, due before today, oldest first") {
    Plan p = base_plan();
    const Date today = d(2026, 3, 10);
    auto with_step = [&](std::string id, std::optional<Date> due, bool done) {
        Activity a = act(std::move(id), "a", ActivityType::Call, d(2026, 3, 1));
        a.next_step = "Send the quote";
        a.next_step_due = due;
        a.next_step_done = done;
        return a;
    };
    p.activities = {
        with_step("recent", d(2026, 3, 9), false),  with_step("done", d(2026, 3, 1), true),
        with_step("today", d(2026, 3, 10), false), // due today: not overdue yet
        with_step("oldest", d(2026, 2, 20), false), with_step("undated", std::nullopt, false),
    };
    auto v = overdue_next_steps(p, today);
    REQUIRE(v.size() == 2);
    CHECK(v[0]->id == "oldest");
    CHECK(v[1]->id == "recent");
}

TEST_CASE("closed_deals_between: won and lost in the period, newest first") {
    Plan p = base_plan();
    p.opportunities = {
        opp(p, "w-old", "Closed Won", 100, d(2026, 3, 2)),
        opp(p, "w-new", "Closed Won", 200, d(2026, 3, 20)),
        opp(p, "w-out", "Closed Won", 400, d(2026, 2, 27)),
        opp(p, "l1", "Closed Lost", 800, d(2026, 3, 31)),
        opp(p, "open", "Negotiation/Review", 1600, d(2026, 3, 15)),
    };
    p.opportunities[3].loss_reason = "price";
    ClosedDeals c = closed_deals_between(p, d(2026, 3, 1), d(2026, 3, 31));
    REQUIRE(c.won.size() == 2);
    CHECK(c.won[0]->id == "w-new");
    CHECK(c.won[1]->id == "w-old");
    CHECK(c.won_mrc == 300);
    REQUIRE(c.lost.size() == 1);
    CHECK(c.lost[0]->loss_reason == "price");
    CHECK(c.lost_mrc == 800);
}

TEST_CASE("renewals_due: client services ending within the window, soonest first") {
    Plan p = base_plan();
    const Date today = d(2026, 3, 10);
    Account a;
    a.id = "a";
    a.status = AccountStatus::Client;
    a.services = {svc("s1", 100, d(2026, 6, 8)),  // 90 days: included (bound)
                  svc("s2", 200, d(2026, 6, 9)),  // 91 days
                  svc("s3", 300, d(2026, 3, 10)), // today: 0 days
                  svc("s4", 400, d(2026, 3, 9)),  // ended yesterday
                  svc("s5", 500, std::nullopt)};  // month to month
    Account b;
    b.id = "b";
    b.status = AccountStatus::Client;
    b.services = {svc("t1", 600, d(2026, 3, 20))}; // 10 days
    Account f;
    f.id = "f";
    f.status = AccountStatus::Former; // old services of a former client are not renewals
    f.services = {svc("u1", 700, d(2026, 3, 15))};
    p.accounts = {a, b, f};

    auto v = renewals_due(p, today, 90);
    REQUIRE(v.size() == 3);
    CHECK(v[0].service->id == "s3");
    CHECK(v[0].days_left == 0);
    CHECK(v[0].account->id == "a");
    CHECK(v[1].service->id == "t1");
    CHECK(v[1].days_left == 10);
    CHECK(v[1].account->id == "b");
    CHECK(v[2].service->id == "s1");
    CHECK(v[2].days_left == 90);
    CHECK(renewals_due(p, today, 5).size() == 1);
    CHECK(renewals_due(Plan{}, today, 90).empty());

    // One entry per account, in order of each account's soonest renewal.
    auto g = renewals_by_account(v);
    REQUIRE(g.size() == 2);
    CHECK(g[0].account->id == "a");
    REQUIRE(g[0].services.size() == 2);
    CHECK(g[0].services[0]->id == "s3");
    CHECK(g[0].services[1]->id == "s1");
    CHECK(g[0].mrc == 300 + 100);
    CHECK(g[0].days_left == 0);
    CHECK(g[1].account->id == "b");
    CHECK(g[1].mrc == 600);
    CHECK(g[1].days_left == 10);
    CHECK(renewals_by_account({}).empty());
}

TEST_CASE("activities_per_day counts each day of the range") {
    Plan p = base_plan();
    p.activities = {
        act("1", "a", ActivityType::Call, d(2026, 3, 1)),
        act("2", "a", ActivityType::Call, d(2026, 3, 1)),
        act("3", "a", ActivityType::Visit, d(2026, 3, 3)),
        act("4", "a", ActivityType::Visit, d(2026, 3, 4)),  // after
        act("5", "a", ActivityType::Visit, d(2026, 2, 28)), // before
    };
    auto v = activities_per_day(p, d(2026, 3, 1), d(2026, 3, 3));
    REQUIRE(v.size() == 3);
    CHECK(v[0] == 2);
    CHECK(v[1] == 0);
    CHECK(v[2] == 1);
    CHECK(activities_per_day(p, d(2026, 3, 3), d(2026, 3, 1)).empty());
}

TEST_CASE("activity_report: the period ending today, its goals and closed deals") {
    Plan p = base_plan();
    p.quota.weekly_goals = ActivityGoals{40, 8, 6, 30, 1, 4};
    const Date today = d(2026, 3, 31);
    p.activities = {
        act("1", "a1", ActivityType::Call, d(2026, 3, 25)),  // first day of 7
        act("2", "a2", ActivityType::Visit, d(2026, 3, 31)), // today
        act("3", "a1", ActivityType::Call, d(2026, 3, 24)),  // only in the 30 days
        act("4", "a3", ActivityType::Call, d(2026, 3, 1)),   // day 31 back: outside both
    };
    p.opportunities = {opp(p, "w", "Closed Won", 5000, d(2026, 3, 20)),
                       opp(p, "l", "Closed Lost", 2500, d(2026, 3, 28))};

    ActivityReport w = activity_report(p, today, 7);
    CHECK(w.from == d(2026, 3, 25));
    CHECK(w.to == today);
    CHECK(w.counts.by_type[type_index(ActivityType::Call)] == 1);
    CHECK(w.counts.by_type[type_index(ActivityType::Visit)] == 1);
    CHECK(w.counts.accounts_touched == 2);
    CHECK(w.goals[type_index(ActivityType::Call)] == 40);
    CHECK(w.goal_total == 40 + 8 + 6 + 30 + 1 + 4);
    CHECK(w.deals.won.empty());
    REQUIRE(w.deals.lost.size() == 1);
    CHECK(w.deals.lost_mrc == 2500);

    ActivityReport m = activity_report(p, today, 30);
    CHECK(m.from == d(2026, 3, 2));
    CHECK(m.counts.total() == 3);
    CHECK(m.goals[type_index(ActivityType::Call)] == 171);
    CHECK(m.goal_total == 171 + 34 + 26 + 129 + 4 + 17);
    CHECK(m.deals.won_mrc == 5000);

    ActivityReport one = activity_report(p, today, 0); // clamped to one day
    CHECK(one.from == today);
    CHECK(one.counts.total() == 1);
}
