// Sharing, merging and the team roll-up as the app runs them: big work in slices between frames,
// results applied through App::execute as one undoable command, and notices that say what happened.
#pragma once

#include "app/app.h"
#include "core/plan_merge.h"
#include "core/plan_share.h"
#include "core/rollup.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace footprint::app {

struct ShareFile {
    std::string name; // "Columbus plan — Downtown territory.footprint.json"
    std::string text;
    core::ShareCounts counts;
};

// Builds the share file and records in the open plan what was shared, so the file can be merged
// back later with every change told apart (not an undo step: nothing the person sees changes).
ShareFile share_plan(App& app, const core::ShareOptions& options);

// Merging a plan file into the open plan, one stage after another:
//   Reading    the file is read and checked (a bad file stops here with its problems),
//   Comparing  records are compared in slices, with progress,
//   Ready      the preview: counts, conflicts to decide,
// then apply() (one undoable command and a notice) or cancel() (nothing changes).
class MergeFlow {
public:
    enum class Stage { Idle, Reading, Comparing, Ready };

    // Starts with the file's bytes; the work happens in step().
    void start(App& app, std::string file_name, std::string text);
    // Works for about `budget_ms`; true while there is more to do. If the open plan changed
    // meanwhile (an undo), the comparison starts again.
    bool step(App& app, double budget_ms);
    void cancel();
    // Applies the preview with the conflicts' choices. Returns false when nothing could be applied
    // (the plan changed since the preview: it is compared again).
    bool apply(App& app);

    Stage stage() const { return stage_; }
    bool busy() const { return stage_ == Stage::Reading || stage_ == Stage::Comparing; }
    double progress() const;
    const std::string& file_name() const { return name_; }
    // Ready only.
    core::MergePreview& preview() { return *preview_; }
    const core::MergePreview& preview() const { return *preview_; }
    // What the merge would do with the conflicts decided as they are now (worked out again only
    // when a choice changes).
    const core::MergeReport& report(App& app);
    // How long the comparison took (for the bench and the status line).
    double compare_ms() const { return compare_ms_; }
    double read_ms() const { return read_ms_; }
    double longest_step_ms() const { return longest_step_ms_; } // of the comparison's slices
    double finish_ms() const { return finish_ms_; }             // the last apply: merge changes
    double execute_ms() const { return execute_ms_; }           // the last apply: the command

private:
    void restart(App& app);

    Stage stage_ = Stage::Idle;
    std::string name_, text_;
    std::shared_ptr<const core::Plan> theirs_; // kept to restart the comparison (shared, not copied)
    std::unique_ptr<core::MergeJob> job_;
    std::optional<core::MergePreview> preview_;
    std::vector<core::Side> reported_choices_;
    std::optional<core::MergeReport> report_;
    // The merge the report was computed from, for these choices: apply() reuses it (a big merge's
    // finish takes seconds in the page).
    std::optional<core::MergeOutcome> outcome_;
    std::uint64_t revision_ = 0; // of the open plan the comparison is against
    double started_ms_ = 0, compare_ms_ = 0, read_ms_ = 0, longest_step_ms_ = 0, finish_ms_ = 0, execute_ms_ = 0;
};

// The team roll-up's plans: read-only copies kept in memory for this session (never saved, never
// changed); the open plan is not among them unless added.
class TeamRollup {
public:
    // Adds a plan file. A bad file, or a plan already in the roll-up, is refused with a notice.
    bool add(App& app, const std::string& file_name, const std::string& text);
    // Adds a copy of the open plan as it is now.
    bool add_open_plan(App& app);
    void remove(std::size_t i);
    const std::vector<core::RollupPlan>& plans() const { return plans_; }
    // The roll-up for these options, recomputed only when they or the plans change.
    const core::Rollup& rollup(const core::RollupOptions& options);
    std::uint64_t version() const { return version_; }

private:
    bool add_plan(App& app, const std::string& file_name, core::Plan plan);

    std::vector<core::RollupPlan> plans_;
    std::uint64_t version_ = 1;
    std::uint64_t computed_version_ = 0;
    core::RollupOptions computed_for_;
    core::Rollup rollup_;
};

} // namespace footprint::app
