// The small rules behind the map's layers: renewal heat, win-back windows, whitespace, today's
// route, and accounts placed at their ZIP code's centroid.
#pragma once

#include "core/date.h"
#include "core/map_assets.h"
#include "core/model.h"
#include "core/plan_edit.h"

#include <optional>
#include <string>
#include <vector>

namespace footprint::core {

// Monthly revenue of the account's services whose contract ends within the next `days` days
// (today included).
Cents mrc_expiring(const Account& a, Date today, int days);

// A former client's win-back window, by the Win-backs desk's rule (core/winback.h): it opens
// settings.winback_window_days before the competitor's likely contract end and stays open until
// kWinbackGraceDays after it (a past end is taken as renewed for the same term).
struct WinbackWindow {
    Date competitor_end;
    Date opens;
    Date closes;
};
std::optional<WinbackWindow> winback_window(const Account& a, const Settings& settings, Date today);
bool winback_open(const Account& a, const Settings& settings, Date today);

// Whitespace: a client with no service in `family` ("voice", "ethernet", …).
bool lacks_family(const Account& a, const std::string& family);

// Today's route: the day's planned visits (Activity type Visit with a date and a start time) in
// start order, from and back to plan.settings.home when it is set. Visits whose account has no
// location are listed in `unplaced`.
struct RouteStop {
    std::string activity_id;
    std::string account_id;
    LatLon at;
    int start_minute = 0;
};
struct DayRoute {
    std::optional<LatLon> home;
    std::vector<RouteStop> stops;
    std::vector<std::string> unplaced; // activity ids
    double km = 0;                     // straight-line legs, home to home
};
DayRoute planned_day_route(const Plan& plan, Date day);

// Accounts without a location, in plan order.
std::vector<const Account*> accounts_without_location(const Plan& plan);
// Places each listed account (all accounts without a location when `ids` is empty) at its ZIP
// centroid, marked approximate. Accounts that already have a location, or whose ZIP is not in the
// table, are counted in `skipped`.
struct ZipPlacement {
    std::vector<Change> changes;
    int placed = 0;
    int skipped = 0;
    std::vector<std::string> unknown_zip; // account ids whose ZIP is not in the table
};
ZipPlacement place_at_zip_centroids(const Plan& plan, const ZipTable& zips,
                                    const std::vector<std::string>& ids = {});

} // namespace footprint::core
