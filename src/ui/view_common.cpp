// Shared pieces of the pipeline, forecast, week and report views (see view_common.h).
#include "ui/files.h"
#include "ui/view_common.h"

#include "core/format.h"
#include "ui/icons.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cfloat>
#include <cstdint>
#include <cstdio>

namespace footprint::ui {

namespace {

} // namespace

std::string mrc_whole(core::Cents c) {
    return core::format_mrc_rounded(c);
}
std::string money_whole(core::Cents c) {
    return core::format_money_rounded(c);
}

std::string time_of_day(int minutes) {
    minutes = std::clamp(minutes, 0, 24 * 60 - 1);
    const int h = minutes / 60, m = minutes % 60;
    const int h12 = h % 12 == 0 ? 12 : h % 12;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d:%02d %s", h12, m, h < 12 ? "AM" : "PM");
    return buf;
}

const char* month_short(int month) {
    static const char* k[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return k[std::clamp(month, 1, 12) - 1];
}

const char* month_long(int month) {
    static const char* k[] = {"January",   "February", "March",    "April",
                              "May",       "June",     "July",     "August",
                              "September", "October",  "November", "December"};
    return k[std::clamp(month, 1, 12) - 1];
}

std::string month_year(core::YearMonth m) {
    return std::string(month_long(m.month())) + " " + std::to_string(m.year());
}

const char* weekday_short(int weekday) {
    static const char* k[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    return k[std::clamp(weekday, 0, 6)];
}

const char* weekday_long(int weekday) {
    static const char* k[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                              "Friday", "Saturday", "Sunday"};
    return k[std::clamp(weekday, 0, 6)];
}

const char* opportunity_type_label(core::OpportunityType t) {
    switch (t) {
    case core::OpportunityType::Renewal:
        return "Renewal";
    case core::OpportunityType::Upsell:
        return "Upsell";
    case core::OpportunityType::WinBack:
        return "Win-back";
    case core::OpportunityType::New:
        return "New";
    }
    return "New";
}

ImU32 opportunity_type_colour(core::OpportunityType t) {
    const Palette& p = palette();
    switch (t) {
    case core::OpportunityType::Renewal:
        return p.client;
    case core::OpportunityType::Upsell:
        return dark_theme() ? IM_COL32(0xA8, 0xD8, 0xF5, 255) : IM_COL32(0x56, 0xB4, 0xE9, 255);
    case core::OpportunityType::WinBack:
        return p.former;
    case core::OpportunityType::New:
        return p.prospect;
    }
    return p.prospect;
}

const char* activity_icon(core::ActivityType t) {
    switch (t) {
    case core::ActivityType::Call:
        return ICON_PHONE;
    case core::ActivityType::Visit:
        return ICON_CAR;
    case core::ActivityType::Meeting:
        return ICON_USERS;
    case core::ActivityType::Email:
        return ICON_ENVELOPE;
    case core::ActivityType::Event:
        return ICON_STAR;
    case core::ActivityType::Proposal:
        return ICON_FILE_TEXT;
    }
    return ICON_CIRCLE;
}

const char* activity_label(core::ActivityType t) {
    switch (t) {
    case core::ActivityType::Call:
        return "Call";
    case core::ActivityType::Visit:
        return "Visit";
    case core::ActivityType::Meeting:
        return "Meeting";
    case core::ActivityType::Email:
        return "Email";
    case core::ActivityType::Event:
        return "Event";
    case core::ActivityType::Proposal:
        return "Proposal";
    }
    return "";
}

const char* activity_label_plural(core::ActivityType t) {
    switch (t) {
    case core::ActivityType::Call:
        return "Calls";
    case core::ActivityType::Visit:
        return "Visits";
    case core::ActivityType::Meeting:
        return "Meetings";
    case core::ActivityType::Email:
        return "Emails";
    case core::ActivityType::Event:
        return "Events";
    case core::ActivityType::Proposal:
        return "Proposals";
    }
    return "";
}

bool dark_theme() {
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    return 0.2126f * bg.x + 0.7152f * bg.y + 0.0722f * bg.z < 0.5f;
}

ImU32 with_alpha(ImU32 colour, float alpha) {
    const auto a = static_cast<ImU32>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f + 0.5f);
    return (colour & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

float page_header(const UiState& ui, const char* title, const std::string& subtitle,
                  float right_width) {
    const Palette& p = palette();
    const float row_h = ImGui::GetFrameHeight();
    const float y0 = ImGui::GetCursorPosY();
    ImGui::PushFont(ui.fonts.heading);
    ImGui::SetCursorPosY(y0 + (row_h - ImGui::GetTextLineHeight()) * 0.5f);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    if (!subtitle.empty()) {
        ImGui::SameLine(0, 12 * ui.dpr);
        ImGui::SetCursorPosY(y0 + (row_h - ImGui::GetTextLineHeight()) * 0.5f + 1 * ui.dpr);
        ImGui::TextColored(to_vec4(p.text_muted), "%s", subtitle.c_str());
    }
    const float right_x = ImGui::GetWindowContentRegionMax().x - right_width;
    ImGui::SetCursorPosY(y0 + row_h + ImGui::GetStyle().ItemSpacing.y * 2);
    return right_x;
}

float row_item_width(int n) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x * 1.5f;
    return std::max(1.0f, (avail - gap * static_cast<float>(n - 1)) / static_cast<float>(n));
}

bool fit_text(std::string& text, float max_width, ImFont* font) {
    if (!font) font = ImGui::GetFont();
    const float size = font->FontSize;
    auto width = [&](const std::string& s) {
        return font->CalcTextSizeA(size, FLT_MAX, 0, s.c_str()).x;
    };
    if (width(text) <= max_width) return false;
    static const std::string kEllipsis = "\xe2\x80\xa6"; // …
    const float budget = max_width - width(kEllipsis);
    // Grow the kept prefix one UTF-8 character at a time; names are short, so this stays cheap.
    std::size_t keep = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t next = i + 1;
        while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80)
            ++next;
        if (font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str(), text.c_str() + next).x > budget)
            break;
        keep = next;
        i = next;
    }
    while (keep > 0 && text[keep - 1] == ' ')
        --keep;
    text = text.substr(0, keep) + kEllipsis;
    return true;
}

bool draw_text_fit(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 colour, const std::string& text,
                   float max_width) {
    std::string s = text;
    const bool cut = fit_text(s, max_width, font);
    dl->AddText(font, font->FontSize, pos, colour, s.c_str());
    return cut;
}

bool segmented(const UiState& ui, const char* id, const char* const* labels, int count,
               int& current) {
    const Palette& p = palette();
    bool changed = false;
    ImGui::PushID(id);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(2 * ui.dpr, 0));
    for (int i = 0; i < count; ++i) {
        if (i) ImGui::SameLine();
        const bool active = i == current;
        if (active) {
            ImGui::PushStyleColor(ImGuiCol_Button, to_vec4(p.accent));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_vec4(p.accent));
            ImGui::PushStyleColor(ImGuiCol_ButtonActive, to_vec4(p.accent));
            ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(p.on_accent));
        }
        ImGui::PushID(i);
        if (ImGui::Button(labels[i]) && !active) {
            current = i;
            changed = true;
        }
        ImGui::PopID();
        if (active) ImGui::PopStyleColor(4);
    }
    ImGui::PopStyleVar();
    ImGui::PopID();
    return changed;
}

void card_background(const UiState& ui, ImDrawList* dl, ImVec2 a, ImVec2 b, bool hovered,
                     bool selected) {
    const Palette& p = palette();
    const float rounding = ImGui::GetStyle().ChildRounding;
    dl->AddRectFilled(a, b, p.surface, rounding);
    const ImU32 border = selected ? p.accent : hovered ? with_alpha(p.accent, 0.55f) : p.border;
    dl->AddRect(a, b, border, rounding, 0, (selected ? 2.0f : 1.0f) * ui.dpr);
}

float pill_height() {
    return ImGui::GetTextLineHeight() + ImGui::GetStyle().FramePadding.y;
}

float pill_width(const std::string& text) {
    const ImGuiStyle& st = ImGui::GetStyle();
    return ImGui::CalcTextSize(text.c_str()).x + st.FramePadding.x * 1.6f + pill_height() * 0.36f +
           st.ItemInnerSpacing.x;
}

// Same look as widgets' badge(): a tinted pill with a coloured dot.
float draw_pill(ImDrawList* dl, ImVec2 pos, const std::string& text, ImU32 colour) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    const float h = pill_height();
    const float dot = h * 0.36f;
    const float pad = st.FramePadding.x * 0.8f;
    const float w = pill_width(text);
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), with_alpha(colour, 40.0f / 255.0f),
                      h * 0.5f);
    dl->AddCircleFilled(ImVec2(pos.x + pad + dot * 0.5f, pos.y + h * 0.5f), dot * 0.5f, colour);
    dl->AddText(ImVec2(pos.x + pad + dot + st.ItemInnerSpacing.x, pos.y + (h - ts.y) * 0.5f),
                palette().text, text.c_str());
    return w;
}

const core::Account* find_account(const app::App& app, const std::string& id) {
    auto i = app.doc().index().account(id);
    if (!i || *i >= app.plan().accounts.size()) return nullptr;
    return &app.plan().accounts[*i];
}

std::string account_name(const app::App& app, const std::string& id) {
    const core::Account* a = find_account(app, id);
    return a ? a->name : std::string("Unknown account");
}

std::string product_label(const core::Plan& plan, const core::Service& s) {
    for (const core::Product& prod : plan.catalog)
        if (prod.id == s.product) return prod.name;
    return s.product.empty() ? std::string("Service") : s.product;
}

void select_account(UiState& ui, const std::string& id) {
    if (id.empty()) return;
    ui.selection = {id};
    ui.focused_account = id;
}

void empty_plan_actions(app::App& app, UiState& ui) {
    const float w = ImGui::CalcTextSize(ICON_FLASK "  Open the sample plan").x +
                    ImGui::CalcTextSize(ICON_FOLDER_OPEN "  Open plan file…").x +
                    ImGui::GetStyle().FramePadding.x * 4 + ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                         std::max(0.0f, (ImGui::GetContentRegionAvail().x - w) * 0.5f));
    if (primary_button(ICON_FLASK "  Open the sample plan")) app.open_sample();
    ImGui::SameLine();
    if (ImGui::Button(ICON_FOLDER_OPEN "  Open plan file…"))
        pick_plan_file(ui);
}

bool CacheKey::refresh(const app::App& app, std::int64_t extra_input) {
    const void* p = &app.plan();
    const std::uint64_t rev = app.doc().revision();
    const std::int32_t day = app.clock().today().days;
    if (p == plan && rev == revision && day == today && extra_input == extra) return false;
    plan = p;
    revision = rev;
    today = day;
    extra = extra_input;
    return true;
}

} // namespace footprint::ui
