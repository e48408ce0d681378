// Test API ops for the Accounts view and CSV import/export: the same actions as the wizard's
// buttons, the list's clicks, the filter menu and the bulk bar (ui/accounts_view.h).
#include "core/format.h"
#include "platform/web_context.h"
#include "ui/accounts_view.h"
#include "ui/files.h"

#include <emscripten.h>

namespace footprint::platform {

namespace {

const char* stage_name(app::CsvImportJob::Stage s) {
    using S = app::CsvImportJob::Stage;
    switch (s) {
    case S::Reading:
        return "reading";
    case S::Mapping:
        return "mapping";
    case S::Checking:
        return "checking";
    case S::Dates:
        return "dates";
    case S::Counting:
        return "counting";
    case S::Review:
        return "review";
    case S::Applying:
        return "applying";
    case S::Done:
        return "done";
    case S::Failed:
        return "failed";
    }
    return "";
}

core::Json import_state(const ui::UiState& ui) {
    if (!ui.import.job) return {{"ok", true}, {"open", false}};
    const app::CsvImportJob& job = *ui.import.job;
    const core::CsvTable& t = job.table();
    core::Json columns = core::Json::array();
    for (std::size_t c = 0; c < t.header.size(); ++c) {
        const core::FieldInfo* f = c < job.options().mapping.size()
                                       ? core::find_field(job.kind(), job.options().mapping[c])
                                       : nullptr;
        columns.push_back({{"header", t.header[c]}, {"field", f ? f->key : ""}});
    }
    core::Json questions = core::Json::array();
    for (const core::DateColumnStats& q : job.open_date_questions())
        questions.push_back(
            {{"column", t.header[q.column]}, {"example", q.example}, {"ambiguous", q.ambiguous}});
    const core::ImportSummary& s = job.summary();
    core::Json rejections = core::Json::array();
    for (std::size_t i = 0; i < s.rejections.size() && i < 50; ++i)
        rejections.push_back(core::format_rejection(job.file_name(), s.rejections[i]));
    const auto& tm = job.timing();
    return {
        {"ok", true},
        {"open", true},
        {"stage", stage_name(job.stage())},
        {"columns_step", ui.import.columns_step},
        {"file_name", job.file_name()},
        {"kind", core::import_kind_name(job.kind())},
        {"progress", job.progress()},
        {"encoding", core::encoding_name(t.encoding)},
        {"delimiter", std::string(1, t.delimiter)},
        {"rows", t.rows.size()},
        {"footer_lines", t.footer_lines},
        {"columns", columns},
        {"mapping_problem",
         job.stage() == app::CsvImportJob::Stage::Mapping ? job.mapping_problem() : ""},
        {"questions", questions},
        {"summary",
         {{"rows", s.rows},
          {"created", s.created},
          {"updated", s.updated},
          {"unchanged", s.unchanged},
          {"skipped", s.skipped},
          {"duplicates", s.duplicates},
          {"rejected", s.rejected},
          {"rejections", rejections},
          {"notes", s.notes}}},
        {"error", job.error()},
        {"label", job.label()},
        {"timing",
         {{"read_ms", tm.read_ms},
          {"check_ms", tm.check_ms},
          {"count_ms", tm.count_ms},
          {"apply_ms", tm.apply_ms},
          {"longest_slice_ms", tm.longest_slice_ms},
          {"total_ms",
           tm.finished_ms >= 0 && tm.started_ms >= 0 ? tm.finished_ms - tm.started_ms : -1.0}}}};
}

std::vector<std::string> strings(const core::Json& cmd, const char* key) {
    std::vector<std::string> out;
    if (auto it = cmd.find(key); it != cmd.end() && it->is_array())
        for (const auto& v : *it)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

core::Json list_state(app::App& a, ui::UiState& ui, int limit) {
    ui::finish_account_list(a, ui);
    const core::Plan& plan = a.plan();
    core::Json names = core::Json::array();
    const auto& rows = ui.accounts.list.rows();
    for (std::size_t i = 0; i < rows.size() && static_cast<int>(i) < limit; ++i)
        if (rows[i] < plan.accounts.size()) names.push_back(plan.accounts[rows[i]].name);
    return {{"ok", true},
            {"shown", rows.size()},
            {"total", plan.accounts.size()},
            {"names", names},
            {"selected", ui.selection.size()},
            {"focused", ui.focused_account},
            {"filter_label", ui.accounts.filter.only_label}};
}

std::optional<core::AccountColumn> column_from(const std::string& s) {
    using C = core::AccountColumn;
    if (s == "name") return C::Name;
    if (s == "status") return C::Status;
    if (s == "city") return C::City;
    if (s == "industry") return C::Industry;
    if (s == "owner") return C::Owner;
    if (s == "mrc") return C::Mrc;
    if (s == "contract_end") return C::ContractEnd;
    if (s == "employees") return C::Employees;
    return std::nullopt;
}

} // namespace

std::optional<core::Json> test_ops_import(const std::string& op, const core::Json& cmd) {
    WebContext& w = web();
    app::App& a = *w.app;
    ui::UiState& ui = w.ui;
    auto job = [&]() -> app::CsvImportJob* { return ui.import.job.get(); };

    if (op == "import_pick") { // the "Import CSV…" button: the page's file input opens
        ui::pick_csv_file(ui);
        return core::Json{{"ok", true}};
    }
    if (op == "import_text") { // a chosen file, by its text (tests of UTF-8 content)
        ui::deliver_file(a, ui, ui::kFileImportCsv, test_str(cmd, "file_name"),
                         test_str(cmd, "text"));
        return core::Json{{"ok", true}};
    }
    if (op == "import_state") return import_state(ui);
    if (op == "import_set") {
        if (!job()) return test_error("the import wizard is not open");
        if (cmd.contains("kind")) {
            auto k = core::import_kind_from(test_str(cmd, "kind"));
            if (!k) return test_error("unknown kind: " + test_str(cmd, "kind"));
            job()->set_kind(*k);
        }
        if (auto it = cmd.find("fields"); it != cmd.end() && it->is_object()) {
            for (const auto& [header, key] : it->items()) {
                const auto& hdr = job()->table().header;
                auto col = std::find(hdr.begin(), hdr.end(), header);
                if (col == hdr.end()) return test_error("no column named " + header);
                const std::string k = key.is_string() ? key.get<std::string>() : "";
                const core::FieldInfo* f = core::find_field_by_key(job()->kind(), k);
                if (!k.empty() && !f) return test_error("unknown field: " + k);
                job()->set_field(static_cast<std::size_t>(col - hdr.begin()),
                                 f ? f->field : core::ImportField::None);
            }
        }
        if (cmd.contains("amount"))
            job()->set_amount_is_monthly(test_str(cmd, "amount") == "monthly");
        if (cmd.contains("term")) job()->set_default_term(test_int(cmd, "term", 36));
        if (auto it = cmd.find("update_existing"); it != cmd.end() && it->is_boolean())
            job()->set_update_existing(it->get<bool>());
        return core::Json{{"ok", true}};
    }
    if (op == "import_next") {
        ui::wizard_next(a, ui);
        return core::Json{{"ok", true}};
    }
    if (op == "import_back") {
        ui::wizard_back(a, ui);
        return core::Json{{"ok", true}};
    }
    if (op == "import_cancel") {
        ui::wizard_cancel(a, ui);
        return core::Json{{"ok", true}};
    }
    if (op == "import_answer_date") { // {"column": "Close Date", "order": "mdy" | "dmy"}
        if (!job()) return test_error("the import wizard is not open");
        const auto& hdr = job()->table().header;
        auto col = std::find(hdr.begin(), hdr.end(), test_str(cmd, "column"));
        if (col == hdr.end()) return test_error("no column named " + test_str(cmd, "column"));
        job()->answer_date(a, static_cast<std::size_t>(col - hdr.begin()),
                           test_str(cmd, "order") == "dmy" ? core::DateOrder::DayMonth
                                                           : core::DateOrder::MonthDay);
        return core::Json{{"ok", true}};
    }
    if (op == "import_show_imported") {
        ui::wizard_show_imported(a, ui);
        return core::Json{{"ok", true}};
    }
    if (op == "import_download_rejected") {
        ui::wizard_download_rejected(a, ui);
        return core::Json{{"ok", true}};
    }
    if (op == "export_csv") { // {"kind": "accounts", "selection": false}: the Export menu
        auto k = core::import_kind_from(test_str(cmd, "kind"));
        if (!k) return test_error("unknown kind: " + test_str(cmd, "kind"));
        const auto it = cmd.find("selection");
        ui::export_csv_file(a, ui, *k, it != cmd.end() && it->is_boolean() && it->get<bool>());
        return core::Json{{"ok", true}};
    }
    if (op == "accounts_filter") {
        // What the search box, the status buttons and the Filters menu set.
        core::AccountFilter f;
        std::snprintf(ui.accounts.search, sizeof ui.accounts.search, "%s",
                      test_str(cmd, "search").c_str());
        if (cmd.contains("status")) {
            f.status_mask = 0;
            for (const std::string& s : strings(cmd, "status"))
                if (auto st = core::account_status_from(s))
                    f.status_mask |= 1u << static_cast<int>(*st);
        }
        f.ending_within_days = test_int(cmd, "ending_within", -1);
        for (const std::string& name : strings(cmd, "territories"))
            for (const core::Territory& t : a.plan().territories)
                if (t.name == name) f.territories.push_back(t.id);
        f.industries = strings(cmd, "industries");
        f.tags = strings(cmd, "tags");
        f.family = test_str(cmd, "family");
        f.family_lacks = test_str(cmd, "family_mode") == "lacks";
        ui.accounts.filter = std::move(f);
        return list_state(a, ui, test_int(cmd, "limit", 20));
    }
    if (op == "accounts_sort") {
        auto c = column_from(test_str(cmd, "column"));
        if (!c) return test_error("unknown column: " + test_str(cmd, "column"));
        ui.accounts.sort = core::AccountSort{*c, test_str(cmd, "direction") != "descending"};
        return list_state(a, ui, test_int(cmd, "limit", 20));
    }
    if (op == "accounts_list") return list_state(a, ui, test_int(cmd, "limit", 20));
    if (op ==
        "accounts_click") { // {"row": 3, "mode": "replace" | "toggle" | "range" | "add_range"}
        ui::finish_account_list(a, ui);
        const auto& rows = ui.accounts.list.rows();
        const int r = test_int(cmd, "row", 0);
        if (r < 0 || static_cast<std::size_t>(r) >= rows.size()) return test_error("no such row");
        const std::string m = test_str(cmd, "mode");
        const ui::ClickMode mode = m == "toggle"      ? ui::ClickMode::Toggle
                                   : m == "range"     ? ui::ClickMode::Range
                                   : m == "add_range" ? ui::ClickMode::AddRange
                                                      : ui::ClickMode::Replace;
        ui::click_account(ui, a.plan(), rows[static_cast<std::size_t>(r)], mode);
        return list_state(a, ui, 0);
    }
    if (op == "accounts_select_all") {
        ui::finish_account_list(a, ui);
        ui::select_all_rows(ui, a.plan());
        return list_state(a, ui, 0);
    }
    if (op == "bulk_edit") { // {"field": "status" | "territory" | "owner" | "add_tag" |
                             // "remove_tag", "value": …}
        const std::string f = test_str(cmd, "field");
        std::string value = test_str(cmd, "value");
        ui::BulkField field = ui::BulkField::Status;
        if (f == "territory") {
            field = ui::BulkField::Territory;
            for (const core::Territory& t : a.plan().territories)
                if (t.name == value) value = t.id;
        } else if (f == "owner") {
            field = ui::BulkField::Owner;
        } else if (f == "add_tag") {
            field = ui::BulkField::AddTag;
        } else if (f == "remove_tag") {
            field = ui::BulkField::RemoveTag;
        } else if (f != "status") {
            return test_error("unknown field: " + f);
        }
        const int n = ui::bulk_edit(a, ui, field, value);
        a.doc().apply_slice(SIZE_MAX / 2, a.clock().wall()); // a test sees the whole edit at once
        return core::Json{{"ok", true}, {"changed", n}};
    }
    if (op == "accounts_bench") {
        // Sorting and filtering the list in the page: the same AccountList calls the view makes.
        const core::Plan& plan = a.plan();
        core::Json out = core::Json::object();
        core::AccountList list;
        double t = emscripten_get_now();
        list.rebuild(plan, a.clock().today());
        list.query(plan, {}, {});
        out["rebuild_ms"] = emscripten_get_now() - t;
        struct Case {
            const char* name;
            core::AccountFilter f;
            core::AccountSort s;
        };
        core::AccountFilter search, ending, combo;
        search.search = "dental";
        ending.ending_within_days = 90;
        combo.status_mask = 1;
        combo.family = "voice";
        combo.family_lacks = true;
        const Case cases[] = {
            {"sort_name", {}, {core::AccountColumn::Name, true}},
            {"sort_city", {}, {core::AccountColumn::City, true}},
            {"sort_mrc_desc", {}, {core::AccountColumn::Mrc, false}},
            {"sort_contract_end", {}, {core::AccountColumn::ContractEnd, true}},
            {"search_dental", search, {core::AccountColumn::Name, true}},
            {"ending_90_days", ending, {core::AccountColumn::ContractEnd, true}},
            {"clients_lacking_voice", combo, {core::AccountColumn::Mrc, false}},
        };
        for (const Case& c : cases) {
            list.query(plan, {}, {core::AccountColumn::Employees, true});
            t = emscripten_get_now();
            list.query(plan, c.f, c.s);
            out[c.name] = emscripten_get_now() - t;
        }
        return core::Json{{"ok", true}, {"ms", out}, {"accounts", plan.accounts.size()}};
    }
    return std::nullopt;
}

} // namespace footprint::platform
