.globaltype gimm, i32, immutable

.globl read_gimm
read_gimm:
  .functype read_gimm () -> (i32)
  global.get gimm
  end_function
