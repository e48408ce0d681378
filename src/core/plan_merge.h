// Merging another plan's file into this one. Records are matched by id; a change made on one side
// only (since the two plans last exchanged, Plan::sync) is taken; a field both sides changed is a
// conflict for the person to decide, the newer side winning by default. The result is a list of
// primitive changes for ONE undoable command, and a report. docs/plan-format.md, "Merging plans",
// states every rule and its limits.
#pragma once

#include "core/model.h"
#include "core/plan_edit.h"
#include "core/plan_sync.h"

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace footprint::core {

enum class RecordKind { Territory, Account, Contact, Service, Opportunity, Activity, Product, Stage, UpsellRule };
inline constexpr int kRecordKindCount = 9;
// "account" / "accounts".
const char* record_kind_noun(RecordKind k, bool plural);

enum class Side { Mine, Theirs };

// A decision the person makes: one field both plans changed, or a record one plan deleted while
// the other changed it.
struct MergeConflict {
    enum class What {
        Field,        // both changed `field`
        DeletedHere,  // this plan deleted the record; the other changed it (Theirs = restore it)
        DeletedThere, // the other plan deleted it; this one changed it (Mine = keep it)
    };
    What what = What::Field;
    RecordKind kind = RecordKind::Account;
    std::string id;         // the record's id (a contact's or service's own id)
    std::string account_id; // contacts and services: their account
    std::string label;      // "Riverside Dental Group", "Maria Garcia (Riverside Dental Group)"
    std::string field;      // the file's field name ("notes"); empty unless What::Field
    Json mine;              // this plan's value (null when absent or deleted)
    Json theirs;            // the other plan's value
    Timestamp mine_modified, theirs_modified; // the records' own modified times
    // The record's version at the last exchange is not known (no exchange, or the record was
    // edited outside Footprint): the field differs, but which side changed it cannot be told, so
    // it is asked rather than guessed.
    bool no_base = false;
    Side choice = Side::Mine;

    bool theirs_newer() const { return theirs_modified > mine_modified; }
    // The default: the newer side for a field (this plan's on a tie, or for products, which have
    // no modified time); a changed record over a deletion.
    Side default_choice() const;
};

struct MergeReport {
    struct Counts {
        int created = 0, updated = 0, deleted = 0;
        int total() const { return created + updated + deleted; }
    };
    std::array<Counts, kRecordKindCount> counts{}; // by RecordKind
    int conflicts = 0, took_mine = 0, took_theirs = 0;
    std::vector<std::string> notes; // "Kept account “X”: an opportunity in the result refers to it."
    std::string base;               // what the merge compared against, in words
    std::string their_name, their_owner;

    Counts& of(RecordKind k) { return counts[static_cast<std::size_t>(k)]; }
    const Counts& of(RecordKind k) const { return counts[static_cast<std::size_t>(k)]; }
    int changes() const; // records created, updated or deleted
    // "12 created, 3 updated, 1 deleted; 2 conflicts (1 kept yours, 1 took theirs)".
    std::string summary() const;
};

struct MergeOptions {
    // Where this plan's files came from and went to: the peers' entries of both plans are read.
    // Set false to merge as if the plans had never exchanged (every difference is a conflict).
    bool use_history = true;
};

class MergeState;

// The analysis of a merge, ready to be decided and applied. Holds the other plan; `mine` must stay
// unchanged until finish_merge (the app checks the document's revision).
struct MergePreview {
    std::vector<MergeConflict> conflicts; // decide with `choice`, then finish_merge
    MergeReport report;                   // what the default choices would do (conflicts aside)
    std::shared_ptr<const MergeState> state;
};

// Runs the analysis in slices: a 100,000-account merge spreads over many frames.
//     MergeJob job(mine, std::move(theirs), {});
//     while (!job.step(20000)) show(job.progress());
//     MergePreview preview = job.take();
class MergeJob {
public:
    MergeJob(const Plan& mine, Plan theirs, MergeOptions options = {});
    // The other plan shared, so that an analysis can start again without copying it.
    MergeJob(const Plan& mine, std::shared_ptr<const Plan> theirs, MergeOptions options = {});
    ~MergeJob();
    MergeJob(MergeJob&&) noexcept;
    MergeJob& operator=(MergeJob&&) noexcept;
    // Looks at up to `budget` more records; true when the analysis is complete.
    bool step(std::size_t budget);
    double progress() const; // 0..1
    MergePreview take();     // completes the analysis first if needed; call once

private:
    std::unique_ptr<MergeState> state_;
};

MergePreview prepare_merge(const Plan& mine, Plan theirs, MergeOptions options = {});

// Sets every conflict's choice: Mine, Theirs, or (nullopt) its default.
void choose_all(std::vector<MergeConflict>& conflicts, std::optional<Side> side);

struct MergeOutcome {
    std::vector<Change> changes; // one command; empty when the merge changes nothing
    MergeReport report;
};
// The changes that apply the merge with the conflicts' choices, the record of this exchange
// (PutSyncPeer) included. `mine` is the plan the preview was prepared against.
MergeOutcome finish_merge(const Plan& mine, const MergePreview& preview, Timestamp now);

// Both steps with the default choices (tests, the command line).
MergeOutcome merge_plans(const Plan& mine, Plan theirs, Timestamp now, MergeOptions options = {});

// --- words for the conflict table ----------------------------------------------------------------

// "Close date", "Notes", "Phone": a field name for people.
std::string field_label(std::string_view field);
// A value for people: money fields "$1,347.00", dates "Mar 31, 2027", lists joined, an address
// on one line, absent "(empty)".
std::string format_field_value(RecordKind kind, std::string_view field, const Json& value);

} // namespace footprint::core
