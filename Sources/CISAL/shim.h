#ifndef TASKER_LOGSCAN_CISAL_SHIM_H
#define TASKER_LOGSCAN_CISAL_SHIM_H
#include <isa-l/igzip_lib.h>
#include <stdlib.h>

// ISA-L's inflate for gzip members: header parsed, CRC-32 and length checked
// (ISAL_GZIP). The state is ~40 KB: allocated here, not imported as a Swift value.
static inline struct inflate_state *logscan_isal_new(void) {
    struct inflate_state *s = (struct inflate_state *)malloc(sizeof *s);
    if (s) {
        isal_inflate_init(s);
        s->crc_flag = ISAL_GZIP;
    }
    return s;
}

// Ready for the next member, keeping the input and output pointers.
static inline void logscan_isal_begin_member(struct inflate_state *s) {
    uint8_t *next_in = s->next_in, *next_out = s->next_out;
    uint32_t avail_in = s->avail_in, avail_out = s->avail_out;
    isal_inflate_reset(s);
    s->crc_flag = ISAL_GZIP;
    s->wrapper_flag = 0;  // parse the next member's header
    s->next_in = next_in;
    s->avail_in = avail_in;
    s->next_out = next_out;
    s->avail_out = avail_out;
}

// The member is decoded and its trailer checked.
static inline int logscan_isal_member_done(const struct inflate_state *s) {
    return s->block_state == ISAL_BLOCK_FINISH;
}

// Compressed bytes read ahead into the bit buffer: not yet consumed.
static inline uint32_t logscan_isal_buffered_bytes(const struct inflate_state *s) {
    return (uint32_t)(s->read_in_length / 8);
}
#endif
