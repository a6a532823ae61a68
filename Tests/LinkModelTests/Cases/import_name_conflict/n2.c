__attribute__((import_name("second"))) void nf(void);
void other(void) { nf(); }
