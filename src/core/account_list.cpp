// Filtering and sorting the accounts list over precomputed keys.
#include "core/account_list.h"

#include <algorithm>
#include <cstring>

namespace footprint::core {

namespace {

char fold(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr std::uint64_t kOtherFamily = std::uint64_t{1} << 63;

AccountList::TextKey text_key(const std::string& s) {
    AccountList::TextKey k;
    std::uint64_t* parts[3] = {&k.a, &k.b, &k.c};
    for (std::size_t i = 0; i < 24; ++i) {
        const auto c = static_cast<unsigned char>(i < s.size() ? fold(s[i]) : 0);
        *parts[i / 8] = (*parts[i / 8] << 8) | c;
    }
    if (s.size() > 24) { // FNV-1a; never 0, so "no tail" stays distinct
        std::uint64_t h = 0xcbf29ce484222325ull;
        for (std::size_t i = 24; i < s.size(); ++i) {
            h ^= static_cast<unsigned char>(fold(s[i]));
            h *= 0x100000001b3ull;
        }
        k.tail = h | 1;
    }
    return k;
}

// -1, 0, 1 by the keys alone; 2 when only the full texts can tell (both long, tails differ).
int compare_keys(const AccountList::TextKey& x, const AccountList::TextKey& y) {
    if (x.a != y.a) return x.a < y.a ? -1 : 1;
    if (x.b != y.b) return x.b < y.b ? -1 : 1;
    if (x.c != y.c) return x.c < y.c ? -1 : 1;
    if (x.tail == y.tail) return 0;
    if (x.tail == 0) return -1; // a prefix of the other
    if (y.tail == 0) return 1;
    return 2;
}

// Signed numbers as unsigned integers in the same order.
std::uint64_t ordered(std::int64_t v) {
    return static_cast<std::uint64_t>(v) ^ (std::uint64_t{1} << 63);
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
    const std::size_t at = out.size();
    out.append(s);
    for (std::size_t i = at; i < out.size(); ++i)
        out[i] = fold(out[i]);
    out += '\x1f'; // a separator no search contains, so matches never span two fields
}

} // namespace

bool AccountFilter::active() const {
    return !search.empty() || status_mask != 0b111 || !territories.empty() ||
           ending_within_days >= 0 || !industries.empty() || !tags.empty() || !family.empty() ||
           only_ids != nullptr;
}

std::uint64_t AccountList::family_bit(const std::string& family) {
    for (std::size_t i = 0; i < families_.size(); ++i)
        if (families_[i] == family) return std::uint64_t{1} << i;
    if (families_.size() < 63) {
        families_.push_back(family);
        return std::uint64_t{1} << (families_.size() - 1);
    }
    return kOtherFamily;
}

void AccountList::compute(const Plan& plan, std::size_t i) {
    const Account& a = plan.accounts[i];
    Key& k = keys_[i];
    k.name = text_key(a.name);
    k.city = text_key(a.address.city);
    k.industry = text_key(a.industry);
    k.owner = text_key(a.owner);
    k.mrc = 0;
    k.contract_end = INT32_MAX;
    k.upcoming_end = INT32_MAX;
    k.families = 0;
    for (const Service& s : a.services) {
        k.mrc += s.mrc;
        if (!s.family.empty()) k.families |= family_bit(s.family);
        if (!s.contract_end) continue;
        k.contract_end = std::min(k.contract_end, s.contract_end->days);
        if (s.contract_end->days >= today_.days)
            k.upcoming_end = std::min(k.upcoming_end, s.contract_end->days);
    }
    k.employees = a.employees;
    k.status = static_cast<std::uint8_t>(a.status);
    k.hay_offset = static_cast<std::uint32_t>(hay_.size());
    append_folded(hay_, a.name);
    append_folded(hay_, a.address.city);
    append_folded(hay_, a.industry);
    append_folded(hay_, a.address.postal_code);
    append_folded(hay_, a.billing_account);
    append_folded(hay_, a.salesforce_id);
    append_folded(hay_, a.owner);
    for (const std::string& t : a.tags)
        append_folded(hay_, t);
    k.hay_size = static_cast<std::uint32_t>(hay_.size() - k.hay_offset);
}

void AccountList::begin_rebuild(const Plan& plan, Date today) {
    pending_.reset();
    today_ = today;
    keys_.assign(plan.accounts.size(), Key{});
    hay_.clear();
    hay_.reserve(plan.accounts.size() * 72);
    families_.clear();
    building_ = 0;
    queried_ = false;
}

bool AccountList::rebuild_step(const Plan& plan, std::size_t max_accounts) {
    const std::size_t end =
        std::min(keys_.size(), building_ + std::max<std::size_t>(max_accounts, 1));
    for (; building_ < end; ++building_)
        compute(plan, building_);
    return building_ >= keys_.size();
}

void AccountList::rebuild(const Plan& plan, Date today) {
    begin_rebuild(plan, today);
    rebuild_step(plan, keys_.size());
}

bool AccountList::passes(const Plan& plan, std::uint32_t i) const {
    const Key& k = keys_[i];
    const AccountFilter& f = filter_;
    if (!(f.status_mask & (1u << k.status))) return false;
    if (f.ending_within_days >= 0 &&
        (k.upcoming_end == INT32_MAX || k.upcoming_end > today_.days + f.ending_within_days))
        return false;
    if (!f.search.empty() && hay(i).find(f.search) == std::string_view::npos) return false;
    const Account& a = plan.accounts[i];
    if (!f.territories.empty() && std::find(f.territories.begin(), f.territories.end(),
                                            a.territory_id) == f.territories.end())
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
        const auto known = std::find(families_.begin(), families_.end(), f.family);
        if (known != families_.end())
            holds = (k.families >> (known - families_.begin())) & 1;
        else if (k.families & kOtherFamily) // a family past the 63 the keys name: look
            for (const Service& s : a.services)
                holds = holds || s.family == f.family;
        if (holds == f.family_lacks) return false;
    }
    if (f.only_ids && !f.only_ids->count(a.id)) return false;
    return true;
}

AccountList::SortRecord AccountList::record(std::uint32_t i) const {
    const Key& k = keys_[i];
    SortRecord r;
    r.index = i;
    r.name = k.name;
    switch (sort_.column) {
    case AccountColumn::Name:
        r.primary = k.name;
        r.name = TextKey{}; // the primary is the name already
        break;
    case AccountColumn::City:
        r.primary = k.city;
        break;
    case AccountColumn::Industry:
        r.primary = k.industry;
        break;
    case AccountColumn::Owner:
        r.primary = k.owner;
        break;
    case AccountColumn::Status:
        r.primary.a = k.status;
        break;
    case AccountColumn::Mrc:
        r.primary.a = ordered(k.mrc);
        break;
    case AccountColumn::Employees:
        r.primary.a = ordered(k.employees);
        break;
    case AccountColumn::ContractEnd:
        r.primary.a = ordered(k.contract_end);
        break;
    }
    // Accounts without a contract sort last both ways: they are never "most urgent".
    r.last = sort_.column == AccountColumn::ContractEnd && k.contract_end == INT32_MAX;
    return r;
}

bool AccountList::before(const Plan& plan, const SortRecord& x, const SortRecord& y) const {
    if (x.last != y.last) return y.last;
    int c = compare_keys(x.primary, y.primary);
    if (c == 2) {
        const Account& a = plan.accounts[x.index];
        const Account& b = plan.accounts[y.index];
        switch (sort_.column) {
        case AccountColumn::Name:
            c = compare_ci(a.name, b.name);
            break;
        case AccountColumn::City:
            c = compare_ci(a.address.city, b.address.city);
            break;
        case AccountColumn::Industry:
            c = compare_ci(a.industry, b.industry);
            break;
        case AccountColumn::Owner:
            c = compare_ci(a.owner, b.owner);
            break;
        default:
            c = 0;
            break;
        }
    }
    if (!sort_.ascending) c = -c;
    if (c != 0) return c < 0;
    // Ties: by name, then plan order, so the order never flickers between frames.
    c = compare_keys(x.name, y.name);
    if (c == 2) c = compare_ci(plan.accounts[x.index].name, plan.accounts[y.index].name);
    if (c != 0) return c < 0;
    return x.index < y.index;
}

bool AccountList::less(const Plan& plan, std::uint32_t a, std::uint32_t b) const {
    return before(plan, record(a), record(b));
}

void AccountList::sort_range(const Plan& plan, std::vector<std::uint32_t>& v, std::size_t from,
                             std::size_t to) const {
    // Two passes give exactly before()'s order, fast: sort records of integers (the sorted
    // column's first 24 bytes or its number, flipped when descending; then the name's first 24
    // bytes), then use the full comparison only on runs those integers cannot order: texts alike
    // for 24 bytes whose rest differs.
    struct Fast {
        std::uint64_t a, b, c, tail;     // the sorted column
        std::uint64_t n1, n2, n3, ntail; // the name
        std::uint32_t index;
    };
    std::vector<Fast> recs;
    recs.reserve(to - from);
    for (std::size_t k = from; k < to; ++k) {
        const std::uint32_t i = v[k];
        const SortRecord r = record(i);
        Fast f{r.primary.a,    r.primary.b, r.primary.c,
               r.primary.tail, r.name.a,    r.name.b,
               r.name.c,       r.name.tail, i};
        if (!sort_.ascending) {
            f.a = ~f.a;
            f.b = ~f.b;
            f.c = ~f.c;
        }
        if (r.last) f.a = f.b = f.c = UINT64_MAX;
        recs.push_back(f);
    }
    std::sort(recs.begin(), recs.end(), [](const Fast& x, const Fast& y) {
        if (x.a != y.a) return x.a < y.a;
        if (x.b != y.b) return x.b < y.b;
        if (x.c != y.c) return x.c < y.c;
        if (x.n1 != y.n1) return x.n1 < y.n1;
        if (x.n2 != y.n2) return x.n2 < y.n2;
        if (x.n3 != y.n3) return x.n3 < y.n3;
        return x.index < y.index;
    });
    auto full = [&](const Fast& x, const Fast& y) {
        return before(plan, record(x.index), record(y.index));
    };
    auto resort = [&](std::size_t first, std::size_t last) {
        std::sort(recs.begin() + static_cast<std::ptrdiff_t>(first),
                  recs.begin() + static_cast<std::ptrdiff_t>(last), full);
    };
    for (std::size_t i = 0; i < recs.size();) {
        std::size_t j = i + 1;
        bool tails_differ = false;
        while (j < recs.size() && recs[j].a == recs[i].a && recs[j].b == recs[i].b &&
               recs[j].c == recs[i].c) {
            tails_differ = tails_differ || recs[j].tail != recs[i].tail;
            ++j;
        }
        if (tails_differ) {
            resort(i, j);
        } else {
            // One value: ties go by name, which the integers order unless names agree for 24
            // bytes and differ after.
            for (std::size_t k = i; k < j;) {
                std::size_t m = k + 1;
                bool names_differ = false;
                while (m < j && recs[m].n1 == recs[k].n1 && recs[m].n2 == recs[k].n2 &&
                       recs[m].n3 == recs[k].n3) {
                    names_differ = names_differ || recs[m].ntail != recs[k].ntail;
                    ++m;
                }
                if (names_differ) resort(k, m);
                k = m;
            }
        }
        i = j;
    }
    for (std::size_t k = 0; k < recs.size(); ++k)
        v[from + k] = recs[k].index;
}

AccountFilter AccountList::folded(const AccountFilter& filter) {
    AccountFilter f = filter;
    for (char& c : f.search)
        c = fold(c);
    return f;
}

void AccountList::begin_query(const AccountFilter& filter, AccountSort sort) {
    filter_ = folded(filter);
    sort_ = sort;
    pending_ = std::make_unique<Pending>();
    pending_->rows.reserve(keys_.size());
}

bool AccountList::refines(const AccountFilter& filter, AccountSort sort) const {
    if (!queried_ || pending_ || !(sort == sort_)) return false;
    AccountFilter a = folded(filter), b = filter_;
    if (a.search.size() <= b.search.size() || a.search.compare(0, b.search.size(), b.search) != 0)
        return false;
    a.search.clear();
    b.search.clear();
    return a == b;
}

bool AccountList::query_step(const Plan& plan, std::size_t budget) {
    if (!pending_) return true;
    Pending& q = *pending_;
    constexpr std::size_t kChunk = 8192; // rows sorted at once before merging
    budget = std::max<std::size_t>(budget, 1);
    switch (q.phase) {
    case Pending::Phase::Filter: {
        const std::size_t end = std::min(keys_.size(), q.cursor + budget * 4);
        for (; q.cursor < end; ++q.cursor)
            if (passes(plan, static_cast<std::uint32_t>(q.cursor)))
                q.rows.push_back(static_cast<std::uint32_t>(q.cursor));
        if (q.cursor >= keys_.size()) {
            q.phase = Pending::Phase::Sort;
            q.cursor = 0;
        }
        return false;
    }
    case Pending::Phase::Sort: {
        std::size_t done = 0;
        while (q.cursor < q.rows.size() && done < budget) {
            const std::size_t end = std::min(q.rows.size(), q.cursor + kChunk);
            sort_range(plan, q.rows, q.cursor, end);
            done += end - q.cursor;
            q.cursor = end;
        }
        if (q.cursor >= q.rows.size()) {
            q.phase = Pending::Phase::Merge;
            q.cursor = 0;
            q.run = kChunk;
            q.buffer.resize(q.rows.size());
        }
        return false;
    }
    case Pending::Phase::Merge: {
        auto less_index = [&](std::uint32_t a, std::uint32_t b) { return less(plan, a, b); };
        std::size_t done = 0;
        while (q.run < q.rows.size() && done < budget) {
            // One pass merges runs of q.run rows pairwise into the buffer, then they swap.
            const std::size_t a = q.cursor, mid = std::min(a + q.run, q.rows.size()),
                              b = std::min(a + 2 * q.run, q.rows.size());
            std::merge(q.rows.begin() + static_cast<std::ptrdiff_t>(a),
                       q.rows.begin() + static_cast<std::ptrdiff_t>(mid),
                       q.rows.begin() + static_cast<std::ptrdiff_t>(mid),
                       q.rows.begin() + static_cast<std::ptrdiff_t>(b),
                       q.buffer.begin() + static_cast<std::ptrdiff_t>(a), less_index);
            done += b - a;
            q.cursor = b;
            if (q.cursor >= q.rows.size()) {
                q.rows.swap(q.buffer);
                q.cursor = 0;
                q.run *= 2;
            }
        }
        if (q.run < q.rows.size()) return false;
        rows_ = std::move(q.rows);
        queried_ = true;
        pending_.reset();
        return true;
    }
    }
    return true;
}

void AccountList::query(const Plan& plan, const AccountFilter& filter, AccountSort sort) {
    if (pending_) { // rows_ belong to an older query: no refining them
        pending_.reset();
        queried_ = false;
    }
    AccountFilter f = folded(filter);

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
    if (pending_) { // a sliced query was running: finish with a whole one below
        pending_.reset();
        queried_ = false;
    }
    if (indices.size() + appended > 256 || !queried_) {
        keys_.resize(total);
        building_ = total;
        for (std::size_t i : indices)
            compute(plan, i);
        for (std::size_t i = first_new; i < total; ++i)
            compute(plan, i);
        AccountFilter f = filter_;
        queried_ = false;
        query(plan, f, sort_);
        return;
    }
    keys_.resize(total);
    building_ = total;
    auto insert_sorted = [&](std::uint32_t i) {
        if (!passes(plan, i)) return;
        auto at =
            std::lower_bound(rows_.begin(), rows_.end(), i,
                             [&](std::uint32_t a, std::uint32_t b) { return less(plan, a, b); });
        rows_.insert(at, i);
    };
    for (std::size_t i : indices) {
        if (i >= first_new) continue;
        const auto idx = static_cast<std::uint32_t>(i);
        if (auto it = std::find(rows_.begin(), rows_.end(), idx); it != rows_.end())
            rows_.erase(it);
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
