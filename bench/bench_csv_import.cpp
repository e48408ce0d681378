// CSV import, export and the accounts list at 100,000 accounts, natively.
// Usage: bench_csv_import [ROWS]          measure (default 100,000 rows)
//        bench_csv_import --write FILE [ROWS]   write the benchmark's accounts CSV and exit
//
// The file is a deterministic Salesforce Data Loader export of Accounts (27 columns, every value
// quoted, CRLF, about 33 MB at 100,000 rows) built from the synthetic plan's realistic accounts.
#include "app/document.h"
#include "core/account_list.h"
#include "core/csv.h"
#include "core/csv_export.h"
#include "core/csv_import.h"
#include "core/synthetic_plan.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

using namespace footprint;
using namespace footprint::core;
using Clock = std::chrono::steady_clock;

namespace {

// CPU time of this process, not wall time: on a machine shared with other builds and browsers
// the wall clock also counts the time the benchmark waited for a core. The code is single-threaded,
// so on an idle machine the two agree.
struct Stopwatch {
    std::clock_t cpu = std::clock();
};
double ms_since(const Stopwatch& s) {
    return 1000.0 * static_cast<double>(std::clock() - s.cpu) / CLOCKS_PER_SEC;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void quoted(std::string& out, std::string_view v) {
    out += '"';
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

// 18-character Salesforce-style Ids, unique per row.
std::string sf_id(const char* prefix, std::size_t n) {
    static constexpr char kAlphabet[] =
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    std::string id = prefix;
    id += "5A0000";
    std::string tail;
    for (int i = 0; i < 9; ++i) {
        tail += kAlphabet[n % 62];
        n /= 62;
    }
    id += tail;
    return id;
}

std::string make_csv(int rows) {
    const Plan plan = make_synthetic_plan(rows, 0, 7);
    std::string out = "\xEF\xBB\xBF";
    out.reserve(static_cast<std::size_t>(rows) * 360);
    const char* header[] = {"Id",
                            "IsDeleted",
                            "MasterRecordId",
                            "Name",
                            "Type",
                            "ParentId",
                            "BillingStreet",
                            "BillingCity",
                            "BillingState",
                            "BillingPostalCode",
                            "BillingCountry",
                            "BillingLatitude",
                            "BillingLongitude",
                            "BillingGeocodeAccuracy",
                            "Phone",
                            "Fax",
                            "AccountNumber",
                            "Website",
                            "Industry",
                            "AnnualRevenue",
                            "NumberOfEmployees",
                            "Description",
                            "OwnerId",
                            "CreatedDate",
                            "LastModifiedDate",
                            "LastActivityDate",
                            "Competitor__c"};
    for (std::size_t i = 0; i < std::size(header); ++i) {
        if (i) out += ',';
        quoted(out, header[i]);
    }
    out += "\r\n";
    char buf[64];
    for (std::size_t i = 0; i < plan.accounts.size(); ++i) {
        const Account& a = plan.accounts[i];
        auto cell = [&](std::string_view v) {
            quoted(out, v);
            out += ',';
        };
        cell(sf_id("001", i));
        cell("false");
        cell("");
        cell(a.name);
        cell(a.status == AccountStatus::Client   ? "Customer - Direct"
             : a.status == AccountStatus::Former ? "Former Customer"
                                                 : "Prospect");
        cell("");
        cell(a.address.street);
        cell(a.address.city);
        cell(a.address.state);
        cell(a.address.postal_code);
        cell("United States");
        std::snprintf(buf, sizeof buf, "%.6f", a.location ? a.location->lat : 0.0);
        cell(buf);
        std::snprintf(buf, sizeof buf, "%.6f", a.location ? a.location->lon : 0.0);
        cell(buf);
        cell("Address");
        cell(a.contacts.empty() ? std::string() : a.contacts[0].phone);
        cell("");
        cell(a.billing_account);
        std::string site = "www.";
        for (char c : a.name)
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
                site += static_cast<char>(c | 0x20);
        cell(site + ".com");
        cell(a.industry);
        cell(std::to_string(static_cast<long long>(a.employees) * 95000));
        cell(std::to_string(a.employees));
        cell(a.notes.empty() ? std::string("Key account, reviewed quarterly.") : a.notes);
        cell(sf_id("005", i % 40));
        std::snprintf(buf, sizeof buf, "2024-%02d-%02dT14:%02d:00.000Z",
                      static_cast<int>(1 + i % 12), static_cast<int>(1 + i % 28),
                      static_cast<int>(i % 60));
        cell(buf);
        cell(buf);
        std::snprintf(buf, sizeof buf, "2026-%02d-%02d", static_cast<int>(1 + i % 12),
                      static_cast<int>(1 + i % 28));
        cell(buf);
        quoted(out, a.former.competitor);
        out += "\r\n";
    }
    return out;
}

struct ImportRun {
    double read_ms = 0, count_ms = 0, apply_ms = 0;
    ImportSummary summary;
};

ImportRun import_once(const std::string& csv, app::Document& doc) {
    ImportRun r;
    Stopwatch t;
    CsvTable table = CsvReader(csv).take();
    r.read_ms = ms_since(t);
    t = Stopwatch{};
    ImportOptions o;
    o.kind = ImportKind::Accounts;
    o.mapping = guess_mapping(o.kind, table.header);
    std::uint64_t n = 0;
    CsvImporter imp(doc.plan(), table, o,
                    [&](std::string_view p) { return std::string(p) + "-" + std::to_string(++n); });
    while (!imp.step(5000)) {
    }
    r.summary = imp.summary();
    r.count_ms = ms_since(t);
    t = Stopwatch{};
    doc.execute(app::Command{"Import", imp.take_changes()}, Timestamp{1});
    r.apply_ms = ms_since(t);
    return r;
}

} // namespace

int main(int argc, char** argv) {
    if (argc > 2 && std::strcmp(argv[1], "--write") == 0) {
        const int rows = argc > 3 ? std::atoi(argv[3]) : 100'000;
        const std::string csv = make_csv(rows);
        std::FILE* f = std::fopen(argv[2], "wb");
        if (!f || std::fwrite(csv.data(), 1, csv.size(), f) != csv.size() || std::fclose(f) != 0) {
            std::fprintf(stderr, "bench_csv_import: cannot write %s\n", argv[2]);
            return 1;
        }
        std::printf("%s: %d rows, %.1f MB\n", argv[2], rows, static_cast<double>(csv.size()) / 1e6);
        return 0;
    }
    const int rows = argc > 1 ? std::atoi(argv[1]) : 100'000;
    constexpr int kRuns = 5;
    const std::string csv = make_csv(rows);
    std::printf("Accounts CSV: %d rows, %.1f MB (Data Loader export, 27 columns)\n\n", rows,
                static_cast<double>(csv.size()) / 1e6);

    std::vector<double> read, count, apply, total, reimport, export_ms, undo_ms;
    ImportSummary summary;
    for (int i = 0; i < kRuns; ++i) {
        app::Document doc(make_empty_plan("plan-b", "Bench", Timestamp{0}));
        const ImportRun r = import_once(csv, doc);
        read.push_back(r.read_ms);
        count.push_back(r.count_ms);
        apply.push_back(r.apply_ms);
        total.push_back(r.read_ms + r.count_ms + r.apply_ms);
        summary = r.summary;
        // The same file again: every row matches by Salesforce Id and nothing changes.
        const ImportRun again = import_once(csv, doc);
        reimport.push_back(again.read_ms + again.count_ms + again.apply_ms);
        if (again.summary.unchanged != rows)
            std::fprintf(stderr, "re-import: %d unchanged\n", again.summary.unchanged);
        Stopwatch t;
        const std::string out = export_csv(doc.plan(), ImportKind::Accounts);
        export_ms.push_back(ms_since(t));
        t = Stopwatch{};
        doc.undo(Timestamp{2});
        undo_ms.push_back(ms_since(t));
    }
    std::printf("Imported: %d created, %d rejected\n\n", summary.created, summary.rejected);
    std::printf("| measure (median of %d, CPU time) | result |\n|---|---|\n", kRuns);
    std::printf("| read: decode + parse into the table | %.0f ms |\n", median(read));
    std::printf("| count: map, match, build records (the dry run) | %.0f ms |\n", median(count));
    std::printf("| apply: one command into the open plan | %.0f ms |\n", median(apply));
    std::printf("| **import, total** | **%.0f ms** |\n", median(total));
    std::printf("| the same file again (all %d rows unchanged) | %.0f ms |\n", rows,
                median(reimport));
    std::printf("| undo the import | %.0f ms |\n", median(undo_ms));
    std::printf("| export %d accounts as CSV | %.0f ms |\n\n", rows, median(export_ms));

    // The accounts list on the synthetic plan (services give contract ends and MRC).
    const Plan plan = make_synthetic_plan(rows, 0, 7);
    const Date today = date_from_ymd(2026, 11, 26);
    AccountList list;
    std::vector<double> rebuild_ms;
    for (int i = 0; i < kRuns; ++i) {
        Stopwatch t;
        list.rebuild(plan, today);
        list.query(plan, AccountFilter{}, AccountSort{});
        rebuild_ms.push_back(ms_since(t));
    }
    struct Case {
        const char* label;
        AccountFilter filter;
        AccountSort sort;
    };
    AccountFilter search;
    search.search = "dental";
    AccountFilter ending;
    ending.ending_within_days = 90;
    AccountFilter combo;
    combo.status_mask = 1u << static_cast<int>(AccountStatus::Client);
    combo.family = "voice";
    combo.family_lacks = true;
    combo.tags = {"multi-site"};
    const Case cases[] = {
        {"sort by name", AccountFilter{}, {AccountColumn::Name, true}},
        {"sort by city", AccountFilter{}, {AccountColumn::City, true}},
        {"sort by monthly revenue, descending", AccountFilter{}, {AccountColumn::Mrc, false}},
        {"sort by contract end", AccountFilter{}, {AccountColumn::ContractEnd, true}},
        {"search \"dental\"", search, {AccountColumn::Name, true}},
        {"contract ending within 90 days", ending, {AccountColumn::ContractEnd, true}},
        {"clients, multi-site, lacking voice", combo, {AccountColumn::Mrc, false}},
    };
    std::printf(
        "Accounts list, %d accounts (median of %d)\n\n| measure | result | rows |\n|---|---|---|\n",
        rows, kRuns);
    std::printf("| keys for every account + first query | %.1f ms | %zu |\n", median(rebuild_ms),
                list.rows().size());
    for (const Case& c : cases) {
        std::vector<double> ms;
        for (int i = 0; i < kRuns; ++i) {
            list.query(plan, AccountFilter{},
                       AccountSort{AccountColumn::Employees, true}); // start elsewhere
            Stopwatch t;
            list.query(plan, c.filter, c.sort);
            ms.push_back(ms_since(t));
        }
        std::printf("| %s | %.1f ms | %zu |\n", c.label, median(ms), list.rows().size());
    }
    // Typing one letter more narrows the rows in place.
    {
        std::vector<double> ms;
        AccountFilter d = search;
        d.search = "denta";
        for (int i = 0; i < kRuns; ++i) {
            list.query(plan, d, AccountSort{});
            Stopwatch t;
            list.query(plan, search, AccountSort{});
            ms.push_back(ms_since(t));
        }
        std::printf("| typing: \"denta\" -> \"dental\" | %.2f ms | %zu |\n", median(ms),
                    list.rows().size());
    }
    // One account edited: its row moves, nothing else is sorted.
    {
        Plan edited = plan;
        list.rebuild(edited, today);
        list.query(edited, AccountFilter{}, AccountSort{AccountColumn::Name, true});
        std::vector<double> ms;
        for (int i = 0; i < kRuns; ++i) {
            edited.accounts[500].name = "Zeta " + std::to_string(i);
            const std::size_t changed[] = {500};
            Stopwatch t;
            list.patch(edited, changed, edited.accounts.size());
            ms.push_back(ms_since(t));
        }
        std::printf("| one account edited (patch) | %.2f ms | %zu |\n", median(ms),
                    list.rows().size());
    }
    return 0;
}
