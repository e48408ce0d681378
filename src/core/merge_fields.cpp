// Merging two versions of one record field by field, with nested records (contacts, services)
// matched by id. Works on the JSON the plan writer writes, so every field is merged the same way,
// unknown ones included, with no list of fields to keep in step with the model.
#include "core/merge_detail.h"

#include "core/plan_json.h"

#include <algorithm>
#include <unordered_map>

namespace footprint::core::merge_detail {

namespace {

const Json* field(const Json& obj, const std::string& key) {
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
}

bool same(const Json* a, const Json* b) {
    if (!a || !b) return a == b;
    return *a == *b;
}

// A list of records: every element an object with a string "id".
bool is_record_list(const Json* v) {
    if (!v || !v->is_array() || v->empty()) return false;
    return std::all_of(v->begin(), v->end(), [](const Json& e) {
        return e.is_object() && e.contains("id") && e["id"].is_string();
    });
}

std::optional<RecordKind> nested_kind(RecordKind parent, const std::string& key, const Json* m, const Json* t,
                                      const Json* b) {
    if (parent == RecordKind::Account && key == "contacts") return RecordKind::Contact;
    if (parent == RecordKind::Account && key == "services") return RecordKind::Service;
    const bool lists = (m || t || b) && (!m || m->is_array()) && (!t || t->is_array()) && (!b || b->is_array());
    if (lists && (is_record_list(m) || is_record_list(t) || is_record_list(b)) &&
        (!m || m->empty() || is_record_list(m)) && (!t || t->empty() || is_record_list(t)) &&
        (!b || b->empty() || is_record_list(b)))
        return parent; // a list of records some future version added: merged by id as well
    return std::nullopt;
}

std::string_view policy_collection(RecordKind k) {
    switch (k) {
    case RecordKind::Contact: return "contacts";
    case RecordKind::Service: return "services";
    default: return collection_key_of(k);
    }
}

Json without(const Json& record, std::initializer_list<const char*> keys) {
    Json copy = record;
    for (const char* k : keys) copy.erase(k);
    return copy;
}

std::vector<std::string> union_keys(const Json& a, const Json& b) {
    std::vector<std::string> keys;
    for (auto it = a.begin(); it != a.end(); ++it) keys.push_back(it.key());
    for (auto it = b.begin(); it != b.end(); ++it) keys.push_back(it.key());
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

} // namespace

std::string record_label(const Json& r, RecordKind kind) {
    auto text = [&](const char* key) -> std::string {
        auto it = r.find(key);
        return it != r.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    switch (kind) {
    case RecordKind::Activity: {
        std::string s = text("subject");
        if (s.empty()) s = text("type") + " on " + text("date");
        return s;
    }
    case RecordKind::Service: return text("product");
    case RecordKind::Contact: {
        std::string n = text("name");
        if (n.empty()) n = text("title").empty() ? "A contact" : text("title");
        return n;
    }
    default: {
        std::string n = text("name");
        return n.empty() ? text("id") : n;
    }
    }
}

Timestamp modified_of(const Json& r) {
    auto it = r.find("modified");
    if (it == r.end() || !it->is_string()) return Timestamp{};
    return parse_iso_timestamp(it->get<std::string>()).value_or(Timestamp{});
}

Side FieldMerger::decide(MergeConflict c) {
    ++asked_;
    if (out_) {
        c.choice = c.default_choice();
        out_->push_back(std::move(c));
        return out_->back().choice;
    }
    if (decided_ && next_ < decided_->size()) return (*decided_)[next_++].choice;
    return c.default_choice();
}

bool FieldMerger::redacted_copy_of_mine(RecordKind kind, const std::string& key, const Json* m,
                                        const Json* t) const {
    if (!redactor_) return false;
    std::optional<RedactPolicy> policy = redact_policy(policy_collection(kind), key);
    if (!policy) {
        if (kind == RecordKind::Contact) return t == nullptr; // a share drops a contact's unknown fields
        policy = RedactPolicy::Scrub;                        // and scrubs everyone else's
    }
    switch (*policy) {
    case RedactPolicy::Keep: return false;
    case RedactPolicy::Remove: return t == nullptr || (t->is_string() && t->get_ref<const std::string&>().empty());
    case RedactPolicy::Scrub: {
        if (!m || !t) return false;
        Json copy = *m;
        redactor_->scrub_json(copy);
        return copy == *t;
    }
    }
    return false;
}

Json FieldMerger::merge(const Json& M, const Json& T, const Json* B, RecordKind kind, const std::string& label,
                        const std::string& account_id) {
    Json R = Json::object();
    const std::string id = M.value("id", std::string());
    const std::string child_account = kind == RecordKind::Account ? id : account_id;
    for (const std::string& key : union_keys(M, T)) {
        if (key == "modified" || key == kBaseCopiesKey) continue;
        const Json* m = field(M, key);
        const Json* t = field(T, key);
        const Json* b = B ? field(*B, key) : nullptr;
        if (same(m, t)) {
            if (m) R[key] = *m;
            continue;
        }
        if (auto child = nested_kind(kind, key, m, t, b)) {
            Json list = merge_list(m, t, b, B != nullptr, *child, label, child_account);
            if (!list.empty() || (m && !m->empty()) || (t && !t->empty())) R[key] = std::move(list);
            if (R.contains(key) && R[key].empty()) R.erase(key); // the writer leaves empty lists out
            continue;
        }
        if (redacted_copy_of_mine(kind, key, m, t)) {
            if (m) R[key] = *m;
            continue;
        }
        if (B) {
            if (same(m, b)) {
                if (t) R[key] = *t;
                continue;
            }
            if (same(t, b)) {
                if (m) R[key] = *m;
                continue;
            }
        }
        MergeConflict c;
        c.what = MergeConflict::What::Field;
        c.kind = kind;
        c.id = id;
        c.account_id = kind == RecordKind::Contact || kind == RecordKind::Service ? account_id : std::string();
        c.label = label;
        c.field = key;
        c.mine = m ? *m : Json();
        c.theirs = t ? *t : Json();
        c.mine_modified = modified_of(M);
        c.theirs_modified = modified_of(T);
        c.no_base = B == nullptr;
        const Json* pick = decide(std::move(c)) == Side::Mine ? m : t;
        if (pick) R[key] = *pick;
    }
    // The record is as new as the newest side it took something from.
    const Timestamp mt = modified_of(M), tt = modified_of(T);
    const Json plain_m = without(M, {"modified", "sync_base"});
    const Json plain_t = without(T, {"modified", "sync_base"});
    const Json* keep = &M;
    if (R == plain_m) keep = &M;
    else if (R == plain_t) keep = &T;
    else keep = tt > mt ? &T : &M;
    if (const Json* when = field(*keep, "modified")) R["modified"] = *when;
    return R;
}

Json FieldMerger::merge_list(const Json* mine, const Json* theirs, const Json* base, bool have_base, RecordKind kind,
                             const std::string& parent_label, const std::string& account_id) {
    static const Json kEmpty = Json::array();
    const Json& M = mine ? *mine : kEmpty;
    const Json& T = theirs ? *theirs : kEmpty;
    const Json& B = base && base->is_array() ? *base : kEmpty;
    auto by_id = [](const Json& list) {
        std::unordered_map<std::string, const Json*> m;
        for (const Json& e : list)
            if (e.is_object() && e.contains("id") && e["id"].is_string()) m.emplace(e["id"].get<std::string>(), &e);
        return m;
    };
    const auto t_by = by_id(T), b_by = by_id(B), m_by = by_id(M);
    auto label_of = [&](const Json& e) { return record_label(e, kind) + " (" + parent_label + ")"; };
    auto whole = [&](MergeConflict::What what, const Json& e) {
        MergeConflict c;
        c.what = what;
        c.kind = kind;
        c.id = e.value("id", std::string());
        c.account_id = account_id;
        c.label = label_of(e);
        c.mine_modified = what == MergeConflict::What::DeletedThere ? modified_of(e) : Timestamp{};
        c.theirs_modified = what == MergeConflict::What::DeletedHere ? modified_of(e) : Timestamp{};
        return decide(std::move(c));
    };
    Json out = Json::array();
    for (const Json& m : M) {
        const std::string id = m.value("id", std::string());
        auto t = t_by.find(id);
        auto b = b_by.find(id);
        const Json* bv = b == b_by.end() ? nullptr : b->second;
        if (t != t_by.end()) {
            // With a redacted file even "unchanged here, changed there" goes field by field, so that
            // the fields the share emptied do not empty this plan's.
            if (m == *t->second) out.push_back(m);
            else if (!redactor_ && bv && m == *bv) out.push_back(*t->second);
            else if (bv && *t->second == *bv) out.push_back(m);
            else out.push_back(merge(m, *t->second, bv, kind, label_of(m), account_id));
        } else if (have_base && bv) {
            // They deleted it: gone, unless this plan changed it since.
            if (m != *bv && whole(MergeConflict::What::DeletedThere, m) == Side::Mine) out.push_back(m);
        } else {
            out.push_back(m); // new here (or, with no base, not known to be deleted there)
        }
    }
    for (const Json& t : T) {
        const std::string id = t.value("id", std::string());
        if (m_by.count(id)) continue;
        auto b = b_by.find(id);
        if (have_base && b != b_by.end()) {
            // This plan deleted it: it stays deleted, unless they changed it since.
            if (t != *b->second && whole(MergeConflict::What::DeletedHere, t) == Side::Theirs) out.push_back(t);
        } else {
            out.push_back(t);
        }
    }
    return out;
}

template <typename T> std::optional<T> record_from_json(const Json& record, Collection c) {
    std::string doc = "{\"format\":\"footprint-plan\",\"version\":1,\"id\":\"merge\","
                      "\"created\":\"1970-01-01T00:00:00.000Z\",\"modified\":\"1970-01-01T00:00:00.000Z\",\"";
    doc += collection_key(c);
    doc += "\":[";
    doc += record.dump(-1, ' ', false, Json::error_handler_t::replace);
    doc += "]}";
    LoadResult r = read_plan_part(doc);
    if (!r.plan) return std::nullopt;
    Plan& p = *r.plan;
    if constexpr (std::is_same_v<T, Account>) return p.accounts.size() == 1 ? std::optional<T>(std::move(p.accounts[0])) : std::nullopt;
    else if constexpr (std::is_same_v<T, Opportunity>) return p.opportunities.size() == 1 ? std::optional<T>(std::move(p.opportunities[0])) : std::nullopt;
    else if constexpr (std::is_same_v<T, Activity>) return p.activities.size() == 1 ? std::optional<T>(std::move(p.activities[0])) : std::nullopt;
    else if constexpr (std::is_same_v<T, Territory>) return p.territories.size() == 1 ? std::optional<T>(std::move(p.territories[0])) : std::nullopt;
    else if constexpr (std::is_same_v<T, UpsellRule>) return p.upsell_rules.size() == 1 ? std::optional<T>(std::move(p.upsell_rules[0])) : std::nullopt;
    else return p.catalog.size() == 1 ? std::optional<T>(std::move(p.catalog[0])) : std::nullopt;
}
template std::optional<Account> record_from_json(const Json&, Collection);
template std::optional<Opportunity> record_from_json(const Json&, Collection);
template std::optional<Activity> record_from_json(const Json&, Collection);
template std::optional<Territory> record_from_json(const Json&, Collection);
template std::optional<Product> record_from_json(const Json&, Collection);
template std::optional<UpsellRule> record_from_json(const Json&, Collection);

} // namespace footprint::core::merge_detail
