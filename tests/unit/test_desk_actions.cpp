// The Desks view's actions through the App: each is one undoable command, and what cannot be done
// changes nothing and says why.
#include "app/desk_actions.h"
#include "desk_fixtures.h"

#include <doctest/doctest.h>

#include "app_fixtures.h"

using namespace desk_test;
using footprint::app::App;
using footprint::app::Clock;
using footprint::app::Notice;

namespace {

App make_app(Date today, Plan plan) {
    auto clock = app_test::fixed_clock(today, Timestamp{1'800'000'000'000});
    App app(std::move(clock), 42);
    app.open_stored(std::move(plan));
    return app;
}

Plan desk_plan() {
    Plan p = base_plan();
    Account& a = add_account(p, "due", AccountStatus::Client, 120, 3);
    add_service(a, "inet-500", "internet", 134700, d(2027, 1, 31), 36, false, 3, 500);
    Account& f = add_account(p, "gone", AccountStatus::Former, 30);
    f.former.lost_date = d(2024, 2, 15);
    f.former.competitor = "Lumen";
    add_account(p, "prospect", AccountStatus::Prospect);
    return p;
}

} // namespace

TEST_CASE("desk actions: a renewal opportunity is one command that undo removes") {
    App app = make_app(d(2026, 12, 1), desk_plan());
    const std::string id = footprint::app::create_renewal_opportunity(app, "due");
    REQUIRE(!id.empty());
    REQUIRE(app.plan().opportunities.size() == 1);
    const Opportunity& o = app.plan().opportunities[0];
    CHECK(o.id == id);
    CHECK(o.id.rfind("opp-", 0) == 0);
    CHECK(o.type == OpportunityType::Renewal);
    CHECK(o.mrc == 134700);
    CHECK(o.close_date == d(2027, 1, 31));
    CHECK(app.doc().undo_depth() == 1);
    CHECK(app.doc().undo_label() == "Create renewal opportunity");
    CHECK(app.notices().back().kind == Notice::Kind::Success);
    CHECK(app.undo());
    CHECK(app.plan().opportunities.empty());
}

TEST_CASE("desk actions: nothing to create changes nothing and says why") {
    App app = make_app(d(2026, 12, 1), desk_plan());
    CHECK(footprint::app::create_renewal_opportunity(app, "prospect").empty());
    CHECK(footprint::app::create_renewal_opportunity(app, "no-such-account").empty());
    CHECK(footprint::app::create_winback_opportunity(app, "due").empty());
    CHECK(footprint::app::create_upsell_opportunity(app, "due", "no-such-rule").empty());
    CHECK(app.plan().opportunities.empty());
    CHECK(app.doc().undo_depth() == 0);
    CHECK(app.notices().back().kind == Notice::Kind::Warning);

    Plan closed = desk_plan();
    for (Stage& s : closed.stages) s.closed = true;
    App no_stage = make_app(d(2026, 12, 1), closed);
    CHECK(footprint::app::create_renewal_opportunity(no_stage, "due").empty());
    CHECK(no_stage.notices().back().title == "No renewal opportunity created");
}

TEST_CASE("desk actions: win-back and upsell opportunities") {
    App app = make_app(d(2026, 12, 1), desk_plan());
    const std::string wb = footprint::app::create_winback_opportunity(app, "gone");
    REQUIRE(!wb.empty());
    CHECK(app.plan().opportunities.back().type == OpportunityType::WinBack);
    CHECK(app.plan().opportunities.back().close_date == d(2027, 2, 15)); // lost + 36 months
    const std::string up = footprint::app::create_upsell_opportunity(app, "due", "rule-sdwan");
    CHECK(up.empty()); // 120 employees and 3 sites: the Ethernet WAN rule wins the family
    const std::string wan = footprint::app::create_upsell_opportunity(app, "due", "rule-ethernet-wan");
    REQUIRE(!wan.empty());
    CHECK(app.plan().opportunities.back().products == std::vector<std::string>{"eth-evpl-1g"});
    CHECK(app.plan().opportunities.back().mrc == 3 * 99900);
    CHECK(app.doc().undo_depth() == 2);
}

TEST_CASE("desk actions: settings, weights and the competitor contract are commands") {
    App app = make_app(d(2026, 12, 1), desk_plan());
    footprint::app::set_priority_weights(app, PriorityWeights{}); // unchanged: no command
    CHECK(app.doc().undo_depth() == 0);
    footprint::app::set_priority_weights(app, PriorityWeights{1, 2, 3, 4, 5});
    CHECK(app.plan().settings.priority_weights == PriorityWeights{1, 2, 3, 4, 5});
    footprint::app::set_desk_settings(app, 30, -1);
    CHECK(app.plan().settings.renewal_notice_days == 30);
    CHECK(app.plan().settings.winback_window_days == 120);
    CHECK(app.doc().undo_label() == "Change the notice period");
    footprint::app::set_competitor_contract(app, "gone", 24, d(2026, 9, 30));
    CHECK(app.plan().accounts[1].former.competitor_term_months == 24);
    CHECK(app.plan().accounts[1].former.competitor_contract_end == d(2026, 9, 30));
    CHECK(app.doc().undo_depth() == 3);
    CHECK(app.undo());
    CHECK(app.undo());
    CHECK(app.undo());
    CHECK(app.plan().settings.priority_weights == PriorityWeights{});
    CHECK(app.plan().settings.renewal_notice_days == 60);
    CHECK_FALSE(app.plan().accounts[1].former.competitor_contract_end);
}

TEST_CASE("document: what changed since a revision, for views that update instead of recomputing") {
    App app = make_app(d(2026, 12, 1), desk_plan());
    const auto& doc = app.doc();
    const std::uint64_t r0 = doc.revision();
    CHECK(doc.changes_since(r0).has_value());
    CHECK(doc.changes_since(r0)->empty());
    CHECK_FALSE(doc.changes_since(r0 - 1)); // before the plan was opened: unknown
    footprint::app::set_priority_weights(app, PriorityWeights{1, 1, 1, 1, 1});
    auto ch = doc.changes_since(r0);
    REQUIRE(ch);
    CHECK(ch->settings);
    CHECK(ch->records() == 0);
    const std::string id = footprint::app::create_renewal_opportunity(app, "due");
    ch = doc.changes_since(r0);
    REQUIRE(ch);
    CHECK(ch->opportunities.count(id) == 1);
    CHECK(doc.changes_since(r0 + 1)->opportunities.count(id) == 1);
    CHECK_FALSE(doc.changes_since(r0 + 1)->settings);
    CHECK(app.undo()); // an undo is a change too
    CHECK(doc.changes_since(r0 + 2)->opportunities.count(id) == 1);
}

TEST_CASE("document: the change log forgets old steps and whole-plan replacements") {
    App app = make_app(d(2026, 12, 1), desk_plan());
    const std::uint64_t r0 = app.doc().revision();
    for (int i = 0; i < 40; ++i) footprint::app::set_priority_weights(app, PriorityWeights{i + 1, 1, 1, 1, 1});
    CHECK_FALSE(app.doc().changes_since(r0)); // more than kChangeLog steps ago
    CHECK(app.doc().changes_since(app.doc().revision() - 5));
    // Saving takes the journal's touched set; the change log is not affected.
    app.doc().take_touched();
    CHECK(app.doc().changes_since(app.doc().revision() - 5)->settings);
    const std::uint64_t before = app.doc().revision();
    app.open_sample();
    CHECK_FALSE(app.doc().changes_since(before));
}
