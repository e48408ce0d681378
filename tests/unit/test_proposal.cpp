// Proposals (core/proposal.h, app/proposal_actions.h): pricing with discounts against what the
// account pays today, the printable page's escaping, and sending as one undoable command.
#include "app/proposal_actions.h"
#include "core/proposal.h"

#include <doctest/doctest.h>

#include "app_fixtures.h"

using namespace footprint;
using namespace footprint::core;

namespace {

Date d(int y, int m, int day) {
    return date_from_ymd(y, m, day);
}

Account client() {
    Account a;
    a.id = "a1";
    a.name = "Riverside Dental";
    a.status = AccountStatus::Client;
    Service s;
    s.id = "s1";
    s.product = "Fiber Internet 100M";
    s.family = "internet";
    s.mrc = 30000;
    a.services.push_back(s);
    s.id = "s2";
    s.product = "Business Voice";
    s.family = "voice";
    s.mrc = 12000;
    a.services.push_back(s);
    return a;
}

Product product(std::string id, std::string family, Cents p12, Cents p36, Cents p60, Cents otc) {
    Product p;
    p.id = std::move(id);
    p.family = std::move(family);
    p.name = "Product " + p.id;
    p.prices = {{12, p12}, {36, p36}, {60, p60}};
    p.otc = otc;
    return p;
}

} // namespace

TEST_CASE("line prices: quantity, discount rounded half away from zero") {
    ProposalLine l;
    l.unit_mrc = 9999;
    l.quantity = 3;
    CHECK(line_list_mrc(l) == 29997);
    l.discount_bp = 1250; // 12.5%: 29997 * 0.875 = 26247.375
    CHECK(line_mrc(l) == 26247);
    l.discount_bp = 5000; // 14998.5 -> 14999
    CHECK(line_mrc(l) == 14999);
    l.discount_bp = 10000;
    CHECK(line_mrc(l) == 0);
}

TEST_CASE("totals compare with what the account pays today") {
    const Account a = client();
    Proposal p = new_proposal(a, d(2026, 11, 27));
    CHECK(p.valid_until == d(2026, 12, 27));
    CHECK(p.term_months == 36);
    const Product gig = product("gig", "internet", 90000, 80000, 70000, 50000);
    const Product cloud = product("bk", "cloud", 20000, 15000, 12000, 0);
    p.lines.push_back(proposal_line(gig, 36));
    p.lines.push_back(proposal_line(cloud, 36, 2));
    p.lines[1].discount_bp = 1000; // 30000 -> 27000
    p.replaces = {"s1"};           // the 1 Gbps line replaces the 100M one
    const ProposalTotals t = proposal_totals(a, p);
    CHECK(t.list_mrc == 110000);
    CHECK(t.new_mrc == 107000);
    CHECK(t.discount == 3000);
    CHECK(t.otc == 50000);
    CHECK(t.current_mrc == 42000);
    CHECK(t.replaced_mrc == 30000);
    CHECK(t.after_mrc == 119000);
    CHECK(t.monthly_change == 77000);
    CHECK(t.tcv == 107000 * 36 + 50000);
    CHECK(t.added_tcv == 77000 * 36 + 50000);
    CHECK(t.added_families == std::vector<std::string>{"cloud"}); // internet is a replacement

    Plan plan = make_empty_plan("p", "P", Timestamp{});
    plan.catalog = {gig, cloud};
    set_proposal_term(plan, p, 60);
    CHECK(p.lines[0].unit_mrc == 70000);
    CHECK(p.lines[1].unit_mrc == 12000);
    CHECK(p.lines[1].discount_bp == 1000); // kept
}

TEST_CASE("check_proposal says what is missing") {
    Plan plan = make_empty_plan("p", "P", Timestamp{});
    plan.accounts.push_back(client());
    Proposal p = new_proposal(plan.accounts[0], d(2026, 11, 27));
    CHECK(check_proposal(plan, p).size() == 1); // no lines
    ProposalLine l;
    l.name = "X";
    l.quantity = 0;
    l.discount_bp = 12000;
    p.lines.push_back(l);
    CHECK(check_proposal(plan, p).size() == 2);
}

TEST_CASE("proposal HTML escapes hostile text in every field") {
    const std::string evil = "<script>alert(1)</script>\"'&";
    const std::string escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;";
    Plan plan = make_empty_plan("p", "P", Timestamp{});
    plan.owner = evil;
    plan.settings.currency = evil;
    Account a = client();
    a.name = evil;
    a.address.street = evil;
    a.address.city = evil;
    a.address.state = evil;
    a.address.postal_code = evil;
    a.services[0].product = evil;
    Proposal p = new_proposal(a, d(2026, 11, 27));
    p.title = evil;
    p.contact = evil;
    p.note = evil;
    p.replaces = {"s1"};
    Product x = product("x", evil, 100, 100, 100, 5);
    x.name = evil;
    p.lines.push_back(proposal_line(x, 36));
    const std::string html = proposal_html(plan, a, p, d(2026, 11, 27));
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("alert(1)</") == std::string::npos);
    // title, h1, for-line, address (4), prepared by, sign-off (2), note, line, replaced, family,
    // currency: each field shows up escaped.
    std::size_t count = 0;
    for (std::size_t at = html.find(escaped); at != std::string::npos;
         at = html.find(escaped, at + 1))
        ++count;
    CHECK(count >= 14);
    CHECK(html.find("default-src 'none'") != std::string::npos);
    CHECK(proposal_file_name(a, d(2026, 11, 27)) ==
          "Proposal - -script-alert(1)--script--'& - 2026-11-27.html");
}

TEST_CASE("send_proposal: one undoable command, a proposal activity and a new deal") {
    auto clock = app_test::fixed_clock(d(2026, 11, 27), Timestamp{1000});
    app::App app(std::move(clock), 3);
    Plan plan = make_empty_plan("p", "P", Timestamp{});
    plan.accounts.push_back(client());
    plan.catalog = {product("gig", "internet", 90000, 80000, 70000, 50000)};
    app.open_stored(std::move(plan));

    Proposal p = new_proposal(app.plan().accounts[0], d(2026, 11, 27));
    p.title = "Gigabit upgrade";
    std::vector<std::string> problems;
    CHECK_FALSE(app::send_proposal(app, p, problems)); // no lines
    CHECK_FALSE(problems.empty());
    CHECK_FALSE(app.doc().can_undo());

    p.lines.push_back(proposal_line(app.plan().catalog[0], 36));
    auto sent = app::send_proposal(app, p, problems);
    REQUIRE(sent);
    CHECK(sent->created_opportunity);
    CHECK(app.doc().undo_label() == "Send proposal to Riverside Dental");
    REQUIRE(app.plan().opportunities.size() == 1);
    const Opportunity& o = app.plan().opportunities[0];
    CHECK(o.id == sent->opportunity_id);
    CHECK(o.type == OpportunityType::Upsell);
    CHECK(o.stage == "Proposal/Price Quote");
    CHECK(o.mrc == 80000);
    CHECK(o.otc == 50000);
    CHECK(o.created == d(2026, 11, 27));
    CHECK(o.products == std::vector<std::string>{"gig"});
    REQUIRE(app.plan().activities.size() == 1);
    const Activity& act = app.plan().activities[0];
    CHECK(act.type == ActivityType::Proposal);
    CHECK(act.opportunity_id == o.id);
    CHECK(act.next_step_due == d(2026, 11, 30));

    // Sent again with the deal linked: the deal is updated, not duplicated.
    p.opportunity_id = sent->opportunity_id;
    p.lines[0].quantity = 2;
    auto again = app::send_proposal(app, p, problems);
    REQUIRE(again);
    CHECK_FALSE(again->created_opportunity);
    CHECK(app.plan().opportunities.size() == 1);
    CHECK(app.plan().opportunities[0].mrc == 160000);
    CHECK(app.plan().activities.size() == 2);

    CHECK(app.undo());
    CHECK(app.undo()); // one step each: both sends gone
    CHECK(app.plan().opportunities.empty());
    CHECK(app.plan().activities.empty());
}
