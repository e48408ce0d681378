// libFuzzer harness for journal entries: applying any input to a plan must not crash, and a
// refused entry must leave the plan exactly as it was.
#include "core/plan_journal.h"
#include "core/synthetic_plan.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace footprint::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Plan base = make_synthetic_plan(5, 8, 1);
    static const std::string base_text = write_plan(base);
    Plan plan = base;
    PlanIndex index;
    index.rebuild(plan);
    std::vector<Problem> problems;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    if (!apply_journal_entry(plan, index, text, problems)) {
        if (problems.empty() || write_plan(plan) != base_text) std::abort();
    }
    return 0;
}
