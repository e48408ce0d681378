// Typed money: what the catalog editor accepts, refuses, and shows back.
#include "core/money_input.h"

#include <doctest/doctest.h>

using namespace footprint::core;

TEST_CASE("money input: dollars, commas, cents") {
    CHECK(parse_money_input("449") == 44900);
    CHECK(parse_money_input("449.9") == 44990);
    CHECK(parse_money_input("449.99") == 44999);
    CHECK(parse_money_input(" $1,234.50 ") == 123450);
    CHECK(parse_money_input("0") == 0);
    CHECK(parse_money_input(".5") == 50);
    CHECK(parse_money_input("12.") == 1200);
    CHECK(parse_money_input("1,000,000") == 100000000);
    CHECK(parse_money_input("10000000000") == 1'000'000'000'000); // the plan's limit
    for (const char* bad : {"", " ", "$", "-5", "4.999", "1,23", "12,34.5", ",100", "1e3", "abc", "4 49",
                            "10000000000.01", "99999999999999999999", "."})
        CHECK_MESSAGE(!parse_money_input(bad), bad);
}

TEST_CASE("money input: shown without a currency sign, cents only when there are some") {
    CHECK(money_input_text(44900) == "449");
    CHECK(money_input_text(44990) == "449.90");
    CHECK(money_input_text(5) == "0.05");
    CHECK(money_input_text(0) == "0");
    for (Cents c : {Cents{0}, Cents{1}, Cents{99}, Cents{100}, Cents{123456}, Cents{1'000'000'000'000}})
        CHECK(parse_money_input(money_input_text(c)) == c);
}
