// Typed money and rates (core/money_input.cpp), and the forecast table for other tools
// (core/forecast_table.cpp).
#include "core/forecast_table.h"
#include "core/money_input.h"
#include "core/summary.h"

#include <doctest/doctest.h>

using namespace footprint::core;

TEST_CASE("parse_money accepts what people type and refuses the rest with a reason") {
    CHECK(parse_money("$12,400.50").value == 1240050);
    CHECK(parse_money("12400.5").value == 1240050);
    CHECK(parse_money(" 12,400 ").value == 1240000);
    CHECK(parse_money("$ 300").value == 30000);
    CHECK(parse_money("0").value == 0);
    CHECK(parse_money(".5").value == 50);
    CHECK(parse_money("7.").value == 700);
    CHECK(parse_money("1,000,000,000.00").value == 100000000000);
    CHECK(parse_money("10,000,000,000").value == kMaxCents);
    CHECK(parse_money("10000000000.01").error == "is more than $10 billion");
    CHECK(parse_money("99999999999999999999999").error == "is more than $10 billion");
    CHECK(parse_money("").error == "is empty");
    CHECK(parse_money("-5").error == "must not be negative");
    CHECK(parse_money("$-5").error == "must not be negative");
    CHECK(parse_money("1.234").error == "has more than two decimals");
    CHECK(parse_money("12,40").error == "has a misplaced comma");
    CHECK(parse_money(",400").error == "has a misplaced comma");
    CHECK(parse_money("1234,567").error == "has a misplaced comma");
    CHECK(parse_money("12a").error == "is not a number");
    CHECK(parse_money("$").error == "is not a number");
    CHECK(parse_money(".").error == "is not a number");
    CHECK(parse_money("1.2.3").error == "is not a number");
    CHECK_FALSE(parse_money("1e5").value);
}

TEST_CASE("parse_percent_bp and format_rate_bp") {
    CHECK(parse_percent_bp("150").bp == 15000);
    CHECK(parse_percent_bp("150%").bp == 15000);
    CHECK(parse_percent_bp(" 12.5 % ").bp == 1250);
    CHECK(parse_percent_bp("0.25").bp == 25);
    CHECK(parse_percent_bp("10,000").bp == 1000000);
    CHECK(parse_percent_bp("10000.01").error == "is more than 10000%");
    CHECK(parse_percent_bp("101", 10000).error == "is more than 100%");
    CHECK(parse_percent_bp("%").error == "is empty");
    CHECK(parse_percent_bp("-1").error == "must not be negative");
    CHECK(parse_percent_bp("1.005").error == "has more than two decimals");
    CHECK(format_rate_bp(15000) == "150%");
    CHECK(format_rate_bp(1250) == "12.5%");
    CHECK(format_rate_bp(25) == "0.25%");
    CHECK(format_rate_bp(0) == "0%");
    CHECK(rate_input_text(1205) == "12.05");
    CHECK(cents_decimal(1240050) == "12400.50");
    CHECK(cents_decimal(5) == "0.05");
    CHECK(cents_decimal(-5) == "-0.05");
    CHECK(cents_decimal(0) == "0.00");
}

namespace {

Plan table_plan() {
    Plan p = make_empty_plan("p", "t", Timestamp{});
    p.quota.monthly_revenue = 1000000;
    p.quota.month_override[YearMonth::of(2026, 2)] = 0;
    auto add = [&](std::string id, std::string stage, Cents mrc, Date close) {
        Opportunity o;
        o.id = std::move(id);
        o.account_id = "a";
        o.stage = std::move(stage);
        o.mrc = mrc;
        o.close_date = close;
        const Stage* s = find_stage(p, o.stage);
        o.probability = s->probability;
        o.forecast_category = s->category;
        p.opportunities.push_back(o);
    };
    add("w", "Closed Won", 1250050, date_from_ymd(2026, 1, 5));
    add("c", "Negotiation/Review", 200000, date_from_ymd(2026, 1, 25));
    add("b", "Proposal/Price Quote", 100000, date_from_ymd(2026, 2, 2));
    add("v", "Value Proposition", 30001, date_from_ymd(2026, 2, 3));
    return p;
}

} // namespace

TEST_CASE("forecast_csv: dollars with cents, empty cells where a month has no quota") {
    const Plan p = table_plan();
    const std::string csv = forecast_csv(p, YearMonth::of(2026, 1), 2);
    // January: 12,500.50 won of 10,000 (125.0%): commission 10,000 at 100% + 2,500 at 150% + the
    // 0.50 past 125% at 200% = 10,000 + 3,750 + 1.00 = 13,751.00.
    // February (no quota): best case 1,000, pipeline 300.01 (150.01 weighted: 150.005 rounds up).
    CHECK(csv ==
          "month,quota,closed_won,commit,best_case,pipeline,pipeline_weighted,commit_forecast,"
          "best_case_forecast,open_pipeline,expected,attainment_pct,gap,coverage,renewal_base,"
          "commission\r\n"
          "2026-01,10000.00,12500.50,2000.00,0.00,0.00,0.00,14500.50,14500.50,2000.00,14300.50,"
          "125.0,0.00,,0.00,13751.00\r\n"
          "2026-02,,0.00,0.00,1000.00,300.01,150.01,0.00,1000.00,1300.01,900.01,,,,0.00,0.00\r\n");
    const auto& cols = forecast_table_columns();
    CHECK(cols.size() == 16);
    CHECK(cols.front() == "month");
}

TEST_CASE("forecast_json: integer cents, null where a month has no quota") {
    const Plan p = table_plan();
    const Json j = forecast_json(p, YearMonth::of(2026, 1), 2);
    CHECK(j["from"] == "2026-01");
    CHECK(j["months"] == 2);
    CHECK(j["currency"] == "USD");
    REQUIRE(j["rows"].size() == 2);
    const Json& jan = j["rows"][0];
    CHECK(jan["month"] == "2026-01");
    CHECK(jan["quota"] == 1000000);
    CHECK(jan["closed_won"] == 1250050);
    CHECK(jan["commit_forecast"] == 1450050);
    CHECK(jan["attainment_pct"].get<double>() == doctest::Approx(125.0));
    CHECK(jan["gap"] == 0);
    CHECK(jan["coverage"].is_null());
    CHECK(jan["commission"] == 1375100);
    const Json& feb = j["rows"][1];
    CHECK(feb["quota"].is_null());
    CHECK(feb["attainment_pct"].is_null());
    CHECK(feb["gap"].is_null());
    CHECK(feb["pipeline_weighted"] == 15001);
    CHECK(jan.size() == forecast_table_columns().size());
}

TEST_CASE("money_input_text: no currency sign, cents only when there are some") {
    CHECK(money_input_text(44900) == "449");
    CHECK(money_input_text(44990) == "449.90");
    CHECK(money_input_text(5) == "0.05");
    CHECK(money_input_text(0) == "0");
    for (Cents c : {Cents{0}, Cents{1}, Cents{99}, Cents{100}, Cents{123456}, kMaxCents})
        CHECK(parse_money(money_input_text(c)).value == c);
    for (const char* bad : {"", " ", "$", "-5", "4.999", "1,23", "12,34.5", ",100", "1e3", "abc",
                            "4 49", "10000000000.01", "99999999999999999999", "."})
        CHECK_MESSAGE(!parse_money(bad).value, bad);
}
