// CSV reading (sliced, into an arena) and writing.
#include "core/csv.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

namespace footprint::core {

namespace {

constexpr std::array<char, 4> kDelimiters = {',', ';', '\t', '|'};

bool needs_slow_path(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80 || c == '\0') return true;
    return false;
}

// Fields per record for the first records of `text` when split by `d` (quote-aware).
std::vector<int> field_counts(std::string_view text, char d, int max_records) {
    std::vector<int> counts;
    std::size_t i = 0;
    while (i < text.size() && static_cast<int>(counts.size()) < max_records) {
        int fields = 1;
        bool quoted = false, any = false;
        for (; i < text.size(); ++i) {
            const char c = text[i];
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"')
                        ++i;
                    else
                        quoted = false;
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == d) {
                ++fields;
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
                ++i;
                break;
            } else if (c != ' ') {
                any = true;
            }
        }
        if (any) counts.push_back(fields);
    }
    return counts;
}

char detect_delimiter(std::string_view text) {
    const std::string_view head = text.substr(0, 64 * 1024);
    char best = ',';
    int best_consistent = -1, best_fields = 1;
    for (char d : kDelimiters) {
        const std::vector<int> counts = field_counts(head, d, 20);
        if (counts.empty() || counts[0] < 2) continue;
        int consistent = 0;
        for (std::size_t k = 1; k < counts.size(); ++k)
            consistent += counts[k] == counts[0];
        // A candidate that splits the header and the rows alike wins; more fields break ties (a
        // comma inside "1.234,50" splits fewer fields than the real semicolons do).
        if (consistent > best_consistent ||
            (consistent == best_consistent && counts[0] > best_fields)) {
            best = d;
            best_consistent = consistent;
            best_fields = counts[0];
        }
    }
    return best;
}

bool contains_ci(std::string_view hay, std::string_view needle) {
    if (needle.size() > hay.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        bool eq = true;
        for (std::size_t k = 0; k < needle.size() && eq; ++k) {
            char a = hay[i + k], b = needle[k];
            if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
            eq = a == b;
        }
        if (eq) return true;
    }
    return false;
}

} // namespace

CsvReader::CsvReader(std::string bytes, char delimiter) : bytes_(std::move(bytes)) {
    table_.delimiter = delimiter;
    total_ = bytes_.size();
    const DetectedEncoding det = detect_encoding(bytes_);
    table_.encoding = det.encoding;
    pos_ = det.bom_size;
    const bool utf16 =
        det.encoding == TextEncoding::Utf16LE || det.encoding == TextEncoding::Utf16BE;
    phase_ = utf16 ? Phase::Transcode : Phase::Detect;
}

CsvReader::CsvReader(std::string bytes, char delimiter, TextEncoding forced)
    : CsvReader(std::move(bytes), delimiter) {
    const DetectedEncoding det = detect_encoding(bytes_);
    table_.encoding = forced;
    const bool bom_matches =
        (forced == TextEncoding::Utf8Bom && det.encoding == forced) ||
        ((forced == TextEncoding::Utf16LE || forced == TextEncoding::Utf16BE) &&
         det.encoding == forced);
    if (forced == TextEncoding::Utf8 && det.encoding == TextEncoding::Utf8Bom) {
        table_.encoding = TextEncoding::Utf8Bom;
        pos_ = 3;
    } else {
        pos_ = bom_matches ? det.bom_size : 0;
    }
    force_encoding_ = true;
    phase_ = (forced == TextEncoding::Utf16LE || forced == TextEncoding::Utf16BE) ? Phase::Transcode
                                                                                  : Phase::Detect;
}

double CsvReader::progress() const {
    if (phase_ == Phase::Done) return 1.0;
    const bool utf16 =
        table_.encoding == TextEncoding::Utf16LE || table_.encoding == TextEncoding::Utf16BE;
    if (phase_ == Phase::Transcode)
        return total_ ? 0.3 * static_cast<double>(pos_) / static_cast<double>(total_) : 0.0;
    const double read =
        bytes_.empty() ? 1.0 : static_cast<double>(pos_) / static_cast<double>(bytes_.size());
    return utf16 ? 0.3 + 0.7 * read : read;
}

void CsvReader::detect() {
    // Excel's own hint: a first line "sep=;" names the delimiter and is not data.
    std::string_view rest = std::string_view(bytes_).substr(pos_);
    if (rest.size() >= 5 && (rest.substr(0, 4) == "sep=" || rest.substr(0, 4) == "SEP=")) {
        const std::size_t eol = rest.find_first_of("\r\n");
        const std::string_view line = rest.substr(0, eol);
        if (line.size() == 5) {
            table_.delimiter = line[4];
            pos_ += line.size();
            if (pos_ < bytes_.size() && bytes_[pos_] == '\r') ++pos_;
            if (pos_ < bytes_.size() && bytes_[pos_] == '\n') ++pos_;
            ++line_;
        }
    }
    if (table_.delimiter == 0)
        table_.delimiter = detect_delimiter(std::string_view(bytes_).substr(pos_));
    phase_ = Phase::Read;
}

void CsvReader::append_field(std::string_view raw) {
    std::string& a = table_.arena;
    if (!needs_slow_path(raw)) {
        a.append(raw);
        return;
    }
    // NUL bytes are never text; a stray one would cut a string short in the UI.
    std::string clean;
    std::string_view s = raw;
    if (raw.find('\0') != std::string_view::npos) {
        clean.reserve(raw.size());
        for (char c : raw)
            if (c != '\0') clean += c;
        s = clean;
    }
    const bool latin =
        table_.encoding == TextEncoding::Windows1252 ||
        ((table_.encoding == TextEncoding::Utf8 || table_.encoding == TextEncoding::Utf8Bom) &&
         !is_valid_utf8(s));
    if (latin)
        append_windows1252_as_utf8(a, s);
    else
        a.append(s);
}

// Reads one record at pos_ into `cells` (arena slices). Returns false at the end of the file.
bool CsvReader::read_record(std::vector<CsvCell>& cells, std::uint32_t& line, bool& unterminated) {
    const std::string_view t = bytes_;
    const char d = table_.delimiter;
    cells.clear();
    unterminated = false;
    if (pos_ >= t.size()) return false;
    line = line_;
    for (;;) {
        const auto start = static_cast<std::uint32_t>(table_.arena.size());
        if (pos_ < t.size() && t[pos_] == '"') {
            // Quoted: doubled quotes are one quote; delimiters and line breaks are text.
            ++pos_;
            unescape_.clear();
            bool closed = false;
            while (pos_ < t.size()) {
                const std::size_t q = t.find('"', pos_);
                const std::size_t stop = q == std::string_view::npos ? t.size() : q;
                for (std::size_t k = pos_; k < stop; ++k) // line breaks inside the field
                    if (t[k] == '\n' || (t[k] == '\r' && (k + 1 >= t.size() || t[k + 1] != '\n')))
                        ++line_;
                unescape_.append(t.substr(pos_, stop - pos_));
                pos_ = stop;
                if (q == std::string_view::npos) break;
                if (pos_ + 1 < t.size() && t[pos_ + 1] == '"') {
                    unescape_ += '"';
                    pos_ += 2;
                    continue;
                }
                ++pos_;
                closed = true;
                break;
            }
            if (!closed) unterminated = true;
            // Text after the closing quote ("abc"def) is kept, as Excel does.
            std::size_t end = pos_;
            while (end < t.size() && t[end] != d && t[end] != '\r' && t[end] != '\n')
                ++end;
            unescape_.append(t.substr(pos_, end - pos_));
            pos_ = end;
            append_field(unescape_);
        } else {
            std::size_t end = pos_;
            while (end < t.size() && t[end] != d && t[end] != '\r' && t[end] != '\n')
                ++end;
            append_field(t.substr(pos_, end - pos_));
            pos_ = end;
        }
        cells.push_back(CsvCell{start, static_cast<std::uint32_t>(table_.arena.size()) - start});
        if (pos_ >= t.size()) return true;
        const char c = t[pos_];
        if (c == d) {
            ++pos_;
            if (pos_ >= t.size()) { // "a,b," at the very end: one more empty field
                cells.push_back(CsvCell{static_cast<std::uint32_t>(table_.arena.size()), 0});
                return true;
            }
            continue;
        }
        // A line break ends the record: CRLF, LF or a lone CR.
        if (c == '\r' && pos_ + 1 < t.size() && t[pos_ + 1] == '\n') ++pos_;
        ++pos_;
        ++line_;
        return true;
    }
}

bool CsvReader::step(std::size_t budget_bytes) {
    if (phase_ == Phase::Transcode) {
        const bool be = table_.encoding == TextEncoding::Utf16BE;
        const std::size_t chunk = std::max<std::size_t>(budget_bytes, 4096) & ~std::size_t{1};
        const bool final = pos_ + chunk >= bytes_.size();
        if (text_.empty()) text_.reserve(bytes_.size() / 2 + 16);
        const std::string_view piece = std::string_view(bytes_).substr(pos_, chunk);
        pos_ += append_utf16_as_utf8(text_, piece, be, final);
        if (pos_ < bytes_.size()) return false;
        bytes_.swap(text_);
        text_.clear();
        text_.shrink_to_fit();
        pos_ = 0;
        if (!bytes_.empty() && bytes_.rfind("\xEF\xBB\xBF", 0) == 0)
            pos_ = 3; // BOM, if not skipped
        phase_ = Phase::Detect;
        return false;
    }
    if (phase_ == Phase::Detect) detect();
    if (phase_ == Phase::Done) return true;
    if (table_.arena.empty()) table_.arena.reserve(bytes_.size() - std::min(pos_, bytes_.size()));

    const std::size_t stop_at = pos_ + std::max<std::size_t>(budget_bytes, 1);
    std::uint32_t line = 0;
    bool unterminated = false;
    while (pos_ < stop_at) {
        if (table_.arena.size() >
            std::numeric_limits<std::uint32_t>::max() - bytes_.size() + pos_) {
            pos_ = bytes_.size(); // past 4 GB of text: stop; callers refuse such files earlier
            break;
        }
        if (!read_record(scratch_, line, unterminated)) break;
        bool blank = true;
        for (const CsvCell& c : scratch_) {
            const std::string_view v = std::string_view(table_.arena).substr(c.offset, c.size);
            if (v.find_first_not_of(" \t") != std::string_view::npos) {
                blank = false;
                break;
            }
        }
        if (blank) {
            if (!scratch_.empty()) table_.arena.resize(scratch_.front().offset);
            ++table_.blank_lines;
            continue;
        }
        if (table_.header.empty() && table_.header_line == 0) {
            table_.header_line = line;
            table_.header_unterminated = unterminated;
            for (std::size_t k = 0; k < scratch_.size(); ++k) {
                std::string h = table_.arena.substr(scratch_[k].offset, scratch_[k].size);
                if (k == 0 && h.rfind("\xEF\xBB\xBF", 0) == 0) h.erase(0, 3); // a stray BOM
                const std::size_t a = h.find_first_not_of(" \t");
                const std::size_t b = h.find_last_not_of(" \t");
                table_.header.push_back(a == std::string::npos ? std::string()
                                                               : h.substr(a, b - a + 1));
            }
            table_.arena.resize(scratch_.front().offset);
            continue;
        }
        CsvRow row;
        row.first_cell = static_cast<std::uint32_t>(table_.cells.size());
        row.cell_count = static_cast<std::uint32_t>(scratch_.size());
        row.line = line;
        row.unterminated_quote = unterminated;
        table_.cells.insert(table_.cells.end(), scratch_.begin(), scratch_.end());
        table_.rows.push_back(row);
    }
    if (pos_ < bytes_.size()) return false;
    finish();
    return true;
}

void CsvReader::finish() {
    // A Salesforce report ends with a footer after a blank line: "Grand Totals (5700 records)",
    // "Confidential Information - Do Not Distribute", "Copyright (c) 2000-2026 salesforce.com",
    // "Generated By: …" and the org's name, each alone on its line. Drop that block.
    auto single_text = [&](const CsvRow& r) -> std::string_view {
        std::string_view only;
        int n = 0;
        for (std::uint32_t k = 0; k < r.cell_count; ++k) {
            const std::string_view v = table_.cell(r, k);
            if (v.find_first_not_of(" \t") == std::string_view::npos) continue;
            only = v;
            ++n;
        }
        return n == 1 ? only : std::string_view("\x01\x02", 2); // two markers: "not single"
    };
    std::size_t first_footer = table_.rows.size();
    bool salesforce = false;
    for (std::size_t i = table_.rows.size(); i-- > 0;) {
        const std::string_view v = single_text(table_.rows[i]);
        if (v == std::string_view("\x01\x02", 2) || table_.header.size() < 2) break;
        if (contains_ci(v, "salesforce.com") || contains_ci(v, "confidential information") ||
            contains_ci(v, "generated by") || contains_ci(v, "grand totals"))
            salesforce = true;
        first_footer = i;
    }
    if (salesforce) {
        table_.footer_lines = static_cast<int>(table_.rows.size() - first_footer);
        table_.rows.resize(first_footer);
    }
    bytes_.clear();
    bytes_.shrink_to_fit();
    phase_ = Phase::Done;
}

CsvTable CsvReader::take() {
    while (!done())
        step(std::numeric_limits<std::size_t>::max() / 2);
    return std::move(table_);
}

// --- writing -------------------------------------------------------------------------------------

void append_csv_cell(std::string& out, std::string_view value, bool neutralise) {
    const bool risky = neutralise && !value.empty() &&
                       (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                        value[0] == '\t' || value[0] == '\r');
    const bool quote = risky || value.find_first_of(",;\"\r\n\t") != std::string_view::npos ||
                       (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    if (!quote) {
        out.append(value);
        return;
    }
    out += '"';
    if (risky) out += '\'';
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string_view strip_formula_guard(std::string_view v) {
    if (v.size() >= 2 && v[0] == '\'' &&
        (v[1] == '=' || v[1] == '+' || v[1] == '-' || v[1] == '@' || v[1] == '\t' || v[1] == '\r'))
        return v.substr(1);
    return v;
}

} // namespace footprint::core
