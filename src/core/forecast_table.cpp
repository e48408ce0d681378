// The monthly forecast table in CSV and JSON (see forecast_table.h, docs/forecast.md).
#include "core/forecast_table.h"

#include "core/commission.h"
#include "core/forecast.h"
#include "core/money_input.h"

#include <cmath>
#include <cstdio>

namespace footprint::core {

namespace {

struct Row {
    MonthSummary m;
    MonthKpis k;
    Cents commission = 0;
};

std::vector<Row> rows(const Plan& plan, YearMonth from, int months) {
    const ForecastSummary f = summarize_forecast(plan, from, months, Date{});
    const std::vector<CommissionMonth> c = commission_by_month(plan, from, months);
    std::vector<Row> out;
    out.reserve(f.months.size());
    for (std::size_t i = 0; i < f.months.size(); ++i)
        out.push_back(Row{f.months[i], month_kpis(f.months[i]), c[i].payout});
    return out;
}

double round_to(double v, double unit) {
    return std::round(v / unit) * unit;
}

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

} // namespace

const std::vector<std::string>& forecast_table_columns() {
    static const std::vector<std::string> k = {"month",
                                               "quota",
                                               "closed_won",
                                               "commit",
                                               "best_case",
                                               "pipeline",
                                               "pipeline_weighted",
                                               "commit_forecast",
                                               "best_case_forecast",
                                               "open_pipeline",
                                               "expected",
                                               "attainment_pct",
                                               "gap",
                                               "coverage",
                                               "renewal_base",
                                               "commission"};
    return k;
}

std::string forecast_csv(const Plan& plan, YearMonth from, int months) {
    std::string out;
    const auto& cols = forecast_table_columns();
    for (std::size_t i = 0; i < cols.size(); ++i)
        out += (i ? "," : "") + cols[i];
    out += "\r\n";
    for (const Row& r : rows(plan, from, months)) {
        const bool quota = r.m.quota > 0;
        const std::string fields[] = {
            format_year_month(r.m.month),
            quota ? cents_decimal(r.m.quota) : "",
            cents_decimal(r.m.closed_won),
            cents_decimal(r.m.commit),
            cents_decimal(r.m.best_case),
            cents_decimal(r.m.pipeline),
            cents_decimal(r.m.pipeline_weighted),
            cents_decimal(r.k.commit_forecast),
            cents_decimal(r.k.best_case_forecast),
            cents_decimal(r.k.open_pipeline),
            cents_decimal(r.k.weighted_forecast),
            r.k.attainment_pct ? fixed(*r.k.attainment_pct, 1) : "",
            quota ? cents_decimal(r.k.gap) : "",
            r.k.coverage ? fixed(*r.k.coverage, 2) : "",
            cents_decimal(r.m.renewal_base),
            cents_decimal(r.commission),
        };
        bool first = true;
        for (const std::string& f : fields) {
            out += (first ? "" : ",") + f;
            first = false;
        }
        out += "\r\n";
    }
    return out;
}

Json forecast_json(const Plan& plan, YearMonth from, int months) {
    Json list = Json::array();
    for (const Row& r : rows(plan, from, months)) {
        const bool quota = r.m.quota > 0;
        Json row = Json::object();
        row["month"] = format_year_month(r.m.month);
        row["quota"] = quota ? Json(r.m.quota) : Json(nullptr);
        row["closed_won"] = r.m.closed_won;
        row["commit"] = r.m.commit;
        row["best_case"] = r.m.best_case;
        row["pipeline"] = r.m.pipeline;
        row["pipeline_weighted"] = r.m.pipeline_weighted;
        row["commit_forecast"] = r.k.commit_forecast;
        row["best_case_forecast"] = r.k.best_case_forecast;
        row["open_pipeline"] = r.k.open_pipeline;
        row["expected"] = r.k.weighted_forecast;
        row["attainment_pct"] =
            r.k.attainment_pct ? Json(round_to(*r.k.attainment_pct, 0.1)) : Json(nullptr);
        row["gap"] = quota ? Json(r.k.gap) : Json(nullptr);
        row["coverage"] = r.k.coverage ? Json(round_to(*r.k.coverage, 0.01)) : Json(nullptr);
        row["renewal_base"] = r.m.renewal_base;
        row["commission"] = r.commission;
        list.push_back(std::move(row));
    }
    Json out = Json::object();
    out["from"] = format_year_month(from);
    out["months"] = std::max(months, 0);
    out["currency"] = plan.settings.currency;
    out["rows"] = std::move(list);
    return out;
}

} // namespace footprint::core
