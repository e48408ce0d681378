// The web entry point: GLFW window on the canvas, ImGui with the WebGL2 backend, the frame loop,
// and sizing the canvas at devicePixelRatio so everything is drawn in device pixels.
#include "platform/web_context.h"
#include "ui/fonts.h"
#include "ui/theme.h"

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h> // InputEventsQueue: whether input arrived since the last frame
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>

namespace footprint::platform {

namespace {

GLFWwindow* g_window = nullptr;
float g_font_dpr = 0; // the ratio the font atlas was built for

EM_JS(void, js_set_loading, (const char* text, double fraction), {
    if (window.FootprintGlue) FootprintGlue.setLoading(UTF8ToString(text), fraction);
});
EM_JS(void, js_hide_loading, (), { if (window.FootprintGlue) FootprintGlue.hideLoading(); });
EM_JS(void, js_mount_storage, (), { FootprintGlue.mountStorage(); });
EM_JS(void, js_apply_update, (), { FootprintGlue.applyUpdate(); });
EM_JS(void, js_open_file_picker, (const char* purpose, const char* accept), {
    FootprintGlue.openFilePicker(UTF8ToString(purpose), UTF8ToString(accept));
});
EM_JS(void, js_open_files_picker, (const char* purpose, const char* accept), {
    FootprintGlue.openFilePicker(UTF8ToString(purpose), UTF8ToString(accept), true);
});
EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int len), {
    FootprintGlue.download(UTF8ToString(name), UTF8ToString(mime), data, len);
});
EM_JS(double, js_random_seed, (), {
    const a = new Uint32Array(2);
    crypto.getRandomValues(a);
    return a[0] * 4294967296 + a[1];
});
// The user's local time of day, in minutes: route planning does not schedule today's visits in the
// past.
EM_JS(int, js_local_minute, (), {
    const d = new Date();
    return d.getHours() * 60 + d.getMinutes();
});
// The user's calendar day in their own time zone.
EM_JS(int, js_local_ymd, (), {
    const d = new Date();
    return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
});

// Canvas backing store = CSS size x devicePixelRatio; ImGui then works in device pixels.
void fit_canvas() {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    double dpr = emscripten_get_device_pixel_ratio();
    int w = std::max(1, static_cast<int>(std::lround(css_w * dpr)));
    int h = std::max(1, static_cast<int>(std::lround(css_h * dpr)));
    int cur_w = 0, cur_h = 0;
    glfwGetWindowSize(g_window, &cur_w, &cur_h);
    if (cur_w != w || cur_h != h) glfwSetWindowSize(g_window, w, h);
    web().ui.dpr = static_cast<float>(dpr);
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    fit_canvas();
    return EM_FALSE;
}

void rebuild_fonts_if_needed() {
    ui::UiState& ui = web().ui;
    if (ui.dpr == g_font_dpr) return;
    if (g_font_dpr != 0) ImGui_ImplOpenGL3_DestroyFontsTexture();
    ui::load_fonts(ui.fonts, "/fonts", ui.dpr);
    ImGui_ImplOpenGL3_CreateFontsTexture();
    ui::apply_theme(ui.dark, ui.dpr);
    g_font_dpr = ui.dpr;
}

// What the screen shows depends on these; when none changes and no input arrives, the frame is
// skipped. Drawing every frame with software GL starves the browser: a tiny IndexedDB sync took
// 300+ ms while drawing continuously and 2-3 ms with the loop paused.
struct Watched {
    std::uint64_t revision = ~0ull;
    int save_state = -1;
    std::size_t notices = ~std::size_t{0};
    bool ready = false, online = true, update = false, update_requested = false;
    float dpr = 0;
    bool operator==(const Watched&) const = default;
};
Watched g_watched;
double g_last_draw_ms = 0;
constexpr double kKeepDrawingMs = 1000; // after the last input or change: hovers, tooltips
constexpr double kHeartbeatMs = 1000;   // "Saved 8 s ago" and other clocks stay current

// "Reload" for a new version: the plan is saved first (a pending save written at once), and the
// page reloads only once it is durable.
void apply_update_when_saved(WebContext& w) {
    static bool flushed = false, sent = false;
    if (!w.ui.update_requested || sent) return;
    app::App& a = *w.app;
    if (a.storage_ready && !flushed) {
        a.saver().flush(a.doc(), emscripten_get_now(), w.sink);
        flushed = true;
    }
    if (a.storage_ready && a.saver().state(a.doc()) != app::SaveState::Saved) return;
    sent = true;
    js_apply_update();
}

// Input keeps the UI drawing for a while (hover, tooltips); a change of state draws once. While
// a save is being pushed to IndexedDB, only fresh input draws, so the sync gets the CPU.
bool should_draw(WebContext& w, double now) {
    const bool input = !ImGui::GetCurrentContext()->InputEventsQueue.empty();
    if (input) w.last_activity_ms = now;
    Watched cur{w.app->doc().revision(), static_cast<int>(w.app->saver().state()),
                w.app->notices().size(), w.app->storage_ready, w.app->online, w.app->update_ready,
                w.ui.update_requested, w.ui.dpr};
    const bool changed = !(cur == g_watched);
    g_watched = cur;
    if (input || changed || w.ui.animating || w.app->doc().slicing()) return true;
    if (w.app->saver().syncing()) return false;
    return now - w.last_activity_ms < kKeepDrawingMs || now - g_last_draw_ms >= kHeartbeatMs;
}

// The wheel, as imgui_impl_glfw reads it (its steps per pixel, line and page), but listened for
// on the canvas. The backend listens on the document, where Chromium makes wheel listeners passive:
// its preventDefault is refused with a console error and Ctrl+wheel (a touchpad pinch) zooms the
// whole page instead of the map.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* ev, void*) {
    double per = 0;
    if (ev->deltaMode == DOM_DELTA_PIXEL) per = 1.0 / 100.0;
    else if (ev->deltaMode == DOM_DELTA_LINE) per = 1.0 / 3.0;
    else if (ev->deltaMode == DOM_DELTA_PAGE) per = 80.0;
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-ev->deltaX * per), static_cast<float>(-ev->deltaY * per));
    return EM_TRUE;
}

void frame() {
    WebContext& w = web();
    const double t0 = emscripten_get_now();
    fit_canvas();
    if (!should_draw(w, t0)) {
        // Idle: no drawing, but autosave keeps its schedule.
        if (w.app->storage_ready)
            w.app->saver().frame(w.app->doc(), w.sink, [] { return emscripten_get_now(); }, 8.0);
        apply_update_when_saved(w);
        w.stats.add(emscripten_get_now() - t0, false);
        return;
    }
    g_last_draw_ms = t0;
    rebuild_fonts_if_needed();

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ui::draw_frame(*w.app, w.ui);
    ImGui::Render();

    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(g_window, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    if (w.ui.prefs_dirty) {
        store_preferences(w.ui);
        w.ui.prefs_dirty = false;
    }
    // Autosave gets what is left of a 8 ms slice of this frame.
    if (w.app->storage_ready)
        w.app->saver().frame(w.app->doc(), w.sink, [] { return emscripten_get_now(); }, 8.0);
    apply_update_when_saved(w);

    const double t1 = emscripten_get_now();
    w.stats.add(t1 - t0, true);
    if (w.app->storage_ready && w.stats.first_full_frame_ms == 0) {
        w.stats.first_full_frame_ms = t1;
        js_hide_loading();
    }
}

} // namespace

void FrameStats::add(double ms, bool drawn) {
    if (drawn) ++frames;
    if (recent_ms.size() < 600)
        recent_ms.push_back(static_cast<float>(ms));
    else
        recent_ms[next] = static_cast<float>(ms);
    next = (next + 1) % 600;
    max_ms = std::max(max_ms, ms);
}

WebContext& web() {
    static WebContext ctx;
    return ctx;
}

} // namespace footprint::platform

int main() {
    using namespace footprint;
    using namespace footprint::platform;
    WebContext& w = web();

    app::Clock clock;
    clock.monotonic_ms = [] { return emscripten_get_now(); };
    clock.wall = [] {
        return core::Timestamp{static_cast<std::int64_t>(emscripten_date_now())};
    };
    clock.today = [] {
        int ymd = js_local_ymd();
        return core::date_from_ymd(ymd / 10000, ymd / 100 % 100, ymd % 100);
    };
    clock.minute_of_day = [] { return js_local_minute(); };
    w.app = std::make_unique<app::App>(std::move(clock), static_cast<std::uint64_t>(js_random_seed()));
    w.ui.hooks.open_file_picker = [](const std::string& purpose, const std::string& accept) {
        js_open_file_picker(purpose.c_str(), accept.c_str());
    };
    w.ui.hooks.open_files_picker = [](const std::string& purpose, const std::string& accept) {
        js_open_files_picker(purpose.c_str(), accept.c_str());
    };
    w.ui.hooks.download = [](const std::string& name, const std::string& mime, const std::string& data) {
        js_download(name.c_str(), mime.c_str(), data.data(), static_cast<int>(data.size()));
    };
    load_preferences(w.ui);
    load_map_data(w.ui);

    if (!glfwInit()) {
        js_set_loading("Could not start the graphics system (GLFW).", 0);
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    g_window = glfwCreateWindow(1280, 800, "Footprint", nullptr, nullptr);
    if (!g_window) {
        js_set_loading("This browser could not create a WebGL2 context.", 0);
        return 1;
    }
    glfwMakeContextCurrent(g_window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // the layout is ours and is kept in preferences
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
    emscripten_set_wheel_callback("#canvas", nullptr, false, on_wheel);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    fit_canvas();
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, on_resize);
    rebuild_fonts_if_needed();

    js_set_loading("Opening your plan…", 0.9);
    js_mount_storage(); // footprint_storage_loaded() continues once IndexedDB has been read
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
