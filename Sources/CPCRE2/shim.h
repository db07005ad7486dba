#ifndef TEXTPIPE_CPCRE2_SHIM_H
#define TEXTPIPE_CPCRE2_SHIM_H
// Only the 8-bit (UTF-8) code unit width is used: TextPipe works on UTF-8 bytes.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
