.globaltype __tls_size, i32, immutable
.globaltype __tls_align, i32, immutable
.functype __wasm_init_tls (i32) -> ()
.functype __wasm_apply_data_relocs () -> ()
.functype __wasm_init_memory () -> ()

.globl use_tls_symbols
use_tls_symbols:
  .functype use_tls_symbols () -> (i32)
  i32.const 0
  call __wasm_init_tls
  call __wasm_apply_data_relocs
  call __wasm_init_memory
  global.get __tls_size
  global.get __tls_align
  i32.add
  end_function
