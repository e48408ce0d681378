// Stored snapshots: the plan document gzip-compressed, written and read a piece at a time so that
// neither the text nor the compressed file is ever whole in memory (docs/plan-format.md,
// "Browser storage and the journal").
#pragma once

#include "core/plan_json.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace footprint::core {

// Where a snapshot's bytes go: a file in the browser's storage, or memory.
class ByteSink {
public:
    virtual ~ByteSink() = default;
    // False when the bytes could not be written (the sink keeps its own error text).
    virtual bool write(std::string_view bytes) = 0;
};

// Where a stored file's bytes come from, a piece at a time.
class ByteSource {
public:
    virtual ~ByteSource() = default;
    // Reads up to `size` bytes into `buffer`: how many were read, 0 at the end, -1 on an error.
    virtual std::ptrdiff_t read(char* buffer, std::size_t size) = 0;
};

class StringSource final : public ByteSource {
public:
    explicit StringSource(std::string_view bytes) : bytes_(bytes) {}
    std::ptrdiff_t read(char* buffer, std::size_t size) override;

private:
    std::string_view bytes_;
    std::size_t at_ = 0;
};

class StringSink final : public ByteSink {
public:
    bool write(std::string_view more) override {
        bytes.append(more);
        return true;
    }
    std::string bytes;
};

// Writes the plan as one gzip member (RFC 1952) whose text is exactly write_plan(plan),
// compressing each slice as PlanWriter produces it. `plan` must not change until step() has
// returned true (an edit meanwhile means starting again).
class SnapshotWriter {
public:
    SnapshotWriter(const Plan& plan, ByteSink& out);
    ~SnapshotWriter();
    SnapshotWriter(const SnapshotWriter&) = delete;
    SnapshotWriter& operator=(const SnapshotWriter&) = delete;

    // Serialises and compresses up to `max_records` more records; true once the whole snapshot
    // has been handed to the sink, or on a failure (see failed()).
    bool step(std::size_t max_records);
    double progress() const { return writer_.progress(); }
    bool failed() const { return failed_; }
    std::uint64_t text_bytes() const { return text_bytes_; }
    std::uint64_t stored_bytes() const { return stored_bytes_; }

private:
    bool deflate_pending(bool finish);

    struct Deflater;
    PlanWriter writer_;
    ByteSink& out_;
    std::unique_ptr<Deflater> z_;
    bool failed_ = false;
    bool done_ = false;
    std::uint64_t text_bytes_ = 0, stored_bytes_ = 0;
};

// A stored plan: gzip-compressed (told by its first bytes) or plain JSON text (saves from
// before compression, or an exported file), decompressed and parsed a piece at a time. The
// result and problems are read_plan's; a damaged or truncated compressed file is one problem.
LoadResult read_stored_plan(ByteSource& in);

// The whole compressed snapshot in memory, and reading one back (tests and tools).
std::string compress_plan(const Plan& plan);
LoadResult read_stored_plan(std::string_view bytes);

// True when `bytes` start like a gzip member.
bool looks_gzip(std::string_view bytes);

} // namespace footprint::core
