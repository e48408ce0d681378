// The team roll-up against hand-worked numbers, and CSV that Excel reads safely.
#include "core/csv_write.h"
#include "core/rollup.h"

#include <doctest/doctest.h>

using namespace footprint::core;

namespace {

const YearMonth kMarch = YearMonth::of(2026, 3);

Opportunity deal(std::string id, std::string account, std::string stage, ForecastCategory cat, Cents mrc, int month,
                 int probability = 50) {
    Opportunity o;
    o.id = std::move(id);
    o.account_id = std::move(account);
    o.name = "Deal " + o.id;
    o.stage = std::move(stage);
    o.forecast_category = cat;
    o.mrc = mrc;
    o.probability = probability;
    o.close_date = date_from_ymd(2026, month, 15);
    return o;
}

Plan rep_plan(std::string id, std::string owner, Cents quota) {
    Plan p = make_empty_plan(std::move(id), owner + "'s plan", Timestamp{0});
    p.owner = std::move(owner);
    p.quota.monthly_revenue = quota;
    Account a;
    a.id = "acc-1";
    a.name = "Riverside Dental";
    p.accounts.push_back(a);
    Account b;
    b.id = "acc-2";
    b.name = "Not in any deal";
    p.accounts.push_back(b);
    return p;
}

} // namespace

TEST_CASE("roll-up: reps' forecasts added up against the team quota") {
    Plan a = rep_plan("plan-a", "Alice Ng", 1'000'000);
    a.opportunities.push_back(deal("o1", "acc-1", "Closed Won", ForecastCategory::Closed, 300'000, 3));
    a.opportunities.push_back(deal("o2", "acc-1", "Negotiation/Review", ForecastCategory::Commit, 200'000, 3, 90));
    a.opportunities.push_back(deal("o3", "acc-1", "Prospecting", ForecastCategory::Pipeline, 500'000, 4, 10));
    a.opportunities.push_back(deal("o4", "acc-1", "Closed Lost", ForecastCategory::Omitted, 900'000, 3));
    a.opportunities.push_back(deal("o5", "acc-1", "Prospecting", ForecastCategory::Pipeline, 700'000, 9)); // outside
    Plan b = rep_plan("plan-b", "Bo Li", 2'000'000);
    b.quota.month_override[kMarch] = 1'500'000;
    b.opportunities.push_back(deal("o1", "acc-1", "Closed Won", ForecastCategory::Closed, 400'000, 3));

    std::vector<RollupPlan> plans;
    plans.push_back(make_rollup_plan("a.footprint.json", a));
    plans.push_back(make_rollup_plan("b.footprint.json", b));
    CHECK(plans[0].plan.accounts.size() == 1); // only what deals name
    CHECK(plans[0].plan.activities.empty());

    Rollup r = make_rollup(plans, {kMarch, 2, std::nullopt});
    REQUIRE(r.reps.size() == 2);
    CHECK(r.reps[0].rep == "Alice Ng");
    CHECK(r.reps[0].months[0].closed_won == 300'000);
    CHECK(r.reps[0].months[0].commit == 200'000);
    CHECK(r.reps[0].months[1].pipeline == 500'000);
    CHECK(r.reps[0].months[1].weighted == 50'000);
    REQUIRE(r.team.size() == 2);
    CHECK(r.team[0].quota == 2'500'000);
    CHECK(r.team[1].quota == 3'000'000);
    CHECK(r.team[0].closed_won == 700'000);
    CHECK(r.team[0].commit == 200'000);
    const MonthKpis k = month_kpis(r.team[0]);
    CHECK(*k.attainment_pct == doctest::Approx(28.0));
    CHECK(k.gap == 1'800'000);
    CHECK(rollup_total(r.team).quota == 5'500'000);
    CHECK(rollup_total(r.team).closed_won == 700'000);

    Rollup fixed = make_rollup(plans, {kMarch, 2, Cents{5'000'000}});
    CHECK(fixed.quota_overridden);
    CHECK(fixed.team[0].quota == 5'000'000);

    std::vector<RollupDeal> deals = rollup_deals(plans, r, "Alice Ng");
    REQUIRE(deals.size() == 4); // o5 closes after the roll-up's months
    CHECK(deals[0].account == "Riverside Dental");
    CHECK(deals.back().deal->id == "o3");
    int won = 0, lost = 0;
    for (const RollupDeal& d : deals) won += d.state == DealState::Won, lost += d.state == DealState::Lost;
    CHECK(won == 1);
    CHECK(lost == 1);
}

TEST_CASE("roll-up: a rep with two plans counts the quota once and says so") {
    Plan a = rep_plan("plan-a", "Alice Ng", 1'000'000);
    Plan a2 = rep_plan("plan-a2", "Alice Ng", 1'000'000);
    a2.opportunities.push_back(deal("o9", "acc-1", "Closed Won", ForecastCategory::Closed, 100'000, 3));
    std::vector<RollupPlan> plans{make_rollup_plan("a", a), make_rollup_plan("a2", a2)};
    Rollup r = make_rollup(plans, {kMarch, 1, std::nullopt});
    REQUIRE(r.reps.size() == 1);
    CHECK(r.reps[0].plans.size() == 2);
    CHECK(r.team[0].quota == 1'000'000);
    CHECK(r.team[0].closed_won == 100'000);
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0].find("Alice Ng has 2 plans") == 0);
}

TEST_CASE("roll-up CSV: BOM, CRLF, dollars, a team row per month, no formulas") {
    Plan a = rep_plan("plan-a", "=HYPERLINK(\"http://x\")", 1'000'050);
    a.opportunities.push_back(deal("o1", "acc-1", "Closed Won", ForecastCategory::Closed, 123'456, 3));
    std::vector<RollupPlan> plans{make_rollup_plan("a", a)};
    const std::string csv = rollup_csv(make_rollup(plans, {kMarch, 1, std::nullopt}));
    CHECK(csv.rfind("\xEF\xBB\xBF" "Month,Rep,Quota,Closed won,Commit,Best case,Pipeline,Weighted,Commit forecast,Attainment %,Gap\r\n", 0) == 0);
    CHECK(csv.find("2026-03,\"'=HYPERLINK(\"\"http://x\"\")\",10000.50,1234.56,0.00,0.00,0.00,0.00,1234.56,12.3,8765.94\r\n") !=
          std::string::npos);
    CHECK(csv.find("2026-03,Team,10000.50,1234.56,") != std::string::npos);
    CHECK(csv.find('\n') == csv.find("\r\n") + 1);
}

TEST_CASE("CSV cells: quoting and formula injection") {
    CHECK(csv_text("plain") == "plain");
    CHECK(csv_text("a,b") == "\"a,b\"");
    CHECK(csv_text("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_text("two\nlines") == "\"two\nlines\"");
    CHECK(csv_text("=1+1") == "'=1+1");
    CHECK(csv_text("+33 1 23") == "'+33 1 23");
    CHECK(csv_text("-5") == "'-5");
    CHECK(csv_text("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_text("\tx") == "'\tx");
    CHECK(csv_dollars(0) == "0.00");
    CHECK(csv_dollars(5) == "0.05");
    CHECK(csv_dollars(-123456) == "-1234.56");
    CsvWriter w;
    w.row({"a", "b"});
    CHECK(w.take() == "\xEF\xBB\xBF" "a,b\r\n");
}

TEST_CASE("roll-up JSON: months, reps and team in cents") {
    Plan a = rep_plan("plan-a", "Alice Ng", 1'000'000);
    std::vector<RollupPlan> plans{make_rollup_plan("a", a)};
    Json j = rollup_json(make_rollup(plans, {kMarch, 3, std::nullopt}));
    CHECK(j["from"] == "2026-03");
    CHECK(j["reps"][0]["rep"] == "Alice Ng");
    CHECK(j["team"].size() == 3);
    CHECK(j["team"][2]["month"] == "2026-05");
    CHECK(j["team"][0]["quota"] == 1'000'000);
    CHECK(j["team"][0]["attainment_pct"] == 0.0);
}
