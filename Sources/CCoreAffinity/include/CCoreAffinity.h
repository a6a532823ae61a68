#ifndef C_CORE_AFFINITY_H
#define C_CORE_AFFINITY_H

#include <pthread.h>

/// A set of cores (as many as a cpu_set_t holds), opaque to Swift, which cannot see the
/// GNU affinity calls.
typedef struct { unsigned long words[16]; } core_set;

/// Fills `allowed` with the cores the calling thread may use and `elsewhere` with the same
/// minus the core it runs on. Returns 1 when `elsewhere` is not empty, else 0.
int core_affinity_others(core_set *allowed, core_set *elsewhere);

/// Makes threads created with `attributes` start on `cores`. Returns 0 on success.
int core_affinity_set_attribute(pthread_attr_t *attributes, const core_set *cores);

/// Lets the calling thread run on `cores`. Returns 0 on success.
int core_affinity_set_thread(const core_set *cores);

#endif
