// Writing CSV for Excel: UTF-8 with a byte-order mark (so Excel reads "é" and "—" right), CRLF
// line ends, RFC 4180 quoting, and no cell that a spreadsheet would run as a formula.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace footprint::core {

// One cell of text, quoted when it holds a comma, quote or line break. Text starting with = + - @
// or a tab or carriage return is prefixed with an apostrophe, so "=HYPERLINK(…)" from a plan file
// stays text (OWASP's advice for CSV injection).
std::string csv_text(std::string_view text);

class CsvWriter {
public:
    CsvWriter(); // starts with the byte-order mark
    // A row of cells already made with csv_text / csv_number / csv_dollars.
    void cells(const std::vector<std::string>& cells);
    void row(std::initializer_list<std::string_view> texts); // every cell as text
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

// A number cell, written as is: "1234.50", "87.5". Only for numbers the program made.
inline std::string csv_number(std::string digits) { return digits; }
// Cents as dollars with two decimals and no thousands separator, as spreadsheets read numbers:
// 123450 -> "1234.50", -5 -> "-0.05".
std::string csv_dollars(long long cents);

} // namespace footprint::core
