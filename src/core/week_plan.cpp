// Plan my week: candidates and planned visits become a five-day routing problem; its answer
// becomes new visits, moved visits, and the candidates left out with the reason.
#include "core/week_plan.h"

#include "core/day_plan.h"
#include "core/format.h"
#include "core/travel.h"
#include "core/visit_value.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace footprint::core {

namespace {

const char* const kDayNames[kWeekDays] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};

} // namespace

VisitCandidate candidate_for(const Plan& plan, const Account& account, Date today) {
    const VisitValue v = visit_value(plan, account, today);
    VisitCandidate c;
    c.account_id = account.id;
    c.location = account.location;
    c.value = v.value;
    c.why = v.why;
    c.meeting_minutes = plan.settings.default_meeting_minutes;
    return c;
}

std::vector<VisitCandidate> week_candidates(const Plan& plan, const DeskData& desks, Date monday,
                                            std::size_t limit) {
    std::unordered_set<std::string_view> visited;
    const Date friday = add_days(monday, kWeekDays - 1);
    for (const Activity& a : plan.activities)
        if (a.type == ActivityType::Visit && a.date >= monday && a.date <= friday)
            visited.insert(a.account_id);
    std::vector<VisitCandidate> out;
    for (const AccountPriority& pr : desks.priorities) {
        if (out.size() >= limit) break;
        if (pr.account >= plan.accounts.size()) continue;
        const Account& account = plan.accounts[pr.account];
        if (visited.count(account.id)) continue;
        VisitCandidate c;
        c.account_id = account.id;
        c.location = account.location;
        c.value = std::max<Cents>(1, pr.at_stake + pr.upsell);
        const auto top = std::max_element(pr.points.begin(), pr.points.end());
        c.why = explain_factor(plan, desks, pr,
                               static_cast<PriorityFactor>(std::distance(pr.points.begin(), top)));
        c.meeting_minutes = plan.settings.default_meeting_minutes;
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<VisitCandidate> week_candidates(const Plan& plan, Date monday, Date today,
                                            std::size_t limit) {
    return week_candidates(plan, compute_desks(plan, today), monday, limit);
}

WeekPlanner::WeekPlanner(const Plan& plan, WeekPlanRequest request, RouteSearchOptions options)
    : request_(std::move(request)), search_(RouteProblem{}, options) {
    const Settings& st = plan.settings;
    const TravelModel travel = TravelModel::from(st);
    road_factor_ = st.road_factor;
    RouteProblem p;
    std::uint32_t open_days = 0;
    for (int d = 0; d < kWeekDays; ++d) {
        const Date date = add_days(request_.monday, d);
        const DayPlace from = day_start_place(plan, date), to = day_end_place(plan, date);
        points_.push_back(from.point.value_or(LatLon{}));
        has_point_.push_back(from.point.has_value());
        points_.push_back(to.point.value_or(LatLon{}));
        has_point_.push_back(to.point.has_value());
        DayHours hours = day_hours(plan, date);
        if (date == request_.today && request_.now_minute)
            hours.start = std::max(hours.start, (*request_.now_minute + 4) / 5 * 5);
        p.days.push_back(RouteDay{2 * d, 2 * d + 1, hours});
        if (date >= request_.today) open_days |= 1u << d;
    }
    auto add_stop = [&](RouteStop s, LatLon at, StopRef ref) {
        s.node = static_cast<int>(points_.size());
        points_.push_back(at);
        has_point_.push_back(true);
        p.stops.push_back(s);
        refs_.push_back(std::move(ref));
    };

    // Visits already planned this week.
    std::unordered_map<std::string_view, const Account*> accounts;
    for (const Account& a : plan.accounts)
        accounts.emplace(a.id, &a);
    std::unordered_set<std::string_view> visited;
    int pinned_on[kWeekDays] = {};
    for (const Activity& a : plan.activities) {
        if (a.type != ActivityType::Visit) continue;
        const int d = days_between(request_.monday, a.date);
        if (d < 0 || d >= kWeekDays) continue;
        visited.insert(a.account_id);
        if (!(open_days >> d & 1u)) continue;
        auto acc = accounts.find(a.account_id);
        if (acc == accounts.end() || !acc->second->location) continue;
        const bool done = a.checked_in.has_value();
        if (done && !a.start_minute) continue;
        // Today's visits that already started, or are done, are not planned again.
        if (a.date == request_.today && request_.now_minute && a.start_minute &&
            (*a.start_minute < *request_.now_minute || done))
            continue;
        RouteStop s;
        s.duration = a.duration_minutes;
        s.value = kRequiredValue;
        const bool pinned = a.fixed_time || a.locked || done || !request_.move_planned;
        s.days = pinned ? (1u << d) : open_days;
        if ((pinned || a.fixed_time || done) && a.start_minute) s.fixed_start = a.start_minute;
        if (pinned) ++pinned_on[d];
        add_stop(s, *acc->second->location,
                 StopRef{a.id, -1, a.account_id, 0, d, a.start_minute.value_or(-1)});
    }
    // The candidates.
    for (std::size_t i = 0; i < request_.candidates.size(); ++i) {
        const VisitCandidate& c = request_.candidates[i];
        const int ci = static_cast<int>(i);
        if (!c.location) {
            unplannable_.push_back({ci, "no location: add the account's address to plan a visit"});
            continue;
        }
        if (visited.count(c.account_id)) {
            unplannable_.push_back({ci, "already has a visit this week"});
            continue;
        }
        RouteStop s;
        s.duration = c.meeting_minutes;
        s.value = std::max<Cents>(1, c.value);
        s.days = open_days;
        if (c.day) {
            s.days &= 1u << *c.day;
            if (c.start_minute) s.fixed_start = c.start_minute;
        }
        if (s.days == 0) {
            unplannable_.push_back({ci, c.day ? std::string(kDayNames[*c.day]) + " is already past"
                                              : "every day of this week is past"});
            continue;
        }
        add_stop(s, *c.location, StopRef{{}, ci, c.account_id, c.value, -1, -1});
    }
    if (request_.max_visits_per_day > 0)
        for (int d = 0; d < kWeekDays; ++d)
            p.days[static_cast<std::size_t>(d)].max_stops =
                std::max(request_.max_visits_per_day, pinned_on[d]);
    p.seconds =
        CostMatrix::build(static_cast<int>(points_.size()), [&](int i, int j) -> std::int32_t {
            if (!has_point_[static_cast<std::size_t>(i)] ||
                !has_point_[static_cast<std::size_t>(j)])
                return 0;
            return travel.drive_seconds(points_[static_cast<std::size_t>(i)],
                                        points_[static_cast<std::size_t>(j)]);
        });
    search_ = RouteSearch(std::move(p), options);
}

bool WeekPlanner::step(double budget_ms) {
    return search_.step(budget_ms);
}
double WeekPlanner::progress() const {
    return search_.progress();
}
bool WeekPlanner::done() const {
    return search_.done();
}

WeekProposal WeekPlanner::proposal() const {
    WeekProposal out;
    const RouteProblem& p = search_.problem();
    const RoutePlan& best = search_.best();
    auto km = [&](int a, int b) {
        if (!has_point_[static_cast<std::size_t>(a)] || !has_point_[static_cast<std::size_t>(b)])
            return 0.0;
        return great_circle_km(points_[static_cast<std::size_t>(a)],
                               points_[static_cast<std::size_t>(b)]) *
               road_factor_;
    };
    for (int d = 0; d < kWeekDays; ++d) {
        WeekDaySummary& sum = out.days[d];
        sum.date = add_days(request_.monday, d);
        sum.available = sum.date >= request_.today;
        if (static_cast<std::size_t>(d) >= best.days.size()) continue;
        const std::vector<int>& order = best.days[static_cast<std::size_t>(d)];
        const DayTiming t = time_day(p, d, order);
        int at = p.days[static_cast<std::size_t>(d)].start_node;
        for (std::size_t k = 0; k < order.size(); ++k) {
            const int s = order[k];
            const StopRef& ref = refs_[static_cast<std::size_t>(s)];
            WeekVisit v;
            v.day = d;
            v.account_id = ref.account_id;
            v.activity_id = ref.activity_id;
            v.candidate = ref.candidate;
            v.start_minute = t.stops[k].start;
            v.duration = p.stops[static_cast<std::size_t>(s)].duration;
            v.drive_minutes = t.stops[k].drive_minutes;
            v.value = ref.value;
            v.moved = !ref.activity_id.empty() &&
                      (ref.from_day != d || ref.from_minute != v.start_minute);
            sum.km += km(at, p.stops[static_cast<std::size_t>(s)].node);
            at = p.stops[static_cast<std::size_t>(s)].node;
            ++sum.visits;
            if (ref.activity_id.empty()) {
                ++sum.new_visits;
                ++out.new_visits;
                out.new_value += ref.value;
            } else if (v.moved) {
                ++out.moved_visits;
            }
            out.visits.push_back(std::move(v));
        }
        if (!order.empty()) sum.km += km(at, p.days[static_cast<std::size_t>(d)].end_node);
        sum.drive_minutes = order.empty() ? 0 : t.drive_minutes;
        sum.leave = t.leave;
        sum.back = t.back;
        out.drive_minutes += sum.drive_minutes;
        out.km += sum.km;
    }
    out.left_out = unplannable_;
    for (int s : best.unassigned) {
        const StopRef& ref = refs_[static_cast<std::size_t>(s)];
        if (!ref.activity_id.empty()) {
            out.not_fitting.push_back(ref.activity_id);
            continue;
        }
        // Alone on an allowed day, does it fit at all?
        const RouteStop& stop = p.stops[static_cast<std::size_t>(s)];
        bool alone = false;
        int round_trip = 0;
        for (int d = 0; d < kWeekDays && !alone; ++d) {
            if (!(stop.days >> d & 1u)) continue;
            const DayTiming t = time_day(p, d, std::vector<int>{s});
            alone = t.feasible;
            round_trip = t.drive_minutes;
        }
        const VisitCandidate& c = request_.candidates[static_cast<std::size_t>(ref.candidate)];
        std::string reason;
        if (!alone && c.start_minute && c.day)
            reason =
                "cannot be there at " + format_clock(*c.start_minute) + " on " + kDayNames[*c.day];
        else if (!alone)
            reason = "too far for a working day (" + format_duration_minutes(round_trip) +
                     " of driving there and back)";
        else if (c.day)
            reason = std::string(kDayNames[*c.day]) + " is full with more valuable visits";
        else
            reason = "the week is full: more valuable visits took the time";
        out.left_out.push_back({ref.candidate, std::move(reason)});
    }
    std::sort(out.left_out.begin(), out.left_out.end(),
              [](const LeftOut& a, const LeftOut& b) { return a.candidate < b.candidate; });
    return out;
}

WeekProposal plan_week(const Plan& plan, WeekPlanRequest request, RouteSearchOptions options) {
    WeekPlanner planner(plan, std::move(request), options);
    while (!planner.step(1000)) {
    }
    return planner.proposal();
}

} // namespace footprint::core
