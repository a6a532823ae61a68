.globaltype gmut, i64

.globl bump
bump:
  .functype bump () -> ()
  global.get gmut
  i64.const 1
  i64.add
  global.set gmut
  end_function
