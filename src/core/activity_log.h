// Logging activities: checking a logged activity, its next step as a task, and the task list.
#pragma once

#include "core/model.h"

#include <string>
#include <vector>

namespace footprint::core {

// "Call", "Visit", "Meeting", "Email", "Event", "Proposal" (singular, capitalised).
const char* activity_type_title(ActivityType t);
// The subject a new activity starts with: "Call with Riverside Dental Group".
std::string default_activity_subject(ActivityType t, const std::string& account_name);

// What is wrong with an activity about to be logged, in words for the user (empty: fine): an
// unknown account, a due date with no next step, a next step due before the activity's own day,
// a start time or duration out of range.
std::vector<std::string> check_activity(const Plan& plan, const Activity& a);

// A next step that is not done yet: a task. `days` is due - today (negative: overdue).
struct Task {
    const Activity* activity = nullptr;
    Date due;
    int days = 0;
};
// Open tasks due on or before today + `within_days`, overdue first (oldest due first, then plan
// order). A next step without a due date is not a task: it has nothing to be late for.
std::vector<Task> open_tasks(const Plan& plan, Date today, int within_days);
// Only those for one account.
std::vector<Task> open_tasks_of(const Plan& plan, const std::string& account_id, Date today,
                                int within_days);
// Open tasks due before today.
int overdue_task_count(const Plan& plan, Date today);

} // namespace footprint::core
