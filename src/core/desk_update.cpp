// Updating the desks after small edits (see desk_update.h).
#include "core/desk_update.h"

#include <algorithm>
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
    const Date since = add_days(today, -kUpsellLookbackDays);
    row.open_value = 0;
    for (Recommendation& rec : recs) {
        const std::string& product = plan.catalog[rec.product].id;
        rec.deal = find_deal(plan, links, row.account, since, today, [&](const Opportunity& o) {
            return std::find(o.products.begin(), o.products.end(), product) != o.products.end();
        });
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

template <class Row>
void drop_rows(std::vector<Row>& rows, std::vector<std::size_t>& drop) {
    std::sort(drop.begin(), drop.end(), std::greater<>());
    for (std::size_t i : drop) rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(i));
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

// Inserts an empty whitespace row for `account` where plan order puts it; returns its index.
std::size_t insert_whitespace_row(Whitespace& w, std::size_t account) {
    const auto at = std::lower_bound(w.rows.begin(), w.rows.end(), account,
                                     [](const WhitespaceRow& r, std::size_t a) { return r.account < a; });
    const auto r = static_cast<std::size_t>(at - w.rows.begin());
    WhitespaceRow row;
    row.account = account;
    row.first = static_cast<std::uint32_t>(w.recommendations.size());
    w.rows.insert(at, row);
    const std::size_t nf = w.families.size();
    w.held_mrc.insert(w.held_mrc.begin() + static_cast<std::ptrdiff_t>(r * nf), nf, Cents{0});
    w.held_count.insert(w.held_count.begin() + static_cast<std::ptrdiff_t>(r * nf), nf, std::uint16_t{0});
    return r;
}

void erase_whitespace_row(Whitespace& w, std::size_t r) {
    const std::size_t nf = w.families.size();
    w.rows.erase(w.rows.begin() + static_cast<std::ptrdiff_t>(r));
    const auto from = static_cast<std::ptrdiff_t>(r * nf), to = static_cast<std::ptrdiff_t>((r + 1) * nf);
    w.held_mrc.erase(w.held_mrc.begin() + from, w.held_mrc.begin() + to);
    w.held_count.erase(w.held_count.begin() + from, w.held_count.begin() + to);
}

} // namespace

bool update_desks(const Plan& plan, Date today, DeskData& d, const TouchedSet& changed,
                  const Settings& before) {
    if (changed.everything || changed.catalog || changed.rules || changed.stages) return false;
    // A notice or window setting changes every renewal or win-back row: those are redone whole.
    const bool all_renewals = plan.settings.renewal_notice_days != before.renewal_notice_days;
    const bool all_winbacks = plan.settings.winback_window_days != before.winback_window_days;
    const std::size_t n = plan.accounts.size(), old_n = d.links.last_touch.size();
    if (d.today != today || old_n > n || d.scratch.size() != old_n) return false;

    // The accounts whose rows may change; every touched account must be where it was, or new and
    // added at the end (every account after the old ones must be new).
    std::vector<std::size_t> dirty;
    std::size_t added = 0;
    for (const std::string& id : changed.accounts) {
        if (auto i = d.links.find_account(id); i && *i < old_n && plan.accounts[*i].id == id) {
            dirty.push_back(*i);
            continue;
        }
        std::size_t k = old_n;
        while (k < n && plan.accounts[k].id != id) ++k;
        if (k == n) return false; // removed or moved
        dirty.push_back(k);
        ++added;
    }
    if (added != n - old_n) return false;
    // Opportunities: those not edited keep their order; edited ones may have been removed, added
    // or put back anywhere (a deleted deal, a new one, an undone deletion). Old and new indices are
    // matched by id hash, in order; a deal that is not edited yet not where it was is refused.
    const std::size_t old_opps = d.links.opp_hash.size(), new_opps = plan.opportunities.size();
    if (d.links.owner.size() != old_opps) return false;
    std::unordered_set<std::uint64_t> edited;
    for (const std::string& id : changed.opportunities) edited.insert(desk_id_hash(id));
    std::vector<std::uint64_t> new_hash(new_opps);
    for (std::size_t j = 0; j < new_opps; ++j) new_hash[j] = desk_id_hash(plan.opportunities[j].id);
    std::vector<std::size_t> new_of_old(old_opps, kNoIndex), old_of_new(new_opps, kNoIndex);
    bool moved = false;
    for (std::size_t k = 0, j = 0; k < old_opps || j < new_opps;) {
        if (k < old_opps && j < new_opps && new_hash[j] == d.links.opp_hash[k]) {
            new_of_old[k] = j;
            old_of_new[j] = k;
            ++k, ++j;
        } else if (j < new_opps && edited.count(new_hash[j])) {
            ++j, moved = true; // added here
        } else if (k < old_opps && edited.count(d.links.opp_hash[k])) {
            if (d.links.owner[k] != UINT32_MAX) dirty.push_back(d.links.owner[k]); // removed
            ++k, moved = true;
        } else {
            return false;
        }
    }
    for (const std::string& id : changed.opportunities) {
        std::size_t k = 0;
        while (k < plan.opportunities.size() && plan.opportunities[k].id != id) ++k;
        if (k == plan.opportunities.size()) continue; // removed: its old account is dirty above
        if (old_of_new[k] != kNoIndex && d.links.owner[old_of_new[k]] != UINT32_MAX)
            dirty.push_back(d.links.owner[old_of_new[k]]);
        if (auto a = d.links.find_account(plan.opportunities[k].account_id); a && *a < old_n) dirty.push_back(*a);
    }
    // Rows keep pointing at their deals, wherever those moved. (Rows whose deal was removed belong
    // to dirty accounts, redone below.)
    if (moved) {
        auto remap = [&](std::size_t& i) {
            if (i != kNoIndex) i = i < old_opps ? new_of_old[i] : kNoIndex;
        };
        for (RenewalRow& r : d.renewals) remap(r.deal.opportunity);
        for (WinbackRow& w : d.winbacks) {
            remap(w.deal.opportunity);
            remap(w.source_opportunity);
        }
        for (Recommendation& rec : d.whitespace.recommendations) remap(rec.deal.opportunity);
    }
    std::sort(dirty.begin(), dirty.end());
    dirty.erase(std::unique(dirty.begin(), dirty.end()), dirty.end());

    // The links: opportunities again (cheap), activities only when one changed.
    LinkReuse reuse;
    reuse.accounts = true;
    reuse.activities = changed.activities.empty();
    reuse.accounts_before = old_n;
    LinkBuilder links(plan, today, d.links, std::nullopt, reuse);
    while (!links.step(SIZE_MAX)) {
    }

    const RuleEngine engine(plan);
    if (all_renewals) {
        d.renewals.clear();
        for (std::size_t a = 0; a < n; ++a)
            if (auto r = renewal_of(plan, d.links, a, today)) d.renewals.push_back(std::move(*r));
    }
    if (all_winbacks) {
        d.winbacks.clear();
        for (std::size_t a = 0; a < n; ++a)
            if (auto w = winback_of(plan, d.links, engine, a, today)) d.winbacks.push_back(std::move(*w));
    }
    // Each touched account's rows. A status change moves the account between desks: its renewal
    // or win-back row comes or goes, and its whitespace row (rows are in plan order) is inserted or
    // erased once the rows that stay have been redone in place (their indices are the old ones).
    std::vector<std::size_t> drop_renewals, drop_winbacks, drop_whitespace, new_clients;
    for (std::size_t a : dirty) {
        const AccountPriority old = a < old_n ? d.scratch[a] : AccountPriority{}; // new: no rows yet
        if (!all_renewals) redo_row(d.renewals, old.renewal, renewal_of(plan, d.links, a, today), drop_renewals);
        if (!all_winbacks)
            redo_row(d.winbacks, old.winback, winback_of(plan, d.links, engine, a, today), drop_winbacks);
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
    std::sort(drop_whitespace.begin(), drop_whitespace.end(), std::greater<>());
    for (std::size_t r : drop_whitespace) erase_whitespace_row(d.whitespace, r);
    for (std::size_t a : new_clients) {
        const std::size_t r = insert_whitespace_row(d.whitespace, a);
        if (!redo_whitespace_row(plan, d.links, engine, today, d.whitespace, r)) return false;
        count_row(d.whitespace, r, 1);
    }
    sort_renewals(d.renewals);
    sort_winbacks(d.winbacks);
    rescore(plan, today, d);
    return true;
}

} // namespace footprint::core
