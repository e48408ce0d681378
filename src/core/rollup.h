// The team roll-up: several reps' plans read together (never changed) into one monthly forecast
// against the team quota, by rep, with each rep's deals, and its CSV and JSON exports.
#pragma once

#include "core/model.h"
#include "core/summary.h"

#include <optional>
#include <string>
#include <vector>

namespace footprint::core {

// One plan in the roll-up, reduced to what the roll-up reads: its stages, quota and deals, and the
// names of the accounts its deals are for (a 100,000-account plan keeps a few megabytes).
struct RollupPlan {
    std::string file_name;
    std::string rep; // the plan's owner, else its name
    Plan plan;       // accounts hold only id and name
};
RollupPlan make_rollup_plan(std::string file_name, Plan plan);

struct RollupOptions {
    YearMonth from;
    int months = 6;
    std::optional<Cents> team_quota; // a month's team quota; default: the sum of the reps'
};

struct RepForecast {
    std::string rep;
    std::vector<std::size_t> plans;   // positions in the plans given
    std::vector<MonthSummary> months; // monthly_forecast summed over the rep's plans
};

struct Rollup {
    YearMonth from;
    int months = 0;
    std::vector<RepForecast> reps;  // by name
    std::vector<MonthSummary> team; // the reps' months added up, with the team quota
    bool quota_overridden = false;
    std::vector<std::string> notes; // "Jordan Rivera has 2 plans: their quota is counted once"
};

// A rep with several plans has the highest of their monthly quotas (the same person's target is
// normally copied into each); the team quota is the sum of the reps' unless `options` sets one.
Rollup make_rollup(const std::vector<RollupPlan>& plans, const RollupOptions& options);

// The headline numbers over the roll-up's months (quota and amounts added up).
MonthKpis rollup_total(const std::vector<MonthSummary>& months);

struct RollupDeal {
    const Opportunity* deal = nullptr;
    const RollupPlan* plan = nullptr;
    std::string account; // name
    DealState state = DealState::Open;
};
// A rep's deals closing in the roll-up's months (open, won and lost), by close date.
std::vector<RollupDeal> rollup_deals(const std::vector<RollupPlan>& plans, const Rollup& rollup,
                                     const std::string& rep);

// One row per rep and month, then the team's row for the month: Month, Rep, Quota, Closed won,
// Commit, Best case, Pipeline, Weighted, Commit forecast, Attainment %, Gap (dollars).
std::string rollup_csv(const Rollup& rollup);
Json rollup_json(const Rollup& rollup);

} // namespace footprint::core
