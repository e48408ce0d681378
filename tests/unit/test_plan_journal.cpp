// Journal entries: written from touched records, applied by id, and refused whole when bad.
#include "core/plan_journal.h"
#include "core/synthetic_plan.h"

#include <doctest/doctest.h>

using namespace footprint::core;

namespace {
Plan base_plan() { return make_synthetic_plan(20, 30, 3); }
} // namespace

TEST_CASE("an entry carries touched records and removals, and replays onto the old plan") {
    Plan before = base_plan();
    Plan after = before;
    PlanIndex idx;
    idx.rebuild(after);
    TouchedSet touched;
    Account edited = after.accounts[3];
    edited.name = "Renamed Co.";
    touched.note(apply_change(after, idx, Put<Account>{edited, std::nullopt, true}, Timestamp{9}));
    touched.note(apply_change(after, idx, Remove<Activity>{after.activities[0].id}, Timestamp{9}));
    touched = TouchedSet{};
    touched.accounts.insert(edited.id);
    touched.activities.insert(before.activities[0].id);
    after.settings.road_factor = 1.6;
    std::string entry = write_journal_entry(after, idx, touched);
    CHECK(entry.size() < write_plan(after).size() / 4);

    PlanIndex bidx;
    bidx.rebuild(before);
    std::vector<Problem> problems;
    REQUIRE(apply_journal_entry(before, bidx, entry, problems));
    CHECK(problems.empty());
    CHECK(write_plan(before) == write_plan(after));
}

TEST_CASE("a bad entry changes nothing and says why") {
    const char* bad[][2] = {
        {"{\"format\":\"footprint-journal\",\"version\":1,\"plan\":{\"format\":\"footprint-pl", ""},
        {"[]", ""},
        {"{\"format\":\"footprint-plan\",\"version\":1,\"plan\":{}}", "/format"},
        {"{\"format\":\"footprint-journal\",\"version\":2,\"plan\":{}}", "/version"},
        {"{\"format\":\"footprint-journal\",\"version\":1}", "/plan"},
        {"{\"format\":\"footprint-journal\",\"version\":1,\"removed\":{\"accounts\":[1]},\"plan\":{}}",
         "/removed/accounts"},
        {"{\"format\":\"footprint-journal\",\"version\":1,\"removed\":[],\"plan\":{}}", "/removed"},
        {"{\"format\":\"footprint-journal\",\"version\":1,\"plan\":{\"format\":\"footprint-plan\","
         "\"version\":1}}",
         "/plan/"},
    };
    for (const auto& row : bad) {
        const char* text = row[0];
        const char* path = row[1];
        CAPTURE(text);
        Plan p = base_plan();
        const std::string before = write_plan(p);
        PlanIndex idx;
        idx.rebuild(p);
        std::vector<Problem> problems;
        CHECK_FALSE(apply_journal_entry(p, idx, text, problems));
        REQUIRE_FALSE(problems.empty());
        CHECK(problems[0].path.rfind(path, 0) == 0);
        CHECK(write_plan(p) == before);
    }
}
