void rust_missing(void);
void entry_point(void) { rust_missing(); }
