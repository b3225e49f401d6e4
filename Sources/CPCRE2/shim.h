#ifndef TASKER_LOGSCAN_CPCRE2_SHIM_H
#define TASKER_LOGSCAN_CPCRE2_SHIM_H
// Swift cannot see pcre2.h's width-dispatch macros; fixing the width makes the
// *_8 functions the ones we call.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

// Glibc's Swift module is built without _GNU_SOURCE, which hides these two.
void *memrchr(const void *s, int c, size_t n);
void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);
#endif
