.globaltype gx, i32, immutable
.import_module gx, hostg
.import_name gx, counter

.globl read_gx
read_gx:
  .functype read_gx () -> (i32)
  global.get gx
  end_function
