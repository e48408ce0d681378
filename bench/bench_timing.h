// Timing for the native benchmarks: the median CPU time of this thread (the steadier measure on a
// shared machine) and the median wall time over several runs.
#pragma once

#include <algorithm>
#include <chrono>
#include <functional>
#include <time.h>
#include <vector>

namespace footprint::bench {

inline double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

struct Timing {
    double cpu = 0, wall = 0;
};

inline Timing median_ms(int runs, const std::function<void()>& f) {
    using Clock = std::chrono::steady_clock;
    std::vector<double> cpu, wall;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        const double c0 = cpu_ms();
        f();
        cpu.push_back(cpu_ms() - c0);
        wall.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(cpu.begin(), cpu.end());
    std::sort(wall.begin(), wall.end());
    return {cpu[cpu.size() / 2], wall[wall.size() / 2]};
}

} // namespace footprint::bench
