// The team roll-up: each plan's own monthly_forecast, added up by rep and for the team.
#include "core/rollup.h"

#include "core/csv_write.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace footprint::core {

namespace {

// Everything but the quota, which is not a sum (see make_rollup).
void add_amounts(MonthSummary& into, const MonthSummary& m) {
    into.closed_won += m.closed_won;
    into.commit += m.commit;
    into.best_case += m.best_case;
    into.pipeline += m.pipeline;
    into.weighted += m.weighted;
    into.pipeline_weighted += m.pipeline_weighted;
}

std::string percent_text(const std::optional<double>& pct) {
    if (!pct) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", *pct);
    return buf;
}

} // namespace

RollupPlan make_rollup_plan(std::string file_name, Plan plan) {
    // Only the accounts deals name, and only their id and name.
    std::unordered_set<std::string_view> named;
    for (const Opportunity& o : plan.opportunities) named.insert(o.account_id);
    std::vector<Account> accounts;
    for (Account& a : plan.accounts)
        if (named.count(a.id)) {
            Account slim;
            slim.id = std::move(a.id);
            slim.name = std::move(a.name);
            slim.status = a.status;
            accounts.push_back(std::move(slim));
        }
    plan.accounts = std::move(accounts);
    plan.activities.clear();
    plan.activities.shrink_to_fit();
    plan.territories.clear();
    plan.catalog.clear();
    plan.sync.clear();
    for (Opportunity& o : plan.opportunities) o.extra = Json::object();
    RollupPlan r;
    r.file_name = std::move(file_name);
    r.rep = plan.owner.empty() ? plan.name : plan.owner;
    r.plan = std::move(plan);
    return r;
}

Rollup make_rollup(const std::vector<RollupPlan>& plans, const RollupOptions& options) {
    Rollup out;
    out.from = options.from;
    out.months = std::max(0, options.months);
    const std::size_t n = static_cast<std::size_t>(out.months);
    std::map<std::string, RepForecast> reps;
    for (std::size_t i = 0; i < plans.size(); ++i) {
        const std::vector<MonthSummary> months = monthly_forecast(plans[i].plan, options.from, out.months);
        RepForecast& r = reps[plans[i].rep];
        if (r.plans.empty()) {
            r.rep = plans[i].rep;
            r.months = months;
        } else {
            for (std::size_t m = 0; m < n; ++m) {
                add_amounts(r.months[m], months[m]);
                r.months[m].quota = std::max(r.months[m].quota, months[m].quota);
            }
        }
        r.plans.push_back(i);
    }
    out.team.resize(n);
    for (std::size_t m = 0; m < n; ++m) out.team[m].month = YearMonth{options.from.index + static_cast<int>(m)};
    for (auto& [name, r] : reps) {
        if (r.plans.size() > 1)
            out.notes.push_back(name + " has " + std::to_string(r.plans.size()) +
                                " plans: their deals are added up, their quota counted once.");
        for (std::size_t m = 0; m < n; ++m) {
            add_amounts(out.team[m], r.months[m]);
            out.team[m].quota += r.months[m].quota;
        }
        out.reps.push_back(std::move(r));
    }
    if (options.team_quota) {
        out.quota_overridden = true;
        for (MonthSummary& m : out.team) m.quota = *options.team_quota;
    }
    return out;
}

MonthKpis rollup_total(const std::vector<MonthSummary>& months) {
    MonthSummary sum;
    for (const MonthSummary& m : months) {
        add_amounts(sum, m);
        sum.quota += m.quota;
    }
    return month_kpis(sum);
}

std::vector<RollupDeal> rollup_deals(const std::vector<RollupPlan>& plans, const Rollup& rollup,
                                     const std::string& rep) {
    std::vector<RollupDeal> out;
    const Date from = rollup.from.first_day();
    const Date to = YearMonth{rollup.from.index + rollup.months}.first_day();
    for (const RollupPlan& p : plans) {
        if (p.rep != rep) continue;
        std::unordered_map<std::string_view, const Account*> accounts;
        for (const Account& a : p.plan.accounts) accounts.emplace(a.id, &a);
        for (const Opportunity& o : p.plan.opportunities) {
            if (!o.close_date || *o.close_date < from || !(*o.close_date < to)) continue;
            RollupDeal d;
            d.deal = &o;
            d.plan = &p;
            auto it = accounts.find(o.account_id);
            d.account = it == accounts.end() ? std::string() : it->second->name;
            d.state = deal_state(p.plan, o);
            out.push_back(std::move(d));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const RollupDeal& a, const RollupDeal& b) {
        return *a.deal->close_date < *b.deal->close_date;
    });
    return out;
}

std::string rollup_csv(const Rollup& r) {
    CsvWriter w;
    w.row({"Month", "Rep", "Quota", "Closed won", "Commit", "Best case", "Pipeline", "Weighted",
           "Commit forecast", "Attainment %", "Gap"});
    auto line = [&](const MonthSummary& m, const std::string& who) {
        const MonthKpis k = month_kpis(m);
        w.cells({csv_text(format_year_month(m.month)), csv_text(who), csv_dollars(m.quota), csv_dollars(m.closed_won),
               csv_dollars(m.commit), csv_dollars(m.best_case), csv_dollars(m.pipeline), csv_dollars(m.weighted),
               csv_dollars(k.commit_forecast), csv_number(percent_text(k.attainment_pct)), csv_dollars(k.gap)});
    };
    for (std::size_t m = 0; m < r.team.size(); ++m) {
        for (const RepForecast& rep : r.reps) line(rep.months[m], rep.rep);
        line(r.team[m], "Team");
    }
    return w.take();
}

Json rollup_json(const Rollup& r) {
    auto month = [](const MonthSummary& m) {
        const MonthKpis k = month_kpis(m);
        Json j = {{"month", format_year_month(m.month)},
                  {"quota", m.quota},
                  {"closed_won", m.closed_won},
                  {"commit", m.commit},
                  {"best_case", m.best_case},
                  {"pipeline", m.pipeline},
                  {"weighted", m.weighted},
                  {"commit_forecast", k.commit_forecast},
                  {"gap", k.gap}};
        j["attainment_pct"] = k.attainment_pct ? Json(*k.attainment_pct) : Json();
        return j;
    };
    Json reps = Json::array();
    for (const RepForecast& rep : r.reps) {
        Json months = Json::array();
        for (const MonthSummary& m : rep.months) months.push_back(month(m));
        reps.push_back({{"rep", rep.rep}, {"plans", rep.plans.size()}, {"months", std::move(months)}});
    }
    Json team = Json::array();
    for (const MonthSummary& m : r.team) team.push_back(month(m));
    return {{"from", format_year_month(r.from)}, {"months", r.months},  {"money", "cents"},
            {"quota_overridden", r.quota_overridden}, {"reps", std::move(reps)}, {"team", std::move(team)},
            {"notes", r.notes}};
}

} // namespace footprint::core
