// The CSV import wizard: a modal window over the current view that walks a file through
// app::CsvImportJob's stages (file, columns, dates, review, import, result), working in slices
// of each frame with a progress bar and Cancel. The steps' contents are in import_wizard_steps.cpp.
#include "core/format.h"
#include "ui/accounts_view.h"
#include "ui/import_wizard_steps.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/view_common.h"

#include <unordered_set>

namespace footprint::ui {

namespace {

using Stage = app::CsvImportJob::Stage;

// Work per frame: with the drawing (10-20 ms of CPU with software GL) frames stay near 60 ms, well
// under 100 ms even on a busy machine; a 100,000-row file takes about 35 frames of work.
constexpr double kWorkBudgetMs = 35;

struct StepInfo {
    const char* label;
    int index;
};

int step_of(const UiState& ui) {
    switch (ui.import.job->stage()) {
    case Stage::Reading:
        return 0;
    case Stage::Mapping:
        return ui.import.columns_step ? 1 : 0;
    case Stage::Checking:
    case Stage::Dates:
        return 2;
    case Stage::Counting:
    case Stage::Review:
        return 3;
    case Stage::Applying:
    case Stage::Done:
        return 4;
    case Stage::Failed:
        return 0;
    }
    return 0;
}

void steps_row(const UiState& ui) {
    static constexpr const char* kSteps[] = {"File", "Columns", "Dates", "Review", "Import"};
    const int current = step_of(ui);
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFrameHeight();
    for (int i = 0; i < 5; ++i) {
        char label[32];
        std::snprintf(label, sizeof label, "%s  %s",
                      i < current ? ICON_CHECK : std::to_string(i + 1).c_str(), kSteps[i]);
        const float w = ImGui::CalcTextSize(label).x + 24 * ui.dpr;
        const bool on = i == current;
        const ImU32 bg = on ? p.accent : with_alpha(p.text_muted, i < current ? 0.16f : 0.08f);
        dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), bg, h * 0.5f);
        dl->AddText(ImVec2(pos.x + 12 * ui.dpr, pos.y + (h - ImGui::GetTextLineHeight()) * 0.5f),
                    on ? p.on_accent : (i < current ? p.text : p.text_muted), label);
        pos.x += w + 6 * ui.dpr;
        if (i < 4) {
            dl->AddLine(ImVec2(pos.x - 4 * ui.dpr, pos.y + h * 0.5f),
                        ImVec2(pos.x - 2 * ui.dpr, pos.y + h * 0.5f), p.border);
        }
    }
    ImGui::Dummy(ImVec2(0, h));
}

bool can_next(const app::App& app, const UiState& ui, std::string* why) {
    const app::CsvImportJob& job = *ui.import.job;
    switch (job.stage()) {
    case Stage::Mapping:
        if (!ui.import.columns_step) return true;
        if (std::string p = job.mapping_problem(); !p.empty()) {
            if (why) *why = p;
            return false;
        }
        return true;
    case Stage::Dates:
        if (why) *why = "Answer the date question first.";
        return false;
    case Stage::Review:
        if (job.nothing_to_do()) {
            if (why) *why = "Nothing to import: every row is already in the plan or was rejected.";
            return false;
        }
        return true;
    case Stage::Done:
    case Stage::Failed:
        return true;
    default:
        return false;
    }
    (void)app;
}

std::string next_label(const UiState& ui) {
    const app::CsvImportJob& job = *ui.import.job;
    switch (job.stage()) {
    case Stage::Mapping:
        return ui.import.columns_step ? "Check the file  " ICON_CHEVRON_RIGHT
                                      : "Next: columns  " ICON_CHEVRON_RIGHT;
    case Stage::Review: {
        const core::ImportSummary& s = job.summary();
        const int n = s.created + s.updated;
        return "Import " + core::format_count(n) + " " +
               (n == 1 ? core::import_kind_singular(job.kind())
                       : core::import_kind_name(job.kind()));
    }
    case Stage::Done:
    case Stage::Failed:
        return "Close";
    default:
        return "Next";
    }
}

void footer(app::App& app, UiState& ui) {
    const app::CsvImportJob& job = *ui.import.job;
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::Separator();
    const bool finished = job.stage() == Stage::Done || job.stage() == Stage::Failed;
    const bool back = (job.stage() == Stage::Mapping && ui.import.columns_step) ||
                      job.stage() == Stage::Dates || job.stage() == Stage::Review;
    std::string why;
    const bool ok = can_next(app, ui, &why);
    // The date question is answered with its own two buttons.
    const bool show_next = !job.working() && job.stage() != Stage::Dates;
    const std::string primary = next_label(ui);
    float w = 0;
    const char* cancel_label = job.stage() == Stage::Applying ? "Cancel import" : "Cancel";
    if (!finished)
        w += ImGui::CalcTextSize(cancel_label).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
    if (back)
        w += ImGui::CalcTextSize(ICON_CHEVRON_LEFT "  Back").x + style.FramePadding.x * 2 +
             style.ItemSpacing.x;
    if (show_next) w += ImGui::CalcTextSize(primary.c_str()).x + style.FramePadding.x * 2;
    if (!why.empty() && !ok && show_next) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(to_vec4(palette().danger), ICON_EXCLAMATION_CIRCLE " %s", why.c_str());
        ImGui::SameLine();
    }
    ImGui::SetCursorPosX(
        std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - w));
    if (!finished) {
        if (ImGui::Button(cancel_label)) wizard_cancel(app, ui);
        if (job.stage() == Stage::Applying)
            ImGui::SetItemTooltip("Takes back what was imported so far: the plan stays as it was.");
        else
            ImGui::SetItemTooltip("Nothing in your plan has changed (Esc)");
        ImGui::SameLine();
    }
    if (back) {
        if (ImGui::Button(ICON_CHEVRON_LEFT "  Back")) wizard_back(app, ui);
        ImGui::SameLine();
    }
    if (show_next) {
        ImGui::BeginDisabled(!ok);
        if (primary_button(primary.c_str())) wizard_next(app, ui);
        ImGui::EndDisabled();
        if (ok && !finished) ImGui::SetItemTooltip("Enter");
    }
}

} // namespace

bool wizard_on_columns_step(const UiState& ui) {
    return ui.import.job && ui.import.job->stage() == Stage::Mapping && ui.import.columns_step;
}

void wizard_next(app::App& app, UiState& ui) {
    if (!ui.import.job) return;
    app::CsvImportJob& job = *ui.import.job;
    if (!can_next(app, ui, nullptr)) return;
    switch (job.stage()) {
    case Stage::Mapping:
        if (!ui.import.columns_step)
            ui.import.columns_step = true;
        else
            job.count(app);
        break;
    case Stage::Review:
        job.apply(app);
        break;
    case Stage::Done:
    case Stage::Failed:
        ui.import.job.reset();
        break;
    default:
        break;
    }
}

void wizard_back(app::App& app, UiState& ui) {
    (void)app;
    if (!ui.import.job) return;
    app::CsvImportJob& job = *ui.import.job;
    if (job.stage() == Stage::Mapping) {
        ui.import.columns_step = false;
    } else if (job.stage() == Stage::Dates || job.stage() == Stage::Review) {
        job.back();
        ui.import.columns_step = true;
    }
}

void wizard_cancel(app::App& app, UiState& ui) {
    if (!ui.import.job) return;
    const bool applying = ui.import.job->stage() == Stage::Applying;
    ui.import.job->cancel(app);
    if (applying)
        app.notify(app::Notice::Kind::Info, "Import cancelled",
                   "What was imported so far was taken back: your plan is as it was.");
    ui.import.job.reset();
}

void wizard_show_imported(app::App& app, UiState& ui) {
    if (!ui.import.job) return;
    const app::CsvImportJob& job = *ui.import.job;
    auto ids = std::make_shared<std::unordered_set<std::string>>(job.summary().account_ids.begin(),
                                                                 job.summary().account_ids.end());
    ui.accounts.filter = core::AccountFilter{};
    ui.accounts.search[0] = 0;
    ui.accounts.filter.only_ids = std::move(ids);
    ui.accounts.filter.only_label = "From " + job.file_name();
    ui.view = View::Accounts;
    ui.prefs_dirty = true;
    (void)app;
    ui.import.job.reset();
}

void wizard_download_rejected(app::App& app, UiState& ui) {
    if (!ui.import.job || !ui.hooks.download) return;
    const app::CsvImportJob& job = *ui.import.job;
    ui.hooks.download(job.rejected_file_name(), "text/csv;charset=utf-8", job.rejected_csv());
    app.notify(app::Notice::Kind::Success, "Rejected rows saved",
               job.rejected_file_name() +
                   " is in your downloads: fix the rows in Excel and import it again.");
}

void draw_import_wizard(app::App& app, UiState& ui) {
    if (!ui.import.job) return;
    app::CsvImportJob& job = *ui.import.job;
    if (job.working()) {
        job.work(app, kWorkBudgetMs);
        ui.animating = true;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 size(std::min(980 * ui.dpr, vp->WorkSize.x * 0.94f),
                      std::min(700 * ui.dpr, vp->WorkSize.y * 0.92f));
    ImGui::SetNextWindowSize(size, ImGuiCond_Always);
    ImGui::SetNextWindowPos(
        ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
        ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    const char* id = "Import###import-wizard";
    if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20 * ui.dpr, 16 * ui.dpr));
    const bool open =
        ImGui::BeginPopupModal(id, nullptr,
                               ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleVar();
    if (!open) return;

    // Title: what is being imported, and the steps.
    ImGui::PushFont(ui.fonts.heading);
    ImGui::Text(ICON_UPLOAD "  Import %s", job.file_name().c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - ImGui::GetFrameHeight());
    if (icon_button(ICON_TIMES "##close-wizard",
                    job.stage() == Stage::Done ? "Close" : "Cancel the import", true, "Esc"))
        wizard_cancel(app, ui);
    if (!ui.import.job) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    steps_row(ui);
    ImGui::Spacing();

    const float footer_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y * 2;
    ImGui::BeginChild("##step", ImVec2(0, -footer_h), ImGuiChildFlags_None);
    switch (job.stage()) {
    case Stage::Reading:
        wizard_progress(ui, "Reading " + job.file_name() + "…", job.progress(),
                        core::format_count(static_cast<long long>(job.file_size() >> 10)) + " KB");
        break;
    case Stage::Mapping:
        if (ui.import.columns_step)
            wizard_columns_step(app, ui);
        else
            wizard_file_step(app, ui);
        break;
    case Stage::Checking:
        wizard_progress(ui, "Checking the dates…", job.progress(), "");
        break;
    case Stage::Dates:
        wizard_dates_step(app, ui);
        break;
    case Stage::Counting:
        wizard_progress(ui, "Counting what would change (nothing changes yet)…", job.progress(),
                        core::format_count(static_cast<long long>(job.table().rows.size())) +
                            " rows");
        break;
    case Stage::Review:
        wizard_review_step(app, ui);
        break;
    case Stage::Applying:
        wizard_progress(ui, "Importing…", job.progress(), job.label());
        break;
    case Stage::Done:
        wizard_done_step(app, ui);
        break;
    case Stage::Failed:
        wizard_failed_step(app, ui);
        break;
    }
    ImGui::EndChild();
    if (ui.import.job) footer(app, ui);

    // Keyboard: Enter is the primary button, Escape cancels (or closes).
    const ImGuiIO& io = ImGui::GetIO();
    if (ui.import.job && !io.WantTextInput && !ImGui::IsAnyItemActive()) {
        if (ImGui::IsKeyPressed(ImGuiKey_Enter, false) ||
            ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false))
            wizard_next(app, ui);
        else if (ImGui::IsKeyPressed(ImGuiKey_Escape, false))
            wizard_cancel(app, ui);
    }
    if (!ui.import.job) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace footprint::ui
