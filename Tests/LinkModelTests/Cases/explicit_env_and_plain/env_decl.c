__attribute__((import_module("env"), import_name("ep"))) void ep(void);
void other(void) { ep(); }
