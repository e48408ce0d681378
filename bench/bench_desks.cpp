// The desks' recomputation on a big plan: compute_desks (every desk and the priority list) and
// its parts, as the Desks view runs it after each edit.
// Usage: bench_desks [ACCOUNTS [ACTIVITIES]]   (defaults: 100000 accounts, 200000 activities)
#include "app/document.h"
#include "core/desk_update.h"
#include "core/priority.h"
#include "core/synthetic_plan.h"
#include "bench_timing.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <time.h>
#include <vector>

using namespace footprint::core;
using footprint::bench::cpu_ms;
using footprint::bench::median_ms;
using footprint::bench::Timing;

namespace {

} // namespace

int main(int argc, char** argv) {
    const int accounts = argc > 1 ? std::atoi(argv[1]) : 100'000;
    const int activities = argc > 2 ? std::atoi(argv[2]) : 200'000;
    constexpr int kRuns = 9;
    const Plan plan = make_synthetic_plan(accounts, activities, 2026);
    const Date today = date_from_ymd(2026, 11, 26);

    std::size_t sink = 0; // keeps the optimiser from dropping the work
    // As the view runs it: into the previous result, whose memory is reused.
    DeskData reused = compute_desks(plan, today);
    const Timing total = median_ms(kRuns, [&] {
        compute_desks(plan, today, reused);
        sink += reused.priorities.size();
    });
    const Timing fresh = median_ms(3, [&] { sink += compute_desks(plan, today).priorities.size(); });
    AccountLinks links;
    const Timing link = median_ms(kRuns, [&] { links = link_accounts(plan, today); });
    const RuleEngine engine(plan);
    const Timing renew = median_ms(kRuns, [&] { sink += renewal_desk(plan, links, today).size(); });
    const Timing win = median_ms(kRuns, [&] { sink += winback_desk(plan, links, engine, today).size(); });
    const Timing white = median_ms(kRuns, [&] { sink += whitespace_desk(plan, links, engine, today).rows.size(); });
    const DeskData d = compute_desks(plan, today);
    Plan reweighted = plan;
    reweighted.settings.priority_weights.upsell = 40;
    DeskData scored = d;
    const Timing rescored = median_ms(kRuns, [&] {
        rescore(reweighted, today, scored);
        sink += scored.priorities.size();
    });

    // One click on a desk: a new opportunity, then the desks updated in place (desk_update.h).
    footprint::app::Document doc(plan);
    DeskData live = compute_desks(doc.plan(), today);
    int made = 0;
    std::vector<double> update_cpu;
    for (int i = 0; i < kRuns; ++i) {
        const std::uint64_t rev = doc.revision();
        const Settings before = doc.plan().settings;
        Opportunity o;
        o.id = "bench-opp-" + std::to_string(made++);
        o.account_id = doc.plan().accounts[static_cast<std::size_t>(i) * 997].id;
        o.name = "Renewal";
        o.type = OpportunityType::Renewal;
        o.stage = "Prospecting";
        o.mrc = 100000;
        doc.execute(footprint::app::Command{"new", {Put<Opportunity>{o, std::nullopt, true}}}, Timestamp{i});
        const double c0 = cpu_ms();
        const auto changed = doc.changes_since(rev);
        const bool ok = changed && update_desks(doc.plan(), today, live, *changed, before);
        update_cpu.push_back(cpu_ms() - c0);
        if (!ok) return 2;
    }
    std::sort(update_cpu.begin(), update_cpu.end());

    // Edits that used to need the whole recomputation: a client lost (status), a former client
    // won back, and the renewal notice setting.
    auto timed_update = [&](auto&& edit) {
        std::vector<double> cpu;
        for (int i = 0; i < kRuns; ++i) {
            const std::uint64_t rev = doc.revision();
            const Settings before = doc.plan().settings;
            edit(i);
            const auto changed = doc.changes_since(rev); // nullopt: too far back (the app recomputes)
            const double c0 = cpu_ms();
            const bool ok = changed && update_desks(doc.plan(), today, live, *changed, before);
            cpu.push_back(cpu_ms() - c0);
            if (!ok) {
                cpu.back() = -1;
                live = compute_desks(doc.plan(), today);
            }
        }
        std::sort(cpu.begin(), cpu.end());
        return cpu.front() < 0 ? -1.0 : cpu[cpu.size() / 2];
    };
    auto set_status = [&](int i, AccountStatus from, AccountStatus to) {
        for (std::size_t k = static_cast<std::size_t>(i) * 7919 % doc.plan().accounts.size();; ++k) {
            Account a = doc.plan().accounts[k % doc.plan().accounts.size()];
            if (a.status != from) continue;
            a.status = to;
            doc.execute(footprint::app::Command{"status", {Put<Account>{a, std::nullopt, true}}}, Timestamp{100 + i});
            return;
        }
    };
    const double lost_ms = timed_update([&](int i) { set_status(i, AccountStatus::Client, AccountStatus::Former); });
    const double won_ms = timed_update([&](int i) { set_status(i, AccountStatus::Former, AccountStatus::Client); });
    const double deleted_ms = timed_update([&](int i) { // near the front: most indices move
        const std::string id = doc.plan().opportunities[static_cast<std::size_t>(i) * 11].id;
        doc.execute(footprint::app::Command{"delete", {Remove<Opportunity>{id}}}, Timestamp{300 + i});
    });
    const double undone_ms = timed_update([&](int i) { doc.undo(Timestamp{400 + i}); });
    const double added_ms = timed_update([&](int i) { // a new client at the end, as "New account" adds it
        Account a = doc.plan().accounts[static_cast<std::size_t>(i) * 13];
        a.id = "bench-acc-" + std::to_string(i);
        a.status = AccountStatus::Client;
        doc.execute(footprint::app::Command{"add", {Put<Account>{a, std::nullopt, true}}}, Timestamp{500 + i});
    });
    const double notice_ms = timed_update([&](int i) {
        Settings s = doc.plan().settings;
        s.renewal_notice_days = 30 + i;
        doc.execute(footprint::app::Command{"notice", {Set<Settings>{s}}}, Timestamp{200 + i});
    });
    // The catalog, the rules and the stages (every desk's rows may change), accounts removed or
    // put back before others (as a merge does), and a bulk edit of many accounts.
    const double price_ms = timed_update([&](int i) {
        std::vector<Product> catalog = doc.plan().catalog;
        catalog[static_cast<std::size_t>(i) % catalog.size()].prices.front().mrc += 100;
        doc.execute(footprint::app::Command{"price", {Set<std::vector<Product>>{catalog}}}, Timestamp{600 + i});
    });
    const double rule_ms = timed_update([&](int i) {
        std::vector<UpsellRule> rules = doc.plan().upsell_rules;
        UpsellRule& r = rules[static_cast<std::size_t>(i) % rules.size()];
        r.enabled = !r.enabled;
        doc.execute(footprint::app::Command{"rule", {Set<std::vector<UpsellRule>>{rules}}}, Timestamp{700 + i});
    });
    const double stage_ms = timed_update([&](int i) {
        std::vector<Stage> stages = doc.plan().stages;
        Stage& st = stages[static_cast<std::size_t>(i) % stages.size()];
        st.probability = (st.probability + 5) % 100; // and every other time a stage closes or opens
        if (i % 2) st.closed = !st.closed, st.won = false;
        doc.execute(footprint::app::Command{"stages", {Set<std::vector<Stage>>{stages}}}, Timestamp{800 + i});
    });
    const double removed_ms = timed_update([&](int i) { // near the front: most indices move
        const Plan& p = doc.plan();
        const Account& a = p.accounts[static_cast<std::size_t>(i) * 31];
        footprint::app::Command c{"remove account", {}};
        for (const Opportunity& o : p.opportunities)
            if (o.account_id == a.id) c.changes.push_back(Remove<Opportunity>{o.id});
        c.changes.push_back(Remove<Account>{a.id});
        doc.execute(std::move(c), Timestamp{900 + i});
    });
    const double restored_ms = timed_update([&](int i) { doc.undo(Timestamp{1000 + i}); });
    constexpr std::size_t kBulk = 4000; // under Document::kStepCap (past it a view recomputes)
    const double bulk_ms = timed_update([&](int i) { // a tag on 4,000 selected accounts, in one command
        footprint::app::Command c{"tag", {}};
        for (std::size_t k = 0; k < kBulk; ++k) {
            Account a = doc.plan().accounts[(static_cast<std::size_t>(i) * 4001 + k * 97) % doc.plan().accounts.size()];
            a.tags.push_back("bench-" + std::to_string(i));
            c.changes.push_back(Put<Account>{std::move(a), std::nullopt, true});
        }
        doc.execute(std::move(c), Timestamp{1100 + i});
    });
    const double bulk_status_ms = timed_update([&](int i) { // 4,000 clients marked former at once
        footprint::app::Command c{"lost", {}};
        for (std::size_t k = static_cast<std::size_t>(i) * 7; c.changes.size() < kBulk && k < doc.plan().accounts.size(); k += 11) {
            Account a = doc.plan().accounts[k];
            if (a.status != AccountStatus::Client) continue;
            a.status = AccountStatus::Former;
            c.changes.push_back(Put<Account>{std::move(a), std::nullopt, true});
        }
        doc.execute(std::move(c), Timestamp{1200 + i});
    });

    const double bulk_add_ms = timed_update([&](int i) { // 4,000 new accounts at the end (an import); last: the plan grows
        footprint::app::Command c{"import", {}};
        for (std::size_t k = 0; k < kBulk; ++k) {
            Account a = doc.plan().accounts[(static_cast<std::size_t>(i) * 4001 + k * 89) % doc.plan().accounts.size()];
            a.id = "bench-import-" + std::to_string(i) + "-" + std::to_string(k);
            c.changes.push_back(Put<Account>{std::move(a), std::nullopt, true});
        }
        doc.execute(std::move(c), Timestamp{1150 + i});
    });
    std::printf("bench_desks: %d accounts, %zu opportunities, %d activities, median of %d runs\n",
                accounts, plan.opportunities.size(), activities, kRuns);
    std::printf("                               CPU ms   wall ms\n");
    std::printf("  compute_desks (everything) %8.1f  %8.1f\n", total.cpu, total.wall);
    std::printf("    the first time (no reuse)%8.1f  %8.1f\n", fresh.cpu, fresh.wall);
    std::printf("    link_accounts            %8.1f  %8.1f\n", link.cpu, link.wall);
    std::printf("    renewal_desk             %8.1f  %8.1f   %zu rows\n", renew.cpu, renew.wall, d.renewals.size());
    std::printf("    winback_desk             %8.1f  %8.1f   %zu rows\n", win.cpu, win.wall, d.winbacks.size());
    std::printf("    whitespace_desk          %8.1f  %8.1f   %zu rows, %zu recommendations\n", white.cpu,
                white.wall, d.whitespace.rows.size(), d.whitespace.recommendations.size());
    std::printf("  (each part above alone; in compute_desks they share one pass over the accounts)\n");
    std::printf("  rescore (weights changed)  %8.1f  %8.1f   %zu accounts ranked\n", rescored.cpu, rescored.wall,
                d.priorities.size());
    std::printf("  update_desks (a new deal)  %8.1f            one click on a desk\n", update_cpu[update_cpu.size() / 2]);
    std::printf("  update_desks (client lost) %8.1f            a client becomes a former client\n", lost_ms);
    std::printf("  update_desks (won back)    %8.1f            a former client becomes a client\n", won_ms);
    std::printf("  update_desks (deal deleted)%8.1f            the deals after it move up\n", deleted_ms);
    std::printf("  update_desks (undo)        %8.1f            the deletions undone: each deal back in its place\n", undone_ms);
    std::printf("  update_desks (new account) %8.1f            a client added at the end\n", added_ms);
    std::printf("  update_desks (notice days) %8.1f            every renewal row redone\n", notice_ms);
    std::printf("  update_desks (a price)     %8.1f            the catalog: whitespace and win-back estimates redone\n", price_ms);
    std::printf("  update_desks (a rule)      %8.1f            a rule switched off or on: the same\n", rule_ms);
    std::printf("  update_desks (stages)      %8.1f            a stage closed or opened: every row's deal again\n", stage_ms);
    std::printf("  update_desks (acct removed)%8.1f            an account and its deals removed near the front\n", removed_ms);
    std::printf("  update_desks (put back)    %8.1f            the removal undone: the account back in its place\n", restored_ms);
    std::printf("  update_desks (bulk, %zu)  %8.1f            a tag on %zu accounts in one command\n", kBulk, bulk_ms, kBulk);
    std::printf("  update_desks (bulk new)    %8.1f            %zu new accounts added at the end in one command\n", bulk_add_ms, kBulk);
    std::printf("  update_desks (bulk status) %8.1f            %zu clients marked former in one command\n", bulk_status_ms, kBulk);
    std::printf("  (-1: refused, recomputed instead)\n");
    return sink == 0 ? 1 : 0;
}
