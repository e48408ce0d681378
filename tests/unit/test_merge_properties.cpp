// Merge properties on generated plans: two plans edited at random from a common exchange. Checked
// against an oracle that applies the rule value by value (a field changed on one side only is
// taken; both changed: the newer side), and for idempotence and order independence.
#include "core/synthetic_plan.h"

#include <doctest/doctest.h>

#include "merge_test_util.h"

#include <random>
#include <set>

using namespace merge_test;

namespace {

Timestamp at(int minute) {
    return Timestamp{std::int64_t{date_from_ymd(2026, 4, 1).days} * 86'400'000 + std::int64_t{minute} * 60'000};
}

// Random edits of the kinds people make, through the document as the app does. Deletions are
// limited to records nothing can refer to afterwards (activities, unreferenced deals and
// contacts), and new activities refer only to deals and contacts made on the same side, so the
// oracle need not know the reference rules (those have their own tests).
class Editor {
public:
    Editor(app::Document& doc, std::uint64_t seed, std::string side, int first_minute)
        : doc_(doc), rng_(seed), side_(std::move(side)), minute_(first_minute) {}

    void edits(int n) {
        for (int i = 0; i < n; ++i) one();
    }

private:
    int pick(std::size_t n) { return static_cast<int>(rng_() % (n ? n : 1)); }
    std::string fresh(const char* prefix) { return std::string(prefix) + "-" + side_ + "-" + std::to_string(++made_); }
    Timestamp tick() { return at(minute_ += 2); } // sides never share a minute: "newer" is decided
    template <typename T> void put(T r) { doc_.execute(app::Command{"Edit", {Put<T>{std::move(r), std::nullopt, true}}}, tick()); }
    const Plan& plan() const { return doc_.plan(); }
    std::string word() {
        static const char* const kWords[] = {"renewal", "fiber", "SD-WAN", "quote", "budget", "CFO", "expansion", "voice"};
        return std::string(kWords[pick(std::size(kWords))]) + " " + std::to_string(pick(1000));
    }
    bool referenced_opportunity(const std::string& id) const {
        for (const Activity& a : plan().activities)
            if (a.opportunity_id == id) return true;
        return false;
    }
    bool referenced_contact(const std::string& id) const {
        for (const Activity& a : plan().activities)
            if (a.contact_id == id) return true;
        return false;
    }

    void one() {
        const Plan& p = plan();
        if (p.accounts.empty()) return;
        Account a = p.accounts[static_cast<std::size_t>(pick(p.accounts.size()))];
        switch (pick(13)) {
        case 0: a.notes = word(); put(a); break;
        case 1: a.industry = word(); put(a); break;
        case 2: a.employees = pick(5000); put(a); break;
        case 3: a.tags.push_back(word()); put(a); break;
        case 4:
            if (!a.contacts.empty()) {
                Contact& c = a.contacts[static_cast<std::size_t>(pick(a.contacts.size()))];
                (pick(2) ? c.phone : c.title) = word();
                c.modified = tick();
                put(a);
            }
            break;
        case 5: {
            Contact c;
            c.id = fresh("con");
            c.name = "New " + word();
            c.modified = tick();
            a.contacts.push_back(c);
            put(a);
            break;
        }
        case 6:
            for (std::size_t k = 0; k < a.contacts.size(); ++k)
                if (!referenced_contact(a.contacts[k].id)) {
                    a.contacts.erase(a.contacts.begin() + static_cast<std::ptrdiff_t>(k));
                    put(a);
                    break;
                }
            break;
        case 7:
            if (!a.services.empty()) {
                Service& s = a.services[static_cast<std::size_t>(pick(a.services.size()))];
                s.mrc = 100 * pick(5000);
                s.modified = tick();
                put(a);
            }
            break;
        case 8:
            if (!p.opportunities.empty()) {
                Opportunity o = p.opportunities[static_cast<std::size_t>(pick(p.opportunities.size()))];
                switch (pick(3)) {
                case 0: o.stage = p.stages[static_cast<std::size_t>(pick(p.stages.size()))].name; break;
                case 1: o.mrc = 100 * pick(9000); break;
                default: o.next_step = word();
                }
                put(o);
            }
            break;
        case 9: {
            Opportunity o;
            o.id = fresh("opp");
            o.account_id = a.id;
            o.name = word();
            o.stage = p.stages.front().name;
            o.mrc = 100 * pick(9000);
            put(o);
            mine_opps_.push_back(o.id);
            break;
        }
        case 10:
            if (!p.opportunities.empty()) {
                const Opportunity& o = p.opportunities[static_cast<std::size_t>(pick(p.opportunities.size()))];
                if (!referenced_opportunity(o.id) &&
                    std::find(mine_opps_.begin(), mine_opps_.end(), o.id) == mine_opps_.end())
                    doc_.execute(app::Command{"Delete", {Remove<Opportunity>{o.id}}}, tick());
            }
            break;
        case 11: {
            Activity v;
            v.id = fresh("act");
            v.account_id = a.id;
            v.date = date_from_ymd(2026, 4, 1 + pick(28));
            v.subject = word();
            for (const std::string& id : mine_opps_)
                for (const Opportunity& o : p.opportunities)
                    if (o.id == id && o.account_id == a.id) v.opportunity_id = id;
            if (pick(3) == 0) v.extra["x_crm_field"] = word(); // a field this version does not know
            put(v);
            break;
        }
        default:
            if (!p.activities.empty()) {
                if (pick(2)) {
                    Activity v = p.activities[static_cast<std::size_t>(pick(p.activities.size()))];
                    v.outcome = word();
                    if (pick(2)) v.extra["x_score"] = pick(100);
                    put(v);
                } else {
                    doc_.execute(app::Command{"Delete", {Remove<Activity>{p.activities[static_cast<std::size_t>(pick(p.activities.size()))].id}}},
                                 tick());
                }
            }
        }
    }

    app::Document& doc_;
    std::mt19937_64 rng_;
    std::string side_;
    int minute_;
    int made_ = 0;
    std::vector<std::string> mine_opps_;
};

// Path -> value for every field of every record ("accounts/acc-1/notes",
// "accounts/acc-1/contacts/con-2/phone"), and path -> modified time of the record holding it.
struct Fields {
    std::map<std::string, Json> value;
    std::map<std::string, Timestamp> when;
    std::set<std::string> records; // "accounts/acc-1", "accounts/acc-1/contacts/con-2"
};

void flatten(const std::string& path, const Json& record, Fields& out) {
    out.records.insert(path);
    Timestamp when = parse_iso_timestamp(record.value("modified", std::string())).value_or(Timestamp{});
    for (auto it = record.begin(); it != record.end(); ++it) {
        if (it.key() == "modified") continue;
        if (it.key() == "contacts" || it.key() == "services") {
            for (const Json& sub : *it) flatten(path + "/" + it.key() + "/" + sub["id"].get<std::string>(), sub, out);
            continue;
        }
        out.value[path + "/" + it.key()] = *it;
        out.when[path + "/" + it.key()] = when;
    }
}

Fields fields_of(const Plan& p) {
    Fields f;
    for (const auto& [path, j] : records(p)) flatten(path, j, f);
    return f;
}

std::string record_of(const std::string& field_path) { return field_path.substr(0, field_path.rfind('/')); }

// What the merge of B into A must give, value by value, against their common base O.
// Returns false when a field or record is in conflict (both changed it).
bool expected(const Fields& o, const Fields& a, const Fields& b, Fields& out) {
    bool clean = true;
    std::set<std::string> records;
    records.insert(a.records.begin(), a.records.end());
    records.insert(b.records.begin(), b.records.end());
    records.insert(o.records.begin(), o.records.end());
    auto changed_record = [&](const Fields& side, const std::string& rec) {
        for (auto it = side.value.lower_bound(rec + "/"); it != side.value.end() && it->first.rfind(rec + "/", 0) == 0; ++it) {
            auto ov = o.value.find(it->first);
            if (ov == o.value.end() || ov->second != it->second) return true;
        }
        for (auto it = o.value.lower_bound(rec + "/"); it != o.value.end() && it->first.rfind(rec + "/", 0) == 0; ++it)
            if (!side.value.count(it->first)) return true;
        return false;
    };
    for (const std::string& rec : records) {
        const bool in_o = o.records.count(rec), in_a = a.records.count(rec), in_b = b.records.count(rec);
        // A record whose parent is gone goes with it.
        const std::string parent = rec.find("/contacts/") != std::string::npos || rec.find("/services/") != std::string::npos
                                       ? rec.substr(0, rec.find('/', rec.find('/') + 1))
                                       : std::string();
        bool keep = in_a || in_b;
        if (in_o && in_a != in_b) { // deleted on one side
            const Fields& present = in_a ? a : b;
            if (changed_record(present, rec)) clean = false, keep = in_a; // conflict; default keeps the change
            else keep = false;
            if (!in_a && changed_record(b, rec)) keep = true;
        }
        if (!parent.empty() && !out.records.count(parent) && !(a.records.count(parent) || b.records.count(parent))) keep = false;
        if (keep) out.records.insert(rec);
    }
    std::set<std::string> paths;
    for (const auto* f : {&a, &b})
        for (const auto& [k, v] : f->value) paths.insert(k);
    for (const std::string& path : paths) {
        if (!out.records.count(record_of(path))) continue;
        auto get = [&](const Fields& f) -> const Json* {
            auto it = f.value.find(path);
            return it == f.value.end() ? nullptr : &it->second;
        };
        const Json *ov = get(o), *av = get(a), *bv = get(b);
        const bool rec_in_a = a.records.count(record_of(path)), rec_in_b = b.records.count(record_of(path));
        const Json* pick = nullptr;
        if (!rec_in_b) pick = av;
        else if (!rec_in_a) pick = bv;
        else if ((av && bv && *av == *bv) || (!av && !bv)) pick = av;
        else if ((!av && !ov) || (av && ov && *av == *ov)) pick = bv;
        else if ((!bv && !ov) || (bv && ov && *bv == *ov)) pick = av;
        else {
            clean = false;
            pick = b.when.at(path) > a.when.at(path) ? bv : av;
        }
        if (pick) out.value[path] = *pick;
    }
    return clean;
}

std::string first_difference(const Fields& want, const Fields& got) {
    for (const auto& [k, v] : want.value) {
        auto it = got.value.find(k);
        if (it == got.value.end()) return "missing " + k + " = " + v.dump();
        if (it->second != v) return k + ": want " + v.dump() + ", got " + it->second.dump();
    }
    for (const auto& [k, v] : got.value)
        if (!want.value.count(k)) return "unexpected " + k + " = " + v.dump();
    return "";
}

std::map<std::string, Json> content(const Plan& p) {
    std::map<std::string, Json> out = records(p);
    for (auto& [k, j] : out) {
        j.erase("modified");
        for (const char* key : {"contacts", "services"})
            if (j.contains(key))
                for (Json& sub : j[key]) sub.erase("modified");
    }
    return out;
}

std::string record_difference(const std::map<std::string, Json>& x, const std::map<std::string, Json>& y) {
    for (const auto& [k, v] : x) {
        auto it = y.find(k);
        if (it == y.end()) return "only in the first: " + k;
        if (it->second != v) {
            for (auto f = v.begin(); f != v.end(); ++f)
                if (!it->second.contains(f.key()) || it->second[f.key()] != *f)
                    return k + "/" + f.key() + ": " + f->dump() + " vs " +
                           (it->second.contains(f.key()) ? it->second[f.key()].dump() : std::string("(absent)"));
            return k + ": a field only in the second";
        }
    }
    for (const auto& [k, v] : y)
        if (!x.count(k)) return "only in the second: " + k;
    return "";
}

} // namespace

TEST_CASE("merge properties: nothing lost, idempotent, order-independent without conflicts (generated plans)") {
    int clean_runs = 0, conflict_runs = 0;
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        CAPTURE(seed);
        Plan base = make_synthetic_plan(10, 30, seed);
        base.id = "plan-a";
        app::Document a(std::move(base));
        app::Document b(make_empty_plan("plan-b", "B", at(0)));
        Plan s = share(a, {}, "plan-share-" + std::to_string(seed), at(1));
        merge_into(b, s, at(1));
        const Fields origin = fields_of(a.plan());
        REQUIRE(fields_of(b.plan()).value == origin.value);

        const int n = 1 + static_cast<int>(seed % 12);
        Editor(a, seed * 31, "a", 10).edits(n);
        Editor(b, seed * 57, "b", 11).edits(n);
        REQUIRE(check_plan(a.plan()).empty());
        REQUIRE(check_plan(b.plan()).empty());
        const Plan a_before = a.plan(), b_before = b.plan();
        const Fields fa = fields_of(a_before), fb = fields_of(b_before);

        // B into A: every value is what the rule says (nothing lost; conflicts go to the newer).
        Fields want;
        const bool clean = expected(origin, fa, fb, want);
        MergeOutcome ab = merge_plans(a_before, through_file(b_before), at(500));
        if (clean) CHECK(ab.report.conflicts == 0);
        else CHECK(ab.report.conflicts > 0);
        a.execute(app::Command{"Merge", std::move(ab.changes)}, at(500));
        CHECK(check_plan(a.plan()).empty());
        const Fields got = fields_of(a.plan());
        CHECK(first_difference(want, got) == "");
        CHECK(want.records == got.records);

        // Idempotent: the same file again changes nothing.
        MergeOutcome again = merge_plans(a.plan(), through_file(b_before), at(501));
        CHECK(again.changes.empty());
        CHECK(again.report.conflicts == 0);

        // Order-independent when nothing conflicts: A into B gives the same records.
        MergeOutcome ba = merge_plans(b_before, through_file(a_before), at(502));
        if (clean) {
            ++clean_runs;
            CHECK(ba.report.conflicts == 0);
            b.execute(app::Command{"Merge", std::move(ba.changes)}, at(502));
            // Content, that is: a record saved without a change keeps each side's modified time.
            CHECK(record_difference(content(b.plan()), content(a.plan())) == "");
        } else {
            ++conflict_runs;
            CHECK(ba.report.conflicts > 0);
        }
    }
    // The generator exercises both cases.
    CHECK(clean_runs > 10);
    CHECK(conflict_runs > 5);
}
