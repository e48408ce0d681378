// Defaults for a new plan (Salesforce stages, the example catalog) and small model helpers.
#include "core/model.h"

#include <algorithm>

namespace footprint::core {

std::vector<Stage> default_stages() {
    using FC = ForecastCategory;
    return {
        {"Prospecting", 10, FC::Pipeline, false, false},
        {"Qualification", 10, FC::Pipeline, false, false},
        {"Needs Analysis", 20, FC::Pipeline, false, false},
        {"Value Proposition", 50, FC::Pipeline, false, false},
        {"Id. Decision Makers", 60, FC::Pipeline, false, false},
        {"Perception Analysis", 70, FC::BestCase, false, false},
        {"Proposal/Price Quote", 75, FC::BestCase, false, false},
        {"Negotiation/Review", 90, FC::Commit, false, false},
        {"Closed Won", 100, FC::Closed, true, true},
        {"Closed Lost", 0, FC::Omitted, true, false},
    };
}

std::vector<Product> default_catalog() {
    // Example list prices (monthly, per site) for 12/36/60-month terms. They are placeholders that
    // show how the catalog works; the user replaces them with their own rate card.
    auto p = [](std::string id, std::string family, std::string name, std::string unit, int mbps,
                Cents m12, Cents m36, Cents m60, Cents otc) {
        Product prod;
        prod.id = std::move(id);
        prod.family = std::move(family);
        prod.name = std::move(name);
        prod.unit = std::move(unit);
        prod.bandwidth_mbps = mbps;
        prod.prices = {{12, m12}, {36, m36}, {60, m60}};
        prod.otc = otc;
        return prod;
    };
    return {
        p("inet-100", "internet", "Fiber Internet 100 Mbps", "per site", 100, 29900, 24900, 21900, 50000),
        p("inet-500", "internet", "Fiber Internet 500 Mbps", "per site", 500, 54900, 44900, 39900, 50000),
        p("inet-1g", "internet", "Fiber Internet 1 Gbps", "per site", 1000, 89900, 74900, 64900, 50000),
        p("inet-10g", "internet", "Dedicated Internet 10 Gbps", "per site", 10000, 349900, 299900, 259900, 150000),
        p("eth-epl-100", "ethernet", "Ethernet Private Line 100 Mbps", "per circuit", 100, 64900, 54900, 47900, 75000),
        p("eth-evpl-1g", "ethernet", "Ethernet Virtual Private Line 1 Gbps", "per circuit", 1000, 119900, 99900, 87900, 75000),
        p("eth-sdwan", "ethernet", "Managed SD-WAN", "per site", 0, 39900, 34900, 29900, 25000),
        p("voice-hosted", "voice", "Hosted Voice seat", "per seat", 0, 2999, 2499, 2199, 0),
        p("voice-trunk", "voice", "SIP Trunk (10 paths)", "per trunk", 0, 24900, 19900, 17900, 15000),
        p("voice-pri", "voice", "PRI (23 channels)", "per circuit", 0, 44900, 39900, 34900, 25000),
        p("tv-business", "tv", "Business TV (lobby / break room)", "per outlet", 0, 6999, 5999, 5499, 9900),
        p("tv-hospitality", "tv", "Hospitality TV", "per room", 0, 1299, 1099, 999, 0),
        p("cloud-backup", "cloud", "Cloud Backup 1 TB", "per TB", 0, 14900, 12900, 11900, 0),
        p("cloud-security", "cloud", "Cloud Security (DDoS + firewall)", "per site", 0, 29900, 24900, 21900, 0),
        p("managed-wifi", "managed", "Managed Wi-Fi", "per access point", 0, 3999, 3499, 2999, 15000),
        p("managed-network", "managed", "Managed Network Edge", "per site", 0, 19900, 16900, 14900, 20000),
    };
}

CommissionPlan default_commission_plan() {
    CommissionPlan c;
    c.base_rate_bp = 0;
    // Paid on new monthly recurring revenue: 100% of MRC up to quota, accelerators above it.
    c.tiers = {{0, 10000}, {100, 15000}, {125, 20000}};
    c.family_bonus_bp = {{"ethernet", 2500}, {"cloud", 2500}};
    c.winback_bonus_bp = 5000;
    return c;
}

Plan make_empty_plan(std::string id, std::string name, Timestamp now) {
    Plan p;
    p.id = std::move(id);
    p.name = std::move(name);
    p.created = now;
    p.modified = now;
    p.stages = default_stages();
    p.catalog = default_catalog();
    p.commission = default_commission_plan();
    p.upsell_rules = default_upsell_rules();
    p.quota.monthly_revenue = 1500000; // $15,000 of new MRC a month
    p.quota.weekly_goals = ActivityGoals{40, 8, 6, 30, 1, 4};
    return p;
}

std::string_view to_string(AccountStatus s) {
    switch (s) {
    case AccountStatus::Client: return "client";
    case AccountStatus::Former: return "former";
    case AccountStatus::Prospect: return "prospect";
    }
    return "prospect";
}

std::string_view to_string(OpportunityType t) {
    switch (t) {
    case OpportunityType::Renewal: return "renewal";
    case OpportunityType::Upsell: return "upsell";
    case OpportunityType::WinBack: return "winback";
    case OpportunityType::New: return "new";
    }
    return "new";
}

std::string_view to_string(ForecastCategory c) {
    switch (c) {
    case ForecastCategory::Pipeline: return "pipeline";
    case ForecastCategory::BestCase: return "best_case";
    case ForecastCategory::Commit: return "commit";
    case ForecastCategory::Closed: return "closed";
    case ForecastCategory::Omitted: return "omitted";
    }
    return "pipeline";
}

std::string_view to_string(ActivityType t) {
    switch (t) {
    case ActivityType::Call: return "call";
    case ActivityType::Visit: return "visit";
    case ActivityType::Meeting: return "meeting";
    case ActivityType::Email: return "email";
    case ActivityType::Event: return "event";
    case ActivityType::Proposal: return "proposal";
    }
    return "call";
}

namespace {
template <typename E, std::size_t N>
std::optional<E> from_names(std::string_view s, const E (&all)[N]) {
    for (E e : all)
        if (to_string(e) == s) return e;
    return std::nullopt;
}
} // namespace

std::optional<AccountStatus> account_status_from(std::string_view s) {
    static constexpr AccountStatus all[] = {AccountStatus::Client, AccountStatus::Former,
                                            AccountStatus::Prospect};
    return from_names(s, all);
}
std::optional<OpportunityType> opportunity_type_from(std::string_view s) {
    static constexpr OpportunityType all[] = {OpportunityType::Renewal, OpportunityType::Upsell,
                                              OpportunityType::WinBack, OpportunityType::New};
    return from_names(s, all);
}
std::optional<ForecastCategory> forecast_category_from(std::string_view s) {
    static constexpr ForecastCategory all[] = {ForecastCategory::Pipeline, ForecastCategory::BestCase,
                                               ForecastCategory::Commit, ForecastCategory::Closed,
                                               ForecastCategory::Omitted};
    return from_names(s, all);
}
std::optional<ActivityType> activity_type_from(std::string_view s) {
    static constexpr ActivityType all[] = {ActivityType::Call,  ActivityType::Visit,
                                           ActivityType::Meeting, ActivityType::Email,
                                           ActivityType::Event, ActivityType::Proposal};
    return from_names(s, all);
}

Cents account_mrc(const Account& a) {
    Cents sum = 0;
    for (const Service& s : a.services) sum += s.mrc;
    return sum;
}

std::optional<Date> next_contract_end(const Account& a) {
    std::optional<Date> best;
    for (const Service& s : a.services)
        if (s.contract_end && (!best || *s.contract_end < *best)) best = s.contract_end;
    return best;
}

} // namespace footprint::core
