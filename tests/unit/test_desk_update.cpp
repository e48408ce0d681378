// Updating the desks after edits gives exactly what a full recomputation gives, over random
// sequences of the edits the app makes (new and edited deals, account edits, activities, weights,
// the catalog, rules and stages, accounts removed, moved or inserted, undo), and refuses what it
// does not follow (a whole plan replaced).
#include "app/document.h"
#include "core/desk_update.h"
#include "core/sample_plan.h"
#include "desk_fixtures.h"

#include <doctest/doctest.h>

using namespace desk_test;
using footprint::app::Command;
using footprint::app::Document;

namespace {

std::string compare(const Plan& p, const DeskData& a, const DeskData& b) {
    if (a.priorities.size() != b.priorities.size()) return "priorities size";
    for (std::size_t i = 0; i < a.priorities.size(); ++i) {
        if (a.priorities[i].account != b.priorities[i].account)
            return "priority order at " + std::to_string(i) + ": " + std::to_string(a.priorities[i].account) + " (" +
                   std::to_string(a.priorities[i].score) + ", " + std::to_string(a.priorities[i].at_stake) + ") vs " +
                   std::to_string(b.priorities[i].account) + " (" + std::to_string(b.priorities[i].score) + ", " +
                   std::to_string(b.priorities[i].at_stake) + ")";
        if (std::abs(a.priorities[i].score - b.priorities[i].score) > 1e-9) return "score at " + std::to_string(i);
    }
    if (a.renewals.size() != b.renewals.size()) return "renewals size";
    for (std::size_t i = 0; i < a.renewals.size(); ++i) {
        const RenewalRow &x = a.renewals[i], &y = b.renewals[i];
        if (x.account != y.account || x.mrc != y.mrc || x.days_left != y.days_left || x.notice_by != y.notice_by ||
            x.deal.state != y.deal.state || x.deal.opportunity != y.deal.opportunity || x.services != y.services)
            return "renewal row " + std::to_string(i) + " (" + p.accounts[x.account].name + ")";
    }
    if (a.winbacks.size() != b.winbacks.size()) return "winbacks size";
    for (std::size_t i = 0; i < a.winbacks.size(); ++i) {
        const WinbackRow &x = a.winbacks[i], &y = b.winbacks[i];
        if (x.account != y.account || x.value != y.value || x.window != y.window || x.deal.state != y.deal.state ||
            x.deal.opportunity != y.deal.opportunity || x.products != y.products)
            return "winback row " + std::to_string(i);
    }
    const Whitespace &w = a.whitespace, &v = b.whitespace;
    if (w.rows.size() != v.rows.size()) return "whitespace rows";
    for (std::size_t r = 0; r < w.rows.size(); ++r) {
        if (w.rows[r].account != v.rows[r].account || w.rows[r].open_value != v.rows[r].open_value ||
            w.rows[r].mrc != v.rows[r].mrc || w.rows[r].count != v.rows[r].count)
            return "whitespace row " + std::to_string(r);
        for (std::size_t k = 0; k < w.rows[r].count; ++k) {
            const Recommendation &x = w.of(w.rows[r])[k], &y = v.of(v.rows[r])[k];
            if (x.rule != y.rule || x.value != y.value || x.deal.state != y.deal.state) return "recommendation";
        }
        for (std::size_t f = 0; f < w.families.size(); ++f)
            if (w.held(r, f) != v.held(r, f) || w.holds(r, f) != v.holds(r, f)) return "holdings";
    }
    if (w.open_value != v.open_value || w.accounts_with_open != v.accounts_with_open || w.in_pipeline != v.in_pipeline ||
        w.rule_hits != v.rule_hits || w.rule_value != v.rule_value || w.family_gaps != v.family_gaps)
        return "whitespace totals";
    return "";
}

struct Lcg {
    std::uint64_t s;
    int below(int n) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<int>((s >> 33) % static_cast<std::uint64_t>(n));
    }
};

} // namespace

TEST_CASE("update_desks: random small edits give the same desks as recomputing") {
    const Date today = d(2026, 11, 26);
    Document doc(make_sample_plan(today, Timestamp{0}));
    DeskData desks = compute_desks(doc.plan(), today);
    std::uint64_t rev = doc.revision();
    Settings before = doc.plan().settings;
    Lcg rng{12345};
    int updated = 0, recomputed = 0, next_id = 0;
    const char* stages[] = {"Prospecting", "Proposal/Price Quote", "Closed Won", "Closed Lost"};
    const char* products[] = {"inet-1g", "voice-hosted", "cloud-backup", "eth-sdwan", "tv-business"};
    int status_changes = 0, added = 0, stage_edits = 0, rule_edits = 0, removed = 0, moved = 0, inserted = 0, bulk = 0;
    constexpr int kSteps = 320;
    for (int step = 0; step < kSteps; ++step) {
        CAPTURE(step);
        const Plan& p = doc.plan();
        const auto pick = static_cast<std::size_t>(rng.below(static_cast<int>(p.accounts.size())));
        const Account& acc = p.accounts[pick];
        const int kind = step % 40 == 39 ? 99 : rng.below(17);
        CAPTURE(kind);
        bool flipped = false;
        if (kind == 0 || kind == 1) { // a new deal, as the desks and the pipeline make them
            Opportunity o;
            o.id = "t-opp-" + std::to_string(next_id++);
            o.account_id = acc.id;
            o.name = "Test";
            o.type = static_cast<OpportunityType>(rng.below(4));
            o.stage = stages[rng.below(4)];
            o.close_date = add_days(today, rng.below(200) - 100);
            o.mrc = 1000 * (1 + rng.below(50));
            o.products = {products[rng.below(5)]};
            doc.execute(Command{"new deal", {Put<Opportunity>{o, std::nullopt, true}}}, Timestamp{step});
        } else if (kind == 2 && !p.opportunities.empty()) { // a deal moves on
            Opportunity o = p.opportunities[static_cast<std::size_t>(rng.below(static_cast<int>(p.opportunities.size())))];
            o.stage = stages[rng.below(4)];
            o.products.push_back(products[rng.below(5)]);
            doc.execute(Command{"edit deal", {Put<Opportunity>{o, std::nullopt, true}}}, Timestamp{step});
        } else if (kind == 3) { // an account changes: headcount, a service, a contract end
            Account a = acc;
            a.employees = 5 + rng.below(400);
            a.sites = 1 + rng.below(4);
            if (!a.services.empty() && rng.below(2)) a.services.erase(a.services.begin());
            if (a.status == AccountStatus::Client) {
                Service s;
                s.id = "t-svc-" + std::to_string(next_id++);
                s.product = products[rng.below(5)];
                s.family = s.product.substr(0, s.product.find('-')) == "inet" ? "internet" : "cloud";
                s.mrc = 5000;
                s.contract_end = add_days(today, rng.below(300) - 60);
                a.services.push_back(s);
            }
            doc.execute(Command{"edit account", {Put<Account>{a, std::nullopt, true}}}, Timestamp{step});
        } else if (kind == 4) { // an activity logged or planned
            Activity act;
            act.id = "t-act-" + std::to_string(next_id++);
            act.account_id = acc.id;
            act.date = add_days(today, rng.below(60) - 45);
            doc.execute(Command{"log", {Put<Activity>{act, std::nullopt, true}}}, Timestamp{step});
        } else if (kind == 5) { // weights, or the notice or win-back window setting
            Settings s = p.settings;
            switch (rng.below(3)) {
            case 0: s.priority_weights.upsell = rng.below(100); break;
            case 1: s.renewal_notice_days = rng.below(120); break;
            default: s.winback_window_days = rng.below(240); break;
            }
            doc.execute(Command{"settings", {Set<Settings>{s}}}, Timestamp{step});
        } else if (kind == 6 || kind == 7) { // a client lost, a former client won back, a prospect won
            Account a = acc;
            a.status = static_cast<AccountStatus>(rng.below(3));
            flipped = a.status != acc.status;
            doc.execute(Command{"status", {Put<Account>{a, std::nullopt, true}}}, Timestamp{step});
        } else if (kind == 8 && !p.opportunities.empty()) { // a deal deleted
            const int n = static_cast<int>(p.opportunities.size());
            const Opportunity o = p.opportunities[static_cast<std::size_t>(rng.below(n))];
            if (rng.below(3) > 0) {
                doc.execute(Command{"delete deal", {Remove<Opportunity>{o.id}}}, Timestamp{step});
            } else { // moved elsewhere in the list (a merge or an import may do that)
                const auto to = static_cast<std::size_t>(rng.below(n - 1 > 0 ? n - 1 : 1));
                doc.execute(Command{"move deal", {Remove<Opportunity>{o.id}, Put<Opportunity>{o, to, true}}},
                            Timestamp{step});
            }
        } else if (kind == 9) { // a new account (a copy of one), with a deal, in one command
            Account a = acc;
            a.id = "t-acc-" + std::to_string(next_id++);
            for (Service& sv : a.services) sv.id = "t-svc-" + std::to_string(next_id++);
            Opportunity o;
            o.id = "t-opp-" + std::to_string(next_id++);
            o.account_id = a.id;
            o.name = "First deal";
            o.stage = stages[rng.below(4)];
            o.close_date = add_days(today, rng.below(200) - 100);
            o.mrc = 1000 * (1 + rng.below(50));
            o.products = {products[rng.below(5)]};
            Command c{"new account", {Put<Account>{a, std::nullopt, true}, Put<Opportunity>{o, std::nullopt, true}}};
            for (int more = rng.below(3); more > 0; --more) { // sometimes a few more, as an import adds them
                Account b = acc;
                b.id = "t-acc-" + std::to_string(next_id++);
                b.services.clear();
                c.changes.push_back(Put<Account>{std::move(b), std::nullopt, true});
            }
            doc.execute(std::move(c), Timestamp{step});
            added += 1;
        } else if (kind == 10) { // a stage closes or opens again, or changes from won to lost
            std::vector<Stage> st = p.stages;
            Stage& s = st[static_cast<std::size_t>(rng.below(static_cast<int>(st.size())))];
            if (rng.below(2)) s.closed = !s.closed;
            s.won = s.closed && rng.below(2);
            doc.execute(Command{"stages", {Set<std::vector<Stage>>{st}}}, Timestamp{step});
            ++stage_edits;
        } else if (kind == 11 && !p.upsell_rules.empty()) { // a rule switched off or on, or narrowed
            std::vector<UpsellRule> rules = p.upsell_rules;
            UpsellRule& r = rules[static_cast<std::size_t>(rng.below(static_cast<int>(rules.size())))];
            if (rng.below(2)) r.enabled = !r.enabled;
            else r.min_sites = rng.below(4);
            doc.execute(Command{"rules", {Set<std::vector<UpsellRule>>{rules}}}, Timestamp{step});
            ++rule_edits;
        } else if (kind == 12) { // an account removed with its deals, another edited (as a merge does)
            Command c{"remove account", {}};
            for (const Opportunity& o : p.opportunities)
                if (o.account_id == acc.id) c.changes.push_back(Remove<Opportunity>{o.id});
            c.changes.push_back(Remove<Account>{acc.id});
            Account other = p.accounts[(pick + 1 + static_cast<std::size_t>(rng.below(40))) % p.accounts.size()];
            if (other.id != acc.id) {
                other.status = static_cast<AccountStatus>(rng.below(3));
                if (!other.services.empty()) other.services.pop_back();
                c.changes.push_back(Put<Account>{other, std::nullopt, true});
            }
            doc.execute(std::move(c), Timestamp{step});
            ++removed;
        } else if (kind == 13) { // an account moved elsewhere in the list
            const Account a = acc;
            const auto to = static_cast<std::size_t>(rng.below(static_cast<int>(p.accounts.size()) - 1));
            doc.execute(Command{"move account", {Remove<Account>{a.id}, Put<Account>{a, to, true}}}, Timestamp{step});
            ++moved;
        } else if (kind == 14) { // a new account put before others
            Account a = acc;
            a.id = "t-acc-" + std::to_string(next_id++);
            a.status = static_cast<AccountStatus>(rng.below(3));
            for (Service& sv : a.services) sv.id = "t-svc-" + std::to_string(next_id++);
            doc.execute(Command{"insert account", {Put<Account>{a, pick, true}}}, Timestamp{step});
            ++inserted;
        } else if (kind == 15) { // a bulk edit: the status of a dozen accounts at once
            Command c{"bulk status", {}};
            for (int k = 0; k < 12; ++k) {
                Account a = p.accounts[(pick + static_cast<std::size_t>(k) * 17) % p.accounts.size()];
                a.status = static_cast<AccountStatus>(rng.below(3));
                c.changes.push_back(Put<Account>{std::move(a), std::nullopt, true});
            }
            doc.execute(std::move(c), Timestamp{step});
            ++bulk;
        } else if (kind == 99) { // the catalog: a price
            std::vector<Product> catalog = p.catalog;
            catalog[0].prices[0].mrc += 100;
            doc.execute(Command{"price", {Set<std::vector<Product>>{catalog}}}, Timestamp{step});
        } else {
            doc.undo(Timestamp{step});
        }
        auto changed = doc.changes_since(rev);
        REQUIRE(changed);
        if (update_desks(doc.plan(), today, desks, *changed, before)) {
            ++updated;
            status_changes += flipped;
        } else {
            ++recomputed;
            desks = compute_desks(doc.plan(), today);
        }
        CHECK(compare(doc.plan(), desks, compute_desks(doc.plan(), today)) == "");
        rev = doc.revision();
        before = doc.plan().settings;
    }
    CHECK(updated == kSteps); // every edit followed, none recomputed
    CHECK(recomputed == 0);
    CHECK(status_changes >= 10);
    CHECK(added >= 8);
    CHECK(stage_edits >= 8);
    CHECK(rule_edits >= 8);
    CHECK(removed >= 8);
    CHECK(moved >= 8);
    CHECK(inserted >= 8);
    CHECK(bulk >= 8);
}

TEST_CASE("update_desks: follows removals, insertions, the catalog, rules and stages; refuses a new plan") {
    const Date today = d(2026, 11, 26);
    Document doc(make_sample_plan(today, Timestamp{0}));
    const DeskData fresh = compute_desks(doc.plan(), today);
    auto attempt = [&](Command c) {
        const std::uint64_t rev = doc.revision();
        const Settings before = doc.plan().settings;
        doc.execute(std::move(c), Timestamp{1});
        DeskData d = fresh;
        const bool ok = update_desks(doc.plan(), today, d, *doc.changes_since(rev), before);
        if (ok) CHECK(compare(doc.plan(), d, compute_desks(doc.plan(), today)) == "");
        doc.undo(Timestamp{2});
        return ok;
    };
    CHECK(attempt(Command{"remove account", {Remove<Account>{doc.plan().accounts[3].id}}}));
    Opportunity moved = doc.plan().opportunities[0];
    CHECK(attempt(Command{"move deal", {Remove<Opportunity>{moved.id}, Put<Opportunity>{moved, std::size_t{2}, true}}}));
    Account inserted = doc.plan().accounts[1];
    inserted.id = "t-new";
    CHECK(attempt(Command{"insert", {Put<Account>{inserted, std::size_t{0}, true}}}));
    CHECK(attempt(Command{"rules", {Set<std::vector<UpsellRule>>{{}}}}));
    std::vector<Product> no_catalog;
    CHECK(attempt(Command{"catalog", {Set<std::vector<Product>>{no_catalog}}}));
    std::vector<Stage> stages = doc.plan().stages;
    for (Stage& st : stages) st.closed = false; // every deal open again
    CHECK(attempt(Command{"stages", {Set<std::vector<Stage>>{stages}}}));
    TouchedSet whole; // a plan replaced (opened, new, the sample): Document has no changes for it
    whole.everything = true;
    DeskData copy = fresh;
    CHECK_FALSE(update_desks(doc.plan(), today, copy, whole, doc.plan().settings));
    // Followed: a new account at the end, a deal deleted, a status change, the notice and window
    // settings, a rename.
    Account added = doc.plan().accounts[2];
    added.id = "t-added";
    CHECK(attempt(Command{"add", {Put<Account>{added, std::nullopt, true}}}));
    CHECK(attempt(Command{"remove deal", {Remove<Opportunity>{doc.plan().opportunities[0].id}}}));
    Account former = doc.plan().accounts[0];
    former.status = former.status == AccountStatus::Client ? AccountStatus::Former : AccountStatus::Client;
    CHECK(attempt(Command{"status", {Put<Account>{former, std::nullopt, true}}}));
    Settings s = doc.plan().settings;
    s.renewal_notice_days = 30;
    s.winback_window_days = 45;
    CHECK(attempt(Command{"notice", {Set<Settings>{s}}}));
    Account renamed = doc.plan().accounts[1];
    renamed.name = "Renamed";
    CHECK(attempt(Command{"rename", {Put<Account>{renamed, std::nullopt, true}}}));
}
