// The shipped upsell recommendation rules over the default catalog, and the quantity basis names.
#include "core/model.h"

namespace footprint::core {

namespace {

struct RuleDef {
    const char* id;
    const char* name;
    int min_sites, min_employees, max_employees, max_bandwidth_mbps;
    const char* has_family;
    const char* lacks_family;
    std::vector<std::string> industries;
    const char* product;
    QuantityBasis basis;
    int units, per;
    bool upgrade;
    const char* note;
};

} // namespace

std::vector<UpsellRule> default_upsell_rules() {
    using Q = QuantityBasis;
    const std::vector<std::string> guests = {"Hospitality", "Education",     "Healthcare",
                                             "Senior living", "Fitness", "Restaurants"};
    const std::vector<std::string> waiting_rooms = {"Restaurants", "Auto dealers", "Healthcare",
                                                    "Fitness", "Dental", "Veterinary"};
    // In priority order: for each account the first rule that fires in a product family wins, so
    // the specific rules come before the general ones of the same family.
    const RuleDef defs[] = {
        {"rule-gig-for-headcount", "Bandwidth for a big team", 0, 100, 0, 500, "", "", {},
         "inet-1g", Q::Sites, 1, 1, true,
         "A hundred people share the line: video calls and cloud apps need a gigabit."},
        {"rule-more-bandwidth", "Outgrown 100 Mbps", 0, 25, 0, 100, "", "", {}, "inet-500",
         Q::Sites, 1, 1, true, "25 or more people on 100 Mbps feel it every day."},
        {"rule-internet-large", "Fiber Internet for the office", 0, 25, 0, 0, "", "internet", {},
         "inet-500", Q::Sites, 1, 1, false, "Every site needs Internet; start with 500 Mbps."},
        {"rule-internet", "Fiber Internet", 0, 0, 0, 0, "", "internet", {}, "inet-100", Q::Sites,
         1, 1, false, "Every site needs Internet."},
        {"rule-ethernet-wan", "Ethernet WAN between the sites", 3, 100, 0, 0, "", "ethernet", {},
         "eth-evpl-1g", Q::Sites, 1, 1, false,
         "Three or more sites and a big team: private Ethernet links the offices."},
        {"rule-sdwan", "SD-WAN for branch offices", 2, 0, 0, 0, "", "ethernet", {}, "eth-sdwan",
         Q::Sites, 1, 1, false, "Branches over the public Internet: SD-WAN makes one network."},
        {"rule-sip-trunks", "SIP trunks for a large phone system", 0, 250, 0, 0, "", "voice", {},
         "voice-trunk", Q::Employees, 1, 60, false,
         "A large office keeps its PBX; SIP trunks replace the phone lines."},
        {"rule-hosted-voice", "Hosted voice", 0, 10, 249, 0, "", "voice", {}, "voice-hosted",
         Q::Employees, 4, 5, false, "No phone service from us: hosted seats for most staff."},
        {"rule-hospitality-tv", "TV in the rooms", 0, 0, 0, 0, "", "tv",
         {"Hospitality", "Senior living"}, "tv-hospitality", Q::Employees, 1, 2, false,
         "Guests and residents expect TV in their rooms."},
        {"rule-lobby-tv", "TV for the waiting room", 0, 0, 0, 0, "", "tv", waiting_rooms,
         "tv-business", Q::Sites, 1, 1, false, "Customers wait: a screen in the lobby."},
        {"rule-cloud-security", "Cloud security for every site", 2, 0, 0, 0, "", "cloud", {},
         "cloud-security", Q::Sites, 1, 1, false,
         "More sites, more ways in: DDoS protection and a cloud firewall at each."},
        {"rule-cloud-backup", "Cloud backup", 0, 20, 0, 0, "", "cloud", {}, "cloud-backup",
         Q::Employees, 1, 50, false, "Twenty people's files and no off-site backup."},
        {"rule-guest-wifi", "Managed Wi-Fi for guests", 0, 0, 0, 0, "", "managed", guests,
         "managed-wifi", Q::Sites, 4, 1, false, "Guests and patients expect Wi-Fi that works."},
        {"rule-managed-edge", "Managed network for multi-site", 2, 0, 0, 0, "", "managed", {},
         "managed-network", Q::Sites, 1, 1, false,
         "Several sites and no IT team on each: we run the network edge."},
    };
    std::vector<UpsellRule> rules;
    for (const RuleDef& d : defs) {
        UpsellRule r;
        r.id = d.id;
        r.name = d.name;
        r.min_sites = d.min_sites;
        r.min_employees = d.min_employees;
        r.max_employees = d.max_employees;
        r.max_bandwidth_mbps = d.max_bandwidth_mbps;
        r.has_family = d.has_family;
        r.lacks_family = d.lacks_family;
        r.industries = d.industries;
        r.product = d.product;
        r.quantity_basis = d.basis;
        r.units = d.units;
        r.per = d.per;
        r.upgrade = d.upgrade;
        r.note = d.note;
        rules.push_back(std::move(r));
    }
    return rules;
}

std::string_view to_string(QuantityBasis q) {
    switch (q) {
    case QuantityBasis::Account: return "account";
    case QuantityBasis::Sites: return "sites";
    case QuantityBasis::Employees: return "employees";
    }
    return "account";
}

std::optional<QuantityBasis> quantity_basis_from(std::string_view s) {
    for (QuantityBasis q : {QuantityBasis::Account, QuantityBasis::Sites, QuantityBasis::Employees})
        if (to_string(q) == s) return q;
    return std::nullopt;
}

} // namespace footprint::core
