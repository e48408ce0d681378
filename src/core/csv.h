// Reading CSV files as spreadsheets and CRMs write them, in slices, into a compact table; and
// writing CSV that Excel opens correctly.
#pragma once

#include "core/text_encoding.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace footprint::core {

// Every field of a file lives in one arena; a cell is a slice of it. A 30 MB file becomes about
// 30 MB of text plus 8 bytes a cell, instead of a std::string per cell.
struct CsvCell {
    std::uint32_t offset = 0;
    std::uint32_t size = 0;
};

struct CsvRow {
    std::uint32_t first_cell = 0;
    std::uint32_t cell_count = 0;
    std::uint32_t line = 0;          // 1-based line where the record starts
    bool unterminated_quote = false; // the file ended inside a quoted field
};

struct CsvTable {
    TextEncoding encoding = TextEncoding::Utf8;
    char delimiter = ',';
    std::vector<std::string> header; // the first non-empty record
    std::uint32_t header_line = 0;
    std::vector<CsvRow> rows; // the records after the header, blank ones left out
    std::vector<CsvCell> cells;
    std::string arena;
    int blank_lines = 0;  // empty records skipped (",,,," counts as empty)
    int footer_lines = 0; // a Salesforce report's footer, left out
    bool header_unterminated = false;

    std::string_view cell(const CsvRow& r, std::size_t column) const {
        if (column >= r.cell_count) return {};
        const CsvCell& c = cells[r.first_cell + column];
        return std::string_view(arena).substr(c.offset, c.size);
    }
};

// Reads a CSV file in slices so a big file never blocks a frame:
//
//   CsvReader reader(std::move(bytes));
//   while (!reader.step(1 << 20)) show(reader.progress());
//   CsvTable table = reader.take();
//
// Detects the encoding (text_encoding.h) and the delimiter (comma, semicolon, tab or pipe; an
// Excel "sep=;" first line wins), handles quoted fields with delimiters, doubled quotes and line
// breaks, CRLF / LF / CR line ends, a last line without a line end, and a file that ends inside a
// quoted field (that record is marked). Fields that are not valid UTF-8 in a UTF-8 file are read
// as Windows-1252, as happens when a UTF-8 export was edited and saved by Excel.
class CsvReader {
  public:
    // `delimiter` 0 detects it; `forced_encoding` overrides detection when `force_encoding`.
    explicit CsvReader(std::string bytes, char delimiter = 0);
    CsvReader(std::string bytes, char delimiter, TextEncoding forced_encoding);

    // Reads at least `budget_bytes` more of the file; returns true when the whole file is read.
    bool step(std::size_t budget_bytes);
    bool done() const { return phase_ == Phase::Done; }
    double progress() const; // 0..1
    CsvTable take();

  private:
    enum class Phase { Transcode, Detect, Read, Done };
    void detect();
    bool read_record(std::vector<CsvCell>& cells, std::uint32_t& line, bool& unterminated);
    void append_field(std::string_view raw);
    void finish();

    std::string bytes_; // the file, then (for UTF-16) its UTF-8 conversion
    std::string text_;  // UTF-16 converted so far
    std::size_t pos_ = 0;
    std::uint32_t line_ = 1;
    Phase phase_ = Phase::Detect;
    bool force_encoding_ = false;
    std::size_t total_ = 0;
    CsvTable table_;
    std::vector<CsvCell> scratch_;
    std::string unescape_;
};

// --- writing -------------------------------------------------------------------------------------

// A cell as Excel and Salesforce Data Loader read it: quoted when it holds a comma, a quote or a
// line break (quotes doubled). With `neutralise`, a text that starts with = + - @, a tab or a CR
// gets a leading apostrophe so a spreadsheet shows it as text instead of running it as a formula
// (OWASP's advice against CSV injection).
void append_csv_cell(std::string& out, std::string_view value, bool neutralise = true);
// Undoes the neutralising apostrophe when reading back a file Footprint wrote.
std::string_view strip_formula_guard(std::string_view value);

} // namespace footprint::core
