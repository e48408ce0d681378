// A CSV import as the wizard runs it: read the file, map its columns, settle date order, count
// what would change (the dry run), then apply it as one undoable command. Every long stage works
// in slices of a frame's time budget and can be abandoned with nothing changed.
#pragma once

#include "app/app.h"
#include "core/csv.h"
#include "core/csv_import.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace footprint::app {

class CsvImportJob {
  public:
    enum class Stage {
        Reading,  // parsing the file (sliced)
        Mapping,  // waiting: kind and columns
        Checking, // scanning date columns (sliced)
        Dates,    // waiting: a date column reads both ways
        Counting, // the dry run (sliced)
        Review,   // waiting: the summary, before anything changes
        Applying, // the command being applied in slices
        Done,     // applied
        Failed,   // the file cannot be imported (error() says why)
    };

    // Files larger than this are refused before reading (the page has 2 GB in all).
    static constexpr std::size_t kMaxBytes = 512u << 20;

    CsvImportJob(std::string file_name, std::string bytes);

    // Does up to `budget_ms` of the current stage's work (nothing in the waiting stages).
    void work(App& app, double budget_ms);
    bool working() const {
        return stage_ == Stage::Reading || stage_ == Stage::Checking || stage_ == Stage::Counting ||
               stage_ == Stage::Applying;
    }
    // Stops whatever runs; an import being applied is taken back, so the plan is as it was.
    void cancel(App& app);
    Stage stage() const { return stage_; }
    double progress() const; // of the working stage, 0..1
    const std::string& file_name() const { return file_name_; }
    const std::string& error() const { return error_; }
    std::size_t file_size() const { return file_size_; }

    // --- after Reading ---------------------------------------------------------------------------
    const core::CsvTable& table() const { return table_; }
    const core::ImportOptions& options() const { return options_; }
    core::ImportKind kind() const { return options_.kind; }
    bool kind_guessed() const { return kind_guessed_; }
    void set_kind(core::ImportKind kind); // the mapping becomes the guess for it
    void set_field(std::size_t column, core::ImportField field); // a field is in one column only
    void set_amount_is_monthly(bool monthly) { options_.amount_is_monthly = monthly; }
    void set_default_term(int months) { options_.default_term_months = months; }
    void set_update_existing(bool update) { options_.update_existing = update; }
    void set_default_status(core::AccountStatus s) { options_.default_status = s; }
    // Accounts without coordinates are placed at their ZIP centroid (the table outlives the job).
    void set_zip_table(const core::ZipTable* zips) { options_.zips = zips; }
    // Reads the file again with another delimiter (0: detect) or encoding (nullopt: detect).
    void reread(char delimiter, std::optional<core::TextEncoding> encoding);
    // Empty when the mapping can be counted; else what is missing.
    std::string mapping_problem() const;
    // Mapping -> Checking -> (Dates) -> Counting -> Review.
    void count(App& app);

    // --- Dates ---------------------------------------------------------------------------------
    // Columns whose dates read both ways, not answered yet (first is the one to ask about).
    std::vector<core::DateColumnStats> open_date_questions() const;
    const std::vector<core::DateColumnStats>& date_stats() const { return date_stats_; }
    void answer_date(App& app, std::size_t column, core::DateOrder order);

    // --- Review ----------------------------------------------------------------------------------
    const core::ImportSummary& summary() const { return summary_; }
    bool nothing_to_do() const { return summary_.created + summary_.updated == 0; }
    // Starts applying the import as one command (in slices when big: stage Applying, then Done).
    // When the plan changed since the count, counts again instead (returns false; stage() is
    // Counting) so the summary the user approves is true.
    bool apply(App& app);
    bool recounted() const { return recounted_; }
    // Back to the column mapping (from Dates or Review).
    void back();

    // --- Done ------------------------------------------------------------------------------------
    std::string rejected_csv() const { return core::rejected_rows_csv(table_, summary_); }
    std::string rejected_file_name() const; // "accounts - rejected rows.csv"
    const std::string& label() const { return label_; }
    std::uint64_t applied_revision() const { return applied_revision_; }

    struct Timing {
        double read_ms = 0, check_ms = 0, count_ms = 0, apply_ms = 0;
        double started_ms = -1, finished_ms = -1; // monotonic, first work() to applied
        double longest_slice_ms = 0;
    };
    const Timing& timing() const { return timing_; }

  private:
    void start_reading();
    void finish_reading();
    void start_counting(App& app);
    void finish_applying(App& app);
    void start_slicing(App& app);

    std::string file_name_;
    std::string bytes_; // kept for a re-read with another delimiter or encoding
    std::size_t file_size_ = 0;
    Stage stage_ = Stage::Reading;
    std::string error_;
    char delimiter_ = 0;
    std::optional<core::TextEncoding> encoding_;
    std::unique_ptr<core::CsvReader> reader_;
    core::CsvTable table_;
    core::ImportOptions options_;
    bool kind_guessed_ = true;
    std::vector<core::DateColumnStats> date_stats_;
    std::size_t scan_row_ = 0;
    std::unique_ptr<core::CsvImporter> importer_;
    std::uint64_t counted_revision_ = 0;
    bool recounted_ = false;
    core::ImportSummary summary_;
    std::string label_;
    std::uint64_t applied_revision_ = 0;
    double app_progress_ = 0;
    bool preparing_ = false;            // Applying: moving records into the command first
    std::vector<core::Change> changes_; // the command being prepared
    Timing timing_;
};

} // namespace footprint::app
