// The renewal desk: clients whose contracts end soon (or just ended), what is at stake, the notice
// deadline, and the renewal opportunity that covers them.
#pragma once

#include "core/desk_common.h"

#include <optional>
#include <vector>

namespace footprint::core {

// The last day the contract lets either side give notice: contract end minus the service's
// notice_days (else settings.renewal_notice_days), in calendar days. Unset without a contract end.
std::optional<Date> notice_deadline(const Service& service, const Settings& settings);

enum class AutoRenew { None, Some, All };

// One account's contracts that end within the horizon (or ended within `lapsed_days`).
struct RenewalRow {
    std::size_t account = kNoIndex;
    std::vector<std::size_t> services; // indices into the account's services, soonest end first
    Cents mrc = 0;                     // monthly revenue of those services: what is at stake
    Date end;                          // the soonest contract end among them
    int days_left = 0;                 // end - today, calendar days; negative: out of contract
    Date notice_by;                    // the soonest notice deadline among them
    int days_to_notice = 0;            // notice_by - today
    AutoRenew auto_renew = AutoRenew::None;
    int term_months = kQuoteTermMonths; // the term a renewal proposes (their usual term)
    LinkedDeal deal;                    // the renewal opportunity that covers these contracts
};

struct RenewalOptions {
    int horizon_days = 180; // contracts ending today .. today + horizon
    int lapsed_days = 90;   // and those that ended up to this long ago (month to month now)
};

// A renewal opportunity covers a row when it is the account's open renewal, or a renewal that
// closed in the year before the contract end (or up to 90 days after it).
inline constexpr int kRenewalMatchBeforeDays = 365;
inline constexpr int kRenewalMatchAfterDays = 90;

// The row for one client, or nothing when none of its contracts is in the window.
std::optional<RenewalRow> renewal_of(const Plan& plan, const AccountLinks& links,
                                     std::size_t account, Date today,
                                     const RenewalOptions& options = {});
// The same into `row`, reusing its memory; false (and `row` unspecified) for no row.
bool renewal_into(const Plan& plan, const AccountLinks& links, std::size_t account, Date today,
                  RenewalRow& row, const RenewalOptions& options = {});
// The renewal opportunity that covers a row (its account and soonest end set).
LinkedDeal renewal_deal(const Plan& plan, const AccountLinks& links, const RenewalRow& row);

// Every client's row, most urgent first: by days left (out-of-contract first), then by MRC, then
// in plan order.
std::vector<RenewalRow> renewal_desk(const Plan& plan, const AccountLinks& links, Date today,
                                     const RenewalOptions& options = {});
void sort_renewals(std::vector<RenewalRow>& rows);

} // namespace footprint::core
