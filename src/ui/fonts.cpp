// Inter (body, headings, big numbers) with Fork Awesome icons merged, rasterised at the device
// pixel ratio so text is crisp on HiDPI screens.
#include "ui/fonts.h"

#include "ui/icons.h"
#include "ui/map_internal.h"

#include <imgui.h>

namespace footprint::ui {

namespace {

// Latin (with Latin Extended-A for names like "Müller" or "Nuñez"), general punctuation (— – …
// • “ ”), the euro and a few arrows.
const ImWchar kTextRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E,
                               0x20AC, 0x20AC, 0x2190, 0x21FF, 0x2212, 0x2212, 0};
const ImWchar kIconRanges[] = {ICON_RANGE_FIRST, ICON_RANGE_LAST, 0};

ImFont* add(const char* dir, const char* file, float px, bool with_icons) {
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    std::string path = std::string(dir) + "/" + file;
    ImFont* font = io.Fonts->AddFontFromFileTTF(path.c_str(), px, &cfg, kTextRanges);
    if (!font) return nullptr;
    if (with_icons) {
        ImFontConfig icons;
        icons.MergeMode = true;
        icons.PixelSnapH = true;
        icons.GlyphMinAdvanceX = px * 1.15f; // icons line up in menus and buttons
        icons.GlyphOffset = ImVec2(0, px * 0.04f);
        std::string icon_path = std::string(dir) + "/forkawesome-webfont.ttf";
        io.Fonts->AddFontFromFileTTF(icon_path.c_str(), px * 0.95f, &icons, kIconRanges);
    }
    return font;
}

} // namespace

bool load_fonts(Fonts& fonts, const char* dir, float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    fonts.body = add(dir, "Inter-Regular.otf", 15.0f * dpr, true);
    fonts.bold = add(dir, "Inter-SemiBold.otf", 15.0f * dpr, true);
    fonts.heading = add(dir, "Inter-SemiBold.otf", 20.0f * dpr, true);
    fonts.big = add(dir, "Inter-SemiBold.otf", 28.0f * dpr, true);
    if (!fonts.body || !fonts.bold || !fonts.heading || !fonts.big) {
        io.Fonts->Clear();
        ImFontConfig cfg;
        cfg.SizePixels = 13.0f * dpr;
        fonts.body = fonts.bold = fonts.heading = fonts.big = io.Fonts->AddFontDefault(&cfg);
        return false;
    }
    io.FontDefault = fonts.body;
    // The map's marker sprites share the font texture (one batch with the text).
    add_map_sprites(*io.Fonts);
    paint_map_sprites(*io.Fonts);
    return true;
}

} // namespace footprint::ui
