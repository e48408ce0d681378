// The command registry: every command group's table, in the order `footprint --help` lists them.
#include "cli/cli.h"

namespace footprint::cli {

std::span<const Command> all_commands() {
    static const std::vector<Command> all = [] {
        std::vector<Command> list;
        // One line per command group.
        for (auto group : {plan_commands, route_commands, forecast_commands, desk_commands, csv_commands,
                           report_commands, share_commands})
            for (const Command& c : group()) list.push_back(c);
        return list;
    }();
    return all;
}

} // namespace footprint::cli
