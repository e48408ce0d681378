// apply_change: one generic put/remove over the four record vectors, plus plan-wide settings.
#include "core/plan_edit.h"

#include <utility>

namespace footprint::core {

template <typename T> struct RecordTraits;
template <> struct RecordTraits<Account> {
    static std::vector<Account>& vec(Plan& p) { return p.accounts; }
    static PlanIndex::Map& map(PlanIndex& i) { return i.accounts_; }
};
template <> struct RecordTraits<Opportunity> {
    static std::vector<Opportunity>& vec(Plan& p) { return p.opportunities; }
    static PlanIndex::Map& map(PlanIndex& i) { return i.opportunities_; }
};
template <> struct RecordTraits<Activity> {
    static std::vector<Activity>& vec(Plan& p) { return p.activities; }
    static PlanIndex::Map& map(PlanIndex& i) { return i.activities_; }
};
template <> struct RecordTraits<Territory> {
    static std::vector<Territory>& vec(Plan& p) { return p.territories; }
    static PlanIndex::Map& map(PlanIndex& i) { return i.territories_; }
};

namespace {

template <typename T> void reindex_from(std::vector<T>& v, PlanIndex::Map& m, std::size_t from) {
    for (std::size_t i = from; i < v.size(); ++i) m[v[i].id] = i;
}

template <typename T> Change apply_put(Plan& plan, PlanIndex& index, Put<T> put, Timestamp now) {
    auto& v = RecordTraits<T>::vec(plan);
    auto& m = RecordTraits<T>::map(index);
    if (put.touch) put.value.modified = now;
    auto it = m.find(put.value.id);
    if (it != m.end()) {
        T old = std::move(v[it->second]);
        v[it->second] = std::move(put.value);
        return Put<T>{std::move(old), std::nullopt, false};
    }
    std::string id = put.value.id;
    std::size_t at = put.index && *put.index <= v.size() ? *put.index : v.size();
    v.insert(v.begin() + static_cast<std::ptrdiff_t>(at), std::move(put.value));
    reindex_from(v, m, at);
    return Remove<T>{std::move(id)};
}

template <typename T> Change apply_remove(Plan& plan, PlanIndex& index, Remove<T> rm) {
    auto& v = RecordTraits<T>::vec(plan);
    auto& m = RecordTraits<T>::map(index);
    auto it = m.find(rm.id);
    if (it == m.end()) return rm;
    std::size_t at = it->second;
    T old = std::move(v[at]);
    v.erase(v.begin() + static_cast<std::ptrdiff_t>(at));
    m.erase(it);
    reindex_from(v, m, at);
    return Put<T>{std::move(old), at, false};
}

// Replaced in place, new ones first; merges order them by their `at`, not by position.
Change apply_sync_put(Plan& plan, PutSyncPeer put) {
    auto& list = plan.sync;
    for (SyncPeer& p : list)
        if (p.id == put.value.id) return PutSyncPeer{std::exchange(p, std::move(put.value))};
    std::string id = put.value.id;
    list.insert(list.begin(), std::move(put.value));
    return RemoveSyncPeer{std::move(id)};
}

Change apply_sync_remove(Plan& plan, RemoveSyncPeer rm) {
    auto& list = plan.sync;
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i].id == rm.peer_id) {
            SyncPeer old = std::move(list[i]);
            list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
            return PutSyncPeer{std::move(old)};
        }
    return rm;
}

template <typename T> T& setting_of(Plan& p);
template <> Settings& setting_of<Settings>(Plan& p) { return p.settings; }
template <> Quota& setting_of<Quota>(Plan& p) { return p.quota; }
template <> CommissionPlan& setting_of<CommissionPlan>(Plan& p) { return p.commission; }
template <> std::vector<Product>& setting_of<std::vector<Product>>(Plan& p) { return p.catalog; }
template <> std::vector<Stage>& setting_of<std::vector<Stage>>(Plan& p) { return p.stages; }
template <> std::vector<UpsellRule>& setting_of<std::vector<UpsellRule>>(Plan& p) {
    return p.upsell_rules;
}

} // namespace

void PlanIndex::rebuild(const Plan& plan) {
    auto fill = [](Map& m, const auto& vec) {
        m.clear();
        m.reserve(vec.size());
        for (std::size_t i = 0; i < vec.size(); ++i) m.emplace(vec[i].id, i);
    };
    fill(accounts_, plan.accounts);
    fill(opportunities_, plan.opportunities);
    fill(activities_, plan.activities);
    fill(territories_, plan.territories);
}

Change apply_change(Plan& plan, PlanIndex& index, Change change, Timestamp now) {
    if (!std::holds_alternative<ReplacePlan>(change)) plan.modified = now;
    return std::visit(
        [&](auto&& c) -> Change {
            using C = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<C, PutSyncPeer>) {
                return apply_sync_put(plan, std::move(c));
            } else if constexpr (std::is_same_v<C, RemoveSyncPeer>) {
                return apply_sync_remove(plan, std::move(c));
            } else if constexpr (requires { c.index; }) {
                return apply_put(plan, index, std::move(c), now);
            } else if constexpr (requires { c.id; }) {
                return apply_remove(plan, index, std::move(c));
            } else if constexpr (std::is_same_v<C, ReplacePlan>) {
                auto old = std::make_shared<Plan>(std::move(plan));
                plan = std::move(*c.plan);
                index.rebuild(plan);
                return ReplacePlan{std::move(old)};
            } else if constexpr (std::is_same_v<C, Set<PlanInfo>>) {
                PlanInfo old{plan.name, plan.owner, plan.sample};
                plan.name = std::move(c.value.name);
                plan.owner = std::move(c.value.owner);
                plan.sample = c.value.sample;
                return Set<PlanInfo>{std::move(old)};
            } else {
                auto& slot = setting_of<decltype(c.value)>(plan);
                auto old = std::move(slot);
                slot = std::move(c.value);
                return C{std::move(old)};
            }
        },
        std::move(change));
}

void TouchedSet::note(const Change& change) {
    std::visit(
        [&](const auto& c) {
            using C = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<C, Put<Account>>) accounts.insert(c.value.id);
            else if constexpr (std::is_same_v<C, Remove<Account>>) accounts.insert(c.id);
            else if constexpr (std::is_same_v<C, Put<Opportunity>>) opportunities.insert(c.value.id);
            else if constexpr (std::is_same_v<C, Remove<Opportunity>>) opportunities.insert(c.id);
            else if constexpr (std::is_same_v<C, Put<Activity>>) activities.insert(c.value.id);
            else if constexpr (std::is_same_v<C, Remove<Activity>>) activities.insert(c.id);
            else if constexpr (std::is_same_v<C, Put<Territory>>) territories.insert(c.value.id);
            else if constexpr (std::is_same_v<C, Remove<Territory>>) territories.insert(c.id);
            else if constexpr (std::is_same_v<C, Set<Settings>>) settings = true;
            else if constexpr (std::is_same_v<C, Set<Quota>>) quota = true;
            else if constexpr (std::is_same_v<C, Set<CommissionPlan>>) commission = true;
            else if constexpr (std::is_same_v<C, Set<std::vector<Product>>>) catalog = true;
            else if constexpr (std::is_same_v<C, Set<std::vector<Stage>>>) stages = true;
            else if constexpr (std::is_same_v<C, Set<PlanInfo>>) info = true;
            else if constexpr (std::is_same_v<C, ReplacePlan>) everything = true;
            else if constexpr (std::is_same_v<C, PutSyncPeer> || std::is_same_v<C, RemoveSyncPeer>) sync = true;
            else if constexpr (std::is_same_v<C, Set<std::vector<UpsellRule>>>) rules = true;
        },
        change);
}

void TouchedSet::merge(const TouchedSet& o) {
    accounts.insert(o.accounts.begin(), o.accounts.end());
    opportunities.insert(o.opportunities.begin(), o.opportunities.end());
    activities.insert(o.activities.begin(), o.activities.end());
    territories.insert(o.territories.begin(), o.territories.end());
    settings |= o.settings;
    quota |= o.quota;
    commission |= o.commission;
    catalog |= o.catalog;
    stages |= o.stages;
    info |= o.info;
    everything |= o.everything;
    sync |= o.sync;
    rules |= o.rules;
}

} // namespace footprint::core
