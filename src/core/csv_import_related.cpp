// Importing contacts (into the account each names) and opportunities (with Salesforce's stages,
// forecast categories and Amount turned into Footprint's monthly figures).
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

std::optional<ForecastCategory> category_from_text(std::string_view v) {
    const std::string s = lower_ascii(v);
    if (s == "pipeline") return ForecastCategory::Pipeline;
    if (s == "best case" || s == "bestcase" || s == "best_case" || s == "most likely" ||
        s == "mostlikely" || s == "upside")
        return ForecastCategory::BestCase;
    if (s == "commit" || s == "committed" || s == "forecast") return ForecastCategory::Commit;
    if (s == "closed" || s == "won" || s == "closed won") return ForecastCategory::Closed;
    if (s == "omitted" || s == "omit" || s == "lost") return ForecastCategory::Omitted;
    return std::nullopt;
}

// Salesforce's Opportunity Type picklist ("New Customer", "Existing Customer - Upgrade", …) and
// the names a spreadsheet would use.
std::optional<OpportunityType> type_from_text(std::string_view v) {
    const std::string s = lower_ascii(v);
    auto has = [&](const char* w) { return s.find(w) != std::string::npos; };
    if (has("win") && has("back")) return OpportunityType::WinBack;
    if (has("reacqui") || has("winback")) return OpportunityType::WinBack;
    if (has("renew") || has("replacement") || has("downgrade") || has("retention"))
        return OpportunityType::Renewal;
    if (has("upgrade") || has("upsell") || has("up-sell") || has("expansion") || has("add-on") ||
        has("cross"))
        return OpportunityType::Upsell;
    if (has("new")) return OpportunityType::New;
    return std::nullopt;
}

} // namespace

// --- contacts -----------------------------------------------------------------------------------

void CsvImporter::Impl::contact_row() {
    const std::optional<bool> primary = yes_no(F::Primary);
    if (row_rejected) return;
    const std::optional<RecordRef> parent = find_parent_account();
    if (!parent) return; // rejected with the reason

    std::string name(value(F::ContactName));
    if (name.empty()) {
        const std::string_view first = value(F::FirstName), last = value(F::LastName);
        name = std::string(first) + (first.empty() || last.empty() ? "" : " ") + std::string(last);
    }
    const std::string_view sfid = value(F::SalesforceId);
    const std::string_view fid = value(F::FootprintId);
    const std::string_view email = value(F::Email);

    // The index lookups for contacts are filled lazily: the plan's contacts of this account.
    const Account& current = account_at(*parent);
    std::optional<std::size_t> match;
    for (std::size_t i = 0; i < current.contacts.size() && !match; ++i) {
        const Contact& c = current.contacts[i];
        if (!sfid.empty() && !c.salesforce_id.empty() &&
            salesforce_key(c.salesforce_id) == salesforce_key(sfid))
            match = i;
        else if (!fid.empty() && c.id == fid)
            match = i;
    }
    for (std::size_t i = 0; i < current.contacts.size() && !match; ++i) {
        const Contact& c = current.contacts[i];
        if (!sfid.empty() && !c.salesforce_id.empty()) continue; // a different Salesforce contact
        if ((!email.empty() && iequals_ascii(c.email, email)) ||
            (email.empty() && !name.empty() && name_key(c.name) == name_key(name)))
            match = i;
    }
    if (match && !opt.update_existing && touched_contacts.count(current.contacts[*match].id) == 0) {
        ++summary.skipped;
        return;
    }
    if (!match && name.empty()) {
        reject("has no name for the contact (first, last or full name)");
        return;
    }

    Contact c;
    if (match) {
        c = current.contacts[*match];
    } else {
        c.id = fid.empty() ? make_id("con") : std::string(fid);
    }
    bool changed = false;
    changed |= set_text(c.name, name);
    if (salesforce_key(c.salesforce_id) != salesforce_key(sfid))
        changed |= set_text(c.salesforce_id, sfid);
    changed |= set_text(c.title, value(F::Title));
    changed |= set_text(c.role, value(F::Role));
    const std::string_view phone = value(F::Phone);
    changed |= set_text(c.phone, phone.empty() ? value(F::Mobile) : phone);
    changed |= set_text(c.email, email);
    if (primary && c.primary != *primary) {
        c.primary = *primary;
        changed = true;
    }
    const bool repeat = match && touched_contacts.count(c.id) > 0;
    if (repeat) ++summary.duplicates;
    if (match && !changed) {
        if (!repeat) ++summary.unchanged;
        return;
    }
    c.modified = opt.now;
    std::size_t slot = 0;
    Account& acc = account_for_edit(*parent, &slot);
    if (c.primary)
        for (Contact& other : acc.contacts)
            if (other.id != c.id && other.primary) {
                other.primary = false;
                other.modified = opt.now;
            }
    touched_contacts.insert(c.id);
    if (match) {
        acc.contacts[*match] = std::move(c);
        if (!repeat) ++summary.updated;
    } else {
        acc.contacts.push_back(std::move(c));
        ++summary.created;
    }
    if (!account_slots[slot].changed && !is_new_ref(*parent)) summary.account_ids.push_back(acc.id);
    account_slots[slot].changed = true;
}

// --- opportunities ------------------------------------------------------------------------------

void CsvImporter::Impl::index_opportunity(std::size_t i) {
    const Opportunity& o = plan.opportunities[i];
    const auto ref = static_cast<RecordRef>(i);
    if (!o.salesforce_id.empty())
        opp_by_sfid.try_emplace(KeyMap::hash(salesforce_key(o.salesforce_id)), ref);
    opp_by_id.try_emplace(KeyMap::hash(o.id), ref);
    opp_by_account_name.try_emplace(KeyMap::hash(o.account_id, name_key(o.name)), ref);
}

const Stage* CsvImporter::Impl::stage_for(std::string_view name, std::optional<int> probability,
                                          std::optional<ForecastCategory> category) {
    for (const Stage& s : stages)
        if (iequals_ascii(s.name, name)) return &s;
    // A stage this plan does not have (a custom Salesforce stage): add it, so the deal keeps it.
    Stage s;
    s.name = std::string(name);
    const std::string l = lower_ascii(name);
    const bool lost = l.find("lost") != std::string::npos || l.find("dead") != std::string::npos;
    const bool won = !lost && l.find("won") != std::string::npos;
    s.closed = won || lost || l.find("closed") != std::string::npos;
    s.won = won;
    s.probability = won ? 100 : lost ? 0 : probability.value_or(10);
    s.category = won    ? ForecastCategory::Closed
                 : lost ? ForecastCategory::Omitted
                        : category.value_or(ForecastCategory::Pipeline);
    // Open stages go before the closed ones, so the pipeline board keeps its order.
    auto at = stages.end();
    if (!s.closed)
        at = std::find_if(stages.begin(), stages.end(), [](const Stage& x) { return x.closed; });
    const auto pos = stages.insert(at, std::move(s));
    ++summary.new_stages;
    stages_changed = true;
    return &*pos;
}

void CsvImporter::Impl::opportunity_row() {
    // Values first; a bad one rejects the row before anything is looked up.
    const std::optional<int> probability = percent(F::Probability);
    const std::optional<Cents> amount = money(F::Amount);
    const std::optional<Cents> mrc_cell = money(F::Mrc);
    const std::optional<Cents> otc = money(F::Otc);
    const std::optional<long long> term_cell = count(F::Term, 0, 600);
    const std::optional<Date> close = date(F::CloseDate);
    if (row_rejected) return;

    // The deal itself: Salesforce Id, Footprint id, else its account and name.
    std::optional<RecordRef> ref;
    const std::string_view sfid = value(F::SalesforceId);
    const std::string_view fid = value(F::FootprintId);
    if (!sfid.empty())
        if (const RecordRef* r = opp_by_sfid.find(KeyMap::hash(salesforce_key(sfid)))) ref = *r;
    if (!ref && !fid.empty())
        if (const RecordRef* r = opp_by_id.find(KeyMap::hash(fid))) ref = *r;

    const bool names_account =
        !value(F::AccountSalesforceId).empty() || !value(F::AccountFootprintId).empty() ||
        !value(F::AccountRefName).empty() || !value(F::AccountRefNumber).empty();
    std::optional<RecordRef> parent;
    if (!ref || names_account) {
        parent = find_parent_account();
        if (!parent) return;
    }
    const std::string_view name = value(F::OpportunityName);
    if (!ref && parent && !name.empty()) {
        const std::uint64_t key = KeyMap::hash(account_at(*parent).id, name_key(name));
        if (const RecordRef* r = opp_by_account_name.find(key)) {
            const Opportunity& o = is_new_ref(*r)
                                       ? opp_slots[static_cast<std::size_t>(-1 - *r)].opp
                                       : plan.opportunities[static_cast<std::size_t>(*r)];
            // A name match with a different Salesforce Id is a different deal.
            if (sfid.empty() || o.salesforce_id.empty() ||
                salesforce_key(o.salesforce_id) == salesforce_key(sfid))
                ref = *r;
        }
    }
    if (ref && !is_new_ref(*ref) && !opt.update_existing) {
        ++summary.skipped;
        return;
    }
    if (!ref && name.empty()) {
        reject("has no opportunity name");
        return;
    }

    Opportunity o;
    if (ref) {
        if (is_new_ref(*ref)) {
            o = opp_slots[static_cast<std::size_t>(-1 - *ref)].opp;
        } else {
            auto it = slot_of_plan_opp.find(static_cast<std::size_t>(*ref));
            o = it != slot_of_plan_opp.end() ? opp_slots[it->second].opp
                                             : plan.opportunities[static_cast<std::size_t>(*ref)];
        }
    } else {
        o.id = fid.empty() ? make_id("opp") : std::string(fid);
        o.term_months = opt.default_term_months;
    }
    bool changed = false;
    if (parent) changed |= set_text(o.account_id, account_at(*parent).id);
    changed |= set_text(o.name, name);
    if (salesforce_key(o.salesforce_id) != salesforce_key(sfid))
        changed |= set_text(o.salesforce_id, sfid);

    std::optional<ForecastCategory> category;
    if (const std::string_view cat = value(F::ForecastCategory); !cat.empty()) {
        category = category_from_text(cat);
        if (!category) ++unknown_category[std::string(cat)];
    }
    const std::string_view stage_text = value(F::Stage);
    const Stage* stage = nullptr;
    if (!stage_text.empty())
        stage = stage_for(stage_text, probability, category);
    else if (!ref)
        stage = stages.empty() ? stage_for("Prospecting", probability, category) : &stages.front();
    if (stage) {
        changed |= set_text(o.stage, stage->name);
        if (!ref && !probability) o.probability = stage->probability;
        if (!ref && !category) o.forecast_category = stage->category;
    }
    if (probability && o.probability != *probability) {
        o.probability = *probability;
        changed = true;
    }
    if (category && o.forecast_category != *category) {
        o.forecast_category = *category;
        changed = true;
    }

    // Money: an MRC column is taken as it is; Salesforce's Amount is the deal's total unless the
    // user said it is monthly.
    const int term = term_cell ? static_cast<int>(*term_cell) : o.term_months;
    if (term_cell && o.term_months != term) {
        o.term_months = term;
        changed = true;
    }
    if (otc && o.otc != *otc) {
        o.otc = *otc;
        changed = true;
    }
    std::optional<Cents> mrc = mrc_cell;
    if (!mrc && amount) {
        if (opt.amount_is_monthly || term <= 0) {
            mrc = amount;
        } else {
            const Cents recurring = *amount - otc.value_or(0);
            if (recurring < 0) {
                reject_value(F::Amount, "is less than the one-time charges (" +
                                            quote_value(value(F::Otc)) + ")");
                return;
            }
            mrc = (recurring + term / 2) / term; // whole cents, half up
        }
    }
    if (mrc && o.mrc != *mrc) {
        o.mrc = *mrc;
        changed = true;
    }
    if (close && o.close_date != close) {
        o.close_date = close;
        changed = true;
    }
    if (const std::string_view t = value(F::OpportunityType); !t.empty()) {
        std::optional<OpportunityType> type = type_from_text(t);
        if (!type) {
            ++unknown_type[std::string(t)];
            type = OpportunityType::New;
        }
        changed |= o.type != *type;
        o.type = *type;
    } else if (!ref && parent) {
        // No type in the file: what the account's status suggests.
        const AccountStatus st = account_at(*parent).status;
        o.type = st == AccountStatus::Former   ? OpportunityType::WinBack
                 : st == AccountStatus::Client ? OpportunityType::Upsell
                                               : OpportunityType::New;
    }
    changed |= set_text(o.next_step, value(F::NextStep));
    changed |= set_text(o.loss_reason, value(F::OpportunityLossReason));
    changed |= set_text(o.owner, value(F::Owner));
    if (const std::string_view products = value(F::Products); !products.empty()) {
        std::vector<std::string> list;
        std::size_t i = 0;
        while (i <= products.size()) {
            const std::size_t j = std::min(products.find_first_of(";|", i), products.size());
            const std::string_view p = trim_value(products.substr(i, j - i));
            if (!p.empty()) {
                std::string id(p);
                for (const Product& prod : plan.catalog)
                    if (prod.id == p || iequals_ascii(prod.name, p)) id = prod.id;
                if (std::find(list.begin(), list.end(), id) == list.end())
                    list.push_back(std::move(id));
            }
            i = j + 1;
        }
        if (list != o.products) {
            o.products = std::move(list);
            changed = true;
        }
    }

    if (!ref) {
        const RecordRef new_ref = -1 - static_cast<RecordRef>(opp_slots.size());
        if (!o.salesforce_id.empty())
            opp_by_sfid.try_emplace(KeyMap::hash(salesforce_key(o.salesforce_id)), new_ref);
        opp_by_id.try_emplace(KeyMap::hash(o.id), new_ref);
        opp_by_account_name.try_emplace(KeyMap::hash(o.account_id, name_key(o.name)), new_ref);
        summary.account_ids.push_back(o.account_id);
        opp_slots.push_back(OppSlot{std::move(o), new_ref, true});
        ++summary.created;
        return;
    }
    if (is_new_ref(*ref)) { // the file repeats a deal an earlier row adds
        ++summary.duplicates;
        if (changed) opp_slots[static_cast<std::size_t>(-1 - *ref)].opp = std::move(o);
        return;
    }
    const auto i = static_cast<std::size_t>(*ref);
    const bool repeat = slot_of_plan_opp.count(i) > 0; // an earlier row changed this deal
    if (!changed) {
        ++(repeat ? summary.duplicates : summary.unchanged);
        return;
    }
    auto [it, added] = slot_of_plan_opp.try_emplace(i, opp_slots.size());
    if (added)
        opp_slots.push_back(OppSlot{std::move(o), *ref, true});
    else
        opp_slots[it->second].opp = std::move(o);
    if (added) {
        ++summary.updated;
        summary.account_ids.push_back(opp_slots[it->second].opp.account_id);
    } else {
        ++summary.duplicates;
    }
    if (!opp_slots[it->second].opp.salesforce_id.empty())
        opp_by_sfid.try_emplace(
            KeyMap::hash(salesforce_key(opp_slots[it->second].opp.salesforce_id)), *ref);
}

} // namespace footprint::core
