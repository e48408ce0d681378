// The pipeline board: a column of deal cards per open stage and this month's closed won / lost at
// the end. Dragging a card onto another column (or onto Won / Lost) moves the deal to that stage
// as one undoable command; double-click or right-click a card to edit it.
#include "app/pipeline_actions.h"
#include "core/format.h"
#include "ui/forecast_ui.h"
#include "ui/panels.h"
#include "ui/theme.h"

#include <imgui.h>
#include <imgui_internal.h> // ImRect, BeginDragDropTargetCustom

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace footprint::ui {

namespace {

constexpr const char* kDealPayload = "FP_DEAL";

std::string deals_word(int n) {
    return core::format_count(n) + (n == 1 ? " deal" : " deals");
}

std::string lower(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// The board's cards after the search box's filter, cached on the model and the search text.
struct Filtered {
    const void* model_key = nullptr;
    std::uint64_t revision = ~0ull;
    std::string search;
    std::vector<std::vector<const core::Opportunity*>> deals; // per column
};
Filtered g_filtered;

const std::vector<std::vector<const core::Opportunity*>>&
filtered(const app::App& app, const PipelineModel& m, const std::string& search) {
    Filtered& f = g_filtered;
    if (f.model_key == &app.plan() && f.revision == app.doc().revision() && f.search == search &&
        f.deals.size() == m.columns.size())
        return f.deals;
    f.model_key = &app.plan();
    f.revision = app.doc().revision();
    f.search = search;
    f.deals.assign(m.columns.size(), {});
    const std::string needle = lower(search);
    for (std::size_t i = 0; i < m.columns.size(); ++i)
        for (const core::Opportunity* o : m.columns[i].deals)
            if (needle.empty() || lower(o->name).find(needle) != std::string::npos ||
                lower(account_name(app, o->account_id)).find(needle) != std::string::npos)
                f.deals[i].push_back(o);
    return f.deals;
}

CssRect css_rect(const UiState& ui, ImVec2 a, ImVec2 b) {
    return CssRect{a.x / ui.dpr, a.y / ui.dpr, b.x / ui.dpr, b.y / ui.dpr};
}

// What a drop changed, in words: the toast after a move.
void announce_move(app::App& app, const std::string& id) {
    auto i = app.doc().index().opportunity(id);
    if (!i) return;
    const core::Opportunity& after = app.plan().opportunities[*i];
    std::string text =
        std::to_string(after.probability) + "%, " + category_label(after.forecast_category);
    const core::Stage* to = core::find_stage(app.plan(), after.stage);
    if (to && !to->closed) {
        if (after.probability != to->probability)
            text += " (kept your " + std::to_string(after.probability) + "% probability)";
        if (after.forecast_category != to->category)
            text += std::string(" (kept your ") + category_label(after.forecast_category) +
                    " category)";
    } else if (to && after.close_date) {
        text += ", closed " + core::format_date(*after.close_date);
    }
    text += ". Ctrl+Z undoes it.";
    app.notify(app::Notice::Kind::Success,
               "Moved " + app::deal_title(app, after) + " to " + after.stage, text);
}

void drop_deal(app::App& app, const std::string& id, const std::string& stage) {
    if (app::move_deal_to_stage(app, id, stage)) announce_move(app, id);
}

// A drop target over `a`..`b` for `stage`; draws the highlight while a card hovers it.
void drop_target(app::App& app, UiState& ui, ImVec2 a, ImVec2 b, const core::Stage& stage,
                 ImGuiID id) {
    ui.pipeline.column_rects.emplace_back(stage.name, css_rect(ui, a, b));
    if (!ImGui::BeginDragDropTargetCustom(ImRect(a, b), id)) return;
    const ImGuiPayload* peek = ImGui::GetDragDropPayload();
    bool same = false;
    if (peek && peek->IsDataType(kDealPayload)) {
        const std::string id_str(static_cast<const char*>(peek->Data));
        if (auto i = app.doc().index().opportunity(id_str))
            same = app.plan().opportunities[*i].stage == stage.name;
    }
    if (!same) {
        const Palette& p = palette();
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        dl->AddRect(a, b, p.accent, ImGui::GetStyle().ChildRounding, 0, 2.5f * ui.dpr);
        if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(
                kDealPayload, ImGuiDragDropFlags_AcceptNoDrawDefaultRect))
            drop_deal(app, std::string(static_cast<const char*>(payload->Data)), stage.name);
    }
    ImGui::EndDragDropTarget();
}

void deal_tooltip(const app::App& app, const UiState& ui, const core::Opportunity& o,
                  const std::string& account, core::Date today, bool slipped) {
    const Palette& p = palette();
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted(account.c_str());
    ImGui::PopFont();
    if (!o.name.empty()) ImGui::TextColored(to_vec4(p.text_muted), "%s", o.name.c_str());
    ImGui::Separator();
    ImGui::Text("%s  \xC2\xB7  %s", opportunity_type_label(o.type), o.stage.c_str());
    ImGui::Text("%s  \xC2\xB7  %d%% \xE2\x86\x92 %s weighted", mrc_whole(o.mrc).c_str(),
                o.probability, mrc_whole(core::weighted_mrc(o.mrc, o.probability)).c_str());
    ImGui::Text("Forecast category: %s%s", category_label(o.forecast_category),
                core::category_follows_stage(app.plan(), o) ? "" : " (set by you)");
    if (o.close_date) {
        if (slipped)
            ImGui::TextColored(to_vec4(p.danger),
                               ICON_WARNING "  Slipped: the close date was %s (%s)",
                               core::format_date(*o.close_date).c_str(),
                               core::format_relative_days(*o.close_date, today).c_str());
        else
            ImGui::Text("Closes %s (%s)", core::format_date(*o.close_date).c_str(),
                        core::format_relative_days(*o.close_date, today).c_str());
    } else {
        ImGui::TextColored(to_vec4(p.text_muted), "No close date");
    }
    if (!o.next_step.empty()) ImGui::Text("Next step: %s", o.next_step.c_str());
    ImGui::Separator();
    ImGui::TextColored(to_vec4(p.text_muted),
                       "Drag to another stage  \xC2\xB7  double-click to edit  \xC2\xB7  "
                       "right-click for more");
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

float card_height(const UiState& ui) {
    return 10 * ui.dpr * 2 + ImGui::GetTextLineHeight() * 2 + pill_height() + 6 * ui.dpr * 2;
}

void deal_card(app::App& app, UiState& ui, const core::Opportunity& o, core::Date today) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = card_height(ui);
    const float pad = 10 * ui.dpr, gap = 6 * ui.dpr, line = ImGui::GetTextLineHeight();
    ImGui::PushID(o.id.c_str());
    ImGui::SetNextItemAllowOverlap(); // the slipped chip on the card is its own button
    const bool clicked = ImGui::InvisibleButton("##card", ImVec2(w, h));
    const bool hovered = ImGui::IsItemHovered();
    const bool dragging = ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left);
    const bool selected = ui.selection.count(o.account_id) > 0;
    const bool slipped = o.close_date && *o.close_date < today;
    const std::string account = account_name(app, o.account_id);
    ui.pipeline.card_rects.emplace_back(o.id, css_rect(ui, pos, ImVec2(pos.x + w, pos.y + h)));

    if (ImGui::BeginDragDropSource(ImGuiDragDropFlags_SourceNoHoldToOpenOthers)) {
        ImGui::SetDragDropPayload(kDealPayload, o.id.c_str(), o.id.size() + 1);
        ImGui::PushFont(ui.fonts.bold);
        ImGui::TextUnformatted(account.c_str());
        ImGui::PopFont();
        ImGui::TextColored(to_vec4(p.text_muted), "%s  \xC2\xB7  %s", mrc_whole(o.mrc).c_str(),
                           o.stage.c_str());
        ImGui::EndDragDropSource();
    }
    if (ImGui::BeginPopupContextItem("##deal-menu")) {
        deal_context_menu(app, ui, o);
        ImGui::EndPopup();
    }
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) open_deal_editor(app, ui, o);

    card_background(ui, dl, pos, ImVec2(pos.x + w, pos.y + h), hovered, selected);
    if (dragging)
        dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), with_alpha(p.accent, 0.10f),
                          ImGui::GetStyle().ChildRounding);
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
        // One click moves the close date to the end of this month.
        const core::Date target = core::slip_target(today);
        const std::string label =
            std::string(ICON_CALENDAR_PLUS " ") + core::format_date_short(target, today);
        const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
        const ImVec2 bpos(pos.x + w - pad - ts.x - 12 * ui.dpr, y);
        ImGui::SetCursorScreenPos(bpos);
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(6 * ui.dpr, 1 * ui.dpr));
        ImGui::PushStyleColor(ImGuiCol_Button, to_vec4(with_alpha(p.danger, 0.14f)));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_vec4(with_alpha(p.danger, 0.28f)));
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(p.danger));
        if (ImGui::Button(label.c_str())) app::move_close_dates(app, {o.id}, target);
        ImGui::PopStyleColor(3);
        ImGui::PopStyleVar();
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Slipped: the close date %s has passed.\nClick to move it to %s, the "
                              "end of this month.",
                              core::format_date(*o.close_date).c_str(),
                              core::format_date(target).c_str());
        else if (hovered)
            deal_tooltip(app, ui, o, account, today, slipped);
        // Back under the card, so every card keeps the height the clipper assumes.
        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h));
        ImGui::Dummy(ImVec2(w, 0));
    } else if (hovered && !dragging) {
        deal_tooltip(app, ui, o, account, today, slipped);
    }
    ImGui::PopID();
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

void stage_column(app::App& app, UiState& ui, const core::BoardColumn& col,
                  const std::vector<const core::Opportunity*>& deals, float x, float w, float h,
                  core::Date today) {
    const Palette& p = palette();
    ImGui::SetCursorPos(ImVec2(x, 0));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().ChildRounding;
    dl->AddRectFilled(origin, ImVec2(origin.x + w, origin.y + h), column_bg(ui), rounding);
    char prob[16];
    std::snprintf(prob, sizeof prob, "%d%%", col.stage->probability);
    const bool filtered_out = static_cast<int>(deals.size()) != col.count;
    const std::string count = filtered_out
                                  ? core::format_count(static_cast<long long>(deals.size())) +
                                        " of " + deals_word(col.count)
                                  : deals_word(col.count);
    column_header(ui, origin, w, col.stage->name, prob, count, mrc_whole(col.mrc));
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(w, header_height(ui)));
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort))
        ImGui::SetTooltip("%s: %s probability, forecast category %s.\nDeals that enter this stage "
                          "take these values unless you set your own.",
                          col.stage->name.c_str(), prob, category_label(col.stage->category));

    const float hh = header_height(ui);
    ImGui::SetCursorPos(ImVec2(x, hh));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8 * ui.dpr, 2 * ui.dpr));
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, 8 * ui.dpr);
    ImGui::PushID(col.stage);
    ImGui::BeginChild("##cards", ImVec2(w, h - hh - 4 * ui.dpr),
                      ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar(2);
    if (deals.empty()) {
        ImGui::Dummy(ImVec2(0, 6 * ui.dpr));
        const bool carrying = ImGui::GetDragDropPayload() != nullptr;
        const char* none = carrying       ? "Drop here"
                           : filtered_out ? "No deal matches the search"
                                          : "No deals in this stage";
        const float tw = ImGui::CalcTextSize(none).x;
        ImGui::SetCursorPosX(
            std::max(ImGui::GetCursorPosX(), (ImGui::GetWindowWidth() - tw) * 0.5f));
        ImGui::TextColored(to_vec4(p.text_muted), "%s", none);
    } else {
        // Uniform card heights let the clipper skip the cards that are scrolled out of view.
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(deals.size()),
                      card_height(ui) + ImGui::GetStyle().ItemSpacing.y);
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
                deal_card(app, ui, *deals[static_cast<std::size_t>(i)], today);
    }
    ImGui::EndChild();
    ImGui::PopID();
    drop_target(app, ui, origin, ImVec2(origin.x + w, origin.y + h), *col.stage,
                ImGui::GetID(col.stage->name.c_str()));
}

void closed_tile(app::App& app, UiState& ui, const char* icon, ImU32 colour,
                 const core::BoardColumn& col, float w) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float pad = 10 * ui.dpr, line = ImGui::GetTextLineHeight();
    const float h = pad * 2 + line * 3 + ui.fonts.heading->FontSize + 12 * ui.dpr;
    card_background(ui, dl, pos, ImVec2(pos.x + w, pos.y + h), false, false);
    dl->AddRectFilled(pos, ImVec2(pos.x + 3 * ui.dpr, pos.y + h), colour,
                      ImGui::GetStyle().ChildRounding, ImDrawFlags_RoundCornersLeft);
    float y = pos.y + pad;
    const std::string head = std::string(icon) + "  " + col.stage->name;
    draw_text_fit(dl, ui.fonts.bold, ImVec2(pos.x + pad, y), colour, head, w - pad * 2);
    y += line + 4 * ui.dpr;
    draw_text_fit(dl, ui.fonts.heading, ImVec2(pos.x + pad, y), p.text, mrc_whole(col.mrc),
                  w - pad * 2);
    y += ui.fonts.heading->FontSize + 4 * ui.dpr;
    dl->AddText(ImVec2(pos.x + pad, y), p.text_muted, deals_word(col.count).c_str());
    y += line + 4 * ui.dpr;
    const bool carrying = ImGui::GetDragDropPayload() != nullptr;
    draw_text_fit(dl, nullptr, ImVec2(pos.x + pad, y), carrying ? colour : p.text_muted,
                  carrying ? "Drop to close" : "this month", w - pad * 2);
    ImGui::Dummy(ImVec2(w, h));
    drop_target(app, ui, pos, ImVec2(pos.x + w, pos.y + h), *col.stage,
                ImGui::GetID(col.stage->name.c_str()));
}

void closed_column(app::App& app, UiState& ui, const PipelineModel& m, float x, float w, float h) {
    ImGui::SetCursorPos(ImVec2(x, 0));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(origin, ImVec2(origin.x + w, origin.y + h), column_bg(ui),
                      ImGui::GetStyle().ChildRounding);
    const core::Ymd ym = core::ymd_of(m.month_first);
    column_header(ui, origin, w, std::string("Closed in ") + month_short(ym.month), "",
                  "won and lost", "");
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(w, header_height(ui)));
    tooltip_on_hover("Deals closed this month. Drop a card on Won or Lost to close it today. The "
                     "Forecast view compares every month with your quota.");
    const float pad = 8 * ui.dpr;
    const Palette& p = palette();
    float y = header_height(ui) + 2 * ui.dpr;
    for (const core::BoardColumn& c : m.columns) {
        if (!c.stage->closed) continue;
        ImGui::SetCursorPos(ImVec2(x + pad, y));
        closed_tile(app, ui, c.stage->won ? ICON_TROPHY : ICON_TIMES_CIRCLE,
                    c.stage->won ? p.success : p.text_muted, c, w - pad * 2);
        y = ImGui::GetCursorPosY();
    }
}

} // namespace

void draw_pipeline_board(app::App& app, UiState& ui) {
    const PipelineModel& m = pipeline_model(app, true);
    const auto& deals = filtered(app, m, ui.pipeline.search);
    ui.pipeline.card_rects.clear();
    ui.pipeline.column_rects.clear();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = 8 * ui.dpr;
    // Columns wide enough to read an account name; the board scrolls sideways when they do not
    // all fit, like Salesforce's Kanban.
    const float closed_w = 180 * ui.dpr;
    const float min_col = 224 * ui.dpr;
    const int n = std::max(1, m.open_stages);
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
    // While a card is carried near the board's edge, scroll sideways so far stages can be reached.
    if (scroll_x && ImGui::GetDragDropPayload() &&
        ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows)) {
        const float mx = ImGui::GetIO().MousePos.x;
        const ImVec2 wp = ImGui::GetWindowPos();
        const float edge = 48 * ui.dpr, speed = 14 * ui.dpr;
        if (mx < wp.x + edge) ImGui::SetScrollX(ImGui::GetScrollX() - speed);
        if (mx > wp.x + avail.x - edge) ImGui::SetScrollX(ImGui::GetScrollX() + speed);
    }
    const float h = ImGui::GetContentRegionAvail().y;
    float x = 0;
    for (std::size_t i = 0; i < m.columns.size(); ++i) {
        const core::BoardColumn& col = m.columns[i];
        if (col.stage->closed) continue;
        stage_column(app, ui, col, deals[i], x, col_w, h, m.today);
        x += col_w + gap;
    }
    closed_column(app, ui, m, x, closed_w, h);
    ImGui::EndChild();
}

void deal_context_menu(app::App& app, UiState& ui, const core::Opportunity& deal) {
    const core::Date today = app.clock().today();
    ImGui::TextDisabled("%s", account_name(app, deal.account_id).c_str());
    if (ImGui::MenuItem(ICON_PENCIL "  Edit deal\xE2\x80\xA6")) open_deal_editor(app, ui, deal);
    if (ImGui::BeginMenu(ICON_ARROW_RIGHT "  Move to stage")) {
        for (const core::Stage& s : app.plan().stages) {
            char prob[16];
            std::snprintf(prob, sizeof prob, "%d%%", s.probability);
            if (ImGui::MenuItem(s.name.c_str(), prob, s.name == deal.stage, s.name != deal.stage))
                drop_deal(app, deal.id, s.name);
        }
        ImGui::EndMenu();
    }
    const core::Date end = core::slip_target(today);
    const std::string to_end = std::string(ICON_CALENDAR_PLUS "  Close date: end of month (") +
                               core::format_date_short(end, today) + ")";
    if (ImGui::MenuItem(to_end.c_str(), nullptr, false, deal.close_date != end))
        app::move_close_dates(app, {deal.id}, end);
    const core::Date next = core::add_months(std::max(deal.close_date.value_or(today), today), 1);
    const std::string to_next = std::string(ICON_FORWARD "  Close date: a month later (") +
                                core::format_date_short(next, today) + ")";
    if (ImGui::MenuItem(to_next.c_str())) app::move_close_dates(app, {deal.id}, next);
    ImGui::Separator();
    if (ImGui::MenuItem(ICON_BUILDING "  Select the account")) select_account(ui, deal.account_id);
}

} // namespace footprint::ui
