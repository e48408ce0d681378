// What changed since two plans last exchanged: record hashes, the exchange memory (Plan::sync)
// and the base copy a record keeps of itself when it changes after an exchange.
// docs/plan-format.md, "Merging plans", states the rules.
#pragma once

#include "core/model.h"
#include "core/plan_edit.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace footprint::core {

// The record collections a merge matches by id, under their names in the plan file.
enum class Collection { Territories, Accounts, Opportunities, Activities, Catalog, UpsellRules };
inline constexpr Collection kCollections[] = {Collection::Territories, Collection::Accounts,
                                              Collection::Opportunities, Collection::Activities,
                                              Collection::Catalog,     Collection::UpsellRules};
std::string_view collection_key(Collection c); // "accounts"

// The unknown-field key under which a record keeps its base copies:
// "sync_base": {"<16 hex digits>": {the record as it was}, …}.
inline constexpr std::string_view kBaseCopiesKey = "sync_base";

// XXH3-64 of the record as the plan writer writes it, leaving out its base copies and its
// modified times. Equal hashes mean equal content (every field, unknown ones included); a record
// saved without a change keeps its hash.
std::uint64_t record_hash(const Account& r);
std::uint64_t record_hash(const Opportunity& r);
std::uint64_t record_hash(const Activity& r);
std::uint64_t record_hash(const Territory& r);
std::uint64_t record_hash(const Product& r);
std::uint64_t record_hash(const UpsellRule& r);
std::uint64_t record_hash(const Contact& r);
std::uint64_t record_hash(const Service& r);
std::string hash_text(std::uint64_t h); // 16 lower-case hex digits

// The record as a JSON object, as the plan writer writes it, without its base copies.
template <typename T> Json record_json(const T& r);

// The base copy with hash `h` that `r` keeps, or nullptr.
const Json* base_copy(const Json& extra, std::uint64_t h);

// The hash an exchange remembers for record `id` of `c`, if it has one.
std::optional<std::uint64_t> remembered_hash(const SyncPeer& peer, Collection c, const std::string& id);

// Sorted by id, as SyncPeer::records keeps them.
void sort_hashes(std::vector<RecordHash>& hashes);

// Copy-on-write of merge bases. For each Put in `changes` (and each product of a catalog Set) that
// replaces a record whose current content is what some exchange in plan.sync remembers, the new
// value keeps a copy of that content under kBaseCopiesKey, so that a later merge can tell which
// fields changed on which side. Copies that no exchange refers to any more are dropped. App calls
// it before every command; it costs nothing when the plan has no exchanges.
void keep_base_copies(const Plan& plan, const PlanIndex& index, std::vector<Change>& changes);

// The record without its base copies (what a share file or a merged record from another plan
// carries).
template <typename T> void strip_base_copies(T& r) {
    if (r.extra.is_object()) r.extra.erase(std::string(kBaseCopiesKey));
}

} // namespace footprint::core
