// The sample plan: calls, visits, meetings, emails and events over the past 120 days and the next 14 (phase 4 of sample_plan.cpp).
#include "core/sample_plan_generator.h"

#include "core/format.h"

#include <algorithm>
#include <cmath>

namespace footprint::core::sample_gen {

// --- phase 4: activities ---------------------------------------------------------------------
int Generator::duration_for(ActivityType t, Rng& r) {
    switch (t) {
    case ActivityType::Call:
        return 5 * r.between(1, 6);
    case ActivityType::Email:
        return 5 * r.between(1, 2);
    case ActivityType::Visit:
        return 15 * r.between(2, 6);
    case ActivityType::Meeting:
        return 15 * r.between(3, 6);
    case ActivityType::Event:
        return 30 * r.between(3, 5);
    case ActivityType::Proposal:
        return 15 * r.between(2, 4);
    }
    return 30;
}

std::string Generator::product_name(const std::string& id) const {
    const Product* p = product(id);
    return p ? p->name : id;
}

void Generator::make_activities() {
    Rng& r = act_rng_;
    const Settings& s = plan_.settings;
    std::vector<std::size_t> clients, others;
    for (std::size_t i = 0; i < plan_.accounts.size(); ++i)
        (plan_.accounts[i].status == AccountStatus::Client ? clients : others).push_back(i);
    std::vector<std::size_t> account_index_of_opp;
    for (const Opportunity& o : plan_.opportunities)
        for (std::size_t i = 0; i < plan_.accounts.size(); ++i)
            if (plan_.accounts[i].id == o.account_id) {
                account_index_of_opp.push_back(i);
                break;
            }

    std::vector<Activity> acts;
    for (int offset = -120; offset <= 14; ++offset) {
        const Date day = days_from_today(offset);
        const int wd = weekday(day);
        if (wd >= 5) continue;
        const bool planned = offset >= 0;
        const int count = planned ? r.between(2, 4) : r.between(5, 8);
        int cursor = s.work_start_minute + 15 * r.between(0, 2);
        // Every other Thursday: a networking event first thing in the morning.
        const bool event_day = wd == 3 && ((day.days / 7) % 2 == 0);

        // Deals being worked on this day.
        std::vector<std::size_t> live;
        for (std::size_t k = 0; k < plan_.opportunities.size(); ++k) {
            const Opportunity& o = plan_.opportunities[k];
            const Date close = *o.close_date;
            const bool closed = o.stage == "Closed Won" || o.stage == "Closed Lost";
            if (closed ? (add_days(close, -75) <= day && day <= close) : true)
                live.push_back(k);
        }

        for (int n = 0; n < count + (event_day ? 1 : 0); ++n) {
            Activity act;
            act.date = day;
            ActivityType type;
            if (event_day && n == 0)
                type = ActivityType::Event;
            else {
                const int roll = r.between(0, 99);
                type = planned ? (roll < 35   ? ActivityType::Visit
                                  : roll < 65 ? ActivityType::Meeting
                                  : roll < 95 ? ActivityType::Call
                                              : ActivityType::Proposal)
                               : (roll < 40   ? ActivityType::Call
                                  : roll < 64 ? ActivityType::Email
                                  : roll < 80 ? ActivityType::Visit
                                  : roll < 94 ? ActivityType::Meeting
                                              : ActivityType::Proposal);
            }
            const Opportunity* opp = nullptr;
            std::size_t account = 0;
            if (type != ActivityType::Event && !live.empty() &&
                (type == ActivityType::Proposal || r.chance(65))) {
                const std::size_t k = live[r.index(live.size())];
                opp = &plan_.opportunities[k];
                account = account_index_of_opp[k];
            } else {
                if (type == ActivityType::Proposal) type = ActivityType::Call;
                account = r.chance(55) ? r.pick(clients) : r.pick(others);
            }
            act.type = type;
            const int duration = duration_for(type, r);
            if (cursor < s.lunch_start_minute + s.lunch_minutes &&
                cursor + duration > s.lunch_start_minute)
                cursor = s.lunch_start_minute + s.lunch_minutes;
            if (cursor + duration > s.work_end_minute) break;
            act.start_minute = cursor;
            act.duration_minutes = duration;
            cursor += duration + 15 * r.between(0, 2) +
                      (type == ActivityType::Visit || type == ActivityType::Meeting ? 30 : 0);

            const Account& a = plan_.accounts[account];
            act.account_id = a.id;
            if (!a.contacts.empty() && r.chance(80)) act.contact_id = r.pick(a.contacts).id;
            const sd::ActivityWords& words = sd::activity_words(static_cast<int>(type));
            if (opp) {
                act.opportunity_id = opp->id;
                const std::string p = opp->products.empty()
                                          ? std::string("fiber")
                                          : product_name(opp->products.front());
                if (type == ActivityType::Proposal)
                    act.subject = std::string(r.pick(words.subjects)) + ": " + p;
                else if (r.chance(60))
                    act.subject = replace_all(
                        std::string(r.pick(sd::deal_subjects(static_cast<int>(opp->type)))),
                        "{P}", p);
                else
                    act.subject = std::string(r.pick(words.subjects));
            } else {
                act.subject = std::string(r.pick(words.subjects));
            }
            if (!planned) {
                act.outcome = std::string(r.pick(words.outcomes));
                if (r.chance(35)) {
                    act.next_step = std::string(r.pick(sd::activity_next_steps()));
                    act.next_step_due = add_days(day, r.between(2, 10));
                    // Older follow-ups were nearly all done; last week's are half done.
                    const int age = days_between(*act.next_step_due, today_);
                    act.next_step_done = age > 7 ? r.chance(98) : age > 0 && r.chance(65);
                }
            }
            act.modified = now_;
            acts.push_back(std::move(act));
        }
    }

    // A few follow-ups are overdue and not done (at least three).
    int overdue = 0;
    for (const Activity& a : acts)
        if (a.next_step_due && *a.next_step_due < today_ && !a.next_step_done) ++overdue;
    for (auto it = acts.rbegin(); it != acts.rend() && overdue < 3; ++it)
        if (it->next_step_due && *it->next_step_due < today_ && it->next_step_done) {
            it->next_step_done = false;
            ++overdue;
        }

    int seq = 0;
    for (Activity& a : acts)
        a.id = make_id("s-act", ++seq);
    plan_.activities = std::move(acts);
}

} // namespace footprint::core::sample_gen
