// Share files: the whole plan or a part of it (some accounts, a territory) with the opportunities,
// activities, contacts and territories that go with them, optionally without personal details,
// for a colleague to merge or a manager to roll up. docs/plan-format.md, "Sharing".
#pragma once

#include "core/model.h"

#include <string>
#include <vector>

namespace footprint::core {

struct ShareScope {
    enum class Kind { Plan, Accounts, Territory };
    Kind kind = Kind::Plan;
    std::vector<std::string> account_ids; // Kind::Accounts
    std::string territory_id;             // Kind::Territory
};

struct ShareOptions {
    ShareScope scope;
    bool redact = false; // remove contacts' names, phones and emails, and scrub free text
};

struct ShareCounts {
    std::size_t accounts = 0, contacts = 0, opportunities = 0, activities = 0, territories = 0;
};

// What a scope covers, for the dialog's preview (one pass, no copies).
ShareCounts share_counts(const Plan& plan, const ShareScope& scope);
// "Whole plan", "3 accounts", "Downtown territory". Unknown territory: "a territory".
std::string share_label(const Plan& plan, const ShareScope& scope);
// "Columbus plan — Downtown territory.footprint.json", safe as a file name in every OS.
std::string share_file_name(const Plan& plan, const ShareOptions& options);

struct ShareResult {
    Plan file;        // the share file's plan: write_plan() it
    SyncPeer memory;  // what the source plan records about the share (PutSyncPeer) once saved
    ShareCounts counts;
    std::string file_name;
};

// Builds the share file. `share_id` is a fresh plan id ("plan-…"): the file is a plan of its own,
// whose `share` says where it comes from. Records keep their ids and modified times; references
// to records left out (an activity's opportunity of another account) are cleared; base copies and
// the commission plan never leave the plan; the file lists the plan's exchanges without their
// hashes, so a plan that merged it can later be matched with this one.
ShareResult make_share(const Plan& plan, const ShareOptions& options, std::string share_id, Timestamp now);

} // namespace footprint::core
