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
        } else {
            // Never through lunch or a busy block: after it. A push can run into the next block,
            // so repeat until the start stays put (it only moves later, so this ends).
            for (bool moved = true; moved;) {
                moved = false;
                if (h.lunch_minutes > 0 && start < h.lunch_start + h.lunch_minutes &&
                    start + s.duration > h.lunch_start) {
                    start = h.lunch_start + h.lunch_minutes;
                    moved = true;
                }
                for (const auto& [b0, b1] : h.busy)
                    if (start < b1 && start + s.duration > b0) {
                        start = b1;
                        moved = true;
                    }
            }
        }
        r.start = start;
    }
    r.end = r.start + s.duration;
    if (s.fixed_start || s.not_before)
        for (std::size_t i = 0; i < h.busy.size() && r.conflict < 0; ++i)
            if (r.start < h.busy[i].second && r.end > h.busy[i].first && s.duration > 0)
                r.conflict = static_cast<int>(i);
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
        st.conflict = slot.conflict;
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
        if ((p.stops[static_cast<std::size_t>(s)].days >> day & 1u) &&
            static_cast<int>(local.size()) < kExactMaxStops)
            local.push_back(s);
        else
            plan.unassigned.push_back(s);
    }
    const int n = static_cast<int>(local.size());
    const std::size_t masks = std::size_t{1} << n;
    auto stop = [&](int i) -> const RouteStop& {
        return p.stops[static_cast<std::size_t>(local[static_cast<std::size_t>(i)])];
    };

    // The rank a route through `mask` has reached: the largest rank_min in it (each stop takes the
    // lowest rank it can, so this depends on the set only, not on the order).
    std::vector<int> max_rank(masks, INT_MIN);
    std::vector<std::int64_t> value(masks, 0);
    for (std::size_t m = 1; m < masks; ++m) {
        const int low = std::countr_zero(m);
        max_rank[m] = std::max(max_rank[m & (m - 1)], stop(low).rank_min);
        value[m] = value[m & (m - 1)] + stop(low).value;
    }

    // Leg minutes between the stops, from the start place, and back to the end place.
    std::vector<int> leg(static_cast<std::size_t>(n) * static_cast<std::size_t>(n == 0 ? 1 : n));
    std::vector<int> from_start(static_cast<std::size_t>(n)), to_end(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        from_start[static_cast<std::size_t>(i)] =
            drive_minutes_of(p.seconds(d.start_node, stop(i).node));
        to_end[static_cast<std::size_t>(i)] = drive_minutes_of(p.seconds(stop(i).node, d.end_node));
        for (int j = 0; j < n; ++j)
            leg[static_cast<std::size_t>(i * n + j)] =
                drive_minutes_of(p.seconds(stop(i).node, stop(j).node));
    }

    // Labels live in one pool; each state (set, last stop) heads a list of them. A label beaten on
    // both time and driving by a newer one is marked dead rather than removed, so indices (the
    // back-pointers) stay valid and no state allocates.
    struct Label {
        int t;             // when the last stop ends
        int drive;         // minutes so far
        std::int32_t prev; // the label this one extends (-1: from the start place)
        std::int32_t next; // the next label of the same state
        std::int8_t last;  // the state's last stop
        bool dead;
    };
    std::vector<Label> pool;
    pool.reserve(1024);
    std::vector<std::int32_t> head(masks * static_cast<std::size_t>(n == 0 ? 1 : n), -1);
    auto state = [n](std::size_t mask, int last) {
        return mask * static_cast<std::size_t>(n) + static_cast<std::size_t>(last);
    };
    auto offer = [&](std::size_t st, int t, int drive, std::int32_t prev, int last) {
        for (std::int32_t i = head[st]; i >= 0; i = pool[static_cast<std::size_t>(i)].next) {
            Label& o = pool[static_cast<std::size_t>(i)];
            if (o.dead) continue;
            if (o.t <= t && o.drive <= drive) return;
            if (o.t >= t && o.drive >= drive) o.dead = true;
        }
        pool.push_back({t, drive, prev, head[st], static_cast<std::int8_t>(last), false});
        head[st] = static_cast<std::int32_t>(pool.size() - 1);
    };
    for (int j = 0; j < n && d.max_stops > 0; ++j) {
        const Slot s =
            place(d.hours, stop(j), d.hours.start + from_start[static_cast<std::size_t>(j)]);
        if (!s.late && !s.after_hours)
            offer(state(std::size_t{1} << j, j), s.end, from_start[static_cast<std::size_t>(j)], -1,
                  j);
    }
    for (std::size_t mask = 1; mask < masks; ++mask) {
        for (int last = 0; last < n; ++last) {
            if (!(mask >> last & 1u)) continue;
            if (std::popcount(mask) >= d.max_stops) continue;
            for (std::int32_t li = head[state(mask, last)]; li >= 0;) {
                const Label l = pool[static_cast<std::size_t>(li)];
                if (!l.dead) {
                    for (int k = 0; k < n; ++k) {
                        if (mask >> k & 1u) continue;
                        if (stop(k).rank_max < max_rank[mask]) continue;
                        const int dm = leg[static_cast<std::size_t>(last * n + k)];
                        const Slot s = place(d.hours, stop(k), l.t + dm);
                        if (s.late || s.after_hours) continue;
                        offer(state(mask | (std::size_t{1} << k), k), s.end, l.drive + dm, li, k);
                    }
                }
                li = l.next;
            }
        }
    }
    // The best final state, the way back included.
    std::size_t best_mask = 0;
    std::int32_t best_label = -1;
    RouteScore best_score{0, 0};
    for (std::size_t mask = 1; mask < masks; ++mask)
        for (int last = 0; last < n; ++last) {
            if (!(mask >> last & 1u)) continue;
            const int back_min = to_end[static_cast<std::size_t>(last)];
            for (std::int32_t li = head[state(mask, last)]; li >= 0;
                 li = pool[static_cast<std::size_t>(li)].next) {
                const Label& l = pool[static_cast<std::size_t>(li)];
                if (l.dead) continue;
                const RouteScore sc{value[mask], route_cost(l.drive + back_min, l.t + back_min)};
                if (sc.better_than(best_score)) {
                    best_score = sc;
                    best_mask = mask;
                    best_label = li;
                }
            }
        }
    std::vector<int> order;
    for (std::int32_t li = best_label; li >= 0; li = pool[static_cast<std::size_t>(li)].prev)
        order.push_back(local[static_cast<std::size_t>(pool[static_cast<std::size_t>(li)].last)]);
    std::reverse(order.begin(), order.end());
    for (int i = 0; i < n; ++i)
        if (!(best_mask >> i & 1u)) plan.unassigned.push_back(local[static_cast<std::size_t>(i)]);
    std::sort(plan.unassigned.begin(), plan.unassigned.end());
    plan.days[static_cast<std::size_t>(day)] = std::move(order);
    plan.score = best_score;
    return plan;
}

} // namespace footprint::core
