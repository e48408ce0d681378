// Helpers for the share and merge tests: plans that exchanged files the way people do, and
// comparisons of records that ignore what does not matter (order of nested records, base copies).
#pragma once

#include "app/document.h"
#include "core/plan_json.h"
#include "core/plan_merge.h"
#include "core/plan_share.h"
#include "core/plan_sync.h"

#include <algorithm>
#include <map>
#include <string>

namespace merge_test {

using namespace footprint;
using namespace footprint::core;

// What another computer would read from the file: write, then read back.
inline Plan through_file(const Plan& p) {
    LoadResult r = read_plan(write_plan(p));
    if (!r.plan) {
        std::string why;
        for (const Problem& q : r.problems) why += format_problem("file", q) + "\n";
        FAIL_CHECK(why);
        return p;
    }
    return std::move(*r.plan);
}

// Shares `from`'s whole plan (or a scope) and records the share in `from`, as the app does.
inline Plan share(app::Document& from, ShareOptions options, const std::string& id, Timestamp now) {
    ShareResult s = make_share(from.plan(), options, id, now);
    from.execute(app::Command{"Share", {PutSyncPeer{s.memory}}}, now);
    return through_file(s.file);
}

// Merges `theirs` into `into` with the default choices; returns the report.
inline MergeReport merge_into(app::Document& into, const Plan& theirs, Timestamp now, std::size_t* changes = nullptr) {
    MergeOutcome out = merge_plans(into.plan(), through_file(theirs), now);
    if (changes) *changes = out.changes.size();
    into.execute(app::Command{"Merge", std::move(out.changes)}, now);
    return out.report;
}

// A record for comparison: as written, without base copies, nested records sorted by id.
template <typename T> Json comparable(const T& r) {
    Json j = record_json(r);
    for (const char* key : {"contacts", "services"})
        if (j.contains(key))
            std::sort(j[key].begin(), j[key].end(), [](const Json& a, const Json& b) { return a["id"] < b["id"]; });
    return j;
}

// Every record of the plan by collection and id.
inline std::map<std::string, Json> records(const Plan& p) {
    std::map<std::string, Json> out;
    for (const auto& r : p.territories) out["territories/" + r.id] = comparable(r);
    for (const auto& r : p.accounts) out["accounts/" + r.id] = comparable(r);
    for (const auto& r : p.opportunities) out["opportunities/" + r.id] = comparable(r);
    for (const auto& r : p.activities) out["activities/" + r.id] = comparable(r);
    for (const auto& r : p.catalog) out["catalog/" + r.id] = comparable(r);
    return out;
}

inline const Account* account(const Plan& p, const std::string& id) {
    for (const Account& a : p.accounts)
        if (a.id == id) return &a;
    return nullptr;
}

} // namespace merge_test
