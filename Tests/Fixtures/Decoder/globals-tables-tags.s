.globaltype defined_global, i32
defined_global:
.globaltype imported_global, i64, immutable
.globaltype mut_import, i32
.tabletype defined_table, externref
defined_table:
.tabletype imported_table, funcref
.tagtype imported_tag i32
.tagtype defined_tag i64
defined_tag:
.import_module explicit_g, host
.import_name explicit_g, the_g
.globaltype explicit_g, f32, immutable

.functype use_all () -> ()
.globl use_all
use_all:
  .functype use_all () -> ()
  global.get defined_global
  drop
  global.get imported_global
  drop
  global.get mut_import
  i32.const 1
  i32.add
  global.set mut_import
  global.get explicit_g
  drop
  i32.const 0
  table.get imported_table
  drop
  i32.const 0
  table.get defined_table
  drop
  i32.const 7
  throw imported_tag
  end_function
