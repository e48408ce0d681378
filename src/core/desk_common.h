// What the renewal, win-back, whitespace and priority desks share: each account's opportunities
// and activities, gathered in one pass, and the opportunity a desk row shows.
#pragma once

#include "core/date.h"
#include "core/model.h"
#include "core/summary.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

namespace footprint::core {

inline constexpr std::size_t kNoIndex = std::numeric_limits<std::size_t>::max();

// Per account (by index into plan.accounts): its opportunities, when it was last touched and the
// next activity planned. Built once per recomputation in O(accounts + opportunities + activities).
// Activities further back or ahead do not count: an account not touched in a year reads as such,
// and the look-up of each activity's account (the costly part at 100,000 accounts) is skipped.
inline constexpr int kTouchLookbackDays = 365;
inline constexpr int kPlannedLookaheadDays = 31;

struct AccountLinks {
    std::vector<std::uint32_t> opp_begin; // accounts + 1 offsets into `opps`
    std::vector<std::uint32_t> opps;      // indices into plan.opportunities, grouped by account
    std::vector<DealState> deal_state;    // per opportunity (by index into plan.opportunities)
    std::vector<std::optional<Date>> last_touch;   // latest activity, today or up to a year before
    std::vector<std::optional<Date>> next_planned; // earliest activity in the next 31 days
    std::vector<ActivityType> last_touch_type;
    // Scratch kept between recomputations so its memory is reused: the account id table.
    struct IdSlot {
        std::uint64_t hash = 0;
        std::uint32_t index = UINT32_MAX;
    };
    std::vector<IdSlot> id_table;
    std::vector<std::uint32_t> owner, fill; // owner: each opportunity's account (UINT32_MAX: none)
    std::vector<std::uint64_t> opp_hash;    // each opportunity's id hash, to tell edits from moves
    std::vector<std::uint64_t> account_hash; // each account's id hash, the same for accounts
    // The account with this id, through id_table (built with the links).
    std::optional<std::size_t> find_account(const std::string& id) const;

    std::span<const std::uint32_t> opportunities_of(std::size_t account) const {
        if (account + 1 >= opp_begin.size()) return {};
        return {opps.data() + opp_begin[account], opp_begin[account + 1] - opp_begin[account]};
    }
};

// With `only`, just that account's opportunities and activities are gathered (a one-click action
// on one row); the other accounts look as if they had none.
AccountLinks link_accounts(const Plan& plan, Date today, std::optional<std::size_t> only = std::nullopt);
// The same into `links`, reusing its memory.
void link_accounts(const Plan& plan, Date today, AccountLinks& links,
                   std::optional<std::size_t> only = std::nullopt);

// The hash the links use for ids (64 bits: equal hashes are taken as equal ids).
std::uint64_t desk_id_hash(std::string_view id);

// What a rebuild may keep from the links it replaces (the caller knows what did not change).
struct LinkReuse {
    bool accounts = false;   // no account was removed or moved: keep the id table
    // Keep last and next touches: no activity changed, and the touches are where the accounts
    // are (no account removed or moved, or the caller moved the touches with them).
    bool activities = false;
    // With `accounts`: how many accounts the kept links knew; those after them were added at the
    // end (they join the id table, with no activity touches). 0: as many as the plan has.
    std::size_t accounts_before = 0;
};

// link_accounts in slices, so a big plan's links can be built across several frames. `plan` must
// not change until step() returns true.
class LinkBuilder {
public:
    LinkBuilder(const Plan& plan, Date today, AccountLinks& out, std::optional<std::size_t> only = std::nullopt,
                LinkReuse reuse = {});
    // Up to `budget` records more (accounts, opportunities, activities); true once complete.
    bool step(std::size_t budget);
    std::size_t done() const { return done_; }
    std::size_t total() const { return total_; }

private:
    enum class Phase { Table, Opportunities, Layout, Activities, Done };
    std::optional<std::size_t> account_of(const std::string& id) const;
    void touch(const Activity& act, std::size_t account); // its account's last or next touch
    const Plan& plan_;
    Date today_;
    AccountLinks& links_;
    std::optional<std::size_t> only_;
    Phase phase_ = Phase::Table;
    LinkReuse reuse_;
    std::size_t next_ = 0, done_ = 0, total_ = 0;
    std::vector<std::pair<const std::string*, std::size_t>> stages_; // closed stages by name
};

// The opportunity a desk row shows for an account: none, open, won or lost.
enum class LinkState { None, Open, Won, Lost };
struct LinkedDeal {
    LinkState state = LinkState::None;
    std::size_t opportunity = kNoIndex; // index into plan.opportunities
};

// Among the account's opportunities that `matches`: an open one (the soonest to close, undated
// last), else the one that closed last with a close date in [from, to].
template <class Match>
LinkedDeal find_deal(const Plan& plan, const AccountLinks& links, std::size_t account,
                     Date from, Date to, Match matches) {
    LinkedDeal open, closed;
    for (std::uint32_t k : links.opportunities_of(account)) {
        const Opportunity& o = plan.opportunities[k];
        if (!matches(o)) continue;
        const DealState s = links.deal_state[k];
        if (s == DealState::Open) {
            const Opportunity* best = open.opportunity == kNoIndex ? nullptr : &plan.opportunities[open.opportunity];
            const bool earlier = !best || (o.close_date && (!best->close_date || *o.close_date < *best->close_date));
            if (earlier) open = {LinkState::Open, k};
            continue;
        }
        if (!o.close_date || *o.close_date < from || to < *o.close_date) continue;
        const Opportunity* best = closed.opportunity == kNoIndex ? nullptr : &plan.opportunities[closed.opportunity];
        if (!best || *best->close_date <= *o.close_date)
            closed = {s == DealState::Won ? LinkState::Won : LinkState::Lost, k};
    }
    return open.state != LinkState::None ? open : closed;
}

// The first stage that is not closed: where a new opportunity starts. nullptr when there is none.
const Stage* first_open_stage(const Plan& plan);

// The catalog product with this id, or nullptr.
const Product* find_product(const Plan& plan, std::string_view id);
// The product's monthly price for `term_months`, else the price of the nearest term (the shorter
// one on a tie), 0 without prices.
Cents catalog_price(const Product& product, int term_months);
// The term the desks price recommendations and new opportunities at.
inline constexpr int kQuoteTermMonths = 36;

// The passes over every account are bound by memory latency: each account's services sit in their
// own allocation. Asking for an account's services kServicesAhead accounts before it is reached
// lets those misses overlap.
inline constexpr std::size_t kServicesAhead = 8;
inline void prefetch_services(const Account& a) {
    const char* p = reinterpret_cast<const char*>(a.services.data());
    const std::size_t bytes = a.services.size() * sizeof(Service);
    for (std::size_t off = 0; off < bytes && off < 1024; off += 64) __builtin_prefetch(p + off);
}

// And the accounts further ahead than that: the lines the passes read (status and size, services,
// former-client details), so that reading an account's services to prefetch them does not wait.
inline constexpr std::size_t kAccountAhead = 32;
inline void prefetch_account(const Account& a) {
    __builtin_prefetch(&a.status);
    __builtin_prefetch(&a.services);
    __builtin_prefetch(&a.former);
}

// The local calendar day of an instant for a UTC offset in minutes (-300 for New York in winter).
// The app's clock gives today() in the browser's zone; this is the same rule for tests and tools.
Date local_day(Timestamp utc, int utc_offset_minutes);

} // namespace footprint::core
