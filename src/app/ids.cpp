// Random 64-bit ids rendered as 16 lowercase hex digits after a record-kind prefix.
#include "app/ids.h"

namespace footprint::app {

namespace {
std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
} // namespace

std::string IdGenerator::next(std::string_view prefix) {
    std::uint64_t v = splitmix64(state_) ^ (++counter_ << 1);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string id(prefix);
    id += '-';
    for (int shift = 60; shift >= 0; shift -= 4) id += kHex[(v >> shift) & 0xF];
    return id;
}

} // namespace footprint::app
