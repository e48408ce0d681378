// The Desks view: who to call this week, renewals, win-backs, whitespace, and the catalog with its
// upsell rules, one tab each (ui/desk_*.cpp); this file draws the tab strip and keeps the desks
// current (recomputed in slices, or updated in place after small edits).
#include "core/desk_update.h"
#include "core/format.h"
#include "ui/desks.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <memory>

namespace footprint::ui {

namespace {

// The desks for one plan revision and day. A big plan is recomputed in slices across frames (the
// view shows progress meanwhile), a small one at once.
struct Version {
    const void* plan = nullptr;
    std::uint64_t revision = ~0ull;
    std::int32_t today = 0;
    bool operator==(const Version&) const = default;
};
struct DeskCache {
    Version version; // of `data`
    bool valid = false;
    core::DeskData data;
    core::Settings settings; // the plan's settings `data` was computed with
    std::unique_ptr<core::DeskJob> job;
    Version job_version;
};
DeskCache g_cache;
constexpr std::size_t kSliceRecords = 2048;
constexpr double kFrameBudgetMs = 16;
constexpr std::size_t kAtOnceRecords = 60'000; // below this, a recomputation fits in one frame
// Edits of up to this many records update in place (4,000 accounts at once take about 22 ms
// natively, bench/bench_desks.cpp); more, and Document has stopped listing them anyway.
constexpr std::size_t kUpdateRecords = app::Document::kStepCap;

Version current(const app::App& app) {
    return {&app.plan(), app.doc().revision(), app.clock().today().days};
}

// True when the edits since `c` leave the desks' rows as they are; `rescore` when the priority
// weights changed (the list must be scored again).
bool rows_unchanged(const app::App& app, const DeskCache& c, bool& rescore) {
    auto ch = app.doc().changes_since(c.version.revision);
    if (!ch || ch->records() > 0 || ch->catalog || ch->rules || ch->stages) return false;
    const core::Settings& now = app.plan().settings;
    if (now.renewal_notice_days != c.settings.renewal_notice_days ||
        now.winback_window_days != c.settings.winback_window_days)
        return false;
    rescore = !(now.priority_weights == c.settings.priority_weights);
    return true;
}

// Advances the recomputation; `at_once` finishes it now. True when g_cache.data is current.
bool advance(const app::App& app, bool at_once) {
    DeskCache& c = g_cache;
    const Version v = current(app);
    if (c.valid && c.version == v) return true;
    // Edits that leave the rows alone (weights, a rename, the quota) need no recomputation; other
    // edits update the rows they change (desk_update.h), a whole new plan recomputes them all.
    bool rescore = false;
    core::LinkReuse reuse;
    if (c.valid && !c.job && c.version.plan == v.plan && c.version.today == v.today) {
        if (rows_unchanged(app, c, rescore)) {
            if (rescore) core::rescore(app.plan(), app.clock().today(), c.data);
            c.version = v;
            c.settings = app.plan().settings;
            return true;
        }
        if (auto ch = app.doc().changes_since(c.version.revision)) {
            if (ch->records() <= kUpdateRecords &&
                core::update_desks(app.plan(), app.clock().today(), c.data, *ch, c.settings)) {
                c.version = v;
                c.settings = app.plan().settings;
                return true;
            }
            reuse = core::link_reuse(app.plan(), c.data, *ch); // c.data may be half updated: only its links
        }
    }
    if (c.job && !(c.job_version == v)) c.job.reset(); // the plan changed under it: start again
    if (!c.job) {
        c.valid = false;
        c.job = std::make_unique<core::DeskJob>(app.plan(), app.clock().today(), std::move(c.data), reuse);
        c.job_version = v;
    }
    const core::Plan& plan = app.plan();
    const std::size_t size = plan.accounts.size() + plan.opportunities.size() + plan.activities.size();
    const bool whole = at_once || size < kAtOnceRecords;
    const double start = app.clock().monotonic_ms ? app.clock().monotonic_ms() : 0;
    bool done = false;
    while (!done) {
        done = c.job->step(whole ? SIZE_MAX : kSliceRecords);
        if (!whole && app.clock().monotonic_ms && app.clock().monotonic_ms() - start > kFrameBudgetMs) break;
    }
    if (!done) return false;
    c.data = std::move(c.job->result());
    c.job.reset();
    c.version = v;
    c.settings = app.plan().settings;
    c.valid = true;
    return true;
}

const char* tab_title(DeskTab t) {
    switch (t) {
    case DeskTab::Week: return "This week";
    case DeskTab::Renewals: return "Renewals";
    case DeskTab::Winbacks: return "Win-backs";
    case DeskTab::Whitespace: return "Whitespace";
    case DeskTab::Catalog: return "Catalog & rules";
    case DeskTab::Count: break;
    }
    return "";
}

const char* tab_icon(DeskTab t) {
    switch (t) {
    case DeskTab::Week: return ICON_PHONE;
    case DeskTab::Renewals: return ICON_REFRESH;
    case DeskTab::Winbacks: return ICON_HISTORY;
    case DeskTab::Whitespace: return ICON_TH;
    case DeskTab::Catalog: return ICON_BOOK;
    case DeskTab::Count: break;
    }
    return "";
}

const char* tab_help(DeskTab t) {
    switch (t) {
    case DeskTab::Week:
        return "Every account ranked by one score that explains itself: renewal urgency, revenue "
               "at stake, win-back window, upsell value and days since the last touch.";
    case DeskTab::Renewals:
        return "Contracts ending soon, with the revenue at stake, notice deadlines and the renewal "
               "opportunity that covers them.";
    case DeskTab::Winbacks:
        return "Former clients, when their competitor contract likely ends, and whether the "
               "win-back window is open.";
    case DeskTab::Whitespace:
        return "What each client holds and lacks, by product family, and the upsells your rules "
               "recommend.";
    case DeskTab::Catalog: return "Your products and prices, and the rules that recommend upsells.";
    case DeskTab::Count: break;
    }
    return "";
}

// A count or amount beside each tab's name: what is waiting there.
std::string tab_badge(const core::DeskData& d, DeskTab t) {
    switch (t) {
    case DeskTab::Renewals: {
        int n = 0;
        for (const core::RenewalRow& r : d.renewals) n += r.days_left <= 90;
        return n ? core::format_count(n) : std::string();
    }
    case DeskTab::Winbacks: {
        int n = 0;
        for (const core::WinbackRow& w : d.winbacks) n += w.window == core::WindowState::Open;
        return n ? core::format_count(n) : std::string();
    }
    case DeskTab::Whitespace:
        return d.whitespace.open_value > 0 ? core::format_money_short(d.whitespace.open_value) + "/mo"
                                           : std::string();
    case DeskTab::Week:
    case DeskTab::Catalog:
    case DeskTab::Count: break;
    }
    return {};
}

const char* tab_badge_help(DeskTab t) {
    switch (t) {
    case DeskTab::Renewals: return "contracts ending in the next 90 days or out of contract";
    case DeskTab::Winbacks: return "former clients whose win-back window is open";
    case DeskTab::Whitespace: return "monthly value of the upsells no opportunity offers yet";
    default: return "";
    }
}

// Territory and search, at the right end of the tab strip: every tab filters by them.
void filters(const app::App& app, UiState& ui, float right_x, float y) {
    DesksViewState& st = ui.desks;
    const core::Plan& plan = app.plan();
    const float combo_w = 190 * ui.dpr, search_w = 230 * ui.dpr;
    ImGui::SetCursorScreenPos(ImVec2(right_x - combo_w - search_w - ImGui::GetStyle().ItemSpacing.x, y));
    std::string current = "All territories";
    if (st.territory == kNoTerritory) current = "No territory";
    for (const core::Territory& t : plan.territories)
        if (t.id == st.territory) current = t.name;
    ImGui::SetNextItemWidth(combo_w);
    if (ImGui::BeginCombo("##desk-territory", (std::string(ICON_MAP_MARKER "  ") + current).c_str())) {
        if (ImGui::Selectable("All territories", st.territory.empty())) st.territory.clear();
        for (const core::Territory& t : plan.territories)
            if (ImGui::Selectable((t.name + "##" + t.id).c_str(), st.territory == t.id)) st.territory = t.id;
        if (ImGui::Selectable("No territory", st.territory == kNoTerritory)) st.territory = kNoTerritory;
        ImGui::EndCombo();
    }
    tooltip_on_hover("Show only the accounts of one territory, on every tab.");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(search_w);
    ImGui::InputTextWithHint("##desk-search", ICON_SEARCH "  Search accounts", st.search, sizeof st.search);
    locate(ui, "search");
    tooltip_on_hover("Filter every tab by account name, city or industry.");
}

void tab_strip(const app::App& app, UiState& ui, const core::DeskData& d) {
    const Palette& p = palette();
    DesksViewState& st = ui.desks;
    const float h = ImGui::GetFrameHeight() + 12 * ui.dpr;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float full = ImGui::GetContentRegionAvail().x;
    dl->AddLine(ImVec2(origin.x, origin.y + h - 0.5f), ImVec2(origin.x + full, origin.y + h - 0.5f), p.border);
    float x = origin.x;
    const float pad = 12 * ui.dpr;
    for (int i = 0; i < static_cast<int>(DeskTab::Count); ++i) {
        const auto t = static_cast<DeskTab>(i);
        const bool active = st.tab == t;
        const std::string label = std::string(tab_icon(t)) + "  " + tab_title(t);
        const std::string badge_text = tab_badge(d, t);
        ImFont* font = active ? ui.fonts.bold : ui.fonts.body;
        const float tw = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str()).x;
        const float bw = badge_text.empty() ? 0 : pill_width(badge_text) + 6 * ui.dpr;
        const float w = tw + bw + pad * 2;
        ImGui::SetCursorScreenPos(ImVec2(x, origin.y));
        ImGui::PushID(i);
        if (ImGui::InvisibleButton("##desktab", ImVec2(w, h))) st.tab = t;
        ImGui::PopID();
        locate(ui, std::string("tab:") + tab_title(t));
        const bool hovered = ImGui::IsItemHovered();
        if (hovered && ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) {
            if (badge_text.empty()) ImGui::SetTooltip("%s", tab_help(t));
            else ImGui::SetTooltip("%s\n\n%s: %s", tab_help(t), badge_text.c_str(), tab_badge_help(t));
        }
        if (hovered && !active)
            dl->AddRectFilled(ImVec2(x, origin.y + 3 * ui.dpr), ImVec2(x + w, origin.y + h - 5 * ui.dpr),
                              ImGui::GetColorU32(ImGuiCol_ButtonHovered), 6 * ui.dpr);
        const ImU32 col = active ? p.accent : hovered ? p.text : p.text_muted;
        const float ty = origin.y + (h - ImGui::GetTextLineHeight()) * 0.5f - 1 * ui.dpr;
        dl->AddText(font, font->FontSize, ImVec2(x + pad, ty), col, label.c_str());
        if (!badge_text.empty())
            draw_pill(dl, ImVec2(x + pad + tw + 6 * ui.dpr, origin.y + (h - pill_height()) * 0.5f - 1 * ui.dpr),
                      badge_text, active ? p.accent : p.text_muted);
        if (active)
            dl->AddRectFilled(ImVec2(x + pad * 0.5f, origin.y + h - 3 * ui.dpr),
                              ImVec2(x + w - pad * 0.5f, origin.y + h), p.accent, 2 * ui.dpr);
        x += w;
    }
    if (st.tab != DeskTab::Catalog)
        filters(app, ui, origin.x + full, origin.y + (h - ImGui::GetFrameHeight()) * 0.5f - 2 * ui.dpr);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + h + 12 * ui.dpr));
}

} // namespace

bool desk_data_ready(const app::App& app) { return g_cache.valid && g_cache.version == current(app); }

const core::DeskData& desk_data(const app::App& app) {
    advance(app, true);
    return g_cache.data;
}

void draw_desks_panel(app::App& app, UiState& ui) {
    DesksViewState& st = ui.desks;
    st.located.clear();
    const core::Plan& plan = app.plan();
    const core::Date today = app.clock().today();
    page_header(ui, "Desks",
                "Who to call, renew, win back and upsell \xC2\xB7 as of " +
                    std::string(weekday_short(core::weekday(today))) + ", " + core::format_date(today));
    if (!advance(app, false)) {
        // A big plan changed: the desks are recomputed over a few frames.
        ui.animating = true;
        const float w = std::min(ImGui::GetContentRegionAvail().x, 420 * ui.dpr);
        ImGui::Dummy(ImVec2(0, 60 * ui.dpr));
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - w) * 0.5f);
        ImGui::BeginGroup();
        text_muted(ICON_SPINNER "  Updating the desks for " + core::format_count(static_cast<long long>(plan.accounts.size())) +
                   " accounts\xE2\x80\xA6");
        ImGui::ProgressBar(static_cast<float>(g_cache.job ? g_cache.job->progress() : 0.0), ImVec2(w, 0));
        ImGui::EndGroup();
        return;
    }
    const core::DeskData& d = g_cache.data;
    tab_strip(app, ui, d);
    if (plan.accounts.empty() && st.tab != DeskTab::Catalog) {
        empty_state(ui, ICON_BULLSEYE, "No accounts yet",
                    "The desks rank your accounts: contracts to renew, former clients to win back and "
                    "the upsells each client is missing. Open a plan with accounts or try the sample "
                    "plan; the product catalog and upsell rules are ready in Catalog & rules.");
        empty_plan_actions(app, ui);
        return;
    }
    switch (st.tab) {
    case DeskTab::Week: draw_desk_week(app, ui); break;
    case DeskTab::Renewals: draw_desk_renewals(app, ui); break;
    case DeskTab::Winbacks: draw_desk_winbacks(app, ui); break;
    case DeskTab::Whitespace: draw_desk_whitespace(app, ui); break;
    case DeskTab::Catalog: draw_desk_catalog(app, ui); break;
    case DeskTab::Count: break;
    }
}

} // namespace footprint::ui
