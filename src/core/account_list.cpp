// Filtering and sorting the accounts list over precomputed keys.
#include "core/account_list.h"

#include <algorithm>
#include <cstring>

namespace footprint::core {

namespace {

char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// The first 8 bytes, case-folded, as a big-endian integer: comparing two of them orders most
// names without touching the strings.
std::uint64_t prefix_key(const std::string& s) {
    std::uint64_t k = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        const auto c = static_cast<unsigned char>(i < s.size() ? fold(s[i]) : 0);
        k = (k << 8) | c;
    }
    return k;
}

int compare_ci(const std::string& a, const std::string& b) {
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const auto x = static_cast<unsigned char>(fold(a[i]));
        const auto y = static_cast<unsigned char>(fold(b[i]));
        if (x != y) return x < y ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

void append_folded(std::string& out, const std::string& s) {
    for (char c : s) out += fold(c);
    out += '\x1f'; // a separator no search contains, so matches never span two fields
}

} // namespace

bool AccountFilter::active() const {
    return !search.empty() || status_mask != 0b111 || !territories.empty() ||
           ending_within_days >= 0 || !industries.empty() || !tags.empty() || !family.empty() ||
           only_ids != nullptr;
}

void AccountList::compute(const Plan& plan, std::size_t i) {
    const Account& a = plan.accounts[i];
    Key& k = keys_[i];
    k.name = prefix_key(a.name);
    k.city = prefix_key(a.address.city);
    k.industry = prefix_key(a.industry);
    k.owner = prefix_key(a.owner);
    k.mrc = 0;
    k.contract_end = INT32_MAX;
    k.upcoming_end = INT32_MAX;
    for (const Service& s : a.services) {
        k.mrc += s.mrc;
        if (!s.contract_end) continue;
        k.contract_end = std::min(k.contract_end, s.contract_end->days);
        if (s.contract_end->days >= today_.days) k.upcoming_end = std::min(k.upcoming_end, s.contract_end->days);
    }
    k.employees = a.employees;
    k.status = static_cast<std::uint8_t>(a.status);
    std::string& h = haystack_[i];
    h.clear();
    h.reserve(a.name.size() + a.address.city.size() + a.industry.size() + 48);
    append_folded(h, a.name);
    append_folded(h, a.address.city);
    append_folded(h, a.industry);
    append_folded(h, a.address.postal_code);
    append_folded(h, a.billing_account);
    append_folded(h, a.salesforce_id);
    append_folded(h, a.owner);
    for (const std::string& t : a.tags) append_folded(h, t);
}

void AccountList::rebuild(const Plan& plan, Date today) {
    today_ = today;
    keys_.assign(plan.accounts.size(), Key{});
    haystack_.resize(plan.accounts.size());
    for (std::size_t i = 0; i < plan.accounts.size(); ++i) compute(plan, i);
    queried_ = false;
}

bool AccountList::passes(const Plan& plan, std::uint32_t i) const {
    const Key& k = keys_[i];
    const AccountFilter& f = filter_;
    if (!(f.status_mask & (1u << k.status))) return false;
    if (f.ending_within_days >= 0 &&
        (k.upcoming_end == INT32_MAX || k.upcoming_end > today_.days + f.ending_within_days))
        return false;
    if (!f.search.empty() && haystack_[i].find(f.search) == std::string::npos) return false;
    const Account& a = plan.accounts[i];
    if (!f.territories.empty() &&
        std::find(f.territories.begin(), f.territories.end(), a.territory_id) == f.territories.end())
        return false;
    if (!f.industries.empty() &&
        std::find(f.industries.begin(), f.industries.end(), a.industry) == f.industries.end())
        return false;
    if (!f.tags.empty()) {
        bool any = false;
        for (const std::string& t : a.tags)
            any = any || std::find(f.tags.begin(), f.tags.end(), t) != f.tags.end();
        if (!any) return false;
    }
    if (!f.family.empty()) {
        bool holds = false;
        for (const Service& s : a.services) holds = holds || s.family == f.family;
        if (holds == f.family_lacks) return false;
    }
    if (f.only_ids && !f.only_ids->count(a.id)) return false;
    return true;
}

bool AccountList::less(const Plan& plan, std::uint32_t a, std::uint32_t b) const {
    const Key& x = keys_[a];
    const Key& y = keys_[b];
    auto by_text = [&](std::uint64_t kx, std::uint64_t ky, const std::string& sx,
                       const std::string& sy) -> int {
        if (kx != ky) return kx < ky ? -1 : 1;
        return compare_ci(sx, sy);
    };
    const Account& A = plan.accounts[a];
    const Account& B = plan.accounts[b];
    int c = 0;
    switch (sort_.column) {
    case AccountColumn::Name: break;
    case AccountColumn::Status: c = x.status == y.status ? 0 : (x.status < y.status ? -1 : 1); break;
    case AccountColumn::City: c = by_text(x.city, y.city, A.address.city, B.address.city); break;
    case AccountColumn::Industry: c = by_text(x.industry, y.industry, A.industry, B.industry); break;
    case AccountColumn::Owner: c = by_text(x.owner, y.owner, A.owner, B.owner); break;
    case AccountColumn::Mrc: c = x.mrc == y.mrc ? 0 : (x.mrc < y.mrc ? -1 : 1); break;
    case AccountColumn::ContractEnd:
        // Accounts without a contract sort last both ways: they are never "most urgent".
        if (x.contract_end != y.contract_end) {
            if (x.contract_end == INT32_MAX) return false;
            if (y.contract_end == INT32_MAX) return true;
            c = x.contract_end < y.contract_end ? -1 : 1;
        }
        break;
    case AccountColumn::Employees:
        c = x.employees == y.employees ? 0 : (x.employees < y.employees ? -1 : 1);
        break;
    }
    if (!sort_.ascending) c = -c;
    if (c != 0) return c < 0;
    // Ties: by name, then plan order, so the order never flickers between frames.
    c = by_text(x.name, y.name, A.name, B.name);
    if (c != 0) return c < 0;
    return a < b;
}

void AccountList::sort_rows(const Plan& plan) {
    std::sort(rows_.begin(), rows_.end(),
              [&](std::uint32_t a, std::uint32_t b) { return less(plan, a, b); });
}

void AccountList::query(const Plan& plan, const AccountFilter& filter, AccountSort sort) {
    AccountFilter f = filter;
    std::string folded;
    for (char c : f.search) folded += fold(c);
    f.search = std::move(folded);

    // Typing one more letter narrows the rows already there: no new sort needed.
    AccountFilter prev_without_search = filter_, next_without_search = f;
    prev_without_search.search.clear();
    next_without_search.search.clear();
    const bool refine = queried_ && sort == sort_ && prev_without_search == next_without_search &&
                        f.search.size() > filter_.search.size() &&
                        f.search.compare(0, filter_.search.size(), filter_.search) == 0;
    const bool resort_only = queried_ && f == filter_ && !(sort == sort_);
    filter_ = std::move(f);
    sort_ = sort;
    queried_ = true;
    if (refine) {
        std::erase_if(rows_, [&](std::uint32_t i) { return !passes(plan, i); });
        return;
    }
    if (resort_only) {
        sort_rows(plan);
        return;
    }
    rows_.clear();
    rows_.reserve(keys_.size());
    for (std::uint32_t i = 0; i < keys_.size(); ++i)
        if (passes(plan, i)) rows_.push_back(i);
    sort_rows(plan);
}

void AccountList::patch(const Plan& plan, std::span<const std::size_t> indices,
                        std::size_t first_new) {
    const std::size_t total = plan.accounts.size();
    const std::size_t appended = total > first_new ? total - first_new : 0;
    if (indices.size() + appended > 256 || !queried_) {
        keys_.resize(total);
        haystack_.resize(total);
        for (std::size_t i : indices) compute(plan, i);
        for (std::size_t i = first_new; i < total; ++i) compute(plan, i);
        AccountFilter f = filter_;
        queried_ = false;
        query(plan, f, sort_);
        return;
    }
    keys_.resize(total);
    haystack_.resize(total);
    auto insert_sorted = [&](std::uint32_t i) {
        if (!passes(plan, i)) return;
        auto at = std::lower_bound(rows_.begin(), rows_.end(), i,
                                   [&](std::uint32_t a, std::uint32_t b) { return less(plan, a, b); });
        rows_.insert(at, i);
    };
    for (std::size_t i : indices) {
        if (i >= first_new) continue;
        const auto idx = static_cast<std::uint32_t>(i);
        if (auto it = std::find(rows_.begin(), rows_.end(), idx); it != rows_.end()) rows_.erase(it);
        compute(plan, i);
        insert_sorted(idx);
    }
    for (std::size_t i = first_new; i < total; ++i) {
        compute(plan, i);
        insert_sorted(static_cast<std::uint32_t>(i));
    }
}

std::ptrdiff_t AccountList::position_of(std::uint32_t account_index) const {
    auto it = std::find(rows_.begin(), rows_.end(), account_index);
    return it == rows_.end() ? -1 : it - rows_.begin();
}

} // namespace footprint::core
