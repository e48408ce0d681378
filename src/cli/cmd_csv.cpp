// CSV commands: `import-csv` (accounts, contacts or opportunities into a plan file) and
// `export-csv` (the same as CSV for Excel and Salesforce Data Loader).
#include "app/ids.h"
#include "cli/cli.h"
#include "core/csv_export.h"
#include "core/csv_import.h"
#include "core/format.h"
#include "core/plan_json.h"

#include <chrono>
#include <cstdio>
#include <random>

namespace footprint::cli {

namespace {

std::optional<core::Plan> load_plan(const std::string& path) {
    std::string error;
    std::optional<std::string> text = read_file(path, error);
    if (!text) {
        std::fprintf(stderr, "footprint: %s\n", error.c_str());
        return std::nullopt;
    }
    core::LoadResult r = core::read_plan(*text);
    if (!r.plan)
        for (const core::Problem& p : r.problems)
            std::fprintf(stderr, "%s\n", core::format_problem(path, p).c_str());
    return std::move(r.plan);
}

core::Timestamp now() {
    return core::Timestamp{std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count()};
}

std::optional<core::ImportKind> kind_option(const Args& args, const char* command, int& exit_code) {
    const std::optional<std::string_view> k = args.value("--kind");
    if (!k) {
        exit_code = usage_error(command, "--kind accounts|contacts|opportunities is required");
        return std::nullopt;
    }
    const std::optional<core::ImportKind> kind = core::import_kind_from(*k);
    if (!kind)
        exit_code =
            usage_error(command, "--kind must be accounts, contacts or opportunities (got " +
                                     std::string(*k) + ")");
    return kind;
}

std::string base_name(const std::string& path) {
    const std::size_t slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

int run_import(std::span<const std::string_view> argv) {
    Args args =
        parse_args(argv, {"--no-update"},
                   {"--kind", "--into", "-o", "--output", "--date-order", "--amount", "--term"});
    if (!args.error.empty()) return usage_error("import-csv", args.error);
    if (args.positional.size() != 1)
        return usage_error("import-csv", "expected one FILE to import");
    int code = kExitOk;
    const std::optional<core::ImportKind> kind = kind_option(args, "import-csv", code);
    if (!kind) return code;
    const std::optional<std::string_view> into = args.value("--into");
    if (!into) return usage_error("import-csv", "--into PLAN is required");
    std::optional<core::DateOrder> order;
    if (auto d = args.value("--date-order")) {
        if (*d == "mdy")
            order = core::DateOrder::MonthDay;
        else if (*d == "dmy")
            order = core::DateOrder::DayMonth;
        else
            return usage_error("import-csv", "--date-order must be mdy or dmy");
    }
    bool monthly = false;
    if (auto a = args.value("--amount")) {
        if (*a == "monthly")
            monthly = true;
        else if (*a != "total")
            return usage_error("import-csv", "--amount must be total or monthly");
    }
    int term = 36;
    if (auto t = args.value("--term")) {
        const std::optional<long long> n = core::parse_count(*t);
        if (!n || *n < 1 || *n > 600)
            return usage_error("import-csv", "--term must be 1 to 600 months");
        term = static_cast<int>(*n);
    }

    const std::string file(args.positional[0]);
    const std::string plan_path(*into);
    const std::string out_path(args.value("-o").value_or(args.value("--output").value_or(*into)));
    std::optional<core::Plan> plan = load_plan(plan_path);
    if (!plan) return kExitFailure;
    std::string error;
    std::optional<std::string> bytes = read_file(file, error);
    if (!bytes) {
        std::fprintf(stderr, "footprint: %s\n", error.c_str());
        return kExitFailure;
    }
    const core::CsvTable table = core::CsvReader(std::move(*bytes)).take();
    const std::string name = base_name(file);
    if (table.header.empty()) {
        std::fprintf(stderr, "%s: the file is empty\n", file.c_str());
        return kExitFailure;
    }

    core::ImportOptions opt;
    opt.kind = *kind;
    opt.file_name = name;
    opt.mapping = core::guess_mapping(*kind, table.header);
    opt.amount_is_monthly = monthly;
    opt.default_term_months = term;
    opt.update_existing = !args.has("--no-update");
    opt.now = now();
    if (std::string missing = core::missing_required(*kind, opt.mapping); !missing.empty()) {
        std::string cols;
        for (const std::string& h : table.header)
            cols += (cols.empty() ? "" : ", ") + h;
        std::fprintf(stderr, "%s: %s The columns are: %s\n", file.c_str(), missing.c_str(),
                     cols.c_str());
        return kExitFailure;
    }
    std::vector<core::DateColumnStats> stats;
    core::scan_date_columns(table, *kind, opt.mapping, 0, table.rows.size(), stats);
    opt.date_orders.assign(table.header.size(), std::nullopt);
    for (const core::DateColumnStats& s : stats) {
        if (order)
            opt.date_orders[s.column] = order;
        else if (s.needs_answer()) {
            std::fprintf(stderr,
                         "%s: column \"%s\" has dates like %s that read both ways; run again with "
                         "--date-order mdy (month first) or --date-order dmy (day first)\n",
                         file.c_str(), table.header[s.column].c_str(), s.example.c_str());
            return kExitUsage;
        }
    }

    std::random_device device;
    app::IdGenerator ids(
        (std::uint64_t{device()} << 32) ^ device() ^
        static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()));
    core::CsvImporter importer(*plan, table, opt,
                               [&](std::string_view prefix) { return ids.next(prefix); });
    while (!importer.step(100000)) {
    }
    const core::ImportSummary s = importer.summary();
    std::string line = name + ": " + core::format_count(s.created) + " created, " +
                       core::format_count(s.updated) + " updated, " +
                       core::format_count(s.unchanged) + " unchanged, " +
                       core::format_count(s.rejected) + " rejected";
    if (s.skipped) line += ", " + core::format_count(s.skipped) + " skipped (already in the plan)";
    if (s.duplicates) line += ", " + core::format_count(s.duplicates) + " repeated rows merged";
    std::printf("%s\n", line.c_str());
    for (const core::Rejection& r : s.rejections)
        std::printf("%s\n", core::format_rejection(file, r).c_str());
    for (const std::string& n : s.notes)
        std::printf("note: %s\n", n.c_str());
    if (s.created + s.updated + s.unchanged + s.skipped + s.duplicates == 0) {
        std::fprintf(stderr, "%s: nothing could be imported; %s was not changed\n", file.c_str(),
                     out_path.c_str());
        return kExitFailure;
    }

    std::vector<core::Change> changes = importer.take_changes();
    if (!changes.empty()) {
        core::PlanIndex index;
        index.rebuild(*plan);
        for (core::Change& c : changes)
            core::apply_change(*plan, index, std::move(c), opt.now);
    }
    const std::string text = core::write_plan(*plan);
    // Never write a plan that would not open again.
    if (core::LoadResult check = core::read_plan(text); !check.plan) {
        for (const core::Problem& p : check.problems)
            std::fprintf(stderr, "%s\n", core::format_problem(out_path, p).c_str());
        return kExitFailure;
    }
    if (!write_file_atomic(out_path, text, error)) {
        std::fprintf(stderr, "footprint: %s\n", error.c_str());
        return kExitFailure;
    }
    return kExitOk;
}

int run_export(std::span<const std::string_view> argv) {
    Args args = parse_args(argv, {}, {"--kind", "-o", "--output"});
    if (!args.error.empty()) return usage_error("export-csv", args.error);
    if (args.positional.size() != 1) return usage_error("export-csv", "expected one PLAN");
    int code = kExitOk;
    const std::optional<core::ImportKind> kind = kind_option(args, "export-csv", code);
    if (!kind) return code;
    const std::optional<std::string_view> out =
        args.value("-o") ? args.value("-o") : args.value("--output");
    if (!out) return usage_error("export-csv", "-o FILE is required (- for standard output)");
    std::optional<core::Plan> plan = load_plan(std::string(args.positional[0]));
    if (!plan) return kExitFailure;
    const std::string csv = core::export_csv(*plan, *kind);
    const std::size_t n = core::export_count(*plan, *kind);
    if (*out == "-") {
        std::fwrite(csv.data(), 1, csv.size(), stdout);
        return kExitOk;
    }
    std::string error;
    if (!write_file_atomic(std::string(*out), csv, error)) {
        std::fprintf(stderr, "footprint: %s\n", error.c_str());
        return kExitFailure;
    }
    std::printf("%.*s: %s %s\n", static_cast<int>(out->size()), out->data(),
                core::format_count(static_cast<long long>(n)).c_str(),
                n == 1 ? core::import_kind_singular(*kind) : core::import_kind_name(*kind));
    return kExitOk;
}

const Command kCsvCommands[] = {
    {"import-csv",
     "footprint import-csv --kind accounts|contacts|opportunities FILE --into PLAN [-o OUT] "
     "[--date-order mdy|dmy] [--amount total|monthly] [--term MONTHS] [--no-update]",
     "Import a Salesforce or Excel CSV into a plan; list rejected rows (exit 1 if none imported).",
     run_import},
    {"export-csv", "footprint export-csv --kind accounts|contacts|opportunities PLAN -o FILE",
     "Export accounts, contacts or opportunities as CSV for Excel and Data Loader.", run_export},
};

} // namespace

std::span<const Command> csv_commands() {
    return kCsvCommands;
}

} // namespace footprint::cli
