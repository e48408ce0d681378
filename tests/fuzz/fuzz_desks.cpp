// libFuzzer harness for the desks: any plan the reader accepts (with odd rules, stages, dates and
// references) computes every desk without a crash, with scores in 0..100 whose parts add up, in
// one go and in slices alike. Seeds: tests/fuzz/corpus/desks/ (plan files).
// Run: fuzz_desks -max_total_time=60 CORPUS_DIR
#include "core/plan_json.h"
#include "core/priority.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace footprint::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    LoadResult r = read_plan(text);
    if (!r.plan) return 0;
    const Plan& plan = *r.plan;
    const Date today = date_from_ymd(2026, 11, 26);
    const DeskData d = compute_desks(plan, today);
    for (const AccountPriority& p : d.priorities) {
        if (p.account >= plan.accounts.size()) std::abort();
        if (!(p.score > 0) || p.score > 100.0001) std::abort();
        double sum = 0;
        for (float x : p.points) sum += x;
        if (std::fabs(sum - p.score) > 1e-3) std::abort();
        for (int f = 0; f < kPriorityFactors; ++f)
            if (explain_factor(plan, d, p, static_cast<PriorityFactor>(f)).empty()) std::abort();
    }
    for (const WhitespaceRow& row : d.whitespace.rows)
        for (const Recommendation& rec : d.whitespace.of(row)) {
            if (rec.value <= 0 || rec.quantity < 1) std::abort();
            if (recommendation_reason(plan, plan.accounts[row.account], rec).empty()) std::abort();
        }
    DeskJob job(plan, today);
    while (!job.step(3)) {
    }
    if (job.result().priorities.size() != d.priorities.size()) std::abort();
    return 0;
}
