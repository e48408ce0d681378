// The accounts list: a virtualised table over ui.accounts.list (core/account_list.h), kept in step
// with the plan by patching after small edits; multi-select with click, Ctrl-click, Shift-click,
// Ctrl+A and the arrow keys.
#include "core/format.h"
#include "ui/accounts_view.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/view_common.h"

#include <imgui_internal.h> // TableSetColumnSortDirection: a remembered sort shown on the header

#include <algorithm>

namespace footprint::ui {

namespace {

enum Column {
    kName,
    kStatus,
    kCity,
    kIndustry,
    kOwner,
    kMrc,
    kContractEnd,
    kEmployees,
    kColumnCount
};

int table_column(core::AccountColumn c) {
    switch (c) {
    case core::AccountColumn::Status:
        return kStatus;
    case core::AccountColumn::City:
        return kCity;
    case core::AccountColumn::Industry:
        return kIndustry;
    case core::AccountColumn::Owner:
        return kOwner;
    case core::AccountColumn::Mrc:
        return kMrc;
    case core::AccountColumn::ContractEnd:
        return kContractEnd;
    case core::AccountColumn::Employees:
        return kEmployees;
    case core::AccountColumn::Name:
        break;
    }
    return kName;
}

core::AccountColumn sort_column(int column) {
    switch (column) {
    case kStatus:
        return core::AccountColumn::Status;
    case kCity:
        return core::AccountColumn::City;
    case kIndustry:
        return core::AccountColumn::Industry;
    case kOwner:
        return core::AccountColumn::Owner;
    case kMrc:
        return core::AccountColumn::Mrc;
    case kContractEnd:
        return core::AccountColumn::ContractEnd;
    case kEmployees:
        return core::AccountColumn::Employees;
    default:
        return core::AccountColumn::Name;
    }
}

// Big lists rebuild their keys and sort in slices of about this much time per frame.
constexpr double kSliceMs = 12;
constexpr std::size_t kSlicedAbove = 30000; // accounts; smaller lists sort in one go (a few ms)

void begin_rebuild(const app::App& app, AccountsViewState& st) {
    const core::Plan& plan = app.plan();
    st.list.begin_rebuild(plan, app.clock().today());
    st.list_generation = app.doc().generation();
    st.list_revision = app.doc().revision();
    st.list_size = plan.accounts.size();
}

void contract_cell(const core::Account& a, core::Date today) {
    auto end = core::next_contract_end(a);
    if (!end) {
        ImGui::TextDisabled("—");
        return;
    }
    const int days = core::days_between(today, *end);
    const std::string txt = core::format_date_short(*end, today);
    const ImU32 col = days >= 0 ? urgency_colour(days) : palette().text_muted;
    if (col) {
        // The urgency colour marks the icon; the date stays in a text colour that reads on any
        // row (the 180-day yellow is too light for text on a light theme).
        ImGui::TextColored(to_vec4(col), "%s", days < 0 ? ICON_HISTORY : ICON_CLOCK);
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        if (days >= 0 && days <= 30)
            ImGui::TextColored(to_vec4(col), "%s", txt.c_str());
        else
            ImGui::TextUnformatted(txt.c_str());
        ImGui::SetItemTooltip(days < 0 ? "Contract ended %s: month-to-month now"
                                       : "Contract ends %s",
                              core::format_relative_days(*end, today).c_str());
    } else {
        ImGui::TextUnformatted(txt.c_str());
    }
}

// "Nothing here" in a number column, right-aligned and quiet.
void muted_dash() {
    const float w = ImGui::CalcTextSize("—").x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                         std::max(0.0f, ImGui::GetContentRegionAvail().x - w));
    ImGui::TextDisabled("—");
}

void keyboard(app::App& app, UiState& ui) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || ImGui::IsAnyItemActive()) return;
    if (!ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
        !ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows))
        return;
    const core::Plan& plan = app.plan();
    const auto& rows = ui.accounts.list.rows();
    const bool ctrl = io.KeyCtrl || io.KeySuper;
    if (ctrl && ImGui::IsKeyPressed(ImGuiKey_A, false)) select_all_rows(ui, plan);
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !ui.selection.empty()) {
        ui.selection.clear();
        ui.focused_account.clear();
    }
    const bool down = ImGui::IsKeyPressed(ImGuiKey_DownArrow);
    const bool up = ImGui::IsKeyPressed(ImGuiKey_UpArrow);
    if ((!down && !up) || rows.empty()) return;
    std::ptrdiff_t pos = -1;
    if (auto idx = app.doc().index().account(ui.focused_account))
        pos = ui.accounts.list.position_of(static_cast<std::uint32_t>(*idx));
    pos = pos < 0 ? 0
                  : std::clamp<std::ptrdiff_t>(pos + (down ? 1 : -1), 0,
                                               static_cast<std::ptrdiff_t>(rows.size()) - 1);
    click_account(ui, plan, rows[static_cast<std::size_t>(pos)],
                  io.KeyShift ? ClickMode::Range : ClickMode::Replace);
    ui.accounts.scroll_to_focus = true;
}

} // namespace

core::AccountFilter current_filter(const UiState& ui) {
    core::AccountFilter f = ui.accounts.filter;
    f.search.clear();
    for (const char* c = ui.accounts.search; *c; ++c)
        f.search += (*c >= 'A' && *c <= 'Z') ? static_cast<char>(*c - 'A' + 'a') : *c;
    // Leading and trailing spaces typed by accident do not empty the list.
    while (!f.search.empty() && f.search.back() == ' ')
        f.search.pop_back();
    while (!f.search.empty() && f.search.front() == ' ')
        f.search.erase(0, 1);
    return f;
}

void sync_account_list(const app::App& app, UiState& ui) {
    AccountsViewState& st = ui.accounts;
    const app::Document& doc = app.doc();
    const core::Plan& plan = app.plan();
    // While a big command is applied in slices the rows stay as they were; the row drawing skips
    // any that no longer exist. They are brought up to date once it ends.
    if (doc.slicing()) return;
    const core::AccountFilter filter = current_filter(ui);
    bool full = st.list_generation != doc.generation() || st.list.today() != app.clock().today() ||
                st.list.size() != st.list_size;
    if (!full && doc.revision() != st.list_revision) {
        // A few edits behind: patch the rows they touched. Anything else: start afresh.
        full = true;
        const std::optional<core::TouchedSet> since = doc.changes_since(st.list_revision);
        if (since && !st.list.rebuilding()) {
            std::vector<std::size_t> changed;
            std::size_t appended = 0;
            bool moved = false;
            for (const std::string& id : since->accounts) {
                const auto idx = doc.index().account(id);
                if (!idx) {
                    moved = true; // removed
                    break;
                }
                if (*idx >= st.list_size)
                    ++appended;
                else
                    changed.push_back(*idx);
            }
            if (!moved && plan.accounts.size() == st.list_size + appended) {
                st.list.patch(plan, changed, st.list_size);
                st.list_revision = doc.revision();
                st.list_size = plan.accounts.size();
                full = false;
            }
        }
    }
    if (full) begin_rebuild(app, st);
    // A big plan's keys are built, and its rows sorted, over a few frames: the rows show what
    // they showed meanwhile, and no frame waits for 100,000 accounts.
    const double start = app.clock().monotonic_ms();
    auto in_budget = [&] { return app.clock().monotonic_ms() - start < kSliceMs; };
    while (st.list.rebuilding()) {
        if (st.list.rebuild_step(plan, 2000)) {
            if (plan.accounts.size() > kSlicedAbove)
                st.list.begin_query(filter, st.sort);
            else
                st.list.query(plan, filter, st.sort);
        }
        if (!in_budget()) break;
    }
    if (!st.list.rebuilding() && !st.list.querying() &&
        (!(filter == st.list.filter()) || !(st.sort == st.list.sort()))) {
        ui.prefs_dirty = true; // the view remembers its filters and sort across reloads
        if (plan.accounts.size() > kSlicedAbove && !st.list.refines(filter, st.sort))
            st.list.begin_query(filter, st.sort);
        else
            st.list.query(plan, filter, st.sort);
    }
    if (st.list.querying() && (!(filter == st.list.filter()) || !(st.sort == st.list.sort())))
        st.list.begin_query(filter, st.sort); // changed again while sorting: start over
    while (st.list.querying() && in_budget())
        st.list.query_step(plan, 4096);
    if (st.list.rebuilding() || st.list.querying()) ui.animating = true;
}

void finish_account_list(const app::App& app, UiState& ui) {
    do
        sync_account_list(app, ui);
    while ((ui.accounts.list.rebuilding() || ui.accounts.list.querying()) && !app.doc().slicing());
}

void click_account(UiState& ui, const core::Plan& plan, std::uint32_t index, ClickMode mode) {
    if (index >= plan.accounts.size()) return;
    const std::string& id = plan.accounts[index].id;
    AccountsViewState& st = ui.accounts;
    switch (mode) {
    case ClickMode::Replace:
        ui.selection = {id};
        st.anchor = id;
        ui.focused_account = id;
        break;
    case ClickMode::Toggle:
        if (ui.selection.erase(id)) {
            if (ui.focused_account == id)
                ui.focused_account = ui.selection.empty() ? std::string() : *ui.selection.begin();
        } else {
            ui.selection.insert(id);
            ui.focused_account = id;
        }
        st.anchor = id;
        break;
    case ClickMode::Range:
    case ClickMode::AddRange: {
        const auto& rows = st.list.rows();
        std::ptrdiff_t from = -1;
        for (std::size_t i = 0; i < plan.accounts.size() && from < 0 && !st.anchor.empty(); ++i)
            if (plan.accounts[i].id == st.anchor)
                from = st.list.position_of(static_cast<std::uint32_t>(i));
        const std::ptrdiff_t to = st.list.position_of(index);
        if (from < 0 || to < 0) {
            click_account(ui, plan, index, ClickMode::Replace);
            return;
        }
        if (mode == ClickMode::Range) ui.selection.clear();
        for (std::ptrdiff_t p = std::min(from, to); p <= std::max(from, to); ++p)
            if (rows[static_cast<std::size_t>(p)] < plan.accounts.size())
                ui.selection.insert(plan.accounts[rows[static_cast<std::size_t>(p)]].id);
        ui.focused_account = id;
        break;
    }
    }
}

void select_all_rows(UiState& ui, const core::Plan& plan) {
    std::set<std::string> all;
    for (std::uint32_t i : ui.accounts.list.rows())
        if (i < plan.accounts.size()) all.insert(all.end(), plan.accounts[i].id);
    // The set is ordered by id, rows by the sort: insert with a hint only helps when sorted.
    ui.selection = std::move(all);
}

void draw_accounts_table(app::App& app, UiState& ui, float height) {
    const core::Plan& plan = app.plan();
    AccountsViewState& st = ui.accounts;
    const core::Date today = app.clock().today();
    const ImGuiTableFlags flags =
        ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
        ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable | ImGuiTableFlags_Reorderable |
        ImGuiTableFlags_Hideable | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("##accounts", kColumnCount, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(
        "Account", ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_NoHide, 3.0f, kName);
    ImGui::TableSetupColumn("Status", 0, 1.3f, kStatus);
    ImGui::TableSetupColumn("City", 0, 1.3f, kCity);
    ImGui::TableSetupColumn("Industry", 0, 1.5f, kIndustry);
    ImGui::TableSetupColumn("Owner", ImGuiTableColumnFlags_DefaultHide, 1.3f, kOwner);
    ImGui::TableSetupColumn("Monthly revenue", ImGuiTableColumnFlags_PreferSortDescending, 1.3f,
                            kMrc);
    ImGui::TableSetupColumn("Contract ends", 0, 1.3f, kContractEnd);
    ImGui::TableSetupColumn("Employees", ImGuiTableColumnFlags_PreferSortDescending, 0.9f,
                            kEmployees);
    ImGui::TableHeadersRow();
    if (st.sort_from_prefs) { // the sort the user left the view with, on the header too
        st.sort_from_prefs = false;
        ImGui::TableSetColumnSortDirection(table_column(st.sort.column),
                                           st.sort.ascending ? ImGuiSortDirection_Ascending
                                                             : ImGuiSortDirection_Descending,
                                           false);
    }
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        if (specs->SpecsCount > 0) {
            st.sort.column = sort_column(static_cast<int>(specs->Specs[0].ColumnUserID));
            st.sort.ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
            ui.prefs_dirty = true;
        }
        specs->SpecsDirty = false;
        sync_account_list(app, ui);
    }

    keyboard(app, ui);
    const auto& rows = st.list.rows();
    std::ptrdiff_t focus_pos = -1;
    if (st.scroll_to_focus)
        if (auto idx = app.doc().index().account(ui.focused_account))
            focus_pos = st.list.position_of(static_cast<std::uint32_t>(*idx));
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    if (focus_pos >= 0) clipper.IncludeItemByIndex(static_cast<int>(focus_pos));
    const ImGuiIO& io = ImGui::GetIO();
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const std::uint32_t index = rows[static_cast<std::size_t>(r)];
            ImGui::TableNextRow();
            if (index >= plan.accounts.size()) continue; // during a sliced undo
            const core::Account& a = plan.accounts[index];
            ImGui::TableNextColumn();
            const bool selected = ui.selection.count(a.id) > 0;
            ImGui::PushID(static_cast<int>(index));
            if (ImGui::Selectable(a.name.empty() ? "(no name)" : a.name.c_str(), selected,
                                  ImGuiSelectableFlags_SpanAllColumns |
                                      ImGuiSelectableFlags_AllowOverlap)) {
                const bool ctrl = io.KeyCtrl || io.KeySuper;
                click_account(ui, plan, index,
                              io.KeyShift ? (ctrl ? ClickMode::AddRange : ClickMode::Range)
                                          : (ctrl ? ClickMode::Toggle : ClickMode::Replace));
            }
            if (r == focus_pos) {
                ImGui::SetScrollHereY(0.5f);
                st.scroll_to_focus = false;
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
            ImGui::TextUnformatted(a.owner.c_str());
            ImGui::TableNextColumn();
            const core::Cents mrc = core::account_mrc(a);
            if (mrc)
                text_right(core::format_mrc_rounded(mrc));
            else
                muted_dash();
            ImGui::TableNextColumn();
            contract_cell(a, today);
            ImGui::TableNextColumn();
            if (a.employees)
                text_right(core::format_count(a.employees));
            else
                muted_dash();
        }
    }
    ImGui::EndTable();
}

} // namespace footprint::ui
