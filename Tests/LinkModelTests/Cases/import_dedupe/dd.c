__attribute__((import_module("h"), import_name("same"))) void same_a(void);
__attribute__((import_module("h"), import_name("same"))) void same_b(void);
__attribute__((import_module("h"), import_name("same"))) int same_c(int);
void plain(void);
void _start(void) { same_a(); same_b(); same_c(1); plain(); }
