// Reading typed values from the current row (rejecting the row with the place and the reason when
// a value is wrong), and the date columns' statistics that decide day/month order.
#include "core/csv_import_detail.h"

#include "core/format.h"

#include <algorithm>
#include <cstdio>

namespace footprint::core {

std::optional<DateOrder> DateColumnStats::evident() const {
    if (month_day == 0 && day_month == 0) return std::nullopt;
    return day_month > month_day ? DateOrder::DayMonth : DateOrder::MonthDay;
}

void scan_date_columns(const CsvTable& table, ImportKind kind,
                       const std::vector<ImportField>& mapping, std::size_t begin, std::size_t end,
                       std::vector<DateColumnStats>& stats) {
    if (stats.empty()) {
        for (std::size_t c = 0; c < mapping.size(); ++c) {
            const FieldInfo* f = find_field(kind, mapping[c]);
            if (f && f->type == ValueType::Date) stats.push_back(DateColumnStats{c, 0, 0, 0, {}});
        }
    }
    end = std::min(end, table.rows.size());
    for (DateColumnStats& s : stats) {
        for (std::size_t r = begin; r < end; ++r) {
            const std::string_view v = table.cell(table.rows[r], s.column);
            if (v.empty()) continue;
            switch (date_evidence(v)) {
            case DateEvidence::MonthDayOnly:
                ++s.month_day;
                break;
            case DateEvidence::DayMonthOnly:
                ++s.day_month;
                break;
            case DateEvidence::Ambiguous:
                if (s.ambiguous++ == 0) s.example = std::string(trim_value(v));
                break;
            case DateEvidence::None:
                break;
            }
        }
    }
}

// --- values of a row ----------------------------------------------------------------------------

std::string_view CsvImporter::Impl::value(ImportField f) const {
    const int c = column_of[static_cast<std::size_t>(f)];
    if (c < 0) return {};
    return strip_formula_guard(trim_value(table.cell(*row, static_cast<std::size_t>(c))));
}

void CsvImporter::Impl::reject(std::string reason) {
    if (row_rejected) return;
    row_rejected = true;
    ++summary.rejected;
    summary.rejections.push_back(Rejection{row->line, row_index, std::move(reason)});
}

void CsvImporter::Impl::reject_value(ImportField f, std::string_view what) {
    const int c = column_of[static_cast<std::size_t>(f)];
    const std::string& header = table.header[static_cast<std::size_t>(c)];
    reject("column \"" + header + "\": " + quote_value(value(f)) + " " + std::string(what));
}

std::optional<Cents> CsvImporter::Impl::money(ImportField f) {
    const std::string_view v = value(f);
    if (v.empty()) return std::nullopt;
    const std::optional<Cents> c = parse_money_cell(v);
    if (!c) {
        reject_value(f, "is not an amount of money");
        return std::nullopt;
    }
    if (*c < 0) {
        reject_value(f, "is negative");
        return std::nullopt;
    }
    return c;
}

std::optional<long long> CsvImporter::Impl::count(ImportField f, long long lo, long long hi) {
    const std::string_view v = value(f);
    if (v.empty()) return std::nullopt;
    const std::optional<long long> n = parse_count(v);
    if (!n) {
        reject_value(f, "is not a whole number");
        return std::nullopt;
    }
    if (*n < lo || *n > hi) {
        reject_value(f, "must be between " + format_count(lo) + " and " + format_count(hi));
        return std::nullopt;
    }
    return n;
}

std::optional<int> CsvImporter::Impl::percent(ImportField f) {
    const std::string_view v = value(f);
    if (v.empty()) return std::nullopt;
    const std::optional<int> p = parse_percent(v);
    if (!p) {
        reject_value(f, "is not a percentage");
        return std::nullopt;
    }
    if (*p < 0 || *p > 100) {
        reject_value(f, "must be between 0 and 100");
        return std::nullopt;
    }
    return p;
}

std::optional<Date> CsvImporter::Impl::date(ImportField f) {
    const std::string_view v = value(f);
    if (v.empty()) return std::nullopt;
    const auto c = static_cast<std::size_t>(column_of[static_cast<std::size_t>(f)]);
    const std::optional<Date> d = parse_date_text(v, order_of_column[c]);
    if (!d) reject_value(f, "is not a date");
    return d;
}

std::optional<double> CsvImporter::Impl::decimal(ImportField f, double lo, double hi) {
    const std::string_view v = value(f);
    if (v.empty()) return std::nullopt;
    const std::optional<double> d = parse_decimal(v);
    if (!d) {
        reject_value(f, "is not a number");
        return std::nullopt;
    }
    if (*d < lo || *d > hi) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "must be between %g and %g", lo, hi);
        reject_value(f, buf);
        return std::nullopt;
    }
    return d;
}

std::optional<bool> CsvImporter::Impl::yes_no(ImportField f) {
    const std::string_view v = value(f);
    if (v.empty()) return std::nullopt;
    const std::optional<bool> b = parse_yes_no(v);
    if (!b) reject_value(f, "is not yes or no");
    return b;
}

} // namespace footprint::core
