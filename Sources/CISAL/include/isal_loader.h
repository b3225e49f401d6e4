#ifndef TASKER_LOGSCAN_CISAL_LOADER_H
#define TASKER_LOGSCAN_CISAL_LOADER_H
#include <isa-l/igzip_lib.h>
#include <stdint.h>

// ISA-L's inflate for gzip members (header parsed, CRC-32 and length checked:
// ISAL_GZIP), loaded with dlopen the first time a gzip input is read rather than
// linked: the release binary is static (docs/PERFORMANCE.md, eighth pass), Debian
// ships no static libisal, and a run without a gzip input never loads it. Without
// libisal.so.2 every member is decoded by zlib (GzipByteSource).

// 1 when libisal.so.2 and its three entry points were found (loaded once, thread-safe).
int logscan_isal_available(void);

// A decoder state (~40 KB, allocated here), or NULL when ISA-L is not available or
// memory is short. Free it with free().
struct inflate_state *logscan_isal_new(void);

// isal_inflate: ISAL_DECOMP_OK, ISAL_END_INPUT, or a negative error.
int logscan_isal_inflate(struct inflate_state *s);

// Ready for the next member, keeping the input and output pointers.
void logscan_isal_begin_member(struct inflate_state *s);

// The member is decoded and its trailer checked.
static inline int logscan_isal_member_done(const struct inflate_state *s) {
    return s->block_state == ISAL_BLOCK_FINISH;
}

// Compressed bytes read ahead into the bit buffer: not yet consumed.
static inline uint32_t logscan_isal_buffered_bytes(const struct inflate_state *s) {
    return (uint32_t)(s->read_in_length / 8);
}
#endif
