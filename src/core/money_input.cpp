// Parsing and showing typed money (see money_input.h).
#include "core/money_input.h"

#include <cstdio>

namespace footprint::core {

std::optional<Cents> parse_money_input(std::string_view s) {
    constexpr Cents kMax = 1'000'000'000'000; // $10 billion, the plan file's limit
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (!s.empty() && s.front() == '$') s.remove_prefix(1);
    if (s.empty()) return std::nullopt;
    Cents dollars = 0;
    int digits = 0, since_comma = -1;
    std::size_t i = 0;
    for (; i < s.size() && s[i] != '.'; ++i) {
        const char c = s[i];
        if (c == ',') {
            if (digits == 0 || (since_comma >= 0 && since_comma != 3)) return std::nullopt;
            since_comma = 0;
            continue;
        }
        if (c < '0' || c > '9') return std::nullopt;
        dollars = dollars * 10 + (c - '0');
        if (dollars > kMax / 100) return std::nullopt;
        ++digits;
        if (since_comma >= 0) ++since_comma;
    }
    if (since_comma >= 0 && since_comma != 3) return std::nullopt; // "1,23" is not a thousands comma
    Cents cents = 0;
    if (i < s.size()) { // the decimals after '.'
        const std::string_view dec = s.substr(i + 1);
        if (dec.size() > 2 || (dec.empty() && digits == 0)) return std::nullopt;
        for (char c : dec) {
            if (c < '0' || c > '9') return std::nullopt;
            cents = cents * 10 + (c - '0');
        }
        if (dec.size() == 1) cents *= 10;
    } else if (digits == 0) {
        return std::nullopt;
    }
    const Cents total = dollars * 100 + cents;
    if (total > kMax) return std::nullopt;
    return total;
}

std::string money_input_text(Cents c) {
    char buf[32];
    if (c % 100 == 0) std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(c / 100));
    else std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(c / 100), static_cast<long long>(c % 100));
    return buf;
}

} // namespace footprint::core
