// Redaction: the field policy table and the scrubbing of free text (names, phones, emails).
#include "core/redact.h"

#include <algorithm>
#include <cctype>

namespace footprint::core {

namespace {

using P = RedactPolicy;

struct FieldPolicy {
    std::string_view collection;
    std::string_view field;
    RedactPolicy policy;
};

// Every field of every record, in the reader's names. Sorted by collection, then field.
constexpr FieldPolicy kPolicies[] = {
    {"accounts", "address", P::Keep},   // the business's address
    {"accounts", "billing_account", P::Keep},
    {"accounts", "contacts", P::Keep},  // each contact by its own policy
    {"accounts", "employees", P::Keep},
    {"accounts", "former", P::Scrub},   // reason and competitor are free text
    {"accounts", "id", P::Keep},
    {"accounts", "industry", P::Keep},
    {"accounts", "location", P::Keep},
    {"accounts", "location_approximate", P::Keep},
    {"accounts", "modified", P::Keep},
    {"accounts", "name", P::Keep},      // the business's name
    {"accounts", "notes", P::Scrub},
    {"accounts", "owner", P::Keep},     // the account manager, not a customer
    {"accounts", "salesforce_id", P::Keep},
    {"accounts", "services", P::Keep},  // each service by its own policy
    {"accounts", "sites", P::Keep},
    {"accounts", "status", P::Keep},
    {"accounts", "tags", P::Scrub},
    {"accounts", "territory_id", P::Keep},
    {"activities", "account_id", P::Keep},
    {"activities", "checked_in", P::Keep},
    {"activities", "contact_id", P::Keep}, // a random id; the contact itself is redacted
    {"activities", "date", P::Keep},
    {"activities", "duration_minutes", P::Keep},
    {"activities", "fixed_time", P::Keep},
    {"activities", "id", P::Keep},
    {"activities", "locked", P::Keep},
    {"activities", "modified", P::Keep},
    {"activities", "next_step", P::Scrub},
    {"activities", "next_step_done", P::Keep},
    {"activities", "next_step_due", P::Keep},
    {"activities", "notes", P::Scrub},
    {"activities", "opportunity_id", P::Keep},
    {"activities", "outcome", P::Scrub},
    {"activities", "start_minute", P::Keep},
    {"activities", "subject", P::Scrub},
    {"activities", "type", P::Keep},
    {"catalog", "bandwidth_mbps", P::Keep},
    {"catalog", "example_price", P::Keep},
    {"catalog", "family", P::Keep},
    {"catalog", "id", P::Keep},
    {"catalog", "name", P::Keep},
    {"catalog", "otc", P::Keep},
    {"catalog", "prices", P::Keep},
    {"catalog", "unit", P::Keep},
    {"contacts", "email", P::Remove},
    {"contacts", "id", P::Keep},
    {"contacts", "modified", P::Keep},
    {"contacts", "name", P::Remove},
    {"contacts", "phone", P::Remove},
    {"contacts", "primary", P::Keep},
    {"contacts", "role", P::Scrub},
    {"contacts", "salesforce_id", P::Keep}, // a CRM id, not a personal detail
    {"contacts", "title", P::Scrub},
    {"opportunities", "account_id", P::Keep},
    {"opportunities", "close_date", P::Keep},
    {"opportunities", "created", P::Keep},
    {"opportunities", "forecast_category", P::Keep},
    {"opportunities", "id", P::Keep},
    {"opportunities", "loss_reason", P::Scrub},
    {"opportunities", "modified", P::Keep},
    {"opportunities", "mrc", P::Keep},
    {"opportunities", "name", P::Scrub},
    {"opportunities", "next_step", P::Scrub},
    {"opportunities", "otc", P::Keep},
    {"opportunities", "owner", P::Keep},
    {"opportunities", "probability", P::Keep},
    {"opportunities", "products", P::Keep},
    {"opportunities", "salesforce_id", P::Keep},
    {"opportunities", "stage", P::Keep},
    {"opportunities", "term_months", P::Keep},
    {"opportunities", "type", P::Keep},
    {"services", "auto_renew", P::Keep},
    {"services", "bandwidth_mbps", P::Keep},
    {"services", "contract_end", P::Keep},
    {"services", "contract_start", P::Keep},
    {"services", "family", P::Keep},
    {"services", "id", P::Keep},
    {"services", "modified", P::Keep},
    {"services", "mrc", P::Keep},
    {"services", "notice_days", P::Keep},
    {"services", "product", P::Keep},
    {"services", "quantity", P::Keep},
    {"services", "term_months", P::Keep},
    {"settings", "average_speed_kmh", P::Keep},
    {"settings", "currency", P::Keep},
    {"settings", "default_meeting_minutes", P::Keep},
    {"settings", "home", P::Remove}, // routes may start at the account manager's home
    {"settings", "home_label", P::Remove},
    {"settings", "lunch_minutes", P::Keep},
    {"settings", "lunch_start_minute", P::Keep},
    {"settings", "priority_weights", P::Keep},
    {"settings", "renewal_notice_days", P::Keep},
    {"settings", "road_factor", P::Keep},
    {"settings", "route_days", P::Remove}, // a day's start or end may be the home too
    {"settings", "timezone", P::Keep},
    {"settings", "winback_window_days", P::Keep},
    {"settings", "work_end_minute", P::Keep},
    {"settings", "work_start_minute", P::Keep},
    {"territories", "color", P::Keep},
    {"territories", "counties", P::Keep},
    {"territories", "id", P::Keep},
    {"territories", "modified", P::Keep},
    {"territories", "name", P::Keep},
    {"territories", "polygons", P::Keep},
    {"territories", "zip_codes", P::Keep},
    {"upsell_rules", "enabled", P::Keep},
    {"upsell_rules", "has_family", P::Keep},
    {"upsell_rules", "id", P::Keep},
    {"upsell_rules", "industries", P::Keep},
    {"upsell_rules", "lacks_family", P::Keep},
    {"upsell_rules", "max_bandwidth_mbps", P::Keep},
    {"upsell_rules", "max_employees", P::Keep},
    {"upsell_rules", "min_employees", P::Keep},
    {"upsell_rules", "min_sites", P::Keep},
    {"upsell_rules", "name", P::Scrub}, // the person's words
    {"upsell_rules", "note", P::Scrub},
    {"upsell_rules", "per", P::Keep},
    {"upsell_rules", "product", P::Keep},
    {"upsell_rules", "quantity", P::Keep},
    {"upsell_rules", "units", P::Keep},
    {"upsell_rules", "upgrade", P::Keep},
};

constexpr bool policies_sorted() {
    for (std::size_t i = 1; i < std::size(kPolicies); ++i) {
        const auto& a = kPolicies[i - 1];
        const auto& b = kPolicies[i];
        if (!(a.collection < b.collection || (a.collection == b.collection && a.field < b.field))) return false;
    }
    return true;
}
static_assert(policies_sorted(), "kPolicies must be sorted by collection, then field");

constexpr std::string_view kContact = "[contact]";
constexpr std::string_view kPhone = "[phone]";
constexpr std::string_view kEmail = "[email]";

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }
bool is_email_local(unsigned char c) { return std::isalnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c >= 0x80; }
bool is_email_domain(unsigned char c) { return std::isalnum(c) || c == '.' || c == '-' || c >= 0x80; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_phone_sep(unsigned char c) { return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')'; }

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}
std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// Words of a name worth looking for alone: "Maria", "Garcia", "Lopez" from "Maria Garcia-Lopez".
// Lower-case particles ("de", "van") and titles ("Dr", "Jr") are left to the full-name match.
void name_tokens(std::string_view name, std::vector<std::string>& out) {
    static const char* const kSkip[] = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Jr", "Sr", "II", "III", "IV"};
    std::size_t i = 0;
    while (i < name.size()) {
        while (i < name.size() && !is_word_byte(static_cast<unsigned char>(name[i]))) ++i;
        std::size_t j = i;
        while (j < name.size() && is_word_byte(static_cast<unsigned char>(name[j]))) ++j;
        if (j > i + 1) {
            std::string_view w = name.substr(i, j - i);
            const bool particle = std::islower(static_cast<unsigned char>(w[0]));
            const bool title = std::any_of(std::begin(kSkip), std::end(kSkip), [&](const char* s) { return w == s; });
            if (!particle && !title) out.emplace_back(w);
        }
        i = j;
    }
}

// "maria  garcia-lopez" -> "maria garcia lopez": words in lower case, single spaces.
std::string normal_name(std::string_view name) {
    std::string out;
    std::size_t i = 0;
    while (i < name.size()) {
        while (i < name.size() && !is_word_byte(static_cast<unsigned char>(name[i]))) ++i;
        std::size_t j = i;
        while (j < name.size() && is_word_byte(static_cast<unsigned char>(name[j]))) ++j;
        if (j > i) {
            if (!out.empty()) out += ' ';
            out += lower(name.substr(i, j - i));
        }
        i = j;
    }
    return out;
}

// Length of an email address starting at `at`'s local part, found from the '@' at `at_pos`.
bool find_email(std::string_view s, std::size_t at_pos, std::size_t& from, std::size_t& to) {
    std::size_t a = at_pos;
    while (a > 0 && is_email_local(static_cast<unsigned char>(s[a - 1]))) --a;
    std::size_t b = at_pos + 1;
    while (b < s.size() && is_email_domain(static_cast<unsigned char>(s[b]))) ++b;
    while (b > at_pos + 1 && (s[b - 1] == '.' || s[b - 1] == '-')) --b; // "…@x.com." ends a sentence
    const std::string_view domain = s.substr(at_pos + 1, b - at_pos - 1);
    if (a == at_pos || domain.find('.') == std::string_view::npos || domain.front() == '.') return false;
    from = a;
    to = b;
    return true;
}

// A phone number starting at `i`: groups of digits separated by at most two of " -.()", an
// optional leading '+'; 10 to 15 digits, or 7 written as 555-0142. Dates (2026-03-02: 8 digits)
// and amounts ($1,347) are not phone numbers.
bool find_phone(std::string_view s, std::size_t i, std::size_t& to) {
    std::size_t j = i;
    if (j < s.size() && s[j] == '+') ++j;
    int digits = 0, groups = 0;
    std::size_t last_digit_end = j;
    std::vector<int> group_sizes;
    while (j < s.size()) {
        std::size_t k = j;
        int seps = 0;
        while (k < s.size() && is_phone_sep(static_cast<unsigned char>(s[k])) && seps < 3) ++k, ++seps;
        if (seps > 2 || k >= s.size() || !is_digit(static_cast<unsigned char>(s[k]))) break;
        if (groups > 0 && seps == 0) break; // cannot happen: digits run together
        std::size_t d = k;
        while (d < s.size() && is_digit(static_cast<unsigned char>(s[d]))) ++d;
        if (d < s.size() && is_word_byte(static_cast<unsigned char>(s[d]))) break; // "12th", "3pm"
        digits += static_cast<int>(d - k);
        group_sizes.push_back(static_cast<int>(d - k));
        ++groups;
        last_digit_end = d;
        j = d;
        if (groups > 6 || digits > 15) break;
    }
    const bool seven = digits == 7 && group_sizes.size() == 2 && group_sizes[0] == 3 && group_sizes[1] == 4;
    if (!(seven || (digits >= 10 && digits <= 15))) return false;
    to = last_digit_end;
    return true;
}

} // namespace

std::optional<RedactPolicy> redact_policy(std::string_view collection, std::string_view field) {
    auto it = std::lower_bound(std::begin(kPolicies), std::end(kPolicies), FieldPolicy{collection, field, P::Keep},
                               [](const FieldPolicy& a, const FieldPolicy& b) {
                                   return a.collection < b.collection || (a.collection == b.collection && a.field < b.field);
                               });
    if (it == std::end(kPolicies) || it->collection != collection || it->field != field) return std::nullopt;
    return it->policy;
}

Redactor::Redactor(const Plan& plan) {
    std::vector<std::string> tokens;
    for (const Account& a : plan.accounts)
        for (const Contact& c : a.contacts) {
            std::string n = normal_name(c.name);
            if (n.find(' ') != std::string::npos) full_names_.insert(std::move(n));
            tokens.clear();
            name_tokens(c.name, tokens);
            for (std::string& t : tokens) {
                words_upper_.insert(upper(t));
                words_.insert(std::move(t));
            }
        }
}

std::string Redactor::scrub(std::string_view s) const {
    std::string out;
    out.reserve(s.size());
    auto put = [&](std::string_view marker) {
        if (marker == kContact) {
            // "[contact] [contact]" (a first and a last name matched apart) reads as one.
            if (std::string_view(out).ends_with(kContact)) return;
            if (std::string_view(out).ends_with("[contact] ")) {
                out.pop_back();
                return;
            }
        }
        out += marker;
    };
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        // Emails are found from their '@', so look ahead over a word that may be a local part.
        if (is_email_local(c)) {
            std::size_t j = i;
            while (j < s.size() && is_email_local(static_cast<unsigned char>(s[j]))) ++j;
            std::size_t from = 0, to = 0;
            if (j < s.size() && s[j] == '@' && find_email(s, j, from, to) && from >= i) {
                out.append(s.substr(i, from - i));
                put(kEmail);
                i = to;
                continue;
            }
        }
        if (is_digit(c) || c == '+' || c == '(') {
            const bool starts_word = i == 0 || !is_word_byte(static_cast<unsigned char>(s[i - 1]));
            std::size_t to = 0;
            if (starts_word && find_phone(s, i, to)) {
                put(kPhone);
                i = to;
                continue;
            }
        }
        if (is_word_byte(c) && (i == 0 || !is_word_byte(static_cast<unsigned char>(s[i - 1])))) {
            std::size_t j = i;
            while (j < s.size() && is_word_byte(static_cast<unsigned char>(s[j]))) ++j;
            // A full name of any contact in the plan (two to four words), case-insensitive.
            std::size_t best = 0;
            if (!full_names_.empty()) {
                std::string joined = lower(s.substr(i, j - i));
                std::size_t k = j;
                for (int words = 2; words <= 4; ++words) {
                    std::size_t w = k;
                    while (w < s.size() && !is_word_byte(static_cast<unsigned char>(s[w])) && s[w] != '\n' && w - k < 3) ++w;
                    if (w == k || w >= s.size() || !is_word_byte(static_cast<unsigned char>(s[w]))) break;
                    std::size_t e = w;
                    while (e < s.size() && is_word_byte(static_cast<unsigned char>(s[e]))) ++e;
                    joined += ' ';
                    joined += lower(s.substr(w, e - w));
                    if (full_names_.count(joined)) best = e;
                    k = e;
                }
            }
            if (best) {
                put(kContact);
                i = best;
                continue;
            }
            // A word of a contact's name, as written or in capitals.
            const std::string word(s.substr(i, j - i));
            if (words_.count(word) || (word == upper(word) && words_upper_.count(word))) {
                put(kContact);
                i = j;
                continue;
            }
            out += word;
            i = j;
            continue;
        }
        out += static_cast<char>(c);
        ++i;
    }
    return out;
}

void Redactor::scrub_json(Json& value) const {
    if (value.is_string()) {
        value = scrub(value.get_ref<const std::string&>());
    } else if (value.is_array()) {
        for (Json& v : value) scrub_json(v);
    } else if (value.is_object()) {
        Json out = Json::object();
        for (auto& [key, v] : value.items()) {
            Json copy = std::move(v);
            scrub_json(copy);
            out[scrub(key)] = std::move(copy);
        }
        value = std::move(out);
    }
}

void Redactor::redact(Account& a) const {
    // Scrubbing uses the names, so it runs before the contacts lose them.
    a.notes = scrub(a.notes);
    for (std::string& t : a.tags) t = scrub(t);
    a.former.reason = scrub(a.former.reason);
    a.former.competitor = scrub(a.former.competitor);
    scrub_json(a.extra);
    for (Service& s : a.services) scrub_json(s.extra);
    std::vector<Contact> kept;
    kept.reserve(a.contacts.size());
    for (const Contact& c : a.contacts) {
        // A fresh contact: a field added to Contact later starts empty here, not copied.
        Contact r;
        r.id = c.id;
        r.salesforce_id = c.salesforce_id;
        r.title = scrub(c.title);
        r.role = scrub(c.role);
        r.primary = c.primary;
        r.modified = c.modified;
        kept.push_back(std::move(r));
    }
    a.contacts = std::move(kept);
}

void Redactor::redact(Opportunity& o) const {
    o.name = scrub(o.name);
    o.next_step = scrub(o.next_step);
    o.loss_reason = scrub(o.loss_reason);
    scrub_json(o.extra);
}

void Redactor::redact(Activity& a) const {
    a.subject = scrub(a.subject);
    a.outcome = scrub(a.outcome);
    a.notes = scrub(a.notes);
    a.next_step = scrub(a.next_step);
    scrub_json(a.extra);
}

void Redactor::redact(Territory& t) const { scrub_json(t.extra); }
void Redactor::redact(Product& p) const { scrub_json(p.extra); }
void Redactor::redact(UpsellRule& r) const {
    r.name = scrub(r.name);
    r.note = scrub(r.note);
    scrub_json(r.extra);
}

void Redactor::redact_plan_fields(Plan& p) const {
    p.settings.home.reset();
    p.settings.home_label = Settings{}.home_label;
    p.settings.route_days.clear();
    scrub_json(p.settings.extra);
    scrub_json(p.extra);
}

} // namespace footprint::core
