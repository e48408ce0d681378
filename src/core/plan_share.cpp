// Building a share file: choosing the records, keeping references consistent, redacting.
#include "core/plan_share.h"

#include "core/format.h"
#include "core/plan_sync.h"
#include "core/redact.h"

#include <unordered_map>
#include <unordered_set>

namespace footprint::core {

namespace {

// The accounts a scope covers, as positions in plan.accounts.
std::vector<std::size_t> accounts_in(const Plan& plan, const ShareScope& scope) {
    std::vector<std::size_t> out;
    switch (scope.kind) {
    case ShareScope::Kind::Plan:
        out.reserve(plan.accounts.size());
        for (std::size_t i = 0; i < plan.accounts.size(); ++i) out.push_back(i);
        break;
    case ShareScope::Kind::Accounts: {
        const std::unordered_set<std::string> ids(scope.account_ids.begin(), scope.account_ids.end());
        for (std::size_t i = 0; i < plan.accounts.size(); ++i)
            if (ids.count(plan.accounts[i].id)) out.push_back(i);
        break;
    }
    case ShareScope::Kind::Territory:
        for (std::size_t i = 0; i < plan.accounts.size(); ++i)
            if (plan.accounts[i].territory_id == scope.territory_id) out.push_back(i);
        break;
    }
    return out;
}

const Territory* find_territory(const Plan& plan, const std::string& id) {
    for (const Territory& t : plan.territories)
        if (t.id == id) return &t;
    return nullptr;
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return format_count(static_cast<long long>(n)) + " " + (n == 1 ? one : many);
}

template <typename T> void remember(SyncPeer& memory, Collection c, const std::vector<T>& records) {
    std::vector<RecordHash>& list = memory.records[std::string(collection_key(c))];
    list.reserve(records.size());
    for (const T& r : records) list.push_back({r.id, record_hash(r)});
    sort_hashes(list);
}

} // namespace

ShareCounts share_counts(const Plan& plan, const ShareScope& scope) {
    ShareCounts n;
    std::unordered_set<std::string_view> accounts, territories;
    for (std::size_t i : accounts_in(plan, scope)) {
        const Account& a = plan.accounts[i];
        accounts.insert(a.id);
        n.contacts += a.contacts.size();
        if (!a.territory_id.empty()) territories.insert(a.territory_id);
    }
    n.accounts = accounts.size();
    for (const Opportunity& o : plan.opportunities) n.opportunities += accounts.count(o.account_id);
    for (const Activity& a : plan.activities) n.activities += accounts.count(a.account_id);
    if (scope.kind == ShareScope::Kind::Plan) n.territories = plan.territories.size();
    else {
        if (scope.kind == ShareScope::Kind::Territory && find_territory(plan, scope.territory_id))
            territories.insert(scope.territory_id);
        n.territories = territories.size();
    }
    return n;
}

std::string share_label(const Plan& plan, const ShareScope& scope) {
    switch (scope.kind) {
    case ShareScope::Kind::Plan: return "Whole plan";
    case ShareScope::Kind::Accounts: {
        if (scope.account_ids.size() == 1)
            for (const Account& a : plan.accounts)
                if (a.id == scope.account_ids[0]) return a.name;
        return plural(scope.account_ids.size(), "account", "accounts");
    }
    case ShareScope::Kind::Territory: {
        const Territory* t = find_territory(plan, scope.territory_id);
        return t ? t->name + " territory" : std::string("a territory");
    }
    }
    return "";
}

std::string share_file_name(const Plan& plan, const ShareOptions& options) {
    std::string name = plan.name.empty() ? std::string("Plan") : plan.name;
    if (options.scope.kind != ShareScope::Kind::Plan) name += " \u2014 " + share_label(plan, options.scope);
    if (options.redact) name += " (no personal details)";
    std::string safe;
    for (char c : name) {
        const bool bad = c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' ||
                         c == '>' || c == '|' || (static_cast<unsigned char>(c) < 0x20);
        safe += bad ? '-' : c;
    }
    if (safe.size() > 150) { // keep room for the extension in a 255-byte file name
        std::size_t cut = 150;
        while (cut > 0 && (static_cast<unsigned char>(safe[cut]) & 0xC0) == 0x80) --cut;
        safe.resize(cut);
    }
    return safe + ".footprint.json";
}

ShareResult make_share(const Plan& plan, const ShareOptions& options, std::string share_id, Timestamp now) {
    const ShareScope& scope = options.scope;
    const bool partial = scope.kind != ShareScope::Kind::Plan;
    ShareResult out;
    Plan& f = out.file;
    f.id = share_id;
    f.name = plan.name + (partial ? " \u2014 " + share_label(plan, scope) : std::string());
    f.owner = plan.owner;
    f.created = now;
    f.modified = now;
    f.settings = plan.settings;
    f.quota = plan.quota; // a manager's roll-up needs it; a merge never takes it
    f.stages = plan.stages;
    f.catalog = plan.catalog;
    f.upsell_rules = plan.upsell_rules;
    f.extra = plan.extra;
    f.share = ShareInfo{plan.id, plan.name,
                        scope.kind == ShareScope::Kind::Plan       ? "plan"
                        : scope.kind == ShareScope::Kind::Accounts ? "accounts"
                                                                   : "territory",
                        share_label(plan, scope), partial, options.redact, now};
    // The exchanges this plan made, without hashes: a plan that merged one of them can be matched
    // with this file when it comes back.
    for (const SyncPeer& p : plan.sync) {
        SyncPeer ack = p;
        ack.records.clear();
        f.sync.push_back(std::move(ack));
    }

    // Accounts, and the ids of what they hold.
    std::unordered_map<std::string_view, std::size_t> account_pos; // id -> position in the plan
    std::unordered_set<std::string_view> contacts, territories;
    for (std::size_t i : accounts_in(plan, scope)) {
        const Account& a = plan.accounts[i];
        account_pos.emplace(a.id, i);
        for (const Contact& c : a.contacts) contacts.insert(c.id);
        if (!a.territory_id.empty()) territories.insert(a.territory_id);
        f.accounts.push_back(a);
    }
    if (scope.kind == ShareScope::Kind::Territory) territories.insert(scope.territory_id);
    for (const Territory& t : plan.territories)
        if (!partial || territories.count(t.id)) f.territories.push_back(t);
    std::unordered_set<std::string_view> opportunities;
    for (const Opportunity& o : plan.opportunities)
        if (account_pos.count(o.account_id)) {
            f.opportunities.push_back(o);
            opportunities.insert(o.id);
        }
    for (const Activity& a : plan.activities)
        if (account_pos.count(a.account_id)) {
            Activity copy = a;
            // A link to a record left out of the file is cleared, so the file stands on its own.
            if (!copy.contact_id.empty() && !contacts.count(copy.contact_id)) copy.contact_id.clear();
            if (!copy.opportunity_id.empty() && !opportunities.count(copy.opportunity_id)) copy.opportunity_id.clear();
            f.activities.push_back(std::move(copy));
        }

    for (auto& r : f.accounts) strip_base_copies(r);
    for (auto& r : f.opportunities) strip_base_copies(r);
    for (auto& r : f.activities) strip_base_copies(r);
    for (auto& r : f.territories) strip_base_copies(r);
    for (auto& r : f.catalog) strip_base_copies(r);
    for (auto& r : f.upsell_rules) strip_base_copies(r);

    if (options.redact) {
        const Redactor redactor(plan);
        for (Opportunity& o : f.opportunities) redactor.redact(o);
        for (Activity& a : f.activities) redactor.redact(a);
        for (Account& a : f.accounts) redactor.redact(a);
        for (Territory& t : f.territories) redactor.redact(t);
        for (Product& p : f.catalog) redactor.redact(p);
        for (UpsellRule& r : f.upsell_rules) redactor.redact(r);
        redactor.redact_plan_fields(f);
    }

    out.counts.accounts = f.accounts.size();
    for (const Account& a : f.accounts) out.counts.contacts += a.contacts.size();
    out.counts.opportunities = f.opportunities.size();
    out.counts.activities = f.activities.size();
    out.counts.territories = f.territories.size();
    out.file_name = share_file_name(plan, options);

    SyncPeer& m = out.memory;
    m.id = share_id;
    m.file = share_id;
    m.name = f.name;
    m.owner = f.owner;
    m.at = now;
    m.kind = SyncPeer::Kind::Shared;
    m.partial = partial;
    m.redacted = options.redact;
    remember(m, Collection::Territories, f.territories);
    remember(m, Collection::Accounts, f.accounts);
    remember(m, Collection::Opportunities, f.opportunities);
    remember(m, Collection::Activities, f.activities);
    remember(m, Collection::Catalog, f.catalog);
    remember(m, Collection::UpsellRules, f.upsell_rules);
    return out;
}

} // namespace footprint::core
