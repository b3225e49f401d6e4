#define _GNU_SOURCE
#include "thread_start.h"

#include <errno.h>
#include <sched.h>
#include <stdlib.h>

struct start {
    void *(*body)(void *);
    void *context;
    cpu_set_t allowed;
    int restore;
};

static void *trampoline(void *argument) {
    struct start start = *(struct start *)argument;
    free(argument);
    // Once running, the thread may go anywhere the process may: the start CPU was a hint.
    if (start.restore) pthread_setaffinity_np(pthread_self(), sizeof start.allowed, &start.allowed);
    return start.body(start.context);
}

int logscan_thread_start(pthread_t *thread, int index, void *(*body)(void *), void *context) {
    struct start *start = malloc(sizeof *start);
    if (start == NULL) return ENOMEM;
    start->body = body;
    start->context = context;
    start->restore = 0;
    pthread_attr_t attributes;
    int rc = pthread_attr_init(&attributes);
    if (rc != 0) {
        free(start);
        return rc;
    }
    // A CPU set larger than cpu_set_t's 1,024 fails here: the thread starts unpinned.
    if (sched_getaffinity(0, sizeof start->allowed, &start->allowed) == 0) {
        int here = sched_getcpu();
        int others = CPU_COUNT(&start->allowed) - (here >= 0 && CPU_ISSET(here, &start->allowed) ? 1 : 0);
        if (others > 0 && index >= 0) {
            int wanted = index % others;
            for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
                if (!CPU_ISSET(cpu, &start->allowed) || cpu == here) continue;
                if (wanted-- == 0) {
                    cpu_set_t one;
                    CPU_ZERO(&one);
                    CPU_SET(cpu, &one);
                    start->restore = pthread_attr_setaffinity_np(&attributes, sizeof one, &one) == 0;
                    break;
                }
            }
        }
    }
    rc = pthread_create(thread, &attributes, trampoline, start);
    pthread_attr_destroy(&attributes);
    if (rc != 0) free(start);
    return rc;
}

void logscan_thread_set_name(const char *name) {
    char cut[16];
    size_t i = 0;
    for (; name[i] != 0 && i < sizeof cut - 1; i++) cut[i] = name[i];
    cut[i] = 0;
    pthread_setname_np(pthread_self(), cut);
}
