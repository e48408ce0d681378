// Merging, the analysis: each record of both plans is looked at once, in slices, and what the
// merge would do with it is written down as a Decision (the rules: docs/plan-format.md, "Merging").
#include "core/merge_detail.h"

namespace footprint::core {

using namespace merge_detail;

namespace {

template <typename Fn> void with_records(const Plan& p, Collection c, Fn&& fn) {
    switch (c) {
    case Collection::Territories: fn(p.territories); break;
    case Collection::Accounts: fn(p.accounts); break;
    case Collection::Opportunities: fn(p.opportunities); break;
    case Collection::Activities: fn(p.activities); break;
    case Collection::Catalog: fn(p.catalog); break;
    case Collection::UpsellRules: fn(p.upsell_rules); break;
    }
}

template <typename T> Timestamp modified(const T& r) {
    if constexpr (requires { r.modified; }) return r.modified;
    else return Timestamp{};
}

std::string label_of(const Account& a) { return a.name; }
std::string label_of(const Opportunity& o) { return o.name; }
std::string label_of(const Territory& t) { return t.name; }
std::string label_of(const Product& p) { return p.name; }
std::string label_of(const UpsellRule& r) { return r.name; }
std::string label_of(const Activity& a) {
    return a.subject.empty() ? std::string(to_string(a.type)) + " on " + format_iso_date(a.date) : a.subject;
}

Decision decision(Decision::Op op, Collection c, std::size_t mine, std::size_t theirs) {
    Decision d;
    d.op = op;
    d.collection = c;
    d.mine = mine;
    d.theirs = theirs;
    return d;
}

// A record deleted on one side and changed on the other: the decision and the conflict it asks.
template <typename T>
void add_deletion_conflict(std::vector<Decision>& decisions, std::vector<MergeConflict>& conflicts, Decision d,
                           const T& record, Collection c) {
    d.first_conflict = conflicts.size();
    d.conflict_count = 1;
    MergeConflict conflict;
    conflict.what = d.op == Decision::Op::DeletedThere ? MergeConflict::What::DeletedThere
                                                       : MergeConflict::What::DeletedHere;
    conflict.kind = kind_of(c);
    conflict.id = record.id;
    conflict.label = label_of(record);
    // The side that still has the record: its modified time.
    (d.op == Decision::Op::DeletedThere ? conflict.mine_modified : conflict.theirs_modified) = modified(record);
    conflict.choice = conflict.default_choice();
    conflicts.push_back(std::move(conflict));
    decisions.push_back(std::move(d));
}

} // namespace

MergeState::MergeState(const Plan& m, std::shared_ptr<const Plan> t, MergeOptions o)
    : mine(m), theirs_plan(std::move(t)), theirs(*theirs_plan), options(o) {
    partial = theirs.share && theirs.share->partial;
    if (options.use_history) find_bases(mine, theirs, bases);
    base_text = describe_base(bases, theirs);
    bool base_redacted = false;
    for (const auto& k : bases.candidates) base_redacted |= k.peer->redacted;
    if ((theirs.share && theirs.share->redacted) || base_redacted) redactor.emplace(mine);
    std::size_t n = 0;
    for (Collection c : kCollections) n += collection_size(c, true) + collection_size(c, false);
    total_ = 2 * n + 1; // indexed, then looked at
    exchange.id = other_plan_id(theirs);
    exchange.file = theirs.id;
    exchange.name = theirs.share && !theirs.share->from_name.empty() ? theirs.share->from_name : theirs.name;
    exchange.owner = theirs.owner;
    exchange.kind = SyncPeer::Kind::Merged;
    exchange.partial = partial;
    exchange.redacted = theirs.share && theirs.share->redacted;
}

std::size_t MergeState::collection_size(Collection c, bool of_mine) const {
    std::size_t n = 0;
    with_records(of_mine ? mine : theirs, c, [&](const auto& list) { n = list.size(); });
    return n;
}

double MergeState::progress() const {
    return phase_ == Phase::Done ? 1.0 : static_cast<double>(done_) / static_cast<double>(total_);
}

bool MergeState::step(std::size_t budget) {
    if (budget == 0) budget = 1;
    while (budget > 0 && phase_ != Phase::Done) {
        if (coll_ == std::size(kCollections)) {
            coll_ = 0;
            pos_ = 0;
            phase_ = phase_ == Phase::Index ? Phase::Mine : phase_ == Phase::Mine ? Phase::Theirs : Phase::Done;
            continue;
        }
        const Collection c = kCollections[coll_];
        const std::size_t n_mine = collection_size(c, true), n_theirs = collection_size(c, false);
        const std::size_t n = phase_ == Phase::Index ? n_mine + n_theirs : phase_ == Phase::Mine ? n_mine : n_theirs;
        const std::size_t end = std::min(n, pos_ + budget);
        switch (phase_) {
        case Phase::Index:
            if (pos_ == 0) {
                mine_index_[coll_].reserve(n_mine);
                their_index_[coll_].reserve(n_theirs);
                hashes_[coll_].reserve(n_theirs);
            }
            for (std::size_t i = pos_; i < end; ++i) {
                const bool of_mine = i < n_mine;
                with_records(of_mine ? mine : theirs, c, [&](const auto& list) {
                    const std::size_t at = of_mine ? i : i - n_mine;
                    (of_mine ? mine_index_ : their_index_)[coll_].emplace(list[at].id, at);
                });
            }
            break;
        case Phase::Mine:
            with_records(mine, c, [&](const auto& list) {
                using T = std::decay_t<decltype(list[0])>;
                with_records(theirs, c, [&](const auto& other) {
                    if constexpr (std::is_same_v<T, std::decay_t<decltype(other[0])>>)
                        for (std::size_t i = pos_; i < end; ++i) look_at_mine(c, i, list, other);
                });
            });
            break;
        case Phase::Theirs:
            with_records(theirs, c, [&](const auto& list) {
                for (std::size_t j = pos_; j < end; ++j) look_at_theirs(c, j, list);
            });
            break;
        case Phase::Done: break;
        }
        budget -= end - pos_;
        done_ += end - pos_;
        pos_ = end;
        if (pos_ >= n) {
            ++coll_;
            pos_ = 0;
        }
    }
    if (phase_ == Phase::Done && !finished_) {
        finished_ = true;
        for (std::size_t k = 0; k < std::size(kCollections); ++k) {
            sort_hashes(hashes_[k]);
            exchange.records[std::string(collection_key(kCollections[k]))] = std::move(hashes_[k]);
        }
    }
    return phase_ == Phase::Done;
}

template <typename T>
void MergeState::look_at_mine(Collection c, std::size_t i, const std::vector<T>& mine_list,
                              const std::vector<T>& their_list) {
    const std::size_t k = static_cast<std::size_t>(c);
    const T& m = mine_list[i];
    auto found = their_index_[k].find(m.id);
    const std::optional<Base> base = bases.find(c, m.id);
    if (found != their_index_[k].end()) {
        const T& t = their_list[found->second];
        const std::uint64_t ht = record_hash(t);
        hashes_[k].push_back({t.id, ht});
        const std::uint64_t hm = record_hash(m);
        if (hm == ht) return;
        const bool mine_changed = !base || hm != base->hash;
        const bool theirs_changed = !base || ht != base->hash;
        const bool redacted = redactor && ((theirs.share && theirs.share->redacted) || (base && base->peer->redacted));
        if (!theirs_changed) {
            if (!base_copy(m.extra, ht)) decisions.push_back(decision(Decision::Op::Remember, c, i, found->second));
            return;
        }
        if (!mine_changed && !redacted) {
            decisions.push_back(decision(Decision::Op::Take, c, i, found->second));
            return;
        }
        Decision d = decision(Decision::Op::Fields, c, i, found->second);
        Json mj = record_json(m), tj = record_json(t);
        if (base) {
            if (!mine_changed) d.base = mj; // a redacted file: this plan's version is the base
            else if (const Json* copy = base_copy(m.extra, base->hash)) d.base = *copy;
            else if (const Json* theirs_copy = base_copy(t.extra, base->hash)) d.base = *theirs_copy;
            else if (base->peer->redacted && redactor) {
                // A redacted share made from this record, unchanged since: redacting it again
                // gives the base back exactly (checked by its hash).
                T again = m;
                strip_base_copies(again);
                redactor->redact(again);
                if (record_hash(again) == base->hash) d.base = record_json(again);
            }
        }
        d.redacted = redacted;
        d.first_conflict = conflicts.size();
        FieldMerger fm(conflicts);
        if (redacted) fm.redaction(&*redactor);
        fm.merge(mj, tj, d.base ? &*d.base : nullptr, kind_of(c), label_of(m), std::string());
        d.conflict_count = conflicts.size() - d.first_conflict;
        decisions.push_back(std::move(d));
        return;
    }
    if (partial || !base) return; // not in their part of the plan, or new here
    if (record_hash(m) == base->hash) {
        decisions.push_back(decision(Decision::Op::Remove, c, i, kNone));
        return;
    }
    add_deletion_conflict(decisions, conflicts, decision(Decision::Op::DeletedThere, c, i, kNone), m, c);
}

template <typename T>
void MergeState::look_at_theirs(Collection c, std::size_t j, const std::vector<T>& their_list) {
    const std::size_t k = static_cast<std::size_t>(c);
    const T& t = their_list[j];
    if (mine_index_[k].count(t.id)) return; // looked at with this plan's records
    const std::uint64_t ht = record_hash(t);
    hashes_[k].push_back({t.id, ht});
    const std::optional<Base> base = bases.find(c, t.id);
    if (!base) {
        decisions.push_back(decision(Decision::Op::Create, c, kNone, j));
        return;
    }
    if (ht == base->hash) return; // deleted here, unchanged there: stays deleted
    add_deletion_conflict(decisions, conflicts, decision(Decision::Op::DeletedHere, c, kNone, j), t, c);
}

MergeReport MergeState::predicted_report() const {
    MergeReport r;
    r.base = base_text;
    r.their_name = exchange.name;
    r.their_owner = exchange.owner;
    for (const Decision& d : decisions) {
        MergeReport::Counts& n = r.of(kind_of(d.collection));
        switch (d.op) {
        case Decision::Op::Create: ++n.created; break;
        case Decision::Op::Take:
        case Decision::Op::Fields: ++n.updated; break;
        case Decision::Op::Remove: ++n.deleted; break;
        default: break;
        }
    }
    r.conflicts = static_cast<int>(conflicts.size());
    return r;
}

} // namespace footprint::core
