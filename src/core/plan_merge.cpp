// Merging, part 1: finding the common base and deciding each record (plan_merge_finish.cpp then
// applies the decisions, merge_fields.cpp merges two versions of one record field by field).
#include "core/plan_merge.h"

#include "core/format.h"
#include "core/merge_detail.h"

#include <algorithm>

namespace footprint::core {

using namespace merge_detail;

const char* record_kind_noun(RecordKind k, bool plural) {
    switch (k) {
    case RecordKind::Territory: return plural ? "territories" : "territory";
    case RecordKind::Account: return plural ? "accounts" : "account";
    case RecordKind::Contact: return plural ? "contacts" : "contact";
    case RecordKind::Service: return plural ? "services" : "service";
    case RecordKind::Opportunity: return plural ? "opportunities" : "opportunity";
    case RecordKind::Activity: return plural ? "activities" : "activity";
    case RecordKind::Product: return plural ? "products" : "product";
    case RecordKind::Stage: return plural ? "stages" : "stage";
    case RecordKind::UpsellRule: return plural ? "upsell rules" : "upsell rule";
    }
    return "";
}

Side MergeConflict::default_choice() const {
    switch (what) {
    case What::Field: return theirs_newer() ? Side::Theirs : Side::Mine;
    case What::DeletedHere: return Side::Theirs;  // restore what they changed
    case What::DeletedThere: return Side::Mine;   // keep what this plan changed
    }
    return Side::Mine;
}

void choose_all(std::vector<MergeConflict>& conflicts, std::optional<Side> side) {
    for (MergeConflict& c : conflicts) c.choice = side ? *side : c.default_choice();
}

int MergeReport::changes() const {
    int n = 0;
    for (const Counts& c : counts) n += c.total();
    return n;
}

std::string MergeReport::summary() const {
    int created = 0, updated = 0, deleted = 0;
    for (const Counts& c : counts) {
        created += c.created;
        updated += c.updated;
        deleted += c.deleted;
    }
    std::string s = format_count(created) + " created, " + format_count(updated) + " updated, " +
                    format_count(deleted) + " deleted";
    if (conflicts)
        s += "; " + format_count(conflicts) + (conflicts == 1 ? " conflict (" : " conflicts (") +
             format_count(took_mine) + " kept yours, " + format_count(took_theirs) + " took theirs)";
    return s;
}

namespace merge_detail {

std::string_view collection_key_of(RecordKind k) {
    switch (k) {
    case RecordKind::Territory: return "territories";
    case RecordKind::Account: return "accounts";
    case RecordKind::Opportunity: return "opportunities";
    case RecordKind::Activity: return "activities";
    case RecordKind::Product: return "catalog";
    case RecordKind::UpsellRule: return "upsell_rules";
    default: return "";
    }
}

RecordKind kind_of(Collection c) {
    switch (c) {
    case Collection::Territories: return RecordKind::Territory;
    case Collection::Accounts: return RecordKind::Account;
    case Collection::Opportunities: return RecordKind::Opportunity;
    case Collection::Activities: return RecordKind::Activity;
    case Collection::Catalog: return RecordKind::Product;
    case Collection::UpsellRules: return RecordKind::UpsellRule;
    }
    return RecordKind::Account;
}

// --- the common base ------------------------------------------------------------------------------

void Bases::add(const SyncPeer& peer, bool theirs_memory) {
    if (peer.records.empty()) return;
    candidates.emplace_back();
    candidates.back().peer = &peer;
    candidates.back().theirs_memory = theirs_memory;
}

void Bases::order() {
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.peer->at > b.peer->at; });
}

std::optional<Base> Bases::find(Collection c, const std::string& id) const {
    const std::size_t ci = static_cast<std::size_t>(c);
    for (const Candidate& k : candidates) {
        if (!k.indexed[ci]) {
            k.indexed[ci] = true;
            auto list = k.peer->records.find(std::string(collection_key(c)));
            if (list != k.peer->records.end()) {
                k.by_id[ci].reserve(list->second.size());
                for (const RecordHash& h : list->second) k.by_id[ci].emplace(h.id, h.hash);
            }
        }
        if (auto it = k.by_id[ci].find(id); it != k.by_id[ci].end()) return Base{it->second, k.peer, k.theirs_memory};
        // A whole exchange without the record says it was in neither plan then; an older one
        // that had it is out of date.
        if (!k.peer->partial) break;
    }
    return std::nullopt;
}

// The exchanges that can serve as the base between `mine` and the plan that made `theirs`:
//  - this plan's record of merging a file from that plan;
//  - this plan's shares that the other plan says it merged (its entry for this plan names the
//    share file), or that it is (a share opened as a plan keeps the share's id);
//  - the other plan's record of merging a file from this plan (a plan export it merged).
// Each record uses the newest one that knows it.
void find_bases(const Plan& mine, const Plan& theirs, Bases& out) {
    const std::string& other = other_plan_id(theirs);
    std::vector<std::string> files_they_merged;
    for (const SyncPeer& p : theirs.sync)
        if (p.kind == SyncPeer::Kind::Merged && p.id == mine.id) files_they_merged.push_back(p.file);
    for (const SyncPeer& p : mine.sync) {
        if (p.kind == SyncPeer::Kind::Merged && p.id == other) out.add(p, false);
        else if (p.kind == SyncPeer::Kind::Shared &&
                 (p.id == theirs.id || // the share itself, or a plan someone opened from it
                  std::find(files_they_merged.begin(), files_they_merged.end(), p.id) != files_they_merged.end()))
            out.add(p, false);
    }
    for (const SyncPeer& p : theirs.sync)
        if (p.kind == SyncPeer::Kind::Merged && p.id == mine.id) out.add(p, true);
    out.order();
}

const std::string& other_plan_id(const Plan& theirs) {
    return theirs.share ? theirs.share->from : theirs.id;
}

std::string describe_base(const Bases& bases, const Plan& theirs) {
    if (bases.candidates.empty())
        return "No earlier exchange with this plan is known: what only it has is added, and any field "
               "the two plans hold differently is asked.";
    const SyncPeer& p = *bases.candidates.front().peer;
    const std::string when = format_date(Date{static_cast<std::int32_t>(
        (p.at.ms >= 0 ? p.at.ms : p.at.ms - 86'399'999) / 86'400'000)});
    if (bases.candidates.front().theirs_memory) return "Compared with the copy of your plan it merged on " + when + ".";
    if (p.kind == SyncPeer::Kind::Shared) return "Compared with the file you shared on " + when + " (" + p.name + ").";
    (void)theirs;
    return "Compared with what you merged from it on " + when + ".";
}

} // namespace merge_detail

// --- the sliced analysis -----------------------------------------------------------------------

MergeJob::MergeJob(const Plan& mine, Plan theirs, MergeOptions options)
    : state_(std::make_unique<MergeState>(mine, std::make_shared<const Plan>(std::move(theirs)), options)) {}
MergeJob::MergeJob(const Plan& mine, std::shared_ptr<const Plan> theirs, MergeOptions options)
    : state_(std::make_unique<MergeState>(mine, std::move(theirs), options)) {}
MergeJob::~MergeJob() = default;
MergeJob::MergeJob(MergeJob&&) noexcept = default;
MergeJob& MergeJob::operator=(MergeJob&&) noexcept = default;

bool MergeJob::step(std::size_t budget) { return state_->step(budget); }
double MergeJob::progress() const { return state_->progress(); }

MergePreview MergeJob::take() {
    while (!state_->step(1 << 20)) {
    }
    MergePreview p;
    p.conflicts = state_->conflicts;
    p.report = state_->predicted_report();
    p.state = std::shared_ptr<const MergeState>(std::move(state_));
    return p;
}

MergePreview prepare_merge(const Plan& mine, Plan theirs, MergeOptions options) {
    return MergeJob(mine, std::move(theirs), options).take();
}

MergeOutcome merge_plans(const Plan& mine, Plan theirs, Timestamp now, MergeOptions options) {
    MergePreview p = prepare_merge(mine, std::move(theirs), options);
    return finish_merge(mine, p, now);
}

} // namespace footprint::core
