// Generates the sample plan from the tables in sample_plan_data.cpp.
//
// Four phases, each with its own pseudo-random stream so that they do not disturb one another:
//   1. identity   accounts, contacts and service lines (independent of `today`)
//   2. dates      contract dates, lost dates (relative to `today`)
//   3. deals      opportunities
//   4. activity   calls, visits, meetings... over the past 120 days and the next 14
// Contract ends are placed deliberately: 8 accounts renew within 30 days, 15 within 90, 30 within
// 180, 12 are past their end (month-to-month), 30 started over the last 10 months, three a month
// (their Closed Won deals give the forecast a history), one ends on Feb 29 and many on a month's
// last day. This file has the territories and phase 1; sample_plan_deals.cpp the service lines
// (bundles, add-ons) and phases 2 and 3;
// sample_plan_activities.cpp phase 4; sample_plan_generator.h what they share.
#include "core/sample_plan.h"
#include "core/sample_plan_generator.h"

#include "core/geometry.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace footprint::core::sample_gen {

std::string make_id(std::string_view prefix, int n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "-%04d", n);
    return std::string(prefix) + buf;
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
    for (std::size_t pos = s.find(from); pos != std::string::npos;
         pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
    return s;
}

Date month_end(Date d) {
    const Ymd y = ymd_of(d);
    return date_from_ymd(y.year, y.month, days_in_month(y.year, y.month));
}

Date clamp_date(Date d, Date lo, Date hi) {
    return d < lo ? lo : (hi < d ? hi : d);
}

Cents clamp_cents(Cents c, Cents lo, Cents hi) {
    return std::clamp(c, lo, hi);
}

Cents price_for(const Product& p, int term) {
    const TermPrice* best = nullptr;
    for (const TermPrice& tp : p.prices)
        if (!best || std::abs(tp.term_months - term) < std::abs(best->term_months - term))
            best = &tp;
    return best ? best->mrc : 0;
}

Cents line_mrc(const Line& l, int term) {
    return static_cast<Cents>(
        std::llround(static_cast<double>(price_for(*l.product, term)) * l.quantity * l.factor));
}

Cents lines_mrc(const std::vector<Line>& lines, int term) {
    Cents sum = 0;
    for (const Line& l : lines)
        sum += line_mrc(l, term);
    return sum;
}

std::string describe_lines(const std::vector<Line>& lines) {
    std::string s;
    for (const Line& l : lines) {
        if (!s.empty()) s += ", ";
        s += l.product->name;
        if (l.quantity > 1) s += " \xC3\x97" + std::to_string(l.quantity); // ×
    }
    return s;
}

bool is_one_of(std::string_view s, std::initializer_list<std::string_view> set) {
    return std::find(set.begin(), set.end(), s) != set.end();
}

namespace {

// --- territories ---------------------------------------------------------------------------------
// Three polygons that tile the metro area (lat 39.62..40.42, lon -83.35..-82.30) along shared
// edges: North above lat 40.065 / 40.095, East beyond lon -82.965 (down to Pickerington and
// Lancaster), South-West for the centre, west and south (Downtown, Grove City, Canal Winchester).
struct TerritoryDef {
    const char* name;
    const char* color; // Okabe-Ito
    Ring ring;
};

const std::vector<TerritoryDef>& territory_defs() {
    static const std::vector<TerritoryDef> k = {
        {"North",
         "#0072B2",
         {{40.065, -83.35},
          {40.42, -83.35},
          {40.42, -82.72},
          {40.16, -82.87},
          {40.095, -82.87},
          {40.095, -82.965},
          {40.065, -82.965}}},
        {"East",
         "#009E73",
         {{40.065, -82.965},
          {40.095, -82.965},
          {40.095, -82.87},
          {40.16, -82.87},
          {40.42, -82.72},
          {40.42, -82.30},
          {39.62, -82.30},
          {39.62, -82.70},
          {39.862, -82.70},
          {39.862, -82.85},
          {39.93, -82.85},
          {39.93, -82.965}}},
        {"South-West",
         "#CC79A7",
         {{39.62, -83.35},
          {40.065, -83.35},
          {40.065, -82.965},
          {39.93, -82.965},
          {39.93, -82.85},
          {39.862, -82.85},
          {39.862, -82.70},
          {39.62, -82.70}}},
    };
    return k;
}

// Even-odd ray casting, longitude as x and latitude as y.
bool inside_ring(const Ring& ring, LatLon p) {
    std::vector<Vec2> pts;
    pts.reserve(ring.size());
    for (const LatLon& q : ring) pts.push_back({q.lon, q.lat});
    return point_in_ring({p.lon, p.lat}, pts);
}

std::string territory_of(const std::vector<Territory>& territories, LatLon p) {
    for (const Territory& t : territories)
        for (const Polygon& poly : t.polygons) {
            if (poly.empty() || !inside_ring(poly[0], p)) continue;
            bool in_hole = false;
            for (std::size_t h = 1; h < poly.size(); ++h)
                in_hole = in_hole || inside_ring(poly[h], p);
            if (!in_hole) return t.id;
        }
    return {};
}

} // namespace

const Product* Generator::product(std::string_view id) const {
    for (const Product& p : plan_.catalog)
        if (p.id == id) return &p;
    return nullptr;
}

// --- territories -----------------------------------------------------------------------------
void Generator::make_territories() {
    int n = 0;
    for (const TerritoryDef& def : territory_defs()) {
        Territory t;
        t.id = "s-ter-" + std::to_string(++n);
        t.name = def.name;
        t.color = def.color;
        t.polygons = {Polygon{def.ring}};
        t.modified = now_;
        plan_.territories.push_back(std::move(t));
    }
    // Each territory lists the ZIP codes of the places whose centre it holds.
    for (const sd::Place& place : sd::places()) {
        const std::string tid = territory_of(plan_.territories, LatLon{place.lat, place.lon});
        for (Territory& t : plan_.territories)
            if (t.id == tid)
                for (std::string_view z : place.zips)
                    if (std::find(t.zip_codes.begin(), t.zip_codes.end(), z) ==
                        t.zip_codes.end())
                        t.zip_codes.emplace_back(z);
    }
}

// --- phase 1: identity -----------------------------------------------------------------------
void Generator::make_accounts() {
    Rng& r = id_rng_;
    std::vector<AccountStatus> statuses;
    for (int i = 0; i < kAccounts; ++i)
        statuses.push_back(i < kClients              ? AccountStatus::Client
                           : i < kClients + kFormers ? AccountStatus::Former
                                                     : AccountStatus::Prospect);
    r.shuffle(statuses);

    // Contract classes of the clients, in a shuffled order.
    std::vector<Contract> classes;
    auto add_class = [&](Contract c, int n) {
        classes.insert(classes.end(), static_cast<std::size_t>(n), c);
    };
    add_class(Contract::Due30, 8);
    add_class(Contract::Due90, 7);
    add_class(Contract::Due180, 15);
    add_class(Contract::Expired, 12);
    add_class(Contract::Recent, 30);
    add_class(Contract::LeapDay, 1);
    add_class(Contract::Normal, kClients - static_cast<int>(classes.size()));
    r.shuffle(classes);

    std::vector<int> industry_weights, place_weights;
    for (const sd::Industry& ind : sd::industries())
        industry_weights.push_back(ind.weight);
    for (const sd::Place& p : sd::places())
        place_weights.push_back(p.weight);

    std::set<std::string> names;
    std::size_t client_index = 0;
    int recent_slot = 0;
    for (int i = 0; i < kAccounts; ++i) {
        Account a;
        Story story;
        a.id = make_id("s-acc", i + 1);
        a.status = statuses[static_cast<std::size_t>(i)];
        const sd::Industry& ind = sd::industries()[r.weighted(industry_weights)];
        story.industry = &ind;
        a.industry = std::string(ind.name);

        const sd::Place* place = &sd::places()[r.weighted(place_weights)];
        if (!ind.preferred_places.empty() && r.chance(60)) {
            const std::string_view want = r.pick(ind.preferred_places);
            for (const sd::Place& p : sd::places())
                if (p.name == want) place = &p;
        }

        a.name = unique_name(ind, names);
        // Street numbers: short in the dense centre, longer out in the suburbs.
        const int blocks = place->radius_km < 1.0 ? 12 : 60;
        a.address.street = std::to_string(r.between(1, blocks) * 100 + r.between(0, 99)) + " " +
                           std::string(r.pick(place->streets));
        a.address.city = std::string(place->city);
        a.address.state = "OH";
        a.address.postal_code = std::string(r.pick(place->zips));
        // Uniform within a disk of radius_km around the place's centre.
        const double dist = place->radius_km * std::sqrt(r.unit());
        const double angle = 2.0 * 3.14159265358979323846 * r.unit();
        const double kKmPerDegLat = 111.0;
        const double km_per_deg_lon =
            111.32 * std::cos(place->lat * 3.14159265358979323846 / 180.0);
        a.location = LatLon{place->lat + dist * std::sin(angle) / kKmPerDegLat,
                            place->lon + dist * std::cos(angle) / km_per_deg_lon};
        a.location_approximate = r.chance(4);
        a.territory_id = territory_of(plan_.territories, *a.location);
        a.owner = std::string(kRep);

        const double skew = std::pow(r.unit(), 1.6);
        a.employees = static_cast<int>(std::lround(
            ind.employees_min *
            std::pow(static_cast<double>(ind.employees_max) / ind.employees_min, skew)));
        a.sites = 1;
        if (a.employees >= 10 && r.chance(ind.multi_site_pct)) {
            const double u = r.unit();
            a.sites = 2 + static_cast<int>((ind.max_sites - 1) * u * u);
            a.sites = std::min({a.sites, ind.max_sites, std::max(2, a.employees / 5)});
        }
        if (a.status != AccountStatus::Prospect) {
            char buf[40];
            std::snprintf(buf, sizeof buf, "8347 %02d %03d %07d", r.between(10, 19),
                          r.between(1, 99), r.between(100000, 9999999));
            a.billing_account = buf;
        }
        make_contacts(a, ind, *place);

        if (a.sites >= 2) a.tags.emplace_back("multi-site");
        if (r.chance(8)) a.tags.emplace_back("chamber member");
        if (r.chance(5)) a.tags.emplace_back("referral partner");
        if (r.chance(30)) a.notes = std::string(r.pick(sd::account_notes()));

        story.lines = bundle_for(a, ind);
        story.auto_renew = r.chance(25);
        if (a.status == AccountStatus::Client) {
            story.contract = classes[client_index++];
            // Terms that let the contract dates below be placed: Normal and Recent contracts
            // run 36 or 60 months, the leap-day one 60, the others any of 12/36/60.
            const int roll = r.between(0, 99);
            if (story.contract == Contract::LeapDay)
                story.term = 60;
            else if (story.contract == Contract::Normal || story.contract == Contract::Recent)
                story.term = roll < 65 ? 36 : 60;
            else
                story.term = roll < 20 ? 12 : roll < 80 ? 36 : 60;
            if (story.contract == Contract::Expired) story.auto_renew = false;
            if (story.contract == Contract::Recent) {
                story.recent_slot = recent_slot++;
                // Of the 30: 18 renewals, 6 new logos, 6 won back.
                const int k = story.recent_slot % 5;
                story.recent_type = k == 0   ? OpportunityType::New
                                    : k == 3 ? OpportunityType::WinBack
                                             : OpportunityType::Renewal;
            }
            if (story.lines.size() < 5 && r.chance(18)) {
                story.addon = addon_for(a, ind, story.lines);
                story.has_addon = story.addon.product != nullptr;
            }
        }
        names.insert(a.name);
        a.modified = now_;
        plan_.accounts.push_back(std::move(a));
        stories_.push_back(std::move(story));
    }
}

std::string Generator::unique_name(const sd::Industry& ind, const std::set<std::string>& taken) {
    Rng& r = id_rng_;
    std::string name;
    for (int attempt = 0; attempt < 64; ++attempt) {
        name = std::string(r.pick(ind.name_patterns));
        name = replace_all(name, "{W}", r.pick(sd::name_words()));
        std::vector<std::string_view> used;
        for (std::size_t pos = name.find("{S}"); pos != std::string::npos;
             pos = name.find("{S}")) {
            std::string_view s = r.pick(sd::surnames());
            while (std::find(used.begin(), used.end(), s) != used.end())
                s = r.pick(sd::surnames());
            used.push_back(s);
            name.replace(pos, 3, s);
        }
        if (!taken.count(name)) return name;
    }
    return name + " " + std::to_string(taken.size()); // not reached with these tables
}

std::string Generator::lower_alnum(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c >= 'A' && c <= 'Z')
            out.push_back(static_cast<char>(c - 'A' + 'a'));
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out.push_back(c);
    }
    return out;
}

// "Ashgrove Dental Group" -> "ashgrovedental.example"; more words when that one is taken.
std::string Generator::domain_of(std::string_view business) {
    for (int words = 2; words <= 6; ++words) {
        std::string d = domain_words(business, words) + ".example";
        if (domains_.insert(d).second) return d;
    }
    std::string d = domain_words(business, 6) + std::to_string(domains_.size()) + ".example";
    domains_.insert(d);
    return d;
}

std::string Generator::domain_words(std::string_view business, int max_words) {
    static constexpr std::string_view kSkip[] = {"the", "and", "of",  "co",
                                                 "llp", "llc", "lpa", "inc"};
    std::string domain;
    int words = 0;
    std::size_t pos = 0;
    while (pos < business.size() && words < max_words) {
        std::size_t end = business.find(' ', pos);
        if (end == std::string_view::npos) end = business.size();
        const std::string w = lower_alnum(business.substr(pos, end - pos));
        pos = end + 1;
        if (w.empty() || std::find(std::begin(kSkip), std::end(kSkip), w) != std::end(kSkip))
            continue;
        domain += w;
        ++words;
    }
    return domain.empty() ? std::string("business") : domain;
}

std::string Generator::role_for(std::string_view title) {
    auto has = [&](std::string_view w) { return title.find(w) != std::string_view::npos; };
    if (has("IT ") || has("Network") || has("Systems") || has("CTO") || has("Technology"))
        return "Technical";
    if (has("Financ") || has("Controller") || has("Accounts") || has("Bookkeeper"))
        return "Billing";
    return "Influencer";
}

void Generator::make_contacts(Account& a, const sd::Industry& ind, const sd::Place& place) {
    Rng& r = id_rng_;
    const int count = a.employees < 15    ? r.between(1, 2)
                      : a.employees < 100 ? r.between(1, 3)
                                          : r.between(2, 3);
    const std::string domain = domain_of(a.name);
    std::vector<std::string> used_names, used_titles;
    for (int c = 0; c < count; ++c) {
        Contact k;
        k.id = make_id("s-con", ++contact_seq_);
        std::string first, last;
        do {
            first = std::string(r.pick(sd::first_names()));
            last = std::string(r.pick(sd::surnames()));
            k.name = first + " " + last;
        } while (std::find(used_names.begin(), used_names.end(), k.name) != used_names.end());
        used_names.push_back(k.name);
        if (c == 0) {
            k.title = std::string(r.pick(ind.lead_titles));
            k.role = "Decision maker";
            k.primary = true;
        } else {
            const sd::Words& pool =
                a.employees >= 40 ? sd::staff_titles() : sd::small_staff_titles();
            do
                k.title = std::string(r.pick(pool));
            while (std::find(used_titles.begin(), used_titles.end(), k.title) !=
                   used_titles.end());
            k.role = role_for(k.title);
        }
        used_titles.push_back(k.title);
        std::string area(place.area_code);
        if (area == "614" && r.chance(15)) area = "380";
        char phone[32];
        std::snprintf(phone, sizeof phone, "(%s) 555-01%02d", area.c_str(), r.between(0, 99));
        k.phone = phone;
        const std::string f = lower_alnum(first), l = lower_alnum(last);
        const int style = r.between(0, 2);
        k.email = (style == 0   ? f + "." + l
                   : style == 1 ? f.substr(0, 1) + l
                                : f) +
                  "@" + domain;
        k.modified = now_;
        a.contacts.push_back(std::move(k));
    }
}

} // namespace footprint::core::sample_gen

namespace footprint::core {

Plan make_sample_plan(Date today, Timestamp now) {
    Plan plan = make_empty_plan("sample-columbus-oh", "Sample plan \xE2\x80\x94 Columbus, OH", now);
    plan.sample = true;
    plan.owner = std::string(sample_gen::kRep);
    plan.settings.home_label = "Office \xE2\x80\x94 1 Nationwide Plaza area";
    plan.settings.home = LatLon{39.9695, -83.0030};
    plan.settings.timezone = "America/New_York";
    sample_gen::Generator(plan, today, now).run();
    return plan;
}

} // namespace footprint::core
