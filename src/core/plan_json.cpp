// Plan file pieces shared by reader and writer: problem text, the migration registry, and
// writing single JSON values (strings, numbers, dates, timestamps).
#include "core/plan_json.h"
#include "core/plan_json_detail.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace footprint::core {

using plan_json_detail::utf8_sequence_length;

std::string format_problem(std::string_view file, const Problem& problem) {
    std::string s(file);
    s += ": ";
    if (!problem.path.empty()) {
        s += problem.path;
        s += ": ";
    }
    s += problem.message;
    return s;
}

const std::vector<Migration>& plan_migrations() {
    // Step i takes version (first + i) to (first + i + 1) and the last step ends at
    // kPlanFormatVersion. Version 1 is the first format, so there is nothing to upgrade yet.
    // To change the format: bump kPlanFormatVersion, add {old_version, "vN -> vN+1: ...", fn}
    // here, and add a test that loads a vN file (docs/plan-format.md, "Migrations").
    static const std::vector<Migration> registry = {};
    return registry;
}

std::string json_pointer_token(std::string_view key) {
    std::string out;
    out.reserve(key.size());
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

namespace {
// 1 where a byte can be copied into a JSON string as is (printable ASCII but '"' and '\\').
struct PlainTable {
    bool plain[256] = {};
    constexpr PlainTable() {
        for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
    }
};
constexpr PlainTable kPlain;
} // namespace

void append_json_string(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    const auto* run = p; // start of bytes not yet copied
    auto flush = [&](const unsigned char* to) {
        out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(to - run));
    };
    while (p < end) {
        const unsigned char c = *p;
        if (kPlain.plain[c]) {
            ++p;
            continue;
        }
        if (c >= 0x80) {
            if (std::size_t n = utf8_sequence_length(p, end)) {
                p += n;
                continue;
            }
            flush(p);
            out += "\xEF\xBF\xBD"; // U+FFFD REPLACEMENT CHARACTER for a byte that is not UTF-8
            run = ++p;
            continue;
        }
        flush(p);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
        run = ++p;
    }
    flush(p);
    out += '"';
}

namespace plan_json_detail {

void append_int(std::string& s, std::int64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    s.append(buf, r.ptr);
}

void append_double(std::string& s, double v) {
    if (!std::isfinite(v)) {
        s += "null"; // JSON has no NaN or infinity; the reader then reports the field
        return;
    }
    // nlohmann's shortest round-trip formatting (Grisu2), the same as its dump(): the standard
    // library's floating-point to_chars is missing from Emscripten's libc++.
    char buf[64];
    char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);
    s.append(buf, end);
}

namespace {
void append_digits(std::string& s, int v, int width) {
    char buf[8];
    for (int i = width - 1; i >= 0; --i, v /= 10) buf[i] = static_cast<char>('0' + v % 10);
    s.append(buf, static_cast<std::size_t>(width));
}

} // namespace

// format_iso_date / format_iso_timestamp without snprintf, for the million of them in a big
// plan; identical output (tested), with the slow path for years outside 0001..9999.
void append_date(std::string& s, Date d) {
    const Ymd ymd = ymd_of(d);
    s += '"';
    if (ymd.year < 1 || ymd.year > 9999) {
        s += format_iso_date(d);
    } else {
        append_digits(s, ymd.year, 4);
        s += '-';
        append_digits(s, ymd.month, 2);
        s += '-';
        append_digits(s, ymd.day, 2);
    }
    s += '"';
}

void append_timestamp(std::string& s, Timestamp t) {
    constexpr std::int64_t kDay = 86'400'000;
    const std::int64_t days = t.ms >= 0 ? t.ms / kDay : (t.ms - (kDay - 1)) / kDay;
    const auto rem = static_cast<int>(t.ms - days * kDay);
    if (days < std::numeric_limits<std::int32_t>::min() || days > std::numeric_limits<std::int32_t>::max()) {
        append_json_string(s, format_iso_timestamp(t));
        return;
    }
    const Ymd ymd = ymd_of(Date{static_cast<std::int32_t>(days)});
    if (ymd.year < 1 || ymd.year > 9999) {
        append_json_string(s, format_iso_timestamp(t));
        return;
    }
    s += '"';
    append_digits(s, ymd.year, 4);
    s += '-';
    append_digits(s, ymd.month, 2);
    s += '-';
    append_digits(s, ymd.day, 2);
    s += 'T';
    append_digits(s, rem / 3'600'000, 2);
    s += ':';
    append_digits(s, rem / 60'000 % 60, 2);
    s += ':';
    append_digits(s, rem / 1000 % 60, 2);
    s += '.';
    append_digits(s, rem % 1000, 3);
    s += "Z\"";
}


void ProblemSink::add(std::string path, std::string message) {
    if (full_) return;
    if (list_.size() >= kMaxProblems) {
        full_ = true;
        list_.push_back({"", "too many problems; only the first " + std::to_string(kMaxProblems) +
                                 " are listed"});
        return;
    }
    list_.push_back({std::move(path), std::move(message)});
}

std::string quote_for_message(std::string_view s) {
    constexpr std::size_t kMax = 60;
    if (s.size() <= kMax) {
        std::string q;
        append_json_string(q, s);
        return q;
    }
    // Cut on a UTF-8 boundary so the message stays valid text.
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    std::string q;
    append_json_string(q, s.substr(0, cut));
    q.insert(q.size() - 1, "\xE2\x80\xA6"); // "…" inside the quotes
    return q;
}

} // namespace plan_json_detail

} // namespace footprint::core
