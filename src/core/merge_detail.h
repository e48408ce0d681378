// Internals of the merge shared by its files (plan_merge.cpp, merge_state.cpp, merge_fields.cpp,
// plan_merge_finish.cpp); not an API.
#pragma once

#include "core/plan_merge.h"
#include "core/redact.h"

#include <cstddef>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace footprint::core {

namespace merge_detail {

inline constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

std::string_view collection_key_of(RecordKind k);
RecordKind kind_of(Collection c);
// The plan a file stands for: a share file's source plan, else the file's own id.
const std::string& other_plan_id(const Plan& theirs);

// The hash both plans had for a record at their last exchange, and which exchange said so.
struct Base {
    std::uint64_t hash = 0;
    const SyncPeer* peer = nullptr;
    bool theirs_memory = false; // from the other plan's sync table
};

struct Bases {
    struct Candidate {
        const SyncPeer* peer;
        bool theirs_memory;
        // id -> hash for each collection, built on first use (a hash map beats a binary search
        // over 300,000 sorted ids when every record is looked up).
        mutable std::unordered_map<std::string_view, std::uint64_t> by_id[std::size(kCollections)];
        mutable bool indexed[std::size(kCollections)] = {};
    };
    std::vector<Candidate> candidates; // newest first
    void add(const SyncPeer& peer, bool theirs_memory);
    void order();
    std::optional<Base> find(Collection c, const std::string& id) const;
};
void find_bases(const Plan& mine, const Plan& theirs, Bases& out);
std::string describe_base(const Bases& bases, const Plan& theirs);

// Field-by-field merge of two versions of a record (JSON objects as the plan writer writes them)
// against their base, if known. While preparing, conflicts are appended with their default
// choice; when finishing, the same walk reads the choices back in the same order.
class FieldMerger {
public:
    // Preparing: conflicts go to `out`.
    explicit FieldMerger(std::vector<MergeConflict>& out) : out_(&out) {}
    // Finishing: choices come from `decided`, starting at `first`.
    FieldMerger(const std::vector<MergeConflict>& decided, std::size_t first) : decided_(&decided), next_(first) {}

    // `base` may be null (no base content known). `label` names the record for people.
    Json merge(const Json& mine, const Json& theirs, const Json* base, RecordKind kind,
               const std::string& label, const std::string& account_id);
    std::size_t asked() const { return asked_; }
    // Their file had personal details removed: an emptied personal field, or free text that is
    // this plan's text redacted, is not a change of theirs.
    void redaction(const Redactor* redactor) { redactor_ = redactor; }

private:
    bool redacted_copy_of_mine(RecordKind kind, const std::string& field, const Json* mine, const Json* theirs) const;
    Side decide(MergeConflict c);
    Json merge_list(const Json* mine, const Json* theirs, const Json* base, bool have_base, RecordKind kind,
                    const std::string& parent_label, const std::string& account_id);

    std::vector<MergeConflict>* out_ = nullptr;
    const std::vector<MergeConflict>* decided_ = nullptr;
    std::size_t next_ = 0;
    std::size_t asked_ = 0;
    const Redactor* redactor_ = nullptr;
};

// "Riverside Dental Group", an activity's subject, a contact's name: what a record is called.
std::string record_label(const Json& record, RecordKind kind);
Timestamp modified_of(const Json& record);

// A record read back from merged JSON through the plan reader; nullopt when the merged fields
// break a rule within the record (a contract that now ends before it starts).
template <typename T> std::optional<T> record_from_json(const Json& record, Collection c);

// One record the merge changes, or asks about.
struct Decision {
    enum class Op {
        Create,       // only the other plan has it, and it is new there
        Take,         // this plan's is unchanged since the base, theirs changed
        Remove,       // the other plan deleted it, this plan did not change it
        Fields,       // both changed it: field by field
        DeletedHere,  // conflict: this plan deleted it, they changed it
        DeletedThere, // conflict: they deleted it, this plan changed it
        Remember,     // unchanged here, but this plan's version must keep theirs as the next base
    };
    Op op = Op::Take;
    Collection collection = Collection::Accounts;
    std::size_t mine = kNone;   // position in the plans
    std::size_t theirs = kNone;
    std::size_t first_conflict = 0, conflict_count = 0;
    std::optional<Json> base; // Fields: the base content, when a copy of it was found
    bool redacted = false;    // Fields: merged with the redaction rule
};

} // namespace merge_detail

// The analysis state behind MergeJob and MergePreview.
class MergeState {
    using Bases = merge_detail::Bases;
    using Decision = merge_detail::Decision;

public:
    MergeState(const Plan& mine, std::shared_ptr<const Plan> theirs, MergeOptions options);
    using Index = std::unordered_map<std::string_view, std::size_t>;

    bool step(std::size_t budget);
    double progress() const;
    MergeReport predicted_report() const;
    const Index& mine_index(Collection c) const { return mine_index_[static_cast<std::size_t>(c)]; }
    const Index& their_index(Collection c) const { return their_index_[static_cast<std::size_t>(c)]; }

    const Plan& mine;
    std::shared_ptr<const Plan> theirs_plan;
    const Plan& theirs;
    MergeOptions options;
    Bases bases;
    bool partial = false; // their file holds part of their plan: absence is not deletion
    std::vector<Decision> decisions;
    std::vector<MergeConflict> conflicts;
    SyncPeer exchange; // this plan's record of the merge, written by finish_merge
    std::string base_text;
    std::optional<Redactor> redactor; // when their file, or the base, had personal details removed

private:
    enum class Phase { Index, Mine, Theirs, Done };
    template <typename T>
    void look_at_mine(Collection c, std::size_t i, const std::vector<T>& mine_list, const std::vector<T>& their_list);
    template <typename T> void look_at_theirs(Collection c, std::size_t j, const std::vector<T>& their_list);
    std::size_t collection_size(Collection c, bool of_mine) const;

    Phase phase_ = Phase::Index;
    bool finished_ = false;
    std::size_t coll_ = 0; // into kCollections
    std::size_t pos_ = 0;
    std::size_t done_ = 0, total_ = 1;
    Index mine_index_[std::size(kCollections)], their_index_[std::size(kCollections)];
    std::vector<RecordHash> hashes_[std::size(kCollections)]; // theirs, for the new exchange record
};

} // namespace footprint::core
