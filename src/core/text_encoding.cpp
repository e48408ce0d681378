// Encoding detection and conversion to UTF-8 for imported text files.
#include "core/text_encoding.h"

#include <algorithm>
#include <cstdint>

namespace footprint::core {

namespace {

// Windows-1252's 0x80..0x9F; the unassigned ones (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to themselves.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not one.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) return 1;
    auto cont = [&](std::size_t k) {
        return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    };
    if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        if (!cont(1) || !cont(2)) return 0;
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        if (b0 == 0xE0 && b1 < 0xA0) return 0;  // overlong
        if (b0 == 0xED && b1 >= 0xA0) return 0; // surrogate
        return 3;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3)) return 0;
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        if (b0 == 0xF0 && b1 < 0x90) return 0;  // overlong
        if (b0 == 0xF4 && b1 >= 0x90) return 0; // past U+10FFFF
        return 4;
    }
    return 0;
}

} // namespace

const char* encoding_name(TextEncoding e) {
    switch (e) {
    case TextEncoding::Utf8:
        return "UTF-8";
    case TextEncoding::Utf8Bom:
        return "UTF-8 with BOM";
    case TextEncoding::Utf16LE:
        return "UTF-16 LE";
    case TextEncoding::Utf16BE:
        return "UTF-16 BE";
    case TextEncoding::Windows1252:
        return "Windows-1252";
    }
    return "UTF-8";
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_sequence(s, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

void append_windows1252_as_utf8(std::string& out, std::string_view s) {
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x80)
            out += c;
        else if (b < 0xA0)
            append_utf8(out, kCp1252High[b - 0x80]);
        else
            append_utf8(out, b);
    }
}

std::size_t append_utf16_as_utf8(std::string& out, std::string_view bytes, bool big_endian,
                                 bool final) {
    auto unit = [&](std::size_t i) -> char16_t {
        const auto a = static_cast<unsigned char>(bytes[i]);
        const auto b = static_cast<unsigned char>(bytes[i + 1]);
        return static_cast<char16_t>(big_endian ? (a << 8) | b : (b << 8) | a);
    };
    const std::size_t n = bytes.size() & ~std::size_t{1};
    std::size_t i = 0;
    while (i < n) {
        const char16_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 4 > n) {
                if (!final) return i; // the low surrogate comes with the next chunk
                append_utf8(out, 0xFFFD);
                i += 2;
                continue;
            }
            const char16_t lo = unit(i + 2);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                append_utf8(out, 0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) +
                                     (static_cast<char32_t>(lo) - 0xDC00));
                i += 4;
                continue;
            }
            append_utf8(out, 0xFFFD);
            i += 2;
            continue;
        }
        append_utf8(out, (u >= 0xDC00 && u <= 0xDFFF) ? char32_t{0xFFFD} : char32_t{u});
        i += 2;
    }
    return final ? bytes.size() : i;
}

DetectedEncoding detect_encoding(std::string_view b) {
    auto starts = [&](std::string_view p) { return b.substr(0, p.size()) == p; };
    if (starts("\xEF\xBB\xBF")) return {TextEncoding::Utf8Bom, 3};
    if (starts("\xFF\xFE")) return {TextEncoding::Utf16LE, 2};
    if (starts("\xFE\xFF")) return {TextEncoding::Utf16BE, 2};

    const std::string_view head = b.substr(0, 64 * 1024);
    // UTF-16 without a BOM: text that is mostly ASCII has a NUL in every other byte.
    std::size_t even_nul = 0, odd_nul = 0;
    const std::size_t probe = std::min<std::size_t>(head.size(), 4096) & ~std::size_t{1};
    for (std::size_t i = 0; i < probe; i += 2) {
        even_nul += head[i] == '\0';
        odd_nul += head[i + 1] == '\0';
    }
    const std::size_t pairs = probe / 2;
    if (pairs >= 2) {
        if (odd_nul * 10 >= pairs * 7 && even_nul * 10 < pairs) return {TextEncoding::Utf16LE, 0};
        if (even_nul * 10 >= pairs * 7 && odd_nul * 10 < pairs) return {TextEncoding::Utf16BE, 0};
    }
    // A multi-byte sequence cut by the 64 KB boundary is not evidence of anything.
    std::size_t end = head.size();
    if (end < b.size())
        while (end > 0 && end + 4 > head.size() &&
               (static_cast<unsigned char>(head[end - 1]) & 0x80) != 0)
            --end;
    return {is_valid_utf8(head.substr(0, end)) ? TextEncoding::Utf8 : TextEncoding::Windows1252, 0};
}

} // namespace footprint::core
