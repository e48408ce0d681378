// Whitespace: which product families each client holds and lacks, and the upsell the plan's rules
// (plan.upsell_rules) recommend, each with the reason and an estimated monthly value.
#pragma once

#include "core/desk_common.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace footprint::core {

// "Internet", "Ethernet", "Voice", "TV", "Cloud", "Managed services"; another family is shown with
// its first letter in capitals.
std::string family_label(std::string_view family);
// The catalog's families in catalog order, then families that only services name, in plan order.
std::vector<std::string> product_families(const Plan& plan);

struct Recommendation {
    std::uint32_t rule = 0;    // index into plan.upsell_rules
    std::uint32_t product = 0; // index into plan.catalog
    int quantity = 1;
    Cents unit_price = 0;      // the product's 36-month price (or its nearest term)
    Cents value = 0;           // estimated monthly value; for an upgrade, the increase
    Cents replaces = 0;        // for an upgrade: what the account pays now in that family
    LinkedDeal deal;           // an opportunity of the account that already offers the product
};

// The plan's rules prepared for evaluation: product and family look-ups done once. Its families
// are the catalog's, then any other a rule names (services may name more: see Whitespace).
class RuleEngine {
public:
    explicit RuleEngine(const Plan& plan);
    const std::vector<std::string>& families() const { return families_; }
    int family_index(std::string_view family) const; // -1 when unknown
    // Appends the account's recommendations, one per product family at most (the first rule that
    // fires in a family wins), skipping products the account already has. With `assume_empty` the
    // account is taken to hold nothing (what a former client would buy again); `families` then
    // limits the result to those families (empty: all).
    void recommend(const Account& account, std::vector<Recommendation>& out,
                   bool assume_empty = false, std::span<const std::string> families = {}) const;
    // False when the rule's product is not in the catalog (it never fires).
    bool has_product(std::size_t rule) const { return rules_[rule].product >= 0; }
    // What the account holds per family (families() order): services and their MRC. Services of
    // a family the engine does not know are passed to `other` (with their index), if given.
    void holdings(const Account& account, std::span<std::uint16_t> count, std::span<Cents> mrc,
                  std::vector<std::size_t>* other = nullptr) const;
    // recommend() over holdings already computed; `ignore_services` as if it held nothing.
    void recommend(const Account& account, std::span<const std::uint16_t> count,
                   std::span<const Cents> mrc, std::vector<Recommendation>& out,
                   bool ignore_services = false) const;

private:
    struct Prepared {
        int product = -1;       // index into plan.catalog; -1 when missing (the rule never fires)
        Cents unit_price = 0;   // the product's kQuoteTermMonths price
        int family = -1;        // the product's family
        int has_family = -1;    // -1: not checked; -2: a family nothing holds (never satisfied)
        int lacks_family = -1;
    };
    const Plan& plan_;
    std::vector<std::string> families_;
    std::vector<Prepared> rules_;
    int internet_ = -1;
    // family_index's look-up: by a small hash of a family's length and letters, the family there
    // (-1 none, -2 more than one: compared one by one). Services name their family every time.
    std::array<std::int8_t, 64> family_slot_{};
    static std::size_t family_slot(std::string_view family);
};

// The quantity a rule asks for at an account: ceil(basis * units / per), at least 1.
int rule_quantity(const UpsellRule& rule, const Account& account);

struct WhitespaceRow {
    std::size_t account = kNoIndex;
    std::uint32_t first = 0, count = 0; // its recommendations in Whitespace::recommendations
    Cents open_value = 0; // recommendations no opportunity offers yet: the whitespace to work
    Cents mrc = 0;        // what the account pays now
};

struct Whitespace {
    std::vector<std::string> families;
    std::vector<WhitespaceRow> rows;      // every client, in plan order
    std::vector<Cents> held_mrc;          // rows x families: MRC held per family
    std::vector<std::uint16_t> held_count; // rows x families: services held per family
    std::vector<Recommendation> recommendations;
    std::vector<int> rule_hits;           // per rule: clients it recommends to
    std::vector<Cents> rule_value;        // per rule: their estimated monthly value
    std::vector<int> family_gaps;         // per family: clients without it
    Cents open_value = 0;                 // every row's open_value
    int accounts_with_open = 0;           // rows with open_value > 0
    int in_pipeline = 0;                  // recommendations an open opportunity already offers

    std::span<const Recommendation> of(const WhitespaceRow& row) const {
        return {recommendations.data() + row.first, row.count};
    }
    std::span<Recommendation> recommendations_of(const WhitespaceRow& row) {
        return {recommendations.data() + row.first, row.count};
    }
    Cents held(std::size_t row, std::size_t family) const {
        return held_mrc[row * families.size() + family];
    }
    int holds(std::size_t row, std::size_t family) const {
        return held_count[row * families.size() + family];
    }
};

// A recommendation's deal: an open opportunity of the account with the product, else one closed
// with it in the last 180 days.
inline constexpr int kUpsellLookbackDays = 180;

// That opportunity for one recommendation of the account.
LinkedDeal recommendation_deal(const Plan& plan, const AccountLinks& links, std::size_t account,
                               const Recommendation& rec, Date today);
// Every recommendation's deal again, with the rows' open values and the totals that depend on
// them: what changes when the stages do (an opportunity's open, won or lost state).
void redo_recommendation_deals(const Plan& plan, const AccountLinks& links, Date today, Whitespace& w);

// Builds the whitespace one client at a time, so compute_desks can do every desk in one pass.
class WhitespaceBuilder {
public:
    // `reuse`: a previous result whose memory the new one takes over.
    WhitespaceBuilder(const Plan& plan, const AccountLinks& links, const RuleEngine& engine,
                      Date today, Whitespace reuse = {});
    void add(std::size_t account); // a client, in plan order
    void add_clients();            // every client of the plan, in order
    Whitespace finish();           // adds the families only services named, as more columns

private:
    const Plan& plan_;
    const AccountLinks& links_;
    const RuleEngine& engine_;
    Date today_;
    Whitespace w_;
    std::vector<std::pair<std::uint32_t, std::size_t>> other_; // (row, service) of unknown families
    std::vector<std::size_t> scratch_;
};

Whitespace whitespace_desk(const Plan& plan, const AccountLinks& links, const RuleEngine& engine,
                           Date today);

// How many clients a rule would recommend to on its own (the other rules aside) and what that is
// worth: the preview in the rule editor.
struct RuleReach {
    int clients = 0;
    Cents value = 0;
};
RuleReach rule_reach(const Plan& plan, const UpsellRule& rule);

// "3 sites and no Ethernet → Ethernet Virtual Private Line 1 Gbps", "120 employees on 500 Mbps
// → Fiber Internet 1 Gbps": the rule's conditions with the account's own numbers.
std::string recommendation_reason(const Plan& plan, const Account& account,
                                  const Recommendation& rec);
// A rule in words, for the rule list: "3+ sites, 100+ employees, no Ethernet".
std::string rule_conditions(const UpsellRule& rule);
// "1 per site", "4 per 5 employees", "1 per account".
std::string rule_quantity_text(const UpsellRule& rule);

} // namespace footprint::core
