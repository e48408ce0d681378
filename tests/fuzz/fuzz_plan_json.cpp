// libFuzzer harness for the plan file: any input either fails with problems or reads into a plan
// whose written text is a fixed point (write, read, write again gives the same bytes).
// Seeds: tests/fuzz/corpus/plan_json/. Run: fuzz_plan_json -max_total_time=60 CORPUS_DIR
#include "core/plan_json.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

using namespace footprint::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    LoadResult first = read_plan(text);
    if (first.plan.has_value() != first.problems.empty()) {
        std::fprintf(stderr, "a plan must come with no problems, and no plan with some\n");
        std::abort();
    }
    for (const Problem& p : first.problems) {
        // Paths are JSON Pointers: empty or starting with '/'.
        if (!p.path.empty() && p.path[0] != '/') std::abort();
        if (p.message.empty()) std::abort();
    }
    if (first.problems.size() > kMaxProblems + 1) std::abort();
    if (!first.plan) return 0;

    const std::string written = write_plan(*first.plan);
    LoadResult second = read_plan(written);
    if (!second.plan) {
        std::fprintf(stderr, "the written plan does not read back:\n");
        for (const Problem& p : second.problems)
            std::fprintf(stderr, "  %s\n", format_problem("written", p).c_str());
        std::abort();
    }
    const std::string rewritten = write_plan(*second.plan);
    if (rewritten != written) {
        std::fprintf(stderr, "write(read(write(p))) differs from write(p)\n");
        std::abort();
    }
    return 0;
}
