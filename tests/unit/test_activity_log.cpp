// The activity log (core/activity_log.h, app/activity_actions.h): logging is one undoable step
// named after what was logged, bad drafts are refused with reasons, next steps become tasks.
#include "app/activity_actions.h"
#include "core/activity_log.h"

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
    a.open_stored(std::move(p));
    return a;
}

Activity draft(ActivityType t, Date on) {
    Activity a;
    a.account_id = "a1";
    a.type = t;
    a.date = on;
    a.subject = default_activity_subject(t, "Riverside Dental");
    return a;
}

} // namespace

TEST_CASE("log_activity is one undoable command named after the activity") {
    app::App a = make_app(d(2026, 11, 27));
    Activity x = draft(ActivityType::Visit, d(2026, 11, 27));
    x.outcome = "Met the IT director";
    x.next_step = "Send the quote";
    x.next_step_due = d(2026, 12, 1);
    std::vector<std::string> problems;
    const std::string id = app::log_activity(a, x, problems);
    CHECK(problems.empty());
    REQUIRE_FALSE(id.empty());
    REQUIRE(a.plan().activities.size() == 1);
    CHECK(a.plan().activities[0].id == id);
    CHECK(a.plan().activities[0].subject == "Visit to Riverside Dental");
    CHECK(a.doc().undo_label() == "Log visit with Riverside Dental");
    CHECK(a.undo());
    CHECK(a.plan().activities.empty());
    CHECK(a.redo());
    CHECK(a.plan().activities.size() == 1);
}

TEST_CASE("log_activity refuses a draft with problems and changes nothing") {
    app::App a = make_app(d(2026, 11, 27));
    Activity x = draft(ActivityType::Call, d(2026, 11, 27));
    x.account_id = "nope";
    x.next_step_due = d(2026, 11, 20);
    std::vector<std::string> problems;
    CHECK(app::log_activity(a, x, problems).empty());
    CHECK(problems.size() == 3); // unknown account, due without a step, due before the call
    CHECK(a.plan().activities.empty());
    CHECK_FALSE(a.doc().can_undo());
}

TEST_CASE("next steps are tasks: overdue first, marked done in one undoable step") {
    app::App a = make_app(d(2026, 11, 27));
    std::vector<std::string> problems;
    Activity x = draft(ActivityType::Call, d(2026, 11, 20));
    x.next_step = "Call back";
    x.next_step_due = d(2026, 11, 25); // overdue by 2 days
    const std::string late = app::log_activity(a, x, problems);
    x.next_step = "Send contract";
    x.next_step_due = d(2026, 11, 30); // in 3 days
    const std::string soon = app::log_activity(a, x, problems);
    x.next_step = "Quarterly review";
    x.next_step_due = d(2027, 3, 1); // beyond two weeks
    app::log_activity(a, x, problems);
    x.next_step.clear();
    x.next_step_due.reset();
    app::log_activity(a, x, problems); // no next step: no task

    std::vector<Task> tasks = open_tasks(a.plan(), d(2026, 11, 27), 14);
    REQUIRE(tasks.size() == 2);
    CHECK(tasks[0].activity->id == late);
    CHECK(tasks[0].days == -2);
    CHECK(tasks[1].activity->id == soon);
    CHECK(tasks[1].days == 3);
    CHECK(overdue_task_count(a.plan(), d(2026, 11, 27)) == 1);
    CHECK(open_tasks_of(a.plan(), "a1", d(2026, 11, 27), 1000).size() == 3);

    CHECK(app::set_next_step_done(a, late, true));
    CHECK(a.doc().undo_label() == "Mark done: Call back");
    CHECK_FALSE(app::set_next_step_done(a, late, true)); // already done: no empty step
    CHECK(overdue_task_count(a.plan(), d(2026, 11, 27)) == 0);
    CHECK(a.undo());
    CHECK(overdue_task_count(a.plan(), d(2026, 11, 27)) == 1);
}

TEST_CASE("edit and delete an activity") {
    app::App a = make_app(d(2026, 11, 27));
    std::vector<std::string> problems;
    const std::string id = app::log_activity(a, draft(ActivityType::Email, d(2026, 11, 27)), problems);
    Activity e = *app::find_activity(a, id);
    CHECK_FALSE(app::edit_activity(a, e)); // nothing changed
    e.notes = "Asked about 1 Gbps";
    CHECK(app::edit_activity(a, e));
    CHECK(a.plan().activities[0].notes == "Asked about 1 Gbps");
    CHECK(app::delete_activity(a, id));
    CHECK(a.plan().activities.empty());
    CHECK(a.undo());
    CHECK(a.plan().activities.size() == 1);
}
