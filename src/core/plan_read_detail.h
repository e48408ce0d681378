// Internals of the plan reader: the conversion state (path and problems) and the readers for
// one value of each type, shared by the field tables (plan_read.cpp) and their implementations
// (plan_read_values.cpp). Not an API.
#pragma once

#include "core/plan_json.h"
#include "core/plan_json_detail.h"

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace footprint::core::plan_read_detail {

using plan_json_detail::ProblemSink;
using Object = Json::object_t;
using Array = Json::array_t;

inline constexpr Cents kMaxCents = 1'000'000'000'000; // $10 billion: sums of a million never overflow
inline constexpr int kMaxTermMonths = 600;
inline constexpr int kMaxBasisPoints = 1'000'000;
inline constexpr int kLastMinute = 24 * 60 - 1;

// ---------------------------------------------------------------------------------------------
// Conversion: the path to the current value is a stack of keys and indexes, turned into a
// JSON Pointer only when there is a problem to report.

class Reader {
public:
    explicit Reader(ProblemSink& sink) : sink_(sink) {}
    bool full() const { return sink_.full(); }
    void push(std::string_view key) { path_.push_back({key, 0, false}); }
    void push(std::size_t index) { path_.push_back({{}, index, true}); }
    void pop() { path_.pop_back(); }
    void problem(std::string message) {
        std::string p = pointer();
        reported_.insert(p);
        sink_.add(std::move(p), std::move(message));
    }
    void problem_at(std::string_view key, std::string message) {
        push(key);
        problem(std::move(message));
        pop();
    }
    const std::unordered_set<std::string>& reported() const { return reported_; }

private:
    struct Segment {
        std::string_view key;
        std::size_t index;
        bool is_index;
    };
    std::string pointer() const {
        std::string p;
        for (const Segment& s : path_) {
            p += '/';
            p += s.is_index ? std::to_string(s.index) : json_pointer_token(s.key);
        }
        return p;
    }
    ProblemSink& sink_;
    std::vector<Segment> path_;
    std::unordered_set<std::string> reported_;
};

// --- one value of each type (plan_read_values.cpp); each reports its own problem ---------------

std::string quote(std::string_view s);
bool integer(Reader& r, const Json& v, int& out, int lo, int hi);
bool money(Reader& r, const Json& v, Cents& out); // integer cents, 0..kMaxCents
void number(Reader& r, const Json& v, double& out, double lo, double hi);
void boolean(Reader& r, const Json& v, bool& out);
void str(Reader& r, Json& v, std::string& out); // moves the string out of the DOM
bool date(Reader& r, const Json& v, Date& out);
void opt_date(Reader& r, const Json& v, std::optional<Date>& out); // null or a date
void timestamp(Reader& r, const Json& v, Timestamp& out);
void opt_minute(Reader& r, Json& v, std::optional<int>& out);      // null or 0..1439
void colour(Reader& r, Json& v, std::string& out);                 // "#RRGGBB"
void currency(Reader& r, Json& v, std::string& out);               // "USD"
void account_status(Reader& r, const Json& v, AccountStatus& out);
void opportunity_type(Reader& r, const Json& v, OpportunityType& out);
void forecast_category(Reader& r, const Json& v, ForecastCategory& out);
void activity_type(Reader& r, const Json& v, ActivityType& out);

// --- the desks' fields (plan_read_desks.cpp) ---------------------------------------------------

void opt_days(Reader& r, const Json& v, std::optional<int>& out); // null or 0..kMaxNoticeDays
void priority_weights(Reader& r, Json& v, PriorityWeights& out);
void upsell_rules(Reader& r, Json& v, std::vector<UpsellRule>& out); // ids unique within the list
bool is_known_rule_field(std::string_view key);
std::vector<std::string_view> known_rule_fields(); // for plan_json_detail::known_fields
inline constexpr int kMaxNoticeDays = 3650;

// --- containers --------------------------------------------------------------------------------

template <class T, class Fn>
void array(Reader& r, Json& v, std::vector<T>& out, Fn each) {
    auto* a = v.get_ptr<Array*>();
    if (!a) return r.problem("expected an array");
    out.clear();
    out.resize(a->size());
    for (std::size_t i = 0; i < a->size() && !r.full(); ++i) {
        r.push(i);
        each(r, (*a)[i], out[i]);
        r.pop();
    }
}

inline void strings(Reader& r, Json& v, std::vector<std::string>& out) { array(r, v, out, str); }

// A field of an object: its name, whether it must be present, and how to read it.
template <class T>
struct Field {
    std::string_view name;
    bool required;
    void (*read)(Reader&, Json&, T&);
};

template <class T, std::size_t N>
constexpr bool sorted_by_name(const Field<T> (&fields)[N]) {
    for (std::size_t i = 1; i < N; ++i)
        if (!(fields[i - 1].name < fields[i].name)) return false;
    return true;
}

template <class T, std::size_t N>
bool known(const Field<T> (&fields)[N], std::string_view key) {
    return std::binary_search(std::begin(fields), std::end(fields), Field<T>{key, false, nullptr},
                              [](const Field<T>& a, const Field<T>& b) { return a.name < b.name; });
}

// Walks the object's keys (sorted, as nlohmann keeps them) alongside the sorted field table.
// Unknown keys go to `extra`, or are a problem for closed objects (extra == nullptr).
template <class T, std::size_t N>
bool object(Reader& r, Json& v, const Field<T> (&fields)[N], T& out, Json* extra) {
    auto* obj = v.get_ptr<Object*>();
    if (!obj) {
        r.problem("expected an object");
        return false;
    }
    std::size_t fi = 0;
    auto skip_to = [&](std::string_view key) {
        for (; fi < N && fields[fi].name < key; ++fi)
            if (fields[fi].required) r.problem_at(fields[fi].name, "required field is missing");
    };
    for (auto& [key, value] : *obj) {
        const std::string_view k = key;
        skip_to(k);
        if (fi < N && fields[fi].name == k) {
            r.push(fields[fi].name);
            fields[fi].read(r, value, out);
            r.pop();
            ++fi;
        } else if (extra) {
            if (!extra->is_object()) *extra = Json::object();
            extra->get_ref<Object&>().emplace(key, std::move(value));
        } else {
            r.problem_at(k, "unknown field");
        }
    }
    for (; fi < N; ++fi)
        if (fields[fi].required) r.problem_at(fields[fi].name, "required field is missing");
    return true;
}

} // namespace footprint::core::plan_read_detail
