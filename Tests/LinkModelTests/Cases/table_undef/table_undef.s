.tabletype tab, externref

.globl table_size
table_size:
  .functype table_size () -> (i32)
  table.size tab
  end_function
