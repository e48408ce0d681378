// The plan in IndexedDB through IDBFS: saves written as a temporary file renamed into place, the
// newest good save opened at start, one syncfs at a time, and preferences in localStorage.
#include "platform/web_context.h"
#include "ui/files.h"
#include "ui/theme.h"

#include <emscripten.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <iterator>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>

namespace footprint::platform {

namespace {

EM_JS(void, js_sync, (), { FootprintGlue.sync(); });
EM_JS(char*, js_get_pref, (), {
    const v = localStorage.getItem("footprint.prefs") || "";
    const n = lengthBytesUTF8(v) + 1;
    const p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});
EM_JS(void, js_set_pref, (const char* v), {
    try { localStorage.setItem("footprint.prefs", UTF8ToString(v)); } catch (e) { }
});

// Keep up to 5 snapshots (each with its journal), but older snapshots only while they add up to
// no more than this many bytes: IDBFS keeps every file in memory too, so even one extra copy of a
// 270 MB plan would cost 270 MB. A big plan keeps its newest snapshot plus the journal.
constexpr std::size_t kKeepSaves = 5;
constexpr long long kOlderSavesBudget = 160ll * 1024 * 1024;

std::vector<std::string> list_saves_newest_first() {
    std::vector<std::pair<std::uint64_t, std::string>> found;
    if (DIR* d = opendir(kSavesDir)) {
        while (dirent* e = readdir(d)) {
            std::string name = e->d_name;
            if (auto seq = app::save_sequence(name)) found.emplace_back(*seq, name);
        }
        closedir(d);
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> names;
    for (auto& f : found) names.push_back(std::move(f.second));
    return names;
}

// A stored file read a piece at a time (a big snapshot is never read whole into memory).
class FileSource final : public core::ByteSource {
public:
    explicit FileSource(std::FILE* f) : f_(f) {}
    ~FileSource() override { std::fclose(f_); }
    std::ptrdiff_t read(char* buffer, std::size_t size) override {
        const std::size_t n = std::fread(buffer, 1, size, f_);
        if (n == 0 && std::ferror(f_)) return -1;
        return static_cast<std::ptrdiff_t>(n);
    }

private:
    std::FILE* f_;
};

std::unique_ptr<core::ByteSource> open_save(const std::string& name) {
    std::FILE* f = std::fopen((std::string(kSavesDir) + "/" + name).c_str(), "rb");
    if (!f) return nullptr;
    return std::make_unique<FileSource>(f);
}

// Journal entries of snapshot `seq`, in order.
std::vector<std::string> list_journal(std::uint64_t seq) {
    std::vector<std::pair<std::uint64_t, std::string>> found;
    if (DIR* d = opendir(kSavesDir)) {
        while (dirent* e = readdir(d)) {
            std::string name = e->d_name;
            if (auto j = app::journal_sequence(name); j && j->first == seq) found.emplace_back(j->second, name);
        }
        closedir(d);
    }
    std::sort(found.begin(), found.end());
    std::vector<std::string> names;
    for (auto& f : found) names.push_back(std::move(f.second));
    return names;
}

long long file_size(const std::string& path);

// Reads a whole file. The string is sized once: growing it by appending would briefly need up
// to three times a 270 MB plan, and WebAssembly memory never shrinks back.
std::optional<std::string> read_file(const std::string& path) {
    long long size = file_size(path);
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f || size < 0) {
        if (f) std::fclose(f);
        return std::nullopt;
    }
    std::string data(static_cast<std::size_t>(size), '\0');
    std::size_t got = std::fread(data.data(), 1, data.size(), f);
    bool bad = std::ferror(f) != 0 || got != data.size();
    std::fclose(f);
    if (bad) return std::nullopt;
    return data;
}

long long file_size(const std::string& path) {
    struct stat st {};
    return stat(path.c_str(), &st) == 0 ? static_cast<long long>(st.st_size) : -1;
}

void prune_saves() {
    std::vector<std::string> names = list_saves_newest_first();
    long long older = 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
        std::string path = std::string(kSavesDir) + "/" + names[i];
        if (i == 0) continue; // the newest is the plan
        older += file_size(path);
        if (i >= kKeepSaves || older > kOlderSavesBudget) {
            // A snapshot goes with its journal.
            for (const std::string& j : list_journal(*app::save_sequence(names[i])))
                unlink((std::string(kSavesDir) + "/" + j).c_str());
            unlink(path.c_str());
        }
    }
}

// Writes `text` to `final_path` through a temporary file renamed into place.
bool write_atomically(const std::string& final_path, const std::string& text, std::string& error) {
    const std::string tmp_path = final_path + ".tmp";
    FILE* f = std::fopen(tmp_path.c_str(), "wb");
    if (!f) {
        error = std::strerror(errno);
        return false;
    }
    bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    ok = (std::fclose(f) == 0) && ok;
    if (!ok || std::rename(tmp_path.c_str(), final_path.c_str()) != 0) {
        error = std::strerror(errno);
        unlink(tmp_path.c_str());
        return false;
    }
    return true;
}

} // namespace

bool FileSink::write(std::string_view bytes) {
    if (!file) return false;
    if (std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size()) return true;
    if (error.empty()) error = std::strerror(errno);
    return false;
}

core::ByteSink* WebSaveSink::begin_save(std::string& error) {
    abort_save();
    mkdir(kSavesDir, 0755);
    snapshot_path_ = std::string(kSavesDir) + "/" + app::save_file_name(next_sequence);
    snapshot_.file = std::fopen((snapshot_path_ + ".tmp").c_str(), "wb");
    snapshot_.error.clear();
    if (!snapshot_.file) {
        error = std::strerror(errno);
        return nullptr;
    }
    return &snapshot_;
}

bool WebSaveSink::commit_save(std::string& error) {
    if (!snapshot_.file) {
        error = "no snapshot is being written";
        return false;
    }
    const bool closed = std::fclose(snapshot_.file) == 0;
    snapshot_.file = nullptr;
    const std::string tmp = snapshot_path_ + ".tmp";
    if (!closed || !snapshot_.error.empty() || std::rename(tmp.c_str(), snapshot_path_.c_str()) != 0) {
        error = !snapshot_.error.empty() ? snapshot_.error : std::strerror(errno);
        unlink(tmp.c_str());
        return false;
    }
    base_sequence = next_sequence++;
    next_entry = 1;
    prune_saves();
    return true;
}

std::string WebSaveSink::abort_save() {
    if (!snapshot_.file) return snapshot_.error;
    std::fclose(snapshot_.file);
    snapshot_.file = nullptr;
    unlink((snapshot_path_ + ".tmp").c_str());
    return snapshot_.error;
}

bool WebSaveSink::write_journal(const std::string& text, std::string& error) {
    if (base_sequence == 0) {
        error = "no snapshot to add changes to";
        return false;
    }
    const std::string path =
        std::string(kSavesDir) + "/" + app::journal_file_name(base_sequence, next_entry);
    if (!write_atomically(path, text, error)) return false;
    ++next_entry;
    return true;
}

void WebSaveSink::start_sync() { js_sync(); }

void open_plan_from_storage(bool storage_failed, double idb_read_ms) {
    WebContext& w = web();
    const double t0 = emscripten_get_now();
    w.idb_read_ms = idb_read_ms;
    app::App& a = *w.app;
    mkdir(kSavesDir, 0755);
    std::vector<std::string> names = list_saves_newest_first();
    if (!names.empty())
        w.sink.next_sequence = app::save_sequence(names.front()).value_or(0) + 1;

    app::StartupResult r = app::open_newest_good_save(
        names, open_save, [](const std::string& n) { return read_file(std::string(kSavesDir) + "/" + n); },
        [](const std::string& snapshot) { return list_journal(*app::save_sequence(snapshot)); });
    if (r.plan) {
        a.open_stored(std::move(*r.plan));
        // New journal entries continue the opened snapshot's journal.
        w.sink.base_sequence = *app::save_sequence(r.opened);
        const std::vector<std::string> entries = list_journal(w.sink.base_sequence);
        w.sink.next_entry = entries.empty() ? 1 : app::journal_sequence(entries.back())->second + 1;
        a.saver().set_journal_entries(r.journal_applied);
        if (r.journal_broken) a.saver().mark_dirty(emscripten_get_now()); // a clean snapshot
        // A save from before compression is rewritten compressed (it stays until pruned).
        if (!r.opened.ends_with(".gz")) a.saver().mark_dirty(emscripten_get_now());
        if (!r.skipped.empty()) {
            a.saver().mark_dirty(emscripten_get_now()); // the good save becomes the newest again
            const bool newest = !names.empty() && r.opened == names.front();
            a.notify(app::Notice::Kind::Warning, "Recovered your plan from an earlier save",
                     newest ? "Your most recent changes could not be read back, so Footprint opened "
                              "your plan as it was just before them. Check your last edits."
                            : "The latest save could not be read, so Footprint opened the newest "
                              "good one (" + r.opened + "). Changes made just before may be missing.",
                     r.skipped, true);
        }
    } else if (!names.empty()) {
        a.open_first_sample();
        a.notify(app::Notice::Kind::Error, "Your saved plan could not be read",
                 "None of the saves in this browser could be opened, so the sample plan is shown. "
                 "Open an exported plan file to continue where you left off.",
                 r.skipped, true);
    } else {
        a.open_first_sample(); // first visit
    }
    if (storage_failed)
        a.notify(app::Notice::Kind::Error, "Browser storage is not available",
                 "Footprint could not open this browser's storage (private browsing?). You can work, "
                 "but export your plan before closing the page.",
                 {}, true);
    a.storage_ready = true;
    w.plan_open_ms = emscripten_get_now() - t0;
}

void load_preferences(ui::UiState& ui) {
    char* raw = js_get_pref();
    core::Json j = core::Json::parse(raw, nullptr, false);
    std::free(raw);
    if (!j.is_object()) return;
    // The view by name; older pages stored its number in the order before Desks was added.
    if (auto it = j.find("view_name"); it != j.end() && it->is_string()) {
        for (int v = 0; v < static_cast<int>(ui::View::Count); ++v)
            if (it->get<std::string>() == ui::view_title(static_cast<ui::View>(v))) ui.view = static_cast<ui::View>(v);
    } else if (auto old = j.find("view"); old != j.end() && old->is_number_integer()) {
        static constexpr ui::View kBefore[] = {ui::View::Map, ui::View::Accounts, ui::View::Pipeline,
                                               ui::View::Forecast, ui::View::Week, ui::View::Reports};
        const int v = old->get<int>();
        if (v >= 0 && v < static_cast<int>(std::size(kBefore))) ui.view = kBefore[v];
    }
    if (auto it = j.find("dark"); it != j.end() && it->is_boolean()) ui.dark = it->get<bool>();
    // The Accounts view's status filter, contract-end filter and sort (issue 5).
    if (auto acc = j.find("accounts"); acc != j.end() && acc->is_object()) {
        const core::Json& a = *acc;
        if (auto it = a.find("status"); it != a.end() && it->is_number_integer())
            ui.accounts.filter.status_mask = static_cast<unsigned>(it->get<int>()) & 0b111u;
        if (ui.accounts.filter.status_mask == 0) ui.accounts.filter.status_mask = 0b111;
        if (auto it = a.find("ending"); it != a.end() && it->is_number_integer())
            ui.accounts.filter.ending_within_days = std::clamp(it->get<int>(), -1, 3650);
        if (auto it = a.find("sort"); it != a.end() && it->is_number_integer()) {
            const int c = it->get<int>();
            if (c >= 0 && c <= static_cast<int>(core::AccountColumn::Owner)) {
                ui.accounts.sort.column = static_cast<core::AccountColumn>(c);
                ui.accounts.sort_from_prefs = true;
            }
        }
        if (auto it = a.find("ascending"); it != a.end() && it->is_boolean())
            ui.accounts.sort.ascending = it->get<bool>();
    }
}

void store_preferences(const ui::UiState& ui) {
    core::Json j = {{"view_name", ui::view_title(ui.view)}, {"dark", ui.dark}};
    j["accounts"] = {{"status", static_cast<int>(ui.accounts.filter.status_mask)},
                     {"ending", ui.accounts.filter.ending_within_days},
                     {"sort", static_cast<int>(ui.accounts.sort.column)},
                     {"ascending", ui.accounts.sort.ascending}};
    js_set_pref(j.dump().c_str());
}

} // namespace footprint::platform

using namespace footprint;
using namespace footprint::platform;

extern "C" {

EMSCRIPTEN_KEEPALIVE void footprint_storage_loaded(int failed, double idb_read_ms) {
    open_plan_from_storage(failed != 0, idb_read_ms);
}

EMSCRIPTEN_KEEPALIVE void footprint_storage_synced(int kind, const char* message) {
    WebContext& w = web();
    w.app->saver().on_sync_done(w.app->doc(), static_cast<app::SyncError>(kind), message ? message : "",
                                w.app->clock().wall(), emscripten_get_now(), w.sink);
}

EMSCRIPTEN_KEEPALIVE void footprint_storage_persisted(int granted) {
    web().app->storage_persisted = granted != 0;
}

EMSCRIPTEN_KEEPALIVE void footprint_storage_estimate(double used, double quota) {
    web().app->storage_used = used;
    web().app->storage_quota = quota;
}

EMSCRIPTEN_KEEPALIVE void footprint_page_hidden() {
    WebContext& w = web();
    if (w.app->storage_ready) w.app->saver().flush(w.app->doc(), emscripten_get_now(), w.sink);
}

// The glue calls these only once main() has made the app; a call before that is ignored rather
// than written through a null pointer.
EMSCRIPTEN_KEEPALIVE void footprint_set_online(int online) {
    if (web().app) web().app->online = online != 0;
}

// The service worker installed a new build that waits for a reload (web/footprint-glue.js).
EMSCRIPTEN_KEEPALIVE void footprint_update_ready() {
    if (web().app) web().app->update_ready = true;
}

EMSCRIPTEN_KEEPALIVE void footprint_file_opened(const char* path, const char* name,
                                                const char* purpose) {
    WebContext& w = web();
    std::optional<std::string> text = read_file(path);
    unlink(path);
    if (!text) {
        w.app->notify(app::Notice::Kind::Error, std::string("Could not read ") + name,
                      "The file could not be read. Your open plan was not changed.", {}, true);
        return;
    }
    ui::deliver_file(*w.app, w.ui, purpose ? purpose : "", name, *text);
}

EMSCRIPTEN_KEEPALIVE void footprint_file_failed(const char* name, const char* error) {
    web().app->notify(app::Notice::Kind::Error, std::string("Could not read ") + name,
                      std::string(error) + ". Your open plan was not changed.", {}, true);
}

} // extern "C"
