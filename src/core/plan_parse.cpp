// Reading a plan file, first half: the JSON syntax (with a line and column for errors, and a
// bound on nesting) and the format tag, version and migration chain.
#include "core/plan_json.h"
#include "core/plan_json_detail.h"

#include <algorithm>
#include <iterator>
#include <limits>

namespace footprint::core::plan_json_detail {

namespace {

using Object = Json::object_t;

constexpr int kMaxDepth = 128; // far deeper than a plan; keeps recursive JSON code safe

// ---------------------------------------------------------------------------------------------
// Syntax: nlohmann's DOM builder, wrapped to keep the error position, to bound the depth, and to
// hand each element of the big top-level arrays to a RecordStream as soon as it is complete.
//
// A whole-document DOM of a 100,000-account plan is gigabytes of small allocations that take
// seconds to build and as long to free. Streamed elements are built as small DOMs one at a time
// and converted at once; the top-level DOM keeps an empty array in their place. Streaming needs
// "format" and "version" (current) before the arrays, which is how write_plan orders them; any
// other file is read through the whole DOM, migrations included.

using Dom = nlohmann::detail::json_sax_dom_parser<Json>;

class DomBuilder {
public:
    DomBuilder(Json& root, RecordStream* stream, int current_version)
        : top_(root, false), stream_(stream), current_(current_version) {}

    bool null() { return value([](Dom& d) { return d.null(); }); }
    bool boolean(bool b) { return value([&](Dom& d) { return d.boolean(b); }); }
    bool number_integer(Json::number_integer_t v) {
        if (at_top_level()) version_current_ = last_key_ == "version" ? v == current_ : version_current_;
        return value([&](Dom& d) { return d.number_integer(v); });
    }
    bool number_unsigned(Json::number_unsigned_t v) {
        if (at_top_level() && last_key_ == "version")
            version_current_ = current_ >= 0 && v == static_cast<Json::number_unsigned_t>(current_);
        return value([&](Dom& d) { return d.number_unsigned(v); });
    }
    bool number_float(Json::number_float_t v, const std::string& s) {
        if (at_top_level() && last_key_ == "version") version_current_ = false;
        return value([&](Dom& d) { return d.number_float(v, s); });
    }
    bool string(std::string& s) {
        if (at_top_level()) {
            if (last_key_ == "format") format_ok_ = s == kPlanFormatTag;
            else if (last_key_ == "version") version_current_ = false;
        }
        return value([&](Dom& d) { return d.string(s); });
    }
    bool binary(Json::binary_t& b) { return value([&](Dom& d) { return d.binary(b); }); }
    bool key(std::string& k) {
        if (element_) return element_->key(k);
        if (depth_ == 1) last_key_ = k;
        return top_.key(k);
    }
    bool start_object(std::size_t n) { return open(false, [&](Dom& d) { return d.start_object(n); }); }
    bool start_array(std::size_t n) { return open(true, [&](Dom& d) { return d.start_array(n); }); }
    bool end_object() { return close([](Dom& d) { return d.end_object(); }); }
    bool end_array() { return close([](Dom& d) { return d.end_array(); }); }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
        position_ = position;
        message_ = e.what();
        return false;
    }

    bool too_deep() const { return too_deep_; }
    std::size_t position() const { return position_; }
    const std::string& message() const { return message_; }

private:
    // A value directly in the root object (not inside a streamed element).
    bool at_top_level() const { return depth_ == 1 && !element_; }

    template <class F>
    bool value(F f) {
        if (element_) return f(*element_);
        if (streaming_ && depth_ == 2) { // a primitive element of a streamed array
            begin_element();
            const bool ok = f(*element_);
            finish_element();
            return ok;
        }
        return f(top_);
    }
    template <class F>
    bool open(bool is_array, F f) {
        if (++depth_ > kMaxDepth) {
            too_deep_ = true;
            return false;
        }
        if (element_) return f(*element_);
        if (streaming_ && depth_ == 3) {
            begin_element();
            return f(*element_);
        }
        if (is_array && depth_ == 2 && stream_ && format_ok_ && version_current_ &&
            stream_->stream(last_key_)) {
            streaming_ = true;
            stream_key_ = last_key_;
            index_ = 0;
        }
        return f(top_);
    }
    template <class F>
    bool close(F f) {
        --depth_;
        if (element_) {
            const bool ok = f(*element_);
            if (depth_ == 2) finish_element();
            return ok;
        }
        if (streaming_ && depth_ == 1) streaming_ = false;
        return f(top_);
    }
    void begin_element() {
        element_root_ = Json();
        element_.emplace(element_root_, false);
    }
    void finish_element() {
        element_.reset();
        stream_->element(stream_key_, index_++, element_root_);
        element_root_ = Json();
    }

    Dom top_;
    RecordStream* stream_;
    int current_;
    int depth_ = 0;
    bool too_deep_ = false;
    std::size_t position_ = 0;
    std::string message_;
    // Streaming state.
    std::string last_key_; // the last key of the root object
    bool format_ok_ = false, version_current_ = false;
    bool streaming_ = false;
    std::string stream_key_;
    std::size_t index_ = 0;
    Json element_root_;
    std::optional<Dom> element_;
};

// Bytes cut to `max` and made valid UTF-8, for text quoted from a broken file.
std::string printable(std::string_view s, std::size_t max) {
    std::string out;
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    while (p < end && out.size() < max) {
        std::size_t n = utf8_sequence_length(p, end);
        if (n == 0 || (n == 1 && *p < 0x20)) {
            out += '?';
            ++p;
        } else {
            out.append(reinterpret_cast<const char*>(p), n);
            p += n;
        }
    }
    if (p < end) out += "\xE2\x80\xA6";
    return out;
}

std::string syntax_problem(std::string_view text, std::size_t position, const std::string& what) {
    // nlohmann's position counts the offending byte, so it is one past its index.
    const std::size_t at = std::min(position > 0 ? position - 1 : 0, text.size());
    const std::string_view before = text.substr(0, at);
    const auto line = 1 + std::count(before.begin(), before.end(), '\n');
    const std::size_t nl = before.rfind('\n');
    const std::size_t column = nl == std::string_view::npos ? at + 1 : at - nl;
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while
    // parsing value - invalid literal; last read: 'no'" -> "invalid literal; last read: 'no'"
    std::string_view detail = what;
    if (auto dash = detail.find(" - "); dash != std::string_view::npos) detail.remove_prefix(dash + 3);
    else if (auto br = detail.find("] "); br != std::string_view::npos) detail.remove_prefix(br + 2);
    return "line " + std::to_string(line) + ", column " + std::to_string(column) +
           ": syntax error: " + printable(detail, 160);
}

} // namespace

std::optional<Json> parse_document(std::string_view text, ProblemSink& sink, int current_version,
                                   RecordStream* stream) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        sink.add("", "the file is empty");
        return std::nullopt;
    }
    Json root;
    DomBuilder builder(root, stream, current_version);
    if (Json::sax_parse(text.data(), text.data() + text.size(), &builder)) return root;
    sink.clear(); // problems in records streamed before the error do not matter any more
    if (builder.too_deep())
        sink.add("", "values are nested more than " + std::to_string(kMaxDepth) + " levels deep");
    else
        sink.add("", syntax_problem(text, builder.position(), builder.message()));
    return std::nullopt;
}

namespace {

// An input iterator over a ChunkCursor for nlohmann's iterator adapter. Only ever compared with
// the end iterator (a null cursor); reaching the end of a piece pulls the next one.
struct ChunkIterator {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    ChunkCursor* cursor = nullptr;

    reference operator*() const { return *cursor->next; }
    ChunkIterator& operator++() {
        ++cursor->next;
        return *this;
    }
    ChunkIterator operator++(int) {
        ChunkIterator before = *this;
        ++cursor->next;
        return before;
    }
    bool at_end() const {
        return !cursor || (cursor->next == cursor->end && !cursor->refill());
    }
    bool operator==(const ChunkIterator& other) const { return at_end() == other.at_end(); }
};

// "[json.exception.parse_error.101] parse error at line 3, column 14: syntax error while
// parsing value - invalid literal; last read: 'no'" -> "line 3, column 14: syntax error: invalid
// literal; last read: 'no'", the same text syntax_problem() gives for a whole text.
std::string syntax_problem_from_message(const std::string& what) {
    std::string_view m = what;
    std::string where;
    if (auto at = m.find(" at line "); at != std::string_view::npos) {
        std::string_view rest = m.substr(at + 4);
        if (auto colon = rest.find(':'); colon != std::string_view::npos) where = std::string(rest.substr(0, colon));
    }
    std::string_view detail = m;
    if (auto dash = detail.find(" - "); dash != std::string_view::npos) detail.remove_prefix(dash + 3);
    else if (auto br = detail.find("] "); br != std::string_view::npos) detail.remove_prefix(br + 2);
    return (where.empty() ? std::string() : where + ": ") + "syntax error: " + printable(detail, 160);
}

} // namespace

std::optional<Json> parse_document(ChunkCursor& input, ProblemSink& sink, int current_version,
                                   RecordStream* stream) {
    ChunkIterator first{&input};
    if (first.at_end()) {
        sink.add("", "the file is empty");
        return std::nullopt;
    }
    Json root;
    DomBuilder builder(root, stream, current_version);
    if (Json::sax_parse(first, ChunkIterator{}, &builder)) return root;
    sink.clear(); // problems in records streamed before the error do not matter any more
    if (builder.too_deep())
        sink.add("", "values are nested more than " + std::to_string(kMaxDepth) + " levels deep");
    else
        sink.add("", syntax_problem_from_message(builder.message()));
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Format tag, version and migrations.

namespace {
std::string number_text(const Json& v) {
    if (const auto* u = v.get_ptr<const Json::number_unsigned_t*>()) return std::to_string(*u);
    if (const auto* i = v.get_ptr<const Json::number_integer_t*>()) return std::to_string(*i);
    return "?";
}

} // namespace

const char* type_name(const Json& v) {
    switch (v.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::string: return "a string";
    case Json::value_t::array: return "an array";
    case Json::value_t::object: return "an object";
    default: return "a number";
    }
}

bool upgrade(Json& doc, std::span<const Migration> migrations, int current, LoadResult& result,
             ProblemSink& sink) {
    auto& top = doc.get_ref<Object&>();
    auto format = top.find("format");
    if (format == top.end()) {
        sink.add("/format", "required field is missing (is this a Footprint plan?)");
        return false;
    }
    if (const auto* s = format->second.get_ptr<const std::string*>(); !s || *s != kPlanFormatTag) {
        sink.add("/format", std::string("not a Footprint plan: expected \"") + std::string(kPlanFormatTag) +
                                "\", found " + (s ? quote_for_message(*s) : type_name(format->second)));
        return false;
    }
    auto ver = top.find("version");
    if (ver == top.end()) {
        sink.add("/version", "required field is missing");
        return false;
    }
    bool too_big = false;
    auto declared = integer_of(ver->second, too_big);
    if (!declared && !too_big) {
        sink.add("/version", "expected an integer");
        return false;
    }
    if (too_big || *declared > current) {
        result.file_version = too_big || *declared > std::numeric_limits<int>::max()
                                  ? std::numeric_limits<int>::max()
                                  : static_cast<int>(*declared);
        sink.add("/version", "made by a newer Footprint (version " + number_text(ver->second) +
                                 "); this app reads up to version " + std::to_string(current));
        return false;
    }
    auto step_from = [&](std::int64_t v) -> const Migration* {
        for (const Migration& m : migrations)
            if (m.from_version == v) return &m;
        return nullptr;
    };
    std::int64_t oldest = current;
    while (oldest > std::numeric_limits<int>::min() && step_from(oldest - 1)) --oldest;
    if (*declared < oldest) {
        result.file_version = static_cast<int>(std::max<std::int64_t>(*declared, std::numeric_limits<int>::min()));
        sink.add("/version", "version " + std::to_string(*declared) + " is not supported (this app reads " +
                                 (oldest == current ? "version " + std::to_string(current)
                                                    : "versions " + std::to_string(oldest) + " to " + std::to_string(current)) +
                                 ")");
        return false;
    }
    result.file_version = static_cast<int>(*declared);
    for (int v = result.file_version; v < current; ++v) {
        const Migration* m = step_from(v);
        std::vector<Problem> step_problems;
        const bool ok = m->apply(doc, step_problems);
        for (Problem& p : step_problems) sink.add(std::move(p.path), std::move(p.message));
        if (!ok || !doc.is_object()) {
            if (step_problems.empty())
                sink.add("/version", "could not upgrade the plan from version " + std::to_string(v) +
                                         " to " + std::to_string(v + 1));
            return false;
        }
        doc.get_ref<Object&>()["version"] = v + 1;
    }
    return true;
}

} // namespace footprint::core::plan_json_detail
