// Gathering each account's opportunities and activities for the desks (see desk_common.h).
#include "core/desk_common.h"

#include <cstdlib>
#include <string_view>
#include <unordered_map>

namespace footprint::core {

namespace {

// Account id -> index, open addressing on a 64-bit hash: the desks look up every activity's and
// opportunity's account, and a flat table has fewer cache misses than the node-based map. Two
// different ids with the same 64-bit hash are vanishingly unlikely (about 1 in 10^9 for a million
// accounts); a lookup compares hashes only.
std::uint64_t id_hash(std::string_view s) { // FNV-1a, then a finaliser for the low bits
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    return h ^ (h >> 33);
}

void build_table(const Plan& plan, std::vector<AccountLinks::IdSlot>& slots) {
    std::size_t cap = 16;
    while (cap < plan.accounts.size() * 2) cap <<= 1;
    slots.assign(cap, AccountLinks::IdSlot{});
    const std::size_t mask = cap - 1;
    for (std::size_t i = 0; i < plan.accounts.size(); ++i) {
        const std::uint64_t h = id_hash(plan.accounts[i].id);
        std::size_t at = h & mask;
        while (slots[at].index != UINT32_MAX && slots[at].hash != h) at = (at + 1) & mask;
        if (slots[at].index == UINT32_MAX) slots[at] = {h, static_cast<std::uint32_t>(i)};
    }
}

std::optional<std::size_t> find_in(const std::vector<AccountLinks::IdSlot>& slots, const std::string& id) {
    const std::uint64_t h = id_hash(id);
    const std::size_t mask = slots.size() - 1;
    for (std::size_t at = h & mask;; at = (at + 1) & mask) {
        if (slots[at].index == UINT32_MAX) return std::nullopt;
        if (slots[at].hash == h) return slots[at].index;
    }
}

std::unordered_map<std::string_view, std::size_t> stage_indexes(const Plan& plan) {
    std::unordered_map<std::string_view, std::size_t> m;
    m.reserve(plan.stages.size() * 2);
    for (std::size_t i = 0; i < plan.stages.size(); ++i) m.emplace(plan.stages[i].name, i);
    return m;
}

} // namespace

AccountLinks link_accounts(const Plan& plan, Date today, std::optional<std::size_t> only) {
    AccountLinks links;
    link_accounts(plan, today, links, only);
    return links;
}

void link_accounts(const Plan& plan, Date today, AccountLinks& links, std::optional<std::size_t> only) {
    const std::size_t n = plan.accounts.size();
    const std::string* only_id = only && *only < n ? &plan.accounts[*only].id : nullptr;
    if (!only_id) build_table(plan, links.id_table);
    auto account_of = [&](const std::string& id) -> std::optional<std::size_t> {
        if (only_id) return id == *only_id ? only : std::nullopt;
        return find_in(links.id_table, id);
    };

    const auto stages = stage_indexes(plan);
    links.deal_state.assign(plan.opportunities.size(), DealState::Open);
    links.owner.assign(plan.opportunities.size(), UINT32_MAX);
    links.opp_begin.assign(n + 1, 0);
    for (std::size_t k = 0; k < plan.opportunities.size(); ++k) {
        const Opportunity& o = plan.opportunities[k];
        auto a = account_of(o.account_id);
        if (!a) continue;
        links.owner[k] = static_cast<std::uint32_t>(*a);
        ++links.opp_begin[*a + 1];
        if (auto s = stages.find(o.stage); s != stages.end() && plan.stages[s->second].closed)
            links.deal_state[k] = plan.stages[s->second].won ? DealState::Won : DealState::Lost;
    }
    for (std::size_t i = 0; i < n; ++i) links.opp_begin[i + 1] += links.opp_begin[i];
    links.opps.resize(links.opp_begin[n]);
    links.fill.assign(links.opp_begin.begin(), links.opp_begin.end() - 1);
    for (std::size_t k = 0; k < links.owner.size(); ++k)
        if (links.owner[k] != UINT32_MAX)
            links.opps[links.fill[links.owner[k]]++] = static_cast<std::uint32_t>(k);

    links.last_touch.assign(n, std::nullopt);
    links.next_planned.assign(n, std::nullopt);
    links.last_touch_type.assign(n, ActivityType::Call);
    const Date from = add_days(today, -kTouchLookbackDays), to = add_days(today, kPlannedLookaheadDays);
    for (const Activity& act : plan.activities) {
        if (act.date < from || to < act.date) continue; // before the look-up: most are skipped
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
