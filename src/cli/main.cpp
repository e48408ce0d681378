// `footprint`: dispatches to the commands in the registry, and prints help and version.
#include "cli/cli.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

using footprint::cli::all_commands;
using footprint::cli::Command;

namespace {

void print_help(std::FILE* out) {
    std::fprintf(out, "footprint %s: offline sales planner, command-line tools\n\n", FOOTPRINT_VERSION);
    std::fprintf(out, "Usage: footprint COMMAND [ARGUMENTS]\n\nCommands:\n");
    std::size_t width = 0;
    for (const Command& c : all_commands()) width = std::max(width, std::strlen(c.name));
    for (const Command& c : all_commands())
        std::fprintf(out, "  %-*s  %s\n", static_cast<int>(width), c.name, c.summary);
    std::fprintf(out, "\n");
    for (const Command& c : all_commands()) std::fprintf(out, "  %s\n", c.usage);
    std::fprintf(out, "\nOptions:\n"
                      "  --help     show this help; `footprint COMMAND --help` for one command\n"
                      "  --version  print the version\n");
}

const Command* find_command(std::string_view name) {
    for (const Command& c : all_commands())
        if (name == c.name) return &c;
    return nullptr;
}

bool is_help(std::string_view a) { return a == "--help" || a == "-h"; }

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string_view> args(argv + (argc > 0 ? 1 : argc), argv + argc);
    if (args.empty()) {
        print_help(stderr);
        return footprint::cli::kExitUsage;
    }
    const std::string_view first = args[0];
    if (is_help(first) || first == "help") {
        if (args.size() > 1 && first == "help") {
            if (const Command* c = find_command(args[1])) {
                std::printf("%s\n\nusage: %s\n", c->summary, c->usage);
                return footprint::cli::kExitOk;
            }
        }
        print_help(stdout);
        return footprint::cli::kExitOk;
    }
    if (first == "--version" || first == "-V") {
        std::printf("footprint %s\n", FOOTPRINT_VERSION);
        return footprint::cli::kExitOk;
    }
    const Command* command = find_command(first);
    if (!command) {
        std::fprintf(stderr, "footprint: unknown command '%.*s'\nRun 'footprint --help' for the list of commands.\n",
                     static_cast<int>(first.size()), first.data());
        return footprint::cli::kExitUsage;
    }
    const std::span<const std::string_view> rest(args.data() + 1, args.size() - 1);
    if (std::any_of(rest.begin(), rest.end(), is_help)) {
        std::printf("%s\n\nusage: %s\n", command->summary, command->usage);
        return footprint::cli::kExitOk;
    }
    return command->run(rest);
}
