// libFuzzer harness for typed money (the catalog editor's prices): any text either gives nothing
// or an amount within the plan's limits that reads back the same from what the editor shows.
// Seeds: tests/fuzz/corpus/money_input/. Run: fuzz_money_input -max_total_time=60 CORPUS_DIR
#include "core/money_input.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace footprint::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::optional<Cents> c = parse_money_input(text);
    if (!c) return 0;
    if (*c < 0 || *c > 1'000'000'000'000) std::abort();
    if (parse_money_input(money_input_text(*c)) != c) std::abort();
    return 0;
}
