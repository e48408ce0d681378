// Proposals: catalog products at a term with discounts and one-time charges, compared with what
// the account pays today, as a printable page and as the opportunity it becomes when sent.
#pragma once

#include "core/model.h"

#include <optional>
#include <string>
#include <vector>

namespace footprint::core {

inline constexpr int kProposalTerms[] = {12, 36, 60};
inline constexpr int kMaxDiscountBp = 10000; // 100%

struct ProposalLine {
    std::string product_id; // catalog id
    std::string name;       // as printed; the catalog name by default
    std::string family;
    int quantity = 1;
    Cents unit_mrc = 0;     // list price per unit at the proposal's term
    int discount_bp = 0;    // basis points off the monthly price (1,000 = 10%)
    Cents otc = 0;          // one-time charge for the whole line (install, equipment)
};

struct Proposal {
    std::string account_id;
    std::string opportunity_id; // the deal it belongs to ("" creates one when sent)
    std::string title;          // "Fiber Internet 1 Gbps and Hosted Voice"
    int term_months = 36;
    std::vector<ProposalLine> lines;
    std::vector<std::string> replaces; // ids of the account's services this replaces
    std::string contact;               // "Prepared for" name
    std::string note;                  // a cover note, printed as written
    Date valid_until;
};

// A line's monthly amount after its discount: unit x quantity x (1 - discount), rounded to the
// cent half away from zero.
Cents line_mrc(const ProposalLine& line);
Cents line_list_mrc(const ProposalLine& line); // before the discount

struct ProposalTotals {
    Cents list_mrc = 0;     // the lines at list price
    Cents discount = 0;     // per month
    Cents new_mrc = 0;      // the lines after discounts
    Cents otc = 0;
    Cents current_mrc = 0;  // what the account pays today (every service)
    Cents replaced_mrc = 0; // the services this proposal replaces
    Cents after_mrc = 0;    // current - replaced + new: the monthly bill once signed
    Cents monthly_change = 0; // after - current
    Cents tcv = 0;            // new_mrc x term + otc
    Cents added_tcv = 0;      // monthly_change x term + otc: what the deal adds over the term
    std::vector<std::string> added_families; // families the account has no service of today
};
// `catalog` (optional) gives the family of a service that names a catalog product but has none.
ProposalTotals proposal_totals(const Account& account, const Proposal& p,
                               const std::vector<Product>* catalog = nullptr);

// A new proposal for an account: 36 months, valid 30 days from today, its primary contact.
Proposal new_proposal(const Account& account, Date today);
// A line for a catalog product at the proposal's term (list price from the catalog).
ProposalLine proposal_line(const Product& product, int term_months, int quantity = 1);
// Re-prices every catalog line for a new term (discounts and one-time charges stay).
void set_proposal_term(const Plan& plan, Proposal& p, int term_months);

// What stops the proposal from being sent, for the user (empty: fine).
std::vector<std::string> check_proposal(const Plan& plan, const Proposal& p);

// The deal the proposal becomes when sent: `existing` updated (stage moved to the proposal stage
// when it is earlier, amounts and products from the proposal) or a new one in the proposal stage,
// closing 30 days from today. Its MRC is the proposal's new MRC (the contract being signed), its
// one-time charges, term and products the proposal's. A new deal is an upsell for a client, a
// win-back for a former client and new business for a prospect.
Opportunity proposal_opportunity(const Plan& plan, const Account& account, const Proposal& p,
                                 const Opportunity* existing, Date today);

// The proposal as a polished printable page (html.h): every user string escaped.
std::string proposal_html(const Plan& plan, const Account& account, const Proposal& p, Date today);
// "Proposal - Riverside Dental Group - 2026-11-27.html" with unsafe file name characters replaced.
std::string proposal_file_name(const Account& account, Date today);

} // namespace footprint::core
