// The shared actions behind menus, shortcuts and the test API.
#include "app/app.h"

#include "core/plan_json.h"
#include "core/sample_plan.h"

namespace footprint::app {

App::App(Clock clock, std::uint64_t id_seed) : clock_(std::move(clock)), ids_(id_seed) {}

void App::replace_plan(core::Plan plan, bool needs_save) {
    doc_.reset(std::move(plan));
    if (needs_save)
        saver_.mark_dirty(clock_.monotonic_ms());
    else
        saver_.mark_clean(doc_);
}

void App::replace_plan_undoably(core::Plan plan, std::string label) {
    execute(Command{std::move(label),
                    {core::ReplacePlan{std::make_shared<core::Plan>(std::move(plan))}}});
}

void App::open_stored(core::Plan plan) { replace_plan(std::move(plan), false); }

void App::open_first_sample() {
    replace_plan(core::make_sample_plan(clock_.today(), clock_.wall()), true);
}

void App::open_sample() {
    replace_plan_undoably(core::make_sample_plan(clock_.today(), clock_.wall()), "Open the sample plan");
}

void App::new_empty_plan() {
    replace_plan_undoably(core::make_empty_plan(ids_.next("plan"), "My plan", clock_.wall()),
                          "New empty plan");
    notify(Notice::Kind::Info, "New empty plan",
           "Import accounts or add them one by one. Undo (Ctrl+Z) brings the previous plan back.");
}

bool App::open_plan_file(const std::string& file_name, const std::string& text) {
    core::LoadResult r = core::read_plan(text);
    if (!r.plan) {
        std::vector<std::string> lines;
        for (std::size_t i = 0; i < r.problems.size() && i < 8; ++i)
            lines.push_back(core::format_problem(file_name, r.problems[i]));
        if (r.problems.size() > 8)
            lines.push_back("… and " + std::to_string(r.problems.size() - 8) + " more problems");
        notify(Notice::Kind::Error, "Could not open " + file_name,
               "This file is not a valid Footprint plan. Your open plan was not changed.",
               std::move(lines), true);
        return false;
    }
    std::string name = r.plan->name;
    // A share file opened as a plan becomes this person's plan: "partial" described the file,
    // not the plan it now is (merges of it later must see deletions).
    r.plan->share.reset();
    replace_plan_undoably(std::move(*r.plan), "Open " + file_name);
    notify(Notice::Kind::Success, "Opened " + file_name,
           "\"" + name + "\" is now the open plan. Undo (Ctrl+Z) brings the previous one back.");
    return true;
}

std::string App::export_file_name() const {
    std::string n;
    for (char c : plan().name) n += (c == '/' || c == '\\' || c == ':') ? '-' : c;
    if (n.empty()) n = "plan";
    return n + ".footprint.json";
}

void App::execute(Command command) { doc_.execute(std::move(command), clock_.wall()); }

bool App::undo() {
    if (doc_.undo_size() > kSliceAbove) return doc_.begin_undo_sliced(clock_.wall());
    return doc_.undo(clock_.wall());
}

bool App::redo() {
    if (doc_.redo_size() > kSliceAbove) return doc_.begin_redo_sliced(clock_.wall());
    return doc_.redo(clock_.wall());
}

void App::execute_sliced(Command command) {
    if (command.changes.size() <= kSliceAbove / 4) {
        execute(std::move(command));
        return;
    }
    doc_.begin_sliced(std::move(command), clock_.wall());
}

bool App::work(double budget_ms) {
    if (!doc_.slicing()) return false;
    const double start = clock_.monotonic_ms();
    // Slices of 2,000 changes: about a millisecond natively, a few in the browser.
    while (!doc_.apply_slice(2000, clock_.wall()))
        if (clock_.monotonic_ms() - start >= budget_ms) return true;
    return false;
}

void App::cancel_sliced() { doc_.cancel_sliced(clock_.wall()); }

void App::rename_plan(std::string name) {
    if (name == plan().name) return;
    core::PlanInfo info{std::move(name), plan().owner, plan().sample};
    execute(Command{"Rename plan", {core::Set<core::PlanInfo>{std::move(info)}}});
}

void App::put_account(core::Account account, std::string label) {
    execute(Command{std::move(label), {core::Put<core::Account>{std::move(account), std::nullopt, true}}});
}

void App::notify(Notice::Kind kind, std::string title, std::string text,
                 std::vector<std::string> details, bool sticky) {
    notices_.push_back(Notice{kind, std::move(title), std::move(text), std::move(details),
                              clock_.monotonic_ms(), sticky});
    if (notices_.size() > 6) notices_.erase(notices_.begin());
}

} // namespace footprint::app
