// The win-back desk against hand-worked dates: the competitor's likely end (with renewals that
// never drift off the 31st or Feb 29), the window, the value and the win-back opportunity.
#include "core/desk_opportunities.h"
#include "core/winback.h"
#include "desk_fixtures.h"

#include <doctest/doctest.h>

using namespace desk_test;

namespace {

FormerClient lost(std::optional<Date> on, int term, std::optional<Date> entered = std::nullopt) {
    FormerClient f;
    f.lost_date = on;
    f.competitor_term_months = term;
    f.competitor_contract_end = entered;
    return f;
}

std::vector<WinbackRow> desk(const Plan& p, Date today) {
    const RuleEngine engine(p);
    return winback_desk(p, links_of(p, today), engine, today);
}

} // namespace

TEST_CASE("competitor contract end: lost date plus the typical term") {
    auto e = competitor_contract_end(lost(d(2023, 1, 31), 36), d(2026, 1, 1));
    REQUIRE(e);
    CHECK(e->end == d(2026, 1, 31));
    CHECK(e->estimated);
    CHECK(e->renewals == 0);
    // 24 months from a leap day lands on Feb 28 of a common year.
    CHECK(competitor_contract_end(lost(d(2024, 2, 29), 24), d(2025, 6, 1))->end == d(2026, 2, 28));
    CHECK_FALSE(competitor_contract_end(lost(std::nullopt, 36), d(2026, 1, 1)));
}

TEST_CASE("competitor contract end: an end in the past rolls forward by whole terms, without drift") {
    // Monthly terms from Jan 31: Feb 29 (2024 is a leap year), Mar 31, Apr 30, May 31. Stepping
    // from each previous end would have given Mar 29, Apr 29, May 29.
    auto e = competitor_contract_end(lost(d(2024, 1, 31), 1), d(2024, 6, 15));
    REQUIRE(e);
    CHECK(e->end == d(2024, 5, 31)); // 15 days ago: within the 30-day grace, still "now"
    CHECK(e->renewals == 3);
    e = competitor_contract_end(lost(d(2024, 1, 31), 1), d(2024, 7, 1));
    CHECK(e->end == d(2024, 6, 30)); // May 31 was 31 days ago: renewed once more
    // A leap-day loss with yearly terms comes back to Feb 29 in the next leap year.
    e = competitor_contract_end(lost(d(2020, 2, 29), 12), d(2024, 2, 1));
    CHECK(e->end == d(2024, 2, 29));
    CHECK(e->renewals == 3);
    // Decades of monthly renewals are found without stepping month by month from the start.
    e = competitor_contract_end(lost(d(1990, 1, 31), 1), d(2026, 3, 15));
    CHECK(e->end == d(2026, 2, 28));
    CHECK(e->renewals == 432); // Feb 2026 is 433 months after Jan 1990: the 433rd end
    // No term: the end stays where it is, however old.
    CHECK(competitor_contract_end(lost(d(2020, 5, 31), 0), d(2026, 1, 1))->end == d(2020, 5, 31));
}

TEST_CASE("competitor contract end: a date the user entered wins, and rolls from itself") {
    auto e = competitor_contract_end(lost(d(2024, 1, 10), 24, d(2026, 5, 31)), d(2026, 4, 1));
    REQUIRE(e);
    CHECK(e->end == d(2026, 5, 31));
    CHECK_FALSE(e->estimated);
    e = competitor_contract_end(lost(std::nullopt, 24, d(2023, 5, 31)), d(2026, 4, 1));
    CHECK(e->end == d(2027, 5, 31)); // 2025-05-31 had passed too
    CHECK(e->renewals == 2);
}

TEST_CASE("win-back window: opens window_days before the end, closes 30 days after it") {
    Plan p = base_plan(); // winback_window_days = 120
    Account& a = add_account(p, "a", AccountStatus::Former);
    a.former = lost(d(2023, 6, 30), 36); // competitor end 2026-06-30
    add_account(p, "unknown", AccountStatus::Former);
    add_account(p, "client", AccountStatus::Client);

    auto rows = desk(p, d(2026, 3, 15));
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].window == WindowState::Open);
    CHECK(rows[0].window_opens == d(2026, 3, 2)); // Jun 30 - 120 days
    CHECK(rows[0].days_to_end == 107);
    CHECK(rows[0].days_to_open == -13);
    CHECK(rows[1].window == WindowState::Unknown);

    rows = desk(p, d(2026, 2, 1));
    CHECK(rows[0].window == WindowState::Upcoming);
    CHECK(rows[0].days_to_open == 29);

    rows = desk(p, d(2026, 7, 20)); // 20 days after the end: still open
    CHECK(rows[0].window == WindowState::Open);
    CHECK(rows[0].days_to_end == -20);

    p.settings.winback_window_days = 60; // the setting moves the opening
    rows = desk(p, d(2026, 3, 15));
    CHECK(rows[0].window == WindowState::Upcoming);
    CHECK(rows[0].window_opens == d(2026, 5, 1));
}

TEST_CASE("win-back desk: open windows first by competitor end, then upcoming by opening") {
    Plan p = base_plan();
    const Date today = d(2026, 3, 1);
    add_account(p, "late", AccountStatus::Former).former = lost(d(2024, 12, 31), 24);   // Dec 31 2026
    add_account(p, "soon", AccountStatus::Former).former = lost(d(2023, 4, 30), 36);    // Apr 30 2026
    add_account(p, "sooner", AccountStatus::Former).former = lost(d(2023, 3, 31), 36);  // Mar 31 2026
    add_account(p, "next", AccountStatus::Former).former = lost(d(2024, 9, 30), 24);    // Sep 30 2026
    const auto rows = desk(p, today);
    REQUIRE(rows.size() == 4);
    CHECK(p.accounts[rows[0].account].id == "sooner");
    CHECK(p.accounts[rows[1].account].id == "soon");
    CHECK(p.accounts[rows[2].account].id == "next");
    CHECK(p.accounts[rows[3].account].id == "late");
}

TEST_CASE("win-back value: their former services, else their last deal, else a catalog estimate") {
    Plan p = base_plan();
    const Date today = d(2026, 3, 1);
    Account& kept = add_account(p, "kept", AccountStatus::Former);
    kept.former = lost(d(2024, 1, 15), 36);
    add_service(kept, "inet-500", "internet", 44900, d(2024, 1, 15));
    add_service(kept, "voice-trunk", "voice", 19900, d(2024, 1, 15));
    Account& dealt = add_account(p, "dealt", AccountStatus::Former);
    dealt.former = lost(d(2024, 1, 15), 36);
    add_opp(p, "dealt", OpportunityType::Renewal, "Closed Lost", d(2023, 12, 20), 61000, {"inet-1g"});
    add_opp(p, "dealt", OpportunityType::Upsell, "Closed Lost", d(2024, 1, 2), 99900, {"eth-sdwan"});
    // 30 employees, one site: Fiber Internet 500 Mbps ($449) and 24 hosted seats (4 per 5
    // employees at $24.99) = $449.00 + $599.76.
    Account& fresh = add_account(p, "fresh", AccountStatus::Former, 30, 1, "Healthcare");
    fresh.former = lost(d(2024, 1, 15), 36);

    const auto rows = desk(p, today);
    REQUIRE(rows.size() == 3);
    auto row_of = [&](const char* id) -> const WinbackRow& {
        for (const WinbackRow& r : rows)
            if (p.accounts[r.account].id == id) return r;
        FAIL("no row");
        return rows[0];
    };
    CHECK(row_of("kept").source == ValueSource::Services);
    CHECK(row_of("kept").value == 44900 + 19900);
    CHECK(row_of("kept").products == std::vector<std::string>{"inet-500", "voice-trunk"});
    CHECK(row_of("dealt").source == ValueSource::Opportunity);
    CHECK(row_of("dealt").value == 61000);
    CHECK(row_of("dealt").products == std::vector<std::string>{"inet-1g"});
    CHECK(row_of("fresh").source == ValueSource::Estimate);
    CHECK(row_of("fresh").value == 44900 + 24 * 2499);
    CHECK(row_of("fresh").products == std::vector<std::string>{"inet-500", "voice-hosted"});
}

TEST_CASE("win-back desk: the win-back opportunity it shows, and the one it creates") {
    Plan p = base_plan();
    Account& a = add_account(p, "a", AccountStatus::Former);
    a.name = "Birch Pediatrics";
    a.former = lost(d(2023, 6, 30), 36);
    a.former.competitor = "Spectrum";
    add_service(a, "inet-500", "internet", 44900, d(2023, 6, 30));
    const Date today = d(2026, 3, 15);
    auto rows = desk(p, today);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].deal.state == LinkState::None);

    auto o = winback_opportunity(p, rows[0], today);
    REQUIRE(o);
    CHECK(o->name == "Birch Pediatrics \xE2\x80\x94 Win-back");
    CHECK(o->type == OpportunityType::WinBack);
    CHECK(o->mrc == 44900);
    CHECK(o->products == std::vector<std::string>{"inet-500"});
    CHECK(o->term_months == 36);
    CHECK(o->close_date == d(2026, 6, 30));
    CHECK(o->next_step == "Call Pat Doe: their Spectrum contract likely ends Jun 30, 2026");

    // After the end, the close date is at least two weeks out.
    const auto late = desk(p, d(2026, 7, 10));
    CHECK(winback_opportunity(p, late[0], d(2026, 7, 10))->close_date == d(2026, 7, 24));

    add_opp(p, "a", OpportunityType::WinBack, "Closed Lost", d(2025, 1, 10)); // over a year ago
    CHECK(desk(p, today)[0].deal.state == LinkState::None);
    add_opp(p, "a", OpportunityType::WinBack, "Closed Lost", d(2025, 11, 10));
    CHECK(desk(p, today)[0].deal.state == LinkState::Lost);
    add_opp(p, "a", OpportunityType::WinBack, "Needs Analysis", d(2026, 6, 1));
    rows = desk(p, today);
    CHECK(rows[0].deal.state == LinkState::Open);
    CHECK(rows[0].deal.opportunity == 2);
}
