#include "teddy.h"

#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define TEDDY_X86 1
#endif

#define NO_MATCH INT64_MAX

struct teddy {
    /* Nibble masks per window byte j: bit b of lo[j][x] is set when a literal of
     * bucket b has low nibble x at window byte j (likewise hi). */
    uint8_t lo[3][16];
    uint8_t hi[3][16];
    /* Bit b of byte7[j][x] is set when a literal of bucket b has a byte with low 7 bits x
     * at window byte j (the AVX-512 kernel: vpermi2b ignores the top bit). */
    uint8_t byte7[3][128];
    int32_t isa;
    int32_t count;
    /* Largest window offset: how far past a match's start an earlier-starting
     * literal's window may lie. */
    int32_t max_offset;
    int32_t bucket_size[TEDDY_BUCKETS];
    int32_t bucket[TEDDY_BUCKETS][TEDDY_MAX_LITERALS];
    int32_t length[TEDDY_MAX_LITERALS];
    int32_t offset[TEDDY_MAX_LITERALS];
    uint8_t *bytes[TEDDY_MAX_LITERALS];
};

int32_t teddy_best_isa(void) {
#ifdef TEDDY_X86
    __builtin_cpu_init();
    /* The compiler runtime checks that the OS saves the zmm state (XCR0) too. */
    if (__builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vbmi")) return TEDDY_ISA_AVX512;
    if (__builtin_cpu_supports("avx2")) return TEDDY_ISA_AVX2;
    if (__builtin_cpu_supports("ssse3")) return TEDDY_ISA_SSSE3;
#endif
    return TEDDY_ISA_NONE;
}

teddy_t *teddy_new(const uint8_t *const *literals, const int32_t *lengths, const int32_t *offsets,
                   const int32_t *buckets, int32_t count, int32_t isa) {
    int32_t best = teddy_best_isa();
    if (best == TEDDY_ISA_NONE || count < 1 || count > TEDDY_MAX_LITERALS) return NULL;
    for (int32_t k = 0; k < count; k++) {
        if (lengths[k] < 3 || offsets[k] < 0 || offsets[k] > lengths[k] - 3) return NULL;
        if (buckets && (buckets[k] < 0 || buckets[k] >= TEDDY_BUCKETS)) return NULL;
    }
    teddy_t *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    t->isa = (isa <= TEDDY_ISA_NONE || isa > best) ? best : isa;
    t->count = count;
    for (int32_t k = 0; k < count; k++) {
        t->bytes[k] = malloc((size_t)lengths[k]);
        if (!t->bytes[k]) {
            teddy_free(t);
            return NULL;
        }
        memcpy(t->bytes[k], literals[k], (size_t)lengths[k]);
        t->length[k] = lengths[k];
        t->offset[k] = offsets[k];
        if (offsets[k] > t->max_offset) t->max_offset = offsets[k];
        /* A bucket of one literal tests an exact 3-byte window (AVX2, SSSE3: by nibbles;
         * AVX-512: by the low 7 bits of each byte); the caller chooses which share one. */
        int32_t b = buckets ? buckets[k] : k % TEDDY_BUCKETS;
        t->bucket[b][t->bucket_size[b]++] = k;
        for (int j = 0; j < 3; j++) {
            uint8_t c = literals[k][offsets[k] + j];
            t->lo[j][c & 15] |= (uint8_t)(1u << b);
            t->hi[j][c >> 4] |= (uint8_t)(1u << b);
            t->byte7[j][c & 0x7F] |= (uint8_t)(1u << b);
        }
    }
    return t;
}

int32_t teddy_isa(const teddy_t *t) { return t->isa; }

void teddy_free(teddy_t *t) {
    if (!t) return;
    for (int32_t k = 0; k < t->count; k++) free(t->bytes[k]);
    free(t);
}

/* Buckets whose window starts at base[w] (the three bytes must be readable). */
static inline uint8_t window_buckets(const teddy_t *t, const uint8_t *w) {
    return t->lo[0][w[0] & 15] & t->hi[0][w[0] >> 4] & t->lo[1][w[1] & 15] & t->hi[1][w[1] >> 4] &
           t->lo[2][w[2] & 15] & t->hi[2][w[2] >> 4];
}

/* Verifies the literals of `buckets` whose window is at w; keeps the earliest start
 * (lowest literal index on a tie) in *best / *best_k. */
static inline void verify(const teddy_t *t, const uint8_t *base, int64_t from, int64_t to, int64_t w,
                          uint32_t buckets, int64_t *best, int32_t *best_k) {
    while (buckets) {
        int b = __builtin_ctz(buckets);
        buckets &= buckets - 1;
        for (int32_t i = 0; i < t->bucket_size[b]; i++) {
            int32_t k = t->bucket[b][i];
            int64_t s = w - t->offset[k];
            if (s < from || s + t->length[k] > to) continue;
            if (s > *best || (s == *best && k > *best_k)) continue;
            if (memcmp(base + s, t->bytes[k], (size_t)t->length[k]) == 0) {
                *best = s;
                *best_k = k;
            }
        }
    }
}

/* Newline count and long-run tracking over a mask of newline positions in `width`
 * (<= 64) bytes: `run` is the number of bytes since the last newline. Without
 * branches: about a third of the 64-byte blocks of a log hold a newline, a branch on
 * it mispredicts, and that cost more than the block's lookups (skip_avx512 on the
 * plain bench log, 256 MB: see docs/PERFORMANCE.md). */
static inline void track_newlines(uint64_t nl, int width, int64_t limit, int64_t *run, int64_t *newlines,
                                  int32_t *flag) {
    /* With no newline: first = width, and the run goes on through the block. */
    int64_t first = nl ? __builtin_ctzll(nl) : 64;
    int64_t lead = nl ? __builtin_clzll(nl) : 64;
    if (first > width) first = width;
    *flag |= *run + first > limit;
    *newlines += __builtin_popcountll(nl);
    /* Bytes after the block's last newline: width - 1 - (63 - lead). */
    int64_t keep = -(int64_t)(nl == 0);
    *run = (*run & keep) + width - 64 + lead;
    /* Lines between two newlines of one block are shorter than the block. */
}

/* The scalar part shared by every kernel: window positions [w, to - 2), then the
 * newlines of [counted, end of the answer). */
static void finish(const teddy_t *t, const uint8_t *base, int64_t from, int64_t to, int64_t w,
                   int64_t counted, int64_t limit, int64_t run, int64_t newlines, int32_t flag, int64_t best,
                   int32_t best_k, teddy_result *out) {
    for (; w + 3 <= to; w++) {
        if (best != NO_MATCH && w > best + t->max_offset) break;
        uint8_t m = window_buckets(t, base + w);
        if (m) verify(t, base, from, to, w, m, &best, &best_k);
    }
    int64_t end = best == NO_MATCH ? to : best;
    for (int64_t i = counted; i < end; i++) {
        if (base[i] == '\n') {
            newlines++;
            run = 0;
        } else if (++run > limit) {
            flag = 1;
        }
    }
    out->position = best == NO_MATCH ? -1 : best;
    out->literal = best == NO_MATCH ? -1 : best_k;
    out->newlines = newlines;
    out->may_have_long_line = flag;
}

#ifdef TEDDY_X86

/* Newline state of a scan: carried through the hot loops in registers. */
typedef struct {
    int64_t run, newlines;
    int32_t flag;
} lines_t;

#define SSSE3_BLOCK(v0, v1, v2, r)                                                                    \
    __m128i v0 = _mm_loadu_si128((const __m128i *)(base + p));                                       \
    __m128i v1 = _mm_loadu_si128((const __m128i *)(base + p + 1));                                   \
    __m128i v2 = _mm_loadu_si128((const __m128i *)(base + p + 2));                                   \
    __m128i r = _mm_and_si128(_mm_shuffle_epi8(lo0, _mm_and_si128(v0, nibble)),                      \
                              _mm_shuffle_epi8(hi0, _mm_and_si128(_mm_srli_epi16(v0, 4), nibble)));  \
    r = _mm_and_si128(r, _mm_shuffle_epi8(lo1, _mm_and_si128(v1, nibble)));                          \
    r = _mm_and_si128(r, _mm_shuffle_epi8(hi1, _mm_and_si128(_mm_srli_epi16(v1, 4), nibble)));       \
    r = _mm_and_si128(r, _mm_shuffle_epi8(lo2, _mm_and_si128(v2, nibble)));                          \
    r = _mm_and_si128(r, _mm_shuffle_epi8(hi2, _mm_and_si128(_mm_srli_epi16(v2, 4), nibble)));

/* The hot loop: blocks without a fingerprint hit, newlines counted. No calls in
 * it, so the masks stay in registers. Returns the first block with a hit (its
 * lanes in *lanes), or the first block that does not fit before `to`. */
__attribute__((target("ssse3"))) static int64_t skip_ssse3(const teddy_t *t, const uint8_t *base, int64_t p,
                                                           int64_t to, int64_t limit, lines_t *ls,
                                                           uint8_t lanes[16], uint32_t *cand) {
    const __m128i nibble = _mm_set1_epi8(0x0F), newline = _mm_set1_epi8('\n'), zero = _mm_setzero_si128();
    const __m128i lo0 = _mm_loadu_si128((const __m128i *)t->lo[0]), hi0 = _mm_loadu_si128((const __m128i *)t->hi[0]);
    const __m128i lo1 = _mm_loadu_si128((const __m128i *)t->lo[1]), hi1 = _mm_loadu_si128((const __m128i *)t->hi[1]);
    const __m128i lo2 = _mm_loadu_si128((const __m128i *)t->lo[2]), hi2 = _mm_loadu_si128((const __m128i *)t->hi[2]);
    lines_t l = *ls;
    /* A block tests the windows at p .. p+15 and reads bytes up to p+17. */
    for (; p + 18 <= to; p += 16) {
        SSSE3_BLOCK(v0, v1, v2, r)
        uint32_t c = (~(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(r, zero))) & 0xFFFF;
        if (c) {
            _mm_storeu_si128((__m128i *)lanes, r);
            *cand = c;
            break;
        }
        track_newlines((uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v0, newline)), 16, limit, &l.run, &l.newlines,
                       &l.flag);
    }
    *ls = l;
    return p;
}

__attribute__((target("avx2"))) static int64_t skip_avx2(const teddy_t *t, const uint8_t *base, int64_t p,
                                                         int64_t to, int64_t limit, lines_t *ls, uint8_t lanes[32],
                                                         uint32_t *cand) {
    const __m256i nibble = _mm256_set1_epi8(0x0F), newline = _mm256_set1_epi8('\n'), zero = _mm256_setzero_si256();
    /* pshufb looks up within each 128-bit lane: the same table in both. */
    const __m256i lo0 = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)t->lo[0]));
    const __m256i hi0 = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)t->hi[0]));
    const __m256i lo1 = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)t->lo[1]));
    const __m256i hi1 = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)t->hi[1]));
    const __m256i lo2 = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)t->lo[2]));
    const __m256i hi2 = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)t->hi[2]));
    lines_t l = *ls;
#define AVX2_BLOCK(q, v0, r)                                                                                  \
    __m256i v0 = _mm256_loadu_si256((const __m256i *)(base + (q)));                                         \
    __m256i r;                                                                                              \
    {                                                                                                       \
        __m256i v1 = _mm256_loadu_si256((const __m256i *)(base + (q) + 1));                                 \
        __m256i v2 = _mm256_loadu_si256((const __m256i *)(base + (q) + 2));                                 \
        r = _mm256_and_si256(_mm256_shuffle_epi8(lo0, _mm256_and_si256(v0, nibble)),                        \
                             _mm256_shuffle_epi8(hi0, _mm256_and_si256(_mm256_srli_epi16(v0, 4), nibble))); \
        r = _mm256_and_si256(r, _mm256_shuffle_epi8(lo1, _mm256_and_si256(v1, nibble)));                    \
        r = _mm256_and_si256(r, _mm256_shuffle_epi8(hi1, _mm256_and_si256(_mm256_srli_epi16(v1, 4), nibble))); \
        r = _mm256_and_si256(r, _mm256_shuffle_epi8(lo2, _mm256_and_si256(v2, nibble)));                    \
        r = _mm256_and_si256(r, _mm256_shuffle_epi8(hi2, _mm256_and_si256(_mm256_srli_epi16(v2, 4), nibble))); \
    }
    /* Two blocks per step while they fit: one branch for both, one newline update
     * for 64 bytes. A hit falls through to the one-block loop, which stops there. */
    while (p + 66 <= to) {
        AVX2_BLOCK(p, a0, ra)
        AVX2_BLOCK(p + 32, b0, rb)
        if (!_mm256_testz_si256(_mm256_or_si256(ra, rb), _mm256_or_si256(ra, rb))) break;
        uint64_t nl = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(a0, newline)) |
                      (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(b0, newline)) << 32;
        track_newlines(nl, 64, limit, &l.run, &l.newlines, &l.flag);
        p += 64;
    }
    /* A block tests the windows at p .. p+31 and reads bytes up to p+33. */
    for (; p + 34 <= to; p += 32) {
        AVX2_BLOCK(p, v0, r)
        uint32_t c = ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(r, zero));
        if (c) {
            _mm256_storeu_si256((__m256i *)lanes, r);
            *cand = c;
            break;
        }
        track_newlines((uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v0, newline)), 32, limit, &l.run,
                       &l.newlines, &l.flag);
    }
#undef AVX2_BLOCK
    *ls = l;
    return p;
}

#define TEDDY_AVX512 __attribute__((target("avx512f,avx512bw,avx512vbmi,popcnt,lzcnt,bmi")))

/* 64 positions per block: each window byte's bucket bits come from one 128-entry table
 * (two zmm registers) looked up by vpermi2b with the byte's low 7 bits, the three
 * lookups ANDed by one vpternlog: about a third of the AVX2 kernel's instructions per
 * byte. A byte with its top bit set reads the entry of its low 7 bits: a superset,
 * which the full comparison settles. */
TEDDY_AVX512 static int64_t skip_avx512(const teddy_t *t, const uint8_t *base, int64_t p, int64_t to,
                                        int64_t limit, lines_t *ls, uint8_t lanes[64], uint64_t *cand) {
    const __m512i t0a = _mm512_loadu_si512((const void *)t->byte7[0]), t0b = _mm512_loadu_si512((const void *)(t->byte7[0] + 64));
    const __m512i t1a = _mm512_loadu_si512((const void *)t->byte7[1]), t1b = _mm512_loadu_si512((const void *)(t->byte7[1] + 64));
    const __m512i t2a = _mm512_loadu_si512((const void *)t->byte7[2]), t2b = _mm512_loadu_si512((const void *)(t->byte7[2] + 64));
    const __m512i newline = _mm512_set1_epi8('\n');
    lines_t l = *ls;
#define AVX512_BLOCK(q, v0, r)                                                                      \
    __m512i v0 = _mm512_loadu_si512((const void *)(base + (q)));                                  \
    __m512i r = _mm512_ternarylogic_epi64(                                                        \
        _mm512_permutex2var_epi8(t0a, v0, t0b),                                                   \
        _mm512_permutex2var_epi8(t1a, _mm512_loadu_si512((const void *)(base + (q) + 1)), t1b),   \
        _mm512_permutex2var_epi8(t2a, _mm512_loadu_si512((const void *)(base + (q) + 2)), t2b), 0x80);
    /* Two blocks per step while they fit: one branch for both. */
    while (p + 130 <= to) {
        AVX512_BLOCK(p, a0, ra)
        AVX512_BLOCK(p + 64, b0, rb)
        if (_mm512_test_epi8_mask(ra, ra) | _mm512_test_epi8_mask(rb, rb)) break;
        track_newlines(_mm512_cmpeq_epi8_mask(a0, newline), 64, limit, &l.run, &l.newlines, &l.flag);
        track_newlines(_mm512_cmpeq_epi8_mask(b0, newline), 64, limit, &l.run, &l.newlines, &l.flag);
        p += 128;
    }
    /* A block tests the windows at p .. p+63 and reads bytes up to p+65. */
    for (; p + 66 <= to; p += 64) {
        AVX512_BLOCK(p, v0, r)
        uint64_t c = _mm512_test_epi8_mask(r, r);
        if (c) {
            _mm512_storeu_si512((void *)lanes, r);
            *cand = c;
            break;
        }
        track_newlines(_mm512_cmpeq_epi8_mask(v0, newline), 64, limit, &l.run, &l.newlines, &l.flag);
    }
#undef AVX512_BLOCK
    *ls = l;
    return p;
}

/* The last bytes [p, to), at most 64 (a block needs 66), as one block of masked loads (masked
 * bytes are not read, so nothing past `to` is touched): the windows that fit are tested,
 * the newlines counted. The scalar tail cost ~5 cycles per byte, and a short range
 * (one line of a split CRI entry, while its pieces are joined) is mostly tail. */
TEDDY_AVX512 static uint64_t tail_avx512(const teddy_t *t, const uint8_t *base, int64_t p, int64_t to,
                                         uint8_t lanes[64], uint64_t *newline_mask) {
    int64_t n = to - p;
    if (n <= 0) {
        *newline_mask = 0;
        return 0;
    }
    const __mmask64 all = n == 64 ? ~(__mmask64)0 : (((__mmask64)1 << n) - 1);
    const __m512i v0 = _mm512_maskz_loadu_epi8(all, base + p);
    *newline_mask = _mm512_cmpeq_epi8_mask(v0, _mm512_set1_epi8('\n')) & all;
    if (n < 3) return 0;
    const __m512i v1 = _mm512_maskz_loadu_epi8(all >> 1, base + p + 1);
    const __m512i v2 = _mm512_maskz_loadu_epi8(all >> 2, base + p + 2);
    const __m512i r = _mm512_ternarylogic_epi64(
        _mm512_permutex2var_epi8(_mm512_loadu_si512((const void *)t->byte7[0]), v0, _mm512_loadu_si512((const void *)(t->byte7[0] + 64))),
        _mm512_permutex2var_epi8(_mm512_loadu_si512((const void *)t->byte7[1]), v1, _mm512_loadu_si512((const void *)(t->byte7[1] + 64))),
        _mm512_permutex2var_epi8(_mm512_loadu_si512((const void *)t->byte7[2]), v2, _mm512_loadu_si512((const void *)(t->byte7[2] + 64))),
        0x80);
    /* Windows starting at p .. to-3. */
    uint64_t c = _mm512_test_epi8_mask(r, r) & (all >> 2);
    if (c) _mm512_storeu_si512((void *)lanes, r);
    return c;
}

TEDDY_AVX512 static uint64_t newlines_avx512(const uint8_t *p) {
    return _mm512_cmpeq_epi8_mask(_mm512_loadu_si512((const void *)p), _mm512_set1_epi8('\n'));
}

/* Newline mask of the 16 or 32 bytes at p (a block with a fingerprint hit). */
__attribute__((target("avx2"))) static uint32_t newlines_avx2(const uint8_t *p) {
    return (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)p), _mm256_set1_epi8('\n')));
}

__attribute__((target("ssse3"))) static uint32_t newlines_ssse3(const uint8_t *p) {
    return (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)p), _mm_set1_epi8('\n')));
}

/* The kernel's skip loop: to the first block with a fingerprint hit. */
static inline int64_t skip(const teddy_t *t, const uint8_t *base, int64_t p, int64_t to, int64_t limit, int32_t isa,
                           lines_t *l, uint8_t lanes[64], uint64_t *cand) {
    if (isa == TEDDY_ISA_AVX512) return skip_avx512(t, base, p, to, limit, l, lanes, cand);
    uint32_t c = 0;
    p = isa == TEDDY_ISA_AVX2 ? skip_avx2(t, base, p, to, limit, l, lanes, &c)
                              : skip_ssse3(t, base, p, to, limit, l, lanes, &c);
    *cand = c;
    return p;
}

/* The block loop of every kernel: skip to a hit, verify it (memcmp: outside the
 * hot loop), go on until the earliest start is certain. */
static void scan_blocks(const teddy_t *t, const uint8_t *base, int64_t from, int64_t to, int64_t limit,
                        int32_t isa, teddy_result *out) {
    const int width = isa == TEDDY_ISA_AVX512 ? 64 : isa == TEDDY_ISA_AVX2 ? 32 : 16;
    /* Lines between two newlines of one block escape the run tracking: with a
     * limit below two blocks, any range that could hold a long line is flagged. */
    lines_t l = {0, 0, limit < 64 && to - from > limit};
    int64_t p = from, counted = from, best = NO_MATCH;
    int32_t best_k = -1;
    uint8_t lanes[64];
    for (;;) {
        uint64_t cand = 0;
        if (best == NO_MATCH) {
            p = skip(t, base, p, to, limit, isa, &l, lanes, &cand);
            counted = p;
            if (!cand && isa == TEDDY_ISA_AVX512 && p < to && to - p <= 64) {
                /* The rest, too short for a block: one masked block, then done. */
                uint64_t nl = 0;
                uint64_t c = tail_avx512(t, base, p, to, lanes, &nl);
                while (c) {
                    int i = __builtin_ctzll(c);
                    c &= c - 1;
                    verify(t, base, from, to, p + i, lanes[i], &best, &best_k);
                }
                if (best == NO_MATCH) {
                    track_newlines(nl, (int)(to - p), limit, &l.run, &l.newlines, &l.flag);
                    counted = to;
                }
                /* Every window of [p, to) was tested: nothing left for the scalar loop. */
                p = to;
                break;
            }
            if (!cand) break;  /* the rest does not fill a block */
        } else {
            /* After a match: only windows of literals that could start earlier. */
            if (p > best + t->max_offset || p + width + 2 > to) break;
            /* One block; its newlines lie past the match: not counted. */
            lines_t after = l;
            p = skip(t, base, p, p + width + 2, limit, isa, &after, lanes, &cand);
            if (!cand) continue;
        }
        int64_t had = best;
        while (cand) {
            int i = __builtin_ctzll(cand);
            cand &= cand - 1;
            verify(t, base, from, to, p + i, lanes[i], &best, &best_k);
        }
        if (best == NO_MATCH || (had == NO_MATCH && best > p)) {
            uint64_t nl = isa == TEDDY_ISA_AVX512 ? newlines_avx512(base + p)
                          : isa == TEDDY_ISA_AVX2 ? newlines_avx2(base + p)
                                                  : newlines_ssse3(base + p);
            /* Up to the block's end, or to the first match in it: the newlines before a
             * match from the block's mask, not byte by byte in `finish` (in an event storm
             * every line has a match). Bytes from a match on hold no newline up to any
             * earlier-starting match found later: a literal has no newline. */
            int n = best == NO_MATCH ? width : (int)(best - p);
            if (n < 64) nl &= ((uint64_t)1 << n) - 1;
            track_newlines(nl, n, limit, &l.run, &l.newlines, &l.flag);
            counted = p + n;
        }
        p += width;
    }
    finish(t, base, from, to, p, counted, limit, l.run, l.newlines, l.flag, best, best_k, out);
}

#endif

void teddy_scan(const teddy_t *t, const uint8_t *base, int64_t from, int64_t to, int64_t long_limit,
                teddy_result *out) {
#ifdef TEDDY_X86
    if (t->isa >= TEDDY_ISA_SSSE3) {
        scan_blocks(t, base, from, to, long_limit, t->isa, out);
        return;
    }
#endif
    finish(t, base, from, to, from, from, long_limit, 0, 0, 0, NO_MATCH, -1, out); /* scalar: exact */
}
