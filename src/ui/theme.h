// One palette used by every view, and the light and dark ImGui styles built around it.
#pragma once

#include "core/model.h"

#include <imgui.h>

namespace footprint::ui {

// Okabe–Ito colours, chosen so colour-blind users can tell them apart; every use pairs colour with
// an icon or a label.
struct Palette {
    ImU32 client;      // blue
    ImU32 former;      // reddish purple
    ImU32 prospect;    // bluish green
    ImU32 due_30;      // vermillion: contract ends within 30 days
    ImU32 due_90;      // orange: within 90 days
    ImU32 due_180;     // yellow: within 180 days
    ImU32 accent;
    ImU32 text;
    ImU32 text_muted;
    ImU32 surface;     // cards
    ImU32 surface_alt; // alternating rows, chart backgrounds
    ImU32 border;
    ImU32 grid;
    ImU32 success;
    ImU32 warning;
    ImU32 danger;
    ImU32 on_accent;   // text drawn on accent-coloured fills
};

const Palette& palette();
ImU32 status_colour(core::AccountStatus s);
const char* status_label(core::AccountStatus s);
const char* status_icon(core::AccountStatus s);
// Colour for a contract ending in `days` (negative: already ended), 0 when not urgent.
ImU32 urgency_colour(int days);

// Applies the light or dark style, scaled for the device pixel ratio.
void apply_theme(bool dark, float dpr);
inline ImVec4 to_vec4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

} // namespace footprint::ui
