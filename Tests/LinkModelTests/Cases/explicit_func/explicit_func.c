__attribute__((import_module("host"), import_name("hf"))) int host_fn(int);
int _start(void) { return host_fn(1); }
