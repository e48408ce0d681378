// Commands for plans that travel: `share` (a part of a plan, optionally without personal details),
// `merge` (another plan's file into this one) and `rollup` (a team's plans read together).
#include "app/document.h"
#include "app/ids.h"
#include "cli/cli.h"
#include "core/format.h"
#include "core/plan_json.h"
#include "core/plan_merge.h"
#include "core/plan_share.h"
#include "core/rollup.h"

#include <chrono>
#include <cstdio>
#include <random>

namespace footprint::cli {

namespace {

inline constexpr int kExitConflicts = 3; // merged, with conflicts decided by --prefer

core::Timestamp now() {
    return core::Timestamp{std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count()};
}

core::Date today_utc() { return core::Date{static_cast<std::int32_t>(now().ms / 86'400'000)}; }

// Reads and validates a plan file; prints its problems to stderr and returns nullopt when bad.
std::optional<core::Plan> load_plan(const std::string& path) {
    std::string error;
    std::optional<std::string> text = read_file(path, error);
    if (!text) {
        std::fprintf(stderr, "footprint: %s\n", error.c_str());
        return std::nullopt;
    }
    core::LoadResult r = core::read_plan(*text);
    if (!r.plan) {
        std::size_t shown = 0;
        for (const core::Problem& p : r.problems) {
            if (++shown > 20) {
                std::fprintf(stderr, "%s: … and %zu more problems\n", path.c_str(), r.problems.size() - 20);
                break;
            }
            std::fprintf(stderr, "%s\n", core::format_problem(path, p).c_str());
        }
    }
    return std::move(r.plan);
}

bool write_out(const std::string& path, const std::string& text) {
    std::string error;
    if (write_file_atomic(path, text, error)) return true;
    std::fprintf(stderr, "footprint: %s\n", error.c_str());
    return false;
}

std::vector<std::string> split_ids(std::string_view list) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i <= list.size()) {
        std::size_t j = list.find(',', i);
        if (j == std::string_view::npos) j = list.size();
        if (j > i) out.emplace_back(list.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

std::string quoted(const std::string& s) { return "\u201c" + s + "\u201d"; }

std::string when(core::Timestamp t) {
    if (t.ms == 0) return "";
    return core::format_date(core::Date{static_cast<std::int32_t>((t.ms >= 0 ? t.ms : t.ms - 86'399'999) / 86'400'000)});
}

// --- share ------------------------------------------------------------------------------------------

int run_share(std::span<const std::string_view> argv) {
    Args args = parse_args(argv, {"--redact"}, {"-o", "--accounts", "--territory"});
    if (!args.error.empty()) return usage_error("share", args.error);
    if (args.positional.size() != 1) return usage_error("share", "expected one PLAN");
    const auto out = args.value("-o");
    if (!out) return usage_error("share", "-o OUT is required");
    if (args.value("--accounts") && args.value("--territory"))
        return usage_error("share", "--accounts and --territory cannot go together");
    const std::string path(args.positional[0]);
    std::optional<core::Plan> plan = load_plan(path);
    if (!plan) return kExitFailure;
    core::ShareOptions o;
    o.redact = args.has("--redact");
    if (auto ids = args.value("--accounts")) {
        o.scope.kind = core::ShareScope::Kind::Accounts;
        o.scope.account_ids = split_ids(*ids);
        for (const std::string& id : o.scope.account_ids) {
            bool found = false;
            for (const core::Account& a : plan->accounts) found |= a.id == id;
            if (!found) {
                std::fprintf(stderr, "footprint share: %s: no account has id \"%s\"\n", path.c_str(), id.c_str());
                return kExitFailure;
            }
        }
    } else if (auto t = args.value("--territory")) {
        o.scope.kind = core::ShareScope::Kind::Territory;
        o.scope.territory_id = std::string(*t);
        bool found = false;
        for (const core::Territory& ter : plan->territories) found |= ter.id == o.scope.territory_id;
        if (!found) {
            std::fprintf(stderr, "footprint share: %s: no territory has id \"%s\"\n", path.c_str(), o.scope.territory_id.c_str());
            return kExitFailure;
        }
    }
    std::random_device device;
    app::IdGenerator ids((std::uint64_t{device()} << 32) ^ device() ^ static_cast<std::uint64_t>(now().ms));
    const core::ShareResult s = core::make_share(*plan, o, ids.next("plan"), now());
    if (!write_out(std::string(*out), core::write_plan(s.file))) return kExitFailure;
    std::printf("%s: %s of \"%s\"%s: %zu accounts, %zu contacts, %zu opportunities, %zu activities, %zu territories\n",
                std::string(*out).c_str(), core::share_label(*plan, o.scope).c_str(), plan->name.c_str(),
                o.redact ? " without personal details" : "", s.counts.accounts, s.counts.contacts,
                s.counts.opportunities, s.counts.activities, s.counts.territories);
    return kExitOk;
}

// --- merge ------------------------------------------------------------------------------------------

std::string describe_conflict(const core::MergeConflict& c) {
    using W = core::MergeConflict::What;
    std::string s = std::string(core::record_kind_noun(c.kind, false)) + " " + quoted(c.label);
    switch (c.what) {
    case W::Field:
        s += " \u00b7 " + core::field_label(c.field) + ": yours " +
             quoted(core::format_field_value(c.kind, c.field, c.mine)) + (c.mine_modified.ms ? " (" + when(c.mine_modified) + ")" : "") +
             ", theirs " + quoted(core::format_field_value(c.kind, c.field, c.theirs)) +
             (c.theirs_modified.ms ? " (" + when(c.theirs_modified) + ")" : "");
        s += c.choice == core::Side::Mine ? " \u2192 kept yours" : " \u2192 took theirs";
        break;
    case W::DeletedHere:
        s += ": deleted in your plan, changed in theirs";
        s += c.choice == core::Side::Mine ? " \u2192 left deleted" : " \u2192 restored theirs";
        break;
    case W::DeletedThere:
        s += ": changed in your plan, deleted in theirs";
        s += c.choice == core::Side::Mine ? " \u2192 kept yours" : " \u2192 deleted";
        break;
    }
    if (c.no_base) s += " (which side changed it is not known)";
    return s;
}

core::Json report_json(const core::MergeReport& r, const std::vector<core::MergeConflict>& conflicts) {
    core::Json counts = core::Json::object();
    for (int k = 0; k < core::kRecordKindCount; ++k) {
        const auto kind = static_cast<core::RecordKind>(k);
        const auto& n = r.of(kind);
        if (n.total())
            counts[core::record_kind_noun(kind, true)] = {{"created", n.created}, {"updated", n.updated}, {"deleted", n.deleted}};
    }
    core::Json list = core::Json::array();
    for (const core::MergeConflict& c : conflicts) {
        using W = core::MergeConflict::What;
        list.push_back({{"kind", core::record_kind_noun(c.kind, false)},
                        {"id", c.id},
                        {"label", c.label},
                        {"what", c.what == W::Field ? "field" : c.what == W::DeletedHere ? "deleted_here" : "deleted_there"},
                        {"field", c.field},
                        {"mine", c.mine},
                        {"theirs", c.theirs},
                        {"theirs_newer", c.theirs_newer()},
                        {"no_base", c.no_base},
                        {"choice", c.choice == core::Side::Mine ? "mine" : "theirs"}});
    }
    return {{"changes", counts}, {"conflicts", list}, {"notes", r.notes}, {"base", r.base}, {"summary", r.summary()}};
}

int run_merge(std::span<const std::string_view> argv) {
    Args args = parse_args(argv, {"--json", "--no-history", "--dry-run"}, {"-o", "--prefer"});
    if (!args.error.empty()) return usage_error("merge", args.error);
    if (args.positional.size() != 2) return usage_error("merge", "expected MINE and THEIRS");
    const auto out = args.value("-o");
    if (!out && !args.has("--dry-run")) return usage_error("merge", "-o OUT is required (or --dry-run)");
    const std::string prefer(args.value("--prefer").value_or("newer"));
    if (prefer != "newer" && prefer != "mine" && prefer != "theirs")
        return usage_error("merge", "--prefer is newer, mine or theirs (got \"" + prefer + "\")");
    const std::string mine_path(args.positional[0]), theirs_path(args.positional[1]);
    std::optional<core::Plan> mine = load_plan(mine_path);
    if (!mine) return kExitFailure;
    std::optional<core::Plan> theirs = load_plan(theirs_path);
    if (!theirs) return kExitFailure;

    core::MergeOptions options;
    options.use_history = !args.has("--no-history");
    core::MergePreview preview = core::prepare_merge(*mine, std::move(*theirs), options);
    core::choose_all(preview.conflicts, prefer == "mine"     ? std::optional<core::Side>(core::Side::Mine)
                                        : prefer == "theirs" ? std::optional<core::Side>(core::Side::Theirs)
                                                             : std::nullopt);
    const core::Timestamp t = now();
    core::MergeOutcome outcome = core::finish_merge(*mine, preview, t);
    const core::MergeReport& r = outcome.report;

    if (args.has("--json")) {
        std::printf("%s\n", report_json(r, preview.conflicts).dump(2).c_str());
    } else {
        std::printf("Merging \"%s\"%s into \"%s\"\n", r.their_name.c_str(),
                    r.their_owner.empty() ? "" : (" (" + r.their_owner + ")").c_str(), mine->name.c_str());
        std::printf("%s\n", r.base.c_str());
        for (int k = 0; k < core::kRecordKindCount; ++k) {
            const auto kind = static_cast<core::RecordKind>(k);
            const auto& n = r.of(kind);
            if (!n.total()) continue;
            std::printf("  %-15s %d created, %d updated, %d deleted\n", core::record_kind_noun(kind, true), n.created,
                        n.updated, n.deleted);
        }
        if (!preview.conflicts.empty()) {
            std::printf("Conflicts (%zu), decided by --prefer %s:\n", preview.conflicts.size(), prefer.c_str());
            for (const core::MergeConflict& c : preview.conflicts) std::printf("  %s\n", describe_conflict(c).c_str());
        }
        if (!r.notes.empty()) {
            std::printf("Notes:\n");
            for (const std::string& n : r.notes) std::printf("  %s\n", n.c_str());
        }
    }
    if (args.has("--dry-run")) {
        if (!args.has("--json")) std::printf("Dry run: nothing written (%s).\n", r.summary().c_str());
        return preview.conflicts.empty() ? kExitOk : kExitConflicts;
    }
    app::Document doc(std::move(*mine));
    doc.execute(app::Command{"Merge", std::move(outcome.changes)}, t);
    // A merge that would write a plan Footprint cannot open is a bug: say so, write nothing.
    if (const std::vector<core::Problem> bad = core::check_plan(doc.plan()); !bad.empty()) {
        std::fprintf(stderr, "footprint: the merged plan would not be valid, so nothing was written (please report this):\n");
        for (const core::Problem& p : bad) std::fprintf(stderr, "  %s\n", core::format_problem(std::string(*out), p).c_str());
        return kExitFailure;
    }
    if (!write_out(std::string(*out), core::write_plan(doc.plan()))) return kExitFailure;
    if (!args.has("--json"))
        std::printf("Wrote %s: %s.\n", std::string(*out).c_str(), r.changes() || r.conflicts ? r.summary().c_str() : "nothing to change");
    return preview.conflicts.empty() ? kExitOk : kExitConflicts;
}

// --- rollup -----------------------------------------------------------------------------------------

int run_rollup(std::span<const std::string_view> argv) {
    Args args = parse_args(argv, {}, {"--format", "--from", "--months", "--team-quota", "-o"});
    if (!args.error.empty()) return usage_error("rollup", args.error);
    if (args.positional.empty()) return usage_error("rollup", "expected one or more PLAN files");
    const std::string format(args.value("--format").value_or("text"));
    if (format != "text" && format != "csv" && format != "json")
        return usage_error("rollup", "--format is text, csv or json (got \"" + format + "\")");
    core::RollupOptions o;
    o.from = core::YearMonth::of(today_utc());
    if (auto f = args.value("--from")) {
        auto ym = core::parse_year_month(*f);
        if (!ym) return usage_error("rollup", "--from is a month like 2026-03 (got \"" + std::string(*f) + "\")");
        o.from = *ym;
    }
    if (auto m = args.value("--months")) {
        const std::string s(*m);
        char* end = nullptr;
        const long n = std::strtol(s.c_str(), &end, 10);
        if (s.empty() || *end || n < 1 || n > 36) return usage_error("rollup", "--months is 1 to 36 (got \"" + s + "\")");
        o.months = static_cast<int>(n);
    }
    if (auto q = args.value("--team-quota")) {
        const std::string s(*q);
        char* end = nullptr;
        const double dollars = std::strtod(s.c_str(), &end);
        if (s.empty() || *end || !(dollars >= 0) || dollars > 1e10)
            return usage_error("rollup", "--team-quota is dollars a month, like 150000 (got \"" + s + "\")");
        o.team_quota = static_cast<core::Cents>(dollars * 100 + 0.5);
    }
    std::vector<core::RollupPlan> plans;
    std::vector<std::string> seen;
    for (std::string_view p : args.positional) {
        const std::string path(p);
        std::optional<core::Plan> plan = load_plan(path);
        if (!plan) return kExitFailure;
        if (std::find(seen.begin(), seen.end(), plan->id) != seen.end()) {
            std::fprintf(stderr, "footprint rollup: %s: the same plan (%s) is already in the roll-up; skipped\n",
                         path.c_str(), plan->id.c_str());
            continue;
        }
        seen.push_back(plan->id);
        plans.push_back(core::make_rollup_plan(path, std::move(*plan)));
    }
    const core::Rollup r = core::make_rollup(plans, o);
    std::string text;
    if (format == "csv") {
        text = core::rollup_csv(r);
    } else if (format == "json") {
        text = core::rollup_json(r).dump(2) + "\n";
    } else {
        char line[256];
        auto row = [&](const std::string& who, const std::vector<core::MonthSummary>& months) {
            const core::MonthKpis k = core::rollup_total(months);
            std::snprintf(line, sizeof line, "%-24.24s %12s %12s %12s %12s %8s\n", who.c_str(),
                          core::format_money_rounded(k.quota).c_str(), core::format_money_rounded(k.closed_won).c_str(),
                          core::format_money_rounded(k.commit_forecast).c_str(),
                          core::format_money_rounded(k.open_pipeline).c_str(),
                          k.attainment_pct ? core::format_percent(*k.attainment_pct).c_str() : "\u2014");
            text += line;
        };
        text += "Team roll-up, " + core::format_year_month(r.from) + " for " + std::to_string(r.months) + " months, " +
                std::to_string(plans.size()) + (plans.size() == 1 ? " plan" : " plans") + "\n";
        std::snprintf(line, sizeof line, "%-24s %12s %12s %12s %12s %8s\n", "Rep", "Quota", "Closed won",
                      "Commit fcst", "Open pipe", "Attain.");
        text += line;
        for (const core::RepForecast& rep : r.reps) row(rep.rep, rep.months);
        row(r.quota_overridden ? "Team (quota set)" : "Team", r.team);
        for (const std::string& n : r.notes) text += "Note: " + n + "\n";
    }
    if (auto out = args.value("-o")) {
        if (!write_out(std::string(*out), text)) return kExitFailure;
    } else {
        std::fwrite(text.data(), 1, text.size(), stdout);
    }
    return kExitOk;
}

const Command kShareCommands[] = {
    {"share", "footprint share PLAN -o OUT [--accounts ID,ID… | --territory ID] [--redact]",
     "Write part of a plan (or all of it) as a file to share; --redact removes personal details.", run_share},
    {"merge", "footprint merge MINE THEIRS -o OUT [--prefer newer|mine|theirs] [--no-history] [--json] [--dry-run]",
     "Merge another plan's file into MINE, write OUT; exit 3 when conflicts were decided by --prefer.", run_merge},
    {"rollup", "footprint rollup PLAN… [--format text|csv|json] [--from YYYY-MM] [--months N] [--team-quota DOLLARS] [-o FILE]",
     "The team's monthly forecast by rep against the team quota.", run_rollup},
};

} // namespace

std::span<const Command> share_commands() { return kShareCommands; }

} // namespace footprint::cli
