// What an imported CSV column can mean, and the guess from its header: Salesforce report labels
// ("Account Name", "Billing Zip/Postal Code"), Data Loader API names (BillingPostalCode, upper
// case or not), the columns Footprint's own export writes, and the usual spreadsheet names.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace footprint::core {

enum class ImportKind { Accounts, Contacts, Opportunities };
const char* import_kind_name(ImportKind k);     // "accounts"
const char* import_kind_singular(ImportKind k); // "account"
std::optional<ImportKind> import_kind_from(std::string_view name);

enum class ImportField {
    None,
    // every kind
    SalesforceId,
    FootprintId,
    Owner,
    // accounts
    AccountName,
    Status,
    Industry,
    Employees,
    Sites,
    BillingAccount,
    Street,
    City,
    State,
    PostalCode,
    Country,
    Latitude,
    Longitude,
    Territory,
    Tags,
    Notes,
    LostDate,
    LossReason,
    Competitor,
    CompetitorTerm,
    CompetitorContractEnd,
    // contacts and opportunities: the account they belong to
    AccountSalesforceId,
    AccountFootprintId,
    AccountRefName,
    AccountRefNumber,
    // contacts
    ContactName,
    FirstName,
    LastName,
    Title,
    Role,
    Phone,
    Mobile,
    Email,
    Primary,
    // opportunities
    OpportunityName,
    Stage,
    Probability,
    Amount,
    Mrc,
    Otc,
    Term,
    CloseDate,
    ForecastCategory,
    OpportunityType,
    NextStep,
    OpportunityLossReason,
    Products,
};

enum class ValueType { Text, Money, Count, Percent, Date, Decimal, YesNo };

struct FieldInfo {
    ImportField field;
    const char* key;   // stable name for the CLI and tests: "billing_city"
    const char* label; // what the wizard shows: "City"
    ValueType type;
    const char* names; // normalised header names that mean it, space-separated, best first
};

// The fields of a kind, in the order the wizard lists them.
std::span<const FieldInfo> import_fields(ImportKind kind);
const FieldInfo* find_field(ImportKind kind, ImportField field);
const FieldInfo* find_field_by_key(ImportKind kind, std::string_view key);

// "Billing Zip/Postal Code" -> "billingzippostalcode"; "BILLINGPOSTALCODE" -> same family.
std::string normalise_header(std::string_view header);

// One field per column (None: not imported). A field goes to the first column that names it;
// a later column with the same meaning (a duplicate header) is left unmapped.
std::vector<ImportField> guess_mapping(ImportKind kind, const std::vector<std::string>& header);
// Opportunities when a column names a stage or close date; contacts when one names a first or last
// name or an email; accounts otherwise.
ImportKind guess_kind(const std::vector<std::string>& header);

// The field that must be mapped for rows to be importable, with an explanation if it is not.
// Empty when the mapping is complete enough.
std::string missing_required(ImportKind kind, const std::vector<ImportField>& mapping);

} // namespace footprint::core
