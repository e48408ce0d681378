// The importer's state, shared by its files: csv_import.cpp (driver, values, rejections),
// csv_import_accounts.cpp and csv_import_related.cpp (contacts and opportunities).
#pragma once

#include "core/csv_import.h"

#include <array>
#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace footprint::core {

inline constexpr std::size_t kFieldCount = static_cast<std::size_t>(ImportField::Products) + 1;

// A record the import refers to: one already in the plan (>= 0) or one it creates (-1 - slot).
using RecordRef = std::int64_t;
inline bool is_new_ref(RecordRef r) {
    return r < 0;
}

// Key -> record, keyed by a 64-bit hash of the key text in an open-addressing table: no string
// copies and no node per entry, which matters at 100,000 rows times five lookups. Two different
// keys with the same hash would be taken as one; among 200,000 keys the chance is about 1e-9.
class KeyMap {
  public:
    static std::uint64_t hash(std::string_view a, std::string_view b = {});
    void reserve(std::size_t n);
    // Adds key -> value unless the key is there; returns the value slot and whether it was added.
    std::pair<RecordRef*, bool> try_emplace(std::uint64_t key, RecordRef value);
    const RecordRef* find(std::uint64_t key) const;

  private:
    void grow();
    std::vector<std::uint64_t> keys_; // 0: empty (hash() never returns 0)
    std::vector<RecordRef> values_;
    std::size_t size_ = 0;
};

struct CsvImporter::Impl {
    Impl(const Plan& p, const CsvTable& t, ImportOptions o, IdMaker m)
        : plan(p), table(t), opt(std::move(o)), make_id(std::move(m)) {}

    const Plan& plan;
    const CsvTable& table;
    ImportOptions opt;
    IdMaker make_id;
    ImportSummary summary;
    enum class Phase { IndexAccounts, IndexOpportunities, Rows, Done } phase = Phase::IndexAccounts;
    std::size_t cursor = 0;
    std::size_t take_cursor = 0; // take_changes_step(): slots handed out so far

    std::array<int, kFieldCount> column_of{}; // -1 when the field is not mapped
    std::vector<DateOrder> order_of_column;

    // Lookups over the plan's accounts (and, as rows create them, new ones).
    KeyMap acc_by_sfid, acc_by_id, acc_by_billing, acc_by_name_zip,
        acc_by_name; // by_name: RecordRef, or kAmbiguous when names repeat
    // Accounts the import touches, in the order it first touches them.
    struct Slot {
        Account account;
        RecordRef origin = 0; // the plan index it came from, or a new ref
        bool changed = false;
    };
    std::vector<Slot> account_slots;
    std::unordered_map<std::size_t, std::size_t> slot_of_plan_account;

    std::unordered_set<std::string> touched_contacts; // contacts an earlier row added or changed

    // Opportunities.
    KeyMap opp_by_sfid, opp_by_id, opp_by_account_name;
    struct OppSlot {
        Opportunity opp;
        RecordRef origin = 0;
        bool changed = false;
    };
    std::vector<OppSlot> opp_slots;
    std::unordered_map<std::size_t, std::size_t> slot_of_plan_opp;
    std::vector<Stage> stages;
    bool stages_changed = false;

    // What the notes say at the end: value -> rows.
    std::map<std::string, int> unknown_status, unknown_territory, unknown_type, unknown_category;
    int location_half = 0; // a latitude without a longitude or the other way round
    int zip_placed = 0;    // accounts placed at their ZIP code's centroid

    static constexpr RecordRef kAmbiguous = INT64_MIN;

    // --- values of the current row (csv_import.cpp) ----------------------------------------------
    const CsvRow* row = nullptr;
    std::uint32_t row_index = 0;
    bool row_rejected = false;
    std::string_view value(ImportField f) const;
    bool mapped(ImportField f) const { return column_of[static_cast<std::size_t>(f)] >= 0; }
    void process_row(std::size_t index);
    void reject(std::string reason);
    void reject_value(ImportField f, std::string_view what);
    // Each returns nullopt for an empty cell; a bad value rejects the row (check row_rejected).
    std::optional<Cents> money(ImportField f);
    std::optional<long long> count(ImportField f, long long lo, long long hi);
    std::optional<int> percent(ImportField f);
    std::optional<Date> date(ImportField f);
    std::optional<double> decimal(ImportField f, double lo, double hi);
    std::optional<bool> yes_no(ImportField f);

    // --- accounts (csv_import_accounts.cpp) ------------------------------------------------------
    void index_account(std::size_t i);
    void register_account(const Account& a, RecordRef ref);
    std::optional<RecordRef> find_account_for_row(); // the row's own account (accounts kind)
    std::optional<RecordRef> find_parent_account();  // the account a contact or deal names
    Account& account_for_edit(RecordRef ref, std::size_t* slot = nullptr);
    const Account& account_at(RecordRef ref) const;
    void account_row();

    // --- contacts and opportunities (csv_import_related.cpp) -----------------------------------
    void index_opportunity(std::size_t i);
    void contact_row();
    void opportunity_row();
    const Stage* stage_for(std::string_view name, std::optional<int> probability,
                           std::optional<ForecastCategory> category);

    void finish_notes();
};

// Shared small helpers.
std::string lower_ascii(std::string_view s);
bool iequals_ascii(std::string_view a, std::string_view b);
// 18-character Salesforce Ids end in a case checksum: the first 15 characters are the Id.
std::string salesforce_key(std::string_view id);
std::string
name_key(std::string_view name); // "Riverside Dental Group, Inc." -> "riversidedentalgroup"
std::string zip_key(std::string_view postal); // "19102-1234" -> "19102"
std::string quote_value(std::string_view v);  // "\"03/04/2026\"", shortened past 60 characters
std::string count_text(int n, const char* one, const char* many); // "1,204 accounts"

} // namespace footprint::core
