// Deterministic synthetic plans: realistic field contents and string lengths at any size.
#include "core/synthetic_plan.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace footprint::core {

namespace {

std::uint64_t mix(std::uint64_t z) { // splitmix64's finalizer: a bijection on 64-bit values
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() { return mix(state_ += 0x9E3779B97F4A7C15ull); }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    bool chance(int percent) { return below(100) < percent; }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    template <class T, std::size_t N>
    const T& pick(const std::array<T, N>& a) { return a[static_cast<std::size_t>(below(static_cast<int>(N)))]; }

private:
    std::uint64_t state_;
};

// Unique per (kind, index): mix is a bijection, so distinct indexes give distinct ids.
std::string make_id(std::string_view prefix, std::uint64_t base, std::size_t index) {
    static constexpr char kHex[] = "0123456789abcdef";
    const std::uint64_t v = mix(base + index);
    std::string id(prefix);
    id += '-';
    for (int shift = 60; shift >= 0; shift -= 4) id += kHex[(v >> shift) & 0xF];
    return id;
}

std::string random_chars(Rng& rng, std::string_view alphabet, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += alphabet[static_cast<std::size_t>(rng.below(static_cast<int>(alphabet.size())))];
    return s;
}

std::string digits(Rng& rng, int n) { return random_chars(rng, "0123456789", n); }

double round6(double x) { return static_cast<double>(static_cast<std::int64_t>(x * 1e6 + (x < 0 ? -0.5 : 0.5))) / 1e6; }

struct City {
    std::string_view name, state, zip3, area_code;
    double lat, lon;
};
constexpr std::array<City, 12> kCities = {{
    {"Philadelphia", "PA", "191", "215", 39.9526, -75.1652},
    {"King of Prussia", "PA", "194", "610", 40.0893, -75.3960},
    {"Allentown", "PA", "181", "610", 40.6023, -75.4714},
    {"Reading", "PA", "196", "610", 40.3356, -75.9269},
    {"Lancaster", "PA", "176", "717", 40.0379, -76.3055},
    {"Wilmington", "DE", "198", "302", 39.7391, -75.5398},
    {"Camden", "NJ", "081", "856", 39.9259, -75.1196},
    {"Cherry Hill", "NJ", "080", "856", 39.9348, -75.0307},
    {"Trenton", "NJ", "086", "609", 40.2206, -74.7597},
    {"Doylestown", "PA", "189", "267", 40.3101, -75.1299},
    {"West Chester", "PA", "193", "484", 39.9607, -75.6055},
    {"Norristown", "PA", "194", "484", 40.1215, -75.3399},
}};

constexpr std::array<std::string_view, 24> kNameFirst = {
    "Riverside", "Keystone", "Liberty", "Summit", "Brandywine", "Delaware Valley", "Main Line",
    "Schuylkill", "Penn", "Colonial", "Franklin", "Lehigh", "Chester County", "Bucks County",
    "Independence", "Northeast", "Harbor", "Valley Forge", "Old City", "Fairmount", "Cedar",
    "Lakeside", "Greenway", "Heritage"};
constexpr std::array<std::string_view, 24> kNameSecond = {
    "Dental", "Logistics", "Family Medicine", "Auto Group", "Law Partners", "Realty", "Builders",
    "Manufacturing", "Insurance", "Veterinary Clinic", "Hospitality", "Credit Union", "Academy",
    "Pharmacy", "Fitness", "Engineering", "Accounting", "Printing", "Brewing Co.", "Senior Living",
    "Property Management", "Orthopedics", "Distribution", "Design Studio"};
constexpr std::array<std::string_view, 8> kNameSuffix = {"LLC", "Inc.", "Group", "Associates",
                                                         "Partners", "Co.", "", ""};
constexpr std::array<std::string_view, 12> kIndustries = {
    "Healthcare", "Legal", "Manufacturing", "Retail", "Hospitality", "Education",
    "Financial services", "Real estate", "Logistics", "Professional services", "Construction",
    "Non-profit"};
constexpr std::array<std::string_view, 16> kStreets = {
    "Market Street", "Chestnut Street", "Walnut Street", "Lancaster Avenue", "Germantown Pike",
    "Baltimore Pike", "Route 70", "Ridge Avenue", "Broad Street", "Haverford Road",
    "Swedesford Road", "Easton Road", "Butler Pike", "West Chester Pike", "Kings Highway",
    "Admiral Wilson Boulevard"};
constexpr std::array<std::string_view, 24> kFirst = {
    "James", "Maria", "Robert", "Linda", "Michael", "Patricia", "David", "Jennifer", "William",
    "Elizabeth", "Carlos", "Aisha", "Kevin", "Priya", "Thomas", "Nicole", "Daniel", "Grace",
    "Anthony", "Mei", "Joseph", "Fatima", "Brian", "Olivia"};
constexpr std::array<std::string_view, 24> kLast = {
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Nguyen",
    "Patel", "Kim", "O'Brien", "Kowalski", "Russo", "Washington"};
constexpr std::array<std::string_view, 10> kTitles = {
    "IT Director", "Office Manager", "Owner", "Operations Manager", "Chief Financial Officer",
    "Practice Administrator", "Facilities Manager", "Network Administrator", "General Manager",
    "VP of Technology"};
constexpr std::array<std::string_view, 4> kRoles = {"Decision maker", "Influencer", "Billing",
                                                    "Technical"};
constexpr std::array<std::string_view, 8> kTags = {"multi-site", "key account", "growing",
                                                   "price sensitive", "referral", "chamber member",
                                                   "new construction", "fiber lit"};
constexpr std::array<std::string_view, 10> kNotes = {
    "Prefers morning calls; the owner signs everything over $500/month.",
    "Opening a second location in the spring, will need Ethernet between sites.",
    "Unhappy with the last outage, make sure to follow up on the service credit.",
    "Current voice system is end of life; interested in hosted voice seats.",
    "Budget cycle starts in October. Ask for the IT roadmap.",
    "Uses a competitor for backup Internet; potential to consolidate.",
    "Building is fiber lit; construction not needed.",
    "Had a great meeting at the chamber breakfast, wants a proposal for managed Wi-Fi.",
    "Billing contact changed last quarter; update the invoice address.",
    "Lease renewal in two years; may relocate within the territory."};
constexpr std::array<std::string_view, 6> kReasons = {"price", "moved", "service",
                                                      "competitor offer", "closed business",
                                                      "merged"};
constexpr std::array<std::string_view, 5> kCompetitors = {"Verizon", "Comcast Business",
                                                          "Lumen", "Crown Castle", "Windstream"};
constexpr std::array<std::string_view, 8> kTopics = {
    "contract renewal", "bandwidth upgrade", "hosted voice demo", "quarterly review",
    "SD-WAN proposal", "outage follow-up", "new site survey", "pricing questions"};
constexpr std::array<std::string_view, 6> kOutcomes = {
    "Left voicemail", "Spoke with decision maker", "Sent proposal", "Scheduled site visit",
    "Not interested right now", "Needs approval from the owner"};
constexpr std::array<std::string_view, 6> kNextSteps = {
    "Send revised quote", "Schedule site survey", "Call back after budget meeting",
    "Email contract for signature", "Book a demo with the IT team", "Check in next quarter"};
constexpr std::array<int, 3> kTerms = {12, 36, 60};

Timestamp random_time(Rng& rng) {
    // 2025-01-01 .. 2026-06-30, UTC.
    const std::int64_t from = std::int64_t{date_from_ymd(2025, 1, 1).days} * 86'400'000;
    const std::int64_t span = std::int64_t{546} * 86'400'000;
    return Timestamp{from + static_cast<std::int64_t>(rng.next() % static_cast<std::uint64_t>(span))};
}

Date random_date(Rng& rng, Date from, int days) { return add_days(from, rng.below(days)); }

Territory make_territory(std::size_t i, const City& c, std::uint64_t base, Rng& rng) {
    Territory t;
    t.id = make_id("ter", base, i);
    t.name = std::string(c.name) + " " + (i % 2 ? "East" : "Metro");
    static constexpr std::array<std::string_view, 8> kColors = {
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"};
    t.color = std::string(kColors[i % kColors.size()]);
    Ring ring;
    // An octagon ~20 km across; sines as constants so every libm gives the same plan.
    static constexpr double kSin[8] = {0, 0.70710678, 1, 0.70710678, 0, -0.70710678, -1, -0.70710678};
    for (int k = 0; k < 8; ++k)
        ring.push_back({round6(c.lat + 0.09 * kSin[k]), round6(c.lon + 0.12 * kSin[(k + 2) % 8])});
    t.polygons.push_back({ring});
    for (int z = 0; z < 10; ++z) t.zip_codes.push_back(std::string(c.zip3) + digits(rng, 2));
    t.modified = random_time(rng);
    return t;
}

} // namespace

Plan make_synthetic_plan(int n_accounts, int n_activities, std::uint64_t seed) {
    Rng rng(seed);
    const std::uint64_t base = mix(seed);
    auto kind_base = [&](std::uint64_t k) { return mix(base ^ (k * 0x100000001B3ull)); };
    Plan plan = make_empty_plan(make_id("plan", kind_base(1), 0),
                                "Synthetic plan (" + std::to_string(n_accounts) + " accounts)",
                                Timestamp{std::int64_t{date_from_ymd(2025, 1, 1).days} * 86'400'000});
    plan.owner = "Jordan Rivera";
    plan.modified = Timestamp{std::int64_t{date_from_ymd(2026, 6, 30).days} * 86'400'000};
    plan.settings.home = LatLon{39.9526, -75.1652};
    plan.settings.home_label = "Center City office";

    for (std::size_t i = 0; i < kCities.size(); ++i)
        plan.territories.push_back(make_territory(i, kCities[i], kind_base(2), rng));

    const std::vector<Product>& catalog = plan.catalog;
    const Date contracts_from = date_from_ymd(2020, 1, 1);
    const std::size_t na = n_accounts > 0 ? static_cast<std::size_t>(n_accounts) : 0;
    plan.accounts.resize(na);
    for (std::size_t i = 0; i < na; ++i) {
        Account& a = plan.accounts[i];
        const std::size_t city = static_cast<std::size_t>(rng.below(static_cast<int>(kCities.size())));
        const City& c = kCities[city];
        a.id = make_id("acc", kind_base(3), i);
        if (rng.chance(70)) a.salesforce_id = "001" + random_chars(rng, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789", 15);
        a.name = std::string(rng.pick(kNameFirst)) + " " + std::string(rng.pick(kNameSecond));
        if (auto suffix = rng.pick(kNameSuffix); !suffix.empty()) a.name += " " + std::string(suffix);
        const int s = rng.below(100);
        a.status = s < 60 ? AccountStatus::Client : s < 75 ? AccountStatus::Former : AccountStatus::Prospect;
        a.industry = std::string(rng.pick(kIndustries));
        a.employees = rng.between(3, 2500);
        a.sites = rng.chance(80) ? 1 : rng.between(2, 12);
        if (a.status != AccountStatus::Prospect) a.billing_account = "8" + digits(rng, 12);
        a.address.street = std::to_string(rng.between(1, 9999)) + " " + std::string(rng.pick(kStreets));
        if (rng.chance(30)) a.address.street += ", Suite " + std::to_string(rng.between(100, 900));
        a.address.city = std::string(c.name);
        a.address.state = std::string(c.state);
        a.address.postal_code = std::string(c.zip3) + digits(rng, 2);
        a.location = LatLon{round6(c.lat + (rng.unit() - 0.5) * 0.16), round6(c.lon + (rng.unit() - 0.5) * 0.2)};
        a.location_approximate = rng.chance(5);
        a.owner = plan.owner;
        a.territory_id = plan.territories[city].id;
        for (int t = rng.below(4); t > 0; --t) {
            std::string tag(rng.pick(kTags));
            if (std::find(a.tags.begin(), a.tags.end(), tag) == a.tags.end()) a.tags.push_back(std::move(tag));
        }
        if (rng.chance(40)) a.notes = std::string(rng.pick(kNotes));
        if (a.status == AccountStatus::Former) {
            a.former.lost_date = random_date(rng, date_from_ymd(2022, 1, 1), 1200);
            a.former.reason = std::string(rng.pick(kReasons));
            a.former.competitor = std::string(rng.pick(kCompetitors));
            a.former.competitor_term_months = rng.pick(kTerms);
            a.former.competitor_contract_end = add_months(*a.former.lost_date, a.former.competitor_term_months);
        }
        a.modified = random_time(rng);

        std::string domain;
        for (char ch : a.name)
            if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) domain += static_cast<char>(ch | 0x20);
        domain += ".com";
        a.contacts.resize(2);
        for (std::size_t k = 0; k < 2; ++k) {
            Contact& ct = a.contacts[k];
            ct.id = make_id("con", kind_base(4), i * 2 + k);
            const std::string_view first = rng.pick(kFirst), last = rng.pick(kLast);
            ct.name = std::string(first) + " " + std::string(last);
            ct.title = std::string(rng.pick(kTitles));
            ct.role = std::string(k == 0 ? kRoles[0] : rng.pick(kRoles));
            ct.phone = "(" + std::string(c.area_code) + ") 555-01" + digits(rng, 2);
            ct.email = std::string(first) + "." + std::string(last) + "@" + domain;
            for (char& ch : ct.email)
                if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch | 0x20);
            ct.primary = k == 0;
            ct.modified = random_time(rng);
        }
        a.services.resize(3);
        for (std::size_t k = 0; k < 3; ++k) {
            Service& sv = a.services[k];
            const Product& p = catalog[static_cast<std::size_t>(rng.below(static_cast<int>(catalog.size())))];
            sv.id = make_id("svc", kind_base(5), i * 3 + k);
            sv.product = p.id;
            sv.family = p.family;
            sv.quantity = p.unit == "per site" || p.unit == "per circuit" ? 1 : rng.between(1, 40);
            const TermPrice& tp = p.prices[static_cast<std::size_t>(rng.below(static_cast<int>(p.prices.size())))];
            sv.term_months = tp.term_months;
            sv.mrc = tp.mrc * sv.quantity;
            sv.contract_start = random_date(rng, contracts_from, 2300);
            sv.contract_end = add_days(add_months(*sv.contract_start, sv.term_months), -1);
            sv.auto_renew = rng.chance(35);
            sv.bandwidth_mbps = p.bandwidth_mbps;
            sv.modified = random_time(rng);
        }
    }

    const std::size_t n_opps = na / 4;
    plan.opportunities.resize(n_opps);
    static constexpr std::array<OpportunityType, 4> kTypes = {OpportunityType::Renewal, OpportunityType::Upsell,
                                                              OpportunityType::WinBack, OpportunityType::New};
    for (std::size_t i = 0; i < n_opps; ++i) {
        Opportunity& o = plan.opportunities[i];
        const Account& a = plan.accounts[static_cast<std::size_t>(rng.next() % na)];
        const Product& p = catalog[static_cast<std::size_t>(rng.below(static_cast<int>(catalog.size())))];
        const Stage& st = plan.stages[static_cast<std::size_t>(rng.below(static_cast<int>(plan.stages.size())))];
        o.id = make_id("opp", kind_base(6), i);
        if (rng.chance(60)) o.salesforce_id = "006" + random_chars(rng, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", 15);
        o.account_id = a.id;
        o.type = rng.pick(kTypes);
        o.name = a.name + " - " + p.name;
        o.stage = st.name;
        o.probability = st.probability;
        o.forecast_category = st.category;
        o.term_months = rng.pick(kTerms);
        o.mrc = p.prices[1].mrc * rng.between(1, 5);
        o.otc = p.otc;
        o.close_date = random_date(rng, date_from_ymd(2025, 6, 1), 540);
        o.products.push_back(p.id);
        if (rng.chance(30)) o.products.push_back(catalog[static_cast<std::size_t>(rng.below(static_cast<int>(catalog.size())))].id);
        o.next_step = std::string(rng.pick(kNextSteps));
        if (st.closed && !st.won) o.loss_reason = std::string(rng.pick(kReasons));
        o.owner = plan.owner;
        o.modified = random_time(rng);
    }

    const std::size_t nact = n_activities > 0 && na > 0 ? static_cast<std::size_t>(n_activities) : 0;
    plan.activities.resize(nact);
    static constexpr std::array<ActivityType, 6> kActivityTypes = {
        ActivityType::Call, ActivityType::Visit, ActivityType::Meeting,
        ActivityType::Email, ActivityType::Event, ActivityType::Proposal};
    for (std::size_t i = 0; i < nact; ++i) {
        Activity& act = plan.activities[i];
        const Account& a = plan.accounts[static_cast<std::size_t>(rng.next() % na)];
        act.id = make_id("act", kind_base(7), i);
        act.account_id = a.id;
        const Contact* who = rng.chance(80) ? &a.contacts[static_cast<std::size_t>(rng.below(2))] : nullptr;
        if (who) act.contact_id = who->id;
        if (n_opps && rng.chance(10)) act.opportunity_id = plan.opportunities[static_cast<std::size_t>(rng.next() % n_opps)].id;
        act.type = rng.pick(kActivityTypes);
        act.date = random_date(rng, date_from_ymd(2025, 1, 1), 546);
        if (act.type != ActivityType::Email && rng.chance(80)) act.start_minute = 8 * 60 + 15 * rng.below(37);
        act.duration_minutes = act.type == ActivityType::Email ? 0 : 15 * rng.between(1, 6);
        act.subject = std::string(to_string(act.type)) + " with " +
                      (who ? who->name.substr(0, who->name.find(' ')) : std::string("the front desk")) +
                      " re: " + std::string(rng.pick(kTopics));
        act.subject[0] = static_cast<char>(act.subject[0] & ~0x20);
        act.outcome = std::string(rng.pick(kOutcomes));
        if (rng.chance(60)) act.notes = std::string(rng.pick(kNotes));
        if (rng.chance(40)) {
            act.next_step = std::string(rng.pick(kNextSteps));
            act.next_step_due = add_days(act.date, rng.between(1, 30));
            act.next_step_done = rng.chance(50);
        }
        act.modified = random_time(rng);
    }
    return plan;
}

} // namespace footprint::core
