#ifndef TASKER_LOGSCAN_THREAD_START_H
#define TASKER_LOGSCAN_THREAD_START_H
#include <pthread.h>

/// Starts a thread that runs `body(context)`, first on a CPU other than the caller's (the
/// `index`-th other one the process may use), then anywhere it may run.
///
/// Linux puts a new thread on its creator's CPU; while the creator keeps it busy (a scan),
/// the thread waited there 1.8 ms for its first slice on this 2-vCPU VM, and ran beside the
/// creator until the load balancer moved one of them, while the other CPU idled. Started
/// elsewhere, it ran after 0.1-0.2 ms. Without a CPU set (or with one CPU) it is a plain
/// pthread_create. Returns 0 or an errno value, as pthread_create does.
int logscan_thread_start(pthread_t *thread, int index, void *(*body)(void *), void *context);

/// Names the calling thread for `top -H` and debuggers (Linux keeps 15 bytes; longer names
/// are cut, not refused). pthread_setname_np needs _GNU_SOURCE, which Swift's Glibc lacks.
void logscan_thread_set_name(const char *name);

#endif
