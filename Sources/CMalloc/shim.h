#ifndef TASKER_LOGSCAN_CMALLOC_SHIM_H
#define TASKER_LOGSCAN_CMALLOC_SHIM_H
// Any libc header defines __GLIBC__ when the libc is glibc.
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>

// glibc raises its mmap threshold each time a large block is freed, so large blocks
// end up in heap arenas that keep their pages after free; a fixed threshold returns
// them to the system at once. Returns 0 when glibc refused.
static inline int logscan_fix_mmap_threshold(int bytes) {
    return mallopt(M_MMAP_THRESHOLD, bytes);
}
#else
static inline int logscan_fix_mmap_threshold(int bytes) { (void)bytes; return 1; }
#endif
#endif
