extern char __heap_base[], __heap_end[], __data_end[], __dso_handle[], __global_base[];
extern char __stack_low[], __stack_high[], __memory_base[], __table_base[];
extern char __start_mysec[], __stop_mysec[];
void __wasm_call_ctors(void);
__attribute__((used, section("mysec"))) int in_mysec = 1;
char *volatile sink;
void _start(void) {
  __wasm_call_ctors();
  sink = __heap_base; sink = __heap_end; sink = __data_end; sink = __dso_handle; sink = __global_base;
  sink = __stack_low; sink = __stack_high; sink = __memory_base; sink = __table_base;
  sink = __start_mysec; sink = __stop_mysec;
}
