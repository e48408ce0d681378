// The JavaScript test API: a few footprint_* functions taking and returning JSON, routed through
// the same App actions the UI uses. window.footprint in web/footprint-glue.js wraps them.
#include "core/plan_json.h"
#include "core/synthetic_plan.h"
#include "platform/web_context.h"
#include "ui/theme.h"

#include <emscripten.h>

#include <algorithm>
#include <malloc.h>

namespace footprint::platform {

namespace {

std::string g_result; // returned strings live until the next call

const char* reply(const core::Json& j) {
    g_result = j.dump();
    return g_result.c_str();
}

const char* save_state_name(app::SaveState s) {
    switch (s) {
    case app::SaveState::Saved: return "saved";
    case app::SaveState::Pending: return "pending";
    case app::SaveState::Saving: return "saving";
    case app::SaveState::Error: return "error";
    }
    return "";
}

core::Json error(std::string message) { return test_error(std::move(message)); }
std::string str(const core::Json& j, const char* key) { return test_str(j, key); }

// Every area of the test API, tried in turn.
constexpr TestOps kAreas[] = {
    test_ops_plan,
    test_ops_routes,
    test_ops_share,
    test_ops_map,
    test_ops_forecast,
    test_ops_desks,
    test_ops_import,
    test_ops_activities,
};

core::Json dispatch(const core::Json& cmd) {
    WebContext& w = web();
    app::App& a = *w.app;
    if (!cmd.is_object()) return error("a command is a JSON object with an \"op\"");
    const std::string op = str(cmd, "op");
    if (!a.storage_ready && op != "set_view" && op != "redraw")
        return error("not ready: storage is still loading");
    for (TestOps area : kAreas)
        if (std::optional<core::Json> answer = area(op, cmd)) return *answer;
    return error("unknown op: " + op);
}

} // namespace

core::Json test_error(std::string message) {
    return {{"ok", false}, {"error", std::move(message)}};
}

std::string test_str(const core::Json& cmd, const char* key) {
    auto it = cmd.find(key);
    return it != cmd.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int test_int(const core::Json& cmd, const char* key, int fallback) {
    auto it = cmd.find(key);
    return it != cmd.end() && it->is_number_integer() ? it->get<int>() : fallback;
}

// The plan as a whole, views and theme, selection, saving, and benchmark plans.
std::optional<core::Json> test_ops_plan(const std::string& op, const core::Json& cmd) {
    WebContext& w = web();
    app::App& a = *w.app;
    if (op == "redraw") return core::Json{{"ok", true}}; // draws the next frames (tests, before a screenshot)
    if (op == "undo") return core::Json{{"ok", a.undo()}};
    if (op == "redo") return core::Json{{"ok", a.redo()}};
    if (op == "new_plan") {
        a.new_empty_plan();
        return core::Json{{"ok", true}};
    }
    if (op == "open_sample") {
        a.open_sample();
        return core::Json{{"ok", true}};
    }
    if (op == "rename_plan") {
        a.rename_plan(str(cmd, "name"));
        return core::Json{{"ok", true}};
    }
    if (op == "set_view") {
        const std::string v = str(cmd, "view");
        for (int i = 0; i < static_cast<int>(ui::View::Count); ++i)
            if (v == ui::view_title(static_cast<ui::View>(i))) {
                w.ui.view = static_cast<ui::View>(i);
                w.ui.prefs_dirty = true;
                return core::Json{{"ok", true}};
            }
        return error("unknown view: " + v);
    }
    if (op == "set_theme") {
        w.ui.dark = str(cmd, "theme") == "dark";
        ui::apply_theme(w.ui.dark, w.ui.dpr);
        w.ui.prefs_dirty = true;
        return core::Json{{"ok", true}};
    }
    if (op == "edit_account") {
        // {"op":"edit_account","id":"…","name":"…","notes":"…","status":"former"}: fields the account
        // page edits.
        const std::string id = str(cmd, "id");
        auto idx = a.doc().index().account(id);
        if (!idx) return error("no account with id " + id);
        core::Account acc = a.plan().accounts[*idx];
        if (cmd.contains("name")) acc.name = str(cmd, "name");
        if (cmd.contains("notes")) acc.notes = str(cmd, "notes");
        if (cmd.contains("status")) {
            const auto status = core::account_status_from(str(cmd, "status"));
            if (!status) return error("no such status: " + str(cmd, "status"));
            acc.status = *status;
        }
        a.put_account(std::move(acc), "Edit account");
        return core::Json{{"ok", true}};
    }
    if (op == "account") {
        // {"op":"account","index":5} or {"op":"account","id":"…"}: one account's id, name and notes
        // (footprint.plan() writes the whole plan: too much for a 100,000-account plan).
        std::optional<std::size_t> idx;
        if (cmd.contains("id")) idx = a.doc().index().account(str(cmd, "id"));
        else if (int i = test_int(cmd, "index", -1); i >= 0 && static_cast<std::size_t>(i) < a.plan().accounts.size())
            idx = static_cast<std::size_t>(i);
        if (!idx) return error("no such account");
        const core::Account& acc = a.plan().accounts[*idx];
        return core::Json{{"ok", true}, {"account", {{"id", acc.id}, {"name", acc.name}, {"notes", acc.notes}}}};
    }
    if (op == "open_plan_text") {
        // The same path as a file chosen in the file picker.
        bool ok = a.open_plan_file(str(cmd, "file_name"), str(cmd, "text"));
        return core::Json{{"ok", ok}};
    }
    if (op == "load_synthetic") {
        // Benchmarks: a generated plan of the given size becomes the open plan and is saved.
        a.open_unsaved(core::make_synthetic_plan(test_int(cmd, "accounts", 1000),
                                                 test_int(cmd, "activities", 2000),
                                                 static_cast<std::uint64_t>(test_int(cmd, "seed", 1))));
        return core::Json{{"ok", true}};
    }
    if (op == "flush") {
        a.saver().flush(a.doc(), emscripten_get_now(), w.sink);
        return core::Json{{"ok", true}};
    }
    if (op == "apply_update") {
        // The "Reload" button of the new-version banner.
        if (!a.update_ready) return error("no new version is waiting");
        w.ui.update_requested = true;
        return core::Json{{"ok", true}};
    }
    if (op == "select") {
        w.ui.selection.clear();
        if (auto it = cmd.find("ids"); it != cmd.end() && it->is_array())
            for (const auto& v : *it)
                if (v.is_string()) w.ui.selection.insert(v.get<std::string>());
        return core::Json{{"ok", true}};
    }
    return std::nullopt;
}

} // namespace footprint::platform

using namespace footprint;
using namespace footprint::platform;

extern "C" {

EMSCRIPTEN_KEEPALIVE int footprint_ready() {
    WebContext& w = web();
    return w.app && w.app->storage_ready && w.stats.first_full_frame_ms > 0 ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* footprint_state() {
    WebContext& w = web();
    app::App& a = *w.app;
    const core::Plan& p = a.plan();
    std::size_t contacts = 0;
    for (const auto& acc : p.accounts) contacts += acc.contacts.size();
    core::Json notices = core::Json::array();
    for (const auto& n : a.notices()) notices.push_back({{"title", n.title}, {"text", n.text}, {"details", n.details}});
    const app::SaveScheduler& s = a.saver();
    return reply({
        {"ready", footprint_ready() == 1},
        {"frame", w.stats.frames},
        {"view", ui::view_title(w.ui.view)},
        {"theme", w.ui.dark ? "dark" : "light"},
        {"dpr", w.ui.dpr},
        {"plan",
         {{"id", p.id},
          {"name", p.name},
          {"sample", p.sample},
          {"accounts", p.accounts.size()},
          {"contacts", contacts},
          {"opportunities", p.opportunities.size()},
          {"activities", p.activities.size()},
          {"territories", p.territories.size()}}},
        {"revision", a.doc().revision()},
        {"undo_depth", a.doc().undo_depth()},
        {"slicing", a.doc().slicing()},
        {"save",
         {{"state", save_state_name(s.state(a.doc()))},
          {"last_saved", s.last_saved() ? core::format_iso_timestamp(*s.last_saved()) : ""},
          {"error", s.error()},
          {"syncs", s.syncs_started()},
          {"last_save_ms", s.last_save_ms()},
          {"next_sequence", w.sink.next_sequence},
          {"snapshots", s.snapshots_written()},
          {"journal_entries", s.journal_entries()}}},
        {"online", a.online},
        {"update", {{"ready", a.update_ready}, {"requested", w.ui.update_requested}}},
        {"load", {{"idb_read_ms", w.idb_read_ms}, {"plan_open_ms", w.plan_open_ms}}},
        {"selection", w.ui.selection},
        {"notices", notices},
    });
}

EMSCRIPTEN_KEEPALIVE const char* footprint_frame_stats() {
    const FrameStats& st = web().stats;
    std::vector<float> v = st.recent_ms;
    std::sort(v.begin(), v.end());
    auto pct = [&](double q) {
        return v.empty() ? 0.0 : static_cast<double>(v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))]);
    };
    return reply({{"frames", st.frames},
                  {"first_full_frame_ms", st.first_full_frame_ms},
                  {"median_ms", pct(0.5)},
                  {"p99_ms", pct(0.99)},
                  {"max_ms", st.max_ms},
                  {"window", v.size()}});
}

EMSCRIPTEN_KEEPALIVE const char* footprint_plan_json() {
    g_result = core::write_plan(web().app->plan());
    return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* footprint_dispatch(const char* json) {
    web().last_activity_ms = emscripten_get_now(); // like input: what it changes gets drawn
    core::Json cmd = core::Json::parse(json ? json : "", nullptr, false);
    if (cmd.is_discarded()) return reply(error("the command is not valid JSON"));
    return reply(dispatch(cmd));
}

// Bytes malloc has in use (WebAssembly memory itself only grows; this is what is live in it).
EMSCRIPTEN_KEEPALIVE double footprint_heap_used() {
    struct mallinfo m = mallinfo();
    return static_cast<double>(static_cast<unsigned>(m.uordblks));
}

EMSCRIPTEN_KEEPALIVE void footprint_reset_frame_stats() {
    FrameStats& st = web().stats;
    st.recent_ms.clear();
    st.next = 0;
    st.max_ms = 0;
}

} // extern "C"
