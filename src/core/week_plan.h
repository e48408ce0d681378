// Plan my week: which accounts to visit on which day, so that the most valuable visits fit in the
// working hours, with nearby accounts on the same day. The suggested accounts come from the
// priority list of the desks (core/priority.h); candidates carry their own value, so the planner
// does not care where it comes from.
#pragma once

#include "core/model.h"
#include "core/priority.h"
#include "core/route_solver.h"

#include <optional>
#include <string>
#include <vector>

namespace footprint::core {

inline constexpr int kWeekDays = 5; // Monday to Friday

struct VisitCandidate {
    std::string account_id;
    std::optional<LatLon> location; // none: it cannot be planned (and is reported)
    Cents value = 0;                // what the visit is worth; more is planned first
    int meeting_minutes = 45;
    std::optional<int> day;          // 0 (Monday) .. 4: only on that day
    std::optional<int> start_minute; // with `day`: an appointment at that time
    std::string why;                 // shown beside it: "Renewal $2,486/mo ends Dec 5"
};

// A candidate for one account the user picked, valued by visit_value as of `today`.
VisitCandidate candidate_for(const Plan& plan, const Account& account, Date today);
// The top of the priority list (`desks`, computed for this plan: highest score first), leaving
// out accounts already visited in the week of `monday`. At most `limit`. A candidate's value is
// the money its priority counts (MRC up for renewal or to win back, plus open upsell value; at
// least 1 cent so a visit to an account due a call still counts); its `why` explains the factor
// that weighs the most ("Contract ends Dec 13 (in 20 days); notice deadline passed").
std::vector<VisitCandidate> week_candidates(const Plan& plan, const DeskData& desks, Date monday,
                                            std::size_t limit = 40);
// The same from a fresh compute_desks(plan, today).
std::vector<VisitCandidate> week_candidates(const Plan& plan, Date monday, Date today,
                                            std::size_t limit = 40);

struct WeekPlanRequest {
    Date monday;
    Date today;                    // days before it are not planned
    std::optional<int> now_minute; // today's visits start no earlier (minutes after midnight)
    std::vector<VisitCandidate> candidates;
    // Flexible visits already planned this week (not appointments, not locked, not checked in)
    // may move to another day and time; otherwise every planned visit keeps its day and time, and
    // the new visits fit around them.
    bool move_planned = false;
    int max_visits_per_day = 0; // 0: as many as the hours hold
};

struct WeekVisit {
    int day = 0; // 0 (Monday) .. 4
    std::string account_id;
    std::string activity_id; // an existing visit; empty for a new one
    int candidate = -1;      // for a new one: its index in the request's candidates
    int start_minute = 0;
    int duration = 0;
    int drive_minutes = 0; // from the previous place
    Cents value = 0;
    bool moved = false; // an existing visit on another day or at another time
};

struct WeekDaySummary {
    Date date;
    bool available = false; // not in the past
    int visits = 0, new_visits = 0;
    int drive_minutes = 0;
    double km = 0;
    int leave = 0, back = 0;
};

struct LeftOut {
    int candidate = 0;
    std::string reason; // "no location", "the week is full: ..."
};

struct WeekProposal {
    std::vector<WeekVisit> visits; // day by day, in route order
    WeekDaySummary days[kWeekDays];
    std::vector<LeftOut> left_out;
    std::vector<std::string> not_fitting; // planned visits that fit no day (they stay as they are)
    int new_visits = 0, moved_visits = 0;
    Cents new_value = 0;
    int drive_minutes = 0;
    double km = 0;
};

// Runs the week's search in slices (RouteSearch over five days).
class WeekPlanner {
  public:
    WeekPlanner(const Plan& plan, WeekPlanRequest request, RouteSearchOptions options = {});
    bool step(double budget_ms);
    double progress() const;
    bool done() const;
    // The plan as it stands when the search ends (or now, for a preview while it runs).
    WeekProposal proposal() const;
    const WeekPlanRequest& request() const { return request_; }
    std::int64_t iterations() const { return search_.iterations(); }

  private:
    struct StopRef {
        std::string activity_id; // existing visit, or empty
        int candidate = -1;
        std::string account_id;
        Cents value = 0;
        int from_day = -1, from_minute = -1;
    };
    WeekPlanRequest request_;
    std::vector<StopRef> refs_;
    std::vector<LatLon> points_; // per node (depots first)
    std::vector<bool> has_point_;
    double road_factor_ = 1.3;
    std::vector<LeftOut> unplannable_; // left out before the search (no location, already visited)
    RouteSearch search_;
};

// Plans the week in one call (tests, the command line).
WeekProposal plan_week(const Plan& plan, WeekPlanRequest request, RouteSearchOptions options = {});

} // namespace footprint::core
