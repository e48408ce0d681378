// Autosave: when to write the plan, one storage sync at a time, and which save to open at start.
#pragma once

#include "app/document.h"
#include "core/plan_json.h"
#include "core/plan_store.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace footprint::app {

// What the platform does for the scheduler. The web build writes to IDBFS and syncs to IndexedDB;
// tests use a fake.
class SaveSink {
public:
    virtual ~SaveSink() = default;
    // Starts the newest snapshot: a temporary file that the compressed plan is written to a
    // piece at a time as it is serialised. Null, with a message, when it cannot be created.
    virtual core::ByteSink* begin_save(std::string& error) = 0;
    // Completes it: renamed into place (which starts a new journal), and old saves pruned.
    // Returns false with a message when that failed; the previous saves are then untouched.
    virtual bool commit_save(std::string& error) = 0;
    // Drops an unfinished snapshot (the plan changed while it was written, or writing failed)
    // and returns what went wrong writing it, if anything.
    virtual std::string abort_save() = 0;
    // Appends a journal entry (the changes since the last write) to the newest snapshot's journal.
    virtual bool write_journal(const std::string& text, std::string& error) = 0;
    // Starts pushing written files to durable storage; completion comes back via on_sync_done.
    virtual void start_sync() = 0;
};

enum class SaveState {
    Saved,   // everything is in durable storage
    Pending, // changed; waiting for the debounce
    Saving,  // serialising, writing or syncing
    Error,   // the last attempt failed; the previous save is intact
};

enum class SyncError { None = 0, QuotaExceeded = 1, Other = 2 };

class SaveScheduler {
public:
    // A change is written this long after the last edit, or this long after the first unsaved
    // one while editing goes on (the goal: durable within 500 ms of any edit). What is edited
    // while a sync is under way is written the moment it ends and goes with the next sync (group
    // commit): an edit waits for at most the sync in flight and its own.
    static constexpr double kDebounceMs = 60;
    static constexpr double kMaxDelayMs = 120;
    // A journal of kJournalMaxEntries is folded into a snapshot after this long without edits.
    static constexpr double kCompactQuietMs = 1000;
    // After a failed sync (storage full, a browser error) the written files are pushed again this
    // often, even without a new edit.
    static constexpr double kSyncRetryMs = 5000;
    // Up to this many changed records go into a journal entry; more, and the whole plan is written
    // as a new snapshot (a journal of kJournalMaxEntries is compacted too, in a pause).
    static constexpr std::size_t kJournalMaxRecords = 2000;
    static constexpr int kJournalMaxEntries = 200;

    // Marks the open plan as already stored (after loading it from storage).
    void mark_clean(Document& doc);
    // Marks the open plan as needing a snapshot now (a new, opened or recovered plan).
    void mark_dirty(double now_ms);
    // After loading: how many journal entries the open snapshot already has.
    void set_journal_entries(int n) { journal_entries_ = n; }

    // Called every frame; serialises in slices until `budget_ms` of `clock` has passed, so a big
    // plan is written across frames and no frame stalls.
    void frame(Document& doc, SaveSink& sink, const std::function<double()>& clock,
               double budget_ms);
    // Page hidden or closing: finish any pending save at once.
    void flush(Document& doc, double now_ms, SaveSink& sink);
    void on_sync_done(Document& doc, SyncError error, const std::string& message, core::Timestamp wall,
                      double now_ms, SaveSink& sink);

    SaveState state() const;
    // The state as the user should see it: an edit not yet noticed by frame() is already unsaved.
    SaveState state(const Document& doc) const {
        SaveState s = state();
        if (doc.revision() != seen_revision_ && s == SaveState::Saved) return SaveState::Pending;
        return s;
    }
    std::optional<core::Timestamp> last_saved() const { return last_saved_; }
    const std::string& error() const { return error_; }
    bool quota_exceeded() const { return last_error_ == SyncError::QuotaExceeded; }
    double progress() const; // of the serialisation in progress, 0..1
    int syncs_started() const { return syncs_started_; }
    int snapshots_written() const { return snapshots_written_; }
    bool syncing() const { return syncing_; }
    int journal_entries() const { return journal_entries_; }
    // From the first unsaved edit to the plan being durable, for the last completed save.
    double last_save_ms() const { return last_save_ms_; }

private:
    bool wants_snapshot(const Document& doc) const;
    bool compaction_due(double now_ms) const;
    bool write_journal(Document& doc, double now_ms, SaveSink& sink);
    bool start_snapshot(Document& doc, double now_ms, SaveSink& sink);
    void finish_snapshot(Document& doc, double now_ms, SaveSink& sink);
    void write_failed(const std::string& why, double now_ms);
    void note_change(const Document& doc, double now_ms);
    void request_sync(SaveSink& sink, double now_ms);

    std::uint64_t seen_revision_ = 0;
    std::uint64_t written_revision_ = 0;
    std::uint64_t durable_revision_ = 0;
    std::uint64_t writing_revision_ = 0;
    double last_change_ms_ = 0;
    bool dirty_ = false;
    std::unique_ptr<core::SnapshotWriter> writer_;
    bool syncing_ = false;
    bool sync_queued_ = false;
    std::uint64_t syncing_revision_ = 0;
    std::optional<core::Timestamp> last_saved_;
    std::string error_;
    SyncError last_error_ = SyncError::None;
    int syncs_started_ = 0;
    int snapshots_written_ = 0;
    int journal_entries_ = 0;
    bool need_snapshot_ = false;
    double last_save_ms_ = 0;
    double pending_since_ms_ = 0; // first unsaved edit of the revision being saved
    double syncing_since_ms_ = 0;
    double sync_failed_ms_ = 0;
    double retry_at_ms_ = 0; // after a failed write, nothing is written again before this
};

// Snapshots are "save-000000000042.json.gz" (gzip-compressed plan text; "save-…json" plain, as
// saves before compression were): the newest sequence number is the current plan. Its journal
// entries are "save-000000000042.journal-000001.json", applied in order on top of it.
std::string save_file_name(std::uint64_t sequence);
std::optional<std::uint64_t> save_sequence(const std::string& file_name);
std::string journal_file_name(std::uint64_t snapshot_sequence, std::uint64_t entry);
// The snapshot sequence and entry number of a journal file name.
std::optional<std::pair<std::uint64_t, std::uint64_t>> journal_sequence(const std::string& name);

struct StartupResult {
    std::optional<core::Plan> plan;
    std::string opened;               // the snapshot that was opened
    std::vector<std::string> skipped; // one line per unreadable save or journal entry
    int journal_applied = 0;          // entries replayed on top of the snapshot
    bool journal_broken = false;      // an entry could not be read: later ones were not applied
};
using ReadFile = std::function<std::optional<std::string>(const std::string&)>;
// A stored file opened for reading a piece at a time (null when it cannot be opened): a big
// snapshot is never read whole into memory.
using OpenFile = std::function<std::unique_ptr<core::ByteSource>(const std::string&)>;
using JournalOf = std::function<std::vector<std::string>(const std::string&)>;
// Tries snapshots newest first; the first that reads cleanly is opened and its journal entries
// (`journal_of(snapshot)` lists them in order) are applied until one cannot be read or one is
// missing from the sequence.
StartupResult open_newest_good_save(const std::vector<std::string>& names_newest_first,
                                    const OpenFile& open, const ReadFile& read_entry,
                                    const JournalOf& journal_of = {});
// The same with every file read whole (tests).
StartupResult open_newest_good_save(const std::vector<std::string>& names_newest_first,
                                    const ReadFile& read, const JournalOf& journal_of = {});

} // namespace footprint::app
