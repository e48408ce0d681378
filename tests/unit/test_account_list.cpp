// The accounts list: filters, sorting with ties, search refinement, and patching after edits
// giving exactly what a fresh query gives.
#include "core/account_list.h"
#include "core/synthetic_plan.h"

#include <doctest/doctest.h>

using namespace footprint::core;

namespace {

Account make(std::string id, std::string name, AccountStatus status, std::string city = "") {
    Account a;
    a.id = std::move(id);
    a.name = std::move(name);
    a.status = status;
    a.address.city = std::move(city);
    return a;
}

Service service(std::string family, Cents mrc, std::optional<Date> end) {
    Service s;
    s.family = std::move(family);
    s.mrc = mrc;
    s.contract_end = end;
    return s;
}

std::vector<std::string> names(const Plan& p, const AccountList& l) {
    std::vector<std::string> out;
    for (std::uint32_t i : l.rows())
        out.push_back(p.accounts[i].name);
    return out;
}

const Date kToday = date_from_ymd(2026, 11, 26);

Plan plan() {
    Plan p = make_empty_plan("p", "P", Timestamp{1});
    p.accounts.push_back(make("a", "beta Dental", AccountStatus::Client, "Media"));
    p.accounts.push_back(make("b", "Alpha Logistics", AccountStatus::Former, "Erie"));
    p.accounts.push_back(make("c", "alpha logistics", AccountStatus::Prospect, "Erie"));
    p.accounts.push_back(
        make("d", "Gamma Group of Very Long Names Two", AccountStatus::Client, "Media"));
    p.accounts.push_back(
        make("e", "Gamma Group of Very Long Names One", AccountStatus::Client, "Media"));
    p.accounts[0].services = {service("internet", 50000, add_days(kToday, 20)),
                              service("voice", 10000, add_days(kToday, 400))};
    p.accounts[3].services = {service("ethernet", 90000, add_days(kToday, 80))};
    p.accounts[4].services = {service("internet", 20000, add_days(kToday, -5))}; // ended
    p.accounts[0].tags = {"multi-site"};
    p.accounts[1].territory_id = "ter-1";
    p.accounts[2].industry = "Logistics";
    return p;
}

} // namespace

TEST_CASE("sorting: case-insensitive names past 16 bytes, ties by name then plan order") {
    const Plan p = plan();
    AccountList l;
    l.rebuild(p, kToday);
    l.query(p, {}, {AccountColumn::Name, true});
    CHECK(names(p, l) == std::vector<std::string>{"Alpha Logistics", "alpha logistics",
                                                  "beta Dental",
                                                  "Gamma Group of Very Long Names One",
                                                  "Gamma Group of Very Long Names Two"});
    l.query(p, {}, {AccountColumn::Name, false});
    CHECK(names(p, l).front() == "Gamma Group of Very Long Names Two");
    CHECK(names(p, l).back() == "alpha logistics"); // equal names: plan order, either direction
    l.query(p, {}, {AccountColumn::City, true});
    CHECK(names(p, l) == std::vector<std::string>{"Alpha Logistics", "alpha logistics",
                                                  "beta Dental",
                                                  "Gamma Group of Very Long Names One",
                                                  "Gamma Group of Very Long Names Two"});
    l.query(p, {}, {AccountColumn::Mrc, false});
    CHECK(names(p, l)[0] == "Gamma Group of Very Long Names Two"); // $900
    CHECK(names(p, l)[1] == "beta Dental");                        // $600
    // Contract end: soonest first, accounts without a contract last in both directions.
    l.query(p, {}, {AccountColumn::ContractEnd, true});
    CHECK(names(p, l)[0] == "Gamma Group of Very Long Names One"); // ended 5 days ago
    CHECK(names(p, l)[1] == "beta Dental");
    CHECK(names(p, l)[3] == "Alpha Logistics");
    l.query(p, {}, {AccountColumn::ContractEnd, false});
    CHECK(names(p, l)[0] == "Gamma Group of Very Long Names Two");
    CHECK(names(p, l)[3] == "Alpha Logistics");
}

TEST_CASE("filters: status, search, contract ending, territory, industry, tag, product family") {
    const Plan p = plan();
    AccountList l;
    l.rebuild(p, kToday);
    AccountFilter f;
    f.status_mask = 1u << static_cast<int>(AccountStatus::Client);
    l.query(p, f, {});
    CHECK(l.rows().size() == 3);
    f = {};
    f.search = "ERIE";
    l.query(p, f, {});
    CHECK(l.rows().size() == 2);
    f = {};
    f.ending_within_days = 30; // beta's internet ends in 20 days; Gamma One's has ended
    l.query(p, f, {});
    CHECK(names(p, l) == std::vector<std::string>{"beta Dental"});
    f.ending_within_days = 90;
    l.query(p, f, {});
    CHECK(l.rows().size() == 2);
    f = {};
    f.territories = {"ter-1"};
    l.query(p, f, {});
    CHECK(names(p, l) == std::vector<std::string>{"Alpha Logistics"});
    f = {};
    f.industries = {"Logistics"};
    l.query(p, f, {});
    CHECK(names(p, l) == std::vector<std::string>{"alpha logistics"});
    f = {};
    f.tags = {"multi-site", "vip"};
    l.query(p, f, {});
    CHECK(names(p, l) == std::vector<std::string>{"beta Dental"});
    f = {};
    f.family = "internet";
    l.query(p, f, {});
    CHECK(l.rows().size() == 2);
    f.family_lacks = true;
    l.query(p, f, {});
    CHECK(l.rows().size() == 3);
    CHECK(f.active());
    CHECK_FALSE(AccountFilter{}.active());
}

TEST_CASE("patching after edits and appends gives what a fresh query gives") {
    Plan p = make_synthetic_plan(2000, 0, 3);
    AccountList l;
    l.rebuild(p, kToday);
    AccountFilter f;
    f.search = "a";
    f.status_mask = 0b011;
    const AccountSort s{AccountColumn::City, true};
    l.query(p, f, s);
    // Edits that move rows, drop them from the filter and bring others in, and an append.
    p.accounts[5].address.city = "Aardvark";
    p.accounts[17].name = "zzz";
    p.accounts[17].address.city = "Zulu";
    p.accounts[40].status = AccountStatus::Prospect;
    p.accounts[41].status = AccountStatus::Client;
    p.accounts.push_back(make("new", "Appended and Co", AccountStatus::Client, "Media"));
    const std::size_t changed[] = {5, 17, 40, 41};
    l.patch(p, changed, p.accounts.size() - 1);
    AccountList fresh;
    fresh.rebuild(p, kToday);
    fresh.query(p, f, s);
    CHECK(l.rows() == fresh.rows());
    CHECK(l.position_of(5) == 0);
    // Typing more refines the same rows in place.
    AccountFilter g = f;
    g.search = "an";
    l.query(p, g, s);
    fresh.query(p, g, s);
    CHECK(l.rows() == fresh.rows());
}

TEST_CASE("a rebuild in slices gives the same rows as one at once") {
    const Plan p = make_synthetic_plan(3000, 0, 5);
    AccountList whole, sliced;
    whole.rebuild(p, kToday);
    AccountFilter f;
    f.family = "voice";
    f.family_lacks = true;
    f.search = "o";
    whole.query(p, f, {AccountColumn::Mrc, false});
    sliced.begin_rebuild(p, kToday);
    CHECK(sliced.rebuilding());
    int steps = 0;
    while (!sliced.rebuild_step(p, 700))
        ++steps;
    CHECK(steps == 4);
    CHECK_FALSE(sliced.rebuilding());
    sliced.query(p, f, {AccountColumn::Mrc, false});
    CHECK(sliced.rows() == whole.rows());
    CHECK_FALSE(whole.rows().empty());
}

TEST_CASE("a query in slices (filter, sorted chunks, merges) gives what one query gives") {
    const Plan p = make_synthetic_plan(40000, 0, 9);
    AccountList whole, sliced;
    whole.rebuild(p, kToday);
    sliced.rebuild(p, kToday);
    for (const AccountSort s :
         {AccountSort{AccountColumn::Name, true}, AccountSort{AccountColumn::City, false},
          AccountSort{AccountColumn::ContractEnd, true},
          AccountSort{AccountColumn::Status, false}}) {
        AccountFilter f;
        f.status_mask = 0b101;
        whole.query(p, f, s);
        sliced.query(p, {}, {}); // something else first: its rows stay until the slices finish
        const auto before = sliced.rows();
        sliced.begin_query(f, s);
        int steps = 0;
        while (!sliced.query_step(p, 3000)) {
            if (steps++ == 0) CHECK(sliced.rows() == before);
        }
        CHECK(steps > 5);
        CHECK(sliced.rows() == whole.rows());
    }
    // Typing more refines; a different sort does not.
    AccountFilter g;
    g.search = "ab";
    sliced.query(p, g, {});
    AccountFilter h = g;
    h.search = "abc";
    CHECK(sliced.refines(h, {}));
    CHECK_FALSE(sliced.refines(h, {AccountColumn::City, true}));
    CHECK_FALSE(sliced.refines(AccountFilter{}, {}));
}
