// The sample plan: deterministic, internally consistent, placed around Columbus, and useful on any
// date (renewals due soon, closed deals in past months, activities in the past and the future).
#include "core/sample_plan.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace footprint::core;

namespace {

const Timestamp kNow{1'795'000'000'000}; // late 2026

Date d(int y, int m, int day) {
    return date_from_ymd(y, m, day);
}

const std::vector<Date>& todays() {
    static const std::vector<Date> k = {d(2026, 1, 31), d(2026, 11, 26), d(2028, 2, 29),
                                        d(2027, 12, 31), d(2030, 6, 15)};
    return k;
}

bool same_contacts(const std::vector<Contact>& a, const std::vector<Contact>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].id != b[i].id || a[i].name != b[i].name || a[i].title != b[i].title ||
            a[i].role != b[i].role || a[i].phone != b[i].phone || a[i].email != b[i].email ||
            a[i].primary != b[i].primary)
            return false;
    return true;
}

// Services apart from their dates.
bool same_service_lines(const std::vector<Service>& a, const std::vector<Service>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].id != b[i].id || a[i].product != b[i].product || a[i].family != b[i].family ||
            a[i].quantity != b[i].quantity || a[i].bandwidth_mbps != b[i].bandwidth_mbps)
            return false;
    return true;
}

bool same_services(const std::vector<Service>& a, const std::vector<Service>& b) {
    if (!same_service_lines(a, b)) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].mrc != b[i].mrc || a[i].term_months != b[i].term_months ||
            a[i].contract_start != b[i].contract_start || a[i].contract_end != b[i].contract_end ||
            a[i].auto_renew != b[i].auto_renew)
            return false;
    return true;
}

bool same_account_identity(const Account& a, const Account& b) {
    return a.id == b.id && a.name == b.name && a.status == b.status && a.industry == b.industry &&
           a.employees == b.employees && a.sites == b.sites &&
           a.billing_account == b.billing_account && a.address.street == b.address.street &&
           a.address.city == b.address.city && a.address.state == b.address.state &&
           a.address.postal_code == b.address.postal_code &&
           a.location.has_value() == b.location.has_value() &&
           (!a.location ||
            (a.location->lat == b.location->lat && a.location->lon == b.location->lon)) &&
           a.territory_id == b.territory_id && a.owner == b.owner &&
           same_contacts(a.contacts, b.contacts) && same_service_lines(a.services, b.services);
}

bool same_account(const Account& a, const Account& b) {
    return same_account_identity(a, b) && a.tags == b.tags && a.notes == b.notes &&
           same_services(a.services, b.services) && a.former.lost_date == b.former.lost_date &&
           a.former.reason == b.former.reason && a.former.competitor == b.former.competitor &&
           a.former.competitor_term_months == b.former.competitor_term_months &&
           a.former.competitor_contract_end == b.former.competitor_contract_end &&
           a.modified == b.modified && a.location_approximate == b.location_approximate;
}

bool same_opportunity(const Opportunity& a, const Opportunity& b) {
    return a.id == b.id && a.account_id == b.account_id && a.name == b.name && a.type == b.type &&
           a.stage == b.stage && a.probability == b.probability &&
           a.forecast_category == b.forecast_category && a.mrc == b.mrc && a.otc == b.otc &&
           a.term_months == b.term_months && a.close_date == b.close_date &&
           a.products == b.products && a.next_step == b.next_step &&
           a.loss_reason == b.loss_reason && a.owner == b.owner && a.modified == b.modified;
}

bool same_activity(const Activity& a, const Activity& b) {
    return a.id == b.id && a.account_id == b.account_id && a.contact_id == b.contact_id &&
           a.opportunity_id == b.opportunity_id && a.type == b.type && a.date == b.date &&
           a.start_minute == b.start_minute && a.duration_minutes == b.duration_minutes &&
           a.subject == b.subject && a.outcome == b.outcome && a.notes == b.notes &&
           a.next_step == b.next_step && a.next_step_due == b.next_step_due &&
           a.next_step_done == b.next_step_done && a.modified == b.modified;
}

// Independent point-in-polygon (even-odd), to check territory assignment.
bool inside(const Ring& ring, LatLon p) {
    bool in = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        if ((ring[i].lat > p.lat) != (ring[j].lat > p.lat) &&
            p.lon < ring[i].lon + (p.lat - ring[i].lat) * (ring[j].lon - ring[i].lon) /
                                      (ring[j].lat - ring[i].lat))
            in = !in;
    }
    return in;
}

int renewals_within(const Plan& p, Date today, int days) {
    int n = 0;
    for (const Account& a : p.accounts) {
        auto end = next_contract_end(a);
        if (a.status == AccountStatus::Client && end && today <= *end &&
            *end <= add_days(today, days))
            ++n;
    }
    return n;
}

} // namespace

TEST_CASE("sample plan: same inputs give the same plan") {
    for (Date today : {d(2026, 11, 26), d(2028, 2, 29)}) {
        const Plan a = make_sample_plan(today, kNow);
        const Plan b = make_sample_plan(today, kNow);
        CHECK(a.id == b.id);
        CHECK(a.name == b.name);
        REQUIRE(a.accounts.size() == b.accounts.size());
        REQUIRE(a.opportunities.size() == b.opportunities.size());
        REQUIRE(a.activities.size() == b.activities.size());
        REQUIRE(a.territories.size() == b.territories.size());
        int diff = 0;
        for (std::size_t i = 0; i < a.accounts.size(); ++i)
            diff += !same_account(a.accounts[i], b.accounts[i]);
        for (std::size_t i = 0; i < a.opportunities.size(); ++i)
            diff += !same_opportunity(a.opportunities[i], b.opportunities[i]);
        for (std::size_t i = 0; i < a.activities.size(); ++i)
            diff += !same_activity(a.activities[i], b.activities[i]);
        for (std::size_t i = 0; i < a.territories.size(); ++i)
            diff += a.territories[i].id != b.territories[i].id ||
                    a.territories[i].zip_codes != b.territories[i].zip_codes ||
                    a.territories[i].polygons.size() != b.territories[i].polygons.size();
        CHECK(diff == 0);
    }
}

TEST_CASE("sample plan: the businesses and people are the same whatever the date") {
    const Plan a = make_sample_plan(d(2026, 1, 31), kNow);
    const Plan b = make_sample_plan(d(2031, 8, 15), kNow);
    REQUIRE(a.accounts.size() == b.accounts.size());
    int diff = 0;
    for (std::size_t i = 0; i < a.accounts.size(); ++i)
        diff += !same_account_identity(a.accounts[i], b.accounts[i]);
    CHECK(diff == 0);
}

TEST_CASE("sample plan: label, settings and defaults") {
    const Date today = d(2026, 11, 26);
    const Plan p = make_sample_plan(today, kNow);
    const Plan empty = make_empty_plan("x", "x", kNow);
    CHECK(p.sample);
    CHECK(p.name == "Sample plan \xE2\x80\x94 Columbus, OH");
    CHECK(p.owner == "Jordan Reyes");
    CHECK(p.created == kNow);
    CHECK(p.modified == kNow);
    REQUIRE(p.settings.home);
    CHECK(p.settings.home->lat == doctest::Approx(39.97).epsilon(0.001));
    CHECK(p.settings.home->lon == doctest::Approx(-83.00).epsilon(0.001));
    CHECK(p.settings.home_label.find("Nationwide Plaza") != std::string::npos);
    CHECK(p.settings.timezone == "America/New_York");
    CHECK(p.quota.monthly_revenue == empty.quota.monthly_revenue);
    CHECK(p.quota.weekly_goals.calls == empty.quota.weekly_goals.calls);
    CHECK(p.stages.size() == empty.stages.size());
    CHECK(p.catalog.size() == empty.catalog.size());
    CHECK(p.commission.tiers.size() == empty.commission.tiers.size());
}

TEST_CASE("sample plan: counts, status mix and record shapes") {
    const Date today = d(2026, 11, 26);
    const Plan p = make_sample_plan(today, kNow);
    CHECK(p.accounts.size() >= 250);
    CHECK(p.accounts.size() <= 350);
    CHECK(p.opportunities.size() >= 100);
    CHECK(p.opportunities.size() <= 160);
    CHECK(p.activities.size() >= 450);
    CHECK(p.activities.size() <= 750);
    CHECK(p.territories.size() == 3);

    std::map<AccountStatus, int> by_status;
    std::set<std::string> catalog_ids;
    for (const Product& pr : p.catalog)
        catalog_ids.insert(pr.id);
    for (const Account& a : p.accounts) {
        ++by_status[a.status];
        CAPTURE(a.id);
        CHECK(!a.name.empty());
        CHECK(!a.industry.empty());
        CHECK(a.owner == "Jordan Reyes");
        CHECK(a.employees >= 5);
        CHECK(a.employees <= 1500);
        CHECK(a.sites >= 1);
        CHECK(a.sites <= 12);
        CHECK(a.address.state == "OH");
        CHECK(a.address.postal_code.size() == 5);
        CHECK(a.address.postal_code.rfind("43", 0) == 0);
        CHECK(!a.address.street.empty());
        CHECK(a.contacts.size() >= 1);
        CHECK(a.contacts.size() <= 3);
        CHECK(a.contacts.front().primary);
        for (const Contact& c : a.contacts) {
            CHECK(c.phone.size() == 14);
            CHECK((c.phone.rfind("(614) 555-01", 0) == 0 || c.phone.rfind("(740) 555-01", 0) == 0 ||
                   c.phone.rfind("(380) 555-01", 0) == 0));
            CHECK(c.email.find('@') != std::string::npos);
            CHECK(c.email.size() > 8);
            CHECK(c.email.substr(c.email.size() - 8) == ".example");
            CHECK(!c.title.empty());
            CHECK(!c.role.empty());
            CHECK(c.modified == kNow);
        }
        if (a.status == AccountStatus::Client) {
            CHECK(a.services.size() >= 1);
            CHECK(a.services.size() <= 5);
            CHECK(a.billing_account.size() == 19); // "8347 10 012 0456789"
        } else {
            CHECK(a.services.empty());
        }
        if (a.status == AccountStatus::Prospect) CHECK(a.billing_account.empty());
        if (a.status == AccountStatus::Former) {
            REQUIRE(a.former.lost_date);
            const int ago = days_between(*a.former.lost_date, today);
            CHECK(ago >= 180);
            CHECK(ago <= 40 * 31);
            CHECK(!a.former.reason.empty());
            CHECK((a.former.competitor_term_months == 24 || a.former.competitor_term_months == 36));
        }
        for (const Service& s : a.services) {
            CAPTURE(s.id);
            CHECK(catalog_ids.count(s.product) == 1);
            CHECK(s.mrc > 0);
            CHECK(s.quantity >= 1);
            CHECK((s.term_months == 12 || s.term_months == 36 || s.term_months == 60));
            REQUIRE(s.contract_start);
            REQUIRE(s.contract_end);
            CHECK(*s.contract_start <= today);
            CHECK(*s.contract_start < *s.contract_end);
            CHECK(s.modified == kNow);
        }
        CHECK(a.modified == kNow);
    }
    const double n = static_cast<double>(p.accounts.size());
    auto share = [&](AccountStatus s) { return by_status[s] / n; };
    CHECK(share(AccountStatus::Client) >= 0.50);
    CHECK(share(AccountStatus::Client) <= 0.60);
    CHECK(share(AccountStatus::Former) >= 0.15);
    CHECK(share(AccountStatus::Former) <= 0.25);
    CHECK(share(AccountStatus::Prospect) >= 0.20);
    CHECK(share(AccountStatus::Prospect) <= 0.30);
}

TEST_CASE("sample plan: ids are unique and stable in form") {
    const Plan p = make_sample_plan(d(2026, 11, 26), kNow);
    std::set<std::string> ids;
    std::size_t total = 0;
    auto add = [&](const std::string& id, std::string_view prefix) {
        ++total;
        ids.insert(id);
        CHECK(id.rfind(prefix, 0) == 0);
    };
    for (const Account& a : p.accounts) {
        add(a.id, "s-acc-");
        for (const Contact& c : a.contacts)
            add(c.id, "s-con-");
        for (const Service& s : a.services)
            add(s.id, "s-svc-");
    }
    for (const Opportunity& o : p.opportunities)
        add(o.id, "s-opp-");
    for (const Activity& a : p.activities)
        add(a.id, "s-act-");
    for (const Territory& t : p.territories)
        add(t.id, "s-ter-");
    CHECK(ids.size() == total);
    CHECK(p.accounts.front().id == "s-acc-0001");
    CHECK(p.opportunities.front().id == "s-opp-0001");
    CHECK(p.activities.front().id == "s-act-0001");
    CHECK(p.territories.front().id == "s-ter-1");
    std::set<std::string> names;
    for (const Account& a : p.accounts)
        names.insert(a.name);
    CHECK(names.size() == p.accounts.size());
}

TEST_CASE("sample plan: every reference resolves") {
    for (Date today : todays()) {
        CAPTURE(format_iso_date(today));
        const Plan p = make_sample_plan(today, kNow);
        std::map<std::string, const Account*> accounts;
        std::map<std::string, const Opportunity*> opps;
        std::set<std::string> territories;
        for (const Account& a : p.accounts)
            accounts[a.id] = &a;
        for (const Opportunity& o : p.opportunities)
            opps[o.id] = &o;
        for (const Territory& t : p.territories)
            territories.insert(t.id);
        int bad = 0;
        for (const Account& a : p.accounts)
            bad += territories.count(a.territory_id) != 1;
        for (const Opportunity& o : p.opportunities)
            bad += accounts.count(o.account_id) != 1;
        for (const Activity& act : p.activities) {
            auto it = accounts.find(act.account_id);
            if (it == accounts.end()) {
                ++bad;
                continue;
            }
            if (!act.contact_id.empty()) {
                const auto& cs = it->second->contacts;
                bad += std::none_of(cs.begin(), cs.end(),
                                    [&](const Contact& c) { return c.id == act.contact_id; });
            }
            if (!act.opportunity_id.empty()) {
                auto o = opps.find(act.opportunity_id);
                bad += o == opps.end() || o->second->account_id != act.account_id;
            }
        }
        CHECK(bad == 0);
    }
}

TEST_CASE("sample plan: accounts sit in the Columbus metro, in the territory that holds them") {
    const Plan p = make_sample_plan(d(2026, 11, 26), kNow);
    std::map<std::string, std::string> territory_name;
    for (const Territory& t : p.territories) {
        territory_name[t.id] = t.name;
        CHECK(t.color.size() == 7);
        CHECK(t.color[0] == '#');
        CHECK(!t.zip_codes.empty());
        REQUIRE(t.polygons.size() == 1);
        CHECK(t.polygons[0][0].size() >= 4);
    }
    std::map<std::string, std::set<std::string>> territories_of_city;
    for (const Account& a : p.accounts) {
        CAPTURE(a.id);
        REQUIRE(a.location);
        CHECK(a.location->lat > 39.6);
        CHECK(a.location->lat < 40.4);
        CHECK(a.location->lon > -83.4);
        CHECK(a.location->lon < -82.3);
        int holders = 0;
        std::string holder;
        for (const Territory& t : p.territories)
            if (inside(t.polygons[0][0], *a.location)) {
                ++holders;
                holder = t.id;
            }
        CHECK(holders == 1);
        CHECK(a.territory_id == holder);
        territories_of_city[a.address.city].insert(territory_name[a.territory_id]);
    }
    auto only = [&](const char* city, const char* territory) {
        CAPTURE(city);
        CHECK(territories_of_city[city] == std::set<std::string>{territory});
    };
    only("Dublin", "North");
    only("Worthington", "North");
    only("Westerville", "North");
    only("Delaware", "North");
    only("Lewis Center", "North");
    only("Gahanna", "East");
    only("New Albany", "East");
    only("Reynoldsburg", "East");
    only("Bexley", "East");
    only("Pickerington", "East");
    only("Newark", "East");
    only("Grove City", "South-West");
    only("Hilliard", "South-West");
    only("Grandview Heights", "South-West");
    only("Upper Arlington", "South-West");
    only("Canal Winchester", "South-West");
}

TEST_CASE("sample plan: renewals are due soon whatever today is") {
    for (Date today : todays()) {
        CAPTURE(format_iso_date(today));
        const Plan p = make_sample_plan(today, kNow);
        const int in30 = renewals_within(p, today, 30);
        const int in90 = renewals_within(p, today, 90);
        const int in180 = renewals_within(p, today, 180);
        CHECK(in30 >= 5);
        CHECK(in30 <= 12);
        CHECK(in90 >= 12);
        CHECK(in90 <= 20);
        CHECK(in180 >= 25);
        CHECK(in180 <= 40);
        int expired = 0, on_31st = 0, on_feb_29 = 0, auto_renew = 0;
        for (const Account& a : p.accounts) {
            auto end = next_contract_end(a);
            if (a.status == AccountStatus::Client && end && *end < today) ++expired;
            for (const Service& s : a.services) {
                const Ymd y = ymd_of(*s.contract_end);
                on_31st += y.day == 31;
                on_feb_29 += y.month == 2 && y.day == 29;
                auto_renew += s.auto_renew;
            }
        }
        CHECK(expired >= 5);
        CHECK(on_31st >= 10);
        CHECK(on_feb_29 >= 1);
        CHECK(auto_renew >= 10);

        // Renewal opportunities exist for contracts ending within 30 days.
        int renewal_opps_soon = 0;
        for (const Opportunity& o : p.opportunities)
            if (o.type == OpportunityType::Renewal && o.stage != "Closed Won" &&
                o.stage != "Closed Lost" && *o.close_date <= add_days(today, 30))
                ++renewal_opps_soon;
        CHECK(renewal_opps_soon >= 5);
    }
}

TEST_CASE("sample plan: opportunities use the plan's stages and sensible money and dates") {
    for (Date today : todays()) {
        CAPTURE(format_iso_date(today));
        const Plan p = make_sample_plan(today, kNow);
        std::map<std::string, const Stage*> stages;
        for (const Stage& s : p.stages)
            stages[s.name] = &s;
        std::map<OpportunityType, int> by_type;
        std::set<int> won_months;
        int open = 0, slipped = 0, lost = 0;
        for (const Opportunity& o : p.opportunities) {
            CAPTURE(o.id);
            ++by_type[o.type];
            auto it = stages.find(o.stage);
            REQUIRE(it != stages.end());
            const Stage& st = *it->second;
            CHECK(o.probability == st.probability);
            CHECK(o.forecast_category == st.category);
            CHECK(o.mrc >= 30000);
            CHECK(o.mrc <= 1200000);
            CHECK(o.otc >= 0);
            CHECK((o.term_months == 12 || o.term_months == 36 || o.term_months == 60));
            CHECK(!o.products.empty());
            CHECK(o.owner == "Jordan Reyes");
            CHECK(o.modified == kNow);
            REQUIRE(o.close_date);
            const int days = days_between(today, *o.close_date);
            if (st.closed) {
                CHECK(days <= 0);
                CHECK(days >= -320);
                if (st.won) {
                    CHECK(o.forecast_category == ForecastCategory::Closed);
                    won_months.insert(YearMonth::of(*o.close_date).index);
                } else {
                    CHECK(o.forecast_category == ForecastCategory::Omitted);
                    CHECK(!o.loss_reason.empty());
                    ++lost;
                }
            } else {
                ++open;
                CHECK(days <= 200);
                CHECK(days >= -45);
                CHECK(!o.next_step.empty());
                slipped += days < 0;
            }
        }
        CHECK(open >= 60);
        CHECK(lost >= 5);
        CHECK(slipped >= 3);
        CHECK(slipped <= 10);
        CHECK(by_type[OpportunityType::Renewal] >= 25);
        CHECK(by_type[OpportunityType::Upsell] >= 10);
        CHECK(by_type[OpportunityType::WinBack] >= 5);
        CHECK(by_type[OpportunityType::New] >= 10);
        // Closed Won history in each of the last 10 months, this one included.
        const int this_month = YearMonth::of(today).index;
        for (int m = 0; m < 10; ++m) {
            CAPTURE(m);
            CHECK(won_months.count(this_month - m) == 1);
        }
    }
}

TEST_CASE("sample plan: activities fill the past 120 days and the next 14") {
    for (Date today : todays()) {
        CAPTURE(format_iso_date(today));
        const Plan p = make_sample_plan(today, kNow);
        std::map<ActivityType, int> by_type;
        int past = 0, planned = 0, overdue = 0, with_opp = 0, with_contact = 0;
        Date prev{-1000000};
        for (const Activity& a : p.activities) {
            CAPTURE(a.id);
            ++by_type[a.type];
            const int days = days_between(today, a.date);
            CHECK(days >= -120);
            CHECK(days <= 14);
            CHECK(weekday(a.date) < 5);
            CHECK(prev <= a.date); // chronological
            prev = a.date;
            REQUIRE(a.start_minute);
            CHECK(*a.start_minute >= p.settings.work_start_minute);
            CHECK(*a.start_minute + a.duration_minutes <= p.settings.work_end_minute);
            CHECK(a.duration_minutes > 0);
            CHECK(!a.subject.empty());
            CHECK(a.modified == kNow);
            if (days >= 0) {
                ++planned;
                CHECK(a.outcome.empty());
            } else {
                ++past;
                CHECK(!a.outcome.empty());
            }
            if (a.next_step_due) {
                CHECK(!a.next_step.empty());
                CHECK(a.date < *a.next_step_due);
                if (*a.next_step_due < today && !a.next_step_done) ++overdue;
                if (today <= *a.next_step_due) CHECK_FALSE(a.next_step_done);
            }
            with_opp += !a.opportunity_id.empty();
            with_contact += !a.contact_id.empty();
        }
        CHECK(past >= 400);
        CHECK(planned >= 15);
        CHECK(overdue >= 3);
        CHECK(overdue <= 20);
        CHECK(with_opp * 3 >= static_cast<int>(p.activities.size()));
        CHECK(with_contact * 2 >= static_cast<int>(p.activities.size()));
        for (ActivityType t : {ActivityType::Call, ActivityType::Visit, ActivityType::Meeting,
                               ActivityType::Email, ActivityType::Event, ActivityType::Proposal})
            CHECK(by_type[t] >= 3);
    }
}
