// The accounts list's rows: filtered and sorted over precomputed keys, and patched in place when a
// few accounts change, so 100,000 accounts sort in milliseconds and an edit costs microseconds.
#pragma once

#include "core/model.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <unordered_set>
#include <vector>

namespace footprint::core {

struct AccountFilter {
    // Case-insensitive text in the name, city, industry, ZIP, billing account number, Salesforce
    // Id, owner or tags.
    std::string search;
    unsigned status_mask = 0b111;         // bit (1 << AccountStatus)
    std::vector<std::string> territories; // any of these territory ids ("" = none); empty: any
    int ending_within_days = -1;          // a contract ends today .. today + N; -1: any
    std::vector<std::string> industries;  // any of; empty: any
    std::vector<std::string> tags;        // has any of; empty: any
    std::string family;                   // product family ("ethernet"); empty: any
    bool family_lacks = false;            // lacks `family` instead of holding it
    // Only these accounts (the ones an import touched, say); null: all.
    std::shared_ptr<const std::unordered_set<std::string>> only_ids;
    std::string only_label; // "Imported from accounts.csv"

    bool operator==(const AccountFilter&) const = default;
    bool active() const; // anything narrows the list
};

enum class AccountColumn { Name, Status, City, Industry, Mrc, ContractEnd, Employees, Owner };

struct AccountSort {
    AccountColumn column = AccountColumn::Name;
    bool ascending = true;
    bool operator==(const AccountSort&) const = default;
};

class AccountList {
  public:
    // Keys for every account (a different plan, or a change that moved records around).
    void rebuild(const Plan& plan, Date today);
    // The same in slices for a big plan: begin, then rebuild_step() each frame until it returns
    // true (the rows keep showing what they showed), then query().
    void begin_rebuild(const Plan& plan, Date today);
    bool rebuild_step(const Plan& plan, std::size_t max_accounts);
    bool rebuilding() const { return building_ < keys_.size(); }
    // The accounts at `indices` changed in place and those from `first_new` on were appended:
    // their rows are patched (removed and re-inserted where they now sort) instead of sorting
    // everything again. Falls back to a full query when many changed.
    void patch(const Plan& plan, std::span<const std::size_t> indices, std::size_t first_new);
    // Filters and sorts. A search that only grows (typing) refines the current rows.
    void query(const Plan& plan, const AccountFilter& filter, AccountSort sort);
    // The same in slices, for a big plan: rows() keep the previous rows until query_step()
    // returns true. (Filter, sort chunks of rows, merge them: each step does about `budget`
    // rows of work.) A query() or rebuild meanwhile abandons it.
    void begin_query(const AccountFilter& filter, AccountSort sort);
    bool query_step(const Plan& plan, std::size_t budget);
    bool querying() const { return pending_ != nullptr; }
    // True when `filter` only narrows the current rows (more typed into the search): query()
    // then filters them in place, which is fast at any size.
    bool refines(const AccountFilter& filter, AccountSort sort) const;

    const std::vector<std::uint32_t>& rows() const { return rows_; } // plan.accounts indices
    const AccountFilter& filter() const { return filter_; }
    AccountSort sort() const { return sort_; }
    std::size_t size() const { return keys_.size(); } // accounts the keys were built for
    Date today() const { return today_; }

    // What a row position shows; -1 when the account is not listed.
    std::ptrdiff_t position_of(std::uint32_t account_index) const;

    // A text column's first 24 bytes, case-folded, as three big-endian integers, and a hash of
    // the rest: comparing these orders almost every pair without touching the strings, and
    // equal names (common: "Starbucks") compare equal without reading them.
    struct TextKey {
        std::uint64_t a = 0, b = 0, c = 0;
        std::uint64_t tail = 0; // hash of the folded bytes past 24; 0 when there are none
    };
    // What sorting compares, built per row so the sort runs over contiguous memory.
    struct SortRecord {
        TextKey primary; // the sorted column (numbers in `a`; flipped for descending)
        TextKey name;    // ties
        std::uint32_t index = 0;
        bool last = false; // after every other row whichever the direction
    };

  private:
    struct Key {
        TextKey name, city, industry, owner;
        Cents mrc = 0;
        std::int32_t contract_end = INT32_MAX; // earliest contract end (past ones included)
        std::int32_t upcoming_end = INT32_MAX; // earliest end on or after today
        std::int32_t employees = 0;
        std::uint8_t status = 0;
        std::uint64_t families = 0; // bit i: a service of families_[i]; bit 63: any other family
        std::uint32_t hay_offset = 0, hay_size = 0; // lower-cased searchable text in hay_
    };
    void compute(const Plan& plan, std::size_t i);
    bool passes(const Plan& plan, std::uint32_t i) const;
    SortRecord record(std::uint32_t i) const;
    bool before(const Plan& plan, const SortRecord& x, const SortRecord& y) const;
    bool less(const Plan& plan, std::uint32_t a, std::uint32_t b) const;
    void sort_rows(const Plan& plan) { sort_range(plan, rows_, 0, rows_.size()); }
    void sort_range(const Plan& plan, std::vector<std::uint32_t>& v, std::size_t from,
                    std::size_t to) const;
    static AccountFilter folded(const AccountFilter& f);

    struct Pending {
        enum class Phase { Filter, Sort, Merge } phase = Phase::Filter;
        std::vector<std::uint32_t> rows, buffer;
        std::size_t cursor = 0; // Filter: next account; Sort: next chunk start; Merge: next pair
        std::size_t run = 0;    // Merge: length of the sorted runs being merged
    };
    std::unique_ptr<Pending> pending_;

    std::uint64_t family_bit(const std::string& family);
    std::string_view hay(std::uint32_t i) const {
        return std::string_view(hay_).substr(keys_[i].hay_offset, keys_[i].hay_size);
    }

    std::vector<Key> keys_;
    // Every account's searchable text, back to back: one allocation for 100,000 accounts. An
    // edited account's text is appended anew; a rebuild compacts.
    std::string hay_;
    std::vector<std::string> families_; // product families seen, for Key::families
    std::size_t building_ = 0;          // accounts whose keys are done, during a sliced rebuild
    std::vector<std::uint32_t> rows_;
    AccountFilter filter_;
    AccountSort sort_;
    Date today_;
    bool queried_ = false;
};

} // namespace footprint::core
