// Reading a plan file, last step: the checks that need the whole plan (ids present and unique,
// references that resolve, stages that exist), reported with the path of the offending field.
#include "core/plan_json.h"
#include "core/plan_json_detail.h"

#include <unordered_map>

namespace footprint::core::plan_json_detail {

namespace {

struct Checker {
    ProblemSink& sink;
    const std::unordered_set<std::string>& reported;

    // A problem at `path`, unless conversion already reported there or at a parent: a record
    // that was not an object, or an id that was not a string, would otherwise echo here.
    void report(std::string path, std::string message) {
        if (sink.full()) return;
        if (!reported.empty()) {
            for (std::string_view p = path; !p.empty(); p = p.substr(0, p.rfind('/')))
                if (reported.count(std::string(p))) return;
        }
        sink.add(std::move(path), std::move(message));
    }
};

// Which kinds of record may have lost an id in conversion (the collection, a record or its id
// was unreadable). References to such a kind are not checked: "no account has id ..." would
// only repeat the problem already reported where the account is.
struct Lost {
    bool accounts = false, contacts = false, opportunities = false, territories = false,
         stages = false;
};

Lost lost_ids(const std::unordered_set<std::string>& reported) {
    Lost lost;
    for (const std::string& path : reported) {
        std::vector<std::string_view> t;
        for (std::size_t pos = 1; pos <= path.size();) {
            std::size_t next = path.find('/', pos);
            if (next == std::string::npos) next = path.size();
            t.push_back(std::string_view(path).substr(pos, next - pos));
            pos = next + 1;
        }
        // From t[from] on: [coll], [coll, i] or [coll, i, "id"].
        auto record_or_id = [&](std::size_t from) {
            const std::size_t n = t.size() - from;
            return n <= 2 || (n == 3 && t[from + 2] == "id");
        };
        if (t.empty()) continue;
        if (t[0] == "accounts") {
            if (record_or_id(0)) lost.accounts = lost.contacts = true;
            else if (t.size() >= 3 && t[2] == "contacts" && record_or_id(2)) lost.contacts = true;
        } else if (t[0] == "opportunities" && record_or_id(0)) {
            lost.opportunities = true;
        } else if (t[0] == "territories" && record_or_id(0)) {
            lost.territories = true;
        } else if (t[0] == "stages" && (t.size() <= 2 || (t.size() == 3 && t[2] == "name"))) {
            lost.stages = true;
        }
    }
    return lost;
}

std::string at(std::string_view collection, std::size_t i) {
    std::string path(1, '/');
    path += collection;
    path += '/';
    path += std::to_string(i);
    return path;
}
std::string at(std::string_view collection, std::size_t i, std::string_view sub, std::size_t j) {
    std::string path = at(collection, i);
    path += '/';
    path += sub;
    path += '/';
    path += std::to_string(j);
    return path;
}

} // namespace

void check_plan(const Plan& plan, ProblemSink& sink,
                const std::unordered_set<std::string>& already_reported) {
    Checker c{sink, already_reported};

    auto check_ids = [&](auto& records, std::string_view collection, const char* noun,
                         std::unordered_map<std::string_view, std::size_t>& ids) {
        ids.reserve(records.size());
        for (std::size_t i = 0; i < records.size() && !sink.full(); ++i) {
            const std::string& id = records[i].id;
            if (id.empty()) {
                c.report(at(collection, i) + "/id", "id must not be empty");
                continue;
            }
            auto [it, inserted] = ids.emplace(id, i);
            if (!inserted)
                c.report(at(collection, i) + "/id",
                         std::string("duplicate ") + noun + " id " + quote_for_message(id) +
                             " (first used at " + at(collection, it->second) + ")");
        }
    };

    std::unordered_map<std::string_view, std::size_t> accounts, opportunities, activities,
        territories, products;
    check_ids(plan.territories, "territories", "territory", territories);
    check_ids(plan.accounts, "accounts", "account", accounts);
    check_ids(plan.opportunities, "opportunities", "opportunity", opportunities);
    check_ids(plan.activities, "activities", "activity", activities);
    check_ids(plan.catalog, "catalog", "product", products);

    // Contacts and services: unique across the whole plan (activities name a contact by id alone).
    using Where = std::pair<std::size_t, std::size_t>; // account index, index within it
    std::unordered_map<std::string_view, Where> contacts, services;
    std::size_t n_contacts = 0, n_services = 0;
    for (const Account& a : plan.accounts) {
        n_contacts += a.contacts.size();
        n_services += a.services.size();
    }
    contacts.reserve(n_contacts);
    services.reserve(n_services);
    auto check_sub_ids = [&](const auto& list, std::size_t i, const char* sub, const char* noun,
                             std::unordered_map<std::string_view, Where>& ids) {
        for (std::size_t j = 0; j < list.size(); ++j) {
            const std::string& id = list[j].id;
            if (id.empty()) {
                c.report(at("accounts", i, sub, j) + "/id", "id must not be empty");
                continue;
            }
            auto [it, inserted] = ids.emplace(id, Where{i, j});
            if (!inserted)
                c.report(at("accounts", i, sub, j) + "/id",
                         std::string("duplicate ") + noun + " id " + quote_for_message(id) +
                             " (first used at " + at("accounts", it->second.first, sub, it->second.second) + ")");
        }
    };
    for (std::size_t i = 0; i < plan.accounts.size() && !sink.full(); ++i) {
        check_sub_ids(plan.accounts[i].contacts, i, "contacts", "contact", contacts);
        check_sub_ids(plan.accounts[i].services, i, "services", "service", services);
    }

    std::unordered_map<std::string_view, std::size_t> stages;
    for (std::size_t i = 0; i < plan.stages.size(); ++i) {
        const std::string& name = plan.stages[i].name;
        if (name.empty()) {
            c.report(at("stages", i) + "/name", "stage name must not be empty");
            continue;
        }
        auto [it, inserted] = stages.emplace(name, i);
        if (!inserted)
            c.report(at("stages", i) + "/name", "duplicate stage name " + quote_for_message(name) +
                                                     " (first used at " + at("stages", it->second) + ")");
    }

    // References. `path` is only called when there is something to report.
    const Lost lost = lost_ids(already_reported);
    auto must_name = [&](const std::string& id, const auto& index, auto path, const char* noun,
                         bool optional, bool target_lost) {
        if (id.empty()) {
            if (!optional) c.report(path(), "must not be empty");
        } else if (!target_lost && !index.count(id)) {
            c.report(path(), std::string("no ") + noun + " has id " + quote_for_message(id));
        }
    };
    for (std::size_t i = 0; i < plan.accounts.size() && !sink.full(); ++i)
        must_name(plan.accounts[i].territory_id, territories,
                  [&] { return at("accounts", i) + "/territory_id"; }, "territory", true,
                  lost.territories);
    std::string stage_list;
    for (std::size_t i = 0; i < plan.stages.size() && i < 12; ++i)
        stage_list += (i ? ", " : "") + plan.stages[i].name;
    if (plan.stages.size() > 12) stage_list += ", ...";
    for (std::size_t i = 0; i < plan.opportunities.size() && !sink.full(); ++i) {
        const Opportunity& o = plan.opportunities[i];
        must_name(o.account_id, accounts, [&] { return at("opportunities", i) + "/account_id"; },
                  "account", false, lost.accounts);
        if (!lost.stages && !stages.count(o.stage))
            c.report(at("opportunities", i) + "/stage",
                     quote_for_message(o.stage) + " is not one of the plan's stages" +
                         (stage_list.empty() ? std::string(" (the plan has no stages)")
                                             : " (" + stage_list + ")"));
    }
    for (std::size_t i = 0; i < plan.activities.size() && !sink.full(); ++i) {
        const Activity& a = plan.activities[i];
        must_name(a.account_id, accounts, [&] { return at("activities", i) + "/account_id"; },
                  "account", false, lost.accounts);
        must_name(a.contact_id, contacts, [&] { return at("activities", i) + "/contact_id"; },
                  "contact", true, lost.contacts);
        must_name(a.opportunity_id, opportunities,
                  [&] { return at("activities", i) + "/opportunity_id"; }, "opportunity", true,
                  lost.opportunities);
    }
}

} // namespace footprint::core::plan_json_detail
