// Small reusable pieces every panel uses: icon buttons with tooltips, badges, KPI cards, empty
// states, right-aligned numbers.
#pragma once

#include "ui/ui.h"

#include <imgui.h>

#include <string>

namespace footprint::ui {

// An icon-only button always has a tooltip; `shortcut` is shown beside it ("Ctrl+Z").
bool icon_button(const char* id_and_icon, const char* tooltip, bool enabled = true,
                 const char* shortcut = nullptr);
void tooltip_on_hover(const char* text);
// A rounded pill with a coloured dot (or filled background) and a label.
void badge(const std::string& text, ImU32 colour, bool filled = false);
void status_chip(core::AccountStatus s);
// A card with a small label, a big number and a line under it.
void kpi_card(const UiState& ui, const char* label, const std::string& value, const std::string& sub,
              ImU32 accent, float width);
// Centred icon, title, explanation; the caller adds the action buttons after it.
void empty_state(const UiState& ui, const char* icon, const char* title, const char* text);
void text_right(const std::string& s);
void text_muted(const std::string& s);
void heading(const UiState& ui, const char* text);
// A button drawn in the accent colour for the primary action of a view.
bool primary_button(const char* label, ImVec2 size = ImVec2(0, 0));

} // namespace footprint::ui
