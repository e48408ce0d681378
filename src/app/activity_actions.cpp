// Activity log commands (see activity_actions.h).
#include "app/activity_actions.h"

#include "core/activity_log.h"

#include <cctype>

namespace footprint::app {

namespace {

std::string account_name_of(const App& app, const std::string& id) {
    if (auto i = app.doc().index().account(id); i && *i < app.plan().accounts.size())
        return app.plan().accounts[*i].name;
    return "an account";
}

std::string lower(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool same_activity(const core::Activity& a, const core::Activity& b) {
    return a.account_id == b.account_id && a.contact_id == b.contact_id &&
           a.opportunity_id == b.opportunity_id && a.type == b.type && a.date == b.date &&
           a.start_minute == b.start_minute && a.duration_minutes == b.duration_minutes &&
           a.subject == b.subject && a.outcome == b.outcome && a.notes == b.notes &&
           a.next_step == b.next_step && a.next_step_due == b.next_step_due &&
           a.next_step_done == b.next_step_done;
}

} // namespace

const core::Activity* find_activity(const App& app, const std::string& id) {
    auto i = app.doc().index().activity(id);
    if (!i || *i >= app.plan().activities.size()) return nullptr;
    return &app.plan().activities[*i];
}

std::string log_activity(App& app, core::Activity draft, std::vector<std::string>& problems) {
    problems = core::check_activity(app.plan(), draft);
    if (!problems.empty()) return {};
    draft.id = app.ids().next("act");
    draft.modified = app.clock().wall();
    std::string label = "Log " + lower(core::activity_type_title(draft.type)) + " with " +
                        account_name_of(app, draft.account_id);
    std::string id = draft.id;
    app.execute(Command{std::move(label),
                        {core::Put<core::Activity>{std::move(draft), std::nullopt, true}}});
    return id;
}

bool edit_activity(App& app, core::Activity edited) {
    const core::Activity* old = find_activity(app, edited.id);
    if (!old || same_activity(*old, edited)) return false;
    std::string label = "Edit " + lower(core::activity_type_title(old->type)) + " with " +
                        account_name_of(app, old->account_id);
    app.execute(Command{std::move(label),
                        {core::Put<core::Activity>{std::move(edited), std::nullopt, true}}});
    return true;
}

bool set_next_step_done(App& app, const std::string& activity_id, bool done) {
    const core::Activity* old = find_activity(app, activity_id);
    if (!old || old->next_step_done == done || old->next_step.empty()) return false;
    core::Activity e = *old;
    e.next_step_done = done;
    std::string label = std::string(done ? "Mark done: " : "Reopen: ") + old->next_step;
    app.execute(Command{std::move(label),
                        {core::Put<core::Activity>{std::move(e), std::nullopt, true}}});
    return true;
}

bool delete_activity(App& app, const std::string& activity_id) {
    const core::Activity* old = find_activity(app, activity_id);
    if (!old) return false;
    std::string label = "Delete " + lower(core::activity_type_title(old->type)) + " with " +
                        account_name_of(app, old->account_id);
    app.execute(Command{std::move(label), {core::Remove<core::Activity>{activity_id}}});
    return true;
}

} // namespace footprint::app
