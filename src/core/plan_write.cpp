// Writing a plan file straight into one string (no DOM), in slices for the web app's frames.
#include "core/plan_json.h"
#include "core/plan_json_detail.h"

#include <limits>
#include <type_traits>

namespace footprint::core {

namespace {

using plan_json_detail::append_date;
using plan_json_detail::append_double;
using plan_json_detail::append_int;
using plan_json_detail::append_timestamp;
using plan_json_detail::is_known_field;
using plan_json_detail::Kind;

// One JSON object being written: keys are emitted in call order, with commas between them.
class Obj {
public:
    explicit Obj(std::string& s) : s_(s) { s_ += '{'; }
    void key(std::string_view k) { // k is a known field name: no escaping needed
        s_ += first_ ? "\"" : ",\"";
        first_ = false;
        s_ += k;
        s_ += "\":";
    }
    void date_key(Date d) { // a date as an object key: "YYYY-MM-DD" needs no escaping
        s_ += first_ ? "" : ",";
        first_ = false;
        append_date(s_, d);
        s_ += ':';
    }
    void str(std::string_view k, std::string_view v) {
        key(k);
        append_json_string(s_, v);
    }
    void str_if(std::string_view k, std::string_view v) {
        if (!v.empty()) str(k, v);
    }
    void integer(std::string_view k, std::int64_t v) {
        key(k);
        append_int(s_, v);
    }
    void number(std::string_view k, double v) {
        key(k);
        append_double(s_, v);
    }
    void boolean(std::string_view k, bool v) {
        key(k);
        s_ += v ? "true" : "false";
    }
    void date(std::string_view k, Date d) {
        key(k);
        append_date(s_, d);
    }
    void date_if(std::string_view k, const std::optional<Date>& d) {
        if (d) date(k, *d);
    }
    void timestamp(std::string_view k, Timestamp t) {
        key(k);
        append_timestamp(s_, t);
    }
    void strings_if(std::string_view k, const std::vector<std::string>& v) {
        if (v.empty()) return;
        key(k);
        s_ += '[';
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i) s_ += ',';
            append_json_string(s_, v[i]);
        }
        s_ += ']';
    }
    template <class T, class Fn>
    void array(std::string_view k, const std::vector<T>& v, Fn each) {
        key(k);
        s_ += '[';
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i) s_ += ',';
            each(s_, v[i]);
        }
        s_ += ']';
    }
    template <class T, class Fn>
    void array_if(std::string_view k, const std::vector<T>& v, Fn each) {
        if (!v.empty()) array(k, v, each);
    }
    // Unknown fields kept from the file, after the known ones; a known name in extra loses.
    void extra(const Json& extra, Kind kind) {
        const auto* obj = extra.get_ptr<const Json::object_t*>();
        if (!obj) return;
        for (const auto& [k, v] : *obj) {
            if (is_known_field(kind, k)) continue;
            s_ += first_ ? "" : ",";
            first_ = false;
            append_json_string(s_, k);
            s_ += ':';
            s_ += v.dump(-1, ' ', false, Json::error_handler_t::replace);
        }
    }
    void close() { s_ += '}'; }

private:
    std::string& s_;
    bool first_ = true;
};

void write_latlon(std::string& s, const LatLon& p) {
    Obj o(s);
    o.number("lat", p.lat);
    o.number("lon", p.lon);
    o.close();
}

void write_point(std::string& s, const LatLon& p) { // GeoJSON order
    s += '[';
    append_double(s, p.lon);
    s += ',';
    append_double(s, p.lat);
    s += ']';
}

void write_contact(std::string& s, const Contact& c) {
    Obj o(s);
    o.str("id", c.id);
    o.str("name", c.name);
    o.str_if("salesforce_id", c.salesforce_id);
    o.str_if("title", c.title);
    o.str_if("role", c.role);
    o.str_if("phone", c.phone);
    o.str_if("email", c.email);
    o.boolean("primary", c.primary);
    o.timestamp("modified", c.modified);
    o.extra(c.extra, Kind::Contact);
    o.close();
}

void write_service(std::string& s, const Service& v) {
    Obj o(s);
    o.str("id", v.id);
    o.str("product", v.product);
    o.str_if("family", v.family);
    o.integer("quantity", v.quantity);
    o.integer("mrc", v.mrc);
    o.integer("term_months", v.term_months);
    o.date_if("contract_start", v.contract_start);
    o.date_if("contract_end", v.contract_end);
    o.boolean("auto_renew", v.auto_renew);
    if (v.notice_days) o.integer("notice_days", *v.notice_days);
    o.integer("bandwidth_mbps", v.bandwidth_mbps);
    o.timestamp("modified", v.modified);
    o.extra(v.extra, Kind::Service);
    o.close();
}

bool is_default(const Address& a) {
    return a.street.empty() && a.city.empty() && a.state.empty() && a.postal_code.empty() &&
           a.country == Address{}.country;
}

bool is_default(const FormerClient& f) {
    const FormerClient d;
    return !f.lost_date && f.reason.empty() && f.competitor.empty() &&
           f.competitor_term_months == d.competitor_term_months && !f.competitor_contract_end;
}

void write_account(std::string& s, const Account& a) {
    Obj o(s);
    o.str("id", a.id);
    o.str_if("salesforce_id", a.salesforce_id);
    o.str("name", a.name);
    o.str("status", to_string(a.status));
    o.str_if("industry", a.industry);
    o.integer("employees", a.employees);
    o.integer("sites", a.sites);
    o.str_if("billing_account", a.billing_account);
    if (!is_default(a.address)) {
        o.key("address");
        Obj ad(s);
        ad.str_if("street", a.address.street);
        ad.str_if("city", a.address.city);
        ad.str_if("state", a.address.state);
        ad.str_if("postal_code", a.address.postal_code);
        ad.str("country", a.address.country);
        ad.close();
    }
    if (a.location) {
        o.key("location");
        write_latlon(s, *a.location);
    }
    o.boolean("location_approximate", a.location_approximate);
    o.str_if("owner", a.owner);
    o.str_if("territory_id", a.territory_id);
    o.strings_if("tags", a.tags);
    o.str_if("notes", a.notes);
    if (!is_default(a.former)) {
        o.key("former");
        Obj f(s);
        f.date_if("lost_date", a.former.lost_date);
        f.str_if("reason", a.former.reason);
        f.str_if("competitor", a.former.competitor);
        f.integer("competitor_term_months", a.former.competitor_term_months);
        f.date_if("competitor_contract_end", a.former.competitor_contract_end);
        f.close();
    }
    o.timestamp("modified", a.modified);
    o.array_if("contacts", a.contacts, write_contact);
    o.array_if("services", a.services, write_service);
    o.extra(a.extra, Kind::Account);
    o.close();
}

void write_opportunity(std::string& s, const Opportunity& p) {
    Obj o(s);
    o.str("id", p.id);
    o.str_if("salesforce_id", p.salesforce_id);
    o.str("account_id", p.account_id);
    o.str("name", p.name);
    o.str("type", to_string(p.type));
    o.str("stage", p.stage);
    o.integer("probability", p.probability);
    o.str("forecast_category", to_string(p.forecast_category));
    o.integer("mrc", p.mrc);
    o.integer("otc", p.otc);
    o.integer("term_months", p.term_months);
    o.date_if("close_date", p.close_date);
    o.date_if("created", p.created);
    o.strings_if("products", p.products);
    o.str_if("next_step", p.next_step);
    o.str_if("loss_reason", p.loss_reason);
    o.str_if("owner", p.owner);
    o.timestamp("modified", p.modified);
    o.extra(p.extra, Kind::Opportunity);
    o.close();
}

void write_activity(std::string& s, const Activity& a) {
    Obj o(s);
    o.str("id", a.id);
    o.str("account_id", a.account_id);
    o.str_if("contact_id", a.contact_id);
    o.str_if("opportunity_id", a.opportunity_id);
    o.str("type", to_string(a.type));
    o.date("date", a.date);
    if (a.start_minute) o.integer("start_minute", *a.start_minute);
    o.integer("duration_minutes", a.duration_minutes);
    o.str_if("subject", a.subject);
    o.str_if("outcome", a.outcome);
    o.str_if("notes", a.notes);
    o.str_if("next_step", a.next_step);
    o.date_if("next_step_due", a.next_step_due);
    o.boolean("next_step_done", a.next_step_done);
    // Route planning fields: written only when set, so plans that never plan a route stay as
    // they were (docs/plan-format.md).
    if (a.fixed_time) o.boolean("fixed_time", true);
    if (a.locked) o.boolean("locked", true);
    if (a.checked_in) o.timestamp("checked_in", *a.checked_in);
    o.timestamp("modified", a.modified);
    o.extra(a.extra, Kind::Activity);
    o.close();
}

void write_territory(std::string& s, const Territory& t) {
    Obj o(s);
    o.str("id", t.id);
    o.str("name", t.name);
    o.str("color", t.color);
    o.array_if("polygons", t.polygons, [](std::string& out, const Polygon& poly) {
        out += '[';
        for (std::size_t r = 0; r < poly.size(); ++r) {
            if (r) out += ',';
            out += '[';
            for (std::size_t i = 0; i < poly[r].size(); ++i) {
                if (i) out += ',';
                write_point(out, poly[r][i]);
            }
            out += ']';
        }
        out += ']';
    });
    o.strings_if("zip_codes", t.zip_codes);
    o.strings_if("counties", t.counties);
    o.timestamp("modified", t.modified);
    o.extra(t.extra, Kind::Territory);
    o.close();
}

void write_stage(std::string& s, const Stage& st) {
    Obj o(s);
    o.str("name", st.name);
    o.integer("probability", st.probability);
    o.str("category", to_string(st.category));
    o.boolean("closed", st.closed);
    o.boolean("won", st.won);
    o.close();
}

void write_product(std::string& s, const Product& p) {
    Obj o(s);
    o.str("id", p.id);
    o.str("family", p.family);
    o.str("name", p.name);
    o.str("unit", p.unit);
    o.integer("bandwidth_mbps", p.bandwidth_mbps);
    o.array("prices", p.prices, [](std::string& out, const TermPrice& tp) {
        Obj po(out);
        po.integer("term_months", tp.term_months);
        po.integer("mrc", tp.mrc);
        po.close();
    });
    o.integer("otc", p.otc);
    o.boolean("example_price", p.example_price);
    o.extra(p.extra, Kind::Product);
    o.close();
}

void write_rule(std::string& s, const UpsellRule& r) {
    Obj o(s);
    o.str("id", r.id);
    o.str("name", r.name);
    o.boolean("enabled", r.enabled);
    o.integer("min_sites", r.min_sites);
    o.integer("min_employees", r.min_employees);
    o.integer("max_employees", r.max_employees);
    o.integer("max_bandwidth_mbps", r.max_bandwidth_mbps);
    o.str_if("has_family", r.has_family);
    o.str_if("lacks_family", r.lacks_family);
    o.strings_if("industries", r.industries);
    o.str("product", r.product);
    o.str("quantity", to_string(r.quantity_basis));
    o.integer("units", r.units);
    o.integer("per", r.per);
    o.boolean("upgrade", r.upgrade);
    o.str_if("note", r.note);
    o.extra(r.extra, Kind::UpsellRule);
    o.close();
}

void write_settings(std::string& s, const Settings& st) {
    Obj o(s);
    o.str("home_label", st.home_label);
    if (st.home) {
        o.key("home");
        write_latlon(s, *st.home);
    }
    o.integer("work_start_minute", st.work_start_minute);
    o.integer("work_end_minute", st.work_end_minute);
    o.integer("lunch_start_minute", st.lunch_start_minute);
    o.integer("lunch_minutes", st.lunch_minutes);
    o.integer("default_meeting_minutes", st.default_meeting_minutes);
    o.number("average_speed_kmh", st.average_speed_kmh);
    o.number("road_factor", st.road_factor);
    o.str("timezone", st.timezone);
    o.str("currency", st.currency);
    if (!st.route_days.empty()) {
        o.key("route_days");
        Obj days(s);
        for (const auto& [date, places] : st.route_days) {
            days.date_key(date);
            Obj day(s);
            auto place = [&](std::string_view k, const std::optional<RoutePlace>& pl) {
                if (!pl) return;
                day.key(k);
                Obj po(s);
                po.str("label", pl->label);
                po.number("lat", pl->point.lat);
                po.number("lon", pl->point.lon);
                po.close();
            };
            place("start", places.start);
            place("end", places.end);
            day.close();
        }
        days.close();
    }
    o.integer("renewal_notice_days", st.renewal_notice_days);
    o.integer("winback_window_days", st.winback_window_days);
    o.key("priority_weights");
    Obj w(s);
    w.integer("renewal", st.priority_weights.renewal);
    w.integer("revenue", st.priority_weights.revenue);
    w.integer("winback", st.priority_weights.winback);
    w.integer("upsell", st.priority_weights.upsell);
    w.integer("recency", st.priority_weights.recency);
    w.close();
    o.extra(st.extra, Kind::Settings);
    o.close();
}

void write_quota(std::string& s, const Quota& q) {
    Obj o(s);
    o.integer("monthly_revenue", q.monthly_revenue);
    if (!q.month_override.empty()) {
        o.key("month_override");
        Obj m(s);
        for (const auto& [ym, cents] : q.month_override) m.integer(format_year_month(ym), cents);
        m.close();
    }
    o.key("weekly_goals");
    Obj g(s);
    g.integer("calls", q.weekly_goals.calls);
    g.integer("visits", q.weekly_goals.visits);
    g.integer("meetings", q.weekly_goals.meetings);
    g.integer("emails", q.weekly_goals.emails);
    g.integer("events", q.weekly_goals.events);
    g.integer("proposals", q.weekly_goals.proposals);
    g.close();
    o.close();
}

void write_commission(std::string& s, const CommissionPlan& c) {
    Obj o(s);
    o.integer("base_rate_bp", c.base_rate_bp);
    o.array("tiers", c.tiers, [](std::string& out, const CommissionTier& t) {
        Obj to(out);
        to.integer("from_attainment_pct", t.from_attainment_pct);
        to.integer("rate_bp", t.rate_bp);
        to.close();
    });
    o.key("family_bonus_bp");
    {
        s += '{';
        bool first = true;
        for (const auto& [family, bp] : c.family_bonus_bp) {
            if (!first) s += ',';
            first = false;
            append_json_string(s, family);
            s += ':';
            append_int(s, bp);
        }
        s += '}';
    }
    o.integer("winback_bonus_bp", c.winback_bonus_bp);
    o.extra(c.extra, Kind::Commission);
    o.close();
}

const char* sync_kind_name(SyncPeer::Kind k) { return k == SyncPeer::Kind::Shared ? "shared" : "merged"; }

void write_hash(std::string& s, std::uint64_t h) {
    static constexpr char kHex[] = "0123456789abcdef";
    char buf[18];
    buf[0] = buf[17] = '"';
    for (int i = 15; i >= 0; --i, h >>= 4) buf[1 + i] = kHex[h & 0xF];
    s.append(buf, sizeof buf);
}

void write_sync_peer(std::string& s, const SyncPeer& p) {
    Obj o(s);
    o.str("id", p.id);
    o.str_if("file", p.file);
    o.str_if("name", p.name);
    o.str_if("owner", p.owner);
    o.timestamp("at", p.at);
    o.str("kind", sync_kind_name(p.kind));
    o.boolean("partial", p.partial);
    o.boolean("redacted", p.redacted);
    if (!p.records.empty()) {
        o.key("records");
        Obj kinds(s);
        for (const auto& [collection, hashes] : p.records) {
            kinds.key(collection);
            s += '{';
            for (std::size_t i = 0; i < hashes.size(); ++i) {
                if (i) s += ',';
                append_json_string(s, hashes[i].id);
                s += ':';
                write_hash(s, hashes[i].hash);
            }
            s += '}';
        }
        kinds.close();
    }
    o.extra(p.extra, Kind::SyncPeer);
    o.close();
}

void write_share(std::string& s, const ShareInfo& i) {
    Obj o(s);
    o.str("from", i.from);
    o.str_if("from_name", i.from_name);
    o.str("scope", i.scope);
    o.str_if("label", i.label);
    o.boolean("partial", i.partial);
    o.boolean("redacted", i.redacted);
    o.timestamp("at", i.at);
    o.close();
}

std::size_t account_weight(const Account& a) { return 1 + a.contacts.size() + a.services.size(); }

} // namespace

PlanWriter::PlanWriter(const Plan& plan, bool whole) : plan_(plan) {
    total_ = 2 + plan.stages.size() + plan.catalog.size() + plan.upsell_rules.size() +
             plan.territories.size() +
             plan.opportunities.size() + plan.activities.size();
    std::size_t people = 0;
    for (const Account& a : plan.accounts) {
        total_ += account_weight(a);
        people += a.contacts.size() + a.services.size();
    }
    // Sizes in make_synthetic_plan's realistic plan: ~560 bytes an account, ~250 a contact or
    // service, ~440 an opportunity, ~400 an activity. Reserving that up front avoids copying a
    // big string while it grows (a 2x growth step in the middle of a 250 MB save is a 100 ms
    // frame and a second copy in memory).
    if (whole) {
        std::size_t hashes = 0; // ~44 bytes each in the sync table: "acc-…":"16 hex digits",
        for (const SyncPeer& p : plan.sync)
            for (const auto& [collection, list] : p.records) hashes += list.size();
        out_.reserve(16384 + 560 * plan.accounts.size() + 250 * people + 440 * plan.opportunities.size() +
                     400 * plan.activities.size() + 44 * hashes);
    }
}

double PlanWriter::progress() const {
    return total_ ? static_cast<double>(written_) / static_cast<double>(total_) : 1.0;
}

bool PlanWriter::step(std::size_t max_records) {
    std::size_t budget = max_records ? max_records : 1;
    auto spend = [&](std::size_t weight) {
        written_ += weight;
        budget = weight >= budget ? 0 : budget - weight;
    };
    // Writes the next record of `list` with `write`, or closes the array and moves on.
    auto collection = [&](const auto& list, auto write, Phase next, const char* next_key) {
        if (index_ < list.size()) {
            if (index_) out_ += ',';
            write(out_, list[index_]);
            if constexpr (std::is_same_v<std::decay_t<decltype(list[0])>, Account>)
                spend(account_weight(list[index_]));
            else
                spend(1);
            ++index_;
            return;
        }
        out_ += ']';
        if (next_key) {
            out_ += ",\"";
            out_ += next_key;
            out_ += "\":[";
        }
        phase_ = next;
        index_ = 0;
    };
    while (phase_ != Phase::Done && budget > 0) {
        switch (phase_) {
        case Phase::Header: {
            const Plan& p = plan_;
            Obj o(out_);
            o.str("format", kPlanFormatTag);
            o.integer("version", kPlanFormatVersion);
            o.str("id", p.id);
            o.str("name", p.name);
            o.boolean("sample", p.sample);
            o.str_if("owner", p.owner);
            o.timestamp("created", p.created);
            o.timestamp("modified", p.modified);
            if (p.share) {
                o.key("share");
                write_share(out_, *p.share);
            }
            o.key("settings");
            write_settings(out_, p.settings);
            o.key("quota");
            write_quota(out_, p.quota);
            o.key("commission");
            write_commission(out_, p.commission);
            o.array("stages", p.stages, write_stage);
            o.array("catalog", p.catalog, write_product);
            o.array("upsell_rules", p.upsell_rules, write_rule);
            out_ += ",\"territories\":[";
            // Obj is not closed: the collections and extra continue this object.
            spend(1 + p.stages.size() + p.catalog.size() + p.upsell_rules.size());
            phase_ = Phase::Territories;
            break;
        }
        case Phase::Territories:
            collection(plan_.territories, write_territory, Phase::Accounts, "accounts");
            break;
        case Phase::Accounts:
            collection(plan_.accounts, write_account, Phase::Opportunities, "opportunities");
            break;
        case Phase::Opportunities:
            collection(plan_.opportunities, write_opportunity, Phase::Activities, "activities");
            break;
        case Phase::Activities: collection(plan_.activities, write_activity, Phase::Footer, nullptr); break;
        case Phase::Footer: {
            // Reopen the top-level object's key list after the last collection for extra.
            std::string tail;
            Obj rest(tail);
            if (!plan_.sync.empty()) {
                rest.key("sync");
                tail += '[';
                for (std::size_t i = 0; i < plan_.sync.size(); ++i) {
                    if (i) tail += ',';
                    write_sync_peer(tail, plan_.sync[i]);
                }
                tail += ']';
            }
            rest.extra(plan_.extra, Kind::Plan);
            if (tail.size() > 1) {
                out_ += ',';
                out_.append(tail, 1, std::string::npos);
            }
            out_ += '}';
            spend(1);
            phase_ = Phase::Done;
            break;
        }
        case Phase::Done: break;
        }
    }
    return phase_ == Phase::Done;
}

std::string PlanWriter::take() {
    while (!step(std::numeric_limits<std::size_t>::max())) {
    }
    return std::move(out_);
}

void append_record_json(std::string& out, const Account& r) { write_account(out, r); }
void append_record_json(std::string& out, const Contact& r) { write_contact(out, r); }
void append_record_json(std::string& out, const Service& r) { write_service(out, r); }
void append_record_json(std::string& out, const Opportunity& r) { write_opportunity(out, r); }
void append_record_json(std::string& out, const Activity& r) { write_activity(out, r); }
void append_record_json(std::string& out, const Territory& r) { write_territory(out, r); }
void append_record_json(std::string& out, const Product& r) { write_product(out, r); }
void append_record_json(std::string& out, const UpsellRule& r) { write_rule(out, r); }
void append_record_json(std::string& out, const Stage& r) { write_stage(out, r); }

std::string write_plan(const Plan& plan) {
    PlanWriter w(plan);
    return w.take();
}

} // namespace footprint::core
