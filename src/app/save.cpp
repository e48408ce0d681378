// The autosave state machine: debounce, sliced serialisation, write, then one sync at a time.
#include "app/save.h"

#include "core/plan_journal.h"

#include <cstdio>
#include <limits>

namespace footprint::app {

static_assert(Document::kTouchedCap > SaveScheduler::kJournalMaxRecords,
              "a capped touched set must mean a snapshot the journal would have refused anyway");

void SaveScheduler::mark_clean(Document& doc) {
    doc.take_touched(); // what was loaded is already stored: the next edit is a journal entry
    need_snapshot_ = false;
    seen_revision_ = written_revision_ = durable_revision_ = doc.revision();
    dirty_ = false;
    writer_.reset();
    // Every change stamps the plan, and each was stored within moments: "Saved 3 min ago".
    if (doc.plan().modified.ms > 0) last_saved_ = doc.plan().modified;
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
    return need_snapshot_ || t.everything || t.records() > kJournalMaxRecords;
}

// A long journal is folded into a new snapshot, but only in a pause: an edit abandons a snapshot
// being written, so while the person keeps editing, their changes go on into the journal.
bool SaveScheduler::compaction_due(double now_ms) const {
    return journal_entries_ >= kJournalMaxEntries && !dirty_ && now_ms - last_change_ms_ >= kCompactQuietMs &&
           now_ms >= retry_at_ms_;
}

bool SaveScheduler::write_journal(Document& doc, double now_ms, SaveSink& sink) {
    const std::uint64_t revision = doc.revision();
    core::TouchedSet touched = doc.take_touched();
    std::string text = core::write_journal_entry(doc.plan(), doc.index(), touched);
    std::string err;
    if (!sink.write_journal(text, err)) {
        // What this entry held is only in memory now: the next save writes everything.
        write_failed(err, now_ms);
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
    // An edit while serialising makes the half-written snapshot stale: start again after the
    // debounce (the records already written may have moved).
    if (writer_ && writing_revision_ != doc.revision()) {
        writer_.reset();
        sink.abort_save();
        dirty_ = true; // unsaved since pending_since_ms_ all along: the wait does not start again
    }
    note_change(doc, start);
    // Files written but not yet durable after a failed sync: push them again now and then.
    if (!syncing_ && last_error_ != SyncError::None && written_revision_ != durable_revision_ &&
        start - sync_failed_ms_ >= kSyncRetryMs)
        request_sync(sink, start);
    // A sliced command (an import applied over many frames) is one step: never store half of it.
    if (!writer_ && doc.slicing()) return;
    if (!writer_) {
        if (dirty_) {
            // Wait for a pause in the editing, but never longer than kMaxDelayMs after the first
            // unsaved change: someone who keeps editing still has everything but the last moment
            // saved.
            if (start < retry_at_ms_) return;
            if (start - last_change_ms_ < kDebounceMs && start - pending_since_ms_ < kMaxDelayMs) return;
            if (!wants_snapshot(doc)) {
                write_journal(doc, start, sink);
                return;
            }
        } else if (!compaction_due(start)) {
            return;
        }
        if (!start_snapshot(doc, start, sink)) return;
    }
    constexpr std::size_t kSlice = 1000; // records per slice (serialised and compressed): ~1 ms
    while (!writer_->step(kSlice))
        if (clock() - start >= budget_ms) return;
    finish_snapshot(doc, clock(), sink);
}

bool SaveScheduler::start_snapshot(Document& doc, double now_ms, SaveSink& sink) {
    // What was touched stays noted until the snapshot is complete: if an edit abandons it, a
    // journal entry can still carry everything since the last one (unless a snapshot is needed
    // anyway: a new plan, a big change).
    writing_revision_ = doc.revision();
    dirty_ = false;
    std::string err;
    core::ByteSink* out = sink.begin_save(err);
    if (!out) {
        write_failed(err, now_ms);
        return false;
    }
    writer_ = std::make_unique<core::SnapshotWriter>(doc.plan(), *out);
    return true;
}

void SaveScheduler::flush(Document& doc, double now_ms, SaveSink& sink) {
    if (writer_ && writing_revision_ != doc.revision()) {
        writer_.reset();
        sink.abort_save();
    }
    note_change(doc, now_ms);
    if (!writer_ && doc.slicing()) return; // the stored plan stays as it was before the command
    if (!writer_) {
        if (!dirty_) return;
        if (!wants_snapshot(doc)) {
            write_journal(doc, now_ms, sink);
            return;
        }
        if (!start_snapshot(doc, now_ms, sink)) return;
    }
    while (!writer_->step(std::numeric_limits<std::size_t>::max())) {
    }
    finish_snapshot(doc, now_ms, sink);
}

void SaveScheduler::finish_snapshot(Document& doc, double now_ms, SaveSink& sink) {
    const bool failed = writer_->failed();
    writer_.reset();
    std::string err;
    if (failed) {
        err = sink.abort_save();
        if (err.empty()) err = "the compressor failed";
        write_failed(err, now_ms);
        return;
    }
    if (!sink.commit_save(err)) {
        sink.abort_save();
        write_failed(err, now_ms);
        return;
    }
    doc.take_touched(); // the plan has not changed since the snapshot began: it holds all of it
    written_revision_ = writing_revision_;
    need_snapshot_ = false;
    journal_entries_ = 0;
    ++snapshots_written_;
    request_sync(sink, now_ms);
}

void SaveScheduler::write_failed(const std::string& why, double now_ms) {
    error_ = "Could not write the plan (" + why +
             "). Your last saved plan is intact; export the plan to keep your latest changes.";
    last_error_ = SyncError::Other;
    dirty_ = true;
    need_snapshot_ = true;
    retry_at_ms_ = now_ms + 2000; // retry in a couple of seconds, not every frame
}

void SaveScheduler::request_sync(SaveSink& sink, double now_ms) {
    if (syncing_) {
        sync_queued_ = true; // a change during a sync queues exactly one more
        return;
    }
    syncing_ = true;
    sync_queued_ = false; // this sync carries everything written so far
    syncing_revision_ = written_revision_;
    syncing_since_ms_ = pending_since_ms_;
    pending_since_ms_ = now_ms;
    ++syncs_started_;
    sink.start_sync();
}

void SaveScheduler::on_sync_done(Document& doc, SyncError error, const std::string& message,
                                 core::Timestamp wall, double now_ms, SaveSink& sink) {
    syncing_ = false;
    last_error_ = error;
    if (error == SyncError::None) {
        durable_revision_ = syncing_revision_;
        last_saved_ = wall;
        last_save_ms_ = now_ms - syncing_since_ms_;
        error_.clear();
    } else {
        sync_failed_ms_ = now_ms;
        error_ = std::string(error == SyncError::QuotaExceeded ? "Browser storage is full"
                                                               : "Saving to browser storage failed") +
                 " (" + message +
                 "). Your last saved plan is intact; export the plan to keep your latest changes.";
    }
    // Group commit: what was edited while this sync ran is written now, without waiting for the
    // debounce, and goes with the next sync (started here, not at the next frame: a hidden page
    // gets no frames).
    note_change(doc, now_ms);
    if (error == SyncError::None && dirty_ && !writer_ && !doc.slicing() && now_ms >= retry_at_ms_ &&
        !wants_snapshot(doc))
        write_journal(doc, now_ms, sink);
    if (sync_queued_) request_sync(sink, now_ms);
}

std::string save_file_name(std::uint64_t sequence) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "save-%012llu.json.gz", static_cast<unsigned long long>(sequence));
    return buf;
}

std::optional<std::uint64_t> save_sequence(const std::string& name) {
    // "save-000000000042.json.gz", or "save-000000000042.json" from before compression.
    if ((name.size() != 22 || name.compare(17, 5, ".json") != 0) &&
        (name.size() != 25 || name.compare(17, 8, ".json.gz") != 0))
        return std::nullopt;
    if (name.rfind("save-", 0) != 0) return std::nullopt;
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

// Applies the snapshot's entries in place (an entry that cannot be read changes nothing, and the
// replay stops there). Copying a big plan to keep the snapshot alone as a fallback would double
// its memory; that rare fallback reads the snapshot again instead.
void replay_journal(StartupResult& r, const std::string& snapshot_name, const OpenFile& open,
                    const ReadFile& read, const JournalOf& journal_of) {
    if (!journal_of) return;
    std::vector<std::string> entries = journal_of(snapshot_name);
    if (entries.empty()) return;
    core::Plan& plan = *r.plan;
    core::PlanIndex index;
    index.rebuild(plan);
    int applied = 0;
    std::uint64_t expected = 1;
    for (const std::string& name : entries) {
        auto seq = journal_sequence(name);
        if (!seq || seq->second != expected) {
            // Entries are numbered from 1 without gaps; a missing one means the rest cannot apply.
            r.journal_broken = true;
            r.skipped.push_back(journal_file_name(seq ? seq->first : 0, expected) +
                                ": missing (later changes were not applied)");
            break;
        }
        ++expected;
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
    r.journal_applied = applied;
    if (applied == 0) return;
    std::vector<core::Problem> problems = core::check_plan(plan);
    if (problems.empty()) return;
    r.journal_broken = true;
    r.journal_applied = 0;
    r.skipped.push_back(core::format_problem(entries.front(), problems.front()) +
                        " (after replaying the journal; opened the snapshot alone)");
    r.plan.reset();
    if (std::unique_ptr<core::ByteSource> in = open(snapshot_name)) {
        core::LoadResult again = core::read_stored_plan(*in);
        r.plan = std::move(again.plan);
    }
}

} // namespace

StartupResult open_newest_good_save(const std::vector<std::string>& names_newest_first,
                                    const OpenFile& open, const ReadFile& read_entry,
                                    const JournalOf& journal_of) {
    StartupResult r;
    for (const std::string& name : names_newest_first) {
        std::unique_ptr<core::ByteSource> in = open(name);
        if (!in) {
            r.skipped.push_back(name + ": could not be read");
            continue;
        }
        core::LoadResult lr = core::read_stored_plan(*in);
        in.reset();
        if (lr.plan) {
            r.plan = std::move(lr.plan);
            r.opened = name;
            replay_journal(r, name, open, read_entry, journal_of);
            if (r.plan) return r;
            r.skipped.push_back(name + ": could not be read again");
            r.opened.clear();
            continue;
        }
        r.skipped.push_back(lr.problems.empty() ? name + ": not a plan"
                                                : core::format_problem(name, lr.problems.front()));
    }
    return r;
}

namespace {

// A ByteSource that owns the bytes it serves.
class OwnedSource final : public core::ByteSource {
public:
    explicit OwnedSource(std::string bytes) : bytes_(std::move(bytes)), source_(bytes_) {}
    std::ptrdiff_t read(char* buffer, std::size_t size) override { return source_.read(buffer, size); }

private:
    std::string bytes_;
    core::StringSource source_;
};

} // namespace

StartupResult open_newest_good_save(const std::vector<std::string>& names_newest_first,
                                    const ReadFile& read, const JournalOf& journal_of) {
    OpenFile open = [&](const std::string& name) -> std::unique_ptr<core::ByteSource> {
        std::optional<std::string> bytes = read(name);
        if (!bytes) return nullptr;
        return std::make_unique<OwnedSource>(std::move(*bytes));
    };
    return open_newest_good_save(names_newest_first, open, read, journal_of);
}

} // namespace footprint::app
