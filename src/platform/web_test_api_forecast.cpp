// Test API ops for the pipeline and forecast views: the board's layout (so tests drag cards with
// real mouse events), the numbers the forecast view shows, and the same actions the UI runs.
#include "app/pipeline_actions.h"
#include "core/format.h"
#include "platform/web_context.h"
#include "ui/forecast_ui.h"

namespace footprint::platform {

namespace {

core::Json rect_json(const ui::CssRect& r) {
    return {{"x0", r.x0}, {"y0", r.y0}, {"x1", r.x1}, {"y1", r.y1}};
}

core::Json opt(const std::optional<double>& v) {
    return v ? core::Json(*v) : core::Json(nullptr);
}

core::Json deal_json(const core::Plan& plan, const core::Opportunity& o) {
    return {{"id", o.id},
            {"account_id", o.account_id},
            {"stage", o.stage},
            {"probability", o.probability},
            {"category", std::string(core::to_string(o.forecast_category))},
            {"mrc", o.mrc},
            {"close_date", o.close_date ? core::format_iso_date(*o.close_date) : ""},
            {"next_step", o.next_step},
            {"state", core::deal_state(plan, o) == core::DealState::Open  ? "open"
                      : core::deal_state(plan, o) == core::DealState::Won ? "won"
                                                                          : "lost"}};
}

core::Json month_json(const core::MonthSummary& m) {
    const core::MonthKpis k = core::month_kpis(m);
    return {{"month", core::format_year_month(m.month)},
            {"quota", m.quota},
            {"closed_won", m.closed_won},
            {"commit", m.commit},
            {"best_case", m.best_case},
            {"pipeline", m.pipeline},
            {"pipeline_weighted", m.pipeline_weighted},
            {"commit_forecast", k.commit_forecast},
            {"best_case_forecast", k.best_case_forecast},
            {"attainment_pct", opt(k.attainment_pct)},
            {"gap", k.gap},
            {"coverage", opt(k.coverage)},
            {"renewal_base", m.renewal_base}};
}

std::optional<core::WhatIfAction> action_from(const std::string& s) {
    if (s == "win") return core::WhatIfAction::Win;
    if (s == "slip") return core::WhatIfAction::Slip;
    if (s == "lose") return core::WhatIfAction::Lose;
    return std::nullopt;
}

} // namespace

std::optional<core::Json> test_ops_forecast(const std::string& op, const core::Json& cmd) {
    WebContext& w = web();
    app::App& a = *w.app;
    const core::Plan& plan = a.plan();
    if (op == "pipeline_layout") {
        // What the board drew in the last frame, in CSS pixels.
        core::Json cards = core::Json::array(), columns = core::Json::array();
        for (const auto& [id, r] : w.ui.pipeline.card_rects)
            cards.push_back({{"id", id}, {"rect", rect_json(r)}});
        for (const auto& [stage, r] : w.ui.pipeline.column_rects)
            columns.push_back({{"stage", stage}, {"rect", rect_json(r)}});
        return core::Json{{"ok", true}, {"cards", cards}, {"columns", columns}};
    }
    if (op == "deal") {
        auto i = a.doc().index().opportunity(test_str(cmd, "id"));
        if (!i) return test_error("no deal with id " + test_str(cmd, "id"));
        return core::Json{{"ok", true}, {"deal", deal_json(plan, plan.opportunities[*i])}};
    }
    if (op == "open_deals") {
        // {"op":"open_deals","limit":n}: the first open deals, for tests and benchmarks that must
        // not pull a 100,000-account plan through JSON.
        const int limit = test_int(cmd, "limit", 50);
        core::Json list = core::Json::array();
        for (const core::Opportunity& o : plan.opportunities) {
            if (static_cast<int>(list.size()) >= limit) break;
            if (core::deal_state(plan, o) == core::DealState::Open)
                list.push_back(deal_json(plan, o));
        }
        return core::Json{{"ok", true}, {"deals", list}, {"total", plan.opportunities.size()}};
    }
    if (op == "set_pipeline") {
        // {"op":"set_pipeline","mode":"board"|"table","filter":0..3,"search":"…"}
        ui::PipelineViewState& pv = w.ui.pipeline;
        if (cmd.contains("mode")) pv.mode = test_str(cmd, "mode") == "table" ? 1 : 0;
        pv.table_filter = test_int(cmd, "filter", pv.table_filter);
        if (cmd.contains("search"))
            std::snprintf(pv.search, sizeof pv.search, "%s", test_str(cmd, "search").c_str());
        return core::Json{{"ok", true}};
    }
    if (op == "move_deal") {
        // The same action as a drop on the board.
        return core::Json{
            {"ok", app::move_deal_to_stage(a, test_str(cmd, "id"), test_str(cmd, "stage"))}};
    }
    if (op == "move_close_dates") {
        std::vector<std::string> ids;
        if (auto it = cmd.find("ids"); it != cmd.end() && it->is_array())
            for (const auto& v : *it)
                if (v.is_string()) ids.push_back(v.get<std::string>());
        const auto date = core::parse_iso_date(test_str(cmd, "date"));
        if (!date) return test_error("date must be YYYY-MM-DD");
        return core::Json{{"ok", true}, {"changed", app::move_close_dates(a, ids, *date)}};
    }
    if (op == "set_forecast") {
        // {"op":"set_forecast","tab":"overview"|"commission"|"what-if","granularity":0..2,
        //  "year_offset":n,"selected":i}
        ui::ForecastViewState& fv = w.ui.forecast;
        const std::string tab = test_str(cmd, "tab");
        if (tab == "overview") fv.tab = 0;
        if (tab == "commission") fv.tab = 1;
        if (tab == "what-if") fv.tab = 2;
        fv.granularity = std::clamp(test_int(cmd, "granularity", fv.granularity), 0, 2);
        fv.year_offset = test_int(cmd, "year_offset", fv.year_offset);
        fv.selected = test_int(cmd, "selected", fv.selected);
        fv.what_if_scope = test_int(cmd, "what_if_scope", fv.what_if_scope);
        return core::Json{{"ok", true}};
    }
    if (op == "forecast_state") {
        // The numbers the Forecast view shows, and where its bars were drawn.
        const ui::ForecastModel& m = ui::forecast_model(a, w.ui);
        core::Json periods = core::Json::array();
        for (const core::ForecastPeriod& p : m.periods) {
            core::Json j = month_json(p.total);
            j["label"] = ui::period_long(p.first, p.months);
            j["cumulative_attainment_pct"] = opt(p.cumulative_attainment_pct);
            j["months_without_quota"] = p.months_without_quota;
            periods.push_back(j);
        }
        core::Json bars = core::Json::array();
        for (const auto& [label, r] : w.ui.forecast.bar_rects)
            bars.push_back({{"label", label}, {"rect", rect_json(r)}});
        core::Json commission = core::Json::array();
        for (const core::CommissionMonth& c : m.commission)
            commission.push_back({{"month", core::format_year_month(c.month)},
                                  {"won", c.won},
                                  {"payout", c.payout},
                                  {"tier_payout", c.tier_payout},
                                  {"extra_payout", c.extra_payout},
                                  {"year_to_date", c.year_to_date},
                                  {"marginal_rate_bp", c.marginal_rate_bp}});
        core::Json picks = core::Json::object();
        for (const auto& [id, act] : w.ui.forecast.what_if)
            picks[id] = core::what_if_label(act);
        return core::Json{{"ok", true},
                          {"year", m.year},
                          {"current", m.current},
                          {"selected", ui::selected_period(m, w.ui)},
                          {"this_month", month_json(m.month(m.this_month))},
                          {"periods", periods},
                          {"bars", bars},
                          {"axis",
                           {{"top", w.ui.forecast.plot_top},
                            {"zero", w.ui.forecast.plot_bottom},
                            {"max_dollars", w.ui.forecast.axis_max_dollars}}},
                          {"commission", commission},
                          {"what_if", picks}};
    }
    if (op == "what_if") {
        // {"op":"what_if","id":"…","action":"win"|"slip"|"lose"|"none"}: a pick in the What-if tab.
        const std::string id = test_str(cmd, "id");
        auto i = a.doc().index().opportunity(id);
        if (!i) return test_error("no deal with id " + id);
        if (core::deal_state(plan, plan.opportunities[*i]) != core::DealState::Open)
            return test_error("deal " + id + " is closed: a what-if picks open deals");
        if (auto act = action_from(test_str(cmd, "action")))
            w.ui.forecast.what_if[id] = *act;
        else
            w.ui.forecast.what_if.erase(id);
        return core::Json{{"ok", true}, {"picks", w.ui.forecast.what_if.size()}};
    }
    if (op == "what_if_apply" || op == "what_if_discard") {
        int changed = 0;
        if (op == "what_if_apply") {
            std::vector<core::WhatIfChoice> choices;
            for (const auto& [id, act] : w.ui.forecast.what_if)
                choices.push_back({id, act});
            changed = app::apply_what_if(a, choices);
        }
        w.ui.forecast.what_if.clear();
        return core::Json{{"ok", true}, {"changed", changed}};
    }
    if (op == "set_quota") {
        // {"op":"set_quota","monthly":1500000,"overrides":{"2026-12":0}}: cents, as the editor.
        core::Quota q = plan.quota;
        if (auto it = cmd.find("monthly"); it != cmd.end() && it->is_number_integer())
            q.monthly_revenue = it->get<core::Cents>();
        if (auto it = cmd.find("overrides"); it != cmd.end() && it->is_object()) {
            for (const auto& [key, v] : it->items()) {
                const auto ym = core::parse_year_month(key);
                if (!ym) return test_error("override months are YYYY-MM: " + key);
                if (v.is_null())
                    q.month_override.erase(*ym);
                else if (v.is_number_integer())
                    q.month_override[*ym] = v.get<core::Cents>();
            }
        }
        return core::Json{{"ok", app::set_quota(a, q)}};
    }
    if (op == "open_editor") {
        // {"op":"open_editor","editor":"deal"|"stages"|"quota"|"commission","id":"…"}
        const std::string which = test_str(cmd, "editor");
        if (which == "deal") {
            auto i = a.doc().index().opportunity(test_str(cmd, "id"));
            if (!i) return test_error("no deal with id " + test_str(cmd, "id"));
            ui::open_deal_editor(a, w.ui, plan.opportunities[*i]);
        } else if (which == "stages") {
            ui::open_stage_editor(a, w.ui);
        } else if (which == "quota") {
            ui::open_quota_editor(a, w.ui);
        } else if (which == "commission") {
            ui::open_commission_editor(a, w.ui);
        } else {
            return test_error("unknown editor: " + which);
        }
        return core::Json{{"ok", true}};
    }
    return std::nullopt;
}

} // namespace footprint::platform
