.tagtype mytag i32

.globl raise
raise:
  .functype raise () -> ()
  i32.const 42
  throw mytag
  end_function
