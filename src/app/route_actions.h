// Route planning actions shared by the Plan my week view and the test API: every change to planned
// visits is one undoable command, and long optimisations run as jobs stepped frame by frame.
#pragma once

#include "app/app.h"
#include "core/day_plan.h"
#include "core/week_plan.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace footprint::app {

// "Fri, Nov 27", for command labels and notices.
std::string short_day(core::Date d);

// Visits on `date` for the accounts (ids that do not exist are skipped), each after the day's last
// visit when it fits. One command; returns the new visits' ids.
std::vector<std::string> add_visits(App& app, core::Date date,
                                    const std::vector<std::string>& account_ids);
// Removes a planned visit (undoable).
bool remove_visit(App& app, const std::string& activity_id);
// The day's visits in this order (activity ids), re-timed: a drag-and-drop reorder.
bool reorder_day(App& app, core::Date date, const std::vector<std::string>& order);
// Moves a visit to another day, after that day's last visit (or without a time if it does not fit).
bool move_visit(App& app, const std::string& activity_id, core::Date to);
bool set_visit_locked(App& app, const std::string& activity_id, bool locked);
// Makes the visit's time an appointment (fixed) or flexible again.
bool set_visit_fixed(App& app, const std::string& activity_id, bool fixed);
// A new start time and length (an edit in the timeline); the visit becomes an appointment when
// `fixed` says so.
bool set_visit_time(App& app, const std::string& activity_id, int start_minute, int duration,
                    bool fixed);
// Check in: the visit is done (now). The outcome can be logged after it.
bool check_in(App& app, const std::string& activity_id);
bool undo_check_in(App& app, const std::string& activity_id);
struct VisitOutcome {
    std::string outcome;
    std::string notes;
    std::string next_step;
    std::optional<core::Date> next_step_due;
};
bool log_visit_outcome(App& app, const std::string& activity_id, const VisitOutcome& o);
// Where the day starts and ends (nullopt: the home base).
bool set_day_places(App& app, core::Date date, std::optional<core::RoutePlace> start,
                    std::optional<core::RoutePlace> end);

// The home base every day starts and ends at unless a day says otherwise.
bool set_home_base(App& app, std::string label, core::LatLon point);

// --- long work
// ---------------------------------------------------------------------------------------

// An optimisation running in slices. The plan must not change meanwhile: a job made for one
// revision is stale once the plan moves on, and its result is not applied.
class RouteJob {
  public:
    enum class Kind { Day, Week };
    static std::unique_ptr<RouteJob> optimize_day(const App& app, core::Date date,
                                                  core::RouteSearchOptions o = {});
    static std::unique_ptr<RouteJob> plan_week(const App& app, core::WeekPlanRequest request,
                                               core::RouteSearchOptions o = {});

    Kind kind() const { return kind_; }
    core::Date date() const { return date_; } // the day, or the week's Monday
    bool step(double budget_ms);              // true once finished
    bool done() const;
    double progress() const;
    double elapsed_ms() const { return elapsed_ms_; }
    bool stale(const App& app) const { return app.doc().revision() != revision_; }
    int stops() const;

    const core::DayOptimizer* day() const { return day_.get(); }
    const core::WeekPlanner* week() const { return week_.get(); }

  private:
    Kind kind_ = Kind::Day;
    core::Date date_;
    std::uint64_t revision_ = 0;
    double elapsed_ms_ = 0;
    std::unique_ptr<core::DayOptimizer> day_;
    std::unique_ptr<core::WeekPlanner> week_;
};

// Applies a finished day optimisation as one command; returns false (and changes nothing) when the
// job is stale or not finished. `summary` is set to what happened, for a notice.
bool apply_day_job(App& app, const RouteJob& job, std::string* summary = nullptr);
// Adds the proposal's new visits and moves the planned ones, as one command.
bool apply_week_proposal(App& app, const core::WeekPlanRequest& request,
                         const core::WeekProposal& proposal, std::string* summary = nullptr);

} // namespace footprint::app
