// The monthly forecast as a table for other tools: CSV (money in dollars with cents, for Excel)
// and JSON (money in integer cents, like the plan file). `footprint forecast` prints it; the
// columns are documented in docs/forecast.md.
#pragma once

#include "core/model.h"

#include <string>
#include <vector>

namespace footprint::core {

// The column names, in order, shared by the CSV header and the JSON objects' keys.
const std::vector<std::string>& forecast_table_columns();

// One header line and one line per month, CRLF-terminated as RFC 4180 says.
std::string forecast_csv(const Plan& plan, YearMonth from, int months);
// {"from": "2026-01", "months": 12, "currency": "USD", "rows": [{...}, ...]}
Json forecast_json(const Plan& plan, YearMonth from, int months);

} // namespace footprint::core
