// Sharing and merging two big plans: a share of the whole plan (plain and redacted), merging it
// into an empty plan, then a merge of two 100,000-account plans that both changed since.
// Usage: bench_merge [ACCOUNTS [ACTIVITIES [RUNS]]]   (defaults: 100000 accounts, 200000 activities, 3)
//        bench_merge --write-theirs FILE [ACCOUNTS [ACTIVITIES]]
//   writes the plan a colleague sends back after merging a share of make_synthetic_plan(…, 7)
//   and changing 1,000 accounts: the file bench/web_merge_bench.mjs merges in the page.
//        bench_merge --merge-file FILE [ACCOUNTS [ACTIVITIES]]   the same merge, natively
#include "app/document.h"
#include "core/plan_json.h"
#include "core/plan_merge.h"
#include "core/plan_share.h"
#include "core/synthetic_plan.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace footprint;
using namespace footprint::core;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;
}

Timestamp at(int minute) { return Timestamp{1'790'000'000'000 + std::int64_t{minute} * 60'000}; }

// `n` edits spread over the plan: notes of accounts, an opportunity's amount, a new account.
void edit(app::Document& doc, int n, int offset, const char* who, int minute) {
    std::vector<Change> changes;
    const Plan& p = doc.plan();
    for (int i = 0; i < n; ++i) {
        Account a = p.accounts[static_cast<std::size_t>((i * 97 + offset) % static_cast<int>(p.accounts.size()))];
        a.notes = std::string(who) + " note " + std::to_string(i);
        changes.push_back(Put<Account>{std::move(a), std::nullopt, true});
        if (i % 2 == 0 && !p.opportunities.empty()) {
            Opportunity o = p.opportunities[static_cast<std::size_t>((i * 31 + offset) % static_cast<int>(p.opportunities.size()))];
            o.mrc += 100;
            changes.push_back(Put<Opportunity>{std::move(o), std::nullopt, true});
        }
        if (i % 10 == 0) {
            Account fresh;
            fresh.id = std::string("acc-") + who + "-" + std::to_string(i);
            fresh.name = std::string(who) + " prospect " + std::to_string(i);
            changes.push_back(Put<Account>{std::move(fresh), std::nullopt, true});
        }
    }
    doc.execute(app::Command{"Edits", std::move(changes)}, at(minute));
}

} // namespace

// The colleague's plan for the page benchmark (the page opens make_synthetic_plan(…, 7) itself).
int write_theirs(const char* path, int accounts, int activities) {
    app::Document alice(make_synthetic_plan(accounts, activities, 7));
    ShareResult share = make_share(alice.plan(), {}, "plan-share-bench", at(1));
    app::Document bob(make_empty_plan("plan-bob", "Bob's plan", at(0)));
    bob.execute(app::Command{"Merge", merge_plans(bob.plan(), std::move(share.file), at(2)).changes}, at(2));
    edit(bob, 1000, 50, "bob", 11);
    const std::string text = write_plan(bob.plan());
    std::FILE* f = std::fopen(path, "wb");
    if (!f || std::fwrite(text.data(), 1, text.size(), f) != text.size() || std::fclose(f) != 0) {
        std::fprintf(stderr, "bench_merge: cannot write %s\n", path);
        return 1;
    }
    std::printf("%s: %.1f MB\n", path, static_cast<double>(text.size()) / 1e6);
    return 0;
}

// What the page benchmark does, natively: that file merged into make_synthetic_plan(…, 7).
int merge_file(const char* path, int accounts, int activities) {
    std::FILE* f = std::fopen(path, "rb");
    if (!f) {
        std::fprintf(stderr, "bench_merge: cannot read %s\n", path);
        return 1;
    }
    std::string text;
    char buf[1 << 16];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
    std::fclose(f);
    app::Document mine(make_synthetic_plan(accounts, activities, 7));
    auto t = Clock::now();
    LoadResult theirs = read_plan(text);
    if (!theirs.plan) return 1;
    std::printf("  read %.0f ms\n", ms_since(t));
    t = Clock::now();
    MergeJob job(mine.plan(), std::make_shared<const Plan>(std::move(*theirs.plan)));
    while (!job.step(20'000)) {}
    MergePreview preview = job.take();
    std::printf("  compare %.0f ms (%zu conflicts)\n", ms_since(t), preview.conflicts.size());
    t = Clock::now();
    MergeOutcome out = finish_merge(mine.plan(), preview, at(20));
    std::printf("  finish %.0f ms (%zu changes: %s)\n", ms_since(t), out.changes.size(), out.report.summary().c_str());
    t = Clock::now();
    mine.execute(app::Command{"Merge", std::move(out.changes)}, at(20));
    std::printf("  execute %.0f ms\n", ms_since(t));
    return 0;
}

int main(int argc, char** argv) {
    if (argc > 2 && std::string(argv[1]) == "--merge-file")
        return merge_file(argv[2], argc > 3 ? std::atoi(argv[3]) : 100'000, argc > 4 ? std::atoi(argv[4]) : 200'000);
    if (argc > 2 && std::string(argv[1]) == "--write-theirs")
        return write_theirs(argv[2], argc > 3 ? std::atoi(argv[3]) : 100'000, argc > 4 ? std::atoi(argv[4]) : 200'000);
    const int accounts = argc > 1 ? std::atoi(argv[1]) : 100'000;
    const int activities = argc > 2 ? std::atoi(argv[2]) : 200'000;
    const int runs = argc > 3 ? std::atoi(argv[3]) : 3;

    Plan base = make_synthetic_plan(accounts, activities, 7);
    base.id = "plan-alice";
    app::Document alice(std::move(base));

    std::vector<double> share_ms, redacted_ms, write_ms;
    ShareResult whole;
    for (int r = 0; r < runs; ++r) {
        auto t = Clock::now();
        whole = make_share(alice.plan(), {}, "plan-share-1", at(1));
        share_ms.push_back(ms_since(t));
        t = Clock::now();
        ShareOptions o;
        o.redact = true;
        ShareResult red = make_share(alice.plan(), o, "plan-share-r", at(1));
        redacted_ms.push_back(ms_since(t));
    }
    auto t = Clock::now();
    std::string share_text = write_plan(whole.file);
    write_ms.push_back(ms_since(t));
    alice.execute(app::Command{"Share", {PutSyncPeer{whole.memory}}}, at(1));
    t = Clock::now();
    LoadResult share_read = read_plan(share_text);
    const double read_ms = ms_since(t);
    std::string().swap(share_text);

    // Bob merges the share into his empty plan: 100,000 accounts created.
    app::Document bob(make_empty_plan("plan-bob", "Bob", at(0)));
    t = Clock::now();
    MergeOutcome into_empty = merge_plans(bob.plan(), std::move(*share_read.plan), at(2));
    const double into_empty_ms = ms_since(t);
    bob.execute(app::Command{"Merge", std::move(into_empty.changes)}, at(2));

    // Both change things; Bob's plan comes back to Alice.
    edit(alice, 1000, 0, "alice", 10);
    edit(bob, 1000, 50, "bob", 11); // other accounts than Alice's: no conflict (unit tests cover those)
    const std::string bob_text = write_plan(bob.plan());
    t = Clock::now();
    LoadResult bob_read = read_plan(bob_text);
    const double bob_read_ms = ms_since(t);
    auto theirs = std::make_shared<const Plan>(std::move(*bob_read.plan));

    std::vector<double> analyse_ms, finish_ms, worst_step_ms, apply_ms;
    std::size_t conflicts = 0, changes = 0, steps = 0;
    MergeReport report;
    for (int r = 0; r < runs; ++r) {
        t = Clock::now();
        MergeJob job(alice.plan(), theirs);
        double worst = 0;
        steps = 0;
        for (;;) {
            const auto s = Clock::now();
            const bool done = job.step(20'000);
            worst = std::max(worst, ms_since(s));
            ++steps;
            if (done) break;
        }
        MergePreview preview = job.take();
        analyse_ms.push_back(ms_since(t));
        worst_step_ms.push_back(worst);
        t = Clock::now();
        MergeOutcome out = finish_merge(alice.plan(), preview, at(20));
        finish_ms.push_back(ms_since(t));
        conflicts = preview.conflicts.size();
        changes = out.changes.size();
        report = out.report;
        app::Document copy(alice.plan());
        t = Clock::now();
        copy.execute(app::Command{"Merge", std::move(out.changes)}, at(20));
        apply_ms.push_back(ms_since(t));
    }

    std::printf("bench_merge: %d accounts, %d activities, median of %d runs\n", accounts, activities, runs);
    std::printf("  share the whole plan (build)            %8.0f ms\n", median(share_ms));
    std::printf("  share the whole plan, redacted (build)  %8.0f ms\n", median(redacted_ms));
    std::printf("  write the share file                    %8.0f ms  (%.1f MB)\n", write_ms[0],
                static_cast<double>(write_plan(whole.file).size()) / 1e6);
    std::printf("  read the share file                     %8.0f ms\n", read_ms);
    std::printf("  merge it into an empty plan             %8.0f ms  (%d records created)\n", into_empty_ms,
                into_empty.report.changes());
    std::printf("  read Bob's plan file                    %8.0f ms\n", bob_read_ms);
    std::printf("  merge 100k into 100k: analysis          %8.0f ms  (%zu steps of 20,000 records, worst %.0f ms)\n",
                median(analyse_ms), steps, median(worst_step_ms));
    std::printf("  merge 100k into 100k: finish            %8.0f ms  (%zu changes, %zu conflicts)\n", median(finish_ms),
                changes, conflicts);
    std::printf("  apply as one command (Document)          %8.0f ms\n", median(apply_ms));
    std::printf("  result: %s\n", report.summary().c_str());
    std::printf("  plan file with the exchange table        %.1f MB (was %.1f MB)\n",
                static_cast<double>(write_plan(alice.plan()).size()) / 1e6,
                static_cast<double>(write_plan(make_synthetic_plan(accounts, activities, 7)).size()) / 1e6);
    std::printf("  peak memory (RSS)                       %8.0f MB\n", peak_rss_mb());
    return 0;
}
