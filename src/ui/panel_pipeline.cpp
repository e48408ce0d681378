// The pipeline view: headline numbers, then a board with one column of deal cards per open stage
// and this month's closed won / lost totals at the end.
#include "core/format.h"
#include "core/summary.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/view_common.h"

#include <imgui.h>

#include <algorithm>

namespace footprint::ui {

namespace {

struct PipelineData {
    CacheKey key;
    core::PipelineTotals totals;
    std::vector<core::BoardColumn> columns;
    core::Date month_first, month_last;
    int open_stages = 0;
};

PipelineData g_data; // derived from the plan; rebuilt when the plan or the day changes

void refresh(const app::App& app) {
    if (!g_data.key.refresh(app)) return;
    const core::Plan& plan = app.plan();
    const core::Date today = app.clock().today();
    const core::YearMonth month = core::YearMonth::of(today);
    g_data.month_first = month.first_day();
    g_data.month_last = core::add_days(core::YearMonth{month.index + 1}.first_day(), -1);
    g_data.totals = core::pipeline_totals(plan, today);
    g_data.columns = core::pipeline_board(plan, g_data.month_first, g_data.month_last);
    g_data.open_stages = static_cast<int>(
        std::count_if(g_data.columns.begin(), g_data.columns.end(),
                      [](const core::BoardColumn& c) { return !c.stage->closed; }));
}

std::string deals_word(int n) {
    return core::format_count(n) + (n == 1 ? " deal" : " deals");
}

void kpi_row(const UiState& ui) {
    const Palette& p = palette();
    const core::PipelineTotals& t = g_data.totals;
    const float w = row_item_width(4);
    const float gap = ImGui::GetStyle().ItemSpacing.x * 1.5f;
    kpi_card(ui, "Open pipeline", mrc_whole(t.open_mrc), "unweighted, every open deal", p.accent,
             w);
    tooltip_on_hover("Monthly recurring revenue of every deal that is not closed won or lost.");
    ImGui::SameLine(0, gap);
    kpi_card(ui, "Weighted pipeline", mrc_whole(t.weighted_mrc), "MRC × stage probability",
             opportunity_type_colour(core::OpportunityType::Upsell), w);
    tooltip_on_hover("Each open deal's MRC times its probability: what the pipeline is likely "
                     "to bring in.");
    ImGui::SameLine(0, gap);
    kpi_card(ui, "Deals open", core::format_count(t.open_count),
             core::format_count(t.closing_soon_count) + " closing in the next 30 days", p.prospect,
             w);
    ImGui::SameLine(0, gap);
    kpi_card(ui, "Slipped deals", core::format_count(t.slipped_count),
             t.slipped_count ? mrc_whole(t.slipped_mrc) + " past their close date"
                             : "every close date is ahead",
             t.slipped_count ? p.danger : p.success, w);
    tooltip_on_hover("Open deals whose close date has passed. Update the date or close the deal "
                     "so the forecast stays honest.");
}

void deal_tooltip(const UiState& ui, const core::Opportunity& o, const std::string& account,
                  core::Date today, bool slipped) {
    const Palette& p = palette();
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted(account.c_str());
    ImGui::PopFont();
    if (!o.name.empty()) ImGui::TextColored(to_vec4(p.text_muted), "%s", o.name.c_str());
    ImGui::Separator();
    ImGui::Text("%s  ·  %s  ·  %d%%", opportunity_type_label(o.type), o.stage.c_str(),
                o.probability);
    ImGui::Text("%s", mrc_whole(o.mrc).c_str());
    if (o.close_date) {
        const std::string when = "Closes " + core::format_date(*o.close_date) + " (" +
                                 core::format_relative_days(*o.close_date, today) + ")";
        if (slipped)
            ImGui::TextColored(to_vec4(p.danger), ICON_WARNING "  Slipped: close date was %s",
                               core::format_relative_days(*o.close_date, today).c_str());
        else
            ImGui::TextUnformatted(when.c_str());
    } else {
        ImGui::TextColored(to_vec4(p.text_muted), "No close date");
    }
    if (!o.next_step.empty()) ImGui::Text("Next step: %s", o.next_step.c_str());
    ImGui::TextColored(to_vec4(p.text_muted), "Click to select %s", account.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

float card_height(const UiState& ui) {
    return 10 * ui.dpr * 2 + ImGui::GetTextLineHeight() * 2 + pill_height() + 6 * ui.dpr * 2;
}

void deal_card(const app::App& app, UiState& ui, const core::Opportunity& o, core::Date today) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = card_height(ui);
    const float pad = 10 * ui.dpr, gap = 6 * ui.dpr, line = ImGui::GetTextLineHeight();
    ImGui::PushID(&o);
    const bool clicked = ImGui::InvisibleButton("##card", ImVec2(w, h));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    const bool selected = ui.selection.count(o.account_id) > 0;
    const bool slipped = o.close_date && *o.close_date < today;
    const std::string account = account_name(app, o.account_id);

    card_background(ui, dl, pos, ImVec2(pos.x + w, pos.y + h), hovered, selected);
    if (slipped)
        dl->AddRectFilled(pos, ImVec2(pos.x + 3 * ui.dpr, pos.y + h), p.danger,
                          ImGui::GetStyle().ChildRounding, ImDrawFlags_RoundCornersLeft);
    const float inner = w - pad * 2;
    float y = pos.y + pad;
    draw_text_fit(dl, ui.fonts.bold, ImVec2(pos.x + pad, y), p.text, account, inner);
    y += line + gap;

    const std::string money = mrc_whole(o.mrc);
    dl->AddText(ImVec2(pos.x + pad, y), p.text, money.c_str());
    std::string date = o.close_date ? core::format_date_short(*o.close_date, today) : "No date";
    if (slipped) date = std::string(ICON_WARNING " ") + date;
    const float dw = ImGui::CalcTextSize(date.c_str()).x;
    dl->AddText(ImVec2(pos.x + w - pad - dw, y), slipped ? p.danger : p.text_muted, date.c_str());
    y += line + gap;

    draw_pill(dl, ImVec2(pos.x + pad, y), opportunity_type_label(o.type),
              opportunity_type_colour(o.type));
    if (slipped) {
        const char* label = "Slipped";
        const float sw = ImGui::CalcTextSize(label).x;
        dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize,
                    ImVec2(pos.x + w - pad - sw, y + (pill_height() - line) * 0.5f), p.danger,
                    label);
    }

    if (hovered) deal_tooltip(ui, o, account, today, slipped);
    if (clicked) select_account(ui, o.account_id);
}

// Column header: stage name and probability, then the count and MRC of its deals.
void column_header(const UiState& ui, ImVec2 pos, float w, const std::string& title,
                   const std::string& right_top, const std::string& left_sub,
                   const std::string& right_sub) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 10 * ui.dpr, line = ImGui::GetTextLineHeight();
    const float rw = ImGui::CalcTextSize(right_top.c_str()).x;
    draw_text_fit(dl, ui.fonts.bold, ImVec2(pos.x + pad, pos.y + pad), p.text, title,
                  w - pad * 2 - rw - 6 * ui.dpr);
    dl->AddText(ImVec2(pos.x + w - pad - rw, pos.y + pad), p.text_muted, right_top.c_str());
    const float y = pos.y + pad + line + 4 * ui.dpr;
    dl->AddText(ImVec2(pos.x + pad, y), p.text_muted, left_sub.c_str());
    const float sw = ImGui::CalcTextSize(right_sub.c_str()).x;
    dl->AddText(ImVec2(pos.x + w - pad - sw, y), p.text, right_sub.c_str());
}

float header_height(const UiState& ui) {
    return 10 * ui.dpr * 2 + ImGui::GetTextLineHeight() * 2 + 4 * ui.dpr;
}

ImU32 column_bg(const UiState& ui) {
    const Palette& p = palette();
    return ui.dark ? p.surface_alt : p.grid;
}

void stage_column(const app::App& app, UiState& ui, const core::BoardColumn& col, float x, float w,
                  float h, core::Date today) {
    const Palette& p = palette();
    ImGui::SetCursorPos(ImVec2(x, 0));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().ChildRounding;
    dl->AddRectFilled(origin, ImVec2(origin.x + w, origin.y + h), column_bg(ui), rounding);
    char prob[16];
    std::snprintf(prob, sizeof prob, "%d%%", col.stage->probability);
    column_header(ui, origin, w, col.stage->name, prob, deals_word(col.count), mrc_whole(col.mrc));
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(w, header_height(ui)));
    tooltip_on_hover((col.stage->name + ": " + prob + " probability, forecast category " +
                      std::string(core::to_string(col.stage->category)))
                         .c_str());

    const float hh = header_height(ui);
    ImGui::SetCursorPos(ImVec2(x, hh));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8 * ui.dpr, 2 * ui.dpr));
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, 8 * ui.dpr);
    ImGui::PushID(col.stage);
    ImGui::BeginChild("##cards", ImVec2(w, h - hh - 4 * ui.dpr),
                      ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar(2);
    if (col.deals.empty()) {
        ImGui::Dummy(ImVec2(0, 6 * ui.dpr));
        const char* none = "No deals in this stage";
        const float tw = ImGui::CalcTextSize(none).x;
        ImGui::SetCursorPosX(
            std::max(ImGui::GetCursorPosX(), (ImGui::GetWindowWidth() - tw) * 0.5f));
        ImGui::TextColored(to_vec4(p.text_muted), "%s", none);
    } else {
        // Uniform card heights let the clipper skip the cards that are scrolled out of view.
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(col.deals.size()),
                      card_height(ui) + ImGui::GetStyle().ItemSpacing.y);
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
                deal_card(app, ui, *col.deals[static_cast<std::size_t>(i)], today);
    }
    ImGui::EndChild();
    ImGui::PopID();
}

void closed_tile(const UiState& ui, const char* icon, const char* title, ImU32 colour,
                 const core::BoardColumn& col, float w) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float pad = 10 * ui.dpr, line = ImGui::GetTextLineHeight();
    const float h = pad * 2 + line * 2 + ui.fonts.heading->FontSize + 8 * ui.dpr;
    card_background(ui, dl, pos, ImVec2(pos.x + w, pos.y + h), false, false);
    dl->AddRectFilled(pos, ImVec2(pos.x + 3 * ui.dpr, pos.y + h), colour,
                      ImGui::GetStyle().ChildRounding, ImDrawFlags_RoundCornersLeft);
    float y = pos.y + pad;
    const std::string head = std::string(icon) + "  " + title;
    dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize, ImVec2(pos.x + pad, y), colour,
                head.c_str());
    y += line + 4 * ui.dpr;
    const std::string money = mrc_whole(col.mrc);
    draw_text_fit(dl, ui.fonts.heading, ImVec2(pos.x + pad, y), p.text, money, w - pad * 2);
    y += ui.fonts.heading->FontSize + 4 * ui.dpr;
    dl->AddText(ImVec2(pos.x + pad, y), p.text_muted, deals_word(col.count).c_str());
    ImGui::Dummy(ImVec2(w, h));
}

void closed_column(const UiState& ui, float x, float w, float h) {
    ImGui::SetCursorPos(ImVec2(x, 0));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(origin, ImVec2(origin.x + w, origin.y + h), column_bg(ui),
                      ImGui::GetStyle().ChildRounding);
    const core::Ymd m = core::ymd_of(g_data.month_first);
    column_header(ui, origin, w, std::string("Closed in ") + month_short(m.month), "",
                  "won and lost", "");
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(w, header_height(ui)));
    tooltip_on_hover("Deals closed this month. The Forecast view compares every month with your "
                     "quota.");
    const core::BoardColumn* won = nullptr;
    const core::BoardColumn* lost = nullptr;
    for (const core::BoardColumn& c : g_data.columns) {
        if (!c.stage->closed) continue;
        if (c.stage->won && !won) won = &c;
        if (!c.stage->won && !lost) lost = &c;
    }
    const float pad = 8 * ui.dpr;
    const Palette& p = palette();
    ImGui::SetCursorPos(ImVec2(x + pad, header_height(ui) + 2 * ui.dpr));
    if (won) closed_tile(ui, ICON_TROPHY, won->stage->name.c_str(), p.success, *won, w - pad * 2);
    ImGui::SetCursorPosX(x + pad);
    if (lost)
        closed_tile(ui, ICON_TIMES_CIRCLE, lost->stage->name.c_str(), p.text_muted, *lost,
                    w - pad * 2);
}

void board(const app::App& app, UiState& ui, core::Date today) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = 8 * ui.dpr;
    // Columns wide enough to read an account name; the board scrolls sideways when they do not
    // all fit, like Salesforce's Kanban.
    const float closed_w = 170 * ui.dpr;
    const float min_col = 224 * ui.dpr;
    const int n = std::max(1, g_data.open_stages);
    const float fit = (avail.x - closed_w - gap * static_cast<float>(n)) / static_cast<float>(n);
    const float col_w = std::max(min_col, fit);
    const float total_w = (col_w + gap) * static_cast<float>(n) + closed_w;
    const bool scroll_x = total_w > avail.x + 0.5f;
    ImGui::SetNextWindowContentSize(ImVec2(total_w, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    // Shift+wheel (or a trackpad's sideways swipe) scrolls the board; the wheel scrolls a column.
    ImGui::BeginChild("##board", avail, ImGuiChildFlags_None,
                      scroll_x ? ImGuiWindowFlags_HorizontalScrollbar : 0);
    ImGui::PopStyleVar();
    const float h = ImGui::GetContentRegionAvail().y;
    float x = 0;
    for (const core::BoardColumn& col : g_data.columns) {
        if (col.stage->closed) continue;
        stage_column(app, ui, col, x, col_w, h, today);
        x += col_w + gap;
    }
    closed_column(ui, x, closed_w, h);
    ImGui::EndChild();
}

} // namespace

void draw_pipeline_panel(app::App& app, UiState& ui) {
    refresh(app);
    const core::Plan& plan = app.plan();
    const core::Date today = app.clock().today();
    if (plan.opportunities.empty()) {
        page_header(ui, "Pipeline", "");
        empty_state(ui, ICON_FUNNEL, "No opportunities yet",
                    "The pipeline shows every open deal by Salesforce stage, what it is worth "
                    "each month and which deals have slipped past their close date. Open a plan "
                    "with opportunities, or try the sample plan to see how it works.");
        empty_plan_actions(app, ui);
        return;
    }
    page_header(ui, "Pipeline",
                deals_word(g_data.totals.open_count) +
                    " open, by stage and close date  ·  click a card to select its account");
    kpi_row(ui);
    ImGui::Dummy(ImVec2(0, 6 * ui.dpr));
    board(app, ui, today);
}

} // namespace footprint::ui
