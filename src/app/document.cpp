// Undo keeps the inverse of each primitive change; undoing applies them in reverse order.
#include "app/document.h"

#include "core/plan_sync.h"

#include <algorithm>
#include <limits>

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
    step_ = core::TouchedSet{};
    log_.clear();
}

void Document::log_step() {
    log_.emplace_back(revision_, std::exchange(step_, core::TouchedSet{}));
    while (log_.size() > kChangeLog) log_.pop_front();
}

std::optional<core::TouchedSet> Document::changes_since(std::uint64_t revision) const {
    if (revision == revision_) return core::TouchedSet{};
    if (revision > revision_ || log_.empty() || log_.front().first > revision + 1) return std::nullopt;
    core::TouchedSet out;
    for (const auto& [rev, changed] : log_)
        if (rev > revision) out.merge(changed);
    if (out.everything) return std::nullopt;
    return out;
}

std::vector<core::Change> Document::apply_all(std::vector<core::Change> changes,
                                              core::Timestamp now) {
    std::vector<core::Change> inverse;
    inverse.reserve(changes.size());
    reserve_for(changes);
    for (auto& c : changes) {
        note_touched(c);
        if (std::holds_alternative<core::ReplacePlan>(c)) ++generation_; // views start afresh
        inverse.push_back(core::apply_change(plan_, index_, std::move(c), now));
    }
    std::reverse(inverse.begin(), inverse.end());
    return inverse;
}

void Document::reserve_for(const std::vector<core::Change>& changes) {
    // Appending many records: grow the vectors once, not by doubling (each step moving them all).
    if (changes.size() < 1000) return;
    std::size_t accounts = 0, opportunities = 0;
    for (const core::Change& c : changes) {
        accounts += std::holds_alternative<core::Put<core::Account>>(c);
        opportunities += std::holds_alternative<core::Put<core::Opportunity>>(c);
    }
    plan_.accounts.reserve(plan_.accounts.size() + accounts);
    plan_.opportunities.reserve(plan_.opportunities.size() + opportunities);
}

void Document::note_touched(const core::Change& c) {
    // Past the caps a journal entry would not take them anyway (autosave writes a snapshot), and a
    // view is better off rebuilding than patching thousands of records.
    auto note = [&c](core::TouchedSet& set, std::size_t cap) {
        if (set.everything) return;
        set.note(c);
        if (set.records() > cap) {
            set = core::TouchedSet{};
            set.everything = true;
        }
    };
    note(touched_, kTouchedCap);
    note(step_, kStepCap);
}

void Document::execute(Command command, core::Timestamp now) {
    finish_sliced(now);
    if (command.changes.empty()) return;
    // A record that changes after an exchange with another plan keeps its exchanged version, so
    // a later merge can tell which side changed which field (core/plan_sync.h).
    core::keep_base_copies(plan_, index_, command.changes);
    Entry e{std::move(command.label), apply_all(std::move(command.changes), now)};
    undo_.push_back(std::move(e));
    while (undo_.size() > limit_) undo_.pop_front();
    redo_.clear();
    ++revision_;
    log_step();
}

void Document::apply_without_history(core::Change change, core::Timestamp now) {
    finish_sliced(now);
    note_touched(change);
    core::apply_change(plan_, index_, std::move(change), now);
    ++revision_;
    log_step();
}

bool Document::undo(core::Timestamp now) {
    finish_sliced(now);
    if (undo_.empty()) return false;
    Entry e = std::move(undo_.back());
    undo_.pop_back();
    redo_.push_back(Entry{std::move(e.label), apply_all(std::move(e.inverse), now)});
    ++revision_;
    log_step();
    return true;
}

bool Document::redo(core::Timestamp now) {
    finish_sliced(now);
    if (redo_.empty()) return false;
    Entry e = std::move(redo_.back());
    redo_.pop_back();
    undo_.push_back(Entry{std::move(e.label), apply_all(std::move(e.inverse), now)});
    ++revision_;
    log_step();
    return true;
}

void Document::begin_sliced(Command command, core::Timestamp now) {
    finish_sliced(now);
    sliced_ = std::make_unique<Sliced>();
    sliced_->kind = Sliced::Kind::Execute;
    sliced_->label = std::move(command.label);
    core::keep_base_copies(plan_, index_, command.changes); // as execute() does
    sliced_->changes = std::move(command.changes);
    sliced_->inverse.reserve(sliced_->changes.size());
}

bool Document::begin_undo_sliced(core::Timestamp now) {
    finish_sliced(now);
    if (undo_.empty()) return false;
    sliced_ = std::make_unique<Sliced>();
    sliced_->kind = Sliced::Kind::Undo;
    sliced_->label = std::move(undo_.back().label);
    sliced_->changes = std::move(undo_.back().inverse);
    undo_.pop_back();
    sliced_->inverse.reserve(sliced_->changes.size());
    return true;
}

bool Document::begin_redo_sliced(core::Timestamp now) {
    finish_sliced(now);
    if (redo_.empty()) return false;
    sliced_ = std::make_unique<Sliced>();
    sliced_->kind = Sliced::Kind::Redo;
    sliced_->label = std::move(redo_.back().label);
    sliced_->changes = std::move(redo_.back().inverse);
    redo_.pop_back();
    sliced_->inverse.reserve(sliced_->changes.size());
    return true;
}

bool Document::apply_slice(std::size_t max_changes, core::Timestamp now) {
    if (!sliced_) return true;
    Sliced& s = *sliced_;
    const std::size_t end = std::min(s.changes.size(), s.next + std::max<std::size_t>(max_changes, 1));
    if (s.next == 0) reserve_for(s.changes);
    for (; s.next < end; ++s.next) {
        core::Change& c = s.changes[s.next];
        note_touched(c);
        if (std::holds_alternative<core::ReplacePlan>(c)) ++generation_;
        s.inverse.push_back(core::apply_change(plan_, index_, std::move(c), now));
    }
    ++revision_;
    log_step();
    if (s.next < s.changes.size()) return false;
    std::reverse(s.inverse.begin(), s.inverse.end());
    Entry e{std::move(s.label), std::move(s.inverse)};
    const Sliced::Kind kind = s.kind;
    sliced_.reset();
    if (kind == Sliced::Kind::Undo) {
        redo_.push_back(std::move(e));
    } else {
        undo_.push_back(std::move(e));
        while (undo_.size() > limit_) undo_.pop_front();
        if (kind == Sliced::Kind::Execute) redo_.clear();
    }
    return true;
}

void Document::finish_sliced(core::Timestamp now) {
    while (sliced_) apply_slice(std::numeric_limits<std::size_t>::max() / 2, now);
}

void Document::cancel_sliced(core::Timestamp now) {
    if (!sliced_) return;
    std::unique_ptr<Sliced> s = std::move(sliced_);
    std::reverse(s->inverse.begin(), s->inverse.end());
    // Undoing the applied part gives back those changes, in their original order.
    std::vector<core::Change> restored = apply_all(std::move(s->inverse), now);
    // An undo or redo that is abandoned goes back on its stack as it was.
    if (s->kind != Sliced::Kind::Execute) {
        for (std::size_t i = s->next; i < s->changes.size(); ++i)
            restored.push_back(std::move(s->changes[i]));
        (s->kind == Sliced::Kind::Undo ? undo_ : redo_)
            .push_back(Entry{std::move(s->label), std::move(restored)});
    }
    ++revision_;
    log_step();
}

double Document::slicing_progress() const {
    if (!sliced_ || sliced_->changes.empty()) return 1.0;
    return static_cast<double>(sliced_->next) / static_cast<double>(sliced_->changes.size());
}

const std::string& Document::slicing_label() const {
    static const std::string kNone;
    return sliced_ ? sliced_->label : kNone;
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
