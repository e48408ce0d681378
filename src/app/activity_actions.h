// The activity log's edits: log an activity, edit or delete it, mark its next step done. The UI's
// "Log activity" popup, the account page, the map, route check-ins and the test API all call these.
#pragma once

#include "app/app.h"

#include <string>
#include <vector>

namespace footprint::app {

// Logs `draft` (its id and modified time are filled in) as one undoable command named after it
// ("Log call with Riverside Dental Group"). Returns the new activity's id, or "" with `problems`
// filled when core::check_activity refuses it.
std::string log_activity(App& app, core::Activity draft, std::vector<std::string>& problems);

// Replaces an activity with its edited copy. False when it does not exist or nothing changed.
bool edit_activity(App& app, core::Activity edited);

// Marks an activity's next step done (or not done again). False when nothing changed.
bool set_next_step_done(App& app, const std::string& activity_id, bool done);

// Deletes an activity (undoable). False when it does not exist.
bool delete_activity(App& app, const std::string& activity_id);

const core::Activity* find_activity(const App& app, const std::string& id);

} // namespace footprint::app
