.functype asm_ext (i32) -> (i32)
.import_module asm_ext, hostmod
.import_name asm_ext, ext_name

.globl call_ext
call_ext:
  .functype call_ext () -> (i32)
  i32.const 5
  call asm_ext
  end_function
