// The Accounts view: a virtualised, sortable, searchable list and the selected account's page.
#include "core/format.h"
#include "ui/files.h"
#include "ui/panels.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>

namespace footprint::ui {

namespace {

enum Column { kName, kStatus, kCity, kIndustry, kMrc, kContractEnd, kEmployees, kColumnCount };

bool contains_ci(const std::string& hay, const char* needle) {
    if (!*needle) return true;
    auto it = std::search(hay.begin(), hay.end(), needle, needle + std::strlen(needle),
                          [](char a, char b) {
                              return std::tolower(static_cast<unsigned char>(a)) ==
                                     std::tolower(static_cast<unsigned char>(b));
                          });
    return it != hay.end();
}

void rebuild_rows(const core::Plan& plan, AccountsViewState& st) {
    st.rows.clear();
    st.rows.reserve(plan.accounts.size());
    for (std::size_t i = 0; i < plan.accounts.size(); ++i) {
        const core::Account& a = plan.accounts[i];
        if (st.status_filter >= 0 && static_cast<int>(a.status) != st.status_filter) continue;
        if (st.search[0] && !contains_ci(a.name, st.search) && !contains_ci(a.address.city, st.search) &&
            !contains_ci(a.industry, st.search) && !contains_ci(a.address.postal_code, st.search))
            continue;
        st.rows.push_back(i);
    }
    const auto& acc = plan.accounts;
    auto key_end = [&](std::size_t i) {
        auto d = core::next_contract_end(acc[i]);
        return d ? d->days : INT32_MAX;
    };
    auto less = [&](std::size_t a, std::size_t b) -> bool {
        switch (st.sort_column) {
        case kStatus: return acc[a].status < acc[b].status;
        case kCity: return acc[a].address.city < acc[b].address.city;
        case kIndustry: return acc[a].industry < acc[b].industry;
        case kMrc: return core::account_mrc(acc[a]) < core::account_mrc(acc[b]);
        case kContractEnd: return key_end(a) < key_end(b);
        case kEmployees: return acc[a].employees < acc[b].employees;
        default: return acc[a].name < acc[b].name;
        }
    };
    std::stable_sort(st.rows.begin(), st.rows.end(), [&](std::size_t a, std::size_t b) {
        return st.sort_ascending ? less(a, b) : less(b, a);
    });
}

void filter_bar(const core::Plan& plan, AccountsViewState& st, float dpr) {
    int counts[3] = {0, 0, 0};
    for (const auto& a : plan.accounts) ++counts[static_cast<int>(a.status)];
    ImGui::SetNextItemWidth(280 * dpr);
    ImGui::InputTextWithHint("##search", ICON_SEARCH "  Search name, city, industry, ZIP", st.search,
                             sizeof st.search);
    ImGui::SameLine(0, 16 * dpr);
    struct Choice { int value; const char* label; int count; };
    const Choice choices[] = {
        {-1, "All", static_cast<int>(plan.accounts.size())},
        {static_cast<int>(core::AccountStatus::Client), "Clients", counts[0]},
        {static_cast<int>(core::AccountStatus::Former), "Former clients", counts[1]},
        {static_cast<int>(core::AccountStatus::Prospect), "Prospects", counts[2]},
    };
    for (const Choice& c : choices) {
        bool on = st.status_filter == c.value;
        std::string label = std::string(c.label) + "  " + core::format_count(c.count);
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_HeaderActive));
        if (ImGui::Button(label.c_str())) st.status_filter = c.value;
        if (on) ImGui::PopStyleColor();
        ImGui::SameLine();
    }
    ImGui::NewLine();
}

void contract_cell(const core::Account& a, core::Date today) {
    auto end = core::next_contract_end(a);
    if (!end) {
        ImGui::TextDisabled("—");
        return;
    }
    int days = core::days_between(today, *end);
    std::string txt = core::format_date_short(*end, today);
    ImU32 col = days >= 0 ? urgency_colour(days) : palette().text_muted;
    if (col) {
        ImGui::TextColored(to_vec4(col), "%s %s", days < 0 ? ICON_HISTORY : ICON_CLOCK, txt.c_str());
        ImGui::SetItemTooltip(days < 0 ? "Contract ended %s: month-to-month now"
                                       : "Contract ends %s",
                              core::format_relative_days(*end, today).c_str());
    } else {
        ImGui::TextUnformatted(txt.c_str());
    }
}

void accounts_table(app::App& app, UiState& ui, float height) {
    const core::Plan& plan = app.plan();
    AccountsViewState& st = ui.accounts;
    const core::Date today = app.clock().today();
    ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable |
                            ImGuiTableFlags_Reorderable | ImGuiTableFlags_Hideable |
                            ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("##accounts", kColumnCount, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Account", ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_NoHide, 3.0f, kName);
    ImGui::TableSetupColumn("Status", 0, 1.3f, kStatus);
    ImGui::TableSetupColumn("City", 0, 1.3f, kCity);
    ImGui::TableSetupColumn("Industry", 0, 1.5f, kIndustry);
    ImGui::TableSetupColumn("Monthly revenue", ImGuiTableColumnFlags_PreferSortDescending, 1.3f, kMrc);
    ImGui::TableSetupColumn("Contract ends", 0, 1.3f, kContractEnd);
    ImGui::TableSetupColumn("Employees", ImGuiTableColumnFlags_PreferSortDescending, 0.9f, kEmployees);
    ImGui::TableHeadersRow();

    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
        st.sort_column = static_cast<int>(specs->Specs[0].ColumnUserID);
        st.sort_ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    }
    char key[200];
    std::snprintf(key, sizeof key, "%d|%d|%d|%s", st.sort_column, st.sort_ascending ? 1 : 0,
                  st.status_filter, st.search);
    if (st.sorted_revision != app.doc().revision() || st.rows_key != key) {
        rebuild_rows(plan, st);
        st.sorted_revision = app.doc().revision();
        st.rows_key = key;
    }

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(st.rows.size()));
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const core::Account& a = plan.accounts[st.rows[static_cast<std::size_t>(r)]];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            bool selected = ui.selection.count(a.id) > 0;
            ImGui::PushID(a.id.c_str());
            if (ImGui::Selectable(a.name.c_str(), selected,
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap)) {
                if (ImGui::GetIO().KeyCtrl) {
                    if (selected)
                        ui.selection.erase(a.id);
                    else
                        ui.selection.insert(a.id);
                } else {
                    ui.selection = {a.id};
                }
                ui.focused_account = a.id;
            }
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::TextColored(to_vec4(status_colour(a.status)), "%s", status_icon(a.status));
            ImGui::SameLine();
            ImGui::TextUnformatted(status_label(a.status));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.address.city.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.industry.c_str());
            ImGui::TableNextColumn();
            core::Cents mrc = core::account_mrc(a);
            text_right(mrc ? core::format_mrc_rounded(mrc) : std::string("—"));
            ImGui::TableNextColumn();
            contract_cell(a, today);
            ImGui::TableNextColumn();
            text_right(a.employees ? core::format_count(a.employees) : std::string("—"));
        }
    }
    ImGui::EndTable();
}

// Text edited in place becomes one command when the field loses focus, so undo is per edit, not
// per keystroke.
struct EditBuffer {
    std::string account_id;
    std::uint64_t revision = ~0ull;
    char name[160] = {};
    char notes[4096] = {};
};

void account_page(app::App& app, UiState& ui, const core::Account& a) {
    static EditBuffer buf;
    const Palette& p = palette();
    const core::Date today = app.clock().today();
    if (buf.account_id != a.id || buf.revision != app.doc().revision()) {
        if (!ImGui::IsAnyItemActive() || buf.account_id != a.id) {
            buf.account_id = a.id;
            buf.revision = app.doc().revision();
            std::snprintf(buf.name, sizeof buf.name, "%s", a.name.c_str());
            std::snprintf(buf.notes, sizeof buf.notes, "%s", a.notes.c_str());
        }
    }
    ImGui::PushFont(ui.fonts.heading);
    ImGui::SetNextItemWidth(-1);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0, 0, 0, 0));
    ImGui::InputText("##acc-name", buf.name, sizeof buf.name);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (ImGui::IsItemDeactivatedAfterEdit() && buf.name[0] && a.name != buf.name) {
        core::Account edited = a;
        edited.name = buf.name;
        app.put_account(std::move(edited), "Rename account");
    }
    status_chip(a.status);
    ImGui::SameLine();
    text_muted(a.industry + (a.employees ? " · " + core::format_count(a.employees) + " employees" : "") +
               (a.sites > 1 ? " · " + std::to_string(a.sites) + " sites" : ""));
    text_muted(ICON_MAP_MARKER "  " + a.address.street + ", " + a.address.city + ", " + a.address.state + " " +
               a.address.postal_code);
    if (!a.billing_account.empty()) text_muted(ICON_FILE_TEXT "  Billing account " + a.billing_account);

    if (a.status == core::AccountStatus::Former) {
        ImGui::SeparatorText("Former client");
        const auto& f = a.former;
        if (f.lost_date) ImGui::Text("Lost %s to %s", core::format_date(*f.lost_date).c_str(), f.competitor.c_str());
        if (!f.reason.empty()) text_muted("Reason: " + f.reason);
        core::Date end = f.competitor_contract_end
                             ? *f.competitor_contract_end
                             : core::add_months(f.lost_date.value_or(today), f.competitor_term_months);
        ImGui::Text("Competitor contract likely ends %s (%s)", core::format_date(end).c_str(),
                    core::format_relative_days(end, today).c_str());
    }

    if (!a.services.empty()) {
        ImGui::SeparatorText("Services in place");
        if (ImGui::BeginTable("##svc", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
            for (const core::Service& s : a.services) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(s.product.c_str());
                if (s.quantity > 1) {
                    ImGui::SameLine();
                    text_muted("x" + std::to_string(s.quantity));
                }
                ImGui::TableNextColumn();
                text_right(core::format_mrc(s.mrc));
                ImGui::TableNextColumn();
                if (s.contract_end) {
                    int days = core::days_between(today, *s.contract_end);
                    ImU32 col = days >= 0 ? urgency_colour(days) : p.text_muted;
                    ImGui::TextColored(to_vec4(col ? col : p.text), "%s", core::format_date(*s.contract_end).c_str());
                    ImGui::SetItemTooltip("%s%s", core::format_relative_days(*s.contract_end, today).c_str(),
                                          s.auto_renew ? " · renews automatically" : "");
                }
            }
            ImGui::EndTable();
        }
        ImGui::PushFont(ui.fonts.bold);
        text_right("Total " + core::format_mrc(core::account_mrc(a)));
        ImGui::PopFont();
    }

    if (!a.contacts.empty()) {
        ImGui::SeparatorText("Decision-makers");
        for (const core::Contact& c : a.contacts) {
            ImGui::TextUnformatted((std::string(ICON_USER "  ") + c.name).c_str());
            ImGui::SameLine();
            text_muted(c.title + (c.role.empty() ? "" : " · " + c.role));
            text_muted("      " + c.phone + "   " + c.email);
        }
    }

    ImGui::SeparatorText("Notes");
    ImGui::InputTextMultiline("##notes", buf.notes, sizeof buf.notes, ImVec2(-1, 90 * ui.dpr));
    if (ImGui::IsItemDeactivatedAfterEdit() && a.notes != buf.notes) {
        core::Account edited = a;
        edited.notes = buf.notes;
        app.put_account(std::move(edited), "Edit notes");
    }

    // Timeline: opportunities and the latest activities.
    ImGui::SeparatorText("Timeline");
    const core::Plan& plan = app.plan();
    int shown = 0;
    for (const core::Opportunity& o : plan.opportunities) {
        if (o.account_id != a.id) continue;
        ImGui::TextColored(to_vec4(p.accent), ICON_BRIEFCASE);
        ImGui::SameLine();
        ImGui::TextUnformatted(o.name.c_str());
        text_muted("      " + o.stage + " · " + core::format_mrc_rounded(o.mrc) +
                   (o.close_date ? " · closes " + core::format_date_short(*o.close_date, today) : ""));
        ++shown;
    }
    std::vector<const core::Activity*> acts;
    for (const core::Activity& act : plan.activities)
        if (act.account_id == a.id) acts.push_back(&act);
    std::sort(acts.begin(), acts.end(), [](auto* x, auto* y) { return x->date > y->date; });
    for (std::size_t i = 0; i < acts.size() && i < 8; ++i) {
        const core::Activity& act = *acts[i];
        ImGui::TextColored(to_vec4(p.text_muted), "%s", core::format_date_short(act.date, today).c_str());
        ImGui::SameLine(90 * ui.dpr);
        ImGui::TextWrapped("%s: %s", std::string(core::to_string(act.type)).c_str(), act.subject.c_str());
        ++shown;
    }
    if (shown == 0) text_muted("No opportunities or activities yet.");
}

} // namespace

void draw_accounts_panel(app::App& app, UiState& ui) {
    const core::Plan& plan = app.plan();
    if (plan.accounts.empty()) {
        empty_state(ui, ICON_BUILDING, "No accounts yet",
                    "Accounts are the businesses you sell to: clients, former clients and "
                    "prospects. Open a plan file, or explore Footprint with the sample plan.");
        float w = 200 * ui.dpr;
        ImGui::SetCursorPosX((ImGui::GetContentRegionAvail().x - 2 * w - 8 * ui.dpr) * 0.5f);
        if (primary_button(ICON_FLASK "  Open the sample plan", ImVec2(w, 0))) app.open_sample();
        ImGui::SameLine();
        if (ImGui::Button(ICON_FOLDER_OPEN "  Open plan file…", ImVec2(w, 0)))
            pick_plan_file(ui);
        return;
    }
    filter_bar(plan, ui.accounts, ui.dpr);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    const core::Account* focused = nullptr;
    if (auto idx = app.doc().index().account(ui.focused_account)) focused = &plan.accounts[*idx];
    float page_w = focused ? std::min(440 * ui.dpr, avail.x * 0.42f) : 0;
    ImGui::BeginChild("##list", ImVec2(avail.x - page_w - (focused ? 12 * ui.dpr : 0), avail.y));
    accounts_table(app, ui, ImGui::GetContentRegionAvail().y);
    ImGui::EndChild();
    if (focused) {
        ImGui::SameLine(0, 12 * ui.dpr);
        ImGui::PushStyleColor(ImGuiCol_ChildBg, to_vec4(palette().surface));
        ImGui::BeginChild("##page", ImVec2(page_w, avail.y), ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding);
        if (icon_button(ICON_TIMES "##close-page", "Close the account page")) ui.focused_account.clear();
        ImGui::SameLine();
        text_muted(ui.selection.size() > 1 ? std::to_string(ui.selection.size()) + " accounts selected"
                                           : std::string("Account"));
        account_page(app, ui, *focused);
        ImGui::EndChild();
        ImGui::PopStyleColor();
    }
}

} // namespace footprint::ui
