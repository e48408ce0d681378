// CSV cells and rows for spreadsheets.
#include "core/csv_write.h"

#include <cstdio>

namespace footprint::core {

std::string csv_text(std::string_view text) {
    std::string s;
    if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
                          text[0] == '\r'))
        s += '\'';
    s += text;
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) {
        if (c == '"') q += '"';
        q += c;
    }
    q += '"';
    return q;
}

CsvWriter::CsvWriter() : out_("\xEF\xBB\xBF") {}

void CsvWriter::cells(const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out_ += ',';
        out_ += cells[i];
    }
    out_ += "\r\n";
}

void CsvWriter::row(std::initializer_list<std::string_view> texts) {
    std::vector<std::string> cells;
    for (std::string_view t : texts) cells.push_back(csv_text(t));
    this->cells(cells);
}

std::string csv_dollars(long long cents) {
    const bool negative = cents < 0;
    const unsigned long long c = negative ? 0ull - static_cast<unsigned long long>(cents) : static_cast<unsigned long long>(cents);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s%llu.%02llu", negative ? "-" : "", c / 100, c % 100);
    return buf;
}

} // namespace footprint::core
