// The "Log activity" popup, quick type buttons and the task list (see activity_log.h).
#include "ui/activity_log.h"

#include "app/activity_actions.h"
#include "core/activity_log.h"
#include "core/csv_values.h"
#include "core/format.h"
#include "core/summary.h"
#include "ui/forecast_ui.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/view_common.h"

#include <imgui.h>

#include <cstdio>
#include <cstdlib>

namespace footprint::ui {

namespace {

constexpr const char* kPopup = "Log activity##log-activity";

const char* article(core::ActivityType t) {
    return t == core::ActivityType::Email || t == core::ActivityType::Event ? "an" : "a";
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// Centred every frame: a popup that auto-fits its height has no size on the frame it appears, so
// a pivot applied only then would put its corner, not its centre, in the middle.
void place_modal(const UiState& ui, float width) {
    (void)ui;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(
        ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.45f),
        ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
}

void copy(char* buf, std::size_t size, const std::string& s) {
    std::snprintf(buf, size, "%s", s.c_str());
}

void label(const char* text, float width) {
    ImGui::AlignTextToFramePadding();
    text_muted(text);
    ImGui::SameLine(width);
}

// The subject follows the type while the user has not typed one of their own.
void set_type(const app::App& app, ActivityLogState& st, core::ActivityType t) {
    const std::string name = account_name(app, st.draft.account_id);
    const bool default_subject =
        st.draft.subject.empty() || st.subject == core::default_activity_subject(st.draft.type, name);
    st.draft.type = t;
    st.focus_frames = 3; // back to the outcome: the type is picked, the text comes next
    if (default_subject) copy(st.subject, sizeof st.subject, core::default_activity_subject(t, name));
    if (st.draft.duration_minutes == 0 && (t == core::ActivityType::Visit ||
                                           t == core::ActivityType::Meeting))
        st.draft.duration_minutes = app.plan().settings.default_meeting_minutes;
}

void type_picker(const app::App& app, UiState& ui, ActivityLogState& st) {
    const Palette& p = palette();
    for (int t = 0; t < core::kActivityTypeCount; ++t) {
        const auto type = static_cast<core::ActivityType>(t);
        const bool on = st.draft.type == type;
        if (t > 0) ImGui::SameLine(0, 4 * ui.dpr);
        if (on) {
            ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.accent);
            ImGui::PushStyleColor(ImGuiCol_Text, p.on_accent);
        }
        const std::string text = std::string(activity_icon(type)) + "  " + activity_label(type) +
                                 "##type" + std::to_string(t);
        if (ImGui::Button(text.c_str())) set_type(app, st, type);
        if (on) ImGui::PopStyleColor(3);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Log it as %s", activity_label(type));
    }
}

// "Tomorrow", "In 3 days", "Next Monday": the usual due dates as one click each.
void due_quick_picks(UiState& ui, ActivityLogState& st, core::Date today) {
    const core::Date next_monday = core::add_days(today, 7 - core::weekday(today));
    const struct {
        const char* label;
        core::Date date;
    } picks[] = {{"Tomorrow", core::add_days(today, 1)},
                 {"In 3 days", core::add_days(today, 3)},
                 {"Next Monday", next_monday},
                 {"In 2 weeks", core::add_days(today, 14)}};
    for (const auto& pick : picks) {
        ImGui::SameLine(0, 4 * ui.dpr);
        const bool on = st.draft.next_step_due == pick.date;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, with_alpha(palette().accent, 0.25f));
        if (ImGui::SmallButton(pick.label)) st.draft.next_step_due = pick.date;
        if (on) ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", core::format_date(pick.date).c_str());
    }
}

bool submit(app::App& app, UiState& ui) {
    ActivityLogState& st = ui.log;
    core::Activity a = st.draft;
    a.subject = std::string(core::trim_value(st.subject));
    a.outcome = std::string(core::trim_value(st.outcome));
    a.notes = st.notes;
    a.next_step = std::string(core::trim_value(st.next_step));
    if (a.next_step.empty()) a.next_step_due.reset();
    a.start_minute.reset();
    if (st.start[0]) {
        auto m = core::parse_hhmm(st.start);
        if (!m) {
            st.problems = {"The start time \"" + std::string(st.start) +
                           "\" is not a time: use HH:MM, like 09:30, or leave it empty."};
            return false;
        }
        a.start_minute = m;
    }
    std::string id = app::log_activity(app, std::move(a), st.problems);
    if (id.empty()) return false;
    st.last_logged = id;
    const core::Activity* logged = app::find_activity(app, id);
    std::string text = "Undo with Ctrl+Z.";
    if (logged && logged->next_step_due)
        text = "Next step due " + core::format_relative_days(*logged->next_step_due,
                                                              app.clock().today()) +
               ": it is on your task list. " + text;
    app.notify(app::Notice::Kind::Success, app.doc().undo_label(), text);
    return true;
}

} // namespace

void open_log_activity(const app::App& app, UiState& ui, const std::string& account_id,
                       core::ActivityType type, const std::string& opportunity_id) {
    ActivityLogState& st = ui.log;
    const int horizon = st.task_horizon;
    st = ActivityLogState{};
    st.task_horizon = horizon;
    st.open = true;
    st.focus_frames = 3;
    st.draft.account_id = account_id;
    st.draft.opportunity_id = opportunity_id;
    st.draft.date = app.clock().today();
    st.draft.type = type;
    copy(st.subject, sizeof st.subject,
         core::default_activity_subject(type, account_name(app, account_id)));
    if (type == core::ActivityType::Visit || type == core::ActivityType::Meeting)
        st.draft.duration_minutes = app.plan().settings.default_meeting_minutes;
    if (const core::Account* a = find_account(app, account_id))
        for (const core::Contact& c : a->contacts)
            if (c.primary) st.draft.contact_id = c.id;
}

void log_activity_for_selection(app::App& app, UiState& ui) {
    std::string id = ui.focused_account;
    if (id.empty() && ui.selection.size() == 1) id = *ui.selection.begin();
    if (id.empty() || !find_account(app, id)) {
        app.notify(app::Notice::Kind::Info, "Pick one account to log an activity",
                   "Select an account in the list or on the map, then press L.");
        return;
    }
    open_log_activity(app, ui, id, core::ActivityType::Call);
}

void draw_log_activity(app::App& app, UiState& ui) {
    ActivityLogState& st = ui.log;
    if (!st.open) return;
    if (!ImGui::IsPopupOpen(kPopup)) ImGui::OpenPopup(kPopup);
    place_modal(ui, 620 * ui.dpr);
    if (!ImGui::BeginPopupModal(kPopup, nullptr,
                                ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize |
                                    ImGuiWindowFlags_NoSavedSettings))
        return;
    const core::Date today = app.clock().today();
    const core::Account* account = find_account(app, st.draft.account_id);
    if (!account) { // gone underneath (undo): nothing to log against
        st.open = false;
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    modal_title(ui, ("Log activity  \xC2\xB7  " + account->name).c_str(),
                "Saved to the account's timeline; a next step with a due date becomes a task.");
    type_picker(app, ui, st);
    ImGui::Dummy(ImVec2(0, 4 * ui.dpr));

    const float lw = 110 * ui.dpr;
    const float fw = 480 * ui.dpr;
    label("Date", lw);
    std::optional<core::Date> date = st.draft.date;
    if (date_field(ui, "##date", date, today, 150 * ui.dpr, "Today") && date)
        st.draft.date = *date;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(70 * ui.dpr);
    ImGui::InputTextWithHint("##start", "HH:MM", st.start, sizeof st.start);
    ImGui::SetItemTooltip("Start time (optional), like 09:30");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110 * ui.dpr);
    ImGui::InputInt("##duration", &st.draft.duration_minutes, 15, 60);
    if (st.draft.duration_minutes < 0) st.draft.duration_minutes = 0;
    if (st.draft.duration_minutes > 24 * 60) st.draft.duration_minutes = 24 * 60;
    ImGui::SetItemTooltip("Duration in minutes (0: not recorded)");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    text_muted("min");

    label("Subject", lw);
    ImGui::SetNextItemWidth(fw);
    ImGui::InputText("##subject", st.subject, sizeof st.subject);

    label("Outcome", lw);
    ImGui::SetNextItemWidth(fw);
    // Asked for on the first frames: the popup takes focus for itself as it appears.
    if (st.focus_frames > 0) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextWithHint("##outcome",
                             "What happened, e.g. \"Interested in 1 Gbps, wants a quote\"",
                             st.outcome, sizeof st.outcome);
    if (ImGui::IsItemActive())
        st.focus_frames = 0; // it has the cursor: asking again would select what was typed
    else if (st.focus_frames > 0)
        --st.focus_frames;

    label("Notes", lw);
    ImGui::InputTextMultiline("##notes", st.notes, sizeof st.notes, ImVec2(fw, 64 * ui.dpr));
    const bool in_notes = ImGui::IsItemActive();

    label("Next step", lw);
    ImGui::SetNextItemWidth(fw);
    ImGui::InputTextWithHint("##next", "e.g. \"Send the quote to Maria\" (optional)",
                             st.next_step, sizeof st.next_step);
    if (st.next_step[0]) {
        label("Due", lw);
        std::optional<core::Date> due = st.draft.next_step_due;
        if (date_field(ui, "##due", due, today, 150 * ui.dpr, "No due date"))
            st.draft.next_step_due = due;
        due_quick_picks(ui, st, today);
        if (!st.draft.next_step_due) {
            ImGui::Dummy(ImVec2(lw - ImGui::GetStyle().ItemSpacing.x, 0));
            ImGui::SameLine();
            text_muted("Give it a due date to see it on your task list.");
        }
    }
    for (const std::string& problem : st.problems)
        ImGui::TextColored(to_vec4(palette().danger), ICON_WARNING "  %s", problem.c_str());

    const std::string primary = std::string("Log ") + activity_label(st.draft.type);
    const int r = modal_buttons(ui, primary.c_str(), true);
    // Enter logs from any one-line field (the notes take Enter as a new line).
    const bool enter = (ImGui::IsKeyPressed(ImGuiKey_Enter, false) ||
                        ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false)) &&
                       !ImGui::GetIO().KeyShift && !in_notes;
    if (r == 1 || enter) {
        if (submit(app, ui)) {
            st.open = false;
            ImGui::CloseCurrentPopup();
        }
    } else if (r == -1) {
        st.open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void log_activity_buttons(const app::App& app, UiState& ui, const core::Account& a, bool compact) {
    ImGui::PushID("log-buttons");
    ImGui::AlignTextToFramePadding();
    text_muted("Log");
    for (int t = 0; t < core::kActivityTypeCount; ++t) {
        const auto type = static_cast<core::ActivityType>(t);
        ImGui::SameLine(0, 4 * ui.dpr);
        const std::string text = compact ? std::string(activity_icon(type)) + "##" +
                                               std::to_string(t)
                                         : std::string(activity_icon(type)) + " " +
                                               activity_label(type) + "##" + std::to_string(t);
        if (ImGui::Button(text.c_str())) open_log_activity(app, ui, a.id, type);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Log %s %s with %s", article(type),
                              lower(core::activity_type_title(type)).c_str(), a.name.c_str());
    }
    ImGui::PopID();
}

void log_activity_menu_items(const app::App& app, UiState& ui, const std::string& account_id) {
    for (int t = 0; t < core::kActivityTypeCount; ++t) {
        const auto type = static_cast<core::ActivityType>(t);
        const std::string text = std::string(activity_icon(type)) + "  Log " +
                                 activity_label(type) + "\xE2\x80\xA6";
        if (ImGui::MenuItem(text.c_str(), t == 0 ? "L" : nullptr))
            open_log_activity(app, ui, account_id, type);
    }
}

int draw_task_list(app::App& app, UiState& ui, const std::string& account_id, int within_days) {
    const core::Date today = app.clock().today();
    const Palette& p = palette();
    const std::vector<core::Task> tasks =
        account_id.empty() ? core::open_tasks(app.plan(), today, within_days)
                           : core::open_tasks_of(app.plan(), account_id, today, within_days);
    std::string done_id;
    for (const core::Task& t : tasks) {
        const core::Activity& a = *t.activity;
        ImGui::PushID(a.id.c_str());
        bool done = false;
        if (ImGui::Checkbox("##done", &done)) done_id = a.id;
        ImGui::SetItemTooltip("Mark done (undo with Ctrl+Z)");
        ImGui::SameLine();
        const ImU32 col = t.days < 0 ? p.danger : t.days == 0 ? p.warning : p.text_muted;
        const std::string when = t.days < 0 ? "overdue, was due " + core::format_relative_days(t.due, today)
                                            : "due " + core::format_relative_days(t.due, today);
        ImGui::BeginGroup();
        ImGui::TextUnformatted(a.next_step.c_str());
        ImGui::TextColored(to_vec4(col), "%s", when.c_str());
        if (account_id.empty()) {
            ImGui::SameLine(0, 6 * ui.dpr);
            text_muted("\xC2\xB7  " + account_name(app, a.account_id));
        }
        ImGui::EndGroup();
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::Text("%s: %s", activity_label(a.type), a.subject.c_str());
            ImGui::Text("Logged %s; due %s", core::format_date(a.date).c_str(),
                        core::format_date(t.due).c_str());
            if (account_id.empty()) text_muted("Click to select the account");
            ImGui::EndTooltip();
        }
        if (account_id.empty() && ImGui::IsItemClicked()) select_account(ui, a.account_id);
        ImGui::PopID();
    }
    if (!done_id.empty()) app::set_next_step_done(app, done_id, true);
    return static_cast<int>(tasks.size());
}

void draw_account_tasks(app::App& app, UiState& ui, const core::Account& a) {
    if (core::open_tasks_of(app.plan(), a.id, app.clock().today(), 100000).empty()) return;
    ImGui::SeparatorText("Next steps");
    draw_task_list(app, ui, a.id, 100000);
}

} // namespace footprint::ui
