// The side column of Plan my week: who to visit (the candidates the week is planned with, and the
// proposed week to review), and who to call (renewals due and overdue next steps).
#include "core/format.h"
#include "core/summary.h"
#include "ui/theme.h"
#include "ui/view_common.h"
#include "ui/week_parts.h"

#include <algorithm>
#include <cfloat>

namespace footprint::ui::week {

namespace {

constexpr int kRenewalWindowDays = 90;

struct CallData {
    CacheKey key;
    std::vector<core::AccountRenewal> renewals;
    std::vector<const core::Activity*> overdue;
};
CallData g_calls;

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
    const float pw = pill.empty() ? 0 : pill_width(pill);
    draw_text_fit(dl, ui.fonts.body, ImVec2(pos.x + pad, y + (pill_height() - line) * 0.5f),
                  p.text_muted, detail, w - pad * 3 - pw);
    if (!pill.empty()) draw_pill(dl, ImVec2(pos.x + w - pad - pw, y), pill, pill_colour);
    dl->AddLine(ImVec2(pos.x + pad, pos.y + h - 0.5f), ImVec2(pos.x + w - pad, pos.y + h - 0.5f),
                p.grid);
    return clicked;
}

// A card with a title row (icon, title, count) over its own scrolling list; side_card_end closes
// it.
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
                    g_calls.renewals.size(),
                    "Clients with a contract ending in the next 90 days, soonest first. Call "
                    "before they lapse or "
                    "go month to month.");
    if (g_calls.renewals.empty())
        empty_line(ui, ICON_CHECK "  No contract ends in the next 90 days.");
    const core::Plan& plan = app.plan();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(g_calls.renewals.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const core::AccountRenewal& r = g_calls.renewals[static_cast<std::size_t>(i)];
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
    side_card_begin(
        ui, "##overdue", w, h, ICON_CLOCK, "Overdue next steps", g_calls.overdue.size(),
        "Next steps from logged activities that were due before today and are not marked done, "
        "oldest first.");
    if (g_calls.overdue.empty()) empty_line(ui, ICON_CHECK "  You are on top of every next step.");
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(g_calls.overdue.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const core::Activity* a = g_calls.overdue[static_cast<std::size_t>(i)];
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

// --- visit suggestions ---------------------------------------------------------------------------

void review_card(app::App& app, UiState& ui, float w) {
    const Palette& p = palette();
    const core::WeekProposal& wp = *ui.week.proposal;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 12 * ui.dpr;
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(w, pad * 0.5f));
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, ImGui::GetCursorScreenPos().y));
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted(ICON_MAGIC "  The week, planned");
    ImGui::PopFont();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + pad);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w - pad * 2);
    std::string head =
        core::format_count(wp.new_visits) + (wp.new_visits == 1 ? " new visit" : " new visits");
    if (wp.moved_visits > 0) head += ", " + core::format_count(wp.moved_visits) + " moved";
    head += "  ·  " + mrc_whole(wp.new_value) + " at stake  ·  " +
            core::format_duration_minutes(wp.drive_minutes) + " driving (" + miles(wp.km) + ")";
    ImGui::TextUnformatted(head.c_str());
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + pad);
    text_muted("Dashed cards on the left are the suggestions. Pin or take out accounts below and "
               "plan again, or "
               "add the plan to your week (one undo step).");
    int open_days = 0;
    for (const core::WeekDaySummary& d : wp.days)
        open_days += d.available ? 1 : 0;
    if (open_days <= 1) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + pad);
        ImGui::TextColored(
            to_vec4(p.warning), ICON_INFO "  %s",
            open_days == 0
                ? "Every day of this week is past: plan next week (›)."
                : "Only one day is left this week: plan next week with › for more room.");
    }
    ImGui::PopTextWrapPos();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + pad);
    ImGui::BeginDisabled(wp.new_visits + wp.moved_visits == 0);
    if (primary_button(ICON_CHECK "  Add to my week")) apply_proposal(app, ui);
    ImGui::EndDisabled();
    record_rect(ui, "apply-proposal");
    ImGui::SameLine();
    if (ImGui::Button("Discard")) discard_proposal(ui);
    record_rect(ui, "discard-proposal");
    if (!wp.left_out.empty() || !wp.not_fitting.empty()) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + pad);
        const std::string lbl = "Left out (" +
                                core::format_count(static_cast<long long>(wp.left_out.size())) +
                                ")##left";
        if (ImGui::TreeNodeEx(lbl.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth)) {
            for (const core::LeftOut& l : wp.left_out) {
                if (static_cast<std::size_t>(l.candidate) >=
                    ui.week.proposal_request.candidates.size())
                    continue;
                const core::VisitCandidate& c =
                    ui.week.proposal_request.candidates[static_cast<std::size_t>(l.candidate)];
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() + pad * 0.5f);
                ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w - pad * 3);
                ImGui::TextUnformatted(account_name(app, c.account_id).c_str());
                ImGui::SameLine();
                ImGui::TextColored(to_vec4(p.text_muted), "— %s", l.reason.c_str());
                ImGui::PopTextWrapPos();
            }
            for (const std::string& id : wp.not_fitting) {
                const auto idx = app.doc().index().activity(id);
                if (!idx) continue;
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() + pad * 0.5f);
                ImGui::TextColored(
                    to_vec4(p.warning),
                    ICON_WARNING "  %s: a planned visit no day can hold; it stays as it is",
                    account_name(app, app.plan().activities[*idx].account_id).c_str());
            }
            ImGui::TreePop();
        }
    }
    ImGui::Dummy(ImVec2(w, pad * 0.5f));
    ImGui::EndGroup();
    const ImVec2 end(origin.x + w, ImGui::GetItemRectMax().y);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(origin, end, with_alpha(p.accent, 0.08f), ImGui::GetStyle().ChildRounding);
    dl->AddRect(origin, end, with_alpha(p.accent, 0.5f), ImGui::GetStyle().ChildRounding, 0,
                1.2f * ui.dpr);
    dl->ChannelsMerge();
    ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
}

void candidate_row(UiState& ui, const Candidate& k, std::size_t i) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float pad = 8 * ui.dpr, line = ImGui::GetTextLineHeight(), gap = 3 * ui.dpr;
    const float h = pad * 2 + line * 2 + gap;
    ImGui::PushID(static_cast<int>(i));
    const bool sel = ui.selection.count(k.c.account_id) > 0;
    // The include box.
    const float box = ImGui::GetFrameHeight();
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad * 0.5f, pos.y + (h - box) * 0.5f));
    bool included = !k.excluded;
    if (ImGui::Checkbox("##in", &included)) {
        if (included)
            ui.week.excluded.erase(k.c.account_id);
        else
            ui.week.excluded.insert(k.c.account_id);
    }
    tooltip_on_hover(included ? "Planned with the week: untick to leave it out"
                              : "Left out: tick to plan it");
    // The day pin.
    const char* const days[] = {"Any day", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
    const float pin_w = 92 * ui.dpr;
    int pin = k.c.day ? *k.c.day + 1 : 0;
    ImGui::SetCursorScreenPos(
        ImVec2(pos.x + w - pin_w - pad, pos.y + h - pad - ImGui::GetFrameHeight() + 2 * ui.dpr));
    ImGui::SetNextItemWidth(pin_w);
    ImGui::BeginDisabled(k.excluded);
    if (ImGui::Combo("##pin", &pin, days, 6)) {
        if (pin == 0)
            ui.week.pinned.erase(k.c.account_id);
        else
            ui.week.pinned[k.c.account_id] = pin - 1;
    }
    ImGui::EndDisabled();
    tooltip_on_hover("Visit on this day only");
    // The text, clickable to select the account.
    const float tx = pos.x + pad + box + 4 * ui.dpr;
    ImGui::SetCursorScreenPos(ImVec2(tx, pos.y));
    const bool clicked =
        ImGui::InvisibleButton("##sel", ImVec2(std::max(1.0f, w - pin_w - pad * 2 - box), h));
    const bool hovered = ImGui::IsItemHovered();
    if (hovered || sel)
        dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h),
                          with_alpha(p.accent, sel ? 0.12f : 0.06f), 4 * ui.dpr);
    const ImU32 fg = k.excluded ? p.text_muted : p.text;
    const std::string value = k.c.value > 0 ? mrc_whole(k.c.value) : "";
    const float vw = ImGui::CalcTextSize(value.c_str()).x;
    draw_text_fit(dl, ui.fonts.bold, ImVec2(tx, pos.y + pad), fg, k.name,
                  w - (tx - pos.x) - pad * 2 - vw);
    dl->AddText(ImVec2(pos.x + w - pad - vw, pos.y + pad), fg, value.c_str());
    std::string why = !k.c.location ? std::string(ICON_WARNING " No location: it cannot be planned")
                      : k.c.why.empty() ? std::string(k.added ? "Added by you" : "")
                                        : k.c.why;
    if (k.added && !why.empty() && k.c.location && !k.c.why.empty()) why = "Added  ·  " + why;
    draw_text_fit(dl, ui.fonts.body, ImVec2(tx, pos.y + pad + line + gap),
                  k.c.location ? p.text_muted : p.warning, why, w - (tx - pos.x) - pin_w - pad * 2);
    dl->AddLine(ImVec2(pos.x + pad, pos.y + h - 0.5f), ImVec2(pos.x + w - pad, pos.y + h - 0.5f),
                p.grid);
    if (hovered) {
        ImGui::BeginTooltip();
        ImGui::PushFont(ui.fonts.bold);
        ImGui::TextUnformatted(k.name.c_str());
        ImGui::PopFont();
        if (!k.c.why.empty()) ImGui::TextUnformatted(k.c.why.c_str());
        ImGui::Text("%s meeting", core::format_duration_minutes(k.c.meeting_minutes).c_str());
        ImGui::TextColored(to_vec4(p.text_muted), "Click to select the account");
        ImGui::EndTooltip();
    }
    if (clicked) select_account(ui, k.c.account_id);
    if (k.added) {
        ImGui::SetCursorScreenPos(
            ImVec2(pos.x + w - pin_w - pad - box - 4 * ui.dpr, pos.y + h - pad - box + 2 * ui.dpr));
        if (icon_button(ICON_TIMES "##drop", "Remove it from the candidates")) {
            ui.week.added.erase(
                std::remove(ui.week.added.begin(), ui.week.added.end(), k.c.account_id),
                ui.week.added.end());
            ui.week.pinned.erase(k.c.account_id);
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h));
    ImGui::Dummy(ImVec2(w, 0));
    ImGui::PopID();
}

void suggestions(app::App& app, UiState& ui, float w, float h) {
    const Palette& p = palette();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::BeginChild("##suggest", ImVec2(w, h), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NoScrollbar);
    if (ui.week.proposal) review_card(app, ui, w);
    const std::vector<Candidate>& all = candidates(app, ui);
    int included = 0;
    for (const Candidate& k : all)
        included += !k.excluded && k.c.location ? 1 : 0;
    // Accounts selected elsewhere (the map, the list, the "This week" desk) join with one click.
    int selectable = 0;
    for (const std::string& id : ui.selection)
        if (std::none_of(all.begin(), all.end(),
                         [&](const Candidate& k) { return k.c.account_id == id; }))
            ++selectable;
    if (selectable > 0) {
        const std::string lbl = ICON_PLUS "  Add the " + core::format_count(selectable) +
                                (selectable == 1 ? " selected account" : " selected accounts");
        if (ImGui::Button(lbl.c_str(), ImVec2(w, 0))) {
            const int n = add_selection_as_candidates(app, ui);
            app.notify(app::Notice::Kind::Info, "Added to the candidates",
                       core::format_count(n) + (n == 1 ? " account" : " accounts") +
                           " will be planned with the week.");
        }
        record_rect(ui, "add-selected");
        tooltip_on_hover(
            "Plan visits to the accounts selected on the map, in the list or on a desk");
    }
    // The list.
    const float footer = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y * 2 + 8 * ui.dpr;
    const float list_h = std::max(ImGui::GetFrameHeight() * 4,
                                  origin.y + h - ImGui::GetCursorScreenPos().y - footer);
    side_card_begin(ui, "##cands", w, list_h, ICON_CAR, "Who to visit",
                    static_cast<std::size_t>(included),
                    "The accounts you added, then the top of the Desks' \"This week\" priority "
                    "list. Plan my week fits the visits with the most money at stake into your "
                    "working hours, nearby ones on the same day.");
    if (all.empty())
        empty_line(ui, "No account is on the priority list this week. Select accounts on the map, "
                       "in the list or on a desk and add them here.");
    ImGuiListClipper clipper; // rows of one height: only those in view are drawn
    clipper.Begin(static_cast<int>(all.size()), 16 * ui.dpr + ImGui::GetTextLineHeight() * 2 +
                                                    3 * ui.dpr + ImGui::GetStyle().ItemSpacing.y);
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
            candidate_row(ui, all[static_cast<std::size_t>(i)], static_cast<std::size_t>(i));
    side_card_end();
    // The footer: the option and the action.
    ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("At most");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.5f);
    if (ImGui::InputInt("##perday", &ui.week.max_per_day, 1, 1))
        ui.week.max_per_day = std::clamp(ui.week.max_per_day, 1, 15);
    ImGui::SameLine();
    ImGui::TextUnformatted("visits a day");
    tooltip_on_hover(
        "Visits already planned count too; a day never holds more than its working hours allow");
    ImGui::SameLine(0, 16 * ui.dpr);
    ImGui::Checkbox("Move planned visits", &ui.week.move_planned);
    tooltip_on_hover(
        "Off: visits already planned keep their day and time, and new ones fit around them. On: "
        "flexible planned visits (not appointments, locked or checked-in ones) may move to the day "
        "and time that suit the route best.");
    (void)p;
    ImGui::EndChild();
}

} // namespace

void draw_to_call(app::App& app, UiState& ui, float w, float h) {
    const core::Date today = app.clock().today();
    if (g_calls.key.refresh(app)) {
        g_calls.renewals =
            core::renewals_by_account(core::renewals_due(app.plan(), today, kRenewalWindowDays));
        g_calls.overdue = core::overdue_next_steps(app.plan(), today);
    }
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float gap = 8 * ui.dpr;
    const float min_h = 12 * ui.dpr * 2 + ImGui::GetTextLineHeight() * 3;
    float overdue_h = g_calls.overdue.empty() ? min_h : std::max(min_h, (h - gap) * 0.42f);
    if (g_calls.renewals.empty() && !g_calls.overdue.empty()) overdue_h = h - gap - min_h;
    const float renew_h = h - gap - overdue_h;
    ImGui::BeginGroup();
    renewals_card(app, ui, w, renew_h, today);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + renew_h + gap));
    overdue_card(app, ui, w, overdue_h, today);
    ImGui::EndGroup();
}

void draw_side(app::App& app, UiState& ui, float w, float h) {
    ImGui::BeginGroup();
    const char* const tabs[] = {ICON_CAR "  Visits", ICON_PHONE "  To call"};
    segmented(ui, "##side", tabs, 2, ui.week.side_tab);
    const float used = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y;
    if (ui.week.side_tab == 0)
        suggestions(app, ui, w, h - used);
    else
        draw_to_call(app, ui, w, h - used);
    ImGui::EndGroup();
}

} // namespace footprint::ui::week
