// The activity, renewal and win-back reports (core/reports.h) against a hand-counted fixture: weeks
// start on Monday, months end on their last day, and the CSV / JSON / HTML exports.
#include "core/report_export.h"
#include "core/reports.h"

#include <doctest/doctest.h>

using namespace footprint::core;

namespace {

Date d(int y, int m, int day) {
    return date_from_ymd(y, m, day);
}

Activity act(std::string id, std::string account, ActivityType t, Date on) {
    Activity a;
    a.id = std::move(id);
    a.account_id = std::move(account);
    a.type = t;
    a.date = on;
    return a;
}

Opportunity deal(std::string id, std::string account, OpportunityType type, std::string stage,
                 Date close, Cents mrc) {
    Opportunity o;
    o.id = std::move(id);
    o.account_id = std::move(account);
    o.name = "Deal " + o.id;
    o.type = type;
    o.stage = std::move(stage);
    o.close_date = close;
    o.mrc = mrc;
    o.term_months = 36;
    return o;
}

// Week of Monday Nov 23, 2026 .. Sunday Nov 29; November ends on Monday Nov 30.
Plan fixture() {
    Plan p = make_empty_plan("p", "Fixture", Timestamp{});
    p.quota.weekly_goals = ActivityGoals{};
    p.quota.weekly_goals.calls = 10;
    p.quota.weekly_goals.visits = 3;
    p.quota.weekly_goals.proposals = 1;
    for (const char* id : {"a1", "a2", "a3", "a4"}) {
        Account a;
        a.id = id;
        a.name = std::string("Account ") + id;
        a.status = AccountStatus::Client;
        p.accounts.push_back(a);
    }
    // Sunday before the week: previous week. Monday and Sunday: this week. Monday Nov 30: next week
    // but still November. Tuesday Dec 1: December.
    p.activities.push_back(act("x1", "a1", ActivityType::Call, d(2026, 11, 22)));
    p.activities.push_back(act("x2", "a1", ActivityType::Call, d(2026, 11, 23)));
    p.activities.push_back(act("x3", "a2", ActivityType::Call, d(2026, 11, 25)));
    p.activities.push_back(act("x4", "a2", ActivityType::Visit, d(2026, 11, 29)));
    p.activities.push_back(act("x5", "a3", ActivityType::Proposal, d(2026, 11, 30)));
    p.activities.push_back(act("x6", "a4", ActivityType::Email, d(2026, 12, 1)));
    p.activities[1].next_step = "Send the quote";
    p.activities[1].next_step_due = d(2026, 11, 26);
    p.activities[2].next_step = "Book the site survey";
    p.activities[2].next_step_due = d(2026, 11, 24);
    p.activities[2].next_step_done = true;

    Opportunity n1 = deal("n1", "a1", OpportunityType::Upsell, "Prospecting", d(2027, 1, 15), 50000);
    n1.created = d(2026, 11, 23); // Monday: this week
    n1.otc = 25000;
    Opportunity n2 = deal("n2", "a2", OpportunityType::New, "Prospecting", d(2027, 2, 1), 30000);
    n2.created = d(2026, 11, 30); // next week, still November
    Opportunity n3 = deal("n3", "a3", OpportunityType::New, "Prospecting", d(2027, 2, 1), 70000);
    // no created date: never counted as new
    Opportunity w1 = deal("w1", "a1", OpportunityType::Renewal, "Closed Won", d(2026, 11, 29), 120000);
    Opportunity l1 = deal("l1", "a2", OpportunityType::Renewal, "Closed Lost", d(2026, 11, 24), 40000);
    l1.loss_reason = "Price";
    Opportunity l2 = deal("l2", "a3", OpportunityType::New, "Closed Lost", d(2026, 11, 27), 10000);
    l2.loss_reason = "Price";
    Opportunity l3 = deal("l3", "a4", OpportunityType::New, "Closed Lost", d(2026, 11, 28), 90000);
    Opportunity l4 = deal("l4", "a4", OpportunityType::New, "Closed Lost", d(2026, 11, 22), 5000);
    for (Opportunity* o : {&n1, &n2, &n3, &w1, &l1, &l2, &l3, &l4})
        p.opportunities.push_back(*o);
    return p;
}

} // namespace

TEST_CASE("week_of starts on Monday and month_of ends on the month's last day") {
    CHECK(week_of(d(2026, 11, 23)) == Period{d(2026, 11, 23), d(2026, 11, 29)}); // Monday
    CHECK(week_of(d(2026, 11, 29)) == Period{d(2026, 11, 23), d(2026, 11, 29)}); // Sunday
    CHECK(week_of(d(2026, 11, 30)) == Period{d(2026, 11, 30), d(2026, 12, 6)});
    CHECK(week_of(d(2027, 1, 1)) == Period{d(2026, 12, 28), d(2027, 1, 3)}); // crosses the year
    CHECK(month_of(d(2028, 2, 10)) == Period{d(2028, 2, 1), d(2028, 2, 29)}); // leap year
    CHECK(month_of(d(2026, 2, 28)) == Period{d(2026, 2, 1), d(2026, 2, 28)});
    CHECK(month_of(d(2026, 12, 31)).days() == 31);
    CHECK(period_title(week_of(d(2026, 11, 25))) == "Week of Nov 23, 2026");
    CHECK(period_title(month_of(d(2026, 11, 25))) == "November 2026");
    CHECK(period_title({d(2026, 11, 2), d(2026, 11, 4)}) ==
          "Nov 2, 2026 \xE2\x80\x93 Nov 4, 2026");
}

TEST_CASE("parse_period names the bad argument") {
    std::string error;
    CHECK(parse_period("2026-11-01", "2026-11-30", error) ==
          Period{d(2026, 11, 1), d(2026, 11, 30)});
    CHECK_FALSE(parse_period("2026-02-30", "2026-03-01", error));
    CHECK(error.find("--from \"2026-02-30\": not a date") == 0);
    CHECK_FALSE(parse_period("2026-02-01", "2026-13-01", error));
    CHECK(error.find("--to \"2026-13-01\"") == 0);
    CHECK_FALSE(parse_period("2026-03-02", "2026-03-01", error));
    CHECK(error.find("before --from") != std::string::npos);
}

TEST_CASE("weekly activity report: counts inside Monday..Sunday only") {
    const Plan p = fixture();
    const ActivityPeriodReport r = activity_period_report(p, week_of(d(2026, 11, 26)));
    // x2, x3 calls; x4 visit. x1 (previous Sunday) and x5, x6 (next week) are out.
    CHECK(r.counts.by_type[type_index(ActivityType::Call)] == 2);
    CHECK(r.counts.by_type[type_index(ActivityType::Visit)] == 1);
    CHECK(r.counts.by_type[type_index(ActivityType::Proposal)] == 0);
    CHECK(r.counts.total() == 3);
    CHECK(r.counts.accounts_touched == 2); // a1, a2
    CHECK(r.goals[type_index(ActivityType::Call)] == 10);
    CHECK(r.goal_total == 14);
    REQUIRE(r.created.size() == 1); // n1 (Monday); n2 is the next Monday; n3 has no date
    CHECK(r.created[0]->id == "n1");
    CHECK(r.created_mrc == 50000);
    CHECK(r.created_tcv == 50000 * 36 + 25000);
    REQUIRE(r.deals.won.size() == 1);
    CHECK(r.deals.won_mrc == 120000);
    CHECK(r.deals.lost.size() == 3); // l1, l2, l3; l4 closed the Sunday before
    CHECK(r.deals.lost_mrc == 140000);
    REQUIRE(r.loss_reasons.size() == 2);
    CHECK(r.loss_reasons[0].reason == "Price");
    CHECK(r.loss_reasons[0].deals == 2);
    CHECK(r.loss_reasons[0].mrc == 50000);
    CHECK(r.loss_reasons[1].reason == "No reason recorded");
    CHECK(r.per_day == std::vector<int>{1, 0, 1, 0, 0, 0, 1});
    CHECK(r.tasks_done == 1);
    CHECK(r.tasks_open == 1);
}

TEST_CASE("monthly activity report: the month's last day counts, the next day does not") {
    const Plan p = fixture();
    const ActivityPeriodReport r = activity_period_report(p, month_of(d(2026, 11, 5)));
    CHECK(r.counts.total() == 5); // x1..x5; x6 is Dec 1
    CHECK(r.counts.by_type[type_index(ActivityType::Proposal)] == 1);
    CHECK(r.counts.accounts_touched == 3);
    CHECK(r.goals[type_index(ActivityType::Call)] == 43); // 10 * 30 / 7 = 42.86
    CHECK(r.goals[type_index(ActivityType::Visit)] == 13); // 3 * 30 / 7 = 12.86
    CHECK(r.created.size() == 2);
    CHECK(r.deals.lost.size() == 4);
    const ActivityPeriodReport dec = activity_period_report(p, month_of(d(2026, 12, 1)));
    CHECK(dec.counts.total() == 1);
}

TEST_CASE("renewal report: upcoming, renewed and lost") {
    Plan p = fixture();
    Service s;
    s.id = "s1";
    s.mrc = 80000;
    s.contract_end = d(2027, 1, 10); // within 90 days of Nov 29
    p.accounts[2].services.push_back(s);
    s.id = "s2";
    s.contract_end = d(2027, 6, 1); // beyond the horizon
    p.accounts[3].services.push_back(s);
    Account gone;
    gone.id = "f1";
    gone.name = "Gone Co";
    gone.status = AccountStatus::Former;
    gone.former.lost_date = d(2026, 11, 24);
    p.accounts.push_back(gone);
    const RenewalReport r = renewal_report(p, week_of(d(2026, 11, 26)));
    REQUIRE(r.upcoming.size() == 1);
    CHECK(r.upcoming[0].account->id == "a3");
    CHECK(r.upcoming_mrc == 80000);
    REQUIRE(r.renewed.size() == 1);
    CHECK(r.renewed[0].deal->id == "w1");
    REQUIRE(r.lost.size() == 2); // renewal l1 and the client lost on Nov 24
    CHECK(r.lost_mrc == 40000);
}

TEST_CASE("win-back report: targets whose window overlaps the period, contacted, won back") {
    Plan p = fixture();
    Account f;
    f.id = "f1";
    f.name = "Former One";
    f.status = AccountStatus::Former;
    f.former.competitor_contract_end = d(2027, 1, 31); // window opens Oct 3 (120 days before)
    p.accounts.push_back(f);
    f.id = "f2";
    f.former.competitor_contract_end = d(2028, 1, 31); // far away
    p.accounts.push_back(f);
    p.activities.push_back(act("x9", "f1", ActivityType::Call, d(2026, 11, 24)));
    Opportunity wb = deal("wb", "f1", OpportunityType::WinBack, "Closed Won", d(2026, 11, 27), 60000);
    p.opportunities.push_back(wb);
    const WinbackReport r = winback_report(p, week_of(d(2026, 11, 26)));
    REQUIRE(r.targets.size() == 1);
    CHECK(r.targets[0].account->id == "f1");
    CHECK(r.targets[0].contacted);
    CHECK(r.targets[0].deal != nullptr);
    CHECK(r.contacted == 1);
    CHECK(r.won_back_mrc == 60000);
}

TEST_CASE("report CSV opens in Excel: BOM, CRLF, formulas neutralised, money as dollars") {
    Plan p = fixture();
    p.accounts[0].name = "=HYPERLINK(\"http://evil\")";
    const ActivityPeriodReport r = activity_period_report(p, week_of(d(2026, 11, 26)));
    const std::string csv = activity_report_csv(p, r);
    CHECK(csv.rfind("\xEF\xBB\xBF" "Section,Item,Detail,Date,Count,Goal,MRC,TCV\r\n", 0) == 0);
    CHECK(csv.find("\n") == csv.find("\r\n") + 1);
    CHECK(csv.find("Activities,Calls,,,2,10,,\r\n") != std::string::npos);
    CHECK(csv.find("\"'=HYPERLINK(\"\"http://evil\"\")\"") != std::string::npos);
    CHECK(csv.find("New pipeline,Total,,,1,,500.00,18250.00\r\n") != std::string::npos);
    CHECK(csv.find("Loss reasons,Price,,,2,,500.00,\r\n") != std::string::npos);
    const Json j = activity_report_json(p, r);
    CHECK(j["activities"]["call"]["count"] == 2);
    CHECK(j["won_mrc"] == 120000);
}

TEST_CASE("report HTML escapes every user string and loads nothing") {
    Plan p = fixture();
    const std::string hostile = "<script>alert(1)</script> \"q\" 'a' & co";
    p.name = hostile;
    p.owner = hostile;
    for (Account& a : p.accounts)
        a.name = hostile;
    for (Opportunity& o : p.opportunities) {
        o.name = hostile;
        o.loss_reason = hostile;
    }
    const Period week = week_of(d(2026, 11, 26));
    const std::string html =
        reports_html(p, activity_period_report(p, week), renewal_report(p, week),
                     winback_report(p, week), d(2026, 11, 27));
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &#39;a&#39; &amp; co") !=
          std::string::npos);
    CHECK(html.find("http:") == std::string::npos); // no external request of any kind
    CHECK(html.find("https:") == std::string::npos);
    CHECK(html.find("default-src 'none'") != std::string::npos);
}
