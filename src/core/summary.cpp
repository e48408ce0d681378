// Aggregations over the plan for the pipeline, forecast, week and report views (see summary.h).
#include "core/summary.h"

#include "core/forecast.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace footprint::core {

namespace {

// Floor division: rounding half up must also hold for negative amounts (credits).
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

// Stage name -> stage, built once per call so each opportunity costs one hash look-up.
class StageLookup {
  public:
    explicit StageLookup(const Plan& plan) {
        by_name_.reserve(plan.stages.size() * 2);
        for (std::size_t i = 0; i < plan.stages.size(); ++i)
            by_name_.emplace(plan.stages[i].name, i); // the first of duplicate names wins
    }
    std::optional<std::size_t> index(const std::string& name) const {
        auto it = by_name_.find(name);
        if (it == by_name_.end()) return std::nullopt;
        return it->second;
    }

  private:
    std::unordered_map<std::string_view, std::size_t> by_name_;
};

DealState state_of(const Plan& plan, const StageLookup& stages, const Opportunity& o) {
    auto i = stages.index(o.stage);
    if (!i) return DealState::Open;
    const Stage& s = plan.stages[*i];
    if (!s.closed) return DealState::Open;
    return s.won ? DealState::Won : DealState::Lost;
}

bool in_range(Date d, Date from, Date to_inclusive) {
    return from <= d && d <= to_inclusive;
}

// Close date first, undated last; ties keep plan order (callers use stable_sort).
bool earlier_close(const Opportunity* a, const Opportunity* b) {
    if (a->close_date && b->close_date) return *a->close_date < *b->close_date;
    return a->close_date.has_value() && !b->close_date.has_value();
}

bool later_close(const Opportunity* a, const Opportunity* b) {
    if (a->close_date && b->close_date) return *b->close_date < *a->close_date;
    return a->close_date.has_value() && !b->close_date.has_value();
}

} // namespace

Cents weighted_mrc(Cents mrc, int probability) {
    const std::int64_t p = std::clamp(probability, 0, 100);
    return floor_div(mrc * p + 50, 100);
}

Date week_start(Date d) {
    return add_days(d, -weekday(d));
}

const Stage* find_stage(const Plan& plan, const std::string& name) {
    for (const Stage& s : plan.stages)
        if (s.name == name) return &s;
    return nullptr;
}

DealState deal_state(const Plan& plan, const Opportunity& o) {
    const Stage* s = find_stage(plan, o.stage);
    if (!s || !s->closed) return DealState::Open;
    return s->won ? DealState::Won : DealState::Lost;
}

bool is_slipped(const Plan& plan, const Opportunity& o, Date today) {
    return o.close_date && *o.close_date < today && deal_state(plan, o) == DealState::Open;
}

// --- pipeline ----------------------------------------------------------------------------------

std::vector<StageSummary> pipeline_by_stage(const Plan& plan) {
    std::vector<StageSummary> out;
    out.reserve(plan.stages.size());
    for (const Stage& s : plan.stages)
        out.push_back(StageSummary{s.name, 0, 0, 0});
    const StageLookup stages(plan);
    for (const Opportunity& o : plan.opportunities) {
        auto i = stages.index(o.stage);
        if (!i) continue;
        StageSummary& row = out[*i];
        ++row.count;
        row.mrc += o.mrc;
        row.weighted_mrc += weighted_mrc(o.mrc, o.probability);
    }
    return out;
}

PipelineTotals pipeline_totals(const Plan& plan, Date today) {
    PipelineTotals t;
    const StageLookup stages(plan);
    for (const Opportunity& o : plan.opportunities) {
        if (state_of(plan, stages, o) != DealState::Open) continue;
        ++t.open_count;
        t.open_mrc += o.mrc;
        t.weighted_mrc += weighted_mrc(o.mrc, o.probability);
        if (!o.close_date) continue;
        if (*o.close_date < today) {
            ++t.slipped_count;
            t.slipped_mrc += o.mrc;
        } else if (*o.close_date <= add_days(today, 30)) {
            ++t.closing_soon_count;
        }
    }
    return t;
}

std::vector<BoardColumn> pipeline_board(const Plan& plan, Date closed_from, Date closed_to) {
    std::vector<BoardColumn> cols(plan.stages.size());
    for (std::size_t i = 0; i < plan.stages.size(); ++i)
        cols[i].stage = &plan.stages[i];
    const StageLookup stages(plan);
    for (const Opportunity& o : plan.opportunities) {
        auto i = stages.index(o.stage);
        if (!i) continue;
        BoardColumn& c = cols[*i];
        if (c.stage->closed && (!o.close_date || !in_range(*o.close_date, closed_from, closed_to)))
            continue;
        ++c.count;
        c.mrc += o.mrc;
        if (!c.stage->closed) c.deals.push_back(&o);
    }
    for (BoardColumn& c : cols)
        std::stable_sort(c.deals.begin(), c.deals.end(), earlier_close);
    return cols;
}

// --- forecast ----------------------------------------------------------------------------------

Cents quota_for(const Quota& quota, YearMonth month) {
    auto it = quota.month_override.find(month);
    return it != quota.month_override.end() ? it->second : quota.monthly_revenue;
}

std::vector<MonthSummary> monthly_forecast(const Plan& plan, YearMonth from, int months) {
    return summarize_forecast(plan, from, months, Date{}).months; // see core/forecast.cpp
}

MonthKpis month_kpis(const MonthSummary& m) {
    MonthKpis k;
    k.quota = m.quota;
    k.closed_won = m.closed_won;
    if (m.quota > 0)
        k.attainment_pct = static_cast<double>(m.closed_won) * 100.0 / static_cast<double>(m.quota);
    k.gap = std::max<Cents>(0, m.quota - m.closed_won);
    k.commit_forecast = m.closed_won + m.commit;
    if (m.quota > 0)
        k.commit_pct =
            static_cast<double>(k.commit_forecast) * 100.0 / static_cast<double>(m.quota);
    k.best_case_forecast = k.commit_forecast + m.best_case;
    if (m.quota > 0)
        k.best_case_pct =
            static_cast<double>(k.best_case_forecast) * 100.0 / static_cast<double>(m.quota);
    k.weighted_forecast = m.closed_won + m.weighted;
    k.open_pipeline = m.commit + m.best_case + m.pipeline;
    if (k.gap > 0) k.coverage = static_cast<double>(k.open_pipeline) / static_cast<double>(k.gap);
    return k;
}

// --- activities --------------------------------------------------------------------------------

int ActivityCounts::total() const {
    int n = 0;
    for (int c : by_type)
        n += c;
    return n;
}

ActivityCounts count_activities(const Plan& plan, Date from, Date to_inclusive) {
    ActivityCounts c;
    std::unordered_set<std::string_view> touched;
    for (const Activity& a : plan.activities) {
        if (!in_range(a.date, from, to_inclusive)) continue;
        const int t = type_index(a.type);
        if (t >= 0 && t < kActivityTypeCount) ++c.by_type[t];
        if (!a.account_id.empty()) touched.insert(a.account_id);
    }
    c.accounts_touched = static_cast<int>(touched.size());
    return c;
}

int activity_goal(const ActivityGoals& weekly, ActivityType t, int days) {
    int per_week = 0;
    switch (t) {
    case ActivityType::Call:
        per_week = weekly.calls;
        break;
    case ActivityType::Visit:
        per_week = weekly.visits;
        break;
    case ActivityType::Meeting:
        per_week = weekly.meetings;
        break;
    case ActivityType::Email:
        per_week = weekly.emails;
        break;
    case ActivityType::Event:
        per_week = weekly.events;
        break;
    case ActivityType::Proposal:
        per_week = weekly.proposals;
        break;
    }
    if (days == 7) return per_week;
    const std::int64_t n = static_cast<std::int64_t>(per_week) * days;
    return static_cast<int>(floor_div(2 * n + 7, 14)); // n / 7 rounded half up
}

std::vector<const Activity*> activities_between(const Plan& plan, Date from, Date to_inclusive) {
    std::vector<const Activity*> out;
    for (const Activity& a : plan.activities)
        if (in_range(a.date, from, to_inclusive)) out.push_back(&a);
    std::stable_sort(out.begin(), out.end(), [](const Activity* a, const Activity* b) {
        if (a->date != b->date) return a->date < b->date;
        const int sa = a->start_minute ? *a->start_minute : -1;
        const int sb = b->start_minute ? *b->start_minute : -1;
        return sa < sb;
    });
    return out;
}

std::vector<int> activities_per_day(const Plan& plan, Date from, Date to_inclusive) {
    const int n = days_between(from, to_inclusive) + 1;
    std::vector<int> out(static_cast<std::size_t>(std::max(n, 0)), 0);
    for (const Activity& a : plan.activities)
        if (in_range(a.date, from, to_inclusive))
            ++out[static_cast<std::size_t>(days_between(from, a.date))];
    return out;
}

std::vector<const Activity*> overdue_next_steps(const Plan& plan, Date today) {
    std::vector<const Activity*> out;
    for (const Activity& a : plan.activities)
        if (!a.next_step_done && a.next_step_due && *a.next_step_due < today) out.push_back(&a);
    std::stable_sort(out.begin(), out.end(), [](const Activity* a, const Activity* b) {
        return *a->next_step_due < *b->next_step_due;
    });
    return out;
}

// --- closed deals ------------------------------------------------------------------------------

ClosedDeals closed_deals_between(const Plan& plan, Date from, Date to_inclusive) {
    ClosedDeals out;
    const StageLookup stages(plan);
    for (const Opportunity& o : plan.opportunities) {
        if (!o.close_date || !in_range(*o.close_date, from, to_inclusive)) continue;
        switch (state_of(plan, stages, o)) {
        case DealState::Won:
            out.won.push_back(&o);
            out.won_mrc += o.mrc;
            break;
        case DealState::Lost:
            out.lost.push_back(&o);
            out.lost_mrc += o.mrc;
            break;
        case DealState::Open:
            break;
        }
    }
    std::stable_sort(out.won.begin(), out.won.end(), later_close);
    std::stable_sort(out.lost.begin(), out.lost.end(), later_close);
    return out;
}

// --- the activity report ----------------------------------------------------------------------

ActivityReport activity_report(const Plan& plan, Date today, int days) {
    ActivityReport r;
    days = std::max(days, 1);
    r.from = add_days(today, -(days - 1));
    r.to = today;
    r.counts = count_activities(plan, r.from, r.to);
    for (int t = 0; t < kActivityTypeCount; ++t) {
        r.goals[t] = activity_goal(plan.quota.weekly_goals, static_cast<ActivityType>(t), days);
        r.goal_total += r.goals[t];
    }
    r.deals = closed_deals_between(plan, r.from, r.to);
    return r;
}

// --- renewals ----------------------------------------------------------------------------------

std::vector<RenewalDue> renewals_due(const Plan& plan, Date today, int within_days) {
    std::vector<RenewalDue> out;
    for (const Account& a : plan.accounts) {
        if (a.status != AccountStatus::Client) continue;
        for (const Service& s : a.services) {
            if (!s.contract_end) continue;
            const int left = days_between(today, *s.contract_end);
            if (left < 0 || left > within_days) continue;
            out.push_back(RenewalDue{&a, &s, left});
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const RenewalDue& x, const RenewalDue& y) {
        return x.days_left < y.days_left;
    });
    return out;
}

std::vector<AccountRenewal> renewals_by_account(const std::vector<RenewalDue>& due) {
    std::vector<AccountRenewal> out;
    std::unordered_map<const Account*, std::size_t> slot;
    for (const RenewalDue& r : due) {
        auto [it, added] = slot.emplace(r.account, out.size());
        if (added) out.push_back(AccountRenewal{r.account, {}, 0, r.days_left});
        AccountRenewal& g = out[it->second];
        g.services.push_back(r.service);
        g.mrc += r.service->mrc;
        g.days_left = std::min(g.days_left, r.days_left);
    }
    return out;
}

} // namespace footprint::core
