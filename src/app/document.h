// The open plan with its undo/redo history: every edit goes through execute() as a Command.
#pragma once

#include "core/plan_edit.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
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
    // Primitive changes the next undo / redo would apply (big ones are worth slicing).
    std::size_t undo_size() const { return undo_.empty() ? 0 : undo_.back().inverse.size(); }
    std::size_t redo_size() const { return redo_.empty() ? 0 : redo_.back().inverse.size(); }

    // --- commands too big for one frame ------------------------------------------------------
    // An import of 100,000 accounts (or its undo) is applied a slice at a time so no frame
    // stalls, and is still one undo step: begin it, call apply_slice() each frame until it
    // returns true. Each slice bumps revision() (views and autosave see a plan that changed;
    // autosave waits for the edits to stop). cancel_sliced() puts back what was applied. While
    // one runs, execute(), undo() and redo() first finish it.
    void begin_sliced(Command command, core::Timestamp now);
    bool begin_undo_sliced(core::Timestamp now); // false when there is nothing to undo
    bool begin_redo_sliced(core::Timestamp now);
    bool apply_slice(std::size_t max_changes, core::Timestamp now);
    void cancel_sliced(core::Timestamp now);
    bool slicing() const { return sliced_ != nullptr; }
    double slicing_progress() const;
    const std::string& slicing_label() const;
    bool slicing_undo() const { return sliced_ && sliced_->kind == Sliced::Kind::Undo; }
    std::size_t undo_depth() const { return undo_.size(); }
    void set_undo_limit(std::size_t limit) { limit_ = limit; }

    // Bumps on every change of the plan (edit, undo, redo, reset): autosave and views watch it.
    std::uint64_t revision() const { return revision_; }
    // Bumps when a different plan is open (reset, or a ReplacePlan change and its undo).
    std::uint64_t generation() const { return generation_; }

    // What changed since the last take_touched(): autosave journals exactly these records.
    const core::TouchedSet& touched() const { return touched_; }
    // touched() says `everything` (autosave: a snapshot) once it holds more records than this.
    static constexpr std::size_t kTouchedCap = 4096;
    core::TouchedSet take_touched() { return std::exchange(touched_, core::TouchedSet{}); }

    // What changed from `revision` to now, for a view that updates what it derived instead of
    // recomputing it all: nullopt when that is further back than the last kChangeLog steps (an
    // edit, undo, redo or slice), when the plan was reset or replaced since, or when a step touched
    // more than kStepCap records. Independent of take_touched().
    static constexpr std::size_t kChangeLog = 32;
    static constexpr std::size_t kStepCap = 4096;
    std::optional<core::TouchedSet> changes_since(std::uint64_t revision) const;

private:
    struct Entry {
        std::string label;
        std::vector<core::Change> inverse; // in the order they must be applied
    };
    std::vector<core::Change> apply_all(std::vector<core::Change> changes, core::Timestamp now);
    void finish_sliced(core::Timestamp now);
    void note_touched(const core::Change& c);
    void reserve_for(const std::vector<core::Change>& changes);
    void log_step(); // after ++revision_: records what the step changed

    struct Sliced {
        enum class Kind { Execute, Undo, Redo } kind = Kind::Execute;
        std::string label;
        std::vector<core::Change> changes;
        std::size_t next = 0;
        std::vector<core::Change> inverse; // of the changes applied so far, in applied order
    };
    std::unique_ptr<Sliced> sliced_;

    core::Plan plan_;
    core::PlanIndex index_;
    std::deque<Entry> undo_;
    std::deque<Entry> redo_;
    std::size_t limit_ = kDefaultUndoLimit;
    std::uint64_t revision_ = 0;
    std::uint64_t generation_ = 0;
    core::TouchedSet touched_;
    core::TouchedSet step_;                                     // the step being applied
    std::deque<std::pair<std::uint64_t, core::TouchedSet>> log_; // (revision after, what changed)
};

} // namespace footprint::app
