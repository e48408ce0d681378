// The renewal desk against hand-worked dates: notice deadlines, horizons in calendar days, month
// ends, leap days, the user's local day, and the renewal opportunity it creates.
#include "core/desk_opportunities.h"
#include "core/renewals.h"
#include "desk_fixtures.h"

#include <doctest/doctest.h>

using namespace desk_test;

TEST_CASE("notice deadline: contract end minus the notice period, in calendar days") {
    Settings st; // renewal_notice_days = 60
    Service s;
    CHECK_FALSE(notice_deadline(s, st)); // no contract end, no deadline
    s.contract_end = d(2027, 3, 31);
    // Mar 31 - 31 days = Feb 28 (2027 is not a leap year), - 29 more = Jan 30.
    CHECK(*notice_deadline(s, st) == d(2027, 1, 30));
    s.contract_end = d(2028, 3, 31); // leap year: Mar 31 - 31 = Feb 29, - 29 = Jan 31
    CHECK(*notice_deadline(s, st) == d(2028, 1, 31));
    s.notice_days = 90; // the service's own period wins: Mar 31 2027 - 90 days = Dec 31 2026
    s.contract_end = d(2027, 3, 31);
    CHECK(*notice_deadline(s, st) == d(2026, 12, 31));
    s.notice_days = 0;
    CHECK(*notice_deadline(s, st) == d(2027, 3, 31));
    s.notice_days.reset();
    st.renewal_notice_days = 30;
    CHECK(*notice_deadline(s, st) == d(2027, 3, 1));
}

TEST_CASE("renewal desk: 'ends in 30 days' counts calendar days from today") {
    Plan p = base_plan();
    Account& a = add_account(p, "a", AccountStatus::Client);
    add_service(a, "inet-500", "internet", 44900, d(2027, 3, 31));
    Account& b = add_account(p, "b", AccountStatus::Client);
    add_service(b, "inet-500", "internet", 44900, d(2027, 4, 1));
    const Date today = d(2027, 3, 1);
    const auto rows = renewal_desk(p, links_of(p, today), today);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].account == 0);
    CHECK(rows[0].days_left == 30); // in the 30-day list
    CHECK(rows[0].end == d(2027, 3, 31)); // the 31st stays the 31st
    CHECK(rows[1].days_left == 31); // the next day is not
    CHECK(rows[0].notice_by == d(2027, 1, 30));
    CHECK(rows[0].days_to_notice == -30); // passed a month ago
}

TEST_CASE("renewal desk: the user's local day decides, not UTC") {
    Plan p = base_plan();
    Account& a = add_account(p, "a", AccountStatus::Client);
    add_service(a, "inet-100", "internet", 24900, d(2027, 3, 31));
    // 2027-03-01 03:30 UTC is still Feb 28 in New York (UTC-5) and already Mar 1 in Tokyo (UTC+9).
    const Timestamp instant{std::int64_t{d(2027, 3, 1).days} * 86'400'000 + (3 * 60 + 30) * 60'000};
    const Date new_york = local_day(instant, -5 * 60);
    const Date tokyo = local_day(instant, 9 * 60);
    CHECK(new_york == d(2027, 2, 28));
    CHECK(tokyo == d(2027, 3, 1));
    RenewalOptions in30;
    in30.horizon_days = 30;
    CHECK(renewal_desk(p, links_of(p, new_york), new_york, in30).empty()); // 31 days away there
    const auto rows = renewal_desk(p, links_of(p, tokyo), tokyo, in30);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].days_left == 30);
    // Daylight saving time does not exist for calendar days: Mar 14 2027 (US clocks spring
    // forward) to Mar 31 is 17 days.
    CHECK(renewal_desk(p, links_of(p, d(2027, 3, 14)), d(2027, 3, 14))[0].days_left == 17);
    // Before the epoch, a negative instant still lands on the right local day.
    CHECK(local_day(Timestamp{-1}, 0) == d(1969, 12, 31));
    CHECK(local_day(Timestamp{0}, -1) == d(1969, 12, 31));
}

TEST_CASE("renewal desk: horizon, lapsed contracts, prospects and formers") {
    Plan p = base_plan();
    const Date today = d(2026, 6, 15);
    add_service(add_account(p, "due", AccountStatus::Client), "x", "internet", 100, d(2026, 12, 12)); // 180 days
    add_service(add_account(p, "far", AccountStatus::Client), "x", "internet", 100, d(2026, 12, 13)); // 181
    add_service(add_account(p, "lapsed", AccountStatus::Client), "x", "internet", 100, d(2026, 6, 5)); // -10
    add_service(add_account(p, "old", AccountStatus::Client), "x", "internet", 100, d(2026, 3, 16)); // -91
    add_service(add_account(p, "former", AccountStatus::Former), "x", "internet", 100, d(2026, 7, 1));
    add_service(add_account(p, "prospect", AccountStatus::Prospect), "x", "internet", 100, d(2026, 7, 1));
    add_service(add_account(p, "undated", AccountStatus::Client), "x", "internet", 100);
    const auto rows = renewal_desk(p, links_of(p, today), today);
    REQUIRE(rows.size() == 2);
    CHECK(p.accounts[rows[0].account].id == "lapsed"); // out of contract: most urgent
    CHECK(rows[0].days_left == -10);
    CHECK(p.accounts[rows[1].account].id == "due");
    CHECK(rows[1].days_left == 180);
    RenewalOptions wide;
    wide.lapsed_days = 91;
    CHECK(renewal_desk(p, links_of(p, today), today, wide).size() == 3);
}

TEST_CASE("renewal desk: one row per account with every contract due, MRC, auto-renew and term") {
    Plan p = base_plan();
    Account& a = add_account(p, "a", AccountStatus::Client);
    add_service(a, "voice-hosted", "voice", 50000, d(2026, 9, 30), 12, true);
    add_service(a, "inet-1g", "internet", 74900, d(2026, 8, 31), 36, true);
    add_service(a, "cloud-backup", "cloud", 12900, d(2026, 8, 31), 36, false);
    add_service(a, "tv-business", "tv", 5999, d(2028, 1, 31), 36, false); // not due
    const Date today = d(2026, 7, 1);
    const auto rows = renewal_desk(p, links_of(p, today), today);
    REQUIRE(rows.size() == 1);
    const RenewalRow& r = rows[0];
    CHECK(r.services == std::vector<std::size_t>{1, 2, 0}); // soonest end first, stable
    CHECK(r.mrc == 50000 + 74900 + 12900);
    CHECK(r.end == d(2026, 8, 31));
    CHECK(r.days_left == 61);
    CHECK(r.notice_by == d(2026, 7, 2)); // Aug 31 - 60 days
    CHECK(r.days_to_notice == 1);
    CHECK(r.auto_renew == AutoRenew::Some);
    CHECK(r.term_months == 36); // two of three run 36 months
    CHECK(r.deal.state == LinkState::None);
}

TEST_CASE("renewal desk: the usual term, ties going to the longer one, and month to month") {
    Plan p = base_plan();
    Account& a = add_account(p, "a", AccountStatus::Client);
    add_service(a, "x", "internet", 100, d(2026, 8, 31), 12);
    add_service(a, "y", "voice", 100, d(2026, 8, 31), 60);
    Account& b = add_account(p, "b", AccountStatus::Client);
    add_service(b, "x", "internet", 100, d(2026, 8, 31), 0); // month to month: propose 36
    const Date today = d(2026, 7, 1);
    const auto rows = renewal_desk(p, links_of(p, today), today);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].term_months == 60);
    CHECK(rows[1].term_months == kQuoteTermMonths);
}

TEST_CASE("renewal desk: which renewal opportunity covers the contracts") {
    Plan p = base_plan();
    Account& a = add_account(p, "a", AccountStatus::Client);
    add_service(a, "x", "internet", 100, d(2026, 9, 30));
    const Date today = d(2026, 7, 1);
    auto state = [&] {
        const auto rows = renewal_desk(p, links_of(p, today), today);
        REQUIRE(rows.size() == 1);
        return rows[0].deal;
    };
    CHECK(state().state == LinkState::None);
    add_opp(p, "a", OpportunityType::Upsell, "Prospecting", d(2026, 8, 1)); // not a renewal
    add_opp(p, "a", OpportunityType::Renewal, "Closed Won", d(2025, 9, 29)); // the previous one
    CHECK(state().state == LinkState::None);
    add_opp(p, "a", OpportunityType::Renewal, "Closed Lost", d(2026, 5, 1));
    CHECK(state().state == LinkState::Lost);
    CHECK(state().opportunity == 2);
    add_opp(p, "a", OpportunityType::Renewal, "Closed Won", d(2026, 6, 1));
    CHECK(state().state == LinkState::Won);
    CHECK(state().opportunity == 3);
    add_opp(p, "a", OpportunityType::Renewal, "Proposal/Price Quote", d(2026, 9, 15));
    add_opp(p, "a", OpportunityType::Renewal, "Qualification", d(2026, 9, 1));
    CHECK(state().state == LinkState::Open);
    CHECK(state().opportunity == 5); // the open one that closes soonest
}

TEST_CASE("renewal opportunity: products, amount, term and a close date that does not drift") {
    Plan p = base_plan();
    Account& a = add_account(p, "a", AccountStatus::Client);
    a.name = "Acme Dental";
    add_service(a, "inet-500", "internet", 44900, d(2027, 1, 31), 60);
    add_service(a, "voice-hosted", "voice", 24990, d(2027, 1, 31), 60);
    add_service(a, "inet-500", "internet", 44900, d(2027, 1, 31), 60); // a second site
    const Date today = d(2026, 11, 26);
    const auto rows = renewal_desk(p, links_of(p, today), today);
    REQUIRE(rows.size() == 1);
    auto o = renewal_opportunity(p, rows[0], today);
    REQUIRE(o);
    CHECK(o->account_id == a.id);
    CHECK(o->name == "Acme Dental \xE2\x80\x94 Renewal 2027");
    CHECK(o->type == OpportunityType::Renewal);
    CHECK(o->stage == "Prospecting");
    CHECK(o->probability == 10);
    CHECK(o->forecast_category == ForecastCategory::Pipeline);
    CHECK(o->products == std::vector<std::string>{"inet-500", "voice-hosted"});
    CHECK(o->mrc == 44900 + 24990 + 44900);
    CHECK(o->term_months == 60);
    CHECK(o->close_date == d(2027, 1, 31));
    CHECK(o->owner == "Jordan");
    CHECK(o->next_step == "Call Pat Doe about the renewal before the notice deadline (Dec 2, 2026)");

    // Out of contract: the renewal is overdue and closes today, not in the past.
    const auto late = renewal_desk(p, links_of(p, d(2027, 2, 10)), d(2027, 2, 10));
    REQUIRE(late.size() == 1);
    CHECK(renewal_opportunity(p, late[0], d(2027, 2, 10))->close_date == d(2027, 2, 10));
    CHECK(renewal_opportunity(p, late[0], d(2027, 2, 10))->next_step == "Call Pat Doe about the renewal");

    // A plan without an open stage cannot hold a new opportunity.
    for (Stage& s : p.stages) s.closed = true;
    CHECK_FALSE(renewal_opportunity(p, rows[0], today));
}
