// "Merge a plan file…": progress while the file is read and compared, then a preview of what will
// change and the conflicts side by side (yours, theirs, the newer one marked), each decided with
// a click; the merge is applied as one undoable command.
#include "core/format.h"
#include "ui/files.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/view_common.h"

#include <imgui.h>

#include <cfloat>

namespace footprint::ui {

namespace {

constexpr const char* kPopup = "Merge a plan file";
constexpr std::size_t kFewConflicts = 5; // up to this many, the window fits them without scrolling

// "changed 5 min ago", "changed 3 h ago", "changed Mar 2, 2026": when a side last changed the record.
std::string changed_when(core::Timestamp t, core::Timestamp now) {
    if (t.ms == 0) return "";
    const std::int64_t minutes = (now.ms - t.ms) / 60'000;
    if (minutes >= 0 && minutes < 1) return "changed just now";
    if (minutes >= 0 && minutes < 60) return "changed " + std::to_string(minutes) + " min ago";
    if (minutes >= 0 && minutes < 24 * 60) return "changed " + std::to_string(minutes / 60) + " h ago";
    return "changed " + core::format_date(core::Date{static_cast<std::int32_t>((t.ms >= 0 ? t.ms : t.ms - 86'399'999) / 86'400'000)});
}

std::string kind_title(core::RecordKind k, bool plural = true) {
    std::string s = core::record_kind_noun(k, plural);
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

// One side of a conflict: a card that is the choice when clicked. Returns true when clicked.
bool choice_cell(const UiState& ui, const char* id, const std::string& value, const std::string& meta, bool chosen,
                 bool newer, float height) {
    const Palette& p = palette();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton(id, ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 b(a.x + width, a.y + height);
    const float r = 6 * ui.dpr;
    if (chosen) dl->AddRectFilled(a, b, with_alpha(p.accent, dark_theme() ? 0.22f : 0.12f), r);
    else if (hovered) dl->AddRectFilled(a, b, with_alpha(p.text, 0.05f), r);
    dl->AddRect(a, b, chosen ? p.accent : p.border, r, 0, chosen ? 2 * ui.dpr : 1 * ui.dpr);
    const float pad = 8 * ui.dpr;
    const float line = ImGui::GetTextLineHeight();
    // The check mark says which side is kept, not only the colour.
    const char* mark = chosen ? ICON_CHECK_CIRCLE : ICON_CIRCLE_O;
    dl->AddText(ImVec2(a.x + pad, a.y + pad), chosen ? p.accent : p.text_muted, mark);
    const float x = a.x + pad + ImGui::CalcTextSize(ICON_CHECK_CIRCLE).x + 6 * ui.dpr;
    std::string shown = value;
    const bool cut = draw_text_fit(dl, ui.fonts.body, ImVec2(x, a.y + pad), p.text, shown, b.x - pad - x);
    float mx = x;
    if (newer) {
        const std::string n = "NEWER";
        const float w = pill_width(n);
        draw_pill(dl, ImVec2(mx, a.y + pad + line + 4 * ui.dpr), n, p.success);
        mx += w + 6 * ui.dpr;
    }
    if (!meta.empty())
        draw_text_fit(dl, ui.fonts.body, ImVec2(mx, a.y + pad + line + 4 * ui.dpr), p.text_muted, meta, b.x - pad - mx);
    if (hovered) {
        if (cut) ImGui::SetTooltip("%s\n\nClick to keep this one.", value.c_str());
        else ImGui::SetTooltip("Click to keep this one.");
    }
    return clicked;
}

void progress(app::App& app, UiState& ui, app::MergeFlow& m) {
    const Palette& p = palette();
    heading(ui, (ICON_CODE_FORK "  Merging " + m.file_name()).c_str());
    ImGui::Spacing();
    const bool reading = m.stage() == app::MergeFlow::Stage::Reading;
    text_muted(reading ? "Reading and checking the file…" : "Comparing its records with your plan…");
    const float frac = static_cast<float>(m.progress());
    char pct[32];
    std::snprintf(pct, sizeof pct, "%.0f%%", frac * 100);
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, to_vec4(p.accent));
    ImGui::ProgressBar(reading ? -0.1f * static_cast<float>(ImGui::GetTime()) : frac, ImVec2(-1, 0), reading ? "" : pct);
    ImGui::PopStyleColor();
    ImGui::Spacing();
    text_muted("Your plan is not changed until you look at the result and choose Merge.");
    ImGui::Spacing();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        m.cancel();
        app.notify(app::Notice::Kind::Info, "Merge cancelled", "Your plan was not changed.");
        ImGui::CloseCurrentPopup();
    }
}

void changes_table(const UiState& ui, const core::MergeReport& r) {
    if (r.changes() == 0) {
        ImGui::TextColored(to_vec4(palette().success), ICON_CHECK "  ");
        ImGui::SameLine(0, 0);
        ImGui::TextUnformatted("No record changes apart from the conflicts below.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##changes", 4, flags, ImVec2(std::min(ImGui::GetContentRegionAvail().x, 560 * ui.dpr), 0)))
        return;
    static const char* const kHeads[] = {"In your plan", "New", "Updated", "Deleted"};
    for (int i = 0; i < 4; ++i) ImGui::TableSetupColumn(kHeads[i], ImGuiTableColumnFlags_WidthStretch, i ? 1.0f : 2.2f);
    // Numbers are right-aligned, so are their headings.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int i = 0; i < 4; ++i) {
        ImGui::TableNextColumn();
        ImGui::PushFont(ui.fonts.bold);
        if (i) text_right(kHeads[i]);
        else ImGui::TextUnformatted(kHeads[i]);
        ImGui::PopFont();
    }
    for (int k = 0; k < core::kRecordKindCount; ++k) {
        const auto kind = static_cast<core::RecordKind>(k);
        const auto& n = r.of(kind);
        if (!n.total()) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(kind_title(kind).c_str());
        for (int v : {n.created, n.updated, n.deleted}) {
            ImGui::TableNextColumn();
            if (v) text_right(core::format_count(v));
            else {
                const std::string dash = "\u2014";
                const float w = ImGui::CalcTextSize(dash.c_str()).x;
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - w);
                text_muted(dash);
            }
        }
    }
    ImGui::EndTable();
}

// Height of the conflicts table showing `rows` rows without scrolling.
float conflict_rows_height(const UiState& ui, std::size_t rows) {
    const float row = 8 * ui.dpr * 2 + ImGui::GetTextLineHeight() * 2 + 4 * ui.dpr + ImGui::GetStyle().CellPadding.y * 2;
    return ImGui::GetFrameHeight() + row * static_cast<float>(rows) + 2 * ui.dpr;
}

void conflicts_table(const UiState& ui, std::vector<core::MergeConflict>& conflicts, float height, core::Timestamp now) {
    const Palette& p = palette();
    const float line = ImGui::GetTextLineHeight();
    const float row_h = 8 * ui.dpr * 2 + line * 2 + 4 * ui.dpr;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("##conflicts", 4, flags, ImVec2(-1, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Record", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("Field", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn("Yours", ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn("Theirs", ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(conflicts.size()), row_h + ImGui::GetStyle().CellPadding.y * 2);
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            core::MergeConflict& c = conflicts[static_cast<std::size_t>(i)];
            ImGui::PushID(i);
            ImGui::TableNextRow(0, row_h);
            ImGui::TableNextColumn();
            {
                std::string label = c.label;
                fit_text(label, ImGui::GetContentRegionAvail().x, ui.fonts.bold);
                ImGui::PushFont(ui.fonts.bold);
                ImGui::TextUnformatted(label.c_str());
                ImGui::PopFont();
                if (ImGui::IsItemHovered() && label != c.label) ImGui::SetTooltip("%s", c.label.c_str());
                text_muted(kind_title(c.kind, false));
            }
            ImGui::TableNextColumn();
            using W = core::MergeConflict::What;
            if (c.what == W::Field) {
                ImGui::TextUnformatted(core::field_label(c.field).c_str());
                if (c.no_base) {
                    ImGui::SameLine();
                    ImGui::TextColored(to_vec4(p.text_muted), ICON_INFO);
                    tooltip_on_hover("Footprint has no earlier version of this record from an exchange with "
                                     "this plan, so it cannot tell which side changed it. Pick the right value.");
                }
            } else {
                ImGui::TextUnformatted("Whole record");
            }
            std::string mine, theirs;
            std::string mine_meta = changed_when(c.mine_modified, now), theirs_meta = changed_when(c.theirs_modified, now);
            bool mine_newer = false, theirs_newer = false;
            switch (c.what) {
            case W::Field:
                mine = core::format_field_value(c.kind, c.field, c.mine);
                theirs = core::format_field_value(c.kind, c.field, c.theirs);
                theirs_newer = c.theirs_newer();
                mine_newer = c.mine_modified > c.theirs_modified;
                break;
            case W::DeletedHere:
                mine = "Deleted in your plan";
                mine_meta = "leave it deleted";
                theirs = "Changed in theirs";
                theirs_meta = theirs_meta.empty() ? "restore it" : theirs_meta + " \u00b7 restore it";
                break;
            case W::DeletedThere:
                mine = "Changed in your plan";
                mine_meta = mine_meta.empty() ? "keep it" : mine_meta + " \u00b7 keep it";
                theirs = "Deleted in theirs";
                theirs_meta = "delete it";
                break;
            }
            ImGui::TableNextColumn();
            if (choice_cell(ui, "##mine", mine, mine_meta, c.choice == core::Side::Mine, mine_newer, row_h))
                c.choice = core::Side::Mine;
            ImGui::TableNextColumn();
            if (choice_cell(ui, "##theirs", theirs, theirs_meta, c.choice == core::Side::Theirs, theirs_newer, row_h))
                c.choice = core::Side::Theirs;
            ImGui::PopID();
        }
    ImGui::EndTable();
}

void preview(app::App& app, UiState& ui, app::MergeFlow& m) {
    const Palette& p = palette();
    core::MergePreview& pv = m.preview();
    const core::MergeReport& r = m.report(app);
    heading(ui, (ICON_CODE_FORK "  Merge \u201c" + r.their_name + "\u201d into your plan").c_str());
    text_muted(m.file_name() + (r.their_owner.empty() ? std::string() : "  \u00b7  " + r.their_owner));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x);
    ImGui::TextColored(to_vec4(p.text_muted), ICON_HISTORY "  %s", r.base.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::SeparatorText("What changes");
    changes_table(ui, r);

    std::vector<core::MergeConflict>& cs = pv.conflicts;
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2 + ImGui::GetStyle().ItemSpacing.y * 3;
    if (!cs.empty()) {
        ImGui::Spacing();
        int mine = 0;
        for (const core::MergeConflict& c : cs) mine += c.choice == core::Side::Mine;
        ImGui::SeparatorText(("Conflicts \u00b7 " + core::format_count(static_cast<long long>(cs.size()))).c_str());
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x);
        ImGui::TextUnformatted("Both plans changed these. Click the value to keep; the newer one is picked for you.");
        ImGui::PopTextWrapPos();
        if (ImGui::Button("Newer everywhere")) core::choose_all(cs, std::nullopt);
        tooltip_on_hover("For each conflict, keep the side changed most recently.");
        ImGui::SameLine();
        if (ImGui::Button("All mine")) core::choose_all(cs, core::Side::Mine);
        ImGui::SameLine();
        if (ImGui::Button("All theirs")) core::choose_all(cs, core::Side::Theirs);
        ImGui::SameLine();
        text_muted("  " + core::format_count(mine) + " yours, " + core::format_count(static_cast<long long>(cs.size()) - mine) +
                   " theirs");
        // A few conflicts fit as they are; many scroll in the space the window has.
        const float h = cs.size() <= kFewConflicts ? conflict_rows_height(ui, cs.size())
                                                   : std::max(ImGui::GetContentRegionAvail().y - footer, 120 * ui.dpr);
        conflicts_table(ui, cs, h, app.clock().wall());
    }

    ImGui::Separator();
    ImGui::Spacing();
    const int n = r.changes();
    const std::string label = n || !cs.empty() ? ICON_CHECK "  Merge" : ICON_CHECK "  Done";
    if (primary_button(label.c_str())) {
        if (m.apply(app)) ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        m.cancel();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    text_muted("  One step: Undo (Ctrl+Z) takes the whole merge back.");
}

} // namespace

void draw_merge_window(app::App& app, UiState& ui) {
    app::MergeFlow& m = ui.sharing.merge;
    const bool active = m.stage() != app::MergeFlow::Stage::Idle;
    if (m.busy()) {
        ui.animating = true; // the comparison runs a slice per frame
        m.step(app, 30); // the rest of the frame stays responsive
    }
    if (active && !ImGui::IsPopupOpen(kPopup)) ImGui::OpenPopup(kPopup);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const bool ready = m.stage() == app::MergeFlow::Stage::Ready;
    const std::size_t conflicts = ready ? m.preview().conflicts.size() : 0;
    ImGui::SetNextWindowSize(ImVec2(std::min(vp->WorkSize.x * 0.9f, (conflicts ? 1040.0f : 680.0f) * ui.dpr),
                                    conflicts > kFewConflicts ? vp->WorkSize.y * 0.82f : 0),
                             ImGuiCond_Always);
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                                     ImGuiWindowFlags_NoTitleBar))
        return;
    switch (m.stage()) {
    case app::MergeFlow::Stage::Idle: ImGui::CloseCurrentPopup(); break;
    case app::MergeFlow::Stage::Reading:
    case app::MergeFlow::Stage::Comparing: progress(app, ui, m); break;
    case app::MergeFlow::Stage::Ready: preview(app, ui, m); break;
    }
    ImGui::EndPopup();
}

} // namespace footprint::ui
