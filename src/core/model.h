// The plan: every record the account manager plans with, as plain value types.
#pragma once

#include "core/date.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace footprint::core {

using Cents = std::int64_t; // money is always integer cents (USD unless the plan says otherwise)
using Json = nlohmann::json;

// Every record carries `extra`: the fields this version does not know, kept verbatim so that a
// plan written by a newer Footprint survives a load/save round trip here. It is null when there
// are none (an empty object would be one heap allocation per record: 46 MB at 100,000 accounts)
// and an object otherwise; iterating, find() and empty() treat null as empty.

struct LatLon {
    double lat = 0;
    double lon = 0;
};

enum class AccountStatus { Client, Former, Prospect };

struct Contact {
    std::string id;
    std::string name;
    std::string salesforce_id; // the Contact's Salesforce Id when imported from Salesforce
    std::string title; // "IT Director"
    std::string role;  // decision-maker role: "Decision maker", "Influencer", "Billing", "Technical"
    std::string phone;
    std::string email;
    bool primary = false;
    Timestamp modified;
    Json extra; // unknown fields: null (none) or an object
};

struct Service {
    std::string id;
    std::string product;    // catalog product id, or free text from billing ("Fiber Internet 500M")
    std::string family;     // "internet", "ethernet", "voice", "tv", "cloud", "managed"
    int quantity = 1;
    Cents mrc = 0;          // monthly recurring charge for the whole line (quantity included)
    int term_months = 0;
    std::optional<Date> contract_start;
    std::optional<Date> contract_end;
    bool auto_renew = false;
    int bandwidth_mbps = 0; // for internet/ethernet, 0 when not applicable
    // Days of notice the contract asks for before its end; unset: the plan's
    // settings.renewal_notice_days.
    std::optional<int> notice_days;
    Timestamp modified;
    Json extra; // unknown fields: null (none) or an object
};

struct Address {
    std::string street;
    std::string city;
    std::string state;       // two-letter
    std::string postal_code; // ZIP or ZIP+4
    std::string country = "US";
};

// For former clients: why and when they left, and when the competitor's contract likely ends.
struct FormerClient {
    std::optional<Date> lost_date;
    std::string reason;     // "price", "moved", "service", "competitor offer", …
    std::string competitor;
    int competitor_term_months = 36;
    std::optional<Date> competitor_contract_end; // estimated; derived from lost_date + term if unset
};

struct Account {
    std::string id;
    std::string salesforce_id; // 15/18-char Salesforce Id when imported from Salesforce
    std::string name;
    AccountStatus status = AccountStatus::Prospect;
    std::string industry;
    int employees = 0;
    int sites = 1;
    std::string billing_account; // billing system (ICOMS/CSG) account number
    Address address;
    std::optional<LatLon> location;
    bool location_approximate = false; // placed at a ZIP centroid, not a geocoded address
    std::string owner;
    std::string territory_id;
    std::vector<std::string> tags;
    std::string notes;
    std::vector<Contact> contacts;
    std::vector<Service> services;
    FormerClient former; // meaningful when status == Former
    Timestamp modified;
    Json extra; // unknown fields: null (none) or an object
};

enum class OpportunityType { Renewal, Upsell, WinBack, New };
enum class ForecastCategory { Pipeline, BestCase, Commit, Closed, Omitted };

struct Opportunity {
    std::string id;
    std::string salesforce_id;
    std::string account_id;
    std::string name;
    OpportunityType type = OpportunityType::New;
    std::string stage;       // one of Plan::stages[].name
    int probability = 10;    // percent, 0..100
    ForecastCategory forecast_category = ForecastCategory::Pipeline;
    Cents mrc = 0;           // monthly recurring amount
    Cents otc = 0;           // one-time charges
    int term_months = 36;
    std::optional<Date> close_date;
    std::vector<std::string> products; // catalog product ids
    std::string next_step;
    std::string loss_reason;
    std::string owner;
    Timestamp modified;
    Json extra; // unknown fields: null (none) or an object
    // The day the opportunity was created in Footprint (or in Salesforce): what the activity
    // report counts as new pipeline. Unset for older plans: such deals are never counted as new.
    std::optional<Date> created;
};

enum class ActivityType { Call, Visit, Meeting, Email, Event, Proposal };

struct Activity {
    std::string id;
    std::string account_id;
    std::string contact_id;
    std::string opportunity_id;
    ActivityType type = ActivityType::Call;
    Date date;
    std::optional<int> start_minute; // local wall-clock minutes since midnight
    int duration_minutes = 0;
    std::string subject;
    std::string outcome;
    std::string notes;
    std::string next_step;
    std::optional<Date> next_step_due;
    bool next_step_done = false;
    // Route planning, for visits (see docs/plan-format.md). A planned visit is a Visit with a date
    // and start_minute; duration_minutes is the meeting's length.
    bool fixed_time = false;             // start_minute is an appointment the route must keep
    bool locked = false;                 // keeps its place in the day's order when re-optimised
    std::optional<Timestamp> checked_in; // when the user checked in there: the visit is done
    Timestamp modified;
    Json extra; // unknown fields: null (none) or an object
};

using Ring = std::vector<LatLon>;       // closed implicitly; first point not repeated
using Polygon = std::vector<Ring>;      // outer ring, then holes
struct Territory {
    std::string id;
    std::string name;
    std::string color = "#0072B2"; // "#RRGGBB"
    std::vector<Polygon> polygons;   // a multipolygon
    std::vector<std::string> zip_codes;
    std::vector<std::string> counties; // county FIPS codes when the shape was built from counties
    Timestamp modified;
    Json extra; // unknown fields: null (none) or an object
};

struct Stage {
    std::string name;
    int probability = 0;
    ForecastCategory category = ForecastCategory::Pipeline;
    bool closed = false;
    bool won = false;
};

// Activity goals per week, by type.
struct ActivityGoals {
    int calls = 0;
    int visits = 0;
    int meetings = 0;
    int emails = 0;
    int events = 0;
    int proposals = 0;
};

struct Quota {
    Cents monthly_revenue = 0;                // default monthly quota (new MRC sold)
    std::map<YearMonth, Cents> month_override; // per-month quota where it differs
    ActivityGoals weekly_goals;
};

struct CommissionTier {
    int from_attainment_pct = 0; // tier applies to revenue above this attainment
    int rate_bp = 0;             // basis points of the MRC sold (100 bp = 1%)
};

struct CommissionPlan {
    int base_rate_bp = 0;
    std::vector<CommissionTier> tiers; // sorted by from_attainment_pct; the last one is uncapped
    std::map<std::string, int> family_bonus_bp; // extra rate for a product family
    int winback_bonus_bp = 0;
    Json extra; // unknown fields: null (none) or an object
};

struct TermPrice {
    int term_months = 36;
    Cents mrc = 0;
};

struct Product {
    std::string id;
    std::string family;
    std::string name;
    std::string unit = "per site";
    int bandwidth_mbps = 0;
    std::vector<TermPrice> prices;
    Cents otc = 0;
    bool example_price = true; // shipped example pricing, to be replaced with the real rate card
    Json extra; // unknown fields: null (none) or an object
};

// A named place a day's route starts or ends at.
struct RoutePlace {
    std::string label;
    LatLon point;
};
// One day's own start and end, instead of settings.home (a day that starts from home, say).
struct RouteDayPlaces {
    std::optional<RoutePlace> start;
    std::optional<RoutePlace> end;
};

// How much each part of an account's priority counts in the "This week" list (core/priority.h).
// Any non-negative numbers; the score divides by their sum.
struct PriorityWeights {
    int renewal = 35; // a contract ends or its notice deadline comes soon
    int revenue = 20; // monthly revenue at stake (up for renewal, or to win back)
    int winback = 20; // a former client's competitor contract nears its end
    int upsell = 15;  // estimated monthly value of the upsell recommendations
    int recency = 10; // days since the account was last touched
    friend bool operator==(const PriorityWeights&, const PriorityWeights&) = default;
};

struct Settings {
    std::string home_label = "Office";
    std::optional<LatLon> home;
    int work_start_minute = 8 * 60;
    int work_end_minute = 17 * 60 + 30;
    int lunch_start_minute = 12 * 60;
    int lunch_minutes = 45;
    double average_speed_kmh = 48.0;
    double road_factor = 1.3;
    int default_meeting_minutes = 45;
    std::string timezone = "America/New_York"; // IANA name, for reports
    std::string currency = "USD";
    std::map<Date, RouteDayPlaces> route_days; // per-day start/end places, by date
    // Renewals and win-backs (core/renewals.h, core/winback.h).
    int renewal_notice_days = 60; // notice a contract asks for, when a service does not say
    int winback_window_days = 120; // a win-back window opens this long before the competitor's end
    PriorityWeights priority_weights;
    Json extra; // unknown fields: null (none) or an object
};

// An upsell recommendation rule (core/whitespace.h): when a client matches every condition that is
// set, recommend `product`. Rules are data in the plan, edited in the Desks view's catalog tab.
enum class QuantityBasis { Account, Sites, Employees };
struct UpsellRule {
    std::string id;
    std::string name; // "Link the sites"
    bool enabled = true;
    // Conditions; 0 or "" means "not checked".
    int min_sites = 0;
    int min_employees = 0;
    int max_employees = 0;
    int max_bandwidth_mbps = 0;  // the account has Internet and its fastest line is at most this
    std::string has_family;      // holds a service of this family
    std::string lacks_family;    // holds no service of this family
    std::vector<std::string> industries; // any of these (case-insensitive); empty: any industry
    // The recommendation: `units` per `per` of the basis, at least 1 (2 per 1 site; 1 per 10
    // employees). With `upgrade`, the product replaces the account's services of its family and
    // the value is the difference.
    std::string product; // catalog product id
    QuantityBasis quantity_basis = QuantityBasis::Account;
    int units = 1;
    int per = 1;
    bool upgrade = false;
    std::string note; // why, in the user's words (optional)
    Json extra; // unknown fields: null (none) or an object
};

inline constexpr int kPlanFormatVersion = 1;

// One record's content hash as two plans last both had it (see SyncPeer). Kept sorted by id.
struct RecordHash {
    std::string id;
    std::uint64_t hash = 0; // record_hash() in core/plan_sync.h
    friend bool operator==(const RecordHash&, const RecordHash&) = default;
};

// What this plan last exchanged with another one: a file of theirs it merged, or a share file it
// made. Merging uses it as the common base, to tell a change on one side from a change on both
// (docs/plan-format.md, "Merging plans").
struct SyncPeer {
    enum class Kind { Merged, Shared };
    std::string id;    // Merged: the other plan's id. Shared: the share file's id.
    std::string file;  // the id of the file exchanged (a share file's own id, or the plan's)
    std::string name;  // the other plan's (or the share's) name then, for people
    std::string owner;
    Timestamp at;      // when, by this plan's clock
    Kind kind = Kind::Merged;
    bool partial = false;  // only some records were in the file
    bool redacted = false; // personal fields were removed from the file
    // Collection ("accounts", "opportunities", "activities", "territories", "catalog") -> hashes,
    // sorted by id. Empty in a share file, which only says which exchanges its plan made.
    std::map<std::string, std::vector<RecordHash>> records;
    Json extra; // unknown fields: null (none) or an object
};

// Set on a file made by "Share…": which plan it comes from and what part of it.
struct ShareInfo {
    std::string from;     // the id of the plan it was made from
    std::string from_name;
    std::string scope;    // "plan", "accounts" or "territory"
    std::string label;    // "Downtown territory", "12 accounts", "Whole plan"
    bool partial = false; // records missing from the file were left out, not deleted
    bool redacted = false;
    Timestamp at;
};

struct Plan {
    std::string id;
    std::string name = "Untitled plan";
    bool sample = false; // the shipped sample plan, labelled as such in the UI
    std::string owner;   // the account manager
    Timestamp created;
    Timestamp modified;
    std::vector<Account> accounts;
    std::vector<Opportunity> opportunities;
    std::vector<Activity> activities;
    std::vector<Territory> territories;
    std::vector<Stage> stages;
    Quota quota;
    CommissionPlan commission;
    std::vector<Product> catalog;
    Settings settings;
    std::vector<UpsellRule> upsell_rules; // in priority order: the first match per family wins
    Json extra; // unknown fields: null (none) or an object
    std::vector<SyncPeer> sync;     // exchanges with other plans, newest first (plan_sync.h)
    std::optional<ShareInfo> share; // set on share files only
};

// Salesforce's default opportunity stages and probabilities.
std::vector<Stage> default_stages();
// The shipped example catalog: Internet, Ethernet, Voice, TV, Cloud and managed services.
std::vector<Product> default_catalog();
CommissionPlan default_commission_plan();
// The shipped upsell rules over the default catalog (core/upsell_rules.cpp). A plan file without
// "upsell_rules" gets these.
std::vector<UpsellRule> default_upsell_rules();
// An empty plan with the defaults above filled in.
Plan make_empty_plan(std::string id, std::string name, Timestamp now);

std::string_view to_string(AccountStatus);
std::string_view to_string(OpportunityType);
std::string_view to_string(ForecastCategory);
std::string_view to_string(ActivityType);
std::optional<AccountStatus> account_status_from(std::string_view);
std::optional<OpportunityType> opportunity_type_from(std::string_view);
std::optional<ForecastCategory> forecast_category_from(std::string_view);
std::optional<ActivityType> activity_type_from(std::string_view);
std::string_view to_string(QuantityBasis);
std::optional<QuantityBasis> quantity_basis_from(std::string_view);

// Monthly recurring revenue in place (sum of services' mrc).
Cents account_mrc(const Account&);
// Earliest contract end among the account's services, if any.
std::optional<Date> next_contract_end(const Account&);

} // namespace footprint::core
