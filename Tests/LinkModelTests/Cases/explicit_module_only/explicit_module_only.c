__attribute__((import_module("host"))) void imfoo(int);
void _start(void) { imfoo(7); }
