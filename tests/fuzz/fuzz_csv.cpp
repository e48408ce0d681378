// libFuzzer harness for CSV import: any bytes read into a table the same way whatever the slice
// size; every row is counted exactly once (created, updated, unchanged, skipped, merged or
// rejected with a line and a reason); the plan after the import still reads back as a valid plan;
// and the value parsers never crash on any cell.
// Seeds: tests/fuzz/corpus/csv/. Run: fuzz_csv -max_total_time=60 CORPUS_DIR
#include "core/csv.h"
#include "core/csv_export.h"
#include "core/csv_import.h"
#include "core/plan_json.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace footprint::core;

namespace {

void fail(const char* what) {
    std::fprintf(stderr, "fuzz_csv: %s\n", what);
    std::abort();
}

// A small plan the rows can match: two accounts, a contact, a deal.
const Plan& base_plan() {
    static const Plan plan = [] {
        Plan p = make_empty_plan("plan-f", "Fuzz", Timestamp{1});
        Account a;
        a.id = "acc-1";
        a.name = "Acme";
        a.salesforce_id = "001A000001AbCdE";
        a.address.postal_code = "19102";
        a.billing_account = "81234";
        Contact c;
        c.id = "con-1";
        c.name = "Ann Lee";
        c.email = "ann@acme.example";
        a.contacts.push_back(c);
        p.accounts.push_back(a);
        Account b;
        b.id = "acc-2";
        b.name = "Beta";
        p.accounts.push_back(b);
        Opportunity o;
        o.id = "opp-1";
        o.account_id = "acc-1";
        o.name = "Deal";
        o.stage = "Prospecting";
        p.opportunities.push_back(o);
        return p;
    }();
    return plan;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 1 << 16) return 0;
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const CsvTable table = CsvReader(bytes).take();
    // Reading in small slices gives the same table.
    CsvReader sliced(bytes);
    const std::size_t slice = 1 + (size ? data[0] % 13 : 0);
    while (!sliced.step(slice)) {
        if (sliced.progress() < 0 || sliced.progress() > 1) fail("progress out of 0..1");
    }
    const CsvTable t2 = sliced.take();
    if (t2.rows.size() != table.rows.size() || t2.header != table.header || t2.arena != table.arena)
        fail("sliced reading differs");
    std::uint32_t last_line = table.header_line;
    for (const CsvRow& r : table.rows) {
        if (r.line <= last_line) fail("rows out of line order");
        last_line = r.line;
        if (r.first_cell + r.cell_count > table.cells.size()) fail("cells out of range");
        for (std::size_t c = 0; c < r.cell_count; ++c) {
            const std::string_view v = table.cell(r, c);
            if (!is_valid_utf8(v)) fail("a cell is not UTF-8");
            (void)parse_money_cell(v);
            (void)parse_count(v);
            (void)parse_percent(v);
            (void)parse_decimal(v);
            (void)parse_date_text(v, DateOrder::MonthDay);
            (void)date_evidence(v);
        }
    }
    if (table.header.empty()) return 0;

    const Plan& plan = base_plan();
    for (ImportKind kind :
         {ImportKind::Accounts, ImportKind::Contacts, ImportKind::Opportunities}) {
        ImportOptions opt;
        opt.kind = kind;
        opt.mapping = guess_mapping(kind, table.header);
        opt.amount_is_monthly = size % 2 == 0;
        opt.update_existing = size % 3 != 0;
        opt.now = Timestamp{5};
        int n = 0;
        CsvImporter imp(plan, table, opt, [&](std::string_view p) {
            return std::string(p) + "-f" + std::to_string(++n);
        });
        while (!imp.step(1 + size % 7)) {
        }
        const ImportSummary& s = imp.summary();
        if (s.rows != static_cast<int>(table.rows.size())) fail("not every row was looked at");
        if (s.created + s.updated + s.unchanged + s.skipped + s.duplicates + s.rejected != s.rows)
            fail("rows not counted exactly once");
        if (static_cast<int>(s.rejections.size()) != s.rejected)
            fail("rejections and count differ");
        for (const Rejection& r : s.rejections)
            if (r.reason.empty() || r.line == 0 || r.row >= table.rows.size())
                fail("a rejection without a place");
        (void)rejected_rows_csv(table, s);
        Plan after = plan;
        PlanIndex index;
        index.rebuild(after);
        for (Change& c : imp.take_changes())
            apply_change(after, index, std::move(c), Timestamp{9});
        const LoadResult back = read_plan(write_plan(after));
        if (!back.plan) {
            for (const Problem& p : back.problems)
                std::fprintf(stderr, "  %s\n", format_problem("after", p).c_str());
            fail("the imported plan is not valid");
        }
        // What is exported reads again.
        const CsvTable exported = CsvReader(export_csv(after, kind)).take();
        if (exported.header.empty()) fail("an export without a header");
    }
    return 0;
}
