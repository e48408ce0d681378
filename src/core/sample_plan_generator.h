// The sample plan's generator, private to the three files that define it: sample_plan.cpp
// (territories, accounts and contacts), sample_plan_deals.cpp (service lines, contract dates and
// deals) and sample_plan_activities.cpp (calls, visits, meetings). Each phase draws from its own
// random stream so that the phases do not disturb one another (see sample_plan.cpp).
#pragma once

#include "core/date.h"
#include "core/model.h"
#include "core/rng.h"
#include "core/sample_plan_data.h"

#include <cstdint>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace footprint::core::sample_gen {

namespace sd = sample_data;

inline constexpr std::string_view kRep = "Jordan Reyes";
inline constexpr int kAccounts = 300;
inline constexpr int kClients = 165, kFormers = 60; // the other 75 are prospects

// The generator's draws, on core/rng.h's SplitMix64 (the same sequence on every platform).
class Rng {
  public:
    explicit Rng(std::uint64_t seed) : bits_(seed) {}
    std::uint64_t next() { return bits_.next(); }
    // Uniform in [lo, hi], both included.
    int between(int lo, int hi) {
        if (hi <= lo) return lo;
        const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo + 1);
        return static_cast<int>(lo + static_cast<std::int64_t>(next() % span));
    }
    double unit() { return bits_.unit(); } // [0, 1)
    bool chance(int percent) { return between(0, 99) < percent; }
    std::size_t index(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
    template <typename V> const auto& pick(const V& v) { return v[index(v.size())]; }
    template <typename V> void shuffle(V& v) {
        for (std::size_t i = v.size(); i > 1; --i)
            std::swap(v[i - 1], v[index(i)]);
    }
    std::size_t weighted(const std::vector<int>& weights) {
        int total = 0;
        for (int w : weights)
            total += w;
        int r = between(0, total - 1);
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (r < weights[i]) return i;
            r -= weights[i];
        }
        return weights.size() - 1;
    }

  private:
    SplitMix64 bits_;
};

std::string make_id(std::string_view prefix, int n);
std::string replace_all(std::string s, std::string_view from, std::string_view to);
Date month_end(Date d);
Date clamp_date(Date d, Date lo, Date hi);
Cents clamp_cents(Cents c, Cents lo, Cents hi);

// --- accounts ------------------------------------------------------------------------------------
enum class Contract { Due30, Due90, Due180, Expired, Recent, Normal, LeapDay };

struct Line {
    const Product* product = nullptr;
    int quantity = 1;
    double factor = 1.0; // price variation around the catalog price
};

// What the generator knows about an account beyond the record itself.
struct Story {
    const sd::Industry* industry = nullptr;
    std::vector<Line> lines; // clients: the main bundle; formers: what they had; prospects: a fit
    int term = 36;
    bool auto_renew = false;
    Contract contract = Contract::Normal;
    int recent_slot = 0; // Recent: 0..29, spread over the last 10 months
    OpportunityType recent_type = OpportunityType::Renewal;
    bool has_addon = false; // clients: one more service on its own contract
    Line addon;
    Date close_won; // Recent: when the deal closed
    Date addon_start;
    bool addon_separate = false;
};

Cents price_for(const Product& p, int term);
Cents line_mrc(const Line& l, int term);
Cents lines_mrc(const std::vector<Line>& lines, int term);
std::string describe_lines(const std::vector<Line>& lines);
bool is_one_of(std::string_view s, std::initializer_list<std::string_view> set);

class Generator {
  public:
    Generator(Plan& plan, Date today, Timestamp now)
        : plan_(plan), today_(today), now_(now), id_rng_(0x5A3D1E0F00C0FFEEull),
          date_rng_(0x0DA7E5C0105EDull), deal_rng_(0xDEA15D0CA11ED5ull),
          act_rng_(0xAC71F17135EEDull) {}

    void run() {
        make_territories();
        make_accounts();
        place_contract_dates();
        make_opportunities();
        make_activities();
    }

  private:
    Plan& plan_;
    Date today_;
    Timestamp now_;
    Rng id_rng_, date_rng_, deal_rng_, act_rng_;
    std::vector<Story> stories_; // parallel to plan_.accounts
    int contact_seq_ = 0, service_seq_ = 0;
    std::set<std::string> domains_;

    const Product* product(std::string_view id) const;
    Date days_from_today(int n) const { return add_days(today_, n); }

    // --- territories -----------------------------------------------------------------------------
    void make_territories();

    // --- phase 1: identity -----------------------------------------------------------------------
    void make_accounts();
    std::string unique_name(const sd::Industry& ind, const std::set<std::string>& taken);
    static std::string lower_alnum(std::string_view s);

    // "Ashgrove Dental Group" -> "ashgrovedental.example"; more words when that one is taken.
    std::string domain_of(std::string_view business);
    static std::string domain_words(std::string_view business, int max_words);
    static std::string role_for(std::string_view title);
    void make_contacts(Account& a, const sd::Industry& ind, const sd::Place& place);

    // The services a business of this kind and size buys (at most 5, Internet first).
    std::vector<Line> bundle_for(const Account& a, const sd::Industry& ind);
    Line addon_for(const Account& a, const sd::Industry& ind, const std::vector<Line>& have);

    // --- phase 2: dates --------------------------------------------------------------------------
    Service make_service(const Line& l, int term);

    // A contract end `lo..hi` days from today; often moved to the month's last day (contracts
    // that start on the 1st end on the 30th or 31st) when that keeps it in range.
    Date end_between(int lo, int hi);
    void place_contract_dates();
    void place_former(Account& a, const Story& st);

    // --- phase 3: opportunities ------------------------------------------------------------------
    Opportunity& add_opp(const Account& a, OpportunityType type, const std::string& what,
                         std::string_view stage, Date close, Cents mrc, int term,
                         std::vector<std::string> products);

    // An open stage that fits how far away the close date is.
    std::string_view open_stage(int days_to_close);
    int pick_term();
    static std::vector<std::string> product_ids(const std::vector<Line>& lines);
    static std::vector<std::string> service_products(const Account& a);
    Date open_close_date() { return days_from_today(deal_rng_.between(7, 180)); }
    Date slipped_close_date() { return days_from_today(-deal_rng_.between(3, 30)); }
    Date closed_date() { return days_from_today(-deal_rng_.between(3, 290)); }
    void set_open(Opportunity& o, std::string_view next) { o.next_step = std::string(next); }
    void set_lost(Opportunity& o, std::string reason);
    void make_opportunities();

    struct Upsell {
        std::string what;
        const Product* product = nullptr;
        int quantity = 1;
        Cents mrc = 0;
    };
    std::vector<Upsell> upsell_options(const Account& a, const Story& st);
    void make_upsells();
    void make_winbacks();
    void make_new_business();

    // --- phase 4: activities ---------------------------------------------------------------------
    static int duration_for(ActivityType t, Rng& r);
    std::string product_name(const std::string& id) const;
    void make_activities();
};

} // namespace footprint::core::sample_gen
