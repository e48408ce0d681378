// The reports as one printable self-contained HTML page (see report_export.h).
#include "core/format.h"
#include "core/html.h"
#include "core/report_export.h"

#include <algorithm>
#include <unordered_map>

namespace footprint::core {

namespace {

const char* const kTypePlural[] = {"Calls", "Visits", "Meetings", "Emails", "Events", "Proposals"};

class Page {
public:
    Page& raw(std::string_view s) {
        out_ += s;
        return *this;
    }
    Page& text(std::string_view s) {
        append_html_escaped(out_, s);
        return *this;
    }
    std::string& out() { return out_; }

private:
    std::string out_;
};

void kpi(Page& p, const std::string& value, const std::string& label) {
    p.raw("<div class=\"kpi\"><div class=\"v\">").text(value).raw("</div><div class=\"l\">");
    p.text(label).raw("</div></div>");
}

// A bar as wide as count/goal, green once the goal is met.
void goal_bar(Page& p, int count, int goal) {
    const int pct = goal > 0 ? std::min(100, count * 100 / goal) : (count > 0 ? 100 : 0);
    p.raw("<div class=\"bar\"><span");
    if (goal > 0 && count >= goal) p.raw(" class=\"met\"");
    p.raw(" style=\"width:").raw(std::to_string(pct)).raw("%\"></span></div>");
}

// Activities per day as an inline SVG column chart (no script, scales when printed).
void day_chart(Page& p, const ActivityPeriodReport& r) {
    const int n = static_cast<int>(r.per_day.size());
    if (n == 0) return;
    const int max = std::max(1, *std::max_element(r.per_day.begin(), r.per_day.end()));
    const int w = 700, h = 120, base = 100;
    const double slot = static_cast<double>(w) / n;
    p.raw("<svg viewBox=\"0 0 700 120\" width=\"100%\" role=\"img\" aria-label=\"Activities per "
          "day\">");
    p.raw("<line x1=\"0\" y1=\"100\" x2=\"700\" y2=\"100\" stroke=\"#9aa5b1\"/>");
    for (int i = 0; i < n; ++i) {
        const Date d = add_days(r.period.from, i);
        const int c = r.per_day[static_cast<std::size_t>(i)];
        const double x = slot * i;
        if (weekday(d) >= 5)
            p.raw("<rect x=\"" + std::to_string(x) + "\" y=\"0\" width=\"" + std::to_string(slot) +
                  "\" height=\"100\" fill=\"#f5f7fa\"/>");
        if (c > 0) {
            const double bh = 90.0 * c / max;
            const double bw = std::min(slot * 0.6, 28.0);
            p.raw("<rect x=\"" + std::to_string(x + (slot - bw) / 2) + "\" y=\"" +
                  std::to_string(base - bh) + "\" width=\"" + std::to_string(bw) +
                  "\" height=\"" + std::to_string(bh) + "\" rx=\"2\" fill=\"#0b6bcb\"/>");
        }
        if (n <= 7 || weekday(d) == 0) {
            const Ymd ymd = ymd_of(d);
            p.raw("<text x=\"" + std::to_string(x + slot / 2) +
                  "\" y=\"114\" font-size=\"10\" text-anchor=\"middle\" fill=\"#616e7c\">" +
                  std::to_string(ymd.month) + "/" + std::to_string(ymd.day) + "</text>");
        }
    }
    p.raw("<text x=\"2\" y=\"10\" font-size=\"10\" fill=\"#616e7c\">" + std::to_string(max) +
          "</text></svg>");
    (void)h;
}

std::string account_of(const std::unordered_map<std::string_view, const std::string*>& names,
                       const std::string& id) {
    auto it = names.find(id);
    return it == names.end() ? std::string("(account not in the plan)") : *it->second;
}

void deal_table(Page& p, const std::unordered_map<std::string_view, const std::string*>& names,
                const std::vector<const Opportunity*>& deals, bool reason, Date today) {
    (void)today;
    p.raw("<table><thead><tr><th>Account</th><th>Deal</th><th>Date</th>");
    if (reason) p.raw("<th>Loss reason</th>");
    p.raw("<th class=\"num\">MRC</th></tr></thead><tbody>");
    for (const Opportunity* o : deals) {
        p.raw("<tr><td>").text(account_of(names, o->account_id)).raw("</td><td>").text(o->name);
        p.raw("</td><td>").text(o->close_date ? format_date(*o->close_date) : "").raw("</td>");
        if (reason)
            p.raw("<td>")
                .text(o->loss_reason.empty() ? "No reason recorded" : o->loss_reason)
                .raw("</td>");
        p.raw("<td class=\"num\">").text(format_mrc_rounded(o->mrc)).raw("</td></tr>");
    }
    p.raw("</tbody></table>");
}

void activity_section(Page& p, const Plan& plan, const ActivityPeriodReport& r,
                      const std::unordered_map<std::string_view, const std::string*>& names,
                      Date today) {
    (void)plan;
    p.raw("<h2>Activity</h2><div class=\"kpis\">");
    kpi(p, format_count(r.counts.total()),
        r.goal_total > 0 ? "activities (goal " + format_count(r.goal_total) + ")"
                         : std::string("activities"));
    kpi(p, format_count(r.counts.accounts_touched), "accounts touched");
    kpi(p, format_money_short(r.created_mrc) + "/mo",
        format_count(static_cast<long long>(r.created.size())) + " new opportunities");
    kpi(p, format_money_short(r.deals.won_mrc) + "/mo",
        format_count(static_cast<long long>(r.deals.won.size())) + " won");
    kpi(p, format_money_short(r.deals.lost_mrc) + "/mo",
        format_count(static_cast<long long>(r.deals.lost.size())) + " lost");
    p.raw("</div><h3>Against goals</h3><table><thead><tr><th>Activity</th>"
          "<th class=\"num\">Done</th><th class=\"num\">Goal</th><th style=\"width:45%\">"
          "</th></tr></thead><tbody>");
    for (int t = 0; t < kActivityTypeCount; ++t) {
        p.raw("<tr><td>").text(kTypePlural[t]).raw("</td><td class=\"num\">");
        p.text(format_count(r.counts.by_type[t])).raw("</td><td class=\"num\">");
        p.text(r.goals[t] > 0 ? format_count(r.goals[t]) : "\xE2\x80\x94").raw("</td><td>");
        goal_bar(p, r.counts.by_type[t], r.goals[t]);
        p.raw("</td></tr>");
    }
    p.raw("</tbody><tfoot><tr><td>Total</td><td class=\"num\">")
        .text(format_count(r.counts.total()))
        .raw("</td><td class=\"num\">")
        .text(r.goal_total > 0 ? format_count(r.goal_total) : "\xE2\x80\x94")
        .raw("</td><td></td></tr></tfoot></table>");
    p.raw("<h3>Activities per day</h3>");
    day_chart(p, r);
    p.raw("<h3>New opportunities</h3>");
    if (r.created.empty()) {
        p.raw("<p class=\"empty\">No opportunities created in this period.</p>");
    } else {
        p.raw("<table><thead><tr><th>Account</th><th>Deal</th><th>Created</th>"
              "<th class=\"num\">MRC</th><th class=\"num\">TCV</th></tr></thead><tbody>");
        for (const Opportunity* o : r.created) {
            p.raw("<tr><td>").text(account_of(names, o->account_id)).raw("</td><td>");
            p.text(o->name).raw("</td><td>").text(format_date(*o->created));
            p.raw("</td><td class=\"num\">").text(format_mrc_rounded(o->mrc));
            p.raw("</td><td class=\"num\">")
                .text(format_money_short(o->mrc * o->term_months + o->otc))
                .raw("</td></tr>");
        }
        p.raw("</tbody></table>");
    }
    p.raw("<h3>Won</h3>");
    if (r.deals.won.empty())
        p.raw("<p class=\"empty\">No deals won in this period.</p>");
    else
        deal_table(p, names, r.deals.won, false, today);
    p.raw("<h3>Lost</h3>");
    if (r.deals.lost.empty()) {
        p.raw("<p class=\"empty\">No deals lost in this period.</p>");
    } else {
        deal_table(p, names, r.deals.lost, true, today);
        p.raw("<table><thead><tr><th>Loss reason</th><th class=\"num\">Deals</th>"
              "<th class=\"num\">MRC</th></tr></thead><tbody>");
        for (const LossReason& l : r.loss_reasons) {
            p.raw("<tr><td>").text(l.reason).raw("</td><td class=\"num\">");
            p.text(format_count(l.deals)).raw("</td><td class=\"num\">");
            p.text(format_mrc_rounded(l.mrc)).raw("</td></tr>");
        }
        p.raw("</tbody></table>");
    }
}

void renewal_rows(Page& p, const std::vector<RenewalItem>& items, const char* date_title,
                  const char* empty) {
    if (items.empty()) {
        p.raw("<p class=\"empty\">").text(empty).raw("</p>");
        return;
    }
    p.raw("<table><thead><tr><th>Account</th><th>Deal</th><th>").text(date_title);
    p.raw("</th><th class=\"num\">MRC</th></tr></thead><tbody>");
    for (const RenewalItem& i : items) {
        p.raw("<tr><td>").text(i.account ? i.account->name : "(account not in the plan)");
        p.raw("</td><td>").text(i.deal ? i.deal->name : "\xE2\x80\x94").raw("</td><td>");
        p.text(format_date(i.date)).raw("</td><td class=\"num\">").text(format_mrc_rounded(i.mrc));
        p.raw("</td></tr>");
    }
    p.raw("</tbody></table>");
}

} // namespace

std::string reports_html(const Plan& plan, const ActivityPeriodReport& activity,
                         const RenewalReport& renewals, const WinbackReport& winbacks,
                         Date generated) {
    std::unordered_map<std::string_view, const std::string*> names;
    names.reserve(plan.accounts.size());
    for (const Account& a : plan.accounts)
        names.emplace(a.id, &a.name);
    Page p;
    const std::string title = "Sales activity report \xE2\x80\x94 " + period_title(activity.period);
    p.raw(html_page_begin(title));
    p.raw("<h1>").text(title).raw("</h1><p class=\"muted\">");
    p.text(format_date(activity.period.from) + " \xE2\x80\x93 " + format_date(activity.period.to));
    if (!plan.owner.empty()) p.raw(" &middot; ").text(plan.owner);
    p.raw(" &middot; ").text(plan.name).raw("</p>");
    activity_section(p, plan, activity, names, generated);

    p.raw("<h2>Renewals</h2><div class=\"kpis\">");
    kpi(p, format_money_short(renewals.upcoming_mrc) + "/mo",
        format_count(static_cast<long long>(renewals.upcoming.size())) +
            " upcoming (through " +
            format_date(add_days(renewals.period.to, renewals.horizon_days)) + ")");
    kpi(p, format_money_short(renewals.renewed_mrc) + "/mo",
        format_count(static_cast<long long>(renewals.renewed.size())) + " renewed");
    kpi(p, format_money_short(renewals.lost_mrc) + "/mo",
        format_count(static_cast<long long>(renewals.lost.size())) + " lost");
    p.raw("</div><h3>Upcoming</h3>");
    renewal_rows(p, renewals.upcoming, "Contract ends", "No contracts end in this window.");
    p.raw("<h3>Renewed</h3>");
    renewal_rows(p, renewals.renewed, "Closed", "No renewals won in this period.");
    p.raw("<h3>Lost</h3>");
    renewal_rows(p, renewals.lost, "Lost", "No renewals or clients lost in this period.");

    p.raw("<h2>Win-backs</h2><div class=\"kpis\">");
    kpi(p, format_count(static_cast<long long>(winbacks.targets.size())), "targets");
    kpi(p, format_count(winbacks.contacted), "contacted");
    kpi(p, format_money_short(winbacks.won_back_mrc) + "/mo",
        format_count(static_cast<long long>(winbacks.won_back.size())) + " won back");
    p.raw("</div>");
    if (winbacks.targets.empty()) {
        p.raw("<p class=\"empty\">No former client's win-back window is open in this "
              "period.</p>");
    } else {
        p.raw("<table><thead><tr><th>Former client</th><th>Competitor contract ends</th>"
              "<th>Contacted</th><th>Won back</th></tr></thead><tbody>");
        for (const WinbackItem& t : winbacks.targets) {
            p.raw("<tr><td>").text(t.account->name).raw("</td><td>");
            p.text(format_date(t.competitor_end)).raw("</td><td>");
            p.raw(t.contacted ? "Yes" : "<span class=\"muted\">No</span>").raw("</td><td>");
            p.raw(t.deal ? "Yes" : "<span class=\"muted\">No</span>").raw("</td></tr>");
        }
        p.raw("</tbody></table>");
    }
    p.raw("<p class=\"footer\">Made with Footprint on ").text(format_date(generated));
    p.raw(". Weeks start on Monday; days are the calendar days activities were logged on.</p>");
    p.raw(html_page_end());
    return std::move(p.out());
}

} // namespace footprint::core
