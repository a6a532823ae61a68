.functype cs_fn () -> ()

.globl helper
helper:
  .functype helper () -> ()
  end_function

.section .custom_section.myinfo,"",@
  .int32 cs_data
  .int32 cs_fn@FUNCINDEX
