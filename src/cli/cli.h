// The `footprint` command-line tool: the command registry and the helpers commands share.
#pragma once

#include "core/model.h"

#include <cstdio>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace footprint::cli {

struct Command {
    const char* name;    // "validate"
    const char* usage;   // "footprint validate FILE"
    const char* summary; // one line for `footprint --help`
    int (*run)(std::span<const std::string_view> args); // the arguments after the name
};

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1; // the command ran and the answer is "no" (or I/O failed)
inline constexpr int kExitUsage = 2;   // the command line itself is wrong

// Every command, in --help order (commands.cpp). A command group is one file with a table;
// adding a command is one line in its group's table.
std::span<const Command> all_commands();

// Command groups.
std::span<const Command> plan_commands(); // cmd_plan.cpp: new, validate, info
std::span<const Command> route_commands(); // cmd_route.cpp: route
std::span<const Command> share_commands(); // cmd_share.cpp: share, merge, rollup
std::span<const Command> forecast_commands(); // cmd_forecast.cpp: forecast
std::span<const Command> desk_commands(); // cmd_desks.cpp: desks
std::span<const Command> csv_commands();  // cmd_csv.cpp: import-csv, export-csv
std::span<const Command> report_commands(); // cmd_report.cpp: report

// --- helpers (cli_util.cpp) ----------------------------------------------------------------------

// Command-line arguments split into positionals, flags ("--force") and options with a value
// ("--name NAME" or "--name=NAME"). "--" ends the options.
struct Args {
    std::vector<std::string_view> positional;
    std::vector<std::string_view> flags;
    std::vector<std::pair<std::string_view, std::string_view>> options;
    std::string error; // set when the command line is wrong

    bool has(std::string_view flag) const;
    std::optional<std::string_view> value(std::string_view option) const;
};
Args parse_args(std::span<const std::string_view> args, std::initializer_list<std::string_view> flags,
                std::initializer_list<std::string_view> options_with_value);

// Prints "footprint NAME: message" and the command's usage to stderr; returns kExitUsage.
int usage_error(std::string_view command, std::string_view message);

// The whole file, or nullopt with `error` = "cannot read FILE: <OS reason>".
std::optional<std::string> read_file(const std::string& path, std::string& error);
// Reads and checks a plan file. When it cannot be read or is not a valid plan, prints why (the
// OS reason to stderr, or one "FILE:LINE: ..." line per problem to `problems`) and returns nullopt.
std::optional<core::Plan> read_plan_file(const std::string& path, std::FILE* problems = stderr);
// Writes PATH.tmp and renames it over PATH, so a crash never leaves half a file.
bool write_file_atomic(const std::string& path, std::string_view data, std::string& error);

} // namespace footprint::cli
