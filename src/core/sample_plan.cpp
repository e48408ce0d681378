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
// last day.
#include "core/sample_plan.h"

#include "core/geometry.h"

#include "core/format.h"
#include "core/sample_plan_data.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace footprint::core {

namespace {

namespace sd = sample_data;

constexpr std::string_view kRep = "Jordan Reyes";
constexpr int kAccounts = 300;
constexpr int kClients = 165, kFormers = 60; // the other 75 are prospects

// --- a small deterministic PRNG (splitmix64) -----------------------------------------------------
class Rng {
  public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [lo, hi], both included.
    int between(int lo, int hi) {
        if (hi <= lo) return lo;
        const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo + 1);
        return static_cast<int>(lo + static_cast<std::int64_t>(next() % span));
    }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; } // [0, 1)
    bool chance(int percent) { return between(0, 99) < percent; }
    std::size_t index(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
    template <typename V> const auto& pick(const V& v) { return v[index(v.size())]; }
    template <typename V> void shuffle(V& v) {
        for (std::size_t i = v.size(); i > 1; --i)
            std::swap(v[i - 1], v[index(i)]);
    }
    std::size_t weighted(const std::vector<int>& weights) {
        int total = 0;
        for (int w : weights)
            total += w;
        int r = between(0, total - 1);
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (r < weights[i]) return i;
            r -= weights[i];
        }
        return weights.size() - 1;
    }

  private:
    std::uint64_t state_;
};

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

// --- accounts ------------------------------------------------------------------------------------
enum class Contract { Due30, Due90, Due180, Expired, Recent, Normal, LeapDay };

struct Line {
    const Product* product = nullptr;
    int quantity = 1;
    double factor = 1.0; // price variation around the catalog price
};

// What the generator knows about an account beyond the record itself.
struct Story {
    const sd::Industry* industry = nullptr;
    std::vector<Line> lines; // clients: the main bundle; formers: what they had; prospects: a fit
    int term = 36;
    bool auto_renew = false;
    Contract contract = Contract::Normal;
    int recent_slot = 0; // Recent: 0..29, spread over the last 10 months
    OpportunityType recent_type = OpportunityType::Renewal;
    bool has_addon = false; // clients: one more service on its own contract
    Line addon;
    Date close_won; // Recent: when the deal closed
    Date addon_start;
    bool addon_separate = false;
};

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

class Generator {
  public:
    Generator(Plan& plan, Date today, Timestamp now)
        : plan_(plan), today_(today), now_(now), id_rng_(0x5A3D1E0F00C0FFEEull),
          date_rng_(0x0DA7E5C0105EDull), deal_rng_(0xDEA15D0CA11ED5ull),
          act_rng_(0xAC71F17135EEDull) {}

    void run() {
        make_territories();
        make_accounts();
        place_contract_dates();
        make_opportunities();
        make_activities();
    }

  private:
    Plan& plan_;
    Date today_;
    Timestamp now_;
    Rng id_rng_, date_rng_, deal_rng_, act_rng_;
    std::vector<Story> stories_; // parallel to plan_.accounts
    int contact_seq_ = 0, service_seq_ = 0;
    std::set<std::string> domains_;

    const Product* product(std::string_view id) const {
        for (const Product& p : plan_.catalog)
            if (p.id == id) return &p;
        return nullptr;
    }
    Date days_from_today(int n) const { return add_days(today_, n); }

    // --- territories -----------------------------------------------------------------------------
    void make_territories() {
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
    void make_accounts() {
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

    std::string unique_name(const sd::Industry& ind, const std::set<std::string>& taken) {
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

    static std::string lower_alnum(std::string_view s) {
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
    std::string domain_of(std::string_view business) {
        for (int words = 2; words <= 6; ++words) {
            std::string d = domain_words(business, words) + ".example";
            if (domains_.insert(d).second) return d;
        }
        std::string d = domain_words(business, 6) + std::to_string(domains_.size()) + ".example";
        domains_.insert(d);
        return d;
    }

    static std::string domain_words(std::string_view business, int max_words) {
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

    static std::string role_for(std::string_view title) {
        auto has = [&](std::string_view w) { return title.find(w) != std::string_view::npos; };
        if (has("IT ") || has("Network") || has("Systems") || has("CTO") || has("Technology"))
            return "Technical";
        if (has("Financ") || has("Controller") || has("Accounts") || has("Bookkeeper"))
            return "Billing";
        return "Influencer";
    }

    void make_contacts(Account& a, const sd::Industry& ind, const sd::Place& place) {
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

    // The services a business of this kind and size buys (at most 5, Internet first).
    std::vector<Line> bundle_for(const Account& a, const sd::Industry& ind) {
        Rng& r = id_rng_;
        std::vector<Line> lines;
        auto add = [&](std::string_view id, int qty) {
            if (const Product* p = product(id))
                lines.push_back(Line{p, std::max(1, qty), 0.9 + 0.2 * r.unit()});
        };
        const int e = a.employees;
        const char* inet = e < 25    ? "inet-100"
                           : e < 150 ? "inet-500"
                           : e < 700 ? "inet-1g"
                                     : "inet-10g";
        const bool ethernet = a.sites >= 2 && r.chance(50);
        const bool sdwan = ethernet && e < 120 && r.chance(50);
        add(inet, ethernet && !sdwan ? 1 : a.sites);
        if (ethernet) {
            if (sdwan)
                add("eth-sdwan", a.sites);
            else
                add(e >= 120 ? "eth-evpl-1g" : "eth-epl-100", a.sites - 1);
        }
        if (r.chance(60)) {
            if (e <= 60)
                add("voice-hosted", std::max(3, e * 4 / 5));
            else if (r.chance(60))
                add("voice-trunk", std::min(8, (e + 59) / 60));
            else
                add("voice-pri", r.between(1, 3));
        }
        if (ind.name == "Hospitality")
            add("tv-hospitality", r.between(60, 240));
        else if (is_one_of(ind.name, {"Restaurants", "Auto dealers", "Healthcare", "Fitness",
                                      "Dental", "Senior living", "Veterinary"}) &&
                 r.chance(35))
            add("tv-business", std::min(8, r.between(1, 3) * a.sites));
        if (r.chance(18)) add("cloud-backup", r.between(1, 4));
        if (r.chance(12)) add("cloud-security", a.sites);
        if (is_one_of(ind.name, {"Hospitality", "Education", "Healthcare", "Senior living",
                                 "Fitness", "Restaurants"}) &&
            r.chance(35))
            add("managed-wifi", r.between(4, 30));
        else if (r.chance(8))
            add("managed-network", a.sites);
        if (lines.size() > 5) lines.resize(5);
        return lines;
    }

    Line addon_for(const Account& a, const sd::Industry& ind, const std::vector<Line>& have) {
        Rng& r = id_rng_;
        auto has = [&](std::string_view id) {
            for (const Line& l : have)
                if (l.product->id == id) return true;
            return false;
        };
        std::vector<std::pair<std::string_view, int>> options;
        if (!has("cloud-backup")) options.push_back({"cloud-backup", r.between(2, 4)});
        if (!has("managed-wifi")) options.push_back({"managed-wifi", r.between(8, 24)});
        if (!has("cloud-security")) options.push_back({"cloud-security", a.sites});
        if (!has("tv-business") && ind.name != "Hospitality")
            options.push_back({"tv-business", r.between(1, 4)});
        if (options.empty()) return {};
        const auto& [id, qty] = r.pick(options);
        return Line{product(id), qty, 0.92 + 0.16 * r.unit()};
    }

    // --- phase 2: dates --------------------------------------------------------------------------
    Service make_service(const Line& l, int term) {
        Service s;
        s.id = make_id("s-svc", ++service_seq_);
        s.product = l.product->id;
        s.family = l.product->family;
        s.quantity = l.quantity;
        s.mrc = line_mrc(l, term);
        s.term_months = term;
        s.bandwidth_mbps = l.product->bandwidth_mbps;
        s.modified = now_;
        return s;
    }

    // A contract end `lo..hi` days from today; often moved to the month's last day (contracts
    // that start on the 1st end on the 30th or 31st) when that keeps it in range.
    Date end_between(int lo, int hi) {
        Date end = days_from_today(date_rng_.between(lo, hi));
        const Date me = month_end(end);
        if (date_rng_.chance(55) && days_between(today_, me) <= hi) end = me;
        return end;
    }

    void place_contract_dates() {
        for (std::size_t i = 0; i < plan_.accounts.size(); ++i) {
            Account& a = plan_.accounts[i];
            Story& st = stories_[i];
            if (a.status == AccountStatus::Former) {
                place_former(a, st);
                continue;
            }
            if (a.status != AccountStatus::Client) continue;

            Date start, end;
            const int term_days = st.term * 365 / 12;
            switch (st.contract) {
            case Contract::Due30:
                end = end_between(0, 30);
                break;
            case Contract::Due90:
                end = end_between(31, 90);
                break;
            case Contract::Due180:
                end = end_between(91, 180);
                break;
            case Contract::Expired:
                end = days_from_today(-date_rng_.between(3, 420));
                break;
            case Contract::Normal:
                end = end_between(181, term_days - 300);
                break;
            case Contract::LeapDay: {
                int y = ymd_of(today_).year;
                while (!(is_leap_year(y) && days_from_today(180) < date_from_ymd(y, 2, 29)))
                    ++y;
                end = date_from_ymd(y, 2, 29);
                break;
            }
            case Contract::Recent: {
                // Closed in month (this month - slot % 10), service started 1-3 weeks later.
                const YearMonth ym{YearMonth::of(today_).index - st.recent_slot % 10};
                const Date first = ym.first_day();
                const Date last = st.recent_slot % 10 == 0 ? today_ : month_end(first);
                st.close_won = add_days(first, date_rng_.between(0, days_between(first, last)));
                start = std::min(add_days(st.close_won, date_rng_.between(7, 21)), today_);
                end = add_days(add_months(start, st.term), -1);
                break;
            }
            }
            if (st.contract != Contract::Recent) start = add_months(add_days(end, 1), -st.term);

            for (const Line& l : st.lines) {
                Service s = make_service(l, st.term);
                s.contract_start = start;
                s.contract_end = end;
                s.auto_renew = st.auto_renew;
                a.services.push_back(std::move(s));
            }
            if (st.has_addon) {
                // Added later on its own 36-month contract when that ends after the main one;
                // otherwise co-terminus with the main contract.
                Service s = make_service(st.addon, 36);
                const Date lo = std::max(
                    {start, add_days(add_months(add_days(end, 1), -36), 1), days_from_today(-700)});
                const Date hi = days_from_today(-20);
                if (lo <= hi) {
                    const Date add_start = add_days(lo, date_rng_.between(0, days_between(lo, hi)));
                    const Date add_end = add_days(add_months(add_start, 36), -1);
                    if (end < add_end) {
                        st.addon_separate = true;
                        st.addon_start = add_start;
                        s.contract_start = add_start;
                        s.contract_end = add_end;
                    }
                }
                if (!st.addon_separate) {
                    s.contract_start = start;
                    s.contract_end = end;
                    s.term_months = st.term;
                }
                s.auto_renew = st.auto_renew;
                a.services.push_back(std::move(s));
            }
            if (st.contract == Contract::Expired) a.tags.emplace_back("month-to-month");
            if (st.contract == Contract::Recent && st.recent_type == OpportunityType::New)
                a.tags.emplace_back("new logo");
            if (st.contract == Contract::Recent && st.recent_type == OpportunityType::WinBack)
                a.tags.emplace_back("won back");
            if (account_mrc(a) >= 500000) a.tags.emplace_back("key account");
        }
    }

    void place_former(Account& a, const Story& st) {
        Rng& r = date_rng_;
        FormerClient& f = a.former;
        f.lost_date = days_from_today(-r.between(183, 1217)); // 6 to 40 months ago
        const std::size_t reason = r.index(sd::former_reasons().size());
        f.reason = std::string(sd::former_reasons()[reason]);
        f.competitor = std::string(r.pick(sd::competitors()));
        if (f.reason == "moved" && r.chance(50)) f.competitor.clear();
        f.competitor_term_months = r.chance(40) ? 24 : 36;
        if (r.chance(25))
            f.competitor_contract_end = add_months(*f.lost_date, f.competitor_term_months);
        const int term = 36;
        std::string note =
            "Was " + format_mrc(lines_mrc(st.lines, term)) + ": " + describe_lines(st.lines) + ". ";
        note += f.competitor.empty() ? "Left: " + f.reason + "."
                                     : "Left for " + f.competitor + " (" + f.reason + ").";
        a.notes = a.notes.empty() ? note : note + " " + a.notes;
    }

    // --- phase 3: opportunities ------------------------------------------------------------------
    Opportunity& add_opp(const Account& a, OpportunityType type, const std::string& what,
                         std::string_view stage, Date close, Cents mrc, int term,
                         std::vector<std::string> products) {
        Opportunity o;
        o.id = make_id("s-opp", static_cast<int>(plan_.opportunities.size()) + 1);
        o.account_id = a.id;
        o.name = a.name + " \xE2\x80\x94 " + what; // em dash
        o.type = type;
        o.stage = std::string(stage);
        for (const Stage& s : plan_.stages)
            if (s.name == stage) {
                o.probability = s.probability;
                o.forecast_category = s.category;
            }
        o.close_date = close;
        // Opened about three months before the close, never after today: what the activity
        // report counts as new pipeline.
        o.created = std::min(today_, add_days(close, -91));
        o.mrc = clamp_cents(mrc, 30000, 1200000);
        o.term_months = term;
        o.products = std::move(products);
        o.owner = std::string(kRep);
        o.modified = now_;
        plan_.opportunities.push_back(std::move(o));
        return plan_.opportunities.back();
    }

    // An open stage that fits how far away the close date is.
    std::string_view open_stage(int days_to_close) {
        Rng& r = deal_rng_;
        const int roll = r.between(0, 99);
        if (days_to_close < 30)
            return roll < 40   ? "Negotiation/Review"
                   : roll < 75 ? "Proposal/Price Quote"
                   : roll < 90 ? "Perception Analysis"
                               : "Id. Decision Makers";
        if (days_to_close < 90)
            return roll < 20   ? "Proposal/Price Quote"
                   : roll < 40 ? "Perception Analysis"
                   : roll < 60 ? "Id. Decision Makers"
                   : roll < 85 ? "Value Proposition"
                               : "Needs Analysis";
        return roll < 25   ? "Prospecting"
               : roll < 50 ? "Qualification"
               : roll < 75 ? "Needs Analysis"
               : roll < 95 ? "Value Proposition"
                           : "Id. Decision Makers";
    }

    int pick_term() {
        const int roll = deal_rng_.between(0, 99);
        return roll < 15 ? 12 : roll < 75 ? 36 : 60;
    }

    static std::vector<std::string> product_ids(const std::vector<Line>& lines) {
        std::vector<std::string> ids;
        for (const Line& l : lines)
            if (std::find(ids.begin(), ids.end(), l.product->id) == ids.end())
                ids.push_back(l.product->id);
        return ids;
    }

    static std::vector<std::string> service_products(const Account& a) {
        std::vector<std::string> ids;
        for (const Service& s : a.services)
            if (std::find(ids.begin(), ids.end(), s.product) == ids.end()) ids.push_back(s.product);
        return ids;
    }

    Date open_close_date() { return days_from_today(deal_rng_.between(7, 180)); }
    Date slipped_close_date() { return days_from_today(-deal_rng_.between(3, 30)); }
    Date closed_date() { return days_from_today(-deal_rng_.between(3, 290)); }

    void set_open(Opportunity& o, std::string_view next) { o.next_step = std::string(next); }
    void set_lost(Opportunity& o, std::string reason) {
        o.loss_reason = std::move(reason);
        o.next_step.clear();
    }

    void make_opportunities() {
        Rng& r = deal_rng_;
        const std::size_t n = plan_.accounts.size();

        // Renewals of contracts that end soon or already ended; Closed Won deals of recent starts.
        int due180_with_opp = 0, expired_seen = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const Account& a = plan_.accounts[i];
            const Story& st = stories_[i];
            if (a.status != AccountStatus::Client) continue;
            const Date end = *a.services.front().contract_end;
            const Cents mrc = account_mrc(a) * r.between(95, 108) / 100;
            const std::string label =
                "Renewal " + std::to_string(ymd_of(std::max(end, today_)).year);
            Date close;
            bool make = true, slipped = false;
            switch (st.contract) {
            case Contract::Due30:
                close = std::max(today_, add_days(end, -r.between(0, 7)));
                break;
            case Contract::Due90:
                close = add_days(end, -r.between(0, 14));
                break;
            case Contract::Due180:
                make = due180_with_opp++ < 8;
                close = add_days(end, -r.between(0, 21));
                break;
            case Contract::Expired: {
                const int k = expired_seen++;
                make = k < 8;
                slipped = k < 4;
                close = slipped ? slipped_close_date() : days_from_today(r.between(7, 45));
                break;
            }
            case Contract::Recent: {
                const std::string what =
                    st.recent_type == OpportunityType::Renewal
                        ? "Renewal " + std::to_string(ymd_of(st.close_won).year)
                    : st.recent_type == OpportunityType::New ? "New fiber service"
                                                             : "Win-back";
                Opportunity& o =
                    add_opp(a, st.recent_type, what, "Closed Won", st.close_won,
                            lines_mrc(st.lines, st.term), st.term, product_ids(st.lines));
                if (st.recent_type != OpportunityType::Renewal)
                    for (const Line& l : st.lines)
                        o.otc += r.chance(50) ? l.product->otc : 0;
                o.next_step = "Hand off to implementation";
                make = false;
                break;
            }
            default:
                make = false;
                break;
            }
            if (!make) continue;
            const std::string_view stage =
                slipped ? (r.chance(50) ? "Negotiation/Review" : "Proposal/Price Quote")
                        : open_stage(days_between(today_, close));
            Opportunity& o = add_opp(a, OpportunityType::Renewal, label, stage, close, mrc,
                                     pick_term(), service_products(a));
            set_open(o, r.pick(sd::next_steps_renewal()));
        }

        // Add-ons started in the last ~9 months: their Closed Won upsells.
        for (std::size_t i = 0; i < n; ++i) {
            const Story& st = stories_[i];
            if (!st.addon_separate || st.addon_start < days_from_today(-280)) continue;
            const Account& a = plan_.accounts[i];
            const Cents mrc = a.services.back().mrc;
            Opportunity& o = add_opp(a, OpportunityType::Upsell, st.addon.product->name,
                                     "Closed Won", add_days(st.addon_start, -r.between(7, 21)), mrc,
                                     36, {st.addon.product->id});
            o.next_step = "Hand off to implementation";
        }

        make_upsells();
        make_winbacks();
        make_new_business();
    }

    struct Upsell {
        std::string what;
        const Product* product = nullptr;
        int quantity = 1;
        Cents mrc = 0;
    };

    std::vector<Upsell> upsell_options(const Account& a, const Story& st) {
        auto has_family = [&](std::string_view f) {
            for (const Service& s : a.services)
                if (s.family == f) return true;
            return false;
        };
        auto has_product = [&](std::string_view id) {
            for (const Service& s : a.services)
                if (s.product == id) return true;
            return false;
        };
        std::vector<Upsell> out;
        auto offer = [&](std::string what, std::string_view id, int qty) {
            const Product* p = product(id);
            if (!p) return;
            const Cents mrc = price_for(*p, 36) * qty * deal_rng_.between(92, 100) / 100;
            if (mrc >= 30000) out.push_back(Upsell{std::move(what), p, qty, mrc});
        };
        const int e = a.employees;
        if (a.sites >= 2 && !has_family("ethernet")) {
            if (e >= 100)
                offer("Ethernet between " + std::to_string(a.sites) + " sites", "eth-evpl-1g",
                      a.sites - 1);
            else
                offer("SD-WAN for " + std::to_string(a.sites) + " sites", "eth-sdwan", a.sites);
        }
        if (!has_family("voice") && e >= 10) {
            const int seats = std::clamp(e * 7 / 10, 12, 150);
            offer("Hosted Voice, " + std::to_string(seats) + " seats", "voice-hosted", seats);
        }
        if (e >= 120 && !has_product("inet-1g") && !has_product("inet-10g"))
            offer("Upgrade to 1 Gbps", "inet-1g", 1);
        if (!has_product("managed-wifi") &&
            is_one_of(st.industry->name, {"Hospitality", "Education", "Healthcare", "Senior living",
                                          "Fitness", "Restaurants"})) {
            const int aps = deal_rng_.between(9, 30);
            offer("Managed Wi-Fi, " + std::to_string(aps) + " access points", "managed-wifi", aps);
        }
        if (!has_family("cloud")) {
            if (a.sites >= 2)
                offer("Cloud Security for " + std::to_string(a.sites) + " sites", "cloud-security",
                      a.sites);
            else
                offer("Cloud Backup, 3 TB", "cloud-backup", 3);
        }
        return out;
    }

    void make_upsells() {
        Rng& r = deal_rng_;
        std::vector<std::size_t> order;
        for (std::size_t i = 0; i < plan_.accounts.size(); ++i) {
            const Contract c = stories_[i].contract;
            if (plan_.accounts[i].status == AccountStatus::Client && c != Contract::Due30 &&
                c != Contract::Expired)
                order.push_back(i);
        }
        r.shuffle(order);
        int open = 0, lost = 0;
        for (std::size_t i : order) {
            if (open >= 15 && lost >= 3) break;
            const Account& a = plan_.accounts[i];
            std::vector<Upsell> options = upsell_options(a, stories_[i]);
            if (options.empty()) continue;
            const Upsell& u = r.pick(options);
            if (open < 15) {
                const bool slipped = open == 5;
                const Date close = slipped ? slipped_close_date() : open_close_date();
                const std::string_view stage =
                    slipped ? "Proposal/Price Quote" : open_stage(days_between(today_, close));
                Opportunity& o = add_opp(a, OpportunityType::Upsell, u.what, stage, close, u.mrc,
                                         36, {u.product->id});
                if (u.product->family == "ethernet" && r.chance(50))
                    o.otc = u.product->otc * u.quantity;
                set_open(o, r.pick(sd::next_steps_upsell()));
                ++open;
            } else {
                Opportunity& o = add_opp(a, OpportunityType::Upsell, u.what, "Closed Lost",
                                         closed_date(), u.mrc, 36, {u.product->id});
                set_lost(o, std::string(r.pick(sd::deal_loss_reasons())));
                ++lost;
            }
        }
    }

    void make_winbacks() {
        Rng& r = deal_rng_;
        struct Candidate {
            std::size_t index;
            int days_to_competitor_end;
        };
        std::vector<Candidate> formers;
        for (std::size_t i = 0; i < plan_.accounts.size(); ++i) {
            const Account& a = plan_.accounts[i];
            if (a.status != AccountStatus::Former) continue;
            const FormerClient& f = a.former;
            const Date comp_end = f.competitor_contract_end
                                      ? *f.competitor_contract_end
                                      : add_months(*f.lost_date, f.competitor_term_months);
            formers.push_back({i, days_between(today_, comp_end)});

            // A renewal lost in the last ~9 months: the deal that made them a former client.
            if (*f.lost_date >= days_from_today(-280)) {
                const Story& st = stories_[i];
                const auto& reasons = sd::former_reasons();
                std::size_t k = 0;
                while (k < reasons.size() && reasons[k] != f.reason)
                    ++k;
                Opportunity& o = add_opp(a, OpportunityType::Renewal,
                                         "Renewal " + std::to_string(ymd_of(*f.lost_date).year),
                                         "Closed Lost", add_days(*f.lost_date, -r.between(0, 20)),
                                         lines_mrc(st.lines, 36), 36, product_ids(st.lines));
                set_lost(o,
                         std::string(
                             sd::loss_reasons_by_former_reason()[std::min(k, reasons.size() - 1)]));
            }
        }
        // Call those whose competitor contract ends soonest (around three months from now) first.
        std::stable_sort(formers.begin(), formers.end(),
                         [](const Candidate& x, const Candidate& y) {
                             return std::abs(x.days_to_competitor_end - 90) <
                                    std::abs(y.days_to_competitor_end - 90);
                         });
        for (std::size_t k = 0; k < formers.size() && k < 10; ++k) {
            const Account& a = plan_.accounts[formers[k].index];
            const Story& st = stories_[formers[k].index];
            const Date close = clamp_date(days_from_today(formers[k].days_to_competitor_end - 30),
                                          days_from_today(10), days_from_today(180));
            Opportunity& o = add_opp(a, OpportunityType::WinBack, "Win-back",
                                     open_stage(days_between(today_, close)), close,
                                     lines_mrc(st.lines, 36) * r.between(88, 98) / 100, 36,
                                     product_ids(st.lines));
            set_open(o, r.pick(sd::next_steps_winback()));
        }
        // The three whose competitor contract ends last said no for now.
        for (std::size_t k = 0; k < 3 && k + 10 < formers.size(); ++k) {
            const Candidate& c = formers[formers.size() - 1 - k];
            const Account& a = plan_.accounts[c.index];
            Opportunity& o = add_opp(a, OpportunityType::WinBack, "Win-back", "Closed Lost",
                                     closed_date(), lines_mrc(stories_[c.index].lines, 36), 36,
                                     product_ids(stories_[c.index].lines));
            set_lost(o, "Still under contract with " + (a.former.competitor.empty()
                                                            ? std::string("their new provider")
                                                            : a.former.competitor));
        }
    }

    void make_new_business() {
        Rng& r = deal_rng_;
        std::vector<std::size_t> prospects;
        for (std::size_t i = 0; i < plan_.accounts.size(); ++i)
            if (plan_.accounts[i].status == AccountStatus::Prospect) prospects.push_back(i);
        r.shuffle(prospects);
        int open = 0, lost = 0;
        for (std::size_t i : prospects) {
            if (open >= 18 && lost >= 4) break;
            const Account& a = plan_.accounts[i];
            std::vector<Line> lines = stories_[i].lines;
            if (lines.size() > 3) lines.resize(3);
            const int term = pick_term();
            std::string what = "New service: " + std::string(lines.front().product->name);
            if (lines.size() > 1) what += " + " + std::to_string(lines.size() - 1) + " more";
            if (open < 18) {
                const bool slipped = open == 7;
                const Date close = slipped ? slipped_close_date() : open_close_date();
                const std::string_view stage =
                    slipped ? "Id. Decision Makers" : open_stage(days_between(today_, close));
                Opportunity& o = add_opp(a, OpportunityType::New, what, stage, close,
                                         lines_mrc(lines, term), term, product_ids(lines));
                if (r.chance(50))
                    for (const Line& l : lines)
                        o.otc += l.product->otc;
                set_open(o, r.pick(sd::next_steps_new()));
                ++open;
            } else {
                Opportunity& o =
                    add_opp(a, OpportunityType::New, what, "Closed Lost", closed_date(),
                            lines_mrc(lines, term), term, product_ids(lines));
                set_lost(o, std::string(r.pick(sd::deal_loss_reasons())));
                ++lost;
            }
        }
    }

    // --- phase 4: activities ---------------------------------------------------------------------
    static int duration_for(ActivityType t, Rng& r) {
        switch (t) {
        case ActivityType::Call:
            return 5 * r.between(1, 6);
        case ActivityType::Email:
            return 5 * r.between(1, 2);
        case ActivityType::Visit:
            return 15 * r.between(2, 6);
        case ActivityType::Meeting:
            return 15 * r.between(3, 6);
        case ActivityType::Event:
            return 30 * r.between(3, 5);
        case ActivityType::Proposal:
            return 15 * r.between(2, 4);
        }
        return 30;
    }

    std::string product_name(const std::string& id) const {
        const Product* p = product(id);
        return p ? p->name : id;
    }

    void make_activities() {
        Rng& r = act_rng_;
        const Settings& s = plan_.settings;
        std::vector<std::size_t> clients, others;
        for (std::size_t i = 0; i < plan_.accounts.size(); ++i)
            (plan_.accounts[i].status == AccountStatus::Client ? clients : others).push_back(i);
        std::vector<std::size_t> account_index_of_opp;
        for (const Opportunity& o : plan_.opportunities)
            for (std::size_t i = 0; i < plan_.accounts.size(); ++i)
                if (plan_.accounts[i].id == o.account_id) {
                    account_index_of_opp.push_back(i);
                    break;
                }

        std::vector<Activity> acts;
        for (int offset = -120; offset <= 14; ++offset) {
            const Date day = days_from_today(offset);
            const int wd = weekday(day);
            if (wd >= 5) continue;
            const bool planned = offset >= 0;
            const int count = planned ? r.between(2, 4) : r.between(5, 8);
            int cursor = s.work_start_minute + 15 * r.between(0, 2);
            // Every other Thursday: a networking event first thing in the morning.
            const bool event_day = wd == 3 && ((day.days / 7) % 2 == 0);

            // Deals being worked on this day.
            std::vector<std::size_t> live;
            for (std::size_t k = 0; k < plan_.opportunities.size(); ++k) {
                const Opportunity& o = plan_.opportunities[k];
                const Date close = *o.close_date;
                const bool closed = o.stage == "Closed Won" || o.stage == "Closed Lost";
                if (closed ? (add_days(close, -75) <= day && day <= close) : true)
                    live.push_back(k);
            }

            for (int n = 0; n < count + (event_day ? 1 : 0); ++n) {
                Activity act;
                act.date = day;
                ActivityType type;
                if (event_day && n == 0)
                    type = ActivityType::Event;
                else {
                    const int roll = r.between(0, 99);
                    type = planned ? (roll < 35   ? ActivityType::Visit
                                      : roll < 65 ? ActivityType::Meeting
                                      : roll < 95 ? ActivityType::Call
                                                  : ActivityType::Proposal)
                                   : (roll < 40   ? ActivityType::Call
                                      : roll < 64 ? ActivityType::Email
                                      : roll < 80 ? ActivityType::Visit
                                      : roll < 94 ? ActivityType::Meeting
                                                  : ActivityType::Proposal);
                }
                const Opportunity* opp = nullptr;
                std::size_t account = 0;
                if (type != ActivityType::Event && !live.empty() &&
                    (type == ActivityType::Proposal || r.chance(65))) {
                    const std::size_t k = live[r.index(live.size())];
                    opp = &plan_.opportunities[k];
                    account = account_index_of_opp[k];
                } else {
                    if (type == ActivityType::Proposal) type = ActivityType::Call;
                    account = r.chance(55) ? r.pick(clients) : r.pick(others);
                }
                act.type = type;
                const int duration = duration_for(type, r);
                if (cursor < s.lunch_start_minute + s.lunch_minutes &&
                    cursor + duration > s.lunch_start_minute)
                    cursor = s.lunch_start_minute + s.lunch_minutes;
                if (cursor + duration > s.work_end_minute) break;
                act.start_minute = cursor;
                act.duration_minutes = duration;
                cursor += duration + 15 * r.between(0, 2) +
                          (type == ActivityType::Visit || type == ActivityType::Meeting ? 30 : 0);

                const Account& a = plan_.accounts[account];
                act.account_id = a.id;
                if (!a.contacts.empty() && r.chance(80)) act.contact_id = r.pick(a.contacts).id;
                const sd::ActivityWords& words = sd::activity_words(static_cast<int>(type));
                if (opp) {
                    act.opportunity_id = opp->id;
                    const std::string p = opp->products.empty()
                                              ? std::string("fiber")
                                              : product_name(opp->products.front());
                    if (type == ActivityType::Proposal)
                        act.subject = std::string(r.pick(words.subjects)) + ": " + p;
                    else if (r.chance(60))
                        act.subject = replace_all(
                            std::string(r.pick(sd::deal_subjects(static_cast<int>(opp->type)))),
                            "{P}", p);
                    else
                        act.subject = std::string(r.pick(words.subjects));
                } else {
                    act.subject = std::string(r.pick(words.subjects));
                }
                if (!planned) {
                    act.outcome = std::string(r.pick(words.outcomes));
                    if (r.chance(35)) {
                        act.next_step = std::string(r.pick(sd::activity_next_steps()));
                        act.next_step_due = add_days(day, r.between(2, 10));
                        // Older follow-ups were nearly all done; last week's are half done.
                        const int age = days_between(*act.next_step_due, today_);
                        act.next_step_done = age > 7 ? r.chance(98) : age > 0 && r.chance(65);
                    }
                }
                act.modified = now_;
                acts.push_back(std::move(act));
            }
        }

        // A few follow-ups are overdue and not done (at least three).
        int overdue = 0;
        for (const Activity& a : acts)
            if (a.next_step_due && *a.next_step_due < today_ && !a.next_step_done) ++overdue;
        for (auto it = acts.rbegin(); it != acts.rend() && overdue < 3; ++it)
            if (it->next_step_due && *it->next_step_due < today_ && it->next_step_done) {
                it->next_step_done = false;
                ++overdue;
            }

        int seq = 0;
        for (Activity& a : acts)
            a.id = make_id("s-act", ++seq);
        plan_.activities = std::move(acts);
    }
};

} // namespace

Plan make_sample_plan(Date today, Timestamp now) {
    Plan plan = make_empty_plan("sample-columbus-oh", "Sample plan \xE2\x80\x94 Columbus, OH", now);
    plan.sample = true;
    plan.owner = std::string(kRep);
    plan.settings.home_label = "Office \xE2\x80\x94 1 Nationwide Plaza area";
    plan.settings.home = LatLon{39.9695, -83.0030};
    plan.settings.timezone = "America/New_York";
    Generator(plan, today, now).run();
    return plan;
}

} // namespace footprint::core
