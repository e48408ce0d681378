// `footprint forecast`: the monthly forecast table of a plan file, as CSV or JSON.
#include "cli/cli.h"
#include "core/forecast_table.h"
#include "core/plan_json.h"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace footprint::cli {

namespace {

core::YearMonth this_month() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return core::YearMonth::of(local.tm_year + 1900, local.tm_mon + 1);
}

int run_forecast(std::span<const std::string_view> argv) {
    Args args = parse_args(argv, {}, {"--from", "--months", "--format"});
    if (!args.error.empty()) return usage_error("forecast", args.error);
    if (args.positional.size() != 1) return usage_error("forecast", "expected one PLAN file");

    core::YearMonth from = this_month();
    if (auto v = args.value("--from")) {
        auto ym = core::parse_year_month(*v);
        if (!ym) return usage_error("forecast", "--from must be a month as YYYY-MM, like 2026-01");
        from = *ym;
    }
    int months = 12;
    if (auto v = args.value("--months")) {
        const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), months);
        if (ec != std::errc() || end != v->data() + v->size() || months < 1 || months > 120)
            return usage_error("forecast", "--months must be a whole number from 1 to 120");
    }
    const std::string_view format = args.value("--format").value_or("csv");
    if (format != "csv" && format != "json")
        return usage_error("forecast", "--format must be csv or json");

    const std::string path(args.positional[0]);
    std::string error;
    std::optional<std::string> text = read_file(path, error);
    if (!text) {
        std::fprintf(stderr, "footprint: %s\n", error.c_str());
        return kExitFailure;
    }
    core::LoadResult r = core::read_plan(*text);
    if (!r.plan) {
        for (const core::Problem& p : r.problems)
            std::fprintf(stderr, "%s\n", core::format_problem(path, p).c_str());
        return kExitFailure;
    }
    if (format == "csv") {
        const std::string csv = core::forecast_csv(*r.plan, from, months);
        std::fwrite(csv.data(), 1, csv.size(), stdout);
    } else {
        std::printf("%s\n", core::forecast_json(*r.plan, from, months).dump(2).c_str());
    }
    return kExitOk;
}

const Command kForecastCommands[] = {
    {"forecast", "footprint forecast PLAN [--from YYYY-MM] [--months N] [--format csv|json]",
     "Print the monthly forecast: quota, closed won, commit, best case, attainment, commission.",
     run_forecast},
};

} // namespace

std::span<const Command> forecast_commands() {
    return kForecastCommands;
}

} // namespace footprint::cli
