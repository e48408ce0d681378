// Test API ops of the Desks view: its state, where its buttons were drawn (for real clicks), and
// the same one-click actions and settings the UI calls (app/desk_actions.h).
#include "app/desk_actions.h"
#include "core/format.h"
#include "core/priority.h"
#include "platform/web_context.h"
#include "ui/desks.h"

#include <algorithm>
#include <cstdio>

namespace footprint::platform {

namespace {

const char* state_name(core::LinkState s) {
    switch (s) {
    case core::LinkState::None: return "none";
    case core::LinkState::Open: return "open";
    case core::LinkState::Won: return "won";
    case core::LinkState::Lost: return "lost";
    }
    return "";
}

core::Json deal_json(const core::Plan& plan, const core::LinkedDeal& d) {
    core::Json j = {{"state", state_name(d.state)}};
    if (d.state != core::LinkState::None) {
        j["opportunity_id"] = plan.opportunities[d.opportunity].id;
        j["stage"] = plan.opportunities[d.opportunity].stage;
    }
    return j;
}

const char* tab_name(ui::DeskTab t) {
    switch (t) {
    case ui::DeskTab::Week: return "This week";
    case ui::DeskTab::Renewals: return "Renewals";
    case ui::DeskTab::Winbacks: return "Win-backs";
    case ui::DeskTab::Whitespace: return "Whitespace";
    case ui::DeskTab::Catalog: return "Catalog & rules";
    case ui::DeskTab::Count: break;
    }
    return "";
}

core::Json desks_state(const app::App& a, const ui::UiState& u, int limit) {
    const core::Plan& plan = a.plan();
    const core::DeskData& d = ui::desk_data(a);
    core::Json renewals = core::Json::array(), winbacks = core::Json::array(), priorities = core::Json::array(),
               whitespace = core::Json::array();
    for (std::size_t i = 0; i < d.renewals.size() && static_cast<int>(i) < limit; ++i) {
        const core::RenewalRow& r = d.renewals[i];
        renewals.push_back({{"account_id", plan.accounts[r.account].id},
                            {"name", plan.accounts[r.account].name},
                            {"days_left", r.days_left},
                            {"end", core::format_iso_date(r.end)},
                            {"notice_by", core::format_iso_date(r.notice_by)},
                            {"mrc", r.mrc},
                            {"services", r.services.size()},
                            {"auto_renew", r.auto_renew == core::AutoRenew::All ? "all" : r.auto_renew == core::AutoRenew::Some ? "some" : "none"},
                            {"deal", deal_json(plan, r.deal)}});
    }
    for (std::size_t i = 0; i < d.winbacks.size() && static_cast<int>(i) < limit; ++i) {
        const core::WinbackRow& w = d.winbacks[i];
        winbacks.push_back({{"account_id", plan.accounts[w.account].id},
                            {"name", plan.accounts[w.account].name},
                            {"window", w.window == core::WindowState::Open ? "open" : w.window == core::WindowState::Upcoming ? "upcoming" : "unknown"},
                            {"competitor_end", w.competitor ? core::format_iso_date(w.competitor->end) : ""},
                            {"value", w.value},
                            {"deal", deal_json(plan, w.deal)}});
    }
    for (std::size_t i = 0; i < d.whitespace.rows.size() && static_cast<int>(whitespace.size()) < limit; ++i) {
        const core::WhitespaceRow& row = d.whitespace.rows[i];
        if (row.open_value <= 0) continue;
        core::Json recs = core::Json::array();
        for (const core::Recommendation& r : d.whitespace.of(row))
            recs.push_back({{"rule_id", plan.upsell_rules[r.rule].id},
                            {"product", plan.catalog[r.product].id},
                            {"value", r.value},
                            {"reason", core::recommendation_reason(plan, plan.accounts[row.account], r)},
                            {"deal", deal_json(plan, r.deal)}});
        whitespace.push_back({{"account_id", plan.accounts[row.account].id}, {"open_value", row.open_value}, {"recommendations", recs}});
    }
    for (std::size_t i = 0; i < d.priorities.size() && static_cast<int>(i) < limit; ++i) {
        const core::AccountPriority& p = d.priorities[i];
        core::Json factors = core::Json::array();
        for (int f = 0; f < core::kPriorityFactors; ++f)
            factors.push_back({{"factor", core::factor_label(static_cast<core::PriorityFactor>(f))},
                               {"points", p.points[static_cast<std::size_t>(f)]},
                               {"why", core::explain_factor(plan, d, p, static_cast<core::PriorityFactor>(f))}});
        priorities.push_back({{"account_id", plan.accounts[p.account].id},
                              {"name", plan.accounts[p.account].name},
                              {"score", p.score},
                              {"factors", factors}});
    }
    return {{"ok", true},
            {"tab", tab_name(u.desks.tab)},
            {"renewal_count", d.renewals.size()},
            {"winback_count", d.winbacks.size()},
            {"whitespace_value", d.whitespace.open_value},
            {"renewals", renewals},
            {"winbacks", winbacks},
            {"whitespace", whitespace},
            {"priorities", priorities}};
}

} // namespace

std::optional<core::Json> test_ops_desks(const std::string& op, const core::Json& cmd) {
    WebContext& w = web();
    app::App& a = *w.app;
    if (op == "desks_ready") return core::Json{{"ok", true}, {"ready", ui::desk_data_ready(a)}};
    if (op == "desks_state") return desks_state(a, w.ui, test_int(cmd, "limit", 50));
    if (op == "desks_tab") {
        const std::string tab = test_str(cmd, "tab");
        for (int i = 0; i < static_cast<int>(ui::DeskTab::Count); ++i)
            if (tab == tab_name(static_cast<ui::DeskTab>(i))) {
                w.ui.desks.tab = static_cast<ui::DeskTab>(i);
                return core::Json{{"ok", true}};
            }
        return test_error("unknown desk tab: " + tab);
    }
    if (op == "desks_filters") {
        // The tabs' filters, as the controls set them: {"renewal_horizon": 0..3 (30/60/90/180 days),
        // "include_lapsed", "winback_filter": 0..2, "week_status": 0..3, "search", "territory"}.
        ui::DesksViewState& st = w.ui.desks;
        st.renewal_horizon = std::clamp(test_int(cmd, "renewal_horizon", st.renewal_horizon), 0, 3);
        st.winback_filter = std::clamp(test_int(cmd, "winback_filter", st.winback_filter), 0, 2);
        st.week_status = std::clamp(test_int(cmd, "week_status", st.week_status), 0, 3);
        if (auto it = cmd.find("include_lapsed"); it != cmd.end() && it->is_boolean()) st.include_lapsed = it->get<bool>();
        if (cmd.contains("search")) std::snprintf(st.search, sizeof st.search, "%s", test_str(cmd, "search").c_str());
        if (cmd.contains("territory")) st.territory = test_str(cmd, "territory");
        return core::Json{{"ok", true}};
    }
    if (op == "desks_locate") {
        // Where the last frame drew a Desks button, in CSS pixels, for a real mouse click.
        const std::string key = test_str(cmd, "key");
        auto it = w.ui.desks.located.find(key);
        if (it == w.ui.desks.located.end()) return test_error("not drawn in the last frame: " + key);
        const float s = w.ui.dpr > 0 ? w.ui.dpr : 1.0f;
        const auto& r = it->second;
        return core::Json{{"ok", true}, {"x", r[0] / s}, {"y", r[1] / s}, {"w", r[2] / s}, {"h", r[3] / s}};
    }
    if (op == "create_renewal" || op == "create_winback" || op == "create_upsell") {
        const std::string account = test_str(cmd, "account_id");
        const std::string id = op == "create_renewal"   ? app::create_renewal_opportunity(a, account)
                               : op == "create_winback" ? app::create_winback_opportunity(a, account)
                                                        : app::create_upsell_opportunity(a, account, test_str(cmd, "rule_id"));
        return core::Json{{"ok", !id.empty()}, {"id", id}};
    }
    if (op == "set_priority_weights") {
        core::PriorityWeights pw = a.plan().settings.priority_weights;
        pw.renewal = test_int(cmd, "renewal", pw.renewal);
        pw.revenue = test_int(cmd, "revenue", pw.revenue);
        pw.winback = test_int(cmd, "winback", pw.winback);
        pw.upsell = test_int(cmd, "upsell", pw.upsell);
        pw.recency = test_int(cmd, "recency", pw.recency);
        app::set_priority_weights(a, pw);
        return core::Json{{"ok", true}};
    }
    if (op == "toggle_rule") { // the rule editor's switch: on or off, one undoable step
        std::vector<core::UpsellRule> rules = a.plan().upsell_rules;
        const std::string id = test_str(cmd, "rule_id");
        auto it = std::find_if(rules.begin(), rules.end(), [&](const core::UpsellRule& r) { return r.id == id; });
        if (it == rules.end()) return test_error("no such rule: " + id);
        it->enabled = !it->enabled;
        std::string label = it->enabled ? "Switch rule on" : "Switch rule off";
        app::set_upsell_rules(a, std::move(rules), std::move(label));
        return core::Json{{"ok", true}};
    }
    if (op == "priority_list") {
        // core::priority_list: the list the week planner reads.
        const auto list = core::priority_list(a.plan(), a.clock().today());
        core::Json out = core::Json::array();
        for (std::size_t i = 0; i < list.size() && static_cast<int>(i) < test_int(cmd, "limit", 20); ++i)
            out.push_back({{"account_id", a.plan().accounts[list[i].account].id}, {"score", list[i].score}});
        return core::Json{{"ok", true}, {"list", out}};
    }
    return std::nullopt;
}

} // namespace footprint::platform
