// Edits, undo/redo and autosave scheduling, natively.
#include "app/document.h"
#include "app/save.h"
#include "core/plan_json.h"

#include <doctest/doctest.h>

using namespace footprint;
using core::Account;
using core::Timestamp;

namespace {

Account account(std::string id, std::string name) {
    Account a;
    a.id = std::move(id);
    a.name = std::move(name);
    return a;
}

app::Command put(Account a, std::string label = "Edit") {
    return app::Command{std::move(label), {core::Put<Account>{std::move(a), std::nullopt, true}}};
}

std::string names(const core::Plan& p) {
    std::string s;
    for (const auto& a : p.accounts) s += a.name + ",";
    return s;
}

} // namespace

TEST_CASE("put inserts, replaces, and undo restores the exact previous state") {
    app::Document doc(core::make_empty_plan("p", "Plan", Timestamp{1}));
    doc.execute(put(account("a", "Alpha")), Timestamp{10});
    doc.execute(put(account("b", "Bravo")), Timestamp{20});
    doc.execute(put(account("a", "Alpha 2")), Timestamp{30});
    CHECK(names(doc.plan()) == "Alpha 2,Bravo,");
    CHECK(doc.plan().accounts[0].modified.ms == 30);
    CHECK(doc.undo(Timestamp{40}));
    CHECK(names(doc.plan()) == "Alpha,Bravo,");
    CHECK(doc.plan().accounts[0].modified.ms == 10); // undo restores the record's own time
    CHECK(doc.undo(Timestamp{50}));
    CHECK(doc.undo(Timestamp{60}));
    CHECK(doc.plan().accounts.empty());
    CHECK_FALSE(doc.undo(Timestamp{70}));
    CHECK(doc.redo(Timestamp{80}));
    CHECK(doc.redo(Timestamp{90}));
    CHECK(doc.redo(Timestamp{100}));
    CHECK(names(doc.plan()) == "Alpha 2,Bravo,");
    CHECK_FALSE(doc.redo(Timestamp{110}));
}

TEST_CASE("remove and its undo put the record back at the same position") {
    app::Document doc(core::make_empty_plan("p", "Plan", Timestamp{1}));
    for (const char* n : {"a", "b", "c", "d"}) doc.execute(put(account(n, n)), Timestamp{1});
    doc.execute(app::Command{"Delete", {core::Remove<Account>{"b"}}}, Timestamp{2});
    CHECK(names(doc.plan()) == "a,c,d,");
    CHECK(doc.index().account("c") == std::optional<std::size_t>(1));
    CHECK_FALSE(doc.index().account("b"));
    doc.undo(Timestamp{3});
    CHECK(names(doc.plan()) == "a,b,c,d,");
    CHECK(doc.index().account("b") == std::optional<std::size_t>(1));
    CHECK(doc.index().account("d") == std::optional<std::size_t>(3));
}

TEST_CASE("a multi-change command undoes as one step; a new edit clears redo") {
    app::Document doc(core::make_empty_plan("p", "Plan", Timestamp{1}));
    app::Command bulk{"Import 3 accounts", {}};
    for (const char* n : {"x", "y", "z"})
        bulk.changes.push_back(core::Put<Account>{account(n, n), std::nullopt, true});
    doc.execute(std::move(bulk), Timestamp{5});
    CHECK(doc.plan().accounts.size() == 3);
    CHECK(doc.undo_label() == "Import 3 accounts");
    doc.undo(Timestamp{6});
    CHECK(doc.plan().accounts.empty());
    CHECK(doc.can_redo());
    doc.execute(put(account("q", "q")), Timestamp{7});
    CHECK_FALSE(doc.can_redo());
}

TEST_CASE("plan-wide settings and plan info are undoable") {
    app::Document doc(core::make_empty_plan("p", "Plan", Timestamp{1}));
    core::Settings s = doc.plan().settings;
    s.road_factor = 1.5;
    doc.execute(app::Command{"Settings", {core::Set<core::Settings>{s}}}, Timestamp{2});
    doc.execute(app::Command{"Rename", {core::Set<core::PlanInfo>{{"Renamed", "Jordan", false}}}},
                Timestamp{3});
    CHECK(doc.plan().name == "Renamed");
    CHECK(doc.plan().settings.road_factor == doctest::Approx(1.5));
    doc.undo(Timestamp{4});
    doc.undo(Timestamp{5});
    CHECK(doc.plan().name == "Plan");
    CHECK(doc.plan().settings.road_factor == doctest::Approx(1.3));
}

TEST_CASE("the history keeps at least 200 steps and drops the oldest beyond its limit") {
    app::Document doc(core::make_empty_plan("p", "Plan", Timestamp{1}));
    for (int i = 0; i < 600; ++i) doc.execute(put(account("a", "v" + std::to_string(i))), Timestamp{i});
    CHECK(doc.undo_depth() == app::Document::kDefaultUndoLimit);
    int undone = 0;
    while (doc.undo(Timestamp{1000})) ++undone;
    CHECK(undone >= 200);
    CHECK(doc.plan().accounts.at(0).name == "v99"); // the 100 oldest steps were dropped
}

TEST_CASE("revision bumps on every change; generation only when the plan is replaced") {
    app::Document doc;
    auto r0 = doc.revision();
    auto g0 = doc.generation();
    doc.execute(put(account("a", "A")), Timestamp{1});
    CHECK(doc.revision() == r0 + 1);
    doc.undo(Timestamp{2});
    CHECK(doc.revision() == r0 + 2);
    doc.execute(app::Command{"nothing", {}}, Timestamp{3}); // empty commands change nothing
    CHECK(doc.revision() == r0 + 2);
    CHECK(doc.generation() == g0);
    doc.reset(core::make_empty_plan("p2", "Other", Timestamp{4}));
    CHECK(doc.generation() == g0 + 1);
    CHECK_FALSE(doc.can_undo());
}

// --- autosave -----------------------------------------------------------------------------------

namespace {

struct FakeSink : app::SaveSink {
    std::vector<std::string> saves;
    int syncs = 0;
    bool fail_write = false;
    bool write_save(const std::string& text, std::string& error) override {
        if (fail_write) {
            error = "No space left on device";
            return false;
        }
        saves.push_back(text);
        return true;
    }
    void start_sync() override { ++syncs; }
};

struct Harness {
    app::Document doc{core::make_empty_plan("p", "Plan", Timestamp{1})};
    app::SaveScheduler saver;
    FakeSink sink;
    double now = 1000;
    void frame(double advance_ms = 16) {
        now += advance_ms;
        saver.frame(doc, sink, [this] { return now; }, 8.0);
    }
    void edit(const std::string& name) {
        doc.execute(put(account("a", name)), Timestamp{static_cast<std::int64_t>(now)});
    }
};

} // namespace

TEST_CASE("autosave writes after the debounce, well within 500 ms of the last edit") {
    Harness h;
    h.saver.mark_clean(h.doc);
    h.edit("one");
    h.frame();
    CHECK(h.sink.saves.empty()); // still within the debounce
    CHECK(h.saver.state() == app::SaveState::Pending);
    for (int i = 0; i < 12; ++i) h.frame();
    REQUIRE(h.sink.saves.size() == 1);
    CHECK(h.sink.syncs == 1);
    CHECK(h.saver.state() == app::SaveState::Saving);
    h.saver.on_sync_done(app::SyncError::None, "", Timestamp{5}, h.now, h.sink);
    CHECK(h.saver.state() == app::SaveState::Saved);
    CHECK(h.saver.last_saved()->ms == 5);
    auto loaded = core::read_plan(h.sink.saves[0]);
    REQUIRE(loaded.plan);
    CHECK(loaded.plan->accounts.at(0).name == "one");
}

TEST_CASE("one sync at a time: changes during a sync queue exactly one more") {
    Harness h;
    h.saver.mark_clean(h.doc);
    h.edit("one");
    for (int i = 0; i < 20; ++i) h.frame();
    REQUIRE(h.sink.syncs == 1);
    // Two more saves are written while the first sync is still running...
    h.edit("two");
    for (int i = 0; i < 20; ++i) h.frame();
    h.edit("three");
    for (int i = 0; i < 20; ++i) h.frame();
    CHECK(h.sink.saves.size() == 3);
    CHECK(h.sink.syncs == 1); // ...but no second sync starts until the first is done
    h.saver.on_sync_done(app::SyncError::None, "", Timestamp{1}, h.now, h.sink);
    CHECK(h.sink.syncs == 2); // exactly one queued sync, covering both saves
    CHECK(h.saver.state() == app::SaveState::Saving);
    h.saver.on_sync_done(app::SyncError::None, "", Timestamp{2}, h.now, h.sink);
    CHECK(h.sink.syncs == 2);
    CHECK(h.saver.state() == app::SaveState::Saved);
}

TEST_CASE("a quota error is reported and the plan stays unsaved, not lost") {
    Harness h;
    h.saver.mark_clean(h.doc);
    h.edit("one");
    for (int i = 0; i < 20; ++i) h.frame();
    h.saver.on_sync_done(app::SyncError::QuotaExceeded, "QuotaExceededError", Timestamp{1}, h.now, h.sink);
    CHECK(h.saver.state() == app::SaveState::Error);
    CHECK(h.saver.quota_exceeded());
    CHECK(h.saver.error().find("export") != std::string::npos);
    CHECK_FALSE(h.saver.last_saved());
    // The next edit tries again, and success clears the error.
    h.edit("two");
    for (int i = 0; i < 20; ++i) h.frame();
    h.saver.on_sync_done(app::SyncError::None, "", Timestamp{2}, h.now, h.sink);
    CHECK(h.saver.state() == app::SaveState::Saved);
    CHECK(h.saver.error().empty());
}

TEST_CASE("a failed write keeps the error and retries later") {
    Harness h;
    h.saver.mark_clean(h.doc);
    h.sink.fail_write = true;
    h.edit("one");
    for (int i = 0; i < 20; ++i) h.frame();
    CHECK(h.saver.state() == app::SaveState::Error);
    CHECK(h.saver.error().find("No space left") != std::string::npos);
    h.sink.fail_write = false;
    for (int i = 0; i < 200; ++i) h.frame();
    CHECK(h.sink.saves.size() == 1);
}

TEST_CASE("flush writes at once when the page is hidden") {
    Harness h;
    h.saver.mark_clean(h.doc);
    h.edit("one");
    h.saver.flush(h.doc, h.now, h.sink);
    CHECK(h.sink.saves.size() == 1);
    CHECK(h.sink.syncs == 1);
    h.saver.flush(h.doc, h.now, h.sink); // nothing new: nothing written
    CHECK(h.sink.saves.size() == 1);
}

TEST_CASE("save file names sort by sequence and parse back") {
    CHECK(app::save_file_name(42) == "save-000000000042.json");
    CHECK(app::save_sequence("save-000000000042.json") == std::optional<std::uint64_t>(42));
    CHECK_FALSE(app::save_sequence("save-000000000042.json.tmp"));
    CHECK_FALSE(app::save_sequence("save-00000000004x.json"));
    CHECK_FALSE(app::save_sequence("plan.json"));
}

TEST_CASE("startup opens the newest good save and names the ones it skipped") {
    core::Plan good = core::make_empty_plan("p", "Good", Timestamp{1});
    std::string good_text = core::write_plan(good);
    std::vector<std::string> names = {"save-000000000003.json", "save-000000000002.json",
                                      "save-000000000001.json"};
    auto read = [&](const std::string& n) -> std::optional<std::string> {
        if (n == names[0]) return std::string("{\"format\": \"footprint-plan\", \"vers");
        if (n == names[1]) return std::nullopt;
        return good_text;
    };
    app::StartupResult r = app::open_newest_good_save(names, read);
    REQUIRE(r.plan);
    CHECK(r.plan->name == "Good");
    CHECK(r.opened == names[2]);
    REQUIRE(r.skipped.size() == 2);
    CHECK(r.skipped[0].rfind("save-000000000003.json:", 0) == 0);
    CHECK(r.skipped[1] == "save-000000000002.json: could not be read");

    app::StartupResult none = app::open_newest_good_save({}, read);
    CHECK_FALSE(none.plan);
}
