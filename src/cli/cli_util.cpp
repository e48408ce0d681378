// Helpers shared by the CLI commands: argument parsing, whole-file reads, atomic writes.
#include "cli/cli.h"
#include "core/plan_json.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace footprint::cli {

bool Args::has(std::string_view flag) const {
    return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

std::optional<std::string_view> Args::value(std::string_view option) const {
    std::optional<std::string_view> found;
    for (const auto& [name, v] : options)
        if (name == option) found = v; // the last one wins, as in most tools
    return found;
}

Args parse_args(std::span<const std::string_view> args, std::initializer_list<std::string_view> flags,
                std::initializer_list<std::string_view> options_with_value) {
    Args out;
    auto is_one_of = [](std::string_view s, std::initializer_list<std::string_view> list) {
        return std::find(list.begin(), list.end(), s) != list.end();
    };
    bool only_positional = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view a = args[i];
        if (only_positional || a.size() < 2 || a[0] != '-') {
            out.positional.push_back(a);
            continue;
        }
        if (a == "--") {
            only_positional = true;
            continue;
        }
        const std::size_t eq = a.find('=');
        const std::string_view name = a.substr(0, eq);
        if (is_one_of(name, options_with_value)) {
            if (eq != std::string_view::npos) {
                out.options.emplace_back(name, a.substr(eq + 1));
            } else if (i + 1 < args.size()) {
                out.options.emplace_back(name, args[++i]);
            } else {
                out.error = std::string(name) + " needs a value";
                return out;
            }
        } else if (eq == std::string_view::npos && is_one_of(a, flags)) {
            out.flags.push_back(a);
        } else {
            out.error = "unknown option " + std::string(a);
            return out;
        }
    }
    return out;
}

int usage_error(std::string_view command, std::string_view message) {
    std::fprintf(stderr, "footprint %.*s: %.*s\n", static_cast<int>(command.size()), command.data(),
                 static_cast<int>(message.size()), message.data());
    for (const Command& c : all_commands())
        if (command == c.name) std::fprintf(stderr, "usage: %s\n", c.usage);
    return kExitUsage;
}

std::optional<std::string> read_file(const std::string& path, std::string& error) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        error = "cannot read " + path + ": " + std::strerror(errno);
        return std::nullopt;
    }
    std::string text;
    char buf[1 << 16];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
    const bool failed = std::ferror(f) != 0;
    const int err = errno; // EISDIR for a directory
    std::fclose(f);
    if (failed) {
        error = "cannot read " + path + ": " + std::strerror(err);
        return std::nullopt;
    }
    return text;
}

bool write_file_atomic(const std::string& path, std::string_view data, std::string& error) {
    const std::string tmp = path + ".tmp";
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) {
        error = "cannot write " + tmp + ": " + std::strerror(errno);
        return false;
    }
    const bool wrote = std::fwrite(data.data(), 1, data.size(), f) == data.size();
    int err = errno;
    const bool flushed = std::fflush(f) == 0;
    if (wrote && !flushed) err = errno;
    const bool closed = std::fclose(f) == 0;
    if (wrote && flushed && !closed) err = errno;
    if (!wrote || !flushed || !closed) {
        error = "cannot write " + tmp + ": " + std::strerror(err);
        std::remove(tmp.c_str());
        return false;
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        error = "cannot rename " + tmp + " to " + path + ": " + std::strerror(errno);
        std::remove(tmp.c_str());
        return false;
    }
    return true;
}

std::optional<core::Plan> read_plan_file(const std::string& path, std::FILE* problems) {
    std::string error;
    std::optional<std::string> text = read_file(path, error);
    if (!text) {
        std::fprintf(stderr, "footprint: %s\n", error.c_str());
        return std::nullopt;
    }
    core::LoadResult r = core::read_plan(*text);
    if (!r.plan)
        for (const core::Problem& p : r.problems)
            std::fprintf(problems, "%s\n", core::format_problem(path, p).c_str());
    return std::move(r.plan);
}

} // namespace footprint::cli
