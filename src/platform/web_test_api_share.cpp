// Test API, sharing area: the share dialog, the merge flow and the team roll-up, through the same
// UI and app functions the windows use (share_and_download, deliver_file, MergeFlow, TeamRollup).
#include "core/rollup.h"
#include "platform/web_context.h"
#include "ui/files.h"
#include "ui/panels.h"

namespace footprint::platform {

namespace {

const char* stage_name(app::MergeFlow::Stage s) {
    switch (s) {
    case app::MergeFlow::Stage::Idle: return "idle";
    case app::MergeFlow::Stage::Reading: return "reading";
    case app::MergeFlow::Stage::Comparing: return "comparing";
    case app::MergeFlow::Stage::Ready: return "ready";
    }
    return "";
}

// The dialog's choices from a command: {"scope": "plan|accounts|territory", "territory_id", "redact"}.
void set_share_choices(ui::UiState& ui, const core::Json& cmd) {
    ui::SharingState& s = ui.sharing;
    const std::string scope = test_str(cmd, "scope");
    s.share_scope = scope == "accounts" ? 1 : scope == "territory" ? 2 : 0;
    if (cmd.contains("territory_id")) s.share_territory = test_str(cmd, "territory_id");
    if (auto it = cmd.find("redact"); it != cmd.end() && it->is_boolean()) s.share_redact = it->get<bool>();
}

core::Json merge_state(app::App& a, app::MergeFlow& m) {
    core::Json j = {{"ok", true}, {"stage", stage_name(m.stage())}, {"progress", m.progress()}, {"file_name", m.file_name()},
                    {"read_ms", m.read_ms()}, {"compare_ms", m.compare_ms()}, {"longest_step_ms", m.longest_step_ms()},
                    {"finish_ms", m.finish_ms()}, {"execute_ms", m.execute_ms()}};
    if (m.stage() != app::MergeFlow::Stage::Ready) return j;
    const core::MergePreview& p = m.preview();
    const core::MergeReport& report = m.report(a); // with the conflicts as decided now
    core::Json counts = core::Json::object();
    for (int k = 0; k < core::kRecordKindCount; ++k) {
        const auto kind = static_cast<core::RecordKind>(k);
        const auto& n = report.of(kind);
        if (n.total()) counts[core::record_kind_noun(kind, true)] = {{"created", n.created}, {"updated", n.updated}, {"deleted", n.deleted}};
    }
    core::Json conflicts = core::Json::array();
    for (const core::MergeConflict& c : p.conflicts)
        conflicts.push_back({{"kind", core::record_kind_noun(c.kind, false)},
                             {"id", c.id},
                             {"label", c.label},
                             {"field", c.field},
                             {"mine", c.mine},
                             {"theirs", c.theirs},
                             {"theirs_newer", c.theirs_newer()},
                             {"choice", c.choice == core::Side::Mine ? "mine" : "theirs"}});
    j["changes"] = counts;
    j["conflicts"] = conflicts;
    j["base"] = p.report.base;
    j["their_name"] = p.report.their_name;
    return j;
}

} // namespace

std::optional<core::Json> test_ops_share(const std::string& op, const core::Json& cmd) {
    WebContext& w = web();
    app::App& a = *w.app;
    ui::SharingState& s = w.ui.sharing;
    if (op == "share_dialog") {
        // Opens the dialog with these choices (screenshots); "Download share file" is op "share".
        set_share_choices(w.ui, cmd);
        s.share_open = true;
        return core::Json{{"ok", true}};
    }
    if (op == "share") {
        set_share_choices(w.ui, cmd);
        const app::ShareFile f = ui::share_and_download(a, w.ui, ui::share_options(a, w.ui));
        return core::Json{{"ok", true},
                          {"file_name", f.name},
                          {"bytes", f.text.size()},
                          {"accounts", f.counts.accounts},
                          {"opportunities", f.counts.opportunities},
                          {"activities", f.counts.activities}};
    }
    if (op == "merge_pick") {
        ui::pick_file(w.ui, ui::kFileMerge, ".json,application/json");
        return core::Json{{"ok", true}};
    }
    if (op == "merge_text") {
        ui::deliver_file(a, w.ui, ui::kFileMerge, test_str(cmd, "file_name"), test_str(cmd, "text"));
        return core::Json{{"ok", true}};
    }
    if (op == "merge_state") return merge_state(a, s.merge);
    if (op == "merge_choose") {
        if (s.merge.stage() != app::MergeFlow::Stage::Ready) return test_error("no merge preview is open");
        auto& conflicts = s.merge.preview().conflicts;
        const std::string side = test_str(cmd, "side"), all = test_str(cmd, "all");
        if (!all.empty()) {
            core::choose_all(conflicts, all == "mine"     ? std::optional<core::Side>(core::Side::Mine)
                                        : all == "theirs" ? std::optional<core::Side>(core::Side::Theirs)
                                                          : std::nullopt);
            return core::Json{{"ok", true}};
        }
        const int i = test_int(cmd, "index", -1);
        if (i < 0 || static_cast<std::size_t>(i) >= conflicts.size()) return test_error("no conflict at that index");
        conflicts[static_cast<std::size_t>(i)].choice = side == "mine" ? core::Side::Mine : core::Side::Theirs;
        return core::Json{{"ok", true}};
    }
    if (op == "merge_apply") return core::Json{{"ok", s.merge.apply(a)}};
    if (op == "merge_cancel") {
        s.merge.cancel();
        return core::Json{{"ok", true}};
    }
    if (op == "rollup_open") {
        auto it = cmd.find("open");
        s.rollup_open = it == cmd.end() || !it->is_boolean() || it->get<bool>();
        return core::Json{{"ok", true}};
    }
    if (op == "rollup_pick") {
        ui::pick_files(w.ui, ui::kFileRollup, ".json,application/json");
        return core::Json{{"ok", true}};
    }
    if (op == "rollup_add_open_plan") return core::Json{{"ok", s.rollup.add_open_plan(a)}};
    if (op == "rollup_add_text") {
        const std::size_t before = s.rollup.plans().size();
        ui::deliver_file(a, w.ui, ui::kFileRollup, test_str(cmd, "file_name"), test_str(cmd, "text"));
        return core::Json{{"ok", s.rollup.plans().size() > before}};
    }
    if (op == "rollup_set") {
        s.rollup_months = test_int(cmd, "months", s.rollup_months);
        s.rollup_start = test_int(cmd, "start", s.rollup_start);
        if (auto it = cmd.find("team_quota"); it != cmd.end() && it->is_number()) s.team_quota = it->get<double>();
        if (cmd.contains("rep")) s.rollup_rep = test_str(cmd, "rep");
        return core::Json{{"ok", true}};
    }
    if (op == "rollup_state") {
        core::Json plans = core::Json::array();
        for (const core::RollupPlan& p : s.rollup.plans())
            plans.push_back({{"rep", p.rep}, {"name", p.plan.name}, {"file_name", p.file_name}});
        const core::Rollup& r = s.rollup.rollup(ui::rollup_options(a, w.ui));
        core::Json deals = core::Json::array();
        if (!s.rollup_rep.empty())
            for (const core::RollupDeal& d : core::rollup_deals(s.rollup.plans(), r, s.rollup_rep))
                deals.push_back({{"id", d.deal->id}, {"name", d.deal->name}, {"account", d.account}, {"mrc", d.deal->mrc}});
        return core::Json{{"ok", true}, {"open", s.rollup_open}, {"plans", plans}, {"rollup", core::rollup_json(r)},
                          {"rep", s.rollup_rep}, {"deals", deals}};
    }
    if (op == "rollup_export") {
        ui::export_rollup_csv(a, w.ui);
        return core::Json{{"ok", true}};
    }
    return std::nullopt;
}

} // namespace footprint::platform
