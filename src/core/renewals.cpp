// The renewal desk (see renewals.h).
#include "core/renewals.h"

#include <algorithm>

namespace footprint::core {

std::optional<Date> notice_deadline(const Service& service, const Settings& settings) {
    if (!service.contract_end) return std::nullopt;
    const int days = service.notice_days.value_or(settings.renewal_notice_days);
    return add_days(*service.contract_end, -std::max(days, 0));
}

std::optional<RenewalRow> renewal_of(const Plan& plan, const AccountLinks& links,
                                     std::size_t account, Date today,
                                     const RenewalOptions& options) {
    RenewalRow row;
    if (!renewal_into(plan, links, account, today, row, options)) return std::nullopt;
    return row;
}

bool renewal_into(const Plan& plan, const AccountLinks& links, std::size_t account, Date today,
                  RenewalRow& row, const RenewalOptions& options) {
    const Account& a = plan.accounts[account];
    if (a.status != AccountStatus::Client) return false;
    auto services = std::move(row.services); // the row starts afresh but keeps this list's memory
    services.clear();
    row = RenewalRow{};
    row.account = account;
    row.services = std::move(services);
    int auto_count = 0;
    for (std::size_t i = 0; i < a.services.size(); ++i) {
        const Service& s = a.services[i];
        if (!s.contract_end) continue;
        const int left = days_between(today, *s.contract_end);
        if (left > options.horizon_days || left < -options.lapsed_days) continue;
        row.services.push_back(i);
        row.mrc += s.mrc;
        auto_count += s.auto_renew;
    }
    if (row.services.empty()) return false;
    // Soonest end first, ties in plan order: an insertion sort (a handful of services; no buffer
    // to allocate, as std::stable_sort would).
    for (std::size_t i = 1; i < row.services.size(); ++i) {
        const std::size_t k = row.services[i];
        const Date end = *a.services[k].contract_end;
        std::size_t j = i;
        for (; j > 0 && end < *a.services[row.services[j - 1]].contract_end; --j) row.services[j] = row.services[j - 1];
        row.services[j] = k;
    }
    row.end = *a.services[row.services.front()].contract_end;
    row.days_left = days_between(today, row.end);
    row.notice_by = *notice_deadline(a.services[row.services.front()], plan.settings);
    int best_term = 0, best_count = 0; // the usual term; a tie goes to the longer one
    for (std::size_t i : row.services) {
        const Service& s = a.services[i];
        row.notice_by = std::min(row.notice_by, *notice_deadline(s, plan.settings));
        if (s.term_months <= 0) continue;
        int count = 0;
        for (std::size_t j : row.services) count += a.services[j].term_months == s.term_months;
        if (count > best_count || (count == best_count && s.term_months > best_term)) {
            best_term = s.term_months;
            best_count = count;
        }
    }
    if (best_term > 0) row.term_months = best_term;
    row.days_to_notice = days_between(today, row.notice_by);
    const int n = static_cast<int>(row.services.size());
    row.auto_renew = auto_count == 0 ? AutoRenew::None : auto_count == n ? AutoRenew::All : AutoRenew::Some;
    row.deal = renewal_deal(plan, links, row);
    return true;
}

LinkedDeal renewal_deal(const Plan& plan, const AccountLinks& links, const RenewalRow& row) {
    return find_deal(plan, links, row.account, add_days(row.end, -kRenewalMatchBeforeDays),
                     add_days(row.end, kRenewalMatchAfterDays),
                     [](const Opportunity& o) { return o.type == OpportunityType::Renewal; });
}

std::vector<RenewalRow> renewal_desk(const Plan& plan, const AccountLinks& links, Date today,
                                     const RenewalOptions& options) {
    std::vector<RenewalRow> rows;
    for (std::size_t i = 0; i < plan.accounts.size(); ++i)
        if (auto row = renewal_of(plan, links, i, today, options)) rows.push_back(std::move(*row));
    sort_renewals(rows);
    return rows;
}

void sort_renewals(std::vector<RenewalRow>& rows) {
    std::sort(rows.begin(), rows.end(), [](const RenewalRow& x, const RenewalRow& y) {
        if (x.days_left != y.days_left) return x.days_left < y.days_left;
        if (x.mrc != y.mrc) return x.mrc > y.mrc;
        return x.account < y.account;
    });
}

} // namespace footprint::core
