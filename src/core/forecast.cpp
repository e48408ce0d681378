// One pass over the plan for the pipeline and the monthly forecast, and periods built from months.
#include "core/forecast.h"

#include <algorithm>
#include <cstdint>

namespace footprint::core {

namespace {

class StageIndex {
  public:
    explicit StageIndex(const Plan& plan) {
        by_name_.reserve(plan.stages.size() * 2);
        for (std::size_t i = 0; i < plan.stages.size(); ++i)
            by_name_.emplace(plan.stages[i].name, i); // the first of duplicate names wins
    }
    std::optional<std::size_t> find(const std::string& name) const {
        auto it = by_name_.find(name);
        if (it == by_name_.end()) return std::nullopt;
        return it->second;
    }

  private:
    std::unordered_map<std::string_view, std::size_t> by_name_;
};

// Which month of the range a day falls in, by table look-up: no calendar arithmetic per record.
// (Turning 300,000 contract ends into months with ymd_of while walking the accounts cost 50 ms;
// the walk alone costs 10.)
class MonthSlots {
  public:
    MonthSlots(YearMonth from, int months)
        : first_(from.first_day()),
          days_(static_cast<std::size_t>(
              std::max(0, days_between(first_, YearMonth{from.index + months}.first_day())))) {
        for (int m = 0; m < months; ++m) {
            const int a = days_between(first_, YearMonth{from.index + m}.first_day());
            const int b = days_between(first_, YearMonth{from.index + m + 1}.first_day());
            for (int d = a; d < b; ++d)
                days_[static_cast<std::size_t>(d)] = static_cast<std::int16_t>(m);
        }
    }
    // The month's index in the range, or -1 outside it.
    int slot(Date d) const {
        const int off = days_between(first_, d);
        if (off < 0 || static_cast<std::size_t>(off) >= days_.size()) return -1;
        return days_[static_cast<std::size_t>(off)];
    }

  private:
    Date first_;
    std::vector<std::int16_t> days_;
};

void add_renewal_base(const Plan& plan, const MonthSlots& slots,
                      std::vector<MonthSummary>& months) {
    // The last account counted in each month, so an account with three services ending in March
    // counts once among March's accounts.
    std::vector<std::size_t> last_account(months.size(), static_cast<std::size_t>(-1));
    for (std::size_t a = 0; a < plan.accounts.size(); ++a) {
        const Account& acc = plan.accounts[a];
        if (acc.status != AccountStatus::Client) continue;
        for (const Service& s : acc.services) {
            if (!s.contract_end) continue;
            const int slot = slots.slot(*s.contract_end);
            if (slot < 0) continue;
            MonthSummary& m = months[static_cast<std::size_t>(slot)];
            m.renewal_base += s.mrc;
            ++m.renewal_services;
            if (last_account[static_cast<std::size_t>(slot)] != a) {
                last_account[static_cast<std::size_t>(slot)] = a;
                ++m.renewal_accounts;
            }
        }
    }
}

void add_to(MonthSummary& into, const MonthSummary& m) {
    into.quota += m.quota;
    into.closed_won += m.closed_won;
    into.commit += m.commit;
    into.best_case += m.best_case;
    into.pipeline += m.pipeline;
    into.weighted += m.weighted;
    into.pipeline_weighted += m.pipeline_weighted;
    into.renewal_base += m.renewal_base;
    into.renewal_services += m.renewal_services;
    into.renewal_accounts += m.renewal_accounts;
    into.won_count += m.won_count;
    into.commit_count += m.commit_count;
    into.best_case_count += m.best_case_count;
    into.pipeline_count += m.pipeline_count;
}

} // namespace

DealOverlay overlay_of(const std::vector<Opportunity>& deals) {
    DealOverlay o;
    o.reserve(deals.size());
    for (const Opportunity& d : deals)
        o[d.id] = &d;
    return o;
}

ForecastBucket forecast_bucket(DealState state, ForecastCategory category) {
    switch (state) {
    case DealState::Won:
        return ForecastBucket::ClosedWon;
    case DealState::Lost:
        return ForecastBucket::None;
    case DealState::Open:
        break;
    }
    switch (category) {
    case ForecastCategory::Commit:
    case ForecastCategory::Closed:
        return ForecastBucket::Commit;
    case ForecastCategory::BestCase:
        return ForecastBucket::BestCase;
    case ForecastCategory::Pipeline:
        return ForecastBucket::Pipeline;
    case ForecastCategory::Omitted:
        break;
    }
    return ForecastBucket::None;
}

ForecastSummary summarize_forecast(const Plan& plan, YearMonth from, int months, Date today,
                                   const DealOverlay* overlay) {
    ForecastSummary out;
    out.stages.reserve(plan.stages.size());
    for (const Stage& s : plan.stages)
        out.stages.push_back(StageSummary{s.name, 0, 0, 0});
    months = std::max(months, 0);
    out.months.resize(static_cast<std::size_t>(months));
    for (int i = 0; i < months; ++i) {
        MonthSummary& m = out.months[static_cast<std::size_t>(i)];
        m.month = YearMonth{from.index + i};
        m.quota = quota_for(plan.quota, m.month);
    }

    const StageIndex stages(plan);
    const MonthSlots slots(from, months);
    const bool overlaid = overlay && !overlay->empty();
    const Date soon = add_days(today, 30);
    PipelineTotals& t = out.totals;
    for (const Opportunity& plan_deal : plan.opportunities) {
        const Opportunity* deal = &plan_deal;
        if (overlaid) {
            auto it = overlay->find(plan_deal.id);
            if (it != overlay->end()) deal = it->second;
        }
        const Opportunity& o = *deal;
        const std::optional<std::size_t> si = stages.find(o.stage);
        const Cents w = weighted_mrc(o.mrc, o.probability);
        DealState state = DealState::Open;
        if (si) {
            StageSummary& row = out.stages[*si];
            ++row.count;
            row.mrc += o.mrc;
            row.weighted_mrc += w;
            const Stage& s = plan.stages[*si];
            if (s.closed) state = s.won ? DealState::Won : DealState::Lost;
        }
        if (state == DealState::Open) {
            ++t.open_count;
            t.open_mrc += o.mrc;
            t.weighted_mrc += w;
            if (o.close_date) {
                if (*o.close_date < today) {
                    ++t.slipped_count;
                    t.slipped_mrc += o.mrc;
                } else if (*o.close_date <= soon) {
                    ++t.closing_soon_count;
                }
            }
        }

        if (!o.close_date) continue;
        const int slot = slots.slot(*o.close_date);
        if (slot < 0) continue;
        MonthSummary& m = out.months[static_cast<std::size_t>(slot)];
        switch (forecast_bucket(state, o.forecast_category)) {
        case ForecastBucket::None:
            continue;
        case ForecastBucket::ClosedWon:
            m.closed_won += o.mrc;
            ++m.won_count;
            continue; // won deals are not part of the weighted (expected) open pipeline
        case ForecastBucket::Commit:
            m.commit += o.mrc;
            ++m.commit_count;
            break;
        case ForecastBucket::BestCase:
            m.best_case += o.mrc;
            ++m.best_case_count;
            break;
        case ForecastBucket::Pipeline:
            m.pipeline += o.mrc;
            m.pipeline_weighted += w;
            ++m.pipeline_count;
            break;
        }
        m.weighted += w;
    }
    add_renewal_base(plan, slots, out.months);
    return out;
}

std::vector<ForecastPeriod> forecast_periods(const std::vector<MonthSummary>& months,
                                             Granularity g) {
    std::vector<ForecastPeriod> out;
    auto key = [g](YearMonth m) {
        switch (g) {
        case Granularity::Month:
            return m.index;
        case Granularity::Quarter:
            return m.year() * 4 + (m.month() - 1) / 3;
        case Granularity::Year:
            return m.year();
        }
        return m.index;
    };
    int current_key = 0;
    int year = 0;
    Cents year_won = 0, year_quota = 0;
    for (std::size_t i = 0; i < months.size(); ++i) {
        const MonthSummary& m = months[i];
        const int k = key(m.month);
        if (out.empty() || k != current_key) {
            ForecastPeriod p;
            p.first = m.month;
            p.total.month = m.month;
            out.push_back(p);
            current_key = k;
        }
        ForecastPeriod& p = out.back();
        ++p.months;
        add_to(p.total, m);
        if (m.quota <= 0) ++p.months_without_quota;

        if (i == 0 || m.month.year() != year) {
            year = m.month.year();
            year_won = 0;
            year_quota = 0;
        }
        year_won += m.closed_won;
        year_quota += std::max<Cents>(m.quota, 0);
        const bool period_ends = i + 1 == months.size() || key(months[i + 1].month) != k;
        if (period_ends && year_quota > 0)
            p.cumulative_attainment_pct =
                static_cast<double>(year_won) * 100.0 / static_cast<double>(year_quota);
    }
    return out;
}

int period_index(const std::vector<ForecastPeriod>& periods, YearMonth month) {
    for (std::size_t i = 0; i < periods.size(); ++i) {
        const ForecastPeriod& p = periods[i];
        if (p.first <= month && month.index < p.first.index + p.months) return static_cast<int>(i);
    }
    return -1;
}

} // namespace footprint::core
