__attribute__((import_module("m2"))) void cf(void);
void other(void) { cf(); }
