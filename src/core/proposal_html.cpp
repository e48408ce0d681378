// The printable proposal page (see proposal.h): what the client gets, priced, and compared with
// what they pay today.
#include "core/format.h"
#include "core/html.h"
#include "core/proposal.h"

#include <algorithm>

namespace footprint::core {

namespace {

constexpr std::string_view kProposalCss = R"(
.head { display: flex; justify-content: space-between; align-items: flex-end; gap: 24px;
  border-bottom: 3px solid #0b6bcb; padding-bottom: 12px; margin-bottom: 18px; }
.head .kind { font-size: 11px; letter-spacing: .12em; text-transform: uppercase; color: #0b6bcb;
  font-weight: 650; }
.head .meta { text-align: right; font-size: 12px; color: #52606d; }
.parties { display: flex; gap: 32px; margin: 0 0 10px; }
.parties div { flex: 1; }
.parties .l { font-size: 11px; color: #616e7c; text-transform: uppercase; letter-spacing: .06em; }
.note { white-space: pre-wrap; background: #f5f7fa; border-left: 3px solid #0b6bcb;
  padding: 10px 14px; margin: 12px 0; }
.change-up { color: #2f8132; } .change-down { color: #b3261e; }
.grand td { font-size: 15px; }
.fine { font-size: 11px; color: #7b8794; margin-top: 20px; }
.sign { display: flex; gap: 40px; margin-top: 36px; break-inside: avoid; }
.sign div { flex: 1; border-top: 1px solid #9aa5b1; padding-top: 4px; font-size: 11px;
  color: #616e7c; }
)";

std::string percent_bp(int bp) {
    const int whole = bp / 100, frac = bp % 100;
    std::string s = std::to_string(whole);
    if (frac) {
        s += frac < 10 ? ".0" : ".";
        s += std::to_string(frac);
    }
    while (s.find('.') != std::string::npos && s.back() == '0')
        s.pop_back();
    return s + "%";
}

std::string signed_mrc(Cents c) {
    if (c == 0) return "no change";
    std::string s = c > 0 ? "+" : "";
    s += format_mrc(c);
    return s;
}

std::string family_title(const std::string& f) {
    if (f == "internet") return "Internet";
    if (f == "ethernet") return "Ethernet";
    if (f == "voice") return "Voice";
    if (f == "tv") return "TV";
    if (f == "cloud") return "Cloud";
    if (f == "managed") return "Managed services";
    return f;
}

} // namespace

std::string proposal_html(const Plan& plan, const Account& account, const Proposal& p, Date today) {
    const ProposalTotals t = proposal_totals(account, p, &plan.catalog);
    std::string o;
    const auto text = [&](std::string_view s) { append_html_escaped(o, s); };
    const std::string title = p.title.empty() ? std::string("Proposal") : p.title;
    o += html_page_begin("Proposal \xE2\x80\x94 " + account.name, kProposalCss);

    o += "<div class=\"head\"><div><div class=\"kind\">Proposal</div><h1>";
    text(title);
    o += "</h1><div class=\"muted\">for ";
    text(account.name);
    o += "</div></div><div class=\"meta\">";
    text(format_date(today));
    o += "<br>Valid until ";
    text(format_date(p.valid_until));
    o += "<br>";
    text(std::to_string(p.term_months) + "-month term");
    o += "</div></div>";

    o += "<div class=\"parties\"><div><div class=\"l\">Prepared for</div>";
    if (!p.contact.empty()) {
        text(p.contact);
        o += "<br>";
    }
    text(account.name);
    const Address& a = account.address;
    if (!a.street.empty()) {
        o += "<br>";
        text(a.street);
    }
    if (!a.city.empty() || !a.state.empty()) {
        o += "<br>";
        text(a.city + (a.city.empty() || a.state.empty() ? "" : ", ") + a.state + " " +
             a.postal_code);
    }
    o += "</div><div><div class=\"l\">Prepared by</div>";
    text(plan.owner.empty() ? std::string("Your account manager") : plan.owner);
    o += "</div></div>";

    if (!p.note.empty()) {
        o += "<div class=\"note\">";
        text(p.note);
        o += "</div>";
    }

    o += "<h2>Services proposed</h2><table><thead><tr><th>Service</th><th class=\"num\">Qty</th>"
         "<th class=\"num\">List / mo</th><th class=\"num\">Discount</th>"
         "<th class=\"num\">Monthly</th><th class=\"num\">One-time</th></tr></thead><tbody>";
    for (const ProposalLine& l : p.lines) {
        o += "<tr><td>";
        text(l.name);
        o += "</td><td class=\"num\">";
        text(format_count(l.quantity));
        o += "</td><td class=\"num\">";
        text(format_money(l.unit_mrc));
        o += "</td><td class=\"num\">";
        text(l.discount_bp ? percent_bp(l.discount_bp) : "\xE2\x80\x94");
        o += "</td><td class=\"num\">";
        text(format_money(line_mrc(l)));
        o += "</td><td class=\"num\">";
        text(l.otc ? format_money(l.otc) : "\xE2\x80\x94");
        o += "</td></tr>";
    }
    if (p.lines.empty()) o += "<tr><td colspan=\"6\" class=\"empty\">No services yet.</td></tr>";
    o += "</tbody><tfoot><tr><td colspan=\"4\">Total</td><td class=\"num\">";
    text(format_mrc(t.new_mrc));
    o += "</td><td class=\"num\">";
    text(format_money(t.otc));
    o += "</td></tr></tfoot></table>";
    if (t.discount > 0) {
        o += "<p class=\"muted small\">Includes ";
        text(format_mrc(t.discount));
        o += " in discounts off list price.</p>";
    }

    o += "<h2>Compared with today</h2><table><tbody>";
    const auto row = [&](std::string_view label, const std::string& value, const char* cls = "") {
        o += "<tr";
        o += cls;
        o += "><td>";
        text(label);
        o += "</td><td class=\"num\">";
        text(value);
        o += "</td></tr>";
    };
    row("What you pay today", format_mrc(t.current_mrc));
    if (t.replaced_mrc) {
        std::string replaced;
        for (const Service& s : account.services)
            if (std::find(p.replaces.begin(), p.replaces.end(), s.id) != p.replaces.end())
                replaced += (replaced.empty() ? "" : ", ") + s.product;
        row("Replaced: " + replaced, "\xE2\x88\x92" + format_mrc(t.replaced_mrc));
    }
    std::string proposed = "+";
    proposed += format_mrc(t.new_mrc);
    row("Services proposed", proposed);
    row("Monthly total once signed", format_mrc(t.after_mrc), " class=\"grand\"");
    o += "<tr><td>Monthly change</td><td class=\"num ";
    o += t.monthly_change >= 0 ? "change-up" : "change-down";
    o += "\">";
    text(signed_mrc(t.monthly_change));
    o += "</td></tr>";
    row("Total contract value (" + std::to_string(p.term_months) + " months + one-time)",
        format_money(t.tcv));
    o += "</tbody></table>";
    if (!t.added_families.empty()) {
        o += "<p><strong>New for ";
        text(account.name);
        o += ":</strong> ";
        for (std::size_t i = 0; i < t.added_families.size(); ++i) {
            if (i) o += ", ";
            text(family_title(t.added_families[i]));
        }
        o += ".</p>";
    }
    o += "<div class=\"sign\"><div>Accepted for ";
    text(account.name);
    o += " (name, signature, date)</div><div>";
    text(plan.owner.empty() ? std::string("Account manager") : plan.owner);
    o += "</div></div>";
    o += "<p class=\"fine\">Prices in ";
    text(plan.settings.currency);
    o += " per month unless marked one-time, before taxes and regulatory fees. This proposal is "
         "valid until ";
    text(format_date(p.valid_until));
    o += " and subject to a signed service agreement and site survey.</p>";
    o += html_page_end();
    return o;
}

} // namespace footprint::core
