// Reading a plan file: the reader for one value of each type, with its type and range checks
// and the problem message when the value is wrong.
#include "core/plan_read_detail.h"

#include <cstdio>

namespace footprint::core::plan_read_detail {

using plan_json_detail::integer_of;
using plan_json_detail::quote_for_message;

std::string quote(std::string_view s) { return quote_for_message(s); }

namespace {

std::string range_message(const std::string& lo, const std::string& hi, const std::string& got,
                          const char* unit = "") {
    return "must be between " + lo + " and " + hi + unit + " (got " + got + ")";
}

std::string number_text(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", x);
    return buf;
}

bool read_int64(Reader& r, const Json& v, std::int64_t& out, std::int64_t lo, std::int64_t hi,
                const char* type_message, const char* unit) {
    bool too_big = false;
    const auto x = integer_of(v, too_big);
    if (x && *x >= lo && *x <= hi) {
        out = *x;
        return true;
    }
    if (!x && !too_big) r.problem(type_message);
    else r.problem(range_message(std::to_string(lo), std::to_string(hi),
                                 x ? std::to_string(*x) : std::to_string(*v.get_ptr<const Json::number_unsigned_t*>()), unit));
    return false;
}

bool looks_like_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

} // namespace

bool integer(Reader& r, const Json& v, int& out, int lo, int hi) {
    std::int64_t x = 0;
    if (!read_int64(r, v, x, lo, hi, "expected an integer", "")) return false;
    out = static_cast<int>(x);
    return true;
}

bool money(Reader& r, const Json& v, Cents& out) {
    return read_int64(r, v, out, 0, kMaxCents, "expected integer cents", " cents");
}

void number(Reader& r, const Json& v, double& out, double lo, double hi) {
    double x = 0;
    if (const auto* f = v.get_ptr<const Json::number_float_t*>()) x = *f;
    else if (const auto* i = v.get_ptr<const Json::number_integer_t*>()) x = static_cast<double>(*i);
    else if (const auto* u = v.get_ptr<const Json::number_unsigned_t*>()) x = static_cast<double>(*u);
    else return r.problem("expected a number");
    if (!(x >= lo && x <= hi)) return r.problem(range_message(number_text(lo), number_text(hi), number_text(x)));
    out = x;
}

void boolean(Reader& r, const Json& v, bool& out) {
    if (const auto* b = v.get_ptr<const bool*>()) out = *b;
    else r.problem("expected true or false");
}

void str(Reader& r, Json& v, std::string& out) {
    if (auto* s = v.get_ptr<std::string*>()) out = std::move(*s);
    else r.problem("expected a string");
}

bool date(Reader& r, const Json& v, Date& out) {
    const auto* s = v.get_ptr<const std::string*>();
    if (!s) r.problem("expected a date \"YYYY-MM-DD\"");
    else if (auto d = parse_iso_date(*s)) return out = *d, true;
    else if (looks_like_date(*s)) r.problem(quote(*s) + " is not a date");
    else r.problem(quote(*s) + " is not a date (expected YYYY-MM-DD)");
    return false;
}

void opt_date(Reader& r, const Json& v, std::optional<Date>& out) {
    Date d;
    if (v.is_null()) out.reset();
    else if (date(r, v, d)) out = d;
}

void timestamp(Reader& r, const Json& v, Timestamp& out) {
    static const std::int64_t kFirst = std::int64_t{date_from_ymd(1, 1, 1).days} * 86'400'000;
    static const std::int64_t kEnd = std::int64_t{date_from_ymd(9999, 12, 31).days + 1} * 86'400'000;
    const auto* s = v.get_ptr<const std::string*>();
    if (!s) return r.problem("expected a timestamp like \"2026-11-26T21:39:28.123Z\"");
    auto t = parse_iso_timestamp(*s);
    if (!t) return r.problem(quote(*s) + " is not a timestamp (expected ISO 8601 UTC, like 2026-11-26T21:39:28.123Z)");
    if (t->ms < kFirst || t->ms >= kEnd) return r.problem(quote(*s) + " is outside the years 0001 to 9999");
    out = *t;
}

namespace {
template <class E>
void enumeration(Reader& r, const Json& v, E& out, std::optional<E> (*from)(std::string_view),
                 const char* noun, std::initializer_list<E> all) {
    auto list = [&] {
        std::string allowed;
        for (E e : all) {
            if (!allowed.empty()) allowed += ", ";
            allowed += to_string(e);
        }
        return allowed;
    };
    const auto* s = v.get_ptr<const std::string*>();
    if (!s) return r.problem(std::string("expected a string, one of: ") + list());
    if (auto e = from(*s)) out = *e;
    else r.problem(quote(*s) + " is not " + noun + " (expected one of: " + list() + ")");
}

} // namespace

// The full lists, for messages. A value added to an enum in model.h belongs here too.
void account_status(Reader& r, const Json& v, AccountStatus& out) {
    using S = AccountStatus;
    enumeration(r, v, out, account_status_from, "an account status", {S::Client, S::Former, S::Prospect});
}
void opportunity_type(Reader& r, const Json& v, OpportunityType& out) {
    using T = OpportunityType;
    enumeration(r, v, out, opportunity_type_from, "an opportunity type",
                {T::Renewal, T::Upsell, T::WinBack, T::New});
}
void forecast_category(Reader& r, const Json& v, ForecastCategory& out) {
    using C = ForecastCategory;
    enumeration(r, v, out, forecast_category_from, "a forecast category",
                {C::Pipeline, C::BestCase, C::Commit, C::Closed, C::Omitted});
}
void activity_type(Reader& r, const Json& v, ActivityType& out) {
    using T = ActivityType;
    enumeration(r, v, out, activity_type_from, "an activity type",
                {T::Call, T::Visit, T::Meeting, T::Email, T::Event, T::Proposal});
}

void colour(Reader& r, Json& v, std::string& out) {
    const auto* s = v.get_ptr<const std::string*>();
    if (!s) return r.problem("expected a colour \"#RRGGBB\"");
    bool ok = s->size() == 7 && (*s)[0] == '#' &&
              std::all_of(s->begin() + 1, s->end(), [](char c) {
                  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
              });
    if (!ok) return r.problem(quote(*s) + " is not a colour (expected \"#RRGGBB\")");
    out = *s;
}

void currency(Reader& r, Json& v, std::string& out) {
    const auto* s = v.get_ptr<const std::string*>();
    if (!s) return r.problem("expected a currency code like \"USD\"");
    if (s->size() != 3 || !std::all_of(s->begin(), s->end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        return r.problem(quote(*s) + " is not a currency code (expected three capital letters, like \"USD\")");
    out = *s;
}

void opt_minute(Reader& r, Json& v, std::optional<int>& out) {
    int m = 0;
    if (v.is_null()) out.reset();
    else if (integer(r, v, m, 0, kLastMinute)) out = m;
}

} // namespace footprint::core::plan_read_detail
