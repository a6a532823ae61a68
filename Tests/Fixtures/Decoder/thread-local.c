// Thread-local data (with atomics and bulk memory, clang emits TLS segments and
// R_WASM_MEMORY_ADDR_TLS_SLEB relocations).
_Thread_local int tls_defined = 1;
extern _Thread_local int tls_undefined;
int read_tls(void) { return tls_defined + tls_undefined; }
