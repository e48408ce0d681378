// The import field catalogue and the header guess.
#include "core/csv_fields.h"

#include <algorithm>

namespace footprint::core {

namespace {

using F = ImportField;
using T = ValueType;

// Names are normalised (lower case, letters and digits only). Salesforce report labels and Data
// Loader API names checked against Salesforce's field reference for Account, Contact and
// Opportunity; "*Footprint*" names are what export_csv writes.
const FieldInfo kAccountFields[] = {
    {F::AccountName, "name", "Account name", T::Text,
     "name accountname company companyname account businessname customername customer organization "
     "organisation"},
    {F::SalesforceId, "salesforce_id", "Salesforce Id", T::Text,
     "id accountid salesforceid sfid accountid18 18digitaccountid casesafeid"},
    {F::FootprintId, "footprint_id", "Footprint id", T::Text, "footprintid"},
    {F::Status, "status", "Status (client, former, prospect)", T::Text,
     "status accountstatus type accounttype customertype relationship"},
    {F::Industry, "industry", "Industry", T::Text, "industry vertical sector"},
    {F::Employees, "employees", "Employees", T::Count,
     "numberofemployees employees employeecount headcount noofemployees ofemployees"},
    {F::Sites, "sites", "Sites", T::Count,
     "sites numberofsites locations numberoflocations sitecount"},
    {F::BillingAccount, "billing_account", "Billing account number", T::Text,
     "accountnumber billingaccount billingaccountnumber ban billingid customernumber"},
    {F::Street, "street", "Street", T::Text,
     "billingstreet street address streetaddress address1 addressline1 billingaddress"},
    {F::City, "city", "City", T::Text, "billingcity city town"},
    {F::State, "state", "State", T::Text,
     "billingstate billingstateprovince state province stateprovince billingstatecode statecode "
     "st"},
    {F::PostalCode, "postal_code", "ZIP / postal code", T::Text,
     "billingpostalcode billingzippostalcode postalcode zip zipcode zippostalcode postcode"},
    {F::Country, "country", "Country", T::Text,
     "billingcountry country billingcountrycode countrycode"},
    {F::Latitude, "latitude", "Latitude", T::Decimal, "billinglatitude latitude lat"},
    {F::Longitude, "longitude", "Longitude", T::Decimal, "billinglongitude longitude lon lng long"},
    {F::Owner, "owner", "Owner", T::Text,
     "owner accountowner ownername ownerfullname accountownername salesrep"},
    {F::Territory, "territory", "Territory", T::Text, "territory territoryname salesterritory"},
    {F::Tags, "tags", "Tags", T::Text, "tags tag labels"},
    {F::Notes, "notes", "Notes", T::Text, "notes description accountdescription note comments"},
    {F::LostDate, "lost_date", "Lost date (former clients)", T::Date,
     "lostdate datelost churndate cancellationdate disconnectdate"},
    {F::LossReason, "loss_reason", "Why they left", T::Text,
     "lossreason reasonlost churnreason lostreason"},
    {F::Competitor, "competitor", "Competitor", T::Text,
     "competitor currentprovider incumbent currentcarrier"},
    {F::CompetitorTerm, "competitor_term_months", "Competitor's term (months)", T::Count,
     "competitortermmonths competitorterm"},
    {F::CompetitorContractEnd, "competitor_contract_end", "Competitor's contract end", T::Date,
     "competitorcontractend competitorcontractenddate"},
};

const FieldInfo kContactFields[] = {
    {F::ContactName, "name", "Full name", T::Text, "name fullname contactname contact"},
    {F::FirstName, "first_name", "First name", T::Text, "firstname givenname"},
    {F::LastName, "last_name", "Last name", T::Text, "lastname surname familyname"},
    {F::SalesforceId, "salesforce_id", "Salesforce Id", T::Text, "id contactid salesforceid"},
    {F::FootprintId, "footprint_id", "Footprint id", T::Text, "footprintid"},
    {F::AccountSalesforceId, "account_salesforce_id", "Account's Salesforce Id", T::Text,
     "accountid accountsalesforceid"},
    {F::AccountFootprintId, "account_footprint_id", "Account's Footprint id", T::Text,
     "footprintaccountid"},
    {F::AccountRefName, "account_name", "Account name", T::Text,
     "accountname account company companyname accountaccountname"},
    {F::AccountRefNumber, "account_number", "Account's billing number", T::Text,
     "accountnumber billingaccount billingaccountnumber"},
    {F::Title, "title", "Title", T::Text, "title jobtitle position"},
    {F::Role, "role", "Buying role", T::Text, "role contactrole buyingrole"},
    {F::Phone, "phone", "Phone", T::Text,
     "phone businessphone workphone officephone phonenumber telephone"},
    {F::Mobile, "mobile", "Mobile (when no phone)", T::Text, "mobilephone mobile cell cellphone"},
    {F::Email, "email", "Email", T::Text, "email emailaddress"},
    {F::Primary, "primary", "Primary contact", T::YesNo, "primary primarycontact isprimary"},
};

const FieldInfo kOpportunityFields[] = {
    {F::OpportunityName, "name", "Opportunity name", T::Text,
     "name opportunityname opportunity dealname"},
    {F::SalesforceId, "salesforce_id", "Salesforce Id", T::Text, "id opportunityid salesforceid"},
    {F::FootprintId, "footprint_id", "Footprint id", T::Text, "footprintid"},
    {F::AccountSalesforceId, "account_salesforce_id", "Account's Salesforce Id", T::Text,
     "accountid accountsalesforceid"},
    {F::AccountFootprintId, "account_footprint_id", "Account's Footprint id", T::Text,
     "footprintaccountid"},
    {F::AccountRefName, "account_name", "Account name", T::Text,
     "accountname account company accountaccountname"},
    {F::AccountRefNumber, "account_number", "Account's billing number", T::Text,
     "accountnumber billingaccountnumber"},
    {F::Stage, "stage", "Stage", T::Text, "stagename stage salesstage"},
    {F::Probability, "probability", "Probability (%)", T::Percent,
     "probability probabilitypercent probabilitypct winprobability"},
    {F::Amount, "amount", "Amount", T::Money,
     "amount totalcontractvalue tcv dealvalue totalamount opportunityamount"},
    {F::Mrc, "mrc", "Monthly recurring (MRC)", T::Money,
     "mrc monthlyamount monthlyrecurringrevenue monthlyrecurringcharge mrr monthlyrevenue"},
    {F::Otc, "otc", "One-time charges", T::Money,
     "otc onetimecharge onetimecharges nrc installation installationfee"},
    {F::Term, "term_months", "Term (months)", T::Count,
     "term termmonths contractterm contracttermmonths termlength"},
    {F::CloseDate, "close_date", "Close date", T::Date, "closedate expectedclosedate closingdate"},
    {F::ForecastCategory, "forecast_category", "Forecast category", T::Text,
     "forecastcategoryname forecastcategory forecast"},
    {F::OpportunityType, "type", "Type (new, renewal, upsell, win-back)", T::Text,
     "type opportunitytype dealtype"},
    {F::NextStep, "next_step", "Next step", T::Text, "nextstep nextsteps"},
    {F::OpportunityLossReason, "loss_reason", "Loss reason", T::Text,
     "lossreason reasonlost closedlostreason"},
    {F::Owner, "owner", "Owner", T::Text, "owner opportunityowner ownername ownerfullname"},
    {F::Products, "products", "Products", T::Text, "products product productids"},
};

} // namespace

const char* import_kind_name(ImportKind k) {
    switch (k) {
    case ImportKind::Accounts:
        return "accounts";
    case ImportKind::Contacts:
        return "contacts";
    case ImportKind::Opportunities:
        return "opportunities";
    }
    return "accounts";
}

const char* import_kind_singular(ImportKind k) {
    switch (k) {
    case ImportKind::Accounts:
        return "account";
    case ImportKind::Contacts:
        return "contact";
    case ImportKind::Opportunities:
        return "opportunity";
    }
    return "account";
}

std::optional<ImportKind> import_kind_from(std::string_view name) {
    for (ImportKind k : {ImportKind::Accounts, ImportKind::Contacts, ImportKind::Opportunities})
        if (name == import_kind_name(k) || name == import_kind_singular(k)) return k;
    return std::nullopt;
}

std::span<const FieldInfo> import_fields(ImportKind kind) {
    switch (kind) {
    case ImportKind::Accounts:
        return kAccountFields;
    case ImportKind::Contacts:
        return kContactFields;
    case ImportKind::Opportunities:
        return kOpportunityFields;
    }
    return kAccountFields;
}

const FieldInfo* find_field(ImportKind kind, ImportField field) {
    for (const FieldInfo& f : import_fields(kind))
        if (f.field == field) return &f;
    return nullptr;
}

const FieldInfo* find_field_by_key(ImportKind kind, std::string_view key) {
    for (const FieldInfo& f : import_fields(kind))
        if (key == f.key) return &f;
    return nullptr;
}

std::string normalise_header(std::string_view h) {
    std::string out;
    out.reserve(h.size());
    for (char c : h) {
        if (c >= 'A' && c <= 'Z')
            out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
    }
    // Custom fields exported by Data Loader end in "__c" (Competitor__c): the name is what counts.
    if (out.size() > 1 && h.size() > 3 && h.substr(h.size() - 3) == "__c") out.pop_back();
    return out;
}

std::vector<ImportField> guess_mapping(ImportKind kind, const std::vector<std::string>& header) {
    std::vector<ImportField> mapping(header.size(), ImportField::None);
    std::vector<std::string> norm;
    norm.reserve(header.size());
    for (const std::string& h : header)
        norm.push_back(normalise_header(h));
    std::vector<bool> used(header.size(), false);
    // Each field takes the first column with its most specific name: "BillingPostalCode" beats a
    // plain "Zip" elsewhere in the file, because names are listed most specific first.
    for (const FieldInfo& f : import_fields(kind)) {
        std::string_view names = f.names;
        while (!names.empty()) {
            const std::size_t sp = names.find(' ');
            const std::string_view n = names.substr(0, sp);
            names = sp == std::string_view::npos ? std::string_view() : names.substr(sp + 1);
            bool found = false;
            for (std::size_t i = 0; i < norm.size(); ++i) {
                if (used[i] || norm[i] != n) continue;
                mapping[i] = f.field;
                used[i] = true;
                found = true;
                break;
            }
            if (found) break;
        }
    }
    return mapping;
}

ImportKind guess_kind(const std::vector<std::string>& header) {
    int opp = 0, con = 0;
    for (const std::string& h : header) {
        const std::string n = normalise_header(h);
        if (n == "stagename" || n == "stage" || n == "closedate" || n == "opportunityname" ||
            n == "forecastcategoryname" || n == "opportunityid" || n == "probability")
            ++opp;
        if (n == "firstname" || n == "lastname" || n == "email" || n == "contactid" ||
            n == "title" || n == "mobilephone" || n == "fullname")
            ++con;
    }
    if (opp >= 1 && opp >= con) return ImportKind::Opportunities;
    if (con >= 1) return ImportKind::Contacts;
    return ImportKind::Accounts;
}

std::string missing_required(ImportKind kind, const std::vector<ImportField>& m) {
    auto has = [&](ImportField f) { return std::find(m.begin(), m.end(), f) != m.end(); };
    const bool account_link = has(F::AccountSalesforceId) || has(F::AccountFootprintId) ||
                              has(F::AccountRefName) || has(F::AccountRefNumber);
    switch (kind) {
    case ImportKind::Accounts:
        if (!has(F::AccountName) && !has(F::SalesforceId) && !has(F::FootprintId) &&
            !has(F::BillingAccount))
            return "Choose the column with the account name.";
        return {};
    case ImportKind::Contacts:
        if (!has(F::ContactName) && !has(F::LastName) && !has(F::FirstName))
            return "Choose the column with the contact's name (or first and last name).";
        if (!account_link)
            return "Choose the column that says which account a contact works for (Account Name "
                   "or AccountId).";
        return {};
    case ImportKind::Opportunities:
        if (!has(F::OpportunityName) && !has(F::SalesforceId) && !has(F::FootprintId))
            return "Choose the column with the opportunity name.";
        if (!account_link && !has(F::SalesforceId) && !has(F::FootprintId))
            return "Choose the column that says which account a deal is for (Account Name or "
                   "AccountId).";
        return {};
    }
    return {};
}

} // namespace footprint::core
