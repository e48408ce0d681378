// The plan file: reading (with migrations and validation) and writing the JSON document.
// docs/plan-format.md describes the format; this header is the only way code touches it.
#pragma once

#include "core/model.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace footprint::core {

inline constexpr std::string_view kPlanFormatTag = "footprint-plan";

// One thing wrong with a plan file. `path` is a JSON Pointer (RFC 6901) to the offending value,
// "/accounts/12/services/0/mrc", or "" when the problem is about the whole document (syntax).
struct Problem {
    std::string path;
    std::string message;
};

// "plan.json: /accounts/12/services/0/mrc: expected integer cents", or, for document-level
// problems, "plan.json: line 3, column 14: syntax error: ...".
std::string format_problem(std::string_view file, const Problem& problem);

// Reading stops collecting after this many problems (and says so in one last problem).
inline constexpr std::size_t kMaxProblems = 200;

struct LoadResult {
    std::optional<Plan> plan;      // set only when `problems` is empty
    std::vector<Problem> problems; // every problem found, in document order per check
    int file_version = 0;          // the version the file declared, before migrations
};

// One upgrade step: takes the document from `from_version` to `from_version + 1` in place.
// It may add problems (with paths in the *old* document) and returns false when it cannot upgrade.
// The reader sets "version" itself after each successful step.
struct Migration {
    int from_version;
    const char* summary; // one line for docs and logs: "v1 -> v2: split address into fields"
    bool (*apply)(Json& document, std::vector<Problem>& problems);
};

// The registry: every step from the oldest readable version up to kPlanFormatVersion, in order.
// Empty while kPlanFormatVersion is 1. See docs/plan-format.md, "Migrations".
const std::vector<Migration>& plan_migrations();

// Parses, migrates, converts and validates. Never throws; a bad file yields problems.
LoadResult read_plan(std::string_view text);

// The same with an explicit migration chain and current version (tests use it to exercise the
// mechanism). After migrations the document is converted with the current schema.
LoadResult read_plan_with_migrations(std::string_view text, std::span<const Migration> migrations,
                                     int current_version);

// Reads a document that holds only part of a plan (a journal entry's records): every field is
// converted and checked, but not the checks that need the whole plan (unique ids, references).
LoadResult read_plan_part(std::string_view text);
// The whole-plan checks on an assembled plan (after a journal replay).
std::vector<Problem> check_plan(const Plan& plan);

// Writes the plan as compact JSON with fields in a stable order. Strings are written as valid
// UTF-8 (invalid bytes become U+FFFD). read_plan(write_plan(p)) gives p back for any valid plan.
std::string write_plan(const Plan& plan);

// Incremental writer, for saving a big plan across frames without freezing the page:
//     PlanWriter w(plan);
//     while (!w.step(2000)) show(w.progress());
//     std::string text = w.take();
// `plan` must outlive the writer and must not change until take(). A record's weight is 1 (an
// account weighs 1 + its contacts + services), so a step of N records takes roughly constant time.
class PlanWriter {
public:
    // `whole`: reserve room for the whole document up front (take() returns it); otherwise the
    // text is handed over a piece at a time with take_written() and never held whole.
    explicit PlanWriter(const Plan& plan, bool whole = true);
    // Writes up to `max_records` more records (at least one); true once the document is complete.
    bool step(std::size_t max_records);
    // The text written since the last call (streaming writers, e.g. a compressed snapshot).
    std::string& written() { return out_; }
    bool done() const { return phase_ == Phase::Done; }
    // 0.0 .. 1.0, by records written.
    double progress() const;
    // The document; finishes it first if step() has not yet returned true. Call once.
    std::string take();

private:
    enum class Phase { Header, Territories, Accounts, Opportunities, Activities, Footer, Done };
    const Plan& plan_;
    std::string out_;
    Phase phase_ = Phase::Header;
    std::size_t index_ = 0; // within the current phase's collection
    std::size_t written_ = 0;
    std::size_t total_ = 1;
};

// One record as the plan writer writes it inside a plan document (the same bytes), appended to
// `out`. Merging hashes and compares records through these, so a field the writer learns is also
// compared and merged, with no list of fields to keep in step.
void append_record_json(std::string& out, const Account& record);
void append_record_json(std::string& out, const Contact& record);
void append_record_json(std::string& out, const Service& record);
void append_record_json(std::string& out, const Opportunity& record);
void append_record_json(std::string& out, const Activity& record);
void append_record_json(std::string& out, const Territory& record);
void append_record_json(std::string& out, const Product& record);
void append_record_json(std::string& out, const UpsellRule& record);
void append_record_json(std::string& out, const Stage& record);

// JSON string literal for `s` (quotes included), appended to `out`: control characters escaped,
// UTF-8 passed through, invalid UTF-8 bytes replaced by U+FFFD. Shared with other JSON writers.
void append_json_string(std::string& out, std::string_view s);

// "~" -> "~0", "/" -> "~1": one reference token of a JSON Pointer.
std::string json_pointer_token(std::string_view key);

} // namespace footprint::core
