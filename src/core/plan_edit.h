// Primitive edits of a plan and their inverses: the vocabulary of every command, undo and merge.
#pragma once

#include "core/model.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

namespace footprint::core {

// Id -> position lookups for the record vectors of a plan.
class PlanIndex {
public:
    using Map = std::unordered_map<std::string, std::size_t>;
    void rebuild(const Plan& plan);
    std::optional<std::size_t> account(const std::string& id) const { return find(accounts_, id); }
    std::optional<std::size_t> opportunity(const std::string& id) const {
        return find(opportunities_, id);
    }
    std::optional<std::size_t> activity(const std::string& id) const {
        return find(activities_, id);
    }
    std::optional<std::size_t> territory(const std::string& id) const {
        return find(territories_, id);
    }

private:
    static std::optional<std::size_t> find(const Map& m, const std::string& id) {
        auto it = m.find(id);
        if (it == m.end()) return std::nullopt;
        return it->second;
    }
    template <typename T> friend struct RecordTraits;
    Map accounts_, opportunities_, activities_, territories_;
};

// Insert or replace a record by id. `index` places a new record (used when undoing a removal so
// the record returns to where it was); `touch` stamps `modified` with the edit time (off when the
// record comes from undo or from another plan file, whose own time must be kept).
template <typename T> struct Put {
    T value;
    std::optional<std::size_t> index;
    bool touch = true;
};
template <typename T> struct Remove {
    std::string id;
};
// Replace a plan-wide setting.
template <typename T> struct Set {
    T value;
};

struct PlanInfo {
    std::string name;
    std::string owner;
    bool sample = false;
};

// Replaces the whole plan (new, sample, opened file), so that even that can be undone.
struct ReplacePlan {
    std::shared_ptr<Plan> plan; // shared: an undo history entry holds it without copying
};

// Records (or replaces, by id) what this plan exchanged with another one; see SyncPeer. A merge
// carries one, so undoing the merge also forgets it.
struct PutSyncPeer {
    SyncPeer value;
};
struct RemoveSyncPeer {
    std::string peer_id;
};

using Change = std::variant<Put<Account>, Remove<Account>, Put<Opportunity>, Remove<Opportunity>,
                            Put<Activity>, Remove<Activity>, Put<Territory>, Remove<Territory>,
                            Set<Settings>, Set<Quota>, Set<CommissionPlan>,
                            Set<std::vector<Product>>, Set<std::vector<Stage>>, Set<PlanInfo>,
                            ReplacePlan, Set<std::vector<UpsellRule>>, PutSyncPeer, RemoveSyncPeer>;

// Which records and settings changes touched since some point: what a journal entry must hold.
struct TouchedSet {
    std::unordered_set<std::string> accounts, opportunities, activities, territories;
    bool settings = false, quota = false, commission = false, catalog = false, stages = false,
         info = false;
    bool everything = false; // the whole plan was replaced
    bool rules = false;      // the upsell rules
    bool sync = false;       // the exchanges with other plans (Plan::sync)
    void note(const Change& change);
    std::size_t records() const {
        return accounts.size() + opportunities.size() + activities.size() + territories.size();
    }
    bool empty() const {
        return !everything && records() == 0 && !settings && !quota && !commission && !catalog &&
               !stages && !info && !rules && !sync;
    }
    void merge(const TouchedSet& other);
};

// Applies `change` to `plan` (keeping `index` in step) and returns the change that undoes it.
// A Remove of an id that does not exist is a no-op whose inverse is also a no-op.
Change apply_change(Plan& plan, PlanIndex& index, Change change, Timestamp now);

} // namespace footprint::core
