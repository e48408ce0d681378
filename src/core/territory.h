// Territories: which accounts lie inside which shape, the numbers each territory shows, the
// "assign accounts by location" edit, and shapes built from a list of ZIP codes.
#pragma once

#include "core/date.h"
#include "core/geometry.h"
#include "core/map_assets.h"
#include "core/model.h"
#include "core/plan_edit.h"

#include <string>
#include <vector>

namespace footprint::core {

// Territories' shapes ready for many containment tests (world units), smallest area first.
struct TerritoryArea {
    std::string id;
    PreparedArea area;
};
std::vector<TerritoryArea> prepare_territories(const Plan& plan);
// The smallest territory whose shape holds `at` (where shapes overlap, the more specific one), or "".
std::string territory_at(const std::vector<TerritoryArea>& areas, LatLon at);

struct TerritoryStats {
    std::string territory_id;
    int accounts = 0;
    Cents mrc = 0;                // monthly revenue of its accounts' services
    int renewals_due = 0;         // services whose contract ends within `renewal_days`
    Cents renewals_due_mrc = 0;
    int open_deals = 0;           // open opportunities of its accounts
    Cents open_pipeline_mrc = 0;
};
// One entry per plan.territories, in order (by each account's territory_id), plus one with an
// empty id for accounts in no territory.
std::vector<TerritoryStats> territory_stats(const Plan& plan, Date today, int renewal_days = 90);

// "Assign accounts to territories by location": every located account gets the territory whose
// shape holds it (the smallest one where shapes overlap); located accounts
// outside every shape lose their territory. Accounts without a location keep theirs.
struct Assignment {
    std::vector<Change> changes; // Put<Account> for each account whose territory changes
    int moved = 0;               // into a territory or to another one
    int cleared = 0;             // outside every shape now
    int unchanged = 0;
    int without_location = 0;
};
Assignment assign_by_location(const Plan& plan);

// The same in slices, for big plans: step() handles up to `accounts` more accounts and returns true
// when done; take() then gives the result. `plan` must not change in between (the caller cancels
// the job when it does). With `build_changes` false only the counts are kept (a preview).
class AssignmentJob {
public:
    explicit AssignmentJob(const Plan& plan, bool build_changes = true);
    bool step(std::size_t accounts);
    bool done() const { return next_ >= plan_.accounts.size(); }
    double progress() const;
    Assignment take() { return std::move(out_); }

private:
    const Plan& plan_;
    std::vector<TerritoryArea> areas_;
    bool build_;
    std::size_t next_ = 0;
    Assignment out_;
};

// The area of a list of ZIP codes, as an outline: the map is sampled on a grid around them, each
// sample belongs to the nearest ZIP centroid (within `reach_km`), and the outline of the samples
// of the listed ZIPs is traced and smoothed. ZIP codes not in the table go to `unknown`.
std::vector<Polygon> zip_area(const ZipTable& table, const std::vector<std::string>& zips,
                              std::vector<std::string>* unknown = nullptr, double reach_km = 6.0);

} // namespace footprint::core
