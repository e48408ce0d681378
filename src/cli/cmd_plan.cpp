// Plan file commands: `new`, `validate`, `info`.
#include "app/ids.h"
#include "cli/cli.h"
#include "core/plan_json.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>

namespace footprint::cli {

namespace {

using core::Plan;

struct Counts {
    std::size_t accounts = 0, contacts = 0, services = 0, opportunities = 0, activities = 0,
                territories = 0;
};

Counts count(const Plan& p) {
    Counts c;
    c.accounts = p.accounts.size();
    for (const core::Account& a : p.accounts) {
        c.contacts += a.contacts.size();
        c.services += a.services.size();
    }
    c.opportunities = p.opportunities.size();
    c.activities = p.activities.size();
    c.territories = p.territories.size();
    return c;
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

int run_new(std::span<const std::string_view> argv) {
    Args args = parse_args(argv, {"--force"}, {"--name"});
    if (!args.error.empty()) return usage_error("new", args.error);
    if (args.positional.size() != 1) return usage_error("new", "expected one FILE");
    const std::string path(args.positional[0]);
    std::error_code ec;
    if (!args.has("--force") && std::filesystem::exists(std::filesystem::symlink_status(path, ec))) {
        std::fprintf(stderr, "footprint new: %s already exists (use --force to overwrite it)\n", path.c_str());
        return kExitFailure;
    }
    std::random_device device;
    const std::uint64_t seed = (std::uint64_t{device()} << 32) ^ device() ^
                               static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    app::IdGenerator ids(seed);
    const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch()).count();
    const std::string name(args.value("--name").value_or("Untitled plan"));
    const Plan plan = core::make_empty_plan(ids.next("plan"), name, core::Timestamp{now_ms});
    std::string error;
    if (!write_file_atomic(path, core::write_plan(plan), error)) {
        std::fprintf(stderr, "footprint: %s\n", error.c_str());
        return kExitFailure;
    }
    std::printf("%s: new plan \"%s\" (%s)\n", path.c_str(), plan.name.c_str(), plan.id.c_str());
    return kExitOk;
}

int run_validate(std::span<const std::string_view> argv) {
    Args args = parse_args(argv, {}, {});
    if (!args.error.empty()) return usage_error("validate", args.error);
    if (args.positional.size() != 1) return usage_error("validate", "expected one FILE");
    const std::string path(args.positional[0]);
    std::optional<Plan> plan = read_plan_file(path, stdout);
    if (!plan) return kExitFailure;
    const Counts c = count(*plan);
    std::printf("%s: valid (%s, %s, %s, %s, %s, %s)\n", path.c_str(),
                plural(c.accounts, "account", "accounts").c_str(),
                plural(c.contacts, "contact", "contacts").c_str(),
                plural(c.services, "service", "services").c_str(),
                plural(c.opportunities, "opportunity", "opportunities").c_str(),
                plural(c.activities, "activity", "activities").c_str(),
                plural(c.territories, "territory", "territories").c_str());
    return kExitOk;
}

std::string dollars(core::Cents cents) {
    const std::string digits = std::to_string(cents / 100);
    std::string out(1, '$');
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    char frac[8];
    std::snprintf(frac, sizeof frac, ".%02d", static_cast<int>(cents % 100));
    return out + frac;
}

int run_info(std::span<const std::string_view> argv) {
    Args args = parse_args(argv, {"--json"}, {});
    if (!args.error.empty()) return usage_error("info", args.error);
    if (args.positional.size() != 1) return usage_error("info", "expected one FILE");
    const std::string path(args.positional[0]);
    std::optional<Plan> plan = read_plan_file(path);
    if (!plan) return kExitFailure;
    const Counts c = count(*plan);
    if (args.has("--json")) {
        std::printf("{\"accounts\": %zu, \"contacts\": %zu, \"opportunities\": %zu, \"activities\": %zu, "
                    "\"territories\": %zu}\n",
                    c.accounts, c.contacts, c.opportunities, c.activities, c.territories);
        return kExitOk;
    }
    std::size_t clients = 0, former = 0, prospects = 0;
    core::Cents mrc = 0;
    for (const core::Account& a : plan->accounts) {
        (a.status == core::AccountStatus::Client ? clients
         : a.status == core::AccountStatus::Former ? former
                                                   : prospects) += 1;
        if (a.status == core::AccountStatus::Client) mrc += core::account_mrc(a);
    }
    std::printf("Plan           %s%s\n", plan->name.c_str(), plan->sample ? " (sample)" : "");
    std::printf("Id             %s\n", plan->id.c_str());
    if (!plan->owner.empty()) std::printf("Owner          %s\n", plan->owner.c_str());
    std::printf("Modified       %s\n", core::format_iso_timestamp(plan->modified).c_str());
    std::printf("Accounts       %zu (%zu clients, %zu former, %zu prospects)\n", c.accounts, clients,
                former, prospects);
    std::printf("Contacts       %zu\n", c.contacts);
    std::printf("Services       %zu (clients' MRC %s)\n", c.services, dollars(mrc).c_str());
    std::printf("Opportunities  %zu\n", c.opportunities);
    std::printf("Activities     %zu\n", c.activities);
    std::printf("Territories    %zu\n", c.territories);
    return kExitOk;
}

const Command kPlanCommands[] = {
    {"new", "footprint new FILE [--name NAME] [--force]",
     "Create a plan file with the default stages, catalog and quota.", run_new},
    {"validate", "footprint validate FILE",
     "Check a plan file; list every problem with its place (exit 1 if any).", run_validate},
    {"info", "footprint info FILE [--json]", "Count the records in a plan file.", run_info},
};

} // namespace

std::span<const Command> plan_commands() { return kPlanCommands; }

} // namespace footprint::cli
