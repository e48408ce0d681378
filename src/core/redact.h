// Removing personal details from a share file: contacts keep only their title, role and whether
// they are the primary one; free text loses the names, phone numbers and email addresses in it.
#pragma once

#include "core/model.h"

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace footprint::core {

// What redaction does with one field of a record (docs/plan-format.md, "Sharing"):
//   Keep   business data, ids, amounts, dates ("name" of an account is the business's name);
//   Scrub  free text: names, phone numbers and email addresses in it are replaced by
//          "[contact]", "[phone]", "[email]";
//   Remove personal fields: emptied ("name", "phone", "email" of a contact; unknown fields of a
//          contact, which could be anything a CRM exported).
enum class RedactPolicy { Keep, Scrub, Remove };

// The policy for `field` of a record in `collection` ("accounts", "contacts", "services",
// "opportunities", "activities", "territories", "catalog", "plan", "settings"); nullopt for a
// field this table does not list. A unit test checks every field the reader knows is listed, so
// a new field cannot slip into share files unreviewed.
std::optional<RedactPolicy> redact_policy(std::string_view collection, std::string_view field);

class Redactor {
public:
    // Learns every contact's name in the plan: a note in one account naming a contact of another
    // is scrubbed too.
    explicit Redactor(const Plan& plan);

    // In place.
    void redact(Account& a) const;
    void redact(Opportunity& o) const;
    void redact(Activity& a) const;
    void redact(Territory& t) const;
    void redact(Product& p) const;
    void redact(UpsellRule& r) const;
    void redact_plan_fields(Plan& p) const; // settings' home, the plan's unknown fields

    // Free text with contacts' names, phone numbers and email addresses replaced. A name is any
    // capitalised word of a contact's name, as written or in capitals ("Maria", "GARCIA"), or a
    // whole name in any case ("maria garcia"). Strict on purpose: a word that is also a contact's
    // name ("Grant", "May") goes too.
    std::string scrub(std::string_view text) const;
    // Every string (and object key) inside `value`, recursively.
    void scrub_json(Json& value) const;

private:
    std::unordered_set<std::string> full_names_; // lower case, single spaces
    std::unordered_set<std::string> words_;      // as written: "Maria", "Garcia"
    std::unordered_set<std::string> words_upper_; // "MARIA", "GARCIA"
};

} // namespace footprint::core
