// Icon codepoints of Fork Awesome (Debian fonts-fork-awesome), merged into the body font.
// Macros, so they concatenate with label literals: ICON_MAP " Map".
#pragma once


#define ICON_MAP "\xef\x89\xb9" // U+F279
#define ICON_BUILDING "\xef\x86\xad" // U+F1AD
#define ICON_FUNNEL "\xef\x82\xb0" // U+F0B0
#define ICON_LINE_CHART "\xef\x88\x81" // U+F201
#define ICON_CALENDAR "\xef\x81\xb3" // U+F073
#define ICON_BAR_CHART "\xef\x82\x80" // U+F080
#define ICON_UNDO "\xef\x83\xa2" // U+F0E2
#define ICON_REDO "\xef\x80\x9e" // U+F01E
#define ICON_CHECK "\xef\x80\x8c" // U+F00C
#define ICON_SPINNER "\xef\x84\x90" // U+F110
#define ICON_WIFI "\xef\x87\xab" // U+F1EB
#define ICON_CLOUD "\xef\x83\x82" // U+F0C2
#define ICON_SUN "\xef\x86\x85" // U+F185
#define ICON_MOON "\xef\x86\x86" // U+F186
#define ICON_FILE_NEW "\xef\x80\x96" // U+F016
#define ICON_FOLDER_OPEN "\xef\x81\xbc" // U+F07C
#define ICON_DOWNLOAD "\xef\x80\x99" // U+F019
#define ICON_UPLOAD "\xef\x82\x93" // U+F093
#define ICON_WARNING "\xef\x81\xb1" // U+F071
#define ICON_INFO "\xef\x81\x9a" // U+F05A
#define ICON_SEARCH "\xef\x80\x82" // U+F002
#define ICON_PHONE "\xef\x82\x95" // U+F095
#define ICON_ENVELOPE "\xef\x83\xa0" // U+F0E0
#define ICON_HANDSHAKE "\xef\x8a\xb5" // U+F2B5
#define ICON_FLAG "\xef\x80\xa4" // U+F024
#define ICON_STAR "\xef\x80\x85" // U+F005
#define ICON_CIRCLE "\xef\x84\x91" // U+F111
#define ICON_TIMES "\xef\x80\x8d" // U+F00D
#define ICON_BARS "\xef\x83\x89" // U+F0C9
#define ICON_COG "\xef\x80\x93" // U+F013
#define ICON_DATABASE "\xef\x87\x80" // U+F1C0
#define ICON_CLOCK "\xef\x80\x97" // U+F017
#define ICON_REFRESH "\xef\x80\xa1" // U+F021
#define ICON_TROPHY "\xef\x82\x91" // U+F091
#define ICON_LIGHTBULB "\xef\x83\xab" // U+F0EB
#define ICON_MAP_MARKER "\xef\x81\x81" // U+F041
#define ICON_USER "\xef\x80\x87" // U+F007
#define ICON_USERS "\xef\x83\x80" // U+F0C0
#define ICON_CAR "\xef\x86\xb9" // U+F1B9
#define ICON_FILE_TEXT "\xef\x85\x9c" // U+F15C
#define ICON_BRIEFCASE "\xef\x82\xb1" // U+F0B1
#define ICON_HISTORY "\xef\x87\x9a" // U+F1DA
#define ICON_TAG "\xef\x80\xab" // U+F02B
#define ICON_PENCIL "\xef\x81\x80" // U+F040
#define ICON_TRASH "\xef\x87\xb8" // U+F1F8
#define ICON_PLUS "\xef\x81\xa7" // U+F067
#define ICON_EXCLAMATION_CIRCLE "\xef\x81\xaa" // U+F06A
#define ICON_CHECK_CIRCLE "\xef\x81\x98" // U+F058
#define ICON_TIMES_CIRCLE "\xef\x81\x97" // U+F057
#define ICON_CALENDAR_CHECK "\xef\x89\xb4" // U+F274
#define ICON_HDD "\xef\x82\xa0" // U+F0A0
#define ICON_FLASK "\xef\x83\x83" // U+F0C3
#define ICON_ROCKET "\xef\x84\xb5" // U+F135
#define ICON_BULLSEYE "\xef\x85\x80" // U+F140
#define ICON_SORT "\xef\x83\x9c" // U+F0DC
#define ICON_CHEVRON_RIGHT "\xef\x81\x94" // U+F054
#define ICON_CIRCLE_O "\xef\x84\x8c" // U+F10C
#define ICON_DOT_CIRCLE "\xef\x86\x92" // U+F192
#define ICON_USD "\xef\x85\x95" // U+F155
#define ICON_SQUARE "\xef\x83\x88" // U+F0C8
#define ICON_SITEMAP "\xef\x83\xa8" // U+F0E8
#define ICON_KEYBOARD "\xef\x84\x9c" // U+F11C
// Sharing, merging and the team roll-up.
#define ICON_SHARE_ALT "\xef\x87\xa0" // U+F1E0
#define ICON_CODE_FORK "\xef\x84\xa6" // U+F126
#define ICON_FILE_EXCEL "\xef\x87\x83" // U+F1C3
#define ICON_EYE_SLASH "\xef\x81\xb0" // U+F070

// Glyph range merged from the icon font.
#define ICON_RANGE_FIRST 0xF000
#define ICON_RANGE_LAST 0xF2E0

#define ICON_CHEVRON_LEFT "\xef\x81\x93" // U+F053
#define ICON_PRINT "\xef\x80\xaf" // U+F02F
#define ICON_CHECK_SQUARE "\xef\x85\x8a" // U+F14A
