void dtor_missing(void);
void __wasm_call_dtors(void) { dtor_missing(); }
void _start(void) {}
