// Words for merge conflicts: field names and values as people read them.
#include "core/format.h"
#include "core/plan_merge.h"

#include <cctype>

namespace footprint::core {

namespace {

bool is_money_field(std::string_view f) {
    return f == "mrc" || f == "otc" || f == "monthly_revenue";
}

bool is_date_field(std::string_view f) {
    return f == "date" || f == "close_date" || f == "contract_start" || f == "contract_end" || f == "next_step_due" ||
           f == "lost_date" || f == "competitor_contract_end";
}

std::string one_line(const Json& v);

std::string object_line(const Json& v) {
    // An address reads as one: "1500 Market Street, Philadelphia, PA 19102".
    if (v.contains("street") || v.contains("city") || v.contains("postal_code")) {
        std::string s;
        auto add = [&](const char* key, const char* sep) {
            auto it = v.find(key);
            if (it == v.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) return;
            if (!s.empty()) s += sep;
            s += it->get<std::string>();
        };
        add("street", ", ");
        add("city", ", ");
        add("state", ", ");
        add("postal_code", " ");
        return s.empty() ? "(empty)" : s;
    }
    if (v.contains("lat") && v.contains("lon") && v["lat"].is_number() && v["lon"].is_number()) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.5f, %.5f", v["lat"].get<double>(), v["lon"].get<double>());
        return buf;
    }
    std::string s;
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (!s.empty()) s += "; ";
        s += field_label(it.key()) + ": " + one_line(*it);
    }
    return s;
}

std::string one_line(const Json& v) {
    if (v.is_null()) return "(empty)";
    if (v.is_string()) return v.get_ref<const std::string&>().empty() ? "(empty)" : v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>() ? "Yes" : "No";
    if (v.is_number_integer()) return format_count(v.get<long long>());
    if (v.is_number()) return v.dump();
    if (v.is_array()) {
        if (v.empty()) return "(none)";
        std::string s;
        for (const Json& e : v) {
            if (!s.empty()) s += ", ";
            if (e.is_object()) {
                s += '{';
                s += object_line(e);
                s += '}';
            } else {
                s += one_line(e);
            }
        }
        return s;
    }
    return object_line(v);
}

} // namespace

std::string field_label(std::string_view field) {
    if (field == "mrc") return "Monthly charge (MRC)";
    if (field == "otc") return "One-time charge";
    if (field == "id") return "Id";
    std::string s;
    for (char c : field) s += c == '_' ? ' ' : c;
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

std::string format_field_value(RecordKind /*kind*/, std::string_view field, const Json& v) {
    if (v.is_null()) return "(empty)";
    if (is_money_field(field) && v.is_number_integer()) return format_money(v.get<Cents>());
    if (is_date_field(field) && v.is_string())
        if (auto d = parse_iso_date(v.get<std::string>())) return format_date(*d);
    if (field == "start_minute" && v.is_number_integer()) return format_hhmm(v.get<int>());
    if ((field == "duration_minutes") && v.is_number_integer()) return format_duration_minutes(v.get<int>());
    if (field == "probability" && v.is_number_integer()) return std::to_string(v.get<int>()) + "%";
    if (field == "term_months" && v.is_number_integer()) return std::to_string(v.get<int>()) + " months";
    return one_line(v);
}

} // namespace footprint::core
