// Share files: what a scope takes, references kept consistent, exchanges in the plan file, and
// redaction that leaves no personal detail anywhere in the file.
#include "core/plan_journal.h"
#include "core/plan_json_detail.h"
#include "core/redact.h"
#include "core/sample_plan.h"
#include "core/synthetic_plan.h"

#include <doctest/doctest.h>

#include "merge_test_util.h"

using namespace merge_test;

namespace {

Timestamp at(int day) { return Timestamp{std::int64_t{date_from_ymd(2026, 3, day).days} * 86'400'000}; }

Contact contact(std::string id, std::string name, std::string phone, std::string email) {
    Contact c;
    c.id = std::move(id);
    c.name = std::move(name);
    c.title = "IT Director";
    c.role = "Decision maker";
    c.phone = std::move(phone);
    c.email = std::move(email);
    c.modified = at(1);
    return c;
}

// Personal details in every place they can hide, each with a recognisable marker.
Plan plan_with_markers() {
    Plan p = make_empty_plan("plan-src", "Columbus plan", at(1));
    p.owner = "Jordan Rivera";
    p.settings.home = LatLon{39.96, -83.0};
    p.settings.home_label = "Home: 12 Zanzibar Lane";
    p.extra["x_note"] = "assistant: zelda.quixote@riverside.example";
    Territory t;
    t.id = "ter-1";
    t.name = "Downtown";
    t.modified = at(1);
    p.territories.push_back(t);
    Account a;
    a.id = "acc-1";
    a.name = "Riverside Dental Group";
    a.status = AccountStatus::Client;
    a.territory_id = "ter-1";
    a.notes = "Zelda Quixote prefers mornings; cell (614) 555-0199, or zelda.quixote@riverside.example.";
    a.tags = {"ask-for-Zelda"};
    a.former.reason = "QUIXOTE moved the office";
    a.modified = at(1);
    a.extra["x_assistant"] = "Call Zelda at 614.555.0123";
    Contact c = contact("con-1", "Zelda Quixote", "(614) 555-0199", "zelda.quixote@riverside.example");
    c.extra["x_mobile"] = "MOBILE-MARKER 614-555-0177";
    c.extra["x_birthday"] = "BIRTHDAY-MARKER";
    a.contacts.push_back(c);
    Service s;
    s.id = "svc-1";
    s.product = "inet-500";
    s.mrc = 44900;
    s.modified = at(1);
    s.extra["x_site_contact"] = "Zelda Quixote";
    a.services.push_back(s);
    p.accounts.push_back(a);
    Account b;
    b.id = "acc-2";
    b.name = "Harbor Freight Co";
    b.territory_id = "ter-1";
    b.notes = "Referred by Zelda Quixote of Riverside."; // another account's contact, by full name
    b.modified = at(1);
    b.contacts.push_back(contact("con-2", "Ulysses Vandermeer", "+1 614 555 0144", "uv@harbor.example"));
    p.accounts.push_back(b);
    Opportunity o;
    o.id = "opp-1";
    o.account_id = "acc-1";
    o.name = "Riverside renewal (Zelda)";
    o.stage = p.stages.front().name;
    o.next_step = "Send quote to zelda.quixote@riverside.example";
    o.loss_reason = "Vandermeer";
    o.modified = at(1);
    p.opportunities.push_back(o);
    Activity v;
    v.id = "act-1";
    v.account_id = "acc-1";
    v.contact_id = "con-1";
    v.opportunity_id = "opp-1";
    v.date = date_from_ymd(2026, 3, 2);
    v.subject = "Call with Zelda";
    v.outcome = "Zelda asked for Ulysses Vandermeer's numbers";
    v.notes = "Her direct line is 555-0188; assistant 6145550166.";
    v.next_step = "Email ZELDA";
    v.modified = at(1);
    v.extra["x_attendees"] = Json::array({"Zelda Quixote", "uv@harbor.example"});
    p.activities.push_back(v);
    REQUIRE(check_plan(p).empty());
    return p;
}

const char* const kMarkers[] = {"Zelda", "ZELDA", "Quixote", "QUIXOTE", "zelda", "Ulysses", "Vandermeer",
                                "555-0199", "5550199", "555-0123", "555-0177", "555 0144", "555-0188",
                                "6145550166", "riverside.example", "harbor.example", "MOBILE-MARKER",
                                "BIRTHDAY-MARKER", "Zanzibar", "39.96"};

} // namespace

TEST_CASE("scrub: names, phone numbers and emails in free text; dates and amounts stay") {
    Plan p = plan_with_markers();
    const Redactor r(p);
    CHECK(r.scrub("Call Zelda Quixote at (614) 555-0199.") == "Call [contact] at [phone].");
    CHECK(r.scrub("zelda.quixote@riverside.example wrote") == "[email] wrote");
    CHECK(r.scrub("ext +44 20 7946 0958 or 614.555.0123") == "ext [phone] or [phone]");
    CHECK(r.scrub("Met Ulysses Vandermeer on 2026-03-02 about $1,347/mo") ==
          "Met [contact] on 2026-03-02 about $1,347/mo");
    CHECK(r.scrub("Zelda's office, ZELDA in caps") == "[contact]'s office, [contact] in caps");
    CHECK(r.scrub("ulysses vandermeer called") == "[contact] called");
    CHECK(r.scrub("the ulysses class") == "the ulysses class"); // one lower-case word is not a name
    CHECK(r.scrub("Zip 43215-1234, order 12345678, 3pm, 12th floor") ==
          "Zip 43215-1234, order 12345678, 3pm, 12th floor");
    CHECK(r.scrub("555-0142") == "[phone]");
}

TEST_CASE("a redacted share holds no personal detail anywhere in the file") {
    Plan p = plan_with_markers();
    for (ShareScope::Kind kind : {ShareScope::Kind::Plan, ShareScope::Kind::Territory, ShareScope::Kind::Accounts}) {
        ShareOptions o;
        o.scope.kind = kind;
        o.scope.territory_id = "ter-1";
        o.scope.account_ids = {"acc-1", "acc-2"};
        o.redact = true;
        ShareResult s = make_share(p, o, "plan-share", at(3));
        const std::string text = write_plan(s.file);
        CAPTURE(text);
        for (const char* m : kMarkers) {
            CAPTURE(m);
            CHECK(text.find(m) == std::string::npos);
        }
        // Business details and the structure stay.
        CHECK(text.find("Riverside Dental Group") != std::string::npos);
        CHECK(text.find("IT Director") != std::string::npos);
        CHECK(text.find("\"contact_id\":\"con-1\"") != std::string::npos);
        CHECK(text.find("Jordan Rivera") != std::string::npos);
        LoadResult back = read_plan(text);
        REQUIRE(back.plan);
        CHECK(back.plan->share->redacted);
        CHECK(back.plan->accounts[0].contacts[0].name.empty());
    }
    // Without redaction everything is there.
    ShareResult plain = make_share(p, ShareOptions{}, "plan-share", at(3));
    CHECK(write_plan(plain.file).find("Zelda Quixote") != std::string::npos);
}

TEST_CASE("redaction: every field the reader knows has a policy") {
    using plan_json_detail::Kind;
    const std::pair<Kind, const char*> kinds[] = {
        {Kind::Account, "accounts"}, {Kind::Contact, "contacts"}, {Kind::Service, "services"},
        {Kind::Opportunity, "opportunities"}, {Kind::Activity, "activities"}, {Kind::Territory, "territories"},
        {Kind::Product, "catalog"}, {Kind::Settings, "settings"}};
    for (const auto& entry : kinds) {
        const char* collection = entry.second; // a named copy: CAPTURE cannot take a structured binding
        for (std::string_view field : plan_json_detail::known_fields(entry.first)) {
            CAPTURE(collection);
            CAPTURE(field);
            CHECK(redact_policy(collection, field).has_value());
        }
    }
}

TEST_CASE("redaction: a marker in any field classified Remove or Scrub does not reach the file") {
    // Driven by the policy table and the reader, so a field added later is tested once classified.
    using plan_json_detail::Kind;
    Plan p = plan_with_markers();
    const Json base_account = record_json(p.accounts[0]);
    const std::pair<Kind, const char*> kinds[] = {{Kind::Account, "accounts"}, {Kind::Contact, "contacts"},
                                                  {Kind::Opportunity, "opportunities"}, {Kind::Activity, "activities"}};
    for (const auto& entry : kinds) {
        const char* collection = entry.second; // a named copy: CAPTURE cannot take a structured binding
        for (std::string_view field : plan_json_detail::known_fields(entry.first)) {
            const RedactPolicy policy = redact_policy(collection, field).value_or(RedactPolicy::Keep);
            if (policy == RedactPolicy::Keep) continue;
            const std::string where = std::string(collection) + "/" + std::string(field);
            CAPTURE(where);
            Plan q = p;
            const std::string marker = "Zelda Quixote 614-555-0101 z@q.example";
            Json rec = std::string(collection) == "contacts" ? record_json(q.accounts[0].contacts[0])
                       : std::string(collection) == "accounts"      ? record_json(q.accounts[0])
                       : std::string(collection) == "opportunities" ? record_json(q.opportunities[0])
                                                                    : record_json(q.activities[0]);
            const Json old = rec.contains(std::string(field)) ? rec[std::string(field)] : Json();
            Json value = old.is_array() ? Json::array({marker}) : old.is_object() ? Json{{"reason", marker}} : Json(marker);
            rec[std::string(field)] = value;
            std::string doc = R"({"format":"footprint-plan","version":1,"id":"x","created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z",")";
            doc += std::string(collection) == "contacts" ? "accounts" : collection;
            Json wrapped = rec;
            if (std::string(collection) == "contacts") {
                wrapped = base_account;
                wrapped["contacts"] = Json::array({rec});
            }
            doc += "\":[" + wrapped.dump() + "]}";
            LoadResult r = read_plan_part(doc);
            REQUIRE(r.plan);
            if (std::string(collection) == "accounts" || std::string(collection) == "contacts") q.accounts[0] = r.plan->accounts[0];
            else if (std::string(collection) == "opportunities") q.opportunities[0] = r.plan->opportunities[0];
            else q.activities[0] = r.plan->activities[0];
            ShareOptions o;
            o.redact = true;
            const std::string text = write_plan(make_share(q, o, "plan-s", at(3)).file);
            CHECK(text.find("614-555-0101") == std::string::npos);
            CHECK(text.find("z@q.example") == std::string::npos);
            CHECK(text.find("Quixote") == std::string::npos);
        }
    }
}

TEST_CASE("a territory share takes its accounts with their deals, activities and contacts") {
    Plan p = make_synthetic_plan(60, 200, 11);
    const std::string territory = p.territories[2].id;
    ShareOptions o;
    o.scope.kind = ShareScope::Kind::Territory;
    o.scope.territory_id = territory;
    ShareResult s = make_share(p, o, "plan-share-1", at(3));
    const ShareCounts n = share_counts(p, o.scope);
    CHECK(n.accounts == s.counts.accounts);
    CHECK(n.opportunities == s.counts.opportunities);
    CHECK(n.activities == s.counts.activities);
    CHECK(n.territories == 1);
    REQUIRE(!s.file.accounts.empty());
    for (const Account& a : s.file.accounts) CHECK(a.territory_id == territory);
    for (const Opportunity& op : s.file.opportunities) CHECK(account(s.file, op.account_id));
    std::size_t expected_activities = 0;
    for (const Activity& a : p.activities)
        for (const Account& acc : s.file.accounts) expected_activities += a.account_id == acc.id;
    CHECK(s.file.activities.size() == expected_activities);
    // The file stands on its own: it reads as a valid plan (links to left-out deals are cleared).
    Plan back = through_file(s.file);
    CHECK(back.share->partial);
    CHECK(back.share->from == p.id);
    CHECK(back.commission.tiers.empty()); // the commission plan never leaves
    CHECK(back.stages.size() == p.stages.size());
    // What the plan remembers is exactly what the file holds, hash for hash, after a round trip.
    for (const Account& a : back.accounts) CHECK(remembered_hash(s.memory, Collection::Accounts, a.id) == record_hash(a));
    for (const Activity& a : back.activities) CHECK(remembered_hash(s.memory, Collection::Activities, a.id) == record_hash(a));
    CHECK(share_label(p, o.scope) == p.territories[2].name + " territory");
    CHECK(share_file_name(p, o) == p.name + " \u2014 " + p.territories[2].name + " territory.footprint.json");
}

TEST_CASE("exchanges and share info survive the plan file, hashes sorted by id") {
    Plan p = make_sample_plan(date_from_ymd(2026, 3, 2), at(2));
    SyncPeer peer;
    peer.id = "plan-other";
    peer.file = "plan-share-9";
    peer.name = "Sam's plan";
    peer.owner = "Sam Lee";
    peer.at = at(4);
    peer.kind = SyncPeer::Kind::Merged;
    peer.partial = true;
    peer.redacted = true;
    peer.records["accounts"] = {{"acc-a", 0x0123456789abcdefull}, {"acc-b", 42}};
    peer.records["routes"] = {{"r-1", 7}}; // a collection a later version added: kept
    peer.extra["x_future"] = 1;
    p.sync.push_back(peer);
    p.share = ShareInfo{"plan-src", "Source", "territory", "Downtown territory", true, true, at(5)};
    const std::string text = write_plan(p);
    CHECK(text.find("\"acc-a\":\"0123456789abcdef\"") != std::string::npos);
    LoadResult r = read_plan(text);
    REQUIRE(r.plan);
    CHECK(write_plan(*r.plan) == text);
    REQUIRE(r.plan->sync.size() == 1);
    CHECK(remembered_hash(r.plan->sync[0], Collection::Accounts, "acc-b") == 42u);
    CHECK(r.plan->share->label == "Downtown territory");

    LoadResult bad = read_plan(R"({"format":"footprint-plan","version":1,"id":"p","created":"2026-01-01T00:00:00Z",
        "modified":"2026-01-01T00:00:00Z","sync":[{"id":"x","at":"2026-01-01T00:00:00Z","kind":"lent",
        "records":{"accounts":{"a":"XYZ"}}}],"share":{"from":"p"}})");
    REQUIRE(!bad.plan);
    std::string all;
    for (const Problem& q : bad.problems) all += q.path + ": " + q.message + "\n";
    CHECK(all.find("/sync/0/kind") != std::string::npos);
    CHECK(all.find("/sync/0/records/accounts/a: expected 16 lower-case hex digits") != std::string::npos);
    CHECK(all.find("/share/scope: required field is missing") != std::string::npos);
}

TEST_CASE("a journal entry carries the exchange table when a merge or a share changed it") {
    Plan p = make_synthetic_plan(10, 10, 3);
    Plan saved = p; // what the last snapshot holds
    PlanIndex idx;
    idx.rebuild(p);
    ShareResult s = make_share(p, ShareOptions{}, "plan-share-j", at(3));
    TouchedSet touched;
    Change c = PutSyncPeer{s.memory};
    touched.note(c);
    apply_change(p, idx, std::move(c), at(3));
    CHECK(touched.sync);
    CHECK_FALSE(touched.empty());
    const std::string entry = write_journal_entry(p, idx, touched);
    CHECK(entry.find("\"sync\":true") != std::string::npos);
    PlanIndex sidx;
    sidx.rebuild(saved);
    std::vector<Problem> problems;
    REQUIRE(apply_journal_entry(saved, sidx, entry, problems));
    REQUIRE(saved.sync.size() == 1);
    CHECK(saved.sync[0].records == p.sync[0].records);
    // Forgetting every exchange replays too (an empty table is written, and replaces).
    TouchedSet forget;
    Change rm = RemoveSyncPeer{"plan-share-j"};
    forget.note(rm);
    apply_change(p, idx, std::move(rm), at(4));
    REQUIRE(apply_journal_entry(saved, sidx, write_journal_entry(p, idx, forget), problems));
    CHECK(saved.sync.empty());
    // An entry that did not touch the table leaves it alone.
    TouchedSet other;
    other.accounts.insert(p.accounts[0].id);
    saved.sync.push_back(s.memory);
    REQUIRE(apply_journal_entry(saved, sidx, write_journal_entry(p, idx, other), problems));
    CHECK(saved.sync.size() == 1);
}
