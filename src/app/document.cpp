// Undo keeps the inverse of each primitive change; undoing applies them in reverse order.
#include "app/document.h"

#include "core/plan_sync.h"

#include <algorithm>

namespace footprint::app {

Document::Document() { index_.rebuild(plan_); }

Document::Document(core::Plan plan) : plan_(std::move(plan)) { index_.rebuild(plan_); }

void Document::reset(core::Plan plan) {
    plan_ = std::move(plan);
    index_.rebuild(plan_);
    undo_.clear();
    redo_.clear();
    ++revision_;
    ++generation_;
    touched_ = core::TouchedSet{};
    touched_.everything = true;
}

std::vector<core::Change> Document::apply_all(std::vector<core::Change> changes,
                                              core::Timestamp now) {
    std::vector<core::Change> inverse;
    inverse.reserve(changes.size());
    for (auto& c : changes) {
        touched_.note(c);
        if (std::holds_alternative<core::ReplacePlan>(c)) ++generation_; // views start afresh
        inverse.push_back(core::apply_change(plan_, index_, std::move(c), now));
    }
    std::reverse(inverse.begin(), inverse.end());
    return inverse;
}

void Document::execute(Command command, core::Timestamp now) {
    if (command.changes.empty()) return;
    // A record that changes after an exchange with another plan keeps its exchanged version, so
    // a later merge can tell which side changed which field (core/plan_sync.h).
    core::keep_base_copies(plan_, index_, command.changes);
    Entry e{std::move(command.label), apply_all(std::move(command.changes), now)};
    undo_.push_back(std::move(e));
    while (undo_.size() > limit_) undo_.pop_front();
    redo_.clear();
    ++revision_;
}

void Document::apply_without_history(core::Change change, core::Timestamp now) {
    touched_.note(change);
    core::apply_change(plan_, index_, std::move(change), now);
    ++revision_;
}

bool Document::undo(core::Timestamp now) {
    if (undo_.empty()) return false;
    Entry e = std::move(undo_.back());
    undo_.pop_back();
    redo_.push_back(Entry{std::move(e.label), apply_all(std::move(e.inverse), now)});
    ++revision_;
    return true;
}

bool Document::redo(core::Timestamp now) {
    if (redo_.empty()) return false;
    Entry e = std::move(redo_.back());
    redo_.pop_back();
    undo_.push_back(Entry{std::move(e.label), apply_all(std::move(e.inverse), now)});
    ++revision_;
    return true;
}

const std::string& Document::undo_label() const {
    static const std::string kNone;
    return undo_.empty() ? kNone : undo_.back().label;
}

const std::string& Document::redo_label() const {
    static const std::string kNone;
    return redo_.empty() ? kNone : redo_.back().label;
}

} // namespace footprint::app
