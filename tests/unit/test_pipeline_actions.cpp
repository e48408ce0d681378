// The pipeline and forecast commands (app/pipeline_actions.cpp): each is one undoable step with a
// label that names it, follows core/deal_rules.h, and refuses what cannot be applied.
#include "app/pipeline_actions.h"
#include "core/summary.h"

#include <doctest/doctest.h>

#include "app_fixtures.h"

using namespace footprint;
using namespace footprint::core;

namespace {

Date d(int y, int m, int day) {
    return date_from_ymd(y, m, day);
}

app::App make_app(Date today) {
    auto clock = app_test::fixed_clock(today, Timestamp{1000});
    app::App a(std::move(clock), 7);
    Plan p = app_test::one_account_plan();
    auto add = [&](std::string id, std::string stage, Date close) {
        Opportunity o;
        o.id = std::move(id);
        o.account_id = "a1";
        o.stage = std::move(stage);
        o.mrc = 100000;
        o.close_date = close;
        const Stage* s = find_stage(p, o.stage);
        o.probability = s->probability;
        o.forecast_category = s->category;
        p.opportunities.push_back(o);
    };
    add("o1", "Value Proposition", d(2026, 3, 30));
    add("o2", "Proposal/Price Quote", d(2026, 3, 1)); // slipped
    add("o3", "Negotiation/Review", d(2026, 2, 20));  // slipped
    a.open_stored(std::move(p));
    return a;
}

const Opportunity& deal(const app::App& a, const std::string& id) {
    return a.plan().opportunities[*a.doc().index().opportunity(id)];
}

} // namespace

TEST_CASE("move_deal_to_stage: one command named after the account and the stage") {
    app::App a = make_app(d(2026, 3, 15));
    CHECK(app::move_deal_to_stage(a, "o1", "Negotiation/Review"));
    CHECK(a.doc().undo_label() == "Move Riverside Dental to Negotiation/Review");
    CHECK(deal(a, "o1").probability == 90);
    CHECK(deal(a, "o1").forecast_category == ForecastCategory::Commit);
    CHECK_FALSE(app::move_deal_to_stage(a, "o1", "Negotiation/Review")); // already there
    CHECK_FALSE(app::move_deal_to_stage(a, "o1", "No such stage"));
    CHECK_FALSE(app::move_deal_to_stage(a, "nope", "Closed Won"));
    CHECK(app::move_deal_to_stage(a, "o1", "Closed Won"));
    CHECK(deal(a, "o1").close_date == d(2026, 3, 15));
    CHECK(a.doc().undo_depth() == 2);
    a.undo();
    a.undo();
    CHECK(deal(a, "o1").stage == "Value Proposition");
    CHECK(deal(a, "o1").probability == 50);
}

TEST_CASE("move_close_dates: every slipped deal in one step") {
    app::App a = make_app(d(2026, 3, 15));
    CHECK(app::move_close_dates(a, {"o2", "o3", "gone"}, slip_target(d(2026, 3, 15))) == 2);
    CHECK(a.doc().undo_label() == "Move 2 close dates to Mar 31, 2026");
    CHECK(deal(a, "o2").close_date == d(2026, 3, 31));
    CHECK(pipeline_totals(a.plan(), d(2026, 3, 15)).slipped_count == 0);
    CHECK(app::move_close_dates(a, {"o2"}, d(2026, 3, 31)) == 0); // nothing to change
    CHECK(app::move_close_dates(a, {"o1"}, d(2026, 4, 2)) == 1);
    CHECK(a.doc().undo_label() == "Move the close date of Riverside Dental to Apr 2, 2026");
    a.undo();
    a.undo();
    CHECK(deal(a, "o3").close_date == d(2026, 2, 20));
}

TEST_CASE("edit_deal: one command, nothing when nothing changed") {
    app::App a = make_app(d(2026, 3, 15));
    Opportunity o = deal(a, "o1");
    CHECK_FALSE(app::edit_deal(a, o));
    o.mrc = 123456;
    o.next_step = "Call Maria";
    CHECK(app::edit_deal(a, o));
    CHECK(a.doc().undo_label() == "Edit deal Riverside Dental");
    CHECK(deal(a, "o1").next_step == "Call Maria");
    CHECK(deal(a, "o1").modified == Timestamp{1000});
}

TEST_CASE("apply_what_if: the picks become one command; quota and commission edits too") {
    app::App a = make_app(d(2026, 3, 15));
    const auto rev = a.doc().revision();
    CHECK(app::apply_what_if(a, {}) == 0);
    CHECK(a.doc().revision() == rev);
    CHECK(app::apply_what_if(a, {{"o1", WhatIfAction::Win},
                                 {"o2", WhatIfAction::Slip},
                                 {"o3", WhatIfAction::Lose}}) == 3);
    CHECK(a.doc().undo_label() == "What-if: win 1 deal, slip 1 deal, lose 1 deal");
    CHECK(deal_state(a.plan(), deal(a, "o1")) == DealState::Won);
    CHECK(deal(a, "o2").close_date == d(2026, 4, 15));
    a.undo();
    CHECK(deal_state(a.plan(), deal(a, "o1")) == DealState::Open);

    Quota q = a.plan().quota;
    CHECK_FALSE(app::set_quota(a, q));
    q.month_override[YearMonth::of(2026, 5)] = 0;
    CHECK(app::set_quota(a, q));
    CHECK(a.doc().undo_label() == "Edit quota");
    CHECK(quota_for(a.plan().quota, YearMonth::of(2026, 5)) == 0);

    std::vector<std::string> problems;
    CommissionPlan c = a.plan().commission;
    CHECK_FALSE(app::set_commission_plan(a, c, problems));
    c.tiers.push_back({50, 1});
    CHECK_FALSE(app::set_commission_plan(a, c, problems)); // not above the tier before it
    CHECK(problems.size() == 1);
    c.tiers.back().from_attainment_pct = 200;
    CHECK(app::set_commission_plan(a, c, problems));
    CHECK(a.doc().undo_label() == "Edit commission plan");
}

TEST_CASE("apply_stage_edit: refuses bad drafts, applies good ones as one step") {
    app::App a = make_app(d(2026, 3, 15));
    std::vector<std::string> problems;
    auto drafts = stage_drafts(a.plan());
    CHECK_FALSE(app::apply_stage_edit(a, drafts, problems)); // no change
    CHECK(problems.empty());
    drafts[3].stage.name = "";
    CHECK_FALSE(app::apply_stage_edit(a, drafts, problems));
    CHECK(problems.size() == 1);
    drafts[3].stage.name = "Value Prop";
    CHECK(app::apply_stage_edit(a, drafts, problems));
    CHECK(a.doc().undo_label() == "Edit stages (1 deal updated)");
    CHECK(deal(a, "o1").stage == "Value Prop");
}
