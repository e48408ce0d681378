// Small hand-built plans for the desk tests: a client, a former client, services and deals.
#pragma once

#include "core/desk_common.h"

#include <string>

namespace desk_test {

using namespace footprint::core;

inline Date d(int y, int m, int day) { return date_from_ymd(y, m, day); }

inline Plan base_plan() {
    Plan p = make_empty_plan("plan-t", "Test", Timestamp{0});
    p.owner = "Jordan";
    return p;
}

inline Account& add_account(Plan& p, std::string id, AccountStatus status, int employees = 20,
                            int sites = 1, std::string industry = "Manufacturing") {
    Account a;
    a.id = std::move(id);
    a.name = "Acct " + a.id;
    a.status = status;
    a.employees = employees;
    a.sites = sites;
    a.industry = std::move(industry);
    Contact c;
    c.id = "con-" + a.id;
    c.name = "Pat Doe";
    c.primary = true;
    a.contacts.push_back(c);
    p.accounts.push_back(std::move(a));
    return p.accounts.back();
}

inline Service& add_service(Account& a, std::string product, std::string family, Cents mrc,
                            std::optional<Date> end = std::nullopt, int term = 36,
                            bool auto_renew = false, int quantity = 1, int mbps = 0) {
    Service s;
    s.id = "svc-" + a.id + "-" + std::to_string(a.services.size());
    s.product = std::move(product);
    s.family = std::move(family);
    s.mrc = mrc;
    s.contract_end = end;
    if (end) s.contract_start = add_months(add_days(*end, 1), -term);
    s.term_months = term;
    s.auto_renew = auto_renew;
    s.quantity = quantity;
    s.bandwidth_mbps = mbps;
    a.services.push_back(std::move(s));
    return a.services.back();
}

inline Opportunity& add_opp(Plan& p, const std::string& account, OpportunityType type,
                            std::string stage, std::optional<Date> close, Cents mrc = 10000,
                            std::vector<std::string> products = {}) {
    Opportunity o;
    o.id = "opp-" + std::to_string(p.opportunities.size());
    o.account_id = account;
    o.name = "Deal " + o.id;
    o.type = type;
    o.stage = std::move(stage);
    o.close_date = close;
    o.mrc = mrc;
    o.products = std::move(products);
    p.opportunities.push_back(std::move(o));
    return p.opportunities.back();
}

inline Activity& add_activity(Plan& p, const std::string& account, Date date,
                              ActivityType type = ActivityType::Call) {
    Activity a;
    a.id = "act-" + std::to_string(p.activities.size());
    a.account_id = account;
    a.date = date;
    a.type = type;
    p.activities.push_back(std::move(a));
    return p.activities.back();
}

inline AccountLinks links_of(const Plan& p, Date today) { return link_accounts(p, today); }

} // namespace desk_test
