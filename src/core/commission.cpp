// Commission bands, extra rates and monthly payouts (see commission.h and docs/forecast.md).
#include "core/commission.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace footprint::core {

namespace {

__extension__ using Wide = __int128; // products of cents and basis points overflow 64 bits

Wide floor_div(Wide a, Wide b) {
    Wide q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

using FamilyOf = std::unordered_map<std::string_view, std::string_view>; // product id -> family

FamilyOf family_map(const Plan& plan) {
    FamilyOf m;
    m.reserve(plan.catalog.size() * 2);
    for (const Product& p : plan.catalog)
        m.emplace(p.id, p.family);
    return m;
}

DealExtraRate extra_rate(const CommissionPlan& c, const FamilyOf& family_of,
                         const Opportunity& deal) {
    DealExtraRate r;
    if (!c.family_bonus_bp.empty()) {
        for (const std::string& product : deal.products) {
            auto f = family_of.find(product);
            if (f == family_of.end()) continue;
            auto b = c.family_bonus_bp.find(std::string(f->second));
            if (b == c.family_bonus_bp.end() || b->second <= r.family_bp) continue;
            r.family_bp = b->second;
            r.family = b->first;
        }
    }
    if (deal.type == OpportunityType::WinBack) r.winback_bp = c.winback_bonus_bp;
    return r;
}

} // namespace

Cents mul_div_round(Cents amount, std::int64_t numerator, std::int64_t denominator) {
    if (denominator == 0) return 0;
    const Wide n = static_cast<Wide>(amount) * numerator;
    const Wide half = denominator / 2;
    const Wide q = denominator > 0 ? floor_div(n + half, denominator)
                                   : floor_div(-n + (-denominator) / 2, -denominator);
    return static_cast<Cents>(q);
}

std::vector<RateStep> rate_schedule(const CommissionPlan& plan) {
    std::vector<RateStep> steps{{0, plan.base_rate_bp}};
    std::vector<CommissionTier> tiers = plan.tiers;
    std::stable_sort(tiers.begin(), tiers.end(),
                     [](const CommissionTier& a, const CommissionTier& b) {
                         return a.from_attainment_pct < b.from_attainment_pct;
                     });
    for (const CommissionTier& t : tiers) {
        const int from = std::max(t.from_attainment_pct, 0);
        if (steps.back().from_pct == from)
            steps.back().rate_bp = t.rate_bp;
        else
            steps.push_back({from, t.rate_bp});
    }
    return steps;
}

std::vector<CommissionBand> commission_bands(const CommissionPlan& plan, Cents quota, Cents won) {
    const std::vector<RateStep> steps = rate_schedule(plan);
    std::vector<CommissionBand> out;
    if (quota <= 0) {
        CommissionBand b;
        b.rate_bp = steps.front().rate_bp;
        b.amount = std::max<Cents>(won, 0);
        b.payout = mul_div_round(b.amount, b.rate_bp, 10000);
        out.push_back(b);
        return out;
    }
    for (std::size_t i = 0; i < steps.size(); ++i) {
        CommissionBand b;
        b.from_pct = steps[i].from_pct;
        b.rate_bp = steps[i].rate_bp;
        b.from_amount = mul_div_round(quota, b.from_pct, 100);
        if (i + 1 < steps.size()) {
            b.to_pct = steps[i + 1].from_pct;
            b.to_amount = mul_div_round(quota, *b.to_pct, 100);
        }
        const Cents top = b.to_amount ? std::min(won, *b.to_amount) : won;
        b.amount = std::max<Cents>(0, top - b.from_amount);
        b.payout = mul_div_round(b.amount, b.rate_bp, 10000);
        out.push_back(b);
    }
    return out;
}

DealExtraRate deal_extra_rate(const Plan& plan, const Opportunity& deal) {
    return extra_rate(plan.commission, family_map(plan), deal);
}

std::vector<CommissionMonth> commission_by_month(const Plan& plan, YearMonth from, int months,
                                                 const DealOverlay* overlay) {
    months = std::max(months, 0);
    std::vector<CommissionMonth> out(static_cast<std::size_t>(months));
    // Extra-rate MRC per month, by family ("" is the win-back bonus): amount and deal count.
    struct Acc {
        Cents amount = 0;
        int deals = 0;
        int rate_bp = 0;
    };
    std::vector<std::map<std::string, Acc>> extras(out.size());
    for (int i = 0; i < months; ++i) {
        out[static_cast<std::size_t>(i)].month = YearMonth{from.index + i};
        out[static_cast<std::size_t>(i)].quota = quota_for(plan.quota, YearMonth{from.index + i});
    }

    std::unordered_map<std::string_view, const Stage*> stages;
    for (const Stage& s : plan.stages)
        stages.emplace(s.name, &s);
    const FamilyOf family_of = family_map(plan);
    const bool overlaid = overlay && !overlay->empty();
    for (const Opportunity& plan_deal : plan.opportunities) {
        const Opportunity* deal = &plan_deal;
        if (overlaid) {
            auto it = overlay->find(plan_deal.id);
            if (it != overlay->end()) deal = it->second;
        }
        const Opportunity& o = *deal;
        if (!o.close_date) continue;
        auto st = stages.find(o.stage);
        if (st == stages.end() || !st->second->closed || !st->second->won) continue;
        const int slot = YearMonth::of(*o.close_date).index - from.index;
        if (slot < 0 || slot >= months) continue;
        out[static_cast<std::size_t>(slot)].won += o.mrc;
        const DealExtraRate r = extra_rate(plan.commission, family_of, o);
        auto& acc = extras[static_cast<std::size_t>(slot)];
        if (r.family_bp > 0) {
            Acc& a = acc[r.family];
            a.amount += o.mrc;
            ++a.deals;
            a.rate_bp = r.family_bp;
        }
        if (r.winback_bp > 0) {
            Acc& a = acc[""];
            a.amount += o.mrc;
            ++a.deals;
            a.rate_bp = r.winback_bp;
        }
    }

    Cents ytd = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        CommissionMonth& m = out[i];
        if (i == 0 || m.month.month() == 1) ytd = 0;
        if (m.quota > 0)
            m.attainment_pct = static_cast<double>(m.won) * 100.0 / static_cast<double>(m.quota);
        m.bands = commission_bands(plan.commission, m.quota, m.won);
        for (const CommissionBand& b : m.bands)
            m.tier_payout += b.payout;
        // Families by name, then the win-back bonus ("" sorts first in the map: move it last).
        for (const auto& [family, a] : extras[i])
            if (!family.empty())
                m.extras.push_back({family, a.rate_bp, a.deals, a.amount,
                                    mul_div_round(a.amount, a.rate_bp, 10000)});
        if (auto wb = extras[i].find(""); wb != extras[i].end())
            m.extras.push_back({"", wb->second.rate_bp, wb->second.deals, wb->second.amount,
                                mul_div_round(wb->second.amount, wb->second.rate_bp, 10000)});
        for (const CommissionExtra& e : m.extras)
            m.extra_payout += e.payout;
        m.payout = m.tier_payout + m.extra_payout;
        ytd += m.payout;
        m.year_to_date = ytd;

        // The band the next cent falls in.
        for (std::size_t b = 0; b < m.bands.size(); ++b) {
            const CommissionBand& band = m.bands[b];
            if (band.to_amount && m.won >= *band.to_amount) continue;
            m.marginal_rate_bp = band.rate_bp;
            if (band.to_amount && b + 1 < m.bands.size()) {
                m.to_next_band = *band.to_amount - std::max<Cents>(m.won, 0);
                m.next_band_pct = m.bands[b + 1].from_pct;
                m.next_band_rate_bp = m.bands[b + 1].rate_bp;
            }
            break;
        }
    }
    return out;
}

std::vector<CommissionMonth> commit_commission_by_month(const Plan& plan, YearMonth from,
                                                        int months) {
    const Stage* won = nullptr;
    for (const Stage& s : plan.stages)
        if (s.closed && s.won) {
            won = &s;
            break;
        }
    std::vector<Opportunity> landed;
    if (won)
        for (const Opportunity& o : plan.opportunities) {
            if (!o.close_date || deal_state(plan, o) != DealState::Open) continue;
            if (forecast_bucket(DealState::Open, o.forecast_category) != ForecastBucket::Commit)
                continue;
            const int slot = YearMonth::of(*o.close_date).index - from.index;
            if (slot < 0 || slot >= months) continue;
            Opportunity w = o;
            w.stage = won->name; // closes on its own close date, unlike a move on the board
            landed.push_back(std::move(w));
        }
    const DealOverlay overlay = overlay_of(landed);
    return commission_by_month(plan, from, months, &overlay);
}

std::vector<std::string> check_commission_plan(const CommissionPlan& plan) {
    std::vector<std::string> problems;
    constexpr int kMaxRate = 1000000, kMaxPct = 100000;
    if (plan.base_rate_bp < 0 || plan.base_rate_bp > kMaxRate)
        problems.push_back("The base rate must be between 0% and 10,000%.");
    for (std::size_t i = 0; i < plan.tiers.size(); ++i) {
        const CommissionTier& t = plan.tiers[i];
        const std::string name = "Tier " + std::to_string(i + 1);
        if (t.from_attainment_pct < 0 || t.from_attainment_pct > kMaxPct)
            problems.push_back(name + " must start between 0% and 100,000% of quota.");
        if (t.rate_bp < 0 || t.rate_bp > kMaxRate)
            problems.push_back(name + "'s rate must be between 0% and 10,000%.");
        if (i > 0 && t.from_attainment_pct <= plan.tiers[i - 1].from_attainment_pct)
            problems.push_back(name + " starts at " + std::to_string(t.from_attainment_pct) +
                               "%, not above tier " + std::to_string(i) + " (" +
                               std::to_string(plan.tiers[i - 1].from_attainment_pct) + "%).");
    }
    for (const auto& [family, bp] : plan.family_bonus_bp) {
        if (family.empty()) problems.push_back("A family bonus needs a product family.");
        if (bp < 0 || bp > kMaxRate)
            problems.push_back("The " + family + " bonus must be between 0% and 10,000%.");
    }
    if (plan.winback_bonus_bp < 0 || plan.winback_bonus_bp > kMaxRate)
        problems.push_back("The win-back bonus must be between 0% and 10,000%.");
    return problems;
}

} // namespace footprint::core
