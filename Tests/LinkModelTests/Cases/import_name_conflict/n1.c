__attribute__((import_name("first"))) void nf(void);
void other(void);
void _start(void) { nf(); other(); }
