// libFuzzer harness for merging: the input is two plan documents separated by a line holding only
// "---". When both read as plans, merging the second into the first must give a valid plan that
// reads back, and merging the same file again must change nothing; a redacted share of the result
// must read back too. Seeds: tests/fuzz/corpus/plan_merge/.
#include "app/document.h"
#include "core/plan_json.h"
#include "core/plan_merge.h"
#include "core/plan_share.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

using namespace footprint;
using namespace footprint::core;

namespace {

[[noreturn]] void fail(const char* what, const std::vector<Problem>& problems = {}) {
    std::fprintf(stderr, "%s\n", what);
    for (const Problem& p : problems) std::fprintf(stderr, "  %s\n", format_problem("result", p).c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t cut = input.find("\n---\n");
    if (cut == std::string_view::npos) return 0;
    LoadResult mine = read_plan(input.substr(0, cut));
    LoadResult theirs = read_plan(input.substr(cut + 5));
    if (!mine.plan || !theirs.plan) return 0;
    const Plan their_plan = *theirs.plan;

    app::Document doc(std::move(*mine.plan));
    const Timestamp now{1'790'000'000'000};
    MergeOutcome first = merge_plans(doc.plan(), their_plan, now);
    doc.execute(app::Command{"Merge", std::move(first.changes)}, now);
    if (std::vector<Problem> p = check_plan(doc.plan()); !p.empty()) fail("the merged plan is not valid", p);
    const std::string written = write_plan(doc.plan());
    LoadResult back = read_plan(written);
    if (!back.plan) fail("the merged plan does not read back", back.problems);

    MergeOutcome again = merge_plans(doc.plan(), their_plan, Timestamp{now.ms + 1000});
    if (!again.changes.empty()) fail("merging the same file twice changed the plan the second time");

    ShareOptions o;
    o.redact = true;
    LoadResult shared = read_plan(write_plan(make_share(doc.plan(), o, "plan-fuzz-share", now).file));
    if (!shared.plan) fail("a redacted share of the merged plan does not read back", shared.problems);
    return 0;
}
