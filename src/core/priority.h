// "This week": one priority score per account that explains itself, from the renewal, win-back
// and whitespace desks and the last touch, weighted by settings.priority_weights.
#pragma once

#include "core/renewals.h"
#include "core/whitespace.h"
#include "core/winback.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace footprint::core {

enum class PriorityFactor { Renewal, Revenue, Winback, Upsell, Recency };
inline constexpr int kPriorityFactors = 5;
inline int factor_index(PriorityFactor f) { return static_cast<int>(f); }

// Each factor is a level from 0 to 1; the score is the weighted mean of the levels, times 100:
//   renewal  1 - d / 180, d = days to the notice deadline while it is ahead, else to the contract
//            end; 1 when out of contract; 0 when the renewal is won or lost
//   revenue  MRC at stake (up for renewal, or a win-back in or near its window) / the plan's 90th
//            percentile of MRC at stake, at most 1
//   winback  window open: 0.6 + 0.4 * (1 - days to the competitor's end / window length), 1 once
//            the end has passed; opening within 30 days: 0.3 * (1 - days to opening / 30); 0 after
//            a win-back was won or lost in the last 180 days
//   upsell   open whitespace value / the plan's 90th percentile of it, at most 1
//   recency  days since the last activity / 60, at most 1 (1 when not touched in the last year);
//            0 when an activity is planned in the next 7 days
inline constexpr int kRenewalUrgencyDays = 180;
inline constexpr int kRecencyFullDays = 60;
inline constexpr int kPlannedSoonDays = 7;
inline constexpr int kWinbackRampDays = 30;

struct AccountPriority {
    std::size_t account = kNoIndex;
    double score = 0; // 0..100
    std::array<float, kPriorityFactors> level{};  // 0..1 per factor
    std::array<float, kPriorityFactors> points{}; // weighted contribution; they add up to score
    Cents at_stake = 0;   // MRC up for renewal or to win back
    Cents upsell = 0;     // open whitespace value
    std::int32_t renewal = -1, winback = -1, whitespace = -1; // rows in DeskData, -1 none
};

// Everything the Desks view shows, computed in one pass over the plan.
struct DeskData {
    Date today;
    AccountLinks links;
    std::vector<RenewalRow> renewals;  // horizon 180 days, lapsed 90
    std::vector<WinbackRow> winbacks;
    Whitespace whitespace;
    std::vector<AccountPriority> priorities; // every account with a score above 0, highest first
    Cents revenue_scale = 0; // the 90th percentiles the revenue and upsell levels divide by
    Cents upsell_scale = 0;
    // Scratch kept for its memory between recomputations: every account's score, and the keys the
    // list is sorted by.
    std::vector<AccountPriority> scratch;
    struct SortKey {
        double score;
        Cents stake;
        std::uint32_t account;
    };
    std::vector<SortKey> keys, sorting; // sorting: the radix sort's second buffer
};

// Every desk in one pass over the plan; bench/bench_desks.cpp measures it on 100,000 accounts.
DeskData compute_desks(const Plan& plan, Date today);
// The same into `desks`, reusing the memory of its previous result (what the view does per edit).
void compute_desks(const Plan& plan, Date today, DeskData& desks);

// compute_desks in slices, for the view to spread a big plan's recomputation over frames. `plan`
// must not change until step() returns true; the job must not move (it refers to its own parts).
class DeskJob {
public:
    // `links` says what of reuse.links still holds (desk_update.h: link_reuse).
    DeskJob(const Plan& plan, Date today, DeskData reuse = {}, LinkReuse links = {});
    DeskJob(const DeskJob&) = delete;
    DeskJob& operator=(const DeskJob&) = delete;
    // Up to about `budget` records more; true once the result is complete.
    bool step(std::size_t budget);
    double progress() const; // 0..1
    DeskData& result() { return d_; }

private:
    enum class Phase { Links, Accounts, Prepare, Score, Sort, Done };
    const Plan& plan_;
    Date today_;
    DeskData d_;
    Phase phase_ = Phase::Links;
    std::optional<LinkBuilder> links_;
    std::optional<RuleEngine> engine_;
    std::optional<WhitespaceBuilder> whitespace_;
    std::size_t next_ = 0;
    std::size_t renewals_ = 0, winbacks_ = 0; // rows filled so far
    std::vector<Recommendation> recs_;        // scratch for the win-back estimates
};

// The priority list again, after a change of settings.priority_weights only: the desks' rows
// stay as they are. Much cheaper than compute_desks.
void rescore(const Plan& plan, Date today, DeskData& desks);

// The sorted priority list alone: what the week planner asks for ("who to visit").
std::vector<AccountPriority> priority_list(const Plan& plan, Date today);

// "Renewal urgency", "Revenue at stake", "Win-back window", "Upsell value", "Days since last touch".
const char* factor_label(PriorityFactor f);
// One sentence on a factor for this account: "Contract ends Mar 31 (in 21 days); notice deadline
// passed", "$4,200/mo up for renewal", "Never contacted".
std::string explain_factor(const Plan& plan, const DeskData& desks, const AccountPriority& p,
                           PriorityFactor f);

} // namespace footprint::core
