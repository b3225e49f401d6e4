#ifndef TASKER_LOGSCAN_CLZMA_SHIM_H
#define TASKER_LOGSCAN_CLZMA_SHIM_H
#include <lzma.h>

// LZMA_STREAM_INIT is a compound-literal macro Swift cannot import.
static inline lzma_stream logscan_lzma_stream_init(void) {
    lzma_stream s = LZMA_STREAM_INIT;
    return s;
}
// Flag macros built with UINT32_C are not imported either.
static const uint32_t logscan_lzma_concatenated = LZMA_CONCATENATED;
#endif
