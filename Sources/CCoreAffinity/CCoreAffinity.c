#define _GNU_SOURCE
#include "CCoreAffinity.h"

#include <sched.h>
#include <string.h>

_Static_assert(sizeof(core_set) == sizeof(cpu_set_t), "core_set mirrors cpu_set_t");

int core_affinity_others(core_set *allowed, core_set *elsewhere) {
#ifdef __linux__
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) != 0) return 0;
    memcpy(allowed, &set, sizeof set);
    int current = sched_getcpu();
    if (current < 0 || current >= CPU_SETSIZE) return 0;
    CPU_CLR(current, &set);
    memcpy(elsewhere, &set, sizeof set);
    return CPU_COUNT(&set) > 0;
#else
    (void)allowed; (void)elsewhere;
    return 0;
#endif
}

int core_affinity_set_attribute(pthread_attr_t *attributes, const core_set *cores) {
#ifdef __linux__
    return pthread_attr_setaffinity_np(attributes, sizeof(cpu_set_t), (const cpu_set_t *)cores);
#else
    (void)attributes; (void)cores;
    return -1;
#endif
}

int core_affinity_set_thread(const core_set *cores) {
#ifdef __linux__
    return sched_setaffinity(0, sizeof(cpu_set_t), (const cpu_set_t *)cores);
#else
    (void)cores;
    return -1;
#endif
}
