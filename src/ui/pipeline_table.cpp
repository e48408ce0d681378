// The deal table: every deal with its stage, category, probability, MRC and close date, filtered
// (open, slipped, closed, all) and sorted by any column; the stage changes in place, the rest in
// the deal editor (double-click or the pencil).
#include "app/pipeline_actions.h"
#include "core/format.h"
#include "ui/forecast_ui.h"
#include "ui/panels.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace footprint::ui {

namespace {

enum Column {
    Account,
    Deal,
    Type,
    Stage,
    Category,
    Probability,
    Mrc,
    Weighted,
    Close,
    NextStep,
    Actions,
    ColumnCount
};

std::string lower(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Rebuilds the filtered, sorted rows when the plan, day, filter, search or sort changed.
void refresh_rows(const app::App& app, PipelineViewState& pv, core::Date today) {
    const core::Plan& plan = app.plan();
    char key[256];
    std::snprintf(key, sizeof key, "%d|%d|%d|%d|%s|%p", pv.table_filter, pv.sort_column,
                  pv.sort_ascending ? 1 : 0, today.days, pv.search,
                  static_cast<const void*>(&plan));
    if (pv.rows_revision == app.doc().revision() && pv.rows_key == key) return;
    pv.rows_revision = app.doc().revision();
    pv.rows_key = key;
    pv.rows.clear();
    const std::string needle = lower(pv.search);
    std::unordered_map<std::string_view, int> stage_order; // stage -> position, -1 when closed
    for (std::size_t i = 0; i < plan.stages.size(); ++i)
        stage_order.emplace(plan.stages[i].name, static_cast<int>(i));
    auto order_of = [&](const core::Opportunity& o) {
        auto it = stage_order.find(o.stage);
        return it == stage_order.end() ? 1 << 20 : it->second;
    };
    auto is_open = [&](const core::Opportunity& o) {
        const int i = order_of(o);
        return i == 1 << 20 || !plan.stages[static_cast<std::size_t>(i)].closed;
    };
    // Account names only when the search or the sort needs them (a look-up per deal).
    const bool need_names = !needle.empty() || pv.sort_column == Account;
    std::vector<const std::string*> account_names(need_names ? plan.opportunities.size() : 0);
    static const std::string kUnknown = "Unknown account";
    for (std::size_t i = 0; i < plan.opportunities.size(); ++i) {
        const core::Opportunity& o = plan.opportunities[i];
        const bool open = is_open(o);
        const bool slipped = open && o.close_date && *o.close_date < today;
        const bool keep = pv.table_filter == 0   ? open
                          : pv.table_filter == 1 ? slipped
                          : pv.table_filter == 2 ? !open
                                                 : true;
        if (!keep) continue;
        if (need_names) {
            const core::Account* a = find_account(app, o.account_id);
            account_names[i] = a ? &a->name : &kUnknown;
            if (!needle.empty() && lower(*account_names[i]).find(needle) == std::string::npos &&
                lower(o.name).find(needle) == std::string::npos)
                continue;
        }
        pv.rows.push_back(i);
    }
    const int col = pv.sort_column;
    auto less = [&](std::size_t a, std::size_t b) {
        const core::Opportunity& x = plan.opportunities[a];
        const core::Opportunity& y = plan.opportunities[b];
        switch (col) {
        case Account:
            return *account_names[a] < *account_names[b];
        case Deal:
            return x.name < y.name;
        case Type:
            return static_cast<int>(x.type) < static_cast<int>(y.type);
        case Stage:
            return order_of(x) < order_of(y);
        case Category:
            return static_cast<int>(x.forecast_category) < static_cast<int>(y.forecast_category);
        case Probability:
            return x.probability < y.probability;
        case Mrc:
            return x.mrc < y.mrc;
        case Weighted:
            return core::weighted_mrc(x.mrc, x.probability) <
                   core::weighted_mrc(y.mrc, y.probability);
        case NextStep:
            return x.next_step < y.next_step;
        case Close:
        default:
            // Undated deals sort after every dated one, in both directions.
            if (x.close_date && y.close_date) return *x.close_date < *y.close_date;
            return x.close_date.has_value() && !y.close_date.has_value();
        }
    };
    if (pv.sort_ascending)
        std::stable_sort(pv.rows.begin(), pv.rows.end(), less);
    else
        std::stable_sort(pv.rows.begin(), pv.rows.end(),
                         [&](std::size_t a, std::size_t b) { return less(b, a); });
}

void stage_combo(app::App& app, const core::Opportunity& o) {
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0, 0, 0, 0));
    if (ImGui::BeginCombo("##stage", o.stage.c_str(), ImGuiComboFlags_HeightLarge)) {
        for (const core::Stage& s : app.plan().stages) {
            char prob[16];
            std::snprintf(prob, sizeof prob, "%d%%", s.probability);
            const bool current = s.name == o.stage;
            if (ImGui::Selectable(s.name.c_str(), current) && !current) {
                const std::string id = o.id, stage = s.name;
                app::move_deal_to_stage(app, id, stage);
            }
            ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(prob).x);
            text_muted(prob);
        }
        ImGui::EndCombo();
    }
    ImGui::PopStyleColor();
    tooltip_on_hover("Change the stage: probability and category follow it unless you set your "
                     "own.");
}

} // namespace

void draw_pipeline_table(app::App& app, UiState& ui) {
    PipelineViewState& pv = ui.pipeline;
    pv.card_rects.clear(); // no board this frame
    pv.column_rects.clear();
    const core::Plan& plan = app.plan();
    const core::Date today = app.clock().today();
    const Palette& p = palette();

    static const char* const kFilters[] = {"Open", "Slipped", "Closed", "All deals"};
    segmented(ui, "##deal-filter", kFilters, 4, pv.table_filter);
    refresh_rows(app, pv, today);
    ImGui::SameLine(0, 16 * ui.dpr);
    ImGui::AlignTextToFramePadding();
    text_muted(core::format_count(static_cast<long long>(pv.rows.size())) +
               (pv.rows.size() == 1 ? " deal" : " deals") +
               "  \xC2\xB7  double-click a row to edit it, right-click for more");

    if (pv.rows.empty()) {
        const char* what = pv.table_filter == 1 ? "No slipped deals"
                           : pv.search[0]       ? "No deal matches the search"
                                                : "No deals here";
        const char* why =
            pv.table_filter == 1
                ? "Every open deal's close date is today or later: the forecast is up to date."
                : "Try another filter above, or clear the search box.";
        empty_state(ui, pv.table_filter == 1 ? ICON_CHECK_CIRCLE : ICON_SEARCH, what, why);
        return;
    }

    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_Hideable;
    if (!ImGui::BeginTable("##deals", ColumnCount, flags, ImGui::GetContentRegionAvail())) return;
    const float num = 90 * ui.dpr;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Account", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableSetupColumn("Deal", ImGuiTableColumnFlags_WidthStretch, 2.4f);
    ImGui::TableSetupColumn("Type", ImGuiTableColumnFlags_WidthFixed, 86 * ui.dpr);
    ImGui::TableSetupColumn("Stage", ImGuiTableColumnFlags_WidthFixed, 170 * ui.dpr);
    ImGui::TableSetupColumn("Category", ImGuiTableColumnFlags_WidthFixed, 108 * ui.dpr);
    ImGui::TableSetupColumn("Prob.", ImGuiTableColumnFlags_WidthFixed, 56 * ui.dpr);
    ImGui::TableSetupColumn("MRC", ImGuiTableColumnFlags_WidthFixed, num);
    ImGui::TableSetupColumn("Weighted", ImGuiTableColumnFlags_WidthFixed, num);
    ImGui::TableSetupColumn("Close date",
                            ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort,
                            118 * ui.dpr);
    ImGui::TableSetupColumn("Next step", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(
        "##actions", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort, 64 * ui.dpr);
    static const char* const kNames[] = {"Account",    "Deal",      "Type",     "Stage",
                                         "Category",   "Prob.",     "MRC",      "Weighted",
                                         "Close date", "Next step", "##actions"};
    static const bool kRight[] = {false, false, false, false, false, true,
                                  true,  true,  false, false, false};
    // A narrow window keeps the numbers and drops the long texts (the column menu brings them
    // back).
    if (const bool narrow = ImGui::GetContentRegionAvail().x < 1250 * ui.dpr;
        narrow != pv.table_narrow) {
        ImGui::TableSetColumnEnabled(Deal, !narrow);
        ImGui::TableSetColumnEnabled(NextStep, !narrow);
        pv.table_narrow = narrow;
    }
    table_header_row(kNames, kRight, ColumnCount);
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        if (specs->SpecsCount > 0) {
            pv.sort_column = specs->Specs[0].ColumnIndex;
            pv.sort_ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
        }
        specs->SpecsDirty = false;
        refresh_rows(app, pv, today);
    }

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(pv.rows.size()));
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const std::size_t idx = pv.rows[static_cast<std::size_t>(r)];
            if (idx >= plan.opportunities.size()) continue;
            const core::Opportunity& o = plan.opportunities[idx];
            const bool open = core::deal_state(plan, o) == core::DealState::Open;
            const bool slipped = open && o.close_date && *o.close_date < today;
            ImGui::TableNextRow();
            ImGui::PushID(o.id.c_str());

            ImGui::TableSetColumnIndex(Account);
            const bool selected = ui.selection.count(o.account_id) > 0;
            std::string account = account_name(app, o.account_id);
            fit_text(account, ImGui::GetContentRegionAvail().x);
            if (ImGui::Selectable(account.c_str(), selected,
                                  ImGuiSelectableFlags_SpanAllColumns |
                                      ImGuiSelectableFlags_AllowOverlap |
                                      ImGuiSelectableFlags_AllowDoubleClick)) {
                select_account(ui, o.account_id);
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left))
                    open_deal_editor(app, ui, o);
            }
            if (ImGui::BeginPopupContextItem("##row-menu")) {
                deal_context_menu(app, ui, o);
                ImGui::EndPopup();
            }

            ImGui::TableSetColumnIndex(Deal);
            ImGui::TextUnformatted(o.name.c_str());
            ImGui::TableSetColumnIndex(Type);
            badge(opportunity_type_label(o.type), opportunity_type_colour(o.type));
            ImGui::TableSetColumnIndex(Stage);
            stage_combo(app, o);
            ImGui::TableSetColumnIndex(Category);
            category_pill(o.forecast_category);
            if (!core::category_follows_stage(plan, o))
                tooltip_on_hover("Set by you: the stage's default is different.");
            ImGui::TableSetColumnIndex(Probability);
            char prob[16];
            std::snprintf(prob, sizeof prob, "%d%%", o.probability);
            if (core::probability_follows_stage(plan, o)) {
                text_right(prob);
            } else {
                const float w = ImGui::CalcTextSize(prob).x;
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - w);
                ImGui::TextColored(to_vec4(p.accent), "%s", prob);
                tooltip_on_hover("Set by you: the stage's default is different.");
            }
            ImGui::TableSetColumnIndex(Mrc);
            text_right(mrc_whole(o.mrc));
            ImGui::TableSetColumnIndex(Weighted);
            text_right(open ? mrc_whole(core::weighted_mrc(o.mrc, o.probability)) : "\xE2\x80\x94");
            ImGui::TableSetColumnIndex(Close);
            if (!o.close_date)
                text_muted("No date");
            else if (slipped)
                ImGui::TextColored(to_vec4(p.danger), ICON_WARNING " %s",
                                   core::format_date(*o.close_date).c_str());
            else
                ImGui::TextUnformatted(core::format_date(*o.close_date).c_str());
            if (slipped)
                tooltip_on_hover(("Slipped " + core::format_relative_days(*o.close_date, today) +
                                  ": the deal is open and its close date has passed.")
                                     .c_str());
            ImGui::TableSetColumnIndex(NextStep);
            if (o.next_step.empty())
                text_muted("\xE2\x80\x94");
            else
                ImGui::TextUnformatted(o.next_step.c_str());
            ImGui::TableSetColumnIndex(Actions);
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(5 * ui.dpr, 1 * ui.dpr));
            if (icon_button(ICON_PENCIL "##edit", "Edit this deal")) open_deal_editor(app, ui, o);
            if (slipped) {
                ImGui::SameLine(0, 4 * ui.dpr);
                const core::Date target = core::slip_target(today);
                const std::string tip =
                    "Move the close date to " + core::format_date(target) + " (end of this month)";
                if (icon_button(ICON_CALENDAR_PLUS "##slip", tip.c_str()))
                    app::move_close_dates(app, {o.id}, target);
            }
            ImGui::PopStyleVar();
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

} // namespace footprint::ui
