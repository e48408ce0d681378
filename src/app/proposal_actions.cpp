// Sending a proposal (see proposal_actions.h).
#include "app/proposal_actions.h"

#include "core/format.h"

namespace footprint::app {

namespace {

std::string summary_of(const core::Account& account, const core::Proposal& p,
                       const std::vector<core::Product>& catalog) {
    const core::ProposalTotals t = core::proposal_totals(account, p, &catalog);
    std::string s = std::to_string(p.term_months) + "-month term. ";
    for (const core::ProposalLine& l : p.lines) {
        s += core::format_count(l.quantity) + " x " + l.name + ": " +
             core::format_mrc(core::line_mrc(l));
        if (l.otc) s += " + " + core::format_money(l.otc) + " one-time";
        s += "\n";
    }
    s += "New monthly " + core::format_mrc(t.new_mrc) + "; monthly change " +
         core::format_mrc(t.monthly_change) + "; total contract value " +
         core::format_money(t.tcv) + ".";
    return s;
}

} // namespace

std::optional<SentProposal> send_proposal(App& app, const core::Proposal& proposal,
                                          std::vector<std::string>& problems) {
    problems = core::check_proposal(app.plan(), proposal);
    if (!problems.empty()) return std::nullopt;
    const core::Plan& plan = app.plan();
    const auto ai = app.doc().index().account(proposal.account_id);
    if (!ai) return std::nullopt;
    const core::Account& account = plan.accounts[*ai];
    const core::Date today = app.clock().today();

    const core::Opportunity* existing = nullptr;
    if (auto oi = app.doc().index().opportunity(proposal.opportunity_id);
        oi && plan.opportunities[*oi].account_id == account.id)
        existing = &plan.opportunities[*oi];
    core::Opportunity deal = core::proposal_opportunity(plan, account, proposal, existing, today);
    SentProposal sent;
    sent.created_opportunity = existing == nullptr;
    if (!existing) deal.id = app.ids().next("opp");
    sent.opportunity_id = deal.id;

    core::Activity act;
    act.id = app.ids().next("act");
    sent.activity_id = act.id;
    act.account_id = account.id;
    act.opportunity_id = deal.id;
    act.type = core::ActivityType::Proposal;
    act.date = today;
    act.subject = "Proposal sent: " + (proposal.title.empty() ? std::string("Proposal")
                                                              : proposal.title);
    act.outcome = "Sent " + core::format_mrc(core::proposal_totals(account, proposal, &plan.catalog).new_mrc) +
                  (proposal.contact.empty() ? std::string() : " to " + proposal.contact);
    act.notes = summary_of(account, proposal, plan.catalog);
    act.next_step = "Follow up on the proposal";
    act.next_step_due = core::add_days(today, 3);
    for (const core::Contact& c : account.contacts)
        if (!proposal.contact.empty() && c.name == proposal.contact) act.contact_id = c.id;

    app.execute(Command{"Send proposal to " + account.name,
                        {core::Put<core::Opportunity>{std::move(deal), std::nullopt, true},
                         core::Put<core::Activity>{std::move(act), std::nullopt, true}}});
    return sent;
}

} // namespace footprint::app
