// Importing accounts, contacts and opportunities: matching, counts, rejections with their lines,
// Amount to MRC, new stages, the export round trip, and the wizard's job with undo.
#include "app/app.h"
#include "app/csv_import_job.h"
#include "core/csv_export.h"
#include "core/csv_import.h"
#include "core/plan_json.h"

#include <doctest/doctest.h>

using namespace footprint;
using namespace footprint::core;

namespace {

Plan small_plan() {
    Plan p = make_empty_plan("plan-1", "Test", Timestamp{1});
    Territory t;
    t.id = "ter-1";
    t.name = "Center City";
    p.territories.push_back(t);
    Account a;
    a.id = "acc-1";
    a.name = "Riverside Dental Group, Inc.";
    a.status = AccountStatus::Client;
    a.salesforce_id = "001A000001AbCdEfGH";
    a.address.postal_code = "19102";
    a.address.city = "Philadelphia";
    Contact c;
    c.id = "con-1";
    c.name = "Maria Garcia";
    c.email = "maria@riverside.example";
    a.contacts.push_back(c);
    p.accounts.push_back(a);
    Account b;
    b.id = "acc-2";
    b.name = "Keystone Logistics";
    b.billing_account = "8123456789";
    b.address.postal_code = "19103";
    p.accounts.push_back(b);
    Opportunity o;
    o.id = "opp-1";
    o.account_id = "acc-1";
    o.name = "Riverside renewal";
    o.stage = "Prospecting";
    o.salesforce_id = "006A000000XyZaBcDE";
    p.opportunities.push_back(o);
    return p;
}

struct Run {
    ImportSummary summary;
    std::vector<Change> changes;
    CsvTable table;
};

Run run(const Plan& plan, ImportKind kind, const std::string& csv,
        std::function<void(ImportOptions&)> tweak = {}) {
    Run r;
    r.table = CsvReader(csv).take();
    ImportOptions o;
    o.kind = kind;
    o.mapping = guess_mapping(kind, r.table.header);
    o.file_name = "test.csv";
    o.now = Timestamp{5000};
    if (tweak) tweak(o);
    int n = 0;
    CsvImporter imp(plan, r.table, o, [&](std::string_view p) {
        return std::string(p) + "-new" + std::to_string(++n);
    });
    while (!imp.step(3)) {
    }
    r.summary = imp.summary();
    r.changes = imp.take_changes();
    return r;
}

Plan applied(Plan plan, std::vector<Change> changes) {
    PlanIndex index;
    index.rebuild(plan);
    for (Change& c : changes)
        apply_change(plan, index, std::move(c), Timestamp{9000});
    return plan;
}

const Account* by_name(const Plan& p, std::string_view name) {
    for (const Account& a : p.accounts)
        if (a.name == name) return &a;
    return nullptr;
}

} // namespace

TEST_CASE("accounts: created, matched by Salesforce Id, billing number and name + ZIP, rejected") {
    const Plan plan = small_plan();
    const std::string csv =
        "Id,Name,Type,AccountNumber,BillingCity,BillingPostalCode,NumberOfEmployees,Territory,Tags,"
        "BillingLatitude,BillingLongitude\r\n"
        "001A000001AbCdE,Riverside Dental Group,Customer,,Philadelphia,19102,85,,,,\r\n" // 15-char
                                                                                         // Id
        ",Keystone Logistics LLC,Customer - Direct,8123456789,,,,Center City,multi-site;fiber,,\r\n"
        ",\"Riverside Dental Group Inc\",,,,19102,,,vip,,\r\n" // name + ZIP
        ",New Bakery,Prospect,,Media,19063,12,North,,39.9,-75.3\r\n"
        ",Bad Employees,,,,,lots,,,,\r\n"
        ",,,,,,,,,,\r\n" // blank: skipped, not rejected
        ",,Customer,,Nowhere,00000,,,,,\r\n"
        ",Odd Type,Channel Partner / Reseller,,,,,,,95,10\r\n";
    const Run r = run(plan, ImportKind::Accounts, csv);
    CHECK(r.summary.rows == 7);
    CHECK(r.summary.created == 1);
    CHECK(r.summary.updated == 2);
    CHECK(r.summary.rejected == 3);
    REQUIRE(r.summary.rejections.size() == 3);
    CHECK(format_rejection("test.csv", r.summary.rejections[0]) ==
          "test.csv:6: column \"NumberOfEmployees\": \"lots\" is not a whole number");
    CHECK(r.summary.rejections[1].line == 8);
    CHECK(r.summary.rejections[1].reason.find("\"Name\" is empty") != std::string::npos);
    CHECK(r.summary.rejections[2].line == 9);
    CHECK(r.summary.rejections[2].reason.find("must be between -90 and 90") != std::string::npos);

    const Plan after = applied(plan, r.changes);
    REQUIRE(after.accounts.size() == 3);
    const Account& riverside = after.accounts[0];
    CHECK(riverside.id == "acc-1");
    CHECK(riverside.name == "Riverside Dental Group, Inc."); // the same name, spelled otherwise
    CHECK(riverside.employees == 85);
    CHECK(riverside.salesforce_id == "001A000001AbCdEfGH"); // the 18-character form stays
    CHECK(riverside.tags == std::vector<std::string>{"vip"});
    CHECK(riverside.contacts.size() == 1); // contacts untouched by an accounts import
    const Account& keystone = after.accounts[1];
    CHECK(keystone.name == "Keystone Logistics");
    CHECK(keystone.status == AccountStatus::Client);
    CHECK(keystone.territory_id == "ter-1");
    CHECK(keystone.tags == std::vector<std::string>{"multi-site", "fiber"});
    const Account* bakery = by_name(after, "New Bakery");
    REQUIRE(bakery);
    CHECK(bakery->id == "acc-new1");
    CHECK(bakery->status == AccountStatus::Prospect);
    REQUIRE(bakery->location);
    CHECK(bakery->location->lat == doctest::Approx(39.9));
    CHECK(bakery->territory_id.empty());
    bool territory_note = false;
    for (const std::string& n : r.summary.notes)
        territory_note |=
            n.find("territory") != std::string::npos && n.find("North") != std::string::npos;
    CHECK(territory_note);
    CHECK(r.summary.account_ids.size() == 3);

    // The plan stays valid.
    CHECK(read_plan(write_plan(after)).plan.has_value());

    // Importing the same file again changes nothing.
    const Run again = run(after, ImportKind::Accounts, csv);
    CHECK(again.summary.created == 0);
    CHECK(again.summary.updated == 0);
    CHECK(again.summary.unchanged == 4);
    CHECK(again.changes.empty());
}

TEST_CASE("accounts: rows repeating a new account merge into it; updates can be turned off") {
    const Plan plan = small_plan();
    const std::string csv = "Name,Zip,Industry,Employees\n"
                            "Harbor Cafe,19147,,10\n"
                            "Harbor Cafe,19147,Restaurants,\n"
                            "Keystone Logistics,19103,Logistics,\n";
    Run r = run(plan, ImportKind::Accounts, csv);
    CHECK(r.summary.created == 1);
    CHECK(r.summary.duplicates == 1);
    CHECK(r.summary.updated == 1);
    const Plan after = applied(plan, r.changes);
    const Account* cafe = by_name(after, "Harbor Cafe");
    REQUIRE(cafe);
    CHECK(cafe->industry == "Restaurants");
    CHECK(cafe->employees == 10);

    r = run(plan, ImportKind::Accounts, csv, [](ImportOptions& o) { o.update_existing = false; });
    CHECK(r.summary.created == 1);
    CHECK(r.summary.updated == 0);
    CHECK(r.summary.skipped == 1);
}

TEST_CASE("accounts: a row with more values than columns, and a quote never closed") {
    const Plan plan = small_plan();
    const Run r =
        run(plan, ImportKind::Accounts, "Name,City\nAcme,Erie,extra\nBeta,Erie,,\nGamma,\"Erie\n");
    CHECK(r.summary.created == 1); // Beta: trailing empty cells are fine
    REQUIRE(r.summary.rejections.size() == 2);
    CHECK(r.summary.rejections[0].line == 2);
    CHECK(r.summary.rejections[0].reason.find("3 values but the header has 2") !=
          std::string::npos);
    CHECK(r.summary.rejections[1].line == 4);
    CHECK(r.summary.rejections[1].reason.find("closing \" is missing") != std::string::npos);
}

TEST_CASE("contacts go into the account they name; matched by Salesforce Id, email or name") {
    const Plan plan = small_plan();
    const std::string csv =
        "Id,AccountId,FirstName,LastName,Title,Email,Phone,Account Name\n"
        "003A00000123456,001A000001AbCdEfGH,Maria,Garcia,Practice "
        "Administrator,maria@riverside.example,,\n"
        ",,Tom,Reed,IT Director,tom@keystone.example,(215) 555-0100,Keystone Logistics\n"
        ",001ZZZZZZZZZZZZ,Ann,Lee,,,,\n"
        ",,Bo,Chen,,,,\n";
    const Run r = run(plan, ImportKind::Contacts, csv);
    CHECK(r.summary.created == 1);
    CHECK(r.summary.updated == 1);
    CHECK(r.summary.rejected == 2);
    CHECK(r.summary.rejections[0].reason.find("Salesforce Id \"001ZZZZZZZZZZZZ\"") !=
          std::string::npos);
    CHECK(r.summary.rejections[1].reason.find("does not say which account") != std::string::npos);
    const Plan after = applied(plan, r.changes);
    REQUIRE(after.accounts[0].contacts.size() == 1);
    CHECK(after.accounts[0].contacts[0].title == "Practice Administrator");
    CHECK(after.accounts[0].contacts[0].salesforce_id == "003A00000123456");
    CHECK(after.accounts[0].contacts[0].modified == Timestamp{5000});
    REQUIRE(after.accounts[1].contacts.size() == 1);
    CHECK(after.accounts[1].contacts[0].name == "Tom Reed");
    CHECK(after.accounts[1].contacts[0].phone == "(215) 555-0100");
    CHECK(read_plan(write_plan(after)).plan.has_value());
}

TEST_CASE("opportunities: Amount is the total unless said otherwise; new stages are added") {
    const Plan plan = small_plan();
    const std::string csv =
        "Opportunity ID,Opportunity Name,Account Name,Stage,Amount,Probability (%),Close Date,"
        "Forecast Category,Type\n"
        "006A000000XyZaB,Riverside renewal,Riverside Dental "
        "Group,Negotiation/Review,\"$36,000.00\",90%,"
        "12/31/2026,Commit,Existing Customer - Replacement\n"
        ",Keystone SD-WAN,Keystone Logistics,Discovery Call,\"1.800,00 €\",,3/4/2026,,\n"
        ",Keystone voice,Keystone Logistics,Closed Won,1200,,31/12/2026,,New Customer\n"
        ",Ghost deal,Nobody Inc,Prospecting,100,,,,\n";
    const Run r = run(plan, ImportKind::Opportunities, csv);
    CHECK(r.summary.updated == 1);
    CHECK(r.summary.created == 1);
    REQUIRE(r.summary.rejected == 2);
    CHECK(r.summary.rejections[0].line == 4);
    CHECK(r.summary.rejections[0].reason == "column \"Close Date\": \"31/12/2026\" is not a date");
    CHECK(r.summary.rejections[1].reason.find("no account in the plan is named \"Nobody Inc\"") !=
          std::string::npos);
    CHECK(r.summary.new_stages == 1);
    const Plan after = applied(plan, r.changes);
    const Opportunity& renewal = after.opportunities[0];
    CHECK(renewal.id == "opp-1");
    CHECK(renewal.stage == "Negotiation/Review");
    CHECK(renewal.mrc == 100000); // $36,000 over the default 36 months
    CHECK(renewal.probability == 90);
    CHECK(renewal.forecast_category == ForecastCategory::Commit);
    CHECK(renewal.type == OpportunityType::Renewal);
    CHECK(renewal.close_date == date_from_ymd(2026, 12, 31));
    REQUIRE(after.opportunities.size() == 2);
    const Opportunity& sdwan = after.opportunities[1];
    CHECK(sdwan.account_id == "acc-2");
    CHECK(sdwan.mrc == 5000);                             // 1.800,00 € / 36
    CHECK(sdwan.close_date == date_from_ymd(2026, 3, 4)); // month first: the column says so
    CHECK(sdwan.stage == "Discovery Call");
    CHECK(sdwan.type == OpportunityType::New); // the account is a prospect
    // The new open stage sits before the closed ones.
    bool seen_new = false, closed_before_new = false;
    for (const Stage& s : after.stages) {
        if (s.name == "Discovery Call") seen_new = true;
        if (s.closed && !seen_new) closed_before_new = true;
    }
    CHECK(seen_new);
    CHECK_FALSE(closed_before_new);
    CHECK(read_plan(write_plan(after)).plan.has_value());

    const Run monthly = run(plan, ImportKind::Opportunities, csv,
                            [](ImportOptions& o) { o.amount_is_monthly = true; });
    const Plan after2 = applied(plan, monthly.changes);
    CHECK(after2.opportunities[0].mrc == 3600000);
}

TEST_CASE("opportunities: an MRC column wins; OTC is taken out of a total Amount; term column") {
    const Plan plan = small_plan();
    const Run r = run(plan, ImportKind::Opportunities,
                      "Name,Account Name,Amount,OTC,Term,MRC\n"
                      "A,Keystone Logistics,12500,500,12,\n"
                      "B,Keystone Logistics,99999,,,$250.00\n"
                      "C,Keystone Logistics,100,500,12,\n");
    const Plan after = applied(plan, r.changes);
    REQUIRE(after.opportunities.size() == 3);
    CHECK(after.opportunities[1].mrc == 100000); // (12,500 - 500) / 12
    CHECK(after.opportunities[1].otc == 50000);
    CHECK(after.opportunities[1].term_months == 12);
    CHECK(after.opportunities[2].mrc == 25000);
    REQUIRE(r.summary.rejections.size() == 1);
    CHECK(r.summary.rejections[0].reason.find("less than the one-time charges") !=
          std::string::npos);
}

TEST_CASE("date columns: evidence decides, ambiguity is reported") {
    const CsvTable t =
        CsvReader("Name,Account Name,Close Date\nA,X,03/04/2026\nB,X,05/06/2026\n").take();
    std::vector<DateColumnStats> stats;
    const auto m = guess_mapping(ImportKind::Opportunities, t.header);
    scan_date_columns(t, ImportKind::Opportunities, m, 0, 1, stats);
    scan_date_columns(t, ImportKind::Opportunities, m, 1, 2, stats);
    REQUIRE(stats.size() == 1);
    CHECK(stats[0].column == 2);
    CHECK(stats[0].ambiguous == 2);
    CHECK(stats[0].example == "03/04/2026");
    CHECK(stats[0].needs_answer());
    const CsvTable t2 = CsvReader("Name,Close Date\nA,03/04/2026\nB,25/06/2026\n").take();
    stats.clear();
    scan_date_columns(t2, ImportKind::Opportunities,
                      guess_mapping(ImportKind::Opportunities, t2.header), 0, 9, stats);
    CHECK_FALSE(stats[0].needs_answer());
    CHECK(stats[0].evident() == DateOrder::DayMonth);
}

TEST_CASE("the rejected rows file has the line, the reason and the row as it was") {
    const Plan plan = small_plan();
    const Run r = run(plan, ImportKind::Accounts, "Name,Employees\nGood,5\n=Bad,many\n");
    const std::string csv = rejected_rows_csv(r.table, r.summary);
    CHECK(csv ==
          "\xEF\xBB\xBFLine,Reason,Name,Employees\r\n"
          "3,\"column \"\"Employees\"\": \"\"many\"\" is not a whole number\",\"'=Bad\",many\r\n");
}

TEST_CASE("export: Excel-ready, Data Loader names, and importing it back gives the same records") {
    const Plan plan = small_plan();
    Plan p = plan;
    p.accounts[1].notes = "=cmd|' /C calc'!A0";
    p.accounts[1].tags = {"multi-site", "vip"};
    p.accounts[1].status = AccountStatus::Former;
    p.accounts[1].former.competitor = "Verizon";
    p.accounts[1].former.lost_date = date_from_ymd(2025, 5, 1);
    p.accounts[1].location = LatLon{39.95, -75.16};
    p.opportunities[0].mrc = 150000;
    p.opportunities[0].otc = 25000;
    p.opportunities[0].term_months = 36;
    p.opportunities[0].close_date = date_from_ymd(2026, 5, 29);
    const std::string accounts = export_csv(p, ImportKind::Accounts);
    CHECK(accounts.rfind(
              "\xEF\xBB\xBFId,Name,Type,Industry,NumberOfEmployees,AccountNumber,BillingStreet,",
              0) == 0);
    CHECK(accounts.find("\r\n") != std::string::npos);
    CHECK(accounts.find("\"'=cmd|' /C calc'!A0\"") != std::string::npos); // neutralised
    CHECK(accounts.find(",-75.160000,") != std::string::npos);            // numbers are not
    const std::string opps = export_csv(p, ImportKind::Opportunities);
    CHECK(opps.find(",54250.00,") != std::string::npos); // Amount = $1,500 x 36 + $250
    CHECK(opps.find(",2026-05-29,") != std::string::npos);

    // Into an empty plan with the same territories: the same accounts come back.
    Plan empty = make_empty_plan("plan-2", "Empty", Timestamp{1});
    empty.territories = p.territories;
    const Run acc = run(empty, ImportKind::Accounts, accounts);
    CHECK(acc.summary.rejected == 0);
    CHECK(acc.summary.created == 2);
    const Plan back = applied(empty, acc.changes);
    const Account& k = back.accounts[1];
    CHECK(k.id == "acc-2");
    CHECK(k.notes == p.accounts[1].notes);
    CHECK(k.tags == p.accounts[1].tags);
    CHECK(k.status == AccountStatus::Former);
    CHECK(k.former.competitor == "Verizon");
    CHECK(k.former.lost_date == p.accounts[1].former.lost_date);
    CHECK(k.location->lon == doctest::Approx(-75.16));
    CHECK(back.accounts[0].salesforce_id == "001A000001AbCdEfGH");
    const Run con = run(back, ImportKind::Contacts, export_csv(p, ImportKind::Contacts));
    CHECK(con.summary.created == 1);
    const Run opp = run(back, ImportKind::Opportunities, opps);
    CHECK(opp.summary.rejected == 0);
    const Plan back2 = applied(back, opp.changes);
    REQUIRE(back2.opportunities.size() == 1);
    CHECK(back2.opportunities[0].mrc == 150000);
    CHECK(back2.opportunities[0].otc == 25000);
    CHECK(back2.opportunities[0].close_date == date_from_ymd(2026, 5, 29));

    // Only the selected accounts, and theirs.
    const std::unordered_set<std::string> only = {"acc-2"};
    CHECK(export_count(p, ImportKind::Accounts, &only) == 1);
    CHECK(export_count(p, ImportKind::Opportunities, &only) == 0);
    CHECK(export_count(p, ImportKind::Contacts) == 1);
}

TEST_CASE("the wizard's job: read, ask about dates, count, apply as one command, undo") {
    double now = 0;
    app::Clock clock{[&] { return now += 0.01; }, [] { return Timestamp{100}; },
                     [] { return date_from_ymd(2026, 11, 26); }};
    app::App a(clock, 42);
    a.open_stored(small_plan());
    std::string csv = "Opportunity Name,Account Name,Close Date,Amount\n";
    for (int i = 0; i < 300; ++i)
        csv += "Deal " + std::to_string(i) + ",Keystone Logistics,03/04/2027,3600\n";
    app::CsvImportJob job("deals.csv", csv);
    while (job.working())
        job.work(a, 0.05);
    REQUIRE(job.stage() == app::CsvImportJob::Stage::Mapping);
    CHECK(job.kind() == ImportKind::Opportunities);
    CHECK(job.mapping_problem().empty());
    job.count(a);
    while (job.working())
        job.work(a, 0.05);
    REQUIRE(job.stage() == app::CsvImportJob::Stage::Dates);
    REQUIRE(job.open_date_questions().size() == 1);
    CHECK(job.open_date_questions()[0].example == "03/04/2027");
    job.answer_date(a, 2, DateOrder::DayMonth);
    while (job.working())
        job.work(a, 0.05);
    REQUIRE(job.stage() == app::CsvImportJob::Stage::Review);
    CHECK(job.summary().created == 300);
    CHECK(a.plan().opportunities.size() == 1); // nothing changed yet

    // An edit while the summary is shown: applying counts again first.
    Account edited = a.plan().accounts[0];
    edited.notes = "changed";
    a.put_account(edited, "Edit");
    CHECK_FALSE(job.apply(a));
    while (job.working())
        job.work(a, 0.05);
    REQUIRE(job.apply(a));
    CHECK(job.stage() == app::CsvImportJob::Stage::Done);
    CHECK(a.plan().opportunities.size() == 301);
    CHECK(a.plan().opportunities.back().close_date == date_from_ymd(2027, 4, 3));
    CHECK(a.doc().undo_label() == "Import 300 opportunities");
    REQUIRE(a.undo());
    CHECK(a.plan().opportunities.size() == 1);
    CHECK(a.plan().accounts[0].notes == "changed");
}

TEST_CASE("the wizard's job refuses workbooks and empty files with what to do") {
    app::CsvImportJob xlsx("accounts.xlsx", std::string("PK\x03\x04rest", 8));
    CHECK(xlsx.stage() == app::CsvImportJob::Stage::Failed);
    CHECK(xlsx.error().find("CSV UTF-8") != std::string::npos);
    double now = 0;
    app::Clock clock{[&] { return now += 1; }, [] { return Timestamp{100}; },
                     [] { return date_from_ymd(2026, 11, 26); }};
    app::App a(clock, 1);
    app::CsvImportJob empty("empty.csv", "\r\n\r\n");
    while (empty.working())
        empty.work(a, 10);
    CHECK(empty.stage() == app::CsvImportJob::Stage::Failed);
    CHECK(empty.error() == "empty.csv is empty: there is no header row and no data.");
}

TEST_CASE("accounts without coordinates are placed at their ZIP centroid, marked approximate") {
    const Plan plan = small_plan();
    const ZipTable zips({19103u, 43215u}, {LatLon{39.95, -75.17}, LatLon{39.96, -83.0}});
    const std::string csv = "Account Name,Billing Zip/Postal Code,Billing Latitude,Billing Longitude\r\n"
                            "Scioto Dental,43215-1234,,\r\n"
                            "Located Co,43215,40.1,-82.9\r\n"
                            "Nowhere Inc,99999,,\r\n";
    Run r = run(plan, ImportKind::Accounts, csv, [&](ImportOptions& o) { o.zips = &zips; });
    CHECK(r.summary.created == 3);
    const Plan after = applied(plan, std::move(r.changes));
    const Account* placed = by_name(after, "Scioto Dental");
    REQUIRE(placed);
    REQUIRE(placed->location);
    CHECK(placed->location->lat == doctest::Approx(39.96));
    CHECK(placed->location_approximate);
    const Account* located = by_name(after, "Located Co");
    REQUIRE(located);
    CHECK(located->location->lat == doctest::Approx(40.1));
    CHECK_FALSE(located->location_approximate);
    const Account* unknown = by_name(after, "Nowhere Inc");
    REQUIRE(unknown);
    CHECK_FALSE(unknown->location);
    bool noted = false;
    for (const std::string& n : r.summary.notes) noted |= n.find("ZIP code's centroid") != std::string::npos;
    CHECK(noted);
    // Without a table nothing is placed.
    Run bare = run(plan, ImportKind::Accounts, csv);
    CHECK_FALSE(by_name(applied(plan, std::move(bare.changes)), "Scioto Dental")->location);
}
