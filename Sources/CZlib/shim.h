#ifndef TASKER_LOGSCAN_CZLIB_SHIM_H
#define TASKER_LOGSCAN_CZLIB_SHIM_H
#include <zlib.h>

// inflateInit2 is a macro; Swift cannot call it, so expose a function.
static inline int logscan_inflate_init2(z_streamp strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}
#endif
