// Updating the desks after small edits (see desk_update.h).
#include "core/desk_update.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace footprint::core {

namespace {

// Adds (sign 1) or removes (sign -1) a whitespace row's part of the totals.
void count_row(Whitespace& w, std::size_t r, int sign) {
    const WhitespaceRow& row = w.rows[r];
    w.open_value += sign * row.open_value;
    w.accounts_with_open += sign * (row.open_value > 0);
    for (const Recommendation& rec : w.of(row)) {
        w.rule_hits[rec.rule] += sign;
        w.rule_value[rec.rule] += sign * rec.value;
        w.in_pipeline += sign * (rec.deal.state == LinkState::Open);
    }
    for (std::size_t f = 0; f < w.families.size(); ++f) w.family_gaps[f] += sign * (w.holds(r, f) == 0);
}

// The whitespace row of account `a` again, in place; false when its services name a family the
// matrix has no column for.
bool redo_whitespace_row(const Plan& plan, const AccountLinks& links, const RuleEngine& engine, Date today,
                         Whitespace& w, std::size_t r) {
    WhitespaceRow& row = w.rows[r];
    const Account& a = plan.accounts[row.account];
    const std::size_t nf = w.families.size();
    std::span<std::uint16_t> count(w.held_count.data() + r * nf, nf);
    std::span<Cents> mrc(w.held_mrc.data() + r * nf, nf);
    std::vector<std::size_t> other;
    engine.holdings(a, count, mrc, &other);
    row.mrc = 0;
    for (std::size_t f = 0; f < nf; ++f) row.mrc += mrc[f];
    for (std::size_t k : other) {
        const Service& s = a.services[k];
        std::string_view fam = s.family;
        if (fam.empty())
            if (const Product* p = find_product(plan, s.product)) fam = p->family;
        const auto it = std::find(w.families.begin(), w.families.end(), fam);
        if (it == w.families.end()) return false;
        const auto f = static_cast<std::size_t>(it - w.families.begin());
        mrc[f] += s.mrc;
        if (count[f] < UINT16_MAX) ++count[f];
        row.mrc += s.mrc;
    }
    std::vector<Recommendation> recs;
    engine.recommend(a, std::span<const std::uint16_t>(count.data(), engine.families().size()),
                     std::span<const Cents>(mrc.data(), engine.families().size()), recs);
    row.open_value = 0;
    for (Recommendation& rec : recs) {
        rec.deal = recommendation_deal(plan, links, row.account, rec, today);
        if (rec.deal.state == LinkState::None) row.open_value += rec.value;
    }
    if (recs.size() > row.count) row.first = static_cast<std::uint32_t>(w.recommendations.size()); // room at the end
    if (row.first + recs.size() > w.recommendations.size()) w.recommendations.resize(row.first + recs.size());
    std::copy(recs.begin(), recs.end(), w.recommendations.begin() + row.first);
    row.count = static_cast<std::uint32_t>(recs.size());
    return true;
}

// Replaces, adds or drops the row of `account` in a desk's rows (row index `old`, -1 none).
template <class Row>
void redo_row(std::vector<Row>& rows, std::int32_t old, std::optional<Row> now, std::vector<std::size_t>& drop) {
    if (old >= 0 && now) rows[static_cast<std::size_t>(old)] = std::move(*now);
    else if (old >= 0) drop.push_back(static_cast<std::size_t>(old));
    else if (now) rows.push_back(std::move(*now));
}

// Removes the rows at the indices `drop` (any order, no repeats) in one pass: a bulk edit may drop
// thousands, and erasing them one at a time would move the rest as many times.
template <class Row>
void drop_rows(std::vector<Row>& rows, std::vector<std::size_t>& drop) {
    if (drop.empty()) return;
    std::sort(drop.begin(), drop.end());
    std::size_t out = drop.front(), next = 0;
    for (std::size_t i = drop.front(); i < rows.size(); ++i) {
        if (next < drop.size() && drop[next] == i) {
            ++next;
            continue;
        }
        if (out != i) rows[out] = std::move(rows[i]);
        ++out;
    }
    rows.resize(out);
}

} // namespace

LinkReuse link_reuse(const Plan& plan, const DeskData& before, const TouchedSet& changed) {
    LinkReuse r;
    if (changed.everything || before.links.last_touch.size() != plan.accounts.size()) return r;
    r.accounts = changed.accounts.empty();
    r.activities = r.accounts && changed.activities.empty();
    return r;
}

namespace {

// Whitespace rows (in plan order) for the clients `accounts` (sorted, none with a row yet), empty
// for now, in one pass over the rows: returns their indices, in the same order.
std::vector<std::size_t> insert_whitespace_rows(Whitespace& w, const std::vector<std::size_t>& accounts) {
    const std::size_t nf = w.families.size(), old_rows = w.rows.size(), rows = old_rows + accounts.size();
    std::vector<WhitespaceRow> out(rows);
    std::vector<Cents> mrc(rows * nf, 0);
    std::vector<std::uint16_t> count(rows * nf, 0);
    std::vector<std::size_t> at;
    at.reserve(accounts.size());
    for (std::size_t r = 0, k = 0, o = 0; o < rows; ++o) {
        if (k < accounts.size() && (r == old_rows || accounts[k] < w.rows[r].account)) {
            out[o].account = accounts[k++];
            out[o].first = static_cast<std::uint32_t>(w.recommendations.size());
            at.push_back(o);
            continue;
        }
        out[o] = w.rows[r];
        std::copy_n(w.held_mrc.begin() + static_cast<std::ptrdiff_t>(r * nf), nf, mrc.begin() + static_cast<std::ptrdiff_t>(o * nf));
        std::copy_n(w.held_count.begin() + static_cast<std::ptrdiff_t>(r * nf), nf, count.begin() + static_cast<std::ptrdiff_t>(o * nf));
        ++r;
    }
    w.rows = std::move(out);
    w.held_mrc = std::move(mrc);
    w.held_count = std::move(count);
    return at;
}

// Removes the whitespace rows `drop` (any order, no repeats) and their holdings, in one pass.
void erase_whitespace_rows(Whitespace& w, std::vector<std::size_t>& drop) {
    if (drop.empty()) return;
    const std::size_t nf = w.families.size();
    std::sort(drop.begin(), drop.end());
    std::size_t out = 0, next = 0;
    for (std::size_t r = 0; r < w.rows.size(); ++r) {
        if (next < drop.size() && drop[next] == r) {
            ++next;
            continue;
        }
        if (out != r) {
            w.rows[out] = w.rows[r];
            std::copy_n(w.held_mrc.begin() + static_cast<std::ptrdiff_t>(r * nf), nf, w.held_mrc.begin() + static_cast<std::ptrdiff_t>(out * nf));
            std::copy_n(w.held_count.begin() + static_cast<std::ptrdiff_t>(r * nf), nf, w.held_count.begin() + static_cast<std::ptrdiff_t>(out * nf));
        }
        ++out;
    }
    w.rows.resize(out);
    w.held_mrc.resize(out * nf);
    w.held_count.resize(out * nf);
}

} // namespace

namespace {

// Old and new indices of records matched by id hash, in order: records not edited keep their
// order; edited ones may have been removed, added or put back anywhere (a deletion, a new record,
// an undone deletion). False when a record that was not edited is not where it was.
struct IndexMap {
    std::vector<std::size_t> new_of_old, old_of_new; // kNoIndex: removed / added
    bool moved = false;                             // anything removed or added before the end
};
bool match_records(std::span<const std::uint64_t> old_hash, std::span<const std::uint64_t> new_hash,
                   const std::unordered_set<std::uint64_t>& edited, IndexMap& m) {
    m.new_of_old.assign(old_hash.size(), kNoIndex);
    m.old_of_new.assign(new_hash.size(), kNoIndex);
    for (std::size_t k = 0, j = 0; k < old_hash.size() || j < new_hash.size();) {
        if (k < old_hash.size() && j < new_hash.size() && new_hash[j] == old_hash[k]) {
            m.new_of_old[k] = j;
            m.old_of_new[j] = k;
            ++k, ++j;
        } else if (j < new_hash.size() && edited.count(new_hash[j])) {
            ++j, m.moved = true; // added here
        } else if (k < old_hash.size() && edited.count(old_hash[k])) {
            ++k, m.moved = true; // removed
        } else {
            return false;
        }
    }
    return true;
}

std::unordered_set<std::uint64_t> hashes_of(const std::unordered_set<std::string>& ids) {
    std::unordered_set<std::uint64_t> out;
    for (const std::string& id : ids) out.insert(desk_id_hash(id));
    return out;
}

// Every account is where it was, or new and added at the end: the accounts the edits touched, by
// their index. Nothing when an account was removed or put back before others.
std::optional<std::vector<std::size_t>> touched_in_place(const Plan& plan, const DeskData& d,
                                                         const TouchedSet& changed) {
    const std::size_t n = plan.accounts.size(), old_n = d.links.last_touch.size();
    if (old_n > n) return std::nullopt;
    std::vector<std::size_t> dirty;
    std::unordered_map<std::string_view, std::size_t> appended; // the accounts after the old ones
    for (std::size_t k = old_n; k < n; ++k) appended.emplace(plan.accounts[k].id, k);
    std::size_t added = 0;
    for (const std::string& id : changed.accounts) {
        if (auto i = d.links.find_account(id); i && *i < old_n && plan.accounts[*i].id == id) {
            dirty.push_back(*i);
            continue;
        }
        const auto k = appended.find(id);
        if (k == appended.end()) return std::nullopt; // removed or moved
        dirty.push_back(k->second);
        ++added;
    }
    if (added != n - old_n) return std::nullopt;
    return dirty;
}

} // namespace

bool update_desks(const Plan& plan, Date today, DeskData& d, const TouchedSet& changed,
                  const Settings& before) {
    if (changed.everything) return false;
    // The catalog and the rules change the whitespace and the win-back estimates; the stages,
    // whether each deal is open, won or lost. A notice or window setting changes every renewal or
    // win-back row. Those are redone whole; the rest row by row for the accounts touched.
    const bool rules = changed.catalog || changed.rules;
    const bool all_renewals = plan.settings.renewal_notice_days != before.renewal_notice_days;
    const bool all_winbacks = plan.settings.winback_window_days != before.winback_window_days;
    const std::size_t n = plan.accounts.size(), old_n = d.links.last_touch.size();
    if (d.today != today || d.scratch.size() != old_n || d.links.account_hash.size() != old_n) return false;

    // Accounts: touched in place (or added at the end), or else removed and put back anywhere:
    // then every index after the first such change moves, and the rows and touches move with it.
    std::vector<std::size_t> dirty;
    IndexMap accounts;
    const auto in_place = touched_in_place(plan, d, changed);
    if (in_place) {
        dirty = *in_place;
    } else {
        std::vector<std::uint64_t> new_hash(n);
        for (std::size_t j = 0; j < n; ++j) new_hash[j] = desk_id_hash(plan.accounts[j].id);
        const auto edited = hashes_of(changed.accounts);
        if (!match_records(d.links.account_hash, new_hash, edited, accounts)) return false;
        for (std::size_t j = 0; j < n; ++j)
            if (accounts.old_of_new[j] == kNoIndex || edited.count(new_hash[j])) dirty.push_back(j);
    }
    const bool remap_accounts = !in_place;
    bool only_removed = remap_accounts; // accounts only removed, none added or moved
    if (remap_accounts)
        for (std::size_t j = 0; j < n && only_removed; ++j) only_removed = accounts.old_of_new[j] != kNoIndex;
    auto to_new = [&](std::size_t old) { // an old account index now; kNoIndex when removed
        return !remap_accounts || old == kNoIndex ? old : accounts.new_of_old[old];
    };

    // Opportunities likewise (their indices move when one is deleted or put back).
    const std::size_t old_opps = d.links.opp_hash.size(), new_opps = plan.opportunities.size();
    if (d.links.owner.size() != old_opps) return false;
    std::vector<std::uint64_t> new_hash(new_opps);
    for (std::size_t j = 0; j < new_opps; ++j) new_hash[j] = desk_id_hash(plan.opportunities[j].id);
    IndexMap opps;
    const auto edited_opps = hashes_of(changed.opportunities);
    if (!match_records(d.links.opp_hash, new_hash, edited_opps, opps)) return false;
    for (std::size_t k = 0; k < old_opps; ++k) // a deal removed: its account's rows change
        if (opps.new_of_old[k] == kNoIndex && d.links.owner[k] != UINT32_MAX) dirty.push_back(to_new(d.links.owner[k]));
    for (std::size_t j = 0; j < new_opps; ++j) {
        if (!edited_opps.count(new_hash[j])) continue;
        if (opps.old_of_new[j] != kNoIndex && d.links.owner[opps.old_of_new[j]] != UINT32_MAX)
            dirty.push_back(to_new(d.links.owner[opps.old_of_new[j]]));
        if (auto a = d.links.find_account(plan.opportunities[j].account_id); a && *a < old_n) dirty.push_back(to_new(*a));
    }
    // Rows keep pointing at their deals, wherever those moved. (Rows whose deal was removed belong
    // to dirty accounts, redone below.)
    if (opps.moved) {
        auto remap = [&](std::size_t& i) {
            if (i != kNoIndex) i = i < old_opps ? opps.new_of_old[i] : kNoIndex;
        };
        for (RenewalRow& r : d.renewals) remap(r.deal.opportunity);
        for (WinbackRow& w : d.winbacks) {
            remap(w.deal.opportunity);
            remap(w.source_opportunity);
        }
        for (Recommendation& rec : d.whitespace.recommendations) remap(rec.deal.opportunity);
    }

    // Rows of removed accounts go; the others follow their account to its new index, and so do
    // the accounts' previous row indices (scratch).
    std::vector<std::size_t> drop_renewals, drop_winbacks, drop_whitespace, new_clients;
    if (remap_accounts) {
        for (std::size_t r = 0; r < d.renewals.size(); ++r)
            if ((d.renewals[r].account = to_new(d.renewals[r].account)) == kNoIndex) drop_renewals.push_back(r);
        for (std::size_t r = 0; r < d.winbacks.size(); ++r)
            if ((d.winbacks[r].account = to_new(d.winbacks[r].account)) == kNoIndex) drop_winbacks.push_back(r);
        for (std::size_t r = 0; r < d.whitespace.rows.size(); ++r) {
            if (to_new(d.whitespace.rows[r].account) != kNoIndex) continue;
            count_row(d.whitespace, r, -1);
            drop_whitespace.push_back(r);
        }
        for (WhitespaceRow& row : d.whitespace.rows) row.account = to_new(row.account);
        std::vector<AccountPriority> scratch(n); // an account new here (or moved) has no rows yet
        for (std::size_t j = 0; j < n; ++j)
            if (accounts.old_of_new[j] != kNoIndex) scratch[j] = d.scratch[accounts.old_of_new[j]];
        d.scratch = std::move(scratch);
        if (only_removed && changed.activities.empty()) { // the touches follow their accounts
            auto follow = [&](auto& v) {
                for (std::size_t j = 0; j < n; ++j) v[j] = v[accounts.old_of_new[j]]; // j <= old index
                v.resize(n);
            };
            follow(d.links.last_touch);
            follow(d.links.next_planned);
            follow(d.links.last_touch_type);
        }
    }
    std::sort(dirty.begin(), dirty.end());
    dirty.erase(std::unique(dirty.begin(), dirty.end()), dirty.end());
    if (!dirty.empty() && dirty.back() == kNoIndex) dirty.pop_back(); // a removed account's deal

    // The links: opportunities again (cheap); the id table again when accounts moved; activities
    // when one changed or an account came (activities may name it: an undone removal).
    LinkReuse reuse;
    reuse.accounts = !remap_accounts;
    reuse.activities = (!remap_accounts ? n == old_n : only_removed) && changed.activities.empty();
    reuse.accounts_before = remap_accounts ? n : old_n;
    const bool links_hold = reuse.accounts && reuse.activities && n == old_n && changed.opportunities.empty() &&
                            !changed.stages; // no record the links read changed: keep them whole
    if (!links_hold) {
        LinkBuilder links(plan, today, d.links, std::nullopt, reuse);
        while (!links.step(SIZE_MAX)) {
        }
    }

    const RuleEngine engine(plan);
    if (all_renewals) {
        d.renewals.clear();
        drop_renewals.clear();
        for (std::size_t a = 0; a < n; ++a)
            if (auto r = renewal_of(plan, d.links, a, today)) d.renewals.push_back(std::move(*r));
    }
    if (all_winbacks) {
        d.winbacks.clear();
        drop_winbacks.clear();
        std::vector<Recommendation> scratch;
        for (std::size_t a = 0; a < n; ++a) {
            d.winbacks.emplace_back();
            if (!winback_into(plan, d.links, engine, a, today, d.winbacks.back(), scratch)) d.winbacks.pop_back();
        }
    }
    if (rules && !all_winbacks) { // the estimates come from the rules; the other values from records
        std::vector<Recommendation> scratch;
        for (WinbackRow& w : d.winbacks) // (an account no longer former keeps its row: dropped below)
            if (w.source == ValueSource::Estimate || w.source == ValueSource::None)
                winback_into(plan, d.links, engine, w.account, today, w, scratch);
    }
    // Each touched account's rows. A status change moves the account between desks: its renewal
    // or win-back row comes or goes, and its whitespace row (rows are in plan order) is inserted or
    // erased once the rows that stay have been redone in place (their indices are the old ones).
    for (std::size_t a : dirty) {
        const AccountPriority old = a < d.scratch.size() ? d.scratch[a] : AccountPriority{}; // new: no rows yet
        if (!all_renewals) redo_row(d.renewals, old.renewal, renewal_of(plan, d.links, a, today), drop_renewals);
        if (!all_winbacks)
            redo_row(d.winbacks, old.winback, winback_of(plan, d.links, engine, a, today), drop_winbacks);
        if (rules) continue; // the whole whitespace is redone below
        const bool client = plan.accounts[a].status == AccountStatus::Client;
        if (old.whitespace >= 0) {
            const auto r = static_cast<std::size_t>(old.whitespace);
            count_row(d.whitespace, r, -1);
            if (!client) {
                drop_whitespace.push_back(r);
                continue;
            }
            if (!redo_whitespace_row(plan, d.links, engine, today, d.whitespace, r)) return false;
            count_row(d.whitespace, r, 1);
        } else if (client) {
            new_clients.push_back(a);
        }
    }
    drop_rows(d.renewals, drop_renewals);
    drop_rows(d.winbacks, drop_winbacks);
    if (rules) {
        WhitespaceBuilder w(plan, d.links, engine, today, std::move(d.whitespace));
        w.add_clients();
        d.whitespace = w.finish();
    } else {
        erase_whitespace_rows(d.whitespace, drop_whitespace);
        std::sort(new_clients.begin(), new_clients.end());
        for (std::size_t r : insert_whitespace_rows(d.whitespace, new_clients)) {
            if (!redo_whitespace_row(plan, d.links, engine, today, d.whitespace, r)) return false;
            count_row(d.whitespace, r, 1);
        }
    }
    if (changed.stages) { // every deal may have opened, been won or lost: the rows' deals again
        for (RenewalRow& r : d.renewals) r.deal = renewal_deal(plan, d.links, r);
        for (WinbackRow& w : d.winbacks) w.deal = winback_deal(plan, d.links, w.account, today);
        if (!rules) redo_recommendation_deals(plan, d.links, today, d.whitespace);
    }
    sort_renewals(d.renewals);
    sort_winbacks(d.winbacks);
    rescore(plan, today, d);
    return true;
}

} // namespace footprint::core
