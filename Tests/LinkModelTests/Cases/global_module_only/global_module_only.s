.globaltype gm, i64, immutable
.import_module gm, hostg

.globl read_gm
read_gm:
  .functype read_gm () -> (i64)
  global.get gm
  end_function
