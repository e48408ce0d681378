// The plan fields the desks add: defaults when absent, validation with paths, the journal keeping
// the upsell rules, and undo of every desk edit.
#include "app/document.h"
#include "core/plan_journal.h"
#include "core/plan_json.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace footprint::core;

namespace {

Json minimal_doc() {
    return Json::parse(R"({"format": "footprint-plan", "version": 1, "id": "plan-1",
        "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z"})");
}

std::string first_problem(const Json& doc) {
    LoadResult r = read_plan(doc.dump());
    if (r.plan) return "valid";
    return format_problem("plan.json", r.problems.front());
}

} // namespace

TEST_CASE("desk fields: absent means default, and the shipped rules use the default catalog") {
    LoadResult r = read_plan(minimal_doc().dump());
    REQUIRE(r.plan);
    CHECK(r.plan->settings.renewal_notice_days == 60);
    CHECK(r.plan->settings.winback_window_days == 120);
    CHECK(r.plan->settings.priority_weights == PriorityWeights{});
    CHECK(r.plan->settings.priority_weights == PriorityWeights{35, 20, 20, 15, 10});
    // A plan written before rules existed gets the shipped ones; an empty list stays empty.
    CHECK(r.plan->upsell_rules.size() == default_upsell_rules().size());
    Json empty = minimal_doc();
    empty["upsell_rules"] = Json::array();
    CHECK(read_plan(empty.dump()).plan->upsell_rules.empty());

    const auto catalog = default_catalog();
    std::set<std::string> ids;
    for (const UpsellRule& rule : default_upsell_rules()) {
        CAPTURE(rule.id);
        CHECK(ids.insert(rule.id).second);
        CHECK(!rule.name.empty());
        CHECK(!rule.note.empty());
        CHECK(std::any_of(catalog.begin(), catalog.end(), [&](const Product& p) { return p.id == rule.product; }));
    }
}

TEST_CASE("desk fields: written in full and read back") {
    Plan p = make_empty_plan("plan-1", "x", Timestamp{0});
    p.settings.priority_weights = {0, 10, 20, 30, 1000};
    p.upsell_rules.resize(1);
    p.upsell_rules[0].quantity_basis = QuantityBasis::Employees;
    p.upsell_rules[0].units = 4;
    p.upsell_rules[0].per = 5;
    Json doc = Json::parse(write_plan(p));
    CHECK(doc["settings"]["renewal_notice_days"] == 60);
    CHECK(doc["settings"]["winback_window_days"] == 120);
    CHECK(doc["settings"]["priority_weights"] ==
          Json::parse(R"({"renewal": 0, "revenue": 10, "winback": 20, "upsell": 30, "recency": 1000})"));
    CHECK(doc["upsell_rules"][0]["quantity"] == "employees");
    CHECK(doc["upsell_rules"][0]["units"] == 4);
    CHECK(doc["upsell_rules"][0]["per"] == 5);
    CHECK(doc["upsell_rules"][0]["enabled"] == true);
    CHECK_FALSE(doc["upsell_rules"][0].contains("industries")); // empty lists are left out
}

TEST_CASE("desk fields: bad values are problems with their path") {
    auto with = [](auto edit) {
        Json d = minimal_doc();
        d["upsell_rules"] = Json::parse(R"([{"id": "r1", "name": "One", "product": "inet-1g"}])");
        edit(d);
        return first_problem(d);
    };
    CHECK(with([](Json&) {}) == "valid");
    CHECK(with([](Json& d) { d["upsell_rules"].push_back(d["upsell_rules"][0]); }) ==
          "plan.json: /upsell_rules/1/id: duplicate rule id \"r1\" (first used at /upsell_rules/0)");
    CHECK(with([](Json& d) { d["upsell_rules"][0]["id"] = ""; }) == "plan.json: /upsell_rules/0/id: must not be empty");
    CHECK(with([](Json& d) { d["upsell_rules"][0].erase("product"); }) ==
          "plan.json: /upsell_rules/0/product: required field is missing");
    CHECK(with([](Json& d) { d["upsell_rules"][0]["quantity"] = "rooms"; }) ==
          "plan.json: /upsell_rules/0/quantity: \"rooms\" is not a quantity basis (expected one of: account, sites, employees)");
    CHECK(with([](Json& d) { d["upsell_rules"][0]["per"] = 0; }) ==
          "plan.json: /upsell_rules/0/per: must be between 1 and 10000000 (got 0)");
    CHECK(with([](Json& d) {
              d["upsell_rules"][0]["min_employees"] = 50;
              d["upsell_rules"][0]["max_employees"] = 10;
          }) == "plan.json: /upsell_rules/0/max_employees: is below min_employees (50)");
    CHECK(with([](Json& d) { d["upsell_rules"][0]["industries"] = "Legal"; }) ==
          "plan.json: /upsell_rules/0/industries: expected an array");
    CHECK(with([](Json& d) { d["upsell_rules"] = Json::object(); }) == "plan.json: /upsell_rules: expected an array");
    CHECK(with([](Json& d) { d["settings"] = {{"priority_weights", {{"renewal", -1}}}}; }) ==
          "plan.json: /settings/priority_weights/renewal: must be between 0 and 1000 (got -1)");
    CHECK(with([](Json& d) { d["settings"] = {{"priority_weights", {{"luck", 1}}}}; }) ==
          "plan.json: /settings/priority_weights/luck: unknown field");
    CHECK(with([](Json& d) { d["settings"] = {{"renewal_notice_days", 4000}}; }) ==
          "plan.json: /settings/renewal_notice_days: must be between 0 and 3650 (got 4000)");
    // A rule whose product is not in the catalog is valid (the catalog may change); it never fires.
    CHECK(with([](Json& d) { d["upsell_rules"][0]["product"] = "gone"; }) == "valid");
    // Unknown fields of a rule are kept.
    Json d = minimal_doc();
    d["upsell_rules"] = Json::parse(R"([{"id": "r1", "name": "One", "product": "x", "x_weight": 2}])");
    LoadResult r = read_plan(d.dump());
    REQUIRE(r.plan);
    CHECK(r.plan->upsell_rules[0].extra["x_weight"] == 2);
    CHECK(Json::parse(write_plan(*r.plan))["upsell_rules"][0]["x_weight"] == 2);
}

TEST_CASE("desk fields: a service's notice period, null or days") {
    Json d = minimal_doc();
    d["accounts"] = Json::parse(R"([{"id": "a", "name": "A", "status": "client",
        "modified": "2026-01-01T00:00:00Z", "services": [
        {"id": "s1", "product": "x", "modified": "2026-01-01T00:00:00Z", "notice_days": 90},
        {"id": "s2", "product": "x", "modified": "2026-01-01T00:00:00Z", "notice_days": null},
        {"id": "s3", "product": "x", "modified": "2026-01-01T00:00:00Z"}]}])");
    LoadResult r = read_plan(d.dump());
    REQUIRE(r.plan);
    CHECK(r.plan->accounts[0].services[0].notice_days == 90);
    CHECK_FALSE(r.plan->accounts[0].services[1].notice_days);
    CHECK_FALSE(r.plan->accounts[0].services[2].notice_days);
    d["accounts"][0]["services"][0]["notice_days"] = "90";
    CHECK(first_problem(d).rfind("plan.json: /accounts/0/services/0/notice_days: ", 0) == 0);
}

TEST_CASE("desk edits: rules and settings are undoable commands the journal keeps") {
    using footprint::app::Command;
    using footprint::app::Document;
    Document doc(make_empty_plan("plan-1", "x", Timestamp{0}));
    const auto before = doc.plan().upsell_rules;
    auto rules = before;
    rules.erase(rules.begin());
    rules[0].enabled = false;
    doc.execute(Command{"Edit rules", {Set<std::vector<UpsellRule>>{rules}}}, Timestamp{1});
    CHECK(doc.touched().rules);
    CHECK_FALSE(doc.touched().empty());
    CHECK(doc.plan().upsell_rules.size() == before.size() - 1);

    // The journal entry carries the rules; replaying it on the old plan gives the new rules.
    Plan replay = make_empty_plan("plan-1", "x", Timestamp{0});
    PlanIndex index;
    index.rebuild(replay);
    std::vector<Problem> problems;
    REQUIRE(apply_journal_entry(replay, index, write_journal_entry(doc.plan(), doc.index(), doc.touched()), problems));
    CHECK(replay.upsell_rules.size() == rules.size());
    CHECK_FALSE(replay.upsell_rules[0].enabled);

    Settings st = doc.plan().settings;
    st.priority_weights.upsell = 90;
    st.winback_window_days = 90;
    doc.execute(Command{"Change weights", {Set<Settings>{st}}}, Timestamp{2});
    CHECK(doc.plan().settings.priority_weights.upsell == 90);
    REQUIRE(doc.undo(Timestamp{3}));
    CHECK(doc.plan().settings.priority_weights.upsell == 15);
    CHECK(doc.plan().settings.winback_window_days == 120);
    REQUIRE(doc.undo(Timestamp{4}));
    CHECK(doc.plan().upsell_rules.size() == before.size());
    CHECK(doc.plan().upsell_rules[1].enabled);
    REQUIRE(doc.redo(Timestamp{5}));
    CHECK(doc.plan().upsell_rules.size() == before.size() - 1);
}
