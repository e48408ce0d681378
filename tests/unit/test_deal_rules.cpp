// Moving deals between stages, slipped close dates, what-if results and the stage editor's one
// change set (core/deal_rules.cpp, core/stage_edit.cpp), with undo through app::Document.
#include "app/document.h"
#include "core/deal_rules.h"
#include "core/stage_edit.h"
#include "core/summary.h"

#include <doctest/doctest.h>

using namespace footprint;
using namespace footprint::core;

namespace {

Date d(int y, int m, int day) {
    return date_from_ymd(y, m, day);
}

Opportunity deal(const Plan& p, std::string id, std::string stage, std::optional<Date> close) {
    Opportunity o;
    o.id = std::move(id);
    o.account_id = "a";
    o.stage = std::move(stage);
    o.mrc = 100000;
    o.close_date = close;
    if (const Stage* s = find_stage(p, o.stage)) {
        o.probability = s->probability;
        o.forecast_category = s->category;
    }
    return o;
}

Plan plan() {
    return make_empty_plan("p", "t", Timestamp{});
}

const Stage& stage(const Plan& p, const char* name) {
    return *find_stage(p, name);
}

} // namespace

TEST_CASE("default stages: Salesforce's names, order and probabilities") {
    const Plan p = plan();
    const char* names[] = {"Prospecting",          "Qualification",       "Needs Analysis",
                           "Value Proposition",    "Id. Decision Makers", "Perception Analysis",
                           "Proposal/Price Quote", "Negotiation/Review",  "Closed Won",
                           "Closed Lost"};
    const int probabilities[] = {10, 10, 20, 50, 60, 70, 75, 90, 100, 0};
    REQUIRE(p.stages.size() == 10);
    for (std::size_t i = 0; i < 10; ++i) {
        CHECK(p.stages[i].name == names[i]);
        CHECK(p.stages[i].probability == probabilities[i]);
        CHECK(p.stages[i].closed == (i >= 8));
    }
    CHECK(p.stages[8].won);
    CHECK(p.stages[8].category == ForecastCategory::Closed);
    CHECK(p.stages[9].category == ForecastCategory::Omitted);
    CHECK(first_won_stage(p) == &p.stages[8]);
    CHECK(first_lost_stage(p) == &p.stages[9]);
}

TEST_CASE("moved_to_stage: open to open, defaults follow and overrides stay") {
    const Plan p = plan();
    const Date today = d(2026, 3, 20);
    Opportunity o = deal(p, "1", "Prospecting", d(2026, 4, 30));
    CHECK(probability_follows_stage(p, o));
    Opportunity m = moved_to_stage(p, o, stage(p, "Negotiation/Review"), today);
    CHECK(m.stage == "Negotiation/Review");
    CHECK(m.probability == 90);
    CHECK(m.forecast_category == ForecastCategory::Commit);
    CHECK(m.close_date == d(2026, 4, 30)); // an open stage keeps the date

    o.probability = 25; // the user's own estimate
    CHECK_FALSE(probability_follows_stage(p, o));
    m = moved_to_stage(p, o, stage(p, "Negotiation/Review"), today);
    CHECK(m.probability == 25);
    CHECK(m.forecast_category == ForecastCategory::Commit);

    o = deal(p, "2", "Negotiation/Review", d(2026, 4, 30));
    o.forecast_category = ForecastCategory::Omitted; // kept out of the forecast on purpose
    CHECK_FALSE(category_follows_stage(p, o));
    m = moved_to_stage(p, o, stage(p, "Proposal/Price Quote"), today);
    CHECK(m.probability == 75);
    CHECK(m.forecast_category == ForecastCategory::Omitted);
}

TEST_CASE("moved_to_stage: closing sets the stage's values and today's date; reopening resets") {
    const Plan p = plan();
    const Date today = d(2026, 3, 20);
    Opportunity o = deal(p, "1", "Value Proposition", d(2026, 6, 30));
    o.probability = 33;
    Opportunity w = moved_to_stage(p, o, stage(p, "Closed Won"), today);
    CHECK(w.probability == 100);
    CHECK(w.forecast_category == ForecastCategory::Closed);
    CHECK(w.close_date == today);
    Opportunity l = moved_to_stage(p, o, stage(p, "Closed Lost"), today);
    CHECK(l.probability == 0);
    CHECK(l.forecast_category == ForecastCategory::Omitted);
    CHECK(l.close_date == today);
    Opportunity r = moved_to_stage(p, w, stage(p, "Proposal/Price Quote"), d(2026, 3, 25));
    CHECK(r.probability == 75);
    CHECK(r.forecast_category == ForecastCategory::BestCase);
    CHECK(r.close_date == today); // reopened: the date is the user's to set
    Opportunity unknown = deal(p, "3", "Renamed in Salesforce", std::nullopt);
    unknown.probability = 42;
    Opportunity u = moved_to_stage(p, unknown, stage(p, "Qualification"), today);
    CHECK(u.probability == 10);
    CHECK_FALSE(u.close_date);
}

TEST_CASE("slip_target is the last day of today's month") {
    CHECK(slip_target(d(2026, 3, 20)) == d(2026, 3, 31));
    CHECK(slip_target(d(2028, 2, 1)) == d(2028, 2, 29));
    CHECK(slip_target(d(2027, 2, 28)) == d(2027, 2, 28));
    CHECK(slip_target(d(2026, 12, 31)) == d(2026, 12, 31));
    CHECK(month_end(d(2026, 4, 2)) == d(2026, 4, 30));
}

TEST_CASE("what_if_deals: win, slip and lose; closed and missing deals are left out") {
    Plan p = plan();
    const Date today = d(2026, 3, 20);
    p.opportunities = {
        deal(p, "late", "Proposal/Price Quote", d(2026, 3, 1)), // slipped
        deal(p, "jan31", "Prospecting", d(2026, 1, 31)),
        deal(p, "future", "Qualification", d(2026, 5, 31)),
        deal(p, "undated", "Qualification", std::nullopt),
        deal(p, "won", "Closed Won", d(2026, 2, 1)),
    };
    auto out = what_if_deals(p,
                             {{"late", WhatIfAction::Slip},
                              {"future", WhatIfAction::Slip},
                              {"undated", WhatIfAction::Win},
                              {"won", WhatIfAction::Lose},
                              {"gone", WhatIfAction::Win},
                              {"jan31", WhatIfAction::Lose}},
                             today);
    REQUIRE(out.size() == 4);
    CHECK(out[0].id == "late");
    CHECK(out[0].close_date == d(2026, 4, 20)); // a month after today, the later date
    CHECK(out[0].stage == "Proposal/Price Quote");
    CHECK(out[1].close_date == d(2026, 6, 30)); // May 31 + 1 month, clamped
    CHECK(out[2].stage == "Closed Won");
    CHECK(out[2].close_date == today);
    CHECK(out[3].id == "jan31");
    CHECK(out[3].stage == "Closed Lost");
    p.stages.pop_back(); // no lost stage: Lose does nothing
    CHECK(what_if_deals(p, {{"jan31", WhatIfAction::Lose}}, today).empty());
    CHECK(std::string(what_if_label(WhatIfAction::Slip)) == "Slip a month");
}

TEST_CASE("stage_edit: a rename reaches every deal in the stage, in one undoable command") {
    Plan p = plan();
    p.opportunities = {deal(p, "1", "Prospecting", std::nullopt),
                       deal(p, "2", "Prospecting", std::nullopt),
                       deal(p, "3", "Qualification", std::nullopt)};
    auto drafts = stage_drafts(p);
    drafts[0].stage.name = "Prospect";
    CHECK(check_stage_drafts(p, drafts).empty());
    StageEdit e = stage_edit(p, drafts, d(2026, 3, 1));
    CHECK(e.stages_changed);
    CHECK(e.deals_changed == 2);
    REQUIRE(e.changes.size() == 3);

    app::Document doc(p);
    doc.execute(app::Command{"Edit stages", e.changes}, Timestamp{5});
    CHECK(doc.plan().stages[0].name == "Prospect");
    CHECK(doc.plan().opportunities[0].stage == "Prospect");
    CHECK(doc.plan().opportunities[1].stage == "Prospect");
    CHECK(doc.plan().opportunities[2].stage == "Qualification");
    CHECK(doc.undo_depth() == 1);
    doc.undo(Timestamp{6});
    CHECK(doc.plan().stages[0].name == "Prospecting");
    CHECK(doc.plan().opportunities[0].stage == "Prospecting");
}

TEST_CASE("stage_edit: deals on the old default follow a new default; overrides stay") {
    Plan p = plan();
    p.opportunities = {deal(p, "follows", "Negotiation/Review", std::nullopt),
                       deal(p, "own", "Negotiation/Review", std::nullopt),
                       deal(p, "omitted", "Proposal/Price Quote", std::nullopt)};
    p.opportunities[1].probability = 60;
    p.opportunities[2].forecast_category = ForecastCategory::Omitted;
    auto drafts = stage_drafts(p);
    drafts[7].stage.probability = 80;                    // Negotiation/Review 90 -> 80
    drafts[6].stage.category = ForecastCategory::Commit; // Proposal: Best Case -> Commit
    StageEdit e = stage_edit(p, drafts, d(2026, 3, 1));
    CHECK(e.deals_changed == 1);
    app::Document doc(p);
    doc.execute(app::Command{"Edit stages", e.changes}, Timestamp{5});
    CHECK(doc.plan().opportunities[0].probability == 80);
    CHECK(doc.plan().opportunities[1].probability == 60);
    CHECK(doc.plan().opportunities[2].forecast_category == ForecastCategory::Omitted);
    CHECK(doc.plan().opportunities[2].probability == 75);
}

TEST_CASE("stage_edit: a removed stage's deals move where the user says") {
    Plan p = plan();
    p.opportunities = {deal(p, "1", "Perception Analysis", d(2026, 4, 1))};
    auto drafts = stage_drafts(p);
    drafts[5].removed = true;
    auto problems = check_stage_drafts(p, drafts);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("Choose where the 1 deal in") == 0);
    drafts[5].move_to = "Proposal/Price Quote";
    CHECK(check_stage_drafts(p, drafts).empty());
    StageEdit e = stage_edit(p, drafts, d(2026, 3, 1));
    app::Document doc(p);
    doc.execute(app::Command{"Edit stages", e.changes}, Timestamp{5});
    CHECK(doc.plan().stages.size() == 9);
    CHECK(doc.plan().opportunities[0].stage == "Proposal/Price Quote");
    CHECK(doc.plan().opportunities[0].probability == 75);
    CHECK(doc.plan().opportunities[0].close_date == d(2026, 4, 1));
}

TEST_CASE("check_stage_drafts: names, probabilities, won and open stages") {
    const Plan p = plan();
    auto drafts = stage_drafts(p);
    CHECK(check_stage_drafts(p, drafts).empty());
    CHECK_FALSE(stage_edit(p, drafts, d(2026, 3, 1)).stages_changed);

    drafts[1].stage.name = "prospecting ";
    drafts[2].stage.name = "";
    drafts[3].stage.probability = 101;
    drafts[4].stage.won = true; // won but not closed
    auto problems = check_stage_drafts(p, drafts);
    CHECK(problems.size() == 5);
    CHECK(std::find(problems.begin(), problems.end(), "Every stage needs a name.") !=
          problems.end());

    drafts = stage_drafts(p);
    for (StageDraft& s : drafts)
        s.stage.closed = true;
    problems = check_stage_drafts(p, drafts);
    CHECK(std::find(problems.begin(), problems.end(),
                    "Keep at least one open stage for deals in progress.") != problems.end());
    drafts = stage_drafts(p);
    drafts[8].removed = true;
    problems = check_stage_drafts(p, drafts);
    CHECK(std::find(problems.begin(), problems.end(),
                    "Keep at least one closed, won stage for deals you win.") != problems.end());
}
