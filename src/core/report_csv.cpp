// The reports as CSV and JSON (see report_export.h).
#include "core/csv.h"
#include "core/report_export.h"

#include <unordered_map>

namespace footprint::core {

std::string_view to_string(ReportKind k) {
    switch (k) {
    case ReportKind::Activity: return "activity";
    case ReportKind::Renewal: return "renewal";
    case ReportKind::Winback: return "winback";
    }
    return "activity";
}

std::optional<ReportKind> report_kind_from(std::string_view s) {
    if (s == "activity") return ReportKind::Activity;
    if (s == "renewal" || s == "renewals") return ReportKind::Renewal;
    if (s == "winback" || s == "winbacks" || s == "win-back") return ReportKind::Winback;
    return std::nullopt;
}

std::string report_file_name(std::string_view kind, const Period& p, std::string_view ext) {
    return std::string(kind) + "-report-" + format_iso_date(p.from) + "-to-" +
           format_iso_date(p.to) + "." + std::string(ext);
}

namespace {

// Dollars with two decimals, exact for any Cents: 123450 -> "1234.50", -5 -> "-0.05".
std::string dollars(Cents c) {
    const bool neg = c < 0;
    const unsigned long long u =
        neg ? 0ull - static_cast<unsigned long long>(c) : static_cast<unsigned long long>(c);
    std::string cents = std::to_string(u % 100);
    if (cents.size() < 2) cents.insert(0, "0");
    return (neg ? "-" : "") + std::to_string(u / 100) + "." + cents;
}

class Names {
public:
    explicit Names(const Plan& plan) {
        for (const Account& a : plan.accounts)
            names_.emplace(a.id, &a.name);
    }
    const std::string& of(const std::string& id) const {
        static const std::string none = "(account not in the plan)";
        auto it = names_.find(id);
        return it == names_.end() ? none : *it->second;
    }

private:
    std::unordered_map<std::string_view, const std::string*> names_;
};

// A CSV being written: one row at a time, text guarded, numbers as they are.
class Csv {
public:
    struct Cell {
        Cell() = default;
        Cell(std::string v, bool is_number = false) : value(std::move(v)), number(is_number) {}
        Cell(const char* v) : value(v) {}
        std::string value;
        bool number = false;
    };
    Csv() {
        out_ = "\xEF\xBB\xBF";
        row({"Section", "Item", "Detail", "Date", "Count", "Goal", "MRC", "TCV"});
    }
    void row(std::initializer_list<Cell> cells) {
        bool first = true;
        for (const Cell& c : cells) {
            if (!first) out_ += ',';
            first = false;
            append_csv_cell(out_, c.value, !c.number);
        }
        out_ += "\r\n";
    }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

Csv::Cell num(long long n) {
    return {std::to_string(n), true};
}
Csv::Cell money(Cents c) {
    return {dollars(c), true};
}
Csv::Cell day(const std::optional<Date>& d) {
    return {d ? format_iso_date(*d) : std::string(), true};
}
Cents tcv(const Opportunity& o) {
    return o.mrc * o.term_months + o.otc;
}

const char* const kTypePlural[] = {"Calls", "Visits", "Meetings", "Emails", "Events", "Proposals"};

std::string period_text(const Period& p) {
    return format_iso_date(p.from) + " to " + format_iso_date(p.to);
}

} // namespace

std::string activity_report_csv(const Plan& plan, const ActivityPeriodReport& r) {
    const Names names(plan);
    Csv csv;
    csv.row({{"Period"}, {period_title(r.period)}, {period_text(r.period)}, day(r.period.from),
             num(r.period.days()), {}, {}, {}});
    for (int t = 0; t < kActivityTypeCount; ++t)
        csv.row({{"Activities"}, {kTypePlural[t]}, {}, {}, num(r.counts.by_type[t]),
                 num(r.goals[t]), {}, {}});
    csv.row({{"Activities"}, {"Total"}, {}, {}, num(r.counts.total()), num(r.goal_total), {}, {}});
    csv.row({{"Accounts touched"}, {"Accounts with an activity"}, {}, {},
             num(r.counts.accounts_touched), {}, {}, {}});
    csv.row({{"Next steps"}, {"Done"}, {}, {}, num(r.tasks_done), {}, {}, {}});
    csv.row({{"Next steps"}, {"Open, due by the period's end"}, {}, {}, num(r.tasks_open), {}, {},
             {}});
    csv.row({{"New pipeline"}, {"Total"}, {}, {}, num(static_cast<long long>(r.created.size())), {},
             money(r.created_mrc), money(r.created_tcv)});
    for (const Opportunity* o : r.created)
        csv.row({{"New pipeline"}, {names.of(o->account_id)}, {o->name}, day(o->created), num(1),
                 {}, money(o->mrc), money(tcv(*o))});
    csv.row({{"Won"}, {"Total"}, {}, {}, num(static_cast<long long>(r.deals.won.size())), {},
             money(r.deals.won_mrc), {}});
    for (const Opportunity* o : r.deals.won)
        csv.row({{"Won"}, {names.of(o->account_id)}, {o->name}, day(o->close_date), num(1), {},
                 money(o->mrc), money(tcv(*o))});
    csv.row({{"Lost"}, {"Total"}, {}, {}, num(static_cast<long long>(r.deals.lost.size())), {},
             money(r.deals.lost_mrc), {}});
    for (const Opportunity* o : r.deals.lost)
        csv.row({{"Lost"}, {names.of(o->account_id)},
                 {o->loss_reason.empty() ? std::string("No reason recorded") : o->loss_reason},
                 day(o->close_date), num(1), {}, money(o->mrc), money(tcv(*o))});
    for (const LossReason& l : r.loss_reasons)
        csv.row({{"Loss reasons"}, {l.reason}, {}, {}, num(l.deals), {}, money(l.mrc), {}});
    return csv.take();
}

std::string renewal_report_csv(const Plan& plan, const RenewalReport& r) {
    (void)plan;
    Csv csv;
    csv.row({{"Period"}, {period_title(r.period)}, {period_text(r.period)}, day(r.period.from),
             num(r.period.days()), {}, {}, {}});
    const auto section = [&](const char* name, const std::vector<RenewalItem>& items, Cents total) {
        csv.row({{name}, {"Total"}, {}, {}, num(static_cast<long long>(items.size())), {},
                 money(total), {}});
        for (const RenewalItem& i : items)
            csv.row({{name}, {i.account ? i.account->name : std::string("(account not in the plan)")},
                     {i.deal ? (i.deal->loss_reason.empty() || std::string_view(name) != "Lost"
                                    ? i.deal->name
                                    : i.deal->loss_reason)
                             : (i.account && i.account->status == AccountStatus::Former
                                    ? i.account->former.reason
                                    : std::string())},
                     day(i.date), num(1), {}, money(i.mrc), {}});
    };
    section("Upcoming", r.upcoming, r.upcoming_mrc);
    section("Renewed", r.renewed, r.renewed_mrc);
    section("Lost", r.lost, r.lost_mrc);
    return csv.take();
}

std::string winback_report_csv(const Plan& plan, const WinbackReport& r) {
    const Names names(plan);
    Csv csv;
    csv.row({{"Period"}, {period_title(r.period)}, {period_text(r.period)}, day(r.period.from),
             num(r.period.days()), {}, {}, {}});
    csv.row({{"Targets"}, {"Total"}, {}, {}, num(static_cast<long long>(r.targets.size())), {}, {},
             {}});
    for (const WinbackItem& t : r.targets)
        csv.row({{"Targets"}, {t.account->name},
                 {t.contacted ? std::string("Contacted") : std::string("Not contacted")},
                 day(t.competitor_end), num(1), {}, {}, {}});
    csv.row({{"Contacted"}, {"Total"}, {}, {}, num(r.contacted), {}, {}, {}});
    csv.row({{"Won back"}, {"Total"}, {}, {}, num(static_cast<long long>(r.won_back.size())), {},
             money(r.won_back_mrc), {}});
    for (const Opportunity* o : r.won_back)
        csv.row({{"Won back"}, {names.of(o->account_id)}, {o->name}, day(o->close_date), num(1), {},
                 money(o->mrc), money(tcv(*o))});
    return csv.take();
}

namespace {

Json period_json(const Period& p) {
    return {{"from", format_iso_date(p.from)},
            {"to", format_iso_date(p.to)},
            {"days", p.days()},
            {"title", period_title(p)}};
}

Json deal_json(const Names& names, const Opportunity& o) {
    return {{"id", o.id},
            {"account_id", o.account_id},
            {"account", names.of(o.account_id)},
            {"name", o.name},
            {"type", std::string(to_string(o.type))},
            {"mrc", o.mrc},
            {"tcv", tcv(o)},
            {"close_date", o.close_date ? format_iso_date(*o.close_date) : ""},
            {"created", o.created ? format_iso_date(*o.created) : ""},
            {"loss_reason", o.loss_reason}};
}

} // namespace

Json activity_report_json(const Plan& plan, const ActivityPeriodReport& r) {
    const Names names(plan);
    Json types = Json::object();
    for (int t = 0; t < kActivityTypeCount; ++t)
        types[std::string(to_string(static_cast<ActivityType>(t)))] = {
            {"count", r.counts.by_type[t]}, {"goal", r.goals[t]}};
    Json created = Json::array(), won = Json::array(), lost = Json::array(),
         reasons = Json::array();
    for (const Opportunity* o : r.created)
        created.push_back(deal_json(names, *o));
    for (const Opportunity* o : r.deals.won)
        won.push_back(deal_json(names, *o));
    for (const Opportunity* o : r.deals.lost)
        lost.push_back(deal_json(names, *o));
    for (const LossReason& l : r.loss_reasons)
        reasons.push_back({{"reason", l.reason}, {"deals", l.deals}, {"mrc", l.mrc}});
    return {{"report", "activity"},
            {"period", period_json(r.period)},
            {"activities", types},
            {"total", r.counts.total()},
            {"goal_total", r.goal_total},
            {"accounts_touched", r.counts.accounts_touched},
            {"next_steps_done", r.tasks_done},
            {"next_steps_open", r.tasks_open},
            {"new_opportunities", created},
            {"new_pipeline_mrc", r.created_mrc},
            {"new_pipeline_tcv", r.created_tcv},
            {"won", won},
            {"won_mrc", r.deals.won_mrc},
            {"lost", lost},
            {"lost_mrc", r.deals.lost_mrc},
            {"loss_reasons", reasons}};
}

Json renewal_report_json(const Plan& plan, const RenewalReport& r) {
    (void)plan;
    const auto items = [](const std::vector<RenewalItem>& v) {
        Json out = Json::array();
        for (const RenewalItem& i : v)
            out.push_back({{"account_id", i.account ? i.account->id : ""},
                           {"account", i.account ? i.account->name : ""},
                           {"deal_id", i.deal ? i.deal->id : ""},
                           {"date", format_iso_date(i.date)},
                           {"mrc", i.mrc}});
        return out;
    };
    return {{"report", "renewal"},     {"period", period_json(r.period)},
            {"horizon_days", r.horizon_days},
            {"upcoming", items(r.upcoming)}, {"upcoming_mrc", r.upcoming_mrc},
            {"renewed", items(r.renewed)},   {"renewed_mrc", r.renewed_mrc},
            {"lost", items(r.lost)},         {"lost_mrc", r.lost_mrc}};
}

Json winback_report_json(const Plan& plan, const WinbackReport& r) {
    const Names names(plan);
    Json targets = Json::array(), won = Json::array();
    for (const WinbackItem& t : r.targets)
        targets.push_back({{"account_id", t.account->id},
                           {"account", t.account->name},
                           {"competitor_end", format_iso_date(t.competitor_end)},
                           {"contacted", t.contacted},
                           {"won_back", t.deal != nullptr}});
    for (const Opportunity* o : r.won_back)
        won.push_back(deal_json(names, *o));
    return {{"report", "winback"},      {"period", period_json(r.period)},
            {"targets", targets},       {"contacted", r.contacted},
            {"won_back", won},          {"won_back_mrc", r.won_back_mrc}};
}

} // namespace footprint::core
