// The TSPLIB reader: a specification part of "KEY : VALUE" lines, then NODE_COORD_SECTION.
#include "core/tsplib.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace footprint::core {

namespace {

// The largest coordinate accepted: keeps every distance within 32 bits.
constexpr double kMaxCoordinate = 1e8;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> tokens(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
            ++i;
        const std::size_t start = i;
        while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            ++i;
        if (i > start) out.push_back(s.substr(start, i - start));
    }
    return out;
}

// A whole token as a finite number (strtod: integers, decimals, exponents; never a locale comma,
// since Footprint never sets a locale).
std::optional<double> number(std::string_view tok) {
    if (tok.empty() || tok.size() > 64) return std::nullopt;
    const std::string s(tok);
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<long long> integer(std::string_view tok) {
    if (tok.empty() || tok.size() > 12) return std::nullopt;
    long long v = 0;
    for (char ch : tok) {
        if (ch < '0' || ch > '9') return std::nullopt;
        v = v * 10 + (ch - '0');
    }
    return v;
}

std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (char ch : s.substr(0, 40))
        out += (static_cast<unsigned char>(ch) < 0x20) ? '?' : ch;
    if (s.size() > 40) out += "…";
    return out + "\"";
}

int nint(double x) {
    return static_cast<int>(x + 0.5);
}

double geo_radians(double v) {
    constexpr double kPi = 3.141592;     // TSPLIB's value, not M_PI: the optima depend on it
    const int deg = static_cast<int>(v); // truncation, as the TSPLIB FAQ specifies
    const double min = v - deg;
    return kPi * (deg + 5.0 * min / 3.0) / 180.0;
}

} // namespace

std::string_view to_string(TsplibMetric m) {
    switch (m) {
    case TsplibMetric::Euc2d:
        return "EUC_2D";
    case TsplibMetric::Ceil2d:
        return "CEIL_2D";
    case TsplibMetric::Att:
        return "ATT";
    case TsplibMetric::Geo:
        return "GEO";
    }
    return "";
}

std::int32_t tsplib_distance(TsplibMetric metric, TsplibPoint a, TsplibPoint b) {
    const double dx = a.x - b.x, dy = a.y - b.y;
    switch (metric) {
    case TsplibMetric::Euc2d:
        return nint(std::sqrt(dx * dx + dy * dy));
    case TsplibMetric::Ceil2d:
        return static_cast<std::int32_t>(std::ceil(std::sqrt(dx * dx + dy * dy)));
    case TsplibMetric::Att: {
        const double r = std::sqrt((dx * dx + dy * dy) / 10.0);
        const int t = nint(r);
        return t < r ? t + 1 : t;
    }
    case TsplibMetric::Geo: {
        constexpr double kRadius = 6378.388;
        const double lat1 = geo_radians(a.x), lon1 = geo_radians(a.y);
        const double lat2 = geo_radians(b.x), lon2 = geo_radians(b.y);
        const double q1 = std::cos(lon1 - lon2), q2 = std::cos(lat1 - lat2),
                     q3 = std::cos(lat1 + lat2);
        // Rounding can push the argument a hair past 1 for (nearly) equal points; acos would
        // return NaN there.
        const double arg = std::clamp(0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3), -1.0, 1.0);
        return static_cast<std::int32_t>(kRadius * std::acos(arg) + 1.0);
    }
    }
    return 0;
}

CostMatrix tsplib_costs(const TsplibInstance& inst) {
    return CostMatrix::build(static_cast<int>(inst.nodes.size()), [&](int i, int j) {
        return tsplib_distance(inst.metric, inst.nodes[static_cast<std::size_t>(i)],
                               inst.nodes[static_cast<std::size_t>(j)]);
    });
}

TsplibResult read_tsplib(std::string_view text, std::string_view file_name) {
    TsplibResult result;
    TsplibInstance inst;
    int line_no = 0;
    int last_line = 1; // the last line with text: where a missing part is reported
    auto fail = [&](int line, std::string message) {
        result.error =
            std::string(file_name) + ":" + std::to_string(line) + ": " + std::move(message);
        return result;
    };
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

    long long dimension = -1;
    bool have_type = false, have_metric = false, in_coords = false, done = false;
    std::size_t filled = 0;
    std::vector<int> seen_on; // the line each node was given on (0: not yet)

    std::size_t at = 0;
    while (at <= text.size() && !done) {
        const std::size_t nl = text.find('\n', at);
        const std::string_view raw =
            text.substr(at, nl == std::string_view::npos ? text.size() - at : nl - at);
        at = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
        ++line_no;
        const std::string_view line = trim(raw);
        if (line.empty()) continue;
        last_line = line_no;
        if (line.find('\0') != std::string_view::npos)
            return fail(line_no, "the file contains a NUL byte: not a TSPLIB text file");

        if (in_coords) {
            if (line == "EOF") {
                done = true;
                break;
            }
            const auto tok = tokens(line);
            if (tok.size() != 3)
                return fail(line_no, "expected \"NODE X Y\" (" + std::to_string(filled) + " of " +
                                         std::to_string(dimension) + " nodes read), found " +
                                         quoted(line));
            const auto idx = integer(tok[0]);
            if (!idx || *idx < 1 || *idx > dimension)
                return fail(line_no, "node number " + quoted(tok[0]) + " is not between 1 and " +
                                         std::to_string(dimension) + " (the DIMENSION)");
            const auto x = number(tok[1]), y = number(tok[2]);
            if (!x) return fail(line_no, "coordinate " + quoted(tok[1]) + " is not a number");
            if (!y) return fail(line_no, "coordinate " + quoted(tok[2]) + " is not a number");
            if (std::fabs(*x) > kMaxCoordinate || std::fabs(*y) > kMaxCoordinate)
                return fail(line_no, "coordinates beyond ±100,000,000 are not supported");
            if (inst.metric == TsplibMetric::Geo && (std::fabs(*x) > 90.0 || std::fabs(*y) > 180.0))
                return fail(line_no, "GEO coordinates are latitude and longitude (DDD.MM): " +
                                         quoted(line) + " is out of range");
            const auto i = static_cast<std::size_t>(*idx - 1);
            if (seen_on[i] != 0)
                return fail(line_no, "node " + std::to_string(*idx) +
                                         " is given twice (first on line " +
                                         std::to_string(seen_on[i]) + ")");
            seen_on[i] = line_no;
            inst.nodes[i] = {*x, *y};
            if (++filled == static_cast<std::size_t>(dimension)) done = true;
            continue;
        }

        if (line == "EOF") break;
        if (line.substr(0, 18) == "NODE_COORD_SECTION") {
            if (trim(line.substr(18)) != "" && trim(line.substr(18)) != ":")
                return fail(line_no, "unexpected text after NODE_COORD_SECTION");
            if (dimension < 0) return fail(line_no, "NODE_COORD_SECTION comes before DIMENSION");
            if (!have_metric)
                return fail(line_no, "NODE_COORD_SECTION comes before EDGE_WEIGHT_TYPE");
            in_coords = true;
            continue;
        }
        const std::size_t colon = line.find(':');
        const std::string_view key = trim(line.substr(0, colon));
        const std::string_view value =
            colon == std::string_view::npos ? std::string_view{} : trim(line.substr(colon + 1));
        if (colon == std::string_view::npos) {
            if (key.find("_SECTION") != std::string_view::npos)
                return fail(line_no, std::string(key) +
                                         " is not supported (Footprint reads NODE_COORD_SECTION)");
            return fail(line_no, "expected \"KEYWORD : VALUE\" or NODE_COORD_SECTION, found " +
                                     quoted(line));
        }
        if (key == "NAME") {
            inst.name = std::string(value);
        } else if (key == "COMMENT") {
            if (!inst.comment.empty()) inst.comment += ' ';
            inst.comment += std::string(value);
        } else if (key == "TYPE") {
            if (value != "TSP")
                return fail(line_no,
                            "TYPE " + quoted(value) +
                                " is not supported (Footprint reads symmetric TSP instances)");
            have_type = true;
        } else if (key == "DIMENSION") {
            const auto n = integer(value);
            if (!n || *n < 1)
                return fail(line_no,
                            "DIMENSION " + quoted(value) + " is not a positive whole number");
            if (*n > kMaxTourNodes)
                return fail(line_no, "DIMENSION " + std::to_string(*n) + " is more than the " +
                                         std::to_string(kMaxTourNodes) + " nodes Footprint solves");
            if (dimension >= 0) return fail(line_no, "DIMENSION is given twice");
            dimension = *n;
            inst.nodes.assign(static_cast<std::size_t>(dimension), {});
            seen_on.assign(static_cast<std::size_t>(dimension), 0);
        } else if (key == "EDGE_WEIGHT_TYPE") {
            if (value == "EUC_2D")
                inst.metric = TsplibMetric::Euc2d;
            else if (value == "CEIL_2D")
                inst.metric = TsplibMetric::Ceil2d;
            else if (value == "ATT")
                inst.metric = TsplibMetric::Att;
            else if (value == "GEO")
                inst.metric = TsplibMetric::Geo;
            else
                return fail(line_no,
                            "EDGE_WEIGHT_TYPE " + quoted(value) +
                                " is not supported (supported: EUC_2D, CEIL_2D, ATT, GEO)");
            have_metric = true;
        } else if (key == "NODE_COORD_TYPE") {
            if (value != "TWOD_COORDS")
                return fail(line_no, "NODE_COORD_TYPE " + quoted(value) +
                                         " is not supported (expected TWOD_COORDS)");
        } else if (key == "DISPLAY_DATA_TYPE") {
            // How a viewer would draw the instance; irrelevant to distances.
        } else if (key == "EDGE_WEIGHT_FORMAT") {
            if (value != "FUNCTION")
                return fail(line_no,
                            "EDGE_WEIGHT_FORMAT " + quoted(value) +
                                " is not supported (Footprint reads coordinate instances)");
        } else if (key == "EDGE_DATA_FORMAT" || key == "CAPACITY") {
            return fail(line_no, std::string(key) +
                                     " is not supported (Footprint reads coordinate instances)");
        } else {
            return fail(line_no, "unknown keyword " + quoted(key));
        }
    }
    if (!have_type && dimension < 0)
        return fail(last_line, "not a TSPLIB file: no TYPE or DIMENSION");
    if (dimension < 0) return fail(last_line, "DIMENSION is missing");
    if (!have_metric) return fail(last_line, "EDGE_WEIGHT_TYPE is missing");
    if (filled < static_cast<std::size_t>(dimension)) {
        if (filled == 0 && !in_coords) return fail(last_line, "NODE_COORD_SECTION is missing");
        return fail(last_line, "the file ends after " + std::to_string(filled) + " of " +
                                   std::to_string(dimension) + " nodes");
    }
    // Anything after the nodes other than EOF is an unsupported section or a mistake.
    while (at <= text.size()) {
        const std::size_t nl = text.find('\n', at);
        const std::string_view line =
            trim(text.substr(at, nl == std::string_view::npos ? text.size() - at : nl - at));
        at = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
        ++line_no;
        if (line.empty()) continue;
        if (line == "EOF") break;
        return fail(line_no, "unexpected " + quoted(line) + " after the " +
                                 std::to_string(dimension) + " nodes");
    }
    result.instance = std::move(inst);
    return result;
}

} // namespace footprint::core
