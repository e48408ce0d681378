// libFuzzer harness for stored snapshots (core/plan_store.h): any bytes, raw or gzip-wrapped and
// read in pieces of any size, give the same result as reading the whole text, never a crash; and
// damaged compressed data is always refused.
// Seeds: tests/fuzz/corpus/plan_store/. Run: fuzz_plan_store -max_total_time=60 CORPUS_DIR
#include "core/plan_store.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

using namespace footprint::core;

namespace {

// Hands out the bytes in pieces of 1..step bytes, the sizes taken from `sizes` in turn.
class PieceSource final : public ByteSource {
public:
    PieceSource(std::string_view bytes, std::uint8_t step) : bytes_(bytes), step_(step ? step : 1) {}
    std::ptrdiff_t read(char* buffer, std::size_t size) override {
        const std::size_t want = 1 + (calls_++ * 7919u) % step_;
        const std::size_t n = std::min({size, want, bytes_.size() - at_});
        std::memcpy(buffer, bytes_.data() + at_, n);
        at_ += n;
        return static_cast<std::ptrdiff_t>(n);
    }

private:
    std::string_view bytes_;
    std::size_t step_, at_ = 0, calls_ = 0;
};

std::string gzip(std::string_view text) {
    z_stream z{};
    if (deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) std::abort();
    std::string out(deflateBound(&z, static_cast<uLong>(text.size())) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    z.avail_in = static_cast<uInt>(text.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    if (deflate(&z, Z_FINISH) != Z_STREAM_END) std::abort();
    out.resize(out.size() - z.avail_out);
    deflateEnd(&z);
    return out;
}

bool same(const LoadResult& a, const LoadResult& b) {
    if (a.plan.has_value() != b.plan.has_value() || a.problems.size() != b.problems.size()) return false;
    for (std::size_t i = 0; i < a.problems.size(); ++i)
        if (a.problems[i].path != b.problems[i].path) return false;
    if (a.plan && write_plan(*a.plan) != write_plan(*b.plan)) return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const std::uint8_t mode = data[0], step = data[1];
    const std::string_view text(reinterpret_cast<const char*>(data) + 2, size - 2);
    if (mode & 1) {
        // The text as a snapshot is stored: compressed. Read in pieces, it gives what reading the
        // text whole gives (a text that itself starts like gzip is read as such, so skip it).
        if (looks_gzip(text)) return 0;
        const std::string stored = gzip(text);
        PieceSource in(stored, step);
        const LoadResult whole = read_plan(text);
        const LoadResult piecewise = read_stored_plan(in);
        if (!same(whole, piecewise)) {
            std::fprintf(stderr, "the compressed text reads differently from the text\n");
            std::abort();
        }
        // Any damage to the compressed bytes is refused or gives exactly the same plan.
        if (stored.size() > 20 && (mode & 2)) {
            std::string hurt = stored;
            hurt[static_cast<std::size_t>(step) * 31 % hurt.size()] ^= static_cast<char>(1 + (mode >> 2));
            const LoadResult r = read_stored_plan(hurt);
            if (r.plan && (!whole.plan || write_plan(*r.plan) != write_plan(*whole.plan))) {
                std::fprintf(stderr, "damaged compressed data was read as a different plan\n");
                std::abort();
            }
        }
        return 0;
    }
    // Raw bytes: a stored file of any content. Never a crash; a plan only with no problems; and
    // plain text reads as read_plan reads it.
    PieceSource in(text, step);
    const LoadResult r = read_stored_plan(in);
    if (r.plan.has_value() != r.problems.empty()) std::abort();
    if (!looks_gzip(text) && !same(r, read_plan(text))) {
        std::fprintf(stderr, "plain text reads differently in pieces\n");
        std::abort();
    }
    return 0;
}
