// Which encoding a text file from Excel or Salesforce is in, and turning it into UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace footprint::core {

// What spreadsheet and CRM exports actually arrive as: Excel's "CSV UTF-8" adds a byte order
// mark, its plain "CSV" is Windows-1252 on US Windows, "Unicode text" is UTF-16 LE with a BOM,
// and Salesforce reports offer UTF-8, ISO-8859-1 (read here as its superset Windows-1252) or
// UTF-16.
enum class TextEncoding { Utf8, Utf8Bom, Utf16LE, Utf16BE, Windows1252 };

// "UTF-8", "UTF-8 with BOM", "UTF-16 LE", "UTF-16 BE", "Windows-1252".
const char* encoding_name(TextEncoding e);

struct DetectedEncoding {
    TextEncoding encoding = TextEncoding::Utf8;
    std::size_t bom_size = 0; // bytes to skip at the start
};

// Looks at the byte order mark, then at the first 64 KB: NUL bytes in every other position mean
// UTF-16 without a BOM; bytes that are not valid UTF-8 mean Windows-1252; otherwise UTF-8.
DetectedEncoding detect_encoding(std::string_view bytes);

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool is_valid_utf8(std::string_view s);
// Appends `s`, read as Windows-1252, to `out` as UTF-8 (the five unassigned bytes become the C1
// controls of the same value, as browsers do).
void append_windows1252_as_utf8(std::string& out, std::string_view s);
// Appends UTF-16 code units (2 bytes each, `big_endian` or not) to `out` as UTF-8. An unpaired
// surrogate becomes U+FFFD. An odd trailing byte is ignored. Returns the number of bytes consumed,
// which stops before a high surrogate whose pair is not in `bytes` yet (unless `final`).
std::size_t append_utf16_as_utf8(std::string& out, std::string_view bytes, bool big_endian,
                                 bool final);
// Appends one code point as UTF-8.
void append_utf8(std::string& out, char32_t cp);

} // namespace footprint::core
