// Days and weeks of visits from a plan (src/core/day_plan.cpp, week_plan.cpp, visit_value.cpp):
// the day as it stands and why a visit does not fit, the optimised day keeping appointments, locks
// and check-ins, re-timing after a reorder, adding visits, planning a week, and the new plan fields
// on a round trip through the file format.
#include "core/day_plan.h"
#include "core/plan_json.h"
#include "core/visit_value.h"
#include "core/week_plan.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace footprint::core;

namespace {

constexpr double kKmPerDegree = 111.19508; // along a meridian, on the sphere travel.cpp uses

Date day(int y, int m, int d) {
    return date_from_ymd(y, m, d);
}
const Date kFriday = day(2026, 11, 27);

// Home at 40N 83W; an account `km` north of it. Speed 60 km/h and road factor 1: a minute a km.
LatLon north(double km) {
    return {40.0 + km / kKmPerDegree, -83.0};
}

Plan base_plan() {
    Plan p = make_empty_plan("p", "Test", Timestamp{});
    p.settings.home = LatLon{40.0, -83.0};
    p.settings.home_label = "Office";
    p.settings.average_speed_kmh = 60;
    p.settings.road_factor = 1.0;
    return p;
}

Account& add_account(Plan& p, std::string id, std::optional<LatLon> at) {
    Account a;
    a.id = id;
    a.name = "Account " + id;
    a.status = AccountStatus::Client;
    a.location = at;
    p.accounts.push_back(a);
    return p.accounts.back();
}

Activity& add_visit(Plan& p, std::string id, std::string account, std::optional<int> start,
                    int minutes = 60) {
    Activity a;
    a.id = std::move(id);
    a.account_id = std::move(account);
    a.type = ActivityType::Visit;
    a.date = kFriday;
    a.start_minute = start;
    a.duration_minutes = minutes;
    p.activities.push_back(a);
    return p.activities.back();
}

// Applies edited or new activities, as a command of Put<Activity> would.
void apply_edits(Plan& p, const std::vector<Activity>& changed) {
    for (const Activity& a : changed) {
        auto it = std::find_if(p.activities.begin(), p.activities.end(),
                               [&](const Activity& x) { return x.id == a.id; });
        if (it == p.activities.end())
            p.activities.push_back(a);
        else
            *it = a;
    }
}

const DayStop* stop_of(const DayRoute& r, const std::string& id) {
    for (const DayStop& s : r.stops)
        if (s.visit->id == id) return &s;
    for (const DayStop& s : r.unrouted)
        if (s.visit->id == id) return &s;
    return nullptr;
}

std::vector<std::string> route_ids(const DayRoute& r) {
    std::vector<std::string> ids;
    for (const DayStop& s : r.stops)
        ids.push_back(s.visit->id);
    return ids;
}

} // namespace

TEST_CASE("the day as it stands: times, drives, and what is wrong with each stop") {
    Plan p = base_plan();
    add_account(p, "a", north(10));
    add_account(p, "b", north(20));
    add_account(p, "c", north(30));
    add_account(p, "nowhere", std::nullopt);
    add_visit(p, "v1", "a", 9 * 60);                    // planned at 9:00
    add_visit(p, "v2", "b", 10 * 60).fixed_time = true; // an appointment at 10:00
    add_visit(p, "v3", "c", 16 * 60 + 50);              // runs past 17:30
    add_visit(p, "v4", "nowhere", 14 * 60);
    add_visit(p, "v5", "a", std::nullopt);
    Activity other; // a call: never part of a route
    other.id = "call";
    other.account_id = "a";
    other.type = ActivityType::Call;
    other.date = kFriday;
    other.start_minute = 9 * 60;
    p.activities.push_back(other);

    const DayRoute r = day_route(p, kFriday);
    CHECK(r.start.label == "Office");
    REQUIRE(r.stops.size() == 3);
    CHECK(route_ids(r) == std::vector<std::string>{"v1", "v2", "v3"});
    CHECK(r.stops[0].number == 1);
    CHECK(r.leave == 8 * 60 + 50); // leaves in time for 9:00, no earlier
    CHECK(r.stops[0].arrive == 9 * 60);
    CHECK(r.stops[0].drive_minutes == 10);
    CHECK(r.stops[0].drive_km == doctest::Approx(10.0).epsilon(0.001));
    CHECK(r.stops[1].arrive == 10 * 60 + 10); // 9:00 + 60 min + 10 min: late for 10:00
    CHECK(r.stops[1].issue == StopIssue::Late);
    CHECK(r.stops[1].issue_text == "arrives 10:10 AM, 10 min after the 10:00 AM appointment");
    CHECK(r.stops[2].issue == StopIssue::AfterHours);
    CHECK(r.stops[2].issue_text == "ends 5:50 PM, after working hours end at 5:30 PM");
    CHECK(r.problems == 2);
    CHECK(r.drive_minutes == 10 + 10 + 10 + 30);
    CHECK(r.km == doctest::Approx(60.0).epsilon(0.001));
    CHECK(r.back == 17 * 60 + 50 + 30);

    // The document's index finds the same accounts as the pass over all of them.
    PlanIndex index;
    index.rebuild(p);
    const DayRoute indexed = day_route(p, kFriday, &index);
    CHECK(route_ids(indexed) == route_ids(r));
    CHECK(indexed.stops[1].issue_text == r.stops[1].issue_text);
    CHECK(indexed.drive_minutes == r.drive_minutes);
    CHECK(indexed.unrouted.size() == r.unrouted.size());

    REQUIRE(r.unrouted.size() == 2);
    CHECK(stop_of(r, "v4")->issue == StopIssue::NoLocation);
    CHECK(stop_of(r, "v4")->issue_text ==
          "no location: add the account's address to put it on the route");
    CHECK(stop_of(r, "v5")->issue == StopIssue::NotScheduled);
    CHECK(stop_of(r, "v5")->issue_text ==
          "doesn't fit: arrives 6:10 PM, after working hours end at 5:30 PM");

    // Without a home base the route starts at its first stop.
    p.settings.home.reset();
    const DayRoute open = day_route(p, kFriday);
    CHECK(open.stops[0].drive_minutes == 0);
    CHECK(open.back_drive_minutes == 0);
    CHECK(open.leave == 9 * 60);
}

TEST_CASE("a visit behind its planned time, and one over lunch, are flagged but not blocking") {
    Plan p = base_plan();
    add_account(p, "a", north(30));
    add_account(p, "b", north(30));
    add_visit(p, "v1", "a", 8 * 60, 60);       // arrives 8:30, not 8:00
    add_visit(p, "v2", "b", 11 * 60 + 45, 60); // 11:45 to 12:45: over lunch
    const DayRoute r = day_route(p, kFriday);
    CHECK(r.stops[0].issue == StopIssue::BehindPlan);
    CHECK(r.stops[0].issue_text == "arrives 8:30 AM, 30 min after its planned 8:00 AM start");
    CHECK(r.stops[0].start == 8 * 60 + 30);
    CHECK(r.stops[1].issue == StopIssue::OverLunch);
    CHECK(r.stops[1].issue_text == "overlaps lunch (12:00 PM – 12:45 PM)");
    CHECK(r.problems == 0);
}

TEST_CASE("optimising a day keeps appointments, locks and check-ins, and drops what cannot fit") {
    Plan p = base_plan();
    // A zig-zag order the optimiser must straighten: 30, 5, 25, 10 km north, and one far away.
    add_account(p, "a", north(30));
    add_account(p, "b", north(5));
    add_account(p, "c", north(25));
    add_account(p, "d", north(10));
    add_account(p, "far", north(400));
    add_visit(p, "v1", "a", 8 * 60 + 30, 45);
    add_visit(p, "v2", "b", 10 * 60, 45);
    add_visit(p, "v3", "c", 11 * 60, 45).fixed_time = true; // appointment at 11:00
    add_visit(p, "v4", "d", 14 * 60, 45);
    add_visit(p, "v5", "far", 15 * 60, 45);
    const DayRoute before = day_route(p, kFriday);

    DayOptimizer opt(p, kFriday);
    while (!opt.step(5)) {
    }
    CHECK(opt.proven_optimal());
    const DayOptimizer::Outcome out = opt.outcome(p);
    CHECK(out.kept == 4);
    CHECK(out.dropped == 1);
    CHECK(out.drive_minutes_before == before.drive_minutes);
    CHECK(out.drive_minutes_after < out.drive_minutes_before);
    apply_edits(p, out.changed);
    const DayRoute after = day_route(p, kFriday);
    CHECK(after.problems == 0);
    CHECK(stop_of(after, "v3")->start == 11 * 60); // the appointment kept its time
    // The far visit no longer has a time, and says why.
    const DayStop* far = stop_of(after, "v5");
    CHECK(far->issue == StopIssue::NotScheduled);
    CHECK(far->issue_text.rfind("doesn't fit: arrives ", 0) == 0);
    for (const DayStop& s : after.stops)
        CHECK(s.issue == StopIssue::None);
    CHECK(after.drive_minutes == out.drive_minutes_after);

    // Lock the last visit in first place: it stays first after optimising again.
    std::vector<std::string> order = route_ids(after);
    auto locked = std::find_if(p.activities.begin(), p.activities.end(),
                               [&](const Activity& a) { return a.id == order.back(); });
    locked->locked = true;
    apply_edits(p, retime_day(p, kFriday, {order.back(), order[0], order[1], order[2]}));
    CHECK(route_ids(day_route(p, kFriday)).front() == order.back());
    DayOptimizer again(p, kFriday);
    while (!again.step(5)) {
    }
    apply_edits(p, again.outcome(p).changed);
    const DayRoute relocked = day_route(p, kFriday);
    CHECK(route_ids(relocked).front() == order.back());
    CHECK(stop_of(relocked, "v3")->start == 11 * 60);
}

TEST_CASE("re-timing after a reorder packs flexible visits and leaves appointments alone") {
    Plan p = base_plan();
    add_account(p, "a", north(10));
    add_account(p, "b", north(20));
    add_visit(p, "v1", "a", 13 * 60, 30);
    add_visit(p, "v2", "b", 15 * 60, 30).fixed_time = true;
    const std::vector<Activity> changed = retime_day(p, kFriday, {"v2", "v1"});
    REQUIRE(changed.size() == 1); // the appointment keeps its time
    CHECK(changed[0].id == "v1");
    CHECK(changed[0].start_minute ==
          15 * 60 + 30 + 10); // after the 3:00 PM meeting and a 10-minute drive
}

TEST_CASE("adding visits schedules each after the last one when it fits, and says why not") {
    Plan p = base_plan();
    p.settings.work_end_minute = 12 * 60;
    add_account(p, "a", north(0));
    add_account(p, "near", north(15));
    add_account(p, "far", north(1.79 * kKmPerDegree));
    add_account(p, "nowhere", std::nullopt);
    add_visit(p, "v1", "a", 9 * 60, 60);
    std::vector<const Account*> accs;
    for (const char* id : {"near", "far", "nowhere"})
        accs.push_back(&*std::find_if(p.accounts.begin(), p.accounts.end(),
                                      [&](const Account& a) { return a.id == id; }));
    const std::vector<Activity> made = add_visits(p, kFriday, accs, {"n1", "n2", "n3"});
    REQUIRE(made.size() == 3);
    CHECK(made[0].type == ActivityType::Visit);
    CHECK(made[0].duration_minutes == p.settings.default_meeting_minutes);
    CHECK(made[0].start_minute == 10 * 60 + 15); // 10:00 + 15 minutes of driving
    CHECK_FALSE(made[1].start_minute);
    CHECK_FALSE(made[2].start_minute);
    apply_edits(p, made);
    const DayRoute r = day_route(p, kFriday);
    CHECK(stop_of(r, "n2")->issue_text ==
          "doesn't fit: arrives 2:05 PM, after working hours end at 12:00 PM");
    CHECK(stop_of(r, "n3")->issue == StopIssue::NoLocation);
}

TEST_CASE("the start and end of a day can be set for that day only") {
    Plan p = base_plan();
    add_account(p, "a", north(10));
    add_visit(p, "v1", "a", 9 * 60, 60);
    RouteDayPlaces places;
    places.start = RoutePlace{"Home", north(10)};
    p.settings.route_days[kFriday] = places;
    const DayRoute r = day_route(p, kFriday);
    CHECK(r.start.label == "Home");
    CHECK(r.start.overridden);
    CHECK(r.end.label == "Office");
    CHECK(r.stops[0].drive_minutes == 0);
    CHECK(r.back_drive_minutes == 10);
    CHECK(day_route(p, add_days(kFriday, -1)).start.label == "Office");
}

TEST_CASE("visit value: renewals due within 90 days and weighted open pipeline") {
    Plan p = base_plan();
    Account& a = add_account(p, "a", north(1));
    Service s1;
    s1.id = "s1";
    s1.mrc = 100000;
    s1.contract_end = add_days(kFriday, 30);
    Service s2;
    s2.id = "s2";
    s2.mrc = 50000;
    s2.contract_end = add_days(kFriday, 200); // not due yet
    a.services = {s1, s2};
    Opportunity o;
    o.id = "o1";
    o.account_id = "a";
    o.stage = "Prospecting";
    o.mrc = 200000;
    o.probability = 25;
    p.opportunities.push_back(o);
    const VisitValue v = visit_value(p, p.accounts[0], kFriday);
    CHECK(v.value == 100000 + 50000);
    CHECK(v.why == "Renewal $1,000/mo ends Dec 27 · Open deal $2,000/mo at 25%");
}

TEST_CASE("planning a week fits the most valuable visits and keeps appointments") {
    Plan p = base_plan();
    const Date monday = day(2026, 11, 23);
    // Twelve accounts in two clusters, a far one, one without a location.
    std::vector<VisitCandidate> cands;
    for (int i = 0; i < 12; ++i) {
        const std::string id = "c" + std::to_string(i);
        add_account(p, id, i < 6 ? north(10 + i) : LatLon{40.0, -83.0 + 0.3 + 0.01 * i});
        VisitCandidate c;
        c.account_id = id;
        c.location = p.accounts.back().location;
        c.value = 1000 * (i + 1);
        c.meeting_minutes = 60;
        cands.push_back(c);
    }
    add_account(p, "far", north(900));
    cands.push_back(
        {"far", p.accounts.back().location, 999999, 60, std::nullopt, std::nullopt, ""});
    add_account(p, "nowhere", std::nullopt);
    cands.push_back({"nowhere", std::nullopt, 5000, 60, std::nullopt, std::nullopt, ""});
    // An appointment on Wednesday stays where it is.
    add_account(p, "appt", north(3));
    Activity& fixed = add_visit(p, "fixed", "appt", 10 * 60, 60);
    fixed.date = add_days(monday, 2);
    fixed.fixed_time = true;
    // Only two working hours a day: the twelve cannot all fit.
    p.settings.work_start_minute = 9 * 60;
    p.settings.work_end_minute = 11 * 60 + 30;

    WeekPlanRequest req;
    req.monday = monday;
    req.today = add_days(monday, 1); // Monday is past
    req.candidates = cands;
    RouteSearchOptions o;
    o.time_limit_ms = 0;
    o.max_iterations = 400;
    const WeekProposal w = plan_week(p, req, o);
    CHECK_FALSE(w.days[0].available);
    CHECK(w.days[0].visits == 0);
    // The appointment is on Wednesday at 10:00.
    const auto appt = std::find_if(w.visits.begin(), w.visits.end(),
                                   [](const WeekVisit& v) { return v.activity_id == "fixed"; });
    REQUIRE(appt != w.visits.end());
    CHECK(appt->day == 2);
    CHECK(appt->start_minute == 10 * 60);
    CHECK_FALSE(appt->moved);
    // The far and the unlocated ones are left out with their reasons.
    auto reason = [&](const std::string& id) {
        for (const LeftOut& l : w.left_out)
            if (cands[std::size_t(l.candidate)].account_id == id) return l.reason;
        return std::string();
    };
    CHECK(reason("nowhere") == "no location: add the account's address to plan a visit");
    CHECK(reason("far").rfind("too far for a working day", 0) == 0);
    CHECK(w.new_visits + static_cast<int>(w.left_out.size()) == static_cast<int>(cands.size()));
    // The best week, worked out by hand: a 9:00-11:30 day holds one visit in the east cluster
    // (31-35 minutes away, worth 7,000-12,000) or two in the north one (10-15 minutes away,
    // worth 1,000-6,000 each); Wednesday's appointment at 10:00 leaves no room. So Tuesday,
    // Thursday and Friday take 12,000, 11,000 and the northern pair 6,000 + 5,000 = 11,000
    // (better than the east's next, 10,000): 34,000 in all.
    CHECK(w.new_value == 34000);
    CHECK(w.new_visits == 4);
    // Every day of the proposal fits its hours once applied.
    Plan applied = p;
    int n = 0;
    for (const WeekVisit& v : w.visits) {
        if (!v.activity_id.empty()) continue;
        Activity a;
        a.id = "new" + std::to_string(n++);
        a.account_id = v.account_id;
        a.type = ActivityType::Visit;
        a.date = add_days(monday, v.day);
        a.start_minute = v.start_minute;
        a.duration_minutes = v.duration;
        applied.activities.push_back(a);
    }
    applied.settings = p.settings;
    for (int d = 1; d < kWeekDays; ++d)
        CHECK(day_route(applied, add_days(monday, d)).problems == 0);
}

TEST_CASE("week candidates: the top of the priority list, none already visited that week") {
    Plan p = base_plan();
    const Date monday = day(2026, 11, 23);
    for (int i = 0; i < 4; ++i) {
        Account& a = add_account(p, "a" + std::to_string(i), north(i + 1));
        Service s;
        s.id = "s" + std::to_string(i);
        s.mrc = 1000 * (i + 1);
        s.contract_end = add_days(monday, 20);
        a.services.push_back(s);
    }
    add_visit(p, "v", "a3", 9 * 60).date = add_days(monday, 1);
    const std::vector<VisitCandidate> c = week_candidates(p, monday, monday, 2);
    REQUIRE(c.size() == 2);
    // Equally urgent renewals: the most revenue at stake ranks first; a3 is visited already.
    CHECK(c[0].account_id == "a2");
    CHECK(c[1].account_id == "a1");
    CHECK(c[0].why == "Contract ends Dec 13 (in 20 days); notice deadline passed");
    // The same order and money as the desks' priority list: renewal MRC plus upsell value.
    const std::vector<AccountPriority> list = priority_list(p, monday);
    std::vector<std::string> order;
    for (const AccountPriority& pr : list)
        if (p.accounts[pr.account].id != "a3") order.push_back(p.accounts[pr.account].id);
    REQUIRE(order.size() >= 2);
    CHECK(order[0] == "a2");
    CHECK(order[1] == "a1");
    const auto a2 = std::find_if(list.begin(), list.end(),
                                 [&](const AccountPriority& pr) { return pr.account == 2; });
    REQUIRE(a2 != list.end());
    CHECK(a2->at_stake == 3000);
    CHECK(c[0].value == a2->at_stake + a2->upsell);
}

TEST_CASE("route fields round-trip through the plan file, and bad ones are problems") {
    Plan p = base_plan();
    add_account(p, "a", north(1));
    Activity& v = add_visit(p, "v1", "a", 9 * 60);
    v.fixed_time = true;
    v.locked = true;
    v.checked_in = Timestamp{1795000000000};
    RouteDayPlaces places;
    places.start = RoutePlace{"Home, 12 Elm St", {40.1, -83.1}};
    places.end = RoutePlace{"Office", {40.0, -83.0}};
    p.settings.route_days[kFriday] = places;
    const std::string text = write_plan(p);
    CHECK(text.find("\"route_days\":{\"2026-11-27\":{\"start\":{\"label\":\"Home, 12 Elm St\"") !=
          std::string::npos);
    const LoadResult r = read_plan(text);
    REQUIRE(r.plan);
    CHECK(write_plan(*r.plan) == text);
    const Activity& back = r.plan->activities[0];
    CHECK(back.fixed_time);
    CHECK(back.locked);
    CHECK(back.checked_in == Timestamp{1795000000000});
    CHECK(r.plan->settings.route_days.at(kFriday).start->label == "Home, 12 Elm St");

    // Unset fields are not written at all.
    Plan plain = base_plan();
    add_account(plain, "a", north(1));
    add_visit(plain, "v1", "a", 9 * 60);
    const std::string t2 = write_plan(plain);
    CHECK(t2.find("fixed_time") == std::string::npos);
    CHECK(t2.find("route_days") == std::string::npos);

    std::string bad = text;
    bad.replace(bad.find("\"2026-11-27\""), 12, "\"2026-11-31\"");
    const LoadResult rb = read_plan(bad);
    REQUIRE_FALSE(rb.plan);
    CHECK(format_problem("x", rb.problems[0]) ==
          "x: /settings/route_days/2026-11-31: \"2026-11-31\" is not a date (expected YYYY-MM-DD)");
    std::string bad2 = text;
    bad2.replace(bad2.find("\"locked\":true"), 13, "\"locked\":1");
    const LoadResult rb2 = read_plan(bad2);
    REQUIRE_FALSE(rb2.plan);
    CHECK(rb2.problems[0].path == "/activities/0/locked");
}

TEST_CASE("optimizing today keeps what already happened and plans the rest from now") {
    Plan p = base_plan();
    add_account(p, "a", north(10));
    add_account(p, "b", north(20));
    add_account(p, "c", north(5));
    add_visit(p, "past", "a", 9 * 60, 60);         // 9:00-10:00, before now
    add_visit(p, "later", "b", 15 * 60, 45);       // flexible, this afternoon
    add_visit(p, "new", "c", std::nullopt, 45);    // no time yet
    DayOptimizer opt(p, kFriday, {}, 11 * 60 + 2); // it is 11:02
    while (!opt.step(5)) {
    }
    apply_edits(p, opt.outcome(p).changed);
    const DayRoute r = day_route(p, kFriday);
    CHECK(stop_of(r, "past")->start == 9 * 60); // unchanged
    for (const DayStop& s : r.stops)
        if (s.visit->id != "past") CHECK(s.start >= 11 * 60 + 5);
    CHECK(r.problems == 0);
    // The first visit after now leaves from where the morning ended (10 km north), not the office.
    const DayStop* first = stop_of(r, route_ids(r)[1]);
    CHECK(first->start == 11 * 60 + 5 + (first->visit->id == "new" ? 5 : 10));
}

TEST_CASE("a week keeps planned visits where they are unless asked, and caps visits a day") {
    Plan p = base_plan();
    const Date monday = day(2026, 11, 23);
    std::vector<VisitCandidate> cands;
    for (int i = 0; i < 8; ++i) {
        const std::string id = "c" + std::to_string(i);
        add_account(p, id, north(5 + i));
        cands.push_back({id, p.accounts.back().location, 1000, 45, std::nullopt, std::nullopt, ""});
    }
    add_account(p, "far", north(60));
    Activity& planned = add_visit(p, "planned", "far", 14 * 60, 45); // flexible, Tuesday 2 PM
    planned.date = add_days(monday, 1);
    WeekPlanRequest req;
    req.monday = monday;
    req.today = monday;
    req.candidates = cands;
    req.max_visits_per_day = 2;
    RouteSearchOptions o;
    o.time_limit_ms = 0;
    o.max_iterations = 300;
    const WeekProposal w = plan_week(p, req, o);
    int per_day[kWeekDays] = {};
    for (const WeekVisit& v : w.visits) {
        ++per_day[v.day];
        if (v.activity_id == "planned") {
            CHECK(v.day == 1);
            CHECK(v.start_minute == 14 * 60);
            CHECK_FALSE(v.moved);
        }
    }
    for (int d = 0; d < kWeekDays; ++d)
        CHECK(per_day[d] <= 2);
    CHECK(w.new_visits == 8); // ten places, Tuesday's planned visit takes one: room for all eight
    CHECK(w.moved_visits == 0);

    req.move_planned = true;
    req.max_visits_per_day = 0;
    const WeekProposal free = plan_week(p, req, o);
    CHECK(free.new_visits == 8);
}

TEST_CASE(
    "meetings and events are busy: new visits go around them, set times over them are flagged") {
    Plan p = base_plan();
    add_account(p, "a", north(5));
    add_account(p, "b", north(6));
    add_account(p, "m", north(7));
    p.accounts.back().name = "Silverpine";
    Activity meeting;
    meeting.id = "meet";
    meeting.account_id = "m";
    meeting.type = ActivityType::Meeting;
    meeting.date = kFriday;
    meeting.start_minute = 8 * 60 + 30;
    meeting.duration_minutes = 90; // 8:30-10:00
    p.activities.push_back(meeting);
    Activity call = meeting; // a call is not busy: it fits between visits
    call.id = "call";
    call.type = ActivityType::Call;
    call.start_minute = 10 * 60;
    call.duration_minutes = 15;
    p.activities.push_back(call);
    const DayHours h = day_hours(p, kFriday);
    REQUIRE(h.busy.size() == 1);
    CHECK(h.busy[0] == std::pair<int, int>{8 * 60 + 30, 10 * 60});

    const std::vector<Activity> made =
        add_visits(p, kFriday, {&p.accounts[0], &p.accounts[1]}, {"v1", "v2"});
    REQUIRE(made.size() == 2);
    CHECK(made[0].start_minute == 10 * 60); // 8:05 would run into the 8:30 meeting: after it
    apply_edits(p, made);
    DayRoute r = day_route(p, kFriday);
    for (const DayStop& s : r.stops)
        CHECK((s.end <= 8 * 60 + 30 || s.start >= 10 * 60));
    CHECK(r.problems == 0);

    auto v1 = std::find_if(p.activities.begin(), p.activities.end(),
                           [](const Activity& a) { return a.id == "v1"; });
    v1->start_minute = 9 * 60;
    v1->fixed_time = true;
    r = day_route(p, kFriday);
    CHECK(stop_of(r, "v1")->issue == StopIssue::Conflict);
    CHECK(stop_of(r, "v1")->issue_text == "overlaps the 8:30 AM meeting with Silverpine");
}
