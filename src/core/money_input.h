// Money and rates as the user types them ("$12,400.50", "150%", "12.5") and as plain numbers for
// CSV ("12400.50"): strict parsers with a reason when the text is not a number.
#pragma once

#include "core/model.h"

#include <optional>
#include <string>
#include <string_view>

namespace footprint::core {

// The largest amount a plan holds: $10 billion, as the plan format allows.
inline constexpr Cents kMaxCents = 1'000'000'000'000;

struct ParsedCents {
    std::optional<Cents> value;
    std::string error; // "is not an amount", when value is empty
};
// "$12,400.50", "12400.5", "12,400", " 300 " -> cents. Commas must group thousands; at most two
// decimals; no sign (amounts in the plan are never negative); at most kMaxCents. Empty is an error.
ParsedCents parse_money(std::string_view text);

struct ParsedRate {
    std::optional<int> bp;
    std::string error;
};
// "150", "150%", "12.5 %", "0.25" -> basis points (15000, 1250, 25). At most two decimals, no
// sign, at most `max_bp`.
ParsedRate parse_percent_bp(std::string_view text, int max_bp = 1'000'000);

// Basis points as a percentage without trailing zeros: 15000 -> "150%", 1250 -> "12.5%",
// 25 -> "0.25%".
std::string format_rate_bp(int bp);
// The digits of a rate for an input field, without the % sign: 1250 -> "12.5".
std::string rate_input_text(int bp);
// Cents as a plain decimal for CSV and input fields: 1240050 -> "12400.50", -5 -> "-0.05".
std::string cents_decimal(Cents c);
// What an editor field shows for an amount: "449" when the cents are zero, else "449.90".
std::string money_input_text(Cents c);

} // namespace footprint::core
