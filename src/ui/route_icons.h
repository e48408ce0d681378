// Fork Awesome codepoints the route planner uses beyond ui/icons.h (same font, same glyph range).
#pragma once

#define ICON_LOCK "\xef\x80\xa3"           // U+F023
#define ICON_UNLOCK "\xef\x82\x9c"         // U+F09C
#define ICON_HOME "\xef\x80\x95"           // U+F015
#define ICON_ROAD "\xef\x80\x98"           // U+F018
#define ICON_MAP_PIN "\xef\x89\xb6"        // U+F276
#define ICON_CUTLERY "\xef\x83\xb5"        // U+F0F5
#define ICON_MAGIC "\xef\x83\x90"          // U+F0D0
#define ICON_ELLIPSIS "\xef\x85\x81"       // U+F141
#define ICON_THUMB_TACK "\xef\x82\x8d"     // U+F08D
#define ICON_SIGN_IN "\xef\x82\x90"        // U+F090
#define ICON_BOLT "\xef\x83\xa7"           // U+F0E7
#define ICON_CALENDAR_PLUS "\xef\x89\xb1"  // U+F271
#define ICON_TABLE "\xef\x83\x8e"          // U+F0CE
#define ICON_ARROWS_V "\xef\x81\xbd"       // U+F07D
#define ICON_FLAG_CHECKERED "\xef\x84\x9e" // U+F11E
#define ICON_CHECK_SQUARE "\xef\x85\x8a"   // U+F14A
#define ICON_SQUARE_O "\xef\x82\x96"       // U+F096
#define ICON_ARROW_RIGHT "\xef\x81\xa1"    // U+F061
#define ICON_EXCHANGE "\xef\x83\xac"       // U+F0EC
#define ICON_PLUS_CIRCLE "\xef\x81\x95"    // U+F055
