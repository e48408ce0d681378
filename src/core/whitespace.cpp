// Whitespace: holdings per product family and the upsell rules' recommendations (see whitespace.h).
#include "core/whitespace.h"

#include "core/format.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

namespace footprint::core {

namespace {

// ASCII case folding, as std::tolower does in the "C" locale, without a library call per letter.
char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ci(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (fold(a[i]) != fold(b[i])) return false;
    return true;
}

// a == b, with the first letters compared before memcmp is called: most ids and families the
// desks compare differ in length or in their first letter, and this runs for every service.
bool same(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           (a.empty() || (a[0] == b[0] && a.back() == b.back() && std::memcmp(a.data(), b.data(), a.size()) == 0));
}

// The family a service counts under: its own, else its catalog product's.
std::string_view service_family(const Plan& plan, const Service& s) {
    if (!s.family.empty()) return s.family;
    const Product* p = find_product(plan, s.product);
    return p ? std::string_view(p->family) : std::string_view();
}

int service_mbps(const Plan& plan, const Service& s) {
    if (s.bandwidth_mbps > 0) return s.bandwidth_mbps;
    const Product* p = find_product(plan, s.product);
    return p ? p->bandwidth_mbps : 0;
}

std::string bandwidth_text(int mbps) {
    if (mbps >= 1000 && mbps % 100 == 0) {
        std::string s = std::to_string(mbps / 1000);
        if (mbps % 1000) {
            s += '.';
            s += static_cast<char>('0' + mbps % 1000 / 100);
        }
        return s + " Gbps";
    }
    return std::to_string(mbps) + " Mbps";
}

std::string plural(long long n, const char* one, const char* many) {
    return format_count(n) + " " + (n == 1 ? one : many);
}

// "a, b and c".
std::string join_and(const std::vector<std::string>& parts) {
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) s += i + 1 == parts.size() ? " and " : ", ";
        s += parts[i];
    }
    return s;
}

} // namespace

std::string family_label(std::string_view family) {
    if (family == "internet") return "Internet";
    if (family == "ethernet") return "Ethernet";
    if (family == "voice") return "Voice";
    if (family == "tv") return "TV";
    if (family == "cloud") return "Cloud";
    if (family == "managed") return "Managed services";
    std::string s(family);
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

std::vector<std::string> product_families(const Plan& plan) {
    std::vector<std::string> out;
    auto add = [&](std::string_view f) {
        if (f.empty()) return;
        for (const std::string& have : out)
            if (have == f) return;
        out.emplace_back(f);
    };
    for (const Product& p : plan.catalog) add(p.family);
    for (const Account& a : plan.accounts)
        for (const Service& s : a.services) add(s.family);
    return out;
}

RuleEngine::RuleEngine(const Plan& plan) : plan_(plan) {
    family_slot_.fill(-2); // one by one until the families are known
    auto add = [&](std::string_view f) {
        if (!f.empty() && family_index(f) < 0) families_.emplace_back(f);
    };
    for (const Product& p : plan.catalog) add(p.family);
    for (const UpsellRule& r : plan.upsell_rules) {
        add(r.has_family);
        add(r.lacks_family);
    }
    family_slot_.fill(-1);
    for (std::size_t i = 0; i < families_.size(); ++i) {
        std::int8_t& slot = family_slot_[family_slot(families_[i])];
        slot = slot == -1 && i < 127 ? static_cast<std::int8_t>(i) : std::int8_t{-2};
    }
    internet_ = family_index("internet");
    rules_.resize(plan.upsell_rules.size());
    for (std::size_t r = 0; r < plan.upsell_rules.size(); ++r) {
        const UpsellRule& rule = plan.upsell_rules[r];
        Prepared& p = rules_[r];
        for (std::size_t k = 0; k < plan.catalog.size(); ++k)
            if (plan.catalog[k].id == rule.product) {
                p.product = static_cast<int>(k);
                p.unit_price = catalog_price(plan.catalog[k], kQuoteTermMonths);
                p.family = family_index(plan.catalog[k].family);
                break;
            }
        if (p.family < 0) p.product = -1; // a product without a family cannot be placed
        p.has_family = rule.has_family.empty() ? -1 : family_index(rule.has_family);
        p.lacks_family = rule.lacks_family.empty() ? -1 : family_index(rule.lacks_family);
    }
}

std::size_t RuleEngine::family_slot(std::string_view f) {
    if (f.empty()) return 0;
    return (f.size() * 7 + static_cast<unsigned char>(f[0]) * 3 + static_cast<unsigned char>(f.back()) +
            static_cast<unsigned char>(f[f.size() / 2]) * 5) & 63;
}

int RuleEngine::family_index(std::string_view family) const {
    const std::int8_t slot = family_slot_[family_slot(family)];
    if (slot == -1) return -1;
    if (slot >= 0) return same(families_[static_cast<std::size_t>(slot)], family) ? slot : -1;
    for (std::size_t i = 0; i < families_.size(); ++i)
        if (same(families_[i], family)) return static_cast<int>(i);
    return -1;
}

void RuleEngine::holdings(const Account& account, std::span<std::uint16_t> count,
                          std::span<Cents> mrc, std::vector<std::size_t>* other) const {
    std::fill(count.begin(), count.end(), std::uint16_t{0});
    std::fill(mrc.begin(), mrc.end(), Cents{0});
    for (std::size_t k = 0; k < account.services.size(); ++k) {
        const Service& s = account.services[k];
        const std::string_view family = service_family(plan_, s);
        const int f = family_index(family);
        if (f < 0 && other && !family.empty()) other->push_back(k);
        if (f < 0 || static_cast<std::size_t>(f) >= count.size()) continue;
        if (count[static_cast<std::size_t>(f)] < UINT16_MAX) ++count[static_cast<std::size_t>(f)];
        mrc[static_cast<std::size_t>(f)] += s.mrc;
    }
}

int rule_quantity(const UpsellRule& rule, const Account& account) {
    std::int64_t base = 1;
    if (rule.quantity_basis == QuantityBasis::Sites) base = std::max(account.sites, 1);
    if (rule.quantity_basis == QuantityBasis::Employees) base = std::max(account.employees, 1);
    const std::int64_t units = std::max(rule.units, 1), per = std::max(rule.per, 1);
    const std::int64_t q = per == 1 ? base * units : (base * units + per - 1) / per; // most rules: per 1
    return static_cast<int>(std::clamp<std::int64_t>(q, 1, 10'000'000));
}

void RuleEngine::recommend(const Account& a, std::span<const std::uint16_t> count,
                           std::span<const Cents> mrc, std::vector<Recommendation>& out,
                           bool ignore_services) const {
    const std::size_t start = out.size();
    const int internet = internet_;
    const bool has_internet = internet >= 0 && static_cast<std::size_t>(internet) < count.size() &&
                              count[static_cast<std::size_t>(internet)] > 0;
    int fastest = -1; // computed on first use: most rules do not ask
    auto held = [&](int f) { return f >= 0 && static_cast<std::size_t>(f) < count.size() && count[static_cast<std::size_t>(f)] > 0; };
    for (std::size_t r = 0; r < rules_.size(); ++r) {
        const UpsellRule& rule = plan_.upsell_rules[r];
        const Prepared& p = rules_[r];
        if (!rule.enabled || p.product < 0) continue;
        if (rule.min_sites > 0 && a.sites < rule.min_sites) continue;
        if (rule.min_employees > 0 && a.employees < rule.min_employees) continue;
        if (rule.max_employees > 0 && a.employees > rule.max_employees) continue;
        if (p.has_family != -1 && !held(p.has_family)) continue;
        if (p.lacks_family >= 0 && held(p.lacks_family)) continue;
        if (rule.max_bandwidth_mbps > 0) {
            if (!has_internet) continue;
            if (fastest < 0) {
                fastest = 0;
                for (const Service& s : a.services)
                    if (service_family(plan_, s) == "internet")
                        fastest = std::max(fastest, service_mbps(plan_, s));
            }
            if (fastest > rule.max_bandwidth_mbps) continue;
        }
        if (!rule.industries.empty() &&
            std::none_of(rule.industries.begin(), rule.industries.end(),
                         [&](const std::string& i) { return equal_ci(i, a.industry); }))
            continue;
        // One recommendation per family: the first rule that fires there.
        if (std::any_of(out.begin() + static_cast<std::ptrdiff_t>(start), out.end(),
                        [&](const Recommendation& x) {
                            return rules_[x.rule].family == p.family;
                        }))
            continue;
        const Product& product = plan_.catalog[static_cast<std::size_t>(p.product)];
        if (!ignore_services &&
            std::any_of(a.services.begin(), a.services.end(),
                        [&](const Service& s) { return same(s.product, product.id); }))
            continue;
        Recommendation rec;
        rec.rule = static_cast<std::uint32_t>(r);
        rec.product = static_cast<std::uint32_t>(p.product);
        rec.quantity = rule_quantity(rule, a);
        rec.unit_price = p.unit_price;
        rec.value = rec.unit_price * rec.quantity;
        if (rule.upgrade) {
            rec.replaces = static_cast<std::size_t>(p.family) < mrc.size() ? mrc[static_cast<std::size_t>(p.family)] : 0;
            rec.value -= rec.replaces;
        }
        if (rec.value <= 0) continue; // an upgrade that would cost them less is not an upsell
        out.push_back(rec);
    }
}

void RuleEngine::recommend(const Account& account, std::vector<Recommendation>& out,
                           bool assume_empty, std::span<const std::string> families) const {
    // Held per family: on the stack for a catalog of up to kFew families (no allocation per call).
    constexpr std::size_t kFew = 16;
    const std::size_t nf = families_.size();
    std::array<std::uint16_t, kFew> few_count{};
    std::array<Cents, kFew> few_mrc{};
    std::vector<std::uint16_t> many_count(nf > kFew ? nf : 0, 0);
    std::vector<Cents> many_mrc(nf > kFew ? nf : 0, 0);
    const std::span<std::uint16_t> count = nf > kFew ? std::span<std::uint16_t>(many_count) : std::span(few_count.data(), nf);
    const std::span<Cents> mrc = nf > kFew ? std::span<Cents>(many_mrc) : std::span(few_mrc.data(), nf);
    if (!assume_empty) {
        holdings(account, count, mrc);
        recommend(account, count, mrc, out);
        return;
    }
    const std::size_t start = out.size();
    recommend(account, count, mrc, out, true);
    if (families.empty()) return;
    out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(start), out.end(),
                             [&](const Recommendation& r) {
                                 const std::string& f = plan_.catalog[r.product].family;
                                 return std::find(families.begin(), families.end(), f) == families.end();
                             }),
              out.end());
}

WhitespaceBuilder::WhitespaceBuilder(const Plan& plan, const AccountLinks& links,
                                     const RuleEngine& engine, Date today, Whitespace reuse)
    : plan_(plan), links_(links), engine_(engine), today_(today), w_(std::move(reuse)) {
    w_.families = engine.families();
    const std::size_t nf = w_.families.size();
    w_.rows.clear();
    w_.held_mrc.clear();
    w_.held_count.clear();
    w_.recommendations.clear();
    w_.rule_hits.assign(plan.upsell_rules.size(), 0);
    w_.rule_value.assign(plan.upsell_rules.size(), 0);
    w_.family_gaps.assign(nf, 0);
    w_.open_value = 0;
    w_.accounts_with_open = 0;
    w_.in_pipeline = 0;
}

void WhitespaceBuilder::add(std::size_t i) {
    const Account& a = plan_.accounts[i];
    const std::size_t nf = w_.families.size();
    WhitespaceRow row;
    row.account = i;
    const std::size_t at = w_.held_mrc.size();
    w_.held_mrc.resize(at + nf);
    w_.held_count.resize(at + nf);
    const std::span<std::uint16_t> count(w_.held_count.data() + at, nf);
    const std::span<Cents> mrc(w_.held_mrc.data() + at, nf);
    scratch_.clear();
    engine_.holdings(a, count, mrc, &scratch_);
    for (std::size_t k : scratch_) other_.emplace_back(static_cast<std::uint32_t>(w_.rows.size()), k);
    for (std::size_t f = 0; f < nf; ++f) {
        w_.family_gaps[f] += count[f] == 0;
        row.mrc += mrc[f];
    }
    for (std::size_t k : scratch_) row.mrc += a.services[k].mrc;
    row.first = static_cast<std::uint32_t>(w_.recommendations.size());
    engine_.recommend(a, count, mrc, w_.recommendations);
    row.count = static_cast<std::uint32_t>(w_.recommendations.size() - row.first);
    for (std::size_t k = row.first; k < w_.recommendations.size(); ++k) {
        Recommendation& rec = w_.recommendations[k];
        if (!links_.opportunities_of(i).empty()) rec.deal = recommendation_deal(plan_, links_, i, rec, today_);
        ++w_.rule_hits[rec.rule];
        w_.rule_value[rec.rule] += rec.value;
        if (rec.deal.state == LinkState::None) row.open_value += rec.value;
        if (rec.deal.state == LinkState::Open) ++w_.in_pipeline;
    }
    w_.open_value += row.open_value;
    w_.accounts_with_open += row.open_value > 0;
    w_.rows.push_back(row);
}

LinkedDeal recommendation_deal(const Plan& plan, const AccountLinks& links, std::size_t account,
                               const Recommendation& rec, Date today) {
    const std::string& product = plan.catalog[rec.product].id;
    return find_deal(plan, links, account, add_days(today, -kUpsellLookbackDays), today, [&](const Opportunity& o) {
        return std::find(o.products.begin(), o.products.end(), product) != o.products.end();
    });
}

void redo_recommendation_deals(const Plan& plan, const AccountLinks& links, Date today, Whitespace& w) {
    w.open_value = 0;
    w.accounts_with_open = 0;
    w.in_pipeline = 0;
    for (WhitespaceRow& row : w.rows) {
        row.open_value = 0;
        const bool any = !links.opportunities_of(row.account).empty();
        for (Recommendation& rec : w.recommendations_of(row)) {
            rec.deal = any ? recommendation_deal(plan, links, row.account, rec, today) : LinkedDeal{};
            if (rec.deal.state == LinkState::None) row.open_value += rec.value;
            if (rec.deal.state == LinkState::Open) ++w.in_pipeline;
        }
        w.open_value += row.open_value;
        w.accounts_with_open += row.open_value > 0;
    }
}

Whitespace WhitespaceBuilder::finish() {
    if (other_.empty()) return std::move(w_);
    // Services named families the catalog and rules do not: add them as columns, in plan order.
    const std::size_t old_nf = w_.families.size();
    for (const auto& [row, k] : other_) {
        const std::string_view f = service_family(plan_, plan_.accounts[w_.rows[row].account].services[k]);
        if (std::find(w_.families.begin(), w_.families.end(), f) == w_.families.end()) w_.families.emplace_back(f);
    }
    const std::size_t nf = w_.families.size(), rows = w_.rows.size();
    std::vector<Cents> mrc(rows * nf, 0);
    std::vector<std::uint16_t> count(rows * nf, 0);
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t f = 0; f < old_nf; ++f) {
            mrc[r * nf + f] = w_.held_mrc[r * old_nf + f];
            count[r * nf + f] = w_.held_count[r * old_nf + f];
        }
    for (const auto& [row, k] : other_) {
        const Service& s = plan_.accounts[w_.rows[row].account].services[k];
        const auto f = static_cast<std::size_t>(
            std::find(w_.families.begin(), w_.families.end(), service_family(plan_, s)) - w_.families.begin());
        mrc[row * nf + f] += s.mrc;
        if (count[row * nf + f] < UINT16_MAX) ++count[row * nf + f];
    }
    w_.held_mrc = std::move(mrc);
    w_.held_count = std::move(count);
    w_.family_gaps.resize(nf, 0);
    for (std::size_t f = old_nf; f < nf; ++f)
        for (std::size_t r = 0; r < rows; ++r) w_.family_gaps[f] += w_.held_count[r * nf + f] == 0;
    return std::move(w_);
}

void WhitespaceBuilder::add_clients() {
    const std::size_t n = plan_.accounts.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i + kAccountAhead < n) prefetch_account(plan_.accounts[i + kAccountAhead]);
        if (i + kServicesAhead < n) prefetch_services(plan_.accounts[i + kServicesAhead]);
        if (plan_.accounts[i].status == AccountStatus::Client) add(i);
    }
}

Whitespace whitespace_desk(const Plan& plan, const AccountLinks& links, const RuleEngine& engine,
                           Date today) {
    WhitespaceBuilder b(plan, links, engine, today);
    b.add_clients();
    return b.finish();
}

RuleReach rule_reach(const Plan& plan, const UpsellRule& rule) {
    Plan alone; // the catalog and this one rule: the engine only reads those from its plan
    alone.catalog = plan.catalog;
    alone.upsell_rules = {rule};
    alone.upsell_rules[0].enabled = true;
    const RuleEngine engine(alone);
    const std::size_t nf = engine.families().size();
    std::vector<std::uint16_t> count(nf);
    std::vector<Cents> mrc(nf);
    std::vector<Recommendation> recs;
    RuleReach reach;
    for (const Account& a : plan.accounts) {
        if (a.status != AccountStatus::Client) continue;
        recs.clear();
        engine.holdings(a, count, mrc);
        engine.recommend(a, count, mrc, recs);
        if (recs.empty()) continue;
        ++reach.clients;
        reach.value += recs.front().value;
    }
    return reach;
}

std::string recommendation_reason(const Plan& plan, const Account& a, const Recommendation& rec) {
    const UpsellRule& rule = plan.upsell_rules[rec.rule];
    std::vector<std::string> parts;
    if (rule.min_sites > 0) parts.push_back(plural(a.sites, "site", "sites"));
    if (rule.min_employees > 0 || rule.max_employees > 0)
        parts.push_back(plural(a.employees, "employee", "employees"));
    if (!rule.industries.empty() && !a.industry.empty()) parts.push_back(a.industry);
    if (rule.max_bandwidth_mbps > 0) {
        int fastest = 0;
        for (const Service& s : a.services)
            if (service_family(plan, s) == "internet") fastest = std::max(fastest, service_mbps(plan, s));
        const std::string on = "on " + bandwidth_text(fastest);
        if (parts.empty()) parts.push_back(on);
        else parts.back() += " " + on;
    }
    if (!rule.has_family.empty()) parts.push_back("has " + family_label(rule.has_family));
    if (!rule.lacks_family.empty()) parts.push_back("no " + family_label(rule.lacks_family));
    std::string s = parts.empty() ? std::string("Recommended") : join_and(parts);
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    s += " \xE2\x86\x92 "; // →
    s += plan.catalog[rec.product].name;
    if (rec.quantity > 1) s += " \xC3\x97" + format_count(rec.quantity); // ×
    return s;
}

std::string rule_conditions(const UpsellRule& rule) {
    std::vector<std::string> parts;
    if (rule.min_sites > 0) parts.push_back(format_count(rule.min_sites) + "+ sites");
    if (rule.min_employees > 0 && rule.max_employees > 0)
        parts.push_back(format_count(rule.min_employees) + "\xE2\x80\x93" + format_count(rule.max_employees) + " employees");
    else if (rule.min_employees > 0)
        parts.push_back(format_count(rule.min_employees) + "+ employees");
    else if (rule.max_employees > 0)
        parts.push_back("up to " + format_count(rule.max_employees) + " employees");
    if (rule.max_bandwidth_mbps > 0)
        parts.push_back("Internet at most " + bandwidth_text(rule.max_bandwidth_mbps));
    if (!rule.has_family.empty()) parts.push_back("has " + family_label(rule.has_family));
    if (!rule.lacks_family.empty()) parts.push_back("no " + family_label(rule.lacks_family));
    if (!rule.industries.empty()) {
        std::string ind;
        for (std::size_t i = 0; i < rule.industries.size(); ++i)
            ind += (i ? (i + 1 == rule.industries.size() ? " or " : ", ") : "") + rule.industries[i];
        parts.push_back(ind);
    }
    if (parts.empty()) return "every client";
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? ", " : "") + parts[i];
    return s;
}

std::string rule_quantity_text(const UpsellRule& rule) {
    const std::string units = format_count(rule.units);
    switch (rule.quantity_basis) {
    case QuantityBasis::Account: return units + " per account";
    case QuantityBasis::Sites:
        return units + (rule.per == 1 ? " per site" : " per " + format_count(rule.per) + " sites");
    case QuantityBasis::Employees:
        return units + (rule.per == 1 ? " per employee" : " per " + format_count(rule.per) + " employees");
    }
    return units;
}

} // namespace footprint::core
