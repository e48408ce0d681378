// Stable, globally unique record ids ("acc-3f9c2a…") so that plans from different people merge.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace footprint::app {

class IdGenerator {
public:
    // The seed mixes the clock and any entropy the platform has; the sequence is still unique
    // within one session even if two generators share a seed, thanks to the counter.
    explicit IdGenerator(std::uint64_t seed) : state_(seed ^ 0x9E3779B97F4A7C15ull) {}
    std::string next(std::string_view prefix);

private:
    std::uint64_t state_;
    std::uint64_t counter_ = 0;
};

} // namespace footprint::app
