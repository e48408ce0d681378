// A day's visits as a route: the schedule as it stands (for the timeline, the map, the itinerary
// and the calendar export), and the optimisation that orders the flexible visits around the
// appointments and says why a visit does not fit.
//
// A planned visit is an Activity of type Visit with that date; start_minute places it in the day
// and duration_minutes is the meeting's length. fixed_time, locked and checked_in refine it (see
// docs/plan-format.md). Other activities (calls, e-mails) never take part in a route.
#pragma once

#include "core/model.h"
#include "core/plan_edit.h"
#include "core/route_solver.h"
#include "core/travel.h"

#include <optional>
#include <string>
#include <vector>

namespace footprint::core {

// Where the day starts or ends: settings.route_days for the date, else settings.home.
struct DayPlace {
    std::string label;
    std::optional<LatLon> point; // unset: no home base set, the route starts at its first stop
    bool overridden = false;     // from settings.route_days rather than the home base
};
DayPlace day_start_place(const Plan& plan, Date date);
DayPlace day_end_place(const Plan& plan, Date date);
DayHours day_hours(const Settings& s);
// The working hours of `date` with its other commitments as busy blocks: meetings and events that
// have a start time and a length (calls and e-mails fit between visits).
DayHours day_hours(const Plan& plan, Date date);
// The activities behind day_hours(plan, date).busy, in the same order.
std::vector<const Activity*> busy_activities(const Plan& plan, Date date);

enum class StopIssue {
    None,
    NoLocation,   // the account has no location: it cannot be routed
    NotScheduled, // no start time yet (with why it does not fit, when it does not)
    Late,         // arrives after its appointment
    AfterHours,   // ends after the working day
    BehindPlan,   // arrives after its planned start (a flexible visit: re-time or optimise)
    OverLunch,    // overlaps the lunch break
    Conflict,     // overlaps a meeting or event of the day
};

struct DayStop {
    const Activity* visit = nullptr;  // valid while the plan is unchanged
    const Account* account = nullptr; // null when the account is missing
    std::optional<LatLon> location;
    int number = 0; // 1-based place on the route; 0 when not routed
    // Timing, for routed stops: minutes after midnight.
    int arrive = 0, start = 0, end = 0;
    int drive_minutes = 0; // from the previous place
    double drive_km = 0;
    bool fixed = false; // an appointment (fixed_time)
    bool locked = false;
    bool done = false; // checked in
    StopIssue issue = StopIssue::None;
    std::string issue_text; // "arrives 5:40 PM, after working hours end at 5:30 PM"
    bool blocking() const { return issue == StopIssue::Late || issue == StopIssue::AfterHours; }
};

// The day as it stands: the route through the visits that have a place and a time, in start order,
// and the visits that are not on it. Stored times are kept (a visit never starts before its time).
struct DayRoute {
    Date date;
    DayPlace start, end;
    DayHours hours;
    std::vector<DayStop> stops;    // the route, in order
    std::vector<DayStop> unrouted; // no location, or no time yet
    int leave = 0, back = 0;       // from and to the start/end places (minutes after midnight)
    int back_drive_minutes = 0;
    double back_km = 0;
    int drive_minutes = 0; // every leg, the way back included
    double km = 0;
    int meeting_minutes = 0;
    int problems = 0; // stops late or after hours
};
// `index` (the open document's) finds the accounts without a pass over all of them: views of a
// big plan pass it.
DayRoute day_route(const Plan& plan, Date date, const PlanIndex* index = nullptr);

// The visits of `date` (type Visit) in the order the day shows them: by start time, visits without
// a time last, then in plan order.
std::vector<const Activity*> day_visits(const Plan& plan, Date date);

// --- optimising a day
// -----------------------------------------------------------------------------

// Orders the day's flexible visits around its appointments (fixed_time), keeping locked visits in
// their places and checked-in visits where they were, to fit the most visits (the most valuable
// when some must go) with the least driving. Runs in slices; exact for up to 12 visits.
//
// `now` (minutes after midnight) is for optimising today: visits that started before it or are
// checked in stay as they are, and the rest of the route starts from the last of those (or the
// start place) no earlier than now.
class DayOptimizer {
  public:
    DayOptimizer(const Plan& plan, Date date, RouteSearchOptions options = {},
                 std::optional<int> now = std::nullopt);
    bool step(double budget_ms); // true once finished
    double progress() const;
    bool done() const;
    bool proven_optimal() const;
    std::int64_t iterations() const { return search_.iterations(); }
    int stop_count() const { return static_cast<int>(ids_.size()); }

    struct Outcome {
        std::vector<Activity> changed; // visits whose start_minute changes (set or cleared)
        int kept = 0;                  // visits on the route
        int dropped = 0;               // visits that do not fit (their time is cleared)
        int drive_minutes_before = 0, drive_minutes_after = 0;
        int back_before = 0, back_after = 0; // when the day ends at the end place
    };
    // The edit to apply: valid against the plan the optimizer was made from (check its revision).
    Outcome outcome(const Plan& plan) const;

  private:
    Date date_;
    std::vector<std::string> ids_; // activity id of each stop of the problem
    int drive_before_ = 0, back_before_ = 0;
    RouteSearch search_;
};

// Re-times the day's visits in `order` (activity ids; the day's other visits keep their times):
// flexible visits start as soon as the drive, appointments and lunch allow; appointments keep
// their times. For a drag-and-drop reorder or a new stop added at the end.
std::vector<Activity> retime_day(const Plan& plan, Date date,
                                 const std::vector<std::string>& order);

// New visits of `date` for `accounts` (with the given ids), each with the default meeting length
// and scheduled after the day's last visit when it fits there (otherwise without a time, and the
// day says why). Accounts without a location get no time either.
std::vector<Activity> add_visits(const Plan& plan, Date date,
                                 const std::vector<const Account*>& accounts,
                                 const std::vector<std::string>& ids);

} // namespace footprint::core
