// Plan file speed on a big plan: write_plan, read_plan and sliced PlanWriter steps.
// Usage: bench_plan_io [ACCOUNTS [ACTIVITIES]]   (defaults: 100000 accounts, 200000 activities)
#include "core/plan_json.h"
#include "core/plan_store.h"
#include "core/synthetic_plan.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace footprint::core;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    const int accounts = argc > 1 ? std::atoi(argv[1]) : 100'000;
    const int activities = argc > 2 ? std::atoi(argv[2]) : 200'000;
    constexpr int kRuns = 5;

    auto start = Clock::now();
    const Plan plan = make_synthetic_plan(accounts, activities, 2026);
    const double generate_ms = ms_since(start);

    std::vector<double> write_ms, read_ms;
    std::string text;
    for (int i = 0; i < kRuns; ++i) {
        start = Clock::now();
        text = write_plan(plan);
        write_ms.push_back(ms_since(start));
    }
    for (int i = 0; i < kRuns; ++i) {
        start = Clock::now();
        LoadResult r = read_plan(text);
        read_ms.push_back(ms_since(start));
        if (!r.plan) {
            std::fprintf(stderr, "bench_plan_io: the synthetic plan did not read back: %s\n",
                         r.problems.empty() ? "?" : format_problem("synthetic", r.problems[0]).c_str());
            return 1;
        }
    }

    // The web app saves in slices across frames: how long does one slice take at worst?
    constexpr std::size_t kSlice = 2000;
    double worst_step_ms = 0;
    int steps = 0;
    PlanWriter writer(plan);
    for (bool done = false; !done; ++steps) {
        start = Clock::now();
        done = writer.step(kSlice);
        worst_step_ms = std::max(worst_step_ms, ms_since(start));
    }
    if (writer.take() != text) {
        std::fprintf(stderr, "bench_plan_io: sliced writing differs from write_plan\n");
        return 1;
    }

    // The stored snapshot in the browser: compressed as it is written, read a piece at a time.
    std::vector<double> store_ms, load_ms;
    std::string stored;
    for (int i = 0; i < kRuns; ++i) {
        start = Clock::now();
        stored = compress_plan(plan);
        store_ms.push_back(ms_since(start));
    }
    for (int i = 0; i < kRuns; ++i) {
        start = Clock::now();
        LoadResult r = read_stored_plan(stored);
        load_ms.push_back(ms_since(start));
        if (!r.plan) {
            std::fprintf(stderr, "bench_plan_io: the stored snapshot did not read back\n");
            return 1;
        }
    }

    std::size_t contacts = 0, services = 0;
    for (const Account& a : plan.accounts) {
        contacts += a.contacts.size();
        services += a.services.size();
    }
    const double mb = static_cast<double>(text.size()) / (1024.0 * 1024.0);
    std::printf("Plan: %d accounts, %zu contacts, %zu services, %zu opportunities, %d activities "
                "(generated in %.0f ms)\n\n",
                accounts, contacts, services, plan.opportunities.size(), activities, generate_ms);
    std::printf("| measure | value |\n|---|---|\n");
    std::printf("| file size | %.1f MB (%zu bytes) |\n", mb, text.size());
    std::printf("| write_plan (median of %d) | %.0f ms (%.0f MB/s) |\n", kRuns, median(write_ms),
                mb / (median(write_ms) / 1000.0));
    std::printf("| read_plan (median of %d) | %.0f ms (%.0f MB/s) |\n", kRuns, median(read_ms),
                mb / (median(read_ms) / 1000.0));
    std::printf("| PlanWriter step(%zu), worst of %d steps | %.1f ms |\n", kSlice, steps, worst_step_ms);
    const double stored_mb = static_cast<double>(stored.size()) / (1024.0 * 1024.0);
    std::printf("| stored snapshot (gzip level 1) | %.1f MB (%.1fx smaller) |\n", stored_mb, mb / stored_mb);
    std::printf("| SnapshotWriter: serialise + compress (median of %d) | %.0f ms |\n", kRuns, median(store_ms));
    std::printf("| read_stored_plan: decompress + parse + check (median of %d) | %.0f ms |\n", kRuns,
                median(load_ms));
    return 0;
}
