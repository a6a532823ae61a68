__attribute__((import_module("host"), import_name("cb"))) void cb(void);
void (*volatile sink)(void);
void _start(void) { sink = cb; cb(); }
