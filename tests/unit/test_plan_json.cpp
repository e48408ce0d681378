// The plan file: round trips, unknown fields, migrations, and every way a file can be wrong.
#include "core/plan_json.h"
#include "core/synthetic_plan.h"

#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <functional>
#include <iterator>
#include <limits>

using namespace footprint::core;
using namespace std::string_literals;

namespace {

// ---- field-by-field comparison, naming the first field that differs ---------------------------

struct Differ {
    std::string first; // path of the first difference, "" when equal

    bool same() const { return first.empty(); }
    template <class T>
    void eq(const std::string& path, const T& a, const T& b) {
        if (first.empty() && !(a == b)) first = path;
    }
    void eq(const std::string& path, const LatLon& a, const LatLon& b) {
        eq(path + "/lat", a.lat, b.lat);
        eq(path + "/lon", a.lon, b.lon);
    }
    void eq(const std::string& path, const std::optional<LatLon>& a, const std::optional<LatLon>& b) {
        eq(path + "(set)", a.has_value(), b.has_value());
        if (a && b) eq(path, *a, *b);
    }
    template <class T, class Fn>
    void list(const std::string& path, const std::vector<T>& a, const std::vector<T>& b, Fn each) {
        eq(path + "(size)", a.size(), b.size());
        for (std::size_t i = 0; i < a.size() && i < b.size() && first.empty(); ++i)
            each(*this, path + "/" + std::to_string(i), a[i], b[i]);
    }
};

void diff_contact(Differ& d, const std::string& p, const Contact& a, const Contact& b) {
    d.eq(p + "/id", a.id, b.id);
    d.eq(p + "/name", a.name, b.name);
    d.eq(p + "/title", a.title, b.title);
    d.eq(p + "/role", a.role, b.role);
    d.eq(p + "/phone", a.phone, b.phone);
    d.eq(p + "/email", a.email, b.email);
    d.eq(p + "/primary", a.primary, b.primary);
    d.eq(p + "/modified", a.modified, b.modified);
    d.eq(p + "/extra", a.extra, b.extra);
}

void diff_service(Differ& d, const std::string& p, const Service& a, const Service& b) {
    d.eq(p + "/id", a.id, b.id);
    d.eq(p + "/product", a.product, b.product);
    d.eq(p + "/family", a.family, b.family);
    d.eq(p + "/quantity", a.quantity, b.quantity);
    d.eq(p + "/mrc", a.mrc, b.mrc);
    d.eq(p + "/term_months", a.term_months, b.term_months);
    d.eq(p + "/contract_start", a.contract_start, b.contract_start);
    d.eq(p + "/contract_end", a.contract_end, b.contract_end);
    d.eq(p + "/auto_renew", a.auto_renew, b.auto_renew);
    d.eq(p + "/bandwidth_mbps", a.bandwidth_mbps, b.bandwidth_mbps);
    d.eq(p + "/notice_days", a.notice_days, b.notice_days);
    d.eq(p + "/modified", a.modified, b.modified);
    d.eq(p + "/extra", a.extra, b.extra);
}

void diff_account(Differ& d, const std::string& p, const Account& a, const Account& b) {
    d.eq(p + "/id", a.id, b.id);
    d.eq(p + "/salesforce_id", a.salesforce_id, b.salesforce_id);
    d.eq(p + "/name", a.name, b.name);
    d.eq(p + "/status", a.status, b.status);
    d.eq(p + "/industry", a.industry, b.industry);
    d.eq(p + "/employees", a.employees, b.employees);
    d.eq(p + "/sites", a.sites, b.sites);
    d.eq(p + "/billing_account", a.billing_account, b.billing_account);
    d.eq(p + "/address/street", a.address.street, b.address.street);
    d.eq(p + "/address/city", a.address.city, b.address.city);
    d.eq(p + "/address/state", a.address.state, b.address.state);
    d.eq(p + "/address/postal_code", a.address.postal_code, b.address.postal_code);
    d.eq(p + "/address/country", a.address.country, b.address.country);
    d.eq(p + "/location", a.location, b.location);
    d.eq(p + "/location_approximate", a.location_approximate, b.location_approximate);
    d.eq(p + "/owner", a.owner, b.owner);
    d.eq(p + "/territory_id", a.territory_id, b.territory_id);
    d.eq(p + "/tags", a.tags, b.tags);
    d.eq(p + "/notes", a.notes, b.notes);
    d.list(p + "/contacts", a.contacts, b.contacts, diff_contact);
    d.list(p + "/services", a.services, b.services, diff_service);
    d.eq(p + "/former/lost_date", a.former.lost_date, b.former.lost_date);
    d.eq(p + "/former/reason", a.former.reason, b.former.reason);
    d.eq(p + "/former/competitor", a.former.competitor, b.former.competitor);
    d.eq(p + "/former/competitor_term_months", a.former.competitor_term_months, b.former.competitor_term_months);
    d.eq(p + "/former/competitor_contract_end", a.former.competitor_contract_end, b.former.competitor_contract_end);
    d.eq(p + "/modified", a.modified, b.modified);
    d.eq(p + "/extra", a.extra, b.extra);
}

void diff_opportunity(Differ& d, const std::string& p, const Opportunity& a, const Opportunity& b) {
    d.eq(p + "/id", a.id, b.id);
    d.eq(p + "/salesforce_id", a.salesforce_id, b.salesforce_id);
    d.eq(p + "/account_id", a.account_id, b.account_id);
    d.eq(p + "/name", a.name, b.name);
    d.eq(p + "/type", a.type, b.type);
    d.eq(p + "/stage", a.stage, b.stage);
    d.eq(p + "/probability", a.probability, b.probability);
    d.eq(p + "/forecast_category", a.forecast_category, b.forecast_category);
    d.eq(p + "/mrc", a.mrc, b.mrc);
    d.eq(p + "/otc", a.otc, b.otc);
    d.eq(p + "/term_months", a.term_months, b.term_months);
    d.eq(p + "/close_date", a.close_date, b.close_date);
    d.eq(p + "/products", a.products, b.products);
    d.eq(p + "/next_step", a.next_step, b.next_step);
    d.eq(p + "/loss_reason", a.loss_reason, b.loss_reason);
    d.eq(p + "/owner", a.owner, b.owner);
    d.eq(p + "/modified", a.modified, b.modified);
    d.eq(p + "/extra", a.extra, b.extra);
}

void diff_activity(Differ& d, const std::string& p, const Activity& a, const Activity& b) {
    d.eq(p + "/id", a.id, b.id);
    d.eq(p + "/account_id", a.account_id, b.account_id);
    d.eq(p + "/contact_id", a.contact_id, b.contact_id);
    d.eq(p + "/opportunity_id", a.opportunity_id, b.opportunity_id);
    d.eq(p + "/type", a.type, b.type);
    d.eq(p + "/date", a.date, b.date);
    d.eq(p + "/start_minute", a.start_minute, b.start_minute);
    d.eq(p + "/duration_minutes", a.duration_minutes, b.duration_minutes);
    d.eq(p + "/subject", a.subject, b.subject);
    d.eq(p + "/outcome", a.outcome, b.outcome);
    d.eq(p + "/notes", a.notes, b.notes);
    d.eq(p + "/next_step", a.next_step, b.next_step);
    d.eq(p + "/next_step_due", a.next_step_due, b.next_step_due);
    d.eq(p + "/next_step_done", a.next_step_done, b.next_step_done);
    d.eq(p + "/modified", a.modified, b.modified);
    d.eq(p + "/extra", a.extra, b.extra);
}

void diff_territory(Differ& d, const std::string& p, const Territory& a, const Territory& b) {
    d.eq(p + "/id", a.id, b.id);
    d.eq(p + "/name", a.name, b.name);
    d.eq(p + "/color", a.color, b.color);
    d.list(p + "/polygons", a.polygons, b.polygons, [](Differ& dd, const std::string& pp, const Polygon& x, const Polygon& y) {
        dd.list(pp, x, y, [](Differ& d3, const std::string& p3, const Ring& rx, const Ring& ry) {
            d3.list(p3, rx, ry, [](Differ& d4, const std::string& p4, const LatLon& u, const LatLon& v) { d4.eq(p4, u, v); });
        });
    });
    d.eq(p + "/zip_codes", a.zip_codes, b.zip_codes);
    d.eq(p + "/modified", a.modified, b.modified);
    d.eq(p + "/extra", a.extra, b.extra);
}

std::string plan_diff(const Plan& a, const Plan& b) {
    Differ d;
    d.eq("/id", a.id, b.id);
    d.eq("/name", a.name, b.name);
    d.eq("/sample", a.sample, b.sample);
    d.eq("/owner", a.owner, b.owner);
    d.eq("/created", a.created, b.created);
    d.eq("/modified", a.modified, b.modified);
    d.list("/accounts", a.accounts, b.accounts, diff_account);
    d.list("/opportunities", a.opportunities, b.opportunities, diff_opportunity);
    d.list("/activities", a.activities, b.activities, diff_activity);
    d.list("/territories", a.territories, b.territories, diff_territory);
    d.list("/stages", a.stages, b.stages, [](Differ& dd, const std::string& p, const Stage& x, const Stage& y) {
        dd.eq(p + "/name", x.name, y.name);
        dd.eq(p + "/probability", x.probability, y.probability);
        dd.eq(p + "/category", x.category, y.category);
        dd.eq(p + "/closed", x.closed, y.closed);
        dd.eq(p + "/won", x.won, y.won);
    });
    d.eq("/quota/monthly_revenue", a.quota.monthly_revenue, b.quota.monthly_revenue);
    d.eq("/quota/month_override", a.quota.month_override, b.quota.month_override);
    const ActivityGoals &ga = a.quota.weekly_goals, &gb = b.quota.weekly_goals;
    d.eq("/quota/weekly_goals/calls", ga.calls, gb.calls);
    d.eq("/quota/weekly_goals/visits", ga.visits, gb.visits);
    d.eq("/quota/weekly_goals/meetings", ga.meetings, gb.meetings);
    d.eq("/quota/weekly_goals/emails", ga.emails, gb.emails);
    d.eq("/quota/weekly_goals/events", ga.events, gb.events);
    d.eq("/quota/weekly_goals/proposals", ga.proposals, gb.proposals);
    d.eq("/commission/base_rate_bp", a.commission.base_rate_bp, b.commission.base_rate_bp);
    d.list("/commission/tiers", a.commission.tiers, b.commission.tiers,
           [](Differ& dd, const std::string& p, const CommissionTier& x, const CommissionTier& y) {
               dd.eq(p + "/from_attainment_pct", x.from_attainment_pct, y.from_attainment_pct);
               dd.eq(p + "/rate_bp", x.rate_bp, y.rate_bp);
           });
    d.eq("/commission/family_bonus_bp", a.commission.family_bonus_bp, b.commission.family_bonus_bp);
    d.eq("/commission/winback_bonus_bp", a.commission.winback_bonus_bp, b.commission.winback_bonus_bp);
    d.eq("/commission/extra", a.commission.extra, b.commission.extra);
    d.list("/catalog", a.catalog, b.catalog, [](Differ& dd, const std::string& p, const Product& x, const Product& y) {
        dd.eq(p + "/id", x.id, y.id);
        dd.eq(p + "/family", x.family, y.family);
        dd.eq(p + "/name", x.name, y.name);
        dd.eq(p + "/unit", x.unit, y.unit);
        dd.eq(p + "/bandwidth_mbps", x.bandwidth_mbps, y.bandwidth_mbps);
        dd.list(p + "/prices", x.prices, y.prices, [](Differ& d3, const std::string& p3, const TermPrice& u, const TermPrice& v) {
            d3.eq(p3 + "/term_months", u.term_months, v.term_months);
            d3.eq(p3 + "/mrc", u.mrc, v.mrc);
        });
        dd.eq(p + "/otc", x.otc, y.otc);
        dd.eq(p + "/example_price", x.example_price, y.example_price);
        dd.eq(p + "/extra", x.extra, y.extra);
    });
    const Settings &sa = a.settings, &sb = b.settings;
    d.eq("/settings/home_label", sa.home_label, sb.home_label);
    d.eq("/settings/home", sa.home, sb.home);
    d.eq("/settings/work_start_minute", sa.work_start_minute, sb.work_start_minute);
    d.eq("/settings/work_end_minute", sa.work_end_minute, sb.work_end_minute);
    d.eq("/settings/lunch_start_minute", sa.lunch_start_minute, sb.lunch_start_minute);
    d.eq("/settings/lunch_minutes", sa.lunch_minutes, sb.lunch_minutes);
    d.eq("/settings/average_speed_kmh", sa.average_speed_kmh, sb.average_speed_kmh);
    d.eq("/settings/road_factor", sa.road_factor, sb.road_factor);
    d.eq("/settings/default_meeting_minutes", sa.default_meeting_minutes, sb.default_meeting_minutes);
    d.eq("/settings/timezone", sa.timezone, sb.timezone);
    d.eq("/settings/currency", sa.currency, sb.currency);
    d.eq("/settings/renewal_notice_days", sa.renewal_notice_days, sb.renewal_notice_days);
    d.eq("/settings/winback_window_days", sa.winback_window_days, sb.winback_window_days);
    d.eq("/settings/priority_weights", sa.priority_weights, sb.priority_weights);
    d.eq("/settings/extra", sa.extra, sb.extra);
    d.list("/upsell_rules", a.upsell_rules, b.upsell_rules,
           [](Differ& dd, const std::string& p, const UpsellRule& x, const UpsellRule& y) {
               dd.eq(p + "/id", x.id, y.id);
               dd.eq(p + "/name", x.name, y.name);
               dd.eq(p + "/enabled", x.enabled, y.enabled);
               dd.eq(p + "/min_sites", x.min_sites, y.min_sites);
               dd.eq(p + "/min_employees", x.min_employees, y.min_employees);
               dd.eq(p + "/max_employees", x.max_employees, y.max_employees);
               dd.eq(p + "/max_bandwidth_mbps", x.max_bandwidth_mbps, y.max_bandwidth_mbps);
               dd.eq(p + "/has_family", x.has_family, y.has_family);
               dd.eq(p + "/lacks_family", x.lacks_family, y.lacks_family);
               dd.eq(p + "/industries", x.industries, y.industries);
               dd.eq(p + "/product", x.product, y.product);
               dd.eq(p + "/quantity", x.quantity_basis, y.quantity_basis);
               dd.eq(p + "/units", x.units, y.units);
               dd.eq(p + "/per", x.per, y.per);
               dd.eq(p + "/upgrade", x.upgrade, y.upgrade);
               dd.eq(p + "/note", x.note, y.note);
               dd.eq(p + "/extra", x.extra, y.extra);
           });
    d.eq("/extra", a.extra, b.extra);
    return d.first;
}

Timestamp ts(int y, int m, int d, int h = 12, int min = 0, int s = 0, int ms = 0) {
    return Timestamp{std::int64_t{date_from_ymd(y, m, d).days} * 86'400'000 + h * 3'600'000 + min * 60'000 + s * 1000 + ms};
}

// Every field set to something other than its default, and unknown fields at every level.
Plan populated_plan() {
    Plan p = make_empty_plan("plan-0001", "Q3 plan — Région Est \"north\"", ts(2026, 1, 2, 3, 4, 5, 6));
    p.sample = true;
    p.owner = "Zoë O'Brien";
    p.modified = ts(2026, 7, 1, 23, 59, 59, 999);
    p.extra = {{"x_plan_note", "kept"}, {"x_numbers", {1, 2.5, -3, 1e300}}, {"x_null", nullptr}};

    p.settings.home_label = "Home\toffice";
    p.settings.home = LatLon{39.952583, -75.165222};
    p.settings.work_start_minute = 7 * 60 + 30;
    p.settings.work_end_minute = 18 * 60;
    p.settings.lunch_start_minute = 12 * 60 + 30;
    p.settings.lunch_minutes = 30;
    p.settings.average_speed_kmh = 52.25;
    p.settings.road_factor = 1.1;
    p.settings.default_meeting_minutes = 60;
    p.settings.timezone = "America/Chicago";
    p.settings.currency = "CAD";
    p.settings.renewal_notice_days = 45;
    p.settings.winback_window_days = 150;
    p.settings.priority_weights = {1, 2, 3, 4, 5};
    p.settings.extra = {{"x_units", "metric"}};
    p.upsell_rules[0].enabled = false;
    p.upsell_rules[1].industries = {"Legal", "Dental \"&\" co"};
    p.upsell_rules[1].has_family = "voice";
    p.upsell_rules[1].note = "";
    p.upsell_rules[2].extra = {{"x_author", "lead"}};

    p.quota.monthly_revenue = 2'000'000;
    p.quota.month_override = {{YearMonth::of(2026, 11), 2'500'000}, {YearMonth::of(2026, 12), 0}};
    p.quota.weekly_goals = {41, 9, 7, 31, 2, 5};
    p.commission.base_rate_bp = 250;
    p.commission.tiers = {{0, 9000}, {110, 16000}};
    p.commission.family_bonus_bp = {{"voice", 1000}, {"odd/family~name", 5}};
    p.commission.winback_bonus_bp = 4000;
    p.commission.extra = {{"x_cap", {{"monthly", 100}}}};

    p.stages.push_back({"Verbal", 95, ForecastCategory::Commit, false, false});
    p.catalog[0].extra = {{"x_sku", "INET-100"}};
    p.catalog[1].example_price = false;
    p.catalog[1].unit = "per building";
    Product extra_product;
    extra_product.id = "custom-1";
    extra_product.family = "managed";
    extra_product.name = "Custom managed firewall";
    extra_product.unit = "";
    extra_product.prices = {};
    extra_product.otc = 123;
    p.catalog.push_back(extra_product);

    Territory t;
    t.id = "ter-1";
    t.name = "Center City";
    t.color = "#AbCdEf";
    t.polygons = {{{{39.9, -75.2}, {39.9, -75.1}, {40.0, -75.1}, {40.0, -75.2}},
                   {{39.95, -75.16}, {39.95, -75.15}, {39.96, -75.15}}},
                  {{{40.1, -75.0}, {40.1, -74.9}, {40.2, -74.95}}}};
    t.zip_codes = {"19103", "19107-1234"};
    t.modified = ts(2026, 2, 3);
    t.extra = {{"x_owner", "team-b"}};
    p.territories.push_back(t);
    Territory t2;
    t2.id = "ter-2";
    t2.name = "Empty";
    t2.modified = ts(2026, 2, 4);
    p.territories.push_back(t2);

    Account a;
    a.id = "acc-1";
    a.salesforce_id = "001A000001AbCdEfGH";
    a.name = "Acme \"Fiber\" Ltd\\Inc — 東京 🚀";
    a.status = AccountStatus::Former;
    a.industry = "Manufacturing";
    a.employees = 250;
    a.sites = 4;
    a.billing_account = "8123456789012";
    a.address = {"1 Market St\nSuite 5", "Philadelphia", "PA", "19103-1234", "CA"};
    a.location = LatLon{-89.999999, 179.999999};
    a.location_approximate = true;
    a.owner = "Zoë";
    a.territory_id = "ter-1";
    a.tags = {"multi-site", "", "key account"};
    a.notes = "control \x01\x1f chars and DEL \x7f";
    a.former.lost_date = parse_iso_date("2024-02-29");
    a.former.reason = "price";
    a.former.competitor = "Verizon";
    a.former.competitor_term_months = 24;
    a.former.competitor_contract_end = parse_iso_date("2026-02-28");
    a.modified = ts(2026, 3, 4, 5, 6, 7, 8);
    a.extra = {{"x_score", 0.75}, {"x_nested", {{"deep", {{"deeper", {true, false, nullptr}}}}}}};
    Contact c;
    c.id = "con-1";
    c.name = "Ann Lee";
    c.title = "IT Director";
    c.role = "Decision maker";
    c.phone = "+1 (215) 555-0100";
    c.email = "ann@acme.example";
    c.primary = true;
    c.modified = ts(2026, 3, 5);
    c.extra = {{"x_linkedin", "ann-lee"}};
    a.contacts.push_back(c);
    Contact c2;
    c2.id = "con-2";
    c2.name = "";
    c2.modified = ts(1970, 1, 1, 0, 0, 0, 0);
    a.contacts.push_back(c2);
    Service s;
    s.id = "svc-1";
    s.product = "inet-1g";
    s.family = "internet";
    s.quantity = 3;
    s.mrc = 224700;
    s.term_months = 36;
    s.contract_start = parse_iso_date("2023-03-01");
    s.contract_end = parse_iso_date("2026-02-28");
    s.auto_renew = true;
    s.bandwidth_mbps = 1000;
    s.notice_days = 90;
    s.modified = ts(2026, 3, 6);
    s.extra = {{"x_circuit", "CKT-1"}};
    a.services.push_back(s);
    Service s2;
    s2.id = "svc-2";
    s2.product = "Legacy PRI from billing";
    s2.modified = ts(1969, 12, 31, 23, 59, 59, 999); // before the epoch: negative milliseconds
    a.services.push_back(s2);
    p.accounts.push_back(a);

    Account b;
    b.id = "acc-2";
    b.name = "Bare prospect";
    b.modified = ts(2026, 3, 7);
    b.address.country = ""; // a default that differs from the model's "US"
    p.accounts.push_back(b);

    Opportunity o;
    o.id = "opp-1";
    o.salesforce_id = "006A000000XyZ";
    o.account_id = "acc-1";
    o.name = "Win back Acme";
    o.type = OpportunityType::WinBack;
    o.stage = "Verbal";
    o.probability = 95;
    o.forecast_category = ForecastCategory::BestCase;
    o.mrc = 150000;
    o.otc = 99;
    o.term_months = 60;
    o.close_date = parse_iso_date("2026-09-30");
    o.products = {"inet-1g", "eth-sdwan"};
    o.next_step = "Send contract";
    o.loss_reason = "n/a";
    o.owner = "Zoë";
    o.modified = ts(2026, 4, 1);
    o.extra = {{"x_competitor_quote", 140000}};
    p.opportunities.push_back(o);
    Opportunity o2;
    o2.id = "opp-2";
    o2.account_id = "acc-2";
    o2.name = "New logo";
    o2.stage = "Closed Lost";
    o2.modified = ts(2026, 4, 2);
    p.opportunities.push_back(o2);

    Activity v;
    v.id = "act-1";
    v.account_id = "acc-1";
    v.contact_id = "con-1";
    v.opportunity_id = "opp-1";
    v.type = ActivityType::Visit;
    v.date = *parse_iso_date("2026-05-05");
    v.start_minute = 0;
    v.duration_minutes = 90;
    v.subject = "Site visit";
    v.outcome = "Good";
    v.notes = "Line 1\r\nLine 2";
    v.next_step = "Quote";
    v.next_step_due = parse_iso_date("2026-05-12");
    v.next_step_done = true;
    v.modified = ts(2026, 5, 5, 18);
    v.extra = {{"x_mileage_km", 42}};
    p.activities.push_back(v);
    Activity v2;
    v2.id = "act-2";
    v2.account_id = "acc-2";
    v2.type = ActivityType::Proposal;
    v2.date = *parse_iso_date("0001-01-01");
    v2.start_minute = 1439;
    v2.modified = ts(9999, 12, 31, 23, 59, 59, 999);
    p.activities.push_back(v2);
    return p;
}

// A small valid plan, as a DOM to mutate for the malformed-file table.
Plan small_plan() {
    Plan p = make_empty_plan("plan-1", "Small", ts(2026, 1, 1));
    Territory t;
    t.id = "ter-1";
    t.name = "Metro";
    t.polygons = {{{{39.9, -75.2}, {39.9, -75.1}, {40.0, -75.1}}}};
    t.modified = ts(2026, 1, 1);
    p.territories.push_back(t);
    for (int i = 0; i < 2; ++i) {
        Account a;
        a.id = "acc-" + std::to_string(i);
        a.name = "Account " + std::to_string(i);
        a.status = AccountStatus::Client;
        a.address.city = "Philadelphia";
        a.location = LatLon{39.95, -75.16};
        a.territory_id = "ter-1";
        a.modified = ts(2026, 1, 2);
        Contact c;
        c.id = "con-" + std::to_string(i);
        c.name = "Contact " + std::to_string(i);
        c.modified = ts(2026, 1, 2);
        a.contacts.push_back(c);
        Service s;
        s.id = "svc-" + std::to_string(i);
        s.product = "inet-100";
        s.mrc = 24900;
        s.term_months = 36;
        s.contract_start = parse_iso_date("2025-01-01");
        s.contract_end = parse_iso_date("2027-12-31");
        s.modified = ts(2026, 1, 2);
        a.services.push_back(s);
        p.accounts.push_back(a);
        Opportunity o;
        o.id = "opp-" + std::to_string(i);
        o.account_id = a.id;
        o.name = "Renewal " + std::to_string(i);
        o.stage = "Prospecting";
        o.modified = ts(2026, 1, 3);
        p.opportunities.push_back(o);
        Activity v;
        v.id = "act-" + std::to_string(i);
        v.account_id = a.id;
        v.contact_id = c.id;
        v.date = *parse_iso_date("2026-02-02");
        v.start_minute = 600;
        v.modified = ts(2026, 1, 4);
        p.activities.push_back(v);
    }
    p.quota.month_override[YearMonth::of(2026, 12)] = 100;
    return p;
}

Json small_doc() { return Json::parse(write_plan(small_plan())); }

std::string messages(const LoadResult& r) {
    std::string s;
    for (const Problem& p : r.problems) s += format_problem("plan.json", p) + "\n";
    return s;
}

} // namespace

TEST_CASE("plan round trip: a plan with every field set reads back field for field") {
    const Plan p = populated_plan();
    const std::string text = write_plan(p);
    LoadResult r = read_plan(text);
    INFO(messages(r));
    REQUIRE(r.plan);
    CHECK(r.problems.empty());
    CHECK(r.file_version == kPlanFormatVersion);
    CHECK(plan_diff(p, *r.plan) == "");
    CHECK(write_plan(*r.plan) == text);
    // The writer's output is plain JSON any parser reads.
    Json doc = Json::parse(text, nullptr, false);
    REQUIRE(!doc.is_discarded());
    CHECK(doc["format"] == "footprint-plan");
    CHECK(doc["version"] == kPlanFormatVersion);
    CHECK(doc["quota"]["month_override"]["2026-11"] == 2'500'000);
    CHECK(doc["accounts"][0]["services"][0]["mrc"].is_number_integer());
    CHECK(doc["accounts"][0]["services"][0]["contract_end"] == "2026-02-28");
    CHECK(doc["accounts"][0]["modified"] == "2026-03-04T05:06:07.008Z");
    CHECK(doc["territories"][0]["polygons"][0][0][0] == Json::array({-75.2, 39.9})); // [lon, lat]
}

TEST_CASE("plan round trip: empty, default-filled and synthetic plans") {
    Plan empty = make_empty_plan("plan-x", "Untitled plan", Timestamp{0});
    LoadResult r = read_plan(write_plan(empty));
    INFO(messages(r));
    REQUIRE(r.plan);
    CHECK(plan_diff(empty, *r.plan) == "");

    Plan synthetic = make_synthetic_plan(150, 400, 7);
    const std::string text = write_plan(synthetic);
    LoadResult s = read_plan(text);
    INFO(messages(s));
    REQUIRE(s.plan);
    CHECK(plan_diff(synthetic, *s.plan) == "");
    CHECK(write_plan(*s.plan) == text);
}

TEST_CASE("plan writer: optional fields are omitted when unset, present when set") {
    Plan p = small_plan();
    p.accounts[1].location.reset();
    p.accounts[1].services[0].contract_start.reset();
    p.accounts[1].services[0].contract_end.reset();
    p.activities[1].start_minute.reset();
    Json doc = Json::parse(write_plan(p));
    CHECK(doc["accounts"][0].contains("location"));
    CHECK(!doc["accounts"][1].contains("location"));
    CHECK(!doc["accounts"][1]["services"][0].contains("contract_end"));
    CHECK(doc["activities"][0]["start_minute"] == 600);
    CHECK(!doc["activities"][1].contains("start_minute"));
    CHECK(!doc["accounts"][0].contains("former")); // all defaults
    CHECK(!doc["accounts"][0].contains("salesforce_id")); // empty string
    LoadResult r = read_plan(doc.dump());
    REQUIRE(r.plan);
    CHECK(plan_diff(p, *r.plan) == "");
}

TEST_CASE("plan writer: strings are escaped and kept valid UTF-8") {
    Plan p = small_plan();
    p.accounts[0].notes = "quote\" backslash\\ nl\n tab\t nul\0 bell\x07 \xC3\xA9 \xF0\x9F\x9A\x80"s;
    p.accounts[1].notes = "bad \xFF byte, lone \xC3, surrogate \xED\xA0\x80, overlong \xC0\xAF";
    const std::string text = write_plan(p);
    CHECK(text.find(R"(quote\" backslash\\ nl\n tab\t nul\u0000 bell\u0007 é 🚀)") != std::string::npos);
    LoadResult r = read_plan(text);
    INFO(messages(r));
    REQUIRE(r.plan);
    CHECK(r.plan->accounts[0].notes == p.accounts[0].notes);
    // Each byte that is not UTF-8 becomes U+FFFD; the rest survives.
    CHECK(r.plan->accounts[1].notes ==
          "bad \xEF\xBF\xBD byte, lone \xEF\xBF\xBD, surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD, "
          "overlong \xEF\xBF\xBD\xEF\xBF\xBD");
    std::string out;
    append_json_string(out, "\x1f/\x7f");
    CHECK(out == "\"\\u001f/\x7f\"");
}

TEST_CASE("plan writer: dates, timestamps and numbers are written exactly") {
    Plan p = small_plan();
    // The writer formats without snprintf; it must agree with format_iso_timestamp everywhere.
    std::uint64_t x = 12345;
    const std::int64_t lo = std::int64_t{date_from_ymd(1, 1, 1).days} * 86'400'000;
    const std::int64_t hi = std::int64_t{date_from_ymd(9999, 12, 31).days + 1} * 86'400'000;
    for (int i = 0; i < 500; ++i) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        Timestamp t{lo + static_cast<std::int64_t>(x % static_cast<std::uint64_t>(hi - lo))};
        if (i == 0) t = Timestamp{lo};
        if (i == 1) t = Timestamp{hi - 1};
        if (i == 2) t = Timestamp{-1};
        p.created = t;
        const Date d{static_cast<std::int32_t>(t.ms / 86'400'000)};
        p.accounts[0].services[0].contract_start = d;
        p.accounts[0].services[0].contract_end = d;
        const std::string text = write_plan(p);
        REQUIRE(text.find("\"created\":\"" + format_iso_timestamp(t) + "\"") != std::string::npos);
        REQUIRE(text.find("\"contract_end\":\"" + format_iso_date(d) + "\"") != std::string::npos);
        LoadResult r = read_plan(text);
        REQUIRE(r.plan);
        REQUIRE(r.plan->created == t);
    }
    for (double lat : {0.1, -0.0, 1e-7, 89.99999999999999, -45.123456789012345, 5e-324, 90.0}) {
        p.accounts[0].location = LatLon{lat, -179.99999999999997};
        LoadResult r = read_plan(write_plan(p));
        REQUIRE(r.plan);
        CHECK(r.plan->accounts[0].location->lat == lat);
        CHECK(r.plan->accounts[0].location->lon == -179.99999999999997);
    }
}

TEST_CASE("plan writer: a value JSON cannot hold is written as null and refused on read") {
    Plan p = small_plan();
    p.settings.road_factor = std::numeric_limits<double>::quiet_NaN();
    LoadResult r = read_plan(write_plan(p));
    REQUIRE(r.problems.size() == 1);
    CHECK(format_problem("plan.json", r.problems[0]) == "plan.json: /settings/road_factor: expected a number");
}

TEST_CASE("PlanWriter: slices give the same document, with progress from 0 to 1") {
    const Plan p = make_synthetic_plan(40, 90, 3);
    const std::string whole = write_plan(p);
    for (std::size_t slice : {std::size_t{1}, std::size_t{7}, std::size_t{1000}}) {
        PlanWriter w(p);
        CHECK(w.progress() == 0.0);
        double last = 0;
        int steps = 0;
        while (!w.step(slice)) {
            CHECK(w.progress() >= last);
            CHECK(w.progress() < 1.0);
            last = w.progress();
            ++steps;
        }
        CHECK(w.done());
        CHECK(w.progress() == doctest::Approx(1.0));
        CHECK(w.take() == whole);
        if (slice == 1) CHECK(steps > 100);
    }
    PlanWriter unfinished(p);
    unfinished.step(5);
    CHECK(unfinished.take() == whole); // take() finishes the work
    PlanWriter zero(p);
    CHECK(!zero.step(0)); // a step always makes progress, even with a budget of 0
    CHECK(zero.progress() > 0);
}

TEST_CASE("plan file: unknown fields survive at every level, and known fields win") {
    Json doc = small_doc();
    const Json future = {{"since", "v1.4"}, {"list", {1, "two", nullptr, 3.5}}};
    doc["x_top"] = future;
    doc["settings"]["x_settings"] = future;
    doc["commission"]["x_commission"] = future;
    doc["catalog"][0]["x_product"] = future;
    doc["territories"][0]["x_territory"] = future;
    doc["accounts"][0]["x_account"] = future;
    doc["accounts"][0]["contacts"][0]["x_contact"] = future;
    doc["accounts"][0]["services"][0]["x_service"] = future;
    doc["opportunities"][0]["x_opportunity"] = future;
    doc["activities"][0]["x_activity"] = future;
    doc["activities"][1]["odd \"key\"/~"] = "kept";
    LoadResult r = read_plan(doc.dump());
    INFO(messages(r));
    REQUIRE(r.plan);
    const Plan& p = *r.plan;
    CHECK(p.extra == Json{{"x_top", future}});
    CHECK(p.settings.extra == Json{{"x_settings", future}});
    CHECK(p.commission.extra == Json{{"x_commission", future}});
    CHECK(p.catalog[0].extra == Json{{"x_product", future}});
    CHECK(p.territories[0].extra == Json{{"x_territory", future}});
    CHECK(p.accounts[0].extra == Json{{"x_account", future}});
    CHECK(p.accounts[0].contacts[0].extra == Json{{"x_contact", future}});
    CHECK(p.accounts[0].services[0].extra == Json{{"x_service", future}});
    CHECK(p.opportunities[0].extra == Json{{"x_opportunity", future}});
    CHECK(p.activities[0].extra == Json{{"x_activity", future}});
    CHECK(p.activities[1].extra == Json{{"odd \"key\"/~", "kept"}});
    CHECK(p.accounts[1].extra == Json::object());
    // Written back: the unknown fields are there, after the known ones, and read the same again.
    const std::string text = write_plan(p);
    Json again = Json::parse(text);
    CHECK(again == doc);
    CHECK(text.find("\"x_account\"") > text.find("\"contacts\""));
    LoadResult r2 = read_plan(text);
    REQUIRE(r2.plan);
    CHECK(plan_diff(p, *r2.plan) == "");

    // An extra key that collides with a known field is not written: the known field wins.
    Plan q = small_plan();
    q.accounts[0].extra = {{"name", "from extra"}, {"zz", 1}};
    q.extra = {{"accounts", "bogus"}, {"version", 99}};
    q.settings.extra = {{"currency", "EUR"}};
    Json written = Json::parse(write_plan(q));
    CHECK(written["accounts"][0]["name"] == "Account 0");
    CHECK(written["accounts"][0]["zz"] == 1);
    CHECK(written["accounts"].is_array());
    CHECK(written["version"] == kPlanFormatVersion);
    CHECK(written["settings"]["currency"] == "USD");
}

TEST_CASE("plan file: small objects without extra reject unknown fields") {
    Json doc = small_doc();
    doc["accounts"][0]["address"]["zip"] = "19103";
    doc["stages"][2]["color"] = "#ffffff";
    doc["quota"]["weekly_goals"]["lunches"] = 3;
    LoadResult r = read_plan(doc.dump());
    INFO(messages(r));
    REQUIRE(r.problems.size() == 3);
    CHECK(r.problems[0].path == "/accounts/0/address/zip");
    CHECK(r.problems[0].message == "unknown field");
    CHECK(r.problems[1].path == "/quota/weekly_goals/lunches");
    CHECK(r.problems[2].path == "/stages/2/color");
}

// ---- migrations --------------------------------------------------------------------------------

namespace {
// A pretend version 0 called the account name "title" and had no "modified" on accounts.
bool fake_v0_to_v1(Json& doc, std::vector<Problem>& problems) {
    auto* accounts = doc.contains("accounts") ? doc["accounts"].get_ptr<Json::array_t*>() : nullptr;
    if (!accounts) return true;
    for (std::size_t i = 0; i < accounts->size(); ++i) {
        Json& a = (*accounts)[i];
        if (!a.is_object()) continue;
        if (!a.contains("title")) {
            problems.push_back({"/accounts/" + std::to_string(i), "version 0 account without a title"});
            return false;
        }
        a["name"] = a["title"];
        a.erase("title");
        a["modified"] = "2020-01-01T00:00:00.000Z";
    }
    return true;
}
bool fake_v1_to_v2(Json& doc, std::vector<Problem>&) {
    doc["x_upgraded_to_2"] = true;
    return true;
}
bool failing_step(Json&, std::vector<Problem>&) { return false; }

std::string v0_document() {
    Json doc = small_doc();
    doc["version"] = 0;
    for (Json& a : doc["accounts"]) {
        a["title"] = a["name"];
        a.erase("name");
        a.erase("modified");
    }
    return doc.dump();
}
} // namespace

TEST_CASE("migrations: the registry is a contiguous chain ending at the current version") {
    const auto& chain = plan_migrations();
    for (std::size_t i = 0; i < chain.size(); ++i) {
        CHECK(chain[i].from_version == kPlanFormatVersion - static_cast<int>(chain.size() - i));
        CHECK(static_cast<bool>(chain[i].apply));
        CHECK(chain[i].summary != nullptr);
    }
}

TEST_CASE("migrations: an old file is upgraded step by step before conversion") {
    const std::vector<Migration> chain = {{0, "v0 -> v1: account title becomes name", fake_v0_to_v1}};
    LoadResult r = read_plan_with_migrations(v0_document(), chain, 1);
    INFO(messages(r));
    REQUIRE(r.plan);
    CHECK(r.file_version == 0);
    CHECK(r.plan->accounts[0].name == "Account 0");
    CHECK(r.plan->accounts[0].modified == *parse_iso_timestamp("2020-01-01T00:00:00Z"));
    CHECK(r.plan->accounts[0].extra == Json::object()); // "title" did not leak into extra

    // Two steps: 0 -> 1 -> 2, in order.
    const std::vector<Migration> longer = {{1, "v1 -> v2", fake_v1_to_v2}, {0, "v0 -> v1", fake_v0_to_v1}};
    LoadResult r2 = read_plan_with_migrations(v0_document(), longer, 2);
    INFO(messages(r2));
    REQUIRE(r2.plan);
    CHECK(r2.plan->extra == Json{{"x_upgraded_to_2", true}});
    // A current-version file skips the steps.
    Json v2 = small_doc();
    v2["version"] = 2;
    LoadResult r3 = read_plan_with_migrations(v2.dump(), longer, 2);
    REQUIRE(r3.plan);
    CHECK(r3.file_version == 2);
    CHECK(r3.plan->extra == Json::object());
    // A version-1 file through the same chain only takes the last step.
    LoadResult r4 = read_plan_with_migrations(write_plan(small_plan()), longer, 2);
    REQUIRE(r4.plan);
    CHECK(r4.file_version == 1);
    CHECK(r4.plan->extra == Json{{"x_upgraded_to_2", true}});
}

TEST_CASE("migrations: failures and unsupported versions are problems") {
    std::string doc = v0_document();
    Json broken = Json::parse(doc);
    broken["accounts"][1].erase("title");
    const std::vector<Migration> chain = {{0, "v0 -> v1", fake_v0_to_v1}};
    LoadResult r = read_plan_with_migrations(broken.dump(), chain, 1);
    REQUIRE(r.problems.size() == 1);
    CHECK(format_problem("p.json", r.problems[0]) == "p.json: /accounts/1: version 0 account without a title");
    CHECK(!r.plan);

    const std::vector<Migration> silent = {{0, "v0 -> v1", failing_step}};
    r = read_plan_with_migrations(doc, silent, 1);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].path == "/version");
    CHECK(r.problems[0].message == "could not upgrade the plan from version 0 to 1");

    r = read_plan_with_migrations(doc, {}, 1);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message == "version 0 is not supported (this app reads version 1)");
    Json vm1 = Json::parse(doc);
    vm1["version"] = -1;
    r = read_plan_with_migrations(vm1.dump(), chain, 1);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message == "version -1 is not supported (this app reads versions 0 to 1)");
}

// ---- malformed files ---------------------------------------------------------------------------

namespace {
struct BadCase {
    const char* name;
    std::function<std::string()> text;
    const char* path;
    const char* message;
    bool exact = true; // else `message` must be contained in the message
};

std::function<std::string()> mutate(std::function<void(Json&)> f) {
    return [f] {
        Json doc = small_doc();
        f(doc);
        return doc.dump();
    };
}
std::function<std::string()> raw(std::string s) {
    return [s] { return s; };
}
} // namespace

TEST_CASE("malformed plan files are rejected with the path and a message") {
    const std::vector<BadCase> cases = {
        {"not JSON at all", raw("Account,Name\n1,Acme\n"), "", "line 1, column 1: syntax error: invalid literal; last read: 'A'"},
        // Cut after a comma half way through, so the end does not fall inside a string.
        {"truncated document", [] { std::string t = write_plan(small_plan()); return t.substr(0, t.rfind(',', t.size() / 2) + 1); },
         "", "syntax error: unexpected end of input", false},
        {"empty file", raw(""), "", "the file is empty"},
        {"only whitespace", raw(" \r\n\t\n"), "", "the file is empty"},
        {"syntax error position", raw("{\n  \"format\": \"footprint-plan\",\n  \"version\": 1,,\n}"), "",
         "line 3, column 16: syntax error: unexpected ','; expected string literal"},
        {"trailing garbage", [] { return write_plan(small_plan()) + " x"; }, "", "expected end of input", false},
        {"number overflow", raw("{\"a\": 1e999}"), "", "line 1, column 11: syntax error: number overflow parsing '1e999'"},
        {"top level array", raw("[{\"format\": \"footprint-plan\"}]"), "",
         "expected a JSON object (a Footprint plan starts with {\"format\": \"footprint-plan\", ...}), found an array"},
        {"wrong format tag", mutate([](Json& d) { d["format"] = "excel"; }), "/format",
         "not a Footprint plan: expected \"footprint-plan\", found \"excel\""},
        {"format not a string", mutate([](Json& d) { d["format"] = 1; }), "/format",
         "not a Footprint plan: expected \"footprint-plan\", found a number"},
        {"missing format", mutate([](Json& d) { d.erase("format"); }), "/format",
         "required field is missing (is this a Footprint plan?)"},
        {"newer version", mutate([](Json& d) { d["version"] = 2; }), "/version",
         "made by a newer Footprint (version 2); this app reads up to version 1"},
        {"huge version", raw("{\"format\":\"footprint-plan\",\"version\":18446744073709551615}"), "/version",
         "made by a newer Footprint (version 18446744073709551615); this app reads up to version 1"},
        {"missing version", mutate([](Json& d) { d.erase("version"); }), "/version", "required field is missing"},
        {"version as string", mutate([](Json& d) { d["version"] = "1"; }), "/version", "expected an integer"},
        {"version 0", mutate([](Json& d) { d["version"] = 0; }), "/version",
         "version 0 is not supported (this app reads version 1)"},
        {"string money", mutate([](Json& d) { d["accounts"][0]["services"][0]["mrc"] = "249.00"; }),
         "/accounts/0/services/0/mrc", "expected integer cents"},
        {"float money", mutate([](Json& d) { d["accounts"][0]["services"][0]["mrc"] = 12.5; }),
         "/accounts/0/services/0/mrc", "expected integer cents"},
        {"whole float money", mutate([](Json& d) { d["opportunities"][1]["otc"] = 100.0; }),
         "/opportunities/1/otc", "expected integer cents"},
        {"negative money", mutate([](Json& d) { d["opportunities"][0]["mrc"] = -5; }), "/opportunities/0/mrc",
         "must be between 0 and 1000000000000 cents (got -5)"},
        {"money beyond int64", raw(R"({"format":"footprint-plan","version":1,"id":"p","created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z","quota":{"monthly_revenue":18446744073709551615}})"),
         "/quota/monthly_revenue", "must be between 0 and 1000000000000 cents (got 18446744073709551615)"},
        {"bad date", mutate([](Json& d) { d["accounts"][0]["services"][0]["contract_end"] = "2026-02-30"; }),
         "/accounts/0/services/0/contract_end", "\"2026-02-30\" is not a date"},
        {"US date", mutate([](Json& d) { d["activities"][0]["date"] = "02/03/2026"; }), "/activities/0/date",
         "\"02/03/2026\" is not a date (expected YYYY-MM-DD)"},
        {"date as number", mutate([](Json& d) { d["opportunities"][0]["close_date"] = 20260101; }),
         "/opportunities/0/close_date", "expected a date \"YYYY-MM-DD\""},
        {"bad timestamp", mutate([](Json& d) { d["accounts"][1]["modified"] = "yesterday"; }),
         "/accounts/1/modified",
         "\"yesterday\" is not a timestamp (expected ISO 8601 UTC, like 2026-11-26T21:39:28.123Z)"},
        {"timestamp month 13", mutate([](Json& d) { d["modified"] = "2026-13-01T00:00:00Z"; }), "/modified",
         "\"2026-13-01T00:00:00Z\" is not a timestamp", false},
        {"timestamp before year 1", mutate([](Json& d) { d["created"] = "0001-01-01T00:00:00+01:00"; }),
         "/created", "\"0001-01-01T00:00:00+01:00\" is ", false}, // not a timestamp, or outside 0001..9999
        {"unknown enum", mutate([](Json& d) { d["accounts"][0]["status"] = "lead"; }), "/accounts/0/status",
         "\"lead\" is not an account status (expected one of: client, former, prospect)"},
        {"unknown activity type", mutate([](Json& d) { d["activities"][1]["type"] = "fax"; }), "/activities/1/type",
         "\"fax\" is not an activity type (expected one of: call, visit, meeting, email, event, proposal)"},
        {"enum as number", mutate([](Json& d) { d["opportunities"][0]["type"] = 2; }), "/opportunities/0/type",
         "expected a string, one of: renewal, upsell, winback, new"},
        {"unknown forecast category", mutate([](Json& d) { d["stages"][0]["category"] = "maybe"; }),
         "/stages/0/category",
         "\"maybe\" is not a forecast category (expected one of: pipeline, best_case, commit, closed, omitted)"},
        {"probability 150", mutate([](Json& d) { d["opportunities"][0]["probability"] = 150; }),
         "/opportunities/0/probability", "must be between 0 and 100 (got 150)"},
        {"quantity 0", mutate([](Json& d) { d["accounts"][1]["services"][0]["quantity"] = 0; }),
         "/accounts/1/services/0/quantity", "must be between 1 and 1000000 (got 0)"},
        {"negative term", mutate([](Json& d) { d["accounts"][0]["services"][0]["term_months"] = -1; }),
         "/accounts/0/services/0/term_months", "must be between 0 and 600 (got -1)"},
        {"start minute 1440", mutate([](Json& d) { d["activities"][0]["start_minute"] = 1440; }),
         "/activities/0/start_minute", "must be between 0 and 1439 (got 1440)"},
        {"float integer", mutate([](Json& d) { d["accounts"][0]["employees"] = 10.5; }),
         "/accounts/0/employees", "expected an integer"},
        {"integer too big for int", mutate([](Json& d) { d["accounts"][0]["employees"] = 4294967296LL; }),
         "/accounts/0/employees", "must be between 0 and 10000000 (got 4294967296)"},
        {"lat 95", mutate([](Json& d) { d["accounts"][0]["location"]["lat"] = 95; }), "/accounts/0/location/lat",
         "must be between -90 and 90 (got 95)"},
        {"lon -200.5", mutate([](Json& d) { d["settings"]["home"] = {{"lat", 0}, {"lon", -200.5}}; }),
         "/settings/home/lon", "must be between -180 and 180 (got -200.5)"},
        {"location missing lon", mutate([](Json& d) { d["accounts"][1]["location"].erase("lon"); }),
         "/accounts/1/location/lon", "required field is missing"},
        {"polygon point out of range", mutate([](Json& d) { d["territories"][0]["polygons"][0][0][1] = {-75.1, 91}; }),
         "/territories/0/polygons/0/0/1/1", "must be between -90 and 90 (got 91)"},
        {"polygon point not a pair", mutate([](Json& d) { d["territories"][0]["polygons"][0][0][2] = {1, 2, 3}; }),
         "/territories/0/polygons/0/0/2", "expected a point [lon, lat]"},
        {"ring of two points", mutate([](Json& d) { d["territories"][0]["polygons"][0][0].erase(2); }),
         "/territories/0/polygons/0/0", "a ring needs at least 3 points"},
        {"bad colour", mutate([](Json& d) { d["territories"][0]["color"] = "red"; }), "/territories/0/color",
         "\"red\" is not a colour (expected \"#RRGGBB\")"},
        {"short colour", mutate([](Json& d) { d["territories"][0]["color"] = "#fff"; }), "/territories/0/color",
         "\"#fff\" is not a colour (expected \"#RRGGBB\")"},
        {"non-array accounts", mutate([](Json& d) { d["accounts"] = Json::object(); }), "/accounts",
         "expected an array"},
        {"account not an object", mutate([](Json& d) { d["accounts"][1] = "Acme"; }), "/accounts/1",
         "expected an object"},
        {"name not a string", mutate([](Json& d) { d["accounts"][0]["name"] = 42; }), "/accounts/0/name",
         "expected a string"},
        {"boolean as string", mutate([](Json& d) { d["accounts"][0]["contacts"][0]["primary"] = "yes"; }),
         "/accounts/0/contacts/0/primary", "expected true or false"},
        {"tags not strings", mutate([](Json& d) { d["accounts"][0]["tags"] = {"ok", 7}; }), "/accounts/0/tags/1",
         "expected a string"},
        {"missing contact id", mutate([](Json& d) { d["accounts"][0]["contacts"][0].erase("id"); }),
         "/accounts/0/contacts/0/id", "required field is missing"},
        {"empty account id", mutate([](Json& d) { d["accounts"][0]["id"] = ""; d["opportunities"].clear(); d["activities"].clear(); }),
         "/accounts/0/id", "id must not be empty"},
        {"duplicate account ids", mutate([](Json& d) { d["accounts"][1]["id"] = "acc-0"; d["opportunities"].clear(); d["activities"].clear(); }),
         "/accounts/1/id", "duplicate account id \"acc-0\" (first used at /accounts/0)"},
        {"duplicate contact ids across accounts", mutate([](Json& d) { d["accounts"][1]["contacts"][0]["id"] = "con-0"; d["activities"][1].erase("contact_id"); }),
         "/accounts/1/contacts/0/id", "duplicate contact id \"con-0\" (first used at /accounts/0/contacts/0)"},
        {"duplicate activity ids", mutate([](Json& d) { d["activities"][1]["id"] = "act-0"; }), "/activities/1/id",
         "duplicate activity id \"act-0\" (first used at /activities/0)"},
        {"dangling account on opportunity", mutate([](Json& d) { d["opportunities"][1]["account_id"] = "acc-9"; }),
         "/opportunities/1/account_id", "no account has id \"acc-9\""},
        {"dangling account on activity", mutate([](Json& d) { d["activities"][0]["account_id"] = "acc-9"; }),
         "/activities/0/account_id", "no account has id \"acc-9\""},
        {"empty account on activity", mutate([](Json& d) { d["activities"][0]["account_id"] = ""; }),
         "/activities/0/account_id", "must not be empty"},
        {"dangling contact on activity", mutate([](Json& d) { d["activities"][0]["contact_id"] = "con-9"; }),
         "/activities/0/contact_id", "no contact has id \"con-9\""},
        {"dangling opportunity on activity", mutate([](Json& d) { d["activities"][0]["opportunity_id"] = "opp-9"; }),
         "/activities/0/opportunity_id", "no opportunity has id \"opp-9\""},
        {"dangling territory", mutate([](Json& d) { d["accounts"][0]["territory_id"] = "ter-9"; }),
         "/accounts/0/territory_id", "no territory has id \"ter-9\""},
        {"unknown stage", mutate([](Json& d) { d["opportunities"][0]["stage"] = "Won"; }), "/opportunities/0/stage",
         "\"Won\" is not one of the plan's stages (Prospecting, Qualification, Needs Analysis", false},
        {"duplicate stage", mutate([](Json& d) { d["stages"][1]["name"] = "Prospecting"; }), "/stages/1/name",
         "duplicate stage name \"Prospecting\" (first used at /stages/0)"},
        {"won stage not closed", mutate([](Json& d) { d["stages"][8]["closed"] = false; }), "/stages/8/won",
         "a won stage must also be closed"},
        {"bad month key", mutate([](Json& d) { d["quota"]["month_override"]["2026-13"] = 5; }),
         "/quota/month_override/2026-13", "\"2026-13\" is not a month (expected YYYY-MM)"},
        {"pointer escaping", mutate([](Json& d) { d["commission"]["family_bonus_bp"]["a/b~c"] = "x"; }),
         "/commission/family_bonus_bp/a~1b~0c", "expected an integer"},
        {"tiers out of order", mutate([](Json& d) { d["commission"]["tiers"][2]["from_attainment_pct"] = 100; }),
         "/commission/tiers/2/from_attainment_pct", "tiers must be in increasing order of from_attainment_pct"},
        {"duplicate term price", mutate([](Json& d) { d["catalog"][0]["prices"][1]["term_months"] = 12; }),
         "/catalog/0/prices/1/term_months", "duplicate price for a 12-month term"},
        {"contract ends before it starts", mutate([](Json& d) { d["accounts"][0]["services"][0]["contract_end"] = "2024-12-31"; }),
         "/accounts/0/services/0/contract_end", "is before contract_start (2025-01-01)"},
        {"work day ends before it starts", mutate([](Json& d) { d["settings"]["work_end_minute"] = 420; }),
         "/settings/work_end_minute", "must be after work_start_minute"},
        {"bad currency", mutate([](Json& d) { d["settings"]["currency"] = "usd"; }), "/settings/currency",
         "\"usd\" is not a currency code (expected three capital letters, like \"USD\")"},
        {"nested too deep", [] {
             Json d = small_doc();
             std::string t = d.dump();
             return t.substr(0, t.size() - 1) + ",\"x\":" + std::string(200, '[') + std::string(200, ']') + "}";
         },
         "", "values are nested more than 128 levels deep"},
        {"unknown field in a closed object", mutate([](Json& d) { d["accounts"][0]["former"] = {{"competitor", "X"}, {"when", 1}}; }),
         "/accounts/0/former/when", "unknown field"},
        {"long value is cut in the message", mutate([](Json& d) { d["accounts"][0]["status"] = std::string(500, 'z'); }),
         "/accounts/0/status", "\"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz…\" is not an account status", false},
    };
    CHECK(cases.size() >= 30);
    for (const BadCase& c : cases) {
        INFO(std::string(c.name));
        LoadResult r = read_plan(c.text());
        INFO(messages(r));
        CHECK(!r.plan);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].path == c.path);
        if (c.exact) CHECK(r.problems[0].message == c.message);
        else CHECK(r.problems[0].message.find(c.message) != std::string::npos);
    }
}

TEST_CASE("the small plan the malformed cases start from is valid") {
    LoadResult r = read_plan(small_doc().dump());
    INFO(messages(r));
    CHECK(r.plan);
}

TEST_CASE("validation reports every problem in a file, each with its path") {
    Json d = small_doc();
    d["accounts"][0]["services"][0]["mrc"] = 12.5;
    d["accounts"][1]["status"] = "lead";
    d["opportunities"][0]["probability"] = 150;
    d["opportunities"][1]["account_id"] = "acc-9";
    d["activities"][0]["date"] = "2026-02-30";
    d["territories"][0]["color"] = "blue";
    d["accounts"][0]["contacts"][0].erase("name");
    LoadResult r = read_plan(d.dump());
    CHECK(!r.plan);
    const std::string all = messages(r);
    CHECK(all ==
          "plan.json: /accounts/0/contacts/0/name: required field is missing\n"
          "plan.json: /accounts/0/services/0/mrc: expected integer cents\n"
          "plan.json: /accounts/1/status: \"lead\" is not an account status (expected one of: client, former, prospect)\n"
          "plan.json: /activities/0/date: \"2026-02-30\" is not a date\n"
          "plan.json: /opportunities/0/probability: must be between 0 and 100 (got 150)\n"
          "plan.json: /territories/0/color: \"blue\" is not a colour (expected \"#RRGGBB\")\n"
          "plan.json: /opportunities/1/account_id: no account has id \"acc-9\"\n");
}

TEST_CASE("conversion problems do not echo in the whole-plan checks") {
    Json d = small_doc();
    d["accounts"][0]["id"] = 17;          // reads as "" -> no second "id must not be empty"
    d["opportunities"][0] = nullptr;      // not an object -> no "missing account" echo
    d["activities"][0]["account_id"] = "acc-1";
    LoadResult r = read_plan(d.dump());
    INFO(messages(r));
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].path == "/accounts/0/id");
    CHECK(r.problems[0].message == "expected a string");
    CHECK(r.problems[1].path == "/opportunities/0");
    CHECK(r.problems[1].message == "expected an object");
}

TEST_CASE("problems stop at kMaxProblems with a last line saying so") {
    Plan p = small_plan();
    Json d = Json::parse(write_plan(p));
    for (int i = 0; i < 500; ++i) d["accounts"][0]["tags"].push_back(i);
    LoadResult r = read_plan(d.dump());
    REQUIRE(r.problems.size() == kMaxProblems + 1);
    CHECK(r.problems[0].path == "/accounts/0/tags/0");
    CHECK(r.problems.back().path == "");
    CHECK(r.problems.back().message == "too many problems; only the first 200 are listed");
}

TEST_CASE("format_problem: file, path and message") {
    CHECK(format_problem("plan.json", {"/accounts/12/services/0/mrc", "expected integer cents"}) ==
          "plan.json: /accounts/12/services/0/mrc: expected integer cents");
    CHECK(format_problem("plan.json", {"", "line 3, column 14: syntax error: x"}) ==
          "plan.json: line 3, column 14: syntax error: x");
    CHECK(json_pointer_token("a/b~c") == "a~1b~0c");
}

TEST_CASE("plan reader: a byte order mark and surrounding whitespace are accepted") {
    LoadResult r = read_plan("\xEF\xBB\xBF  " + write_plan(small_plan()) + "\n\n");
    INFO(messages(r));
    CHECK(r.plan);
}

TEST_CASE("plan reader: optional values may be null, and missing optional fields take defaults") {
    Json d = small_doc();
    d["accounts"][0]["location"] = nullptr;
    d["accounts"][0]["services"][0]["contract_end"] = nullptr;
    d["activities"][0]["start_minute"] = nullptr;
    d["accounts"][1] = {{"id", "acc-1"}, {"name", "Minimal"}, {"status", "prospect"}, {"modified", "2026-01-01T00:00:00Z"}};
    d["activities"][1].erase("contact_id");
    LoadResult r = read_plan(d.dump());
    INFO(messages(r));
    REQUIRE(r.plan);
    CHECK(!r.plan->accounts[0].location);
    CHECK(!r.plan->accounts[0].services[0].contract_end);
    CHECK(!r.plan->activities[0].start_minute);
    const Account& minimal = r.plan->accounts[1];
    CHECK(minimal.sites == Account{}.sites);
    CHECK(minimal.address.country == "US");
    CHECK(minimal.former.competitor_term_months == FormerClient{}.competitor_term_months);
}

TEST_CASE("synthetic plan: deterministic, valid, with the requested shape") {
    const Plan a = make_synthetic_plan(200, 500, 99);
    const Plan b = make_synthetic_plan(200, 500, 99);
    CHECK(write_plan(a) == write_plan(b));
    CHECK(write_plan(a) != write_plan(make_synthetic_plan(200, 500, 100)));
    CHECK(a.accounts.size() == 200);
    CHECK(a.activities.size() == 500);
    CHECK(a.opportunities.size() == 50);
    for (const Account& acc : a.accounts) {
        CHECK(acc.contacts.size() == 2);
        CHECK(acc.services.size() == 3);
    }
    LoadResult r = read_plan(write_plan(a));
    INFO(messages(r));
    CHECK(r.plan);
    CHECK(make_synthetic_plan(0, 10, 1).activities.empty()); // no accounts to attach them to
}

TEST_CASE("the example in docs/plan-format.md is a valid plan that keeps its unknown field") {
    std::string root = FOOTPRINT_TEST_DATA; // <source>/tests/data, which may not exist yet
    root.erase(root.rfind("/tests/data"));
    std::ifstream in(root + "/docs/plan-format.md");
    REQUIRE(in);
    const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::size_t section = doc.find("## Example");
    REQUIRE(section != std::string::npos);
    const std::size_t begin = doc.find("```json\n", section);
    const std::size_t end = doc.find("```", begin + 8);
    REQUIRE(end != std::string::npos);
    LoadResult r = read_plan(std::string_view(doc).substr(begin + 8, end - begin - 8));
    INFO(messages(r));
    REQUIRE(r.plan);
    CHECK(r.plan->accounts.at(0).extra == Json{{"x_crm_score", 0.82}});
}

TEST_CASE("plan reader: streamed and whole-document reading give the same plan and problems") {
    // write_plan puts "format" and "version" first, so the big arrays are converted as they are
    // parsed; nlohmann's dump() sorts keys ("accounts" < "format"), which takes the DOM path.
    const Plan p = populated_plan();
    const std::string streamed = write_plan(p);
    const std::string whole = Json::parse(streamed).dump();
    REQUIRE(whole.find("\"accounts\"") < whole.find("\"format\""));
    LoadResult a = read_plan(streamed), b = read_plan(whole);
    REQUIRE(a.plan);
    REQUIRE(b.plan);
    CHECK(plan_diff(*a.plan, *b.plan) == "");
    CHECK(plan_diff(p, *b.plan) == "");

    Json bad = Json::parse(write_plan(small_plan()));
    bad["accounts"][0]["status"] = "lead";
    bad["activities"][1]["account_id"] = "acc-9";
    bad["created"] = "soon";
    LoadResult c = read_plan(bad.dump());
    // The same file with format and version first, as the writer orders them.
    std::string text = "{\"format\":\"footprint-plan\",\"version\":1";
    for (const auto& [k, v] : bad.items())
        if (k != "format" && k != "version") text += ",\"" + k + "\":" + v.dump();
    text += "}";
    LoadResult d = read_plan(text);
    CHECK(messages(c) == messages(d));
    CHECK(c.problems.size() == 3);
}

TEST_CASE("plan reader: a late syntax error or version drops problems of streamed records") {
    Plan p = small_plan();
    p.accounts[0].location = LatLon{1, 2};
    std::string text = write_plan(p);
    // A problem in a streamed account, then the text breaks off.
    const std::string broken = text.replace(text.find("\"status\":\"client\""), 17, "\"status\":\"lead\"").substr(0, text.size() - 20);
    LoadResult r = read_plan(broken);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].path == "");
    CHECK(r.problems[0].message.find("syntax error") != std::string::npos);

    // A repeated "version" after the arrays: the last one counts, as for any repeated key.
    std::string twice = text;
    twice.insert(twice.size() - 1, ",\"version\":2");
    LoadResult v = read_plan(twice);
    REQUIRE(v.problems.size() == 1);
    CHECK(v.problems[0].path == "/version");
    CHECK(v.problems[0].message == "made by a newer Footprint (version 2); this app reads up to version 1");

    // A repeated array: the last one counts.
    std::string repeated = write_plan(small_plan());
    repeated.insert(repeated.size() - 1, ",\"territories\":[]");
    LoadResult t = read_plan(repeated);
    REQUIRE(t.problems.size() == 2); // the accounts now name a territory that is not there
    CHECK(t.problems[0].path == "/accounts/0/territory_id");
}
