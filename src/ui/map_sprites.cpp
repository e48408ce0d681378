// Marker sprites packed into the font atlas (so markers share the text's texture and batch into
// the same draw calls): an anti-aliased disc, a ring and a soft blob for the heat layer. Each marker
// is one textured quad: 4 vertices and 6 indices, however many thousands are on screen.
#include "ui/map_internal.h"

#include <algorithm>
#include <cmath>

namespace footprint::ui {

namespace {

constexpr int kSize = 64; // texels; markers are drawn smaller, the GPU filters them down
constexpr int kSprites = 4;
int g_rect[kSprites] = {-1, -1, -1, -1};
ImVec2 g_uv0[kSprites], g_uv1[kSprites];

float coverage_disc(float d, float r) { return std::clamp(r - d + 0.5f, 0.0f, 1.0f); }

} // namespace

void add_map_sprites(ImFontAtlas& atlas) {
    for (int& r : g_rect) r = atlas.AddCustomRectRegular(kSize, kSize);
}

void paint_map_sprites(ImFontAtlas& atlas) {
    unsigned char* pixels = nullptr;
    int tw = 0, th = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &tw, &th);
    if (!pixels) return;
    const float c = kSize * 0.5f, outer = c - 1.0f;
    for (int s = 0; s < kSprites; ++s) {
        if (g_rect[s] < 0) continue;
        const ImFontAtlasCustomRect* rect = atlas.GetCustomRectByIndex(g_rect[s]);
        if (!rect->IsPacked()) continue;
        atlas.CalcCustomRectUV(rect, &g_uv0[s], &g_uv1[s]);
        for (int y = 0; y < kSize; ++y)
            for (int x = 0; x < kSize; ++x) {
                const float d = std::hypot(static_cast<float>(x) + 0.5f - c, static_cast<float>(y) + 0.5f - c);
                float a = 0;
                if (s == 0) a = coverage_disc(d, outer);
                else if (s == 1) a = std::min(coverage_disc(d, outer), 1.0f - coverage_disc(d, outer * 0.72f));
                else if (s == 2) a = std::pow(std::clamp(1.0f - d / outer, 0.0f, 1.0f), 1.6f);
                else a = std::min(coverage_disc(d, outer), 1.0f - coverage_disc(d, outer * 0.86f));
                unsigned char* px = pixels + ((rect->Y + y) * tw + rect->X + x) * 4;
                px[0] = px[1] = px[2] = 255;
                px[3] = static_cast<unsigned char>(std::lround(a * 255.0f));
            }
    }
}

void reserve_sprites(ImDrawList* dl, int count) { dl->PrimReserve(count * 6, count * 4); }

void sprite(ImDrawList* dl, Sprite s, ImVec2 p, float r, ImU32 colour) {
    const int i = static_cast<int>(s);
    // Quads are a texel larger than the disc so its anti-aliased edge is not cut.
    const float e = r * (kSize * 0.5f) / (kSize * 0.5f - 1.0f);
    dl->PrimRectUV(ImVec2(p.x - e, p.y - e), ImVec2(p.x + e, p.y + e), g_uv0[i], g_uv1[i], colour);
}

} // namespace footprint::ui
