// Record hashes through the plan writer, base copies kept on write, and exchange lookups.
#include "core/plan_sync.h"

#include "core/plan_json.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <cstring>

namespace footprint::core {

namespace {

bool has_copies(const Json& extra) {
    return extra.is_object() && extra.contains(std::string(kBaseCopiesKey));
}

// Writes `r` without its base copies into `out` (cleared first).
template <typename T> void write_plain(std::string& out, const T& r) {
    out.clear();
    if (!has_copies(r.extra)) {
        append_record_json(out, r);
        return;
    }
    T copy = r;
    strip_base_copies(copy);
    append_record_json(out, copy);
}

// XXH3-64 of the written record, leaving out every `"modified":"…"`: a record touched without a
// change is not a change. (The sequence cannot occur inside a string value, whose quotes the
// writer escapes.) XXH3's output is fixed by its specification, the same on every platform, so
// hashes written by the command line match the page's.
std::uint64_t content_hash(std::string_view text) {
    static constexpr std::string_view kKey = "\"modified\":\"";
    thread_local XXH3_state_t* state = XXH3_createState();
    XXH3_64bits_reset(state);
    std::size_t from = 0;
    for (;;) {
        const std::size_t at = text.find(kKey, from);
        if (at == std::string_view::npos) break;
        XXH3_64bits_update(state, text.data() + from, at - from);
        const std::size_t close = text.find('"', at + kKey.size());
        from = close == std::string_view::npos ? text.size() : close + 1;
    }
    XXH3_64bits_update(state, text.data() + from, text.size() - from);
    return XXH3_64bits_digest(state);
}

template <typename T> std::uint64_t hash_of(const T& r) {
    thread_local std::string scratch;
    write_plain(scratch, r);
    return content_hash(scratch);
}

std::optional<std::uint64_t> parse_hash(std::string_view s) {
    if (s.size() != 16) return std::nullopt;
    std::uint64_t h = 0;
    for (char c : s) {
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0) return std::nullopt;
        h = (h << 4) | static_cast<std::uint64_t>(d);
    }
    return h;
}

using Peers = std::vector<const SyncPeer*>;

template <typename T>
void keep_copies(const Peers& peers, Collection c, const T& current, T& next) {
    std::vector<std::uint64_t> wanted;
    for (const SyncPeer* p : peers)
        if (auto h = remembered_hash(*p, c, current.id)) wanted.push_back(*h);
    if (wanted.empty() && !has_copies(current.extra) && !has_copies(next.extra)) return;
    auto is_wanted = [&](std::uint64_t h) {
        return std::find(wanted.begin(), wanted.end(), h) != wanted.end();
    };
    Json kept = Json::object();
    for (const Json* extra : {&current.extra, const_cast<const Json*>(&next.extra)}) {
        if (!has_copies(*extra)) continue;
        const Json& copies = (*extra)[std::string(kBaseCopiesKey)];
        if (!copies.is_object()) continue;
        for (const auto& [key, value] : copies.items())
            if (auto h = parse_hash(key); h && is_wanted(*h)) kept[key] = value;
    }
    const std::uint64_t h = record_hash(current);
    if (is_wanted(h) && !kept.contains(hash_text(h))) kept[hash_text(h)] = record_json(current);
    if (!next.extra.is_object()) next.extra = Json::object();
    if (kept.empty())
        next.extra.erase(std::string(kBaseCopiesKey));
    else
        next.extra[std::string(kBaseCopiesKey)] = std::move(kept);
}

} // namespace

std::string_view collection_key(Collection c) {
    switch (c) {
    case Collection::Territories: return "territories";
    case Collection::Accounts: return "accounts";
    case Collection::Opportunities: return "opportunities";
    case Collection::Activities: return "activities";
    case Collection::Catalog: return "catalog";
    case Collection::UpsellRules: return "upsell_rules";
    }
    return "";
}

std::string hash_text(std::uint64_t h) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 15; i >= 0; --i, h >>= 4) s[static_cast<std::size_t>(i)] = kHex[h & 0xF];
    return s;
}

std::uint64_t record_hash(const Account& r) { return hash_of(r); }
std::uint64_t record_hash(const Opportunity& r) { return hash_of(r); }
std::uint64_t record_hash(const Activity& r) { return hash_of(r); }
std::uint64_t record_hash(const Territory& r) { return hash_of(r); }
std::uint64_t record_hash(const Product& r) { return hash_of(r); }
std::uint64_t record_hash(const UpsellRule& r) { return hash_of(r); }
std::uint64_t record_hash(const Contact& r) { return hash_of(r); }
std::uint64_t record_hash(const Service& r) { return hash_of(r); }

template <typename T> Json record_json(const T& r) {
    std::string text;
    write_plain(text, r);
    return Json::parse(text, nullptr, false); // the writer's output is always valid JSON
}
template Json record_json(const Account&);
template Json record_json(const Opportunity&);
template Json record_json(const Activity&);
template Json record_json(const Territory&);
template Json record_json(const Product&);
template Json record_json(const UpsellRule&);
template Json record_json(const Contact&);
template Json record_json(const Service&);

const Json* base_copy(const Json& extra, std::uint64_t h) {
    if (!has_copies(extra)) return nullptr;
    const Json& copies = extra[std::string(kBaseCopiesKey)];
    if (!copies.is_object()) return nullptr;
    auto it = copies.find(hash_text(h));
    return it != copies.end() && it->is_object() ? &*it : nullptr;
}

std::optional<std::uint64_t> remembered_hash(const SyncPeer& peer, Collection c, const std::string& id) {
    auto list = peer.records.find(std::string(collection_key(c)));
    if (list == peer.records.end()) return std::nullopt;
    const std::vector<RecordHash>& v = list->second;
    auto it = std::lower_bound(v.begin(), v.end(), id,
                               [](const RecordHash& a, const std::string& b) { return a.id < b; });
    if (it == v.end() || it->id != id) return std::nullopt;
    return it->hash;
}

void sort_hashes(std::vector<RecordHash>& hashes) {
    std::sort(hashes.begin(), hashes.end(), [](const RecordHash& a, const RecordHash& b) { return a.id < b.id; });
}

void keep_base_copies(const Plan& plan, const PlanIndex& index, std::vector<Change>& changes) {
    // The exchanges as they will be after the command: a merge replaces its peer's entry in the
    // same command, and the copies it adds are for that new entry.
    Peers peers;
    for (const Change& change : changes)
        if (const auto* put = std::get_if<PutSyncPeer>(&change)) peers.push_back(&put->value);
    for (const SyncPeer& p : plan.sync)
        if (std::none_of(peers.begin(), peers.end(), [&](const SyncPeer* q) { return q->id == p.id; }))
            peers.push_back(&p);
    if (peers.empty()) return;
    for (Change& change : changes) {
        if (auto* p = std::get_if<Put<Account>>(&change)) {
            if (auto i = index.account(p->value.id)) keep_copies(peers, Collection::Accounts, plan.accounts[*i], p->value);
        } else if (auto* o = std::get_if<Put<Opportunity>>(&change)) {
            if (auto i = index.opportunity(o->value.id))
                keep_copies(peers, Collection::Opportunities, plan.opportunities[*i], o->value);
        } else if (auto* a = std::get_if<Put<Activity>>(&change)) {
            if (auto i = index.activity(a->value.id))
                keep_copies(peers, Collection::Activities, plan.activities[*i], a->value);
        } else if (auto* t = std::get_if<Put<Territory>>(&change)) {
            if (auto i = index.territory(t->value.id))
                keep_copies(peers, Collection::Territories, plan.territories[*i], t->value);
        } else if (auto* cat = std::get_if<Set<std::vector<Product>>>(&change)) {
            for (Product& next : cat->value)
                for (const Product& current : plan.catalog)
                    if (current.id == next.id) {
                        keep_copies(peers, Collection::Catalog, current, next);
                        break;
                    }
        } else if (auto* rules = std::get_if<Set<std::vector<UpsellRule>>>(&change)) {
            for (UpsellRule& next : rules->value)
                for (const UpsellRule& current : plan.upsell_rules)
                    if (current.id == next.id) {
                        keep_copies(peers, Collection::UpsellRules, current, next);
                        break;
                    }
        }
    }
}

} // namespace footprint::core
