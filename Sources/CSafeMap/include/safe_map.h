#ifndef TASKER_LOGSCAN_SAFE_MAP_H
#define TASKER_LOGSCAN_SAFE_MAP_H
#include <stddef.h>

/// Maps `length` bytes of `fd` from `offset` read-only (pages read in at once) and guards
/// the mapping: if the file shrinks while it is mapped, reading a page past its new end
/// gives zeros instead of SIGBUS, and `logscan_unmap` says so. `*data` points at `offset`.
/// Returns 0, or an errno value (nothing mapped).
int logscan_map(int fd, long long offset, size_t length, const unsigned char **data, void **handle);

/// Unmaps what `logscan_map` mapped. Returns -1, or, when a page of it was past the end of
/// the file while it was read (the file was truncated meanwhile), the offset from `data` of
/// the first byte that read as zeros.
long long logscan_unmap(void *handle);

/// Whether a page of the mapping read as zeros so far (the file was truncated under it).
int logscan_is_truncated(void *handle);

#endif
