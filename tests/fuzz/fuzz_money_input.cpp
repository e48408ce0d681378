// libFuzzer harness for typed money and rates: any text parses or is refused with a reason, a
// parsed value stays in range, and what the app writes back into a field parses to the same value.
#include "core/money_input.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace footprint::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const ParsedCents money = parse_money(text);
    if (money.value) {
        if (*money.value < 0 || *money.value > kMaxCents || !money.error.empty()) std::abort();
        if (parse_money(cents_decimal(*money.value)).value != money.value) std::abort();
        if (parse_money(money_input_text(*money.value)).value != money.value) std::abort();
    } else if (money.error.empty()) {
        std::abort();
    }
    const ParsedRate rate = parse_percent_bp(text);
    if (rate.bp) {
        if (*rate.bp < 0 || *rate.bp > 1'000'000 || !rate.error.empty()) std::abort();
        if (parse_percent_bp(format_rate_bp(*rate.bp)).bp != rate.bp) std::abort();
    } else if (rate.error.empty()) {
        std::abort();
    }
    return 0;
}
