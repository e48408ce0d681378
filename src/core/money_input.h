// Money typed by a person in an editor ("$1,234.50", "449", "12.5") to integer cents and back.
#pragma once

#include "core/model.h"

#include <optional>
#include <string>
#include <string_view>

namespace footprint::core {

// Dollars with an optional "$", thousands commas and at most two decimals; surrounding spaces are
// ignored. Negative amounts, more decimals, stray characters and amounts beyond $10 billion give
// nothing. "" gives nothing too (the caller decides whether empty means 0).
std::optional<Cents> parse_money_input(std::string_view text);
// What an editor shows for an amount: "1234.50", "449" when the cents are zero.
std::string money_input_text(Cents cents);

} // namespace footprint::core
