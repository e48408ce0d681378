// The Desks view's edits as commands (see desk_actions.h).
#include "app/desk_actions.h"

#include "core/desk_opportunities.h"
#include "core/format.h"

namespace footprint::app {

namespace {

std::optional<std::size_t> account_index(const App& app, const std::string& id) {
    auto i = app.doc().index().account(id);
    if (!i || *i >= app.plan().accounts.size()) return std::nullopt;
    return i;
}

std::string add_opportunity(App& app, std::optional<core::Opportunity> o, const char* what) {
    if (!o) {
        app.notify(Notice::Kind::Warning, std::string("No ") + what + " opportunity created",
                   "The plan has no open opportunity stage to put it in. Add one to the plan's "
                   "stages first.");
        return {};
    }
    o->id = app.ids().next("opp");
    const std::string id = o->id;
    const std::string summary = core::format_mrc_rounded(o->mrc) +
                                (o->close_date ? ", closing " + core::format_date(*o->close_date) : "") +
                                ", in " + o->stage + ".";
    std::string label = std::string("Create ") + what + " opportunity";
    std::string name = o->name;
    app.execute(Command{std::move(label), {core::Put<core::Opportunity>{std::move(*o), std::nullopt, true}}});
    app.notify(Notice::Kind::Success, name, summary + " Undo with Ctrl+Z.");
    return id;
}

std::string not_on_desk(App& app, const char* desk, const std::string& account_id) {
    app.notify(Notice::Kind::Warning, "Nothing to create",
               "Account " + account_id + " is not on the " + desk + " desk today.");
    return {};
}

} // namespace

std::string create_renewal_opportunity(App& app, const std::string& account_id) {
    auto i = account_index(app, account_id);
    const core::Date today = app.clock().today();
    if (!i) return not_on_desk(app, "renewal", account_id);
    const core::AccountLinks links = core::link_accounts(app.plan(), today, *i);
    auto row = core::renewal_of(app.plan(), links, *i, today);
    if (!row) return not_on_desk(app, "renewal", account_id);
    return add_opportunity(app, core::renewal_opportunity(app.plan(), *row, today), "renewal");
}

std::string create_winback_opportunity(App& app, const std::string& account_id) {
    auto i = account_index(app, account_id);
    const core::Date today = app.clock().today();
    if (!i) return not_on_desk(app, "win-back", account_id);
    const core::AccountLinks links = core::link_accounts(app.plan(), today, *i);
    const core::RuleEngine engine(app.plan());
    auto row = core::winback_of(app.plan(), links, engine, *i, today);
    if (!row) return not_on_desk(app, "win-back", account_id);
    return add_opportunity(app, core::winback_opportunity(app.plan(), *row, today), "win-back");
}

std::string create_upsell_opportunity(App& app, const std::string& account_id, const std::string& rule_id) {
    auto i = account_index(app, account_id);
    const core::Date today = app.clock().today();
    if (!i) return not_on_desk(app, "whitespace", account_id);
    const core::RuleEngine engine(app.plan());
    std::vector<core::Recommendation> recs;
    engine.recommend(app.plan().accounts[*i], recs);
    for (const core::Recommendation& r : recs)
        if (app.plan().upsell_rules[r.rule].id == rule_id)
            return add_opportunity(app, core::upsell_opportunity(app.plan(), *i, r, today), "upsell");
    app.notify(Notice::Kind::Warning, "Nothing to create",
               "That recommendation no longer applies to this account (its rule or services changed).");
    return {};
}

void set_priority_weights(App& app, const core::PriorityWeights& weights) {
    if (app.plan().settings.priority_weights == weights) return;
    core::Settings s = app.plan().settings;
    s.priority_weights = weights;
    app.execute(Command{"Change priority weights", {core::Set<core::Settings>{std::move(s)}}});
}

void set_desk_settings(App& app, int renewal_notice_days, int winback_window_days) {
    core::Settings s = app.plan().settings;
    std::string label;
    if (renewal_notice_days >= 0 && renewal_notice_days != s.renewal_notice_days) {
        s.renewal_notice_days = renewal_notice_days;
        label = "Change the notice period";
    }
    if (winback_window_days >= 0 && winback_window_days != s.winback_window_days) {
        s.winback_window_days = winback_window_days;
        label = label.empty() ? "Change the win-back window" : "Change desk settings";
    }
    if (label.empty()) return;
    app.execute(Command{std::move(label), {core::Set<core::Settings>{std::move(s)}}});
}

void set_competitor_contract(App& app, const std::string& account_id, int term_months,
                             std::optional<core::Date> end) {
    auto i = account_index(app, account_id);
    if (!i) return;
    core::Account a = app.plan().accounts[*i];
    if (a.former.competitor_term_months == term_months && a.former.competitor_contract_end == end) return;
    a.former.competitor_term_months = term_months;
    a.former.competitor_contract_end = end;
    app.put_account(std::move(a), "Edit competitor contract");
}

void set_catalog(App& app, std::vector<core::Product> catalog, std::string label) {
    app.execute(Command{std::move(label), {core::Set<std::vector<core::Product>>{std::move(catalog)}}});
}

void set_upsell_rules(App& app, std::vector<core::UpsellRule> rules, std::string label) {
    app.execute(Command{std::move(label), {core::Set<std::vector<core::UpsellRule>>{std::move(rules)}}});
}

} // namespace footprint::app
