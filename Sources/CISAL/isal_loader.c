#include "isal_loader.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>

static void (*p_init)(struct inflate_state *);
static void (*p_reset)(struct inflate_state *);
static int (*p_inflate)(struct inflate_state *);
static int loaded;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
    // The soname: the ABI the header describes. RTLD_LOCAL: nothing else sees its symbols.
    void *h = dlopen("libisal.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!h) return;
    p_init = (void (*)(struct inflate_state *))dlsym(h, "isal_inflate_init");
    p_reset = (void (*)(struct inflate_state *))dlsym(h, "isal_inflate_reset");
    p_inflate = (int (*)(struct inflate_state *))dlsym(h, "isal_inflate");
    if (p_init && p_reset && p_inflate) {
        loaded = 1;
    } else {
        dlclose(h);
    }
}

int logscan_isal_available(void) {
    pthread_once(&once, load);
    return loaded;
}

struct inflate_state *logscan_isal_new(void) {
    if (!logscan_isal_available()) return NULL;
    struct inflate_state *s = (struct inflate_state *)malloc(sizeof *s);
    if (s) {
        p_init(s);
        s->crc_flag = ISAL_GZIP;
    }
    return s;
}

int logscan_isal_inflate(struct inflate_state *s) { return p_inflate(s); }

void logscan_isal_begin_member(struct inflate_state *s) {
    uint8_t *next_in = s->next_in, *next_out = s->next_out;
    uint32_t avail_in = s->avail_in, avail_out = s->avail_out;
    p_reset(s);
    s->crc_flag = ISAL_GZIP;
    s->wrapper_flag = 0;  // parse the next member's header
    s->next_in = next_in;
    s->avail_in = avail_in;
    s->next_out = next_out;
    s->avail_out = avail_out;
}
