// Whitespace: holdings per family, recommendations from rules that are data, their reasons and
// values worked out by hand from the default catalog's 36-month prices.
#include "core/desk_opportunities.h"
#include "core/whitespace.h"
#include "desk_fixtures.h"

#include <doctest/doctest.h>

using namespace desk_test;

namespace {

UpsellRule rule(std::string id, std::string product) {
    UpsellRule r;
    r.id = std::move(id);
    r.name = r.id;
    r.product = std::move(product);
    return r;
}

Whitespace compute(const Plan& p, Date today = d(2026, 6, 1)) {
    const RuleEngine engine(p);
    return whitespace_desk(p, links_of(p, today), engine, today);
}

std::vector<std::string> reasons(const Plan& p, const Whitespace& w, std::size_t row) {
    std::vector<std::string> out;
    for (const Recommendation& r : w.of(w.rows[row]))
        out.push_back(recommendation_reason(p, p.accounts[w.rows[row].account], r));
    return out;
}

} // namespace

TEST_CASE("product families: the catalog's order, then families only services name") {
    Plan p = base_plan();
    add_service(add_account(p, "a", AccountStatus::Client), "fw", "security", 100);
    CHECK(product_families(p) ==
          std::vector<std::string>{"internet", "ethernet", "voice", "tv", "cloud", "managed", "security"});
    CHECK(family_label("tv") == "TV");
    CHECK(family_label("managed") == "Managed services");
    CHECK(family_label("security") == "Security");
    CHECK(family_label("") == "");
}

TEST_CASE("rule quantity: units per basis, rounded up, at least one") {
    Account a;
    a.sites = 3;
    a.employees = 120;
    UpsellRule r;
    CHECK(rule_quantity(r, a) == 1);
    r.quantity_basis = QuantityBasis::Sites;
    CHECK(rule_quantity(r, a) == 3);
    r.units = 4;
    CHECK(rule_quantity(r, a) == 12);
    r.quantity_basis = QuantityBasis::Employees;
    r.per = 5;
    CHECK(rule_quantity(r, a) == 96); // 4 per 5 employees
    r.units = 1;
    r.per = 50;
    CHECK(rule_quantity(r, a) == 3); // 120 / 50 = 2.4, rounded up
    a.employees = 0;
    CHECK(rule_quantity(r, a) == 1);
    CHECK(rule_quantity_text(r) == "1 per 50 employees");
    r.quantity_basis = QuantityBasis::Sites;
    r.per = 1;
    CHECK(rule_quantity_text(r) == "1 per site");
}

TEST_CASE("whitespace: the issue's two examples, with reasons and monthly values") {
    Plan p = base_plan();
    UpsellRule wan = rule("wan", "eth-evpl-1g");
    wan.min_sites = 3;
    wan.lacks_family = "ethernet";
    UpsellRule gig = rule("gig", "inet-1g");
    gig.min_employees = 100;
    gig.max_bandwidth_mbps = 100;
    gig.upgrade = true;
    p.upsell_rules = {wan, gig};
    Account& a = add_account(p, "a", AccountStatus::Client, 120, 3);
    add_service(a, "inet-100", "internet", 24900, std::nullopt, 36, false, 1, 100);
    const Whitespace w = compute(p);
    REQUIRE(w.rows.size() == 1);
    CHECK(reasons(p, w, 0) == std::vector<std::string>{
                                  "3 sites and no Ethernet \xE2\x86\x92 Ethernet Virtual Private Line 1 Gbps",
                                  "120 employees on 100 Mbps \xE2\x86\x92 Fiber Internet 1 Gbps"});
    const auto recs = w.of(w.rows[0]);
    CHECK(recs[0].quantity == 1);
    CHECK(recs[0].value == 99900); // the 36-month price
    CHECK(recs[1].value == 74900 - 24900); // an upgrade is worth the difference
    CHECK(recs[1].replaces == 24900);
    CHECK(w.rows[0].open_value == 99900 + 50000);
    CHECK(w.open_value == 149900);
    CHECK(w.accounts_with_open == 1);
    CHECK(w.rule_hits == std::vector<int>{1, 1});
}

TEST_CASE("whitespace: the default rules on a 3-site, 120-person client with 500 Mbps only") {
    Plan p = base_plan();
    Account& a = add_account(p, "a", AccountStatus::Client, 120, 3, "Manufacturing");
    add_service(a, "inet-500", "internet", 134700, std::nullopt, 36, false, 3, 500);
    const Whitespace w = compute(p);
    REQUIRE(w.rows.size() == 1);
    CHECK(reasons(p, w, 0) ==
          std::vector<std::string>{
              "120 employees on 500 Mbps \xE2\x86\x92 Fiber Internet 1 Gbps \xC3\x97" "3",
              "3 sites, 120 employees and no Ethernet \xE2\x86\x92 Ethernet Virtual Private Line 1 Gbps \xC3\x97" "3",
              "120 employees and no Voice \xE2\x86\x92 Hosted Voice seat \xC3\x97" "96",
              "3 sites and no Cloud \xE2\x86\x92 Cloud Security (DDoS + firewall) \xC3\x97" "3",
              "3 sites and no Managed services \xE2\x86\x92 Managed Network Edge \xC3\x97" "3"});
    const auto recs = w.of(w.rows[0]);
    CHECK(recs[0].value == 3 * 74900 - 134700); // $900/mo more than they pay for 500 Mbps
    CHECK(recs[1].value == 3 * 99900);
    CHECK(recs[2].value == 96 * 2499);
    CHECK(recs[3].value == 3 * 24900);
    CHECK(recs[4].value == 3 * 16900);
    // Holdings: Internet held (3 lines' MRC), the rest lacking.
    CHECK(w.families.size() == 6);
    CHECK(w.holds(0, 0) == 1);
    CHECK(w.held(0, 0) == 134700);
    for (std::size_t f = 1; f < 6; ++f) CHECK(w.holds(0, f) == 0);
    CHECK(w.family_gaps == std::vector<int>{0, 1, 1, 1, 1, 1});
}

TEST_CASE("whitespace: first rule per family wins; held, disabled and unknown products are skipped") {
    Plan p = base_plan();
    UpsellRule first = rule("first", "voice-trunk");
    first.lacks_family = "voice";
    UpsellRule second = rule("second", "voice-hosted"); // same family: never shown with `first`
    second.lacks_family = "voice";
    UpsellRule held = rule("held", "cloud-backup"); // the account already has it
    UpsellRule off = rule("off", "tv-business");
    off.enabled = false;
    UpsellRule missing = rule("missing", "no-such-product");
    UpsellRule cheaper = rule("cheaper", "inet-100"); // an "upgrade" that costs less: not an upsell
    cheaper.upgrade = true;
    UpsellRule then = rule("then", "inet-1g"); // so the next Internet rule gets its turn
    then.upgrade = true;
    p.upsell_rules = {first, second, held, off, missing, cheaper, then};
    Account& a = add_account(p, "a", AccountStatus::Client);
    add_service(a, "cloud-backup", "cloud", 12900);
    add_service(a, "inet-500", "internet", 44900, std::nullopt, 36, false, 1, 500);
    add_account(p, "former", AccountStatus::Former); // not a client: no row
    const Whitespace w = compute(p);
    REQUIRE(w.rows.size() == 1);
    const auto recs = w.of(w.rows[0]);
    REQUIRE(recs.size() == 2);
    CHECK(p.upsell_rules[recs[0].rule].id == "first");
    CHECK(p.upsell_rules[recs[1].rule].id == "then");
    CHECK(recs[1].value == 74900 - 44900);
    const RuleEngine engine(p);
    CHECK_FALSE(engine.has_product(4));
    CHECK(engine.has_product(0));
}

TEST_CASE("whitespace: conditions on sites, employees, bandwidth, families and industry") {
    Plan p = base_plan();
    UpsellRule r = rule("r", "managed-wifi");
    r.min_sites = 2;
    r.min_employees = 10;
    r.max_employees = 50;
    r.has_family = "internet";
    r.industries = {"hospitality", "Fitness"}; // case-insensitive
    p.upsell_rules = {r};
    auto fires = [&](int employees, int sites, std::string industry, bool internet) {
        Plan q = p;
        Account& a = add_account(q, "a", AccountStatus::Client, employees, sites, std::move(industry));
        if (internet) add_service(a, "inet-100", "internet", 24900);
        return compute(q).rows[0].count == 1;
    };
    CHECK(fires(20, 2, "Hospitality", true));
    CHECK(fires(50, 2, "fitness", true));
    CHECK_FALSE(fires(9, 2, "Hospitality", true));   // too few employees
    CHECK_FALSE(fires(51, 2, "Hospitality", true));  // too many
    CHECK_FALSE(fires(20, 1, "Hospitality", true));  // one site
    CHECK_FALSE(fires(20, 2, "Legal", true));        // another industry
    CHECK_FALSE(fires(20, 2, "Hospitality", false)); // no Internet
    Plan q = p;
    Account& a = add_account(q, "a", AccountStatus::Client, 20, 2, "Hospitality");
    add_service(a, "inet-100", "internet", 24900);
    const Whitespace w = compute(q);
    CHECK(reasons(q, w, 0) == std::vector<std::string>{
                                  "2 sites, 20 employees, Hospitality and has Internet \xE2\x86\x92 Managed Wi-Fi"});
    CHECK(rule_conditions(r) == "2+ sites, 10\xE2\x80\x93" "50 employees, has Internet, hospitality or Fitness");
}

TEST_CASE("whitespace: an opportunity that already offers the product is not open whitespace") {
    Plan p = base_plan();
    UpsellRule r = rule("r", "cloud-backup");
    p.upsell_rules = {r};
    add_account(p, "a", AccountStatus::Client);
    add_account(p, "b", AccountStatus::Client);
    add_account(p, "c", AccountStatus::Client);
    add_opp(p, "a", OpportunityType::Upsell, "Value Proposition", d(2026, 7, 1), 12900, {"cloud-backup"});
    add_opp(p, "b", OpportunityType::Upsell, "Closed Lost", d(2026, 3, 1), 12900, {"cloud-backup"});
    add_opp(p, "c", OpportunityType::Upsell, "Closed Lost", d(2025, 10, 1), 12900, {"cloud-backup"}); // > 180 days
    const Whitespace w = compute(p, d(2026, 6, 1));
    REQUIRE(w.rows.size() == 3);
    CHECK(w.of(w.rows[0])[0].deal.state == LinkState::Open);
    CHECK(w.of(w.rows[1])[0].deal.state == LinkState::Lost);
    CHECK(w.of(w.rows[2])[0].deal.state == LinkState::None);
    CHECK(w.rows[0].open_value == 0);
    CHECK(w.rows[1].open_value == 0);
    CHECK(w.rows[2].open_value == 12900);
    CHECK(w.in_pipeline == 1);
    CHECK(w.rule_hits[0] == 3);
}

TEST_CASE("rule reach: clients a rule fires for on its own, with their value") {
    Plan p = base_plan();
    add_account(p, "a", AccountStatus::Client, 30);
    add_account(p, "b", AccountStatus::Client, 5);
    add_service(add_account(p, "c", AccountStatus::Client, 40), "voice-trunk", "voice", 19900);
    add_account(p, "d", AccountStatus::Former, 40); // not a client
    UpsellRule r = rule("voice", "voice-hosted");
    r.min_employees = 10;
    r.lacks_family = "voice";
    r.quantity_basis = QuantityBasis::Employees;
    r.enabled = false; // the preview ignores the switch: it is for deciding whether to turn it on
    const RuleReach reach = rule_reach(p, r);
    CHECK(reach.clients == 1);
    CHECK(reach.value == 30 * 2499);
}

TEST_CASE("upsell opportunity: product, quantity, value, one-time charge and a close date") {
    Plan p = base_plan();
    Account& a = add_account(p, "a", AccountStatus::Client, 120, 3);
    a.name = "Oak Logistics";
    add_service(a, "inet-500", "internet", 134700, std::nullopt, 36, false, 3, 500);
    const Whitespace w = compute(p);
    const auto recs = w.of(w.rows[0]);
    auto upgrade = upsell_opportunity(p, 0, recs[0], d(2026, 6, 1));
    REQUIRE(upgrade);
    CHECK(upgrade->name == "Oak Logistics \xE2\x80\x94 Fiber Internet 1 Gbps \xC3\x97" "3");
    CHECK(upgrade->type == OpportunityType::Upsell);
    CHECK(upgrade->products == std::vector<std::string>{"inet-1g"});
    CHECK(upgrade->mrc == 90000);
    CHECK(upgrade->otc == 0); // an upgrade reuses the installation
    CHECK(upgrade->close_date == d(2026, 7, 31));
    CHECK(upgrade->next_step.rfind("Propose it: 120 employees on 500 Mbps", 0) == 0);
    auto wan = upsell_opportunity(p, 0, recs[1], d(2026, 6, 1));
    CHECK(wan->otc == 3 * 75000);
}
