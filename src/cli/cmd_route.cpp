// Route commands: `route --tsplib FILE` (solve a TSPLIB instance) and `route --plan PLAN --date
// DAY` (a day's itinerary, optionally optimised, exported to iCalendar or CSV).
#include "cli/cli.h"
#include "core/day_plan.h"
#include "core/format.h"
#include "core/plan_json.h"
#include "core/route_export.h"
#include "core/tsp.h"
#include "core/tsplib.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace footprint::cli {

namespace {

std::optional<double> parse_number(std::string_view s) {
    const std::string t(s);
    char* end = nullptr;
    const double v = std::strtod(t.c_str(), &end);
    if (t.empty() || end != t.c_str() + t.size()) return std::nullopt;
    return v;
}

int run_tsplib(const Args& args, const std::string& path) {
    double limit_s = 1.0;
    core::TourSearchOptions o;
    if (auto v = args.value("--time-limit")) {
        const auto n = parse_number(*v);
        if (!n || *n <= 0 || *n > 86400)
            return usage_error("route", "--time-limit takes seconds, like 1 or 0.5");
        limit_s = *n;
    }
    if (auto v = args.value("--seed")) {
        const auto n = parse_number(*v);
        if (!n || *n < 0 || *n != static_cast<double>(static_cast<std::uint64_t>(*n)))
            return usage_error("route", "--seed takes a whole number");
        o.seed = static_cast<std::uint64_t>(*n);
    }
    if (auto v = args.value("--kicks")) {
        const auto n = parse_number(*v);
        if (!n || *n < 0 || *n != static_cast<double>(static_cast<std::int64_t>(*n)))
            return usage_error("route", "--kicks takes a whole number");
        o.max_kicks = static_cast<std::int64_t>(*n);
        if (!args.value("--time-limit")) limit_s = 0; // a kick budget alone: reproducible anywhere
    }
    o.time_limit_ms = limit_s * 1000;
    std::string error;
    const std::optional<std::string> text = read_file(path, error);
    if (!text) {
        std::fprintf(stderr, "footprint: %s\n", error.c_str());
        return kExitFailure;
    }
    const core::TsplibResult r = core::read_tsplib(*text, path);
    if (!r.instance) {
        std::fprintf(stderr, "%s\n", r.error.c_str());
        return kExitFailure;
    }
    const core::CostMatrix costs = core::tsplib_costs(*r.instance);
    std::vector<int> tour;
    std::int64_t length = 0;
    std::string how;
    if (args.has("--baseline")) {
        const auto t0 = std::chrono::steady_clock::now();
        tour = core::nearest_neighbour_tour(costs, 0);
        core::two_opt_plain(costs, tour);
        length = core::tour_length(costs, tour);
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count();
        char buf[96];
        std::snprintf(buf, sizeof buf, "nearest neighbour + 2-opt, %.0f ms", ms);
        how = buf;
    } else {
        const core::TourResult t = core::solve_tour(costs, o);
        tour = t.tour;
        length = t.length;
        char buf[128];
        if (t.optimal)
            std::snprintf(buf, sizeof buf, "optimal (Held-Karp), %.0f ms", t.ms);
        else
            std::snprintf(buf, sizeof buf, "iterated local search, seed %llu, %lld kicks, %.0f ms",
                          static_cast<unsigned long long>(o.seed), static_cast<long long>(t.kicks),
                          t.ms);
        how = buf;
    }
    std::printf("name: %s\n", r.instance->name.c_str());
    std::printf("nodes: %d (%.*s)\n", costs.size(),
                static_cast<int>(core::to_string(r.instance->metric).size()),
                core::to_string(r.instance->metric).data());
    std::printf("length: %lld\n", static_cast<long long>(length));
    std::printf("method: %s\n", how.c_str());
    std::printf("tour:");
    for (int v : tour)
        std::printf(" %d", v + 1); // TSPLIB numbers nodes from 1
    std::printf("\n");
    return kExitOk;
}

std::string pad(std::string s, std::size_t w) {
    std::size_t chars = 0;
    for (unsigned char c : s)
        chars += (c & 0xC0) != 0x80;
    if (chars < w) s.append(w - chars, ' ');
    return s;
}

void print_day(const core::Plan& plan, core::Date date) {
    const core::DayRoute r = core::day_route(plan, date);
    static const char* const kWeekday[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                           "Friday", "Saturday", "Sunday"};
    std::printf("%s, %s\n", kWeekday[core::weekday(date)], core::format_date(date).c_str());
    if (r.stops.empty() && r.unrouted.empty()) {
        std::printf("No visits planned.\n");
        return;
    }
    std::printf("Working hours %s - %s, lunch %s (%d min)\n",
                core::format_clock(r.hours.start).c_str(), core::format_clock(r.hours.end).c_str(),
                core::format_clock(r.hours.lunch_start).c_str(), r.hours.lunch_minutes);
    std::printf("\n %s  %s  %s  %s  %s  %s  %s\n", pad("#", 2).c_str(), pad("Arrive", 8).c_str(),
                pad("Start", 8).c_str(), pad("End", 8).c_str(), pad("Drive", 7).c_str(),
                pad("km", 6).c_str(), "Visit");
    if (!r.stops.empty())
        std::printf(" %s  %s  %s  %s  %s  %s  Leave %s%s\n", pad("", 2).c_str(), pad("", 8).c_str(),
                    pad("", 8).c_str(), pad(core::format_clock(r.leave), 8).c_str(),
                    pad("", 7).c_str(), pad("", 6).c_str(), r.start.label.c_str(),
                    r.start.point ? "" : " (no home base: starts at the first visit)");
    char km[32];
    for (const core::DayStop& s : r.stops) {
        std::snprintf(km, sizeof km, "%.1f", s.drive_km);
        std::string what = s.account ? s.account->name : "Unknown account";
        if (s.fixed) what += " [appointment]";
        if (s.locked) what += " [locked]";
        if (s.done) what += " [checked in]";
        std::printf(" %s  %s  %s  %s  %s  %s  %s\n", pad(std::to_string(s.number), 2).c_str(),
                    pad(core::format_clock(s.arrive), 8).c_str(),
                    pad(core::format_clock(s.start), 8).c_str(),
                    pad(core::format_clock(s.end), 8).c_str(),
                    pad(std::to_string(s.drive_minutes) + " min", 7).c_str(), pad(km, 6).c_str(),
                    what.c_str());
        if (!s.issue_text.empty())
            std::printf(" %s  %s  %s\n", pad("", 2).c_str(), pad("", 8).c_str(),
                        ("! " + s.issue_text).c_str());
    }
    if (!r.stops.empty()) {
        std::snprintf(km, sizeof km, "%.1f", r.back_km);
        std::printf(" %s  %s  %s  %s  %s  %s  Back at %s\n", pad("", 2).c_str(),
                    pad(core::format_clock(r.back), 8).c_str(), pad("", 8).c_str(),
                    pad("", 8).c_str(),
                    pad(std::to_string(r.back_drive_minutes) + " min", 7).c_str(),
                    pad(km, 6).c_str(), r.end.label.c_str());
        std::snprintf(km, sizeof km, "%.1f km (%.1f mi)", r.km, r.km / core::kKmPerMile);
        std::printf("\n%zu visit%s, %s driving, %s, %s in meetings\n", r.stops.size(),
                    r.stops.size() == 1 ? "" : "s",
                    core::format_duration_minutes(r.drive_minutes).c_str(), km,
                    core::format_duration_minutes(r.meeting_minutes).c_str());
    }
    if (!r.unrouted.empty()) {
        std::printf("\nNot on the route:\n");
        for (const core::DayStop& s : r.unrouted)
            std::printf("  %s: %s\n", s.account ? s.account->name.c_str() : "Unknown account",
                        s.issue_text.c_str());
    }
}

int run_plan_day(const Args& args, const std::string& path) {
    const std::optional<std::string_view> day = args.value("--date");
    if (!day) return usage_error("route", "--plan needs --date YYYY-MM-DD");
    const std::optional<core::Date> date = core::parse_iso_date(*day);
    if (!date) {
        std::string why = "\"";
        why += *day;
        why += "\" is not a date (expected YYYY-MM-DD)";
        return usage_error("route", why);
    }
    std::optional<core::Plan> read = read_plan_file(std::string(path));
    if (!read) return kExitFailure;
    core::Plan plan = std::move(*read);
    std::string error;
    if (args.has("--optimize") || args.has("--write")) {
        core::RouteSearchOptions o;
        if (auto v = args.value("--seed")) {
            const auto n = parse_number(*v);
            if (!n || *n < 0) return usage_error("route", "--seed takes a whole number");
            o.seed = static_cast<std::uint64_t>(*n);
        }
        if (auto v = args.value("--time-limit")) {
            const auto n = parse_number(*v);
            if (!n || *n <= 0)
                return usage_error("route", "--time-limit takes seconds, like 1 or 0.5");
            o.time_limit_ms = *n * 1000;
        }
        core::DayOptimizer opt(plan, *date, o);
        while (!opt.step(1000)) {
        }
        const core::DayOptimizer::Outcome out = opt.outcome(plan);
        const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
        for (const core::Activity& a : out.changed)
            for (core::Activity& b : plan.activities)
                if (b.id == a.id) {
                    b = a;
                    b.modified = core::Timestamp{now};
                }
        std::printf(
            "Optimized%s: %d visit%s on the route, %d that do%s not fit; driving %s -> %s\n\n",
            opt.proven_optimal() ? " (provably optimal)" : "", out.kept, out.kept == 1 ? "" : "s",
            out.dropped, out.dropped == 1 ? "es" : "",
            core::format_duration_minutes(out.drive_minutes_before).c_str(),
            core::format_duration_minutes(out.drive_minutes_after).c_str());
        if (args.has("--write")) {
            plan.modified = core::Timestamp{now};
            if (!write_file_atomic(path, core::write_plan(plan), error)) {
                std::fprintf(stderr, "footprint: %s\n", error.c_str());
                return kExitFailure;
            }
        }
    }
    print_day(plan, *date);
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    if (auto out = args.value("--ics")) {
        core::ExportCounts n;
        const std::string ics = core::export_ics(plan, {*date}, core::Timestamp{now}, {}, &n);
        if (!write_file_atomic(std::string(*out), ics, error)) {
            std::fprintf(stderr, "footprint: %s\n", error.c_str());
            return kExitFailure;
        }
        std::printf("\nWrote %d visit%s to %.*s\n", n.visits, n.visits == 1 ? "" : "s",
                    static_cast<int>(out->size()), out->data());
    }
    if (auto out = args.value("--csv")) {
        const std::string csv = core::export_itinerary_csv(plan, {*date});
        if (!write_file_atomic(std::string(*out), csv, error)) {
            std::fprintf(stderr, "footprint: %s\n", error.c_str());
            return kExitFailure;
        }
        std::printf("\nWrote the itinerary to %.*s\n", static_cast<int>(out->size()), out->data());
    }
    return kExitOk;
}

int run_route(std::span<const std::string_view> argv) {
    Args args = parse_args(
        argv, {"--baseline", "--optimize", "--write"},
        {"--tsplib", "--time-limit", "--seed", "--kicks", "--plan", "--date", "--ics", "--csv"});
    if (!args.error.empty()) return usage_error("route", args.error);
    if (!args.positional.empty())
        return usage_error("route", "unexpected argument " + std::string(args.positional[0]));
    const auto tsplib = args.value("--tsplib");
    const auto plan = args.value("--plan");
    if (tsplib && plan) return usage_error("route", "give either --tsplib or --plan, not both");
    if (tsplib) return run_tsplib(args, std::string(*tsplib));
    if (plan) return run_plan_day(args, std::string(*plan));
    return usage_error("route", "expected --tsplib FILE or --plan PLAN --date YYYY-MM-DD");
}

const Command kRouteCommands[] = {
    {"route",
     "footprint route --tsplib FILE [--time-limit SECONDS] [--seed N] [--kicks N] [--baseline]\n"
     "  footprint route --plan PLAN --date YYYY-MM-DD [--optimize [--write]] [--ics FILE] [--csv "
     "FILE]",
     "Solve a TSPLIB instance, or print (and optimise, export) a day's visits.", run_route},
};

} // namespace

std::span<const Command> route_commands() {
    return kRouteCommands;
}

} // namespace footprint::cli
