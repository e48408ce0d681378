// Merging plans: hand-worked cases of each rule (docs/plan-format.md, "Merging plans").
#include "core/synthetic_plan.h"

#include <doctest/doctest.h>

#include "merge_test_util.h"

using namespace merge_test;

namespace {

Timestamp at(int day, int minute = 0) {
    return Timestamp{std::int64_t{date_from_ymd(2026, 3, day).days} * 86'400'000 + minute * 60'000};
}

// Alice's plan; Bob merged a share of all of it into his empty plan on March 2.
struct Exchanged {
    app::Document alice;
    app::Document bob;
};

Exchanged exchanged(ShareOptions options = {}) {
    Plan a = make_synthetic_plan(8, 24, 5);
    a.id = "plan-alice";
    a.name = "Alice's plan";
    a.owner = "Alice Ng";
    Exchanged e{app::Document(std::move(a)), app::Document(make_empty_plan("plan-bob", "Bob's plan", at(1)))};
    Plan s = share(e.alice, options, "plan-share-1", at(2));
    merge_into(e.bob, s, at(2));
    return e;
}

template <typename T> void put(app::Document& d, T record, Timestamp when) {
    d.execute(app::Command{"Edit", {Put<T>{std::move(record), std::nullopt, true}}}, when);
}

} // namespace

TEST_CASE("merge: a share merged into an empty plan gives the same records; merging again changes nothing") {
    Exchanged e = exchanged();
    CHECK(records(e.bob.plan()) == records(e.alice.plan()));
    CHECK(e.bob.plan().sync.size() == 1);
    CHECK(e.bob.plan().sync[0].id == "plan-alice");
    CHECK(e.bob.plan().sync[0].file == "plan-share-1");

    std::size_t changes = 99;
    MergeReport again = merge_into(e.bob, through_file(make_share(e.alice.plan(), {}, "plan-share-1", at(2)).file), at(3), &changes);
    CHECK(changes == 0);
    CHECK(again.changes() == 0);
    // Alice merging Bob's plan finds nothing to change either (it remembers the share he merged).
    MergeOutcome back = merge_plans(e.alice.plan(), through_file(e.bob.plan()), at(3));
    CHECK(back.report.changes() == 0);
    CHECK(back.report.conflicts == 0);
    CHECK(back.report.base.find("file you shared") != std::string::npos);
}

TEST_CASE("merge: changes on one side only are taken, different fields of one record merge cleanly") {
    Exchanged e = exchanged();
    const Plan& a0 = e.alice.plan();
    const std::string x = a0.accounts[1].id, y = a0.opportunities[0].id, z = a0.activities[3].id;

    Account ax = *account(e.alice.plan(), x);
    ax.notes = "Alice: wants a 5-year term";
    put(e.alice, ax, at(4));
    e.alice.execute(app::Command{"Delete", {Remove<Activity>{z}}}, at(4));

    Account bx = *account(e.bob.plan(), x);
    bx.industry = "Logistics";
    Contact c;
    c.id = "con-bob-1";
    c.name = "Pat Doyle";
    c.modified = at(5);
    bx.contacts.push_back(c);
    put(e.bob, bx, at(5));
    Opportunity by = e.bob.plan().opportunities[0];
    REQUIRE(by.id == y);
    by.mrc = 123400;
    put(e.bob, by, at(5));
    Account w;
    w.id = "acc-bob-new";
    w.name = "Bob's New Prospect";
    put(e.bob, w, at(5));

    MergeOutcome out = merge_plans(e.alice.plan(), through_file(e.bob.plan()), at(6));
    CHECK(out.report.conflicts == 0);
    CHECK(out.report.of(RecordKind::Account).created == 1);
    CHECK(out.report.of(RecordKind::Account).updated == 1);
    CHECK(out.report.of(RecordKind::Opportunity).updated == 1);
    CHECK(out.report.of(RecordKind::Contact).created == 1);
    CHECK(out.report.of(RecordKind::Activity).deleted == 0); // Alice's own deletion is not the merge's
    e.alice.execute(app::Command{"Merge", std::move(out.changes)}, at(6));
    const Account* mx = account(e.alice.plan(), x);
    REQUIRE(mx);
    CHECK(mx->notes == "Alice: wants a 5-year term");
    CHECK(mx->industry == "Logistics");
    CHECK(mx->contacts.size() == 3);
    CHECK(account(e.alice.plan(), "acc-bob-new"));
    CHECK(e.alice.plan().opportunities[0].mrc == 123400);
    CHECK(std::none_of(e.alice.plan().activities.begin(), e.alice.plan().activities.end(),
                       [&](const Activity& a) { return a.id == z; }));
    CHECK(check_plan(e.alice.plan()).empty());

    // Bob merging Alice's plan back ends with the same records (in one round trip, no conflict).
    MergeOutcome other = merge_plans(e.bob.plan(), through_file(e.alice.plan()), at(7));
    CHECK(other.report.conflicts == 0);
    e.bob.execute(app::Command{"Merge", std::move(other.changes)}, at(7));
    CHECK(records(e.bob.plan()) == records(e.alice.plan()));
    CHECK(other.report.of(RecordKind::Activity).deleted == 1);
}

TEST_CASE("merge: the same field changed on both sides is a conflict; newer wins unless chosen") {
    Exchanged e = exchanged();
    const std::string x = e.alice.plan().accounts[2].id;
    Account ax = *account(e.alice.plan(), x);
    ax.notes = "Alice's note";
    put(e.alice, ax, at(4));
    Account bx = *account(e.bob.plan(), x);
    bx.notes = "Bob's note";
    bx.employees = 77; // Bob's only: taken without asking
    put(e.bob, bx, at(5));

    MergePreview p = prepare_merge(e.alice.plan(), through_file(e.bob.plan()));
    REQUIRE(p.conflicts.size() == 1);
    const MergeConflict& c = p.conflicts[0];
    CHECK(c.what == MergeConflict::What::Field);
    CHECK(c.kind == RecordKind::Account);
    CHECK(c.field == "notes");
    CHECK(c.mine == "Alice's note");
    CHECK(c.theirs == "Bob's note");
    CHECK(c.theirs_newer());
    CHECK(c.choice == Side::Theirs);
    CHECK_FALSE(c.no_base);
    CHECK(c.label == ax.name);

    {
        MergeOutcome out = finish_merge(e.alice.plan(), p, at(6));
        app::Document copy(e.alice.plan());
        copy.execute(app::Command{"Merge", std::move(out.changes)}, at(6));
        CHECK(account(copy.plan(), x)->notes == "Bob's note");
        CHECK(account(copy.plan(), x)->employees == 77);
        CHECK(out.report.took_theirs == 1);
    }
    choose_all(p.conflicts, Side::Mine);
    MergeOutcome out = finish_merge(e.alice.plan(), p, at(6));
    CHECK(out.report.took_mine == 1);
    e.alice.execute(app::Command{"Merge", std::move(out.changes)}, at(6));
    CHECK(account(e.alice.plan(), x)->notes == "Alice's note");
    CHECK(account(e.alice.plan(), x)->employees == 77);
    // Decided once: the same file again asks nothing and changes nothing.
    MergeOutcome again = merge_plans(e.alice.plan(), through_file(e.bob.plan()), at(7));
    CHECK(again.report.conflicts == 0);
    CHECK(again.changes.empty());
}

TEST_CASE("merge: deleted on one side and changed on the other keeps the changed record by default") {
    Exchanged e = exchanged();
    const Opportunity o = e.alice.plan().opportunities[1];
    e.alice.execute(app::Command{"Delete", {Remove<Opportunity>{o.id}}}, at(4));
    Opportunity b = o;
    b.stage = "Negotiation/Review";
    put(e.bob, b, at(5));
    MergePreview p = prepare_merge(e.alice.plan(), through_file(e.bob.plan()));
    REQUIRE(p.conflicts.size() == 1);
    CHECK(p.conflicts[0].what == MergeConflict::What::DeletedHere);
    CHECK(p.conflicts[0].choice == Side::Theirs);
    MergeOutcome out = finish_merge(e.alice.plan(), p, at(6));
    CHECK(out.report.of(RecordKind::Opportunity).created == 1);
    choose_all(p.conflicts, Side::Mine);
    CHECK(finish_merge(e.alice.plan(), p, at(6)).report.of(RecordKind::Opportunity).created == 0);

    // And the other way round: they deleted what this plan changed.
    MergePreview q = prepare_merge(e.bob.plan(), through_file(e.alice.plan()));
    REQUIRE(q.conflicts.size() == 1);
    CHECK(q.conflicts[0].what == MergeConflict::What::DeletedThere);
    CHECK(q.conflicts[0].choice == Side::Mine);
}

TEST_CASE("merge: a deletion is not applied while the merged plan still refers to the record") {
    Exchanged e = exchanged();
    const Account x = e.bob.plan().accounts[3];
    std::vector<Change> gone;
    for (const Opportunity& o : e.bob.plan().opportunities)
        if (o.account_id == x.id) gone.push_back(Remove<Opportunity>{o.id});
    for (const Activity& a : e.bob.plan().activities)
        if (a.account_id == x.id) gone.push_back(Remove<Activity>{a.id});
    gone.push_back(Remove<Account>{x.id});
    e.bob.execute(app::Command{"Delete account", gone}, at(4));
    Opportunity fresh;
    fresh.id = "opp-alice-new";
    fresh.account_id = x.id;
    fresh.name = "Upsell SD-WAN";
    fresh.stage = "Prospecting";
    put(e.alice, fresh, at(5));

    MergeOutcome out = merge_plans(e.alice.plan(), through_file(e.bob.plan()), at(6));
    e.alice.execute(app::Command{"Merge", std::move(out.changes)}, at(6));
    CHECK(account(e.alice.plan(), x.id));
    CHECK(check_plan(e.alice.plan()).empty());
    REQUIRE(!out.report.notes.empty());
    CHECK(out.report.notes[0].find("Kept account") != std::string::npos);
    CHECK(out.report.notes[0].find("Upsell SD-WAN") != std::string::npos);
}

TEST_CASE("merge: without a known exchange every differing field is asked, new records are added") {
    Plan a = make_synthetic_plan(6, 10, 9);
    Plan b = a; // a copy made outside Footprint's sharing: nothing recorded
    b.id = "plan-copy";
    a.accounts[0].notes = "one";
    a.accounts[0].modified = at(3);
    b.accounts[0].notes = "two";
    b.accounts[0].modified = at(4);
    Account n;
    n.id = "acc-only-b";
    n.name = "Only in B";
    n.modified = at(4);
    b.accounts.push_back(n);
    b.activities.pop_back(); // absent: with no base, not known to be deleted
    MergePreview p = prepare_merge(a, through_file(b));
    REQUIRE(p.conflicts.size() == 1);
    CHECK(p.conflicts[0].no_base);
    CHECK(p.conflicts[0].choice == Side::Theirs);
    CHECK(p.report.of(RecordKind::Account).created == 1);
    CHECK(p.report.of(RecordKind::Activity).deleted == 0);
    CHECK(p.report.base.find("No earlier exchange") != std::string::npos);
}

TEST_CASE("merge: one undoable command; undo gives back the plan exactly") {
    Exchanged e = exchanged();
    Account bx = e.bob.plan().accounts[0];
    bx.notes = "changed by Bob";
    put(e.bob, bx, at(5));
    const std::string before = write_plan(e.alice.plan());
    const std::size_t depth = e.alice.undo_depth();
    merge_into(e.alice, e.bob.plan(), at(6));
    CHECK(e.alice.undo_depth() == depth + 1);
    CHECK(write_plan(e.alice.plan()) != before);
    REQUIRE(e.alice.undo(at(7)));
    // Undo stamps the plan's own modified time; everything else is as it was.
    Plan undone = e.alice.plan();
    undone.modified = Timestamp{};
    Plan original = read_plan(before).plan.value();
    original.modified = Timestamp{};
    CHECK(write_plan(undone) == write_plan(original));
}

TEST_CASE("merge: a redacted share coming back never blanks this plan's personal details") {
    for (bool bob_merged_it : {true, false}) {
        CAPTURE(bob_merged_it);
        Plan a = make_synthetic_plan(8, 24, 5);
        a.id = "plan-alice";
        app::Document alice(std::move(a));
        ShareOptions o;
        o.redact = true;
        Plan s = share(alice, o, "plan-share-r", at(2));
        // Bob either merges the share into his plan, or opens it as his plan (which forgets that
        // it was a share file, as App::open_plan_file does).
        Plan opened = s;
        opened.share.reset();
        app::Document bob(bob_merged_it ? make_empty_plan("plan-bob", "Bob", at(1)) : opened);
        if (bob_merged_it) merge_into(bob, s, at(2));
        const Account original = alice.plan().accounts[2];
        Account bx = *account(bob.plan(), original.id);
        CHECK(bx.contacts[0].name.empty());
        bx.employees = 4321;
        put(bob, bx, at(5));
        Opportunity bo = bob.plan().opportunities[0];
        bo.mrc = 99900;
        put(bob, bo, at(5));

        MergeOutcome out = merge_plans(alice.plan(), through_file(bob.plan()), at(6));
        CHECK(out.report.conflicts == 0);
        alice.execute(app::Command{"Merge", std::move(out.changes)}, at(6));
        const Account* merged = account(alice.plan(), original.id);
        REQUIRE(merged);
        CHECK(merged->employees == 4321);
        CHECK(merged->contacts[0].name == original.contacts[0].name);
        CHECK(merged->contacts[0].phone == original.contacts[0].phone);
        CHECK(merged->contacts[0].email == original.contacts[0].email);
        CHECK(merged->notes == original.notes);
        CHECK(alice.plan().opportunities[0].mrc == 99900);
        for (const Activity& act : alice.plan().activities)
            CHECK(act.subject.find("[contact]") == std::string::npos);
    }
}

TEST_CASE("merge: a record changed after an exchange keeps its base, so both sides' fields merge") {
    Exchanged e = exchanged();
    const std::string x = e.alice.plan().accounts[4].id;
    Account ax = *account(e.alice.plan(), x);
    ax.sites = 9;
    put(e.alice, ax, at(4));
    // Alice's record now carries a copy of what Bob has, under its hash.
    const Account* kept = account(e.alice.plan(), x);
    const std::uint64_t shared_hash = *remembered_hash(e.alice.plan().sync[0], Collection::Accounts, x);
    CHECK(base_copy(kept->extra, shared_hash));
    // A second edit keeps the same single copy.
    ax = *kept;
    ax.sites = 10;
    put(e.alice, ax, at(4, 5));
    CHECK(account(e.alice.plan(), x)->extra[std::string(kBaseCopiesKey)].size() == 1);
    // The copy never leaves in a file shared with someone else.
    CHECK(write_plan(make_share(e.alice.plan(), {}, "plan-share-2", at(4)).file).find(kBaseCopiesKey) ==
          std::string::npos);
}

// Found by fuzz_plan_merge (tests/fuzz/corpus/plan_merge/stage-only-theirs): the stage list was
// computed after the opportunities had been moved into the changes, so a stage only their plan has
// was never added and the merged plan named a stage it did not hold.
TEST_CASE("merge: a stage only their plan has comes along with their opportunity that uses it") {
    Plan a = make_synthetic_plan(6, 10, 9);
    Plan b = a;
    b.id = "plan-copy";
    Stage scoping{"Scoping call", 15, ForecastCategory::Pipeline, false, false};
    b.stages.insert(b.stages.begin(), scoping);
    Opportunity scoped = b.opportunities[0];
    scoped.id = "opp-only-b";
    scoped.stage = scoping.name;
    scoped.modified = at(4);
    b.opportunities.push_back(scoped);
    a.stages.erase(std::remove_if(a.stages.begin(), a.stages.end(),
                                  [&](const Stage& s) { return s.name == scoping.name; }),
                   a.stages.end());
    app::Document doc(std::move(a));
    const MergeReport report = merge_into(doc, b, at(5));
    CHECK(check_plan(doc.plan()).empty());
    REQUIRE(std::any_of(doc.plan().stages.begin(), doc.plan().stages.end(),
                        [&](const Stage& s) { return s.name == scoping.name; }));
    CHECK(doc.plan().stages.back().name == scoping.name); // after this plan's own stages
    CHECK(std::any_of(report.notes.begin(), report.notes.end(),
                      [](const std::string& n) { return n.find("Added stage") != std::string::npos; }));
}

// Found by fuzz_plan_merge (tests/fuzz/corpus/plan_merge/clock-behind): exchanges were ordered by
// the clocks of the machines that made them, so a merge made on a computer whose clock is behind
// the other's was not taken as the newest exchange, and merging the same file again asked the same
// question again.
TEST_CASE("merge: a computer whose clock is behind still merges the same file twice without a change") {
    Exchanged e = exchanged(); // Bob merged Alice's share on March 2
    const std::string x = e.alice.plan().accounts[0].id;
    Account bx = *account(e.bob.plan(), x);
    bx.notes = "Bob's note";
    put(e.bob, bx, at(3));
    Account ax = *account(e.alice.plan(), x);
    ax.notes = "Alice's note";
    put(e.alice, ax, at(4));

    const Timestamp behind = at(1); // Alice's clock says March 1
    const Plan bob = through_file(e.bob.plan());
    MergeOutcome first = merge_plans(e.alice.plan(), bob, behind);
    REQUIRE(first.report.conflicts == 1);
    e.alice.execute(app::Command{"Merge", std::move(first.changes)}, behind);
    CHECK(account(e.alice.plan(), x)->notes == "Alice's note"); // the newer side by default

    MergeOutcome again = merge_plans(e.alice.plan(), bob, Timestamp{behind.ms + 1000});
    CHECK(again.report.conflicts == 0);
    CHECK(again.changes.empty());
}
