// Internals shared by the plan reader (plan_read.cpp) and writer (plan_write.cpp); not an API.
#pragma once

#include "core/plan_json.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace footprint::core::plan_json_detail {

// The objects that carry an `extra` of unknown fields.
enum class Kind { Plan, Settings, Commission, Product, Territory, Account, Contact, Service,
                  Opportunity, Activity, UpsellRule, SyncPeer };

// True when `key` is a field the reader knows for `kind`: such a key in `extra` is never written
// (the known field wins), and is never put into `extra` by the reader.
bool is_known_field(Kind kind, std::string_view key);
// Every field the reader knows for `kind`, sorted (tests check that each is handled where it must
// be, e.g. classified for redaction).
std::vector<std::string_view> known_fields(Kind kind);

// Length of the valid UTF-8 sequence (RFC 3629: no overlongs, no surrogates, <= U+10FFFF)
// starting at p, or 0 when the bytes there are not one.
inline std::size_t utf8_sequence_length(const unsigned char* p, const unsigned char* end) {
    const unsigned char c = *p;
    const std::size_t left = static_cast<std::size_t>(end - p);
    auto cont = [&](std::size_t i, unsigned char lo, unsigned char hi) {
        return i < left && p[i] >= lo && p[i] <= hi;
    };
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return cont(1, 0x80, 0xBF) ? 2 : 0;
    if (c == 0xE0) return cont(1, 0xA0, 0xBF) && cont(2, 0x80, 0xBF) ? 3 : 0;
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
        return cont(1, 0x80, 0xBF) && cont(2, 0x80, 0xBF) ? 3 : 0;
    if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2, 0x80, 0xBF) ? 3 : 0;
    if (c == 0xF0) return cont(1, 0x90, 0xBF) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3)
        return cont(1, 0x80, 0xBF) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
    if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
    return 0;
}

// Collects problems up to kMaxProblems, then adds one last "too many problems" and ignores the rest.
class ProblemSink {
public:
    explicit ProblemSink(std::vector<Problem>& list) : list_(list) {}
    void add(std::string path, std::string message);
    bool full() const { return full_; }
    bool empty() const { return list_.empty(); }
    std::size_t size() const { return list_.size(); }
    // Keeps only the problems after the first `n` (when later problems make earlier ones moot).
    void drop_first(std::size_t n) {
        list_.erase(list_.begin(), list_.begin() + static_cast<std::ptrdiff_t>(std::min(n, list_.size())));
        full_ = false;
    }
    void clear() { drop_first(list_.size()); }

private:
    std::vector<Problem>& list_;
    bool full_ = false;
};

// The checks that need the whole converted plan: ids present and unique, references resolve,
// stages exist. Problems at (or under) a path in `already_reported` are left out: they are the
// echo of a conversion problem there (an id that was not a string reads as "").
void check_plan(const Plan& plan, ProblemSink& sink,
                const std::unordered_set<std::string>& already_reported);

// Receives the elements of big top-level arrays while the document is parsed (plan_parse.cpp).
class RecordStream {
public:
    virtual ~RecordStream() = default;
    // Called when the array at top-level `key` starts, after "format" and a current "version":
    // true to receive its elements through element() instead of in the DOM.
    virtual bool stream(std::string_view key) = 0;
    // One complete element; `value` may be moved from.
    virtual void element(std::string_view key, std::size_t index, Json& value) = 0;
};

// Parses the text into a DOM; a syntax error becomes one document-level problem with its line
// and column (and drops problems the stream reported before it). nlohmann's own parser does the
// work (SAX into its DOM builder). Streamed arrays are left empty in the DOM.
std::optional<Json> parse_document(std::string_view text, ProblemSink& sink, int current_version,
                                   RecordStream* stream);

// Bytes handed to the parser a piece at a time (a stored snapshot being decompressed), so the
// whole text is never in memory. refill() makes [next, end) the next piece; false at the end.
class ChunkCursor {
public:
    virtual ~ChunkCursor() = default;
    virtual bool refill() = 0;
    const char* next = nullptr;
    const char* end = nullptr;
};

// parse_document over a ChunkCursor. A syntax error's line and column come from the parser
// (the text is not kept to count them).
std::optional<Json> parse_document(ChunkCursor& input, ProblemSink& sink, int current_version,
                                   RecordStream* stream);

// read_plan over a ChunkCursor (plan_read.cpp).
LoadResult read_plan_chunks(ChunkCursor& input);

// Checks "format" and "version" (setting result.file_version), then runs the migrations up to
// `current`. False when the document cannot be read; the problems say why.
bool upgrade(Json& doc, std::span<const Migration> migrations, int current, LoadResult& result,
             ProblemSink& sink);

// "a string", "an array", ... for messages about a value of the wrong type.
const char* type_name(const Json& v);

// An integer value as int64, or nullopt (with too_big set for integers beyond int64).
inline std::optional<std::int64_t> integer_of(const Json& v, bool& too_big) {
    too_big = false;
    if (const auto* u = v.get_ptr<const Json::number_unsigned_t*>()) {
        if (*u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            too_big = true;
            return std::nullopt;
        }
        return static_cast<std::int64_t>(*u);
    }
    if (const auto* i = v.get_ptr<const Json::number_integer_t*>()) return *i;
    return std::nullopt;
}

// Single JSON values, appended to `s`. Doubles use the shortest text that reads back the same
// (non-finite ones become null); dates and timestamps are quoted ISO 8601, the same text as
// format_iso_date / format_iso_timestamp.
void append_int(std::string& s, std::int64_t v);
void append_double(std::string& s, double v);
void append_date(std::string& s, Date d);
void append_timestamp(std::string& s, Timestamp t);

// A value quoted for a problem message: JSON-escaped, cut to about 60 characters.
std::string quote_for_message(std::string_view s);

} // namespace footprint::core::plan_json_detail
