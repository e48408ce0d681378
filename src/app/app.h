// Application state: the open plan, its history and saving, notices, and the actions that the UI
// and the test API share (both go through these functions, so both see the same behaviour).
#pragma once

#include "app/document.h"
#include "app/ids.h"
#include "app/save.h"
#include "core/model.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace footprint::app {

struct Notice {
    enum class Kind { Info, Success, Warning, Error };
    Kind kind = Kind::Info;
    std::string title;
    std::string text;
    std::vector<std::string> details; // e.g. the first problems of a rejected file
    double shown_at_ms = 0;
    bool sticky = false; // stays until dismissed (errors, recovered saves)
};

// The clock and calendar as the platform sees them.
struct Clock {
    std::function<double()> monotonic_ms;   // for frame timing and debounce
    std::function<core::Timestamp()> wall;  // UTC now, for record "modified" times
    std::function<core::Date()> today;      // the user's local calendar day
};

class App {
public:
    explicit App(Clock clock, std::uint64_t id_seed);

    Document& doc() { return doc_; }
    const Document& doc() const { return doc_; }
    const core::Plan& plan() const { return doc_.plan(); }
    SaveScheduler& saver() { return saver_; }
    const SaveScheduler& saver() const { return saver_; }
    const Clock& clock() const { return clock_; }
    IdGenerator& ids() { return ids_; }

    // --- the plan as a whole -----------------------------------------------------------------
    // Startup: a plan read from storage (already durable) or none (first visit: the sample).
    void open_stored(core::Plan plan);
    void open_sample();         // from the menu: undoable
    void open_first_sample();   // first visit, or nothing readable in storage
    void new_empty_plan();
    // A plan made elsewhere (a generator, a migration) becomes the open plan and is saved.
    void open_unsaved(core::Plan plan) { replace_plan(std::move(plan), true); }
    // A plan file chosen or dropped by the user. A bad file changes nothing and is reported with
    // its first problems. Returns true when the plan was replaced.
    bool open_plan_file(const std::string& file_name, const std::string& text);
    std::string export_file_name() const; // "Sample plan — Columbus, OH.footprint.json"

    // --- edits ---------------------------------------------------------------------------------
    void execute(Command command);
    bool undo();
    bool redo();
    // A command too big for one frame (an import): applied a slice at a time by work() over the
    // next frames, one undo step when done. Undo and redo of more than kSliceAbove changes run in
    // slices too. cancel_sliced() leaves the plan as it was before.
    static constexpr std::size_t kSliceAbove = 20000;
    void execute_sliced(Command command);
    // Applies slices for up to `budget_ms`; true while a sliced command, undo or redo is running.
    bool work(double budget_ms);
    void cancel_sliced();
    void rename_plan(std::string name);
    void put_account(core::Account account, std::string label);

    // --- notices -------------------------------------------------------------------------------
    void notify(Notice::Kind kind, std::string title, std::string text,
                std::vector<std::string> details = {}, bool sticky = false);
    std::vector<Notice>& notices() { return notices_; }

    // Platform state the status bar shows.
    bool storage_ready = false;
    bool online = true;
    bool storage_persisted = false;
    double storage_used = 0;
    double storage_quota = 0;

private:
    void replace_plan(core::Plan plan, bool needs_save);
    // The user replaces the open plan: an undoable command, saved as a new snapshot.
    void replace_plan_undoably(core::Plan plan, std::string label);

    Clock clock_;
    Document doc_;
    SaveScheduler saver_;
    IdGenerator ids_;
    std::vector<Notice> notices_;
};

} // namespace footprint::app
