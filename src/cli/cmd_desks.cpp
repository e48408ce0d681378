// Desk commands: `desks` prints who to call this week (renewals, win-backs, whitespace, priority).
#include "cli/cli.h"
#include "core/format.h"
#include "core/plan_json.h"
#include "core/priority.h"
#include "core/sample_plan.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace footprint::cli {

namespace {

core::Date local_today() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return core::date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

const char* deal_word(core::LinkState s) {
    switch (s) {
    case core::LinkState::None: return "none";
    case core::LinkState::Open: return "open";
    case core::LinkState::Won: return "won";
    case core::LinkState::Lost: return "lost";
    }
    return "";
}

int run_desks(std::span<const std::string_view> argv) {
    Args args = parse_args(argv, {"--sample"}, {"--today", "--top"});
    if (!args.error.empty()) return usage_error("desks", args.error);
    const bool sample = args.has("--sample");
    if (sample != args.positional.empty() || args.positional.size() > 1)
        return usage_error("desks", "expected one FILE, or --sample");
    core::Date today = local_today();
    if (auto t = args.value("--today")) {
        auto d = core::parse_iso_date(*t);
        if (!d) return usage_error("desks", "--today: \"" + std::string(*t) + "\" is not a date (YYYY-MM-DD)");
        today = *d;
    }
    int top = 15;
    if (auto n = args.value("--top")) {
        top = std::atoi(std::string(*n).c_str());
        if (top <= 0) return usage_error("desks", "--top: expected a positive number");
    }
    core::Plan plan;
    if (sample) {
        plan = core::make_sample_plan(today, core::Timestamp{0});
    } else {
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
        plan = std::move(*r.plan);
    }
    const auto start = std::chrono::steady_clock::now();
    const core::DeskData d = core::compute_desks(plan, today);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

    std::printf("Desks for %s, %s (computed in %.1f ms)\n\n", plan.name.c_str(),
                core::format_date(today).c_str(), ms);
    int due = 0;
    core::Cents due_mrc = 0;
    for (const core::RenewalRow& r : d.renewals)
        if (r.days_left >= 0 && r.days_left <= 90) {
            ++due;
            due_mrc += r.mrc;
        }
    int open_windows = 0;
    for (const core::WinbackRow& w : d.winbacks) open_windows += w.window == core::WindowState::Open;
    std::printf("Renewals       %d in the next 90 days (%s at stake), %zu in 180 days or out of contract\n",
                due, core::format_mrc_rounded(due_mrc).c_str(), d.renewals.size());
    std::printf("Win-backs      %d windows open of %zu former clients\n", open_windows, d.winbacks.size());
    std::printf("Whitespace     %s across %d %s\n\n", core::format_mrc_rounded(d.whitespace.open_value).c_str(),
                d.whitespace.accounts_with_open, d.whitespace.accounts_with_open == 1 ? "client" : "clients");
    std::printf("Who to call this week\n");
    for (std::size_t i = 0; i < d.priorities.size() && static_cast<int>(i) < top; ++i) {
        const core::AccountPriority& p = d.priorities[i];
        std::printf("%3zu. %5.1f  %s\n", i + 1, p.score, plan.accounts[p.account].name.c_str());
        for (int f = 0; f < core::kPriorityFactors; ++f) {
            if (p.points[static_cast<std::size_t>(f)] < 0.05) continue;
            const auto factor = static_cast<core::PriorityFactor>(f);
            std::printf("             %5.1f  %-22s %s\n", p.points[static_cast<std::size_t>(f)],
                        core::factor_label(factor), core::explain_factor(plan, d, p, factor).c_str());
        }
        if (p.renewal >= 0)
            std::printf("                    renewal opportunity: %s\n",
                        deal_word(d.renewals[static_cast<std::size_t>(p.renewal)].deal.state));
    }
    return kExitOk;
}

const Command kDeskCommands[] = {
    {"desks", "footprint desks (FILE | --sample) [--today YYYY-MM-DD] [--top N]",
     "Who to call this week: renewals, win-backs, whitespace and the priority list.", run_desks},
};

} // namespace

std::span<const Command> desk_commands() { return kDeskCommands; }

} // namespace footprint::cli
