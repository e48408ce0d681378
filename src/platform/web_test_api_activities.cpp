// Test API ops for the activity log, reports and proposals: they open the same popups and run the
// same App actions the UI runs (ui/activity_log.h, ui/proposal_editor.h, app/*_actions.h).
#include "app/activity_actions.h"
#include "core/activity_log.h"
#include "core/report_export.h"
#include "platform/web_context.h"
#include "ui/activity_log.h"
#include "ui/proposal_editor.h"
#include "ui/reports_ui.h"

namespace footprint::platform {

namespace {

core::Json activity_json(const core::Activity& a) {
    return {{"id", a.id},
            {"account_id", a.account_id},
            {"opportunity_id", a.opportunity_id},
            {"type", std::string(core::to_string(a.type))},
            {"date", core::format_iso_date(a.date)},
            {"subject", a.subject},
            {"outcome", a.outcome},
            {"notes", a.notes},
            {"next_step", a.next_step},
            {"next_step_due", a.next_step_due ? core::format_iso_date(*a.next_step_due) : ""},
            {"next_step_done", a.next_step_done}};
}

} // namespace

std::optional<core::Json> test_ops_activities(const std::string& op, const core::Json& cmd) {
    WebContext& w = web();
    app::App& a = *w.app;
    const core::Plan& plan = a.plan();
    if (op == "open_log_activity") {
        // {"op":"open_log_activity","account_id":"…","type":"visit"}: what a route stop's
        // check-in or a type button does.
        auto type = core::activity_type_from(test_str(cmd, "type"));
        ui::open_log_activity(a, w.ui, test_str(cmd, "account_id"),
                              type.value_or(core::ActivityType::Call));
        return core::Json{{"ok", true}};
    }
    if (op == "log_state") {
        const ui::ActivityLogState& st = w.ui.log;
        return core::Json{{"ok", true},
                          {"open", st.open},
                          {"account_id", st.draft.account_id},
                          {"type", std::string(core::to_string(st.draft.type))},
                          {"subject", st.subject},
                          {"problems", st.problems},
                          {"last_logged", st.last_logged},
                          {"focused_account", w.ui.focused_account}};
    }
    if (op == "activities") {
        // {"op":"activities","account_id":"…"}: an account's activities in plan order.
        const std::string id = test_str(cmd, "account_id");
        core::Json list = core::Json::array();
        for (const core::Activity& x : plan.activities)
            if (id.empty() || x.account_id == id) list.push_back(activity_json(x));
        return core::Json{{"ok", true}, {"activities", list}};
    }
    if (op == "tasks") {
        core::Json list = core::Json::array();
        for (const core::Task& t : core::open_tasks(plan, a.clock().today(),
                                                    test_int(cmd, "within_days", 100000)))
            list.push_back({{"id", t.activity->id}, {"next_step", t.activity->next_step},
                            {"due", core::format_iso_date(t.due)}, {"days", t.days}});
        return core::Json{{"ok", true},
                          {"tasks", list},
                          {"overdue", core::overdue_task_count(plan, a.clock().today())}};
    }
    if (op == "set_next_step_done") {
        const bool ok = app::set_next_step_done(a, test_str(cmd, "id"),
                                                !cmd.contains("done") || cmd["done"] == true);
        return core::Json{{"ok", ok}};
    }
    if (op == "reports_view") {
        // {"op":"reports_view","kind":"week"|"month","offset":0,"tab":0..3}: the period picker.
        if (cmd.contains("kind")) w.ui.reports.period_kind = test_str(cmd, "kind") == "month";
        w.ui.reports.offset = test_int(cmd, "offset", w.ui.reports.offset);
        w.ui.reports.tab = test_int(cmd, "tab", w.ui.reports.tab);
        return core::Json{{"ok", true}};
    }
    if (op == "report") {
        // The numbers the Reports view shows for its current period (the same model it draws).
        const ui::ReportsModel& m = ui::reports_model(a, w.ui);
        return core::Json{{"ok", true},
                          {"activity", core::activity_report_json(plan, m.activity)},
                          {"renewal", core::renewal_report_json(plan, m.renewals)},
                          {"winback", core::winback_report_json(plan, m.winbacks)}};
    }
    if (op == "reports_download_csv" || op == "reports_download_html") {
        // The view's CSV and Print buttons.
        ui::reports_export(a, w.ui, op == "reports_download_html");
        return core::Json{{"ok", true}};
    }
    if (op == "open_proposal") {
        ui::open_proposal_editor(a, w.ui, test_str(cmd, "account_id"),
                                 test_str(cmd, "opportunity_id"));
        return core::Json{{"ok", w.ui.proposal.open}};
    }
    if (op == "proposal_edit") {
        // {"op":"proposal_edit","add":["prod-id"],"term":60,"title":"…","note":"…",
        //  "discount":["10"],"otc":["250"],"replaces":["svc-id"]}: what typing in the editor does.
        ui::ProposalEditorState& st = w.ui.proposal;
        if (!st.open) return test_error("the proposal editor is not open");
        if (auto it = cmd.find("add"); it != cmd.end() && it->is_array())
            for (const auto& id : *it)
                if (id.is_string()) ui::proposal_add_product(a, w.ui, id.get<std::string>());
        if (cmd.contains("term"))
            core::set_proposal_term(plan, st.draft, test_int(cmd, "term", 36));
        if (cmd.contains("title")) st.title = test_str(cmd, "title");
        if (cmd.contains("contact")) st.contact = test_str(cmd, "contact");
        if (cmd.contains("note")) st.note = test_str(cmd, "note");
        const auto texts = [&](const char* key, std::vector<std::string>& into) {
            if (auto it = cmd.find(key); it != cmd.end() && it->is_array())
                for (std::size_t i = 0; i < it->size() && i < into.size(); ++i)
                    if ((*it)[i].is_string()) into[i] = (*it)[i].get<std::string>();
        };
        texts("discount", st.discount_text);
        texts("otc", st.otc_text);
        if (auto it = cmd.find("replaces"); it != cmd.end() && it->is_array()) {
            st.draft.replaces.clear();
            for (const auto& id : *it)
                if (id.is_string()) st.draft.replaces.push_back(id.get<std::string>());
        }
        ui::proposal_apply_texts(w.ui);
        const core::Account* acc = nullptr;
        if (auto i = a.doc().index().account(st.draft.account_id)) acc = &plan.accounts[*i];
        core::Json out{{"ok", true}, {"lines", st.draft.lines.size()}};
        if (acc) {
            const core::ProposalTotals t = core::proposal_totals(*acc, st.draft, &plan.catalog);
            out["new_mrc"] = t.new_mrc;
            out["current_mrc"] = t.current_mrc;
            out["monthly_change"] = t.monthly_change;
            out["tcv"] = t.tcv;
        }
        return out;
    }
    if (op == "proposal_download") {
        ui::proposal_download(a, w.ui);
        return core::Json{{"ok", w.ui.proposal.problems.empty()},
                          {"problems", w.ui.proposal.problems}};
    }
    if (op == "proposal_send") {
        const bool ok = ui::proposal_mark_sent(a, w.ui);
        return core::Json{{"ok", ok},
                          {"problems", w.ui.proposal.problems},
                          {"activity_id", w.ui.proposal.last_sent_activity},
                          {"opportunity_id", w.ui.proposal.last_sent_opportunity}};
    }
    return std::nullopt;
}

} // namespace footprint::platform
