// Reading the plan fields the desks use: notice periods, priority weights and upsell rules.
#include "core/plan_read_detail.h"

#include <unordered_map>

namespace footprint::core::plan_read_detail {

namespace {

#define FIELD(T, name, required, ...)                                                          \
    Field<T> {                                                                                 \
        name, required, []([[maybe_unused]] Reader& r, [[maybe_unused]] Json& v,               \
                           [[maybe_unused]] T& o) { __VA_ARGS__; }                             \
    }

constexpr int kMaxWeight = 1000;
constexpr Field<PriorityWeights> kWeightFields[] = {
    FIELD(PriorityWeights, "recency", false, integer(r, v, o.recency, 0, kMaxWeight)),
    FIELD(PriorityWeights, "renewal", false, integer(r, v, o.renewal, 0, kMaxWeight)),
    FIELD(PriorityWeights, "revenue", false, integer(r, v, o.revenue, 0, kMaxWeight)),
    FIELD(PriorityWeights, "upsell", false, integer(r, v, o.upsell, 0, kMaxWeight)),
    FIELD(PriorityWeights, "winback", false, integer(r, v, o.winback, 0, kMaxWeight)),
};

void quantity_basis(Reader& r, const Json& v, QuantityBasis& out) {
    const auto* s = v.get_ptr<const std::string*>();
    if (!s) return r.problem("expected one of: account, sites, employees");
    if (auto q = quantity_basis_from(*s)) out = *q;
    else r.problem(quote(*s) + " is not a quantity basis (expected one of: account, sites, employees)");
}

constexpr int kMaxCount = 10'000'000;
constexpr Field<UpsellRule> kRuleFields[] = {
    FIELD(UpsellRule, "enabled", false, boolean(r, v, o.enabled)),
    FIELD(UpsellRule, "has_family", false, str(r, v, o.has_family)),
    FIELD(UpsellRule, "id", true, str(r, v, o.id)),
    FIELD(UpsellRule, "industries", false, strings(r, v, o.industries)),
    FIELD(UpsellRule, "lacks_family", false, str(r, v, o.lacks_family)),
    FIELD(UpsellRule, "max_bandwidth_mbps", false, integer(r, v, o.max_bandwidth_mbps, 0, kMaxCount)),
    FIELD(UpsellRule, "max_employees", false, integer(r, v, o.max_employees, 0, kMaxCount)),
    FIELD(UpsellRule, "min_employees", false, integer(r, v, o.min_employees, 0, kMaxCount)),
    FIELD(UpsellRule, "min_sites", false, integer(r, v, o.min_sites, 0, kMaxCount)),
    FIELD(UpsellRule, "name", true, str(r, v, o.name)),
    FIELD(UpsellRule, "note", false, str(r, v, o.note)),
    FIELD(UpsellRule, "per", false, integer(r, v, o.per, 1, kMaxCount)),
    FIELD(UpsellRule, "product", true, str(r, v, o.product)),
    FIELD(UpsellRule, "quantity", false, quantity_basis(r, v, o.quantity_basis)),
    FIELD(UpsellRule, "units", false, integer(r, v, o.units, 1, kMaxCount)),
    FIELD(UpsellRule, "upgrade", false, boolean(r, v, o.upgrade)),
};

#undef FIELD

static_assert(sorted_by_name(kWeightFields) && sorted_by_name(kRuleFields),
              "field tables must be sorted by name: object() walks them alongside the keys");

void rule(Reader& r, Json& v, UpsellRule& out) {
    if (!object(r, v, kRuleFields, out, &out.extra)) return;
    if (out.max_employees > 0 && out.max_employees < out.min_employees)
        r.problem_at("max_employees", "is below min_employees (" + std::to_string(out.min_employees) + ")");
}

} // namespace

void opt_days(Reader& r, const Json& v, std::optional<int>& out) {
    int days = 0;
    if (v.is_null()) out.reset();
    else if (integer(r, v, days, 0, kMaxNoticeDays)) out = days;
}

void priority_weights(Reader& r, Json& v, PriorityWeights& out) {
    object(r, v, kWeightFields, out, nullptr);
}

void upsell_rules(Reader& r, Json& v, std::vector<UpsellRule>& out) {
    array(r, v, out, rule);
    const auto* elements = v.get_ptr<const Array*>();
    if (!elements) return;
    std::unordered_map<std::string_view, std::size_t> first;
    for (std::size_t i = 0; i < out.size() && i < elements->size(); ++i) {
        r.push(i);
        if (out[i].id.empty()) {
            if ((*elements)[i].contains("id")) r.problem_at("id", "must not be empty");
        } else if (auto [it, added] = first.emplace(out[i].id, i); !added) {
            r.problem_at("id", "duplicate rule id " + quote(out[i].id) + " (first used at /upsell_rules/" +
                                   std::to_string(it->second) + ")");
        }
        r.pop();
    }
}

bool is_known_rule_field(std::string_view key) { return known(kRuleFields, key); }

std::vector<std::string_view> known_rule_fields() {
    std::vector<std::string_view> out;
    for (const auto& f : kRuleFields) out.push_back(f.name);
    return out;
}

} // namespace footprint::core::plan_read_detail
