// Small widgets and words the pipeline and forecast views share: category names and colours,
// period labels, the date field with its calendar, money and rate fields, modal chrome.
#include "core/deal_rules.h"
#include "core/format.h"
#include "core/money_input.h"
#include "ui/forecast_ui.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

namespace footprint::ui {

const char* category_label(core::ForecastCategory c) {
    switch (c) {
    case core::ForecastCategory::Pipeline:
        return "Pipeline";
    case core::ForecastCategory::BestCase:
        return "Best Case";
    case core::ForecastCategory::Commit:
        return "Commit";
    case core::ForecastCategory::Closed:
        return "Closed";
    case core::ForecastCategory::Omitted:
        return "Omitted";
    }
    return "Pipeline";
}

ImU32 series_closed_won() {
    return palette().success;
}
ImU32 series_commit() {
    return palette().accent;
}
// Translucent blues read darker on the dark theme: lift them a little there.
ImU32 series_best_case() {
    return with_alpha(palette().accent, dark_theme() ? 0.6f : 0.5f);
}
ImU32 series_pipeline() {
    return with_alpha(palette().accent, dark_theme() ? 0.32f : 0.22f);
}

ImU32 category_colour(core::ForecastCategory c) {
    switch (c) {
    case core::ForecastCategory::Closed:
        return series_closed_won();
    case core::ForecastCategory::Commit:
        return series_commit();
    case core::ForecastCategory::BestCase:
        return with_alpha(palette().accent, 0.6f);
    case core::ForecastCategory::Pipeline:
        return with_alpha(palette().accent, 0.35f);
    case core::ForecastCategory::Omitted:
        return palette().text_muted;
    }
    return palette().text_muted;
}

std::string period_short(core::YearMonth first, int months) {
    if (months >= 12) return std::to_string(first.year());
    if (months >= 3) return "Q" + std::to_string((first.month() - 1) / 3 + 1);
    return month_short(first.month());
}

std::string period_long(core::YearMonth first, int months) {
    if (months >= 12) return std::to_string(first.year());
    if (months >= 3)
        return "Q" + std::to_string((first.month() - 1) / 3 + 1) + " " +
               std::to_string(first.year());
    return month_year(first);
}

std::string coverage_text(double c) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f\xC3\x97", c); // ×
    return buf;
}

std::string delta_mrc(core::Cents before, core::Cents after) {
    const core::Cents d = after - before;
    if (d == 0) return "no change";
    return (d > 0 ? "+" : "\xE2\x88\x92") + mrc_whole(d > 0 ? d : -d); // − (minus sign)
}

// --- date field --------------------------------------------------------------------------------

namespace {

// One day cell of the calendar.
bool day_cell(const UiState& ui, core::Date day, bool in_month, bool selected, bool is_today,
              float size) {
    const Palette& p = palette();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID(day.days);
    const bool pressed = ImGui::InvisibleButton("##day", ImVec2(size, size));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(pos.x + size * 0.5f, pos.y + size * 0.5f);
    const float r = size * 0.5f - 1 * ui.dpr;
    if (selected)
        dl->AddCircleFilled(c, r, p.accent);
    else if (hovered)
        dl->AddCircleFilled(c, r, with_alpha(p.accent, 0.18f));
    if (is_today && !selected) dl->AddCircle(c, r, p.accent, 0, 1.5f * ui.dpr);
    char label[4];
    std::snprintf(label, sizeof label, "%d", core::ymd_of(day).day);
    const ImVec2 ts = ImGui::CalcTextSize(label);
    const ImU32 col = selected ? p.on_accent : in_month ? p.text : p.text_muted;
    dl->AddText(ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), col, label);
    return pressed;
}

} // namespace

bool date_field(const UiState& ui, const char* id, std::optional<core::Date>& date,
                core::Date today, float width, const char* empty_label) {
    const Palette& p = palette();
    bool changed = false;
    ImGui::PushID(id);
    const std::string text = date ? core::format_date(*date) : std::string(empty_label);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFrameHeight();
    // The month the calendar shows, kept in the field's own storage (the popup has its own ID stack).
    const ImGuiID shown_id = ImGui::GetID("shown");
    ImGuiStorage* store = ImGui::GetStateStorage();
    if (ImGui::InvisibleButton("##date", ImVec2(width, h))) {
        ImGui::OpenPopup("##calendar");
        store->SetInt(shown_id, core::YearMonth::of(date.value_or(today)).index);
    }
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h),
                      ImGui::GetColorU32(hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg),
                      ImGui::GetStyle().FrameRounding);
    const ImGuiStyle& st = ImGui::GetStyle();
    dl->AddText(ImVec2(pos.x + st.FramePadding.x, pos.y + st.FramePadding.y),
                date ? p.text : p.text_muted, text.c_str());
    const ImVec2 is = ImGui::CalcTextSize(ICON_CALENDAR);
    dl->AddText(ImVec2(pos.x + width - st.FramePadding.x - is.x, pos.y + st.FramePadding.y),
                p.text_muted, ICON_CALENDAR);

    ImGui::SetNextWindowPos(ImVec2(pos.x, pos.y + h + 4 * ui.dpr));
    if (ImGui::BeginPopup("##calendar")) {
        core::YearMonth shown{store->GetInt(shown_id, core::YearMonth::of(today).index)};
        const float cell = ImGui::GetFrameHeight() * 1.15f;
        const float grid_w = cell * 7 + 2 * ui.dpr * 6;
        // Month header with arrows.
        if (icon_button(ICON_CHEVRON_LEFT "##prev", "Previous month")) --shown.index;
        const std::string title = month_year(shown);
        const float tw = ImGui::CalcTextSize(title.c_str()).x;
        ImGui::SameLine((grid_w - tw) * 0.5f + ImGui::GetStyle().WindowPadding.x);
        ImGui::PushFont(ui.fonts.bold);
        ImGui::TextUnformatted(title.c_str());
        ImGui::PopFont();
        ImGui::SameLine(grid_w + ImGui::GetStyle().WindowPadding.x -
                        ImGui::CalcTextSize(ICON_CHEVRON_RIGHT).x -
                        ImGui::GetStyle().FramePadding.x * 2);
        if (icon_button(ICON_CHEVRON_RIGHT "##next", "Next month")) ++shown.index;
        store->SetInt(shown_id, shown.index);

        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(2 * ui.dpr, 2 * ui.dpr));
        for (int wd = 0; wd < 7; ++wd) {
            if (wd) ImGui::SameLine();
            const char* name = weekday_short(wd);
            const ImVec2 c = ImGui::GetCursorScreenPos();
            const float w = ImGui::CalcTextSize(name).x;
            ImGui::GetWindowDrawList()->AddText(ImVec2(c.x + (cell - w) * 0.5f, c.y), p.text_muted,
                                                name);
            ImGui::Dummy(ImVec2(cell, ImGui::GetTextLineHeight()));
        }
        const core::Date first = shown.first_day();
        const core::Date start = core::add_days(first, -core::weekday(first));
        for (int i = 0; i < 42; ++i) {
            if (i % 7) ImGui::SameLine();
            const core::Date day = core::add_days(start, i);
            const bool in_month = core::YearMonth::of(day) == shown;
            if (day_cell(ui, day, in_month, date && *date == day, day == today, cell)) {
                date = day;
                changed = true;
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::PopStyleVar();
        ImGui::Separator();
        auto quick = [&](const char* label, core::Date d) {
            if (ImGui::SmallButton(label)) {
                date = d;
                changed = true;
                ImGui::CloseCurrentPopup();
            }
            ImGui::SameLine();
        };
        const core::Date base = std::max(date.value_or(today), today);
        quick("Today", today);
        quick("End of month", core::month_end(today));
        quick("+1 week", core::add_days(base, 7));
        quick("+1 month", core::add_months(base, 1));
        ImGui::NewLine();
        ImGui::EndPopup();
    }
    ImGui::PopID();
    return changed;
}

// --- text fields -------------------------------------------------------------------------------

namespace {

bool checked_field(const char* id, char* buf, std::size_t size, float width, std::string& error,
                   const char* hint) {
    const Palette& p = palette();
    ImGui::SetNextItemWidth(width);
    const bool bad = !error.empty();
    if (bad) {
        ImGui::PushStyleColor(ImGuiCol_Border, to_vec4(p.danger));
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.5f);
    }
    const bool edited = ImGui::InputTextWithHint(id, hint, buf, size);
    if (bad) {
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
    }
    return edited;
}

} // namespace

bool money_field(const char* id, char* buf, std::size_t size, float width, std::string& error) {
    const bool edited = checked_field(id, buf, size, width, error, "$0.00");
    if (edited || error.empty()) {
        core::ParsedCents v = core::parse_money(buf);
        error = v.value ? std::string() : "The amount " + v.error + ".";
    }
    return edited;
}

bool rate_field(const char* id, char* buf, std::size_t size, float width, std::string& error) {
    const bool edited = checked_field(id, buf, size, width, error, "0%");
    if (edited || error.empty()) {
        core::ParsedRate v = core::parse_percent_bp(buf);
        error = v.bp ? std::string() : "The rate " + v.error + ".";
    }
    return edited;
}

void category_pill(core::ForecastCategory c) {
    badge(category_label(c), category_colour(c));
}

void kpi_tile(const UiState& ui, const std::string& label, const std::string& value,
              const std::string& sub, ImU32 accent, float width) {
    const Palette& p = palette();
    const ImGuiStyle& st = ImGui::GetStyle();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float pad = st.WindowPadding.x;
    const float h =
        pad * 2 + ImGui::GetTextLineHeight() * 2 + ui.fonts.big->FontSize + st.ItemSpacing.y * 2;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), p.surface, st.ChildRounding);
    dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h), p.border, st.ChildRounding);
    dl->AddRectFilled(pos, ImVec2(pos.x + 4 * ui.dpr, pos.y + h), accent, st.ChildRounding,
                      ImDrawFlags_RoundCornersLeft);
    const float inner = width - pad * 1.5f;
    float y = pos.y + pad;
    draw_text_fit(dl, ui.fonts.body, ImVec2(pos.x + pad, y), p.text_muted, label, inner);
    y += ImGui::GetTextLineHeight() + st.ItemSpacing.y;
    // A long value drops to the heading size before it is cut.
    ImFont* f = ui.fonts.big;
    if (f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, value.c_str()).x > inner) f = ui.fonts.heading;
    draw_text_fit(dl, f, ImVec2(pos.x + pad, y + (ui.fonts.big->FontSize - f->FontSize) * 0.5f),
                  p.text, value, inner);
    y += ui.fonts.big->FontSize + st.ItemSpacing.y;
    const bool cut =
        draw_text_fit(dl, ui.fonts.body, ImVec2(pos.x + pad, y), p.text_muted, sub, inner);
    ImGui::Dummy(ImVec2(width, h));
    // What was cut short is still readable on hover (a caller's own tooltip replaces it).
    if (cut && ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort))
        ImGui::SetTooltip("%s", sub.c_str());
}

void table_header_row(const char* const* names, const bool* right, int n) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < n; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        if (right && right[c]) {
            // Numbers are right-aligned, so are their headers (room left for a sort arrow).
            const float w = ImGui::CalcTextSize(names[c], nullptr, true).x + ImGui::GetFontSize();
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                                 std::max(0.0f, ImGui::GetContentRegionAvail().x - w));
        }
        ImGui::TableHeader(names[c]);
    }
}

bool view_key(ImGuiKey key) {
    const ImGuiIO& io = ImGui::GetIO();
    // Arrows belong to keyboard navigation while its highlight shows.
    const bool arrow = key == ImGuiKey_LeftArrow || key == ImGuiKey_RightArrow ||
                       key == ImGuiKey_UpArrow || key == ImGuiKey_DownArrow;
    if (arrow && io.NavVisible) return false;
    return !io.WantTextInput && !io.KeyCtrl && !io.KeySuper && !io.KeyAlt &&
           !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel) &&
           ImGui::IsKeyPressed(key, false);
}

// --- modals ------------------------------------------------------------------------------------

void modal_title(const UiState& ui, const char* title, const std::string& sub) {
    ImGui::PushFont(ui.fonts.heading);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    if (!sub.empty()) {
        // Wrap at the window's width, so a long line never widens an auto-sized modal.
        ImGui::PushTextWrapPos(ImGui::GetWindowContentRegionMax().x);
        text_muted(sub);
        ImGui::PopTextWrapPos();
    }
    ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
}

void next_modal_placement(const UiState& ui, float width) {
    (void)ui;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(
        ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.45f),
        ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
}

int modal_buttons(const UiState& ui, const char* primary, bool primary_enabled) {
    ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
    ImGui::Separator();
    ImGui::Dummy(ImVec2(0, 2 * ui.dpr));
    const ImGuiStyle& st = ImGui::GetStyle();
    const float cancel_w = ImGui::CalcTextSize("Cancel").x + st.FramePadding.x * 2;
    const float primary_w = ImGui::CalcTextSize(primary).x + st.FramePadding.x * 2;
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - cancel_w - primary_w -
                         st.ItemSpacing.x);
    int result = 0;
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) result = -1;
    ImGui::SameLine();
    ImGui::BeginDisabled(!primary_enabled);
    if (primary_button(primary)) result = 1;
    ImGui::EndDisabled();
    return result;
}

} // namespace footprint::ui
