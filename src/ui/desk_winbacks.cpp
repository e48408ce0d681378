// The Win-backs tab: former clients, when their competitor contract likely ends (editable per
// account), whether the win-back window is open, their value, and the win-back opportunity.
#include "app/desk_actions.h"
#include "core/format.h"
#include "ui/desks.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace footprint::ui {

namespace {

enum Column { kAccount, kLost, kReason, kCompetitor, kEnds, kWindow, kValue, kDeal, kColumns };

struct TabView {
    RowCache cache;
    int sort_column = kWindow;
    bool ascending = true;
    int counts[3] = {};
    int open = 0, soon = 0, in_pipeline = 0, unknown = 0;
    core::Cents open_value = 0, soon_value = 0, pipeline_mrc = 0;
    // The competitor-contract editor.
    std::string editing; // account id
    int term = 36;
    char end[16] = {};
    bool open_editor = false;
};
TabView g_view;

bool soon(const core::WinbackRow& w) { return w.window == core::WindowState::Upcoming && w.days_to_open <= 90; }

bool listed(int filter, const core::WinbackRow& w) {
    if (filter == 0) return w.window == core::WindowState::Open;
    if (filter == 1) return soon(w);
    return true;
}

void rebuild(const app::App& app, const UiState& ui, const core::DeskData& d) {
    const DesksViewState& st = ui.desks;
    const core::Plan& plan = app.plan();
    TabView& v = g_view;
    std::fill(std::begin(v.counts), std::end(v.counts), 0);
    v.open = v.soon = v.in_pipeline = v.unknown = 0;
    v.open_value = v.soon_value = v.pipeline_mrc = 0;
    for (std::size_t i = 0; i < d.winbacks.size(); ++i) {
        const core::WinbackRow& w = d.winbacks[i];
        if (!desk_filter_match(st, plan.accounts[w.account])) continue;
        for (int f = 0; f < 3; ++f) v.counts[f] += listed(f, w);
        if (w.window == core::WindowState::Open) {
            ++v.open;
            v.open_value += w.value;
        }
        if (soon(w)) {
            ++v.soon;
            v.soon_value += w.value;
        }
        if (w.window == core::WindowState::Unknown) ++v.unknown;
        if (w.deal.state == core::LinkState::Open) {
            ++v.in_pipeline;
            v.pipeline_mrc += plan.opportunities[w.deal.opportunity].mrc;
        }
        if (listed(st.winback_filter, w)) v.cache.rows.push_back(static_cast<std::uint32_t>(i));
    }
    if (v.sort_column == kWindow && v.ascending) return; // the desk's own order
    const bool asc = v.ascending;
    auto less = [&](std::uint32_t x, std::uint32_t y) {
        const core::WinbackRow &a = d.winbacks[x], &b = d.winbacks[y];
        const core::Account &aa = plan.accounts[a.account], &ab = plan.accounts[b.account];
        switch (v.sort_column) {
        case kAccount: return aa.name < ab.name;
        case kLost: return aa.former.lost_date < ab.former.lost_date;
        case kReason: return aa.former.reason < ab.former.reason;
        case kCompetitor: return aa.former.competitor < ab.former.competitor;
        case kEnds: return a.days_to_end < b.days_to_end;
        case kValue: return a.value < b.value;
        case kDeal: return a.deal.state < b.deal.state;
        default: return x < y;
        }
    };
    std::stable_sort(v.cache.rows.begin(), v.cache.rows.end(),
                     [&](std::uint32_t x, std::uint32_t y) { return asc ? less(x, y) : less(y, x); });
}

void controls(app::App& app, UiState& ui) {
    DesksViewState& st = ui.desks;
    const TabView& v = g_view;
    const std::string labels[3] = {"Window open  " + core::format_count(v.counts[0]),
                                   "Opening in 90 days  " + core::format_count(v.counts[1]),
                                   "All former clients  " + core::format_count(v.counts[2])};
    const char* ptrs[3] = {labels[0].c_str(), labels[1].c_str(), labels[2].c_str()};
    segmented(ui, "##winback-filter", ptrs, 3, st.winback_filter);

    const int window = app.plan().settings.winback_window_days;
    const std::string label = std::string(ICON_PENCIL "  Window opens ") + std::to_string(window) + " days before";
    const float w = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - w);
    static int edit = 120;
    if (ImGui::Button(label.c_str())) {
        edit = window;
        ImGui::OpenPopup("winback-window");
    }
    tooltip_on_hover("How long before a former client's competitor contract likely ends you start "
                     "calling: time to win the meeting, the proposal and the signature before it "
                     "renews.");
    if (ImGui::BeginPopup("winback-window")) {
        ImGui::TextUnformatted("Win-back window");
        text_muted("Opens this many days before the competitor's contract likely ends.");
        ImGui::SetNextItemWidth(140 * ui.dpr);
        ImGui::InputInt("days", &edit, 15, 30);
        edit = std::clamp(edit, 0, 3650);
        if (primary_button("Save") || ImGui::IsKeyPressed(ImGuiKey_Enter)) {
            app::set_desk_settings(app, -1, edit);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

void ends_cell(UiState& ui, const core::Account& a, const core::WinbackRow& w, core::Date today) {
    TabView& v = g_view;
    const float cell_right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
    if (!w.competitor) {
        text_muted("Unknown");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("No lost date and no end date: set the competitor's contract end to see the window.");
    } else {
        const std::string date = core::format_date_short(w.competitor->end, today);
        ImGui::BeginGroup();
        ImGui::TextUnformatted(date.c_str());
        if (w.competitor->estimated) {
            ImGui::SameLine(0, 4 * ui.dpr);
            text_muted("est.");
        }
        ImGui::EndGroup();
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::Text("%s (%s)", core::format_date(w.competitor->end).c_str(),
                        core::format_relative_days(w.competitor->end, today).c_str());
            if (w.competitor->estimated && a.former.lost_date)
                ImGui::Text("Estimated: lost %s + a %d-month term", core::format_date(*a.former.lost_date).c_str(),
                            a.former.competitor_term_months);
            else
                ImGui::TextUnformatted("The end date you entered");
            if (w.competitor->renewals > 0)
                ImGui::Text("Assumes they renewed %d %s for the same term", w.competitor->renewals,
                            w.competitor->renewals == 1 ? "time" : "times");
            ImGui::EndTooltip();
        }
    }
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4 * ui.dpr, 1 * ui.dpr));
    ImGui::SameLine();
    ImGui::SetCursorPosX(cell_right - ImGui::CalcTextSize(ICON_PENCIL).x - 8 * ui.dpr);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(palette().text_muted));
    ImGui::PushID(a.id.c_str());
    const bool edit = ImGui::Button(ICON_PENCIL "##edit-end");
    locate(ui, "edit_competitor:" + a.id);
    if (edit) {
        v.editing = a.id;
        v.term = a.former.competitor_term_months;
        std::snprintf(v.end, sizeof v.end, "%s",
                      a.former.competitor_contract_end ? core::format_iso_date(*a.former.competitor_contract_end).c_str() : "");
        v.open_editor = true;
    }
    ImGui::PopID();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    tooltip_on_hover("Edit the competitor contract: their typical term, or the exact end date if you know it.");
}

void window_cell(const core::WinbackRow& w, core::Date today) {
    const Palette& p = palette();
    switch (w.window) {
    case core::WindowState::Open: {
        const std::string t = w.days_to_end < 0 ? "Open \xC2\xB7 ended " + core::format_relative_days(w.competitor->end, today)
                                                : "Open \xC2\xB7 ends " + core::format_relative_days(w.competitor->end, today);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (ImGui::GetFrameHeight() - pill_height()) * 0.5f);
        draw_pill(ImGui::GetWindowDrawList(), ImGui::GetCursorScreenPos(), t, p.former);
        ImGui::Dummy(ImVec2(pill_width(t), pill_height()));
        break;
    }
    case core::WindowState::Upcoming:
        ImGui::TextUnformatted(("Opens " + core::format_relative_days(w.window_opens, today)).c_str());
        break;
    case core::WindowState::Unknown: text_muted("\xE2\x80\x94"); break;
    }
    if (ImGui::IsItemHovered() && w.competitor)
        ImGui::SetTooltip("The window opens %s, %d days before the competitor's contract likely ends.",
                          core::format_date(w.window_opens).c_str(),
                          core::days_between(w.window_opens, w.competitor->end));
}

void value_cell(const core::Plan& plan, const core::WinbackRow& w) {
    if (w.value <= 0) {
        text_muted("\xE2\x80\x94");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("No services, deals or catalog estimate to go by.");
        return;
    }
    std::string text = mrc_whole(w.value);
    if (w.source == core::ValueSource::Estimate) text = "~" + text;
    text_right(text);
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        switch (w.source) {
        case core::ValueSource::Services: ImGui::TextUnformatted("What they paid us before they left"); break;
        case core::ValueSource::Opportunity:
            ImGui::Text("From the opportunity \"%s\"", plan.opportunities[w.source_opportunity].name.c_str());
            break;
        case core::ValueSource::Estimate:
            ImGui::TextUnformatted("Estimated from the catalog for a business this size (Internet and Voice)");
            break;
        case core::ValueSource::None: break;
        }
        for (const std::string& id : w.products) {
            const core::Product* prod = core::find_product(plan, id);
            text_muted("  " + (prod ? prod->name : id));
        }
        ImGui::EndTooltip();
    }
}

void editor(app::App& app, UiState& ui) {
    TabView& v = g_view;
    if (v.open_editor) {
        ImGui::OpenPopup("Competitor contract");
        v.open_editor = false;
    }
    ImGui::SetNextWindowSize(ImVec2(440 * ui.dpr, 0));
    if (!ImGui::BeginPopupModal("Competitor contract", nullptr, ImGuiWindowFlags_NoResize)) return;
    const core::Account* a = find_account(app, v.editing);
    if (!a) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted(a->name.c_str());
    ImGui::PopFont();
    text_muted(a->former.competitor.empty() ? std::string("Competitor unknown")
                                            : "With " + a->former.competitor + " since " +
                                                  (a->former.lost_date ? core::format_date(*a->former.lost_date) : std::string("?")));
    ImGui::Spacing();
    ImGui::SetNextItemWidth(140 * ui.dpr);
    ImGui::InputInt("Typical term (months)", &v.term, 12, 12);
    v.term = std::clamp(v.term, 0, 600);
    ImGui::SetNextItemWidth(140 * ui.dpr);
    ImGui::InputTextWithHint("Exact end date", "YYYY-MM-DD", v.end, sizeof v.end);
    const std::optional<core::Date> end = core::parse_iso_date(v.end);
    const bool bad = v.end[0] && !end;
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x);
    if (bad)
        ImGui::TextColored(to_vec4(palette().danger), ICON_WARNING "  \"%s\" is not a date: use YYYY-MM-DD, like 2027-03-31.", v.end);
    else
        text_muted(v.end[0] ? "The end date you know wins over the estimate; it rolls forward by the term once it has passed."
                            : "Leave the date empty to estimate it: lost date plus the term.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::BeginDisabled(bad);
    if (primary_button("Save")) {
        app::set_competitor_contract(app, a->id, v.term, v.end[0] ? end : std::nullopt);
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void table(app::App& app, UiState& ui, const core::DeskData& d, float height) {
    const core::Plan& plan = app.plan();
    const core::Date today = app.clock().today();
    TabView& v = g_view;
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("##winbacks", kColumns, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Account", ImGuiTableColumnFlags_NoHide, 2.4f, kAccount);
    ImGui::TableSetupColumn("Lost", 0, 1.0f, kLost);
    ImGui::TableSetupColumn("Reason", 0, 1.2f, kReason);
    ImGui::TableSetupColumn("Competitor", 0, 1.2f, kCompetitor);
    ImGui::TableSetupColumn("Their contract ends", 0, 1.4f, kEnds);
    ImGui::TableSetupColumn("Window", ImGuiTableColumnFlags_DefaultSort, 1.9f, kWindow);
    ImGui::TableSetupColumn("Value", ImGuiTableColumnFlags_PreferSortDescending, 0.9f, kValue);
    ImGui::TableSetupColumn("Win-back opportunity", 0, 1.9f, kDeal);
    ImGui::TableHeadersRow();
    int col = v.sort_column;
    bool asc = v.ascending;
    if (table_sort(col, asc)) {
        v.sort_column = col;
        v.ascending = asc;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(v.cache.rows.size()));
    while (clipper.Step()) {
        for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
            const core::WinbackRow& w = d.winbacks[v.cache.rows[static_cast<std::size_t>(k)]];
            const core::Account& a = plan.accounts[w.account];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            account_cell(ui, a, "winback");
            ImGui::TableNextColumn();
            if (a.former.lost_date) {
                ImGui::TextUnformatted(core::format_date_short(*a.former.lost_date, today).c_str());
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("Lost %s (%s)", core::format_date(*a.former.lost_date).c_str(),
                                      core::format_relative_days(*a.former.lost_date, today).c_str());
            } else {
                text_muted("\xE2\x80\x94");
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.former.reason.empty() ? "\xE2\x80\x94" : a.former.reason.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.former.competitor.empty() ? "\xE2\x80\x94" : a.former.competitor.c_str());
            ImGui::TableNextColumn();
            ends_cell(ui, a, w, today);
            ImGui::TableNextColumn();
            window_cell(w, today);
            ImGui::TableNextColumn();
            value_cell(plan, w);
            ImGui::TableNextColumn();
            if (w.deal.state == core::LinkState::None || w.deal.state == core::LinkState::Lost) {
                if (w.deal.state == core::LinkState::Lost) {
                    deal_cell(app, ui, w.deal, core::OpportunityType::WinBack, a.id);
                    ImGui::SameLine();
                }
                if (create_button(ui, ICON_PLUS "  Create win-back", "create_winback:" + a.id,
                                  "Creates the win-back opportunity: what they had (or the estimate), "
                                  "closing when their competitor contract likely ends. Undo with Ctrl+Z."))
                    app::create_winback_opportunity(app, a.id);
            } else {
                deal_cell(app, ui, w.deal, core::OpportunityType::WinBack, a.id);
            }
        }
    }
    ImGui::EndTable();
}

} // namespace

void draw_desk_winbacks(app::App& app, UiState& ui) {
    const core::DeskData& d = desk_data(app);
    const DesksViewState& st = ui.desks;
    TabView& v = g_view;
    const std::string key = desk_filter_key(st) + "|" + std::to_string(st.winback_filter) + "|" +
                            std::to_string(v.sort_column) + std::to_string(v.ascending);
    if (v.cache.stale(app, key)) rebuild(app, ui, d);
    const Palette& p = palette();
    const int window = app.plan().settings.winback_window_days;
    const Kpi kpis[] = {
        {"Windows open", core::format_count(v.open), mrc_whole(v.open_value) + " to win back", p.former,
         "Former clients whose competitor contract ends within the win-back window (or just ended): "
         "call them now."},
        {"Opening in 90 days", core::format_count(v.soon), mrc_whole(v.soon_value) + " coming up", p.due_90,
         "Windows that open in the next 90 days: plan the first call."},
        {"Win-backs in pipeline", core::format_count(v.in_pipeline), mrc_whole(v.pipeline_mrc) + " open", p.accent,
         "Former clients with an open win-back opportunity."},
        {"Former clients", core::format_count(v.counts[2]),
         v.unknown ? core::format_count(v.unknown) + " without a lost date" : "window opens " + std::to_string(window) + " days ahead",
         p.text_muted, "Every former client in the plan (with the current filters)."},
    };
    kpi_row(ui, kpis, 4);
    ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
    controls(app, ui);
    ImGui::Dummy(ImVec2(0, 2 * ui.dpr));
    if (v.cache.rows.empty()) {
        empty_state(ui, ICON_HISTORY, d.winbacks.empty() ? "No former clients" : "No window in this view",
                    d.winbacks.empty()
                        ? "Former clients are accounts whose status is \"former\": set their lost date "
                          "and competitor, and the desk tells you when to call them back."
                        : "Show the windows opening soon or every former client, or clear the "
                          "territory and search filters.");
    } else {
        table(app, ui, d, fit_table_height(v.cache.rows.size(), ImGui::GetContentRegionAvail().y));
    }
    editor(app, ui);
}

} // namespace footprint::ui
