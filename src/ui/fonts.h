// Loading the UI fonts at a given device pixel ratio.
#pragma once

#include "ui/ui.h"

namespace footprint::ui {

// Rebuilds the font atlas from `dir` (Inter and Fork Awesome). Falls back to ImGui's built-in font
// and returns false when a file is missing, so the app still opens.
bool load_fonts(Fonts& fonts, const char* dir, float dpr);

} // namespace footprint::ui
