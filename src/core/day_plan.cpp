// The day's visits as a route: reading them from the plan, timing them as they stand, optimising
// their order, and re-timing them after a reorder or an addition.
#include "core/day_plan.h"

#include "core/format.h"
#include "core/visit_value.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace footprint::core {

namespace {

// The day's visits with their accounts, found in one pass over the accounts.
struct DayVisits {
    std::vector<const Activity*> visits;
    std::vector<const Account*> accounts; // parallel to visits; null when missing
};

DayVisits load_day(const Plan& plan, Date date, const PlanIndex* index = nullptr) {
    DayVisits d;
    d.visits = day_visits(plan, date);
    if (index) {
        for (const Activity* a : d.visits) {
            const auto i = index->account(a->account_id);
            d.accounts.push_back(i && *i < plan.accounts.size() ? &plan.accounts[*i] : nullptr);
        }
        return d;
    }
    std::unordered_map<std::string_view, const Account*> wanted;
    for (const Activity* a : d.visits)
        wanted.emplace(a->account_id, nullptr);
    for (const Account& acc : plan.accounts)
        if (auto it = wanted.find(acc.id); it != wanted.end()) it->second = &acc;
    for (const Activity* a : d.visits)
        d.accounts.push_back(wanted[a->account_id]);
    return d;
}

std::optional<LatLon> location_of(const Account* acc) {
    return acc ? acc->location : std::nullopt;
}

// Builds the travel matrix: node 0 the start, node 1 the end, then one node per place. A missing
// start or end place costs nothing to reach (the route then starts or ends at a stop).
CostMatrix travel_matrix(const TravelModel& travel, const DayPlace& start, const DayPlace& end,
                         const std::vector<LatLon>& places) {
    const int n = static_cast<int>(places.size()) + 2;
    auto point = [&](int i) -> std::optional<LatLon> {
        if (i == 0) return start.point;
        if (i == 1) return end.point;
        return places[static_cast<std::size_t>(i - 2)];
    };
    return CostMatrix::build(n, [&](int i, int j) -> std::int32_t {
        const auto a = point(i), b = point(j);
        if (!a || !b) return 0;
        return travel.drive_seconds(*a, *b);
    });
}

double leg_km(const TravelModel& travel, const std::optional<LatLon>& a,
              const std::optional<LatLon>& b) {
    return a && b ? travel.road_km(*a, *b) : 0.0;
}

std::string minutes_text(int m) {
    return format_duration_minutes(m);
}

std::string after_hours_text(int arrive, int end, const DayHours& h) {
    const std::string limit = "after working hours end at " + format_clock(h.end);
    if (arrive >= h.end) return "arrives " + format_clock(arrive) + ", " + limit;
    return "ends " + format_clock(end) + ", " + limit;
}

// What happens when a flexible visit goes after the last visit of the route: a reason it does not
// fit, or empty when it fits.
std::string fit_at_end(const RouteProblem& base, const std::vector<int>& order,
                       const RouteStop& extra, const DayHours& h) {
    RouteProblem p = base;
    p.stops.push_back(extra);
    std::vector<int> o = order;
    o.push_back(static_cast<int>(p.stops.size()) - 1);
    const DayTiming t = time_day(p, 0, o);
    const StopTiming& st = t.stops.back();
    if (st.after_hours) return "doesn't fit: " + after_hours_text(st.arrive, st.end, h);
    return {};
}

} // namespace

DayHours day_hours(const Settings& s) {
    DayHours h;
    h.start = s.work_start_minute;
    h.end = s.work_end_minute;
    h.lunch_start = s.lunch_start_minute;
    h.lunch_minutes = s.lunch_minutes;
    return h;
}

std::vector<const Activity*> busy_activities(const Plan& plan, Date date) {
    std::vector<const Activity*> out;
    for (const Activity& a : plan.activities)
        if (a.date == date && (a.type == ActivityType::Meeting || a.type == ActivityType::Event) &&
            a.start_minute && a.duration_minutes > 0)
            out.push_back(&a);
    std::stable_sort(out.begin(), out.end(), [](const Activity* a, const Activity* b) {
        return *a->start_minute < *b->start_minute;
    });
    return out;
}

DayHours day_hours(const Plan& plan, Date date) {
    DayHours h = day_hours(plan.settings);
    for (const Activity* a : busy_activities(plan, date))
        h.busy.emplace_back(*a->start_minute, *a->start_minute + a->duration_minutes);
    return h;
}

DayPlace day_start_place(const Plan& plan, Date date) {
    const Settings& s = plan.settings;
    if (auto it = s.route_days.find(date); it != s.route_days.end() && it->second.start)
        return {it->second.start->label, it->second.start->point, true};
    return {s.home_label, s.home, false};
}

DayPlace day_end_place(const Plan& plan, Date date) {
    const Settings& s = plan.settings;
    if (auto it = s.route_days.find(date); it != s.route_days.end() && it->second.end)
        return {it->second.end->label, it->second.end->point, true};
    return {s.home_label, s.home, false};
}

std::vector<const Activity*> day_visits(const Plan& plan, Date date) {
    std::vector<const Activity*> out;
    for (const Activity& a : plan.activities)
        if (a.type == ActivityType::Visit && a.date == date) out.push_back(&a);
    std::stable_sort(out.begin(), out.end(), [](const Activity* a, const Activity* b) {
        const int x = a->start_minute.value_or(1 << 20), y = b->start_minute.value_or(1 << 20);
        return x < y;
    });
    return out;
}

DayRoute day_route(const Plan& plan, Date date, const PlanIndex* index) {
    DayRoute r;
    r.date = date;
    r.start = day_start_place(plan, date);
    r.end = day_end_place(plan, date);
    r.hours = day_hours(plan, date);
    const TravelModel travel = TravelModel::from(plan.settings);
    const DayVisits day = load_day(plan, date, index);

    std::vector<std::size_t> routed;
    for (std::size_t i = 0; i < day.visits.size(); ++i) {
        const Activity& a = *day.visits[i];
        DayStop s;
        s.visit = &a;
        s.account = day.accounts[i];
        s.location = location_of(s.account);
        s.fixed = a.fixed_time && a.start_minute;
        s.locked = a.locked;
        s.done = a.checked_in.has_value();
        if (s.location && a.start_minute) {
            routed.push_back(i);
            r.stops.push_back(s);
        } else {
            r.unrouted.push_back(s);
        }
    }
    // Without a start (or end) place, the route starts (or ends) at its first (last) stop.
    DayPlace start = r.start, end = r.end;
    if (!start.point && !r.stops.empty()) start.point = r.stops.front().location;
    if (!end.point && !r.stops.empty()) end.point = r.stops.back().location;

    RouteProblem p;
    std::vector<LatLon> places;
    for (const DayStop& s : r.stops)
        places.push_back(*s.location);
    p.seconds = travel_matrix(travel, start, end, places);
    p.days = {RouteDay{0, 1, r.hours}};
    std::vector<int> order;
    for (std::size_t k = 0; k < r.stops.size(); ++k) {
        const DayStop& s = r.stops[k];
        RouteStop rs;
        rs.node = static_cast<int>(k) + 2;
        rs.duration = s.visit->duration_minutes;
        if (s.fixed || s.done)
            rs.fixed_start = s.visit->start_minute;
        else
            rs.not_before = s.visit->start_minute;
        p.stops.push_back(rs);
        order.push_back(static_cast<int>(k));
    }
    const DayTiming t = time_day(p, 0, order);
    std::optional<LatLon> prev = start.point;
    for (std::size_t k = 0; k < r.stops.size(); ++k) {
        DayStop& s = r.stops[k];
        const StopTiming& st = t.stops[k];
        s.number = static_cast<int>(k) + 1;
        s.arrive = st.arrive;
        s.start = st.start;
        s.end = st.end;
        s.drive_minutes = st.drive_minutes;
        s.drive_km = leg_km(travel, prev, s.location);
        prev = s.location;
        const int planned = *s.visit->start_minute;
        if (st.late) {
            s.issue = StopIssue::Late;
            s.issue_text = "arrives " + format_clock(st.arrive) + ", " +
                           minutes_text(st.arrive - planned) + " after the " +
                           format_clock(planned) + " appointment";
        } else if (st.after_hours) {
            s.issue = StopIssue::AfterHours;
            s.issue_text = after_hours_text(st.arrive, st.end, r.hours);
        } else if (!s.fixed && !s.done && st.arrive > planned) {
            s.issue = StopIssue::BehindPlan;
            s.issue_text = "arrives " + format_clock(st.arrive) + ", " +
                           minutes_text(st.arrive - planned) + " after its planned " +
                           format_clock(planned) + " start";
        } else if (st.conflict >= 0) {
            const std::vector<const Activity*> busy = busy_activities(plan, date);
            s.issue = StopIssue::Conflict;
            if (static_cast<std::size_t>(st.conflict) < busy.size()) {
                const Activity& b = *busy[static_cast<std::size_t>(st.conflict)];
                std::string with;
                if (const auto i = index ? index->account(b.account_id) : std::nullopt;
                    i && *i < plan.accounts.size())
                    with = " with " + plan.accounts[*i].name;
                else if (!index)
                    for (const Account& acc : plan.accounts)
                        if (acc.id == b.account_id) with = " with " + acc.name;
                s.issue_text = "overlaps the " + format_clock(*b.start_minute) + " " +
                               (b.type == ActivityType::Event ? "event" : "meeting") + with;
            }
        } else if (st.over_lunch) {
            s.issue = StopIssue::OverLunch;
            s.issue_text = "overlaps lunch (" + format_clock(r.hours.lunch_start) +
                           " \xE2\x80\x93 " +
                           format_clock(r.hours.lunch_start + r.hours.lunch_minutes) + ")";
        }
        if (s.blocking()) ++r.problems;
        r.meeting_minutes += s.visit->duration_minutes;
        r.km += s.drive_km;
    }
    r.leave = t.leave;
    if (!r.stops.empty()) r.stops.front().arrive = t.stops.front().arrive;
    r.back = t.back;
    r.back_drive_minutes = t.back_drive_minutes;
    r.back_km = r.stops.empty() ? 0 : leg_km(travel, r.stops.back().location, end.point);
    r.km += r.back_km;
    r.drive_minutes = t.drive_minutes;

    for (DayStop& s : r.unrouted) {
        if (!s.location) {
            s.issue = StopIssue::NoLocation;
            s.issue_text = s.account
                               ? "no location: add the account's address to put it on the route"
                               : "its account is missing from the plan";
            continue;
        }
        s.issue = StopIssue::NotScheduled;
        RouteProblem q = p;
        DayPlace qs = r.start, qe = r.end;
        if (!qs.point) qs.point = r.stops.empty() ? s.location : start.point;
        if (!qe.point) qe.point = s.location;
        places.push_back(*s.location);
        q.seconds = travel_matrix(travel, qs, qe, places);
        RouteStop extra;
        extra.node = static_cast<int>(places.size()) + 1;
        extra.duration = s.visit->duration_minutes;
        s.issue_text = fit_at_end(q, order, extra, r.hours);
        if (s.issue_text.empty()) s.issue_text = "no time yet: optimise the day to fit it in";
        places.pop_back();
    }
    return r;
}

// --- optimising
// -------------------------------------------------------------------------------------

DayOptimizer::DayOptimizer(const Plan& plan, Date date, RouteSearchOptions options,
                           std::optional<int> now)
    : date_(date), search_(RouteProblem{}, options) {
    const DayVisits day = load_day(plan, date);
    const TravelModel travel = TravelModel::from(plan.settings);
    DayPlace start = day_start_place(plan, date);
    const DayPlace end = day_end_place(plan, date);
    DayHours hours = day_hours(plan, date);
    if (now) {
        // Today: what already happened stays; the rest starts from where the day is now.
        int resume = (*now + 4) / 5 * 5;
        for (std::size_t i = 0; i < day.visits.size(); ++i) {
            const Activity& a = *day.visits[i];
            if (!a.start_minute || *a.start_minute >= *now) continue;
            const int ends = *a.start_minute + a.duration_minutes;
            if (ends >= resume && day.accounts[i] && day.accounts[i]->location) {
                resume = ends;
                start = DayPlace{day.accounts[i]->name, day.accounts[i]->location, true};
            }
        }
        hours.start = std::max(hours.start, resume);
    }
    RouteProblem p;
    p.days = {RouteDay{0, 1, hours}};
    std::vector<LatLon> places;
    int locked_seen = 0;
    for (std::size_t i = 0; i < day.visits.size(); ++i) {
        const Activity& a = *day.visits[i];
        const std::optional<LatLon> at = location_of(day.accounts[i]);
        const bool done = a.checked_in.has_value();
        if (!at || (done && !a.start_minute)) continue; // cannot be routed, or done and unplaceable
        if (now && a.start_minute && (*a.start_minute < *now || done)) continue; // already happened
        RouteStop s;
        s.node = static_cast<int>(places.size()) + 2;
        s.duration = a.duration_minutes;
        const bool placed = a.start_minute.has_value();
        if ((a.fixed_time || done) && placed) s.fixed_start = a.start_minute;
        // Locked stops keep their places; the others stay on their side of each locked stop, and a
        // visit with no time yet may go anywhere.
        if (a.locked && placed) {
            ++locked_seen;
            s.rank_min = s.rank_max = 2 * locked_seen;
        } else if (placed) {
            s.rank_min = s.rank_max = 2 * locked_seen + 1;
        } else {
            s.rank_min = 1;
        }
        if (s.fixed_start || (a.locked && placed)) {
            s.value = kRequiredValue;
        } else {
            // Count first (each visit is worth a million), then the account's value in dollars.
            const Cents v = day.accounts[i] ? visit_value(plan, *day.accounts[i], date).value : 0;
            s.value = 1'000'000 + std::min<Cents>(v / 100, 999'999);
        }
        places.push_back(*at);
        p.stops.push_back(s);
        ids_.push_back(a.id);
    }
    p.seconds = travel_matrix(travel, start, end, places);
    const DayRoute before = day_route(plan, date);
    drive_before_ = before.drive_minutes;
    back_before_ = before.stops.empty() ? 0 : before.back;
    search_ = RouteSearch(std::move(p), options);
}

bool DayOptimizer::step(double budget_ms) {
    return search_.step(budget_ms);
}
double DayOptimizer::progress() const {
    return search_.progress();
}
bool DayOptimizer::done() const {
    return search_.done();
}
bool DayOptimizer::proven_optimal() const {
    return search_.proven_optimal();
}

DayOptimizer::Outcome DayOptimizer::outcome(const Plan& plan) const {
    Outcome out;
    const RoutePlan& best = search_.best();
    const RouteProblem& p = search_.problem();
    std::unordered_map<std::string_view, const Activity*> by_id;
    for (const Activity& a : plan.activities)
        if (a.date == date_ && a.type == ActivityType::Visit) by_id.emplace(a.id, &a);
    const std::vector<int> order = best.days.empty() ? std::vector<int>{} : best.days[0];
    const DayTiming t = time_day(p, 0, order);
    for (std::size_t k = 0; k < order.size(); ++k) {
        auto it = by_id.find(ids_[static_cast<std::size_t>(order[k])]);
        if (it == by_id.end()) continue;
        if (it->second->start_minute != t.stops[k].start) {
            Activity a = *it->second;
            a.start_minute = t.stops[k].start;
            out.changed.push_back(std::move(a));
        }
    }
    for (int s : best.unassigned) {
        auto it = by_id.find(ids_[static_cast<std::size_t>(s)]);
        if (it == by_id.end()) continue;
        const Activity& a = *it->second;
        ++out.dropped;
        if (a.fixed_time || a.checked_in || !a.start_minute)
            continue; // appointments keep their time
        Activity c = a;
        c.start_minute.reset();
        out.changed.push_back(std::move(c));
    }
    out.kept = static_cast<int>(order.size());
    out.drive_minutes_before = drive_before_;
    out.drive_minutes_after = order.empty() ? 0 : t.drive_minutes;
    out.back_before = back_before_;
    out.back_after = order.empty() ? 0 : t.back;
    return out;
}

// --- re-timing
// ---------------------------------------------------------------------------------------

namespace {

// Packs `visits` in order: flexible ones start as early as the drive, lunch and appointments
// allow. Returns each visit's new start (nullopt for visits without a location).
std::vector<std::optional<int>> pack(const Plan& plan, Date date,
                                     const std::vector<const Activity*>& visits,
                                     const std::vector<const Account*>& accounts) {
    const TravelModel travel = TravelModel::from(plan.settings);
    DayPlace start = day_start_place(plan, date), end = day_end_place(plan, date);
    RouteProblem p;
    p.days = {RouteDay{0, 1, day_hours(plan, date)}};
    std::vector<LatLon> places;
    std::vector<int> order;
    std::vector<std::size_t> which;
    for (std::size_t i = 0; i < visits.size(); ++i) {
        const std::optional<LatLon> at = location_of(accounts[i]);
        if (!at) continue;
        RouteStop s;
        s.node = static_cast<int>(places.size()) + 2;
        s.duration = visits[i]->duration_minutes;
        if ((visits[i]->fixed_time || visits[i]->checked_in) && visits[i]->start_minute)
            s.fixed_start = visits[i]->start_minute;
        places.push_back(*at);
        order.push_back(static_cast<int>(p.stops.size()));
        p.stops.push_back(s);
        which.push_back(i);
    }
    if (!start.point && !places.empty()) start.point = places.front();
    if (!end.point && !places.empty()) end.point = places.back();
    p.seconds = travel_matrix(travel, start, end, places);
    const DayTiming t = time_day(p, 0, order);
    std::vector<std::optional<int>> out(visits.size());
    for (std::size_t k = 0; k < which.size(); ++k)
        out[which[k]] = t.stops[k].start;
    return out;
}

} // namespace

std::vector<Activity> retime_day(const Plan& plan, Date date,
                                 const std::vector<std::string>& order) {
    const DayVisits day = load_day(plan, date);
    std::vector<const Activity*> visits;
    std::vector<const Account*> accounts;
    for (const std::string& id : order)
        for (std::size_t i = 0; i < day.visits.size(); ++i)
            if (day.visits[i]->id == id) {
                visits.push_back(day.visits[i]);
                accounts.push_back(day.accounts[i]);
            }
    const std::vector<std::optional<int>> starts = pack(plan, date, visits, accounts);
    std::vector<Activity> changed;
    for (std::size_t i = 0; i < visits.size(); ++i) {
        if (!starts[i] || visits[i]->start_minute == starts[i]) continue;
        if ((visits[i]->fixed_time || visits[i]->checked_in) && visits[i]->start_minute) continue;
        Activity a = *visits[i];
        a.start_minute = starts[i];
        changed.push_back(std::move(a));
    }
    return changed;
}

std::vector<Activity> add_visits(const Plan& plan, Date date,
                                 const std::vector<const Account*>& accounts,
                                 const std::vector<std::string>& ids) {
    std::vector<Activity> out;
    const DayRoute route = day_route(plan, date);
    // The route as it stands, then each new visit after it when it fits there.
    std::vector<const Activity*> visits;
    std::vector<const Account*> with;
    for (const DayStop& s : route.stops) {
        visits.push_back(s.visit);
        with.push_back(s.account);
    }
    std::vector<Activity> made;
    made.reserve(accounts.size());
    const DayHours hours = day_hours(plan, date);
    for (std::size_t i = 0; i < accounts.size() && i < ids.size(); ++i) {
        Activity a;
        a.id = ids[i];
        a.account_id = accounts[i]->id;
        a.type = ActivityType::Visit;
        a.date = date;
        a.duration_minutes = plan.settings.default_meeting_minutes;
        made.push_back(a);
    }
    for (Activity& a : made) {
        const Account* acc = nullptr;
        for (const Account* c : accounts)
            if (c->id == a.account_id) acc = c;
        if (!acc || !acc->location) continue;
        // Stops as they stand keep their times: only the new one is packed after them.
        std::vector<const Activity*> trial = visits;
        std::vector<const Account*> trial_acc = with;
        Activity probe = a;
        trial.push_back(&probe);
        trial_acc.push_back(acc);
        std::vector<Activity> fixed_copy;
        fixed_copy.reserve(trial.size());
        for (std::size_t k = 0; k + 1 < trial.size(); ++k) {
            Activity c = *trial[k];
            c.fixed_time = c.start_minute.has_value(); // as they stand
            fixed_copy.push_back(std::move(c));
        }
        std::vector<const Activity*> as_fixed;
        for (const Activity& c : fixed_copy)
            as_fixed.push_back(&c);
        as_fixed.push_back(&probe);
        const std::vector<std::optional<int>> starts = pack(plan, date, as_fixed, trial_acc);
        const std::optional<int> start = starts.back();
        if (!start || *start + a.duration_minutes > hours.end) continue;
        // A visit already on the route that is late stays late; the new one must not be.
        a.start_minute = start;
        visits.push_back(&a);
        with.push_back(acc);
    }
    for (Activity& a : made)
        out.push_back(std::move(a));
    return out;
}

} // namespace footprint::core
