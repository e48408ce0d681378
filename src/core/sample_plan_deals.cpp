// The sample plan: service lines, contract dates, lost dates and the deals (phases 2 and 3 of sample_plan.cpp).
#include "core/sample_plan_generator.h"

#include "core/format.h"

#include <algorithm>
#include <cmath>

namespace footprint::core::sample_gen {

// The services a business of this kind and size buys (at most 5, Internet first).
std::vector<Line> Generator::bundle_for(const Account& a, const sd::Industry& ind) {
    Rng& r = id_rng_;
    std::vector<Line> lines;
    auto add = [&](std::string_view id, int qty) {
        if (const Product* p = product(id))
            lines.push_back(Line{p, std::max(1, qty), 0.9 + 0.2 * r.unit()});
    };
    const int e = a.employees;
    const char* inet = e < 25    ? "inet-100"
                       : e < 150 ? "inet-500"
                       : e < 700 ? "inet-1g"
                                 : "inet-10g";
    const bool ethernet = a.sites >= 2 && r.chance(50);
    const bool sdwan = ethernet && e < 120 && r.chance(50);
    add(inet, ethernet && !sdwan ? 1 : a.sites);
    if (ethernet) {
        if (sdwan)
            add("eth-sdwan", a.sites);
        else
            add(e >= 120 ? "eth-evpl-1g" : "eth-epl-100", a.sites - 1);
    }
    if (r.chance(60)) {
        if (e <= 60)
            add("voice-hosted", std::max(3, e * 4 / 5));
        else if (r.chance(60))
            add("voice-trunk", std::min(8, (e + 59) / 60));
        else
            add("voice-pri", r.between(1, 3));
    }
    if (ind.name == "Hospitality")
        add("tv-hospitality", r.between(60, 240));
    else if (is_one_of(ind.name, {"Restaurants", "Auto dealers", "Healthcare", "Fitness",
                                  "Dental", "Senior living", "Veterinary"}) &&
             r.chance(35))
        add("tv-business", std::min(8, r.between(1, 3) * a.sites));
    if (r.chance(18)) add("cloud-backup", r.between(1, 4));
    if (r.chance(12)) add("cloud-security", a.sites);
    if (is_one_of(ind.name, {"Hospitality", "Education", "Healthcare", "Senior living",
                             "Fitness", "Restaurants"}) &&
        r.chance(35))
        add("managed-wifi", r.between(4, 30));
    else if (r.chance(8))
        add("managed-network", a.sites);
    if (lines.size() > 5) lines.resize(5);
    return lines;
}

Line Generator::addon_for(const Account& a, const sd::Industry& ind, const std::vector<Line>& have) {
    Rng& r = id_rng_;
    auto has = [&](std::string_view id) {
        for (const Line& l : have)
            if (l.product->id == id) return true;
        return false;
    };
    std::vector<std::pair<std::string_view, int>> options;
    if (!has("cloud-backup")) options.push_back({"cloud-backup", r.between(2, 4)});
    if (!has("managed-wifi")) options.push_back({"managed-wifi", r.between(8, 24)});
    if (!has("cloud-security")) options.push_back({"cloud-security", a.sites});
    if (!has("tv-business") && ind.name != "Hospitality")
        options.push_back({"tv-business", r.between(1, 4)});
    if (options.empty()) return {};
    const auto& [id, qty] = r.pick(options);
    return Line{product(id), qty, 0.92 + 0.16 * r.unit()};
}

// --- phase 2: dates --------------------------------------------------------------------------
Service Generator::make_service(const Line& l, int term) {
    Service s;
    s.id = make_id("s-svc", ++service_seq_);
    s.product = l.product->id;
    s.family = l.product->family;
    s.quantity = l.quantity;
    s.mrc = line_mrc(l, term);
    s.term_months = term;
    s.bandwidth_mbps = l.product->bandwidth_mbps;
    s.modified = now_;
    return s;
}

// A contract end `lo..hi` days from today; often moved to the month's last day (contracts
// that start on the 1st end on the 30th or 31st) when that keeps it in range.
Date Generator::end_between(int lo, int hi) {
    Date end = days_from_today(date_rng_.between(lo, hi));
    const Date me = month_end(end);
    if (date_rng_.chance(55) && days_between(today_, me) <= hi) end = me;
    return end;
}

void Generator::place_contract_dates() {
    for (std::size_t i = 0; i < plan_.accounts.size(); ++i) {
        Account& a = plan_.accounts[i];
        Story& st = stories_[i];
        if (a.status == AccountStatus::Former) {
            place_former(a, st);
            continue;
        }
        if (a.status != AccountStatus::Client) continue;

        Date start, end;
        const int term_days = st.term * 365 / 12;
        switch (st.contract) {
        case Contract::Due30:
            end = end_between(0, 30);
            break;
        case Contract::Due90:
            end = end_between(31, 90);
            break;
        case Contract::Due180:
            end = end_between(91, 180);
            break;
        case Contract::Expired:
            end = days_from_today(-date_rng_.between(3, 420));
            break;
        case Contract::Normal:
            end = end_between(181, term_days - 300);
            break;
        case Contract::LeapDay: {
            int y = ymd_of(today_).year;
            while (!(is_leap_year(y) && days_from_today(180) < date_from_ymd(y, 2, 29)))
                ++y;
            end = date_from_ymd(y, 2, 29);
            break;
        }
        case Contract::Recent: {
            // Closed in month (this month - slot % 10), service started 1-3 weeks later.
            const YearMonth ym{YearMonth::of(today_).index - st.recent_slot % 10};
            const Date first = ym.first_day();
            const Date last = st.recent_slot % 10 == 0 ? today_ : month_end(first);
            st.close_won = add_days(first, date_rng_.between(0, days_between(first, last)));
            start = std::min(add_days(st.close_won, date_rng_.between(7, 21)), today_);
            end = add_days(add_months(start, st.term), -1);
            break;
        }
        }
        if (st.contract != Contract::Recent) start = add_months(add_days(end, 1), -st.term);

        for (const Line& l : st.lines) {
            Service s = make_service(l, st.term);
            s.contract_start = start;
            s.contract_end = end;
            s.auto_renew = st.auto_renew;
            a.services.push_back(std::move(s));
        }
        if (st.has_addon) {
            // Added later on its own 36-month contract when that ends after the main one;
            // otherwise co-terminus with the main contract.
            Service s = make_service(st.addon, 36);
            const Date lo = std::max(
                {start, add_days(add_months(add_days(end, 1), -36), 1), days_from_today(-700)});
            const Date hi = days_from_today(-20);
            if (lo <= hi) {
                const Date add_start = add_days(lo, date_rng_.between(0, days_between(lo, hi)));
                const Date add_end = add_days(add_months(add_start, 36), -1);
                if (end < add_end) {
                    st.addon_separate = true;
                    st.addon_start = add_start;
                    s.contract_start = add_start;
                    s.contract_end = add_end;
                }
            }
            if (!st.addon_separate) {
                s.contract_start = start;
                s.contract_end = end;
                s.term_months = st.term;
            }
            s.auto_renew = st.auto_renew;
            a.services.push_back(std::move(s));
        }
        if (st.contract == Contract::Expired) a.tags.emplace_back("month-to-month");
        if (st.contract == Contract::Recent && st.recent_type == OpportunityType::New)
            a.tags.emplace_back("new logo");
        if (st.contract == Contract::Recent && st.recent_type == OpportunityType::WinBack)
            a.tags.emplace_back("won back");
        if (account_mrc(a) >= 500000) a.tags.emplace_back("key account");
    }
}

void Generator::place_former(Account& a, const Story& st) {
    Rng& r = date_rng_;
    FormerClient& f = a.former;
    f.lost_date = days_from_today(-r.between(183, 1217)); // 6 to 40 months ago
    const std::size_t reason = r.index(sd::former_reasons().size());
    f.reason = std::string(sd::former_reasons()[reason]);
    f.competitor = std::string(r.pick(sd::competitors()));
    if (f.reason == "moved" && r.chance(50)) f.competitor.clear();
    f.competitor_term_months = r.chance(40) ? 24 : 36;
    if (r.chance(25))
        f.competitor_contract_end = add_months(*f.lost_date, f.competitor_term_months);
    const int term = 36;
    std::string note =
        "Was " + format_mrc(lines_mrc(st.lines, term)) + ": " + describe_lines(st.lines) + ". ";
    note += f.competitor.empty() ? "Left: " + f.reason + "."
                                 : "Left for " + f.competitor + " (" + f.reason + ").";
    a.notes = a.notes.empty() ? note : note + " " + a.notes;
}

// --- phase 3: opportunities ------------------------------------------------------------------
Opportunity& Generator::add_opp(const Account& a, OpportunityType type, const std::string& what,
                                std::string_view stage, Date close, Cents mrc, int term,
                                std::vector<std::string> products) {
    Opportunity o;
    o.id = make_id("s-opp", static_cast<int>(plan_.opportunities.size()) + 1);
    o.account_id = a.id;
    o.name = a.name + " \xE2\x80\x94 " + what; // em dash
    o.type = type;
    o.stage = std::string(stage);
    for (const Stage& s : plan_.stages)
        if (s.name == stage) {
            o.probability = s.probability;
            o.forecast_category = s.category;
        }
    o.close_date = close;
    // Opened about three months before the close, never after today: what the activity
    // report counts as new pipeline.
    o.created = std::min(today_, add_days(close, -91));
    o.mrc = clamp_cents(mrc, 30000, 1200000);
    o.term_months = term;
    o.products = std::move(products);
    o.owner = std::string(kRep);
    o.modified = now_;
    plan_.opportunities.push_back(std::move(o));
    return plan_.opportunities.back();
}

// An open stage that fits how far away the close date is.
std::string_view Generator::open_stage(int days_to_close) {
    Rng& r = deal_rng_;
    const int roll = r.between(0, 99);
    if (days_to_close < 30)
        return roll < 40   ? "Negotiation/Review"
               : roll < 75 ? "Proposal/Price Quote"
               : roll < 90 ? "Perception Analysis"
                           : "Id. Decision Makers";
    if (days_to_close < 90)
        return roll < 20   ? "Proposal/Price Quote"
               : roll < 40 ? "Perception Analysis"
               : roll < 60 ? "Id. Decision Makers"
               : roll < 85 ? "Value Proposition"
                           : "Needs Analysis";
    return roll < 25   ? "Prospecting"
           : roll < 50 ? "Qualification"
           : roll < 75 ? "Needs Analysis"
           : roll < 95 ? "Value Proposition"
                       : "Id. Decision Makers";
}

int Generator::pick_term() {
    const int roll = deal_rng_.between(0, 99);
    return roll < 15 ? 12 : roll < 75 ? 36 : 60;
}

std::vector<std::string> Generator::product_ids(const std::vector<Line>& lines) {
    std::vector<std::string> ids;
    for (const Line& l : lines)
        if (std::find(ids.begin(), ids.end(), l.product->id) == ids.end())
            ids.push_back(l.product->id);
    return ids;
}

std::vector<std::string> Generator::service_products(const Account& a) {
    std::vector<std::string> ids;
    for (const Service& s : a.services)
        if (std::find(ids.begin(), ids.end(), s.product) == ids.end()) ids.push_back(s.product);
    return ids;
}

void Generator::set_lost(Opportunity& o, std::string reason) {
    o.loss_reason = std::move(reason);
    o.next_step.clear();
}

void Generator::make_opportunities() {
    Rng& r = deal_rng_;
    const std::size_t n = plan_.accounts.size();

    // Renewals of contracts that end soon or already ended; Closed Won deals of recent starts.
    int due180_with_opp = 0, expired_seen = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Account& a = plan_.accounts[i];
        const Story& st = stories_[i];
        if (a.status != AccountStatus::Client) continue;
        const Date end = *a.services.front().contract_end;
        const Cents mrc = account_mrc(a) * r.between(95, 108) / 100;
        const std::string label =
            "Renewal " + std::to_string(ymd_of(std::max(end, today_)).year);
        Date close;
        bool make = true, slipped = false;
        switch (st.contract) {
        case Contract::Due30:
            close = std::max(today_, add_days(end, -r.between(0, 7)));
            break;
        case Contract::Due90:
            close = add_days(end, -r.between(0, 14));
            break;
        case Contract::Due180:
            make = due180_with_opp++ < 8;
            close = add_days(end, -r.between(0, 21));
            break;
        case Contract::Expired: {
            const int k = expired_seen++;
            make = k < 8;
            slipped = k < 4;
            close = slipped ? slipped_close_date() : days_from_today(r.between(7, 45));
            break;
        }
        case Contract::Recent: {
            const std::string what =
                st.recent_type == OpportunityType::Renewal
                    ? "Renewal " + std::to_string(ymd_of(st.close_won).year)
                : st.recent_type == OpportunityType::New ? "New fiber service"
                                                         : "Win-back";
            Opportunity& o =
                add_opp(a, st.recent_type, what, "Closed Won", st.close_won,
                        lines_mrc(st.lines, st.term), st.term, product_ids(st.lines));
            if (st.recent_type != OpportunityType::Renewal)
                for (const Line& l : st.lines)
                    o.otc += r.chance(50) ? l.product->otc : 0;
            o.next_step = "Hand off to implementation";
            make = false;
            break;
        }
        default:
            make = false;
            break;
        }
        if (!make) continue;
        const std::string_view stage =
            slipped ? (r.chance(50) ? "Negotiation/Review" : "Proposal/Price Quote")
                    : open_stage(days_between(today_, close));
        Opportunity& o = add_opp(a, OpportunityType::Renewal, label, stage, close, mrc,
                                 pick_term(), service_products(a));
        set_open(o, r.pick(sd::next_steps_renewal()));
    }

    // Add-ons started in the last ~9 months: their Closed Won upsells.
    for (std::size_t i = 0; i < n; ++i) {
        const Story& st = stories_[i];
        if (!st.addon_separate || st.addon_start < days_from_today(-280)) continue;
        const Account& a = plan_.accounts[i];
        const Cents mrc = a.services.back().mrc;
        Opportunity& o = add_opp(a, OpportunityType::Upsell, st.addon.product->name,
                                 "Closed Won", add_days(st.addon_start, -r.between(7, 21)), mrc,
                                 36, {st.addon.product->id});
        o.next_step = "Hand off to implementation";
    }

    make_upsells();
    make_winbacks();
    make_new_business();
}

std::vector<Generator::Upsell> Generator::upsell_options(const Account& a, const Story& st) {
    auto has_family = [&](std::string_view f) {
        for (const Service& s : a.services)
            if (s.family == f) return true;
        return false;
    };
    auto has_product = [&](std::string_view id) {
        for (const Service& s : a.services)
            if (s.product == id) return true;
        return false;
    };
    std::vector<Upsell> out;
    auto offer = [&](std::string what, std::string_view id, int qty) {
        const Product* p = product(id);
        if (!p) return;
        const Cents mrc = price_for(*p, 36) * qty * deal_rng_.between(92, 100) / 100;
        if (mrc >= 30000) out.push_back(Upsell{std::move(what), p, qty, mrc});
    };
    const int e = a.employees;
    if (a.sites >= 2 && !has_family("ethernet")) {
        if (e >= 100)
            offer("Ethernet between " + std::to_string(a.sites) + " sites", "eth-evpl-1g",
                  a.sites - 1);
        else
            offer("SD-WAN for " + std::to_string(a.sites) + " sites", "eth-sdwan", a.sites);
    }
    if (!has_family("voice") && e >= 10) {
        const int seats = std::clamp(e * 7 / 10, 12, 150);
        offer("Hosted Voice, " + std::to_string(seats) + " seats", "voice-hosted", seats);
    }
    if (e >= 120 && !has_product("inet-1g") && !has_product("inet-10g"))
        offer("Upgrade to 1 Gbps", "inet-1g", 1);
    if (!has_product("managed-wifi") &&
        is_one_of(st.industry->name, {"Hospitality", "Education", "Healthcare", "Senior living",
                                      "Fitness", "Restaurants"})) {
        const int aps = deal_rng_.between(9, 30);
        offer("Managed Wi-Fi, " + std::to_string(aps) + " access points", "managed-wifi", aps);
    }
    if (!has_family("cloud")) {
        if (a.sites >= 2)
            offer("Cloud Security for " + std::to_string(a.sites) + " sites", "cloud-security",
                  a.sites);
        else
            offer("Cloud Backup, 3 TB", "cloud-backup", 3);
    }
    return out;
}

void Generator::make_upsells() {
    Rng& r = deal_rng_;
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < plan_.accounts.size(); ++i) {
        const Contract c = stories_[i].contract;
        if (plan_.accounts[i].status == AccountStatus::Client && c != Contract::Due30 &&
            c != Contract::Expired)
            order.push_back(i);
    }
    r.shuffle(order);
    int open = 0, lost = 0;
    for (std::size_t i : order) {
        if (open >= 15 && lost >= 3) break;
        const Account& a = plan_.accounts[i];
        std::vector<Upsell> options = upsell_options(a, stories_[i]);
        if (options.empty()) continue;
        const Upsell& u = r.pick(options);
        if (open < 15) {
            const bool slipped = open == 5;
            const Date close = slipped ? slipped_close_date() : open_close_date();
            const std::string_view stage =
                slipped ? "Proposal/Price Quote" : open_stage(days_between(today_, close));
            Opportunity& o = add_opp(a, OpportunityType::Upsell, u.what, stage, close, u.mrc,
                                     36, {u.product->id});
            if (u.product->family == "ethernet" && r.chance(50))
                o.otc = u.product->otc * u.quantity;
            set_open(o, r.pick(sd::next_steps_upsell()));
            ++open;
        } else {
            Opportunity& o = add_opp(a, OpportunityType::Upsell, u.what, "Closed Lost",
                                     closed_date(), u.mrc, 36, {u.product->id});
            set_lost(o, std::string(r.pick(sd::deal_loss_reasons())));
            ++lost;
        }
    }
}

void Generator::make_winbacks() {
    Rng& r = deal_rng_;
    struct Candidate {
        std::size_t index;
        int days_to_competitor_end;
    };
    std::vector<Candidate> formers;
    for (std::size_t i = 0; i < plan_.accounts.size(); ++i) {
        const Account& a = plan_.accounts[i];
        if (a.status != AccountStatus::Former) continue;
        const FormerClient& f = a.former;
        const Date comp_end = f.competitor_contract_end
                                  ? *f.competitor_contract_end
                                  : add_months(*f.lost_date, f.competitor_term_months);
        formers.push_back({i, days_between(today_, comp_end)});

        // A renewal lost in the last ~9 months: the deal that made them a former client.
        if (*f.lost_date >= days_from_today(-280)) {
            const Story& st = stories_[i];
            const auto& reasons = sd::former_reasons();
            std::size_t k = 0;
            while (k < reasons.size() && reasons[k] != f.reason)
                ++k;
            Opportunity& o = add_opp(a, OpportunityType::Renewal,
                                     "Renewal " + std::to_string(ymd_of(*f.lost_date).year),
                                     "Closed Lost", add_days(*f.lost_date, -r.between(0, 20)),
                                     lines_mrc(st.lines, 36), 36, product_ids(st.lines));
            set_lost(o,
                     std::string(
                         sd::loss_reasons_by_former_reason()[std::min(k, reasons.size() - 1)]));
        }
    }
    // Call those whose competitor contract ends soonest (around three months from now) first.
    std::stable_sort(formers.begin(), formers.end(),
                     [](const Candidate& x, const Candidate& y) {
                         return std::abs(x.days_to_competitor_end - 90) <
                                std::abs(y.days_to_competitor_end - 90);
                     });
    for (std::size_t k = 0; k < formers.size() && k < 10; ++k) {
        const Account& a = plan_.accounts[formers[k].index];
        const Story& st = stories_[formers[k].index];
        const Date close = clamp_date(days_from_today(formers[k].days_to_competitor_end - 30),
                                      days_from_today(10), days_from_today(180));
        Opportunity& o = add_opp(a, OpportunityType::WinBack, "Win-back",
                                 open_stage(days_between(today_, close)), close,
                                 lines_mrc(st.lines, 36) * r.between(88, 98) / 100, 36,
                                 product_ids(st.lines));
        set_open(o, r.pick(sd::next_steps_winback()));
    }
    // The three whose competitor contract ends last said no for now.
    for (std::size_t k = 0; k < 3 && k + 10 < formers.size(); ++k) {
        const Candidate& c = formers[formers.size() - 1 - k];
        const Account& a = plan_.accounts[c.index];
        Opportunity& o = add_opp(a, OpportunityType::WinBack, "Win-back", "Closed Lost",
                                 closed_date(), lines_mrc(stories_[c.index].lines, 36), 36,
                                 product_ids(stories_[c.index].lines));
        set_lost(o, "Still under contract with " + (a.former.competitor.empty()
                                                        ? std::string("their new provider")
                                                        : a.former.competitor));
    }
}

void Generator::make_new_business() {
    Rng& r = deal_rng_;
    std::vector<std::size_t> prospects;
    for (std::size_t i = 0; i < plan_.accounts.size(); ++i)
        if (plan_.accounts[i].status == AccountStatus::Prospect) prospects.push_back(i);
    r.shuffle(prospects);
    int open = 0, lost = 0;
    for (std::size_t i : prospects) {
        if (open >= 18 && lost >= 4) break;
        const Account& a = plan_.accounts[i];
        std::vector<Line> lines = stories_[i].lines;
        if (lines.size() > 3) lines.resize(3);
        const int term = pick_term();
        std::string what = "New service: " + std::string(lines.front().product->name);
        if (lines.size() > 1) what += " + " + std::to_string(lines.size() - 1) + " more";
        if (open < 18) {
            const bool slipped = open == 7;
            const Date close = slipped ? slipped_close_date() : open_close_date();
            const std::string_view stage =
                slipped ? "Id. Decision Makers" : open_stage(days_between(today_, close));
            Opportunity& o = add_opp(a, OpportunityType::New, what, stage, close,
                                     lines_mrc(lines, term), term, product_ids(lines));
            if (r.chance(50))
                for (const Line& l : lines)
                    o.otc += l.product->otc;
            set_open(o, r.pick(sd::next_steps_new()));
            ++open;
        } else {
            Opportunity& o =
                add_opp(a, OpportunityType::New, what, "Closed Lost", closed_date(),
                        lines_mrc(lines, term), term, product_ids(lines));
            set_lost(o, std::string(r.pick(sd::deal_loss_reasons())));
            ++lost;
        }
    }
}

} // namespace footprint::core::sample_gen
