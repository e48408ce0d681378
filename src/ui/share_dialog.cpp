// "Share…": the whole plan, the selected accounts or a territory as a file for a colleague or a
// manager, optionally without personal details, with a preview of what goes in and its name.
#include "core/format.h"
#include "core/plan_share.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/view_common.h"

#include <imgui.h>

#include <map>

namespace footprint::ui {

namespace {

struct ShareCache {
    CacheKey key;
    std::map<std::string, std::size_t> accounts_per_territory;
    std::size_t selected = 0; // selected ids that are accounts of the plan
    core::ShareScope counted_scope;
    core::ShareCounts counts;
    bool counted = false;
};
ShareCache g_cache;

std::string plural(std::size_t n, const char* one, const char* many) {
    return core::format_count(static_cast<long long>(n)) + " " + (n == 1 ? one : many);
}

bool same_scope(const core::ShareScope& a, const core::ShareScope& b) {
    return a.kind == b.kind && a.territory_id == b.territory_id && a.account_ids == b.account_ids;
}

void refresh(const app::App& app, const UiState& ui) {
    const std::int64_t selection_key = static_cast<std::int64_t>(ui.selection.size());
    if (g_cache.key.refresh(app, selection_key)) {
        g_cache.accounts_per_territory.clear();
        g_cache.selected = 0;
        for (const core::Account& a : app.plan().accounts) {
            if (!a.territory_id.empty()) ++g_cache.accounts_per_territory[a.territory_id];
            g_cache.selected += ui.selection.count(a.id);
        }
        g_cache.counted = false;
    }
}

const core::ShareCounts& counts_for(const app::App& app, const core::ShareScope& scope) {
    if (!g_cache.counted || !same_scope(scope, g_cache.counted_scope)) {
        g_cache.counts = core::share_counts(app.plan(), scope);
        g_cache.counted_scope = scope;
        g_cache.counted = true;
    }
    return g_cache.counts;
}

std::string territory_label(const core::Territory& t) {
    auto it = g_cache.accounts_per_territory.find(t.id);
    return t.name + "  (" + plural(it == g_cache.accounts_per_territory.end() ? 0 : it->second, "account", "accounts") + ")";
}

} // namespace

core::ShareOptions share_options(const app::App& app, const UiState& ui) {
    const SharingState& s = ui.sharing;
    core::ShareOptions o;
    o.redact = s.share_redact;
    if (s.share_scope == 1) {
        o.scope.kind = core::ShareScope::Kind::Accounts;
        for (const core::Account& a : app.plan().accounts)
            if (ui.selection.count(a.id)) o.scope.account_ids.push_back(a.id);
    } else if (s.share_scope == 2) {
        o.scope.kind = core::ShareScope::Kind::Territory;
        o.scope.territory_id = s.share_territory;
    }
    return o;
}

app::ShareFile share_and_download(app::App& app, UiState& ui, const core::ShareOptions& options) {
    app::ShareFile f = app::share_plan(app, options);
    if (ui.hooks.download) ui.hooks.download(f.name, "application/json", f.text);
    const core::ShareCounts& n = f.counts;
    app.notify(app::Notice::Kind::Success, "Shared " + f.name,
               "Saved in your downloads: " + plural(n.accounts, "account", "accounts") + ", " +
                   plural(n.opportunities, "opportunity", "opportunities") + ", " +
                   plural(n.activities, "activity", "activities") +
                   (options.redact ? ", without personal details." : ".") +
                   " When it comes back, merging it takes only what changed.");
    return f;
}

void draw_share_dialog(app::App& app, UiState& ui) {
    SharingState& s = ui.sharing;
    if (s.share_open) {
        ImGui::OpenPopup("Share a plan file");
        s.share_open = false;
        // A selection is what people usually mean to share: accounts selected in the Accounts list
        // or on the map, else the territory selected on the map.
        if (!ui.selection.empty()) {
            s.share_scope = 1;
        } else if (!ui.map.selected_territory.empty()) {
            s.share_scope = 2;
            s.share_territory = ui.map.selected_territory;
        }
    }
    ImGui::SetNextWindowSize(ImVec2(600 * ui.dpr, 0), ImGuiCond_Always);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("Share a plan file", nullptr,
                                ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar))
        return;
    heading(ui, ICON_SHARE_ALT "  Share a plan file");
    refresh(app, ui);
    const Palette& p = palette();
    const core::Plan& plan = app.plan();
    const float wrap = ImGui::GetContentRegionAvail().x;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    text_muted("A file a colleague can merge into their plan, or a manager can add to a team roll-up. "
               "Nothing is sent anywhere: the file goes to your downloads.");
    ImGui::PopTextWrapPos();

    ImGui::SeparatorText("What to share");
    ImGui::RadioButton(("Whole plan  \u00b7  " + plural(plan.accounts.size(), "account", "accounts")).c_str(),
                       &s.share_scope, 0);
    ImGui::BeginDisabled(g_cache.selected == 0);
    ImGui::RadioButton(("Selected accounts  \u00b7  " + core::format_count(static_cast<long long>(g_cache.selected)) +
                        " selected")
                           .c_str(),
                       &s.share_scope, 1);
    ImGui::EndDisabled();
    if (g_cache.selected == 0) {
        tooltip_on_hover("Select accounts in the Accounts view or on the map first.");
        if (s.share_scope == 1) s.share_scope = 0;
    }
    ImGui::BeginDisabled(plan.territories.empty());
    ImGui::RadioButton("A territory", &s.share_scope, 2);
    ImGui::EndDisabled();
    if (plan.territories.empty()) tooltip_on_hover("This plan has no territories.");
    if (s.share_scope == 2) {
        if (s.share_territory.empty() ||
            std::none_of(plan.territories.begin(), plan.territories.end(),
                         [&](const core::Territory& t) { return t.id == s.share_territory; }))
            s.share_territory = plan.territories.empty() ? std::string() : plan.territories.front().id;
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-1);
        std::string current;
        for (const core::Territory& t : plan.territories)
            if (t.id == s.share_territory) current = territory_label(t);
        if (ImGui::BeginCombo("##territory", current.c_str())) {
            for (const core::Territory& t : plan.territories)
                if (ImGui::Selectable(territory_label(t).c_str(), t.id == s.share_territory)) s.share_territory = t.id;
            ImGui::EndCombo();
        }
    }

    const core::ShareOptions options = share_options(app, ui);
    const core::ShareCounts& n = counts_for(app, options.scope);
    ImGui::Spacing();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::TextColored(to_vec4(p.text), ICON_INFO "  %s, %s, %s and %s, with %s, the stages and the products.",
                       plural(n.accounts, "account", "accounts").c_str(), plural(n.contacts, "contact", "contacts").c_str(),
                       plural(n.opportunities, "opportunity", "opportunities").c_str(),
                       plural(n.activities, "activity", "activities").c_str(),
                       plural(n.territories, "territory", "territories").c_str());
    text_muted("Your commission plan never leaves your plan.");
    ImGui::PopTextWrapPos();

    ImGui::SeparatorText("Privacy");
    ImGui::Checkbox(ICON_EYE_SLASH "  Remove personal details", &s.share_redact);
    ImGui::Indent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap - ImGui::GetFrameHeight());
    text_muted("For files that leave your team. Contacts keep their title and role, but lose their "
               "names, phone numbers and email addresses; notes, subjects and next steps have names, "
               "phone numbers and emails replaced by [contact], [phone] and [email]. Account names and "
               "addresses stay: they are the businesses'. When the file comes back, merging it never "
               "erases the details you kept.");
    ImGui::PopTextWrapPos();
    ImGui::Unindent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);

    ImGui::SeparatorText("File");
    const std::string name = core::share_file_name(plan, options);
    ImGui::TextColored(to_vec4(p.text_muted), ICON_FILE_TEXT);
    ImGui::SameLine();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap - ImGui::GetFontSize() * 2);
    ImGui::TextUnformatted(name.c_str());
    ImGui::PopTextWrapPos();

    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    const bool can = n.accounts > 0 || options.scope.kind == core::ShareScope::Kind::Plan;
    ImGui::BeginDisabled(!can);
    if (primary_button(ICON_DOWNLOAD "  Download share file")) {
        share_and_download(app, ui, options);
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    if (!can) tooltip_on_hover("Nothing to share: choose accounts or a territory that has some.");
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace footprint::ui
