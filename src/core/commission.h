// Commission: what a month's closed-won MRC pays under the plan's commission plan. Tiers are
// marginal, like tax brackets: each dollar is paid at the rate of the attainment band it falls in.
// Extra rates for product families and win-backs are added on top. docs/forecast.md has the rule.
#pragma once

#include "core/forecast.h"
#include "core/model.h"

#include <optional>
#include <string>
#include <vector>

namespace footprint::core {

// amount * numerator / denominator rounded half up (towards +inf), exact for any Cents operands.
Cents mul_div_round(Cents amount, std::int64_t numerator, std::int64_t denominator);

// One step of the rate schedule: from `from_pct` attainment on, dollars earn `rate_bp`.
struct RateStep {
    int from_pct = 0;
    int rate_bp = 0;
};
// The schedule the plan describes: the base rate from 0% until the first tier, then each tier from
// its threshold (a tier at 0% replaces the base rate). Sorted by threshold; when two tiers share a
// threshold the later one wins. Never empty.
std::vector<RateStep> rate_schedule(const CommissionPlan& plan);

// The MRC won inside one attainment band, and what it pays.
struct CommissionBand {
    int from_pct = 0;
    std::optional<int> to_pct; // none for the last, uncapped band (and for a month without quota)
    int rate_bp = 0;
    Cents from_amount = 0; // MRC where the band starts (quota * from_pct / 100)
    std::optional<Cents> to_amount;
    Cents amount = 0; // MRC won inside the band
    Cents payout = 0; // amount * rate, rounded half up to the cent
};
// Splits `won` into the schedule's bands for a month whose quota is `quota`. Band boundaries are
// quota * threshold / 100 rounded to the cent; the dollar that reaches a boundary exactly is paid
// at the lower band's rate, dollars beyond it at the next. Every band is returned (amount 0 when
// not reached). Without a quota (quota <= 0) attainment is unknown: one band from 0% holds all of
// `won` at the 0% rate, and no accelerator applies.
std::vector<CommissionBand> commission_bands(const CommissionPlan& plan, Cents quota, Cents won);

// An extra rate paid on top of the tiers, for one month.
struct CommissionExtra {
    std::string family; // the product family ("ethernet"), or "" for the win-back bonus
    int rate_bp = 0;
    int deals = 0;
    Cents amount = 0; // MRC of the won deals that earn it
    Cents payout = 0; // amount * rate, rounded half up to the cent
};

// The family bonus and win-back bonus one deal earns when won. A deal earns the highest bonus among
// the families of its products (looked up in the plan's catalog); the win-back bonus is added for a
// win-back deal.
struct DealExtraRate {
    std::string family; // "" when no family bonus applies
    int family_bp = 0;
    int winback_bp = 0;
    int total_bp() const { return family_bp + winback_bp; }
};
DealExtraRate deal_extra_rate(const Plan& plan, const Opportunity& deal);

struct CommissionMonth {
    YearMonth month;
    Cents quota = 0;
    Cents won = 0;
    std::optional<double> attainment_pct; // none without a quota
    std::vector<CommissionBand> bands;
    std::vector<CommissionExtra> extras; // families by name, then the win-back bonus
    Cents tier_payout = 0;
    Cents extra_payout = 0;
    Cents payout = 0;         // tier_payout + extra_payout
    Cents year_to_date = 0;   // payouts from January (or the first month given) through this month
    int marginal_rate_bp = 0; // what the next dollar won this month earns (tiers only)
    std::optional<Cents> to_next_band; // MRC still to win before a higher band starts
    std::optional<int> next_band_pct;
    std::optional<int> next_band_rate_bp;
};

// The commission of each of `months` months from `from`, from the deals won in each month.
// `overlay` replaces some deals (a what-if), as in summarize_forecast.
std::vector<CommissionMonth> commission_by_month(const Plan& plan, YearMonth from, int months,
                                                 const DealOverlay* overlay = nullptr);

// The commission each month would pay if every open deal in the Commit category (or marked
// Closed) closed won on its close date: the payout the commit forecast implies.
std::vector<CommissionMonth> commit_commission_by_month(const Plan& plan, YearMonth from,
                                                        int months);

// Problems that make a commission plan unusable, as sentences for the editor ("Tier 2 starts at
// 100%, not above tier 1 (120%)."). Empty when the plan is fine.
std::vector<std::string> check_commission_plan(const CommissionPlan& plan);

} // namespace footprint::core
