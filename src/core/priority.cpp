// The priority score and the one-pass computation of every desk (see priority.h).
#include "core/priority.h"

#include "core/format.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

namespace footprint::core {

namespace {

// The 90th percentile of the positive values (nearest rank), at least $100/mo so that a plan of
// tiny amounts does not make every one of them "a lot".
Cents scale_of(std::vector<Cents> values) {
    constexpr Cents kFloor = 10'000;
    values.erase(std::remove_if(values.begin(), values.end(), [](Cents c) { return c <= 0; }), values.end());
    if (values.empty()) return kFloor;
    const std::size_t rank = (values.size() * 9 + 9) / 10 - 1; // ceil(0.9 n) - 1
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(rank), values.end());
    return std::max(values[rank], kFloor);
}

double clamp01(double x) { return std::clamp(x, 0.0, 1.0); }

bool settled(const LinkedDeal& d) { return d.state == LinkState::Won || d.state == LinkState::Lost; }

double renewal_level(const RenewalRow& r) {
    if (settled(r.deal)) return 0;
    if (r.days_left < 0) return 1;
    const int d = r.days_to_notice >= 0 ? std::min(r.days_to_notice, r.days_left) : r.days_left;
    return clamp01(1.0 - static_cast<double>(d) / kRenewalUrgencyDays);
}

double winback_level(const WinbackRow& w, int window_days, Date today, const Plan& plan) {
    if (w.deal.state == LinkState::Won) return 0;
    if (w.deal.state == LinkState::Lost) {
        const Opportunity& o = plan.opportunities[w.deal.opportunity];
        if (o.close_date && days_between(*o.close_date, today) <= 180) return 0;
    }
    if (w.window == WindowState::Open) {
        if (w.days_to_end <= 0) return 1;
        const double span = std::max(window_days, 1);
        return 0.6 + 0.4 * clamp01(1.0 - w.days_to_end / span);
    }
    if (w.window == WindowState::Upcoming && w.days_to_open <= kWinbackRampDays)
        return 0.3 * clamp01(1.0 - static_cast<double>(w.days_to_open) / kWinbackRampDays);
    return 0;
}

// A win-back's value counts as at stake while its window is open or opens within 90 days.
bool winback_at_stake(const WinbackRow& w) {
    return w.deal.state != LinkState::Won &&
           (w.window == WindowState::Open || (w.window == WindowState::Upcoming && w.days_to_open <= 90));
}

std::string days_phrase(Date d, Date today) { return format_relative_days(d, today); }

void prepare_scores(const Plan& plan, DeskData& d);
void score_range(const Plan& plan, Date today, DeskData& d, std::size_t from, std::size_t to);
void sort_scores(DeskData& d);

} // namespace

namespace {

} // namespace

DeskData compute_desks(const Plan& plan, Date today) {
    DeskData d;
    compute_desks(plan, today, d);
    return d;
}

void compute_desks(const Plan& plan, Date today, DeskData& d) {
    DeskJob job(plan, today, std::move(d));
    while (!job.step(SIZE_MAX)) {
    }
    d = std::move(job.result());
}

DeskJob::DeskJob(const Plan& plan, Date today, DeskData reuse, LinkReuse links)
    : plan_(plan), today_(today), d_(std::move(reuse)) {
    if (d_.today != today) links.activities = false; // last and next touches depend on the day
    d_.today = today; // the previous rows are filled again in place (their memory reused)
    links_.emplace(plan, today, d_.links, std::nullopt, links);
}

double DeskJob::progress() const {
    const double n = static_cast<double>(plan_.accounts.size());
    const double links_total = static_cast<double>(links_->total());
    const double total = links_total + 2 * n + 1;
    switch (phase_) {
    case Phase::Links: return static_cast<double>(links_->done()) / total;
    case Phase::Accounts: return (links_total + static_cast<double>(next_)) / total;
    case Phase::Prepare: return (links_total + n) / total;
    case Phase::Score: return (links_total + n + static_cast<double>(next_)) / total;
    case Phase::Sort: return (links_total + 2 * n) / total;
    case Phase::Done: break;
    }
    return 1.0;
}

bool DeskJob::step(std::size_t budget) {
    while (budget > 0 && phase_ != Phase::Done) {
        switch (phase_) {
        case Phase::Links: {
            const std::size_t before = links_->done();
            if (links_->step(budget)) {
                phase_ = Phase::Accounts;
                engine_.emplace(plan_);
                whitespace_.emplace(plan_, d_.links, *engine_, today_, std::move(d_.whitespace));
            }
            const std::size_t spent = links_->done() - before;
            budget -= std::min(budget, std::max<std::size_t>(spent, 1));
            break;
        }
        case Phase::Accounts: {
            // One pass over the accounts for every desk: at 100,000 accounts the passes cost more in
            // memory traffic than in arithmetic.
            const std::size_t n = plan_.accounts.size();
            const std::size_t end = n - next_ > budget ? next_ + budget : n;
            budget -= end - next_;
            for (; next_ < end; ++next_) {
                if (next_ + kAccountAhead < n) prefetch_account(plan_.accounts[next_ + kAccountAhead]);
                if (next_ + kServicesAhead < n) {
                    prefetch_services(plan_.accounts[next_ + kServicesAhead]);
                    for (std::uint32_t k : d_.links.opportunities_of(next_ + kServicesAhead)) {
                        __builtin_prefetch(&plan_.opportunities[k].type);
                        __builtin_prefetch(&plan_.opportunities[k].products);
                    }
                }
                switch (plan_.accounts[next_].status) {
                case AccountStatus::Client:
                    if (renewals_ == d_.renewals.size()) d_.renewals.emplace_back();
                    renewals_ += renewal_into(plan_, d_.links, next_, today_, d_.renewals[renewals_]);
                    whitespace_->add(next_);
                    break;
                case AccountStatus::Former:
                    if (winbacks_ == d_.winbacks.size()) d_.winbacks.emplace_back();
                    winbacks_ += winback_into(plan_, d_.links, *engine_, next_, today_, d_.winbacks[winbacks_], recs_);
                    break;
                case AccountStatus::Prospect: break;
                }
            }
            if (next_ == n) {
                d_.renewals.resize(renewals_);
                d_.winbacks.resize(winbacks_);
                sort_renewals(d_.renewals);
                sort_winbacks(d_.winbacks);
                d_.whitespace = whitespace_->finish();
                phase_ = Phase::Prepare;
            }
            break;
        }
        case Phase::Prepare: // O(accounts), light: one slice
            prepare_scores(plan_, d_);
            budget -= std::min(budget, plan_.accounts.size() / 8 + 1);
            next_ = 0;
            phase_ = Phase::Score;
            break;
        case Phase::Score: {
            const std::size_t n = plan_.accounts.size();
            const std::size_t end = n - next_ > budget ? next_ + budget : n;
            budget -= end - next_;
            score_range(plan_, today_, d_, next_, end);
            next_ = end;
            if (next_ == n) phase_ = Phase::Sort;
            break;
        }
        case Phase::Sort:
            sort_scores(d_);
            budget -= std::min(budget, plan_.accounts.size() / 4 + 1); // sorting weighs about that
            phase_ = Phase::Done;
            break;
        case Phase::Done: break;
        }
    }
    return phase_ == Phase::Done;
}

namespace {

// Every account's row indices and MRC at stake, and the scales the levels divide by.
void prepare_scores(const Plan& plan, DeskData& d) {
    const std::size_t n = plan.accounts.size();
    std::vector<AccountPriority>& all = d.scratch;
    all.assign(n, AccountPriority{});
    for (std::size_t i = 0; i < n; ++i) all[i].account = i;
    // The desks' rows are sorted by urgency, not by account: ask for each row's account ahead.
    constexpr std::size_t kAhead = 8;
    for (std::size_t r = 0; r < d.renewals.size(); ++r) {
        if (r + kAhead < d.renewals.size()) __builtin_prefetch(&all[d.renewals[r + kAhead].account]);
        AccountPriority& p = all[d.renewals[r].account];
        p.renewal = static_cast<std::int32_t>(r);
        if (!settled(d.renewals[r].deal)) p.at_stake += d.renewals[r].mrc;
    }
    for (std::size_t r = 0; r < d.winbacks.size(); ++r) {
        if (r + kAhead < d.winbacks.size()) __builtin_prefetch(&all[d.winbacks[r + kAhead].account]);
        AccountPriority& p = all[d.winbacks[r].account];
        p.winback = static_cast<std::int32_t>(r);
        if (winback_at_stake(d.winbacks[r])) p.at_stake += d.winbacks[r].value;
    }
    for (std::size_t r = 0; r < d.whitespace.rows.size(); ++r) {
        AccountPriority& p = all[d.whitespace.rows[r].account];
        p.whitespace = static_cast<std::int32_t>(r);
        p.upsell = d.whitespace.rows[r].open_value;
    }
    // The scales count the accounts with something at stake (or some upsell): only those that
    // have a row can, so the rows list them without a walk over every account.
    std::vector<Cents> stake, upsell;
    stake.reserve(d.renewals.size() + d.winbacks.size());
    upsell.reserve(d.whitespace.rows.size());
    for (const RenewalRow& r : d.renewals) stake.push_back(all[r.account].at_stake);
    for (const WinbackRow& w : d.winbacks)
        if (all[w.account].renewal < 0) stake.push_back(all[w.account].at_stake); // each account once
    for (const WhitespaceRow& r : d.whitespace.rows) upsell.push_back(r.open_value);
    d.revenue_scale = scale_of(std::move(stake));
    d.upsell_scale = scale_of(std::move(upsell));
    d.keys.clear();
    d.keys.reserve(n);
    d.priorities.clear();
}

// The levels, points and score of the accounts [from, to).
void score_range(const Plan& plan, Date today, DeskData& d, std::size_t from, std::size_t to) {
    const PriorityWeights& w = plan.settings.priority_weights;
    const double weights[kPriorityFactors] = {
        static_cast<double>(std::max(w.renewal, 0)), static_cast<double>(std::max(w.revenue, 0)),
        static_cast<double>(std::max(w.winback, 0)), static_cast<double>(std::max(w.upsell, 0)),
        static_cast<double>(std::max(w.recency, 0))};
    double total = 0;
    for (double x : weights) total += x;
    const int window_days = plan.settings.winback_window_days;
    for (std::size_t i = from; i < to; ++i) {
        AccountPriority& p = d.scratch[i];
        auto& lv = p.level;
        if (p.renewal >= 0) lv[0] = static_cast<float>(renewal_level(d.renewals[static_cast<std::size_t>(p.renewal)]));
        lv[1] = static_cast<float>(clamp01(static_cast<double>(p.at_stake) / static_cast<double>(d.revenue_scale)));
        if (p.winback >= 0)
            lv[2] = static_cast<float>(winback_level(d.winbacks[static_cast<std::size_t>(p.winback)], window_days, today, plan));
        lv[3] = static_cast<float>(clamp01(static_cast<double>(p.upsell) / static_cast<double>(d.upsell_scale)));
        const auto& next = d.links.next_planned[p.account];
        const auto& last = d.links.last_touch[p.account];
        if (next && days_between(today, *next) <= kPlannedSoonDays) lv[4] = 0;
        else if (!last) lv[4] = 1;
        else lv[4] = static_cast<float>(clamp01(static_cast<double>(days_between(*last, today)) / kRecencyFullDays));
        if (total <= 0) continue;
        for (int f = 0; f < kPriorityFactors; ++f) {
            const auto k = static_cast<std::size_t>(f);
            p.points[k] = static_cast<float>(lv[k] * weights[f] / total * 100.0);
            p.score += p.points[k];
        }
        if (p.score > 0) d.keys.push_back({p.score, p.at_stake, static_cast<std::uint32_t>(p.account)});
    }
}

// Highest score first, then the most at stake, then plan order. A score is a positive double, so
// its bits order like it; a stable radix sort on them (six 11-bit digits, a digit all keys share
// skipped) keeps plan order among equal scores, and the few runs of equal scores with different
// stakes are then sorted by stake. At 100,000 accounts this is a third of std::sort's time.
void sort_scores(DeskData& d) {
    constexpr int kDigitBits = 11;
    constexpr std::size_t kBuckets = std::size_t{1} << kDigitBits;
    constexpr int kDigits = (64 + kDigitBits - 1) / kDigitBits;
    auto bits = [](const DeskData::SortKey& k) { // descending: the complement of the bits
        std::uint64_t b;
        std::memcpy(&b, &k.score, sizeof b);
        return ~b;
    };
    std::vector<DeskData::SortKey>& keys = d.keys;
    std::vector<DeskData::SortKey>& other = d.sorting;
    other.resize(keys.size());
    std::vector<std::uint32_t> count(kBuckets * kDigits, 0);
    for (const DeskData::SortKey& k : keys) {
        const std::uint64_t b = bits(k);
        for (int g = 0; g < kDigits; ++g) ++count[static_cast<std::size_t>(g) * kBuckets + ((b >> (g * kDigitBits)) & (kBuckets - 1))];
    }
    for (int g = 0; g < kDigits; ++g) {
        std::uint32_t* c = count.data() + static_cast<std::size_t>(g) * kBuckets;
        const std::uint64_t first = keys.empty() ? 0 : (bits(keys.front()) >> (g * kDigitBits)) & (kBuckets - 1);
        if (c[first] == keys.size()) continue; // every key has this digit
        std::uint32_t at = 0;
        for (std::size_t b = 0; b < kBuckets; ++b) at += std::exchange(c[b], at);
        for (const DeskData::SortKey& k : keys) other[c[(bits(k) >> (g * kDigitBits)) & (kBuckets - 1)]++] = k;
        keys.swap(other);
    }
    for (std::size_t i = 0; i < keys.size();) { // runs of equal scores: by stake, then plan order
        std::size_t j = i + 1;
        while (j < keys.size() && keys[j].score == keys[i].score) ++j;
        const auto by_stake = [](const DeskData::SortKey& x, const DeskData::SortKey& y) {
            return x.stake != y.stake ? x.stake > y.stake : x.account < y.account;
        };
        const auto from = keys.begin() + static_cast<std::ptrdiff_t>(i), to = keys.begin() + static_cast<std::ptrdiff_t>(j);
        if (j - i > 1 && !std::is_sorted(from, to, by_stake)) std::sort(from, to, by_stake);
        i = j;
    }
    d.priorities.resize(keys.size());
    constexpr std::size_t kAhead = 8; // the records are gathered out of order: ask for them ahead
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i + kAhead < keys.size()) __builtin_prefetch(&d.scratch[keys[i + kAhead].account]);
        d.priorities[i] = d.scratch[keys[i].account];
    }
}

} // namespace

void rescore(const Plan& plan, Date today, DeskData& d) {
    prepare_scores(plan, d);
    score_range(plan, today, d, 0, plan.accounts.size());
    sort_scores(d);
}

std::vector<AccountPriority> priority_list(const Plan& plan, Date today) {
    return compute_desks(plan, today).priorities;
}

const char* factor_label(PriorityFactor f) {
    switch (f) {
    case PriorityFactor::Renewal: return "Renewal urgency";
    case PriorityFactor::Revenue: return "Revenue at stake";
    case PriorityFactor::Winback: return "Win-back window";
    case PriorityFactor::Upsell: return "Upsell value";
    case PriorityFactor::Recency: return "Days since last touch";
    }
    return "";
}

std::string explain_factor(const Plan& plan, const DeskData& d, const AccountPriority& p,
                           PriorityFactor f) {
    const Date today = d.today;
    switch (f) {
    case PriorityFactor::Renewal: {
        if (p.renewal < 0) return "No contract ends in the next 180 days";
        const RenewalRow& r = d.renewals[static_cast<std::size_t>(p.renewal)];
        std::string s = r.days_left < 0
                            ? "Out of contract since " + format_date_short(r.end, today) + " (" + days_phrase(r.end, today) + ")"
                            : "Contract ends " + format_date_short(r.end, today) + " (" + days_phrase(r.end, today) + ")";
        if (r.days_left >= 0)
            s += r.days_to_notice < 0 ? "; notice deadline passed"
                                      : "; notice by " + format_date_short(r.notice_by, today);
        if (r.deal.state == LinkState::Open)
            s += "; renewal open in " + plan.opportunities[r.deal.opportunity].stage;
        if (r.deal.state == LinkState::Won) s += "; renewal won";
        if (r.deal.state == LinkState::Lost) s += "; renewal lost";
        return s;
    }
    case PriorityFactor::Revenue: {
        if (p.at_stake <= 0) return "No revenue at stake";
        Cents renewal = 0;
        if (p.renewal >= 0 && !settled(d.renewals[static_cast<std::size_t>(p.renewal)].deal))
            renewal = d.renewals[static_cast<std::size_t>(p.renewal)].mrc;
        const Cents winback = p.at_stake - renewal;
        std::string s;
        if (renewal > 0) s = format_mrc_rounded(renewal) + " up for renewal";
        if (winback > 0) {
            if (!s.empty()) s += "; ";
            s += format_mrc_rounded(winback) + " to win back";
            const WinbackRow& w = d.winbacks[static_cast<std::size_t>(p.winback)];
            if (w.source == ValueSource::Estimate) s += " (estimated)";
        }
        return s;
    }
    case PriorityFactor::Winback: {
        if (p.winback < 0) return "Not a former client";
        const WinbackRow& w = d.winbacks[static_cast<std::size_t>(p.winback)];
        if (!w.competitor) return "No lost date: add one to see the window";
        const Account& a = plan.accounts[p.account];
        const std::string who = a.former.competitor.empty() ? std::string("Their current") : a.former.competitor;
        std::string s = who + " contract " + (w.competitor->estimated ? "likely ends " : "ends ") +
                        format_date_short(w.competitor->end, today) + " (" + days_phrase(w.competitor->end, today) + ")";
        if (w.deal.state == LinkState::Won) return s + "; won back";
        if (w.deal.state == LinkState::Open) s += "; win-back open in " + plan.opportunities[w.deal.opportunity].stage;
        if (w.deal.state == LinkState::Lost) s += "; said no on " + format_date_short(*plan.opportunities[w.deal.opportunity].close_date, today);
        if (w.window == WindowState::Open) return s + ": window open";
        return s + ": window opens " + days_phrase(w.window_opens, today);
    }
    case PriorityFactor::Upsell: {
        if (p.whitespace < 0) return "Not a client";
        const WhitespaceRow& row = d.whitespace.rows[static_cast<std::size_t>(p.whitespace)];
        if (p.upsell <= 0) return row.count ? "Every recommendation is already in an opportunity" : "No recommendation";
        std::string names;
        int shown = 0;
        for (const Recommendation& rec : d.whitespace.of(row)) {
            if (rec.deal.state != LinkState::None) continue;
            if (shown++ < 2) names += (names.empty() ? "" : ", ") + plan.upsell_rules[rec.rule].name;
        }
        if (shown > 2) names += " and " + format_count(shown - 2) + " more";
        return format_mrc_rounded(p.upsell) + " of whitespace: " + names;
    }
    case PriorityFactor::Recency: {
        const auto& next = d.links.next_planned[p.account];
        const auto& last = d.links.last_touch[p.account];
        if (next && days_between(today, *next) <= kPlannedSoonDays)
            return "Activity planned " + days_phrase(*next, today) + " (" + format_date_short(*next, today) + ")";
        if (!last) return "Not touched in the last year";
        std::string s = "Last touched " + days_phrase(*last, today);
        switch (d.links.last_touch_type[p.account]) {
        case ActivityType::Call: return s + " (call)";
        case ActivityType::Visit: return s + " (visit)";
        case ActivityType::Meeting: return s + " (meeting)";
        case ActivityType::Email: return s + " (email)";
        case ActivityType::Event: return s + " (event)";
        case ActivityType::Proposal: return s + " (proposal)";
        }
        return s;
    }
    }
    return "";
}

} // namespace footprint::core
