// Commission (core/commission.cpp): marginal tiers at, just below and just above every threshold,
// the base rate, months without a quota, family and win-back extras, year to date.
#include "core/commission.h"

#include <doctest/doctest.h>

using namespace footprint::core;

namespace {

Date d(int y, int m, int day) {
    return date_from_ymd(y, m, day);
}

// 100% of MRC up to quota, 150% from 100% to 125% of quota, 200% beyond (uncapped).
CommissionPlan accelerators() {
    CommissionPlan c;
    c.tiers = {{0, 10000}, {100, 15000}, {125, 20000}};
    return c;
}

Cents total(const std::vector<CommissionBand>& bands) {
    Cents t = 0;
    for (const CommissionBand& b : bands)
        t += b.payout;
    return t;
}

Opportunity won(std::string id, Cents mrc, Date close, OpportunityType type = OpportunityType::New,
                std::vector<std::string> products = {}) {
    Opportunity o;
    o.id = std::move(id);
    o.account_id = "a";
    o.stage = "Closed Won";
    o.probability = 100;
    o.forecast_category = ForecastCategory::Closed;
    o.mrc = mrc;
    o.close_date = close;
    o.type = type;
    o.products = std::move(products);
    return o;
}

} // namespace

TEST_CASE("mul_div_round rounds half up and does not overflow") {
    CHECK(mul_div_round(1, 15000, 10000) == 2);       // 1.5 -> 2
    CHECK(mul_div_round(3, 5000, 10000) == 2);        // 1.5 -> 2
    CHECK(mul_div_round(1, 14999, 10000) == 1);       // 1.4999 -> 1
    CHECK(mul_div_round(-3, 5000, 10000) == -1);      // -1.5 -> -1 (towards +inf)
    CHECK(mul_div_round(333333, 125, 100) == 416666); // 416,666.25
    CHECK(mul_div_round(1000000000000, 1000000, 10000) == 100000000000000);
    CHECK(mul_div_round(25000000000000000, 1000000, 10000) == 2500000000000000000);
    CHECK(mul_div_round(5, 1, 0) == 0);
}

TEST_CASE("rate_schedule: the base rate until the first tier; a tier at 0% replaces it") {
    CommissionPlan c;
    c.base_rate_bp = 5000;
    c.tiers = {{125, 20000}, {100, 15000}}; // out of order: sorted
    auto s = rate_schedule(c);
    REQUIRE(s.size() == 3);
    CHECK(s[0].from_pct == 0);
    CHECK(s[0].rate_bp == 5000);
    CHECK(s[1].from_pct == 100);
    CHECK(s[2].from_pct == 125);
    s = rate_schedule(accelerators());
    REQUIRE(s.size() == 3);
    CHECK(s[0].rate_bp == 10000);
    CommissionPlan none;
    CHECK(rate_schedule(none).size() == 1);
}

TEST_CASE("commission tiers are marginal: at, just below and just above each threshold") {
    const CommissionPlan c = accelerators();
    const Cents quota = 1000000; // $10,000

    SUBCASE("just below 100%: every dollar at 100%") {
        auto b = commission_bands(c, quota, 999999);
        REQUIRE(b.size() == 3);
        CHECK(b[0].amount == 999999);
        CHECK(b[1].amount == 0);
        CHECK(b[2].amount == 0);
        CHECK(total(b) == 999999);
    }
    SUBCASE("exactly 100%: the dollar that reaches quota is still paid at 100%") {
        auto b = commission_bands(c, quota, 1000000);
        CHECK(b[0].amount == 1000000);
        CHECK(b[1].amount == 0);
        CHECK(total(b) == 1000000);
    }
    SUBCASE("one cent above 100%: that cent earns 150% (1.5 cents, rounded up to 2)") {
        auto b = commission_bands(c, quota, 1000001);
        CHECK(b[0].amount == 1000000);
        CHECK(b[1].amount == 1);
        CHECK(b[1].payout == 2);
        CHECK(total(b) == 1000002);
    }
    SUBCASE("just below 125%") {
        auto b = commission_bands(c, quota, 1249999);
        CHECK(b[1].amount == 249999);
        CHECK(b[1].payout == 374999); // 374,998.5 rounds up
        CHECK(b[2].amount == 0);
        CHECK(total(b) == 1374999);
    }
    SUBCASE("exactly 125%") {
        auto b = commission_bands(c, quota, 1250000);
        CHECK(b[1].amount == 250000);
        CHECK(b[1].payout == 375000);
        CHECK(b[2].amount == 0);
        CHECK(total(b) == 1375000);
    }
    SUBCASE("one cent above 125%: 200%") {
        auto b = commission_bands(c, quota, 1250001);
        CHECK(b[2].amount == 1);
        CHECK(b[2].payout == 2);
        CHECK(total(b) == 1375002);
    }
    SUBCASE("far above: the last tier is uncapped") {
        auto b = commission_bands(c, quota, 2000000); // 200%
        CHECK(b[2].amount == 750000);
        CHECK(b[2].payout == 1500000);
        CHECK_FALSE(b[2].to_pct);
        CHECK(total(b) == 2875000);
    }
    SUBCASE("nothing won") {
        auto b = commission_bands(c, quota, 0);
        CHECK(total(b) == 0);
    }
    SUBCASE("band bounds are quota * threshold, in cents") {
        auto b = commission_bands(c, quota, 0);
        CHECK(b[0].from_amount == 0);
        CHECK(*b[0].to_amount == 1000000);
        CHECK(*b[1].to_amount == 1250000);
        CHECK(*b[0].to_pct == 100);
        CHECK(*b[1].to_pct == 125);
    }
}

TEST_CASE("commission: a base rate below the first tier, accelerator above it") {
    CommissionPlan c;
    c.base_rate_bp = 5000;    // 50% up to quota
    c.tiers = {{100, 15000}}; // 150% beyond
    auto b = commission_bands(c, 1000000, 1200000);
    REQUIRE(b.size() == 2);
    CHECK(b[0].payout == 500000);
    CHECK(b[1].payout == 300000);
    // A threshold whose boundary is not a whole cent rounds half up: 333,333 * 125% = 416,666.25.
    CommissionPlan odd;
    odd.tiers = {{0, 10000}, {125, 20000}};
    b = commission_bands(odd, 333333, 416667);
    CHECK(b[0].amount == 416666);
    CHECK(b[1].amount == 1);
}

TEST_CASE("commission without a quota: all at the 0% rate, no accelerator") {
    auto b = commission_bands(accelerators(), 0, 700000);
    REQUIRE(b.size() == 1);
    CHECK(b[0].amount == 700000);
    CHECK(b[0].payout == 700000);
    CHECK_FALSE(b[0].to_pct);
    CommissionPlan c;
    c.base_rate_bp = 5000;
    c.tiers = {{100, 15000}};
    CHECK(total(commission_bands(c, 0, 700000)) == 350000);
    CHECK(total(commission_bands(c, -5, 700000)) == 350000);
}

TEST_CASE("deal extras: the highest family bonus among the products, plus the win-back bonus") {
    Plan p = make_empty_plan("p", "t", Timestamp{});
    p.commission.family_bonus_bp = {{"ethernet", 2500}, {"cloud", 3000}};
    p.commission.winback_bonus_bp = 5000;
    Opportunity o = won("1", 100000, d(2026, 3, 1), OpportunityType::WinBack,
                        {"inet-100", "eth-epl-100", "cloud-backup", "not-in-catalog"});
    DealExtraRate r = deal_extra_rate(p, o);
    CHECK(r.family == "cloud");
    CHECK(r.family_bp == 3000);
    CHECK(r.winback_bp == 5000);
    CHECK(r.total_bp() == 8000);
    o.type = OpportunityType::Renewal;
    o.products = {"inet-100"};
    r = deal_extra_rate(p, o);
    CHECK(r.family.empty());
    CHECK(r.total_bp() == 0);
}

TEST_CASE("commission_by_month: tiers per month, extras on top, year to date") {
    Plan p = make_empty_plan("p", "t", Timestamp{});
    p.commission = accelerators();
    p.commission.family_bonus_bp = {{"ethernet", 2500}};
    p.commission.winback_bonus_bp = 5000;
    p.quota.monthly_revenue = 1000000;
    p.quota.month_override[YearMonth::of(2026, 2)] = 0; // February: no quota
    p.opportunities = {
        won("d1", 800000, d(2025, 12, 5)),
        won("d2", 1100000, d(2026, 1, 10), OpportunityType::WinBack, {"eth-epl-100"}),
        won("d3", 150000, d(2026, 1, 20), OpportunityType::New, {"eth-sdwan"}),
        won("d4", 400000, d(2026, 2, 3)),
    };
    Opportunity open = won("o1", 999999, d(2026, 1, 15));
    open.stage = "Negotiation/Review";
    p.opportunities.push_back(open);

    auto months = commission_by_month(p, YearMonth::of(2025, 12), 3);
    REQUIRE(months.size() == 3);
    // December: 8,000 of 10,000 -> $8,000 at 100%.
    CHECK(months[0].payout == 800000);
    CHECK(months[0].year_to_date == 800000);
    CHECK(months[0].marginal_rate_bp == 10000);
    CHECK(*months[0].to_next_band == 200000);
    CHECK(*months[0].next_band_pct == 100);
    CHECK(*months[0].next_band_rate_bp == 15000);
    // January: 12,500 won (125% exactly): 10,000 at 100% + 2,500 at 150% = 13,750.
    // Ethernet bonus 25% on 12,500 (both deals) = 3,125; win-back 50% on 11,000 = 5,500.
    const CommissionMonth& jan = months[1];
    CHECK(jan.won == 1250000);
    CHECK(*jan.attainment_pct == doctest::Approx(125.0));
    CHECK(jan.tier_payout == 1375000);
    REQUIRE(jan.extras.size() == 2);
    CHECK(jan.extras[0].family == "ethernet");
    CHECK(jan.extras[0].deals == 2);
    CHECK(jan.extras[0].amount == 1250000);
    CHECK(jan.extras[0].payout == 312500);
    CHECK(jan.extras[1].family.empty()); // the win-back bonus comes last
    CHECK(jan.extras[1].amount == 1100000);
    CHECK(jan.extras[1].payout == 550000);
    CHECK(jan.extra_payout == 862500);
    CHECK(jan.payout == 2237500);
    CHECK(jan.year_to_date == 2237500); // a new year: December does not count
    CHECK(jan.marginal_rate_bp == 20000);
    CHECK_FALSE(jan.to_next_band);
    // February: no quota -> 4,000 at the 0% rate, no attainment.
    const CommissionMonth& feb = months[2];
    CHECK_FALSE(feb.attainment_pct);
    CHECK(feb.payout == 400000);
    CHECK(feb.year_to_date == 2237500 + 400000);
}

TEST_CASE("commission_by_month follows a what-if overlay") {
    Plan p = make_empty_plan("p", "t", Timestamp{});
    p.commission = accelerators();
    p.quota.monthly_revenue = 1000000;
    Opportunity open = won("o1", 300000, d(2026, 1, 15));
    open.stage = "Negotiation/Review";
    p.opportunities = {won("w1", 900000, d(2026, 1, 2)), open};
    CHECK(commission_by_month(p, YearMonth::of(2026, 1), 1)[0].payout == 900000);
    Opportunity closed = open;
    closed.stage = "Closed Won";
    std::vector<Opportunity> changed{closed};
    const DealOverlay overlay = overlay_of(changed);
    // 12,000: 10,000 at 100% + 2,000 at 150%.
    CHECK(commission_by_month(p, YearMonth::of(2026, 1), 1, &overlay)[0].payout == 1300000);
}

TEST_CASE("commit_commission_by_month: the payout if every Commit deal lands on its date") {
    Plan p = make_empty_plan("p", "t", Timestamp{});
    p.commission = accelerators();
    p.quota.monthly_revenue = 1000000;
    Opportunity commit = won("c", 300000, d(2026, 2, 15));
    commit.stage = "Negotiation/Review";
    commit.forecast_category = ForecastCategory::Commit;
    Opportunity best = won("b", 500000, d(2026, 1, 20));
    best.stage = "Proposal/Price Quote";
    best.forecast_category = ForecastCategory::BestCase;
    p.opportunities = {won("w", 900000, d(2026, 1, 2)), commit, best};
    auto months = commit_commission_by_month(p, YearMonth::of(2026, 1), 2);
    CHECK(months[0].payout == 900000); // best case does not count
    CHECK(months[1].payout == 300000); // the commit deal lands in February
    CHECK(commission_by_month(p, YearMonth::of(2026, 1), 2)[1].payout == 0);
}

TEST_CASE("check_commission_plan explains what is wrong") {
    CHECK(check_commission_plan(accelerators()).empty());
    CommissionPlan c = accelerators();
    c.tiers[2].from_attainment_pct = 100;
    auto problems = check_commission_plan(c);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == "Tier 3 starts at 100%, not above tier 2 (100%).");
    c = accelerators();
    c.base_rate_bp = -1;
    c.family_bonus_bp[""] = 2000000;
    CHECK(check_commission_plan(c).size() == 3);
}
