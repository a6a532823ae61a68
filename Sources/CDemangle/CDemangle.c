#include "CDemangle.h"

#include <pthread.h>
#include <stdlib.h>

/// Names up to this length run on the caller's stack (at most ~80 KiB used).
static const size_t kInlineLimit = 256;
/// Stack bytes reserved per input byte on the helper thread, and the floor.
static const size_t kStackPerByte = 1024;
static const size_t kMinimumStack = 1024 * 1024;

struct cdemangle_job {
    const char *mangled;
    char *result;
};

static void *cdemangle_run(void *argument) {
    struct cdemangle_job *job = argument;
    int status = 0;
    job->result = __cxa_demangle(job->mangled, NULL, NULL, &status);
    return NULL;
}

char *cdemangle_itanium(const char *mangled, size_t length) {
    struct cdemangle_job job = { mangled, NULL };
    if (length <= kInlineLimit) {
        cdemangle_run(&job);
        return job.result;
    }
    size_t stack = length * kStackPerByte;
    if (stack < kMinimumStack) stack = kMinimumStack;

    pthread_attr_t attributes;
    if (pthread_attr_init(&attributes) != 0) return NULL;
    pthread_t thread;
    int failed = pthread_attr_setstacksize(&attributes, stack)
        || pthread_create(&thread, &attributes, cdemangle_run, &job);
    pthread_attr_destroy(&attributes);
    if (failed) return NULL;
    pthread_join(thread, NULL);
    return job.result;
}
