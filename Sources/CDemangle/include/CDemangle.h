#ifndef WASM_UNDEF_CDEMANGLE_H
#define WASM_UNDEF_CDEMANGLE_H

#include <stddef.h>

/// The C++ runtime's Itanium demangler (libstdc++ on Linux, libc++abi on macOS).
/// Returns a `malloc`ed string the caller frees, or NULL with `*status` < 0.
char *__cxa_demangle(const char *mangled, char *buf, size_t *len, int *status);

/// Calls `__cxa_demangle` on a thread whose stack is sized for `mangled`.
///
/// libstdc++'s demangler keeps per-character work arrays and its recursion on
/// the stack (about 300 bytes per input byte in the worst case), so a long
/// name can overflow the small stack of a secondary thread. Short names are
/// demangled on the calling thread; longer ones on a helper thread with a
/// stack proportional to the name. Returns NULL when the name is not valid,
/// or when the helper thread cannot be started.
char *cdemangle_itanium(const char *mangled, size_t length);

#endif
