// Importing accounts: matching a row to an account (Salesforce Id, Footprint id, billing account
// number, or name and ZIP) and applying its values.
#include "core/csv_import_detail.h"

#include <algorithm>

namespace footprint::core {

namespace {

using F = ImportField;

bool set_text(std::string& dst, std::string_view v) {
    if (v.empty() || dst == v) return false;
    dst.assign(v);
    return true;
}

std::optional<AccountStatus> status_from_text(std::string_view v) {
    const std::string s = lower_ascii(v);
    auto has = [&](const char* w) { return s.find(w) != std::string::npos; };
    if (has("former") || has("lost") || has("churn") || has("cancel") || has("inactive") ||
        has("past") || has("ex-") || has("win-back") || has("winback"))
        return AccountStatus::Former;
    if (has("customer") || has("client") || has("active") || has("current"))
        return AccountStatus::Client;
    if (has("prospect") || has("lead") || has("target") || has("suspect") || has("new"))
        return AccountStatus::Prospect;
    return std::nullopt;
}

std::string_view country_code(std::string_view v) {
    const std::string s = lower_ascii(v);
    if (s == "united states" || s == "united states of america" || s == "usa" || s == "u.s." ||
        s == "u.s.a." || s == "us")
        return "US";
    return v;
}

bool valid_salesforce_id(std::string_view id) {
    if (id.size() != 15 && id.size() != 18) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
}

} // namespace

void CsvImporter::Impl::register_account(const Account& a, RecordRef ref) {
    if (!a.salesforce_id.empty())
        acc_by_sfid.try_emplace(KeyMap::hash(salesforce_key(a.salesforce_id)), ref);
    acc_by_id.try_emplace(KeyMap::hash(a.id), ref);
    if (!a.billing_account.empty())
        acc_by_billing.try_emplace(KeyMap::hash(trim_value(a.billing_account)), ref);
    const std::string nk = name_key(a.name);
    if (nk.empty()) return;
    acc_by_name_zip.try_emplace(KeyMap::hash(nk, zip_key(a.address.postal_code)), ref);
    auto [value, added] = acc_by_name.try_emplace(KeyMap::hash(nk), ref);
    if (!added && *value != ref) *value = kAmbiguous;
}

void CsvImporter::Impl::index_account(std::size_t i) {
    register_account(plan.accounts[i], static_cast<RecordRef>(i));
}

const Account& CsvImporter::Impl::account_at(RecordRef ref) const {
    if (is_new_ref(ref)) return account_slots[static_cast<std::size_t>(-1 - ref)].account;
    auto it = slot_of_plan_account.find(static_cast<std::size_t>(ref));
    if (it != slot_of_plan_account.end()) return account_slots[it->second].account;
    return plan.accounts[static_cast<std::size_t>(ref)];
}

Account& CsvImporter::Impl::account_for_edit(RecordRef ref, std::size_t* slot_out) {
    std::size_t slot = 0;
    if (is_new_ref(ref)) {
        slot = static_cast<std::size_t>(-1 - ref);
    } else {
        const auto i = static_cast<std::size_t>(ref);
        auto [it, added] = slot_of_plan_account.try_emplace(i, account_slots.size());
        if (added) account_slots.push_back(Slot{plan.accounts[i], ref, false});
        slot = it->second;
    }
    if (slot_out) *slot_out = slot;
    return account_slots[slot].account;
}

std::optional<RecordRef> CsvImporter::Impl::find_account_for_row() {
    const std::string_view sfid = value(F::SalesforceId);
    // A row with a Salesforce Id never matches an account that has a different one.
    auto compatible = [&](RecordRef r) {
        if (r == kAmbiguous) return false;
        const std::string& have = account_at(r).salesforce_id;
        return sfid.empty() || have.empty() || salesforce_key(have) == salesforce_key(sfid);
    };
    if (!sfid.empty())
        if (const RecordRef* r = acc_by_sfid.find(KeyMap::hash(salesforce_key(sfid)))) return *r;
    if (const std::string_view id = value(F::FootprintId); !id.empty())
        if (const RecordRef* r = acc_by_id.find(KeyMap::hash(id)); r && compatible(*r)) return *r;
    if (const std::string_view ban = value(F::BillingAccount); !ban.empty())
        if (const RecordRef* r = acc_by_billing.find(KeyMap::hash(ban)); r && compatible(*r))
            return *r;
    const std::string nk = name_key(value(F::AccountName));
    if (nk.empty()) return std::nullopt;
    const std::string_view postal = value(F::PostalCode);
    if (!postal.empty()) {
        if (const RecordRef* r = acc_by_name_zip.find(KeyMap::hash(nk, zip_key(postal)));
            r && compatible(*r))
            return *r;
        return std::nullopt;
    }
    // No ZIP in the row: the name alone, when exactly one account has it.
    if (const RecordRef* r = acc_by_name.find(KeyMap::hash(nk)); r && compatible(*r)) return *r;
    return std::nullopt;
}

void CsvImporter::Impl::account_row() {
    const std::optional<RecordRef> ref = find_account_for_row();
    if (ref && !is_new_ref(*ref) && !opt.update_existing) {
        ++summary.skipped;
        return;
    }
    // Read and check every value before changing anything.
    const std::string_view name = value(F::AccountName);
    const std::string_view sfid = value(F::SalesforceId);
    if (!sfid.empty() && !valid_salesforce_id(sfid))
        reject_value(F::SalesforceId, "is not a Salesforce Id (15 or 18 letters and digits)");
    const std::optional<long long> employees = count(F::Employees, 0, 10'000'000);
    const std::optional<long long> sites = count(F::Sites, 0, 1'000'000);
    const std::optional<double> lat = decimal(F::Latitude, -90, 90);
    const std::optional<double> lon = decimal(F::Longitude, -180, 180);
    const std::optional<Date> lost = date(F::LostDate);
    const std::optional<Date> competitor_end = date(F::CompetitorContractEnd);
    const std::optional<long long> competitor_term = count(F::CompetitorTerm, 0, 600);
    if (row_rejected) return;
    if (!ref && name.empty()) {
        if (mapped(F::AccountName))
            reject("column \"" +
                   table.header[static_cast<std::size_t>(
                       column_of[static_cast<std::size_t>(F::AccountName)])] +
                   "\" is empty: an account needs a name");
        else
            reject(
                "no account in the plan matches this row, and without a name column it cannot be "
                "added");
        return;
    }

    Account a;
    if (ref) {
        a = account_at(*ref);
    } else {
        const std::string_view fid = value(F::FootprintId);
        a.id = fid.empty() ? make_id("acc") : std::string(fid);
        a.status = opt.default_status;
        if (lost || !value(F::Competitor).empty()) a.status = AccountStatus::Former;
    }
    bool changed = false;
    // "Acme, Inc." and "ACME INC" name the same company: a matched account keeps its spelling,
    // and an 18-character Id does not give way to its 15-character form.
    if (a.name.empty() || name_key(a.name) != name_key(name)) changed |= set_text(a.name, name);
    if (salesforce_key(a.salesforce_id) != salesforce_key(sfid))
        changed |= set_text(a.salesforce_id, sfid);
    if (const std::string_view st = value(F::Status); !st.empty()) {
        if (const std::optional<AccountStatus> s = status_from_text(st)) {
            changed |= a.status != *s;
            a.status = *s;
        } else {
            ++unknown_status[std::string(st)];
        }
    }
    changed |= set_text(a.industry, value(F::Industry));
    if (employees && a.employees != *employees) {
        a.employees = static_cast<int>(*employees);
        changed = true;
    }
    if (sites && a.sites != *sites) {
        a.sites = static_cast<int>(*sites);
        changed = true;
    }
    changed |= set_text(a.billing_account, value(F::BillingAccount));
    changed |= set_text(a.address.street, value(F::Street));
    changed |= set_text(a.address.city, value(F::City));
    changed |= set_text(a.address.state, value(F::State));
    changed |= set_text(a.address.postal_code, value(F::PostalCode));
    changed |= set_text(a.address.country, country_code(value(F::Country)));
    if (lat && lon) {
        if (!a.location || a.location->lat != *lat || a.location->lon != *lon ||
            a.location_approximate) {
            a.location = LatLon{*lat, *lon};
            a.location_approximate = false;
            changed = true;
        }
    } else if (lat || lon) {
        ++location_half;
    }
    if (!a.location && opt.zips) {
        if (const std::optional<LatLon> at = opt.zips->find(a.address.postal_code)) {
            a.location = *at;
            a.location_approximate = true;
            changed = true;
            ++zip_placed;
        }
    }
    changed |= set_text(a.owner, value(F::Owner));
    if (const std::string_view t = value(F::Territory); !t.empty()) {
        const Territory* found = nullptr;
        for (const Territory& ter : plan.territories)
            if (iequals_ascii(ter.name, t) || ter.id == t) found = &ter;
        if (found)
            changed |= set_text(a.territory_id, found->id);
        else
            ++unknown_territory[std::string(t)];
    }
    if (const std::string_view tags = value(F::Tags); !tags.empty()) {
        std::size_t i = 0;
        while (i <= tags.size()) {
            const std::size_t j = std::min(tags.find_first_of(";,|", i), tags.size());
            const std::string_view tag = trim_value(tags.substr(i, j - i));
            if (!tag.empty() && std::find(a.tags.begin(), a.tags.end(), tag) == a.tags.end()) {
                a.tags.emplace_back(tag);
                changed = true;
            }
            i = j + 1;
        }
    }
    changed |= set_text(a.notes, value(F::Notes));
    if (lost && a.former.lost_date != lost) {
        a.former.lost_date = lost;
        changed = true;
    }
    changed |= set_text(a.former.reason, value(F::LossReason));
    changed |= set_text(a.former.competitor, value(F::Competitor));
    if (competitor_term && a.former.competitor_term_months != *competitor_term) {
        a.former.competitor_term_months = static_cast<int>(*competitor_term);
        changed = true;
    }
    if (competitor_end && a.former.competitor_contract_end != competitor_end) {
        a.former.competitor_contract_end = competitor_end;
        changed = true;
    }

    if (!ref) {
        const RecordRef new_ref = -1 - static_cast<RecordRef>(account_slots.size());
        summary.account_ids.push_back(a.id);
        account_slots.push_back(Slot{std::move(a), new_ref, true});
        register_account(account_slots.back().account, new_ref);
        ++summary.created;
        return;
    }
    if (is_new_ref(*ref)) { // the file repeats an account an earlier row adds
        ++summary.duplicates;
        if (changed) {
            Account& dst = account_slots[static_cast<std::size_t>(-1 - *ref)].account;
            dst = std::move(a);
            register_account(dst, *ref);
        }
        return;
    }
    // An account an earlier row of the file already changed: this row is merged into it.
    const auto earlier = slot_of_plan_account.find(static_cast<std::size_t>(*ref));
    const bool repeat =
        earlier != slot_of_plan_account.end() && account_slots[earlier->second].changed;
    if (!changed) {
        ++(repeat ? summary.duplicates : summary.unchanged);
        return;
    }
    std::size_t slot = 0;
    Account& dst = account_for_edit(*ref, &slot);
    dst = std::move(a);
    if (repeat) {
        ++summary.duplicates;
    } else {
        ++summary.updated;
        summary.account_ids.push_back(dst.id);
    }
    account_slots[slot].changed = true;
    register_account(dst, *ref); // a Salesforce Id or billing number it did not have before
}

std::optional<RecordRef> CsvImporter::Impl::find_parent_account() {
    auto found = [&](const KeyMap& m, std::string_view key) -> std::optional<RecordRef> {
        const RecordRef* r = m.find(KeyMap::hash(key));
        if (!r || *r == kAmbiguous) return std::nullopt;
        return *r;
    };
    const std::string_view fid = value(F::AccountFootprintId);
    const std::string_view sfid = value(F::AccountSalesforceId);
    const std::string_view number = value(F::AccountRefNumber);
    const std::string_view name = value(F::AccountRefName);
    if (!fid.empty())
        if (auto r = found(acc_by_id, fid)) return r;
    if (!sfid.empty())
        if (auto r = found(acc_by_sfid, salesforce_key(sfid))) return r;
    if (!number.empty())
        if (auto r = found(acc_by_billing, number)) return r;
    if (!name.empty()) {
        const RecordRef* r = acc_by_name.find(KeyMap::hash(name_key(name)));
        if (r && *r != kAmbiguous) return *r;
        if (r) {
            reject("several accounts in the plan are named " + quote_value(name) +
                   ": add the account's Salesforce Id (AccountId) to tell them apart");
            return std::nullopt;
        }
    }
    if (!sfid.empty())
        reject("no account in the plan has Salesforce Id " + quote_value(sfid) +
               " (import the accounts first)");
    else if (!name.empty())
        reject("no account in the plan is named " + quote_value(name) +
               " (import the accounts first)");
    else if (!number.empty())
        reject("no account in the plan has billing account number " + quote_value(number));
    else if (!fid.empty())
        reject("no account in the plan has id " + quote_value(fid));
    else
        reject("does not say which account it belongs to (the account columns are empty)");
    return std::nullopt;
}

} // namespace footprint::core
