// Stage moves, slipped close dates and what-if results (see deal_rules.h).
#include "core/deal_rules.h"

#include "core/summary.h"

#include <algorithm>
#include <unordered_map>

namespace footprint::core {

const Stage* first_won_stage(const Plan& plan) {
    for (const Stage& s : plan.stages)
        if (s.closed && s.won) return &s;
    return nullptr;
}

const Stage* first_lost_stage(const Plan& plan) {
    for (const Stage& s : plan.stages)
        if (s.closed && !s.won) return &s;
    return nullptr;
}

bool probability_follows_stage(const Plan& plan, const Opportunity& deal) {
    const Stage* s = find_stage(plan, deal.stage);
    return !s || s->probability == deal.probability;
}

bool category_follows_stage(const Plan& plan, const Opportunity& deal) {
    const Stage* s = find_stage(plan, deal.stage);
    return !s || s->category == deal.forecast_category;
}

Opportunity moved_to_stage(const Plan& plan, const Opportunity& deal, const Stage& to, Date today) {
    Opportunity o = deal;
    const Stage* from = find_stage(plan, deal.stage);
    o.stage = to.name;
    if (to.closed || !from || from->closed) {
        o.probability = to.probability;
        o.forecast_category = to.category;
        if (to.closed) o.close_date = today;
        return o;
    }
    if (from->probability == deal.probability) o.probability = to.probability;
    if (from->category == deal.forecast_category) o.forecast_category = to.category;
    return o;
}

Date month_end(Date d) {
    const Ymd y = ymd_of(d);
    return date_from_ymd(y.year, y.month, days_in_month(y.year, y.month));
}

Date slip_target(Date today) {
    return month_end(today);
}

const char* what_if_label(WhatIfAction a) {
    switch (a) {
    case WhatIfAction::Win:
        return "Win";
    case WhatIfAction::Slip:
        return "Slip a month";
    case WhatIfAction::Lose:
        return "Lose";
    }
    return "";
}

std::vector<Opportunity> what_if_deals(const Plan& plan, const std::vector<WhatIfChoice>& choices,
                                       Date today) {
    std::unordered_map<std::string_view, const Opportunity*> by_id;
    by_id.reserve(plan.opportunities.size());
    for (const Opportunity& o : plan.opportunities)
        by_id.emplace(o.id, &o);
    const Stage* won = first_won_stage(plan);
    const Stage* lost = first_lost_stage(plan);
    std::vector<Opportunity> out;
    out.reserve(choices.size());
    for (const WhatIfChoice& c : choices) {
        auto it = by_id.find(c.deal_id);
        if (it == by_id.end()) continue;
        const Opportunity& o = *it->second;
        if (deal_state(plan, o) != DealState::Open) continue;
        switch (c.action) {
        case WhatIfAction::Win:
            if (won) out.push_back(moved_to_stage(plan, o, *won, today));
            break;
        case WhatIfAction::Lose:
            if (lost) out.push_back(moved_to_stage(plan, o, *lost, today));
            break;
        case WhatIfAction::Slip: {
            Opportunity s = o;
            s.close_date = add_months(std::max(o.close_date.value_or(today), today), 1);
            out.push_back(std::move(s));
            break;
        }
        }
    }
    return out;
}

} // namespace footprint::core
