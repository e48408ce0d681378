// Building the desks' one-click opportunities (see desk_opportunities.h).
#include "core/desk_opportunities.h"

#include "core/format.h"

#include <algorithm>

namespace footprint::core {

namespace {

std::optional<Opportunity> start(const Plan& plan, const Account& a, OpportunityType type,
                                 std::string what) {
    const Stage* stage = first_open_stage(plan);
    if (!stage) return std::nullopt;
    Opportunity o;
    o.account_id = a.id;
    o.name = a.name + " \xE2\x80\x94 " + what; // em dash, as the sample plan names deals
    o.type = type;
    o.stage = stage->name;
    o.probability = stage->probability;
    o.forecast_category = stage->category;
    o.owner = plan.owner;
    return o;
}

std::string primary_contact(const Account& a) {
    for (const Contact& c : a.contacts)
        if (c.primary && !c.name.empty()) return c.name;
    return a.contacts.empty() || a.contacts.front().name.empty() ? std::string() : a.contacts.front().name;
}

void add_unique(std::vector<std::string>& list, const std::string& id) {
    if (!id.empty() && std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
}

} // namespace

std::optional<Opportunity> renewal_opportunity(const Plan& plan, const RenewalRow& row, Date today) {
    const Account& a = plan.accounts[row.account];
    auto o = start(plan, a, OpportunityType::Renewal,
                   "Renewal " + std::to_string(ymd_of(std::max(row.end, today)).year));
    if (!o) return o;
    for (std::size_t i : row.services) add_unique(o->products, a.services[i].product);
    o->mrc = row.mrc;
    o->term_months = row.term_months;
    o->close_date = std::max(row.end, today);
    const std::string who = primary_contact(a);
    o->next_step = who.empty() ? "Call about the renewal" : "Call " + who + " about the renewal";
    if (row.days_to_notice >= 0 && row.days_left >= 0)
        o->next_step += " before the notice deadline (" + format_date(row.notice_by) + ")";
    return o;
}

std::optional<Opportunity> winback_opportunity(const Plan& plan, const WinbackRow& row, Date today) {
    const Account& a = plan.accounts[row.account];
    auto o = start(plan, a, OpportunityType::WinBack, "Win-back");
    if (!o) return o;
    o->products = row.products;
    o->mrc = row.value;
    o->term_months = kQuoteTermMonths;
    const Date earliest = add_days(today, kWinbackMinLeadDays);
    o->close_date = row.competitor ? std::max(row.competitor->end, earliest) : add_days(today, 60);
    const std::string who = primary_contact(a);
    std::string step = who.empty() ? "Call" : "Call " + who;
    if (row.competitor && !a.former.competitor.empty())
        step += ": their " + a.former.competitor + " contract " +
                (row.competitor->estimated ? "likely ends " : "ends ") + format_date(row.competitor->end);
    o->next_step = step;
    return o;
}

std::optional<Opportunity> upsell_opportunity(const Plan& plan, std::size_t account,
                                              const Recommendation& rec, Date today) {
    const Account& a = plan.accounts[account];
    const Product& product = plan.catalog[rec.product];
    std::string what = product.name;
    if (rec.quantity > 1) what += " \xC3\x97" + format_count(rec.quantity);
    auto o = start(plan, a, OpportunityType::Upsell, what);
    if (!o) return o;
    o->products = {product.id};
    o->mrc = rec.value;
    o->otc = plan.upsell_rules[rec.rule].upgrade ? 0 : product.otc * rec.quantity;
    o->term_months = kQuoteTermMonths;
    o->close_date = add_days(today, kUpsellCloseDays);
    o->next_step = "Propose it: " + recommendation_reason(plan, a, rec);
    return o;
}

} // namespace footprint::core
