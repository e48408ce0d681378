// Accounts, contacts and opportunities as CSV for Excel and Salesforce Data Loader.
#pragma once

#include "core/csv_fields.h"
#include "core/model.h"

#include <string>
#include <unordered_set>

namespace footprint::core {

// UTF-8 with a byte order mark and CRLF line ends (what Excel needs to read accents right), one
// header row, every text cell guarded against formula injection (append_csv_cell).
//
// Salesforce's own fields carry their Data Loader API names (Id, Name, BillingCity, StageName,
// Amount, CloseDate, …) so Data Loader maps them by itself and can upsert by Id; an empty Id
// inserts. Footprint's fields follow with names Salesforce does not have (Footprint_Id, Status,
// MRC, …), and importing the file back into Footprint gives the same records.
//
// Opportunities: Amount is the total contract value, MRC x term + one-time charges, because that
// is what Salesforce's Amount means; the MRC, OTC and Term_Months columns carry the parts.
//
// `only_accounts`: the accounts to export (and for contacts and opportunities, theirs); null for
// everything.
std::string export_csv(const Plan& plan, ImportKind kind,
                       const std::unordered_set<std::string>* only_accounts = nullptr);

// How many records export_csv would write.
std::size_t export_count(const Plan& plan, ImportKind kind,
                         const std::unordered_set<std::string>* only_accounts = nullptr);

// "accounts-2026-11-26.csv".
std::string export_file_name(ImportKind kind, Date today);

} // namespace footprint::core
