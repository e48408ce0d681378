// Journal entries reuse the plan writer and reader: an entry's records are a (partial) plan.
#include "core/plan_journal.h"

namespace footprint::core {

namespace {

template <typename T, typename Find>
void collect(const std::unordered_set<std::string>& ids, const std::vector<T>& all, Find find,
             std::vector<T>& present, Json& removed) {
    for (const std::string& id : ids) {
        if (auto i = find(id))
            present.push_back(all[*i]);
        else
            removed.push_back(id);
    }
}

const char* const kKinds[] = {"accounts", "opportunities", "activities", "territories"};

} // namespace

std::string write_journal_entry(const Plan& plan, const PlanIndex& index, const TouchedSet& touched) {
    Plan part;
    part.id = plan.id;
    part.name = plan.name;
    part.sample = plan.sample;
    part.owner = plan.owner;
    part.created = plan.created;
    part.modified = plan.modified;
    part.stages = plan.stages;
    part.quota = plan.quota;
    part.commission = plan.commission;
    part.catalog = plan.catalog;
    part.settings = plan.settings;
    part.upsell_rules = plan.upsell_rules;
    part.extra = plan.extra;
    part.share = plan.share;
    if (touched.sync) part.sync = plan.sync; // whole: it changes only on a merge or a share
    Json removed = Json::object();
    Json lists[4] = {Json::array(), Json::array(), Json::array(), Json::array()};
    collect(touched.accounts, plan.accounts, [&](const std::string& id) { return index.account(id); },
            part.accounts, lists[0]);
    collect(touched.opportunities, plan.opportunities,
            [&](const std::string& id) { return index.opportunity(id); }, part.opportunities, lists[1]);
    collect(touched.activities, plan.activities,
            [&](const std::string& id) { return index.activity(id); }, part.activities, lists[2]);
    collect(touched.territories, plan.territories,
            [&](const std::string& id) { return index.territory(id); }, part.territories, lists[3]);
    for (int k = 0; k < 4; ++k)
        if (!lists[k].empty()) removed[kKinds[k]] = std::move(lists[k]);
    std::string out = "{\"format\":\"";
    out += kJournalFormatTag;
    out += "\",\"version\":1,";
    if (touched.sync) out += "\"sync\":true,"; // the entry's plan.sync replaces the table, even when empty
    out += "\"removed\":";
    out += removed.dump();
    out += ",\"plan\":";
    out += write_plan(part);
    out += "}";
    return out;
}

bool apply_journal_entry(Plan& plan, PlanIndex& index, std::string_view text,
                         std::vector<Problem>& problems) {
    Json doc = Json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        problems.push_back({"", "not a journal entry (the file is not a complete JSON object)"});
        return false;
    }
    auto format = doc.find("format");
    auto version = doc.find("version");
    if (format == doc.end() || !format->is_string() || *format != kJournalFormatTag) {
        problems.push_back({"/format", "expected \"footprint-journal\""});
        return false;
    }
    if (version == doc.end() || !version->is_number_integer() || *version != 1) {
        problems.push_back({"/version", "this app reads journal version 1"});
        return false;
    }
    std::vector<std::string> removed[4];
    if (auto r = doc.find("removed"); r != doc.end()) {
        if (!r->is_object()) {
            problems.push_back({"/removed", "expected an object"});
            return false;
        }
        for (int k = 0; k < 4; ++k) {
            auto list = r->find(kKinds[k]);
            if (list == r->end()) continue;
            if (!list->is_array()) {
                problems.push_back({std::string("/removed/") + kKinds[k], "expected an array of ids"});
                return false;
            }
            for (const Json& id : *list) {
                if (!id.is_string()) {
                    problems.push_back({std::string("/removed/") + kKinds[k], "expected an array of ids"});
                    return false;
                }
                removed[k].push_back(id.get<std::string>());
            }
        }
    }
    auto part_json = doc.find("plan");
    if (part_json == doc.end() || !part_json->is_object()) {
        problems.push_back({"/plan", "required field is missing"});
        return false;
    }
    LoadResult part = read_plan_part(part_json->dump());
    if (!part.plan) {
        for (Problem& p : part.problems) problems.push_back({"/plan" + p.path, std::move(p.message)});
        return false;
    }
    Plan& src = *part.plan;
    const Timestamp when = src.modified;
    for (auto& a : src.accounts) apply_change(plan, index, Put<Account>{std::move(a), std::nullopt, false}, when);
    for (auto& o : src.opportunities)
        apply_change(plan, index, Put<Opportunity>{std::move(o), std::nullopt, false}, when);
    for (auto& a : src.activities) apply_change(plan, index, Put<Activity>{std::move(a), std::nullopt, false}, when);
    for (auto& t : src.territories) apply_change(plan, index, Put<Territory>{std::move(t), std::nullopt, false}, when);
    for (auto& id : removed[0]) apply_change(plan, index, Remove<Account>{std::move(id)}, when);
    for (auto& id : removed[1]) apply_change(plan, index, Remove<Opportunity>{std::move(id)}, when);
    for (auto& id : removed[2]) apply_change(plan, index, Remove<Activity>{std::move(id)}, when);
    for (auto& id : removed[3]) apply_change(plan, index, Remove<Territory>{std::move(id)}, when);
    plan.name = std::move(src.name);
    plan.sample = src.sample;
    plan.owner = std::move(src.owner);
    plan.stages = std::move(src.stages);
    plan.quota = std::move(src.quota);
    plan.commission = std::move(src.commission);
    plan.catalog = std::move(src.catalog);
    plan.settings = std::move(src.settings);
    plan.upsell_rules = std::move(src.upsell_rules);
    plan.extra = std::move(src.extra);
    plan.share = std::move(src.share);
    if (auto sync = doc.find("sync"); sync != doc.end() && *sync == true) plan.sync = std::move(src.sync);
    plan.modified = when;
    return true;
}

} // namespace footprint::core
