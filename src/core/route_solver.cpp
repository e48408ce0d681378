// The schedule of a day in a given order, and the exact best day by dynamic programming over
// subsets of stops with Pareto labels (time, driving).
#include "core/route_solver.h"
#include "core/route_solver_detail.h"

#include <algorithm>
#include <bit>
#include <climits>
#include <limits>

namespace footprint::core {

namespace route_detail {

Slot place(const DayHours& h, const RouteStop& s, int arrive) {
    Slot r;
    if (s.fixed_start) {
        r.start = std::max(arrive, *s.fixed_start);
        r.late = arrive > *s.fixed_start;
    } else {
        int start = std::max(arrive, h.start);
        if (s.not_before) {
            start = std::max(start, *s.not_before);
        } else if (h.lunch_minutes > 0 && start < h.lunch_start + h.lunch_minutes &&
                   start + s.duration > h.lunch_start) {
            start = h.lunch_start + h.lunch_minutes; // never through lunch: after it
        }
        r.start = start;
    }
    r.end = r.start + s.duration;
    r.after_hours = r.end > h.end;
    r.over_lunch = h.lunch_minutes > 0 && r.start < h.lunch_start + h.lunch_minutes &&
                   r.end > h.lunch_start && s.duration > 0;
    return r;
}

} // namespace route_detail

using route_detail::place;
using route_detail::Slot;

bool ranks_fit(const std::vector<RouteStop>& stops, std::span<const int> order) {
    int rank = INT_MIN;
    for (int s : order) {
        const RouteStop& st = stops[static_cast<std::size_t>(s)];
        if (st.rank_max < rank) return false;
        rank = std::max(rank, st.rank_min);
    }
    return true;
}

DayTiming time_day(const RouteProblem& p, int day, std::span<const int> order) {
    const RouteDay& d = p.days[static_cast<std::size_t>(day)];
    DayTiming out;
    int t = d.hours.start;
    int at = d.start_node;
    for (int s : order) {
        const RouteStop& stop = p.stops[static_cast<std::size_t>(s)];
        StopTiming st;
        st.stop = s;
        st.drive_seconds = p.seconds(at, stop.node);
        st.drive_minutes = drive_minutes_of(st.drive_seconds);
        st.arrive = t + st.drive_minutes;
        const Slot slot = place(d.hours, stop, st.arrive);
        st.start = slot.start;
        st.end = slot.end;
        st.late = slot.late;
        st.after_hours = slot.after_hours;
        st.over_lunch = slot.over_lunch;
        out.feasible = out.feasible && !slot.late && !slot.after_hours;
        out.drive_seconds += st.drive_seconds;
        out.drive_minutes += st.drive_minutes;
        out.stops.push_back(st);
        t = slot.end;
        at = stop.node;
    }
    out.back_drive_seconds = order.empty() ? 0 : p.seconds(at, d.end_node);
    out.back_drive_minutes = drive_minutes_of(out.back_drive_seconds);
    out.back = t + out.back_drive_minutes;
    out.drive_seconds += out.back_drive_seconds;
    out.drive_minutes += out.back_drive_minutes;
    out.leave = d.hours.start;
    if (!out.stops.empty()) {
        // Leave no earlier than needed to arrive when the first stop starts.
        StopTiming& first = out.stops.front();
        out.leave = std::max(d.hours.start, first.start - first.drive_minutes);
        first.arrive = std::min(first.arrive, first.start);
        first.arrive = std::max(first.arrive, out.leave + first.drive_minutes);
    }
    if (order.empty()) out.back = out.leave;
    return out;
}

RoutePlan exact_day(const RouteProblem& p, int day) {
    const RouteDay& d = p.days[static_cast<std::size_t>(day)];
    RoutePlan plan;
    plan.days.assign(p.days.size(), {});
    std::vector<int> local; // stops this day may hold
    for (int s = 0; s < static_cast<int>(p.stops.size()); ++s) {
        if ((p.stops[static_cast<std::size_t>(s)].days >> day & 1u) && static_cast<int>(local.size()) < kExactMaxStops)
            local.push_back(s);
        else
            plan.unassigned.push_back(s);
    }
    const int n = static_cast<int>(local.size());
    const std::size_t masks = std::size_t{1} << n;
    auto stop = [&](int i) -> const RouteStop& { return p.stops[static_cast<std::size_t>(local[static_cast<std::size_t>(i)])]; };

    // The rank a route through `mask` has reached: the largest rank_min in it (each stop takes the
    // lowest rank it can, so this depends on the set only, not on the order).
    std::vector<int> max_rank(masks, INT_MIN);
    std::vector<std::int64_t> value(masks, 0);
    for (std::size_t m = 1; m < masks; ++m) {
        const int low = std::countr_zero(m);
        max_rank[m] = std::max(max_rank[m & (m - 1)], stop(low).rank_min);
        value[m] = value[m & (m - 1)] + stop(low).value;
    }

    struct Label {
        int t;
        int drive; // minutes
        std::int8_t prev;      // the stop before (local index), -1: the start place
        std::int32_t prev_at;  // its label in state (mask without this stop, prev)
    };
    std::vector<std::vector<Label>> labels(masks * static_cast<std::size_t>(n == 0 ? 1 : n));
    auto state = [n](std::size_t mask, int last) { return mask * static_cast<std::size_t>(n) + static_cast<std::size_t>(last); };
    // Keeps only labels no other one beats on both time and driving.
    auto offer = [&](std::vector<Label>& v, Label l) {
        for (const Label& o : v)
            if (o.t <= l.t && o.drive <= l.drive) return;
        v.erase(std::remove_if(v.begin(), v.end(), [&](const Label& o) { return o.t >= l.t && o.drive >= l.drive; }),
                v.end());
        v.push_back(l);
    };
    for (int j = 0; j < n; ++j) {
        const std::int32_t ds = p.seconds(d.start_node, stop(j).node);
        const Slot s = place(d.hours, stop(j), d.hours.start + drive_minutes_of(ds));
        if (!s.late && !s.after_hours)
            offer(labels[state(std::size_t{1} << j, j)], {s.end, drive_minutes_of(ds), -1, 0});
    }
    for (std::size_t mask = 1; mask < masks; ++mask) {
        for (int last = 0; last < n; ++last) {
            if (!(mask >> last & 1u)) continue;
            const std::vector<Label>& here = labels[state(mask, last)];
            for (std::size_t li = 0; li < here.size(); ++li) {
                const Label l = here[li];
                for (int k = 0; k < n; ++k) {
                    if (mask >> k & 1u) continue;
                    if (stop(k).rank_max < max_rank[mask]) continue;
                    const std::int32_t ds = p.seconds(stop(last).node, stop(k).node);
                    const Slot s = place(d.hours, stop(k), l.t + drive_minutes_of(ds));
                    if (s.late || s.after_hours) continue;
                    offer(labels[state(mask | (std::size_t{1} << k), k)],
                          {s.end, l.drive + drive_minutes_of(ds), static_cast<std::int8_t>(last),
                           static_cast<std::int32_t>(li)});
                }
            }
        }
    }
    // The best final state, the way back included.
    std::size_t best_mask = 0;
    int best_last = -1, best_label = -1;
    RouteScore best_score{0, 0};
    for (std::size_t mask = 1; mask < masks; ++mask)
        for (int last = 0; last < n; ++last) {
            if (!(mask >> last & 1u)) continue;
            const std::vector<Label>& here = labels[state(mask, last)];
            const int back_min = drive_minutes_of(p.seconds(stop(last).node, d.end_node));
            for (std::size_t li = 0; li < here.size(); ++li) {
                const RouteScore sc{value[mask], route_cost(here[li].drive + back_min, here[li].t + back_min)};
                if (sc.better_than(best_score)) {
                    best_score = sc;
                    best_mask = mask;
                    best_last = last;
                    best_label = static_cast<int>(li);
                }
            }
        }
    std::vector<int> order;
    for (std::size_t mask = best_mask; best_last >= 0;) {
        const Label& l = labels[state(mask, best_last)][static_cast<std::size_t>(best_label)];
        order.push_back(local[static_cast<std::size_t>(best_last)]);
        mask &= ~(std::size_t{1} << best_last);
        best_last = l.prev;
        best_label = l.prev_at;
    }
    std::reverse(order.begin(), order.end());
    for (int i = 0; i < n; ++i)
        if (!(best_mask >> i & 1u)) plan.unassigned.push_back(local[static_cast<std::size_t>(i)]);
    std::sort(plan.unassigned.begin(), plan.unassigned.end());
    plan.days[static_cast<std::size_t>(day)] = std::move(order);
    plan.score = best_score;
    return plan;
}

} // namespace footprint::core
