// The account page beside the list: every field of the account editable in place, each edit one
// undoable command; contacts, services, former-client details and the timeline follow
// (account_page_sections.cpp).
#include "core/csv_values.h"
#include "core/format.h"
#include "ui/accounts_view.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/view_common.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace footprint::ui {

namespace {

void put(app::App& app, core::Account edited, const std::string& label) {
    app.put_account(std::move(edited), label);
}

// A text field of the account: `field` picks the member; the label names the command.
void text_row(app::App& app, const core::Account& a, const char* label, const char* id,
              std::string core::Account::*field, const char* hint = nullptr) {
    form_label(label);
    std::string v;
    if (edit_text(id, a.*field, v, -1, hint)) {
        core::Account e = a;
        e.*field = core::trim_value(v).empty() ? std::string() : std::string(core::trim_value(v));
        put(app, std::move(e), std::string("Edit ") + label);
    }
}

void address_row(app::App& app, const core::Account& a, const char* label, const char* id,
                 std::string core::Address::*field, const char* hint = nullptr) {
    form_label(label);
    std::string v;
    if (edit_text(id, a.address.*field, v, -1, hint)) {
        core::Account e = a;
        e.address.*field = std::string(core::trim_value(v));
        put(app, std::move(e), std::string("Edit ") + label);
    }
}

void count_row(app::App& app, const core::Account& a, const char* label, const char* id,
               int core::Account::*field, long long lo, long long hi) {
    form_label(label);
    std::string v;
    const int cur = a.*field;
    if (!edit_text(id, cur ? core::format_count(cur) : std::string(), v, -1, "—")) return;
    const std::optional<long long> n =
        core::trim_value(v).empty() ? std::optional<long long>(0) : core::parse_count(v);
    if (!n || *n < lo || *n > hi) {
        app.notify(app::Notice::Kind::Warning, std::string(label) + " not changed",
                   "\"" + v + "\" is not a whole number from " + core::format_count(lo) + " to " +
                       core::format_count(hi) + ".");
        return;
    }
    core::Account e = a;
    e.*field = static_cast<int>(*n);
    put(app, std::move(e), std::string("Edit ") + label);
}

void status_combo(app::App& app, const core::Account& a) {
    // The status colour marks the icon; the words stay in the text colour (the former-client
    // purple is too light for text on a light theme).
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(to_vec4(status_colour(a.status)), "%s", status_icon(a.status));
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::SetNextItemWidth(150 * ImGui::GetFontSize() / 15.0f);
    if (!ImGui::BeginCombo("##status", status_label(a.status))) return;
    for (core::AccountStatus s : {core::AccountStatus::Client, core::AccountStatus::Former,
                                  core::AccountStatus::Prospect}) {
        ImGui::TextColored(to_vec4(status_colour(s)), "%s", status_icon(s));
        ImGui::SameLine();
        if (ImGui::Selectable(status_label(s), s == a.status) && s != a.status) {
            core::Account e = a;
            e.status = s;
            put(app, std::move(e), std::string("Mark as ") + status_label(s));
        }
    }
    ImGui::EndCombo();
}

void territory_row(app::App& app, const core::Account& a) {
    form_label("Territory");
    const core::Plan& plan = app.plan();
    std::string current = a.territory_id.empty() ? std::string("None") : a.territory_id;
    for (const core::Territory& t : plan.territories)
        if (t.id == a.territory_id) current = t.name;
    ImGui::SetNextItemWidth(-1);
    if (!ImGui::BeginCombo("##territory", current.c_str())) return;
    auto choose = [&](const std::string& id, const std::string& name) {
        if (ImGui::Selectable(name.c_str(), id == a.territory_id) && id != a.territory_id) {
            core::Account e = a;
            e.territory_id = id;
            put(app, std::move(e), "Change territory");
        }
    };
    choose("", "None");
    for (const core::Territory& t : plan.territories)
        choose(t.id, t.name);
    ImGui::EndCombo();
}

void location_row(const core::Account& a) {
    form_label("On the map");
    if (!a.location) {
        text_muted(ICON_MAP_MARKER "  Not placed yet");
        ImGui::SetItemTooltip("No coordinates: the import had no latitude and longitude. The map "
                              "places accounts by ZIP code when it can.");
        return;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.5f, %.5f", a.location->lat, a.location->lon);
    ImGui::TextUnformatted(buf);
    if (a.location_approximate) {
        ImGui::SameLine();
        text_muted("(ZIP centre)");
        ImGui::SetItemTooltip("Placed at the centre of its ZIP code, not at the street address.");
    }
}

void tags_row(app::App& app, UiState& ui, const core::Account& a) {
    form_label("Tags");
    const Palette& p = palette();
    for (std::size_t i = 0; i < a.tags.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushStyleColor(ImGuiCol_Button, to_vec4(with_alpha(p.accent, 0.14f)));
        ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, ImGui::GetFrameHeight() * 0.5f);
        if (ImGui::SmallButton((a.tags[i] + "  " ICON_TIMES).c_str())) {
            core::Account e = a;
            e.tags.erase(e.tags.begin() + static_cast<std::ptrdiff_t>(i));
            put(app, std::move(e), "Remove tag \"" + a.tags[i] + "\"");
        }
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
        ImGui::SetItemTooltip("Remove this tag");
        ImGui::PopID();
        ImGui::SameLine();
    }
    ImGui::SetNextItemWidth(std::max(100.0f * ui.dpr, ImGui::GetContentRegionAvail().x));
    if (ImGui::InputTextWithHint("##new-tag", ICON_PLUS " Add a tag", ui.accounts.new_tag,
                                 sizeof ui.accounts.new_tag,
                                 ImGuiInputTextFlags_EnterReturnsTrue)) {
        const std::string tag(core::trim_value(ui.accounts.new_tag));
        if (!tag.empty() && std::find(a.tags.begin(), a.tags.end(), tag) == a.tags.end()) {
            core::Account e = a;
            e.tags.push_back(tag);
            put(app, std::move(e), "Add tag \"" + tag + "\"");
        }
        ui.accounts.new_tag[0] = 0;
        ImGui::SetKeyboardFocusHere(-1);
    }
}

} // namespace

void form_label(const char* label) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    text_muted(label);
    ImGui::TableNextColumn();
}

bool edit_text(const char* id, const std::string& value, std::string& out, float width,
               const char* hint, bool multiline, float height) {
    // One field is edited at a time: its text lives here until editing ends, so the plan changes
    // once per edit and a redraw never overwrites what is being typed.
    static ImGuiID active = 0;
    static std::string buffer;
    const ImGuiID mine = ImGui::GetID(id);
    std::string shown;
    std::string* buf = &buffer;
    if (active != mine) {
        shown = value;
        buf = &shown;
    }
    if (width != 0) ImGui::SetNextItemWidth(width);
    if (multiline)
        ImGui::InputTextMultiline(id, buf, ImVec2(width, height));
    else if (hint)
        ImGui::InputTextWithHint(id, hint, buf);
    else
        ImGui::InputText(id, buf);
    if (ImGui::IsItemActivated()) {
        active = mine;
        if (buf != &buffer) buffer = *buf;
    }
    if (ImGui::IsItemDeactivated() && active == mine) {
        active = 0;
        if (buffer != value) {
            out = buffer;
            return true;
        }
    }
    return false;
}

void draw_account_page(app::App& app, UiState& ui, const core::Account& a) {
    ImGui::PushID(a.id.c_str());
    // The name, edited in place in the heading font.
    ImGui::PushFont(ui.fonts.heading);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0, 0, 0, 0));
    std::string name;
    if (edit_text("##acc-name", a.name, name, -1) && !core::trim_value(name).empty()) {
        core::Account e = a;
        e.name = std::string(core::trim_value(name));
        put(app, std::move(e), "Rename account");
    }
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SetItemTooltip("Click to rename");
    status_combo(app, a);
    const core::Cents mrc = core::account_mrc(a);
    if (mrc) {
        ImGui::SameLine(0, 12 * ui.dpr);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(core::format_mrc_rounded(mrc).c_str());
    }
    if (auto end = core::next_contract_end(a)) {
        ImGui::SameLine(0, 12 * ui.dpr);
        const core::Date today = app.clock().today();
        const int days = core::days_between(today, *end);
        const ImU32 col = days >= 0 ? urgency_colour(days) : palette().text_muted;
        ImGui::AlignTextToFramePadding();
        const std::string when = std::string(days < 0 ? "contract ended " : "contract ends ") +
                                 core::format_relative_days(*end, today);
        ImGui::TextColored(to_vec4(col ? col : palette().text_muted), "%s", ICON_CLOCK);
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        text_muted(when);
        ImGui::SetItemTooltip("%s", core::format_date(*end).c_str());
    }

    // A former client's page leads with what matters for winning them back.
    if (a.status == core::AccountStatus::Former) draw_account_former(app, ui, a);
    ImGui::SeparatorText("Details");
    if (ImGui::BeginTable("##form", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, 120 * ui.dpr);
        ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthStretch);
        text_row(app, a, "Industry", "##industry", &core::Account::industry, "Healthcare, Retail…");
        count_row(app, a, "Employees", "##employees", &core::Account::employees, 0, 10'000'000);
        count_row(app, a, "Sites", "##sites", &core::Account::sites, 0, 1'000'000);
        text_row(app, a, "Owner", "##owner", &core::Account::owner, "Account manager");
        territory_row(app, a);
        tags_row(app, ui, a);
        text_row(app, a, "Billing account", "##ban", &core::Account::billing_account,
                 "Billing system number");
        text_row(app, a, "Salesforce Id", "##sfid", &core::Account::salesforce_id, "001…");
        address_row(app, a, "Street", "##street", &core::Address::street);
        address_row(app, a, "City", "##city", &core::Address::city);
        address_row(app, a, "State", "##state", &core::Address::state, "PA");
        address_row(app, a, "ZIP", "##zip", &core::Address::postal_code, "19102");
        address_row(app, a, "Country", "##country", &core::Address::country, "US");
        location_row(a);
        ImGui::EndTable();
    }
    draw_account_services(app, ui, a);
    draw_account_contacts(app, ui, a);

    ImGui::SeparatorText("Notes");
    std::string notes;
    if (edit_text("##notes", a.notes, notes, -1, nullptr, true, 90 * ui.dpr)) {
        core::Account e = a;
        e.notes = notes;
        put(app, std::move(e), "Edit notes");
    }
    draw_account_timeline(app, ui, a);
    ImGui::PopID();
}

} // namespace footprint::ui
