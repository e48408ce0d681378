// HTML escaping and the printable page frame (see html.h).
#include "core/html.h"

namespace footprint::core {

void append_html_escaped(std::string& out, std::string_view text) {
    for (char ch : text) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
            if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n') break;
            out += ch;
        }
    }
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    append_html_escaped(out, text);
    return out;
}

namespace {

// Letter and A4 both fit: 0.6in margins, system fonts (no web font download), tabular numbers.
constexpr std::string_view kCss = R"(
@page { margin: 0.6in; }
* { box-sizing: border-box; }
body { font-family: Inter, "Segoe UI", system-ui, -apple-system, Helvetica, Arial, sans-serif;
  color: #1f2933; margin: 0 auto; max-width: 8.5in; padding: 24px; font-size: 13px;
  line-height: 1.45; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 24px; margin: 0 0 4px; font-weight: 650; }
h2 { font-size: 16px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #0b6bcb;
  font-weight: 650; break-after: avoid; }
h3 { font-size: 13px; margin: 16px 0 6px; font-weight: 650; }
.muted { color: #616e7c; }
.small { font-size: 11px; }
table { width: 100%; border-collapse: collapse; margin: 6px 0 10px; break-inside: auto; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #e4e7eb;
  vertical-align: top; }
th { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #52606d;
  border-bottom: 1px solid #9aa5b1; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot td { font-weight: 650; border-top: 1px solid #9aa5b1; border-bottom: none; }
.kpis { display: flex; gap: 10px; flex-wrap: wrap; margin: 14px 0 4px; }
.kpi { flex: 1 1 0; min-width: 120px; border: 1px solid #e4e7eb; border-radius: 6px;
  padding: 8px 10px; }
.kpi .v { font-size: 20px; font-weight: 650; font-variant-numeric: tabular-nums; }
.kpi .l { font-size: 11px; color: #616e7c; }
.bar { height: 8px; background: #e4e7eb; border-radius: 4px; overflow: hidden; min-width: 80px; }
.bar > span { display: block; height: 100%; background: #0b6bcb; }
.bar > span.met { background: #2f8132; }
.empty { color: #616e7c; font-style: italic; padding: 6px 0; }
.footer { margin-top: 28px; color: #7b8794; font-size: 11px; }
@media print { body { padding: 0; max-width: none; } }
)";

} // namespace

std::string html_page_begin(std::string_view title, std::string_view extra_css) {
    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'unsafe-inline'; img-src data:\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    append_html_escaped(out, title);
    out += "</title>\n<style>";
    out += kCss;
    out += extra_css;
    out += "</style>\n</head>\n<body>\n";
    return out;
}

std::string html_page_end() {
    return "</body>\n</html>\n";
}

} // namespace footprint::core
