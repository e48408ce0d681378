// Gathering each account's opportunities and activities for the desks (see desk_common.h).
#include "core/desk_common.h"

#include <cstdlib>
#include <string_view>
#include <unordered_map>

namespace footprint::core {

namespace {

std::unordered_map<std::string_view, std::size_t> stage_indexes(const Plan& plan) {
    std::unordered_map<std::string_view, std::size_t> m;
    m.reserve(plan.stages.size() * 2);
    for (std::size_t i = 0; i < plan.stages.size(); ++i) m.emplace(plan.stages[i].name, i);
    return m;
}

} // namespace

AccountLinks link_accounts(const Plan& plan, const PlanIndex& index, Date today,
                           std::optional<std::size_t> only) {
    AccountLinks links;
    const std::size_t n = plan.accounts.size();
    const std::string* only_id = only && *only < n ? &plan.accounts[*only].id : nullptr;
    auto account_of = [&](const std::string& id) -> std::optional<std::size_t> {
        if (only_id) return id == *only_id ? only : std::nullopt;
        auto i = index.account(id);
        return i && *i < n ? i : std::nullopt;
    };

    const auto stages = stage_indexes(plan);
    links.deal_state.resize(plan.opportunities.size(), DealState::Open);
    std::vector<std::uint32_t> owner(plan.opportunities.size(), UINT32_MAX);
    links.opp_begin.assign(n + 1, 0);
    for (std::size_t k = 0; k < plan.opportunities.size(); ++k) {
        const Opportunity& o = plan.opportunities[k];
        auto a = account_of(o.account_id);
        if (!a) continue;
        owner[k] = static_cast<std::uint32_t>(*a);
        ++links.opp_begin[*a + 1];
        if (auto s = stages.find(o.stage); s != stages.end() && plan.stages[s->second].closed)
            links.deal_state[k] = plan.stages[s->second].won ? DealState::Won : DealState::Lost;
    }
    for (std::size_t i = 0; i < n; ++i) links.opp_begin[i + 1] += links.opp_begin[i];
    links.opps.resize(links.opp_begin[n]);
    std::vector<std::uint32_t> fill(links.opp_begin.begin(), links.opp_begin.end() - 1);
    for (std::size_t k = 0; k < owner.size(); ++k)
        if (owner[k] != UINT32_MAX) links.opps[fill[owner[k]]++] = static_cast<std::uint32_t>(k);

    links.last_touch.assign(n, std::nullopt);
    links.next_planned.assign(n, std::nullopt);
    links.last_touch_type.assign(n, ActivityType::Call);
    for (const Activity& act : plan.activities) {
        auto a = account_of(act.account_id);
        if (!a) continue;
        if (act.date <= today) {
            auto& last = links.last_touch[*a];
            if (!last || *last < act.date) {
                last = act.date;
                links.last_touch_type[*a] = act.type;
            }
        } else {
            auto& next = links.next_planned[*a];
            if (!next || act.date < *next) next = act.date;
        }
    }
    return links;
}

const Stage* first_open_stage(const Plan& plan) {
    for (const Stage& s : plan.stages)
        if (!s.closed) return &s;
    return nullptr;
}

const Product* find_product(const Plan& plan, std::string_view id) {
    for (const Product& p : plan.catalog)
        if (p.id == id) return &p;
    return nullptr;
}

Cents catalog_price(const Product& product, int term_months) {
    const TermPrice* best = nullptr;
    for (const TermPrice& tp : product.prices) {
        if (!best) {
            best = &tp;
            continue;
        }
        const int d = std::abs(tp.term_months - term_months);
        const int bd = std::abs(best->term_months - term_months);
        if (d < bd || (d == bd && tp.term_months < best->term_months)) best = &tp;
    }
    return best ? best->mrc : 0;
}

Date local_day(Timestamp utc, int utc_offset_minutes) {
    constexpr std::int64_t kDayMs = 86'400'000;
    const std::int64_t local = utc.ms + std::int64_t{utc_offset_minutes} * 60'000;
    const std::int64_t days = local >= 0 ? local / kDayMs : (local - (kDayMs - 1)) / kDayMs;
    return Date{static_cast<std::int32_t>(days)};
}

} // namespace footprint::core
