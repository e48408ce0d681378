// Layer rules (see map_layers.h).
#include "core/map_layers.h"
#include "core/winback.h"

#include "core/geo.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace footprint::core {

Cents mrc_expiring(const Account& a, Date today, int days) {
    const Date horizon = add_days(today, days);
    Cents sum = 0;
    for (const Service& s : a.services)
        if (s.contract_end && *s.contract_end >= today && *s.contract_end <= horizon) sum += s.mrc;
    return sum;
}

std::optional<WinbackWindow> winback_window(const Account& a, const Settings& settings, Date today) {
    if (a.status != AccountStatus::Former) return std::nullopt;
    const std::optional<CompetitorEnd> end = competitor_contract_end(a.former, today);
    if (!end) return std::nullopt;
    return WinbackWindow{end->end, add_days(end->end, -std::max(settings.winback_window_days, 0)),
                         add_days(end->end, kWinbackGraceDays)};
}

bool winback_open(const Account& a, const Settings& settings, Date today) {
    auto w = winback_window(a, settings, today);
    return w && today >= w->opens && today <= w->closes;
}

bool lacks_family(const Account& a, const std::string& family) {
    if (a.status != AccountStatus::Client) return false;
    return std::none_of(a.services.begin(), a.services.end(),
                        [&](const Service& s) { return s.family == family; });
}

DayRoute planned_day_route(const Plan& plan, Date day) {
    DayRoute r;
    r.home = plan.settings.home;
    std::unordered_map<std::string, const Account*> by_id;
    for (const Activity& act : plan.activities)
        if (act.type == ActivityType::Visit && act.date == day && act.start_minute) by_id.emplace(act.account_id, nullptr);
    for (const Account& a : plan.accounts)
        if (auto it = by_id.find(a.id); it != by_id.end()) it->second = &a;
    for (const Activity& act : plan.activities) {
        if (act.type != ActivityType::Visit || act.date != day || !act.start_minute) continue;
        auto it = by_id.find(act.account_id);
        const Account* a = it == by_id.end() ? nullptr : it->second;
        if (!a || !a->location) {
            r.unplaced.push_back(act.id);
            continue;
        }
        r.stops.push_back({act.id, a->id, *a->location, *act.start_minute});
    }
    std::stable_sort(r.stops.begin(), r.stops.end(),
                     [](const RouteStop& x, const RouteStop& y) { return x.start_minute < y.start_minute; });
    std::optional<LatLon> prev = r.home;
    for (const RouteStop& s : r.stops) {
        if (prev) r.km += distance_km(*prev, s.at);
        prev = s.at;
    }
    if (r.home && prev && !r.stops.empty()) r.km += distance_km(*prev, *r.home);
    return r;
}

std::vector<const Account*> accounts_without_location(const Plan& plan) {
    std::vector<const Account*> out;
    for (const Account& a : plan.accounts)
        if (!a.location) out.push_back(&a);
    return out;
}

ZipPlacement place_at_zip_centroids(const Plan& plan, const ZipTable& zips,
                                    const std::vector<std::string>& ids) {
    ZipPlacement res;
    const std::unordered_set<std::string> wanted(ids.begin(), ids.end());
    for (const Account& a : plan.accounts) {
        if (!wanted.empty() && !wanted.count(a.id)) continue;
        if (a.location) {
            if (!wanted.empty()) ++res.skipped;
            continue;
        }
        auto at = zips.find(a.address.postal_code);
        if (!at) {
            ++res.skipped;
            res.unknown_zip.push_back(a.id);
            continue;
        }
        Account placed = a;
        placed.location = *at;
        placed.location_approximate = true;
        res.changes.push_back(Put<Account>{std::move(placed), std::nullopt, true});
        ++res.placed;
    }
    return res;
}

} // namespace footprint::core
