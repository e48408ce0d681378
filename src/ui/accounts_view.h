// The Accounts view's parts, one file each: the list (accounts_list.cpp), the filter and bulk
// bars (accounts_filters.cpp), the account page (account_page*.cpp), CSV in and out
// (accounts_io.cpp) and the import wizard (import_wizard*.cpp). panel_accounts.cpp lays them out.
#pragma once

#include "core/csv_fields.h"
#include "ui/ui.h"
#include "ui/view_common.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace footprint::ui {

// --- the list ------------------------------------------------------------------------------------

// Brings ui.accounts.list in step with the plan and the filter: patches rows after small edits,
// rebuilds after big ones, re-queries when the filter or sort changed. Cheap when nothing did.
void sync_account_list(const app::App& app, UiState& ui);
// The same, finishing a rebuild at once (the test API, which must see the finished list).
void finish_account_list(const app::App& app, UiState& ui);
// The current filter with the search box applied.
core::AccountFilter current_filter(const UiState& ui);
void draw_accounts_table(app::App& app, UiState& ui, float height);

// Selection as the list's clicks make it (shared with the map through ui.selection).
enum class ClickMode { Replace, Toggle, Range, AddRange };
void click_account(UiState& ui, const core::Plan& plan, std::uint32_t account_index,
                   ClickMode mode);
void select_all_rows(UiState& ui, const core::Plan& plan);

// --- filters and bulk edits ---------------------------------------------------------------------

void draw_filter_bar(app::App& app, UiState& ui);
void draw_active_filters(app::App& app, UiState& ui);
void draw_bulk_bar(app::App& app, UiState& ui);

// Values to offer in the filter and bulk menus (industries, tags, owners, product families, with
// how many accounts have each), counted over the plan once per revision, only while a menu asks.
struct AccountFacets {
    CacheKey key;
    std::vector<std::pair<std::string, int>> industries, tags, owners, families;
};
const AccountFacets& account_facets(const app::App& app);

// A bulk edit of the selected accounts as one command; returns how many accounts changed.
enum class BulkField { Status, Territory, Owner, AddTag, RemoveTag };
int bulk_edit(app::App& app, const UiState& ui, BulkField field, const std::string& value);

// --- the account page ----------------------------------------------------------------------------

void draw_account_page(app::App& app, UiState& ui, const core::Account& account);
void draw_account_contacts(app::App& app, UiState& ui, const core::Account& account);
void draw_account_services(app::App& app, UiState& ui, const core::Account& account);
void draw_account_former(app::App& app, UiState& ui, const core::Account& account);
void draw_account_timeline(app::App& app, UiState& ui, const core::Account& account);

// Fields that commit one command when editing ends (Enter, Tab or a click elsewhere), so undo
// takes back a whole edit, not a keystroke. Each returns true with the new text when it changed.
bool edit_text(const char* id, const std::string& value, std::string& out, float width = -1,
               const char* hint = nullptr, bool multiline = false, float height = 0);
// The label column of a form row, then the field's cell.
void form_label(const char* label);

// --- CSV in and out ------------------------------------------------------------------------------

// Opens the wizard for a file the user picked or dropped.
void start_csv_import(app::App& app, UiState& ui, const std::string& name, std::string bytes);
void pick_csv_file(UiState& ui);
// Downloads accounts, contacts or opportunities as CSV: of the selected accounts, or all.
void export_csv_file(app::App& app, UiState& ui, core::ImportKind kind, bool selection_only);
void draw_export_menu(app::App& app, UiState& ui);
// Progress of a big command, undo or redo being applied in slices (bottom of the window).
void draw_sliced_progress(app::App& app, UiState& ui);

// --- the import wizard ---------------------------------------------------------------------------

void draw_import_wizard(app::App& app, UiState& ui);
// What the wizard's buttons do, shared with the test API.
void wizard_next(app::App& app, UiState& ui); // the primary button of the current step
void wizard_back(app::App& app, UiState& ui);
void wizard_cancel(app::App& app, UiState& ui); // Cancel / Close
void wizard_show_imported(app::App& app, UiState& ui);
void wizard_download_rejected(app::App& app, UiState& ui);
bool wizard_on_columns_step(const UiState& ui); // the Mapping stage shows two steps

} // namespace footprint::ui
