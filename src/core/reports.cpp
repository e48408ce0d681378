// Activity, renewal and win-back reports over a period (see reports.h).
#include "core/reports.h"

#include "core/format.h"
#include "core/winback.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace footprint::core {

namespace {

bool in(const Period& p, Date d) {
    return d >= p.from && d <= p.to;
}

const char* const kMonthNames[] = {"January", "February", "March",     "April",
                                   "May",     "June",     "July",      "August",
                                   "September", "October", "November", "December"};

} // namespace

Period week_of(Date d) {
    const Date monday = add_days(d, -weekday(d));
    return {monday, add_days(monday, 6)};
}

Period month_of(Date d) {
    const Ymd ymd = ymd_of(d);
    return {date_from_ymd(ymd.year, ymd.month, 1),
            date_from_ymd(ymd.year, ymd.month, days_in_month(ymd.year, ymd.month))};
}

std::string period_title(const Period& p) {
    if (p.days() == 7 && weekday(p.from) == 0) return "Week of " + format_date(p.from);
    if (month_of(p.from) == p) {
        const Ymd ymd = ymd_of(p.from);
        return std::string(kMonthNames[ymd.month - 1]) + " " + std::to_string(ymd.year);
    }
    if (p.from == p.to) return format_date(p.from);
    return format_date(p.from) + " \xE2\x80\x93 " + format_date(p.to);
}

std::optional<Period> parse_period(std::string_view from, std::string_view to, std::string& error) {
    const auto bad = [&](const char* arg, std::string_view v) {
        error = std::string(arg) + " \"" + std::string(v) +
                "\": not a date (use YYYY-MM-DD, a day that exists, like 2026-11-02)";
        return std::nullopt;
    };
    auto f = parse_iso_date(from);
    if (!f) return bad("--from", from);
    auto t = parse_iso_date(to);
    if (!t) return bad("--to", to);
    if (*t < *f) {
        error = "--to " + std::string(to) + " is before --from " + std::string(from) +
                ": the period would be empty";
        return std::nullopt;
    }
    return Period{*f, *t};
}

ActivityPeriodReport activity_period_report(const Plan& plan, const Period& period) {
    ActivityPeriodReport r;
    r.period = period;
    r.counts = count_activities(plan, period.from, period.to);
    for (int t = 0; t < kActivityTypeCount; ++t) {
        r.goals[t] = activity_goal(plan.quota.weekly_goals, static_cast<ActivityType>(t),
                                   period.days());
        r.goal_total += r.goals[t];
    }
    for (const Opportunity& o : plan.opportunities) {
        if (!o.created || !in(period, *o.created)) continue;
        r.created.push_back(&o);
        r.created_mrc += o.mrc;
        r.created_tcv += o.mrc * o.term_months + o.otc;
    }
    r.deals = closed_deals_between(plan, period.from, period.to);
    for (const Opportunity* o : r.deals.lost) {
        const std::string reason = o->loss_reason.empty() ? "No reason recorded" : o->loss_reason;
        auto it = std::find_if(r.loss_reasons.begin(), r.loss_reasons.end(),
                               [&](const LossReason& x) { return x.reason == reason; });
        if (it == r.loss_reasons.end()) {
            r.loss_reasons.push_back({reason, 0, 0});
            it = r.loss_reasons.end() - 1;
        }
        ++it->deals;
        it->mrc += o->mrc;
    }
    std::sort(r.loss_reasons.begin(), r.loss_reasons.end(),
              [](const LossReason& a, const LossReason& b) {
                  if (a.deals != b.deals) return a.deals > b.deals;
                  if (a.mrc != b.mrc) return a.mrc > b.mrc;
                  return a.reason < b.reason;
              });
    r.per_day = activities_per_day(plan, period.from, period.to);
    for (const Activity& a : plan.activities) {
        if (a.next_step.empty()) continue;
        if (a.next_step_done) {
            if (in(period, a.date)) ++r.tasks_done;
        } else if (a.next_step_due && *a.next_step_due <= period.to) {
            ++r.tasks_open;
        }
    }
    return r;
}

RenewalReport renewal_report(const Plan& plan, const Period& period, int horizon_days) {
    RenewalReport r;
    r.period = period;
    r.horizon_days = horizon_days;
    const Date until = add_days(period.to, horizon_days);
    std::unordered_map<std::string_view, const Opportunity*> open_renewal;
    std::unordered_set<std::string_view> lost_accounts;
    std::unordered_map<std::string_view, const Account*> accounts;
    accounts.reserve(plan.accounts.size());
    for (const Account& a : plan.accounts)
        accounts.emplace(a.id, &a);
    const auto account_of = [&](const std::string& id) -> const Account* {
        auto it = accounts.find(id);
        return it == accounts.end() ? nullptr : it->second;
    };
    for (const Opportunity& o : plan.opportunities) {
        if (o.type != OpportunityType::Renewal) continue;
        const DealState s = deal_state(plan, o);
        if (s == DealState::Open) {
            open_renewal.emplace(o.account_id, &o);
            continue;
        }
        if (!o.close_date || !in(period, *o.close_date)) continue;
        RenewalItem item{account_of(o.account_id), &o, *o.close_date, o.mrc};
        if (s == DealState::Won) {
            r.renewed.push_back(item);
            r.renewed_mrc += o.mrc;
        } else {
            r.lost.push_back(item);
            r.lost_mrc += o.mrc;
            lost_accounts.insert(o.account_id);
        }
    }
    for (const Account& a : plan.accounts) {
        if (a.status == AccountStatus::Former) {
            if (a.former.lost_date && in(period, *a.former.lost_date) &&
                !lost_accounts.count(a.id)) {
                r.lost.push_back({&a, nullptr, *a.former.lost_date, account_mrc(a)});
                r.lost_mrc += account_mrc(a);
            }
            continue;
        }
        if (a.status != AccountStatus::Client) continue;
        std::optional<Date> soonest;
        Cents mrc = 0;
        for (const Service& s : a.services) {
            if (!s.contract_end || *s.contract_end < period.from || *s.contract_end > until)
                continue;
            mrc += s.mrc;
            if (!soonest || *s.contract_end < *soonest) soonest = s.contract_end;
        }
        if (!soonest) continue;
        auto deal = open_renewal.find(a.id);
        r.upcoming.push_back(
            {&a, deal == open_renewal.end() ? nullptr : deal->second, *soonest, mrc});
        r.upcoming_mrc += mrc;
    }
    const auto by_date = [](const RenewalItem& x, const RenewalItem& y) { return x.date < y.date; };
    std::stable_sort(r.upcoming.begin(), r.upcoming.end(), by_date);
    std::stable_sort(r.renewed.begin(), r.renewed.end(), by_date);
    std::stable_sort(r.lost.begin(), r.lost.end(), by_date);
    return r;
}

WinbackReport winback_report(const Plan& plan, const Period& period) {
    WinbackReport r;
    r.period = period;
    std::unordered_set<std::string_view> touched;
    for (const Activity& a : plan.activities)
        if (in(period, a.date)) touched.insert(a.account_id);
    std::unordered_map<std::string_view, std::size_t> target_of;
    for (const Account& a : plan.accounts) {
        if (a.status != AccountStatus::Former) continue;
        const auto end = competitor_contract_end(a.former, period.to);
        if (!end) continue;
        const Date opens = add_days(end->end, -plan.settings.winback_window_days);
        const Date closes = add_days(end->end, kWinbackGraceDays);
        if (opens > period.to || closes < period.from) continue;
        WinbackItem item{&a, end->end, touched.count(a.id) > 0, nullptr};
        if (item.contacted) ++r.contacted;
        target_of.emplace(a.id, r.targets.size());
        r.targets.push_back(item);
    }
    for (const Opportunity& o : plan.opportunities) {
        if (o.type != OpportunityType::WinBack || !o.close_date || !in(period, *o.close_date))
            continue;
        if (deal_state(plan, o) != DealState::Won) continue;
        r.won_back.push_back(&o);
        r.won_back_mrc += o.mrc;
        if (auto t = target_of.find(o.account_id); t != target_of.end())
            r.targets[t->second].deal = &o;
    }
    std::stable_sort(r.targets.begin(), r.targets.end(),
                     [](const WinbackItem& x, const WinbackItem& y) {
                         return x.competitor_end < y.competitor_end;
                     });
    return r;
}

} // namespace footprint::core
