// The CSV import job: stages, slices and the one command at the end.
#include "app/csv_import_job.h"

#include <algorithm>

namespace footprint::app {

namespace {

bool starts_with(const std::string& s, std::string_view p) {
    return s.compare(0, p.size(), p) == 0;
}

// Files people pick by mistake, and what to do instead.
std::string not_csv_reason(const std::string& bytes) {
    if (starts_with(bytes, "PK\x03\x04"))
        return "This is an Excel workbook (.xlsx), not a CSV file. In Excel choose File > Save As "
               "> \"CSV UTF-8 (Comma delimited)\", then import that file.";
    if (starts_with(bytes, "\xD0\xCF\x11\xE0"))
        return "This is an old Excel workbook (.xls), not a CSV file. In Excel choose File > Save "
               "As > \"CSV UTF-8 (Comma delimited)\", then import that file.";
    if (starts_with(bytes, "%PDF")) return "This is a PDF document, not a CSV file.";
    return {};
}

} // namespace

CsvImportJob::CsvImportJob(std::string file_name, std::string bytes)
    : file_name_(std::move(file_name)), bytes_(std::move(bytes)) {
    file_size_ = bytes_.size();
    options_.file_name = file_name_;
    if (bytes_.size() > kMaxBytes) {
        stage_ = Stage::Failed;
        error_ = file_name_ + " is " + std::to_string(bytes_.size() >> 20) +
                 " MB; Footprint imports files up to 512 MB. Split it into smaller files.";
        bytes_.clear();
        return;
    }
    if (std::string why = not_csv_reason(bytes_); !why.empty()) {
        stage_ = Stage::Failed;
        error_ = std::move(why);
        bytes_.clear();
        return;
    }
    start_reading();
}

void CsvImportJob::start_reading() {
    stage_ = Stage::Reading;
    reader_ = encoding_ ? std::make_unique<core::CsvReader>(bytes_, delimiter_, *encoding_)
                        : std::make_unique<core::CsvReader>(bytes_, delimiter_);
}

double CsvImportJob::progress() const {
    switch (stage_) {
    case Stage::Reading:
        return reader_ ? reader_->progress() : 0.0;
    case Stage::Checking:
        return table_.rows.empty()
                   ? 1.0
                   : static_cast<double>(scan_row_) / static_cast<double>(table_.rows.size());
    case Stage::Counting:
        return importer_ ? importer_->progress() : 0.0;
    case Stage::Applying:
        return app_progress_;
    case Stage::Done:
        return 1.0;
    default:
        return 0.0;
    }
}

void CsvImportJob::finish_reading() {
    table_ = reader_->take();
    reader_.reset();
    if (table_.header.empty()) {
        stage_ = Stage::Failed;
        error_ = file_name_ + " is empty: there is no header row and no data.";
        return;
    }
    if (table_.header_unterminated) {
        stage_ = Stage::Failed;
        error_ = file_name_ +
                 ": the header row opens a quote that never closes, so the file cannot "
                 "be read as CSV.";
        return;
    }
    const core::ImportKind guess = core::guess_kind(table_.header);
    options_.kind = guess;
    options_.mapping = core::guess_mapping(guess, table_.header);
    options_.date_orders.assign(table_.header.size(), std::nullopt);
    stage_ = Stage::Mapping;
}

void CsvImportJob::set_kind(core::ImportKind kind) {
    kind_guessed_ = false;
    if (kind == options_.kind) return;
    options_.kind = kind;
    options_.mapping = core::guess_mapping(kind, table_.header);
    options_.date_orders.assign(table_.header.size(), std::nullopt);
    date_stats_.clear();
}

void CsvImportJob::set_field(std::size_t column, core::ImportField field) {
    if (column >= options_.mapping.size()) return;
    if (field != core::ImportField::None)
        for (core::ImportField& f : options_.mapping)
            if (f == field) f = core::ImportField::None;
    options_.mapping[column] = field;
    options_.date_orders[column].reset();
    date_stats_.clear();
}

void CsvImportJob::reread(char delimiter, std::optional<core::TextEncoding> encoding) {
    if (stage_ != Stage::Mapping && stage_ != Stage::Failed) return;
    if (bytes_.empty()) return;
    delimiter_ = delimiter;
    encoding_ = encoding;
    error_.clear();
    const core::ImportKind kind = options_.kind;
    const bool guessed = kind_guessed_;
    start_reading();
    while (!reader_->step(8u << 20)) {
    }
    finish_reading();
    if (stage_ == Stage::Mapping && !guessed) set_kind(kind);
}

std::string CsvImportJob::mapping_problem() const {
    if (table_.rows.empty()) return file_name_ + " has a header row but no data rows.";
    return core::missing_required(options_.kind, options_.mapping);
}

void CsvImportJob::count(App& app) {
    if (stage_ != Stage::Mapping || !mapping_problem().empty()) return;
    date_stats_.clear();
    scan_row_ = 0;
    stage_ = Stage::Checking;
    (void)app;
}

std::vector<core::DateColumnStats> CsvImportJob::open_date_questions() const {
    std::vector<core::DateColumnStats> open;
    for (const core::DateColumnStats& s : date_stats_)
        if (s.needs_answer() && !options_.date_orders[s.column]) open.push_back(s);
    return open;
}

void CsvImportJob::answer_date(App& app, std::size_t column, core::DateOrder order) {
    if (column >= options_.date_orders.size()) return;
    options_.date_orders[column] = order;
    if (stage_ == Stage::Dates && open_date_questions().empty()) start_counting(app);
}

void CsvImportJob::start_counting(App& app) {
    options_.now = app.clock().wall();
    summary_ = core::ImportSummary{};
    counted_revision_ = app.doc().revision();
    importer_ = std::make_unique<core::CsvImporter>(
        app.plan(), table_, options_,
        [&app](std::string_view prefix) { return app.ids().next(prefix); });
    stage_ = Stage::Counting;
}

void CsvImportJob::work(App& app, double budget_ms) {
    if (!working()) return;
    const Clock& clock = app.clock();
    const double start = clock.monotonic_ms();
    if (timing_.started_ms < 0) timing_.started_ms = start;
    // Chunks small enough that the budget is overrun by little on a slow machine.
    do {
        switch (stage_) {
        case Stage::Reading:
            if (reader_->step(256u << 10)) finish_reading();
            break;
        case Stage::Checking:
            core::scan_date_columns(table_, options_.kind, options_.mapping, scan_row_,
                                    scan_row_ + 20000, date_stats_);
            scan_row_ = std::min(table_.rows.size(), scan_row_ + 20000);
            if (scan_row_ >= table_.rows.size()) {
                // Columns whose values show their order need no question.
                for (const core::DateColumnStats& s : date_stats_)
                    if (!options_.date_orders[s.column] && s.evident())
                        options_.date_orders[s.column] = s.evident();
                if (open_date_questions().empty())
                    start_counting(app);
                else
                    stage_ = Stage::Dates;
            }
            break;
        case Stage::Applying:
            if (preparing_) { // moving the records into the command
                if (importer_->take_changes_step(changes_, 5000)) start_slicing(app);
                break;
            }
            if (!app.work(std::max(1.0, budget_ms - (clock.monotonic_ms() - start))))
                finish_applying(app);
            else
                app_progress_ = app.doc().slicing_progress();
            break;
        case Stage::Counting:
            if (app.doc().revision() != counted_revision_) { // an undo while counting: start over
                recounted_ = true;
                start_counting(app);
            }
            if (importer_->step(1000)) {
                summary_ = importer_->take_summary();
                stage_ = Stage::Review;
            }
            break;
        default:
            break;
        }
    } while (working() && clock.monotonic_ms() - start < budget_ms);
    const double elapsed = clock.monotonic_ms() - start;
    timing_.longest_slice_ms = std::max(timing_.longest_slice_ms, elapsed);
    switch (stage_) {
    case Stage::Reading:
    case Stage::Mapping:
        timing_.read_ms += elapsed;
        break;
    case Stage::Checking:
    case Stage::Dates:
        timing_.check_ms += elapsed;
        break;
    case Stage::Applying:
    case Stage::Done:
        timing_.apply_ms += elapsed;
        break;
    default:
        timing_.count_ms += elapsed;
        break;
    }
}

bool CsvImportJob::apply(App& app) {
    if (stage_ != Stage::Review || !importer_) return false;
    if (app.doc().revision() != counted_revision_) {
        recounted_ = true;
        start_counting(app);
        return false;
    }
    label_ = core::import_label(options_, summary_);
    changes_.clear();
    app_progress_ = 0;
    preparing_ = true;
    stage_ = Stage::Applying;
    // A small import is done at once; a big one continues in work(), a slice per frame.
    if (importer_->take_changes_step(changes_, 20000)) start_slicing(app);
    return true;
}

void CsvImportJob::start_slicing(App& app) {
    preparing_ = false;
    importer_.reset();
    app.execute_sliced(Command{label_, std::move(changes_)});
    changes_ = {};
    if (!app.doc().slicing()) finish_applying(app);
}

void CsvImportJob::finish_applying(App& app) {
    applied_revision_ = app.doc().revision();
    timing_.finished_ms = app.clock().monotonic_ms();
    stage_ = Stage::Done;
    bytes_.clear();
    bytes_.shrink_to_fit();
}

void CsvImportJob::cancel(App& app) {
    if (stage_ == Stage::Applying && !preparing_ && app.doc().slicing()) app.cancel_sliced();
    changes_.clear();
    preparing_ = false;
    importer_.reset();
    reader_.reset();
    if (stage_ != Stage::Done && stage_ != Stage::Failed) stage_ = Stage::Mapping;
}

void CsvImportJob::back() {
    if (stage_ == Stage::Dates || stage_ == Stage::Review || stage_ == Stage::Counting ||
        stage_ == Stage::Checking) {
        importer_.reset();
        summary_ = core::ImportSummary{};
        stage_ = Stage::Mapping;
    }
}

std::string CsvImportJob::rejected_file_name() const {
    std::string base = file_name_;
    if (base.size() > 4 &&
        (base.substr(base.size() - 4) == ".csv" || base.substr(base.size() - 4) == ".CSV" ||
         base.substr(base.size() - 4) == ".txt"))
        base.resize(base.size() - 4);
    return base + " - rejected rows.csv";
}

} // namespace footprint::app
