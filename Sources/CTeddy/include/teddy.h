#ifndef TASKER_LOGSCAN_TEDDY_H
#define TASKER_LOGSCAN_TEDDY_H

#include <stdint.h>

/* Teddy multi-literal prefilter with the newline count fused into the same pass.
 * Each literal is represented by a 3-byte window (its fingerprint) at an offset the
 * caller chooses; the literals are spread over 8 buckets, and nibble masks looked up
 * with pshufb tell, for 16 or 32 positions at once, which buckets' windows start there
 * (with AVX-512 VBMI, one 128-entry table per window byte tells it for 64 positions).
 * Only those positions are compared in full. */

/* Instruction sets, in increasing order. */
enum {
    TEDDY_ISA_NONE = 0,  /* no SIMD kernel on this machine: use the portable Swift code */
    TEDDY_ISA_SSSE3 = 1,
    TEDDY_ISA_AVX2 = 2,
    TEDDY_ISA_AVX512 = 3,  /* AVX-512 BW and VBMI: 7-bit byte tables looked up with vpermi2b */
};

/* Most literals one matcher takes. */
#define TEDDY_MAX_LITERALS 64

typedef struct teddy teddy_t;

/* Result of one scan of [from, to). */
typedef struct {
    /* Start of the earliest full literal match (ending at or before `to`), or -1. */
    int64_t position;
    /* Index of that literal (the lowest index among literals starting there). */
    int32_t literal;
    /* 1 when some run of bytes without a newline in [from, position or to) may be
     * longer than the limit given (conservative: the caller measures exactly). */
    int32_t may_have_long_line;
    /* Newlines in [from, position), or in [from, to) when nothing matched. */
    int64_t newlines;
} teddy_result;

/* The best instruction set this CPU supports (run-time detection). */
int32_t teddy_best_isa(void);

/* Buckets a matcher has: literals beyond this many share one. */
#define TEDDY_BUCKETS 8

/* A matcher for `count` literals (`lengths[k]` >= 3 bytes, fingerprint window at
 * `offsets[k]`, 0 <= offsets[k] <= lengths[k] - 3, in bucket `buckets[k]` < 8; NULL:
 * literal k in bucket k % 8). Literals sharing a bucket share its nibble masks, which
 * then also accept mixtures of their windows' nibbles: the caller chooses which share.
 * `isa` asks for an instruction set; it is lowered to what the CPU supports. NULL on
 * bad arguments or when no SIMD kernel is available. The literal bytes are copied. */
teddy_t *teddy_new(const uint8_t *const *literals, const int32_t *lengths, const int32_t *offsets,
                   const int32_t *buckets, int32_t count, int32_t isa);

/* The instruction set the matcher runs with. */
int32_t teddy_isa(const teddy_t *t);

void teddy_free(teddy_t *t);

/* Scans base[from, to) (all readable). `long_limit`: see may_have_long_line. */
void teddy_scan(const teddy_t *t, const uint8_t *base, int64_t from, int64_t to, int64_t long_limit,
                teddy_result *out);

#endif
