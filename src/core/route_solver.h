// Routes through working days: the schedule of stops in a given order (arrival, start, end, lunch,
// appointments), the provably best day for up to 12 stops (dynamic programming over subsets), and
// a ruin-and-recreate search, run in slices, for more stops or several days. Pure arithmetic on
// minutes and seconds: the plan-facing parts are day_plan.h and week_plan.h.
#pragma once

#include "core/tsp.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace footprint::core {

// A leg's driving time in whole minutes, rounded up: rounding up keeps the triangle inequality
// (a detour never saves time), which the search relies on.
inline int drive_minutes_of(std::int32_t seconds) {
    return (seconds + 59) / 60;
}

// One working day as the schedule sees it, in minutes after local midnight.
struct DayHours {
    int start = 8 * 60;
    int end = 17 * 60 + 30;
    int lunch_start = 12 * 60;
    int lunch_minutes = 45;
    // Other commitments of the day (meetings, events) as [start, end) minutes, sorted: a stop
    // without a set time never overlaps one either.
    std::vector<std::pair<int, int>> busy;
};

struct RouteDay {
    int start_node = 0; // where the day starts and ends (nodes of the travel matrix)
    int end_node = 0;
    DayHours hours;
    int max_stops = 1 << 20; // at most this many stops on the day
};

// The value a stop always outweighs when it is required (an appointment, a locked stop, a visit
// already planned): no amount of optional value drops a required stop.
inline constexpr std::int64_t kRequiredValue = 1'000'000'000'000'000; // 1e15

inline constexpr int kAnyRank = 1 << 30;

struct RouteStop {
    int node = 0;     // its place in the travel matrix
    int duration = 0; // minutes on site
    // An appointment: the meeting starts exactly then; arriving later makes the route infeasible.
    std::optional<int> fixed_start;
    // The earliest start (a time already planned, when showing a day as it stands).
    std::optional<int> not_before;
    // Locked order. Each stop takes a rank within [rank_min, rank_max], never decreasing along a
    // route. Locked stop k (1, 2, ...) has exactly 2k, the free stops between locked stops k and
    // k+1 have exactly 2k+1, and a stop with no place yet may take any rank: so locked stops keep
    // their places and the others stay on their side of them.
    int rank_min = 0;
    int rank_max = kAnyRank;
    std::int64_t value = 1;   // what visiting it is worth; more is better
    std::uint32_t days = ~0u; // bit d set: day d may hold it
};

// Whether stops can take ranks in this order (each the lowest its predecessors allow).
bool ranks_fit(const std::vector<RouteStop>& stops, std::span<const int> order);

struct RouteProblem {
    CostMatrix seconds; // driving time between nodes
    std::vector<RouteDay> days;
    std::vector<RouteStop> stops;
};

// --- the schedule of a given order
// -----------------------------------------------------------------

struct StopTiming {
    int stop = 0;
    int drive_minutes = 0; // from the previous place
    std::int32_t drive_seconds = 0;
    int arrive = 0, start = 0, end = 0;
    bool late = false;        // arrives after its appointment (fixed_start)
    bool after_hours = false; // ends after the working day
    bool over_lunch = false;  // overlaps the lunch break (only a set time can)
    int conflict = -1;        // the busy block it overlaps (only a set time can), or -1
};

struct DayTiming {
    std::vector<StopTiming> stops;
    int leave = 0; // from the start place, as late as the first stop allows
    int back = 0;  // at the end place
    int back_drive_minutes = 0;
    std::int32_t back_drive_seconds = 0;
    std::int64_t drive_seconds = 0; // every leg, including the way back
    int drive_minutes = 0;
    bool feasible = true; // no stop late or after hours
};

// Times the stops of `order` on `day`. A stop starts when you arrive, or at its appointment or
// not_before time if later; a stop without a set time never overlaps the lunch break or a busy
// block (it starts after them instead). Arriving after an appointment starts it late, and is
// flagged.
DayTiming time_day(const RouteProblem& p, int day, std::span<const int> order);

// --- the search
// --------------------------------------------------------------------------------------

// Better: more value; then less driving, in the whole minutes the schedule shows; then finishing
// earlier. `cost` folds the last two: kCostPerDriveMinute for each minute of driving plus the
// minute of the day each route ends (so equal driving prefers the day that is over sooner).
inline constexpr std::int64_t kCostPerDriveMinute = 10'000;
struct RouteScore {
    std::int64_t value = 0;
    std::int64_t cost = 0;
    bool better_than(const RouteScore& o) const {
        return value != o.value ? value > o.value : cost < o.cost;
    }
    std::int64_t drive_minutes() const { return cost / kCostPerDriveMinute; }
};
// The cost of one day's route: its driving and the minute it ends (nothing for an empty day).
inline std::int64_t route_cost(int drive_minutes, int back) {
    return kCostPerDriveMinute * drive_minutes + back;
}

struct RoutePlan {
    std::vector<std::vector<int>> days; // stop indices in visiting order, per day
    std::vector<int> unassigned;        // stops no day could take
    RouteScore score;
};

// The provably best single day for up to kExactMaxStops stops (by RouteScore), with every time
// window, lunch and locked order respected.
inline constexpr int kExactMaxStops = 12;
RoutePlan exact_day(const RouteProblem& p, int day = 0);

struct RouteSearchOptions {
    std::uint64_t seed = 1;
    double time_limit_ms = 1000;      // compute time over all steps; <= 0: none
    std::int64_t max_iterations = -1; // ruin-and-recreate rounds; -1: none (stops on a stall)
};

// Single days of up to kExactMaxStops stops are solved exactly; otherwise: greedy insertion, then
// ruin (a stop and its nearest neighbours) and recreate (cheapest feasible insertion, most valuable
// first) with annealed acceptance on driving time, and each final day of up to 12 stops put in
// its exact best order. Deterministic for a seed and a number of iterations.
class RouteSearch {
  public:
    RouteSearch(RouteProblem problem, RouteSearchOptions options = {});
    ~RouteSearch();
    RouteSearch(RouteSearch&&) noexcept;
    RouteSearch& operator=(RouteSearch&&) noexcept;

    bool step(double budget_ms); // true once finished
    bool done() const;
    double progress() const; // 0..1
    const RoutePlan& best() const;
    bool proven_optimal() const;
    std::int64_t iterations() const;
    const RouteProblem& problem() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

RoutePlan solve_routes(RouteProblem problem, RouteSearchOptions options = {});

} // namespace footprint::core
