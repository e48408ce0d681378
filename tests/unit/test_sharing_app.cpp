// The app's share, merge and roll-up actions: what the UI and the test API call.
#include "app/sharing.h"
#include "core/plan_json.h"
#include "core/synthetic_plan.h"

#include <doctest/doctest.h>

using namespace footprint;

namespace {

struct TestApp {
    double ms = 0;
    std::int64_t wall_ms = std::int64_t{core::date_from_ymd(2027, 3, 10).days} * 86400000; // after every synthetic time
    app::App app;
    TestApp()
        : app(app::Clock{[this] { return ms += 1; }, [this] { return core::Timestamp{wall_ms += 1000}; },
                         [] { return core::date_from_ymd(2026, 3, 10); }},
              42) {}
};

void run(app::MergeFlow& flow, app::App& a) {
    for (int i = 0; i < 10000 && flow.step(a, 5); ++i) {
    }
}

} // namespace

TEST_CASE("app: a share records what was shared without an undo step; its file merges back cleanly") {
    TestApp t;
    core::Plan p = core::make_synthetic_plan(12, 30, 4);
    t.app.open_stored(p);
    const std::uint64_t revision = t.app.doc().revision();
    core::ShareOptions o;
    o.scope.kind = core::ShareScope::Kind::Territory;
    o.scope.territory_id = p.accounts[0].territory_id;
    app::ShareFile f = app::share_plan(t.app, o);
    CHECK(f.name.find(".footprint.json") != std::string::npos);
    CHECK(f.counts.accounts >= 1);
    CHECK(t.app.doc().revision() == revision + 1); // saved like a change
    CHECK_FALSE(t.app.doc().can_undo());          // but nothing to undo
    REQUIRE(t.app.plan().sync.size() == 1);
    CHECK(t.app.plan().sync[0].kind == core::SyncPeer::Kind::Shared);
    CHECK(t.app.doc().touched().sync);

    // The same file merged into the plan it came from changes nothing.
    app::MergeFlow flow;
    flow.start(t.app, f.name, f.text);
    CHECK(flow.busy());
    run(flow, t.app);
    REQUIRE(flow.stage() == app::MergeFlow::Stage::Ready);
    CHECK(flow.preview().conflicts.empty());
    CHECK(flow.preview().report.changes() == 0);
}

TEST_CASE("app: a merge is one undo step with a notice; a bad file changes nothing") {
    TestApp t;
    core::Plan mine = core::make_synthetic_plan(10, 20, 8);
    t.app.open_stored(mine);
    core::Plan theirs = mine;
    theirs.id = "plan-theirs";
    core::Account extra;
    extra.id = "acc-new";
    extra.name = "Brand New Co";
    theirs.accounts.push_back(extra);

    app::MergeFlow flow;
    flow.start(t.app, "bad.json", "{\"format\":\"footprint-plan\",\"version\":1,\"accounts\":5}");
    run(flow, t.app);
    CHECK(flow.stage() == app::MergeFlow::Stage::Idle);
    CHECK(t.app.notices().back().title == "Could not merge bad.json");
    CHECK(t.app.notices().back().details[0] == "bad.json: /accounts: expected an array");

    flow.start(t.app, "theirs.footprint.json", core::write_plan(theirs));
    run(flow, t.app);
    REQUIRE(flow.stage() == app::MergeFlow::Stage::Ready);
    CHECK(flow.preview().report.of(core::RecordKind::Account).created == 1);
    // An edit while the preview is open: apply compares again instead of merging a stale preview.
    core::Account a = t.app.plan().accounts[0];
    a.notes = "edited meanwhile";
    t.app.put_account(a, "Edit account");
    CHECK_FALSE(flow.apply(t.app));
    CHECK(flow.stage() == app::MergeFlow::Stage::Comparing);
    run(flow, t.app);
    const std::size_t depth = t.app.doc().undo_depth();
    REQUIRE(flow.apply(t.app));
    CHECK(t.app.doc().undo_depth() == depth + 1);
    CHECK(t.app.doc().undo_label() == "Merge theirs.footprint.json (1 change)");
    CHECK(t.app.notices().back().title == "Merged theirs.footprint.json");
    CHECK(t.app.plan().accounts.back().id == "acc-new");
    REQUIRE(t.app.undo());
    CHECK(t.app.plan().accounts.size() == mine.accounts.size());
    CHECK(t.app.plan().sync.empty()); // undo forgets the exchange too
}

TEST_CASE("app: the roll-up keeps read-only plans, refuses the same plan twice") {
    TestApp t;
    app::TeamRollup r;
    core::Plan a = core::make_synthetic_plan(20, 0, 1);
    core::Plan b = core::make_synthetic_plan(20, 0, 2);
    b.owner = "Sam Lee";
    CHECK(r.add(t.app, "a.json", core::write_plan(a)));
    CHECK(r.add(t.app, "b.json", core::write_plan(b)));
    CHECK_FALSE(r.add(t.app, "a-again.json", core::write_plan(a)));
    CHECK(t.app.notices().back().title == "Already in the roll-up");
    CHECK_FALSE(r.add(t.app, "junk.json", "not json"));
    REQUIRE(r.plans().size() == 2);
    core::RollupOptions o{core::YearMonth::of(2025, 6), 6, std::nullopt};
    const core::Rollup& first = r.rollup(o);
    CHECK(first.reps.size() == 2);
    CHECK(&r.rollup(o) == &first);
    r.remove(0);
    CHECK(r.rollup(o).reps.size() == 1);
    CHECK(r.rollup(o).reps[0].rep == "Sam Lee");
}
