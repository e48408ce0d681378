// The value of a visit: renewals due soon and open pipeline, from what the plan already has.
#include "core/visit_value.h"

#include "core/format.h"
#include "core/summary.h"

namespace footprint::core {

namespace {

constexpr int kRenewalDays = 90;

struct Pipeline {
    Cents weighted = 0, full = 0;
    int deals = 0, probability = 0;
};

void add_deal(Pipeline& p, const Opportunity& o) {
    p.weighted += weighted_mrc(o.mrc, o.probability);
    p.full += o.mrc;
    p.probability = o.probability;
    ++p.deals;
}

VisitValue value_of(const Account& account, const Pipeline& pipe, Date today) {
    VisitValue v;
    Cents renewal = 0;
    std::optional<Date> first_end;
    for (const Service& s : account.services) {
        if (!s.contract_end) continue;
        const int days = days_between(today, *s.contract_end);
        if (days < 0 || days > kRenewalDays) continue;
        renewal += s.mrc;
        if (!first_end || *s.contract_end < *first_end) first_end = s.contract_end;
    }
    v.value = renewal + pipe.weighted;
    if (renewal > 0)
        v.why = "Renewal " + format_mrc_rounded(renewal) + " ends " +
                format_date_short(*first_end, today);
    if (pipe.deals > 0) {
        if (!v.why.empty()) v.why += " \xC2\xB7 ";
        v.why += pipe.deals == 1 ? "Open deal " + format_mrc_rounded(pipe.full) + " at " +
                                       std::to_string(pipe.probability) + "%"
                                 : std::to_string(pipe.deals) + " open deals, " +
                                       format_mrc_rounded(pipe.weighted) + " weighted";
    }
    return v;
}

} // namespace

VisitValue visit_value(const Plan& plan, const Account& account, Date today) {
    Pipeline pipe;
    for (const Opportunity& o : plan.opportunities)
        if (o.account_id == account.id && deal_state(plan, o) == DealState::Open) add_deal(pipe, o);
    return value_of(account, pipe, today);
}

} // namespace footprint::core
