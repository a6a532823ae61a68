void em_missing(void);
__attribute__((export_name("exported_fn"))) void exported_fn(void) { em_missing(); }
