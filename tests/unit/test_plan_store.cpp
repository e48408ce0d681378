// Stored snapshots: compressed a piece at a time, read back the same, damage always detected,
// older plain saves still read; and a journal with a gap stops where the gap is.
#include "app/save.h"
#include "core/plan_journal.h"
#include "core/plan_store.h"
#include "core/synthetic_plan.h"

#include <doctest/doctest.h>

#include <zlib.h>

#include <algorithm>
#include <map>

using namespace footprint;
using namespace footprint::core;

namespace {

// gunzip, independently of plan_store.cpp.
std::string gunzip(const std::string& bytes) {
    z_stream z{};
    REQUIRE(inflateInit2(&z, 15 + 16) == Z_OK);
    std::string out(1 << 16, '\0');
    std::string text;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        z.next_out = reinterpret_cast<Bytef*>(out.data());
        z.avail_out = static_cast<uInt>(out.size());
        rc = inflate(&z, Z_NO_FLUSH);
        REQUIRE((rc == Z_OK || rc == Z_STREAM_END));
        text.append(out.data(), out.size() - z.avail_out);
    }
    inflateEnd(&z);
    return text;
}

// A source that hands out at most `step` bytes a read, like a file read in small pieces.
class TrickleSource final : public ByteSource {
public:
    TrickleSource(std::string_view bytes, std::size_t step) : bytes_(bytes), step_(step) {}
    std::ptrdiff_t read(char* buffer, std::size_t size) override {
        const std::size_t n = std::min({size, step_, bytes_.size() - at_});
        std::copy_n(bytes_.data() + at_, n, buffer);
        at_ += n;
        return static_cast<std::ptrdiff_t>(n);
    }

private:
    std::string_view bytes_;
    std::size_t step_, at_ = 0;
};

std::string first_problem(const LoadResult& r) {
    return r.problems.empty() ? std::string() : format_problem("save", r.problems.front());
}

} // namespace

TEST_CASE("a snapshot is the plan's exact text, gzip-compressed, and reads back the same plan") {
    const Plan plan = make_synthetic_plan(300, 600, 11);
    const std::string text = write_plan(plan);
    const std::string stored = compress_plan(plan);
    CHECK(looks_gzip(stored));
    CHECK(gunzip(stored) == text);                  // what `gunzip` or DecompressionStream gives
    CHECK(stored.size() * 3 < text.size());         // and it is much smaller
    LoadResult r = read_stored_plan(stored);
    INFO(first_problem(r));
    REQUIRE(r.plan);
    CHECK(write_plan(*r.plan) == text);
    // Read in small pieces, the same.
    TrickleSource trickle(stored, 7);
    LoadResult t = read_stored_plan(trickle);
    REQUIRE(t.plan);
    CHECK(write_plan(*t.plan) == text);
}

TEST_CASE("the snapshot writer compresses as it goes, with progress, and never holds the text") {
    const Plan plan = make_synthetic_plan(2000, 3000, 5);
    StringSink sink;
    SnapshotWriter w(plan, sink);
    int steps = 0;
    double last = 0;
    std::size_t grew_while_writing = 0;
    while (!w.step(500)) {
        ++steps;
        CHECK(w.progress() >= last);
        last = w.progress();
        if (sink.bytes.size() > 0) ++grew_while_writing;
    }
    CHECK_FALSE(w.failed());
    CHECK(steps > 5);
    CHECK(grew_while_writing > 0); // compressed bytes reached the sink before the end
    CHECK(w.stored_bytes() == sink.bytes.size());
    CHECK(w.text_bytes() == write_plan(plan).size());
    CHECK(gunzip(sink.bytes) == write_plan(plan));
}

TEST_CASE("a sink that fails makes the writer stop and say so") {
    struct Full : ByteSink {
        std::size_t room = 1000;
        bool write(std::string_view b) override {
            if (b.size() > room) return false;
            room -= b.size();
            return true;
        }
    } full;
    const Plan plan = make_synthetic_plan(3000, 3000, 5);
    SnapshotWriter w(plan, full);
    while (!w.step(1000)) {
    }
    CHECK(w.failed());
}

TEST_CASE("a damaged, cut-short or padded snapshot is refused with one problem, never misread") {
    const Plan plan = make_synthetic_plan(50, 80, 2);
    const std::string stored = compress_plan(plan);
    struct Case {
        const char* what;
        std::string bytes;
        const char* expect;
    };
    std::string flipped = stored;
    flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x20);
    std::string bad_crc = stored;
    bad_crc[bad_crc.size() - 6] = static_cast<char>(bad_crc[bad_crc.size() - 6] ^ 1); // CRC-32 in the trailer
    const Case cases[] = {
        {"cut in half", stored.substr(0, stored.size() / 2), "cut short"},
        {"trailer missing", stored.substr(0, stored.size() - 4), "cut short"},
        {"a flipped bit", flipped, "compressed plan"},
        {"a wrong checksum", bad_crc, "damaged"},
        {"bytes after it", stored + "garbage", "unexpected data after"},
        {"just the magic", stored.substr(0, 2), "cut short"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        LoadResult r = read_stored_plan(c.bytes);
        CHECK_FALSE(r.plan);
        REQUIRE(r.problems.size() == 1);
        CHECK(first_problem(r).find(c.expect) != std::string::npos);
    }
}

TEST_CASE("plain JSON saves (from before compression) and exports still read, with the same problems") {
    const Plan plan = make_synthetic_plan(40, 60, 4);
    const std::string text = write_plan(plan);
    LoadResult r = read_stored_plan(text);
    REQUIRE(r.plan);
    CHECK(write_plan(*r.plan) == text);
    TrickleSource trickle(text, 3);
    REQUIRE(read_stored_plan(trickle).plan);

    // Syntax errors have the line and column read_plan gives for the whole text.
    const std::string bad[] = {"{\"format\": \"footprint-plan\",\n \"version\": 1,\n \"accounts\": [1,,]}",
                               text.substr(0, text.size() / 3), "not json", "[1, 2"};
    for (const std::string& b : bad) {
        CAPTURE(b.substr(0, 60));
        LoadResult whole = read_plan(b);
        LoadResult stored = read_stored_plan(b);
        REQUIRE_FALSE(stored.plan);
        REQUIRE(whole.problems.size() == 1);
        REQUIRE(stored.problems.size() == 1);
        CHECK(stored.problems[0].message == whole.problems[0].message);
    }
    LoadResult empty = read_stored_plan(std::string());
    REQUIRE(empty.problems.size() == 1);
    CHECK(empty.problems[0].message == "the file is empty");
    // Every problem a full read finds is found the same way through the stored reader.
    Json doc = Json::parse(text);
    doc["accounts"][3]["status"] = "lead";
    doc["activities"][2]["date"] = "2026-02-30";
    LoadResult a = read_plan(doc.dump());
    LoadResult b = read_stored_plan(doc.dump());
    REQUIRE(a.problems.size() == 2);
    REQUIRE(b.problems.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(a.problems[i].path == b.problems[i].path);
        CHECK(a.problems[i].message == b.problems[i].message);
    }
}

TEST_CASE("records without unknown fields carry no allocated extra object") {
    const Plan plan = make_synthetic_plan(10, 10, 1);
    LoadResult r = read_stored_plan(compress_plan(plan));
    REQUIRE(r.plan);
    CHECK(r.plan->accounts[0].extra.is_null());
    CHECK(r.plan->accounts[0].contacts[0].extra.is_null());
    CHECK(r.plan->activities[0].extra.is_null());
    CHECK(r.plan->extra.is_null());
}

TEST_CASE("a journal with a missing entry stops at the gap and says which is missing") {
    Plan plan = make_empty_plan("p", "Plan", Timestamp{1});
    std::map<std::string, std::string> files;
    files[app::save_file_name(1)] = compress_plan(plan);
    PlanIndex idx;
    idx.rebuild(plan);
    for (int i = 1; i <= 3; ++i) {
        plan.name = "Name " + std::to_string(i);
        TouchedSet t;
        t.info = true;
        files[app::journal_file_name(1, static_cast<std::uint64_t>(i))] = write_journal_entry(plan, idx, t);
    }
    files.erase(app::journal_file_name(1, 2));
    auto read = [&](const std::string& n) -> std::optional<std::string> {
        auto it = files.find(n);
        if (it == files.end()) return std::nullopt;
        return it->second;
    };
    auto journal_of = [&](const std::string&) {
        std::vector<std::string> out;
        for (const auto& [name, text] : files)
            if (app::journal_sequence(name)) out.push_back(name);
        return out;
    };
    app::StartupResult r = app::open_newest_good_save({app::save_file_name(1)}, read, journal_of);
    REQUIRE(r.plan);
    CHECK(r.plan->name == "Name 1"); // entry 3 is not applied over the missing entry 2
    CHECK(r.journal_applied == 1);
    CHECK(r.journal_broken);
    REQUIRE(r.skipped.size() == 1);
    CHECK(r.skipped[0].rfind(app::journal_file_name(1, 2) + ": missing", 0) == 0);
}

TEST_CASE("a journal whose replay breaks the plan opens the snapshot alone, read again") {
    Plan plan = make_synthetic_plan(5, 5, 3);
    std::map<std::string, std::string> files;
    files[app::save_file_name(1)] = compress_plan(plan);
    // An entry adding an opportunity for an account that does not exist: readable on its own,
    // but the assembled plan has a dangling reference.
    Plan part = plan;
    part.accounts.clear();
    part.activities.clear();
    part.territories.clear();
    part.opportunities.resize(1);
    part.opportunities[0].id = "opp-new";
    part.opportunities[0].account_id = "acc-nowhere";
    std::string entry = "{\"format\":\"footprint-journal\",\"version\":1,\"removed\":{},\"plan\":" +
                        write_plan(part) + "}";
    files[app::journal_file_name(1, 1)] = entry;
    int opened = 0;
    app::OpenFile open = [&](const std::string& n) -> std::unique_ptr<ByteSource> {
        ++opened;
        auto it = files.find(n);
        if (it == files.end()) return nullptr;
        return std::make_unique<StringSource>(it->second);
    };
    auto read = [&](const std::string& n) -> std::optional<std::string> { return files.at(n); };
    auto journal_of = [&](const std::string&) { return std::vector<std::string>{app::journal_file_name(1, 1)}; };
    app::StartupResult r = app::open_newest_good_save({app::save_file_name(1)}, open, read, journal_of);
    REQUIRE(r.plan);
    CHECK(opened == 2);
    CHECK(r.journal_broken);
    CHECK(r.journal_applied == 0);
    CHECK(write_plan(*r.plan) == write_plan(plan));
}
