.globaltype gmut, i32

.globl _start
_start:
  .functype _start () -> ()
  i32.const 3
  global.set gmut
  end_function
