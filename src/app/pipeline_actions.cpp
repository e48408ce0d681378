// Pipeline and forecast commands (see pipeline_actions.h).
#include "app/pipeline_actions.h"

#include "core/commission.h"
#include "core/format.h"
#include "core/summary.h"

namespace footprint::app {

namespace {

const core::Opportunity* find_deal(const App& app, const std::string& id) {
    auto i = app.doc().index().opportunity(id);
    if (!i || *i >= app.plan().opportunities.size()) return nullptr;
    return &app.plan().opportunities[*i];
}

bool same_deal(const core::Opportunity& a, const core::Opportunity& b) {
    return a.stage == b.stage && a.probability == b.probability &&
           a.forecast_category == b.forecast_category && a.mrc == b.mrc && a.otc == b.otc &&
           a.term_months == b.term_months && a.close_date == b.close_date &&
           a.next_step == b.next_step && a.name == b.name && a.type == b.type &&
           a.products == b.products && a.loss_reason == b.loss_reason;
}

std::string deals_text(int n) {
    return std::to_string(n) + (n == 1 ? " deal" : " deals");
}

} // namespace

std::string deal_title(const App& app, const core::Opportunity& deal) {
    if (auto i = app.doc().index().account(deal.account_id); i && *i < app.plan().accounts.size())
        return app.plan().accounts[*i].name;
    return deal.name.empty() ? std::string("Deal") : deal.name;
}

bool move_deal_to_stage(App& app, const std::string& deal_id, const std::string& stage) {
    const core::Opportunity* deal = find_deal(app, deal_id);
    const core::Stage* to = core::find_stage(app.plan(), stage);
    if (!deal || !to || deal->stage == stage) return false;
    core::Opportunity moved = core::moved_to_stage(app.plan(), *deal, *to, app.clock().today());
    std::string label = "Move " + deal_title(app, *deal) + " to " + stage;
    app.execute(Command{std::move(label),
                        {core::Put<core::Opportunity>{std::move(moved), std::nullopt, true}}});
    return true;
}

bool edit_deal(App& app, core::Opportunity edited) {
    const core::Opportunity* deal = find_deal(app, edited.id);
    if (!deal || same_deal(*deal, edited)) return false;
    std::string label = "Edit deal " + deal_title(app, *deal);
    app.execute(Command{std::move(label),
                        {core::Put<core::Opportunity>{std::move(edited), std::nullopt, true}}});
    return true;
}

int move_close_dates(App& app, const std::vector<std::string>& deal_ids, core::Date to) {
    std::vector<core::Change> changes;
    for (const std::string& id : deal_ids) {
        const core::Opportunity* deal = find_deal(app, id);
        if (!deal || deal->close_date == to) continue;
        core::Opportunity moved = *deal;
        moved.close_date = to;
        changes.push_back(core::Put<core::Opportunity>{std::move(moved), std::nullopt, true});
    }
    const int n = static_cast<int>(changes.size());
    if (n == 0) return 0;
    std::string label =
        n == 1 ? "Move the close date of " + deal_title(app, *find_deal(app, deal_ids.front())) +
                     " to " + core::format_date(to)
               : "Move " + std::to_string(n) + " close dates to " + core::format_date(to);
    app.execute(Command{std::move(label), std::move(changes)});
    return n;
}

bool apply_stage_edit(App& app, const std::vector<core::StageDraft>& drafts,
                      std::vector<std::string>& problems) {
    problems = core::check_stage_drafts(app.plan(), drafts);
    if (!problems.empty()) return false;
    core::StageEdit e = core::stage_edit(app.plan(), drafts, app.clock().today());
    if (!e.stages_changed) return false;
    std::string label = "Edit stages";
    if (e.deals_changed > 0) label += " (" + deals_text(e.deals_changed) + " updated)";
    app.execute(Command{std::move(label), std::move(e.changes)});
    return true;
}

bool set_quota(App& app, core::Quota quota) {
    const core::Quota& q = app.plan().quota;
    if (q.monthly_revenue == quota.monthly_revenue && q.month_override == quota.month_override)
        return false;
    quota.weekly_goals = q.weekly_goals; // the quota editor does not edit activity goals
    app.execute(Command{"Edit quota", {core::Set<core::Quota>{std::move(quota)}}});
    return true;
}

bool set_commission_plan(App& app, core::CommissionPlan plan, std::vector<std::string>& problems) {
    problems = core::check_commission_plan(plan);
    if (!problems.empty()) return false;
    const core::CommissionPlan& c = app.plan().commission;
    auto same_tiers = [&] {
        if (c.tiers.size() != plan.tiers.size()) return false;
        for (std::size_t i = 0; i < c.tiers.size(); ++i)
            if (c.tiers[i].from_attainment_pct != plan.tiers[i].from_attainment_pct ||
                c.tiers[i].rate_bp != plan.tiers[i].rate_bp)
                return false;
        return true;
    };
    if (c.base_rate_bp == plan.base_rate_bp && same_tiers() &&
        c.family_bonus_bp == plan.family_bonus_bp && c.winback_bonus_bp == plan.winback_bonus_bp)
        return false;
    plan.extra = c.extra; // fields a newer Footprint wrote stay
    app.execute(
        Command{"Edit commission plan", {core::Set<core::CommissionPlan>{std::move(plan)}}});
    return true;
}

int apply_what_if(App& app, const std::vector<core::WhatIfChoice>& choices) {
    std::vector<core::Opportunity> deals =
        core::what_if_deals(app.plan(), choices, app.clock().today());
    if (deals.empty()) return 0;
    int won = 0, slipped = 0, lost = 0;
    for (const core::WhatIfChoice& c : choices)
        for (const core::Opportunity& d : deals)
            if (d.id == c.deal_id) {
                (c.action == core::WhatIfAction::Win    ? won
                 : c.action == core::WhatIfAction::Slip ? slipped
                                                        : lost) += 1;
                break;
            }
    std::string label = "What-if:";
    auto part = [&](int n, const char* verb) {
        if (n == 0) return;
        if (label.back() != ':') label += ",";
        label += std::string(" ") + verb + " " + deals_text(n);
    };
    part(won, "win");
    part(slipped, "slip");
    part(lost, "lose");
    std::vector<core::Change> changes;
    changes.reserve(deals.size());
    for (core::Opportunity& d : deals)
        changes.push_back(core::Put<core::Opportunity>{std::move(d), std::nullopt, true});
    const int n = static_cast<int>(changes.size());
    app.execute(Command{std::move(label), std::move(changes)});
    return n;
}

} // namespace footprint::app
