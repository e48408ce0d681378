// The opportunities the desks create with one click: renewal, win-back and upsell, filled in from
// the desk row (products, amount, term, close date, next step). The caller gives the id.
#pragma once

#include "core/renewals.h"
#include "core/whitespace.h"
#include "core/winback.h"

#include <optional>

namespace footprint::core {

// Each starts in the plan's first open stage (with its probability and forecast category), owned
// by plan.owner. Nothing when the plan has no open stage to put it in.
//
// Renewal: the services due, their MRC, their usual term, closing on the contract end (today when
// that has passed: the contract lapsed and the renewal is overdue).
std::optional<Opportunity> renewal_opportunity(const Plan& plan, const RenewalRow& row, Date today);
// Win-back: what the former client had (or the estimate), closing on the competitor's likely end
// (at least 14 days out).
std::optional<Opportunity> winback_opportunity(const Plan& plan, const WinbackRow& row, Date today);
// Upsell: the recommended product, its quantity and monthly value, closing in 60 days.
std::optional<Opportunity> upsell_opportunity(const Plan& plan, std::size_t account,
                                              const Recommendation& rec, Date today);

inline constexpr int kWinbackMinLeadDays = 14;
inline constexpr int kUpsellCloseDays = 60;

} // namespace footprint::core
