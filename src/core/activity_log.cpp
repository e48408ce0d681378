// Logging activities: checks, default subjects and the task list (see activity_log.h).
#include "core/activity_log.h"

#include "core/format.h"

#include <algorithm>

namespace footprint::core {

const char* activity_type_title(ActivityType t) {
    switch (t) {
    case ActivityType::Call: return "Call";
    case ActivityType::Visit: return "Visit";
    case ActivityType::Meeting: return "Meeting";
    case ActivityType::Email: return "Email";
    case ActivityType::Event: return "Event";
    case ActivityType::Proposal: return "Proposal";
    }
    return "Activity";
}

std::string default_activity_subject(ActivityType t, const std::string& account_name) {
    const std::string name = account_name.empty() ? std::string("the account") : account_name;
    switch (t) {
    case ActivityType::Call: return "Call with " + name;
    case ActivityType::Visit: return "Visit to " + name;
    case ActivityType::Meeting: return "Meeting with " + name;
    case ActivityType::Email: return "Email to " + name;
    case ActivityType::Event: return "Event with " + name;
    case ActivityType::Proposal: return "Proposal sent to " + name;
    }
    return name;
}

std::vector<std::string> check_activity(const Plan& plan, const Activity& a) {
    std::vector<std::string> problems;
    const bool known = std::any_of(plan.accounts.begin(), plan.accounts.end(),
                                   [&](const Account& x) { return x.id == a.account_id; });
    if (!known) problems.push_back("Pick the account this activity was with.");
    if (a.next_step_due && a.next_step.empty())
        problems.push_back("Say what the next step is, or clear its due date.");
    if (a.next_step_due && *a.next_step_due < a.date)
        problems.push_back("The next step is due " + format_date(*a.next_step_due) +
                           ", before the activity itself (" + format_date(a.date) + ").");
    if (a.start_minute && (*a.start_minute < 0 || *a.start_minute >= 24 * 60))
        problems.push_back("The start time must be between 00:00 and 23:59.");
    if (a.duration_minutes < 0 || a.duration_minutes > 24 * 60)
        problems.push_back("The duration must be between 0 minutes and 24 hours.");
    return problems;
}

namespace {

template <typename Pred>
std::vector<Task> collect_tasks(const Plan& plan, Date today, int within_days, Pred keep) {
    std::vector<Task> tasks;
    const Date until = add_days(today, within_days);
    for (const Activity& a : plan.activities) {
        if (a.next_step_done || !a.next_step_due || a.next_step.empty()) continue;
        if (*a.next_step_due > until || !keep(a)) continue;
        tasks.push_back({&a, *a.next_step_due, days_between(today, *a.next_step_due)});
    }
    std::stable_sort(tasks.begin(), tasks.end(),
                     [](const Task& x, const Task& y) { return x.due < y.due; });
    return tasks;
}

} // namespace

std::vector<Task> open_tasks(const Plan& plan, Date today, int within_days) {
    return collect_tasks(plan, today, within_days, [](const Activity&) { return true; });
}

std::vector<Task> open_tasks_of(const Plan& plan, const std::string& account_id, Date today,
                                int within_days) {
    return collect_tasks(plan, today, within_days,
                         [&](const Activity& a) { return a.account_id == account_id; });
}

int overdue_task_count(const Plan& plan, Date today) {
    int n = 0;
    for (const Activity& a : plan.activities)
        if (!a.next_step_done && a.next_step_due && !a.next_step.empty() &&
            *a.next_step_due < today)
            ++n;
    return n;
}

} // namespace footprint::core
