// Read-only file mappings that survive the file being truncated under them.
//
// Reading a mapped page past the end of a file raises SIGBUS; a log rotated by
// `copytruncate` while it is scanned would kill the process. A SIGBUS handler that finds
// the address in one of the registered mappings maps a zero page over it, marks the
// mapping and returns: the read sees zeros, and the scanner reports the truncation.
// Any other SIGBUS goes to the handler that was there before (or the default action).
#define _GNU_SOURCE
#include "safe_map.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

// Mappings alive at once: one per scanning thread, and a few to spare.
#define SLOTS 64

struct slot {
    _Atomic uintptr_t start;   // 0: free
    _Atomic size_t length;
    _Atomic int truncated;
    _Atomic uintptr_t first_fault;   // lowest address that read as zeros
    size_t delta;                    // from start to the caller's data
};

static struct slot slots[SLOTS];
static struct sigaction previous;
static size_t page_size;
static pthread_once_t install_once = PTHREAD_ONCE_INIT;
static int installed;

static void on_sigbus(int signal, siginfo_t *info, void *context) {
    uintptr_t address = (uintptr_t)info->si_addr;
    for (int i = 0; i < SLOTS; i++) {
        uintptr_t start = atomic_load(&slots[i].start);
        if (start == 0 || address < start || address >= start + atomic_load(&slots[i].length)) continue;
        void *page = (void *)(address & ~(uintptr_t)(page_size - 1));
        if (mmap(page, page_size, PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, -1, 0) != MAP_FAILED) {
            uintptr_t seen = atomic_load(&slots[i].first_fault);
            while ((uintptr_t)page < seen && !atomic_compare_exchange_weak(&slots[i].first_fault, &seen, (uintptr_t)page)) {}
            atomic_store(&slots[i].truncated, 1);
            return;
        }
        break;
    }
    // Not a guarded page: let the previous disposition handle the fault when it recurs.
    sigaction(SIGBUS, &previous, NULL);
    (void)signal;
    (void)context;
}

static void install(void) {
    page_size = (size_t)sysconf(_SC_PAGESIZE);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_sigbus;
    action.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    installed = sigaction(SIGBUS, &action, &previous) == 0;
}

int logscan_map(int fd, long long offset, size_t length, const unsigned char **data, void **handle) {
    pthread_once(&install_once, install);
    if (!installed) return ENOTSUP;
    if (offset < 0 || length == 0) return EINVAL;
    // From the 2 MiB boundary below: the file offset and the address then agree modulo
    // 2 MiB (the kernel aligns a mapping that large), so page-cache folios of 2 MiB are
    // mapped whole by one fault instead of 16 pages at a time (a range of a parallel scan
    // starts at a line start; 256 MB JSON log, two threads: 1,752 faults before, 1,152
    // after). Only the caller's bytes are touched.
    long long aligned = offset & ~(long long)((2u << 20) - 1);
    size_t delta = (size_t)(offset - aligned);
    size_t total = length + delta;
    int slot = -1;
    for (int i = 0; i < SLOTS && slot < 0; i++) {
        uintptr_t free_start = 0;
        // Claimed with a placeholder, so that no other thread takes it before the mapping exists.
        if (atomic_compare_exchange_strong(&slots[i].start, &free_start, (uintptr_t)1)) slot = i;
    }
    if (slot < 0) return EMFILE;
    atomic_store(&slots[slot].length, 0);
    atomic_store(&slots[slot].truncated, 0);
    atomic_store(&slots[slot].first_fault, UINTPTR_MAX);
    slots[slot].delta = delta;
    void *base = mmap(NULL, total, PROT_READ, MAP_PRIVATE, fd, (off_t)aligned);
    if (base == MAP_FAILED) {
        int error = errno;
        atomic_store(&slots[slot].start, 0);
        return error;
    }
    // Length first: the handler reads start, then length.
    atomic_store(&slots[slot].length, total);
    atomic_store(&slots[slot].start, (uintptr_t)base);
    madvise(base, total, MADV_SEQUENTIAL);
    *data = (const unsigned char *)base + delta;
    *handle = (void *)(uintptr_t)(slot + 1);
    return 0;
}

int logscan_is_truncated(void *handle) {
    int slot = (int)(uintptr_t)handle - 1;
    if (slot < 0 || slot >= SLOTS) return 0;
    return atomic_load(&slots[slot].truncated);
}

long long logscan_unmap(void *handle) {
    int slot = (int)(uintptr_t)handle - 1;
    if (slot < 0 || slot >= SLOTS) return -1;
    uintptr_t start = atomic_load(&slots[slot].start);
    size_t length = atomic_load(&slots[slot].length);
    long long zeros = -1;
    if (atomic_load(&slots[slot].truncated)) {
        uintptr_t data = start + slots[slot].delta;
        uintptr_t fault = atomic_load(&slots[slot].first_fault);
        zeros = fault > data ? (long long)(fault - data) : 0;
    }
    munmap((void *)start, length);
    atomic_store(&slots[slot].start, 0);
    return zeros;
}
