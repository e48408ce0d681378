// The autosave state machine: debounce, sliced serialisation, write, then one sync at a time.
#include "app/save.h"

#include "core/plan_journal.h"

#include <cstdio>

namespace footprint::app {

static_assert(Document::kTouchedCap > SaveScheduler::kJournalMaxRecords,
              "a capped touched set must mean a snapshot the journal would have refused anyway");

void SaveScheduler::mark_clean(Document& doc) {
    doc.take_touched(); // what was loaded is already stored: the next edit is a journal entry
    need_snapshot_ = false;
    seen_revision_ = written_revision_ = durable_revision_ = doc.revision();
    dirty_ = false;
    writer_.reset();
}

void SaveScheduler::mark_dirty(double now_ms) {
    dirty_ = true;
    need_snapshot_ = true;
    last_change_ms_ = now_ms - kDebounceMs; // no reason to wait
    pending_since_ms_ = now_ms;
}

SaveState SaveScheduler::state() const {
    if (!error_.empty() && (dirty_ || written_revision_ != durable_revision_))
        return SaveState::Error;
    if (writer_ || syncing_) return SaveState::Saving;
    if (dirty_ || written_revision_ != durable_revision_) return SaveState::Pending;
    return SaveState::Saved;
}

double SaveScheduler::progress() const { return writer_ ? writer_->progress() : 0.0; }

void SaveScheduler::note_change(const Document& doc, double now_ms) {
    if (doc.revision() == seen_revision_) return;
    if (!dirty_ && !writer_) pending_since_ms_ = now_ms;
    seen_revision_ = doc.revision();
    last_change_ms_ = now_ms;
    dirty_ = true;
}

bool SaveScheduler::wants_snapshot(const Document& doc) const {
    const core::TouchedSet& t = doc.touched();
    return need_snapshot_ || t.everything || t.records() > kJournalMaxRecords ||
           journal_entries_ >= kJournalMaxEntries;
}

bool SaveScheduler::write_journal(Document& doc, double now_ms, SaveSink& sink) {
    const std::uint64_t revision = doc.revision();
    core::TouchedSet touched = doc.take_touched();
    std::string text = core::write_journal_entry(doc.plan(), doc.index(), touched);
    std::string err;
    if (!sink.write_journal(text, err)) {
        // What this entry held is only in memory now: the next save writes everything.
        need_snapshot_ = true;
        error_ = "Could not write the plan (" + err +
                 "). Your last saved plan is intact; export the plan to keep your latest changes.";
        last_error_ = SyncError::Other;
        dirty_ = true;
        last_change_ms_ = now_ms + 2000;
        return false;
    }
    ++journal_entries_;
    dirty_ = false;
    written_revision_ = revision;
    request_sync(sink, now_ms);
    return true;
}

void SaveScheduler::frame(Document& doc, SaveSink& sink, const std::function<double()>& clock,
                          double budget_ms) {
    const double start = clock();
    note_change(doc, start);
    // An edit while serialising makes the half-written text stale: start again after the debounce.
    if (writer_ && writing_revision_ != doc.revision()) writer_.reset();
    if (!writer_) {
        if (!dirty_ || start - last_change_ms_ < kDebounceMs) return;
        if (!wants_snapshot(doc)) {
            write_journal(doc, start, sink);
            return;
        }
        // A snapshot holds everything, so what was touched so far needs no journal entry; if it
        // is abandoned (an edit while serialising) the next attempt is a snapshot again.
        doc.take_touched();
        need_snapshot_ = true;
        writer_ = std::make_unique<core::PlanWriter>(doc.plan());
        writing_revision_ = doc.revision();
        dirty_ = false;
    }
    constexpr std::size_t kSlice = 2000; // records per slice: well under a millisecond natively
    while (!writer_->step(kSlice))
        if (clock() - start >= budget_ms) return;
    std::string text = writer_->take();
    writer_.reset();
    finish_write(std::move(text), clock(), sink);
}

void SaveScheduler::flush(Document& doc, double now_ms, SaveSink& sink) {
    note_change(doc, now_ms);
    if (!dirty_ && !writer_) return;
    writer_.reset();
    if (!wants_snapshot(doc)) {
        write_journal(doc, now_ms, sink);
        return;
    }
    doc.take_touched();
    need_snapshot_ = true;
    writing_revision_ = doc.revision();
    dirty_ = false;
    finish_write(core::write_plan(doc.plan()), now_ms, sink);
}

void SaveScheduler::finish_write(std::string text, double now_ms, SaveSink& sink) {
    std::string err;
    if (!sink.write_save(text, err)) {
        error_ = "Could not write the plan (" + err +
                 "). Your last saved plan is intact; export the plan to keep your latest changes.";
        last_error_ = SyncError::Other;
        dirty_ = true;
        last_change_ms_ = now_ms + 2000; // retry in a couple of seconds, not every frame
        return;
    }
    written_revision_ = writing_revision_;
    need_snapshot_ = false;
    journal_entries_ = 0;
    ++snapshots_written_;
    request_sync(sink, now_ms);
}

void SaveScheduler::request_sync(SaveSink& sink, double now_ms) {
    if (syncing_) {
        sync_queued_ = true; // a change during a sync queues exactly one more
        return;
    }
    syncing_ = true;
    syncing_revision_ = written_revision_;
    syncing_since_ms_ = pending_since_ms_;
    pending_since_ms_ = now_ms;
    ++syncs_started_;
    sink.start_sync();
}

void SaveScheduler::on_sync_done(SyncError error, const std::string& message, core::Timestamp wall,
                                 double now_ms, SaveSink& sink) {
    syncing_ = false;
    last_error_ = error;
    if (error == SyncError::None) {
        durable_revision_ = syncing_revision_;
        last_saved_ = wall;
        last_save_ms_ = now_ms - syncing_since_ms_;
        error_.clear();
    } else {
        error_ = std::string(error == SyncError::QuotaExceeded ? "Browser storage is full"
                                                               : "Saving to browser storage failed") +
                 " (" + message +
                 "). Your last saved plan is intact; export the plan to keep your latest changes.";
    }
    if (sync_queued_) {
        sync_queued_ = false;
        request_sync(sink, now_ms);
    }
}

std::string save_file_name(std::uint64_t sequence) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "save-%012llu.json", static_cast<unsigned long long>(sequence));
    return buf;
}

std::optional<std::uint64_t> save_sequence(const std::string& name) {
    if (name.size() != 22 || name.rfind("save-", 0) != 0 || name.substr(17) != ".json")
        return std::nullopt;
    std::uint64_t v = 0;
    for (std::size_t i = 5; i < 17; ++i) {
        if (name[i] < '0' || name[i] > '9') return std::nullopt;
        v = v * 10 + static_cast<std::uint64_t>(name[i] - '0');
    }
    return v;
}

std::string journal_file_name(std::uint64_t snapshot_sequence, std::uint64_t entry) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "save-%012llu.journal-%06llu.json",
                  static_cast<unsigned long long>(snapshot_sequence),
                  static_cast<unsigned long long>(entry));
    return buf;
}

std::optional<std::pair<std::uint64_t, std::uint64_t>> journal_sequence(const std::string& name) {
    // save-000000000042.journal-000001.json
    if (name.size() != 37 || name.rfind("save-", 0) != 0 || name.compare(17, 9, ".journal-") != 0 ||
        name.compare(32, 5, ".json") != 0)
        return std::nullopt;
    auto digits = [&](std::size_t from, std::size_t to) -> std::optional<std::uint64_t> {
        std::uint64_t v = 0;
        for (std::size_t i = from; i < to; ++i) {
            if (name[i] < '0' || name[i] > '9') return std::nullopt;
            v = v * 10 + static_cast<std::uint64_t>(name[i] - '0');
        }
        return v;
    };
    auto snap = digits(5, 17);
    auto entry = digits(26, 32);
    if (!snap || !entry) return std::nullopt;
    return std::make_pair(*snap, *entry);
}

namespace {

void replay_journal(StartupResult& r, const std::string& snapshot_name, const ReadFile& read,
                    const std::function<std::vector<std::string>(const std::string&)>& journal_of) {
    if (!journal_of) return;
    std::vector<std::string> entries = journal_of(snapshot_name);
    if (entries.empty()) return;
    core::Plan plan = *r.plan; // the snapshot alone stays as the fallback
    core::PlanIndex index;
    index.rebuild(plan);
    int applied = 0;
    for (const std::string& name : entries) {
        std::optional<std::string> text = read(name);
        std::vector<core::Problem> problems;
        if (!text || !core::apply_journal_entry(plan, index, *text, problems)) {
            r.journal_broken = true;
            r.skipped.push_back(problems.empty() ? name + ": could not be read"
                                                 : core::format_problem(name, problems.front()));
            break;
        }
        ++applied;
    }
    std::vector<core::Problem> problems = core::check_plan(plan);
    if (!problems.empty()) {
        r.journal_broken = true;
        r.skipped.push_back(core::format_problem(entries.front(), problems.front()) +
                            " (after replaying the journal; opened the snapshot alone)");
        return;
    }
    r.plan = std::move(plan);
    r.journal_applied = applied;
}

} // namespace

StartupResult open_newest_good_save(
    const std::vector<std::string>& names_newest_first, const ReadFile& read,
    const std::function<std::vector<std::string>(const std::string&)>& journal_of) {
    StartupResult r;
    for (const std::string& name : names_newest_first) {
        std::optional<std::string> text = read(name);
        if (!text) {
            r.skipped.push_back(name + ": could not be read");
            continue;
        }
        core::LoadResult lr = core::read_plan(*text);
        if (lr.plan) {
            r.plan = std::move(lr.plan);
            r.opened = name;
            replay_journal(r, name, read, journal_of);
            return r;
        }
        r.skipped.push_back(lr.problems.empty() ? name + ": not a plan"
                                                : core::format_problem(name, lr.problems.front()));
    }
    return r;
}

} // namespace footprint::app
