#include "ui/fonts.h"

#include <string_view>

#include "platform/assets.h"

namespace cm::ui {

namespace {

// Latin (Latin-1, Extended-A and -B, IPA and spacing modifiers such as the
// ʻokina, combining accents, Extended Additional for Vietnamese), Greek,
// Cyrillic, General Punctuation (curly quotes, dashes, bullets, no-break
// spaces), €, letterlike symbols (№, ™), − and U+FFFD: the news of most
// European languages. The subset the build keeps (CMakeLists.txt,
// FONT_UNICODES) is the same. Everything else shows as U+FFFD, and the
// article header says how many (ImGui 1.86 rasterises every glyph up front:
// CJK or emoji would cost seconds and tens of MB).
const ImWchar kTextRanges[] = {0x0020, 0x04FF, 0x1E00, 0x1EFF, 0x2000, 0x206F, 0x20AC, 0x20AC,
                               0x2100, 0x214F, 0x2212, 0x2212, 0xFFFD, 0xFFFD, 0};
// Arrows and geometric shapes for UI marks, merged from DejaVu Sans.
const ImWchar kSymbolRanges[] = {0x2190, 0x21FF, 0x25A0, 0x25FF, 0};

ImFont* add_font(const char* asset, float pixels, const ImWchar* ranges, bool merge) {
    const auto data = platform::find_asset(asset);
    if (!data) return nullptr;
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes live in the program image
    cfg.MergeMode = merge;
    // Whole-pixel advances and no oversampling: glyphs land on the device
    // pixel grid, which is what makes them sharp.
    cfg.PixelSnapH = true;
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    void* bytes = const_cast<char*>(data->data());
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(bytes, static_cast<int>(data->size()), pixels, &cfg, ranges);
}

}  // namespace

bool FontSet::ensure(float pixel_ratio, const FontSizes& sizes) {
    if (pixel_ratio == ratio_ && sizes == sizes_ && ui) return false;
    ratio_ = pixel_ratio;
    sizes_ = sizes;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float r = pixel_ratio;
    ui = add_font("fonts/ui_regular.ttf", sizes.ui * r, kTextRanges, false);
    add_font("fonts/ui_symbols.ttf", sizes.ui * r, kSymbolRanges, true);
    ui_bold = add_font("fonts/ui_bold.ttf", sizes.ui * r, kTextRanges, false);
    add_font("fonts/ui_symbols.ttf", sizes.ui * r, kSymbolRanges, true);
    reading = add_font("fonts/reading_regular.ttf", sizes.reading * r, kTextRanges, false);
    add_font("fonts/ui_symbols.ttf", sizes.reading * r, kSymbolRanges, true);
    if (!ui) ui = io.Fonts->AddFontDefault();  // never expected; keeps the app alive
    if (!ui_bold) ui_bold = ui;
    if (!reading) reading = ui;
    io.Fonts->Build();
    // Layout stays in logical pixels; the framebuffer scale maps to device pixels.
    io.FontGlobalScale = 1.0f / r;
    io.FontDefault = ui;
    return true;
}

size_t glyphs_missing(const ImFont& font, const std::u32string& text, char32_t& first) {
    size_t n = 0;
    first = 0;
    for (const char32_t c : text) {
        if (c == '\n' || c == '\t') continue;
        // ImWchar is 16-bit here: astral code points have no glyph at all.
        const bool missing = c > 0xFFFF || !font.FindGlyphNoFallback(static_cast<ImWchar>(c));
        if (!missing) continue;
        if (n++ == 0) first = c;
    }
    return n;
}

}  // namespace cm::ui
