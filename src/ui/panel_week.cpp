// Plan my week: Monday to Friday as five columns of activities, and beside them the people to call
// this week (contracts ending in the next 90 days and next steps that are overdue).
#include "core/format.h"
#include "core/summary.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/view_common.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>

namespace footprint::ui {

namespace {

constexpr int kRenewalWindowDays = 90;
constexpr int kWorkDays = 5;

struct WeekData {
    CacheKey key;
    core::Date monday;
    std::vector<const core::Activity*> days[kWorkDays]; // Monday..Friday, by start time
    int weekend = 0;                                    // activities on Saturday/Sunday
    std::vector<core::AccountRenewal> renewals;
    std::vector<const core::Activity*> overdue;
};

WeekData g_data;       // derived from the plan; rebuilt when the plan, the day or the week changes
int g_week_offset = 0; // weeks from the current one, moved by the header's arrows

void refresh(const app::App& app) {
    if (!g_data.key.refresh(app, g_week_offset)) return;
    const core::Plan& plan = app.plan();
    const core::Date today = app.clock().today();
    g_data.monday = core::add_days(core::week_start(today), 7 * g_week_offset);
    for (auto& d : g_data.days)
        d.clear();
    g_data.weekend = 0;
    for (const core::Activity* a :
         core::activities_between(plan, g_data.monday, core::add_days(g_data.monday, 6))) {
        const int i = core::days_between(g_data.monday, a->date);
        if (i < kWorkDays)
            g_data.days[i].push_back(a);
        else
            ++g_data.weekend;
    }
    g_data.renewals =
        core::renewals_by_account(core::renewals_due(plan, today, kRenewalWindowDays));
    g_data.overdue = core::overdue_next_steps(plan, today);
}

std::string week_label(core::Date monday) {
    const core::Date friday = core::add_days(monday, 4);
    const core::Ymd a = core::ymd_of(monday), b = core::ymd_of(friday);
    std::string s = std::string(month_short(a.month)) + " " + std::to_string(a.day) + " – ";
    if (b.month != a.month) s += std::string(month_short(b.month)) + " ";
    s += std::to_string(b.day) + ", " + std::to_string(b.year);
    return s;
}

// --- the five days -----------------------------------------------------------------------------

float activity_card_height(const UiState& ui) {
    return 9 * ui.dpr * 2 + ImGui::GetTextLineHeight() * 3 + 4 * ui.dpr * 2;
}

void activity_card(const app::App& app, UiState& ui, const core::Activity& a) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = activity_card_height(ui);
    const float pad = 9 * ui.dpr, gap = 4 * ui.dpr, line = ImGui::GetTextLineHeight();
    ImGui::PushID(&a);
    const bool clicked = ImGui::InvisibleButton("##act", ImVec2(w, h));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    const bool selected = !a.account_id.empty() && ui.selection.count(a.account_id) > 0;
    card_background(ui, dl, pos, ImVec2(pos.x + w, pos.y + h), hovered, selected);

    float y = pos.y + pad;
    const std::string icon = activity_icon(a.type);
    dl->AddText(ImVec2(pos.x + pad, y), p.accent, icon.c_str());
    const float icon_w = ImGui::GetFontSize() * 1.15f + 4 * ui.dpr;
    const std::string when = a.start_minute ? time_of_day(*a.start_minute) : "Any time";
    dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize, ImVec2(pos.x + pad + icon_w, y), p.text,
                when.c_str());
    const std::string dur =
        a.duration_minutes > 0 ? core::format_duration_minutes(a.duration_minutes) : "";
    if (!dur.empty()) {
        // Only when it fits beside the time; the tooltip always has it.
        const float tw =
            ui.fonts.bold->CalcTextSizeA(ui.fonts.bold->FontSize, FLT_MAX, 0, when.c_str()).x;
        const float dw = ImGui::CalcTextSize(dur.c_str()).x;
        if (pad + icon_w + tw + 8 * ui.dpr + dw <= w - pad)
            dl->AddText(ImVec2(pos.x + w - pad - dw, y), p.text_muted, dur.c_str());
    }
    y += line + gap;
    const std::string account = account_name(app, a.account_id);
    draw_text_fit(dl, ui.fonts.body, ImVec2(pos.x + pad, y), p.text, account, w - pad * 2);
    y += line + gap;
    const std::string subject = a.subject.empty() ? activity_label(a.type) : a.subject;
    draw_text_fit(dl, ui.fonts.body, ImVec2(pos.x + pad, y), p.text_muted, subject, w - pad * 2);

    if (hovered) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
        if (dur.empty())
            ImGui::Text("%s  %s  ·  %s", activity_icon(a.type), activity_label(a.type),
                        when.c_str());
        else
            ImGui::Text("%s  %s  ·  %s  ·  %s", activity_icon(a.type), activity_label(a.type),
                        when.c_str(), dur.c_str());
        ImGui::TextUnformatted(account.c_str());
        if (!a.subject.empty()) ImGui::TextColored(to_vec4(p.text_muted), "%s", a.subject.c_str());
        if (!a.outcome.empty()) ImGui::Text("Outcome: %s", a.outcome.c_str());
        if (!a.next_step.empty()) ImGui::Text("Next step: %s", a.next_step.c_str());
        ImGui::TextColored(to_vec4(p.text_muted), "Click to select the account");
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    if (clicked) select_account(ui, a.account_id);
}

void day_column(const app::App& app, UiState& ui, int day, float x, float w, float h,
                core::Date today) {
    const Palette& p = palette();
    const core::Date date = core::add_days(g_data.monday, day);
    const bool is_today = date == today;
    ImGui::SetCursorPos(ImVec2(x, 0));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().ChildRounding;
    dl->AddRectFilled(origin, ImVec2(origin.x + w, origin.y + h), ui.dark ? p.surface_alt : p.grid,
                      rounding);
    if (is_today)
        dl->AddRect(origin, ImVec2(origin.x + w, origin.y + h), with_alpha(p.accent, 0.6f),
                    rounding, 0, 1.5f * ui.dpr);

    const float pad = 10 * ui.dpr, line = ImGui::GetTextLineHeight();
    const core::Ymd ymd = core::ymd_of(date);
    dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize, ImVec2(origin.x + pad, origin.y + pad),
                is_today ? p.accent : p.text, weekday_long(day));
    const std::string dm = std::string(month_short(ymd.month)) + " " + std::to_string(ymd.day);
    const float dmw = ImGui::CalcTextSize(dm.c_str()).x;
    dl->AddText(ImVec2(origin.x + w - pad - dmw, origin.y + pad), p.text_muted, dm.c_str());
    const auto& list = g_data.days[day];
    std::string count =
        list.empty() ? std::string("Nothing planned")
        : list.size() == 1
            ? std::string("1 activity")
            : core::format_count(static_cast<long long>(list.size())) + " activities";
    if (is_today) count = "Today  ·  " + count;
    dl->AddText(ImVec2(origin.x + pad, origin.y + pad + line + 4 * ui.dpr),
                is_today ? p.accent : p.text_muted, count.c_str());
    const float hh = pad * 2 + line * 2 + 4 * ui.dpr;

    ImGui::SetCursorPos(ImVec2(x, hh));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8 * ui.dpr, 2 * ui.dpr));
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, 8 * ui.dpr);
    ImGui::PushID(day);
    ImGui::BeginChild("##day", ImVec2(w, h - hh - 4 * ui.dpr),
                      ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar(2);
    if (list.empty()) {
        ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
        ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x);
        ImGui::TextColored(to_vec4(p.text_muted), "%s",
                           date < today ? "No activity logged."
                                        : "A free day: a good time for visits in the territory.");
        ImGui::PopTextWrapPos();
    } else {
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(list.size()),
                      activity_card_height(ui) + ImGui::GetStyle().ItemSpacing.y);
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
                activity_card(app, ui, *list[static_cast<std::size_t>(i)]);
    }
    ImGui::EndChild();
    ImGui::PopID();
}

// --- to call this week -------------------------------------------------------------------------

// A two-line clickable row: bold title with a value on the right, muted detail with a pill.
bool call_row(const UiState& ui, const void* id, const std::string& title, const std::string& value,
              const std::string& detail, const std::string& pill, ImU32 pill_colour,
              bool selected) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float pad = 8 * ui.dpr, line = ImGui::GetTextLineHeight(), gap = 4 * ui.dpr;
    const float h = pad * 2 + line + gap + pill_height();
    ImGui::PushID(id);
    const bool clicked = ImGui::InvisibleButton("##row", ImVec2(w, h));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    if (hovered || selected)
        dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h),
                          with_alpha(p.accent, selected ? 0.14f : 0.07f), 4 * ui.dpr);
    float y = pos.y + pad;
    const float vw = ImGui::CalcTextSize(value.c_str()).x;
    draw_text_fit(dl, ui.fonts.bold, ImVec2(pos.x + pad, y), p.text, title, w - pad * 3 - vw);
    dl->AddText(ImVec2(pos.x + w - pad - vw, y), p.text, value.c_str());
    y += line + gap;
    const float pw = pill_width(pill);
    draw_text_fit(dl, ui.fonts.body, ImVec2(pos.x + pad, y + (pill_height() - line) * 0.5f),
                  p.text_muted, detail, w - pad * 3 - pw);
    draw_pill(dl, ImVec2(pos.x + w - pad - pw, y), pill, pill_colour);
    dl->AddLine(ImVec2(pos.x + pad, pos.y + h - 0.5f), ImVec2(pos.x + w - pad, pos.y + h - 0.5f),
                p.grid);
    return clicked;
}

// A card with a title row (icon, title, count) over its own scrolling list; returns false when the
// list is clipped away (EndChild must still be called through side_card_end).
void side_card_begin(const UiState& ui, const char* id, float w, float h, const char* icon,
                     const char* title, std::size_t count, const char* help) {
    const Palette& p = palette();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().ChildRounding;
    dl->AddRectFilled(origin, ImVec2(origin.x + w, origin.y + h), p.surface, rounding);
    dl->AddRect(origin, ImVec2(origin.x + w, origin.y + h), p.border, rounding);
    const float pad = 12 * ui.dpr, line = ImGui::GetTextLineHeight();
    const std::string head = std::string(icon) + "  " + title;
    dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize, ImVec2(origin.x + pad, origin.y + pad),
                p.text, head.c_str());
    if (count > 0) {
        const std::string n = core::format_count(static_cast<long long>(count));
        draw_pill(dl, ImVec2(origin.x + w - pad - pill_width(n), origin.y + pad - 2 * ui.dpr), n,
                  p.text_muted);
    }
    ImGui::Dummy(ImVec2(w, pad + line));
    tooltip_on_hover(help);
    const float title_h = pad + line + 8 * ui.dpr;
    dl->AddLine(ImVec2(origin.x + pad, origin.y + title_h - 0.5f),
                ImVec2(origin.x + w - pad, origin.y + title_h - 0.5f), p.border);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + title_h + 1));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(4 * ui.dpr, 2 * ui.dpr));
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, 8 * ui.dpr);
    ImGui::BeginChild(id, ImVec2(w, h - title_h - 1 - 4 * ui.dpr),
                      ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar(2);
}

void side_card_end() {
    ImGui::EndChild();
}

void empty_line(const UiState& ui, const char* text) {
    ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 8 * ui.dpr);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - 8 * ui.dpr);
    text_muted(text);
    ImGui::PopTextWrapPos();
}

void renewals_card(const app::App& app, UiState& ui, float w, float h, core::Date today) {
    const Palette& p = palette();
    side_card_begin(ui, "##renewals", w, h, ICON_REFRESH, "Renewals due in 90 days",
                    g_data.renewals.size(),
                    "Clients with a contract ending in the next 90 days, soonest first. Call "
                    "before they lapse or go month to month.");
    if (g_data.renewals.empty())
        empty_line(ui, ICON_CHECK "  No contract ends in the next 90 days.");
    const core::Plan& plan = app.plan();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(g_data.renewals.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const core::AccountRenewal& r = g_data.renewals[static_cast<std::size_t>(i)];
            const core::Service& first = *r.services.front();
            std::string detail =
                r.services.size() == 1
                    ? product_label(plan, first)
                    : core::format_count(static_cast<long long>(r.services.size())) + " services";
            detail += "  ·  ends " + core::format_date_short(*first.contract_end, today);
            const bool sel = ui.selection.count(r.account->id) > 0;
            if (call_row(ui, r.account, r.account->name, mrc_whole(r.mrc), detail,
                         core::format_relative_days(*first.contract_end, today),
                         urgency_colour(r.days_left), sel))
                select_account(ui, r.account->id);
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushFont(ui.fonts.bold);
                ImGui::TextUnformatted(r.account->name.c_str());
                ImGui::PopFont();
                for (const core::Service* sv : r.services)
                    ImGui::Text("%s  ·  %s  ·  ends %s%s", product_label(plan, *sv).c_str(),
                                mrc_whole(sv->mrc).c_str(),
                                core::format_date(*sv->contract_end).c_str(),
                                sv->auto_renew ? " (auto-renews)" : "");
                ImGui::TextColored(to_vec4(p.text_muted), "Click to select the account");
                ImGui::EndTooltip();
            }
        }
    }
    side_card_end();
}

void overdue_card(const app::App& app, UiState& ui, float w, float h, core::Date today) {
    const Palette& p = palette();
    side_card_begin(ui, "##overdue", w, h, ICON_CLOCK, "Overdue next steps", g_data.overdue.size(),
                    "Next steps from logged activities that were due before today and are not "
                    "marked done, oldest first.");
    if (g_data.overdue.empty()) empty_line(ui, ICON_CHECK "  You are on top of every next step.");
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(g_data.overdue.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const core::Activity* a = g_data.overdue[static_cast<std::size_t>(i)];
            const std::string name = account_name(app, a->account_id);
            const bool sel = !a->account_id.empty() && ui.selection.count(a->account_id) > 0;
            const std::string step = a->next_step.empty() ? a->subject : a->next_step;
            if (call_row(ui, a, name, "", step,
                         "due " + core::format_relative_days(*a->next_step_due, today), p.danger,
                         sel))
                select_account(ui, a->account_id);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s\nNext step: %s\nDue %s, from the %s on %s", name.c_str(),
                                  step.c_str(), core::format_date(*a->next_step_due).c_str(),
                                  activity_label(a->type), core::format_date(a->date).c_str());
        }
    }
    side_card_end();
}

// The side column: renewals above, overdue next steps below, each scrolling on its own so both
// stay in view.
void call_list(const app::App& app, UiState& ui, float w, float h, core::Date today) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float gap = 8 * ui.dpr;
    const float min_h = 12 * ui.dpr * 2 + ImGui::GetTextLineHeight() * 3;
    float overdue_h = g_data.overdue.empty() ? min_h : std::max(min_h, (h - gap) * 0.42f);
    if (g_data.renewals.empty() && !g_data.overdue.empty()) overdue_h = h - gap - min_h;
    const float renew_h = h - gap - overdue_h;
    ImGui::BeginGroup();
    renewals_card(app, ui, w, renew_h, today);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + renew_h + gap));
    overdue_card(app, ui, w, overdue_h, today);
    ImGui::EndGroup();
}

} // namespace

void draw_week_panel(app::App& app, UiState& ui) {
    refresh(app);
    const core::Plan& plan = app.plan();
    const core::Date today = app.clock().today();
    if (plan.accounts.empty()) {
        page_header(ui, "Plan my week", "");
        empty_state(ui, ICON_CALENDAR, "Nothing to plan yet",
                    "Plan my week lays out your calls, visits and meetings from Monday to Friday, "
                    "with the renewals and follow-ups that need a call. Open a plan with accounts, "
                    "or try the sample plan.");
        empty_plan_actions(app, ui);
        return;
    }

    const float full_w = ImGui::GetContentRegionAvail().x;
    const float gap = 8 * ui.dpr;
    const float side_w = std::clamp(full_w * 0.27f, 300 * ui.dpr, 420 * ui.dpr);
    const float days_w = full_w - side_w - gap * 2;
    const float col_w = (days_w - gap * (kWorkDays - 1)) / kWorkDays;

    // Header: title, the week and its navigation; "To call this week" over the side column.
    std::string sub = week_label(g_data.monday);
    if (g_data.weekend > 0)
        sub += "  ·  " + core::format_count(g_data.weekend) + " more on the weekend";
    const float x0 = ImGui::GetCursorPosX();
    const float y0 = ImGui::GetCursorPosY();
    const float right_x = page_header(ui, "Plan my week", sub, side_w);
    const float y1 = ImGui::GetCursorPosY();
    const float title_w =
        ui.fonts.heading->CalcTextSizeA(ui.fonts.heading->FontSize, FLT_MAX, 0, "Plan my week").x;
    ImGui::SetCursorPos(
        ImVec2(x0 + title_w + 12 * ui.dpr + ImGui::CalcTextSize(sub.c_str()).x + 20 * ui.dpr, y0));
    if (icon_button(ICON_CHEVRON_LEFT "##prev-week", "Previous week")) --g_week_offset;
    ImGui::SameLine();
    ImGui::BeginDisabled(g_week_offset == 0);
    if (ImGui::Button("This week")) g_week_offset = 0;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (icon_button(ICON_CHEVRON_RIGHT "##next-week", "Next week")) ++g_week_offset;
    ImGui::SetCursorPos(ImVec2(right_x + 4 * ui.dpr,
                               y0 + (ImGui::GetFrameHeight() - ui.fonts.heading->FontSize) * 0.5f));
    heading(ui, ICON_PHONE "  To call this week");
    tooltip_on_hover("Contracts ending soon and next steps you promised: the calls to make this "
                     "week, as of today.");
    ImGui::SetCursorPos(ImVec2(x0, y1));

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("##days", ImVec2(days_w, avail.y), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    for (int d = 0; d < kWorkDays; ++d)
        day_column(app, ui, d, static_cast<float>(d) * (col_w + gap), col_w, avail.y, today);
    ImGui::EndChild();
    ImGui::SameLine(0, gap * 2);
    call_list(app, ui, side_w, avail.y, today);
}

} // namespace footprint::ui
