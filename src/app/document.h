// The open plan with its undo/redo history: every edit goes through execute() as a Command.
#pragma once

#include "core/plan_edit.h"

#include <cstdint>
#include <deque>
#include <string>
#include <utility>
#include <vector>

namespace footprint::app {

// A user-level edit: one or many primitive changes that undo and redo as one step.
struct Command {
    std::string label; // "Edit account", "Import 1,204 accounts"
    std::vector<core::Change> changes;
};

class Document {
public:
    static constexpr std::size_t kDefaultUndoLimit = 500;

    Document();
    explicit Document(core::Plan plan);

    const core::Plan& plan() const { return plan_; }
    const core::PlanIndex& index() const { return index_; }

    // Replaces the whole plan (open, new, load): history is cleared.
    void reset(core::Plan plan);

    void execute(Command command, core::Timestamp now);
    // A change that is not the person's edit (what a share file was made from, kept for merging
    // it back later): saved like any change, but no undo step.
    void apply_without_history(core::Change change, core::Timestamp now);
    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    bool undo(core::Timestamp now);
    bool redo(core::Timestamp now);
    const std::string& undo_label() const;
    const std::string& redo_label() const;
    std::size_t undo_depth() const { return undo_.size(); }
    void set_undo_limit(std::size_t limit) { limit_ = limit; }

    // Bumps on every change of the plan (edit, undo, redo, reset): autosave and views watch it.
    std::uint64_t revision() const { return revision_; }
    // Bumps when a different plan is open (reset, or a ReplacePlan change and its undo).
    std::uint64_t generation() const { return generation_; }

    // What changed since the last take_touched(): autosave journals exactly these records.
    const core::TouchedSet& touched() const { return touched_; }
    core::TouchedSet take_touched() { return std::exchange(touched_, core::TouchedSet{}); }

private:
    struct Entry {
        std::string label;
        std::vector<core::Change> inverse; // in the order they must be applied
    };
    std::vector<core::Change> apply_all(std::vector<core::Change> changes, core::Timestamp now);

    core::Plan plan_;
    core::PlanIndex index_;
    std::deque<Entry> undo_;
    std::deque<Entry> redo_;
    std::size_t limit_ = kDefaultUndoLimit;
    std::uint64_t revision_ = 0;
    std::uint64_t generation_ = 0;
    core::TouchedSet touched_;
};

} // namespace footprint::app
