// Report commands: `report activity|renewal|winback PLAN --from DATE --to DATE --format csv|json|html`.
#include "cli/cli.h"
#include "core/report_export.h"
#include "core/sample_plan.h"

#include <cstdio>
#include <ctime>

namespace footprint::cli {

namespace {

constexpr const char* kName = "report";

core::Date local_today() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return core::date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

// The period from --from/--to, or --week DATE (its Monday..Sunday), or --month YYYY-MM.
std::optional<core::Period> period_of(const Args& args, std::string& error) {
    const auto from = args.value("--from"), to = args.value("--to");
    const auto week = args.value("--week"), month = args.value("--month");
    const int given = (from || to ? 1 : 0) + (week ? 1 : 0) + (month ? 1 : 0);
    if (given != 1) {
        error = "give the period as --from DATE --to DATE, or --week DATE, or --month YYYY-MM";
        return std::nullopt;
    }
    if (week) {
        auto d = core::parse_iso_date(*week);
        if (!d) {
            error = "--week \"" + std::string(*week) +
                    "\": not a date (use YYYY-MM-DD, a day that exists)";
            return std::nullopt;
        }
        return core::week_of(*d);
    }
    if (month) {
        auto m = core::parse_year_month(*month);
        if (!m) {
            error = "--month \"" + std::string(*month) + "\": not a month (use YYYY-MM)";
            return std::nullopt;
        }
        return core::month_of(m->first_day());
    }
    if (!from || !to) {
        error = from ? "--to is missing" : "--from is missing";
        return std::nullopt;
    }
    return core::parse_period(*from, *to, error);
}

int run_report(std::span<const std::string_view> argv) {
    Args args = parse_args(argv, {"--sample"},
                           {"--from", "--to", "--week", "--month", "--format", "--out", "--today"});
    if (!args.error.empty()) return usage_error(kName, args.error);
    const bool sample = args.has("--sample");
    if (args.positional.empty()) return usage_error(kName, "expected a report: activity, renewal or winback");
    const auto kind = core::report_kind_from(args.positional[0]);
    if (!kind)
        return usage_error(kName, "unknown report \"" + std::string(args.positional[0]) +
                                      "\": expected activity, renewal or winback");
    if (sample != (args.positional.size() == 1) || args.positional.size() > 2)
        return usage_error(kName, "expected one PLAN file, or --sample");
    const std::string format(args.value("--format").value_or("csv"));
    if (format != "csv" && format != "json" && format != "html")
        return usage_error(kName, "--format \"" + format + "\": expected csv, json or html");
    std::string error;
    const auto period = period_of(args, error);
    if (!period) return usage_error(kName, error);
    core::Date today = local_today();
    if (auto t = args.value("--today")) {
        auto d = core::parse_iso_date(*t);
        if (!d) return usage_error(kName, "--today \"" + std::string(*t) + "\": not a date (use YYYY-MM-DD)");
        today = *d;
    }

    core::Plan plan;
    if (sample) {
        plan = core::make_sample_plan(today, core::Timestamp{0});
    } else {
        auto read = read_plan_file(std::string(args.positional[1]));
        if (!read) return kExitFailure;
        plan = std::move(*read);
    }

    std::string out;
    if (format == "html") {
        out = core::reports_html(plan, core::activity_period_report(plan, *period),
                                 core::renewal_report(plan, *period),
                                 core::winback_report(plan, *period), today);
    } else if (*kind == core::ReportKind::Activity) {
        const auto r = core::activity_period_report(plan, *period);
        out = format == "csv" ? core::activity_report_csv(plan, r)
                              : core::activity_report_json(plan, r).dump(2) + "\n";
    } else if (*kind == core::ReportKind::Renewal) {
        const auto r = core::renewal_report(plan, *period);
        out = format == "csv" ? core::renewal_report_csv(plan, r)
                              : core::renewal_report_json(plan, r).dump(2) + "\n";
    } else {
        const auto r = core::winback_report(plan, *period);
        out = format == "csv" ? core::winback_report_csv(plan, r)
                              : core::winback_report_json(plan, r).dump(2) + "\n";
    }
    if (auto path = args.value("--out")) {
        if (!write_file_atomic(std::string(*path), out, error)) {
            std::fprintf(stderr, "footprint: %s\n", error.c_str());
            return kExitFailure;
        }
        std::fprintf(stderr, "Wrote %s\n", std::string(*path).c_str());
        return kExitOk;
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return kExitOk;
}

constexpr Command kCommands[] = {
    {kName,
     "footprint report activity|renewal|winback (PLAN | --sample) (--from DATE --to DATE | "
     "--week DATE | --month YYYY-MM) [--format csv|json|html] [--out FILE]",
     "Print the sales activity, renewal or win-back report for a period (weeks start on Monday).", run_report},
};

} // namespace

std::span<const Command> report_commands() {
    return kCommands;
}

} // namespace footprint::cli
