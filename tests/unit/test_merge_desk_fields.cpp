// Merging and sharing the fields other features added to the plan: territories' counties, services'
// notice days, contacts' Salesforce ids, the upsell rules (a list merged by id like the catalog)
// and the desks' settings (never merged: they are this person's).
#include "core/redact.h"
#include "core/synthetic_plan.h"

#include <doctest/doctest.h>

#include "merge_test_util.h"

using namespace merge_test;

namespace {

Timestamp at(int day) { return Timestamp{std::int64_t{date_from_ymd(2026, 4, day).days} * 86'400'000}; }

struct Pair {
    app::Document alice;
    app::Document bob;
};

// Bob merged a share of Alice's whole plan on April 2.
Pair exchanged() {
    Plan a = make_synthetic_plan(6, 12, 9);
    a.id = "plan-alice";
    REQUIRE(!a.territories.empty());
    REQUIRE(!a.upsell_rules.empty());
    Pair p{app::Document(std::move(a)), app::Document(make_empty_plan("plan-bob", "Bob's plan", at(1)))};
    Plan s = share(p.alice, {}, "plan-share-1", at(2));
    merge_into(p.bob, s, at(2));
    REQUIRE(records(p.bob.plan()) == records(p.alice.plan()));
    REQUIRE(p.bob.plan().upsell_rules.size() == p.alice.plan().upsell_rules.size());
    return p;
}

template <typename T> void put(app::Document& d, T record, Timestamp when) {
    d.execute(app::Command{"Edit", {Put<T>{std::move(record), std::nullopt, true}}}, when);
}

void set_rules(app::Document& d, std::vector<UpsellRule> rules, Timestamp when) {
    d.execute(app::Command{"Rules", {Set<std::vector<UpsellRule>>{std::move(rules)}}}, when);
}

const Account& with_service_and_contact(const Plan& p) {
    for (const Account& a : p.accounts)
        if (!a.services.empty() && !a.contacts.empty()) return a;
    FAIL("the synthetic plan has no account with a service and a contact");
    return p.accounts[0];
}

} // namespace

TEST_CASE("merge: counties, notice days and Salesforce ids merge field by field with the other side's edits") {
    Pair e = exchanged();
    const std::string acc = with_service_and_contact(e.alice.plan()).id;

    Territory ta = e.alice.plan().territories[0];
    ta.counties = {"39049", "39041"};
    put(e.alice, ta, at(3));
    Account aa = *account(e.alice.plan(), acc);
    aa.services[0].notice_days = 90;
    put(e.alice, aa, at(3));

    Territory tb = e.bob.plan().territories[0];
    tb.name = "Columbus North";
    put(e.bob, tb, at(4));
    Account ab = *account(e.bob.plan(), acc);
    ab.contacts[0].salesforce_id = "003A000001XyZabQAF";
    ab.services[0].mrc += 5000;
    put(e.bob, ab, at(4));

    MergeOutcome out = merge_plans(e.alice.plan(), through_file(e.bob.plan()), at(5));
    CHECK(out.report.conflicts == 0);
    e.alice.execute(app::Command{"Merge", std::move(out.changes)}, at(5));
    const Territory& t = e.alice.plan().territories[0];
    CHECK(t.name == "Columbus North");
    CHECK(t.counties == std::vector<std::string>{"39049", "39041"});
    const Account* m = account(e.alice.plan(), acc);
    REQUIRE(m);
    CHECK(m->services[0].notice_days == 90);
    CHECK(m->services[0].mrc == ab.services[0].mrc);
    CHECK(m->contacts[0].salesforce_id == "003A000001XyZabQAF");

    // Both changed a service's notice days: a conflict, the newer side (Bob's) by default.
    Account a2 = *account(e.alice.plan(), acc);
    a2.services[0].notice_days = 30;
    a2.services[0].modified = at(6);
    put(e.alice, a2, at(6));
    Account b2 = *account(e.bob.plan(), acc);
    b2.services[0].notice_days = 45;
    b2.services[0].modified = at(7);
    put(e.bob, b2, at(7));
    MergePreview preview = prepare_merge(e.alice.plan(), through_file(e.bob.plan()));
    REQUIRE(preview.conflicts.size() == 1);
    CHECK(preview.conflicts[0].kind == RecordKind::Service);
    CHECK(preview.conflicts[0].field == "notice_days");
    CHECK(preview.conflicts[0].choice == preview.conflicts[0].default_choice());
}

TEST_CASE("merge: upsell rules merge by id like the catalog; conflicts, new rules, idempotent, one undo") {
    Pair e = exchanged();
    const Plan before = e.alice.plan();
    std::vector<UpsellRule> ra = e.alice.plan().upsell_rules;
    ra[0].enabled = false; // Alice switches the first rule off
    set_rules(e.alice, ra, at(3));

    std::vector<UpsellRule> rb = e.bob.plan().upsell_rules;
    rb[0].note = "Only for multi-site clients";  // Bob edits another field of the same rule
    rb[1].units = 3;                              // and a field of the second rule
    UpsellRule extra = rb[0];
    extra.id = "rule-bob-1";
    extra.name = "Bob's rule";
    rb.push_back(extra);
    set_rules(e.bob, rb, at(4));

    MergeOutcome out = merge_plans(e.alice.plan(), through_file(e.bob.plan()), at(5));
    CHECK(out.report.conflicts == 0);
    CHECK(out.report.of(RecordKind::UpsellRule).created == 1);
    CHECK(out.report.of(RecordKind::UpsellRule).updated == 2);
    e.alice.execute(app::Command{"Merge", std::move(out.changes)}, at(5));
    const std::vector<UpsellRule>& merged = e.alice.plan().upsell_rules;
    REQUIRE(merged.size() == before.upsell_rules.size() + 1);
    CHECK_FALSE(merged[0].enabled);
    CHECK(merged[0].note == "Only for multi-site clients");
    CHECK(merged[1].units == 3);
    CHECK(merged.back().id == "rule-bob-1"); // new ones at the end, this plan's order kept
    CHECK(check_plan(e.alice.plan()).empty());

    // Merging the same file again changes nothing; undo takes the whole merge back.
    MergeOutcome again = merge_plans(e.alice.plan(), through_file(e.bob.plan()), at(6));
    CHECK(again.changes.empty());
    REQUIRE(e.alice.undo(at(6)));
    CHECK(e.alice.plan().upsell_rules.size() == before.upsell_rules.size());
    CHECK(e.alice.plan().upsell_rules[0].note == before.upsell_rules[0].note);

    // The same field on both sides is a conflict about an upsell rule.
    REQUIRE(e.alice.redo(at(7)));
    std::vector<UpsellRule> a3 = e.alice.plan().upsell_rules;
    a3[1].per = 5;
    set_rules(e.alice, a3, at(8));
    std::vector<UpsellRule> b3 = e.bob.plan().upsell_rules;
    b3[1].per = 7;
    set_rules(e.bob, b3, at(9));
    MergePreview preview = prepare_merge(e.alice.plan(), through_file(e.bob.plan()));
    REQUIRE(preview.conflicts.size() == 1);
    CHECK(preview.conflicts[0].kind == RecordKind::UpsellRule);
}

TEST_CASE("merge: the desks' settings are this person's and never merged") {
    Pair e = exchanged();
    Settings s = e.bob.plan().settings;
    s.renewal_notice_days = 30;
    s.winback_window_days = 200;
    s.priority_weights.renewal = 80;
    e.bob.execute(app::Command{"Settings", {Set<Settings>{s}}}, at(3));
    MergeOutcome out = merge_plans(e.alice.plan(), through_file(e.bob.plan()), at(4));
    e.alice.execute(app::Command{"Merge", std::move(out.changes)}, at(4));
    CHECK(e.alice.plan().settings.renewal_notice_days == Settings{}.renewal_notice_days);
    CHECK(e.alice.plan().settings.winback_window_days == Settings{}.winback_window_days);
    CHECK(e.alice.plan().settings.priority_weights == PriorityWeights{});
}

TEST_CASE("share: upsell rules travel; redaction keeps Salesforce ids and scrubs names from the rules' words") {
    Plan p = make_synthetic_plan(6, 12, 9);
    Account& a = p.accounts[0];
    REQUIRE(!a.contacts.empty());
    a.contacts[0].name = "Zelda Quixote";
    a.contacts[0].salesforce_id = "003A000001XyZabQAF";
    p.upsell_rules[0].note = "Ask Zelda Quixote first";
    ShareOptions o;
    o.redact = true;
    ShareResult s = make_share(p, o, "plan-share-r", at(3));
    const std::string text = write_plan(s.file);
    CHECK(text.find("Quixote") == std::string::npos);
    CHECK(text.find("003A000001XyZabQAF") != std::string::npos);
    Plan back = through_file(s.file);
    CHECK(back.upsell_rules.size() == p.upsell_rules.size());
    CHECK(back.upsell_rules[0].note == "Ask [contact] first");
    CHECK(back.accounts[0].contacts[0].salesforce_id == "003A000001XyZabQAF");
    CHECK(remembered_hash(s.memory, Collection::UpsellRules, p.upsell_rules[0].id) == record_hash(back.upsell_rules[0]));
}
