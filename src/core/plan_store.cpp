// Stored snapshots: PlanWriter's text through zlib's deflate on the way out, and zlib's inflate
// feeding the plan parser on the way in, a piece at a time.
#include "core/plan_store.h"

#include "core/plan_json_detail.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace footprint::core {

namespace {

// Level 1 ("fastest"): the plan's JSON compresses about 4.5x at level 1 and only a little better
// at level 6, which takes three times as long (bench/RESULTS.md, issue 11).
constexpr int kLevel = 1;
constexpr int kGzipWindow = 15 + 16; // a gzip wrapper, as `gzip` and DecompressionStream make
constexpr std::size_t kOutChunk = 64 * 1024;
constexpr std::size_t kInChunk = 64 * 1024;
constexpr std::size_t kTextChunk = 256 * 1024;

} // namespace

std::ptrdiff_t StringSource::read(char* buffer, std::size_t size) {
    const std::size_t n = std::min(size, bytes_.size() - at_);
    std::memcpy(buffer, bytes_.data() + at_, n);
    at_ += n;
    return static_cast<std::ptrdiff_t>(n);
}

bool looks_gzip(std::string_view bytes) {
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
           static_cast<unsigned char>(bytes[1]) == 0x8b;
}

// --- writing -----------------------------------------------------------------------------------

struct SnapshotWriter::Deflater {
    z_stream z{};
    bool ready = false;
    std::vector<unsigned char> out = std::vector<unsigned char>(kOutChunk);
    ~Deflater() {
        if (ready) deflateEnd(&z);
    }
};

SnapshotWriter::SnapshotWriter(const Plan& plan, ByteSink& out)
    : writer_(plan, false), out_(out), z_(std::make_unique<Deflater>()) {
    z_->ready = deflateInit2(&z_->z, kLevel, Z_DEFLATED, kGzipWindow, 8, Z_DEFAULT_STRATEGY) == Z_OK;
    failed_ = !z_->ready;
}

SnapshotWriter::~SnapshotWriter() = default;

// Compresses what the plan writer has produced; with `finish`, ends the gzip member.
bool SnapshotWriter::deflate_pending(bool finish) {
    std::string& text = writer_.written();
    text_bytes_ += text.size();
    z_stream& z = z_->z;
    z.next_in = reinterpret_cast<Bytef*>(text.data());
    z.avail_in = static_cast<uInt>(text.size());
    int rc = Z_OK;
    do {
        z.next_out = z_->out.data();
        z.avail_out = static_cast<uInt>(z_->out.size());
        rc = deflate(&z, finish ? Z_FINISH : Z_NO_FLUSH);
        if (rc == Z_STREAM_ERROR) return false;
        const std::size_t n = z_->out.size() - z.avail_out;
        if (n) {
            stored_bytes_ += n;
            if (!out_.write(std::string_view(reinterpret_cast<const char*>(z_->out.data()), n)))
                return false;
        }
    } while (z.avail_out == 0 || (finish && rc != Z_STREAM_END));
    text.clear();
    return true;
}

bool SnapshotWriter::step(std::size_t max_records) {
    if (done_ || failed_) return true;
    bool complete = false;
    // Compress in pieces of about kTextChunk so a slice's text is never much bigger than that.
    std::size_t left = max_records ? max_records : 1;
    while (left > 0 && !complete) {
        const std::size_t n = std::min<std::size_t>(left, 200);
        complete = writer_.step(n);
        left -= n;
        if (writer_.written().size() >= kTextChunk && !deflate_pending(false)) {
            failed_ = true;
            return true;
        }
    }
    if (!complete) return false;
    if (!deflate_pending(true)) failed_ = true;
    done_ = true;
    return true;
}

std::string compress_plan(const Plan& plan) {
    StringSink sink;
    SnapshotWriter w(plan, sink);
    while (!w.step(100000)) {
    }
    return std::move(sink.bytes);
}

// --- reading -----------------------------------------------------------------------------------

namespace {

// Pieces of plain text, straight from the source.
class PlainCursor final : public plan_json_detail::ChunkCursor {
public:
    PlainCursor(ByteSource& in, std::vector<char> first) : in_(in), buf_(std::move(first)) {
        const std::size_t n = buf_.size();
        buf_.resize(std::max(n, kTextChunk)); // before pointing into it: resizing moves it
        next = buf_.data();
        end = buf_.data() + n;
    }
    bool refill() override {
        const std::ptrdiff_t n = in_.read(buf_.data(), buf_.size());
        if (n < 0) error = "could not be read";
        if (n <= 0) return false;
        next = buf_.data();
        end = buf_.data() + n;
        return true;
    }
    std::string error;

private:
    ByteSource& in_;
    std::vector<char> buf_;
};

// Pieces of decompressed text. A damaged or cut-short member ends the text early and says why.
class GzipCursor final : public plan_json_detail::ChunkCursor {
public:
    GzipCursor(ByteSource& in, std::vector<char> first) : in_(in), in_buf_(std::move(first)) {
        ready_ = inflateInit2(&z_, kGzipWindow) == Z_OK;
        if (!ready_) error = "could not be decompressed (out of memory)";
        const std::size_t n = in_buf_.size();
        in_buf_.resize(std::max(n, kInChunk)); // before pointing into it: resizing moves it
        z_.next_in = reinterpret_cast<Bytef*>(in_buf_.data());
        z_.avail_in = static_cast<uInt>(n);
        out_.resize(kTextChunk);
        next = end = out_.data();
    }
    ~GzipCursor() override {
        if (ready_) inflateEnd(&z_);
    }
    bool refill() override {
        if (!ready_ || !error.empty()) return false;
        if (ended_) {
            check_nothing_follows();
            return false;
        }
        z_.next_out = reinterpret_cast<Bytef*>(out_.data());
        z_.avail_out = static_cast<uInt>(out_.size());
        while (z_.avail_out == out_.size()) {
            if (z_.avail_in == 0 && !read_more()) {
                if (error.empty()) error = "is cut short (the compressed data ends too soon)";
                return false;
            }
            const int rc = inflate(&z_, Z_NO_FLUSH);
            if (rc == Z_STREAM_END) {
                ended_ = true;
                break;
            }
            if (rc != Z_OK && rc != Z_BUF_ERROR) {
                error = std::string("is damaged (") + (z_.msg ? z_.msg : "not valid compressed data") + ")";
                return false;
            }
        }
        next = out_.data();
        end = out_.data() + (out_.size() - z_.avail_out);
        if (next == end) {
            if (ended_) check_nothing_follows();
            return false;
        }
        return true;
    }
    std::string error;

private:
    bool read_more() {
        const std::ptrdiff_t n = in_.read(in_buf_.data(), in_buf_.size());
        if (n < 0) error = "could not be read";
        if (n <= 0) return false;
        z_.next_in = reinterpret_cast<Bytef*>(in_buf_.data());
        z_.avail_in = static_cast<uInt>(n);
        return true;
    }
    // One member and nothing after it: trailing bytes mean the file is not what was written.
    void check_nothing_follows() {
        if (checked_) return;
        checked_ = true;
        if (z_.avail_in > 0 || read_more())
            error = "has unexpected data after the compressed plan";
    }

    ByteSource& in_;
    std::vector<char> in_buf_;
    std::vector<char> out_;
    z_stream z_{};
    bool ready_ = false, ended_ = false, checked_ = false;
};

LoadResult with_problem(std::string message) {
    LoadResult r;
    r.problems.push_back({"", std::move(message)});
    return r;
}

} // namespace

LoadResult read_stored_plan(ByteSource& in) {
    std::vector<char> first(kInChunk);
    std::size_t got = 0;
    // Enough bytes to tell the kind of file (a source may return short reads).
    while (got < 2) {
        const std::ptrdiff_t n = in.read(first.data() + got, first.size() - got);
        if (n < 0) return with_problem("the file could not be read");
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    first.resize(got);
    if (looks_gzip(std::string_view(first.data(), first.size()))) {
        GzipCursor cursor(in, std::move(first));
        LoadResult r = plan_json_detail::read_plan_chunks(cursor);
        // Damage shows as text that does not parse, or only in the data check at the end: either
        // way the compressed data is what is wrong, so that is the problem reported.
        if (!r.plan && cursor.error.empty())
            while (cursor.refill()) cursor.next = cursor.end;
        if (!cursor.error.empty()) r = with_problem("the compressed plan " + cursor.error);
        return r;
    }
    PlainCursor cursor(in, std::move(first));
    LoadResult r = plan_json_detail::read_plan_chunks(cursor);
    if (!cursor.error.empty()) r = with_problem("the file " + cursor.error);
    return r;
}

LoadResult read_stored_plan(std::string_view bytes) {
    StringSource source(bytes);
    return read_stored_plan(source);
}

} // namespace footprint::core
