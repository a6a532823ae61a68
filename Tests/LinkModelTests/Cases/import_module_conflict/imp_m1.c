__attribute__((import_module("m1"))) void cf(void);
void other(void);
void _start(void) { cf(); other(); }
