// The win-back desk: former clients, when their competitor contract likely ends, whether the
// win-back window is open, what they are worth, and the win-back opportunity.
#pragma once

#include "core/desk_common.h"
#include "core/whitespace.h"

#include <optional>
#include <string>
#include <vector>

namespace footprint::core {

// A competitor contract that ended less than this long ago still counts as ending now: the client
// is month to month or in its renewal talks.
inline constexpr int kWinbackGraceDays = 30;

struct CompetitorEnd {
    Date end;
    bool estimated = true; // lost date + typical term, not a date the user entered
    int renewals = 0;      // whole terms added because the first end had passed (assumed renewed)
};

// When the former client's competitor contract likely ends: the entered competitor_contract_end,
// else lost_date + competitor_term_months. A date more than kWinbackGraceDays in the past is taken
// to have renewed for the same term, as many times as needed, each end computed from the first
// one (add_months(first, k * term)) so a contract ending on the 31st never drifts. None without a
// lost date or an entered end.
std::optional<CompetitorEnd> competitor_contract_end(const FormerClient& former, Date today);

enum class WindowState {
    Open,     // from window_days before the end until kWinbackGraceDays after it
    Upcoming, // the window opens later
    Unknown,  // no lost date and no entered end
};
// Where a former client's value comes from.
enum class ValueSource {
    None,
    Services,    // the services it had (former clients may keep them in the plan)
    Opportunity, // the account's latest renewal or win-back opportunity
    Estimate,    // the upsell rules on an account that holds nothing (Internet and Voice)
};

struct WinbackRow {
    std::size_t account = kNoIndex;
    std::optional<CompetitorEnd> competitor;
    WindowState window = WindowState::Unknown;
    Date window_opens;
    int days_to_end = 0;  // competitor end - today (negative: just ended)
    int days_to_open = 0; // window_opens - today (negative: open)
    Cents value = 0;      // monthly revenue a win-back brings
    ValueSource source = ValueSource::None;
    std::vector<std::string> products; // what a win-back offers (from the same source)
    std::size_t source_opportunity = kNoIndex;
    LinkedDeal deal; // the win-back opportunity (open, or closed in the last year)
};

inline constexpr int kWinbackLookbackDays = 365;

// `engine` estimates the value of a former client with no history (RuleEngine over `plan`).
std::optional<WinbackRow> winback_of(const Plan& plan, const AccountLinks& links,
                                     const RuleEngine& engine, std::size_t account, Date today);
// The same into `row`, reusing its memory (and `scratch`'s); false (and `row` unspecified) for no row.
bool winback_into(const Plan& plan, const AccountLinks& links, const RuleEngine& engine,
                  std::size_t account, Date today, WinbackRow& row, std::vector<Recommendation>& scratch);
// Every former client: open windows first (soonest competitor end first), then upcoming ones
// (soonest opening first), then unknown ones in plan order.
// The account's win-back opportunity: open, or closed within a year of today.
LinkedDeal winback_deal(const Plan& plan, const AccountLinks& links, std::size_t account, Date today);

std::vector<WinbackRow> winback_desk(const Plan& plan, const AccountLinks& links,
                                     const RuleEngine& engine, Date today);
void sort_winbacks(std::vector<WinbackRow>& rows);

} // namespace footprint::core
