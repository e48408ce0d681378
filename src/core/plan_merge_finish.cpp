// Merging, part 2: applying the decisions with the person's choices, keeping references valid,
// and turning the result into primitive changes for one undoable command.
#include "core/merge_detail.h"

#include <algorithm>
#include <tuple>
#include <unordered_set>

namespace footprint::core {

using namespace merge_detail;

namespace {

template <typename T> struct Result {
    const std::vector<T>& mine;
    const std::vector<T>& theirs;
    const MergeState::Index& mine_at;
    const MergeState::Index& their_at;
    std::unordered_map<std::string, T> put; // the final value of every record the merge writes
    std::vector<std::string> order;         // in the order they are written
    std::unordered_set<std::string> removed;
    std::unordered_set<std::string> changed; // puts that change the record (not only its base copy)

    const T* mine_of(const std::string& id) const {
        auto it = mine_at.find(id);
        return it == mine_at.end() ? nullptr : &mine[it->second];
    }
    const T* theirs_of(const std::string& id) const {
        auto it = their_at.find(id);
        return it == their_at.end() ? nullptr : &theirs[it->second];
    }
    void write(T value, bool change) {
        std::string id = value.id;
        if (change) changed.insert(id);
        removed.erase(id);
        auto [it, inserted] = put.insert_or_assign(id, std::move(value));
        if (inserted) order.push_back(std::move(id));
    }
    // The record as it is after the merge, or nullptr.
    const T* final_of(const std::string& id) const {
        if (auto it = put.find(id); it != put.end()) return &it->second;
        if (removed.count(id)) return nullptr;
        return mine_of(id);
    }
};

using Results = std::tuple<Result<Territory>, Result<Account>, Result<Opportunity>, Result<Activity>, Result<Product>,
                           Result<UpsellRule>>;

template <typename T> Result<T>& of(Results& r) { return std::get<Result<T>>(r); }

template <typename T> T without_copies(T r) {
    strip_base_copies(r);
    return r;
}

// The final record keeps theirs as the base of the next merge when the two differ.
template <typename T> void keep_theirs_as_base(T& final_record, const T& theirs) {
    const std::uint64_t ht = record_hash(theirs);
    if (record_hash(final_record) == ht || base_copy(final_record.extra, ht)) return;
    if (!final_record.extra.is_object()) final_record.extra = Json::object();
    Json& copies = final_record.extra[std::string(kBaseCopiesKey)];
    if (!copies.is_object()) copies = Json::object();
    copies[hash_text(ht)] = record_json(theirs);
}

Side choice_of(const MergePreview& p, std::size_t i) { return i < p.conflicts.size() ? p.conflicts[i].choice : Side::Mine; }

template <typename T>
void apply_decision(const MergeState& st, const MergePreview& p, const Decision& d, Result<T>& res,
                    MergeReport& report) {
    const RecordKind kind = kind_of(d.collection);
    MergeReport::Counts& n = report.of(kind);
    const T* m = d.mine == kNone ? nullptr : &res.mine[d.mine];
    const T* t = d.theirs == kNone ? nullptr : &res.theirs[d.theirs];
    switch (d.op) {
    case Decision::Op::Create:
        res.write(without_copies(*t), true);
        ++n.created;
        break;
    case Decision::Op::Take:
        res.write(without_copies(*t), true);
        ++n.updated;
        break;
    case Decision::Op::Remove:
        res.removed.insert(m->id);
        ++n.deleted;
        break;
    case Decision::Op::DeletedHere:
        if (choice_of(p, d.first_conflict) == Side::Theirs) {
            res.write(without_copies(*t), true);
            ++n.created;
        }
        break;
    case Decision::Op::DeletedThere:
        if (choice_of(p, d.first_conflict) == Side::Theirs) {
            res.removed.insert(m->id);
            ++n.deleted;
        }
        break;
    case Decision::Op::Remember: {
        T kept = *m;
        keep_theirs_as_base(kept, *t);
        res.write(std::move(kept), false);
        break;
    }
    case Decision::Op::Fields: {
        FieldMerger fm(p.conflicts, d.first_conflict);
        if (d.redacted && st.redactor) fm.redaction(&*st.redactor);
        const Json mj = record_json(*m);
        const Json merged = fm.merge(mj, record_json(*t), d.base ? &*d.base : nullptr, kind,
                                     record_label(mj, kind), std::string());
        std::optional<T> value;
        bool unchanged = merged == mj;
        if (!unchanged) {
            value = record_from_json<T>(merged, d.collection);
            if (!value) {
                // Fields from both sides broke a rule within the record (a contract ending before
                // it starts): the newer side's record is taken whole.
                const bool theirs_newer = modified_of(record_json(*t)) > modified_of(mj);
                report.notes.push_back("Took " + std::string(record_kind_noun(kind, false)) + " \u201c" +
                                       record_label(mj, kind) + "\u201d whole from " +
                                       (theirs_newer ? "their plan" : "your plan") +
                                       ": merging its fields field by field gave an invalid record.");
                if (theirs_newer) value = without_copies(*t);
                else unchanged = true;
            }
        }
        T final_record = unchanged ? *m : std::move(*value);
        if (!unchanged) {
            // Base copies this plan kept stay with the record (keep_base_copies prunes them).
            if (const Json* copies = m->extra.is_object() && m->extra.contains(std::string(kBaseCopiesKey))
                                         ? &m->extra[std::string(kBaseCopiesKey)]
                                         : nullptr) {
                if (!final_record.extra.is_object()) final_record.extra = Json::object();
                final_record.extra[std::string(kBaseCopiesKey)] = *copies;
            }
            ++n.updated;
        }
        keep_theirs_as_base(final_record, *t);
        res.write(std::move(final_record), !unchanged);
        break;
    }
    }
}

std::string quoted(const std::string& s) { return "\u201c" + s + "\u201d"; }

// A deletion that would leave a reference dangling is undone: the record is kept (this plan's
// version) or restored (theirs). Returns true when it found the record.
template <typename T> bool keep_referenced(Result<T>& res, const std::string& id, const std::string& why,
                                           MergeReport& report, RecordKind kind) {
    if (res.removed.count(id)) {
        res.removed.erase(id);
        MergeReport::Counts& n = report.of(kind);
        if (n.deleted > 0) --n.deleted;
        const T* m = res.mine_of(id);
        report.notes.push_back("Kept " + std::string(record_kind_noun(kind, false)) + " " +
                               quoted(m ? record_label(record_json(*m), kind) : id) + ": " + why);
        return true;
    }
    if (const T* t = res.theirs_of(id); t && !res.final_of(id)) {
        res.write(without_copies(*t), true);
        ++report.of(kind).created;
        report.notes.push_back("Restored " + std::string(record_kind_noun(kind, false)) + " " +
                               quoted(record_label(record_json(*t), kind)) + ": " + why);
        return true;
    }
    return false;
}

// Makes every reference in the merged plan resolve; repeats while restoring a record brings in
// another reference (an opportunity restored for an activity needs its account).
void fix_references(Results& r, MergeReport& report) {
    auto& territories = of<Territory>(r);
    auto& accounts = of<Account>(r);
    auto& opportunities = of<Opportunity>(r);
    auto& activities = of<Activity>(r);
    for (int round = 0; round < 8; ++round) {
        bool fixed = false;
        const bool any_removed = !territories.removed.empty() || !accounts.removed.empty() ||
                                 !opportunities.removed.empty();
        // Records to check: those the merge writes, and all of this plan's when it removes some.
        auto check_all = [&](auto& res, auto fn) {
            for (const std::string& id : res.order)
                if (auto it = res.put.find(id); it != res.put.end() && !res.removed.count(id)) fn(it->second);
            if (any_removed)
                for (const auto& rec : res.mine)
                    if (!res.put.count(rec.id) && !res.removed.count(rec.id)) fn(rec);
        };
        check_all(accounts, [&](const Account& a) {
            if (!a.territory_id.empty() && !territories.final_of(a.territory_id))
                fixed |= keep_referenced(territories, a.territory_id, "account " + quoted(a.name) + " is in it.",
                                         report, RecordKind::Territory);
        });
        check_all(opportunities, [&](const Opportunity& o) {
            if (!accounts.final_of(o.account_id))
                fixed |= keep_referenced(accounts, o.account_id, "opportunity " + quoted(o.name) + " is for it.",
                                         report, RecordKind::Account);
        });
        std::unordered_set<std::string> contacts; // in the merged plan
        bool contacts_known = false;
        auto contact_exists = [&](const std::string& id) {
            if (!contacts_known) {
                contacts_known = true;
                for (const Account& a : accounts.mine)
                    if (const Account* f = accounts.final_of(a.id))
                        for (const Contact& c : f->contacts) contacts.insert(c.id);
                for (const auto& [id2, a] : accounts.put)
                    if (!accounts.removed.count(id2))
                        for (const Contact& c : a.contacts) contacts.insert(c.id);
            }
            return contacts.count(id) > 0;
        };
        check_all(activities, [&](const Activity& a) {
            const std::string why = "activity " + quoted(a.subject.empty() ? std::string(to_string(a.type)) : a.subject) +
                                    " refers to it.";
            if (!accounts.final_of(a.account_id))
                fixed |= keep_referenced(accounts, a.account_id, why, report, RecordKind::Account);
            if (!a.opportunity_id.empty() && !opportunities.final_of(a.opportunity_id))
                fixed |= keep_referenced(opportunities, a.opportunity_id, why, report, RecordKind::Opportunity);
            if (!a.contact_id.empty() && !contact_exists(a.contact_id)) {
                // A contact deleted on one side: put it back into its account, from whichever plan has it.
                for (const auto* side : {&accounts.mine, &accounts.theirs})
                    for (const Account& holder : *side)
                        for (const Contact& c : holder.contacts)
                            if (c.id == a.contact_id) {
                                const Account* f = accounts.final_of(holder.id);
                                if (!f) continue;
                                Account copy = *f;
                                copy.contacts.push_back(c);
                                accounts.write(std::move(copy), true);
                                contacts.insert(c.id);
                                report.notes.push_back("Kept contact " + quoted(c.name) + ": " + why);
                                fixed = true;
                                goto next_activity;
                            }
            next_activity:;
            }
        });
        if (!fixed) break;
    }
}

// Opportunities name their stage; a stage only the other plan has is added after this plan's.
std::vector<Stage> stages_needed(const Plan& mine, const Plan& theirs, const Result<Opportunity>& opps,
                                 MergeReport& report) {
    std::vector<Stage> stages = mine.stages;
    auto has = [&](const std::string& name) {
        return std::any_of(stages.begin(), stages.end(), [&](const Stage& s) { return s.name == name; });
    };
    for (const std::string& id : opps.order) {
        const Opportunity& o = opps.put.at(id);
        if (opps.removed.count(id) || has(o.stage)) continue;
        for (const Stage& s : theirs.stages)
            if (s.name == o.stage) {
                stages.push_back(s);
                report.notes.push_back("Added stage " + quoted(s.name) + ", which their opportunities use.");
            }
    }
    return stages;
}

// Contacts and services created, changed or deleted inside the accounts the merge writes.
void count_nested(const Result<Account>& accounts, MergeReport& report) {
    auto count = [&](const auto& before, const auto& after, RecordKind kind) {
        MergeReport::Counts& n = report.of(kind);
        std::unordered_map<std::string, std::uint64_t> old;
        for (const auto& r : before) old.emplace(r.id, record_hash(r));
        for (const auto& r : after) {
            auto it = old.find(r.id);
            if (it == old.end()) ++n.created;
            else {
                if (it->second != record_hash(r)) ++n.updated;
                old.erase(it);
            }
        }
        n.deleted += static_cast<int>(old.size());
    };
    for (const std::string& id : accounts.changed) {
        if (accounts.removed.count(id)) continue;
        const Account& after = accounts.put.at(id);
        const Account* before = accounts.mine_of(id);
        static const Account kNoAccount;
        count((before ? *before : kNoAccount).contacts, after.contacts, RecordKind::Contact);
        count((before ? *before : kNoAccount).services, after.services, RecordKind::Service);
    }
}

template <typename T> void emit(Result<T>& res, std::vector<Change>& changes) {
    for (const std::string& id : res.order)
        if (!res.removed.count(id)) changes.push_back(Put<T>{std::move(res.put.at(id)), std::nullopt, false});
}
template <typename T> void emit_removals(const Result<T>& res, std::vector<Change>& changes) {
    std::vector<std::string> ids(res.removed.begin(), res.removed.end());
    std::sort(ids.begin(), ids.end());
    for (std::string& id : ids)
        if (res.mine_of(id)) changes.push_back(Remove<T>{std::move(id)});
}

// The catalog and the upsell rules are lists set whole: this plan's order, new ones at the end.
template <typename T> void emit_list(Result<T>& res, const std::vector<T>& mine, std::vector<Change>& changes) {
    if (res.put.empty() && res.removed.empty()) return;
    std::vector<T> list;
    for (const T& x : mine) {
        if (res.removed.count(x.id)) continue;
        auto it = res.put.find(x.id);
        list.push_back(it != res.put.end() ? std::move(it->second) : x);
        if (it != res.put.end()) res.put.erase(it);
    }
    for (const std::string& id : res.order)
        if (auto it = res.put.find(id); it != res.put.end()) list.push_back(std::move(it->second));
    changes.push_back(Set<std::vector<T>>{std::move(list)});
}

} // namespace

MergeOutcome finish_merge(const Plan& mine, const MergePreview& preview, Timestamp now) {
    const MergeState& st = *preview.state;
    const Plan& theirs = st.theirs;
    MergeOutcome out;
    MergeReport& report = out.report;
    report.base = st.base_text;
    report.their_name = st.exchange.name;
    report.their_owner = st.exchange.owner;
    Results r{
        Result<Territory>{mine.territories, theirs.territories, st.mine_index(Collection::Territories),
                          st.their_index(Collection::Territories), {}, {}, {}, {}},
        Result<Account>{mine.accounts, theirs.accounts, st.mine_index(Collection::Accounts),
                        st.their_index(Collection::Accounts), {}, {}, {}, {}},
        Result<Opportunity>{mine.opportunities, theirs.opportunities, st.mine_index(Collection::Opportunities),
                            st.their_index(Collection::Opportunities), {}, {}, {}, {}},
        Result<Activity>{mine.activities, theirs.activities, st.mine_index(Collection::Activities),
                         st.their_index(Collection::Activities), {}, {}, {}, {}},
        Result<Product>{mine.catalog, theirs.catalog, st.mine_index(Collection::Catalog),
                        st.their_index(Collection::Catalog), {}, {}, {}, {}},
        Result<UpsellRule>{mine.upsell_rules, theirs.upsell_rules, st.mine_index(Collection::UpsellRules),
                           st.their_index(Collection::UpsellRules), {}, {}, {}, {}},
    };
    for (const Decision& d : st.decisions) {
        switch (d.collection) {
        case Collection::Territories: apply_decision(st, preview, d, of<Territory>(r), report); break;
        case Collection::Accounts: apply_decision(st, preview, d, of<Account>(r), report); break;
        case Collection::Opportunities: apply_decision(st, preview, d, of<Opportunity>(r), report); break;
        case Collection::Activities: apply_decision(st, preview, d, of<Activity>(r), report); break;
        case Collection::Catalog: apply_decision(st, preview, d, of<Product>(r), report); break;
        case Collection::UpsellRules: apply_decision(st, preview, d, of<UpsellRule>(r), report); break;
        }
    }
    for (const MergeConflict& c : preview.conflicts) (c.choice == Side::Mine ? report.took_mine : report.took_theirs)++;
    report.conflicts = static_cast<int>(preview.conflicts.size());
    fix_references(r, report);
    count_nested(of<Account>(r), report);

    // Before the records are moved into the changes: the stages are read off the opportunities.
    std::vector<Stage> stages = stages_needed(mine, theirs, of<Opportunity>(r), report);
    std::vector<Change>& changes = out.changes;
    emit(of<Territory>(r), changes);
    emit(of<Account>(r), changes);
    emit(of<Opportunity>(r), changes);
    emit(of<Activity>(r), changes);
    emit_removals(of<Activity>(r), changes);
    emit_removals(of<Opportunity>(r), changes);
    emit_removals(of<Account>(r), changes);
    emit_removals(of<Territory>(r), changes);
    if (stages.size() != mine.stages.size())
        changes.push_back(Set<std::vector<Stage>>{std::move(stages)});
    emit_list(of<Product>(r), mine.catalog, changes);
    emit_list(of<UpsellRule>(r), mine.upsell_rules, changes);

    // This exchange, for the next merge. A part of their plan updates what was known of the rest.
    SyncPeer exchange = st.exchange;
    // Exchanges are ordered by time to find the newest base, and the other plan's times come from
    // another computer's clock: this one is kept later than every exchange it was compared with,
    // so it is the newest even when this computer's clock is behind (a Lamport clock).
    exchange.at = now;
    for (const Bases::Candidate& k : st.bases.candidates)
        exchange.at = std::max(exchange.at, Timestamp{k.peer->at.ms + 1});
    if (st.partial)
        for (const SyncPeer& previous : mine.sync)
            if (previous.id == exchange.id && previous.kind == SyncPeer::Kind::Merged)
                for (const auto& [collection, old] : previous.records) {
                    std::vector<RecordHash>& list = exchange.records[collection];
                    std::unordered_set<std::string_view> fresh;
                    for (const RecordHash& h : list) fresh.insert(h.id);
                    for (const RecordHash& h : old)
                        if (!fresh.count(h.id)) list.push_back(h);
                    sort_hashes(list);
                }
    // Merging the same file again changes nothing, not even this record.
    const bool known = std::any_of(mine.sync.begin(), mine.sync.end(), [&](const SyncPeer& p) {
        return p.id == exchange.id && p.kind == exchange.kind && p.file == exchange.file && p.records == exchange.records;
    });
    if (!changes.empty() || !known) changes.push_back(PutSyncPeer{std::move(exchange)});
    return out;
}

} // namespace footprint::core
