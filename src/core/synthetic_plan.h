// A big, valid, deterministic plan for benchmarks and stress tests (not the shipped sample).
#pragma once

#include "core/model.h"

#include <cstdint>

namespace footprint::core {

// `accounts` accounts (2 contacts and 3 services each, realistic names, addresses and notes),
// accounts / 4 opportunities, `activities` activities and 12 territories around Philadelphia.
// The same arguments give the same plan on every platform (own PRNG, no std distributions).
// The result passes read_plan's validation.
Plan make_synthetic_plan(int accounts, int activities, std::uint64_t seed);

} // namespace footprint::core
