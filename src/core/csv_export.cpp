// CSV export of accounts, contacts and opportunities.
#include "core/csv_export.h"

#include "core/csv.h"

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <unordered_map>

namespace footprint::core {

namespace {

class Writer {
  public:
    explicit Writer(std::string& out) : out_(out) {}
    void header(std::initializer_list<const char*> names) {
        for (const char* n : names)
            text(n);
        end();
    }
    void text(std::string_view v) {
        sep();
        append_csv_cell(out_, v, true);
    }
    // Numbers are written plainly (no grouping, a dot for decimals) and never guarded: a leading
    // minus on a longitude is data, not a formula.
    void number(long long v) {
        sep();
        out_ += std::to_string(v);
    }
    void number_if(long long v) {
        if (v)
            number(v);
        else
            sep();
    }
    void decimal(double v) {
        sep();
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.6f", v);
        out_ += buf;
    }
    void money(Cents c) {
        sep();
        const Cents mag = c < 0 ? -c : c;
        char buf[40];
        std::snprintf(buf, sizeof buf, "%s%lld.%02lld", c < 0 ? "-" : "",
                      static_cast<long long>(mag / 100), static_cast<long long>(mag % 100));
        out_ += buf;
    }
    void date(const std::optional<Date>& d) {
        sep();
        if (d) out_ += format_iso_date(*d);
    }
    void boolean(bool b) { text(b ? "true" : "false"); }
    void empty() { sep(); }
    void end() {
        out_ += "\r\n";
        first_ = true;
    }

  private:
    void sep() {
        if (!first_) out_ += ',';
        first_ = false;
    }
    std::string& out_;
    bool first_ = true;
};

const char* salesforce_type(AccountStatus s) {
    switch (s) {
    case AccountStatus::Client:
        return "Customer";
    case AccountStatus::Former:
        return "Former Customer";
    case AccountStatus::Prospect:
        return "Prospect";
    }
    return "Prospect";
}

const char* salesforce_type(OpportunityType t) {
    switch (t) {
    case OpportunityType::New:
        return "New Customer";
    case OpportunityType::Upsell:
        return "Existing Customer - Upgrade";
    case OpportunityType::Renewal:
        return "Renewal";
    case OpportunityType::WinBack:
        return "Win-back";
    }
    return "New Customer";
}

const char* category_label(ForecastCategory c) {
    switch (c) {
    case ForecastCategory::Pipeline:
        return "Pipeline";
    case ForecastCategory::BestCase:
        return "Best Case";
    case ForecastCategory::Commit:
        return "Commit";
    case ForecastCategory::Closed:
        return "Closed";
    case ForecastCategory::Omitted:
        return "Omitted";
    }
    return "Pipeline";
}

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) {
        if (!s.empty()) s += "; ";
        s += x;
    }
    return s;
}

bool wanted(const Account& a, const std::unordered_set<std::string>* only) {
    return !only || only->count(a.id) > 0;
}

void write_accounts(Writer& w, const Plan& plan, const std::unordered_set<std::string>* only) {
    w.header({"Id",
              "Name",
              "Type",
              "Industry",
              "NumberOfEmployees",
              "AccountNumber",
              "BillingStreet",
              "BillingCity",
              "BillingState",
              "BillingPostalCode",
              "BillingCountry",
              "BillingLatitude",
              "BillingLongitude",
              "Description",
              "Footprint_Id",
              "Status",
              "Owner_Name",
              "Territory",
              "Tags",
              "Sites",
              "MRC",
              "Next_Contract_End",
              "Lost_Date",
              "Loss_Reason",
              "Competitor",
              "Competitor_Term_Months",
              "Competitor_Contract_End"});
    for (const Account& a : plan.accounts) {
        if (!wanted(a, only)) continue;
        w.text(a.salesforce_id);
        w.text(a.name);
        w.text(salesforce_type(a.status));
        w.text(a.industry);
        w.number_if(a.employees);
        w.text(a.billing_account);
        w.text(a.address.street);
        w.text(a.address.city);
        w.text(a.address.state);
        w.text(a.address.postal_code);
        w.text(a.address.country);
        if (a.location) {
            w.decimal(a.location->lat);
            w.decimal(a.location->lon);
        } else {
            w.empty();
            w.empty();
        }
        w.text(a.notes);
        w.text(a.id);
        w.text(to_string(a.status));
        w.text(a.owner);
        std::string territory;
        for (const Territory& t : plan.territories)
            if (t.id == a.territory_id) territory = t.name;
        w.text(territory);
        w.text(join(a.tags));
        w.number(a.sites);
        w.money(account_mrc(a));
        w.date(next_contract_end(a));
        const bool former = a.status == AccountStatus::Former;
        w.date(former ? a.former.lost_date : std::nullopt);
        w.text(former ? a.former.reason : std::string());
        w.text(former ? a.former.competitor : std::string());
        if (former)
            w.number(a.former.competitor_term_months);
        else
            w.empty();
        w.date(former ? a.former.competitor_contract_end : std::nullopt);
        w.end();
    }
}

void write_contacts(Writer& w, const Plan& plan, const std::unordered_set<std::string>* only) {
    w.header({"Id", "AccountId", "FirstName", "LastName", "Title", "Phone", "Email", "Footprint_Id",
              "Footprint_Account_Id", "Account_Name", "Name", "Role", "Primary"});
    for (const Account& a : plan.accounts) {
        if (!wanted(a, only)) continue;
        for (const Contact& c : a.contacts) {
            // Salesforce requires a last name: everything after the first word is the last name
            // unless the name is one word.
            const std::size_t sp = c.name.find(' ');
            const std::string first =
                sp == std::string::npos ? std::string() : c.name.substr(0, sp);
            const std::string last = sp == std::string::npos ? c.name : c.name.substr(sp + 1);
            w.text(c.salesforce_id);
            w.text(a.salesforce_id);
            w.text(first);
            w.text(last);
            w.text(c.title);
            w.text(c.phone);
            w.text(c.email);
            w.text(c.id);
            w.text(a.id);
            w.text(a.name);
            w.text(c.name);
            w.text(c.role);
            w.boolean(c.primary);
            w.end();
        }
    }
}

void write_opportunities(Writer& w, const Plan& plan, const std::unordered_set<std::string>* only) {
    w.header({"Id", "AccountId", "Name", "StageName", "Amount", "Probability", "CloseDate",
              "ForecastCategoryName", "Type", "NextStep", "Footprint_Id", "Footprint_Account_Id",
              "Account_Name", "MRC", "OTC", "Term_Months", "Loss_Reason", "Owner_Name",
              "Products"});
    std::unordered_map<std::string, const Account*> by_id;
    by_id.reserve(plan.accounts.size());
    for (const Account& a : plan.accounts)
        by_id.emplace(a.id, &a);
    for (const Opportunity& o : plan.opportunities) {
        auto it = by_id.find(o.account_id);
        const Account* a = it == by_id.end() ? nullptr : it->second;
        if (only && (!a || !wanted(*a, only))) continue;
        w.text(o.salesforce_id);
        w.text(a ? a->salesforce_id : std::string());
        w.text(o.name);
        w.text(o.stage);
        w.money(o.mrc * std::max(o.term_months, 1) + o.otc);
        w.number(o.probability);
        w.date(o.close_date);
        w.text(category_label(o.forecast_category));
        w.text(salesforce_type(o.type));
        w.text(o.next_step);
        w.text(o.id);
        w.text(o.account_id);
        w.text(a ? a->name : std::string());
        w.money(o.mrc);
        w.money(o.otc);
        w.number(o.term_months);
        w.text(o.loss_reason);
        w.text(o.owner);
        w.text(join(o.products));
        w.end();
    }
}

} // namespace

std::string export_csv(const Plan& plan, ImportKind kind,
                       const std::unordered_set<std::string>* only_accounts) {
    std::string out = "\xEF\xBB\xBF";
    out.reserve(256 + export_count(plan, kind, only_accounts) * 320);
    Writer w(out);
    switch (kind) {
    case ImportKind::Accounts:
        write_accounts(w, plan, only_accounts);
        break;
    case ImportKind::Contacts:
        write_contacts(w, plan, only_accounts);
        break;
    case ImportKind::Opportunities:
        write_opportunities(w, plan, only_accounts);
        break;
    }
    return out;
}

std::size_t export_count(const Plan& plan, ImportKind kind,
                         const std::unordered_set<std::string>* only) {
    std::size_t n = 0;
    switch (kind) {
    case ImportKind::Accounts:
        for (const Account& a : plan.accounts)
            n += wanted(a, only);
        break;
    case ImportKind::Contacts:
        for (const Account& a : plan.accounts)
            if (wanted(a, only)) n += a.contacts.size();
        break;
    case ImportKind::Opportunities:
        if (!only) return plan.opportunities.size();
        for (const Opportunity& o : plan.opportunities)
            n += only->count(o.account_id);
        break;
    }
    return n;
}

std::string export_file_name(ImportKind kind, Date today) {
    return std::string(import_kind_name(kind)) + "-" + format_iso_date(today) + ".csv";
}

} // namespace footprint::core
