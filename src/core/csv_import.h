// Turning a CSV table into plan changes: accounts, contacts or opportunities, matched against the
// plan's records, with every rejected row and why. Runs in slices; nothing changes the plan until
// the caller executes the changes as one command.
#pragma once

#include "core/csv.h"
#include "core/csv_fields.h"
#include "core/csv_values.h"
#include "core/map_assets.h"
#include "core/plan_edit.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace footprint::core {

struct ImportOptions {
    ImportKind kind = ImportKind::Accounts;
    std::vector<ImportField> mapping; // one per column of the table's header
    // Day/month order of each date column (by column); unset columns read month first (US), unless
    // their values can only be day first.
    std::vector<std::optional<DateOrder>> date_orders;
    // Salesforce's Amount is the whole deal. Footprint plans with monthly recurring revenue:
    // unless the file has an MRC column, monthly = (Amount - one-time charges) / term, with the
    // term from a Term column or `default_term_months`. With `amount_is_monthly` Amount is taken
    // as the monthly figure as it is.
    bool amount_is_monthly = false;
    int default_term_months = 36;
    // Rows that match a record already in the plan update it (non-empty cells overwrite, tags are
    // added); when false they are skipped.
    bool update_existing = true;
    AccountStatus default_status = AccountStatus::Prospect;
    std::string file_name = "import.csv"; // for rejection reasons and notes
    Timestamp now;                        // "modified" of contacts the import adds or changes
    // Accounts left without coordinates are placed at their ZIP code's centroid from this table,
    // marked approximate (the map lists them to fix). None: they stay unplaced.
    const ZipTable* zips = nullptr;
};

struct Rejection {
    std::uint32_t line = 0; // in the file, 1-based
    std::uint32_t row = 0;  // index into CsvTable::rows
    std::string reason;     // column "CloseDate": "31/02/2026" is not a date
};

struct ImportSummary {
    int rows = 0;      // data rows looked at
    int created = 0;   // new records
    int updated = 0;   // records in the plan that change
    int unchanged = 0; // rows matching a record that already says the same
    int skipped = 0;   // rows matching a record while updates are off
    int duplicates =
        0; // rows repeating a record an earlier row of the file adds or changes (merged)
    // Every row is counted once: created + updated + unchanged + skipped + duplicates + rejected
    // == rows (for contacts and deals, created and updated count contacts and deals).
    int rejected = 0;
    std::vector<Rejection> rejections; // in file order
    std::vector<std::string> notes;    // what the user should know: new stages, unknown territories
    // Accounts the import creates or changes (for contacts and deals: the accounts they belong to),
    // so the list can show them afterwards.
    std::vector<std::string> account_ids;
    int new_stages = 0;
};

// How a date column writes its days, from every value in it.
struct DateColumnStats {
    std::size_t column = 0;
    int month_day = 0;   // values like 12/31/2026
    int day_month = 0;   // values like 31/12/2026
    int ambiguous = 0;   // values like 03/04/2026
    std::string example; // an ambiguous value, for the question
    // The user must choose: ambiguous values and nothing that decides.
    bool needs_answer() const { return ambiguous > 0 && month_day == 0 && day_month == 0; }
    // The order the values themselves show (the majority when they disagree).
    std::optional<DateOrder> evident() const;
};
// The date columns of `mapping`, with stats over rows [begin, end) added to `stats` (created on
// the first call): call in slices for a big file.
void scan_date_columns(const CsvTable& table, ImportKind kind,
                       const std::vector<ImportField>& mapping, std::size_t begin, std::size_t end,
                       std::vector<DateColumnStats>& stats);

// The dry run and the changes:
//
//   CsvImporter imp(plan, table, options, make_id);
//   while (!imp.step(5000)) show(imp.progress());
//   show(imp.summary());                 // "1,204 to create, 37 to update, 5 rejected"
//   execute(imp.take_changes());         // one command
//
// `plan` and `table` must outlive the importer and stay unchanged while it runs.
class CsvImporter {
  public:
    using IdMaker = std::function<std::string(std::string_view prefix)>;
    CsvImporter(const Plan& plan, const CsvTable& table, ImportOptions options, IdMaker make_id);
    ~CsvImporter();
    CsvImporter(const CsvImporter&) = delete;
    CsvImporter& operator=(const CsvImporter&) = delete;

    // Processes about `budget` rows (indexing the plan's records counts too); true when done.
    bool step(std::size_t budget);
    bool done() const;
    double progress() const;
    const ImportSummary& summary() const;
    ImportSummary take_summary(); // after done(): the summary, moved out
    // After done(): the import as primitive changes, in an order that applies cleanly.
    std::vector<Change> take_changes();
    // The same a slice at a time (moving 100,000 accounts takes a while in a browser): appends
    // up to `budget` changes to `out`; true once all are there.
    bool take_changes_step(std::vector<Change>& out, std::size_t budget);

    struct Impl;

  private:
    std::unique_ptr<Impl> impl_;
};

// The rejected rows as a CSV to fix and import again: "Line", "Reason", then the file's own
// columns and values. UTF-8 with BOM and CRLF, so Excel opens it as it should.
std::string rejected_rows_csv(const CsvTable& table, const ImportSummary& summary);
// "accounts.csv:1042: column "CloseDate": "31/02/2026" is not a date".
std::string format_rejection(const std::string& file_name, const Rejection& r);

// The short label of an import command: "Import 1,204 accounts" or "Import accounts.csv (1,204
// new, 37 updated)".
std::string import_label(const ImportOptions& options, const ImportSummary& summary);

} // namespace footprint::core
