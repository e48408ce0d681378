// Gathering each account's opportunities and activities for the desks (see desk_common.h).
#include "core/desk_common.h"

#include <cstdlib>
#include <algorithm>
#include <cstring>
#include <string_view>

namespace footprint::core {

namespace {

// Account id -> index, open addressing on a 64-bit hash: the desks look up every activity's and
// opportunity's account, and a flat table has fewer cache misses than the node-based map. Two
// different ids with the same 64-bit hash are vanishingly unlikely (about 1 in 10^9 for a million
// accounts); a lookup compares hashes only.
std::uint64_t id_hash(std::string_view s); // defined below

} // namespace

std::uint64_t desk_id_hash(std::string_view s) { return id_hash(s); }

std::optional<std::size_t> AccountLinks::find_account(const std::string& id) const {
    if (id_table.empty()) return std::nullopt;
    const std::uint64_t h = id_hash(id);
    const std::size_t mask = id_table.size() - 1;
    for (std::size_t at = h & mask;; at = (at + 1) & mask) {
        if (id_table[at].index == UINT32_MAX) return std::nullopt;
        if (id_table[at].hash == h) return id_table[at].index;
    }
}

namespace {

std::uint64_t id_hash(std::string_view s) { // 8 bytes at a time, splitmix-style mixing
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + i, s.size() - i);
    h = (h ^ w) * 0x94D049BB133111EBull;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 32);
}

// The table is bigger than the caches: batches hash their ids first and ask for their slots
// (prefetch), so the misses overlap instead of coming one after another.
constexpr std::size_t kBatch = 32;
// Each id's characters sit in their own allocation: they are asked for kAhead records before they
// are hashed, and the records holding them twice as far ahead.
constexpr std::size_t kAhead = 16;
void prefetch_slot(const std::vector<AccountLinks::IdSlot>& slots, std::uint64_t h) {
    __builtin_prefetch(&slots[h & (slots.size() - 1)]);
}

void insert_hashed(std::vector<AccountLinks::IdSlot>& slots, std::uint64_t h, std::size_t i) {
    const std::size_t mask = slots.size() - 1;
    std::size_t at = h & mask;
    while (slots[at].index != UINT32_MAX && slots[at].hash != h) at = (at + 1) & mask;
    if (slots[at].index == UINT32_MAX) slots[at] = {h, static_cast<std::uint32_t>(i)};
}

std::optional<std::size_t> find_hashed(const std::vector<AccountLinks::IdSlot>& slots, std::uint64_t h) {
    const std::size_t mask = slots.size() - 1;
    for (std::size_t at = h & mask;; at = (at + 1) & mask) {
        if (slots[at].index == UINT32_MAX) return std::nullopt;
        if (slots[at].hash == h) return slots[at].index;
    }
}

} // namespace

AccountLinks link_accounts(const Plan& plan, Date today, std::optional<std::size_t> only) {
    AccountLinks links;
    link_accounts(plan, today, links, only);
    return links;
}

void link_accounts(const Plan& plan, Date today, AccountLinks& links, std::optional<std::size_t> only) {
    LinkBuilder b(plan, today, links, only);
    while (!b.step(SIZE_MAX)) {
    }
}

LinkBuilder::LinkBuilder(const Plan& plan, Date today, AccountLinks& out, std::optional<std::size_t> only,
                         LinkReuse reuse)
    : plan_(plan), today_(today), links_(out), only_(only && *only < plan.accounts.size() ? only : std::nullopt),
      reuse_(reuse) {
    const std::size_t n = plan.accounts.size();
    if (only_) reuse_ = {};
    const std::size_t kept = reuse_.accounts_before ? reuse_.accounts_before : n;
    if (kept > n || links_.last_touch.size() != kept) reuse_.activities = false; // touches of other accounts
    std::size_t before = reuse_.accounts && reuse_.accounts_before ? reuse_.accounts_before : n;
    // Accounts added at the end join the kept table while it stays at most half full.
    if (before > n || (before < n && links_.id_table.size() < 2 * n) || links_.account_hash.size() != before)
        reuse_.accounts = false, before = n;
    total_ = (only_ || reuse_.accounts ? n - before : n) + plan.opportunities.size() + n +
             (reuse_.activities ? 0 : plan.activities.size());
    if (only_ || (reuse_.accounts && before == n)) {
        phase_ = Phase::Opportunities;
    } else if (reuse_.accounts) {
        next_ = before; // the table phase adds only the new accounts
    } else {
        std::size_t cap = 16;
        while (cap < n * 2) cap <<= 1;
        links_.id_table.assign(cap, AccountLinks::IdSlot{});
    }
    links_.account_hash.resize(n);
    for (std::size_t i = 0; i < plan.stages.size(); ++i) stages_.emplace_back(&plan.stages[i].name, i);
    links_.deal_state.assign(plan.opportunities.size(), DealState::Open);
    links_.owner.assign(plan.opportunities.size(), UINT32_MAX);
    links_.opp_hash.assign(plan.opportunities.size(), 0);
    links_.opp_begin.assign(n + 1, 0);
    if (!reuse_.activities) {
        links_.last_touch.assign(n, std::nullopt);
        links_.next_planned.assign(n, std::nullopt);
        links_.last_touch_type.assign(n, ActivityType::Call);
    } else { // accounts added at the end have no touches (no activity changed)
        links_.last_touch.resize(n, std::nullopt);
        links_.next_planned.resize(n, std::nullopt);
        links_.last_touch_type.resize(n, ActivityType::Call);
    }
}

std::optional<std::size_t> LinkBuilder::account_of(const std::string& id) const {
    if (only_) return id == plan_.accounts[*only_].id ? only_ : std::nullopt;
    return find_hashed(links_.id_table, id_hash(id));
}

void LinkBuilder::touch(const Activity& act, std::size_t a) {
    if (act.date <= today_) {
        auto& last = links_.last_touch[a];
        if (!last || *last < act.date) {
            last = act.date;
            links_.last_touch_type[a] = act.type;
        }
    } else {
        auto& next = links_.next_planned[a];
        if (!next || act.date < *next) next = act.date;
    }
}

bool LinkBuilder::step(std::size_t budget) {
    const std::size_t n = plan_.accounts.size();
    auto slice = [&](std::size_t size) { // [next_, end) within the budget
        const std::size_t end = size - next_ > budget ? next_ + budget : size;
        budget -= end - next_;
        done_ += end - next_;
        return end;
    };
    while (budget > 0 && phase_ != Phase::Done) {
        switch (phase_) {
        case Phase::Table: {
            const std::size_t end = slice(n);
            std::uint64_t hash[kBatch];
            while (next_ < end) {
                const std::size_t m = std::min(kBatch, end - next_);
                for (std::size_t k = 0; k < m; ++k) {
                    const std::size_t i = next_ + k;
                    if (i + 2 * kAhead < n) __builtin_prefetch(&plan_.accounts[i + 2 * kAhead].id);
                    if (i + kAhead < n) __builtin_prefetch(plan_.accounts[i + kAhead].id.data());
                    hash[k] = id_hash(plan_.accounts[i].id);
                    prefetch_slot(links_.id_table, hash[k]);
                }
                for (std::size_t k = 0; k < m; ++k) {
                    insert_hashed(links_.id_table, hash[k], next_ + k);
                    links_.account_hash[next_ + k] = hash[k];
                }
                next_ += m;
            }
            if (next_ == n) {
                phase_ = Phase::Opportunities;
                next_ = 0;
            }
            break;
        }
        case Phase::Opportunities: {
            const std::size_t end = slice(plan_.opportunities.size());
            const std::size_t count = plan_.opportunities.size();
            for (; next_ < end; ++next_) {
                if (next_ + 2 * kAhead < count) __builtin_prefetch(&plan_.opportunities[next_ + 2 * kAhead].account_id);
                if (next_ + kAhead < count) {
                    const Opportunity& ahead = plan_.opportunities[next_ + kAhead];
                    __builtin_prefetch(ahead.id.data());
                    __builtin_prefetch(ahead.account_id.data());
                    __builtin_prefetch(ahead.stage.data());
                }
                const Opportunity& o = plan_.opportunities[next_];
                links_.opp_hash[next_] = id_hash(o.id);
                auto a = account_of(o.account_id);
                if (!a) continue;
                links_.owner[next_] = static_cast<std::uint32_t>(*a);
                ++links_.opp_begin[*a + 1];
                for (const auto& [name, i] : stages_) // the first stage of that name decides
                    if (*name == o.stage) {
                        const Stage& st = plan_.stages[i];
                        if (st.closed) links_.deal_state[next_] = st.won ? DealState::Won : DealState::Lost;
                        break;
                    }
            }
            if (next_ == plan_.opportunities.size()) {
                phase_ = Phase::Layout;
                next_ = 0;
            }
            break;
        }
        case Phase::Layout: { // group the opportunities by account: O(accounts), in one go
            budget -= std::min(budget, n);
            done_ += n;
            for (std::size_t i = 0; i < n; ++i) links_.opp_begin[i + 1] += links_.opp_begin[i];
            links_.opps.resize(links_.opp_begin[n]);
            links_.fill.assign(links_.opp_begin.begin(), links_.opp_begin.end() - 1);
            for (std::size_t k = 0; k < links_.owner.size(); ++k)
                if (links_.owner[k] != UINT32_MAX)
                    links_.opps[links_.fill[links_.owner[k]]++] = static_cast<std::uint32_t>(k);
            phase_ = reuse_.activities ? Phase::Done : Phase::Activities;
            next_ = 0;
            break;
        }
        case Phase::Activities: {
            const Date from = add_days(today_, -kTouchLookbackDays), to = add_days(today_, kPlannedLookaheadDays);
            const std::size_t end = slice(plan_.activities.size());
            if (only_) {
                for (; next_ < end; ++next_) {
                    const Activity& act = plan_.activities[next_];
                    if (act.date < from || to < act.date) continue;
                    if (auto a = account_of(act.account_id)) touch(act, *a);
                }
            }
            std::uint64_t hash[kBatch];
            std::uint32_t which[kBatch];
            while (next_ < end) {
                std::size_t m = 0;
                const std::size_t count = plan_.activities.size();
                for (; next_ < end && m < kBatch; ++next_) {
                    if (next_ + 2 * kAhead < count) {
                        __builtin_prefetch(&plan_.activities[next_ + 2 * kAhead].account_id);
                        __builtin_prefetch(&plan_.activities[next_ + 2 * kAhead].date);
                    }
                    if (next_ + kAhead < count) {
                        const Activity& ahead = plan_.activities[next_ + kAhead];
                        if (!(ahead.date < from || to < ahead.date)) __builtin_prefetch(ahead.account_id.data());
                    }
                    const Activity& act = plan_.activities[next_];
                    if (act.date < from || to < act.date) continue; // before the look-up: most are skipped
                    hash[m] = id_hash(act.account_id);
                    prefetch_slot(links_.id_table, hash[m]);
                    which[m++] = static_cast<std::uint32_t>(next_);
                }
                for (std::size_t k = 0; k < m; ++k)
                    if (auto a = find_hashed(links_.id_table, hash[k])) touch(plan_.activities[which[k]], *a);
            }
            if (next_ == plan_.activities.size()) phase_ = Phase::Done;
            break;
        }
        case Phase::Done: break;
        }
    }
    return phase_ == Phase::Done;
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
