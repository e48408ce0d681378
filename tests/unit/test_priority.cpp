// The priority score: each factor's level worked out by hand, the weights, the order, and the
// sentences that explain it.
#include "core/priority.h"
#include "core/sample_plan.h"
#include "desk_fixtures.h"

#include <doctest/doctest.h>

#include <set>

using namespace desk_test;

namespace {

PriorityWeights only(PriorityFactor f) {
    PriorityWeights w{0, 0, 0, 0, 0};
    switch (f) {
    case PriorityFactor::Renewal: w.renewal = 1; break;
    case PriorityFactor::Revenue: w.revenue = 1; break;
    case PriorityFactor::Winback: w.winback = 1; break;
    case PriorityFactor::Upsell: w.upsell = 1; break;
    case PriorityFactor::Recency: w.recency = 1; break;
    }
    return w;
}

DeskData desks(const Plan& p, Date today) { return compute_desks(p, today); }

const AccountPriority* find(const DeskData& d, const Plan& p, const std::string& id) {
    for (const AccountPriority& a : d.priorities)
        if (p.accounts[a.account].id == id) return &a;
    return nullptr;
}

} // namespace

TEST_CASE("priority: renewal urgency counts to the notice deadline while it is ahead") {
    Plan p = base_plan();
    p.upsell_rules.clear();
    p.settings.priority_weights = only(PriorityFactor::Renewal);
    const Date today = d(2026, 6, 1);
    // Ends in 90 days (Aug 30), notice 60 days before: 30 days to act -> 1 - 30/180.
    add_service(add_account(p, "notice", AccountStatus::Client), "x", "internet", 100, d(2026, 8, 30));
    // Notice passed (ends in 45 days): 45 days to the end -> 1 - 45/180 = 0.75.
    add_service(add_account(p, "end", AccountStatus::Client), "x", "internet", 100, d(2026, 7, 16));
    // Out of contract: 1.
    add_service(add_account(p, "lapsed", AccountStatus::Client), "x", "internet", 100, d(2026, 5, 20));
    // Renewal already won: 0, so the account drops out of the list.
    add_service(add_account(p, "won", AccountStatus::Client), "x", "internet", 100, d(2026, 7, 16));
    add_opp(p, "won", OpportunityType::Renewal, "Closed Won", d(2026, 5, 1));
    const DeskData dd = desks(p, today);
    REQUIRE(dd.priorities.size() == 3);
    CHECK(p.accounts[dd.priorities[0].account].id == "lapsed");
    CHECK(dd.priorities[0].score == doctest::Approx(100.0));
    CHECK(p.accounts[dd.priorities[1].account].id == "notice");
    CHECK(dd.priorities[1].score == doctest::Approx(100.0 * (1 - 30.0 / 180)));
    CHECK(p.accounts[dd.priorities[2].account].id == "end");
    CHECK(dd.priorities[2].score == doctest::Approx(75.0));
    CHECK(find(dd, p, "won") == nullptr);
}

TEST_CASE("priority: revenue at stake is scaled by the plan's 90th percentile") {
    Plan p = base_plan();
    p.upsell_rules.clear();
    p.settings.priority_weights = only(PriorityFactor::Revenue);
    const Date today = d(2026, 6, 1);
    // Ten renewals of $1,000 .. $10,000: the 90th percentile (nearest rank 9) is $9,000.
    for (int i = 1; i <= 10; ++i)
        add_service(add_account(p, "r" + std::to_string(i), AccountStatus::Client), "x", "internet",
                    i * 100000, d(2026, 9, 1));
    const DeskData dd = desks(p, today);
    CHECK(dd.revenue_scale == 900000);
    CHECK(find(dd, p, "r9")->score == doctest::Approx(100.0));
    CHECK(find(dd, p, "r10")->score == doctest::Approx(100.0)); // capped at 1
    CHECK(find(dd, p, "r3")->score == doctest::Approx(100.0 * 3 / 9));
    CHECK(find(dd, p, "r3")->at_stake == 300000);
    CHECK(p.accounts[dd.priorities.back().account].id == "r1");
}

TEST_CASE("priority: the win-back window ramps up towards the competitor's end") {
    Plan p = base_plan();
    p.upsell_rules.clear();
    p.settings.priority_weights = only(PriorityFactor::Winback); // window 120 days
    const Date today = d(2026, 3, 1);
    auto former = [&](const char* id, Date lost_on) {
        Account& a = add_account(p, id, AccountStatus::Former);
        a.former.lost_date = lost_on;
        a.former.competitor_term_months = 36;
    };
    former("half", d(2023, 4, 30));     // ends Apr 30 2026: 60 of 120 days -> 0.6 + 0.4 * 0.5
    former("ended", d(2023, 2, 15));    // ended Feb 15 2026, 14 days ago -> 1
    former("soon", d(2023, 7, 14));     // ends Jul 14 2026, opens Mar 16: 15 days -> 0.3 * 0.5
    former("later", d(2023, 12, 31));   // opens in months -> 0
    former("declined", d(2023, 4, 30)); // said no three months ago -> 0
    add_opp(p, "declined", OpportunityType::WinBack, "Closed Lost", d(2025, 12, 1));
    const DeskData dd = desks(p, today);
    CHECK(find(dd, p, "half")->score == doctest::Approx(80.0));
    CHECK(find(dd, p, "ended")->score == doctest::Approx(100.0));
    CHECK(find(dd, p, "soon")->score == doctest::Approx(15.0));
    CHECK(find(dd, p, "later") == nullptr);
    CHECK(find(dd, p, "declined") == nullptr);
}

TEST_CASE("priority: days since last touch, and nothing when a visit is already planned") {
    Plan p = base_plan();
    p.upsell_rules.clear();
    p.settings.priority_weights = only(PriorityFactor::Recency);
    const Date today = d(2026, 6, 1);
    add_account(p, "never", AccountStatus::Prospect);
    add_account(p, "month", AccountStatus::Prospect);
    add_activity(p, "month", d(2026, 5, 2), ActivityType::Visit); // 30 days ago
    add_activity(p, "month", d(2026, 4, 2));
    add_account(p, "planned", AccountStatus::Prospect);
    add_activity(p, "planned", d(2026, 6, 5)); // in 4 days
    add_account(p, "today", AccountStatus::Prospect);
    add_activity(p, "today", today);
    const DeskData dd = desks(p, today);
    CHECK(find(dd, p, "never")->score == doctest::Approx(100.0));
    CHECK(find(dd, p, "month")->score == doctest::Approx(50.0));
    CHECK(find(dd, p, "planned") == nullptr);
    CHECK(find(dd, p, "today") == nullptr);
    CHECK(explain_factor(p, dd, *find(dd, p, "month"), PriorityFactor::Recency) ==
          "Last touched 30 days ago (visit)");
    CHECK(explain_factor(p, dd, *find(dd, p, "never"), PriorityFactor::Recency) ==
          "Not touched in the last year");
}

TEST_CASE("priority: the score is the weighted mean of the levels, and the points add up to it") {
    Plan p = base_plan();
    p.upsell_rules.clear();
    p.settings.priority_weights = PriorityWeights{30, 0, 0, 0, 10}; // renewal 3 : recency 1
    const Date today = d(2026, 6, 1);
    add_service(add_account(p, "a", AccountStatus::Client), "x", "internet", 100, d(2026, 7, 16)); // 0.75
    add_activity(p, "a", d(2026, 5, 2)); // 30 days: 0.5
    const DeskData dd = desks(p, today);
    const AccountPriority* a = find(dd, p, "a");
    REQUIRE(a);
    CHECK(a->points[0] == doctest::Approx(0.75 * 75));
    CHECK(a->points[4] == doctest::Approx(0.5 * 25));
    CHECK(a->score == doctest::Approx(56.25 + 12.5));
    CHECK(a->level[0] == doctest::Approx(0.75));
    CHECK(explain_factor(p, dd, *a, PriorityFactor::Renewal) ==
          "Contract ends Jul 16 (in 45 days); notice deadline passed");
    CHECK(explain_factor(p, dd, *a, PriorityFactor::Revenue) == "$1/mo up for renewal");

    p.settings.priority_weights = PriorityWeights{0, 0, 0, 0, 0};
    CHECK(desks(p, today).priorities.empty()); // no weight, no order
}

TEST_CASE("priority: on the sample plan every desk has work and the list explains itself") {
    const Date today = d(2026, 11, 26);
    const Plan p = make_sample_plan(today, Timestamp{0});
    const DeskData dd = desks(p, today);
    CHECK(dd.renewals.size() >= 30);
    int open_windows = 0;
    for (const WinbackRow& w : dd.winbacks) open_windows += w.window == WindowState::Open;
    CHECK(open_windows >= 5);
    CHECK(dd.whitespace.accounts_with_open >= 50);
    REQUIRE(dd.priorities.size() >= 100);
    for (std::size_t i = 1; i < dd.priorities.size(); ++i)
        CHECK(dd.priorities[i - 1].score >= dd.priorities[i].score);
    std::set<std::size_t> seen;
    for (const AccountPriority& a : dd.priorities) {
        CHECK(seen.insert(a.account).second);
        double sum = 0;
        for (double x : a.points) sum += x;
        CHECK(sum == doctest::Approx(a.score));
        CHECK(a.score <= 100.0 + 1e-9);
        for (int f = 0; f < kPriorityFactors; ++f)
            CHECK(!explain_factor(p, dd, a, static_cast<PriorityFactor>(f)).empty());
    }
    CHECK(priority_list(p, today).size() == dd.priorities.size());
}

TEST_CASE("priority: highest score first, then the most at stake, then plan order") {
    // Many equal scores (the same weights and dates give the same levels), some with different
    // stakes: the order must be exactly the comparison's, whatever sort computes it.
    Plan p = base_plan();
    p.upsell_rules.clear();
    p.settings.priority_weights = PriorityWeights{10, 0, 0, 0, 10}; // the stake is not in the score
    const Date today = d(2026, 6, 1);
    for (int i = 0; i < 300; ++i) {
        const std::string id = "a" + std::to_string(i);
        Account& a = add_account(p, id, i % 7 == 0 ? AccountStatus::Prospect : AccountStatus::Client);
        if (i % 7 != 0)
            add_service(a, "s" + id, "internet", 100 * (1 + i % 3), d(2026, 7, 1 + i % 2));
        if (i % 5 == 0) add_activity(p, id, d(2026, 5, 1 + i % 3));
    }
    const DeskData dd = desks(p, today);
    REQUIRE(dd.priorities.size() == 300);
    std::vector<AccountPriority> expected = dd.scratch;
    std::sort(expected.begin(), expected.end(), [](const AccountPriority& x, const AccountPriority& y) {
        if (x.score != y.score) return x.score > y.score;
        if (x.at_stake != y.at_stake) return x.at_stake > y.at_stake;
        return x.account < y.account;
    });
    int ties = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(dd.priorities[i].account == expected[i].account);
        ties += i > 0 && expected[i].score == expected[i - 1].score && expected[i].at_stake != expected[i - 1].at_stake;
    }
    CHECK(ties > 0); // the stake decided between equal scores somewhere
}

TEST_CASE("desk job: computed in slices, the same result as all at once") {
    const Date today = d(2026, 11, 26);
    const Plan p = make_sample_plan(today, Timestamp{0});
    const DeskData whole = compute_desks(p, today);
    DeskJob job(p, today);
    double last = -1;
    int steps = 0;
    while (!job.step(7)) {
        CHECK(job.progress() >= last);
        CHECK(job.progress() < 1.0);
        last = job.progress();
        ++steps;
    }
    CHECK(job.progress() == 1.0);
    CHECK(steps > 100);
    const DeskData& sliced = job.result();
    REQUIRE(sliced.priorities.size() == whole.priorities.size());
    for (std::size_t i = 0; i < whole.priorities.size(); ++i) {
        CHECK(sliced.priorities[i].account == whole.priorities[i].account);
        CHECK(sliced.priorities[i].score == whole.priorities[i].score);
    }
    CHECK(sliced.renewals.size() == whole.renewals.size());
    CHECK(sliced.winbacks.size() == whole.winbacks.size());
    CHECK(sliced.whitespace.open_value == whole.whitespace.open_value);
    CHECK(sliced.whitespace.recommendations.size() == whole.whitespace.recommendations.size());
    // Reusing a previous result's memory gives the same answer too.
    DeskData reused = compute_desks(p, add_days(today, -40));
    compute_desks(p, today, reused);
    CHECK(reused.priorities.size() == whole.priorities.size());
    CHECK(reused.whitespace.open_value == whole.whitespace.open_value);
    CHECK(reused.renewals.size() == whole.renewals.size());
}

TEST_CASE("rescore: new weights over the same rows give what a full recomputation gives") {
    const Date today = d(2026, 11, 26);
    Plan p = make_sample_plan(today, Timestamp{0});
    DeskData dd = compute_desks(p, today);
    p.settings.priority_weights = PriorityWeights{5, 0, 80, 10, 5};
    rescore(p, today, dd);
    const DeskData full = compute_desks(p, today);
    REQUIRE(dd.priorities.size() == full.priorities.size());
    for (std::size_t i = 0; i < full.priorities.size(); ++i) {
        CHECK(dd.priorities[i].account == full.priorities[i].account);
        CHECK(dd.priorities[i].score == doctest::Approx(full.priorities[i].score));
    }
}
