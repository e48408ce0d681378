// Reports: the week's or month's activity against goals, new pipeline, deals won and lost with
// reasons; renewals; win-backs; and the task list. Exports CSV for Excel and a printable page.
#include "core/format.h"
#include "core/report_export.h"
#include "ui/forecast_ui.h"
#include "ui/panels.h"
#include "ui/reports_ui.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>

namespace footprint::ui {

namespace {

const char* const kKinds[] = {"Week", "Month"};
const char* const kTabs[] = {"Activity", "Renewals", "Win-backs", "Tasks"};

ReportsModel g_model; // derived from the plan; rebuilt when the plan, day or period changes

void download(app::App& app, UiState& ui, const std::string& name, const char* mime,
              const std::string& bytes, const char* what) {
    if (!ui.hooks.download) return;
    ui.hooks.download(name, mime, bytes);
    app.notify(app::Notice::Kind::Success, std::string(what) + " exported",
               "Saved as " + name + " in your downloads.");
}

void export_csv(app::App& app, UiState& ui, const ReportsModel& m) {
    const core::Plan& plan = app.plan();
    switch (ui.reports.tab) {
    case 1:
        download(app, ui, core::report_file_name("renewal", m.period, "csv"),
                 "text/csv;charset=utf-8", core::renewal_report_csv(plan, m.renewals),
                 "Renewal report");
        break;
    case 2:
        download(app, ui, core::report_file_name("winback", m.period, "csv"),
                 "text/csv;charset=utf-8", core::winback_report_csv(plan, m.winbacks),
                 "Win-back report");
        break;
    default:
        download(app, ui, core::report_file_name("activity", m.period, "csv"),
                 "text/csv;charset=utf-8", core::activity_report_csv(plan, m.activity),
                 "Activity report");
    }
}

// Week/Month, the period's arrows and title, export buttons: one row under the page header.
void period_bar(app::App& app, UiState& ui, const ReportsModel& m) {
    ReportsViewState& st = ui.reports;
    int kind = st.period_kind;
    if (segmented(ui, "kind", kKinds, 2, kind)) {
        st.period_kind = kind;
        st.offset = 0;
    }
    ImGui::SameLine(0, 16 * ui.dpr);
    if (icon_button(ICON_CHEVRON_LEFT "##prev",
                    st.period_kind == 0 ? "The week before" : "The month before"))
        --st.offset;
    ImGui::SameLine(0, 4 * ui.dpr);
    ImGui::BeginDisabled(st.offset >= 0);
    if (icon_button(ICON_CHEVRON_RIGHT "##next",
                    st.period_kind == 0 ? "The week after" : "The month after"))
        ++st.offset;
    ImGui::EndDisabled();
    ImGui::SameLine(0, 4 * ui.dpr);
    ImGui::BeginDisabled(st.offset == 0);
    if (ImGui::Button(st.period_kind == 0 ? "This week" : "This month")) st.offset = 0;
    ImGui::EndDisabled();
    ImGui::SameLine(0, 12 * ui.dpr);
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted(core::period_title(m.period).c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    text_muted(core::format_date(m.period.from) + " \xE2\x80\x93 " + core::format_date(m.period.to) +
               (st.period_kind == 0 ? "  (weeks start Monday)" : ""));

    const ImGuiStyle& s = ImGui::GetStyle();
    const char* csv_label = ICON_DOWNLOAD "  CSV";
    const char* print_label = ICON_PRINT "  Print\xE2\x80\xA6";
    const float w = ImGui::CalcTextSize(csv_label).x + ImGui::CalcTextSize(print_label).x +
                    s.FramePadding.x * 4 + s.ItemSpacing.x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - w));
    ImGui::BeginDisabled(st.tab == 3);
    if (ImGui::Button(csv_label)) reports_export(app, ui, false);
    ImGui::EndDisabled();
    tooltip_on_hover("Download this report as a CSV file that Excel opens");
    ImGui::SameLine();
    if (ImGui::Button(print_label)) reports_export(app, ui, true);
    tooltip_on_hover("Download the activity, renewal and win-back reports as one page to open "
                     "and print (or save as PDF)");
}

} // namespace

void reports_export(app::App& app, UiState& ui, bool html) {
    const ReportsModel& m = reports_model(app, ui);
    if (!html) {
        export_csv(app, ui, m);
        return;
    }
    download(app, ui, core::report_file_name("sales", m.period, "html"), "text/html;charset=utf-8",
             core::reports_html(app.plan(), m.activity, m.renewals, m.winbacks,
                                app.clock().today()),
             "Printable report");
}

core::Period report_period(const UiState& ui, core::Date today) {
    if (ui.reports.period_kind == 0)
        return core::week_of(core::add_days(today, 7 * ui.reports.offset));
    return core::month_of(core::add_months(core::month_of(today).from, ui.reports.offset));
}

const ReportsModel& reports_model(const app::App& app, const UiState& ui) {
    const std::int64_t extra = ui.reports.period_kind * 100000 + ui.reports.offset;
    if (g_model.key.refresh(app, extra)) {
        g_model.period = report_period(ui, app.clock().today());
        g_model.activity = core::activity_period_report(app.plan(), g_model.period);
        g_model.renewals = core::renewal_report(app.plan(), g_model.period);
        g_model.winbacks = core::winback_report(app.plan(), g_model.period);
    }
    return g_model;
}

void draw_reports_panel(app::App& app, UiState& ui) {
    const core::Plan& plan = app.plan();
    if (plan.accounts.empty() && plan.activities.empty()) {
        page_header(ui, "Reports", "");
        empty_state(ui, ICON_BAR_CHART, "No activity to report yet",
                    "The reports count your calls, visits, meetings, emails and proposals "
                    "against your weekly goals, list new pipeline and the deals won and lost, "
                    "renewals and win-backs, ready for your manager. Open a plan, or try the "
                    "sample plan.");
        empty_plan_actions(app, ui);
        return;
    }
    const ReportsModel& m = reports_model(app, ui);
    const ImGuiStyle& st = ImGui::GetStyle();
    float seg_w = st.ItemSpacing.x * 3;
    for (const char* l : kTabs)
        seg_w += ImGui::CalcTextSize(l).x + st.FramePadding.x * 2;
    const float y0 = ImGui::GetCursorPosY();
    const float right_x = page_header(ui, "Reports", "For you and your manager", seg_w);
    const float y1 = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(right_x, y0));
    segmented(ui, "tab", kTabs, 4, ui.reports.tab);
    ImGui::SetCursorPosY(y1);
    period_bar(app, ui, reports_model(app, ui));
    ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
    const ReportsModel& now = reports_model(app, ui); // the period may have just changed
    (void)m;
    switch (ui.reports.tab) {
    case 1: draw_report_renewals(app, ui, now); break;
    case 2: draw_report_winbacks(app, ui, now); break;
    case 3: draw_report_tasks(app, ui); break;
    default: draw_report_activity(app, ui, now);
    }
}

} // namespace footprint::ui
