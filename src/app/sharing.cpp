// Share files, the merge flow and the team roll-up's plans, for the UI and the test API alike.
#include "app/sharing.h"

#include "core/format.h"
#include "core/plan_json.h"

#include <algorithm>

namespace footprint::app {

namespace {

// The first problems of a file that is not a valid plan, as notice details.
std::vector<std::string> problem_lines(const std::string& file_name, const std::vector<core::Problem>& problems) {
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < problems.size() && i < 8; ++i) lines.push_back(core::format_problem(file_name, problems[i]));
    if (problems.size() > 8) lines.push_back("… and " + std::to_string(problems.size() - 8) + " more problems");
    return lines;
}

} // namespace

ShareFile share_plan(App& app, const core::ShareOptions& options) {
    const core::Timestamp now = app.clock().wall();
    core::ShareResult s = core::make_share(app.plan(), options, app.ids().next("plan"), now);
    app.doc().apply_without_history(core::PutSyncPeer{std::move(s.memory)}, now); // autosave sees it
    return ShareFile{std::move(s.file_name), core::write_plan(s.file), s.counts};
}

// --- merging -------------------------------------------------------------------------------------

void MergeFlow::start(App& app, std::string file_name, std::string text) {
    cancel();
    name_ = std::move(file_name);
    text_ = std::move(text);
    stage_ = Stage::Reading;
    started_ms_ = app.clock().monotonic_ms();
}

void MergeFlow::restart(App& app) {
    longest_step_ms_ = 0;
    preview_.reset();
    report_.reset();
    outcome_.reset();
    job_ = std::make_unique<core::MergeJob>(app.plan(), theirs_);
    revision_ = app.doc().revision();
    stage_ = Stage::Comparing;
    started_ms_ = app.clock().monotonic_ms();
}

bool MergeFlow::step(App& app, double budget_ms) {
    const double t0 = app.clock().monotonic_ms();
    if (stage_ == Stage::Reading) {
        // One piece: the plan reader does not stop half way (a 270 MB file takes seconds).
        core::LoadResult r = core::read_plan(text_);
        read_ms_ = app.clock().monotonic_ms() - t0;
        std::string().swap(text_);
        if (!r.plan) {
            app.notify(Notice::Kind::Error, "Could not merge " + name_,
                       "This file is not a valid Footprint plan. Your plan was not changed.",
                       problem_lines(name_, r.problems), true);
            cancel();
            return false;
        }
        if (r.plan->id == app.plan().id && !r.plan->share && r.plan->modified == app.plan().modified) {
            app.notify(Notice::Kind::Info, "Nothing to merge", name_ + " is a copy of your plan as it is now.");
            cancel();
            return false;
        }
        theirs_ = std::make_shared<const core::Plan>(std::move(*r.plan));
        restart(app);
        return true;
    }
    if (stage_ != Stage::Comparing) return false;
    if (app.doc().revision() != revision_) restart(app); // the plan changed under the comparison
    // Small steps (a few ms each, even in WebAssembly) until the frame's budget is spent.
    bool done = false;
    while (!done && app.clock().monotonic_ms() - t0 < budget_ms) done = job_->step(250);
    if (done) {
        preview_ = job_->take();
        job_.reset();
        compare_ms_ = app.clock().monotonic_ms() - started_ms_;
        stage_ = Stage::Ready;
    }
    longest_step_ms_ = std::max(longest_step_ms_, app.clock().monotonic_ms() - t0);
    return !done;
}

const core::MergeReport& MergeFlow::report(App& app) {
    std::vector<core::Side> choices;
    choices.reserve(preview_->conflicts.size());
    for (const core::MergeConflict& c : preview_->conflicts) choices.push_back(c.choice);
    if (!report_ || choices != reported_choices_) {
        outcome_.reset();
        if (app.doc().revision() == revision_) outcome_ = core::finish_merge(app.plan(), *preview_, app.clock().wall());
        report_ = outcome_ ? outcome_->report : preview_->report;
        reported_choices_ = std::move(choices);
    }
    return *report_;
}

double MergeFlow::progress() const {
    switch (stage_) {
    case Stage::Reading: return 0.0;
    case Stage::Comparing: return job_ ? job_->progress() : 0.0;
    default: return 1.0;
    }
}

void MergeFlow::cancel() {
    stage_ = Stage::Idle;
    job_.reset();
    preview_.reset();
    report_.reset();
    outcome_.reset();
    theirs_.reset();
    std::string().swap(text_);
}

bool MergeFlow::apply(App& app) {
    if (stage_ != Stage::Ready) return false;
    if (app.doc().revision() != revision_) {
        restart(app);
        app.notify(Notice::Kind::Warning, "Compared again",
                   "Your plan changed while the preview was open, so " + name_ +
                       " is being compared with it again. Check the conflicts, then merge.");
        return false;
    }
    double t0 = app.clock().monotonic_ms();
    std::vector<core::Side> choices;
    for (const core::MergeConflict& c : preview_->conflicts) choices.push_back(c.choice);
    core::MergeOutcome out = outcome_ && choices == reported_choices_
                                 ? std::move(*outcome_)
                                 : core::finish_merge(app.plan(), *preview_, app.clock().wall());
    outcome_.reset();
    finish_ms_ = app.clock().monotonic_ms() - t0;
    const core::MergeReport& r = out.report;
    const int records = r.changes();
    if (out.changes.empty() || (records == 0 && r.conflicts == 0 && out.changes.size() <= 1)) {
        // Only the record of the exchange changes: still saved, so the next merge knows.
        if (!out.changes.empty()) app.execute(Command{"Merge " + name_, std::move(out.changes)});
        app.notify(Notice::Kind::Info, "Nothing to merge",
                   "Your plan already has everything in " + name_ + ".");
        cancel();
        return true;
    }
    std::string label = "Merge " + name_ + " (" + core::format_count(records) + (records == 1 ? " change)" : " changes)");
    t0 = app.clock().monotonic_ms();
    app.execute(Command{std::move(label), std::move(out.changes)});
    execute_ms_ = app.clock().monotonic_ms() - t0;
    std::vector<std::string> details = r.notes;
    if (details.size() > 6) {
        details.resize(6);
        details.push_back("… and " + std::to_string(r.notes.size() - 6) + " more");
    }
    app.notify(Notice::Kind::Success, "Merged " + name_,
               r.summary() + ". Undo (Ctrl+Z) takes the whole merge back.", std::move(details));
    cancel();
    return true;
}

// --- the team roll-up ----------------------------------------------------------------------------

bool TeamRollup::add_plan(App& app, const std::string& file_name, core::Plan plan) {
    for (const core::RollupPlan& p : plans_)
        if (p.plan.id == plan.id) {
            app.notify(Notice::Kind::Warning, "Already in the roll-up",
                       file_name + " is the same plan as " + p.file_name + " (\u201c" + p.plan.name + "\u201d).");
            return false;
        }
    plans_.push_back(core::make_rollup_plan(file_name, std::move(plan)));
    ++version_;
    return true;
}

bool TeamRollup::add(App& app, const std::string& file_name, const std::string& text) {
    core::LoadResult r = core::read_plan(text);
    if (!r.plan) {
        app.notify(Notice::Kind::Error, "Could not add " + file_name,
                   "This file is not a valid Footprint plan, so it is not in the roll-up.",
                   problem_lines(file_name, r.problems), true);
        return false;
    }
    return add_plan(app, file_name, std::move(*r.plan));
}

bool TeamRollup::add_open_plan(App& app) { return add_plan(app, "Open plan", app.plan()); }

void TeamRollup::remove(std::size_t i) {
    if (i >= plans_.size()) return;
    plans_.erase(plans_.begin() + static_cast<std::ptrdiff_t>(i));
    ++version_;
}

const core::Rollup& TeamRollup::rollup(const core::RollupOptions& options) {
    const bool same = computed_version_ == version_ && computed_for_.from == options.from &&
                      computed_for_.months == options.months && computed_for_.team_quota == options.team_quota;
    if (!same) {
        rollup_ = core::make_rollup(plans_, options);
        computed_for_ = options;
        computed_version_ = version_;
    }
    return rollup_;
}

} // namespace footprint::app
