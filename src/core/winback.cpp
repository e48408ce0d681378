// The win-back desk (see winback.h).
#include "core/winback.h"

#include <algorithm>

namespace footprint::core {

std::optional<CompetitorEnd> competitor_contract_end(const FormerClient& former, Date today) {
    const int term = former.competitor_term_months;
    CompetitorEnd out;
    // The k-th end counted from one anchor, never from the previous end (Jan 31 + 1 month is
    // Feb 28, and Feb 28 + 1 month would drift to Mar 28).
    auto end_at = [&](int k) {
        if (former.competitor_contract_end) return add_months(*former.competitor_contract_end, k * term);
        return add_months(*former.lost_date, (k + 1) * term);
    };
    if (former.competitor_contract_end) out.estimated = false;
    else if (!former.lost_date) return std::nullopt;
    out.end = end_at(0);
    if (term <= 0 || days_between(out.end, today) <= kWinbackGraceDays) return out;
    // Start a few terms short of today (cheap even for a 1-month term lost decades ago), then step.
    const int months = YearMonth::of(today).index - YearMonth::of(out.end).index;
    int k = std::max(0, months / term - 3);
    while (days_between(end_at(k), today) > kWinbackGraceDays) ++k;
    out.end = end_at(k);
    out.renewals = k;
    return out;
}

std::optional<WinbackRow> winback_of(const Plan& plan, const AccountLinks& links,
                                     const RuleEngine& engine, std::size_t account, Date today) {
    WinbackRow row;
    std::vector<Recommendation> scratch;
    if (!winback_into(plan, links, engine, account, today, row, scratch)) return std::nullopt;
    return row;
}

bool winback_into(const Plan& plan, const AccountLinks& links, const RuleEngine& engine,
                  std::size_t account, Date today, WinbackRow& row, std::vector<Recommendation>& recs) {
    const Account& a = plan.accounts[account];
    if (a.status != AccountStatus::Former) return false;
    auto products = std::move(row.products); // the row starts afresh but keeps this list's memory
    products.clear();
    row = WinbackRow{};
    row.account = account;
    row.products = std::move(products);
    row.competitor = competitor_contract_end(a.former, today);
    if (row.competitor) {
        row.window_opens = add_days(row.competitor->end, -std::max(plan.settings.winback_window_days, 0));
        row.days_to_end = days_between(today, row.competitor->end);
        row.days_to_open = days_between(today, row.window_opens);
        row.window = row.days_to_open <= 0 ? WindowState::Open : WindowState::Upcoming;
    }

    auto add_product = [&](const std::string& id) {
        if (!id.empty() && std::find(row.products.begin(), row.products.end(), id) == row.products.end())
            row.products.push_back(id);
    };
    for (const Service& s : a.services) {
        row.value += s.mrc;
        add_product(s.product);
    }
    if (row.value > 0) {
        row.source = ValueSource::Services;
    } else {
        row.products.clear();
        const Opportunity* latest = nullptr;
        for (std::uint32_t k : links.opportunities_of(account)) {
            const Opportunity& o = plan.opportunities[k];
            if (o.mrc <= 0 || (o.type != OpportunityType::Renewal && o.type != OpportunityType::WinBack))
                continue;
            const bool later = !latest || (o.close_date && (!latest->close_date || *latest->close_date <= *o.close_date));
            if (later) {
                latest = &o;
                row.source_opportunity = k;
            }
        }
        if (latest) {
            row.source = ValueSource::Opportunity;
            row.value = latest->mrc;
            for (const std::string& p : latest->products) add_product(p);
        } else {
            static const std::string kCore[] = {"internet", "voice"};
            recs.clear();
            engine.recommend(a, recs, true, kCore);
            for (const Recommendation& r : recs) {
                row.value += r.value;
                add_product(plan.catalog[r.product].id);
            }
            if (row.value > 0) row.source = ValueSource::Estimate;
        }
    }
    row.deal = winback_deal(plan, links, account, today);
    return true;
}

LinkedDeal winback_deal(const Plan& plan, const AccountLinks& links, std::size_t account, Date today) {
    return find_deal(plan, links, account, add_days(today, -kWinbackLookbackDays),
                     add_days(today, kWinbackLookbackDays),
                     [](const Opportunity& o) { return o.type == OpportunityType::WinBack; });
}

std::vector<WinbackRow> winback_desk(const Plan& plan, const AccountLinks& links,
                                     const RuleEngine& engine, Date today) {
    std::vector<WinbackRow> rows;
    for (std::size_t i = 0; i < plan.accounts.size(); ++i)
        if (plan.accounts[i].status == AccountStatus::Former)
            if (auto row = winback_of(plan, links, engine, i, today)) rows.push_back(std::move(*row));
    sort_winbacks(rows);
    return rows;
}

void sort_winbacks(std::vector<WinbackRow>& rows) {
    std::sort(rows.begin(), rows.end(), [](const WinbackRow& x, const WinbackRow& y) {
        if (x.window != y.window) return x.window < y.window;
        if (x.window == WindowState::Open && x.days_to_end != y.days_to_end) return x.days_to_end < y.days_to_end;
        if (x.window == WindowState::Upcoming && x.days_to_open != y.days_to_open)
            return x.days_to_open < y.days_to_open;
        return x.account < y.account;
    });
}

} // namespace footprint::core
