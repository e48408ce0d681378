// Self-contained printable HTML pages: escaping user text, and the shared page frame (inline CSS,
// no scripts, no external requests) that reports and proposals print from.
#pragma once

#include <string>
#include <string_view>

namespace footprint::core {

// Text for an HTML element or a quoted attribute: & < > " ' become entities, so an account named
// `<script>alert(1)</script>` prints as those characters. Invalid UTF-8 is kept as it is (the
// browser shows U+FFFD); control characters other than tab and newline are dropped.
std::string html_escape(std::string_view text);
void append_html_escaped(std::string& out, std::string_view text);

// The opening of a page up to and including <body>: a <meta charset>, a Content-Security-Policy
// that forbids every script and every external load (so even a bug in escaping cannot run code or
// call home), the page <title> (escaped) and the shared print stylesheet plus `extra_css`.
std::string html_page_begin(std::string_view title, std::string_view extra_css = {});
std::string html_page_end();

} // namespace footprint::core
