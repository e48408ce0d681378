// Proposal pricing, checks and the opportunity a sent proposal becomes (see proposal.h).
#include "core/proposal.h"

#include "core/desk_common.h"
#include "core/format.h"
#include "core/summary.h"

#include <algorithm>
#include <cctype>

namespace footprint::core {

Cents line_list_mrc(const ProposalLine& line) {
    return line.unit_mrc * std::max(0, line.quantity);
}

Cents line_mrc(const ProposalLine& line) {
    const Cents list = line_list_mrc(line);
    const int bp = std::clamp(line.discount_bp, 0, kMaxDiscountBp);
    // list x (10000 - bp) / 10000, rounded half away from zero (list is never negative here).
    const Cents num = list * (kMaxDiscountBp - bp);
    return (num + kMaxDiscountBp / 2) / kMaxDiscountBp;
}

ProposalTotals proposal_totals(const Account& account, const Proposal& p,
                               const std::vector<Product>* catalog) {
    ProposalTotals t;
    for (const ProposalLine& l : p.lines) {
        t.list_mrc += line_list_mrc(l);
        t.new_mrc += line_mrc(l);
        t.otc += l.otc;
    }
    t.discount = t.list_mrc - t.new_mrc;
    t.current_mrc = account_mrc(account);
    for (const Service& s : account.services)
        if (std::find(p.replaces.begin(), p.replaces.end(), s.id) != p.replaces.end())
            t.replaced_mrc += s.mrc;
    t.after_mrc = t.current_mrc - t.replaced_mrc + t.new_mrc;
    t.monthly_change = t.after_mrc - t.current_mrc;
    t.tcv = t.new_mrc * p.term_months + t.otc;
    t.added_tcv = t.monthly_change * p.term_months + t.otc;
    for (const ProposalLine& l : p.lines) {
        if (l.family.empty()) continue;
        // A family the account holds today (even in a service this replaces) is an upgrade.
        const auto family_of = [&](const Service& s) -> const std::string& {
            if (!s.family.empty() || !catalog) return s.family;
            for (const Product& prod : *catalog)
                if (prod.id == s.product) return prod.family;
            return s.family;
        };
        const bool has = std::any_of(account.services.begin(), account.services.end(),
                                     [&](const Service& s) { return family_of(s) == l.family; });
        if (!has && std::find(t.added_families.begin(), t.added_families.end(), l.family) ==
                        t.added_families.end())
            t.added_families.push_back(l.family);
    }
    return t;
}

Proposal new_proposal(const Account& account, Date today) {
    Proposal p;
    p.account_id = account.id;
    p.term_months = kQuoteTermMonths;
    p.valid_until = add_days(today, 30);
    for (const Contact& c : account.contacts)
        if (c.primary) p.contact = c.name;
    if (p.contact.empty() && !account.contacts.empty()) p.contact = account.contacts.front().name;
    return p;
}

ProposalLine proposal_line(const Product& product, int term_months, int quantity) {
    ProposalLine l;
    l.product_id = product.id;
    l.name = product.name;
    l.family = product.family;
    l.quantity = quantity;
    l.unit_mrc = catalog_price(product, term_months);
    l.otc = product.otc * quantity;
    return l;
}

void set_proposal_term(const Plan& plan, Proposal& p, int term_months) {
    p.term_months = term_months;
    for (ProposalLine& l : p.lines)
        if (const Product* product = find_product(plan, l.product_id))
            l.unit_mrc = catalog_price(*product, term_months);
}

std::vector<std::string> check_proposal(const Plan& plan, const Proposal& p) {
    std::vector<std::string> problems;
    const bool known = std::any_of(plan.accounts.begin(), plan.accounts.end(),
                                   [&](const Account& a) { return a.id == p.account_id; });
    if (!known) problems.push_back("The proposal's account is no longer in the plan.");
    if (p.lines.empty()) problems.push_back("Add at least one product from the catalog.");
    if (p.term_months < 1 || p.term_months > 120)
        problems.push_back("The term must be between 1 and 120 months.");
    for (const ProposalLine& l : p.lines) {
        const std::string name = l.name.empty() ? std::string("A line") : "\"" + l.name + "\"";
        if (l.quantity < 1) problems.push_back(name + " needs a quantity of at least 1.");
        if (l.discount_bp < 0 || l.discount_bp > kMaxDiscountBp)
            problems.push_back(name + ": the discount must be between 0% and 100%.");
        if (l.otc < 0) problems.push_back(name + ": the one-time charge cannot be negative.");
    }
    return problems;
}

namespace {

const Stage* proposal_stage(const Plan& plan) {
    for (const Stage& s : plan.stages) {
        if (s.closed) continue;
        std::string lower = s.name;
        for (char& c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower.find("proposal") != std::string::npos || lower.find("quote") != std::string::npos)
            return &s;
    }
    return first_open_stage(plan);
}

std::size_t stage_position(const Plan& plan, const std::string& name) {
    for (std::size_t i = 0; i < plan.stages.size(); ++i)
        if (plan.stages[i].name == name) return i;
    return plan.stages.size();
}

} // namespace

Opportunity proposal_opportunity(const Plan& plan, const Account& account, const Proposal& p,
                                 const Opportunity* existing, Date today) {
    const ProposalTotals t = proposal_totals(account, p, &plan.catalog);
    Opportunity o;
    if (existing) {
        o = *existing;
    } else {
        o.account_id = account.id;
        o.type = account.status == AccountStatus::Former     ? OpportunityType::WinBack
                 : account.status == AccountStatus::Prospect ? OpportunityType::New
                                                             : OpportunityType::Upsell;
        o.name = account.name + " \xE2\x80\x94 " + (p.title.empty() ? "Proposal" : p.title);
        o.close_date = add_days(today, 30);
        o.owner = plan.owner;
        o.created = today;
    }
    if (const Stage* s = proposal_stage(plan)) {
        const bool earlier = !existing || stage_position(plan, o.stage) < stage_position(plan, s->name);
        const Stage* current = find_stage(plan, o.stage);
        if (earlier && !(current && current->closed)) {
            o.stage = s->name;
            o.probability = s->probability;
            o.forecast_category = s->category;
        }
    }
    o.mrc = t.new_mrc;
    o.otc = t.otc;
    o.term_months = p.term_months;
    o.products.clear();
    for (const ProposalLine& l : p.lines)
        if (!l.product_id.empty() &&
            std::find(o.products.begin(), o.products.end(), l.product_id) == o.products.end())
            o.products.push_back(l.product_id);
    o.next_step = "Follow up on the proposal sent " + format_date(today);
    return o;
}

std::string proposal_file_name(const Account& account, Date today) {
    std::string name;
    for (char c : account.name) {
        const bool bad = static_cast<unsigned char>(c) < 0x20 ||
                         std::string_view("<>:\"/\\|?*").find(c) != std::string_view::npos;
        name += bad ? '-' : c;
    }
    if (name.size() > 80) {
        name.resize(80);
        // Never end inside a UTF-8 sequence: drop continuation bytes and their lead byte.
        while (!name.empty() && (static_cast<unsigned char>(name.back()) & 0xC0) == 0x80)
            name.pop_back();
        if (!name.empty() && static_cast<unsigned char>(name.back()) >= 0xC0) name.pop_back();
    }
    if (name.empty()) name = "account";
    return "Proposal - " + name + " - " + format_iso_date(today) + ".html";
}

} // namespace footprint::core
