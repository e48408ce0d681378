// The import wizard's first steps: the file and its preview, the column mapping and the date
// question. The review and the result are in import_wizard_result.cpp.
#include "ui/import_wizard_steps.h"

#include "core/format.h"
#include "ui/accounts_view.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/view_common.h"

#include <algorithm>

namespace footprint::ui {

namespace {

using Stage = app::CsvImportJob::Stage;
using core::ImportField;
using core::ImportKind;

void wrapped_muted(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(palette().text_muted));
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

const char* delimiter_name(char d) {
    switch (d) {
    case ',':
        return "comma-separated";
    case ';':
        return "semicolon-separated";
    case '\t':
        return "tab-separated";
    case '|':
        return "pipe-separated";
    default:
        return "one column";
    }
}

std::string field_label(ImportKind kind, ImportField f) {
    const core::FieldInfo* info = core::find_field(kind, f);
    return info ? info->label : std::string("Not imported");
}

// The first few non-empty values of a column, for the mapping table.
std::string examples(const core::CsvTable& t, std::size_t column) {
    std::string out;
    int found = 0;
    for (std::size_t r = 0; r < t.rows.size() && r < 200 && found < 3; ++r) {
        const std::string_view v = t.cell(t.rows[r], column);
        if (v.find_first_not_of(" \t") == std::string_view::npos) continue;
        if (found++) out += "  ·  ";
        out += std::string(v.substr(0, 40));
        if (v.size() > 40) out += "…";
    }
    return out.empty() ? std::string("(empty)") : out;
}

void kind_choice(app::App& app, UiState& ui) {
    app::CsvImportJob& job = *ui.import.job;
    (void)app;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("This file holds");
    ImGui::SameLine();
    static const char* kLabels[] = {ICON_BUILDING "  Accounts", ICON_USER "  Contacts",
                                    ICON_BRIEFCASE "  Opportunities"};
    int current = static_cast<int>(job.kind());
    if (segmented(ui, "##kind", kLabels, 3, current))
        job.set_kind(static_cast<ImportKind>(current));
    if (job.kind_guessed()) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        text_muted("(guessed from its columns)");
    }
    switch (job.kind()) {
    case ImportKind::Accounts:
        wrapped_muted(
            "Each row is a business: a client, a former client or a prospect. Rows that match an "
            "account in the plan (Salesforce Id, billing account number, or name and ZIP) update "
            "it.");
        break;
    case ImportKind::Contacts:
        wrapped_muted(
            "Each row is a person who works at an account already in the plan, found by its "
            "AccountId (Salesforce), billing number or name. Import the accounts first.");
        break;
    case ImportKind::Opportunities:
        wrapped_muted(
            "Each row is a deal for an account already in the plan, found by AccountId or Account "
            "Name. Stages the plan does not have are added to its pipeline.");
        break;
    }
}

void reading_menu(app::App& app, UiState& ui) {
    app::CsvImportJob& job = *ui.import.job;
    (void)app;
    const core::CsvTable& t = job.table();
    ImGui::SeparatorText("Values are separated by");
    struct D {
        const char* label;
        char d;
    };
    static constexpr D kDelims[] = {
        {"Commas", ','}, {"Semicolons", ';'}, {"Tabs", '\t'}, {"Pipes (|)", '|'}};
    for (const D& d : kDelims)
        if (ImGui::RadioButton(d.label, t.delimiter == d.d) && t.delimiter != d.d)
            job.reread(d.d, std::nullopt);
    ImGui::SeparatorText("Text encoding");
    static constexpr core::TextEncoding kEnc[] = {
        core::TextEncoding::Utf8, core::TextEncoding::Windows1252, core::TextEncoding::Utf16LE,
        core::TextEncoding::Utf16BE};
    for (core::TextEncoding e : kEnc) {
        const bool on = t.encoding == e || (e == core::TextEncoding::Utf8 &&
                                            t.encoding == core::TextEncoding::Utf8Bom);
        if (ImGui::RadioButton(core::encoding_name(e), on) && !on) job.reread(t.delimiter, e);
    }
    text_muted("Accents look wrong (Ã© instead of é)? Try another encoding.");
}

void preview_table(const UiState& ui) {
    const app::CsvImportJob& job = *ui.import.job;
    const core::CsvTable& t = job.table();
    const std::size_t cols = std::min<std::size_t>(t.header.size(), 60);
    if (cols == 0) return;
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingFixedFit;
    const float h =
        std::min(ImGui::GetContentRegionAvail().y, ImGui::GetTextLineHeightWithSpacing() * 12.5f);
    if (!ImGui::BeginTable("##preview", static_cast<int>(cols) + 1, flags, ImVec2(0, h))) return;
    ImGui::TableSetupScrollFreeze(1, 2);
    ImGui::TableSetupColumn("Line", ImGuiTableColumnFlags_WidthFixed, 44 * ui.dpr);
    for (std::size_t c = 0; c < cols; ++c)
        ImGui::TableSetupColumn(t.header[c].empty() ? "(no name)" : t.header[c].c_str(),
                                ImGuiTableColumnFlags_WidthFixed, 150 * ui.dpr);
    ImGui::TableHeadersRow();
    // Under each header: what the column becomes.
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    for (std::size_t c = 0; c < cols; ++c) {
        ImGui::TableNextColumn();
        const ImportField f =
            c < job.options().mapping.size() ? job.options().mapping[c] : ImportField::None;
        if (f == ImportField::None)
            ImGui::TextDisabled("not imported");
        else
            ImGui::TextColored(to_vec4(palette().accent), ICON_CHEVRON_RIGHT " %s",
                               field_label(job.kind(), f).c_str());
    }
    const std::size_t rows = std::min<std::size_t>(t.rows.size(), 8);
    for (std::size_t r = 0; r < rows; ++r) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        text_muted(std::to_string(t.rows[r].line));
        for (std::size_t c = 0; c < cols; ++c) {
            ImGui::TableNextColumn();
            std::string v(t.cell(t.rows[r], c).substr(0, 80));
            std::replace(v.begin(), v.end(), '\n', ' ');
            std::replace(v.begin(), v.end(), '\r', ' ');
            ImGui::TextUnformatted(v.c_str());
        }
    }
    ImGui::EndTable();
}

} // namespace

void wizard_progress(const UiState& ui, const std::string& title, double fraction,
                     const std::string& detail) {
    const float avail_h = ImGui::GetContentRegionAvail().y;
    ImGui::Dummy(ImVec2(0, std::max(0.0f, avail_h * 0.3f)));
    ImGui::PushFont(ui.fonts.heading);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
    char overlay[16];
    std::snprintf(overlay, sizeof overlay, "%d%%", static_cast<int>(fraction * 100));
    ImGui::ProgressBar(static_cast<float>(fraction), ImVec2(-1, 0), overlay);
    if (!detail.empty()) text_muted(detail);
    ImGui::Spacing();
    text_muted("Cancel at any time: your plan does not change until the import is done.");
}

void wizard_file_step(app::App& app, UiState& ui) {
    app::CsvImportJob& job = *ui.import.job;
    const core::CsvTable& t = job.table();
    const double mb = static_cast<double>(job.file_size()) / 1e6;
    char size[32];
    if (mb >= 1)
        std::snprintf(size, sizeof size, "%.1f MB", mb);
    else
        std::snprintf(
            size, sizeof size, "%s KB",
            core::format_count(static_cast<long long>(job.file_size() / 1000 + 1)).c_str());
    ImGui::AlignTextToFramePadding();
    ImGui::Text(ICON_FILE_TEXT "  %s rows · %zu columns · %s · %s · %s",
                core::format_count(static_cast<long long>(t.rows.size())).c_str(), t.header.size(),
                core::encoding_name(t.encoding), delimiter_name(t.delimiter), size);
    ImGui::SameLine();
    if (ImGui::SmallButton("Change how it is read…")) ImGui::OpenPopup("##reading");
    if (ImGui::BeginPopup("##reading")) {
        reading_menu(app, ui);
        ImGui::EndPopup();
    }
    std::string notes;
    if (t.blank_lines > 0)
        notes += core::format_count(t.blank_lines) +
                 (t.blank_lines == 1 ? " empty line skipped. " : " empty lines skipped. ");
    if (t.footer_lines > 0) notes += "The Salesforce report footer is left out.";
    if (!notes.empty()) text_muted(notes);
    ImGui::Spacing();
    kind_choice(app, ui);
    ImGui::Spacing();
    ImGui::SeparatorText("The first rows");
    if (t.rows.empty())
        ImGui::TextColored(to_vec4(palette().danger),
                           ICON_EXCLAMATION_CIRCLE "  The file has a header row but no data.");
    else
        preview_table(ui);
}

void wizard_columns_step(app::App& app, UiState& ui) {
    app::CsvImportJob& job = *ui.import.job;
    (void)app;
    const core::CsvTable& t = job.table();
    const auto& mapping = job.options().mapping;
    const int mapped = static_cast<int>(std::count_if(
        mapping.begin(), mapping.end(), [](ImportField f) { return f != ImportField::None; }));
    ImGui::TextWrapped(
        "Footprint recognised %d of %zu columns. Check what each one becomes; columns left "
        "\"Not imported\" are ignored.",
        mapped, t.header.size());
    const float options_h = (job.kind() == ImportKind::Opportunities ? 7.5f : 4.5f) *
                            ImGui::GetFrameHeightWithSpacing();
    const float table_h = std::max(ImGui::GetFrameHeightWithSpacing() * 4,
                                   ImGui::GetContentRegionAvail().y - options_h);
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##mapping", 3, flags, ImVec2(0, table_h))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Column in the file", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Examples", ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableSetupColumn("Imports as", ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableHeadersRow();
        for (std::size_t c = 0; c < t.header.size(); ++c) {
            ImGui::PushID(static_cast<int>(c));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            const ImportField f = mapping[c];
            if (f == ImportField::None)
                ImGui::TextDisabled("%s", t.header[c].empty() ? "(no name)" : t.header[c].c_str());
            else
                ImGui::TextUnformatted(t.header[c].empty() ? "(no name)" : t.header[c].c_str());
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            std::string ex = examples(t, c);
            fit_text(ex, ImGui::GetContentRegionAvail().x);
            text_muted(ex);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            const std::string preview = f == ImportField::None ? std::string("— Not imported —")
                                                               : field_label(job.kind(), f);
            if (ImGui::BeginCombo("##field", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
                if (ImGui::Selectable("— Not imported —", f == ImportField::None))
                    job.set_field(c, ImportField::None);
                for (const core::FieldInfo& info : core::import_fields(job.kind())) {
                    // Which column has it now, so moving a field is a visible choice.
                    std::string label = info.label;
                    for (std::size_t k = 0; k < mapping.size(); ++k)
                        if (k != c && mapping[k] == info.field)
                            label += "   (now: " + t.header[k] + ")";
                    if (ImGui::Selectable(label.c_str(), info.field == f))
                        job.set_field(c, info.field);
                }
                ImGui::EndCombo();
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }

    ImGui::SeparatorText("How to import");
    const core::ImportOptions& o = job.options();
    if (job.kind() == ImportKind::Accounts) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Rows without a status become");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(180 * ui.dpr);
        if (ImGui::BeginCombo("##default-status", status_label(o.default_status))) {
            for (core::AccountStatus s : {core::AccountStatus::Prospect,
                                          core::AccountStatus::Client, core::AccountStatus::Former})
                if (ImGui::Selectable(status_label(s), s == o.default_status))
                    job.set_default_status(s);
            ImGui::EndCombo();
        }
    }
    if (job.kind() == ImportKind::Opportunities) {
        const bool has_mrc =
            std::find(mapping.begin(), mapping.end(), ImportField::Mrc) != mapping.end();
        ImGui::TextWrapped(
            "Salesforce's Amount is the whole deal. Footprint plans with monthly recurring "
            "revenue (MRC), so unless the file has an MRC column, monthly = (Amount - "
            "one-time charges) / term.");
        ImGui::BeginDisabled(has_mrc);
        if (ImGui::RadioButton("Amount is the total contract value", !o.amount_is_monthly))
            job.set_amount_is_monthly(false);
        ImGui::SameLine();
        if (ImGui::RadioButton("Amount is already monthly", o.amount_is_monthly))
            job.set_amount_is_monthly(true);
        ImGui::SameLine(0, 24 * ui.dpr);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Term when a row has none:");
        ImGui::SameLine();
        int term = o.default_term_months;
        ImGui::SetNextItemWidth(110 * ui.dpr);
        if (ImGui::InputInt("months##term", &term, 12, 12))
            job.set_default_term(std::clamp(term, 1, 600));
        ImGui::EndDisabled();
        if (has_mrc)
            text_muted(
                "The file has an MRC column: it is used as it is, and Amount is not needed.");
    }
    bool update = o.update_existing;
    if (ImGui::Checkbox("Update what is already in the plan", &update))
        job.set_update_existing(update);
    ImGui::SameLine();
    text_muted(
        job.kind() == ImportKind::Accounts
            ? "(matched by Salesforce Id, billing number, or name and ZIP; empty cells never erase)"
            : "(matched by Salesforce Id, or name within the account; empty cells never erase)");
}

void wizard_dates_step(app::App& app, UiState& ui) {
    app::CsvImportJob& job = *ui.import.job;
    const auto questions = job.open_date_questions();
    if (questions.empty()) return;
    const core::DateColumnStats& q = questions.front();
    const std::string& column = job.table().header[q.column];
    ImGui::Dummy(ImVec2(0, 20 * ui.dpr));
    const auto md0 = core::parse_date_text(q.example, core::DateOrder::MonthDay);
    const auto dm0 = core::parse_date_text(q.example, core::DateOrder::DayMonth);
    ImGui::PushFont(ui.fonts.heading);
    if (md0 && dm0)
        ImGui::TextWrapped("In the column \"%s\", is %s %s or %s?", column.c_str(),
                           q.example.c_str(), core::format_date(*md0).c_str(),
                           core::format_date(*dm0).c_str());
    else
        ImGui::TextWrapped("In the column \"%s\", is %s a day first or a month first?",
                           column.c_str(), q.example.c_str());
    ImGui::PopFont();
    ImGui::TextWrapped(
        "%s values in this column read both ways (like %s) and none has a day past 12 to "
        "tell. Footprint asks once for the whole column.",
        core::format_count(q.ambiguous).c_str(), q.example.c_str());
    ImGui::Spacing();
    const auto md = core::parse_date_text(q.example, core::DateOrder::MonthDay);
    const auto dm = core::parse_date_text(q.example, core::DateOrder::DayMonth);
    const ImVec2 button(300 * ui.dpr, 64 * ui.dpr);
    const std::string a =
        md ? "Month first (US)\n" + core::format_date(*md) : std::string("Month first (US)");
    const std::string b =
        dm ? "Day first (Europe)\n" + core::format_date(*dm) : std::string("Day first (Europe)");
    if (primary_button(a.c_str(), button))
        job.answer_date(app, q.column, core::DateOrder::MonthDay);
    ImGui::SameLine(0, 16 * ui.dpr);
    if (ImGui::Button(b.c_str(), button)) job.answer_date(app, q.column, core::DateOrder::DayMonth);
    if (questions.size() > 1) {
        ImGui::Spacing();
        text_muted(std::to_string(questions.size() - 1) + " more date column" +
                   (questions.size() > 2 ? "s" : "") + " to settle after this one.");
    }
}

} // namespace footprint::ui
