// The stage editor's drafts, their checks, and the one change set that applies them.
#include "core/stage_edit.h"

#include "core/deal_rules.h"
#include "core/summary.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace footprint::core {

namespace {

std::string lower_trimmed(const std::string& s) {
    std::size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a])))
        ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1])))
        --b;
    std::string out = s.substr(a, b - a);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string quoted(const std::string& s) {
    return "\xE2\x80\x9C" + s + "\xE2\x80\x9D";
}

bool same_stage(const Stage& a, const Stage& b) {
    return a.name == b.name && a.probability == b.probability && a.category == b.category &&
           a.closed == b.closed && a.won == b.won;
}

} // namespace

std::vector<StageDraft> stage_drafts(const Plan& plan) {
    std::vector<StageDraft> out;
    out.reserve(plan.stages.size());
    for (const Stage& s : plan.stages)
        out.push_back(StageDraft{s, s.name, false, {}});
    return out;
}

std::vector<std::string> check_stage_drafts(const Plan& plan,
                                            const std::vector<StageDraft>& drafts) {
    std::vector<std::string> problems;
    std::unordered_map<std::string, int> names;
    int open = 0, won = 0;
    for (const StageDraft& d : drafts) {
        if (d.removed) continue;
        const Stage& s = d.stage;
        const std::string key = lower_trimmed(s.name);
        if (key.empty()) {
            problems.push_back("Every stage needs a name.");
            continue;
        }
        if (key.size() != s.name.size())
            problems.push_back("The stage name " + quoted(s.name) +
                               " starts or ends with a space.");
        if (++names[key] == 2) problems.push_back("Two stages are called " + quoted(s.name) + ".");
        if (s.probability < 0 || s.probability > 100)
            problems.push_back(quoted(s.name) + ": the probability must be 0% to 100%.");
        if (s.won && !s.closed)
            problems.push_back(quoted(s.name) + " is won, so it must also be closed.");
        if (!s.closed) ++open;
        if (s.closed && s.won) ++won;
    }
    if (open == 0) problems.push_back("Keep at least one open stage for deals in progress.");
    if (won == 0) problems.push_back("Keep at least one closed, won stage for deals you win.");

    std::unordered_map<std::string_view, int> deals;
    for (const Opportunity& o : plan.opportunities)
        ++deals[o.stage];
    for (const StageDraft& d : drafts) {
        if (!d.removed || d.original.empty()) continue;
        auto n = deals.find(d.original);
        if (n == deals.end()) continue;
        const bool target_ok = std::any_of(drafts.begin(), drafts.end(), [&](const StageDraft& t) {
            return !t.removed && !d.move_to.empty() && t.stage.name == d.move_to;
        });
        if (!target_ok)
            problems.push_back("Choose where the " + std::to_string(n->second) + " deal" +
                               (n->second == 1 ? "" : "s") + " in " + quoted(d.original) +
                               " go before removing it.");
    }
    return problems;
}

StageEdit stage_edit(const Plan& plan, const std::vector<StageDraft>& drafts, Date today) {
    StageEdit out;
    std::vector<Stage> stages;
    for (const StageDraft& d : drafts)
        if (!d.removed) stages.push_back(d.stage);
    out.stages_changed = stages.size() != plan.stages.size() ||
                         !std::equal(stages.begin(), stages.end(), plan.stages.begin(), same_stage);
    if (!out.stages_changed) return out;
    out.changes.push_back(Set<std::vector<Stage>>{stages});

    std::unordered_map<std::string_view, const StageDraft*> by_original;
    for (const StageDraft& d : drafts)
        if (!d.original.empty()) by_original.emplace(d.original, &d);
    auto new_stage = [&](const std::string& name) -> const Stage* {
        for (const Stage& s : stages)
            if (s.name == name) return &s;
        return nullptr;
    };
    for (const Opportunity& o : plan.opportunities) {
        auto it = by_original.find(o.stage);
        if (it == by_original.end()) continue; // a stage the plan does not have: left as it is
        const StageDraft& d = *it->second;
        const Stage* old = find_stage(plan, o.stage);
        Opportunity n = o;
        if (d.removed) {
            const Stage* to = new_stage(d.move_to);
            if (!to) continue;
            n = moved_to_stage(plan, o, *to, today);
        } else {
            n.stage = d.stage.name;
            if (old && old->probability == o.probability) n.probability = d.stage.probability;
            if (old && old->category == o.forecast_category) n.forecast_category = d.stage.category;
        }
        if (n.stage == o.stage && n.probability == o.probability &&
            n.forecast_category == o.forecast_category && n.close_date == o.close_date)
            continue;
        out.changes.push_back(Put<Opportunity>{std::move(n), std::nullopt, true});
        ++out.deals_changed;
    }
    return out;
}

} // namespace footprint::core
