// Reading a plan file: parse and migrate (plan_parse.cpp), convert with the field tables here
// (one value at a time: plan_read_values.cpp), then the whole-plan checks (plan_check.cpp).
#include "core/plan_read_detail.h"

namespace footprint::core {

namespace {

using namespace plan_read_detail;
using plan_json_detail::Kind;

// A field whose reader is one expression over the reader `r`, the value `v` and the object `o`.
#define FIELD(T, name, required, ...)                                                          \
    Field<T> {                                                                                 \
        name, required, []([[maybe_unused]] Reader& r, [[maybe_unused]] Json& v,               \
                           [[maybe_unused]] T& o) { __VA_ARGS__; }                             \
    }

// --- small value objects (closed: no extra) ----------------------------------------------------

constexpr Field<LatLon> kLatLonFields[] = {
    FIELD(LatLon, "lat", true, number(r, v, o.lat, -90, 90)),
    FIELD(LatLon, "lon", true, number(r, v, o.lon, -180, 180)),
};

void opt_latlon(Reader& r, Json& v, std::optional<LatLon>& out) {
    if (v.is_null()) return out.reset();
    LatLon p;
    if (object(r, v, kLatLonFields, p, nullptr)) out = p;
}

void point(Reader& r, Json& v, LatLon& p) {
    auto* a = v.get_ptr<Array*>();
    if (!a || a->size() != 2) return r.problem("expected a point [lon, lat]");
    r.push(std::size_t{0});
    number(r, (*a)[0], p.lon, -180, 180);
    r.pop();
    r.push(std::size_t{1});
    number(r, (*a)[1], p.lat, -90, 90);
    r.pop();
}

void ring(Reader& r, Json& v, Ring& out) {
    array(r, v, out, point);
    if (v.is_array() && out.size() < 3) r.problem("a ring needs at least 3 points");
}

void polygon(Reader& r, Json& v, Polygon& out) {
    array(r, v, out, ring);
    if (v.is_array() && out.empty()) r.problem("a polygon needs at least one ring");
}

constexpr Field<Address> kAddressFields[] = {
    FIELD(Address, "city", false, str(r, v, o.city)),
    FIELD(Address, "country", false, str(r, v, o.country)),
    FIELD(Address, "postal_code", false, str(r, v, o.postal_code)),
    FIELD(Address, "state", false, str(r, v, o.state)),
    FIELD(Address, "street", false, str(r, v, o.street)),
};

constexpr Field<FormerClient> kFormerFields[] = {
    FIELD(FormerClient, "competitor", false, str(r, v, o.competitor)),
    FIELD(FormerClient, "competitor_contract_end", false, opt_date(r, v, o.competitor_contract_end)),
    FIELD(FormerClient, "competitor_term_months", false, integer(r, v, o.competitor_term_months, 0, kMaxTermMonths)),
    FIELD(FormerClient, "lost_date", false, opt_date(r, v, o.lost_date)),
    FIELD(FormerClient, "reason", false, str(r, v, o.reason)),
};

// --- records -------------------------------------------------------------------------------------

constexpr Field<Contact> kContactFields[] = {
    FIELD(Contact, "email", false, str(r, v, o.email)),
    FIELD(Contact, "id", true, str(r, v, o.id)),
    FIELD(Contact, "modified", true, timestamp(r, v, o.modified)),
    FIELD(Contact, "name", true, str(r, v, o.name)),
    FIELD(Contact, "phone", false, str(r, v, o.phone)),
    FIELD(Contact, "primary", false, boolean(r, v, o.primary)),
    FIELD(Contact, "role", false, str(r, v, o.role)),
    FIELD(Contact, "salesforce_id", false, str(r, v, o.salesforce_id)),
    FIELD(Contact, "title", false, str(r, v, o.title)),
};

constexpr Field<Service> kServiceFields[] = {
    FIELD(Service, "auto_renew", false, boolean(r, v, o.auto_renew)),
    FIELD(Service, "bandwidth_mbps", false, integer(r, v, o.bandwidth_mbps, 0, 10'000'000)),
    FIELD(Service, "contract_end", false, opt_date(r, v, o.contract_end)),
    FIELD(Service, "contract_start", false, opt_date(r, v, o.contract_start)),
    FIELD(Service, "family", false, str(r, v, o.family)),
    FIELD(Service, "id", true, str(r, v, o.id)),
    FIELD(Service, "modified", true, timestamp(r, v, o.modified)),
    FIELD(Service, "mrc", false, money(r, v, o.mrc)),
    FIELD(Service, "notice_days", false, opt_days(r, v, o.notice_days)),
    FIELD(Service, "product", true, str(r, v, o.product)),
    FIELD(Service, "quantity", false, integer(r, v, o.quantity, 1, 1'000'000)),
    FIELD(Service, "term_months", false, integer(r, v, o.term_months, 0, kMaxTermMonths)),
};

void contact(Reader& r, Json& v, Contact& c) { object(r, v, kContactFields, c, &c.extra); }

void service(Reader& r, Json& v, Service& s) {
    if (!object(r, v, kServiceFields, s, &s.extra)) return;
    if (s.contract_start && s.contract_end && *s.contract_end < *s.contract_start)
        r.problem_at("contract_end", "is before contract_start (" + format_iso_date(*s.contract_start) + ")");
}

constexpr Field<Account> kAccountFields[] = {
    FIELD(Account, "address", false, object(r, v, kAddressFields, o.address, nullptr)),
    FIELD(Account, "billing_account", false, str(r, v, o.billing_account)),
    FIELD(Account, "contacts", false, array(r, v, o.contacts, contact)),
    FIELD(Account, "employees", false, integer(r, v, o.employees, 0, 10'000'000)),
    FIELD(Account, "former", false, object(r, v, kFormerFields, o.former, nullptr)),
    FIELD(Account, "id", true, str(r, v, o.id)),
    FIELD(Account, "industry", false, str(r, v, o.industry)),
    FIELD(Account, "location", false, opt_latlon(r, v, o.location)),
    FIELD(Account, "location_approximate", false, boolean(r, v, o.location_approximate)),
    FIELD(Account, "modified", true, timestamp(r, v, o.modified)),
    FIELD(Account, "name", true, str(r, v, o.name)),
    FIELD(Account, "notes", false, str(r, v, o.notes)),
    FIELD(Account, "owner", false, str(r, v, o.owner)),
    FIELD(Account, "salesforce_id", false, str(r, v, o.salesforce_id)),
    FIELD(Account, "services", false, array(r, v, o.services, service)),
    FIELD(Account, "sites", false, integer(r, v, o.sites, 0, 1'000'000)),
    FIELD(Account, "status", true, account_status(r, v, o.status)),
    FIELD(Account, "tags", false, strings(r, v, o.tags)),
    FIELD(Account, "territory_id", false, str(r, v, o.territory_id)),
};

constexpr Field<Opportunity> kOpportunityFields[] = {
    FIELD(Opportunity, "account_id", true, str(r, v, o.account_id)),
    FIELD(Opportunity, "close_date", false, opt_date(r, v, o.close_date)),
    FIELD(Opportunity, "created", false, opt_date(r, v, o.created)),
    FIELD(Opportunity, "forecast_category", false, forecast_category(r, v, o.forecast_category)),
    FIELD(Opportunity, "id", true, str(r, v, o.id)),
    FIELD(Opportunity, "loss_reason", false, str(r, v, o.loss_reason)),
    FIELD(Opportunity, "modified", true, timestamp(r, v, o.modified)),
    FIELD(Opportunity, "mrc", false, money(r, v, o.mrc)),
    FIELD(Opportunity, "name", true, str(r, v, o.name)),
    FIELD(Opportunity, "next_step", false, str(r, v, o.next_step)),
    FIELD(Opportunity, "otc", false, money(r, v, o.otc)),
    FIELD(Opportunity, "owner", false, str(r, v, o.owner)),
    FIELD(Opportunity, "probability", false, integer(r, v, o.probability, 0, 100)),
    FIELD(Opportunity, "products", false, strings(r, v, o.products)),
    FIELD(Opportunity, "salesforce_id", false, str(r, v, o.salesforce_id)),
    FIELD(Opportunity, "stage", true, str(r, v, o.stage)),
    FIELD(Opportunity, "term_months", false, integer(r, v, o.term_months, 0, kMaxTermMonths)),
    FIELD(Opportunity, "type", false, opportunity_type(r, v, o.type)),
};

void opt_timestamp(Reader& r, Json& v, std::optional<Timestamp>& out) {
    if (v.is_null()) return out.reset();
    Timestamp t;
    timestamp(r, v, t);
    out = t;
}

constexpr Field<Activity> kActivityFields[] = {
    FIELD(Activity, "account_id", true, str(r, v, o.account_id)),
    FIELD(Activity, "checked_in", false, opt_timestamp(r, v, o.checked_in)),
    FIELD(Activity, "contact_id", false, str(r, v, o.contact_id)),
    FIELD(Activity, "date", true, date(r, v, o.date)),
    FIELD(Activity, "duration_minutes", false, integer(r, v, o.duration_minutes, 0, 24 * 60)),
    FIELD(Activity, "fixed_time", false, boolean(r, v, o.fixed_time)),
    FIELD(Activity, "id", true, str(r, v, o.id)),
    FIELD(Activity, "locked", false, boolean(r, v, o.locked)),
    FIELD(Activity, "modified", true, timestamp(r, v, o.modified)),
    FIELD(Activity, "next_step", false, str(r, v, o.next_step)),
    FIELD(Activity, "next_step_done", false, boolean(r, v, o.next_step_done)),
    FIELD(Activity, "next_step_due", false, opt_date(r, v, o.next_step_due)),
    FIELD(Activity, "notes", false, str(r, v, o.notes)),
    FIELD(Activity, "opportunity_id", false, str(r, v, o.opportunity_id)),
    FIELD(Activity, "outcome", false, str(r, v, o.outcome)),
    FIELD(Activity, "start_minute", false, opt_minute(r, v, o.start_minute)),
    FIELD(Activity, "subject", false, str(r, v, o.subject)),
    FIELD(Activity, "type", true, activity_type(r, v, o.type)),
};

constexpr Field<Territory> kTerritoryFields[] = {
    FIELD(Territory, "color", false, colour(r, v, o.color)),
    FIELD(Territory, "counties", false, strings(r, v, o.counties)),
    FIELD(Territory, "id", true, str(r, v, o.id)),
    FIELD(Territory, "modified", true, timestamp(r, v, o.modified)),
    FIELD(Territory, "name", true, str(r, v, o.name)),
    FIELD(Territory, "polygons", false, array(r, v, o.polygons, polygon)),
    FIELD(Territory, "zip_codes", false, strings(r, v, o.zip_codes)),
};

// --- plan-level objects ----------------------------------------------------------------------------

constexpr Field<Stage> kStageFields[] = {
    FIELD(Stage, "category", false, forecast_category(r, v, o.category)),
    FIELD(Stage, "closed", false, boolean(r, v, o.closed)),
    FIELD(Stage, "name", true, str(r, v, o.name)),
    FIELD(Stage, "probability", false, integer(r, v, o.probability, 0, 100)),
    FIELD(Stage, "won", false, boolean(r, v, o.won)),
};

void stage(Reader& r, Json& v, Stage& s) {
    if (object(r, v, kStageFields, s, nullptr) && s.won && !s.closed)
        r.problem_at("won", "a won stage must also be closed");
}

void month_override(Reader& r, Json& v, std::map<YearMonth, Cents>& out) {
    auto* obj = v.get_ptr<Object*>();
    if (!obj) return r.problem("expected an object keyed by month, like {\"2026-11\": 1500000}");
    for (auto& [key, value] : *obj) {
        r.push(std::string_view(key));
        Cents c = 0;
        if (auto ym = parse_year_month(key); !ym) r.problem(quote(key) + " is not a month (expected YYYY-MM)");
        else if (money(r, value, c)) out[*ym] = c;
        r.pop();
    }
}

constexpr int kMaxGoal = 100'000;
constexpr Field<ActivityGoals> kGoalFields[] = {
    FIELD(ActivityGoals, "calls", false, integer(r, v, o.calls, 0, kMaxGoal)),
    FIELD(ActivityGoals, "emails", false, integer(r, v, o.emails, 0, kMaxGoal)),
    FIELD(ActivityGoals, "events", false, integer(r, v, o.events, 0, kMaxGoal)),
    FIELD(ActivityGoals, "meetings", false, integer(r, v, o.meetings, 0, kMaxGoal)),
    FIELD(ActivityGoals, "proposals", false, integer(r, v, o.proposals, 0, kMaxGoal)),
    FIELD(ActivityGoals, "visits", false, integer(r, v, o.visits, 0, kMaxGoal)),
};

constexpr Field<Quota> kQuotaFields[] = {
    FIELD(Quota, "month_override", false, month_override(r, v, o.month_override)),
    FIELD(Quota, "monthly_revenue", false, money(r, v, o.monthly_revenue)),
    FIELD(Quota, "weekly_goals", false, object(r, v, kGoalFields, o.weekly_goals, nullptr)),
};

constexpr Field<CommissionTier> kTierFields[] = {
    FIELD(CommissionTier, "from_attainment_pct", true, integer(r, v, o.from_attainment_pct, 0, 100'000)),
    FIELD(CommissionTier, "rate_bp", true, integer(r, v, o.rate_bp, 0, kMaxBasisPoints)),
};

void tiers(Reader& r, Json& v, std::vector<CommissionTier>& out) {
    array(r, v, out, [](Reader& rr, Json& t, CommissionTier& tier) { object(rr, t, kTierFields, tier, nullptr); });
    for (std::size_t i = 1; i < out.size(); ++i) {
        if (out[i].from_attainment_pct > out[i - 1].from_attainment_pct) continue;
        r.push(i);
        r.problem_at("from_attainment_pct", "tiers must be in increasing order of from_attainment_pct");
        r.pop();
    }
}

void family_bonus(Reader& r, Json& v, std::map<std::string, int>& out) {
    auto* obj = v.get_ptr<Object*>();
    if (!obj) return r.problem("expected an object of product family to basis points, like {\"ethernet\": 2500}");
    for (auto& [key, value] : *obj) {
        r.push(std::string_view(key));
        if (int bp = 0; integer(r, value, bp, 0, kMaxBasisPoints)) out[key] = bp;
        r.pop();
    }
}

constexpr Field<CommissionPlan> kCommissionFields[] = {
    FIELD(CommissionPlan, "base_rate_bp", false, integer(r, v, o.base_rate_bp, 0, kMaxBasisPoints)),
    FIELD(CommissionPlan, "family_bonus_bp", false, family_bonus(r, v, o.family_bonus_bp)),
    FIELD(CommissionPlan, "tiers", false, tiers(r, v, o.tiers)),
    FIELD(CommissionPlan, "winback_bonus_bp", false, integer(r, v, o.winback_bonus_bp, 0, kMaxBasisPoints)),
};

constexpr Field<TermPrice> kPriceFields[] = {
    FIELD(TermPrice, "mrc", true, money(r, v, o.mrc)),
    FIELD(TermPrice, "term_months", true, integer(r, v, o.term_months, 0, kMaxTermMonths)),
};

void prices(Reader& r, Json& v, std::vector<TermPrice>& out) {
    array(r, v, out, [](Reader& rr, Json& p, TermPrice& price) { object(rr, p, kPriceFields, price, nullptr); });
    for (std::size_t i = 1; i < out.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (out[i].term_months == out[j].term_months) {
                r.push(i);
                r.problem_at("term_months", "duplicate price for a " + std::to_string(out[i].term_months) + "-month term");
                r.pop();
                break;
            }
}

constexpr Field<Product> kProductFields[] = {
    FIELD(Product, "bandwidth_mbps", false, integer(r, v, o.bandwidth_mbps, 0, 10'000'000)),
    FIELD(Product, "example_price", false, boolean(r, v, o.example_price)),
    FIELD(Product, "family", true, str(r, v, o.family)),
    FIELD(Product, "id", true, str(r, v, o.id)),
    FIELD(Product, "name", true, str(r, v, o.name)),
    FIELD(Product, "otc", false, money(r, v, o.otc)),
    FIELD(Product, "prices", false, prices(r, v, o.prices)),
    FIELD(Product, "unit", false, str(r, v, o.unit)),
};

constexpr Field<RoutePlace> kRoutePlaceFields[] = {
    FIELD(RoutePlace, "label", false, str(r, v, o.label)),
    FIELD(RoutePlace, "lat", true, number(r, v, o.point.lat, -90, 90)),
    FIELD(RoutePlace, "lon", true, number(r, v, o.point.lon, -180, 180)),
};

void opt_route_place(Reader& r, Json& v, std::optional<RoutePlace>& out) {
    if (v.is_null()) return out.reset();
    RoutePlace place;
    if (object(r, v, kRoutePlaceFields, place, nullptr)) out = std::move(place);
}

constexpr Field<RouteDayPlaces> kRouteDayFields[] = {
    FIELD(RouteDayPlaces, "end", false, opt_route_place(r, v, o.end)),
    FIELD(RouteDayPlaces, "start", false, opt_route_place(r, v, o.start)),
};

void route_days(Reader& r, Json& v, std::map<Date, RouteDayPlaces>& out) {
    auto* obj = v.get_ptr<Object*>();
    if (!obj) return r.problem("expected an object keyed by date, like {\"2026-11-27\": {\"start\": {...}}}");
    for (auto& [key, value] : *obj) {
        r.push(std::string_view(key));
        RouteDayPlaces day;
        if (auto d = parse_iso_date(key); !d) r.problem(quote(key) + " is not a date (expected YYYY-MM-DD)");
        else if (object(r, value, kRouteDayFields, day, nullptr)) out[*d] = std::move(day);
        r.pop();
    }
}

constexpr Field<Settings> kSettingsFields[] = {
    FIELD(Settings, "average_speed_kmh", false, number(r, v, o.average_speed_kmh, 1, 300)),
    FIELD(Settings, "currency", false, currency(r, v, o.currency)),
    FIELD(Settings, "default_meeting_minutes", false, integer(r, v, o.default_meeting_minutes, 0, kLastMinute)),
    FIELD(Settings, "home", false, opt_latlon(r, v, o.home)),
    FIELD(Settings, "home_label", false, str(r, v, o.home_label)),
    FIELD(Settings, "lunch_minutes", false, integer(r, v, o.lunch_minutes, 0, kLastMinute)),
    FIELD(Settings, "lunch_start_minute", false, integer(r, v, o.lunch_start_minute, 0, kLastMinute)),
    FIELD(Settings, "priority_weights", false, priority_weights(r, v, o.priority_weights)),
    FIELD(Settings, "renewal_notice_days", false, integer(r, v, o.renewal_notice_days, 0, kMaxNoticeDays)),
    FIELD(Settings, "road_factor", false, number(r, v, o.road_factor, 1, 10)),
    FIELD(Settings, "route_days", false, route_days(r, v, o.route_days)),
    FIELD(Settings, "timezone", false, str(r, v, o.timezone)),
    FIELD(Settings, "winback_window_days", false, integer(r, v, o.winback_window_days, 0, kMaxNoticeDays)),
    FIELD(Settings, "work_end_minute", false, integer(r, v, o.work_end_minute, 0, kLastMinute)),
    FIELD(Settings, "work_start_minute", false, integer(r, v, o.work_start_minute, 0, kLastMinute)),
};

void settings(Reader& r, Json& v, Settings& s) {
    if (object(r, v, kSettingsFields, s, &s.extra) && s.work_end_minute <= s.work_start_minute)
        r.problem_at("work_end_minute", "must be after work_start_minute");
}

// --- exchanges with other plans (merging) -------------------------------------------------------

void one_of(Reader& r, Json& v, std::string& out, std::initializer_list<std::string_view> names,
            const char* what) {
    std::string s;
    str(r, v, s);
    if (!v.is_string()) return;
    for (std::string_view n : names)
        if (s == n) {
            out = std::move(s);
            return;
        }
    std::string list;
    for (std::string_view n : names) list += (list.empty() ? "" : ", ") + std::string(n);
    r.problem(quote(s) + " is not " + what + " (expected one of: " + list + ")");
}

void sync_kind(Reader& r, Json& v, SyncPeer::Kind& out) {
    std::string s;
    one_of(r, v, s, {"merged", "shared"}, "an exchange kind");
    if (!s.empty()) out = s == "shared" ? SyncPeer::Kind::Shared : SyncPeer::Kind::Merged;
}

// {"accounts": {"acc-1": "0123456789abcdef", …}, …}: record hashes by collection.
void record_hashes(Reader& r, Json& v, std::map<std::string, std::vector<RecordHash>>& out) {
    auto* kinds = v.get_ptr<Object*>();
    if (!kinds) return r.problem("expected an object of collections, like {\"accounts\": {…}}");
    for (auto& [collection, ids] : *kinds) {
        r.push(std::string_view(collection));
        auto* obj = ids.get_ptr<Object*>();
        if (!obj) {
            r.problem("expected an object of record id to hash");
            r.pop();
            continue;
        }
        std::vector<RecordHash>& list = out[collection];
        list.reserve(obj->size());
        for (auto& [id, hash] : *obj) {
            const auto* text = hash.get_ptr<const std::string*>();
            std::uint64_t h = 0;
            bool ok = text && text->size() == 16;
            for (std::size_t i = 0; ok && i < 16; ++i) {
                const char c = (*text)[i];
                const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
                ok = d >= 0;
                h = (h << 4) | static_cast<std::uint64_t>(d < 0 ? 0 : d);
            }
            if (!ok) r.problem_at(id, "expected 16 lower-case hex digits");
            else list.push_back({id, h});
        }
        // nlohmann keeps object keys sorted, so the list is sorted by id as lookups need.
        r.pop();
    }
}

constexpr Field<SyncPeer> kSyncPeerFields[] = {
    FIELD(SyncPeer, "at", true, timestamp(r, v, o.at)),
    FIELD(SyncPeer, "file", false, str(r, v, o.file)),
    FIELD(SyncPeer, "id", true, str(r, v, o.id)),
    FIELD(SyncPeer, "kind", false, sync_kind(r, v, o.kind)),
    FIELD(SyncPeer, "name", false, str(r, v, o.name)),
    FIELD(SyncPeer, "owner", false, str(r, v, o.owner)),
    FIELD(SyncPeer, "partial", false, boolean(r, v, o.partial)),
    FIELD(SyncPeer, "records", false, record_hashes(r, v, o.records)),
    FIELD(SyncPeer, "redacted", false, boolean(r, v, o.redacted)),
};

void sync_peer(Reader& r, Json& v, SyncPeer& p) {
    if (object(r, v, kSyncPeerFields, p, &p.extra) && p.id.empty()) r.problem_at("id", "must not be empty");
}

constexpr Field<ShareInfo> kShareFields[] = {
    FIELD(ShareInfo, "at", false, timestamp(r, v, o.at)),
    FIELD(ShareInfo, "from", true, str(r, v, o.from)),
    FIELD(ShareInfo, "from_name", false, str(r, v, o.from_name)),
    FIELD(ShareInfo, "label", false, str(r, v, o.label)),
    FIELD(ShareInfo, "partial", false, boolean(r, v, o.partial)),
    FIELD(ShareInfo, "redacted", false, boolean(r, v, o.redacted)),
    FIELD(ShareInfo, "scope", true, one_of(r, v, o.scope, {"plan", "accounts", "territory"}, "a share scope")),
};

void share_info(Reader& r, Json& v, std::optional<ShareInfo>& out) {
    ShareInfo i;
    if (object(r, v, kShareFields, i, nullptr)) out = std::move(i);
}

void account(Reader& r, Json& v, Account& a) { object(r, v, kAccountFields, a, &a.extra); }
void opportunity(Reader& r, Json& v, Opportunity& o) { object(r, v, kOpportunityFields, o, &o.extra); }
void activity(Reader& r, Json& v, Activity& a) { object(r, v, kActivityFields, a, &a.extra); }
void territory(Reader& r, Json& v, Territory& t) { object(r, v, kTerritoryFields, t, &t.extra); }
void product(Reader& r, Json& v, Product& p) { object(r, v, kProductFields, p, &p.extra); }

constexpr Field<Plan> kPlanFields[] = {
    FIELD(Plan, "accounts", false, array(r, v, o.accounts, account)),
    FIELD(Plan, "activities", false, array(r, v, o.activities, activity)),
    FIELD(Plan, "catalog", false, array(r, v, o.catalog, product)),
    FIELD(Plan, "commission", false, object(r, v, kCommissionFields, o.commission, &o.commission.extra)),
    FIELD(Plan, "created", true, timestamp(r, v, o.created)),
    FIELD(Plan, "format", true, static_cast<void>(0)), // checked before conversion
    FIELD(Plan, "id", true, str(r, v, o.id)),
    FIELD(Plan, "modified", true, timestamp(r, v, o.modified)),
    FIELD(Plan, "name", false, str(r, v, o.name)),
    FIELD(Plan, "opportunities", false, array(r, v, o.opportunities, opportunity)),
    FIELD(Plan, "owner", false, str(r, v, o.owner)),
    FIELD(Plan, "quota", false, object(r, v, kQuotaFields, o.quota, nullptr)),
    FIELD(Plan, "sample", false, boolean(r, v, o.sample)),
    FIELD(Plan, "settings", false, settings(r, v, o.settings)),
    FIELD(Plan, "share", false, share_info(r, v, o.share)),
    FIELD(Plan, "stages", false, array(r, v, o.stages, stage)),
    FIELD(Plan, "sync", false, array(r, v, o.sync, sync_peer)),
    FIELD(Plan, "territories", false, array(r, v, o.territories, territory)),
    FIELD(Plan, "upsell_rules", false, upsell_rules(r, v, o.upsell_rules)),
    FIELD(Plan, "version", true, static_cast<void>(0)), // checked before conversion
};

#undef FIELD

static_assert(sorted_by_name(kLatLonFields) && sorted_by_name(kAddressFields) &&
              sorted_by_name(kFormerFields) && sorted_by_name(kContactFields) &&
              sorted_by_name(kServiceFields) && sorted_by_name(kAccountFields) &&
              sorted_by_name(kOpportunityFields) && sorted_by_name(kActivityFields) &&
              sorted_by_name(kTerritoryFields) && sorted_by_name(kStageFields) &&
              sorted_by_name(kGoalFields) && sorted_by_name(kQuotaFields) &&
              sorted_by_name(kTierFields) && sorted_by_name(kCommissionFields) &&
              sorted_by_name(kPriceFields) && sorted_by_name(kProductFields) &&
              sorted_by_name(kSettingsFields) && sorted_by_name(kPlanFields) &&
              sorted_by_name(kRoutePlaceFields) && sorted_by_name(kRouteDayFields) &&
              sorted_by_name(kSyncPeerFields) && sorted_by_name(kShareFields),
              "field tables must be sorted by name: object() walks them alongside the keys");

// Converts the records of the big arrays while the document is parsed (see plan_parse.cpp).
class Streamer final : public plan_json_detail::RecordStream {
public:
    explicit Streamer(Reader& r) : r_(r) {}

    bool stream(std::string_view key) override {
        for (Collection& c : collections_)
            if (key == c.key) {
                c.streamed = true;
                c.clear(records_); // a repeated key replaces the earlier array, as in the DOM
                return true;
            }
        return false;
    }
    void element(std::string_view key, std::size_t index, Json& value) override {
        for (Collection& c : collections_)
            if (key == c.key) {
                r_.push(c.key);
                r_.push(index);
                c.read(r_, value, records_);
                r_.pop();
                r_.pop();
            }
    }
    // Puts the streamed records in place of the empty arrays the DOM had for them.
    void move_into(Plan& plan) {
        for (Collection& c : collections_)
            if (c.streamed) c.move(records_, plan);
    }

private:
    struct Collection {
        std::string_view key;
        void (*clear)(Plan&);
        void (*read)(Reader&, Json&, Plan&);
        void (*move)(Plan&, Plan&);
        bool streamed = false;
    };
    template <class T, std::vector<T> Plan::*list, void (*convert)(Reader&, Json&, T&)>
    static Collection collection(std::string_view key) {
        return {key, [](Plan& p) { (p.*list).clear(); },
                [](Reader& r, Json& v, Plan& p) {
                    (p.*list).emplace_back();
                    convert(r, v, (p.*list).back());
                },
                [](Plan& from, Plan& to) { to.*list = std::move(from.*list); }};
    }

    Reader& r_;
    Plan records_;
    Collection collections_[4] = {
        collection<Account, &Plan::accounts, account>("accounts"),
        collection<Opportunity, &Plan::opportunities, opportunity>("opportunities"),
        collection<Activity, &Plan::activities, activity>("activities"),
        collection<Territory, &Plan::territories, territory>("territories"),
    };
};

} // namespace

bool plan_json_detail::is_known_field(Kind kind, std::string_view key) {
    switch (kind) {
    case Kind::Plan: return known(kPlanFields, key);
    case Kind::Settings: return known(kSettingsFields, key);
    case Kind::Commission: return known(kCommissionFields, key);
    case Kind::Product: return known(kProductFields, key);
    case Kind::Territory: return known(kTerritoryFields, key);
    case Kind::Account: return known(kAccountFields, key);
    case Kind::Contact: return known(kContactFields, key);
    case Kind::Service: return known(kServiceFields, key);
    case Kind::Opportunity: return known(kOpportunityFields, key);
    case Kind::Activity: return known(kActivityFields, key);
    case Kind::SyncPeer: return known(kSyncPeerFields, key);
    case Kind::UpsellRule: return is_known_rule_field(key);
    }
    return false;
}

std::vector<std::string_view> plan_json_detail::known_fields(Kind kind) {
    auto names = [](const auto& fields) {
        std::vector<std::string_view> out;
        for (const auto& f : fields) out.push_back(f.name);
        return out;
    };
    switch (kind) {
    case Kind::Plan: return names(kPlanFields);
    case Kind::Settings: return names(kSettingsFields);
    case Kind::Commission: return names(kCommissionFields);
    case Kind::Product: return names(kProductFields);
    case Kind::Territory: return names(kTerritoryFields);
    case Kind::Account: return names(kAccountFields);
    case Kind::Contact: return names(kContactFields);
    case Kind::Service: return names(kServiceFields);
    case Kind::Opportunity: return names(kOpportunityFields);
    case Kind::Activity: return names(kActivityFields);
    case Kind::SyncPeer: return names(kSyncPeerFields);
    case Kind::UpsellRule: return known_rule_fields();
    }
    return {};
}

namespace {

// `input` is the whole text or a ChunkCursor (a stored snapshot, decompressed as it is read).
template <class Input>
LoadResult read_document(Input& input, std::span<const Migration> migrations,
                         int current_version, bool whole_plan) {
    LoadResult result;
    ProblemSink sink(result.problems);
    Reader reader(sink);
    Streamer streamer(reader);
    std::optional<Json> doc = plan_json_detail::parse_document(input, sink, current_version, &streamer);
    if (!doc) return result;
    const std::size_t streamed_problems = sink.size();
    if (!doc->is_object()) {
        sink.add("", std::string("expected a JSON object (a Footprint plan starts with {\"format\": \"") +
                         std::string(kPlanFormatTag) + "\", ...}), found " +
                         plan_json_detail::type_name(*doc));
        return result;
    }
    if (!plan_json_detail::upgrade(*doc, migrations, current_version, result, sink)) {
        // Only possible with streamed records when "version" is repeated; the version decides.
        sink.drop_first(streamed_problems);
        return result;
    }

    Plan plan;
    plan.upsell_rules = default_upsell_rules(); // a plan from before the rules existed gets these
    object(reader, *doc, kPlanFields, plan, &plan.extra);
    doc.reset(); // the DOM is hollow now; free it before the checks allocate their indexes
    streamer.move_into(plan);
    if (whole_plan) plan_json_detail::check_plan(plan, sink, reader.reported());
    if (result.problems.empty()) result.plan = std::move(plan);
    return result;
}

} // namespace

LoadResult read_plan_with_migrations(std::string_view text, std::span<const Migration> migrations,
                                     int current_version) {
    return read_document(text, migrations, current_version, true);
}

LoadResult plan_json_detail::read_plan_chunks(ChunkCursor& input) {
    return read_document(input, plan_migrations(), kPlanFormatVersion, true);
}

LoadResult read_plan_part(std::string_view text) {
    return read_document(text, plan_migrations(), kPlanFormatVersion, false);
}

std::vector<Problem> check_plan(const Plan& plan) {
    std::vector<Problem> problems;
    ProblemSink sink(problems);
    plan_json_detail::check_plan(plan, sink, {});
    return problems;
}

LoadResult read_plan(std::string_view text) {
    return read_plan_with_migrations(text, plan_migrations(), kPlanFormatVersion);
}

} // namespace footprint::core
